"""`counterclaim show ANALYSIS.json ARTICLE`: render a saved analysis again, in any format, with no model.

Either argument (not both) may be `-`, standard input: `analyze A --format json | show - A`.

The article is read as `analyze` reads it (`read_article`: same decoding, same HTML conversion), and
must be the text the analysis was made from: its sha256 must be the analysis' `article_sha256`
(else `ArticleMismatchError`, exit 10, before anything is written). A file that is not a saved
analysis is an input error (exit 3).
"""

from __future__ import annotations

from typing import Any

import click

from counterclaim.cli.analyze import output_options, write_rendered
from counterclaim.cli.progress import ProgressLines
from counterclaim.config import MAX_ARTICLE_CHARS
from counterclaim.errors import InputError
from counterclaim.io.article_input import DEFAULT_MAX_CHARS, read_article
from counterclaim.io.output_file import check_output_target
from counterclaim.io.saved_analysis import check_same_article, read_saved_analysis


def show_options(command: Any) -> Any:
    """The arguments and options of `show`."""
    decorators = [
        click.argument("analysis_file", metavar="ANALYSIS.json"),
        click.argument("article", metavar="ARTICLE"),
        *output_options(),
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def run_show(params: dict[str, Any]) -> int:
    """Read the saved analysis and its article, check they belong together, render and write."""
    progress = ProgressLines(enabled=not params["quiet"])
    if params["analysis_file"] == "-" and params["article"] == "-":
        raise InputError("only one of ANALYSIS.json and ARTICLE can be read from standard input (-)")
    analysis = read_saved_analysis(params["analysis_file"])
    # an analysis made with a larger --max-chars still shows: its own length is the limit then
    limit = max(DEFAULT_MAX_CHARS, min(analysis.article_chars, MAX_ARTICLE_CHARS))
    article = read_article(params["article"], encoding=params["encoding"], max_chars=limit)
    for notice in article.notices:
        progress(notice)
    check_same_article(analysis, article.text, source=article.source)
    if params["out"]:
        check_output_target(params["out"], force=params["force"])
    write_rendered(analysis, article.text, params, progress)
    return 0
