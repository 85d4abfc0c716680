"""The naive baseline's one step: one request asking for everything at once (for comparison in evals).

It is held to the same grounding rule as the real pipeline: a claim is kept only when code finds its
quote in the article (`rules.quotes`); the others are dropped (counted in a notice, each in the trace).
A quote is not re-asked (a re-ask repeats the whole long answer): the baseline makes one request per
article unless its answer breaks the schema. A pair of claims that does not name two kept claims is
dropped too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from counterclaim.models import (
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    DecisionAction,
    ExplanationSource,
    SummarySentence,
)
from counterclaim.pipeline.requests import messages_for
from counterclaim.pipeline.rules.quotes import PAIR_OF_UNKNOWN_CLAIMS, QUOTE_NOT_IN_ARTICLE, quoted_spans
from counterclaim.pipeline.schemas import (
    ALIAS_MAX_CHARS,
    MAX_ALIASES,
    ROLE_MAX_CHARS,
    ActorDetails,
    ActorDraft,
    ClaimKindName,
    ContradictionKindName,
)
from counterclaim.pipeline.state import AnalysisState

NAME = "naive"
TEMPLATE = "naive.j2"
MAX_TOKENS = 4000


class NaiveContradiction(BaseModel):
    a: int = Field(ge=1)
    b: int = Field(ge=1)
    kind: ContradictionKindName
    explanation: str = Field(max_length=300)


def naive_model() -> type[BaseModel]:
    """The one-shot schema (quotes and claim numbers are checked by code afterwards)."""
    claim = create_model(
        "NaiveClaim",
        actor=(str, Field(min_length=1, max_length=100)),
        statement=(str, Field(min_length=3, max_length=300)),
        kind=(ClaimKindName, ...),
        hedged=(bool, ...),
        quote=(str, Field(min_length=3, max_length=500)),
    )
    return create_model(
        "NaiveAnalysis",
        actors=(list[ActorDraft], Field(max_length=20)),
        claims=(list[claim], Field(max_length=25)),
        contradictions=(list[NaiveContradiction], Field(max_length=10)),
        summary=(list[str], Field(max_length=4)),
    )


async def run(state: AnalysisState) -> None:
    """Actors, claims, contradictions and summary from a single request."""
    if not state.article.sentences:
        return
    answer: Any = await state.client.structured(
        NAME, messages_for(state.article.prompt_text(), TEMPLATE), naive_model(), max_tokens=MAX_TOKENS
    )
    grounded = []
    for position, item in enumerate(answer.claims, start=1):
        spans = quoted_spans(state.article, item.quote)
        if spans:
            grounded.append((position, item, spans))
        else:
            state.trace.record(
                QUOTE_NOT_IN_ARTICLE,
                DecisionAction.DROPPED,
                f"claim {position}'s quote {item.quote[:80]!r} is not in the article",
                actor=item.actor,
            )
    ungrounded = len(answer.claims) - len(grounded)
    registry = state.registry
    for _, item, _ in grounded:
        registry.add_name(item.actor)
    for draft in answer.actors:
        # The naive schema lets the model write more than `ActorDetails` takes: a long role is prose.
        role = draft.role if draft.role and len(draft.role) <= ROLE_MAX_CHARS else None
        aliases = [a for a in draft.aliases if len(a) <= ALIAS_MAX_CHARS][:MAX_ALIASES]
        registry.describe(draft.name, ActorDetails(kind=draft.kind, role=role, aliases=aliases))
    claims: list[Claim] = []
    index_to_id: dict[int, str] = {}
    for position, item, spans in grounded:
        claim_id = f"c{len(claims) + 1}"
        index_to_id[position] = claim_id
        claims.append(
            Claim(
                id=claim_id,
                actor_id=registry.id_of(item.actor),
                statement=" ".join(item.statement.split()),
                kind=ClaimKind(item.kind),
                hedged=item.hedged,
                evidence=spans,
            )
        )
    contradictions: list[Contradiction] = []
    paired: set[frozenset[int]] = set()
    for k in answer.contradictions:
        if k.a == k.b or not {k.a, k.b} <= index_to_id.keys() or frozenset((k.a, k.b)) in paired:
            state.trace.record(
                PAIR_OF_UNKNOWN_CLAIMS, DecisionAction.DROPPED, f"the pair names claims {k.a} and {k.b}"
            )
            continue
        paired.add(frozenset((k.a, k.b)))
        contradictions.append(
            Contradiction(
                id=f"k{len(contradictions) + 1}",
                claim_a=index_to_id[k.a],
                claim_b=index_to_id[k.b],
                kind=ContradictionKind(k.kind),
                explanation=k.explanation,
                explained_by=ExplanationSource.MODEL,
                confidence=0.5,
            )
        )
    registry.record_kinds_from_names()
    state.actors = registry.actors()
    state.claims = claims
    state.contradictions = contradictions
    state.summary = [SummarySentence(text=s, claim_ids=[]) for s in answer.summary if s.strip()]
    if ungrounded:
        state.notices.append(
            f"naive baseline: {ungrounded} claim(s) dropped, their quotes are not in the article"
        )
