"""The naive baseline: one request asking for everything at once (for comparison in evals).

It is held to the same grounding rule as the real pipeline: a claim is kept only when code finds its
quote in the article; the others are dropped (counted in a notice), as the staged pipeline drops them.
A quote is not re-asked (a re-ask repeats the whole long answer): the baseline makes one request per
article unless its answer breaks the schema. A pair of claims that does not name two kept claims is
dropped too.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field, create_model

from counterclaim.llm.client import ModelClient
from counterclaim.models import Claim, ClaimKind, Contradiction, ContradictionKind, Span, SummarySentence
from counterclaim.pipeline.actors import ActorRegistry
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.drafts import (
    ALIAS_MAX_CHARS,
    MAX_ALIASES,
    ROLE_MAX_CHARS,
    ActorDetails,
    ActorDraft,
    ClaimKindName,
    ContradictionKindName,
)
from counterclaim.pipeline.extract import ClaimExtraction
from counterclaim.pipeline.messages import messages_for
from counterclaim.text.grounding import locate_quote

NAIVE_TEMPLATE = "naive.j2"
_SENTENCE_NUMBER = re.compile(r"\[(\d+)\]\s*")
_ONLY_SENTENCE_NUMBERS = re.compile(r"(?:\s*\[\d+\]\s*(?:,|;|and|&|-)?)+\s*")


def without_sentence_numbers(quote: str) -> str:
    """The quote without the "[n] " sentence markers of the numbered article the model was shown."""
    return _SENTENCE_NUMBER.sub("", quote).strip()


def quoted_spans(article: PreparedArticle, quote: str) -> list[Span]:
    """Where an answer's quote is in the article (empty when it is not there).

    Its words, found by code; or, when the model cited sentence numbers instead of copying words
    ("[4]", "[4], [5]"), those whole sentences.
    """
    if _ONLY_SENTENCE_NUMBERS.fullmatch(quote):
        numbers = dict.fromkeys(int(n) for n in _SENTENCE_NUMBER.findall(quote))
        if not all(1 <= n <= len(article.sentences) for n in numbers):
            return []
        sentences = [article.sentence(n) for n in numbers]
        return [article.original_span(s.start, s.end) for s in sentences]
    located = locate_quote(article.sanitized.clean, without_sentence_numbers(quote))
    return [] if located is None else [article.original_span(located.start, located.end)]


NAIVE_MAX_TOKENS = 4000


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


async def naive_analysis_async(
    article: PreparedArticle, client: ModelClient
) -> tuple[ClaimExtraction, list[Contradiction], list[SummarySentence], list[str]]:
    """Actors, claims, contradictions and summary from a single request, and notices (dropped claims)."""
    clean = article.sanitized.clean
    answer: Any = await client.structured(
        "naive",
        messages_for(article.prompt_text(), NAIVE_TEMPLATE),
        naive_model(),
        max_tokens=NAIVE_MAX_TOKENS,
    )
    grounded = [
        (position, item, spans)
        for position, item in enumerate(answer.claims, start=1)
        if (spans := quoted_spans(article, item.quote))
    ]
    ungrounded = len(answer.claims) - len(grounded)
    registry = ActorRegistry(clean)
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
            (k for k in answer.contradictions if k.a != k.b and {k.a, k.b} <= index_to_id.keys()), start=1
        )
    ]
    summary = [SummarySentence(text=s, claim_ids=[]) for s in answer.summary if s.strip()]
    notices = (
        [f"naive baseline: {ungrounded} claim(s) dropped, their quotes are not in the article"]
        if ungrounded
        else []
    )
    return ClaimExtraction(actors=registry.actors(), claims=claims), contradictions, summary, notices
