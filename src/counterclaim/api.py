"""The Python API: `analyze` (and `analyze_async`) plus each part of the analysis on its own.

Every function takes either an open `ModelClient` (you control the model; it is not closed for you)
or `settings` (a client is opened for the call, starting the embedded server when the provider is
local). With neither, settings come from the environment (`COUNTERCLAIM_*`, `OPENAI_API_KEY`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from counterclaim.config import Settings, load_settings
from counterclaim.corpus.inputs import CorpusArticle, articles_from_items
from counterclaim.corpus.run_records import Via
from counterclaim.corpus.runner import ArticleResult, CorpusOptions, CorpusProgress, analyze_corpus
from counterclaim.errors import InputError
from counterclaim.io.article_input import ArticleInput, article_from_text
from counterclaim.llm.client import ModelClient
from counterclaim.llm.provider import open_model_client
from counterclaim.models import (
    Actor,
    Analysis,
    AnalysisScope,
    Claim,
    Contradiction,
    Decision,
    SummarySentence,
    misplaced_evidence,
    unresolved_ids,
)
from counterclaim.pipeline.analyze import (
    CLAIM_STEPS,
    CONTRADICTION_STEPS,
    SUMMARY_STEPS,
    PipelineName,
    check_choices,
    run_pipeline,
    run_steps,
)
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.requests import Progress
from counterclaim.pipeline.state import AnalysisState

T = TypeVar("T")


@dataclass(frozen=True)
class ClaimExtraction:
    """Actors and their claims, ids assigned, evidence located (`extract_claims`)."""

    actors: list[Actor]
    claims: list[Claim]
    notices: list[str] = field(default_factory=list)
    """Parts of the work left undone (a window of sentences, a batch of actors...) and why, and
    claims code left out."""
    trace: list[Decision] = field(default_factory=list)
    """What code decided about the model's answers (see `models.Decision`)."""
    text: str = ""
    """The text the evidence offsets index: the article as given, or its visible text when it was HTML
    (a notice says so). Give this text, or the article as given, to the other step functions."""


@contextlib.asynccontextmanager
async def _client_for(client: ModelClient | None, settings: Settings | None) -> AsyncIterator[ModelClient]:
    if client is not None:
        yield client
        return
    async with open_model_client(settings or load_settings()) as opened:
        yield opened


def _settings_of(client: ModelClient | None, settings: Settings | None) -> Settings:
    return client.settings if client is not None else (settings or load_settings())


def _checked(text: str | ArticleInput, settings: Settings) -> ArticleInput:
    """The article with `analyze`'s checks (InputError: empty, binary, too long; HTML converted)."""
    return text if isinstance(text, ArticleInput) else article_from_text(text, max_chars=settings.max_chars)


def _run(coroutine_factory: Callable[[], Awaitable[T]], client: ModelClient | None) -> T:
    """Run a coroutine for a synchronous function on a loop of its own (`asyncio.run`). A client the
    caller gave releases its connections before that loop ends, so it can serve the next call."""

    async def runner() -> T:
        try:
            return await coroutine_factory()
        finally:
            if client is not None:
                await client.release_connections()

    return asyncio.run(runner())


async def analyze_async(
    text: str | ArticleInput,
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

    `text` is the article as a string, or an article read and checked by
    `counterclaim.io.article_input.read_article` (a file, decoded, HTML converted, with its notices).

    Raises InputError for unusable text (empty, binary, too long), ProviderError / ModelOutputError /
    LocalModelError when the model cannot deliver. HTML is converted to text first (see run.notices);
    offsets then index into the converted text.
    """
    check_choices(pipeline, scope)
    resolved = _settings_of(client, settings)
    article = _checked(text, resolved)
    notices = list(article.notices)
    async with _client_for(client, resolved) as opened:
        return await run_pipeline(
            article.text,
            opened,
            pipeline=pipeline,
            notices=notices,
            progress=progress,
            scope=scope,
        )


def analyze(
    text: str | ArticleInput,
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
        ),
        client,
    )


async def extract_claims_async(
    text: str | ArticleInput, *, settings: Settings | None = None, client: ModelClient | None = None
) -> ClaimExtraction:
    """Actors and their grounded claims (offsets index into the result's `text`): steps 1-7.

    The text is checked as `analyze` checks it (InputError: empty, binary, not valid Unicode, longer
    than `max_chars`; HTML is converted to its visible text, with a notice). An unusable answer costs
    its part only, with a notice (as in `analyze`); when the model read nothing of the article (no
    claims window usable, nothing found by the second look) it raises `ModelOutputError`.
    """
    resolved = _settings_of(client, settings)
    article = _checked(text, resolved)
    async with _client_for(client, resolved) as opened:
        opened.start_ledger()  # its calls counted apart from other work sharing the client
        state = AnalysisState(
            article=PreparedArticle.from_text(article.text), client=opened, notices=list(article.notices)
        )
        await run_steps(state, CLAIM_STEPS)
        return ClaimExtraction(
            actors=state.actors,
            claims=state.claims,
            notices=state.notices,
            trace=state.trace.decisions(state.claim_of_proposal),
            text=article.text,
        )


def extract_claims(
    text: str | ArticleInput, *, settings: Settings | None = None, client: ModelClient | None = None
) -> ClaimExtraction:
    """Synchronous `extract_claims_async`."""
    return _run(lambda: extract_claims_async(text, settings=settings, client=client), client)


def _state_with(
    article: ArticleInput,
    client: ModelClient,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: Sequence[Contradiction] = (),
) -> AnalysisState:
    """A state for a step run on its own: an unusable answer raises (there is nowhere to note it)."""
    state = AnalysisState(article=PreparedArticle.from_text(article.text), client=client, skip_unusable=False)
    state.actors, state.claims = list(actors), list(claims)
    state.contradictions = list(contradictions)
    return state


def _check_parts(
    text: str, actors: Sequence[Actor], claims: Sequence[Claim], contradictions: Sequence[Contradiction]
) -> None:
    """Raise InputError unless the parts given to a step function belong together and to `text`: ids
    used once, every claim's actor given, every contradiction's claims given, and every evidence
    span's text the text's own at its offsets (claims of another article, or of the HTML before it was
    converted, are refused before any model call)."""
    problem = unresolved_ids(actors, claims, contradictions, pairs_once=True)
    if problem is not None:
        raise InputError(f"the actors, claims and contradictions given do not fit together: {problem}")
    misplaced = misplaced_evidence(claims, text)
    if misplaced is not None:
        claim, span = misplaced
        raise InputError(
            f"claim {claim.id}'s evidence at {span.start}-{span.end} is not the text given there: "
            "give the text the claims were extracted from (ClaimExtraction.text)"
        )


async def find_contradictions_async(
    text: str | ArticleInput,
    actors: list[Actor],
    claims: list[Claim],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[Contradiction]:
    """Verified contradictions among `claims` (from `extract_claims`), each explained by what its two
    sides hold: steps 9-11 (no narrator: the article's own account is added only by a whole analysis,
    `analyze`).

    Raises InputError for unusable text or parts that do not belong together (see `_check_parts`),
    ModelOutputError when a verdict or an account of the two sides is unusable.
    """
    resolved = _settings_of(client, settings)
    article = _checked(text, resolved)
    _check_parts(article.text, actors, claims, ())
    async with _client_for(client, resolved) as opened:
        opened.start_ledger()  # its calls counted apart from other work sharing the client
        state = _state_with(article, opened, actors, claims)
        await run_steps(state, CONTRADICTION_STEPS)
        return state.contradictions


def find_contradictions(
    text: str | ArticleInput,
    actors: list[Actor],
    claims: list[Claim],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[Contradiction]:
    """Synchronous `find_contradictions_async`."""
    return _run(
        lambda: find_contradictions_async(text, actors, claims, settings=settings, client=client), client
    )


async def summarize_async(
    text: str | ArticleInput,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: list[Contradiction],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[SummarySentence]:
    """A neutral summary of the claims, each sentence citing claim ids: step 12.

    Raises InputError for unusable text or parts that do not belong together, ModelOutputError when
    the answer is unusable.
    """
    resolved = _settings_of(client, settings)
    article = _checked(text, resolved)
    _check_parts(article.text, actors, claims, contradictions)
    async with _client_for(client, resolved) as opened:
        opened.start_ledger()  # its calls counted apart from other work sharing the client
        state = _state_with(article, opened, actors, claims, contradictions)
        await run_steps(state, SUMMARY_STEPS)
        return state.summary


def summarize(
    text: str | ArticleInput,
    actors: list[Actor],
    claims: list[Claim],
    contradictions: list[Contradiction],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
) -> list[SummarySentence]:
    """Synchronous `summarize_async`."""
    return _run(
        lambda: summarize_async(text, actors, claims, contradictions, settings=settings, client=client),
        client,
    )


async def analyze_many_async(
    items: Iterable[str | Mapping[str, Any] | CorpusArticle],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    out_dir: str | Path | None = None,
    scope: AnalysisScope = "full",
    pipeline: PipelineName = "staged",
    via: Via = "live",
    retry_failed: bool = False,
    force: bool = False,
    ingest: str | Path | None = None,
    articles_in_flight: int | None = None,
    progress: CorpusProgress | None = None,
) -> AsyncGenerator[ArticleResult, None]:
    """Analyse many articles; yield each `ArticleResult` as it finishes (`analysis`, or `failure`).

    `items`: texts (ids "1", "2", ... by position) or records `{"id": ..., "text": ..., ...}` (the
    other keys are metadata, carried to the result). Articles are analysed together under the client's
    one limit of requests in flight (`settings.concurrency`); an article that fails is a result with a
    `failure`, and the others go on.

    `out_dir`: a run folder, as `counterclaim batch --out-dir` writes it. Each result is written there
    before it is yielded; run again with the same folder and settings, and the articles already done
    are yielded first (`earlier=True`) and not analysed again; `retry_failed` analyses the failed ones
    again, `force` starts over. `via="batch-api"` / `"files"` need `out_dir` (docs/batch.md).

    Raises what `analyze` raises for unusable settings, RunFolderError for a folder holding another
    run, and AwaitingAnswers when `via="files"` wrote a request file. Stopping early: close the
    iterator (`contextlib.aclosing`), which stops the run.
    """
    check_choices(pipeline, scope)
    resolved = _settings_of(client, settings)
    articles = articles_from_items(items, max_chars=resolved.max_chars)
    options = CorpusOptions(
        via=via,
        scope=scope,
        pipeline=pipeline,
        retry_failed=retry_failed,
        force=force,
        ingest=Path(ingest) if ingest is not None else None,
        articles_in_flight=articles_in_flight,
    )
    stream = analyze_corpus(
        articles,
        settings=resolved,
        client=client,
        out_dir=Path(out_dir) if out_dir is not None else None,
        options=options,
        progress=progress,
    )
    async with contextlib.aclosing(stream) as results:
        async for result in results:
            yield result


def analyze_many(
    items: Iterable[str | Mapping[str, Any] | CorpusArticle],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    out_dir: str | Path | None = None,
    scope: AnalysisScope = "full",
    pipeline: PipelineName = "staged",
    via: Via = "live",
    retry_failed: bool = False,
    force: bool = False,
    ingest: str | Path | None = None,
    articles_in_flight: int | None = None,
    progress: CorpusProgress | None = None,
) -> Iterator[ArticleResult]:
    """Synchronous `analyze_many_async` (not for use inside a running event loop): results as they
    finish. The work goes on while you read the next result (the event loop runs inside `next()`);
    leaving the loop early (`break`) stops the run and writes its record."""
    stream = analyze_many_async(
        items,
        settings=settings,
        client=client,
        out_dir=out_dir,
        scope=scope,
        pipeline=pipeline,
        via=via,
        retry_failed=retry_failed,
        force=force,
        ingest=ingest,
        articles_in_flight=articles_in_flight,
        progress=progress,
    )

    async def next_result() -> ArticleResult:
        return await anext(stream)

    with asyncio.Runner() as runner:
        try:
            while True:
                try:
                    result = runner.run(next_result())
                except StopAsyncIteration:
                    return
                yield result
        finally:
            try:
                runner.run(stream.aclose())
            finally:
                if client is not None:
                    runner.run(client.release_connections())
