"""`counterclaim analyze ARTICLE`: one article, through the public API, rendered as text, Markdown, JSON
or an HTML page."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console

from counterclaim.api import analyze_async
from counterclaim.cli.errors import write_stdout
from counterclaim.cli.options import model_options, settings_from
from counterclaim.cli.progress import ProgressLines
from counterclaim.config import Provider
from counterclaim.io.article_input import read_article
from counterclaim.io.output_file import check_output_target, write_output
from counterclaim.models import Analysis, AnalysisScope
from counterclaim.render import OUTPUT_FORMATS, OutputFormat, render

WIDTH_WHEN_NOT_A_TERMINAL = 100
MAX_WIDTH = 1000
"""The widest text asked for (a wider one only fills memory with spaces)."""


def output_options() -> list[Callable[[Any], Any]]:
    """The options that say how and where a result is written (`analyze` and `show`)."""
    return [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(OUTPUT_FORMATS),
            default="text",
            show_default=True,
            help="Output format (html: one self-contained page with the article and its highlighted claims).",
        ),
        click.option(
            "--out", type=click.Path(), default=None, help="Write the result to this file instead of stdout."
        ),
        click.option("--force", is_flag=True, help="Overwrite --out if it exists."),
        click.option("--encoding", default=None, help="The file's text encoding when it is not UTF-8."),
        click.option(
            "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
        ),
        click.option(
            "--width",
            type=click.IntRange(min=20, max=MAX_WIDTH),
            default=None,
            help="Text width (default: the terminal's).",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress on stderr."),
    ]


def analyze_options(command: Any) -> Any:
    """The options of `analyze` (and its alias `summarize`)."""
    decorators = [
        click.argument("article", metavar="ARTICLE"),
        *output_options(),
        click.option("--pipeline", type=click.Choice(["staged", "naive"]), default="staged", hidden=True),
        click.option(
            "--claims-only",
            is_flag=True,
            help="Actors and claims only: skip the contradiction and summary requests (faster).",
        ),
        model_options,
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def run_analyze(params: dict[str, Any]) -> int:
    """Read, analyse, render and write one article; every failure raises one of our errors."""
    settings = settings_from(params)
    progress = ProgressLines(enabled=not params["quiet"])
    for notice in settings.notices:
        progress(notice)
    article = read_article(params["article"], encoding=params["encoding"], max_chars=settings.max_chars)
    for notice in article.notices:
        progress(notice)
    out = params["out"]
    if out:  # refuse before any model work: an existing file, a directory, an unwritable place
        check_output_target(out, force=params["force"])
    scope: AnalysisScope = "claims" if params["claims_only"] else "full"
    if settings.provider is Provider.LOCAL:
        progress(f"starting the embedded model ({settings.model})")
    analysis = asyncio.run(
        analyze_async(article, settings=settings, pipeline=params["pipeline"], progress=progress, scope=scope)
    )
    progress(_done(analysis))
    write_rendered(analysis, article.text, params, progress)
    return 0


def write_rendered(analysis: Analysis, article: str, params: dict[str, Any], progress: ProgressLines) -> None:
    """Render the analysis in `--format` and write it to `--out` (atomically) or stdout."""
    fmt: OutputFormat = params["fmt"]
    out = params["out"]
    to_terminal = not out and sys.stdout.isatty()
    color = params["color"] == "always" or (
        params["color"] == "auto" and to_terminal and not os.environ.get("NO_COLOR")
    )
    width = params["width"] or (Console().width if to_terminal else WIDTH_WHEN_NOT_A_TERMINAL)
    output = render(analysis, fmt, width=width, color=color and fmt == "text", article=article)
    if out:
        write_output(out, output, force=params["force"])
        progress(f"wrote {out}")
    else:
        write_stdout(output)


def _done(analysis: Analysis) -> str:
    run = analysis.run
    cached = f" ({run.cached_calls} from cache)" if run.cached_calls else ""
    return (
        f"done: {len(analysis.claims)} claims, {len(analysis.contradictions)} contradictions, "
        f"{run.model_calls} model calls{cached}, {run.prompt_tokens}+{run.completion_tokens} tokens, "
        f"{run.seconds:.1f}s"
    )
