"""Whether the verifier's verdict on a claim pair becomes a reported contradiction, and of which kind.

The model must find the claims in conflict and be sure of it, and code must see a reason for a conflict
(`pairing.Candidate.clash`): small models call many merely different claims contradictory. One actor's
two claims need more than a negation on one side (speakers often qualify themselves): figures that
cannot both hold, or opposed ideas. Code has the last word on figures: it overrules a numeric
contradiction between figures it finds compatible, and reports one between figures that cannot both
hold when the model agrees the claims are about the same thing ("compatible") but misjudged the numbers.

A rebuttal code found (B denies something it only points back at, A a nearby claim of another actor)
needs the model's "contradict" and not its confidence: code has established the conflict and the model
only says whether A is what B denies. The 1.5B states its confidence at random (0.5 or 0.9 for the same
kind of pair), so asking for 0.8 there would only drop pairs by chance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.models import Claim, ClaimKind, ContradictionKind, DecisionAction
from counterclaim.pipeline.rules.narration import KIND_FROM_NARRATOR
from counterclaim.pipeline.rules.pairing import NO_VISIBLE_REASON, Candidate
from counterclaim.pipeline.schemas import VerdictDraft
from counterclaim.pipeline.trace import Rule
from counterclaim.text.numbers import NumericRelation

MIN_CONFIDENCE = 0.8

VERIFIED = Rule(
    "acceptance.verified",
    "The verifier says the claims contradict each other with at least `min_confidence`, and code sees a "
    "reason for the conflict: reported.",
    {"min_confidence": MIN_CONFIDENCE},
)
REBUTTAL = Rule(
    "acceptance.rebuttal",
    "A denial pointing back at a nearby claim of another actor is reported when the verifier says "
    '"contradict", whatever its stated confidence.',
)
LOW_CONFIDENCE = Rule(
    "acceptance.low_confidence",
    "A verdict stated with less than `min_confidence` is not reported.",
    {"min_confidence": MIN_CONFIDENCE},
)
NOT_CONTRADICT = Rule(
    "acceptance.not_contradict",
    'A verdict other than "contradict" (unrelated, agree, compatible) is not reported.',
)
ONE_ACTOR_NEEDS_MORE = Rule(
    "acceptance.one_actor_needs_more",
    "One actor's two claims are reported as at odds only with figures that cannot both hold or "
    "opposed ideas.",
)
COMPATIBLE_FIGURES = Rule(
    "acceptance.compatible_figures",
    'A numeric contradiction between figures code finds compatible ("over 150,000" and "more than '
    '100,000") is not reported, whatever the verifier says.',
)
CONFLICTING_FIGURES = Rule(
    "acceptance.conflicting_figures",
    "Figures for the same count that cannot both hold are reported whenever the verifier agrees the "
    'claims are about the same thing ("contradict" or "compatible"), at any confidence: accepted when it '
    "said contradict with at least min_confidence, overridden otherwise.",
    {"min_confidence": MIN_CONFIDENCE},
)
KIND_FROM_ACTORS = Rule(
    "acceptance.kind_from_actors",
    "One actor's two claims conflict as self or words_vs_deeds (a deed and words); claims of two actors "
    "are never of those kinds (factual instead).",
)
KIND_FROM_FIGURES = Rule(
    "acceptance.kind_from_figures",
    "Two actors' claims whose figures code found conflicting are a numeric contradiction, whatever kind "
    "the verifier named.",
)
COPIED_WORDS = 6
"""An explanation sharing a run of this many words with a claim's evidence copies it."""

EXPLANATION_COPIES_EVIDENCE = Rule(
    "acceptance.explanation_copies_evidence",
    "A contradiction's explanation is the verifier's comparison in its own words; one that copies a run "
    "of `copied_words` words of either claim's evidence is replaced by a sentence code writes from the "
    "two actors (each by the shortest name the article gives it, or 'the two sides' when even that "
    "repeats the evidence) and the kind of conflict; so is the comparison of a pair reported over the "
    "verifier's verdict (conflicting figures), which code explains from the figures.",
    {"copied_words": COPIED_WORDS},
)
ORDER_CHANGES_VERDICT = Rule(
    "acceptance.order_changes_verdict",
    "A pair the verifier called a contradiction is asked again with its two claims in the other order; "
    'unless the second answer is "contradict" too, it is not reported (a small model leans on which '
    "claim it reads first); an unusable second answer leaves the first standing, with a notice. Pairs "
    "code established are not asked again: figures that cannot both hold, "
    'and rebuttals (a denial pointing back, "denied the allegations", means nothing read first).',
)
SAME_CONFLICT = Rule(
    "acceptance.same_conflict",
    "Contradictions between the same two actors that share a claim are one conflict: reported once, the "
    "further pairs listed in its `also`.",
)
RULES = (
    VERIFIED,
    REBUTTAL,
    LOW_CONFIDENCE,
    NOT_CONTRADICT,
    ONE_ACTOR_NEEDS_MORE,
    COMPATIBLE_FIGURES,
    CONFLICTING_FIGURES,
    KIND_FROM_ACTORS,
    KIND_FROM_FIGURES,
    ORDER_CHANGES_VERDICT,
    EXPLANATION_COPIES_EVIDENCE,
    SAME_CONFLICT,
)


@dataclass(frozen=True)
class Judgement:
    """What code made of a verdict: reported or not, by which rule, and why."""

    reported: bool
    rule: Rule
    action: DecisionAction
    reason: str


def judge(verdict: VerdictDraft, candidate: Candidate) -> Judgement:
    """Whether a verdict becomes a reported contradiction (see the module's description)."""
    said = f"the verifier said {verdict.relation!r} ({verdict.kind}, confidence {verdict.confidence:g})"
    if verdict.relation not in ("contradict", "compatible"):  # unrelated, agree: never reported
        return Judgement(False, NOT_CONTRADICT, DecisionAction.REFUSED, said)
    numbers = candidate.numeric.relation
    if numbers is NumericRelation.CONFLICTING:
        # Figures for the same count that cannot both hold decide, once the model agrees the claims
        # are about the same thing ("contradict" or "compatible"), whatever confidence it states.
        figures = candidate.numeric.explanation
        agreed = verdict.relation == "contradict" and verdict.confidence >= MIN_CONFIDENCE
        action = DecisionAction.ACCEPTED if agreed else DecisionAction.OVERRIDDEN
        return Judgement(True, CONFLICTING_FIGURES, action, f"{said}; {figures}")
    if candidate.rebuttal and verdict.relation == "contradict":
        return Judgement(True, REBUTTAL, DecisionAction.ACCEPTED, said)
    if verdict.confidence < MIN_CONFIDENCE:
        return Judgement(False, LOW_CONFIDENCE, DecisionAction.REFUSED, said)
    if verdict.relation == "compatible":
        return Judgement(False, NOT_CONTRADICT, DecisionAction.REFUSED, said)
    if not candidate.clash:
        return Judgement(False, NO_VISIBLE_REASON, DecisionAction.REFUSED, said)
    one_actor = candidate.a.actor_id == candidate.b.actor_id
    if one_actor and not candidate.opposed:
        return Judgement(False, ONE_ACTOR_NEEDS_MORE, DecisionAction.REFUSED, said)
    if numbers is NumericRelation.COMPATIBLE and verdict.kind == "numeric":
        figures = candidate.numeric.explanation
        return Judgement(False, COMPATIBLE_FIGURES, DecisionAction.OVERRIDDEN, f"{said}; {figures}")
    return Judgement(True, VERIFIED, DecisionAction.ACCEPTED, said)


def needs_other_order(judgement: Judgement) -> bool:
    """Whether a reported verdict rests on the model alone, so it is asked again in the other order."""
    return judgement.reported and judgement.rule is VERIFIED


def judge_in_other_order(judgement: Judgement, again: VerdictDraft, *, read_first: str) -> Judgement:
    """The judgement once the verifier was asked again with claim `read_first` first: unchanged when
    it said "contradict" again, else refused (`ORDER_CHANGES_VERDICT`) with both answers as the reason."""
    if again.relation == "contradict":
        return judgement
    return Judgement(
        False,
        ORDER_CHANGES_VERDICT,
        DecisionAction.REFUSED,
        f"{judgement.reason}; asked again with {read_first} first, it said {again.relation!r} "
        f"({again.kind}, confidence {again.confidence:g})",
    )


def accept(verdict: VerdictDraft, candidate: Candidate) -> bool:
    """Whether a verdict becomes a reported contradiction."""
    return judge(verdict, candidate).reported


def settle_kind(
    verdict: VerdictDraft, a: Claim, b: Claim, *, figures_conflict: bool = False, against_record: bool = False
) -> tuple[ContradictionKind, Rule | None]:
    """The contradiction kind, and the rule that corrected the verifier's (None: its kind stands): an
    actor against the article's own account (`against_record`) is `record`; the actors and claim kinds
    decide self and words_vs_deeds; between two actors, figures code found conflicting
    (`figures_conflict`) make it numeric."""
    if against_record:  # the verifier never names record
        return ContradictionKind.RECORD, KIND_FROM_NARRATOR
    named = ContradictionKind(verdict.kind)
    if a.actor_id == b.actor_id:
        if (a.kind is ClaimKind.ACTION) != (b.kind is ClaimKind.ACTION):
            kind = ContradictionKind.WORDS_VS_DEEDS
        else:
            kind = ContradictionKind.SELF
        return kind, (None if kind is named else KIND_FROM_ACTORS)
    if figures_conflict:
        return ContradictionKind.NUMERIC, (None if named is ContradictionKind.NUMERIC else KIND_FROM_FIGURES)
    if named in (ContradictionKind.SELF, ContradictionKind.WORDS_VS_DEEDS):
        return ContradictionKind.FACTUAL, KIND_FROM_ACTORS
    return named, None


_KIND_WORDS = {
    ContradictionKind.FACTUAL: "give accounts of the same matter that cannot both be true",
    ContradictionKind.NUMERIC: "give figures for the same count that cannot both be right",
    ContradictionKind.INTENT: "describe intentions that cannot both be sincere",
    ContradictionKind.ASSESSMENT: "judge the same matter in opposite ways",
    ContradictionKind.WORDS_VS_DEEDS: "says one thing and, as the article reports, does another",
    ContradictionKind.SELF: "says two things that cannot both be true",
    ContradictionKind.RECORD: "disagree: what is said cannot be squared with what the article reports",
}


def figures_explanation(actor_a: str, actor_b: str, figures: str) -> str:
    """The explanation code writes for a conflict of figures it reports over the verifier's verdict."""
    sentence = f"{actor_a} and {actor_b} {_KIND_WORDS[ContradictionKind.NUMERIC]}: {figures}."
    return sentence[:1].upper() + sentence[1:]  # "The article and ...", as every sentence


def copies_words(text: str, source: str, run: int = COPIED_WORDS) -> bool:
    """Whether `text` repeats a run of `run` consecutive words of `source` (case and punctuation aside),
    or all of a shorter source of three words or more."""
    words = [w for w in re.findall(r"\w+", text.casefold())]
    known = re.findall(r"\w+", source.casefold())
    if 3 <= len(known) < run:
        run = len(known)
    runs = {tuple(known[i : i + run]) for i in range(len(known) - run + 1)}
    return any(tuple(words[i : i + run]) in runs for i in range(len(words) - run + 1))


def explanation(
    verdict: VerdictDraft, a: Claim, b: Claim, actor_a: str, actor_b: str, kind: ContradictionKind
) -> tuple[str, bool]:
    """The explanation shown for a reported contradiction, and whether code wrote it because the
    verifier's comparison copies the evidence (or is empty)."""
    comparison = " ".join(verdict.comparison.split())
    evidence = [" ".join(span.text for span in claim.evidence) for claim in (a, b)]
    if comparison and not any(copies_words(comparison, text) for text in evidence):
        return (comparison if comparison.endswith((".", "!", "?")) else comparison + "."), False
    one_actor = a.actor_id == b.actor_id
    written = conflict_sentence(actor_a, actor_b, kind, one_actor=one_actor)
    if any(copies_words(written, text) for text in evidence):  # a name that is a run of the evidence
        written = (
            conflict_sentence("The speaker", "The speaker", kind, one_actor=True)
            if one_actor
            else conflict_sentence(*_UNNAMED_SIDES, kind, one_actor=False)
        )
    return written, True


_UNNAMED_SIDES = ("One side", "the other")


def conflict_sentence(actor_a: str, actor_b: str, kind: ContradictionKind, *, one_actor: bool) -> str:
    """One sentence code writes for a conflict of this kind between two actors, or within one
    (`one_actor`: the claims' actor ids are one, whatever the names read)."""
    if one_actor or kind in (ContradictionKind.WORDS_VS_DEEDS, ContradictionKind.SELF):
        sentence = f"{actor_a} {_KIND_WORDS[kind]}."
    else:
        sentence = f"{actor_a} and {actor_b} {_KIND_WORDS[kind]}."
    return sentence[:1].upper() + sentence[1:]
