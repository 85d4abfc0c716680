"""Showing an eval run: the score table (per article, then totals) as Markdown for `report.md` and as a
rich table for the terminal, and the progress bar shown on stderr while a run goes.

Both tables come from `score_table`, so they always show the same numbers. Article ids, error
messages and model names come from datasets and servers: they are escaped for Markdown and made
terminal-safe (no escape sequences, no rich markup) before they are shown.

Row meanings: an article row shows that article's rates and cost. "total (micro)" rows sum counts
over the articles, then divide, and sum the cost; "mean (macro)" rows average the article rates
(articles where a rate is not scored are skipped) and show the mean cost per article. "—" means
not scored (see docs/gold-format.md). Failed articles are listed as FAILED and scored as empty
predictions, so their gold items count as missed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from rich import box
from rich.console import Console, Group
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from counterclaim.evaluation.output_quality import OutputQuality
from counterclaim.evaluation.run_files import CostTotals, RunRecord, SampleRow, Totals
from counterclaim.evaluation.scoring import Metrics
from counterclaim.render.markdown_escape import escape_markdown
from counterclaim.render.terminal_safety import single_line

RATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Claim P", "claim_precision"),
    ("Claim R", "claim_recall"),
    ("Claim F1", "claim_f1"),
    ("Evid. R", "evidence_recall"),
    ("Actor P", "actor_precision"),
    ("Actor R", "actor_recall"),
    ("Contra P", "contradiction_precision"),
    ("Contra R", "contradiction_recall"),
    ("Contra F1", "contradiction_f1"),
)
"""Header and `Metrics` field of each rate column, in table order."""

OTHER_COLUMNS: tuple[str, ...] = ("HN err", "Ground.", "Calls", "Tok. in", "Tok. out", "Seconds")
NOT_SCORED = "—"
TERMINAL_HEADERS: dict[str, str] = {
    "Claim P": "Claim\nP", "Claim R": "Claim\nR", "Claim F1": "Claim\nF1", "Evid. R": "Evid.\nR",
    "Actor P": "Actor\nP", "Actor R": "Actor\nR", "Contra P": "Contr\nP", "Contra R": "Contr\nR",
    "Contra F1": "Contr\nF1",
    "HN err": "HN\nerr", "Ground.": "Grnd", "Tok. in": "Tok.\nin", "Tok. out": "Tok.\nout",
    "Seconds": "Secs",
}  # fmt: skip
"""Column headers of the terminal table, two short lines each so the table fits 120 columns."""
FAILED = "FAILED"


@dataclass(frozen=True)
class ScoreRow:
    """One row of the score table: a label (untrusted text: article or dataset name), a note (our own
    text, e.g. "total (micro)"), a status and formatted numbers."""

    label: str
    status: str
    cells: tuple[str, ...]
    total: bool = False
    note: str = ""

    def shown(self, escape: Callable[[str], str]) -> str:
        """'label: note', 'label' or 'note', with the label passed through `escape`."""
        parts = [escape(self.label)] if self.label else []
        return ": ".join([*parts, self.note] if self.note else parts)


@dataclass(frozen=True)
class ScoreTable:
    """Headers and rows of the score table; `rows` holds articles first, then totals."""

    headers: tuple[str, ...]
    rows: tuple[ScoreRow, ...]


def score_table(record: RunRecord, samples: Sequence[SampleRow], *, digits: int = 3) -> ScoreTable:
    """Per-article rows, then per-dataset totals (when there are several datasets), then run totals."""
    several = len(record.datasets) > 1
    rows: list[ScoreRow] = []
    for s in samples:
        label = f"{s.dataset}/{s.article_id}" if several else s.article_id
        cells = (
            *_rate_cells(s.metrics, digits),
            str(s.score.counts.hard_negative_errors),
            _rate(s.metrics.grounding_rate, digits),
            _calls(s.cost.model_calls, s.cost.cached_calls),
            str(s.cost.prompt_tokens),
            str(s.cost.completion_tokens),
            f"{s.cost.seconds:.1f}",
        )
        rows.append(ScoreRow(label=label, status=_article_status(s), cells=cells))
    if several:
        for d in record.dataset_totals:
            rows.extend(_total_rows(d.dataset, d.totals, digits))
    rows.extend(_total_rows("all" if several else "", record.totals, digits))
    headers = ("Article", "Status", *(h for h, _ in RATE_COLUMNS), *OTHER_COLUMNS)
    return ScoreTable(headers=headers, rows=tuple(rows))


def _calls(calls: int, cached: int) -> str:
    """Model calls, with how many the response cache answered (those cost no model time)."""
    return f"{calls} ({cached} cached)" if cached else str(calls)


def _total_rows(prefix: str, totals: Totals, digits: int) -> list[ScoreRow]:
    cost = totals.cost
    status = f"{totals.failed} failed" if totals.failed else ""
    micro = ScoreRow(
        label=prefix,
        note="total (micro)",
        status=status,
        cells=(
            *_rate_cells(totals.micro, digits),
            str(totals.counts.hard_negative_errors),
            _rate(totals.micro.grounding_rate, digits),
            _calls(cost.model_calls, cost.cached_calls),
            str(cost.prompt_tokens),
            str(cost.completion_tokens),
            f"{cost.seconds:.1f}",
        ),
        total=True,
    )
    macro = ScoreRow(
        label=prefix,
        note="mean (macro)",
        status=status,
        cells=(
            *_rate_cells(totals.macro, digits),
            _mean(cost, totals.counts.hard_negative_errors, 2),
            _rate(totals.macro.grounding_rate, digits),
            _mean(cost, cost.model_calls, 1),
            _mean(cost, cost.prompt_tokens, 0),
            _mean(cost, cost.completion_tokens, 0),
            _mean(cost, cost.seconds, 1),
        ),
        total=True,
    )
    return [micro, macro]


def _rate_cells(metrics: Metrics, digits: int) -> tuple[str, ...]:
    return tuple(_rate(getattr(metrics, field), digits) for _, field in RATE_COLUMNS)


def _rate(value: float | None, digits: int) -> str:
    return NOT_SCORED if value is None else f"{value:.{digits}f}"


def _mean(cost: CostTotals, value: float, digits: int) -> str:
    mean = cost.per_article(value)
    return NOT_SCORED if mean is None else f"{mean:.{digits}f}"


# ---------------------------------------------------------------------------------------------------
# Header facts shared by both renderings


@dataclass(frozen=True)
class HeaderLine:
    """One fact of the report header (the value is untrusted text)."""

    name: str
    value: str


def header_lines(record: RunRecord) -> list[HeaderLine]:
    """Model, provider, pipeline, dates, status, datasets, code version and prompts of a run."""
    duration = (record.finished_at - record.started_at).total_seconds()
    status = record.status if record.abort_reason is None else f"{record.status}: {record.abort_reason}"
    datasets = "; ".join(
        f"{d.name} ({d.articles_selected} of {d.articles_total} articles, {d.path})" for d in record.datasets
    )
    version = next((p.version for p in record.packages if p.name == "counterclaim"), None)
    code = f"counterclaim {version or '?'}"
    if record.git.commit:
        code += f", git {record.git.commit[:12]}" + (" (uncommitted changes)" if record.git.dirty else "")
    prompts = ", ".join(f"{p.name} {p.sha256}" for p in record.prompts) or "none reported"
    return [
        HeaderLine("Model", record.model),
        HeaderLine("Provider", record.provider),
        HeaderLine("Pipeline", record.pipeline),
        HeaderLine("Started", record.started_at.strftime("%Y-%m-%d %H:%M:%S UTC")),
        HeaderLine("Duration", f"{duration:.0f} s"),
        HeaderLine("Status", status),
        HeaderLine("Datasets", datasets),
        HeaderLine("Code", code),
        HeaderLine("Prompts", prompts),
    ]


def summary_line(totals: Totals) -> str:
    """'N articles, K failed (...)' in words."""
    text = f"{totals.articles} article(s) analysed, {totals.failed} failed."
    if totals.failed:
        text += " Failed articles are scored as empty predictions: their gold items count as missed."
    return text


CLAIMS_ONLY = "ok, claims"


def _article_status(sample: SampleRow) -> str:
    if sample.status == "failed":
        return FAILED
    if sample.prediction is not None and sample.prediction.run.scope == "claims":
        return CLAIMS_ONLY
    return "ok"


CLAIMS_ONLY_LEGEND = (
    f"{CLAIMS_ONLY}: analysed for actors and claims only (the article is not labeled for "
    "contradictions, so no contradiction or summary request was made)."
)
LEGEND = (
    "micro: counts summed over the articles, then divided (cost: summed). "
    "macro: mean of the article rates, articles where a rate is not scored skipped (cost: mean per article). "
    f"{NOT_SCORED}: not scored (see docs/gold-format.md). HN err: predicted contradictions that match a hard "
    "negative. Ground.: share of predicted claims whose evidence is exactly the article's text."
)


def legend(samples: Sequence[SampleRow]) -> str:
    """The table's legend, with the claims-only status explained when a row has it."""
    if any(_article_status(s) == CLAIMS_ONLY for s in samples):
        return f"{LEGEND} {CLAIMS_ONLY_LEGEND}"
    return LEGEND


# ---------------------------------------------------------------------------------------------------
# Markdown


def markdown_report(record: RunRecord, samples: Sequence[SampleRow]) -> str:
    """`report.md`: header, score table (articles, then totals), legend, and the failed articles."""
    lines = [f"# Eval run {escape_markdown(record.run_id)}", "", "| | |", "|---|---|"]
    lines += [f"| {h.name} | {escape_markdown(h.value)} |" for h in header_lines(record)]
    lines += ["", f"**{summary_line(record.totals)}**", "", "## Scores", ""]
    table = score_table(record, samples)
    lines.append("| " + " | ".join(table.headers) + " |")
    lines.append("|" + "|".join(["---", "---"] + ["---:"] * (len(table.headers) - 2)) + "|")
    for row in table.rows:
        label = row.shown(escape_markdown)
        if row.total:
            label = f"**{label}**"
        lines.append("| " + " | ".join([label, escape_markdown(row.status), *row.cells]) + " |")
    lines += ["", legend(samples), ""]
    narrator = narrator_line(record.totals)
    if narrator:
        lines += [narrator, ""]
    lines += quality_lines(record)
    lines += stages_section(record)
    lines += rules_section(record)
    failed = [s for s in samples if s.error is not None]
    if failed:
        lines += ["## Failed articles", ""]
        lines += [
            f"- {escape_markdown(s.dataset + '/' + s.article_id)}: "
            f"{escape_markdown(s.error.error)}: {escape_markdown(s.error.message)}"
            for s in failed
            if s.error is not None
        ]
        lines.append("")
    return "\n".join(lines)


def narrator_line(totals: Totals) -> str:
    """The article's own account, scored apart (empty when the run had no narrator and no gold one)."""
    c, m = totals.counts, totals.micro
    if not (c.narrator_gold_claims or c.record_gold or c.record_pred_counted):
        return ""
    return (
        f"The article's own account (narrator, scored apart): {c.narrator_matched_claims} of "
        f"{c.narrator_gold_claims} gold narrator claims found; record contradictions: {c.record_found} of "
        f"{c.record_gold} found, {c.record_true} of {c.record_pred_counted} reported right (P/R/F1 "
        f"{_rate(m.record_precision, 2)}/{_rate(m.record_recall, 2)}/{_rate(m.record_f1, 2)}), "
        f"{c.record_hard_negative_errors} hard-negative error(s)."
    )


def quality_lines(record: RunRecord) -> list[str]:
    """Standalone statements and explanations that copy evidence (what the gold format does not score)."""
    q = record.quality
    if not q.statements and not q.explanations:
        return []
    return [quality_sentence(q), ""]


def quality_sentence(q: OutputQuality) -> str:
    """The report's line on statements and explanations; "—" for what a record does not know."""
    share = f"{q.standalone_share:.0%}" if q.standalone_share is not None else "—"
    by_sides = "—" if q.explanations_by_sides is None else str(q.explanations_by_sides)
    return (
        f"Standalone statements: {q.standalone_statements} of {q.statements} ({share}"
        f"{_unstanding_kinds(q)}); explanations copying "
        f"a claim's evidence: {q.explanations_copying_evidence} of {q.explanations}; explanations speaking "
        f"of each claim's point: {q.explanations_on_both_points} of {q.explanations}; written from each "
        f"side's account: {by_sides} of {q.explanations}."
    )


def _unstanding_kinds(q: OutputQuality) -> str:
    """What keeps the other statements from standing alone, by kind (", not: 3 keep a frame, ..."); ""
    when all stand alone or a record does not know the kinds."""
    frame, first, third = q.unstanding_kinds
    if q.standalone_statements == q.statements or None in (frame, first, third):
        return ""
    return (
        f"; not: {frame} keep an attribution frame, {first} open with I/we/my/our, "
        f"{third} with he/she/they/his/her/its/their"
    )


STAGE_HEADERS = ("where the gold contradiction stopped", "gold contradictions")
STAGES_NOTE = (
    "Each gold contradiction between actors at the furthest stage any of its claim pairs reached: a "
    "side not extracted, one claim holding both sides, a pair no decision names (never scored: no "
    "word in common), refused by a pairing rule, refused as a verdict, or found (docs/evaluation.md)."
)


def stage_rows(record: RunRecord) -> list[tuple[str, str]]:
    """One row per stage, most gold contradictions first (none when the record does not know them)."""
    ordered = sorted(record.conflict_stages.items(), key=lambda item: (-item[1], item[0]))
    return [(stage, str(count)) for stage, count in ordered]


def stages_section(record: RunRecord) -> list[str]:
    """The "Where the gold contradictions stopped" table of report.md."""
    rows = stage_rows(record)
    if not rows:
        return []
    lines = [
        "## Where the gold contradictions stopped",
        "",
        STAGES_NOTE,
        "",
        "| " + " | ".join(STAGE_HEADERS) + " |",
        "|---|---:|",
    ]
    lines += [f"| {escape_markdown(stage)} | {count} |" for stage, count in rows]
    return [*lines, ""]


RULE_HEADERS = (
    "rule",
    "decisions",
    "gold claims lost",
    "gold claims kept",
    "gold contradictions lost",
    "gold contradictions found",
)


def rule_rows(record: RunRecord) -> list[tuple[str, ...]]:
    """One row per rule that decided something, most decisions first."""
    ordered = sorted(record.rules, key=lambda e: (-e.decisions, e.rule))
    return [
        (
            e.rule,
            str(e.decisions),
            str(e.gold_claims_lost),
            str(e.gold_claims_kept),
            str(e.gold_contradictions_lost),
            str(e.gold_contradictions_found),
        )
        for e in ordered
    ]


def rules_section(record: RunRecord) -> list[str]:
    """The "Decisions by rule" table of report.md (empty when no analysis recorded a trace)."""
    rows = rule_rows(record)
    if not rows:
        return []
    lines = [
        "## Decisions by rule",
        "",
        "What each code rule decided over the run (`run.trace` of the analyses), and the gold items it "
        "touched: gold claims a proposal it dropped would have matched (lost) or that a claim it acted "
        "on matches (kept); gold contradictions a pair it refused would have found (lost) or that a pair "
        "it kept or reported found. Rules: docs/how-it-works.md.",
        "",
        "| " + " | ".join(RULE_HEADERS) + " |",
        "|---|" + "---:|" * (len(RULE_HEADERS) - 1),
    ]
    lines += ["| " + " | ".join([escape_markdown(row[0]), *row[1:]]) + " |" for row in rows]
    return [*lines, ""]


# ---------------------------------------------------------------------------------------------------
# Terminal


def terminal_report(record: RunRecord, samples: Sequence[SampleRow]) -> Group:
    """A rich renderable: header, score table, legend, failed articles (all text terminal-safe)."""
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    for h in header_lines(record):
        header.add_row(h.name, Text(single_line(h.value)))
    table = Table(
        title=Text(single_line(f"Eval run {record.run_id}")),
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    data = score_table(record, samples, digits=2)
    for index, name in enumerate(data.headers):
        if index == 0:
            table.add_column(name, overflow="fold", min_width=12)
            continue
        # short two-line headers; a column is never narrower than its widest value
        short = TERMINAL_HEADERS.get(name, name)
        values = [row.status if index == 1 else row.cells[index - 2] for row in data.rows]
        widest = max((len(v) for v in values), default=1)
        table.add_column(short, justify="left" if index == 1 else "right", min_width=widest)
    for index, row in enumerate(data.rows):
        style = "bold" if row.total else ("red" if row.status == FAILED else None)
        last_article = not row.total and index + 1 < len(data.rows) and data.rows[index + 1].total
        cells: list[Text | str] = [Text(row.shown(single_line)), Text(row.status), *row.cells]
        table.add_row(*cells, style=style, end_section=last_article)
    parts: list[Table | Text] = [header, table, Text(summary_line(record.totals), style="bold")]
    if narrator := narrator_line(record.totals):
        parts.append(Text(single_line(narrator)))
    for s in samples:
        if s.error is not None:
            parts.append(
                Text(
                    single_line(f"FAILED {s.dataset}/{s.article_id}: {s.error.error}: {s.error.message}"),
                    style="red",
                )
            )
    parts.append(Text(legend(samples), style="dim"))
    return Group(*parts)


class RichEvalProgress:
    """An `EvalProgress` that shows a progress bar and one line per finished article on stderr.

    Use as a context manager around `run_eval`.
    """

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
        )
        self._task: TaskID | None = None
        self._article = ""

    def __enter__(self) -> RichEvalProgress:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._progress.stop()

    def run_started(self, run_dir: Path, total_articles: int) -> None:
        self.console.print(Text(single_line(f"run folder: {run_dir}")))
        self._task = self._progress.add_task("starting", total=total_articles)

    def article_started(self, dataset: str, article_id: str) -> None:
        self._article = single_line(f"{dataset}/{article_id}")
        self._describe(self._article)

    def step(self, name: str) -> None:
        self._describe(f"{self._article}: {single_line(name)}")

    def article_finished(self, sample: SampleRow) -> None:
        if self._task is not None:
            self._progress.advance(self._task)
        where = single_line(f"{sample.dataset}/{sample.article_id}")
        cost = f"{sample.cost.model_calls} calls, {sample.cost.seconds:.1f} s"
        if sample.error is not None:
            message = single_line(f"{sample.error.error}: {sample.error.message}")
            self.console.print(Text(f"FAILED {where} ({cost}): {message}", style="red"))
            return
        recall = _rate(sample.metrics.claim_recall, 2)
        found = f"{sample.score.counts.found_contradictions}/{sample.score.counts.gold_contradictions}"
        self.console.print(Text(f"ok {where}: claim recall {recall}, contradictions {found} ({cost})"))

    def notice(self, message: str) -> None:
        self.console.print(Text(f"note: {single_line(message)}", style="yellow"), soft_wrap=True)

    def _describe(self, text: str) -> None:
        if self._task is not None:
            self._progress.update(self._task, description=text)
