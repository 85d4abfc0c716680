"""Step 4: a short neutral summary whose every sentence cites the claims it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counterclaim.llm.client import ModelClient
from counterclaim.models import Actor, Claim, Contradiction, SummarySentence
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.drafts import summary_draft_model
from counterclaim.pipeline.messages import messages_for

SUMMARY_TEMPLATE = "summary.j2"
SUMMARY_MAX_TOKENS = 600
MAX_SENTENCES = 4
MAX_CLAIMS_LISTED = 40


@dataclass(frozen=True)
class _ClaimLine:
    id: str
    actor: str
    statement: str


async def summarize_async(
    article: PreparedArticle,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: list[Contradiction],
    client: ModelClient,
) -> list[SummarySentence]:
    """Up to four neutral sentences; none when there are no claims to summarise."""
    if not claims:
        return []
    names = {actor.id: actor.name for actor in actors}
    listed = claims[:MAX_CLAIMS_LISTED]
    lines = [_ClaimLine(c.id, names[c.actor_id], c.statement) for c in listed]
    chunks = article.chunks(max_chars=client.settings.chunk_chars, overlap=client.settings.chunk_overlap)
    # One chunk: reuse the cached article prefix. Several: the claims alone carry the content.
    article_view = article.prompt_text() if len(chunks) <= 1 else "(long article: see the claims below)"
    model = summary_draft_model([c.id for c in listed], MAX_SENTENCES)
    answer: Any = await client.structured(
        "summary",
        messages_for(
            article_view,
            SUMMARY_TEMPLATE,
            claims=lines,
            contradictions=contradictions,
            max_sentences=MAX_SENTENCES,
        ),
        model,
        max_tokens=SUMMARY_MAX_TOKENS,
    )
    return [
        SummarySentence(text=" ".join(s.text.split()), claim_ids=list(dict.fromkeys(s.claim_ids)))
        for s in answer.sentences
    ]
