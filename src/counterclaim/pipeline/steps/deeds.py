"""Step 12, deeds (code only): a deed that takes part in no reported contradiction is left out, and so is
an actor left with no claim (`rules.deeds`); each one left out is recorded in the trace. The claims and
actors that stay keep their ids, so the trace's earlier entries still name them."""

from __future__ import annotations

from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.deeds import DEED_OUTSIDE_CONFLICTS, deeds_outside_conflicts
from counterclaim.pipeline.state import AnalysisState

NAME = "deeds"


async def run(state: AnalysisState) -> None:
    """The claims without the deeds outside every conflict, the actors without those left with none."""
    unverified = [(candidate.a.id, candidate.b.id) for candidate in state.unverified]
    outside = deeds_outside_conflicts(
        state.claims, state.contradictions, unverified, english=state.article.english
    )
    if not outside:
        return
    names = {actor.id: actor.name for actor in state.actors}
    for claim in outside:
        made_of = [proposal for proposal, made in state.claim_of_proposal.items() if made == claim.id]
        state.trace.record(
            DEED_OUTSIDE_CONFLICTS,
            DecisionAction.DROPPED,
            f"{claim.id} is a deed that takes part in no contradiction: {claim.statement!r}",
            claims=(claim.id,),
            proposal=made_of[0] if made_of else None,
            actor=names.get(claim.actor_id),
            sentences=_sentences_cited(state, made_of),
        )
    dropped = {claim.id for claim in outside}
    state.claims = [claim for claim in state.claims if claim.id not in dropped]
    owners = {claim.actor_id for claim in state.claims}
    for actor in state.actors:
        if actor.id not in owners:
            state.trace.record(
                DEED_OUTSIDE_CONFLICTS,
                DecisionAction.DROPPED,
                f"{actor.id} {actor.name!r} has no claim left",
                actor=actor.name,
            )
    state.actors = [actor for actor in state.actors if actor.id in owners]


def _sentences_cited(state: AnalysisState, proposals: list[str]) -> list[int]:
    """The numbers of the article's sentences these proposals cite."""
    return sorted({number for item in state.statements if item.id in proposals for number in item.sentences})
