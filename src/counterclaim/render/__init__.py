"""Rendering an Analysis as terminal text, Markdown, JSON or an HTML page (which needs the article)."""

from __future__ import annotations

from typing import Literal

from counterclaim.models import Analysis
from counterclaim.render.html import render_html
from counterclaim.render.json_out import render_json
from counterclaim.render.markdown import render_markdown
from counterclaim.render.terminal_safety import safe_terminal_text
from counterclaim.render.text import print_text, render_text

OutputFormat = Literal["text", "markdown", "json", "html"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("text", "markdown", "json", "html")

__all__ = [
    "OUTPUT_FORMATS",
    "OutputFormat",
    "print_text",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "safe_terminal_text",
]


def render(
    analysis: Analysis,
    fmt: OutputFormat,
    *,
    width: int = 100,
    color: bool = False,
    article: str | None = None,
) -> str:
    """The analysis in format `fmt`; `width` and `color` apply to "text" only; "html" needs the
    `article` text the analysis was made from (its evidence is highlighted in it)."""
    if fmt == "html":
        if article is None:
            raise ValueError("the html format needs the article text")
        return render_html(analysis, article)
    if fmt == "text":
        return render_text(analysis, width=width, color=color)
    if fmt == "markdown":
        return render_markdown(analysis)
    if fmt == "json":
        return render_json(analysis)
    raise ValueError(f"unknown output format {fmt!r}")
