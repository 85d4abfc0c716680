"""Property tests: hostile strings anywhere in an Analysis never escape into the rendered output."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from counterclaim.models import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    RunMetadata,
    Span,
    SummarySentence,
)
from counterclaim.render.json_out import render_json
from counterclaim.render.markdown import render_markdown
from counterclaim.render.restatement import restates_evidence
from counterclaim.render.terminal_safety import UNSAFE_TERMINAL_CHARACTERS
from counterclaim.render.text import render_text

PAYLOADS = [
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[H",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\r",
    "\u202e",
    "\u2066",
    "\u200f",
    "\U000e0041",
    "![x](http://evil.example/p.png)",
    "[click](http://evil.example)",
    '<img src="http://evil.example/p.png">',
    '<a href="http://evil.example">',
    "<http://evil.example>",
    "https://evil.example/x",
    "www.evil.example",
    "&lt;img&gt;",
    "[ref]: http://evil.example",
    "\n# ",
    "\n- ",
    "\n1. ",
    "|",
    "`",
    "\\",
    "*",
    "_",
    "[bold red]",
    ":skull:",
    "\n",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "# ",
    "---",
    "===",
    "    indented code",
]

hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.tuples(st.sampled_from(PAYLOADS), st.sampled_from(PAYLOADS)).map("".join),
    st.text(max_size=20),
    st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=8)), max_size=6).map("".join),
)

SGR = re.compile(r"\x1b\[[0-9;]*m")
ALLOWED_HTML_TAGS = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em"} | {
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
"""The only elements render_markdown itself produces; content must not add others."""
HTML_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")


@st.composite
def hostile_analyses(draw: st.DrawFn) -> Analysis:
    """An analysis with hostile strings in every free-text field, its spans cut from a fake article."""
    quotes = [draw(hostile_text), draw(hostile_text)]
    article = "".join(quotes)
    spans = [
        Span(start=0, end=len(quotes[0]), text=quotes[0]),
        Span(start=len(quotes[0]), end=len(article), text=quotes[1]),
    ]
    claim_id = draw(hostile_text)
    claim_ids = [f"{claim_id}-1", f"{claim_id}-2"]
    actors = [
        Actor(
            id=f"a{i}",
            name=draw(hostile_text),
            kind=ActorKind.PERSON,
            role=draw(st.none() | hostile_text),
            aliases=draw(st.lists(hostile_text, max_size=2)),
        )
        for i in (1, 2)
    ]
    claims = [
        Claim(
            id=claim_ids[i],
            actor_id=actors[i].id,
            statement=draw(hostile_text),
            kind=ClaimKind.ASSERTION,
            hedged=draw(st.booleans()),
            evidence=[spans[i]],
        )
        for i in (0, 1)
    ]
    contradiction = Contradiction(
        id=draw(hostile_text),
        claim_a=claim_ids[0],
        claim_b=claim_ids[1],
        kind=ContradictionKind.FACTUAL,
        explanation=draw(hostile_text),
        confidence=0.5,
    )
    run = RunMetadata(
        counterclaim_version="0.1.0",
        pipeline=draw(hostile_text),
        provider="local",
        model=draw(hostile_text),
        notices=draw(st.lists(hostile_text, max_size=2)),
    )
    return Analysis(
        article_chars=len(article),
        article_sha256=draw(hostile_text),
        actors=actors,
        claims=claims,
        contradictions=[contradiction],
        summary=[SummarySentence(text=draw(hostile_text), claim_ids=claim_ids)],
        run=run,
    )


def _unescaped(markdown: str, token: str) -> bool:
    """Whether `token` occurs in `markdown` with its first character not backslash-escaped."""
    for match in re.finditer(re.escape(token), markdown):
        backslashes = len(markdown[: match.start()]) - len(markdown[: match.start()].rstrip("\\"))
        if backslashes % 2 == 0:
            return True
    return False


@settings(max_examples=60, deadline=None)
@given(hostile_analyses())
def test_plain_text_output_has_no_terminal_controls(analysis: Analysis) -> None:
    output = render_text(analysis, width=80, color=False)
    assert "\x1b" not in output
    assert "\x9b" not in output
    assert UNSAFE_TERMINAL_CHARACTERS.search(output) is None


@settings(max_examples=30, deadline=None)
@given(hostile_analyses())
def test_color_output_has_only_rich_styling_escapes(analysis: Analysis) -> None:
    output = SGR.sub("", render_text(analysis, width=80, color=True))
    assert UNSAFE_TERMINAL_CHARACTERS.search(output) is None


@settings(max_examples=60, deadline=None)
@given(hostile_analyses())
def test_markdown_cannot_smuggle_images_links_html_or_structure(analysis: Analysis) -> None:
    markdown = render_markdown(analysis)
    assert UNSAFE_TERMINAL_CHARACTERS.search(markdown) is None
    for token in ("](http", "![", "<img", "<a ", "<http"):
        assert not _unescaped(markdown, token), token
    assert re.search(r"(?i)(https?|ftp):", markdown) is None
    assert re.search(r"(?i)www\.", markdown) is None
    html = HTML_RENDERER.render(markdown)
    assert "<img" not in html
    assert "<a " not in html
    assert html.count("<h2>") == 3
    assert html.count("<h3>") == len(analysis.actors) + len(analysis.contradictions)
    assert html.count("<table>") == len(analysis.contradictions)
    assert html.count("<tr>") == 3 * len(analysis.contradictions)
    assert set(re.findall(r"<(\w+)", html)) <= ALLOWED_HTML_TAGS
    assert html.count("<ol>") == len(analysis.summary)
    # A statement that merely copies its evidence is shown as the quote alone, without a nested list.
    quoted_apart = [claim for claim in analysis.claims if not restates_evidence(claim)]
    claim_lists = len({claim.actor_id for claim in analysis.claims})
    assert html.count("<ul>") == 1 + claim_lists + len(quoted_apart)
    header_items = 3 + len(analysis.run.notices)
    evidence_items = sum(len(claim.evidence) for claim in quoted_apart)
    expected_items = header_items + len(analysis.summary) + len(analysis.claims) + evidence_items
    assert html.count("<li>") == expected_items


@settings(max_examples=40, deadline=None)
@given(hostile_analyses())
def test_json_round_trips_and_has_no_raw_terminal_controls(analysis: Analysis) -> None:
    document = render_json(analysis)
    assert UNSAFE_TERMINAL_CHARACTERS.search(document) is None
    assert Analysis.model_validate_json(document) == analysis
