"""Whose words an attribution frame reports: whether its speaker is the claim's actor.

Read by frame removal (`frame_removal`) and pronoun naming (`pronoun_naming`): a frame is removed, and
its pronoun named, only when its speaker is the actor ("Smith said", "He said", "a spokesman for the
ministry said") and not others related to it ("Critics of Smith", "Smith's lawyer") or a clause
reporting someone else ("Smith denied that Jones said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from counterclaim.language import english
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.text.frames import PHRASE_OPENERS, Frame, read_frame

_NOT_IN_A_POSSESSIVE = frozenset({"of", "for", "to", "with", "from", "in", "at", "on", "by", "using"})
"""Prepositions of a description that a possessive cannot follow ("One of the victims' husband") when a
lower-case word follows them (a name goes on with a capital: "The Bank of England's")."""


def relayed_frame(frame: Frame, names: Sequence[str]) -> Frame | None:
    """The frame of the actor (one of `names`) that another speaker's frame relays, opening its point
    ("According to investigators, Zhukovskyy said he had over-corrected ...": Zhukovskyy's frame); None
    when the point opens with no frame of the actor's (`ATTRIBUTION_FRAME`)."""
    if frame.after_point:
        return None
    inner = read_frame(frame.point)
    if inner is None or inner.speaker is None or inner.after_point:
        return None
    return inner if any(speaks_for(inner.speaker, name) for name in names) else None


def possessive(name: str) -> str | None:
    """ "the Haitian government's", "Hermès'", "The Bank of England's"; None for a name already a
    possessive ("McDonald's") or a description a possessive cannot follow, a preposition before a
    lower-case word ("One of the victims", "a lawyer for the family")."""
    words_of_name = name.replace("\u2019", "'").split()
    if not words_of_name or words_of_name[-1].endswith("'s") or "," in name:
        return None
    for word, after in pairwise(words_of_name):
        if word.casefold() in _NOT_IN_A_POSSESSIVE and not after[:1].isupper():
            return None  # "One of the victims", not "The Bank of England"
    return f"{name}'" if name.endswith("s") else f"{name}'s"


SUBJECT_AND_POSSESSIVE = {"he": ("he", "his"), "she": ("she", "her")}


_BETWEEN_SPEAKER_AND_VERB = english.WORDS_BETWEEN_SPEAKER_AND_VERB | frozenset(
    "since further once first".split()
)
"""Words a frame may hold between its speaker and its verb ("He also said", "UNESCO reportedly said")."""


_TAKEN_BACK = frozenset({"not", "never", "no", "nor"})
"""A frame's speaker holding one of these (lower-case: "No 10 said" is a name) did not say the point
("Smith never said that ...")."""


OTHERS = (
    "critics?|opponents?|rivals?|enemy|enemies|accusers?|challengers?|victims?|allies|ally|supporters?"
    "|friends?|associates?|lawyers?|attorneys?|relatives?|family|aides?|wife|husband|sons?|daughters?"
    "|biographers?|widow|widower|mother|father|parents?|brothers?|sisters?|partners?|girlfriend|boyfriend"
    "|advis[eo]rs?|colleagues?|neighbou?rs?"
)
"""Others related to an actor, who do not speak as it ("Smith's lawyer", "a critic of Smith")."""


_SOMEONE_ELSE_OF = re.compile(
    rf"\b(?P<others>{OTHERS}|people|persons?|someone|sources?|officials)\s+"
    r"(?:of|to|for|close\s+to|loyal\s+to|familiar\s+with)\s",
    re.IGNORECASE,
)
"""Others named after the actor ("Critics of Smith said", "People close to Smith said")."""


_NOT_THE_SPEAKERS = english.REPORTING_VERBS | frozenset({"that", "believes", "knows", "knew", "thinks"})
"""Words showing a frame's speaker span is a clause of its own ("Smith denied that Jones said ...")."""


_ABOUT_OR_SEEN_BY = re.compile(
    r"\b(?:against|about|(?:seen|obtained|reviewed|examined)\s+by|leaked\s+to)\b", re.IGNORECASE
)
"""Words after which a name in a speaker is not its author ("a lawsuit filed against Acme", "court
documents seen by Reuters")."""


def speaks_for(speaker: str, actor: str) -> bool:
    """Whether a frame's speaker is the actor (a name of it or a pronoun), who said the point: not
    "Smith has not said", "Critics of Smith", "Smith's lawyer", "a Smith aide", nor "Smith denied that
    Jones" (a clause reporting someone else)."""
    raw = [word.replace("\u2019", "'") for word in speaker.split()]
    if _TAKEN_BACK & set(raw) or any(word.endswith("n't") for word in raw):
        return False
    if _ABOUT_OR_SEEN_BY.search(speaker):
        return False  # "a lawsuit filed against Acme", "documents seen by Reuters": not theirs
    for index, word in enumerate(raw):
        named = word in ("called", "named") and index + 1 < len(raw) and raw[index + 1][:1].isupper()
        # "a protester called Katya" is a name; the match is case-sensitive, so a capitalised word of a
        # name ("States" in "The United States") is never read as a verb of a clause of its own
        if word in _NOT_THE_SPEAKERS and not named:
            return False
    if _others_of(speaker, actor):
        return False
    words = speaker_words(speaker)
    if words[-1].casefold() in english.PERSONAL_PRONOUNS and (
        len(words) == 1 or words[0].casefold() in PHRASE_OPENERS
    ):
        return True  # "He said", "On live television he said"
    return actor_named_in(actor, speaker)


def speaker_words(speaker: str) -> list[str]:
    """A frame's speaker's words without those between it and its verb ("He has since said" -> "He",
    "President Trump has said" -> "President Trump")."""
    words = speaker.split()
    while len(words) > 1 and words[-1].casefold() in _BETWEEN_SPEAKER_AND_VERB:
        words.pop()
    return words


def _others_of(speaker: str, actor: str) -> bool:
    """Whether the speaker is others related to the actor: "Critics of Smith", "People close to Smith",
    "Smith's most loyal supporters", "a senior Smith aide", "anti-Smith protesters", "An ally of Ally
    Brennan"; not the actor's own name ("Friends of the Earth", "Lawyers for Human Rights") nor its own
    voice ("Smith's office", "Smith's spokesman"). The actor's whole name is set aside first, so a word
    of it ("ally" in "Sally", "Ally Brennan") is never taken for others."""
    own = (
        [m.span() for m in re.finditer(re.escape(actor.strip()), speaker, re.IGNORECASE)]
        if actor.strip()
        else []
    )
    rest = "".join(" " if any(a <= i < b for a, b in own) else ch for i, ch in enumerate(speaker))
    if _SOMEONE_ELSE_OF.search(rest + " "):
        return True
    tokens = [(m.group(), m.start()) for m in re.finditer(r"\S+", speaker)]
    for index, (token, start) in enumerate(tokens):
        inside = any(a <= start < b for a, b in own)
        if not inside and re.fullmatch(OTHERS, token.strip(".,"), re.IGNORECASE):
            before = [word for word, _ in tokens[max(0, index - 4) : index]]
            owners = (
                re.sub(r"['\u2019]s?$", "", word)
                for word in before
                if word[:1].isupper() or re.search(r"['\u2019]s?$", word)
            )
            if any(actor_named_in(actor, owner) for owner in owners):
                return True  # "Smith's most loyal supporters", "a senior Smith aide", "the victim's mother"
    return re.search(r"\banti-", speaker, re.IGNORECASE) is not None and actor_named_in(actor, speaker)
