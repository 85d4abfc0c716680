"""`counterclaim eval`: score the tool against labeled datasets; `eval compare A B`: compare two runs.

    counterclaim eval [--dataset PATH]... [--pipeline staged|naive] [--out DIR] [--limit N]
                      [--article ID]... [-q] [model options]
    counterclaim eval --resume RUN_DIR [--retry-failed] [-q] [model options]
    counterclaim eval compare RUN_A RUN_B [--html FILE [--force]]

Exit codes of a run: 0 when every article was analysed, 1 when some failed (the run folder is still
written, failures are listed), the error's own code when the run could not be done (e.g. 9 for a bad
dataset, 4 for bad settings, 7 when the embedded model cannot be served), 130 when interrupted (Ctrl-C
or SIGTERM; `--resume` continues the run). `compare` exits 0, or 9 when a run folder cannot be read.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from counterclaim.cli.errors import stdout_failures_as_output_error
from counterclaim.cli.options import model_options, settings_from
from counterclaim.cli.progress import ProgressLines, StderrConsole
from counterclaim.evaluation.compare import compare_loaded, print_comparison
from counterclaim.evaluation.html_report import comparison_html
from counterclaim.evaluation.report import RichEvalProgress, terminal_report
from counterclaim.evaluation.run_articles import run_articles
from counterclaim.evaluation.run_files import HTML_REPORT_FILE, REPORT_FILE, load_run
from counterclaim.evaluation.runner import run_eval
from counterclaim.io.output_file import check_output_target, write_output
from counterclaim.render.terminal_safety import single_line

DEFAULT_DATASET = Path("seeds")
EVAL_DEFAULTS = {"narrator": True}
"""Settings eval gives unless a flag or the environment says: the article's own account is measured
(scored apart from the contradictions between actors)."""
DEFAULT_OUT = Path("evals/runs")
EXIT_ARTICLES_FAILED = 1
WIDTH_WHEN_NOT_A_TERMINAL = 200
"""Output to a file or pipe is not wrapped at 80 columns: the score table needs about 170."""
INTERRUPTED = "interrupted: the run folder keeps the articles finished so far (continue with --resume)"


def _stdout() -> Console:
    return Console() if sys.stdout.isatty() else Console(width=WIDTH_WHEN_NOT_A_TERMINAL)


def eval_options(command: Any) -> Any:
    decorators = [
        click.option(
            "--dataset",
            "datasets",
            multiple=True,
            type=click.Path(path_type=Path),
            metavar="PATH",
            help=f"A .jsonl file or a folder of .json files; repeatable (default: {DEFAULT_DATASET}/).",
        ),
        click.option(
            "--pipeline", type=click.Choice(["staged", "naive"]), default=None, help="Default: staged."
        ),
        click.option(
            "--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True, metavar="DIR"
        ),
        click.option(
            "--limit",
            type=click.IntRange(min=1),
            default=None,
            metavar="N",
            help="First N articles of each dataset.",
        ),
        click.option(
            "--article", "article_ids", multiple=True, metavar="ID", help="Only this article id; repeatable."
        ),
        click.option(
            "--resume",
            type=click.Path(path_type=Path),
            default=None,
            metavar="RUN_DIR",
            help="Continue a run that stopped early, in its folder, with its datasets and selection.",
        ),
        click.option(
            "--retry-failed", is_flag=True, help="With --resume: analyse the articles that failed again too."
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress on stderr."),
        model_options,
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def run_eval_command(params: dict[str, Any]) -> int:
    """Run (or resume) an eval; print the report to stdout, progress to stderr."""
    if params["resume"] is not None and (
        params["datasets"] or params["limit"] or params["article_ids"] or params["pipeline"]
    ):
        raise click.UsageError(  # exit 2, as any other misuse of the flags (it was 9, a data set error)
            "--resume continues a run with its own datasets, pipeline and selection: "
            "leave out --dataset, --pipeline, --limit and --article",
            click.get_current_context(silent=True),
        )
    if params["retry_failed"] and params["resume"] is None:
        raise click.UsageError(
            "--retry-failed goes with --resume RUN_DIR (the run whose failures to retry)",
            click.get_current_context(silent=True),
        )
    settings = settings_from(params, EVAL_DEFAULTS)
    if not params["quiet"]:
        for notice in settings.notices:
            click.echo(notice, err=True)
    datasets: list[Path] = list(params["datasets"]) or [DEFAULT_DATASET]
    progress = None if params["quiet"] else RichEvalProgress(StderrConsole())
    with progress if progress is not None else contextlib.nullcontext():
        run = asyncio.run(
            run_eval(
                datasets,
                settings=settings,
                pipeline=params["pipeline"] or "staged",
                out_dir=params["out"],
                limit=params["limit"],
                article_ids=list(params["article_ids"]) or None,
                progress=progress,
                resume=params["resume"],
                retry_failed=params["retry_failed"],
            )
        )
    out = _stdout()
    with stdout_failures_as_output_error():
        out.print(terminal_report(run.record, list(run.samples)))
        out.print(
            Text(single_line(f"report: {run.run_dir / REPORT_FILE} and {run.run_dir / HTML_REPORT_FILE}"))
        )
    return EXIT_ARTICLES_FAILED if run.record.totals.failed else 0


def run_compare_command(run_a: Path, run_b: Path, *, html: Path | None = None, force: bool = False) -> int:
    """Metric deltas (B - A) and what flipped between two run folders; with `html`, also as a page
    with the flips marked on the articles' texts (read from the runs' datasets when unchanged)."""
    if html is not None:
        check_output_target(str(html), force=force)
    loaded_a, loaded_b = load_run(run_a), load_run(run_b)
    comparison = compare_loaded(loaded_a, loaded_b)
    with stdout_failures_as_output_error():
        print_comparison(comparison, _stdout())
    if html is not None:
        found = run_articles(loaded_b.record, loaded_a.record)
        write_output(str(html), comparison_html(comparison, found.articles), force=force)
        note = f" (no text for dataset(s) {', '.join(dict.fromkeys(found.missing))})" if found.missing else ""
        ProgressLines(enabled=True)(f"wrote {html}{note}")
    return 0
