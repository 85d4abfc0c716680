"""Analysing a corpus: every article through one model client, results as they finish, kept in a run
folder that a later session continues.

`analyze_corpus` is the one implementation behind `counterclaim batch` and `counterclaim.analyze_many`.

- `via="live"`: articles are analysed together, as many at once as keep the client busy (twice its
  limit of requests in flight, unless `articles_in_flight` says); every request of every article goes
  through the client's one limit (`--concurrency`, or the embedded server's slots), so a server with
  many slots is kept full. The run folder's `answers/` is the run's response cache: an article that
  was in flight when a run stopped costs nothing again for the answers it had.
- `via="batch-api"` / `"files"`: every article advances together, one round of requests at a time
  (`rounds`), sent as an OpenAI Batch (`openai_batches`) or written as a request file for an offline
  engine (`offline_files`).

An article whose analysis fails (`CounterclaimError`) is recorded as failed and the run goes on;
errors that are not about one article (the embedded model cannot run, bad settings, an unwritable run
folder) stop the run, and so do ten articles in a row failing on server errors (the server is down:
`--retry-failed` once it answers). `run.json` is rewritten as the run goes and when it stops for any
reason (status `completed`, `interrupted`, `stopped` or `awaiting_answers`), with `report.md` and
`report.html`.
"""

from __future__ import annotations

import asyncio
import contextlib
import platform
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import httpx2

from counterclaim import prompts_loader
from counterclaim.config import OPENAI_BASE_URL, Provider, Settings, load_settings
from counterclaim.corpus.html_report import batch_report_html
from counterclaim.corpus.inputs import CorpusArticle
from counterclaim.corpus.offline_files import OfflineFileRounds, ingest_until_cancelled
from counterclaim.corpus.openai_batches import BatchApi, BatchApiRounds, PollSchedule
from counterclaim.corpus.pricing import cost_usd, price_for
from counterclaim.corpus.report import batch_report
from counterclaim.corpus.round_store import RoundStore
from counterclaim.corpus.rounds import AnswerBook, ParkingTransport, RoundBackend, RoundDriver
from counterclaim.corpus.run_folder import RunFolder, cost_of
from counterclaim.corpus.run_records import (
    ROUNDS_DIR,
    AnalysisRow,
    BatchRunRecord,
    FailureRow,
    FailureSummary,
    RoundSummary,
    RunCost,
    RunCounts,
    RunIdentity,
    RunStatus,
    RunTiming,
    SessionRecord,
    Via,
)
from counterclaim.errors import (
    AwaitingAnswers,
    ConfigurationError,
    CounterclaimError,
    OutputError,
)
from counterclaim.evaluation.run_files import ArticleCost, ArticleFailure, CostTotals, GitState
from counterclaim.evaluation.runner import (
    FATAL_ERRORS,
    ServerFailures,
    git_state,
    package_versions,
    run_settings,
    with_run_cache,
)
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient
from counterclaim.llm.provider import open_model_client
from counterclaim.llm.response_cache import public_address
from counterclaim.llm.retry import Sleep
from counterclaim.models import Analysis, AnalysisScope
from counterclaim.pipeline.analyze import PipelineName, run_pipeline, steps_for, templates_of
from counterclaim.redaction import Redactor

RECORD_EVERY_SECONDS = 10.0
"""`run.json` is rewritten at most this often while articles finish (and always when the run stops)."""
PATIENT_SECONDS = 3.0e7
"""The time limits of a request in round mode (about a year): a held request waits for its round."""
HELD_REQUESTS = 10_000_000
"""Requests a round may hold at once (round mode sends every article's requests together)."""


@dataclass(frozen=True)
class ArticleResult:
    """One article's outcome: its analysis, or why it failed."""

    id: str
    source: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    analysis: Analysis | None = None
    failure: ArticleFailure | None = None
    cost: ArticleCost = field(default_factory=ArticleCost)
    earlier: bool = False
    """Finished in an earlier session of the run folder (read back from it, not analysed now)."""

    @property
    def ok(self) -> bool:
        return self.analysis is not None


class CorpusProgress(Protocol):
    """What a run reports while it goes (the CLI shows a progress bar)."""

    def started(self, *, total: int, done: int, failed: int) -> None: ...

    def article_finished(self, result: ArticleResult) -> None: ...

    def notice(self, message: str) -> None: ...


@dataclass(frozen=True)
class BatchApiOptions:
    """How the Batch API is polled (and, for tests, the HTTP client that reaches it)."""

    schedule: PollSchedule = field(default_factory=PollSchedule)
    sleep: Sleep = asyncio.sleep
    http_client: httpx2.AsyncClient | None = None


@dataclass(frozen=True)
class CorpusOptions:
    via: Via = "live"
    scope: AnalysisScope = "full"
    pipeline: PipelineName = "staged"
    retry_failed: bool = False
    """Analyse again the articles an earlier session recorded as failed."""
    force: bool = False
    """Start over in a run folder that holds a run (its own files are removed)."""
    ingest: Path | None = None
    """`via="files"`: the engine's output file for the round waiting for answers."""
    articles_in_flight: int | None = None
    """`via="live"`: articles analysed at once (default: twice the client's requests in flight)."""
    batch_api: BatchApiOptions = field(default_factory=BatchApiOptions)
    inputs: tuple[str, ...] = ()
    """The inputs as the user gave them, for `run.json`."""


def run_identity(settings: Settings, options: CorpusOptions) -> RunIdentity:
    """What a run folder's articles were analysed with (a continuation must match it)."""
    scope: AnalysisScope = "full" if options.pipeline == "naive" else options.scope
    return RunIdentity(
        pipeline=options.pipeline,
        scope=scope,
        provider=settings.provider.value,
        model=settings.model,
        settings=run_settings(settings, options.pipeline),
        prompts=prompts_loader.versions(templates_of(steps_for(options.pipeline, scope))),
    )


async def analyze_corpus(
    articles: Sequence[CorpusArticle],
    *,
    settings: Settings | None = None,
    client: ModelClient | None = None,
    out_dir: Path | None = None,
    options: CorpusOptions | None = None,
    progress: CorpusProgress | None = None,
) -> AsyncGenerator[ArticleResult, None]:
    """Analyse `articles`; yield each result as it finishes (first those an earlier session of
    `out_dir` finished, marked `earlier`). Without `out_dir` nothing is written.

    `client` (live only; not closed here) replaces the client opened from `settings`. Raises
    ConfigurationError for options that do not go together, RunFolderError for a folder of another
    run, AwaitingAnswers when `via="files"` wrote a request file, and the error that stopped the run.
    Close the iterator (`contextlib.aclosing`) when you stop reading early: that stops the run.
    """
    options = options or CorpusOptions()
    effective = client.settings if client is not None else (settings or load_settings())
    _check_options(effective, options, out_dir=out_dir, client=client)
    if options.via == "files" and effective.provider is Provider.LOCAL:
        # The answers come from an engine serving the OpenAI format, not from the embedded model.
        effective = effective.model_copy(update={"provider": Provider.COMPATIBLE})
    identity = run_identity(effective, options)
    folder = RunFolder.open(out_dir, identity, force=options.force) if out_dir is not None else None
    try:
        session = await _Session.prepared(articles, folder, identity, effective, options)
    except BaseException:
        if folder is not None:
            folder.close()  # refused before any work: the folder and its record stay as they were
        raise
    store, log, todo = session.store, session.log, session.todo
    if progress is not None:
        progress.started(total=len(articles), done=log.done_among_inputs, failed=log.failed_among_inputs)
        for notice in log.notices:
            progress.notice(notice)
    status: RunStatus = "interrupted"
    reason: str | None = "interrupted"
    try:
        log.save("running", None, now=True)
        for result in _earlier_results(folder, articles):
            yield result
        work = _Work(effective, client, folder, store, options, log, progress)
        async for result in work.results(todo):
            yield result
        status, reason = "completed", None
    except AwaitingAnswers as waiting:
        status, reason = "awaiting_answers", waiting.message
        raise
    except GeneratorExit:
        status, reason = "stopped", "the caller stopped reading the results"
        raise
    except CounterclaimError as error:
        status, reason = "stopped", error.one_line()
        raise
    except Exception as error:
        status, reason = "stopped", f"{type(error).__name__}: {error}"
        raise
    finally:
        try:
            with contextlib.suppress(OutputError) if status != "completed" else contextlib.nullcontext():
                log.save(status, reason, now=True, final=True)
        finally:
            if folder is not None:
                folder.close()


@dataclass(frozen=True)
class _Session:
    """A session's plan: the run folder's rounds, its log, and the articles still to analyse."""

    store: RoundStore | None
    log: RunLog
    todo: list[CorpusArticle]

    @classmethod
    async def prepared(
        cls,
        articles: Sequence[CorpusArticle],
        folder: RunFolder | None,
        identity: RunIdentity,
        settings: Settings,
        options: CorpusOptions,
    ) -> _Session:
        """Check the articles against the folder, drop the failures to retry, ingest an output file;
        raises what refuses the session (nothing has been written then but an ingested file)."""
        store = RoundStore(folder.path / ROUNDS_DIR) if folder is not None else None
        notices = list(folder.notices) if folder is not None else []
        if folder is not None:
            folder.check_articles(articles)
            if options.retry_failed:
                folder.forget_failures([a.id for a in articles if a.id in folder.failures])
        if options.ingest is not None and store is not None:
            record, answered, strangers = await ingest_until_cancelled(store, options.ingest)
            ignored = f" ({strangers} line(s) for no request of it ignored)" if strangers else ""
            notices.append(
                f"round {record.number}: {answered} of {record.requests} request(s) answered by "
                f"{options.ingest}{ignored}"
            )
        finished = (set(folder.done) | set(folder.failures)) if folder is not None else set()
        todo = [a for a in articles if a.id not in finished]
        log = RunLog(folder, store, identity, settings, options, articles=articles, notices=notices)
        return cls(store=store, log=log, todo=todo)


def _check_options(
    settings: Settings, options: CorpusOptions, *, out_dir: Path | None, client: ModelClient | None
) -> None:
    if options.via != "live" and out_dir is None:
        raise ConfigurationError(f"--via {options.via} keeps its rounds in a run folder: give --out-dir")
    if options.via != "live" and client is not None:
        raise ConfigurationError(f"--via {options.via} builds its own client; client= is for --via live")
    if options.via == "batch-api" and settings.provider is Provider.LOCAL:
        raise ConfigurationError(
            "--via batch-api sends the requests to the OpenAI Batch API: use --provider openai (or a "
            "server with the OpenAI Files and Batches endpoints); for vLLM use --via files"
        )
    if options.ingest is not None and options.via != "files":
        raise ConfigurationError("--ingest reads an offline engine's output file: it goes with --via files")
    if options.ingest is not None and options.force:  # refused before --force removes the run
        raise ConfigurationError(
            "--ingest answers the round a run is waiting on and --force starts the run over: give one"
        )
    if options.articles_in_flight is not None and options.articles_in_flight < 1:
        raise ConfigurationError("articles_in_flight must be at least 1")


def _earlier_results(folder: RunFolder | None, articles: Sequence[CorpusArticle]) -> Iterator[ArticleResult]:
    if folder is None:
        return
    wanted = {a.id for a in articles}
    for row in folder.rows(wanted & set(folder.done)):
        yield ArticleResult(
            id=row.id,
            source=row.source,
            metadata=row.metadata,
            analysis=row.analysis,
            cost=folder.done[row.id].cost,
            earlier=True,
        )
    for failure in folder.failures.values():
        if failure.id in wanted:
            yield ArticleResult(
                id=failure.id,
                source=failure.source,
                metadata=failure.metadata,
                failure=failure.failure,
                cost=failure.cost,
                earlier=True,
            )


class _Work:
    """One session's analyses: producing results in a task, handing them out as they finish."""

    def __init__(
        self,
        settings: Settings,
        client: ModelClient | None,
        folder: RunFolder | None,
        store: RoundStore | None,
        options: CorpusOptions,
        log: RunLog,
        progress: CorpusProgress | None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.folder = folder
        self.store = store
        self.options = options
        self.log = log
        self.progress = progress
        self.redactor = Redactor.from_settings(settings)
        self._finished: asyncio.Queue[ArticleResult | None] = asyncio.Queue()
        self._server_failures = ServerFailures("run the same command with --retry-failed")

    async def results(self, todo: Sequence[CorpusArticle]) -> AsyncGenerator[ArticleResult, None]:
        if not todo:
            return
        producer = asyncio.create_task(self._produce(todo))
        producer.add_done_callback(lambda _: self._finished.put_nowait(None))
        try:
            while (result := await self._finished.get()) is not None:
                yield result
            await producer
        finally:
            if not producer.done():
                producer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await producer

    async def _produce(self, todo: Sequence[CorpusArticle]) -> None:
        if self.options.via == "live":
            await self._live(todo)
        else:
            await self._rounds(todo)

    # --- live ----------------------------------------------------------------------------------------

    async def _live(self, todo: Sequence[CorpusArticle]) -> None:
        async with self._live_client() as client:
            in_flight = self.options.articles_in_flight or 2 * client.concurrency
            self.log.concurrency = client.concurrency
            pending = iter(todo)

            async def worker() -> None:
                for article in pending:
                    result = await self._analysed(article, client)
                    self._keep(article, result)
                    self._server_failures.count(result.failure)

            await _all([worker() for _ in range(min(in_flight, len(todo)))])

    @contextlib.asynccontextmanager
    async def _live_client(self) -> AsyncIterator[ModelClient]:
        if self.client is not None:
            yield self.client
            return
        settings = (
            with_run_cache(self.settings, self.folder.path) if self.folder is not None else self.settings
        )
        if self.progress is not None and settings.provider is Provider.LOCAL:
            self.progress.notice(f"starting the embedded model ({settings.model})")
        async with open_model_client(settings) as opened:
            yield opened

    # --- rounds --------------------------------------------------------------------------------------

    async def _rounds(self, todo: Sequence[CorpusArticle]) -> None:
        assert self.store is not None and self.folder is not None
        book = AnswerBook()
        for record in self.store.rounds():
            if record.state == "collected":
                for custom_id, answer in self.store.answers(record).items():
                    book.add(custom_id, answer)
        transport = ParkingTransport(book)
        client = _round_client(self.settings, transport, self.options.via)
        api: BatchApi | None = None
        backend: RoundBackend
        if self.options.via == "batch-api":
            api = BatchApi(self.settings, http_client=self.options.batch_api.http_client)
            backend = BatchApiRounds(
                self.store,
                api,
                run_name=self.folder.path.resolve().name,
                schedule=self.options.batch_api.schedule,
                sleep=self.options.batch_api.sleep,
                report=self._notice,
            )
        else:
            backend = OfflineFileRounds(self.store, model=self.settings.model)

        async def one(article: CorpusArticle) -> None:
            self._keep(article, await self._analysed(article, client))

        tasks = [asyncio.create_task(one(article)) for article in todo]
        try:
            await RoundDriver(transport, backend).run(tasks)
            for task in tasks:
                error = task.exception()
                if error is not None:
                    raise error
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await client.aclose()
            if api is not None:
                await api.aclose()

    # --- one article ---------------------------------------------------------------------------------

    async def _analysed(self, article: CorpusArticle, client: ModelClient) -> ArticleResult:
        """The article's result; a failure of its own is a failed result, anything else raises."""
        found = ArticleResult(id=article.id, source=article.source, metadata=article.metadata)
        if article.article is None:
            problem = article.problem
            assert problem is not None
            return _failed(found, problem, self.redactor, seconds=0.0)
        started = time.monotonic()
        try:
            analysis = await run_pipeline(
                article.article.text,
                client,
                pipeline=self.options.pipeline,
                notices=list(article.article.notices),
                scope=self.options.scope,
            )
        except FATAL_ERRORS:
            raise
        except CounterclaimError as error:
            return _failed(found, error, self.redactor, seconds=time.monotonic() - started)
        notices = [self.redactor.redact(notice) for notice in analysis.run.notices]
        if notices != analysis.run.notices:
            analysis = analysis.model_copy(
                update={"run": analysis.run.model_copy(update={"notices": notices})}
            )
        return ArticleResult(
            id=article.id,
            source=article.source,
            metadata=article.metadata,
            analysis=analysis,
            cost=cost_of(analysis),
        )

    def _keep(self, article: CorpusArticle, result: ArticleResult) -> None:
        """Write the result to the run folder (before it counts as done), count it, hand it out."""
        if self.folder is not None:
            if result.analysis is not None:
                self.folder.record_analysis(
                    AnalysisRow(
                        id=result.id,
                        source=result.source,
                        metadata=dict(result.metadata),
                        analysis=result.analysis,
                    )
                )
            else:
                assert result.failure is not None
                self.folder.record_failure(
                    FailureRow(
                        id=result.id,
                        source=result.source,
                        metadata=dict(result.metadata),
                        article_sha256=article.text_sha256,
                        failure=result.failure,
                        cost=result.cost,
                        at=datetime.now(UTC),
                    )
                )
        self.log.count(result)
        if self.progress is not None:
            self.progress.article_finished(result)
        self._finished.put_nowait(result)

    def _notice(self, message: str) -> None:
        if self.progress is not None:
            self.progress.notice(message)
        self.log.save("running", None)


def _failed(
    found: ArticleResult, error: CounterclaimError, redactor: Redactor, *, seconds: float
) -> ArticleResult:
    usage = error.usage
    return ArticleResult(
        id=found.id,
        source=found.source,
        metadata=found.metadata,
        failure=ArticleFailure(
            error=type(error).__name__, message=redactor.redact(error.one_line()), exit_code=error.exit_code
        ),
        cost=ArticleCost(
            model_calls=usage.calls if usage else 0,
            cached_calls=usage.cached_calls if usage else 0,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            seconds=round(seconds, 3),
        ),
    )


async def _no_wait(_: float) -> None:
    """Round mode retries in the next round: there is nothing to wait for in between."""


def _round_client(settings: Settings, transport: ParkingTransport, via: Via) -> ModelClient:
    """A client whose requests are held for their round, never timed out while they wait."""
    patient = settings.model_copy(
        update={
            "response_cache": None,
            "request_timeout": PATIENT_SECONDS,
            "retry_total_seconds": PATIENT_SECONDS,
        }
    )
    client = ModelClient(
        patient,
        http_client=ModelHttpClient(total_seconds=PATIENT_SECONDS, transport=transport),
        sleep=_no_wait,
    )
    client.limit_concurrency(HELD_REQUESTS)
    client.location = (
        "the offline engine's output files" if via == "files" else f"the Batch API at {client.location}"
    )
    return client


async def _all(work: Iterable[Awaitable[None]]) -> None:
    """Run the coroutines together; the first error (in start order) stops the others and is raised."""
    tasks: list[asyncio.Task[None]] = []
    try:
        async with asyncio.TaskGroup() as group:
            tasks.extend(group.create_task(_awaited(item)) for item in work)
    except BaseExceptionGroup as failures:
        for task in tasks:
            if task.done() and not task.cancelled() and task.exception() is not None:
                error = task.exception()
                assert error is not None
                raise error from None
        raise failures.exceptions[0] from None


async def _awaited(item: Awaitable[None]) -> None:
    await item


class RunLog:
    """Keeps `run.json` (and at the end `report.md` and `report.html`) up to date for one session."""

    def __init__(
        self,
        folder: RunFolder | None,
        store: RoundStore | None,
        identity: RunIdentity,
        settings: Settings,
        options: CorpusOptions,
        *,
        articles: Sequence[CorpusArticle],
        notices: list[str],
    ) -> None:
        self.folder = folder
        self.store = store
        self.identity = identity
        self.settings = settings
        self.options = options
        self.redactor = Redactor.from_settings(settings)
        self.input_ids = {a.id for a in articles}
        self.notices = notices
        self.started_at = datetime.now(UTC)
        self.clock = time.monotonic()
        self.last_saved = float("-inf")
        self.concurrency = 0
        self.analysed = 0
        self.failed = 0
        self.done_among_inputs = len(self.input_ids & set(folder.done)) if folder else 0
        self.failed_among_inputs = len(self.input_ids & set(folder.failures)) if folder else 0
        self.skipped = self.done_among_inputs + self.failed_among_inputs
        self.git = git_state(Path(__file__).resolve().parent) if folder else None
        self.packages = package_versions() if folder else []

    def count(self, result: ArticleResult) -> None:
        if result.ok:
            self.analysed += 1
        else:
            self.failed += 1
        self.save("running", None)

    def save(self, status: RunStatus, reason: str | None, *, now: bool = False, final: bool = False) -> None:
        """Rewrite `run.json` (at most every `RECORD_EVERY_SECONDS` unless `now`); `final` also writes
        `report.md` and `report.html`."""
        if self.folder is None or (not now and time.monotonic() - self.last_saved < RECORD_EVERY_SECONDS):
            return
        record = self.record(status, None if reason is None else self.redactor.redact(reason), final=final)
        self.folder.write_record(record)
        self.last_saved = time.monotonic()
        if final:
            done, failures = list(self.folder.done.values()), list(self.folder.failures.values())
            self.folder.write_reports(
                batch_report(record, done, failures), batch_report_html(record, done, failures)
            )

    def record(self, status: RunStatus, reason: str | None, *, final: bool) -> BatchRunRecord:
        assert self.folder is not None
        previous = self.folder.previous
        now = datetime.now(UTC)
        digests = list(self.folder.done.values())
        failures = list(self.folder.failures.values())
        costs = [d.cost for d in digests] + [f.cost for f in failures]
        totals = CostTotals(
            articles=len(costs),
            model_calls=sum(c.model_calls for c in costs),
            cached_calls=sum(c.cached_calls for c in costs),
            prompt_tokens=sum(c.prompt_tokens for c in costs),
            completion_tokens=sum(c.completion_tokens for c in costs),
            seconds=round(sum(c.seconds for c in costs), 3),
        )
        price = price_for(self.identity.provider, self.identity.model, self.options.via)
        billed = (
            self.store.billed_tokens()
            if self.store is not None and self.options.via == "batch-api"
            else (totals.prompt_tokens, totals.completion_tokens)
        )
        session = SessionRecord(
            started_at=self.started_at,
            finished_at=now if final else None,
            via=self.options.via,
            concurrency=self.concurrency,
            analysed=self.analysed,
            failed=self.failed,
            skipped=self.skipped,
            git=self.git or GitState(),
            notices=[self.redactor.redact(n) for n in self.notices],
        )
        earlier_sessions = list(previous.sessions) if previous is not None else []
        wall = sum(
            (s.finished_at - s.started_at).total_seconds() for s in earlier_sessions if s.finished_at
        ) + (time.monotonic() - self.clock)
        done_now = len(self.input_ids & set(self.folder.done))
        failed_now = len(self.input_ids & set(self.folder.failures))
        return BatchRunRecord(
            status=status,
            stop_reason=reason,
            started_at=previous.started_at if previous is not None else self.started_at,
            updated_at=now,
            identity=self.identity,
            server=None
            if self.settings.provider is Provider.LOCAL or self.options.via == "files"
            else public_address(self.settings.base_url or OPENAI_BASE_URL),
            inputs=list(self.options.inputs),
            counts=RunCounts(
                articles=len(self.input_ids),
                done=len(digests),
                failed=len(failures),
                remaining=len(self.input_ids) - done_now - failed_now,
            ),
            cost=RunCost(
                totals=totals,
                usd=cost_usd(price, *billed) if price is not None else None,
                price=price,
            ),
            timing=RunTiming(
                wall_seconds=round(wall, 3),
                article_seconds=totals.seconds,
                articles_per_hour=round(totals.articles / wall * 3600, 1) if wall > 0 else None,
            ),
            failures=[
                FailureSummary(id=f.id, error=f.failure.error, message=f.failure.message) for f in failures
            ],
            sessions=[*earlier_sessions, session],
            rounds=[
                RoundSummary(
                    number=r.number,
                    requests=r.requests,
                    state=r.state,
                    batch_ids=[p.batch_id for p in r.parts if p.batch_id],
                )
                for r in (self.store.rounds() if self.store is not None else [])
            ],
            packages=self.packages,
            python=platform.python_version(),
        )
