"""render_markdown on hand-made analyses, checked by parsing the Markdown with markdown-it."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from counterclaim.models import Actor, ActorKind, Analysis, Claim, ClaimKind, Span, SummarySentence
from counterclaim.render.markdown import render_markdown
from counterclaim.render.markdown_escape import escape_markdown
from render_fixtures import handmade_analysis, handmade_empty_analysis


def to_html(markdown: str) -> str:
    """CommonMark with raw HTML allowed and GFM tables, so unescaped HTML would show up."""
    html: str = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return html


def test_sections_and_header_are_present() -> None:
    markdown = render_markdown(handmade_analysis())
    for heading in ("# counterclaim analysis", "## Summary", "## Actors and claims", "## Contradictions"):
        assert f"\n{heading}\n" in f"\n{markdown}"
    assert "551 characters" in markdown
    assert "7 model calls, 5,120 prompt + 880 completion tokens, 42.5 s" in markdown
    assert markdown.endswith("\n")


def test_structure_parses_as_expected() -> None:
    html = to_html(render_markdown(handmade_analysis()))
    assert html.count("<h2>") == 3
    assert html.count("<h3>") == 3 + 1
    assert html.count("<table>") == 1
    assert "<h3>Elena Duarte</h3>" in html
    assert "<em>unnamed_source</em>" in html


def test_summary_cites_claims() -> None:
    html = to_html(render_markdown(handmade_analysis()))
    assert "repairs are on budget. [c1, c2]</li>" in html


def test_claims_listed_under_their_actor_with_quotes() -> None:
    markdown = render_markdown(handmade_analysis())
    duarte = markdown.index("### Elena Duarte")
    halvorsen = markdown.index("### Halvorsen Construction")
    assert duarte < markdown.index("**c2** (assertion)") < halvorsen
    assert "**c5** (accusation, hedged): Mayor Duarte was briefed" in markdown
    assert "  - “the bridge cannot open before September”" in markdown


def test_contradiction_table_has_both_quotes_in_one_row() -> None:
    markdown = render_markdown(handmade_analysis())
    assert "### k1: factual (confidence 0.90)" in markdown
    assert "| Elena Duarte (c1) | Halvorsen Construction (c3) |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| “The Old Mill Bridge"))
    assert "“We have not received the steel for the deck”" in row
    html = to_html(markdown)
    row_html = re.search(r"<tr>\s*<td>“The Old Mill.*?</tr>", html, re.DOTALL)
    assert row_html is not None
    assert "“the bridge cannot open before September”" in row_html.group(0)


def test_empty_analysis_says_no_claims_found() -> None:
    markdown = render_markdown(handmade_empty_analysis())
    assert "_No claims found._" in markdown
    assert "_No contradictions found._" in markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "![x](http://evil.example/p.png)",
        "[click](http://evil.example)",
        '<img src="http://evil.example/p.png">',
        '<a href="http://evil.example">x</a>',
        "<http://evil.example>",
        "[x]: http://evil.example\n\n[x]",
        "&lt;img src=x&gt;",
        "line one\n# heading\n| a | b |\n---",
        "- list\n1. item",
    ],
)
def test_hostile_markdown_renders_as_literal_text(hostile: str) -> None:
    escaped = escape_markdown(hostile)
    html = to_html(escaped)
    assert html == f"<p>{_html_text(' '.join(hostile.split()))}</p>\n"


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_bare_urls_and_www_are_broken_for_gfm_autolinks() -> None:
    escaped = escape_markdown("see https://evil.example, HTTP://x.example, ftp://f and www.evil.example")
    assert re.search(r"(?i)(https?|ftp):", escaped) is None
    assert re.search(r"(?i)www\.", escaped) is None
    assert to_html(escaped) == (
        "<p>see https://evil.example, HTTP://x.example, ftp://f and www.evil.example</p>\n"
    )


def test_cells_hold_no_newlines_or_bare_pipes() -> None:
    article = "a|b\nc"
    analysis = Analysis(
        article_chars=len(article),
        article_sha256="0" * 64,
        actors=[Actor(id="a1", name="Pipe|Name", kind=ActorKind.PERSON)],
        claims=[
            Claim(
                id=f"c{i}",
                actor_id="a1",
                statement="x | y\nz",
                kind=ClaimKind.ASSERTION,
                evidence=[Span(start=0, end=len(article), text=article)],
            )
            for i in (1, 2)
        ],
        contradictions=[],
        summary=[SummarySentence(text="s", claim_ids=["c1"])],
        run=handmade_analysis().run,
    )
    with_contradiction = analysis.model_copy(
        update={
            "contradictions": [handmade_analysis().contradictions[0].model_copy(update={"claim_b": "c2"})]
        }
    )
    html = to_html(render_markdown(with_contradiction))
    assert "<th>Pipe|Name (c1)</th>" in html
    assert "<td>“a|b c”</td>" in html
