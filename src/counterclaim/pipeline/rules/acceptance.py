"""Whether the verifier's verdict on a claim pair becomes a reported contradiction, and of which kind.

The model must find the claims in conflict and be sure of it, and code must see a reason for a conflict
(`pairing.Candidate.clash`): small models call many merely different claims contradictory. One actor's
two claims need more than a negation on one side (speakers often qualify themselves): figures that
cannot both hold, or opposed ideas. Code has the last word on figures: it overrules a numeric
contradiction between figures it finds compatible, and reports one between figures that cannot both
hold when the model agrees the claims are about the same thing ("compatible") but misjudged the numbers.
What a reported contradiction's explanation says is `rules.explanations`' job.

A rebuttal code found (B denies something it only points back at, A a nearby claim of another actor)
needs the model's "contradict" and not its confidence: code has established the conflict and the model
only says whether A is what B denies. The 1.5B states its confidence at random (0.5 or 0.9 for the same
kind of pair), so asking for 0.8 there would only drop pairs by chance. A pair in which one claim
speaks against the other side (it denies or accuses naming it, or "questioned the findings" it shares
a subject with) also needs "contradict" and not its confidence, but as code has not established what it
answers, it is asked again in the other order like any verdict on the model's word. A pair whose
sentence states the conflict ("X is denying Y's allegations that ...") is reported whatever the model
says.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.language import english
from counterclaim.language.tokens import words
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
DISAGREEMENT = Rule(
    "acceptance.disagreement",
    "A pair in which one claim speaks against the other side (denies or accuses naming it, or reports a "
    "verb of disagreement or a verdict of wrong naming it or its subject) is reported when the verifier says "
    '"contradict", whatever its stated confidence, and says so again with the claims in the other order.',
)
ANSWERED_IN_ITS_SENTENCE = Rule(
    "acceptance.answered_in_its_sentence",
    "A pair whose sentence states the conflict (one side denies or disputes there the other's "
    "allegation, claim or warning: `pairing.answered_in_its_sentence`) is reported whatever the verifier "
    'says: accepted when it said "contradict", overridden otherwise (code then writes the explanation).',
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
INTENT_CLAIM_KINDS = frozenset({ClaimKind.PROMISE, ClaimKind.THREAT, ClaimKind.DEMAND, ClaimKind.PREDICTION})
"""Claims about what someone will do: an intent contradiction needs one."""
KIND_FROM_CLAIMS = Rule(
    "acceptance.kind_from_claims",
    "Two actors' claims conflict as intent only when one of them is about what someone will do (a "
    'promise, threat, demand or prediction) or speaks of an intention ("no intention of invading"); the '
    "verifier's intent between two other claims is factual.",
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
    "Contradictions between the same two actors (or of one actor with itself) are one conflict: "
    "reported once, the further pairs listed in its `also`, as the gold labels count them (no pair of "
    "actors holds two conflicts in the dev and validation labels).",
)
RULES = (
    VERIFIED,
    REBUTTAL,
    DISAGREEMENT,
    ANSWERED_IN_ITS_SENTENCE,
    LOW_CONFIDENCE,
    NOT_CONTRADICT,
    ONE_ACTOR_NEEDS_MORE,
    COMPATIBLE_FIGURES,
    CONFLICTING_FIGURES,
    KIND_FROM_ACTORS,
    KIND_FROM_FIGURES,
    KIND_FROM_CLAIMS,
    ORDER_CHANGES_VERDICT,
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
    if candidate.stated:  # the sentence both claims cite states the conflict: the model adds nothing
        action = DecisionAction.ACCEPTED if verdict.relation == "contradict" else DecisionAction.OVERRIDDEN
        return Judgement(True, ANSWERED_IN_ITS_SENTENCE, action, f"{said}; {candidate.reason}")
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
    waived = candidate.disagreement and verdict.relation == "contradict"
    if verdict.confidence < MIN_CONFIDENCE and not waived:
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
    if verdict.confidence < MIN_CONFIDENCE:  # waived: one claim speaks against the other side
        return Judgement(True, DISAGREEMENT, DecisionAction.ACCEPTED, f"{said}; {candidate.reason}")
    return Judgement(True, VERIFIED, DecisionAction.ACCEPTED, said)


def needs_other_order(judgement: Judgement) -> bool:
    """Whether a reported verdict rests on the model's word, so it is asked again in the other order."""
    return judgement.reported and judgement.rule in (VERIFIED, DISAGREEMENT)


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


def _about_intent(claim: Claim) -> bool:
    """Whether a claim is about what someone will do or means to do (`KIND_FROM_CLAIMS`)."""
    text = f"{claim.statement} {claim.evidence_text}"
    return claim.kind in INTENT_CLAIM_KINDS or bool(english.INTENTION_WORDS & set(words(text)))


def settle_kind(
    verdict: VerdictDraft, a: Claim, b: Claim, *, figures_conflict: bool = False, against_record: bool = False
) -> tuple[ContradictionKind, Rule | None]:
    """The contradiction kind, and the rule that corrected the verifier's (None: its kind stands): an
    actor against the article's own account (`against_record`) is `record`; the actors and claim kinds
    decide self and words_vs_deeds; between two actors, figures code found conflicting
    (`figures_conflict`) make it numeric, and intent needs a claim about what someone will do."""
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
    if named is ContradictionKind.INTENT and not any(_about_intent(claim) for claim in (a, b)):
        return ContradictionKind.FACTUAL, KIND_FROM_CLAIMS
    return named, None
