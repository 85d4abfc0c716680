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

from dataclasses import dataclass

from counterclaim.models import Claim, ClaimKind, ContradictionKind, DecisionAction
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
    "Figures that cannot both hold are reported when the verifier says the claims are about the same "
    'thing ("compatible") but misjudged the numbers.',
    {"min_confidence": MIN_CONFIDENCE},
)
KIND_FROM_ACTORS = Rule(
    "acceptance.kind_from_actors",
    "One actor's two claims conflict as self or words_vs_deeds (a deed and words); claims of two actors "
    "are never of those kinds (factual instead).",
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
    if candidate.rebuttal and verdict.relation == "contradict":
        return Judgement(True, REBUTTAL, DecisionAction.ACCEPTED, said)
    if verdict.confidence < MIN_CONFIDENCE:
        return Judgement(False, LOW_CONFIDENCE, DecisionAction.REFUSED, said)
    numbers = candidate.numeric.relation
    if verdict.relation == "compatible":
        if numbers is NumericRelation.CONFLICTING:
            return Judgement(
                True,
                CONFLICTING_FIGURES,
                DecisionAction.OVERRIDDEN,
                f"{said}; {candidate.numeric.explanation}",
            )
        return Judgement(False, NOT_CONTRADICT, DecisionAction.REFUSED, said)
    if not candidate.clash:
        return Judgement(False, NO_VISIBLE_REASON, DecisionAction.REFUSED, said)
    one_actor = candidate.a.actor_id == candidate.b.actor_id
    if one_actor and numbers is not NumericRelation.CONFLICTING and not candidate.opposed:
        return Judgement(False, ONE_ACTOR_NEEDS_MORE, DecisionAction.REFUSED, said)
    if numbers is NumericRelation.COMPATIBLE and verdict.kind == "numeric":
        return Judgement(
            False, COMPATIBLE_FIGURES, DecisionAction.OVERRIDDEN, f"{said}; {candidate.numeric.explanation}"
        )
    return Judgement(True, VERIFIED, DecisionAction.ACCEPTED, said)


def accept(verdict: VerdictDraft, candidate: Candidate) -> bool:
    """Whether a verdict becomes a reported contradiction."""
    return judge(verdict, candidate).reported


def settle_kind(verdict: VerdictDraft, a: Claim, b: Claim) -> ContradictionKind:
    """The contradiction kind, corrected where the actors and claim kinds decide it."""
    if a.actor_id == b.actor_id:
        if (a.kind is ClaimKind.ACTION) != (b.kind is ClaimKind.ACTION):
            return ContradictionKind.WORDS_VS_DEEDS
        return ContradictionKind.SELF
    kind = ContradictionKind(verdict.kind)
    if kind in (ContradictionKind.SELF, ContradictionKind.WORDS_VS_DEEDS):
        return ContradictionKind.FACTUAL
    return kind


def explanation(verdict: VerdictDraft, actor_a: str, actor_b: str) -> str:
    """What each side says, in the verifier's words, attributed."""
    a_says = " ".join(verdict.a_says.split()).rstrip(".")
    b_says = " ".join(verdict.b_says.split()).rstrip(".")
    return f"{actor_a}: {a_says}. {actor_b}: {b_says}."
