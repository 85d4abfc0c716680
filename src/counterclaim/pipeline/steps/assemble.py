"""Step 7, assemble claims (code only): duplicates dropped, a sentence claimed by several actors kept by
those it names, one quotation made one claim (with the `join_quotations` setting), ids given, evidence
located in the user's text; the actors listed are those that own a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, DecisionAction, SpanGrounding
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules.duplicates import DUPLICATE_CLAIM
from counterclaim.pipeline.rules.quotations import ONE_QUOTATION, PlacedClaim, quotation_groups
from counterclaim.pipeline.rules.shared_sentences import UNNAMED_ON_SHARED_SENTENCE, claims_of_unnamed_actors
from counterclaim.pipeline.state import AnalysisState

NAME = "assemble"


@dataclass(frozen=True)
class _Owned:
    actor_id: str
    proposal: Proposal


def _without_duplicates(state: AnalysisState) -> list[_Owned]:
    """The proposals with their actor ids, an actor's repeated claim on the same sentences left out."""
    seen: dict[tuple[str, tuple[int, ...], str], str] = {}
    kept: list[_Owned] = []
    for item in state.statements:
        actor_id = state.registry.id_of(item.actor)
        by_statement = (actor_id, item.sentences, "statement:" + item.statement.casefold())
        by_kind = (actor_id, item.sentences, "kind:" + item.kind)
        earlier = seen.get(by_statement) or seen.get(by_kind)
        if earlier is not None:
            same = "statement" if by_statement in seen else "kind"
            state.trace.record_about(
                DUPLICATE_CLAIM,
                DecisionAction.DROPPED,
                f"repeats {earlier} (same actor, sentences and {same})",
                item,
            )
            continue
        seen.setdefault(by_statement, item.id)
        seen.setdefault(by_kind, item.id)
        kept.append(_Owned(actor_id, item))
    kept.sort(key=lambda owned: owned.proposal.sentences)
    return kept


def _placed(claims: list[_Owned]) -> list[PlacedClaim]:
    """Where each claim sits: what the sentence and quotation rules look at."""
    return [PlacedClaim(owned.actor_id, owned.proposal.sentences, owned.proposal.kind) for owned in claims]


def _joined(parts: list[Proposal]) -> Proposal:
    """One claim for the parts of one quotation: all their sentences, their statements in order."""
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    return Proposal(
        id=first.id,
        sentences=tuple(n for part in parts for n in part.sentences),
        actor=first.actor,
        statement=" ".join(_as_sentence(part.statement) for part in parts),
        kind=first.kind,
        hedged=any(part.hedged for part in parts),
        grounding=SpanGrounding.JOINED_QUOTATION,
    )


def _as_sentence(statement: str) -> str:
    """The statement ending in a full stop (or the punctuation it has), to be followed by another."""
    return statement if statement.endswith((".", "!", "?", '"', "\u201d")) else statement + "."


async def run(state: AnalysisState) -> None:
    """The final actors and claims (code only)."""
    actors = state.registry.actors()
    kept = _without_duplicates(state)
    if state.attribution.english:
        names = {actor.id: [actor.name, *actor.aliases] for actor in actors}
        persons = {actor.id for actor in actors if actor.kind is ActorKind.PERSON}
        unnamed = claims_of_unnamed_actors(state.article.sentence_texts, _placed(kept), names, persons)
        for index in sorted(unnamed):
            dropped = kept[index].proposal
            state.trace.record_about(
                UNNAMED_ON_SHARED_SENTENCE,
                DecisionAction.DROPPED,
                f"sentence {dropped.sentences[0]} is also claimed by actors it names; it does not name "
                f"{dropped.actor!r}",
                dropped,
            )
        kept = [owned for index, owned in enumerate(kept) if index not in unnamed]
    claims: list[Claim] = []
    groups = (
        quotation_groups(state.article, _placed(kept))
        if state.settings.join_quotations
        else [[index] for index in range(len(kept))]
    )
    for group in groups:
        parts = [kept[i].proposal for i in group]
        item = _joined(parts)
        claim_id = f"c{len(claims) + 1}"
        for part in parts:
            state.claim_of_proposal[part.id] = claim_id
        if len(parts) > 1:
            state.trace.record(
                ONE_QUOTATION,
                DecisionAction.JOINED,
                f"proposals {', '.join(p.id for p in parts)} are consecutive sentences of one quotation",
                claims=(claim_id,),
                actor=item.actor,
                sentences=item.sentences,
            )
        claims.append(
            Claim(
                id=claim_id,
                actor_id=kept[group[0]].actor_id,
                statement=item.statement,
                kind=ClaimKind(item.kind),
                hedged=item.hedged,
                evidence=state.article.evidence_for(list(item.sentences), item.grounding),
            )
        )
    state.actors, state.claims = _numbered(actors, claims)


def _numbered(actors: list[Actor], claims: list[Claim]) -> tuple[list[Actor], list[Claim]]:
    """The actors that own a claim, with ids `a1`, `a2`, ... in order, and the claims pointing at them."""
    owners = {claim.actor_id for claim in claims}
    listed = [actor for actor in actors if actor.id in owners]
    new_id = {actor.id: f"a{number}" for number, actor in enumerate(listed, start=1)}
    return (
        [actor.model_copy(update={"id": new_id[actor.id]}) for actor in listed],
        [claim.model_copy(update={"actor_id": new_id[claim.actor_id]}) for claim in claims],
    )
