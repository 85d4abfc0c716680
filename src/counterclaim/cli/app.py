"""The `counterclaim` command: its commands and their options (click)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from counterclaim._version import __version__
from counterclaim.cli.analyze import analyze_options, run_analyze
from counterclaim.cli.batch_command import batch_options, run_batch_command
from counterclaim.cli.eval_command import INTERRUPTED, eval_options, run_compare_command, run_eval_command
from counterclaim.cli.serve import run_serve, serve_options
from counterclaim.cli.show import run_show, show_options
from counterclaim.errors import Interrupted


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
    help="Who claims what in a news article, and where the claims contradict each other.",
)
@click.version_option(__version__, prog_name="counterclaim", message="%(prog)s %(version)s")
def app() -> None:
    """The command group (each command does the work)."""


@app.command(
    "analyze", help="Analyze one article (a file, or - for stdin): actors, claims, contradictions, summary."
)
@analyze_options
def analyze(**params: Any) -> int:
    return run_analyze(params)


@app.command("summarize", hidden=True, help="The same as analyze (for people who type this first).")
@analyze_options
def summarize(**params: Any) -> int:
    return run_analyze(params)


@app.command(
    "show",
    help="Render a saved analysis (analyze --format json) again, with no model: ANALYSIS.json and the "
    "ARTICLE it was made from (checked by sha256); either may be - for stdin.",
)
@show_options
def show(**params: Any) -> int:
    return run_show(params)


@app.command(
    "batch",
    help="Analyze many articles (files, folders, globs, JSONL) into a run folder; the same command "
    "again goes on where it stopped. Via a server, the OpenAI Batch API, or offline files (vLLM).",
)
@batch_options
def batch(**params: Any) -> int:
    return run_batch_command(params)


@app.command(
    "serve",
    help="Keep the embedded model up as an OpenAI-compatible server on port 8080 (or --port; it prints "
    "its /v1 address) until Ctrl-C, so repeated commands skip loading it: point them at it with "
    "--base-url.",
)
@serve_options
def serve(**params: Any) -> int:
    return run_serve(params)


@app.group(
    "eval",
    invoke_without_command=True,
    help="Score the tool against hand-labeled datasets (docs/gold-format.md) and write a run folder "
    "(run.json, samples.jsonl, report.md); `eval compare RUN_A RUN_B` compares two runs.",
)
@eval_options
@click.pass_context
def evaluate(context: click.Context, /, **params: Any) -> int:
    if context.invoked_subcommand is not None:
        return 0
    try:
        return run_eval_command(params)
    except KeyboardInterrupt:
        raise Interrupted(INTERRUPTED) from None


@evaluate.command("compare", help="Metric deltas (B - A) and the articles and items that flipped.")
@click.argument("run_a", type=click.Path(path_type=Path), metavar="RUN_A")
@click.argument("run_b", type=click.Path(path_type=Path), metavar="RUN_B")
@click.option(
    "--html",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FILE",
    help="Also write the comparison as an HTML page, the flips marked on the articles' texts.",
)
@click.option("--force", is_flag=True, help="Overwrite --html FILE if it exists.")
def compare(run_a: Path, run_b: Path, html: Path | None, force: bool) -> int:
    return run_compare_command(run_a, run_b, html=html, force=force)
