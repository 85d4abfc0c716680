"""Step 9, pair (code only): the claim pairs worth verifying, best first (`rules.pairing`).

Every pair sent to the verifier, and every pair code looked at and refused, is recorded in the trace
with the rule that decided: first the refusals worth reading, then those of the quiet rules (one
actor's claims of one polarity, pairs with too little in common), up to `MAX_LISTED_REFUSALS`, the
rest counted; pairs sharing no word at all are counted (`pairing.nothing_shared`). Claims of the
article's own account (the `narrator` setting) are paired apart, against actors' claims only, under
their own budget (`rules.narration`).
"""

from __future__ import annotations

from collections import Counter

from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.narration import MAX_PAIRS, NARRATOR_PAIRS, SHARED_SUBJECT_WORDS_FOR_PAIRS
from counterclaim.pipeline.rules.pairing import (
    ANSWERED_IN_ITS_SENTENCE,
    BACK_REFERENCE,
    COMMON_WORDS,
    KEPT,
    MAX_LISTED_REFUSALS,
    NOTHING_SHARED,
    Candidate,
    Pairing,
    propose_candidates,
)
from counterclaim.pipeline.state import AnalysisState
from counterclaim.text.numbers import NumericRelation

NAME = "pair"


def _why(candidate: Candidate) -> str:
    reasons = []
    if candidate.rebuttal:
        reasons.append(f"{candidate.b.id}, a denial, points back at it")
    if candidate.numeric.relation is NumericRelation.CONFLICTING:
        reasons.append("figures that cannot both hold")
    if candidate.opposed:
        reasons.append("opposed ideas")
    if candidate.reason and candidate.reason not in reasons:
        reasons.append(candidate.reason)
    return f"score {candidate.score:.2f}: {'; '.join(reasons)}"


async def run(state: AnalysisState) -> None:
    """Choose the pairs to verify: between actors, then (narrator setting) against the article's account."""
    own_account = frozenset(c.id for c in state.claims if c.actor_id in state.narrator_ids)
    actor_names = {actor.id: [actor.name, *actor.aliases] for actor in state.actors if not actor.narrator}
    pairing = propose_candidates(
        [c for c in state.claims if c.id not in own_account],
        limit=state.settings.max_candidates,
        actor_names=actor_names,
    )
    _record(state, pairing)
    state.candidates = pairing.chosen
    if own_account:
        against_record = propose_candidates(
            state.claims,
            limit=MAX_PAIRS,
            actor_names=actor_names,
            involving=own_account,
            subject_words=SHARED_SUBJECT_WORDS_FOR_PAIRS,
            against_record=True,
        )
        _record(state, against_record)
        state.trace.record(
            NARRATOR_PAIRS,
            DecisionAction.KEPT,
            f"{len(against_record.chosen)} pair(s) of the article's own account and an actor's claim "
            f"chosen (at most {MAX_PAIRS})",
            claims=sorted({c for pair in against_record.chosen for c in (pair.a.id, pair.b.id)}),
        )
        state.candidates = [*pairing.chosen, *against_record.chosen]


def _record(state: AnalysisState, pairing: Pairing) -> None:
    """Every pairing decision in the trace: chosen pairs, refusals (listed, then counted)."""
    for candidate in pairing.chosen:
        rule = (
            ANSWERED_IN_ITS_SENTENCE if candidate.stated else BACK_REFERENCE if candidate.rebuttal else KEPT
        )
        state.trace.record(
            rule,
            DecisionAction.KEPT,
            _why(candidate),
            claims=(candidate.a.id, candidate.b.id),
        )
    refusals = [*pairing.refused, *pairing.left_out]
    for refusal in refusals[:MAX_LISTED_REFUSALS]:
        state.trace.record(
            refusal.rule, DecisionAction.REFUSED, refusal.reason, claims=(refusal.a.id, refusal.b.id)
        )
    unlisted = Counter(refusal.rule for refusal in refusals[MAX_LISTED_REFUSALS:])
    for rule, count in unlisted.items():
        state.trace.record(rule, DecisionAction.REFUSED, f"{count} more pair(s) refused by this rule")
    if pairing.unshared:
        state.trace.record(
            NOTHING_SHARED,
            DecisionAction.REFUSED,
            f"{pairing.unshared} pair(s) share no content word or unit (beyond words too many claims "
            "share): never scored",
        )
    if pairing.too_common:
        shown = ", ".join(sorted(pairing.too_common)[:8])
        state.trace.record(
            COMMON_WORDS,
            DecisionAction.REFUSED,
            f"{len(pairing.too_common)} word(s) shared by too many claims to pair them: {shown}",
        )
