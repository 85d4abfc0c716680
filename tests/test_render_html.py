"""The HTML report without a browser: the page's structure, its policy, and that no article or model
text can become markup (parsed back with the standard library's HTML parser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.errors import ArticleMismatchError
from counterclaim.models import Span
from counterclaim.render import render
from counterclaim.render.html import PALETTE_SIZE, render_html
from counterclaim.render.html_escape import shown_html
from counterclaim.render.html_page import STYLE_FILE, asset, csp_hash
from counterclaim.render.html_segments import Marked, segments
from html_fixtures import FOUNDING_ID, HOSTILE_ARTICLE, hostile_analysis, recorded_analyses, seed_texts
from render_fixtures import HANDMADE_ARTICLE, handmade_analysis

OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "p", "span", "main",
    "section", "ol", "ul", "li", "button", "article", "div", "q", "aside", "footer", "dl", "dt", "dd",
    "details", "summary", "strong", "br", "mark", "script",
}  # fmt: skip


class PageParts(HTMLParser):
    """Tags, attributes, inline style and script, and the text of `#article`, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.style = ""
        self.script = ""
        self.article = ""
        self._inside: list[str] = []
        self._article_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)
        if tag not in ("meta", "br"):
            self._inside.append(tag)
            if ("id", "article") in attrs:
                self._article_depth = len(self._inside)

    def handle_endtag(self, tag: str) -> None:
        if self._inside and self._inside[-1] == tag:
            if self._article_depth == len(self._inside):
                self._article_depth = None
            self._inside.pop()

    def handle_data(self, data: str) -> None:
        where = self._inside[-1] if self._inside else ""
        if where == "style":
            self.style += data
        elif where == "script":
            self.script += data
        if self._article_depth is not None:
            self.article += data


def parts(page: str) -> PageParts:
    parser = PageParts()
    parser.feed(page)
    parser.close()
    return parser


def test_the_policy_allows_exactly_the_inline_style_and_script() -> None:
    page = render_html(recorded_analyses()[FOUNDING_ID], seed_texts()[FOUNDING_ID])
    found = parts(page)
    policy = next(
        value for tag, name, value in found.attributes if tag == "meta" and value and "default-src" in value
    )
    assert policy.startswith("default-src 'none';")
    assert f"style-src {csp_hash(found.style)};" in policy
    assert f"script-src {csp_hash(found.script)};" in policy
    assert "unsafe" not in policy
    assert found.tags.count("style") == 1 and found.tags.count("script") == 1
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<style>")


def test_a_hostile_article_and_model_answer_become_text_not_markup() -> None:
    page = render_html(hostile_analysis(), HOSTILE_ARTICLE)
    found = parts(page)
    assert set(found.tags) <= OUR_TAGS
    assert found.tags.count("script") == 1 and found.tags.count("style") == 1
    assert not [name for _, name, _ in found.attributes if name.startswith("on")]
    links = [value for tag, name, value in found.attributes if name in ("href", "src")]
    assert all(value is not None and value.startswith("#") for value in links)
    assert found.article == HOSTILE_ARTICLE  # every character kept, the CR LF of a Windows file too
    assert "window.__pwned" not in found.script


def test_shown_html_isolates_and_shows_invisible_characters() -> None:
    shown = str(shown_html("a\u202eb\u202cc\r\nd"))
    assert shown == (
        'a<span class="ctl" data-code="U+202E" title="invisible: U+202E">\u202e</span>b'
        '<span class="ctl" data-code="U+202C" title="invisible: U+202C">\u202c</span>c&#13;\nd'
    )


@given(st.text(alphabet=st.characters(blacklist_characters="\x00")))
def test_any_text_comes_back_as_the_same_text_and_no_other_markup(text: str) -> None:
    """NUL is left out: no article holds one (the reader refuses it) and parsers replace it."""
    found = PageParts()
    found.feed(f'<div id="article">{shown_html(text)}</div>')
    found.close()
    assert found.article == text
    assert set(found.tags) <= {"div", "span"}
    span_attributes = [(name, value) for tag, name, value in found.attributes if tag == "span"]
    assert {name for name, _ in span_attributes} <= {"class", "data-code", "title"}
    assert all(value == "ctl" for name, value in span_attributes if name == "class")


stretch = st.tuples(st.integers(-3, 40), st.integers(-3, 40), st.integers(0, 5))


@given(st.text(max_size=30), st.lists(stretch, max_size=8))
def test_segments_give_back_the_text_and_the_marks_covering_each_piece(
    text: str, raw: list[tuple[int, int, int]]
) -> None:
    stretches = [Marked(start, end, mark) for start, end, mark in raw]
    pieces = segments(text, stretches)
    assert "".join(piece.text for piece in pieces) == text
    assert all(piece.start < piece.end for piece in pieces)
    for piece in pieces:
        covering = [
            s.mark for s in stretches if max(0, s.start) <= piece.start and piece.end <= min(len(text), s.end)
        ]
        starting = [
            s.mark
            for s in stretches
            if max(0, s.start) == piece.start and min(len(text), s.end) > max(0, s.start)
        ]
        assert list(piece.marks) == covering
        assert list(piece.starts) == starting


def test_the_html_format_needs_the_article_and_checks_it() -> None:
    analysis = handmade_analysis()
    with pytest.raises(ValueError, match="article"):
        render(analysis, "html")
    assert "<mark" in render(analysis, "html", article=HANDMADE_ARTICLE)
    first = analysis.claims[0].evidence[0].start
    changed = HANDMADE_ARTICLE[:first] + "#" + HANDMADE_ARTICLE[first + 1 :]
    with pytest.raises(ArticleMismatchError):
        render(analysis, "html", article=changed)


def test_a_claim_with_spans_that_overlap_another_claims_is_cut_into_shared_pieces() -> None:
    analysis = handmade_analysis()
    first = analysis.claims[0]
    words = first.evidence[0].text
    inner = Span(start=first.evidence[0].start + 4, end=first.evidence[0].start + 10, text=words[4:10])
    other = analysis.claims[-1].model_copy(update={"evidence": [inner]})
    overlapping = analysis.model_copy(update={"claims": [*analysis.claims[:-1], other]})
    found = parts(render_html(overlapping, HANDMADE_ARTICLE))
    shared = [value for tag, name, value in found.attributes if tag == "mark" and name == "data-ev"]
    last = len(overlapping.claims) - 1
    assert f"0.0 {last}.0" in shared or f"{last}.0 0.0" in shared
    assert found.article == HANDMADE_ARTICLE


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_actor_colour_keeps_text_readable() -> None:
    """WCAG AA (4.5:1) for the article's dark ink on each highlight and for the white label text on
    each label colour; the second actor's underline of shared words is that actor's label colour.
    axe checks the rendered page; it cannot see the labels, which are CSS-generated text."""
    css = asset(STYLE_FILE)
    ink = re.search(r"--ink: (#[0-9a-f]{6})", css)
    assert ink is not None
    palette = re.findall(r"\.actor-(\d+) \{ --bg: (#[0-9a-f]{6}); --fg: (#[0-9a-f]{6}); \}", css)
    assert [int(number) for number, _, _ in palette] == list(range(PALETTE_SIZE))
    for _, background, label in palette:
        assert contrast(ink.group(1), background) >= 4.5
        assert contrast("#ffffff", label) >= 4.5
    underlines = re.findall(r"\.under-(\d+) \{ --under: (#[0-9a-f]{6}); \}", css)
    assert underlines == [(number, label) for number, _, label in palette]


def test_the_templates_are_package_resources() -> None:
    """Read through importlib.resources, as from an installed wheel (not from the source tree)."""
    folder = resources.files("counterclaim.render") / "templates"
    for name in ("page.html.j2", "analysis.html.j2", "eval_run.html.j2", "eval_compare.html.j2"):
        assert (folder / name).is_file()
    assert asset("analysis.js").startswith('"use strict";')
    assert "</script" not in asset("analysis.js").lower()
