"""A reported contradiction's explanation: what each side holds, in words that are not the evidence's.

An explanation comes from one of three places, the first that passes code's checks:
1. The model's account of each side (step 11, explain): it completes "<A> says ..." and "<B> says ..."
   in a few words of its own, and code writes the sentence ("The mayor says the bridge reopens in May;
   the builder says repairs last until autumn."). Code keeps it only when each part is short, copies no
   run of either claim's evidence, gives no figure or name the claims do not, and the parts differ
   (`side_problem`).
2. The verifier's comparison (step 10), when it copies no run of the evidence and speaks of the claims:
   "Both claims are about the same event, but they present different information" names nothing of
   either and explains nothing.
3. A sentence code writes from the two actors and the kind of conflict, or from the figures when code
   reported the pair over the verifier's verdict.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counterclaim.language import english, english_numbers
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, ContradictionKind
from counterclaim.pipeline.schemas import VerdictDraft
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords

COPIED_WORDS = 6
"""An explanation sharing a run of this many words with a claim's evidence copies it."""
MAX_SIDE_WORDS = 16
"""The most words the model's account of one side may have."""

EXPLANATION_COPIES_EVIDENCE = Rule(
    "explanations.copies_evidence",
    "The verifier's comparison that copies a run of `copied_words` words of either claim's evidence is "
    "not shown: code writes a sentence from the two actors (each by the shortest name the article gives "
    "it, or 'one side' and 'the other' when even that repeats the evidence) and the kind of conflict; so "
    "is the comparison of a pair reported over the verifier's verdict (conflicting figures), which code "
    "explains from the figures.",
    {"copied_words": COPIED_WORDS},
)
SAYS_NOTHING = Rule(
    "explanations.comparison_says_nothing",
    "The verifier's comparison that shares no content word with either claim, beyond words any "
    'comparison of claims uses ("Both claims are about the same event, but they present different '
    'facts"), is not shown: code writes a sentence from the two actors and the kind of conflict.',
)
EACH_SIDE = Rule(
    "explanations.each_side",
    'A reported contradiction is explained by what each side holds: the model completes "<A> says ..." '
    'and "<B> says ..." in its own words (step 11), and code writes the sentence, in place of the '
    "verifier's comparison.",
)
SIDE_REFUSED = Rule(
    "explanations.side_refused",
    "The model's account of the two sides is not used when a part is empty or longer than "
    "`max_side_words` words, copies a run of `copied_words` words of either claim's evidence, gives a "
    "figure or a name neither claim nor actor gives, or says what the other part says: the explanation "
    "stays as step 10 left it.",
    {"max_side_words": MAX_SIDE_WORDS, "copied_words": COPIED_WORDS},
)
RULES = (EXPLANATION_COPIES_EVIDENCE, SAYS_NOTHING, EACH_SIDE, SIDE_REFUSED)

_KIND_WORDS = {
    ContradictionKind.FACTUAL: "give accounts of the same matter that cannot both be true",
    ContradictionKind.NUMERIC: "give figures for the same count that cannot both be right",
    ContradictionKind.INTENT: "describe intentions that cannot both be sincere",
    ContradictionKind.ASSESSMENT: "judge the same matter in opposite ways",
    ContradictionKind.WORDS_VS_DEEDS: "says one thing and, as the article reports, does another",
    ContradictionKind.SELF: "says two things that cannot both be true",
    ContradictionKind.RECORD: "disagree: what is said cannot be squared with what the article reports",
}
_UNNAMED_SIDES = ("One side", "the other")


def _capitalized(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]  # "The article and ...", as every sentence


def _evidence(claim: Claim) -> str:
    return " ".join(span.text for span in claim.evidence)


def figures_explanation(actor_a: str, actor_b: str, figures: str) -> str:
    """The explanation code writes for a conflict of figures it reports over the verifier's verdict."""
    return _capitalized(f"{actor_a} and {actor_b} {_KIND_WORDS[ContradictionKind.NUMERIC]}: {figures}.")


def copies_words(text: str, source: str, run: int = COPIED_WORDS) -> bool:
    """Whether `text` repeats a run of `run` consecutive words of `source` (case and punctuation aside),
    or all of a shorter source of three words or more."""
    words = re.findall(r"\w+", text.casefold())
    known = re.findall(r"\w+", source.casefold())
    if 3 <= len(known) < run:
        run = len(known)
    runs = {tuple(known[i : i + run]) for i in range(len(known) - run + 1)}
    return any(tuple(words[i : i + run]) in runs for i in range(len(words) - run + 1))


_ABOUT_ANY_CLAIMS = keywords(english.COMPARISON_WORDS_TEXT)


def says_nothing(comparison: str, a: Claim, b: Claim) -> bool:
    """Whether a comparison shares no content word with either claim's statement or evidence, beyond
    the words any comparison of claims uses (`english.COMPARISON_WORDS_TEXT`: "fact", "event", ...)."""
    about = keywords(f"{a.statement} {_evidence(a)} {b.statement} {_evidence(b)}")
    return not (keywords(comparison) - _ABOUT_ANY_CLAIMS) & about


def explanation(
    verdict: VerdictDraft, a: Claim, b: Claim, actor_a: str, actor_b: str, kind: ContradictionKind
) -> tuple[str, Rule | None]:
    """The explanation step 10 gives a reported contradiction, and the rule by which code wrote it
    instead of taking the verifier's comparison (None: the comparison is shown)."""
    comparison = " ".join(verdict.comparison.split())
    evidence = [_evidence(claim) for claim in (a, b)]
    if not comparison or any(copies_words(comparison, text) for text in evidence):
        rule = EXPLANATION_COPIES_EVIDENCE
    elif says_nothing(comparison, a, b):
        rule = SAYS_NOTHING
    else:
        return (comparison if comparison.endswith((".", "!", "?")) else comparison + "."), None
    one_actor = a.actor_id == b.actor_id
    written = conflict_sentence(actor_a, actor_b, kind, one_actor=one_actor)
    if any(copies_words(written, text) for text in evidence):  # a name that is a run of the evidence
        written = (
            conflict_sentence("The speaker", "The speaker", kind, one_actor=True)
            if one_actor
            else conflict_sentence(*_UNNAMED_SIDES, kind, one_actor=False)
        )
    return written, rule


def conflict_sentence(actor_a: str, actor_b: str, kind: ContradictionKind, *, one_actor: bool) -> str:
    """One sentence code writes for a conflict of this kind between two actors, or within one
    (`one_actor`: the claims' actor ids are one, whatever the names read)."""
    if one_actor or kind in (ContradictionKind.WORDS_VS_DEEDS, ContradictionKind.SELF):
        return _capitalized(f"{actor_a} {_KIND_WORDS[kind]}.")
    return _capitalized(f"{actor_a} and {actor_b} {_KIND_WORDS[kind]}.")


_OWN_FRAME = re.compile(
    r"(?P<who>(?:[\w'\u2019.-]+\s+){0,5}[\w'\u2019.-]+)"
    r"\s*(?:(?:says|say|said|claims|claim|insists|argues|reports|reported)\b|:)\s*",
    re.IGNORECASE,
)
"""A frame opening an account: up to six words, then a verb of saying or a colon ("Stoltenberg: ...",
"the Ethiopian government says ..."); it is the model's own when the words are the holder's."""


def _name_forms(names: Sequence[str]) -> list[str]:
    """The forms of a holder's names an account may open with, longest first: each name without a
    leading "the", its description before a preposition ("Opposition leaders" of "Opposition leaders in
    central Ethiopia"), and the surname of a proper name ("Mugabe" of "Robert Mugabe")."""
    forms: set[str] = set()
    for name in names:
        words = re.findall(r"[\w'\u2019.-]+", name)
        if words and words[0].casefold() == "the":
            words = words[1:]
        if not words:
            continue
        forms.add(" ".join(words))
        forms.update(" ".join(words[:n]) for n in range(1, len(words)) if words[n] in english.PREPOSITIONS)
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            forms.add(words[-1])
    return sorted(forms, key=len, reverse=True)


def _in_lower_case(word: str, known: str) -> bool:
    """Whether a capitalized word is no name: a function word, a number, or a word the known text also
    writes in lower case. Any other stays capitalized, so that a name the claims lack is refused."""
    lower = word.casefold()
    return (
        lower in english.FUNCTION_WORDS
        or lower.removesuffix("s") in english_numbers.NUMBER_WORDS  # "Three", "Thousands"
        or re.search(rf"\b{re.escape(lower)}\b", known) is not None
    )


def _written(word: str, known: str) -> str:
    return word.lower() if _in_lower_case(word, known) else word


NARRATOR_LEAD = "the article reports"


@dataclass(frozen=True)
class Lead:
    """The words one side's account completes ("NATO says ..."), and the names of who holds it."""

    words: str
    """"NATO says", "officials say", "NATO also says", "the article reports", "the article reports
    that Moscow"."""
    forms: tuple[str, ...]
    """The holder's names: how the sentence names it first, then every name it goes by."""
    names_subject: bool
    """The lead ends in its holder's name ("... reports that Moscow"): the account goes on from it."""

    def opening_name_end(self, side: str) -> int:
        """Where the holder's name (`_name_forms`, spacing and punctuation aside) ends when the account
        opens with it, else 0."""
        for form in _name_forms(self.forms):
            pattern = r"\W*".join(re.escape(w) for w in re.findall(r"\w+", form))
            if pattern and (found := re.match(rf"(?:the\s+)?{pattern}\b", side, re.IGNORECASE)):
                return found.end()
        return 0

    def _own_frame_end(self, side: str) -> int:
        """Where the model's own frame opening the account ends ("Stoltenberg: ...", "Carl Lipo says
        ...", "Opposition leaders say ...": words of the holder's names, then a verb of saying or a
        colon), else 0."""
        found = _OWN_FRAME.match(side)
        if found is None:
            return 0
        named = {w.casefold() for form in self.forms for w in re.findall(r"\w+", form)} | {"the"}
        return found.end() if all(w.casefold() in named for w in re.findall(r"\w+", found["who"])) else 0

    def account(self, side: str, known: str) -> str:
        """The model's account as the sentence shows it: single spaces, no closing stop; without the
        lead or a frame of the holder's own ("NATO says NATO sees ...", "Stoltenberg: Russia moves
        ..."), nor the name a lead ends in; a title's words in lower case unless they are names
        (`_in_lower_case`, in the `known` text: the claims and the actors' names), as is its first
        word."""
        side = " ".join(side.split()).rstrip(" .;")
        if side.casefold().startswith(self.words.casefold() + " "):
            side = side[len(self.words) + 1 :]
        if end := self._own_frame_end(side):
            side = side[end:]
        elif self.names_subject and (end := self.opening_name_end(side)):
            side = side[end:].strip()
        if title_case(side):
            side = re.sub(r"\b[A-Z][a-z]+\b", lambda word: _written(word[0], known), side)
        first = re.match(r"[A-Z][a-z]+\b", side)
        if first and _in_lower_case(first[0], known) and not self.opening_name_end(side):
            side = side[:1].lower() + side[1:]
        return side

    def clause(self, account: str) -> str:
        """The lead and the account as one clause; an account that opens with its holder's name has a
        verb of its own and goes without the lead ("Macron calls for ...")."""
        if not self.names_subject and self.opening_name_end(account):
            return account
        return f"{self.words} {account}"


def speaks_as_many(name: str, kind: ActorKind) -> bool:
    """Whether a name describes several people and takes a plural verb ("officials say", "Tribal
    leaders in South Waziristan say"): its head noun (the word before a preposition, or the last) is a
    plural, and the name is a description (lower case, a speaker's noun such as "Scientists", or an
    unnamed source), not a proper name ("Airfleets", "the United States")."""
    words = name.split()
    head = next((w for w, after in itertools.pairwise(words) if after in english.PREPOSITIONS), words[-1])
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "\u2019s"))
    described = head.casefold() in english.SPEAKER_NOUNS | english.SOURCE_NOUNS
    return plural and (head[:1].islower() or described or kind is ActorKind.UNNAMED_SOURCE)


def side_leads(
    a: Claim, b: Claim, actors: Mapping[str, Actor], names: Mapping[str, str]
) -> tuple[Lead, Lead]:
    """The words each side's account completes: "<actor> says" for what an actor says, "the article
    reports" for the article's own account (a narrator actor), "the article reports that <actor>" for
    an actor's deed, and "<actor> also says" for an actor's second claim. `actors` and `names` (how the
    sentence names each actor) by actor id."""

    def lead(claim: Claim, *, second: bool) -> Lead:
        actor, name = actors[claim.actor_id], names[claim.actor_id]
        if actor.narrator:
            return Lead(NARRATOR_LEAD, ("the article",), names_subject=False)
        forms = (name, actor.name, *actor.aliases)
        if claim.kind is ClaimKind.ACTION:
            return Lead(f"the article reports that {name}", forms, names_subject=True)
        verb = "say" if speaks_as_many(name, actor.kind) else "says"
        return Lead(f"{name} also {verb}" if second else f"{name} {verb}", forms, names_subject=False)

    return lead(a, second=False), lead(b, second=a.actor_id == b.actor_id)


def known_text(a: Claim, b: Claim, actor_names: Sequence[str]) -> str:
    """What an account may draw on: the two claims' statements and evidence, and the actors' names."""
    return " ".join([a.statement, _evidence(a), b.statement, _evidence(b), *actor_names])


def each_side_sentence(leads: tuple[Lead, Lead], accounts: tuple[str, str]) -> str:
    """The explanation written from the two sides' accounts (`Lead.account`): "<lead A> <A>; <lead B>
    <B>."."""
    second = leads[1].clause(accounts[1])
    if second.startswith("The "):  # "...; the hospital says ...", inside the sentence
        second = "t" + second[1:]
    return _capitalized(f"{leads[0].clause(accounts[0])}; {second}.")


def _unnamed(lead: Lead, label: str) -> Lead:
    """The lead with its holder unnamed ("one side says"); the article's own account stays itself."""
    if lead.words == NARRATOR_LEAD:
        return lead
    if lead.names_subject:
        return Lead(f"the article reports that {label}", lead.forms, names_subject=True)
    return Lead(f"{label} also says" if " also " in lead.words else f"{label} says", lead.forms, False)


def each_side_explanation(
    leads: tuple[Lead, Lead], accounts: tuple[str, str], a: Claim, b: Claim
) -> str | None:
    """`each_side_sentence`, with the sides unnamed when a name repeats a run of a claim's evidence
    ("US Secretary of State Mike Pompeo says ..." -> "the other side says ..."); None when even that
    copies the evidence."""
    labels = ("the speaker", "the speaker") if a.actor_id == b.actor_id else ("one side", "the other side")
    unnamed = (_unnamed(leads[0], labels[0]), _unnamed(leads[1], labels[1]))
    for written in (each_side_sentence(leads, accounts), each_side_sentence(unnamed, accounts)):
        if not any(copies_words(written, _evidence(claim)) for claim in (a, b)):
            return written
    return None


def title_case(side: str) -> bool:
    """Whether every longer word is capitalized, as in a title ("Monarch Population Surges")."""
    longer = [w for w in re.findall(r"[^\W\d_]+", side) if len(w) > 3]
    return len(longer) >= 3 and all(w[:1].isupper() for w in longer)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures(text: str) -> set[str]:
    return {figure.replace(",", "") for figure in _FIGURE.findall(text)}


def _names(text: str) -> set[str]:
    """Capitalized words that are no function words ("Its", "The" open a sentence)."""
    return {
        word.casefold()
        for word in re.findall(r"\b[A-Z]\w*", text)
        if word.casefold() not in english.FUNCTION_WORDS and word != "I"
    }


def side_problem(accounts: tuple[str, str], a: Claim, b: Claim, known: str) -> str | None:
    """Why the two sides' accounts (`Lead.account`) cannot explain the contradiction (`SIDE_REFUSED`),
    or None when they can; `known`: `known_text`."""
    sides = list(accounts)
    known_words = {word.casefold() for word in re.findall(r"\w+", known)}
    for label, side in zip("AB", sides, strict=True):
        words = side.split()
        if len(words) < 2:
            return f"the account of side {label} is {'one word' if words else 'empty'}: {side!r}"
        if len(words) > MAX_SIDE_WORDS:
            return f"the account of side {label} has {len(words)} words (at most {MAX_SIDE_WORDS})"
        if any(copies_words(side, _evidence(claim)) for claim in (a, b)):
            return f"the account of side {label} copies the evidence: {side!r}"
        if extra := sorted(_figures(side) - _figures(known)):
            return f"the account of side {label} gives a figure the claims do not: {', '.join(extra)}"
        if extra := sorted(_names(side) - known_words):
            return f"the account of side {label} names what the claims do not: {', '.join(extra)}"
    if re.findall(r"\w+", sides[0].casefold()) == re.findall(r"\w+", sides[1].casefold()):
        return f"both accounts say the same: {sides[0]!r}"
    return None


def explained_by_sides(
    side_a: str, side_b: str, leads: tuple[Lead, Lead], a: Claim, b: Claim, actor_names: Sequence[str]
) -> tuple[str | None, str | None]:
    """The explanation written from the model's accounts of the two sides, or None and why it cannot
    be (`SIDE_REFUSED`). `actor_names`: every name the two actors go by."""
    known = known_text(a, b, actor_names)
    accounts = (leads[0].account(side_a, known), leads[1].account(side_b, known))
    if problem := side_problem(accounts, a, b, known):
        return None, problem
    written = each_side_explanation(leads, accounts, a, b)
    if written is None:
        return None, "the sentence copies a claim's evidence, even with the sides unnamed"
    return written, None
