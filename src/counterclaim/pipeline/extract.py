"""Step 1 and 2: actors, then claims, chunk by chunk and window by window.

The model cites sentence numbers; code turns them into character spans of the user's text, so every
claim is grounded by construction. Sentence numbers outside the window are rejected by the schema (and
by validation, which instructor sends back to the model with the reason).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from counterclaim import prompts_loader
from counterclaim.llm.client import Message, ModelClient
from counterclaim.models import Actor, Claim, ClaimKind
from counterclaim.pipeline.actors import ActorRegistry
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.drafts import ActorDrafts, claim_drafts_model
from counterclaim.text.chunking import Chunk

Progress = Callable[[str], None]

ACTORS_TEMPLATE = "actors.j2"
CLAIMS_TEMPLATE = "claims.j2"
WINDOW_SENTENCES = 8
ACTORS_MAX_TOKENS = 900
CLAIMS_MAX_TOKENS = 1600


@dataclass(frozen=True)
class ClaimExtraction:
    """Actors and their claims, ids assigned, evidence located."""

    actors: list[Actor]
    claims: list[Claim]


def messages_for(article_prompt: str, template: str, **variables: Any) -> list[Message]:
    """System message, then the article first and the task after it (so servers reuse the prefix)."""
    return [
        {"role": "system", "content": prompts_loader.render(prompts_loader.SYSTEM_TEMPLATE)},
        {
            "role": "user",
            "content": prompts_loader.render(template, numbered_article=article_prompt, **variables),
        },
    ]


def windows(chunk: Chunk, *, after: int, size: int = WINDOW_SENTENCES) -> list[tuple[int, int]]:
    """(first, last) sentence numbers of the chunk not yet covered (numbers > after), `size` at a time."""
    numbers = [s.number for s in chunk.sentences if s.number > after]
    return [(numbers[i], numbers[min(i + size, len(numbers)) - 1]) for i in range(0, len(numbers), size)]


@dataclass(frozen=True)
class _RawClaim:
    sentences: tuple[int, ...]
    actor: str
    statement: str
    kind: str
    hedged: bool


async def extract_claims_async(
    article: PreparedArticle,
    client: ModelClient,
    *,
    progress: Progress | None = None,
) -> ClaimExtraction:
    """Actors and claims of the whole article."""
    settings = client.settings
    chunks = article.chunks(max_chars=settings.chunk_chars, overlap=settings.chunk_overlap)
    registry = ActorRegistry(article.sanitized.clean)
    for chunk in chunks:
        if progress:
            progress(f"actors: chunk {chunk.index + 1}/{len(chunks)}")
        drafts = await client.structured(
            "actors",
            messages_for(article.prompt_text(chunk), ACTORS_TEMPLATE),
            ActorDrafts,
            max_tokens=ACTORS_MAX_TOKENS,
        )
        for draft in drafts.actors:
            registry.add(draft)
    names = registry.names()
    if not names:
        return ClaimExtraction(actors=[], claims=[])

    raw: list[_RawClaim] = []
    covered = 0
    for chunk in chunks:
        prompt_article = article.prompt_text(chunk)
        for first, last in windows(chunk, after=covered):
            if progress:
                progress(f"claims: sentences {first}-{last} of {len(article.sentences)}")
            model = claim_drafts_model(first, last, names)
            answer: Any = await client.structured(
                "claims",
                messages_for(prompt_article, CLAIMS_TEMPLATE, first=first, last=last, actor_names=names),
                model,
                max_tokens=CLAIMS_MAX_TOKENS,
            )
            for item in answer.claims:
                raw.append(
                    _RawClaim(
                        sentences=tuple(sorted(set(item.sentences))),
                        actor=item.actor,
                        statement=" ".join(item.statement.split()),
                        kind=item.kind,
                        hedged=item.hedged,
                    )
                )
            covered = max(covered, last)
    return ClaimExtraction(actors=registry.actors(), claims=_build_claims(article, registry, raw))


def _build_claims(article: PreparedArticle, registry: ActorRegistry, raw: list[_RawClaim]) -> list[Claim]:
    """Deduplicate (same actor, same sentences, same statement or kind), order by position, assign ids."""
    seen: set[tuple[str, tuple[int, ...], str]] = set()
    kept: list[tuple[str, _RawClaim]] = []
    for item in raw:
        actor_id = registry.id_of(item.actor)
        key = (actor_id, item.sentences, item.statement.casefold())
        same_point = (actor_id, item.sentences, item.kind)
        if key in seen or same_point in seen:
            continue
        seen.add(key)
        seen.add((same_point[0], same_point[1], same_point[2]))
        kept.append((actor_id, item))
    kept.sort(key=lambda pair: pair[1].sentences)
    return [
        Claim(
            id=f"c{index}",
            actor_id=actor_id,
            statement=item.statement,
            kind=ClaimKind(item.kind),
            hedged=item.hedged,
            evidence=article.evidence_for(list(item.sentences)),
        )
        for index, (actor_id, item) in enumerate(kept, start=1)
    ]
