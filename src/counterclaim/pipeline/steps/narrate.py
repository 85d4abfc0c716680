"""Step 8, narrate (code only, with the `narrator` setting): the article's own account as an actor.

Sentences of the article's own voice that an actor's words can be held against (`rules.narration`)
become claims of the actor "the article", each recorded in the trace; without the setting, or in a
language other than English (the reporting-word check is English), nothing is added.
"""

from __future__ import annotations

from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, DecisionAction, SpanGrounding
from counterclaim.pipeline.rules.narration import NARRATOR_NAME, OWN_ACCOUNT, own_account
from counterclaim.pipeline.state import AnalysisState

NAME = "narrate"


async def run(state: AnalysisState) -> None:
    """Add the article's own account to the actors and claims."""
    if not state.settings.narrator or not state.article.english or not state.claims:
        return
    cited = {
        number
        for proposal in state.statements
        if proposal.id in state.claim_of_proposal
        for number in proposal.sentences
    }
    names = [name for actor in state.actors for name in (actor.name, *actor.aliases)]
    sentences = own_account(state.article.sentence_texts, cited, state.claims, names)
    if not sentences:
        return
    narrator = Actor(id=f"a{len(state.actors) + 1}", name=NARRATOR_NAME, kind=ActorKind.MEDIA, narrator=True)
    for sentence in sentences:
        claim_id = f"c{len(state.claims) + 1}"
        state.claims.append(
            Claim(
                id=claim_id,
                actor_id=narrator.id,
                statement=" ".join(sentence.text.split()),
                kind=ClaimKind.ASSERTION,
                evidence=state.article.evidence_for([sentence.number], SpanGrounding.CITED_SENTENCE),
            )
        )
        state.trace.record(
            OWN_ACCOUNT,
            DecisionAction.ADDED,
            f"sentence {sentence.number} is the article's own account: {sentence.reason}",
            claims=(claim_id,),
            actor=NARRATOR_NAME,
            sentences=(sentence.number,),
        )
    state.actors.append(narrator)
