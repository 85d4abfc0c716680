"""The files of a batch run folder, as typed records.

    DIR/run.json          BatchRunRecord: what ran on what, with which settings and prompts; counts,
                          cost, failures, timing (rewritten as the run goes, atomically)
    DIR/analyses.jsonl    AnalysisRow per finished article (appended, one write and an fsync each)
    DIR/analyses/<id>.json  each finished article's Analysis (written atomically before its row)
    DIR/failures.jsonl    FailureRow per failed article
    DIR/report.md         actors most often quoted, articles with the most contradictions, failures
    DIR/report.html       the same as one self-contained page, each article linked to its analysis
    DIR/answers/          the run's own response cache (`--via live`)
    DIR/rounds/           request and answer files of each round (`--via batch-api` and `files`)

An article counts as done when its row is in `analyses.jsonl`; its `<id>.json` is written first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from counterclaim.evaluation.run_files import (
    ArticleCost,
    ArticleFailure,
    CostTotals,
    GitState,
    PackageVersion,
    RunSettings,
)
from counterclaim.models import Analysis, AnalysisScope, PromptVersion

BATCH_RUN_FORMAT: Literal["counterclaim-batch-run/1"] = "counterclaim-batch-run/1"
RUN_FILE = "run.json"
ANALYSES_FILE = "analyses.jsonl"
ANALYSES_DIR = "analyses"
FAILURES_FILE = "failures.jsonl"
REPORT_FILE = "report.md"
HTML_REPORT_FILE = "report.html"
ANSWERS_DIR = "answers"
ROUNDS_DIR = "rounds"
OWN_ENTRIES = (
    RUN_FILE,
    ANALYSES_FILE,
    ANALYSES_DIR,
    FAILURES_FILE,
    REPORT_FILE,
    HTML_REPORT_FILE,
    ANSWERS_DIR,
    ROUNDS_DIR,
)
"""Everything a run writes in its folder (and all `--force` removes)."""

Via = Literal["live", "batch-api", "files"]
"""How the model is asked: `live` sends each request as it comes (the embedded model or a server);
`batch-api` sends each round of requests as one OpenAI Batch; `files` writes each round as a request
file for an offline engine (vLLM `run-batch`) and reads its output file back."""
RunStatus = Literal["running", "completed", "interrupted", "stopped", "awaiting_answers"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnalysisRow(_Record):
    """A line of `analyses.jsonl`: one finished article."""

    id: str
    source: str = Field(description="The file, `file.jsonl:line`, or `item N` it came from.")
    metadata: dict[str, Any] = Field(default_factory=dict, description="The record's other keys.")
    analysis: Analysis


class FailureRow(_Record):
    """A line of `failures.jsonl`: an article that could not be analysed, and why."""

    id: str
    source: str
    metadata: dict[str, Any] = Field(default_factory=dict)
    article_sha256: str | None = Field(default=None, description="None when the text could not be read.")
    failure: ArticleFailure
    cost: ArticleCost = Field(default_factory=ArticleCost, description="What was spent before it failed.")
    at: datetime


class RunIdentity(_Record):
    """What must not change for a run to be continued: answers would no longer be comparable."""

    pipeline: str
    scope: AnalysisScope
    provider: str
    model: str
    settings: RunSettings
    prompts: list[PromptVersion]


class RunCounts(_Record):
    articles: int = Field(ge=0, description="Articles in the inputs of the latest session.")
    done: int = Field(ge=0, description="Articles analysed (rows of analyses.jsonl).")
    failed: int = Field(ge=0)
    remaining: int = Field(ge=0, description="Neither done nor failed yet.")


class Price(_Record):
    """What a million tokens cost, as used for `RunCost.usd`."""

    model: str
    input_per_million: float
    output_per_million: float
    basis: str = Field(description="'standard' or 'batch (50% of standard)'; and where the figures are from.")


class RunCost(_Record):
    """Tokens and calls of every finished and failed article (all sessions), and their price when the
    model's price is known (OpenAI models)."""

    totals: CostTotals
    usd: float | None = None
    price: Price | None = None


class RunTiming(_Record):
    wall_seconds: float = Field(ge=0.0, description="Time the sessions ran, summed.")
    article_seconds: float = Field(ge=0.0, description="Seconds of every analysis, summed (overlapping).")
    articles_per_hour: float | None = Field(
        default=None, description="Done and failed articles per wall hour."
    )


class SessionRecord(_Record):
    """One time the run's command ran (the first, then each continuation)."""

    started_at: datetime
    finished_at: datetime | None = None
    via: Via
    concurrency: int = Field(ge=0, description="Requests in flight at once (live), 0 for batch rounds.")
    analysed: int = Field(default=0, ge=0)
    failed: int = Field(default=0, ge=0)
    skipped: int = Field(default=0, ge=0, description="Articles already done (or failed) when it started.")
    git: GitState = Field(default_factory=GitState)
    notices: list[str] = Field(default_factory=list)


class FailureSummary(_Record):
    id: str
    error: str
    message: str


class RoundSummary(_Record):
    """A round of requests sent as a batch (or written as a request file)."""

    number: int
    requests: int
    state: str
    batch_ids: list[str] = Field(default_factory=list)


class BatchRunRecord(_Record):
    """`run.json` of a batch run."""

    format: Literal["counterclaim-batch-run/1"] = BATCH_RUN_FORMAT
    status: RunStatus
    stop_reason: str | None = None
    started_at: datetime
    updated_at: datetime
    identity: RunIdentity
    server: str | None = Field(
        default=None, description="The server's address (no credentials); None: local."
    )
    inputs: list[str] = Field(default_factory=list, description="The inputs of the latest session, as given.")
    counts: RunCounts
    cost: RunCost
    timing: RunTiming
    failures: list[FailureSummary] = Field(default_factory=list)
    sessions: list[SessionRecord] = Field(default_factory=list)
    rounds: list[RoundSummary] = Field(default_factory=list)
    packages: list[PackageVersion] = Field(default_factory=list)
    python: str = ""
