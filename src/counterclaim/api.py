"""The Python API: `analyze` (and `analyze_async`) plus each step on its own.

Every function takes either an open `ModelClient` (you control the model; it is not closed for you)
or `settings` (a client is opened for the call, starting the embedded server when the provider is
local). With neither, settings come from the environment (`COUNTERCLAIM_*`, `OPENAI_API_KEY`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from counterclaim.config import Settings, load_settings
from counterclaim.io.article_input import article_from_text
from counterclaim.llm.client import ModelClient
from counterclaim.llm.provider import open_model_client
from counterclaim.models import Actor, Analysis, AnalysisScope, Claim, Contradiction, SummarySentence
from counterclaim.pipeline.analyze import PipelineName, run_pipeline
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.contradictions import find_contradictions_async as _find
from counterclaim.pipeline.extract import ClaimExtraction
from counterclaim.pipeline.extract import extract_claims_async as _extract
from counterclaim.pipeline.messages import Progress
from counterclaim.pipeline.summary import summarize_async as _summarize

T = TypeVar("T")


@contextlib.asynccontextmanager
async def _client_for(client: ModelClient | None, settings: Settings | None) -> AsyncIterator[ModelClient]:
    if client is not None:
        yield client
        return
    async with open_model_client(settings or load_settings()) as opened:
        yield opened


def _run(coroutine_factory: Callable[[], Awaitable[T]]) -> T:
    async def runner() -> T:
        return await coroutine_factory()

    return asyncio.run(runner())


async def analyze_async(
    text: str,
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    pipeline: PipelineName = "staged",
    progress: Progress | None = None,
    scope: AnalysisScope = "full",
) -> Analysis:
    """Who claims what in `text`, where the claims conflict, and a neutral summary.

    `scope="claims"` stops after actors and claims (faster; `run.scope` then says that contradictions
    and summary were not looked for).

    Raises InputError for unusable text (empty, binary, too long), ProviderError / ModelOutputError /
    LocalModelError when the model cannot deliver. HTML is converted to text first (see run.notices);
    offsets then index into the converted text.
    """
    resolved = client.settings if client is not None else (settings or load_settings())
    article = article_from_text(text, max_chars=resolved.max_chars)
    async with _client_for(client, resolved) as opened:
        return await run_pipeline(
            article.text,
            opened,
            pipeline=pipeline,
            notices=list(article.notices),
            progress=progress,
            scope=scope,
        )


def analyze(
    text: str,
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    pipeline: PipelineName = "staged",
    progress: Progress | None = None,
    scope: AnalysisScope = "full",
) -> Analysis:
    """Synchronous `analyze_async` (not for use inside a running event loop)."""
    return _run(
        lambda: analyze_async(
            text, settings=settings, client=client, pipeline=pipeline, progress=progress, scope=scope
        )
    )


async def extract_claims_async(
    text: str, *, settings: Settings | None = None, client: ModelClient | None = None
) -> ClaimExtraction:
    """Actors and their grounded claims (offsets index into `text`)."""
    async with _client_for(client, settings) as opened:
        return await _extract(PreparedArticle.from_text(text), opened)


def extract_claims(
    text: str, *, settings: Settings | None = None, client: ModelClient | None = None
) -> ClaimExtraction:
    """Synchronous `extract_claims_async`."""
    return _run(lambda: extract_claims_async(text, settings=settings, client=client))


async def find_contradictions_async(
    text: str,
    actors: list[Actor],
    claims: list[Claim],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[Contradiction]:
    """Verified contradictions among `claims` (from `extract_claims`)."""
    async with _client_for(client, settings) as opened:
        return await _find(PreparedArticle.from_text(text), actors, claims, opened)


def find_contradictions(
    text: str,
    actors: list[Actor],
    claims: list[Claim],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[Contradiction]:
    """Synchronous `find_contradictions_async`."""
    return _run(lambda: find_contradictions_async(text, actors, claims, settings=settings, client=client))


async def summarize_async(
    text: str,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: list[Contradiction],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[SummarySentence]:
    """A neutral summary of the claims, each sentence citing claim ids."""
    async with _client_for(client, settings) as opened:
        return await _summarize(PreparedArticle.from_text(text), actors, claims, contradictions, opened)


def summarize(
    text: str,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: list[Contradiction],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[SummarySentence]:
    """Synchronous `summarize_async`."""
    return _run(
        lambda: summarize_async(text, actors, claims, contradictions, settings=settings, client=client)
    )
