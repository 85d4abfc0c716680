"""A reported contradiction's explanation: what each side holds, in words that are not the evidence's.

An explanation comes from one of three places, the first that passes code's checks:
1. The model's account of each side (step 11, explain): it completes "<A> says ..." and "<B> says ..."
   in a few words of its own, and code writes the sentence ("The mayor says the bridge reopens in May;
   the builder says repairs last until autumn."). Code keeps it only when each part is short, is mostly
   no copy of either claim's words (evidence or statement), gives no figure (in digits or words) and no
   capitalized word the claims and actors' names lack, speaks of its own claim rather than the other,
   gives neither the other side's words nor anyone else's, and the parts differ (`side_problem`). An
   account opening with the holder's name and a verb of its stance ("Army spokesman denies ...")
   goes under the name the lead gives it, without the lead. Lowercase names the model invents are not
   caught.
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
from functools import cached_property

from counterclaim.language import english, english_numbers
from counterclaim.language.tokens import plain_words
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, ContradictionKind
from counterclaim.pipeline.schemas import VerdictDraft
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords
from counterclaim.text.sentences import with_full_stop

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
    "verifier's comparison. An account opening with a form of the holder's name and a verb of saying "
    'loses that frame ("Stoltenberg: ...", "Army spokesman says ..."); with a verb of its stance it '
    'keeps the verb under the name its lead gives it ("Pakistani army spokesman denies account"); a '
    'frame of its own at the end goes too ("..., Moscow says").',
)
COPIED_SHARE = 0.8
"""An account most of whose words (this share, at least 4) are one run of a claim's words copies it."""
SIDE_REFUSED = Rule(
    "explanations.side_refused",
    "The model's account of the two sides is not used when a part is empty or longer than "
    "`max_side_words` words; is mostly (`copied_share` of its words, at least 4, in one run) a copy of "
    "either claim's evidence or statement, or the finished sentence repeats a run of `copied_words` words "
    "of the evidence even with the sides unnamed; gives a figure (in digits or words) or a capitalized "
    "word neither claim nor actor name has; speaks only of the other claim's point; gives the other "
    'side\'s words ("..., Mugabe denies") or someone\'s words ("Zimbabwe\'s Herald says ..."); or says '
    "what the other part says. The explanation then stays as step 10 left it.",
    {"max_side_words": MAX_SIDE_WORDS, "copied_share": COPIED_SHARE, "copied_words": COPIED_WORDS},
)
NO_REASON = Rule(
    "explanations.comparison_gives_no_reason",
    "The verifier's comparison whose contrast only says the claims differ (\"Both claims are about "
    'Russia\'s troop movements, but they are reporting different information", "... but they are about '
    'different times and different sources") gives no reason why both cannot hold, and reads as if they '
    "could: it is not shown, and code writes a sentence from the two actors and the kind of conflict.",
)
RULES = (EXPLANATION_COPIES_EVIDENCE, SAYS_NOTHING, NO_REASON, EACH_SIDE, SIDE_REFUSED)

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


def figures_explanation(actor_a: str, actor_b: str, figures: str) -> str:
    """The explanation code writes for a conflict of figures it reports over the verifier's verdict."""
    return _capitalized(f"{actor_a} and {actor_b} {_KIND_WORDS[ContradictionKind.NUMERIC]}: {figures}.")


def _shares_a_run(words: Sequence[str], known: Sequence[str], run: int) -> bool:
    """Whether `words` hold `run` consecutive words that `known` holds in the same order."""
    runs = {tuple(known[i : i + run]) for i in range(len(known) - run + 1)}
    return any(tuple(words[i : i + run]) in runs for i in range(len(words) - run + 1))


def copies_words(text: str, source: str, run: int = COPIED_WORDS) -> bool:
    """Whether `text` repeats a run of `run` consecutive words of `source` (case and punctuation aside),
    or all of a shorter source of three words or more."""
    known = plain_words(source)
    if 3 <= len(known) < run:
        run = len(known)
    return _shares_a_run(plain_words(text), known, run)


_ABOUT_ANY_CLAIMS = keywords(english.COMPARISON_WORDS_TEXT)


def says_nothing(comparison: str, a: Claim, b: Claim) -> bool:
    """Whether a comparison shares no content word with either claim's statement or evidence, beyond
    the words any comparison of claims uses (`english.COMPARISON_WORDS_TEXT`: "fact", "event", ...)."""
    about = keywords(f"{a.statement} {a.evidence_text} {b.statement} {b.evidence_text}")
    return not (keywords(comparison) - _ABOUT_ANY_CLAIMS) & about


_ABOUT_THEN_CONTRAST = re.compile(
    r"^(?:both|the\s+two)\s+(?:claims|statements)\s+(?:are\s+about|concern|discuss|refer\s+to|relate\s+to"
    r"|deal\s+with)\s+[^,;.]+?,?\s+(?:but|while|whereas|however,?|yet)\s+(?P<contrast>.+)$",
    re.IGNORECASE,
)
"""A comparison that says what both claims are about, then how they differ ("Both claims are about
Russia's troop movements, but they are reporting different information")."""
_ONLY_DIFFER = frozenset(keywords(english.COMPARISON_WORDS_TEXT + " " + english.DIFFERING_ASPECT_WORDS_TEXT))
"""The content words of a contrast that only says two claims differ."""


def gives_no_reason(comparison: str) -> bool:
    """Whether a comparison says what both claims are about and then only that they differ: all it says
    after its "but" (to its end) are words any comparison uses and the aspects claims may differ in
    (`english.DIFFERING_ASPECT_WORDS_TEXT`)."""
    found = _ABOUT_THEN_CONTRAST.match(" ".join(comparison.split()))
    return found is not None and not keywords(found["contrast"]) - _ONLY_DIFFER


def explanation(
    verdict: VerdictDraft, a: Claim, b: Claim, actor_a: str, actor_b: str, kind: ContradictionKind
) -> tuple[str, Rule | None]:
    """The explanation step 10 gives a reported contradiction, and the rule by which code wrote it
    instead of taking the verifier's comparison (None: the comparison is shown)."""
    comparison = " ".join(verdict.comparison.split())
    evidence = [claim.evidence_text for claim in (a, b)]
    if not comparison or any(copies_words(comparison, text) for text in evidence):
        rule = EXPLANATION_COPIES_EVIDENCE
    elif says_nothing(comparison, a, b):
        rule = SAYS_NOTHING
    elif gives_no_reason(comparison):
        rule = NO_REASON
    else:
        return with_full_stop(comparison), None
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


_OWN_FRAME_VERBS = (
    "says|say|said|claims|claim|claimed|insists|insisted|argues|argued|reports|reported|alleges|alleged"
)
_OWN_FRAME = re.compile(rf"\s*(?:(?:{_OWN_FRAME_VERBS})\b|:)\s*", re.IGNORECASE)
"""What follows the holder's name in the model's own frame ("Stoltenberg: ...", "... says ...")."""
_SAYING_VERBS = "says|say|said|claimed|reported|alleges|alleged|insists|insisted|argues|argued"
"""Verbs of saying that give someone's words inside an account; not "claims" or "reports", which are
mostly nouns there ("Russia's claims are false", "police reports list three dead")."""
_ACT = re.compile(r"\s+(?:" + "|".join(sorted(english.STANCE_VERBS)) + r")\b", re.IGNORECASE)
"""A verb of the holder's own stance after its name ("Army spokesman denies ..."): the account's own."""
_SAYING_OR_STANCE = r"\s+(?:" + _SAYING_VERBS + "|" + "|".join(sorted(english.STANCE_VERBS)) + r")\b"
"""A verb of saying or of stance after a name ("..., Mugabe denies")."""
_NOT_BEFORE_A_SUBJECT = english.STANCE_VERBS | set(_SAYING_VERBS.split("|")) | english.PREPOSITIONS
"""Words after which a name is an object ("rejects MDC claims", "of Russia's claims"), not a subject."""


def _name_words(name: str) -> list[str]:
    """A name's words, without a leading "the"."""
    words = re.findall(r"[\w'\u2019.-]+", name)
    return words[1:] if words and words[0].casefold() == "the" else words


def _name_forms(names: Sequence[str], others: Sequence[str] = ()) -> list[str]:
    """The forms of a holder's names an account may open with, longest first: each name without a
    leading "the", its description before a preposition ("Opposition leaders" of "Opposition leaders in
    central Ethiopia"), a person's name at its end ("Carl Lipo" of "Professor Carl Lipo"), the surname
    of a proper name ("Mugabe" of "Robert Mugabe"); none that is a form of the other side's names
    (`others`: "Sudan" is no form of South Sudan's when Sudan is the other side)."""
    forms: set[str] = set()
    for words in filter(None, map(_name_words, names)):
        wholes = [" ".join(words)]
        wholes += [" ".join(words[:n]) for n in range(1, len(words)) if words[n] in english.PREPOSITIONS]
        forms.update(wholes)
        for whole in wholes:
            last = whole.split()[-2:]
            if len(last) == 2 and all(w[:1].isupper() for w in last):
                forms.add(" ".join(last))
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            forms.add(words[-1])
    taken = {form.casefold() for form in _name_forms(others)} if others else set()
    return sorted((f for f in forms if f.casefold() not in taken), key=len, reverse=True)


def _head_forms(names: Sequence[str]) -> set[str]:
    """Shorter forms that still name the holder: the tails of a description that keep its head noun
    and open with a lower-case word ("army spokesman", "spokesman" of "Pakistani army spokesman";
    "government" of "the Ethiopian government"); never a part of a proper name ("Korea" of "United
    States Forces Korea", "NATO" of "NATO chief Jens Stoltenberg")."""
    forms: set[str] = set()
    for words in filter(None, map(_name_words, names)):
        head = next((n for n in range(1, len(words)) if words[n] in english.PREPOSITIONS), len(words))
        forms.update(" ".join(words[start:head]) for start in range(1, head) if words[start][:1].islower())
    return {form for form in forms if form.casefold() not in english.FUNCTION_WORDS}


def _holder_forms(names: Sequence[str], others: Sequence[str] = ()) -> list[str]:
    """`_name_forms` and `_head_forms`, longest first; none that is a form of the other side's."""
    taken = {form.casefold() for form in [*_name_forms(others), *_head_forms(others)]} if others else set()
    forms = {*_name_forms(names), *_head_forms(names)}
    return sorted((f for f in forms if f.casefold() not in taken), key=len, reverse=True)


def _opening(form: str) -> str:
    """A pattern for a name form opening a text, spacing and punctuation aside ("U. S." for "U.S.")."""
    return r"(?:the\s+)?" + r"\W*".join(re.escape(w) for w in re.findall(r"\w+", form)) + r"\b"


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
    others: tuple[str, ...] = ()
    """The other side's names: no form of them is taken for the holder's."""

    @cached_property
    def name_forms(self) -> list[str]:
        """The holder's name forms an account may open with (`_name_forms`), worked out once."""
        return _name_forms(self.forms, self.others)

    @cached_property
    def holder_forms(self) -> list[str]:
        """The holder's names and their shorter forms (`_holder_forms`), worked out once."""
        return _holder_forms(self.forms, self.others)

    def named_acting(self, side: str) -> str | None:
        """The words of an account that give the holder's own saying or stance anywhere in it ("...,
        Mugabe denies"), else None; not the object of a verb or preposition ("rejects MDC claims")."""
        for form in self.holder_forms:
            for found in re.finditer(r"(?<!\w)" + _opening(form) + _SAYING_OR_STANCE, side, re.IGNORECASE):
                before = plain_words(side[: found.start()])[-1:]
                if not before or before[0] not in _NOT_BEFORE_A_SUBJECT:
                    return found[0]
        return None

    def _name_end(self, side: str, forms: Sequence[str]) -> int:
        for form in forms:
            if form and (found := re.match(_opening(form), side, re.IGNORECASE)):
                return found.end()
        return 0

    def opening_name_end(self, side: str) -> int:
        """Where the holder's name (`_name_forms`) ends when the account opens with it, else 0."""
        return self._name_end(side, self.name_forms)

    def _holder_end(self, side: str) -> int:
        """Where a name of the holder, or a shorter form of it (`_holder_forms`), ends when the account
        opens with it, else 0."""
        return self._name_end(side, self.holder_forms)

    def _own_frame_end(self, side: str) -> int:
        """Where the model's own frame opening the account ends, else 0: a form of the holder's name,
        then a verb of saying or a colon ("Stoltenberg: ...", "Army spokesman says ...")."""
        end = self._holder_end(side)
        frame = _OWN_FRAME.match(side, end) if end else None
        return frame.end() if frame else 0

    def _without_trailing_frame(self, side: str) -> str:
        """The account without a frame of the holder's own at its end ("forces pull back, Moscow
        says")."""
        for form in self.holder_forms:
            pattern = r",\s*" + _opening(form) + rf"\s+(?:{_OWN_FRAME_VERBS})$"
            if found := re.search(pattern, side, re.IGNORECASE):
                return side[: found.start()].rstrip()
        return side

    def _own_act_end(self, side: str) -> int:
        """Where the holder's name ends when the account opens with it and a verb of its stance
        ("US denies ...", "Army spokesman rejects ..."), else 0; never for the article's own account
        or a deed's lead."""
        if self.names_subject or self.words == NARRATOR_LEAD:
            return 0
        end = self._holder_end(side)
        return end if end and _ACT.match(side, end) else 0

    def account(self, side: str, known: str) -> str:
        """The model's account as the sentence shows it: single spaces, no closing stop; without the
        lead or a frame of the holder's own ("NATO says NATO sees ...", "Stoltenberg: Russia moves
        ..."), nor the name a lead ends in; a title's words in lower case unless they are names
        (`_in_lower_case`, in the `known` text: the claims and the actors' names), as is its first
        word."""
        side = " ".join(side.split()).rstrip(" .;")
        if side.casefold().startswith(self.words.casefold() + " "):
            side = side[len(self.words) + 1 :]
        side = self._without_trailing_frame(side)
        if end := self._own_frame_end(side):
            side = side[end:]
        elif end := self._own_act_end(side):  # "Army spokesman denies it" -> "<the lead's name> denies it"
            side = self.forms[0] + side[end:]
        elif self.names_subject and (end := self.opening_name_end(side)) and side[end : end + 1] == " ":
            side = side[end:].strip()
        if title_case(side):
            side = re.sub(r"\b[A-Z][a-z]+\b", lambda word: _written(word[0], known), side)
        first = re.match(r"[A-Z][a-z]+\b", side)
        if first and _in_lower_case(first[0], known) and not self.opening_name_end(side):
            side = side[:1].lower() + side[1:]
        return side

    def clause(self, account: str) -> str:
        """The lead and the account as one clause. An account opening with the very name the lead
        gives (or the holder's full name) has a verb of its own and goes without the lead ("Macron
        calls for ..."); any other keeps it, so no side's words read as a fact."""
        whole_names = [form for form in self.forms[:2] if form.casefold() not in _casefolded(self.others)]
        if not self.names_subject and self._name_end(account, whole_names):
            return account
        return f"{self.words} {account}"


def _casefolded(names: Sequence[str]) -> set[str]:
    return {name.casefold() for name in names}


def speaks_as_many(name: str, kind: ActorKind) -> bool:
    """Whether a name describes several people and takes a plural verb ("officials say", "Tribal
    leaders in South Waziristan say"): its head noun (the word before a preposition, or the last) is a
    plural, and the name is a description (lower case, a speaker's noun such as "Scientists", or an
    unnamed source), not a proper name ("Airfleets", "the United States")."""
    words = name.split()
    if not words:
        return False
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

    def forms(claim: Claim) -> tuple[str, ...]:
        actor = actors[claim.actor_id]
        return ("the article",) if actor.narrator else (names[actor.id], actor.name, *actor.aliases)

    def lead(claim: Claim, other: Claim, *, second: bool) -> Lead:
        actor, name = actors[claim.actor_id], names[claim.actor_id]
        others = () if other.actor_id == claim.actor_id else forms(other)
        if actor.narrator:
            return Lead(NARRATOR_LEAD, forms(claim), names_subject=False, others=others)
        if claim.kind is ClaimKind.ACTION:
            inside = _as_mid_sentence(name)  # "... reports that the hospital"
            return Lead(f"the article reports that {inside}", forms(claim), names_subject=True, others=others)
        verb = "say" if speaks_as_many(name, actor.kind) else "says"
        words = f"{name} also {verb}" if second else f"{name} {verb}"
        return Lead(words, forms(claim), names_subject=False, others=others)

    return lead(a, b, second=False), lead(b, a, second=a.actor_id == b.actor_id)


def known_text(a: Claim, b: Claim, actor_names: Sequence[str]) -> str:
    """What an account may draw on: the two claims' statements and evidence, and the actors' names."""
    return " ".join([a.statement, a.evidence_text, b.statement, b.evidence_text, *actor_names])


def each_side_sentence(leads: tuple[Lead, Lead], accounts: tuple[str, str]) -> str:
    """The explanation written from the two sides' accounts (`Lead.account`): "<lead A> <A>; <lead B>
    <B>."."""
    second = _as_mid_sentence(leads[1].clause(accounts[1]))  # "...; the hospital says ..."
    return _capitalized(f"{leads[0].clause(accounts[0])}; {second}.")


def _as_mid_sentence(text: str) -> str:
    """Text that opens with "The" as it reads inside a sentence ("the hospital")."""
    return "t" + text[1:] if text.startswith("The ") else text


def _unnamed(lead: Lead, label: str) -> Lead:
    """The lead with its holder unnamed ("one side says"); the article's own account stays itself."""
    if lead.words == NARRATOR_LEAD:
        return lead
    words = f"{label} also says" if " also " in lead.words else f"{label} says"
    if lead.names_subject:
        words = f"the article reports that {label}"
    return Lead(words, lead.forms, lead.names_subject, lead.others)


def each_side_explanation(
    leads: tuple[Lead, Lead], accounts: tuple[str, str], a: Claim, b: Claim
) -> tuple[str | None, bool]:
    """`each_side_sentence`, and whether its sides went unnamed because a name repeats a run of a
    claim's evidence ("US Secretary of State Mike Pompeo says ..." -> "the other side says ...");
    None when even that copies the evidence."""
    labels = ("the speaker", "the speaker") if a.actor_id == b.actor_id else ("one side", "the other side")
    unnamed = (_unnamed(leads[0], labels[0]), _unnamed(leads[1], labels[1]))
    for written, sides_unnamed in (
        (each_side_sentence(leads, accounts), False),
        (each_side_sentence(unnamed, accounts), True),
    ):
        if not any(copies_words(written, claim.evidence_text) for claim in (a, b)):
            return written, sides_unnamed
    return None, True


def title_case(side: str) -> bool:
    """Whether every longer word is capitalized, as in a title ("Monarch Population Surges")."""
    longer = [w for w in re.findall(r"[^\W\d_]+", side) if len(w) > 3]
    return len(longer) >= 3 and all(w[:1].isupper() for w in longer)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures(text: str) -> set[str]:
    """The figures of a text, in digits and in words ("seven" is "7")."""
    digits = {figure.replace(",", "") for figure in _FIGURE.findall(text)}
    spelled = {str(english_numbers.NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.casefold())
               if w in english_numbers.NUMBER_WORDS}  # fmt: skip
    return digits | spelled


def _names(side: str) -> set[str]:
    """Capitalized words of an account (any script), but "I" and a function word opening it."""
    words = re.findall(r"[^\W\d_]\w*", side)
    return {
        word.casefold()
        for position, word in enumerate(words)
        if word[0].isupper()
        and word != "I"
        and not (position == 0 and word.casefold() in english.FUNCTION_WORDS)
    }


def copies_most(side: str, source: str, share: float = COPIED_SHARE) -> bool:
    """Whether most of a short text (`share` of its words, at least 4) is one run of `source`'s words
    (case and punctuation aside; also the summary's test, `summary_support.copies_claim`)."""
    words = plain_words(side)
    run = max(4, int(len(words) * share + 0.999))
    return len(words) >= run and _shares_a_run(words, plain_words(source), run)


def _point_words(text: str) -> set[str]:
    return keywords(text) | _figures(text)


def _speaks_of_the_other(side: str, own: Claim, other: Claim, names: set[str]) -> bool:
    """Whether an account shares words only with the other claim's own point, none with its own
    (the two sides swapped)."""
    said = _point_words(side) - names
    mine = _point_words(f"{own.statement} {own.evidence_text}") - names
    theirs = _point_words(f"{other.statement} {other.evidence_text}") - names
    return bool(said & (theirs - mine)) and not said & mine


_SUBJECT_WORDS = 3


def _nested_report(side: str) -> str | None:
    """Someone's words inside an account ("Zimbabwe's Herald says ...", "opposition leader says
    ..."): a subject of up to `_SUBJECT_WORDS` words, a name or the account's first words, then a verb
    of saying; None when there is none. Not a noun ("claims of", "on claims"), an object ("rejects
    MDC claims") nor a possessive ("Russia's alleged role")."""
    tokens = re.findall(r"[\w'\u2019.-]+|[^\w\s]", side)
    saying = set(_SAYING_VERBS.split("|"))
    for at, token in enumerate(tokens):
        if token.casefold() not in saying or tokens[at + 1 : at + 2] == ["of"]:
            continue
        start = at
        while (
            start > max(0, at - _SUBJECT_WORDS) and tokens[start - 1].casefold() not in _NOT_BEFORE_A_SUBJECT
        ):
            if not re.match(r"\w", tokens[start - 1]):
                break
            start -= 1
        subject = tokens[start:at]
        if not subject or (start > 0 and tokens[start - 1].casefold() in _NOT_BEFORE_A_SUBJECT):
            continue
        if subject[-1].casefold().endswith(("'s", "\u2019s")):
            continue  # "Russia's alleged role": a possessive, not a subject
        if start == 0 or any(word[:1].isupper() for word in subject):
            return " ".join([*subject, token])
    return None


def side_problem(
    accounts: tuple[str, str],
    a: Claim,
    b: Claim,
    known: str,
    actor_names: Sequence[str] = (),
    leads: tuple[Lead, Lead] | None = None,
) -> str | None:
    """Why the two sides' accounts (`Lead.account`) cannot explain the contradiction (`SIDE_REFUSED`),
    or None when they can; `known`: `known_text`; `actor_names`: every name the two actors go by;
    `leads`: the two sides' leads, to tell the other side's words in an account."""
    known_words = {word.casefold() for word in re.findall(r"\w+", known)}
    names = keywords(" ".join(actor_names))
    sources = [text for claim in (a, b) for text in (claim.evidence_text, claim.statement)]
    for label, side, own, other in (("A", accounts[0], a, b), ("B", accounts[1], b, a)):
        words = side.split()
        if len(words) < 2:
            return f"the account of side {label} is {'one word' if words else 'empty'}: {side!r}"
        if len(words) > MAX_SIDE_WORDS:
            return f"the account of side {label} has {len(words)} words (at most {MAX_SIDE_WORDS})"
        if any(copies_words(side, claim.evidence_text) for claim in (a, b)) or any(
            copies_most(side, source) for source in sources
        ):
            return f"the account of side {label} copies a claim: {side!r}"
        if extra := sorted(_figures(side) - _figures(known)):
            return f"the account of side {label} gives a figure the claims do not: {', '.join(extra)}"
        if extra := sorted(_names(side) - known_words):
            return f"the account of side {label} names what the claims do not: {', '.join(extra)}"
        if _speaks_of_the_other(side, own, other, names):
            return f"the account of side {label} speaks of the other claim: {side!r}"
        other_lead = None if leads is None or own.actor_id == other.actor_id else leads[label == "A"]
        if other_lead is not None and (acting := other_lead.named_acting(side)):
            return f"the account of side {label} gives the other side's words: {acting!r}"
        if nested := _nested_report(side):
            return f"the account of side {label} reports someone's words: {nested!r}"
    if re.findall(r"\w+", accounts[0].casefold()) == re.findall(r"\w+", accounts[1].casefold()):
        return f"both accounts say the same: {accounts[0]!r}"
    return None


def explained_by_sides(
    side_a: str, side_b: str, leads: tuple[Lead, Lead], a: Claim, b: Claim, actor_names: Sequence[str]
) -> tuple[str | None, str | None]:
    """The explanation written from the model's accounts of the two sides and a note on how (the
    sides unnamed), or None and why it cannot be (`SIDE_REFUSED`). `actor_names`: every name the two
    actors go by."""
    known = known_text(a, b, actor_names)
    accounts = (leads[0].account(side_a, known), leads[1].account(side_b, known))
    if problem := side_problem(accounts, a, b, known, actor_names, leads):
        return None, problem
    written, unnamed = each_side_explanation(leads, accounts, a, b)
    if written is None:
        return None, "the sentence copies a claim's evidence, even with the sides unnamed"
    return written, ("the sides are unnamed: a name repeats a run of the evidence" if unnamed else None)
