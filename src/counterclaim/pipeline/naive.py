"""The naive baseline: one request asking for everything at once (for comparison in evals).

It is held to the same grounding rule as the real pipeline: every quote must be found in the article
by code, and a quote that is not there is sent back to the model with the reason (instructor re-ask).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, create_model, field_validator

from counterclaim.llm.client import ModelClient
from counterclaim.models import Claim, ClaimKind, Contradiction, ContradictionKind, Span, SummarySentence
from counterclaim.pipeline.actors import ActorRegistry
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.drafts import ActorDetails, ActorDraft, ClaimKindName, ContradictionKindName
from counterclaim.pipeline.extract import ClaimExtraction
from counterclaim.pipeline.messages import messages_for
from counterclaim.text.grounding import locate_quote

NAIVE_TEMPLATE = "naive.j2"
_SENTENCE_NUMBER = re.compile(r"\[\d+\]\s*")


def without_sentence_numbers(quote: str) -> str:
    """The quote without the "[n] " sentence markers of the numbered article the model was shown."""
    return _SENTENCE_NUMBER.sub("", quote).strip()


NAIVE_MAX_TOKENS = 2500


class NaiveContradiction(BaseModel):
    a: int = Field(ge=1)
    b: int = Field(ge=1)
    kind: ContradictionKindName
    explanation: str = Field(max_length=300)


def naive_model(clean_text: str) -> type[BaseModel]:
    """The one-shot schema; quotes are checked against the article when the answer is validated."""

    def quote_in_article(cls: type[BaseModel], value: str, info: ValidationInfo) -> str:
        value = without_sentence_numbers(value)
        if locate_quote(clean_text, value) is None:
            raise ValueError(
                f"this quote is not in the article; copy the article's exact words: {value[:80]!r}"
            )
        return value

    claim = create_model(
        "NaiveClaim",
        actor=(str, Field(min_length=1, max_length=100)),
        statement=(str, Field(min_length=3, max_length=300)),
        kind=(ClaimKindName, ...),
        hedged=(bool, ...),
        quote=(str, Field(min_length=3, max_length=500)),
        __validators__={"quote_in_article": field_validator("quote")(quote_in_article)},
    )

    def pairs_exist(cls: type[BaseModel], value: list[NaiveContradiction], info: ValidationInfo) -> Any:
        count = len(info.data.get("claims", []))
        for item in value:
            if item.a > count or item.b > count or item.a == item.b:
                raise ValueError(f"contradiction {item.a}-{item.b} does not name two of the {count} claims")
        return value

    return create_model(
        "NaiveAnalysis",
        actors=(list[ActorDraft], Field(max_length=20)),
        claims=(list[claim], Field(max_length=25)),
        contradictions=(list[NaiveContradiction], Field(max_length=10)),
        summary=(list[str], Field(max_length=4)),
        __validators__={"pairs_exist": field_validator("contradictions")(pairs_exist)},
    )


async def naive_analysis_async(
    article: PreparedArticle, client: ModelClient
) -> tuple[ClaimExtraction, list[Contradiction], list[SummarySentence]]:
    """Actors, claims, contradictions and summary from a single request."""
    clean = article.sanitized.clean
    answer: Any = await client.structured(
        "naive",
        messages_for(article.prompt_text(), NAIVE_TEMPLATE),
        naive_model(clean),
        max_tokens=NAIVE_MAX_TOKENS,
    )
    registry = ActorRegistry(clean)
    for item in answer.claims:
        registry.add_name(item.actor)
    for draft in answer.actors:
        details = ActorDetails(kind=draft.kind, role=draft.role, aliases=[a[:50] for a in draft.aliases[:3]])
        registry.describe(draft.name, details)
    claims: list[Claim] = []
    index_to_id: dict[int, str] = {}
    for position, item in enumerate(answer.claims, start=1):
        located = locate_quote(clean, item.quote)
        if located is None:  # validation guarantees a match; keep the type checker honest
            continue
        actor_id = registry.id_of(item.actor)
        span: Span = article.original_span(located.start, located.end)
        claim_id = f"c{len(claims) + 1}"
        index_to_id[position] = claim_id
        claims.append(
            Claim(
                id=claim_id,
                actor_id=actor_id,
                statement=" ".join(item.statement.split()),
                kind=ClaimKind(item.kind),
                hedged=item.hedged,
                evidence=[span],
            )
        )
    contradictions = [
        Contradiction(
            id=f"k{n}",
            claim_a=index_to_id[k.a],
            claim_b=index_to_id[k.b],
            kind=ContradictionKind(k.kind),
            explanation=k.explanation,
            confidence=0.5,
        )
        for n, k in enumerate(
            (k for k in answer.contradictions if k.a in index_to_id and k.b in index_to_id), start=1
        )
    ]
    summary = [SummarySentence(text=s, claim_ids=[]) for s in answer.summary if s.strip()]
    return ClaimExtraction(actors=registry.actors(), claims=claims), contradictions, summary
