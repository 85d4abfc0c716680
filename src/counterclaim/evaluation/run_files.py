"""The files of an eval run folder, as typed records, and loading them back.

A run folder `<out>/<UTC timestamp>-<pipeline>-<short model>/` holds:

- `run.json` (`RunRecord`): what was run on what (datasets with file hashes, prompt hashes, provider,
  model, settings that change answers, package versions, git commit), when, and the totals;
- `samples.jsonl` (`SampleRow`, one line per article, written as each article finishes): the
  prediction or the error, its score with per-item detail, its cost, and a digest of the gold labels
  (so a comparison can describe items without the dataset at hand);
- `report.md`: the same numbers as a Markdown table (see `report`);
- `report.html`: the table, and per article its text with gold and predicted claims marked, gold
  against found contradictions (see `html_report`).

Scores reuse the scorer's own dataclasses (`ScoreCounts`, `Metrics`, `ArticleScore`), so the files
always carry exactly what `scoring` computes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from counterclaim.errors import DatasetError
from counterclaim.evaluation.output_quality import OutputQuality
from counterclaim.evaluation.rule_effects import RuleEffect
from counterclaim.evaluation.scoring import ArticleScore, Metrics, ScoreCounts
from counterclaim.io.jsonl_rows import first_validation_error, read_rows
from counterclaim.models import Analysis, PromptVersion

RUN_FILE = "run.json"
SAMPLES_FILE = "samples.jsonl"
REPORT_FILE = "report.md"
HTML_REPORT_FILE = "report.html"
ANSWERS_DIR = "answers"
"""The run's own response cache (every model answer of the run), unless `--response-cache` chose one."""
RUN_FORMAT: Literal["counterclaim-eval-run/1"] = "counterclaim-eval-run/1"

SNIPPET_CHARS = 160
"""Longest evidence text kept in a gold digest or shown for an item."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------------------------------------------
# One article


class ArticleCost(_Record):
    """What analysing one article cost (for a failed article: what was spent before it failed)."""

    model_calls: int = Field(default=0, ge=0, description="HTTP requests made to the model.")
    cached_calls: int = Field(
        default=0, ge=0, description="Of `model_calls`, those answered from the response cache."
    )
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0.0, description="Wall-clock seconds of the analysis.")


class ArticleFailure(_Record):
    """Why the analysis of an article failed."""

    error: str = Field(description="Exception class name, e.g. 'ModelOutputError'.")
    message: str = Field(description="The error's one-line message (usage so far included).")
    exit_code: int = Field(description="The exit code the CLI gives this error.")


class GoldClaimRef(_Record):
    """A gold claim as a comparison needs to describe it."""

    id: str
    actor: str
    evidence: str = Field(description=f"The gold evidence text, cut to {SNIPPET_CHARS} characters.")


class GoldContradictionRef(_Record):
    """A gold contradiction as a comparison needs to describe it."""

    id: str
    a: str
    b: str
    kind: str


class GoldDigest(_Record):
    """The gold items of an article, by id."""

    claims: list[GoldClaimRef] = Field(default_factory=list)
    contradictions: list[GoldContradictionRef] = Field(default_factory=list)


class SampleRow(_Record):
    """One line of `samples.jsonl`: one article of one dataset.

    A failed article has `prediction = None`, an `error`, and is scored as an empty prediction (no
    actor, claim or contradiction): its gold items count as missed in every total.
    """

    dataset: str = Field(description="The dataset's name within the run (`DatasetRecord.name`).")
    article_id: str
    status: Literal["ok", "failed"]
    prediction: Analysis | None = Field(default=None, description="The tool's output; None when failed.")
    error: ArticleFailure | None = None
    cost: ArticleCost
    score: ArticleScore = Field(description="Counts and per-item detail from `scoring.score_article`.")
    metrics: Metrics = Field(description="The article's own rates (`score.metrics`).")
    gold: GoldDigest
    rules: list[RuleEffect] = Field(
        default_factory=list,
        description="Per code rule: decisions made, and the gold items they cost or kept (`rule_effects`).",
    )
    quality: OutputQuality = Field(
        default_factory=OutputQuality,
        description="Standalone statements and explanations copying evidence (`output_quality`).",
    )
    conflict_stages: dict[str, int] = Field(
        default_factory=dict,
        description=(
            "Gold contradictions between actors by the stage where they stopped, or 'found' "
            "(`conflict_stages`); empty for records older than this count."
        ),
    )

    @property
    def key(self) -> tuple[str, str]:
        """(dataset, article id): unique within a run."""
        return (self.dataset, self.article_id)


# ---------------------------------------------------------------------------------------------------
# The run


class DatasetFile(_Record):
    """One file of a dataset and its sha256 (hex)."""

    path: str
    sha256: str


class DatasetRecord(_Record):
    """A dataset as given to the run."""

    name: str = Field(description="Short name used in samples (the path's last part, made unique).")
    path: str = Field(description="The path as given.")
    resolved_path: str
    files: list[DatasetFile] = Field(description="Every file read: the .jsonl, or each .json of the folder.")
    articles_total: int = Field(ge=0, description="Articles in the dataset.")
    articles_selected: int = Field(ge=0, description="Articles analysed (after --article and --limit).")


class PackageVersion(_Record):
    """An installed distribution's version; None when it is not installed."""

    name: str
    version: str | None


class GitState(_Record):
    """The code's git commit; both None when not run from a git checkout."""

    commit: str | None = None
    dirty: bool | None = Field(default=None, description="True when `git status --porcelain` lists changes.")


class RunSettings(_Record):
    """The settings that change what the model answers (no secrets, no URLs)."""

    mode: str
    temperature: float
    seed: int
    max_reasks: int
    chunk_chars: int
    chunk_overlap: int
    max_candidates: int
    narrator: bool = Field(default=False, description="The article's own account was added (narrator).")
    join_quotations: bool = Field(
        default=False, description="An actor's claims in one running quotation were joined into one."
    )
    compact_json: bool = Field(
        default=False,
        description="The embedded server answered in compact JSON (a grammar without indentation).",
    )
    n_ctx: int
    model_file: str | None = Field(default=None, description="File name of the local GGUF, when set.")


class RunSelection(_Record):
    """Which articles were asked for."""

    limit: int | None = Field(default=None, description="First N articles of each dataset.")
    article_ids: list[str] | None = None


class CostTotals(_Record):
    """Cost summed over articles (failed ones included)."""

    articles: int = Field(default=0, ge=0)
    model_calls: int = Field(default=0, ge=0)
    cached_calls: int = Field(default=0, ge=0, description="Of `model_calls`, answered from the cache.")
    prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0.0)

    def per_article(self, value: float) -> float | None:
        """`value` divided by the number of articles (None with no article)."""
        return value / self.articles if self.articles else None


class Totals(_Record):
    """Scores and cost over a set of articles. Failed articles are scored as empty predictions."""

    articles: int = Field(ge=0)
    failed: int = Field(ge=0)
    counts: ScoreCounts
    micro: Metrics
    macro: Metrics
    cost: CostTotals


class DatasetTotals(_Record):
    """`Totals` of one dataset."""

    dataset: str
    totals: Totals


class ResumeRecord(_Record):
    """A time an interrupted run was continued (`counterclaim eval --resume RUN`), and from which code."""

    at: datetime
    git: GitState
    notices: list[str] = Field(
        default_factory=list,
        description="What resuming found and mended, e.g. a partial last line of samples.jsonl dropped.",
    )


class RuleDescription(_Record):
    """A code rule in force during the run: its name, what it does, its parameters."""

    name: str
    does: str
    parameters: dict[str, int | float | str] = Field(default_factory=dict)


class RunRecord(_Record):
    """`run.json`: everything needed to know what a run measured and to reproduce it."""

    format: Literal["counterclaim-eval-run/1"] = RUN_FORMAT
    run_id: str = Field(description="The run folder's name.")
    status: Literal["completed", "aborted", "running"] = Field(
        description="'running' while articles are still being analysed (rewritten after each one, so a "
        "run killed without notice still leaves a record it can be resumed from)."
    )
    abort_reason: str | None = Field(default=None, description="Why an aborted run stopped.")
    started_at: datetime
    finished_at: datetime
    pipeline: str
    provider: str
    model: str
    settings: RunSettings
    selection: RunSelection
    datasets: list[DatasetRecord]
    prompts: list[PromptVersion] = Field(description="Prompt templates used by the analyses, by name.")
    packages: list[PackageVersion]
    git: GitState
    python: str
    resumed: list[ResumeRecord] = Field(
        default_factory=list, description="When the run was continued after stopping early, if ever."
    )
    totals: Totals
    dataset_totals: list[DatasetTotals]
    rules: list[RuleEffect] = Field(
        default_factory=list,
        description="Decisions and gold effects per code rule, over all articles.",
    )
    quality: OutputQuality = Field(
        default_factory=OutputQuality, description="Output quality counts, over all articles."
    )
    conflict_stages: dict[str, int] = Field(
        default_factory=dict,
        description="Gold contradictions between actors by the stage where they stopped, over all articles.",
    )
    rules_in_force: list[RuleDescription] = Field(
        default_factory=list, description="The code rules of the pipeline that ran, with their parameters."
    )


# ---------------------------------------------------------------------------------------------------
# Loading


class LoadedRun(_Record):
    """A run folder read back."""

    path: Path
    record: RunRecord
    samples: list[SampleRow]
    dropped_line_notice: str | None = None
    """Said when a partial last line of `samples.jsonl` was dropped (`drop_partial_last_line`)."""


def load_run(run_dir: Path, *, drop_partial_last_line: bool = False) -> LoadedRun:
    """Read `run.json` and `samples.jsonl` of a run folder. Raises `DatasetError` naming the file (and
    line) when a file is missing, unreadable or not in the run format; with `drop_partial_last_line`,
    a partial last line (see `load_samples_dropping_partial_line`) is dropped instead, with a notice."""
    if not run_dir.is_dir():
        raise DatasetError(f"not a run folder: {run_dir}")
    record = load_run_record(run_dir / RUN_FILE)
    samples, notice = load_samples_dropping_partial_line(
        run_dir / SAMPLES_FILE, drop_partial_last_line=drop_partial_last_line
    )
    return LoadedRun(path=run_dir, record=record, samples=samples, dropped_line_notice=notice)


def load_run_record(path: Path) -> RunRecord:
    """Read a `run.json`."""
    raw = _read(path)
    try:
        return RunRecord.model_validate_json(raw)
    except ValidationError as exc:
        raise DatasetError(f"{path}: not an eval run record ({first_validation_error(exc)})") from exc


def load_samples(path: Path) -> list[SampleRow]:
    """Read a `samples.jsonl` (blank lines skipped)."""
    return load_samples_dropping_partial_line(path, drop_partial_last_line=False)[0]


def load_samples_dropping_partial_line(
    path: Path, *, drop_partial_last_line: bool = True
) -> tuple[list[SampleRow], str | None]:
    """Read a `samples.jsonl`; with `drop_partial_last_line`, a last line that is not a sample and has no
    newline (a run killed while appending it) is dropped: the rows, and a notice saying so (None when
    nothing was dropped). Any other line that is not a sample raises `DatasetError`."""
    if not path.is_file():  # a missing samples file is an error here, not an empty run
        raise DatasetError(f"cannot read {path}: no such file")
    loaded = read_rows(
        path,
        SampleRow,
        what="an eval sample",
        error=DatasetError,
        drop_partial_last_line=drop_partial_last_line,
    )
    return loaded.rows, loaded.dropped_line_notice


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
