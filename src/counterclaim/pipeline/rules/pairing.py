"""Proposing claim pairs that might contradict each other, by code.

Asking a model "does this article contradict itself?" is close to random; instead code ranks pairs of
extracted claims by shared content, opposing stance and comparable figures, and only the best few in
which it sees a reason for conflict are sent to the verifier.

Each claim's features (content words, negation, figures' units) are computed once, and only pairs
that share a content word or a unit of measure are looked at: a pair sharing neither scores nothing,
so the work grows with the pairs that could conflict, not with every pair of the article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from counterclaim.language import english
from counterclaim.language.tokens import words, written_words
from counterclaim.models import Claim, ClaimKind
from counterclaim.pipeline.rules.actor_names import name_key, occurs_in
from counterclaim.pipeline.rules.actor_ties import one_entity, speaker_is_own
from counterclaim.pipeline.rules.reported_content import same_source
from counterclaim.pipeline.trace import Rule
from counterclaim.text.back_references import denies_something_said
from counterclaim.text.keywords import (
    CONCEPTS,
    is_negated,
    keywords,
    negation_count,
    negation_scope,
    opposed,
)
from counterclaim.text.numbers import NumericRelation, NumericVerdict, compare_quantities, compared_units
from counterclaim.text.proper_names import name_runs
from counterclaim.text.reported_content import owned_reports
from counterclaim.text.speakers import side_reports, speaker_clauses
from counterclaim.text.verdicts import judges_wrong

_STANCE_KINDS = frozenset({ClaimKind.DENIAL, ClaimKind.ACCUSATION})
CONCEPT_NAMES = frozenset(CONCEPTS.values())
_DENIAL_VERB = re.compile(rf"\b{english.DENIAL_VERB_PATTERN}\b", re.IGNORECASE)
_DENIAL_FINITE = re.compile(rf"\b{english.DENIAL_FINITE_PATTERN}\b", re.IGNORECASE)
_DENIER_WORDS = 3
"""A speaker named this close before a verb of denial is its subject ("Reyes flatly denied")."""
_DENIER_PRONOUNS = frozenset({"i", "we"})
"""In a claim's own words "I" and "we" are its speaker ("We categorically deny ..."); "he", "she" or
"they" may be anyone ("Police accused Smith of fraud, which he denied")."""

RESTATEMENT_JACCARD = 0.7
MIN_OVERLAP = 0.15
MAX_PAIRS_PER_CLAIM = 3
MAX_CLAIMS_PER_WORD = 60
"""A word shared by more claims than this pairs none of them by itself (only long articles have one)."""
MAX_LISTED_REFUSALS = 300
"""Refused pairs listed one by one in the trace; beyond this (a very long article) they are counted."""
MIN_SHARED_SUBJECT_WORDS = 2
BACK_REFERENCE_NEAREST = 2
BACK_REFERENCE_NEAREST_LATER = 1
BACK_REFERENCE_SCORE = 1.0
ANSWERED_SCORE = 2.0
"""A pair whose sentence states the conflict ranks among the first (a pair also scored on its words
keeps the higher score)."""


@dataclass(frozen=True)
class PairWeights:
    """What each signal adds to a pair's score (which starts at the share of content words in common)."""

    different_actors: float = 0.3
    stance_kind: float = 0.2
    """One of the claims is a denial or an accusation."""
    negation_on_one_side: float = 0.2
    conflicting_figures: float = 0.4
    opposed_ideas: float = 0.4
    words_and_deeds: float = 0.2
    """One actor's words and one of its deeds."""


WEIGHTS = PairWeights()

OCCASION_WORDS = keywords(english.OCCASION_WORDS_TEXT)
"""Words of the occasion ("a news conference on Tuesday"): shared, they say nothing about the subject."""

RESTATEMENT = Rule(
    "pairing.restatement",
    "Two claims whose statements share at least `jaccard` of their content words, with the same "
    "polarity, restate each other: never a contradiction.",
    {"jaccard": RESTATEMENT_JACCARD},
)
SAME_ACTOR_SAME_POLARITY = Rule(
    "pairing.same_actor_same_polarity",
    "One actor's two claims (not words and a deed) with the same polarity are not paired: an actor is "
    "rarely at odds with itself without a negation.",
)
LITTLE_IN_COMMON = Rule(
    "pairing.little_in_common",
    "A pair sharing less than `min_overlap` of the shorter claim's content words, with no figures of one "
    "unit to compare, is not paired.",
    {"min_overlap": MIN_OVERLAP},
)
SAME_WORDS = Rule(
    "pairing.same_words_one_actor",
    "One actor's two claims citing the same words of the article (points of one sentence) are not paired.",
)
NOTHING_SHARED = Rule(
    "pairing.nothing_shared",
    "A pair sharing no content word and no unit of measure (beyond words too many claims share) is "
    "never scored: code sees nothing the two claims both speak of. Counted, not listed; a pair a "
    "denial points back at (`pairing.back_reference`) is paired all the same and not counted.",
)
COMMON_WORDS = Rule(
    "pairing.common_words",
    "In a long article, a word or unit more than `max_claims` claims share (the article's topic) does not "
    "make a pair worth scoring by itself; pairs sharing a rarer word still are.",
    {"max_claims": MAX_CLAIMS_PER_WORD},
)
SAME_SIDE = Rule(
    "pairing.same_side",
    "Two actors one of whom is the other's officer (a name that is the other name followed by a title "
    'or role: "NATO" and "NATO chief Jens Stoltenberg", "Police" and "Police Chief Ana Lima"; a '
    "scientist or researcher after an organisation's name of at least 3 words: \"Center for Biological "
    'Diversity scientist Tierra Curry"; or by a comma and whom it names: "The Diplomat" and "The '
    'Diplomat, David Axe") speak for one side: their claims are not paired, unless their figures '
    "cannot both hold.",
)
NO_VISIBLE_REASON = Rule(
    "pairing.no_visible_reason",
    "A pair is verified only when code sees a reason for conflict: figures that cannot both hold, "
    'opposed ideas (not counting a clause in which a claim reports another speaker: "..., a day after '
    'Moscow said it was withdrawing"), a negation on one side about a subject both share '
    "(`min_shared_subject_words` content words beyond every actor's name and words of the occasion; "
    'a proper name of several words, "Robert Mugabe", counts as one) '
    "that reaches a word of the other claim (within `negation_scope_words` words of the same clause; "
    "a denial reaches all), a denial or accusation naming the other side, or a verb of disagreement "
    "(opposed, questioned, attacked, ...) or a verdict of wrong or untrue (unwarranted, a breach, a "
    "hoax, ...) naming the other side or sharing its subject. Figures are compared only between claims "
    'whose sentences are set at the same time: one opening with another time ("Earlier this year, ... '
    'a 6.3 magnitude earthquake", "In 2015, ...", "Two years ago, ...") speaks of another event or '
    "count than a claim without it.",
    {
        "min_shared_subject_words": MIN_SHARED_SUBJECT_WORDS,
        "negation_scope_words": english.NEGATION_SCOPE_WORDS,
    },
)
BACK_REFERENCE = Rule(
    "pairing.back_reference",
    'A denial that only points back at what it denies ("denied the allegations") is paired with the '
    "`nearest` nearest earlier claims of other actors and the nearest earlier one that reports an "
    "allegation; with none before it, with the `nearest_later` nearest later one. Never with a claim "
    'that denies too ("officials rejected a report"): two denials of one thing are one side.',
    {"nearest": BACK_REFERENCE_NEAREST, "nearest_later": BACK_REFERENCE_NEAREST_LATER},
)
ANSWERED_IN_ITS_SENTENCE = Rule(
    "pairing.answered_in_its_sentence",
    "A claim of a source whose allegation, claim or warning its sentence reports as denied or disputed "
    '("The Department of Defense is denying Pakistani tribal leaders\' allegations that ..."), holding '
    "most of that point's content words, is paired with each claim on that sentence of the actor the "
    "sentence names before the verb of denial or dispute, whatever the other pair rules say: the "
    'sentence states the conflict. Not when the verb is taken back ("did not deny", "refused to deny") '
    'or aimed elsewhere ("denied knowing about"), nor against the article\'s own account.',
)
PER_CLAIM_CAP = Rule(
    "pairing.per_claim_cap",
    "One claim takes part in at most `max_pairs` verified pairs, so the checks are spread.",
    {"max_pairs": MAX_PAIRS_PER_CLAIM},
)
OVER_LIMIT = Rule(
    "pairing.over_limit",
    "Only the best-scoring pairs are verified, up to the `max_candidates` setting.",
)
KEPT = Rule(
    "pairing.kept",
    "A pair sent to the verifier. Its score is the share of content words in common plus the weights "
    "of its signals.",
    {f"weight_{name}": value for name, value in WEIGHTS.__dict__.items()},
)
RULES = (
    NOTHING_SHARED,
    COMMON_WORDS,
    RESTATEMENT,
    SAME_WORDS,
    SAME_ACTOR_SAME_POLARITY,
    LITTLE_IN_COMMON,
    SAME_SIDE,
    NO_VISIBLE_REASON,
    BACK_REFERENCE,
    ANSWERED_IN_ITS_SENTENCE,
    PER_CLAIM_CAP,
    OVER_LIMIT,
    KEPT,
)


@dataclass(frozen=True)
class Candidate:
    """A pair of claims worth verifying, with why code picked it."""

    a: Claim
    b: Claim
    score: float
    numeric: NumericVerdict
    clash: bool = False
    """Code sees a reason for conflict: a negation on one side only about a subject both speak of and
    reaching a word of the other claim, opposed ideas, figures that cannot both hold, or a rebuttal (a
    denial or accusation naming the other's actor in full, or a verb of disagreement naming it or
    sharing its subject)."""
    opposed: bool = False
    """The claims carry opposed ideas (withdraw / increase, deny / confirm), as code sees it."""
    rebuttal: bool = False
    """Claim B denies something it only points back at ("denied the allegations"), and A is a nearby
    claim of another actor it may answer (`BACK_REFERENCE`)."""
    reason: str = ""
    """The reason for conflict code saw, in words for the trace ("a negation in c2 reaches words of c1
    (border, troop)"); empty for a pair made only by `BACK_REFERENCE`."""
    disagreement: bool = False
    """One claim speaks against the other side: it denies or accuses naming it, or reports a verb of
    disagreement or a verdict of wrong naming it or its subject ("questioned the findings")."""
    stated: bool = False
    """The sentence both claims cite states the conflict: B's actor, named there before a verb of
    denial or dispute, denies or disputes the allegation, claim or warning A holds ("The Department of
    Defense is denying Pakistani tribal leaders' allegations that ...", `ANSWERED_IN_ITS_SENTENCE`)."""


@dataclass(frozen=True)
class Refusal:
    """A pair code looked at and did not send to the verifier, and the rule that refused it."""

    a: Claim
    b: Claim
    rule: Rule
    reason: str


@dataclass(frozen=True)
class Pairing:
    """The pairs chosen for verification (best first) and those refused."""

    chosen: list[Candidate]
    refused: list[Refusal]
    """Pairs refused for a reason worth reading first (a restatement, one side, no visible reason, a
    cap), in the order code looked at them."""
    left_out: list[Refusal] = field(default_factory=list)
    """Pairs the quiet rules left out before scoring (`SAME_WORDS`, `SAME_ACTOR_SAME_POLARITY`,
    `LITTLE_IN_COMMON`): many per article, listed after `refused`."""
    unshared: int = 0
    """Pairs never scored because they share no word or unit beyond words too many claims share
    (`NOTHING_SHARED`; a pair a denial points back at is a candidate, not one of them)."""
    too_common: list[str] = field(default_factory=list)
    """The words (and units) too many claims share to pair claims by themselves (`COMMON_WORDS`)."""


class ClaimFeatures:
    """What pairing reads of one claim, computed once."""

    def __init__(self, claim: Claim, own_names: Sequence[str] = ()) -> None:
        self.claim = claim
        self.own_names = own_names
        """The claim's actor's name and aliases (a side report of one of them is the claim's own)."""
        self.evidence_text = claim.evidence_text
        self.words = frozenset(keywords(claim.statement + " " + self.evidence_text))
        self.said = frozenset(keywords(claim.statement))
        self.negated = is_negated(claim.statement) or claim.kind is ClaimKind.DENIAL
        self.numbers_text = claim.statement + " " + _own_speaker_clause(claim.evidence[0].text, own_names)
        """The text whose figures code compares: the statement and the first evidence span, or only the
        clause of that span reporting the claim's actor when semicolons join clauses each reporting its
        own speaker ("Phivolcs reported the magnitude was 5.5; the USGS reported 5.8": each agency's
        figure alone)."""

    @cached_property
    def concepts(self) -> frozenset[str]:
        """The ideas the claim holds (what `opposed` compares): the concepts among the content words of
        its own texts (`own_texts`), less those its one negation reaches. "Footage of forces moving
        does not confirm a withdrawal" holds neither a withdrawal nor a confirmation, so it opposes no
        buildup. With several negations code cannot tell what is held ("wrong to say there was no
        evidence of a withdrawal" holds one): every concept counts."""
        texts = self.own_texts
        concepts = frozenset().union(*(keywords(text) for text in texts)) & CONCEPT_NAMES
        if max(negation_count(text) for text in texts) == 1:
            return concepts - frozenset().union(*(negation_scope(text) for text in texts))
        return concepts

    @cached_property
    def own_texts(self) -> tuple[str, ...]:
        """The statement and each evidence span less the clauses in which they report another speaker
        (`speakers.side_reports`): in "NATO accused Russia of adding troops, a day after Moscow said it
        was withdrawing", the withdrawal is Moscow's idea, not NATO's. A side report of the claim's own
        actor stays; without the actor's names (`own_names` empty) code cannot tell whose a side report
        is, and every one stays."""
        texts = (self.claim.statement, *(span.text for span in self.claim.evidence))
        if not self.own_names:
            return texts
        return tuple(self._without_side_reports(text) for text in texts)

    def _without_side_reports(self, text: str) -> str:
        kept: list[str] = []
        position = 0
        for report in side_reports(text):
            if not speaker_is_own(report.speaker, self.own_names):
                kept.append(text[position : report.start])
                position = report.end
        return " ".join([*kept, text[position:]])

    @cached_property
    def name_runs(self) -> tuple[frozenset[str], ...]:
        """The content words of each proper name of several words in the claim's statement and
        evidence ("Robert Mugabe", "Ursula von der Leyen", "Golan Heights"; `name_runs`)."""
        texts = (self.claim.statement, *(span.text for span in self.claim.evidence))
        return tuple(run for text in texts for run in name_runs(text))

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The content words of `name_runs`, all together."""
        return frozenset().union(*self.name_runs)

    @cached_property
    def evidence_key(self) -> str:
        """The evidence as `name_key` compares names with it."""
        return name_key(self.evidence_text)

    @cached_property
    def units(self) -> frozenset[str]:
        return compared_units(self.numbers_text)

    @cached_property
    def set_at(self) -> str | None:
        """The other time the claim's sentence opens with ("Earlier this year", "In 2015"), as written
        in lower case; None when it opens with none (`english.OTHER_TIME_OPENING`)."""
        match = _OTHER_TIME.match(self.claim.evidence[0].text.lstrip(" \"\u201c\u2018'"))
        return None if match is None else " ".join(match.group().casefold().split())

    @cached_property
    def denies_something_said(self) -> bool:
        return denies_something_said(self.evidence_text)

    @cached_property
    def denies(self) -> bool:
        """The claim denies or dismisses something: a denial, a verb of denial in its statement or
        evidence ("rejecting a report", "dismissed the story"), or a denial pointing back."""
        text = f"{self.claim.statement} {self.evidence_text}"
        return (
            self.claim.kind is ClaimKind.DENIAL
            or _DENIAL_VERB.search(text) is not None
            or self.denies_something_said
        )

    @cached_property
    def states_a_denial(self) -> bool:
        """The claim is a denial, or its words say that its own speaker denied something, whatever kind
        the model gave it: a verb of denial within `_DENIER_WORDS` words after the last word of one of
        the actor's names, or after "I" or "we" ("At his trial, Reyes flatly denied that ...", "We deny
        ..."); not another's denial it reports ("Sudan accuses the south of ..., a charge the south
        denies")."""
        if self.claim.kind is ClaimKind.DENIAL:
            return True
        text = f"{self.claim.statement} {self.evidence_text}"
        own = {name.split()[-1].casefold() for name in self.own_names if name.split()}
        for match in _DENIAL_FINITE.finditer(text):
            before = [word.casefold() for word in words(text[: match.start()])[-_DENIER_WORDS:]]
            if (own | _DENIER_PRONOUNS) & set(before):
                return True
        return False

    @cached_property
    def negation_reach(self) -> frozenset[str]:
        """Content words a negation of the statement or evidence reaches (`negation_scope`)."""
        return frozenset(negation_scope(self.claim.statement) | negation_scope(self.evidence_text))

    @cached_property
    def disagrees(self) -> bool:
        """The evidence reports a verb of disagreement ("opposed", "questioned the findings") or judges
        something wrong or untrue ("unwarranted", "a breach of", "a hoax": `english.VERDICT_WORDS`)."""
        said = words(self.evidence_text)
        return not english.DISAGREEMENT_VERBS.isdisjoint(said) or judges_wrong(self.evidence_text)


def _own_speaker_clause(text: str, own_names: Sequence[str]) -> str:
    """The one clause of the text reporting the actor (`own_names`) when semicolons join clauses each
    reporting a speaker of its own (`text.speakers.speaker_clauses`); the text otherwise."""
    clauses = speaker_clauses(" ".join(text.split()))
    own = [clause for clause in clauses if speaker_is_own(clause.speaker, own_names)]
    return own[0].text if len(clauses) > 1 and len(own) == 1 else text


def content_words(claim: Claim) -> set[str]:
    """Stemmed content words of the claim's statement and evidence."""
    return keywords(claim.statement + " " + claim.evidence_text)


def _opposed(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """`keywords.opposed` of the two claims' words, from their concepts alone."""
    if not a.concepts or not b.concepts:
        return False
    return opposed(set(a.concepts), set(b.concepts))


def _compared(a: ClaimFeatures, b: ClaimFeatures) -> NumericVerdict:
    """How the two claims' figures compare (no shared unit: not comparable, without parsing again); the
    figures of a claim set at another time than the other's are not compared ("Earlier this year, ...
    a 6.3 magnitude earthquake" is another quake than the one measured at 5.5)."""
    if not a.units & b.units:
        return _NOT_COMPARABLE
    if a.set_at != b.set_at:
        when = a.set_at or b.set_at
        return NumericVerdict(NumericRelation.NOT_COMPARABLE, f"one claim is set at another time ({when!r})")
    return compare_quantities(a.numbers_text, b.numbers_text)


_OTHER_TIME = re.compile(english.OTHER_TIME_OPENING, re.IGNORECASE)


_NOT_COMPARABLE = NumericVerdict(NumericRelation.NOT_COMPARABLE, "no figures of one unit to compare")


def _restates(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    if not (a.said and b.said) or a.negated != b.negated:
        return False
    return len(a.said & b.said) / len(a.said | b.said) >= RESTATEMENT_JACCARD


def restates(a: Claim, b: Claim) -> bool:
    """Whether one claim's statement restates the other's (mostly the same words, same polarity)."""
    return _restates(ClaimFeatures(a), ClaimFeatures(b))


def _same_evidence(a: Claim, b: Claim) -> bool:
    return any(sa.start < sb.end and sb.start < sa.end for sa in a.evidence for sb in b.evidence)


@dataclass(frozen=True)
class _Score:
    value: float
    numeric: NumericVerdict | None
    refused_by: Rule | None = None
    why: str = ""
    """Why `refused_by` refused the pair, for the trace."""


def _score(a: ClaimFeatures, b: ClaimFeatures) -> _Score:
    """How likely the pair conflicts (0 means: do not bother verifying), and the rule that says no."""
    numeric = _compared(a, b)
    if not a.words or not b.words:
        return _Score(0.0, numeric, LITTLE_IN_COMMON, "a claim with no content word")
    shared = len(a.words & b.words)
    if _restates(a, b):
        return _Score(0.0, numeric, RESTATEMENT, "the statements restate each other")
    same_actor = a.claim.actor_id == b.claim.actor_id
    words_and_deeds = same_actor and (a.claim.kind is ClaimKind.ACTION) != (b.claim.kind is ClaimKind.ACTION)
    if same_actor and not words_and_deeds and a.negated == b.negated:
        polarity = "negated" if a.negated else "not negated"
        return _Score(0.0, numeric, SAME_ACTOR_SAME_POLARITY, f"one actor's claims, both {polarity}")
    overlap = shared / min(len(a.words), len(b.words))
    if overlap < MIN_OVERLAP and numeric.relation is NumericRelation.NOT_COMPARABLE:
        why = f"{shared} content word(s) in common, {overlap:.0%} of the shorter claim's"
        return _Score(0.0, numeric, LITTLE_IN_COMMON, why)
    score = overlap
    if not same_actor:
        score += WEIGHTS.different_actors
    if {a.claim.kind, b.claim.kind} & _STANCE_KINDS:
        score += WEIGHTS.stance_kind
    if a.negated != b.negated:
        score += WEIGHTS.negation_on_one_side
    if numeric.relation is NumericRelation.CONFLICTING:
        score += WEIGHTS.conflicting_figures
    if _opposed(a, b):
        score += WEIGHTS.opposed_ideas
    if words_and_deeds:
        score += WEIGHTS.words_and_deeds
    return _Score(score, numeric)


def score_pair(a: Claim, b: Claim) -> tuple[float, NumericVerdict]:
    """How likely the pair conflicts (0 means: do not bother verifying), and how their figures compare."""
    scored = _score(ClaimFeatures(a), ClaimFeatures(b))
    assert scored.numeric is not None
    return scored.value, scored.numeric


def opposed_ideas(a: Claim, b: Claim, actor_names: Mapping[str, Sequence[str]] | None = None) -> bool:
    """Whether the two claims carry opposed ideas (see `Candidate.opposed`); `actor_names` (actor id
    to name and aliases) tells a claim's own side reports from another speaker's."""
    names = actor_names or {}
    return _opposed(ClaimFeatures(a, names.get(a.actor_id, ())), ClaimFeatures(b, names.get(b.actor_id, ())))


class _Actors:
    """The actors' names as pairing compares them, prepared once."""

    def __init__(self, actor_names: Mapping[str, Sequence[str]]) -> None:
        self.names = actor_names
        self.name_words = frozenset(keywords(" ".join(n for names in actor_names.values() for n in names)))
        self._one_entity: dict[tuple[str, str], bool] = {}

    def of(self, actor_id: str) -> Sequence[str]:
        return self.names.get(actor_id, ())

    def one_entity(self, a: str, b: str) -> bool:
        """`one_entity` of two actors, worked out once per pair of actors."""
        key = (a, b) if a <= b else (b, a)
        known = self._one_entity.get(key)
        if known is None:
            known = self._one_entity[key] = one_entity(self.of(a), self.of(b))
        return known


class Clash(NamedTuple):
    """The reason code sees for two claims to conflict."""

    reason: str
    """In words for the trace ("figures that cannot both hold", "c7 disagrees or judges wrong, ...")."""
    disagreement: bool = False
    """The reason is one claim speaking against the other side (`Candidate.disagreement`)."""


def _clash(
    a: ClaimFeatures,
    b: ClaimFeatures,
    numeric: NumericVerdict,
    actors: _Actors,
    ideas: bool,
    subject_words: int = MIN_SHARED_SUBJECT_WORDS,
    *,
    against_record: frozenset[str] = frozenset(),
) -> Clash | None:
    """The reason code sees for the two claims to conflict (see `Candidate.clash`), or None when it
    sees none. With `against_record` (the ids of the article's own
    claims, one of which is in the pair) only figures, opposed ideas and the actor's denial count: the
    article is no speaker a rebuttal answers, and a negation alone ("we haven't seen any
    de-escalation") says nothing against a sentence that only shares a word with it."""
    # One claim speaking against the other side marks the pair whatever reason is shown first: a
    # denial that also carries a "not" about the other's words is no weaker for it. Never against the
    # article's own account, which is no speaker a rebuttal answers.
    against = None if against_record else _speaks_against(a, b, actors)

    def found(reason: str) -> Clash:
        return Clash(reason, disagreement=against is not None)

    if numeric.relation is NumericRelation.CONFLICTING:
        return found("figures that cannot both hold")
    if ideas:
        return found("opposed ideas")
    if against_record:
        actor_side = b if a.claim.id in against_record else a
        if actor_side.states_a_denial and _shared_subject(a, b, actors, subject_words):
            return Clash(f"{actor_side.claim.id} denies something the article's own account speaks of")
        return None
    if a.negated != b.negated and _shared_subject(a, b, actors, subject_words):
        negated, other = (a, b) if a.negated else (b, a)
        reached = _negation_reaches(negated, other, actors)
        if reached is not None:
            return found(reached)  # one side says "not" about something the other side speaks of
    return None if against is None else found(against)


def _speaks_against(a: ClaimFeatures, b: ClaimFeatures, actors: _Actors) -> str | None:
    """How one claim of two actors speaks against the other side, in words for the trace, or None:
    it denies or accuses naming the other side, or reports a verb of disagreement or a verdict of wrong
    naming it or sharing its subject. One actor (or one entity) never speaks against itself here."""
    if a.claim.actor_id == b.claim.actor_id or actors.one_entity(a.claim.actor_id, b.claim.actor_id):
        return None

    def rebuts(claim: ClaimFeatures, other: ClaimFeatures, other_names: Sequence[str]) -> str | None:
        # Naming the other side is no conflict by itself ("the government is trying to crush the
        # protests" names the government, whatever the government says): a rebuttal denies or
        # accuses, or reports a verb of disagreement aimed at the other side or at its subject.
        names_other = any(occurs_in(name, claim.evidence_key) for name in other_names)
        own = claim.claim.id
        if claim.claim.kind in _STANCE_KINDS and names_other:
            return f"{own}, {claim.claim.kind.value}, names the other side"
        if claim.disagrees and names_other:
            return f"{own} disagrees or judges wrong, naming the other side"
        if claim.disagrees and _shared_subject(claim, other, actors):
            return f"{own} disagrees or judges wrong, about a subject both share"
        return None

    names_a, names_b = actors.of(a.claim.actor_id), actors.of(b.claim.actor_id)
    return rebuts(a, b, names_b) or rebuts(b, a, names_a)


def _negation_reaches(negated: ClaimFeatures, other: ClaimFeatures, actors: _Actors) -> str | None:
    """How the negation of one claim reaches a word the other claim says (beyond actors' names and
    words of the occasion), for the trace, or None: "not only a great temple" or "did not immediately
    announce" negate nothing the other claim holds. A denial negates what it denies, whatever its
    words."""
    own, theirs = negated.claim.id, other.claim.id
    if negated.claim.kind is ClaimKind.DENIAL:
        return f"{own} is a denial, about a subject {theirs} speaks of"
    reached = (negated.negation_reach & other.words) - actors.name_words - OCCASION_WORDS
    if not reached:
        return None
    shown = ", ".join(_as_written(reached, f"{other.claim.statement} {other.evidence_text}")[:4])
    return f"a negation in {own} reaches words of {theirs} ({shown})"


def _as_written(stems: frozenset[str] | set[str], text: str) -> list[str]:
    """The words of `text` whose stems are among `stems`, as written there, each once, in order."""
    found: list[str] = []
    for token in written_words(text):
        if token not in found and keywords(token) & stems:
            found.append(token)
    return found


def clash(
    a: Claim,
    b: Claim,
    numeric: NumericVerdict,
    actor_names: Mapping[str, Sequence[str]],
    *,
    ideas_opposed: bool | None = None,
) -> bool:
    """Whether code sees a reason for the two claims to conflict (see `Candidate.clash`)."""
    actors = _Actors(actor_names)
    features_a, features_b = ClaimFeatures(a, actors.of(a.actor_id)), ClaimFeatures(b, actors.of(b.actor_id))
    ideas = _opposed(features_a, features_b) if ideas_opposed is None else ideas_opposed
    return _clash(features_a, features_b, numeric, actors, ideas) is not None


def _shared_subject(
    a: ClaimFeatures, b: ClaimFeatures, actors: _Actors, subject_words: int = MIN_SHARED_SUBJECT_WORDS
) -> bool:
    """Whether the claims share at least `MIN_SHARED_SUBJECT_WORDS` content words that are not any
    actor's name: a negation in one claim says nothing against the other when all they share is who
    speaks or whom they speak of ("Russia"), the occasion ("a news conference on Tuesday"), or one word
    ("helicopter", "protest") that two different statements can both mention. The words of a proper
    name of several words count as one: "No one believes Robert Mugabe won" and "Tsvangirai approached
    Britain about using force to topple President Robert Mugabe" share one subject, the man."""
    shared = (a.words & b.words) - actors.name_words - OCCASION_WORDS
    in_names = shared & a.name_words & b.name_words
    names: list[set[str]] = []  # the names the shared name words belong to, overlapping runs as one
    for run in a.name_runs:
        if run & in_names:
            overlapping = [name for name in names if name & run]
            merged = set(run & in_names).union(*overlapping)
            names = [name for name in names if not name & run] + [merged]
    return len(shared - in_names) + len(names) >= subject_words


def _pairs_worth_scoring(features: Sequence[ClaimFeatures]) -> tuple[list[tuple[int, int]], list[str]]:
    """Index pairs (i < j) sharing a content word or a unit of measure, in claim order: the only pairs
    that can score above 0; a word or unit more than `MAX_CLAIMS_PER_WORD` claims share (a long
    article's topic) does not pair claims by itself (`COMMON_WORDS`); those words are returned too."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(features):
        for word in item.words:
            by_key["w:" + word].append(index)
        for unit in item.units:
            by_key["u:" + unit].append(index)
    partners: list[set[int]] = [set() for _ in features]
    too_common: list[str] = []
    for key, indices in by_key.items():
        if len(indices) > MAX_CLAIMS_PER_WORD:
            too_common.append(key[2:])
            continue
        for position, i in enumerate(indices):
            partners[i].update(indices[position + 1 :])
    pairs = [(i, j) for i, later in enumerate(partners) for j in sorted(later)]
    return pairs, too_common


def propose_candidates(
    claims: list[Claim],
    *,
    limit: int,
    actor_names: Mapping[str, Sequence[str]] | None = None,
    involving: frozenset[str] = frozenset(),
    subject_words: int = MIN_SHARED_SUBJECT_WORDS,
    against_record: bool = False,
) -> Pairing:
    """The `limit` best-scoring pairs in which code sees a reason for conflict (`clash`), best first,
    and the pairs refused on the way.

    A pair without a reason is never proposed: a contradiction is only reported when code sees one, so
    its verification would be spent for nothing. Two claims citing the same words are only paired
    when different actors make them ("NATO accused Russia of adding troops, a day after Moscow said it
    was withdrawing"). `actor_names` (actor id to name and aliases) lets code see rebuttals that name
    the other side. With `involving` (claim ids), only pairs of one of those claims and one other
    claim are looked at (the article's own account against actors' claims); `subject_words` is how
    many content words a negated claim must share with the other to be a reason for conflict, and
    `against_record` keeps only the reasons that hold against the article's own account (`_clash`).
    """
    actors = _Actors(actor_names or {})
    record = involving if against_record else frozenset()
    features = [ClaimFeatures(c, actors.of(c.actor_id)) for c in claims]
    refused: list[Refusal] = []
    left_out: list[Refusal] = []
    scored: list[Candidate] = []
    pairs, too_common = _pairs_worth_scoring(features)
    sharing: set[frozenset[str]] = set()
    for i, j in pairs:
        a, b = features[i], features[j]
        if involving and (a.claim.id in involving) == (b.claim.id in involving):
            continue
        sharing.add(frozenset((a.claim.id, b.claim.id)))
        if _same_evidence(a.claim, b.claim) and a.claim.actor_id == b.claim.actor_id:
            left_out.append(Refusal(a.claim, b.claim, SAME_WORDS, "one actor's claims citing the same words"))
            continue
        result = _score(a, b)
        assert result.numeric is not None
        if result.refused_by is not None:
            quiet = result.refused_by in (SAME_ACTOR_SAME_POLARITY, LITTLE_IN_COMMON)
            (left_out if quiet else refused).append(Refusal(a.claim, b.claim, result.refused_by, result.why))
            continue
        if (
            a.claim.actor_id != b.claim.actor_id
            and result.numeric.relation is not NumericRelation.CONFLICTING
            and actors.one_entity(a.claim.actor_id, b.claim.actor_id)
        ):
            why = "one side speaks for the other (an organisation and its officer)"
            refused.append(Refusal(a.claim, b.claim, SAME_SIDE, why))
            continue
        ideas = _opposed(a, b)
        found = _clash(a, b, result.numeric, actors, ideas, subject_words, against_record=record)
        if found is None:
            refused.append(Refusal(a.claim, b.claim, NO_VISIBLE_REASON, "code sees no reason for a conflict"))
            continue
        scored.append(
            Candidate(
                a=a.claim,
                b=b.claim,
                score=result.value,
                numeric=result.numeric,
                clash=True,
                opposed=ideas,
                reason=found.reason,
                disagreement=found.disagreement,
            )
        )
    by_pair = {frozenset((c.a.id, c.b.id)): c for c in scored}
    pointed_back: set[frozenset[str]] = set()
    stated = [] if against_record else _answered_pairs(features, actors)
    for made in [*_back_reference_pairs(features, actors), *stated]:
        if involving and (made.a.id in involving) == (made.b.id in involving):
            continue
        key = frozenset((made.a.id, made.b.id))
        pointed_back.add(key)
        known = by_pair.get(key)
        # A pair already proposed for another reason (in either order: a denial in the lead comes
        # before the claim it answers) is one candidate, in the order code's own pairing gives it (the
        # denial, or the sentence's answer, as B), with the marks and the best score of both.
        by_pair[key] = (
            made
            if known is None
            else replace(
                made,
                score=max(known.score, made.score),
                opposed=known.opposed or made.opposed,
                reason=made.reason or known.reason,
                disagreement=known.disagreement,
                rebuttal=known.rebuttal or made.rebuttal,
                stated=known.stated or made.stated,
            )
        )
    # a pair a denial points back at, or answers in its sentence, is a candidate whatever the rules
    # above said of it
    refused = [r for r in refused if frozenset((r.a.id, r.b.id)) not in pointed_back]
    left_out = [r for r in left_out if frozenset((r.a.id, r.b.id)) not in pointed_back]
    ranked = sorted(by_pair.values(), key=lambda c: (-c.score, c.a.id, c.b.id))
    chosen: list[Candidate] = []
    uses: dict[str, int] = {}
    for candidate in ranked:  # spread the checks: one claim in at most MAX_PAIRS_PER_CLAIM pairs
        if len(chosen) == limit:
            refused.append(Refusal(candidate.a, candidate.b, OVER_LIMIT, f"{limit} better pairs were chosen"))
            continue
        busy = [c for c in (candidate.a.id, candidate.b.id) if uses.get(c, 0) >= MAX_PAIRS_PER_CLAIM]
        if busy:
            refused.append(
                Refusal(
                    candidate.a,
                    candidate.b,
                    PER_CLAIM_CAP,
                    f"claim {busy[0]} is already in {MAX_PAIRS_PER_CLAIM} better pairs",
                )
            )
            continue
        chosen.append(candidate)
        for claim_id in (candidate.a.id, candidate.b.id):
            uses[claim_id] = uses.get(claim_id, 0) + 1
    return Pairing(
        chosen=chosen,
        refused=refused,
        left_out=left_out,
        unshared=_pairs_in_scope(claims, involving) - len(sharing | pointed_back),
        too_common=too_common,
    )


def _pairs_in_scope(claims: Sequence[Claim], involving: frozenset[str]) -> int:
    """How many pairs `propose_candidates` would look at if every pair shared a word: all pairs, or
    with `involving`, those of one involved claim and one other."""
    if not involving:
        return len(claims) * (len(claims) - 1) // 2
    inside = sum(1 for claim in claims if claim.id in involving)
    return inside * (len(claims) - inside)


def _back_reference_pairs(features: Sequence[ClaimFeatures], actors: _Actors) -> list[Candidate]:
    """Pairs for denials that only point back at what they deny ("denied the allegations"): such a
    denial shares no words with its target, so shared words never pair them. Each is paired with the
    nearest earlier claims of other actors and the nearest earlier one that reports an allegation
    (`BACK_REFERENCE_NEAREST` + 1 at most); a denial with no earlier claim of another actor is paired
    with the nearest later one instead, since a news lead often reports the denial before the claims
    it answers ("X called the claims a lie. ... Y says 70 of its members were killed"). Code counts
    the pointing back as a reason for conflict."""
    pairs: list[Candidate] = []
    for denial in features:
        if not denial.denies_something_said:
            continue
        start = denial.claim.evidence[0].start
        others = [
            c
            for c in features
            if c.claim.actor_id != denial.claim.actor_id
            and not actors.one_entity(c.claim.actor_id, denial.claim.actor_id)
            and not _restates(c, denial)
            and not c.denies
        ]
        earlier = sorted(
            (c for c in others if c.claim.evidence[0].start < start),
            key=lambda c: start - c.claim.evidence[0].start,
        )
        targets = earlier[:BACK_REFERENCE_NEAREST]
        alleging = next((c for c in earlier if _reports_allegation(c)), None)
        if alleging is not None and alleging not in targets:
            targets.append(alleging)
        if not earlier:  # nothing before it to answer: it answers what the story goes on to report
            later = sorted(
                (c for c in others if c.claim.evidence[0].start > start),
                key=lambda c: c.claim.evidence[0].start,
            )
            targets.extend(later[:BACK_REFERENCE_NEAREST_LATER])
        pairs.extend(_made_by_code(target, denial, BACK_REFERENCE_SCORE, rebuttal=True) for target in targets)
    return pairs


def _made_by_code(
    a: ClaimFeatures,
    b: ClaimFeatures,
    score: float,
    *,
    rebuttal: bool = False,
    stated: bool = False,
    reason: str = "",
) -> Candidate:
    """A pair code itself establishes as a reason for conflict (a denial pointing back, a sentence that
    states the conflict), with the figures compared and the ideas weighed as for any pair."""
    return Candidate(
        a=a.claim,
        b=b.claim,
        score=score,
        numeric=_compared(a, b),
        clash=True,
        opposed=_opposed(a, b),
        rebuttal=rebuttal,
        stated=stated,
        reason=reason,
    )


def _answered_pairs(features: Sequence[ClaimFeatures], actors: _Actors) -> list[Candidate]:
    """Pairs whose sentence states the conflict (`ANSWERED_IN_ITS_SENTENCE`): the claim of a source
    whose allegation, claim or warning its sentence reports as denied or disputed (`text.reported_content`),
    holding that point (most of its content words), and each claim of the actor the sentence names as
    denying or disputing it, on the same sentence."""
    pairs: list[Candidate] = []
    for source in features:
        names = actors.of(source.claim.actor_id)
        for report in owned_reports(source.evidence_text):
            if not (report.answered and report.answerer and any(same_source(n, report.owner) for n in names)):
                continue
            point = keywords(report.point)
            if not point or len(point & keywords(source.claim.statement)) * 2 < len(point):
                continue  # another point of the source's: "Hamas said it would keep fighting, after ..."
            for answer in features:
                answer_names = actors.of(answer.claim.actor_id)
                if (
                    answer.claim.actor_id == source.claim.actor_id
                    or not _same_evidence(answer.claim, source.claim)
                    or not any(same_source(name, report.answerer) for name in answer_names)
                    or any(same_source(name, report.owner) for name in answer_names)
                ):
                    continue
                why = (
                    f"{answer.claim.id} answers, in the sentence both cite, {source.claim.id}'s {report.noun}"
                )
                pairs.append(_made_by_code(source, answer, ANSWERED_SCORE, stated=True, reason=why))
    return pairs


def _reports_allegation(claim: ClaimFeatures) -> bool:
    """Whether the claim accuses, alleges or reports (what a bare denial usually answers)."""
    if claim.claim.kind is ClaimKind.ACCUSATION:
        return True
    text = (claim.claim.statement + " " + claim.evidence_text).casefold()
    return any(stem in text for stem in english.ALLEGATION_STEMS)
