"""Running the tool over labeled datasets, scoring every article, and writing a run folder.

`run_eval` loads every dataset, checks that the selected gold articles can be scored (before any
model call), analyses each article with ONE model client, scores it, and writes the run folder
described in `run_files`. Rows of `samples.jsonl` are written as articles finish, so an interrupted
run keeps what it did; `run.json` and `report.md` are written at the end, also when the run stops
early (then with `status: "aborted"` and the reason).

An article whose analysis raises a `CounterclaimError` is recorded as failed (message and usage so
far) and the run goes on; it is scored as an empty prediction, so its gold items count as missed.
`LocalModelError` and `ConfigurationError` are not about one article (the model server is gone, the
settings are wrong): they stop the run. Any other exception is a bug and stops the run too.

Predictions come from `run_pipeline` with a client opened from `settings`, or with the `client`
given (e.g. one whose HTTP is replayed from cassettes), or from `analyze_fn` (any async callable
text -> Analysis; tests pass hand-made oracles). An article not labeled for contradictions (such as
PolNeAR's) is analysed with scope "claims": no contradiction or summary request is made for it, since
nothing would score them (`scope_for`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import platform
import re
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Protocol

from counterclaim import prompts_loader
from counterclaim.config import Provider, Settings
from counterclaim.errors import (
    ConfigurationError,
    CounterclaimError,
    DatasetError,
    InputError,
    LocalModelError,
    OutputError,
    ProviderError,
)
from counterclaim.evaluation.conflict_stages import conflict_stages, failed_stages, summed_stages
from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.html_report import run_report_html
from counterclaim.evaluation.output_quality import output_quality
from counterclaim.evaluation.output_quality import summed as summed_quality
from counterclaim.evaluation.report import markdown_report
from counterclaim.evaluation.rule_effects import rule_effects, summed
from counterclaim.evaluation.run_files import (
    ANSWERS_DIR,
    HTML_REPORT_FILE,
    REPORT_FILE,
    RUN_FILE,
    SAMPLES_FILE,
    SNIPPET_CHARS,
    ArticleCost,
    ArticleFailure,
    CostTotals,
    DatasetFile,
    DatasetRecord,
    DatasetTotals,
    GitState,
    GoldClaimRef,
    GoldContradictionRef,
    GoldDigest,
    PackageVersion,
    ResumeRecord,
    RuleDescription,
    RunRecord,
    RunSelection,
    RunSettings,
    SampleRow,
    Totals,
    load_run,
)
from counterclaim.evaluation.scoring import Prediction, aggregate, score_article
from counterclaim.io.folder_lock import run_folder_session
from counterclaim.io.output_file import write_output
from counterclaim.llm.client import ModelClient
from counterclaim.llm.provider import open_model_client
from counterclaim.models import Analysis, AnalysisScope, PromptVersion
from counterclaim.pipeline.analyze import STAGED_TEMPLATES, PipelineName, run_pipeline
from counterclaim.pipeline.rules import ALL_RULES
from counterclaim.pipeline.steps.naive import TEMPLATE as NAIVE_TEMPLATE
from counterclaim.redaction import Redactor

AnalyzeFn = Callable[[str], Awaitable[Analysis]]
"""Turns an article text into an `Analysis` (offsets into that text): a stand-in for the pipeline
given by tests, which answers the same whatever the scope."""
ScopedAnalyzeFn = Callable[[str, AnalysisScope], Awaitable[Analysis]]
"""Turns an article text into an `Analysis` looking for what the scope says (the eval's own call)."""

FATAL_ERRORS: tuple[type[CounterclaimError], ...] = (LocalModelError, ConfigurationError)
"""Errors that stop the whole run instead of failing one article."""

RECORDED_PACKAGES: tuple[str, ...] = ("counterclaim", "openai", "instructor", "pydantic", "xllamacpp")


class EvalProgress(Protocol):
    """What a run reports while it goes (the CLI shows it as a progress bar on stderr)."""

    def run_started(self, run_dir: Path, total_articles: int) -> None: ...

    def article_started(self, dataset: str, article_id: str) -> None: ...

    def step(self, name: str) -> None: ...

    def article_finished(self, sample: SampleRow) -> None: ...

    def notice(self, message: str) -> None: ...


@dataclass(frozen=True)
class EvalRun:
    """A finished run: its folder, `run.json` and the samples, in run order."""

    run_dir: Path
    record: RunRecord
    samples: tuple[SampleRow, ...]


@dataclass(frozen=True)
class SelectedDataset:
    """A loaded dataset and the articles of it that the run analyses."""

    record: DatasetRecord
    articles: tuple[GoldArticle, ...]


async def run_eval(
    datasets: Sequence[Path],
    *,
    settings: Settings,
    pipeline: PipelineName,
    out_dir: Path,
    limit: int | None = None,
    article_ids: Sequence[str] | None = None,
    progress: EvalProgress | None = None,
    client: ModelClient | None = None,
    analyze_fn: AnalyzeFn | None = None,
    resume: Path | None = None,
    retry_failed: bool = False,
) -> EvalRun:
    """Analyse and score the selected articles of `datasets`; write and return the run.

    `resume` continues an interrupted run in its own folder instead (see `resume_eval`, and
    `retry_failed` there); `datasets`, `pipeline`, `limit` and `article_ids` are then taken from that
    run.

    `limit` keeps the first N articles of each dataset (after `article_ids`, which keeps only the
    articles with those ids, in any dataset). Raises `DatasetError` before any model call when a
    dataset cannot be loaded or scored, an asked-for id is in no dataset, or nothing is selected.
    `client` (not closed here) or `analyze_fn` replace the client opened from `settings`; with
    `client`, provider and model are recorded from `client.settings`.
    """
    if resume is not None:
        return await resume_eval(
            resume,
            settings=settings,
            progress=progress,
            client=client,
            analyze_fn=analyze_fn,
            retry_failed=retry_failed,
        )
    if limit is not None and limit < 1:
        raise DatasetError(f"--limit must be at least 1, not {limit}")
    selected = select_articles(datasets, limit=limit, article_ids=article_ids)
    effective = client.settings if client is not None else settings
    started_at = datetime.now(UTC)
    run_dir = create_run_dir(out_dir, started_at, pipeline, effective.model)
    with run_folder_session(run_dir, command="eval"):
        return await _analyse_and_write(
            _RunPlan(
                run_dir=run_dir,
                settings=effective,
                pipeline=pipeline,
                selected=selected,
                selection=RunSelection(limit=limit, article_ids=list(article_ids) if article_ids else None),
                started_at=started_at,
            ),
            progress=progress,
            client=client,
            analyze_fn=analyze_fn,
        )


@dataclass(frozen=True)
class _RunPlan:
    """What a run analyses and where it writes."""

    run_dir: Path
    settings: Settings
    pipeline: PipelineName
    selected: list[SelectedDataset]
    selection: RunSelection
    started_at: datetime
    done: tuple[SampleRow, ...] = ()
    """Samples of an interrupted run being resumed (their articles are not analysed again)."""
    rewrite_samples: bool = False
    """Whether `samples.jsonl` must first be rewritten with `done` alone (failed rows being retried)."""
    resumed: tuple[ResumeRecord, ...] = ()


async def resume_eval(
    run_dir: Path,
    *,
    settings: Settings,
    progress: EvalProgress | None = None,
    client: ModelClient | None = None,
    analyze_fn: AnalyzeFn | None = None,
    retry_failed: bool = False,
) -> EvalRun:
    """Continue a run that stopped early (interrupted, or its machine's time ran out), in its folder.

    The articles already in its `samples.jsonl` are kept, the others of its selection analysed and
    appended; `run.json` and `report.md` are rewritten over all of them, and `resumed` records when
    and from which commit. A run can only be continued with what makes its answers comparable: the
    same datasets (file hashes), pipeline, prompts (hashes), provider, model and answer-changing
    settings; anything else raises `DatasetError` before any model call, naming what differs.

    The kept articles' stored predictions are scored again with the current scorer (`rescored`), so
    the totals never mix scores of two scorers (a run made before a change to the scoring rules);
    when that changes any row, `samples.jsonl` is rewritten, and when it changes a score the
    resumption's notices say so (rule effects, stages and quality counts are derived, not scores).

    `retry_failed` also analyses again the articles that failed (their rows are replaced), for
    instance after a fix that lets an article survive what failed it; a finished run can be resumed
    that way too.
    """
    if not (run_dir / RUN_FILE).is_file():
        load_run(run_dir)  # raises: no run there (and no lock file is left in a folder that is none)
    with run_folder_session(run_dir, command="eval"):  # from the first read to the last write
        return await _resume_locked(
            run_dir,
            settings=settings,
            progress=progress,
            client=client,
            analyze_fn=analyze_fn,
            retry_failed=retry_failed,
        )


async def _resume_locked(
    run_dir: Path,
    *,
    settings: Settings,
    progress: EvalProgress | None,
    client: ModelClient | None,
    analyze_fn: AnalyzeFn | None,
    retry_failed: bool,
) -> EvalRun:
    loaded = load_run(run_dir, drop_partial_last_line=True)
    record = loaded.record
    notices = [loaded.dropped_line_notice] if loaded.dropped_line_notice else []
    if progress is not None:
        for notice in notices:
            progress.notice(notice)
    effective = client.settings if client is not None else settings
    pipeline = _pipeline_name(record.pipeline)
    selected = select_articles(
        [Path(d.resolved_path) for d in record.datasets],
        limit=record.selection.limit,
        article_ids=record.selection.article_ids,
    )
    problems = resume_mismatches(record, selected, effective, pipeline, check_prompts=analyze_fn is None)
    if problems:
        raise DatasetError(f"cannot resume {run_dir}: " + "; ".join(problems))
    golds = {(d.record.name, gold.id): gold for d in selected for gold in d.articles}
    stored = [s for s in loaded.samples if not (retry_failed and s.status == "failed")]
    unknown = [f"{s.dataset}/{s.article_id}" for s in stored if s.key not in golds]
    if unknown:
        raise DatasetError(
            f"cannot resume {run_dir}: its article(s) {', '.join(unknown)} are not in its selection"
        )
    kept = tuple(rescored(s, golds[s.key]) for s in stored)
    changed = sum(new.score != old.score for new, old in zip(kept, stored, strict=True))
    if changed:
        notices.append(
            f"{changed} stored article(s) scored again with the current scorer (their scores had changed)"
        )
        if progress is not None:
            progress.notice(notices[-1])
    return await _analyse_and_write(
        _RunPlan(
            run_dir=run_dir,
            settings=effective,
            pipeline=pipeline,
            selected=selected,
            selection=record.selection,
            started_at=record.started_at,
            done=kept,
            rewrite_samples=len(kept) != len(loaded.samples) or bool(notices) or kept != tuple(stored),
            resumed=(
                *record.resumed,
                ResumeRecord(
                    at=datetime.now(UTC), git=git_state(Path(__file__).resolve().parent), notices=notices
                ),
            ),
        ),
        progress=progress,
        client=client,
        analyze_fn=analyze_fn,
    )


def resume_mismatches(
    record: RunRecord,
    selected: Sequence[SelectedDataset],
    settings: Settings,
    pipeline: PipelineName,
    *,
    check_prompts: bool = True,
) -> list[str]:
    """Why a run cannot be continued with these datasets and settings (empty when it can)."""
    problems = []
    # By file name and content: the run may have named its datasets relative to another directory
    # than the one `--resume` runs from (the stored paths are as given, the resumed ones resolved).
    before = {(Path(f.path).name, f.sha256) for d in record.datasets for f in d.files}
    now = {(Path(f.path).name, f.sha256) for d in selected for f in d.record.files}
    if before != now:
        problems.append("its dataset files changed")
    if (record.provider, record.model) != (settings.provider.value, settings.model):
        problems.append(
            f"it used {record.provider}/{record.model}, not {settings.provider.value}/{settings.model}"
        )
    recorded_settings = record.settings
    if pipeline == "naive":  # the naive baseline never narrates, whatever an older run recorded
        recorded_settings = recorded_settings.model_copy(update={"narrator": False})
    differing = settings_differences(recorded_settings, run_settings(settings, pipeline))
    if differing:
        problems.append("its settings differ: " + ", ".join(differing))
    if check_prompts:
        recorded = {(p.name, p.sha256) for p in record.prompts}
        changed = sorted(p.name for p in pipeline_prompts(pipeline) if (p.name, p.sha256) not in recorded)
        if changed:
            problems.append(f"prompts changed since: {', '.join(changed)}")
    return problems


def settings_differences(run: RunSettings, now: RunSettings) -> list[str]:
    """Each answer-changing setting that differs, as "NAME RUN in the run, NOW now" (the narrator with
    the flag that continues the run)."""
    found = []
    for name in RunSettings.model_fields:
        before, after = getattr(run, name), getattr(now, name)
        if before == after:
            continue
        if name == "narrator":
            shown = {True: "on", False: "off"}
            flag = "--narrator" if before else "--no-narrator"
            found.append(f"narrator {shown[before]} in the run, {shown[after]} now (continue it with {flag})")
        else:
            found.append(f"{name} {before} in the run, {after} now")
    return found


def rescored(sample: SampleRow, gold: GoldArticle) -> SampleRow:
    """A stored sample scored again with the current scorer: its prediction (none when it failed)
    against its gold article, with the rule effects, output quality and gold digest that go with it."""
    score = score_article(gold, sample.prediction or Prediction())
    update: dict[str, object] = {"score": score, "metrics": score.metrics, "gold": gold_digest(gold)}
    update["conflict_stages"] = failed_stages(gold)
    if sample.prediction is not None:
        update["rules"] = rule_effects(gold, sample.prediction, score)
        update["conflict_stages"] = conflict_stages(gold, sample.prediction, score)
        update["quality"] = output_quality(sample.prediction)
    return sample.model_copy(update=update)


def _pipeline_name(name: str) -> PipelineName:
    if name == "naive":
        return "naive"
    if name == "staged":
        return "staged"
    raise DatasetError(f"unknown pipeline {name!r} in run.json")


async def _analyse_and_write(
    plan: _RunPlan,
    *,
    progress: EvalProgress | None,
    client: ModelClient | None,
    analyze_fn: AnalyzeFn | None,
) -> EvalRun:
    """Analyse every selected article not already done, appending rows as they finish; then write
    `run.json` and `report.md` (also when the run stops early)."""
    run_dir, selected = plan.run_dir, plan.selected
    done_keys = {s.key for s in plan.done}
    total = sum(len(d.articles) for d in selected)
    if progress is not None:
        progress.run_started(run_dir, total)
        for sample in plan.done:
            progress.article_finished(sample)

    samples: list[SampleRow] = list(plan.done)
    redactor = Redactor.from_settings(plan.settings)
    articles = {(d.record.name, gold.id): gold for d in selected for gold in d.articles}

    def finish(abort_reason: str | None, *, running: bool = False) -> RunRecord:
        record = build_run_record(
            run_dir=run_dir,
            settings=plan.settings,
            pipeline=plan.pipeline,
            selected=selected,
            selection=plan.selection,
            samples=samples,
            started_at=plan.started_at,
            abort_reason=abort_reason,
            known_prompts=pipeline_prompts(plan.pipeline) if analyze_fn is None else [],
            resumed=plan.resumed,
            running=running,
        )
        write_run_files(run_dir, record, samples, articles=articles)
        return record

    server_failures = ServerFailures("continue with --resume RUN --retry-failed")
    try:
        finish(None, running=True)  # a record to resume from even if the first article never ends
        if plan.rewrite_samples:
            with (run_dir / SAMPLES_FILE).open("w", encoding="utf-8") as rewritten:
                for sample in plan.done:
                    _append_line(rewritten, sample.model_dump_json())
        with (run_dir / SAMPLES_FILE).open("a" if plan.done else "w", encoding="utf-8") as samples_file:
            async with _analyzer(
                with_run_cache(plan.settings, run_dir), plan.pipeline, client, analyze_fn, progress
            ) as analyze:
                for dataset in selected:
                    for gold in dataset.articles:
                        if (dataset.record.name, gold.id) in done_keys:
                            continue
                        sample = await evaluate_article(
                            gold, dataset.record.name, analyze, progress, redactor=redactor
                        )
                        _append_line(samples_file, sample.model_dump_json())
                        samples.append(sample)
                        finish(None, running=True)  # a record to resume from, whatever stops the run
                        if progress is not None:
                            progress.article_finished(sample)
                        server_failures.count(sample.error)
    except BaseException as exc:
        with contextlib.suppress(Exception):  # the original error matters more than a failed write
            finish(redactor.redact(_describe_abort(exc)))
        raise
    record = finish(None)
    return EvalRun(run_dir=run_dir, record=record, samples=tuple(samples))


SERVER_FAILURE_STREAK = 10
"""Articles in a row failing on server errors (`ProviderError`) that stop a run (eval and batch)."""


@dataclass
class ServerFailures:
    """Articles failing on server errors in a row: `SERVER_FAILURE_STREAK` of them stop a run (eval and
    batch), since the server is down (or refuses every request), and a run of failed articles would
    pass for a finished one."""

    how_to_continue: str
    """What the stopping message tells the user to do once the server answers."""
    streak: list[str] = field(default_factory=list)
    """The messages of the failures in a row so far."""

    def count(self, failure: ArticleFailure | None) -> None:
        """Count an article's outcome; raise ProviderError when the streak is long enough."""
        if failure is None or failure.error != ProviderError.__name__:
            self.streak.clear()
            return
        self.streak.append(failure.message)
        if len(self.streak) >= SERVER_FAILURE_STREAK:
            raise ProviderError(
                f"stopped: {len(self.streak)} articles in a row failed on server errors (the last: "
                f"{self.streak[-1]}); once the server answers, {self.how_to_continue}"
            )


# ---------------------------------------------------------------------------------------------------
# Datasets and selection


def select_articles(
    paths: Sequence[Path], *, limit: int | None = None, article_ids: Sequence[str] | None = None
) -> list[SelectedDataset]:
    """Load each dataset, keep the asked-for articles, and check each can be scored.

    Raises `DatasetError` for a dataset that cannot be loaded, an unknown article id, a gold article
    the scorer rejects (e.g. a claim naming an unknown actor), or an empty selection.
    """
    if not paths:
        raise DatasetError("no dataset given")
    wanted = set(article_ids) if article_ids else None
    names: set[str] = set()
    selected: list[SelectedDataset] = []
    known_ids: set[str] = set()
    for path in paths:
        articles = load_dataset(path)
        known_ids.update(a.id for a in articles)
        chosen = [a for a in articles if wanted is None or a.id in wanted]
        if limit is not None:
            chosen = chosen[:limit]
        for gold in chosen:
            score_article(gold, Prediction())  # raises DatasetError on ids that do not resolve
        name = _unique_name(path, names)
        record = DatasetRecord(
            name=name,
            path=str(path),
            resolved_path=str(path.resolve()),
            files=dataset_files(path),
            articles_total=len(articles),
            articles_selected=len(chosen),
        )
        selected.append(SelectedDataset(record=record, articles=tuple(chosen)))
    if wanted is not None:
        unknown = sorted(wanted - known_ids)
        if unknown:
            raise DatasetError(f"no dataset holds the article id(s): {', '.join(unknown)}")
    if not any(d.articles for d in selected):
        raise DatasetError("no article selected")
    return selected


def dataset_files(path: Path) -> list[DatasetFile]:
    """The files a dataset is read from (the .jsonl, or the folder's .json files) with their sha256."""
    files = (
        sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".json") if path.is_dir() else [path]
    )
    return [DatasetFile(path=str(f), sha256=_sha256_file(f)) for f in files]


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    return digest.hexdigest()


def _unique_name(path: Path, taken: set[str]) -> str:
    base = path.resolve().name or "dataset"
    name = base
    counter = 2
    while name in taken:
        name = f"{base}-{counter}"
        counter += 1
    taken.add(name)
    return name


# ---------------------------------------------------------------------------------------------------
# Analysing and scoring one article


def with_run_cache(settings: Settings, run_dir: Path) -> Settings:
    """The settings with the run's own response cache (`<run>/answers/`) unless one was chosen.

    Every answer of the run is kept, so `--resume` after an interruption gets the answers of the
    article it was in the middle of without asking the model again (they count as cached calls).
    A new run starts with an empty cache, so its seconds measure the model.
    """
    if settings.response_cache is not None:
        return settings
    return settings.model_copy(update={"response_cache": run_dir / ANSWERS_DIR})


@contextlib.asynccontextmanager
async def _analyzer(
    settings: Settings,
    pipeline: PipelineName,
    client: ModelClient | None,
    analyze_fn: AnalyzeFn | None,
    progress: EvalProgress | None,
) -> AsyncIterator[ScopedAnalyzeFn]:
    def within_limit(analyze: ScopedAnalyzeFn) -> ScopedAnalyzeFn:
        async def checked(text: str, scope: AnalysisScope) -> Analysis:
            if len(text) > settings.max_chars:  # as `analyze` refuses it (exit 3): this article fails
                raise InputError(
                    f"the article is {len(text):,} characters, over --max-chars ({settings.max_chars:,})"
                )
            return await analyze(text, scope)

        return checked

    if analyze_fn is not None:
        given = analyze_fn

        async def stand_in(text: str, scope: AnalysisScope) -> Analysis:
            return await given(text)

        yield within_limit(stand_in)
        return
    step = progress.step if progress is not None else None

    def with_client(opened: ModelClient) -> ScopedAnalyzeFn:
        async def analyze(text: str, scope: AnalysisScope) -> Analysis:
            return await run_pipeline(text, opened, pipeline=pipeline, progress=step, scope=scope)

        return within_limit(analyze)

    if client is not None:
        yield with_client(client)
        return
    async with open_model_client(settings) as opened:
        yield with_client(opened)


def scope_for(gold: GoldArticle) -> AnalysisScope:
    """What to analyse an article for: an article not labeled for contradictions (PolNeAR) is scored
    for claims alone, so the contradiction and summary requests would be spent for nothing."""
    return "claims" if gold.contradictions is None else "full"


async def evaluate_article(
    gold: GoldArticle,
    dataset: str,
    analyze: ScopedAnalyzeFn,
    progress: EvalProgress | None = None,
    *,
    redactor: Redactor | None = None,
) -> SampleRow:
    """Analyse one article (for what `scope_for` says) and score it. A `CounterclaimError` other than
    `FATAL_ERRORS` gives a failed row (scored as an empty prediction); fatal errors and other
    exceptions propagate. The row's error message and notices go through `redactor` (the run's
    configured secrets), as they are about to be written."""
    redact = redactor or Redactor()
    if progress is not None:
        progress.article_started(dataset, gold.id)
    started = time.monotonic()
    try:
        analysis = await analyze(gold.text, scope_for(gold))
    except FATAL_ERRORS:
        raise
    except CounterclaimError as error:
        usage = error.usage
        score = score_article(gold, Prediction())
        return SampleRow(
            dataset=dataset,
            article_id=gold.id,
            status="failed",
            error=ArticleFailure(
                error=type(error).__name__, message=redact(error.one_line()), exit_code=error.exit_code
            ),
            cost=ArticleCost(
                model_calls=usage.calls if usage else 0,
                cached_calls=usage.cached_calls if usage else 0,
                prompt_tokens=usage.prompt_tokens if usage else 0,
                completion_tokens=usage.completion_tokens if usage else 0,
                seconds=round(time.monotonic() - started, 3),
            ),
            score=score,
            metrics=score.metrics,
            gold=gold_digest(gold),
            conflict_stages=failed_stages(gold),
        )
    score = score_article(gold, analysis)
    notices = [redact(notice) for notice in analysis.run.notices]
    if notices != analysis.run.notices:
        analysis = analysis.model_copy(update={"run": analysis.run.model_copy(update={"notices": notices})})
    return SampleRow(
        dataset=dataset,
        article_id=gold.id,
        status="ok",
        prediction=analysis,
        rules=rule_effects(gold, analysis, score),
        conflict_stages=conflict_stages(gold, analysis, score),
        quality=output_quality(analysis),
        cost=ArticleCost(
            model_calls=analysis.run.model_calls,
            cached_calls=analysis.run.cached_calls,
            prompt_tokens=analysis.run.prompt_tokens,
            completion_tokens=analysis.run.completion_tokens,
            seconds=analysis.run.seconds,
        ),
        score=score,
        metrics=score.metrics,
        gold=gold_digest(gold),
    )


def gold_digest(gold: GoldArticle) -> GoldDigest:
    """The gold claims and contradictions of an article, by id, with evidence snippets."""
    return GoldDigest(
        claims=[
            GoldClaimRef(id=c.id, actor=c.actor, evidence=c.evidence[:SNIPPET_CHARS]) for c in gold.claims
        ],
        contradictions=[
            GoldContradictionRef(id=k.id, a=k.a, b=k.b, kind=k.kind) for k in gold.contradictions or []
        ],
    )


# ---------------------------------------------------------------------------------------------------
# The run record


def totals_of(samples: Sequence[SampleRow]) -> Totals:
    """Scores (micro and macro) and cost over `samples`."""
    scores = aggregate([s.score for s in samples])
    return Totals(
        articles=len(samples),
        failed=sum(s.status == "failed" for s in samples),
        counts=scores.totals,
        micro=scores.micro,
        macro=scores.macro,
        cost=CostTotals(
            articles=len(samples),
            model_calls=sum(s.cost.model_calls for s in samples),
            cached_calls=sum(s.cost.cached_calls for s in samples),
            prompt_tokens=sum(s.cost.prompt_tokens for s in samples),
            completion_tokens=sum(s.cost.completion_tokens for s in samples),
            seconds=round(sum(s.cost.seconds for s in samples), 3),
        ),
    )


def build_run_record(
    *,
    run_dir: Path,
    settings: Settings,
    pipeline: str,
    selected: Sequence[SelectedDataset],
    selection: RunSelection,
    samples: Sequence[SampleRow],
    started_at: datetime,
    abort_reason: str | None,
    known_prompts: Sequence[PromptVersion] = (),
    resumed: Sequence[ResumeRecord] = (),
    running: bool = False,
) -> RunRecord:
    """`run.json` of a run that analysed `samples` (all of them, or those before it stopped).

    Prompts are `known_prompts` (the templates of the pipeline run) plus every prompt the predictions
    report, so they are recorded even when every article failed.
    """
    return RunRecord(
        run_id=run_dir.name,
        status="running" if running else "aborted" if abort_reason is not None else "completed",
        abort_reason=abort_reason,
        started_at=started_at,
        finished_at=datetime.now(UTC),
        pipeline=pipeline,
        provider=settings.provider.value,
        model=settings.model,
        settings=run_settings(settings, pipeline),
        selection=selection,
        datasets=[d.record for d in selected],
        prompts=prompts_used(samples, known_prompts),
        packages=package_versions(),
        git=git_state(Path(__file__).resolve().parent),
        python=platform.python_version(),
        resumed=list(resumed),
        totals=totals_of(samples),
        rules=summed(effect for sample in samples for effect in sample.rules),
        conflict_stages=summed_stages([sample.conflict_stages for sample in samples]),
        quality=summed_quality(sample.quality for sample in samples),
        rules_in_force=[
            RuleDescription(name=r.name, does=r.does, parameters=dict(r.parameters)) for r in ALL_RULES
        ],
        dataset_totals=[
            DatasetTotals(
                dataset=d.record.name, totals=totals_of([s for s in samples if s.dataset == d.record.name])
            )
            for d in selected
        ],
    )


def run_settings(settings: Settings, pipeline: str = "staged") -> RunSettings:
    """The settings that change what the model answers, as recorded in `run.json`. The naive baseline
    never narrates (it is one request), so its runs record the narrator off whatever the setting."""
    return RunSettings(
        mode=settings.mode.value,
        temperature=settings.temperature,
        seed=settings.seed,
        max_reasks=settings.max_reasks,
        chunk_chars=settings.chunk_chars,
        chunk_overlap=settings.chunk_overlap,
        max_candidates=settings.max_candidates,
        narrator=settings.narrator and pipeline != "naive",
        join_quotations=settings.join_quotations and pipeline != "naive",
        compact_json=settings.compact_json and settings.provider is Provider.LOCAL,
        n_ctx=settings.n_ctx,
        model_file=settings.model_path.name if settings.model_path else None,
    )


def prompts_used(samples: Sequence[SampleRow], known: Sequence[PromptVersion] = ()) -> list[PromptVersion]:
    """Every distinct prompt template (name and hash) in `known` or reported by the predictions, by name."""
    reported = [p for s in samples if s.prediction for p in s.prediction.run.prompts]
    seen = {(p.name, p.sha256): p for p in [*known, *reported]}
    return [seen[key] for key in sorted(seen)]


def pipeline_prompts(pipeline: PipelineName) -> list[PromptVersion]:
    """The prompt templates (with hashes) the named pipeline renders."""
    return prompts_loader.versions([NAIVE_TEMPLATE] if pipeline == "naive" else STAGED_TEMPLATES)


def package_versions(names: Sequence[str] = RECORDED_PACKAGES) -> list[PackageVersion]:
    """Installed versions of `names` (None for a package that is not installed)."""
    versions: list[PackageVersion] = []
    for name in names:
        try:
            version: str | None = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = None
        versions.append(PackageVersion(name=name, version=version))
    return versions


def git_state(where: Path) -> GitState:
    """The commit checked out at `where` and whether the tree has changes; empty without git."""
    commit = _git(["rev-parse", "HEAD"], where)
    if commit is None:
        return GitState()
    status = _git(["status", "--porcelain"], where)
    return GitState(commit=commit, dirty=None if status is None else bool(status))


def _git(arguments: list[str], where: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=where, capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


# ---------------------------------------------------------------------------------------------------
# The run folder


def create_run_dir(out_dir: Path, started_at: datetime, pipeline: str, model: str) -> Path:
    """A new folder `out_dir/<YYYYmmddTHHMMSSZ>-<pipeline>-<short model>[-N]/` (never an existing one);
    `OutputError` when it cannot be made (`out_dir` a file, an unwritable path)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the run output folder {out_dir}: {exc}") from exc
    base = f"{started_at.strftime('%Y%m%dT%H%M%SZ')}-{_safe_part(pipeline)}-{short_model_name(model)}"
    for attempt in range(1, 1000):
        candidate = out_dir / (base if attempt == 1 else f"{base}-{attempt}")
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot create the run folder {candidate}: {exc}") from exc
        return candidate
    raise OutputError(f"too many runs named {base} in {out_dir}")


def short_model_name(model: str) -> str:
    """The model name fit for a folder name: last path part, no `.gguf`, safe characters, <= 40."""
    last = model.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"(?i)\.gguf$", "", last)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", last).strip("-.")
    return safe[:40].strip("-.") or "model"


def _safe_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "x"


def write_run_files(
    run_dir: Path,
    record: RunRecord,
    samples: Sequence[SampleRow],
    *,
    articles: Mapping[tuple[str, str], GoldArticle] | None = None,
) -> None:
    """Write `run.json`, `report.md` and `report.html` atomically (samples are appended while the run
    goes), so a run stopped at any moment leaves the previous complete files or the new ones.
    `articles` (gold, by dataset name and id) give `report.html` the texts to mark claims on."""
    try:
        write_output(str(run_dir / RUN_FILE), record.model_dump_json(indent=2) + "\n", force=True)
        write_output(str(run_dir / REPORT_FILE), markdown_report(record, samples), force=True)
        html = run_report_html(record, samples, articles or {})
        write_output(str(run_dir / HTML_REPORT_FILE), html, force=True)
    except OutputError as exc:
        raise OutputError(f"cannot write the run files in {run_dir}: {exc.message}") from exc


def _append_line(handle: IO[str], line: str) -> None:
    handle.write(line + "\n")
    handle.flush()


def _describe_abort(exc: BaseException) -> str:
    if isinstance(exc, CounterclaimError):
        return exc.one_line()
    if isinstance(exc, KeyboardInterrupt | asyncio.CancelledError):
        return "interrupted"
    return f"{type(exc).__name__}: {exc}".strip()
