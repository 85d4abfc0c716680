"""Step 4: a short neutral summary whose every sentence cites the claims it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counterclaim.llm.client import ModelClient
from counterclaim.models import Actor, Claim, Contradiction, SummarySentence
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.candidates import content_words
from counterclaim.pipeline.drafts import summary_draft_model
from counterclaim.pipeline.messages import messages_for
from counterclaim.pipeline.skipping import answer_or_skip
from counterclaim.text.keywords import keywords

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
    *,
    notices: list[str] | None = None,
) -> list[SummarySentence]:
    """Up to four neutral sentences, each resting on the claims it cites (checked by code); none when
    there are no claims to summarise.

    With `notices`, an unusable answer gives no summary and a notice there; without, its
    `ModelOutputError` propagates.
    """
    if not claims:
        return []
    names = {actor.id: actor.name for actor in actors}
    listed = claims[:MAX_CLAIMS_LISTED]
    lines = [_ClaimLine(c.id, names[c.actor_id], c.statement) for c in listed]
    chunks = article.chunks(max_chars=client.settings.chunk_chars, overlap=client.settings.chunk_overlap)
    # One chunk: reuse the cached article prefix. Several: the claims alone carry the content.
    article_view = article.prompt_text() if len(chunks) <= 1 else "(long article: see the claims below)"
    model = summary_draft_model([c.id for c in listed], MAX_SENTENCES)
    answer: Any = await answer_or_skip(
        client.structured(
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
        ),
        skipped="no summary was written",
        notices=notices,
    )
    if answer is None:
        return []
    sentences = [
        SummarySentence(text=" ".join(s.text.split()), claim_ids=list(dict.fromkeys(s.claim_ids)))
        for s in answer.sentences
    ]
    by_id = {claim.id: claim for claim in claims}
    aliases = {actor.id: [actor.name, *actor.aliases] for actor in actors}
    return [s for s in sentences if rests_on_its_claims(s, [by_id[i] for i in s.claim_ids], aliases)]


MIN_SUPPORT = 0.5
# Words any summary sentence may add: how the claims are attributed, not what they say.
_ATTRIBUTION_WORDS = keywords("claim claims said says say article report reports state states according")


def rests_on_its_claims(
    sentence: SummarySentence, cited: list[Claim], actor_names: dict[str, list[str]]
) -> bool:
    """Whether at least half the sentence's content words come from the claims it cites (their
    statements, evidence and actors' names). A sentence that says something its citations do not (a
    point from elsewhere, or a wrong citation) is left out rather than shown as resting on them."""
    said = keywords(sentence.text) - _ATTRIBUTION_WORDS
    if not said:
        return bool(cited)
    material: set[str] = set()
    for claim in cited:
        material |= content_words(claim) | keywords(" ".join(actor_names.get(claim.actor_id, [])))
    return len(said & material) / len(said) >= MIN_SUPPORT
