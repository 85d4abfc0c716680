"""Turning an HTML page into article text: visible prose only, paragraphs kept apart.

Dropped: scripts, styles, ``<head>``, navigation, page furniture, forms, embedded
graphics, and every element the page hides (``hidden``, ``aria-hidden="true"``,
``display:none`` / ``visibility:hidden`` in the ``style`` attribute). Hidden text is a
classic carrier for instructions aimed at language models, so it never reaches one.

When the page marks its content with ``<article>`` or ``<main>``, that content wins over
the rest of the body (see ``_choose_content``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import IntEnum
from html.parser import HTMLParser

from counterclaim.errors import InputError

# Elements whose whole content is never article text.
_DROPPED_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "object",
        "canvas",
        "audio",
        "video",
        "dialog",
    }
)

# Elements that never have content or an end tag.
_VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

# Elements that start and end a paragraph of their own.
_PARAGRAPH_ELEMENTS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    }
)

# Elements that sit on a line of their own without a blank line around them.
_LINE_ELEMENTS = frozenset({"li", "dt", "dd", "tr", "option"})

# Table cells are separated by a space on their row.
_CELL_ELEMENTS = frozenset({"td", "th"})

# An open <p> is closed implicitly when one of these starts (a simplified HTML rule).
_CLOSES_OPEN_P = _PARAGRAPH_ELEMENTS - {"body", "html"}

# Content regions that are preferred over the whole body.
_CONTENT_REGIONS = frozenset({"article", "main"})

# The share of all visible text a region needs before it is trusted to be the article.
_MIN_REGION_SHARE = 0.25

_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)
_BODY_TAG = re.compile(r"<body[\s>]", re.I)
_BLOCK_OPEN_TAG = re.compile(
    r"<(?:p|div|article|section|main|h[1-6]|ul|ol|li|table|blockquote|figure|header)(?:\s[^<>]*)?>", re.I
)
_BLOCK_CLOSE_TAG = re.compile(
    r"</(?:p|div|article|section|main|h[1-6]|ul|ol|li|table|blockquote|figure|header)\s*>", re.I
)
_MIN_BLOCK_OPEN_TAGS = 3
_MIN_BLOCK_CLOSE_TAGS = 2

_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_UNFINISHED_MARKUP = re.compile(r"<[a-zA-Z/!?]")
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f\xa0]+")
# html.parser raises AssertionError on "<![" sections other than CDATA / if / endif.
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[|if\b|endif\b)", re.I)


class _Break(IntEnum):
    NONE = 0
    LINE = 1
    PARAGRAPH = 2


_BREAK_TEXT = {_Break.NONE: "", _Break.LINE: "\n", _Break.PARAGRAPH: "\n\n"}


def looks_like_html(text: str) -> bool:
    """True when text is an HTML document or fragment rather than prose or Markdown.

    A document start (``<!doctype html``, ``<html``) or a ``<body>`` tag decides it; otherwise
    several opening block tags plus some closing ones are needed, so Markdown with a stray
    inline tag stays Markdown.
    """
    if _DOCUMENT_START.match(_skip_leading_comments(text)) or _BODY_TAG.search(text):
        return True
    opening = sum(1 for _ in zip(range(_MIN_BLOCK_OPEN_TAGS), _BLOCK_OPEN_TAG.finditer(text), strict=False))
    if opening < _MIN_BLOCK_OPEN_TAGS:
        return False
    closing = sum(1 for _ in zip(range(_MIN_BLOCK_CLOSE_TAGS), _BLOCK_CLOSE_TAG.finditer(text), strict=False))
    return closing >= _MIN_BLOCK_CLOSE_TAGS


def _skip_leading_comments(text: str) -> str:
    """Text after leading whitespace and HTML comments (saved pages often start with one)."""
    position = 0
    while True:
        while position < len(text) and (text[position].isspace() or text[position] == "\ufeff"):
            position += 1
        if not text.startswith("<!--", position):
            return text[position:]
        comment_end = text.find("-->", position + 4)
        if comment_end < 0:
            return ""
        position = comment_end + 3


def html_to_text(html: str) -> str:
    """The visible article text of an HTML page, with blank lines between paragraphs.

    Raises InputError only if the markup cannot be parsed at all.
    """
    parser = _VisibleTextParser()
    try:
        parser.feed(_MARKED_SECTION.sub("&lt;![", html))
        if _UNFINISHED_MARKUP.match(parser.rawdata):
            # html.parser would emit an unclosed "<!-- ..." or "<a title='..." as text at the end;
            # browsers show none of it, and it may be exactly what a page meant to hide.
            parser.rawdata = ""
        parser.close()
    except AssertionError as error:  # html.parser's way of rejecting malformed markup
        raise InputError(f"input looked like HTML but could not be parsed: {error}") from error
    return _choose_content(parser)


@dataclass
class _OpenElement:
    tag: str
    dropped: bool
    region: _Region | None = None


class _TextBuffer:
    """Text pieces and block boundaries, joined and tidied once at the end.

    A boundary is a pending break: consecutive boundaries merge into the strongest one, so
    ``</li><li>`` gives one line break and ``</p><p>`` one blank line, never more.
    """

    def __init__(self) -> None:
        self.pieces: list[str | _Break] = []

    def add(self, piece: str | _Break) -> None:
        self.pieces.append(piece)

    def text(self) -> str:
        parts: list[str] = []
        pending = _Break.NONE
        for piece in self.pieces:
            if isinstance(piece, _Break):
                pending = max(pending, piece)
            elif pending and not piece.strip(" "):
                continue  # source indentation between two blocks
            else:
                if pending:
                    parts.append(_BREAK_TEXT[pending])
                    pending = _Break.NONE
                elif piece.startswith(" ") and parts and parts[-1].endswith(" "):
                    piece = piece[1:]  # "a " + " b" around an inline tag or a table cell
                parts.append(piece)
        return _tidy("".join(parts))


class _Region(_TextBuffer):
    """The text of one <article> or <main> element (nested ones of the same kind included)."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag


class _VisibleTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.everything = _TextBuffer()
        self.articles: list[_Region] = []
        self.mains: list[_Region] = []
        self._open: list[_OpenElement] = []
        self._open_counts: Counter[str] = Counter()  # avoids rescanning a deep stack of unclosed tags
        self._dropped_depth = 0
        self._active_regions: list[_Region] = []
        self._preformatted_depth = 0

    # --- html.parser callbacks -------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_OPEN_P and self._open and self._open[-1].tag == "p":
            self._close_top()
        if tag in _LINE_ELEMENTS and self._open and self._open[-1].tag == tag:
            self._close_top()
        if tag in _VOID_ELEMENTS:
            self._void_element(tag, attrs)
            return
        dropped = tag in _DROPPED_ELEMENTS or _is_hidden(attrs)
        element = _OpenElement(tag=tag, dropped=dropped)
        self._open.append(element)
        self._open_counts[tag] += 1
        if dropped:
            self._dropped_depth += 1
            return
        if tag == "pre":
            self._preformatted_depth += 1
        if tag in _CONTENT_REGIONS and not any(region.tag == tag for region in self._active_regions):
            element.region = _Region(tag)
            (self.articles if tag == "article" else self.mains).append(element.region)
            self._active_regions.append(element.region)
        self._emit_break_for(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_ELEMENTS:
            self._void_element(tag, attrs)
        # A self-closed non-void element (<div/>) has no content; nothing to emit.

    def handle_endtag(self, tag: str) -> None:
        if not self._open_counts[tag]:
            if tag == "p":  # a stray </p> still ends a paragraph in browsers
                self._emit(_Break.PARAGRAPH)
            return
        while self._open:
            closed = self._close_top()
            if closed.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._dropped_depth:
            return
        if self._preformatted_depth:
            self._emit(data.replace("\xa0", " "))
        else:
            self._emit(_HTML_WHITESPACE.sub(" ", data))

    # --- helpers ---------------------------------------------------------------------------

    def _void_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _is_hidden(attrs):
            return
        if tag == "br":
            self._emit("\n")  # a hard break: two <br> in a row make a blank line
        elif tag == "hr":
            self._emit(_Break.PARAGRAPH)

    def _close_top(self) -> _OpenElement:
        element = self._open.pop()
        self._open_counts[element.tag] -= 1
        if element.dropped:
            self._dropped_depth -= 1
            return element
        self._emit_break_for(element.tag)
        if element.tag == "pre":
            self._preformatted_depth -= 1
        if element.region is not None:
            self._active_regions.remove(element.region)
        return element

    def _emit_break_for(self, tag: str) -> None:
        if tag in _PARAGRAPH_ELEMENTS:
            self._emit(_Break.PARAGRAPH)
        elif tag in _LINE_ELEMENTS:
            self._emit(_Break.LINE)
        elif tag in _CELL_ELEMENTS:
            self._emit(" ")

    def _emit(self, piece: str | _Break) -> None:
        if self._dropped_depth:
            return
        self.everything.add(piece)
        for region in self._active_regions:
            region.add(piece)


def _is_hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
        if name == "style" and value and _HIDING_STYLE.search(value):
            return True
    return False


def _tidy(raw: str) -> str:
    """Trim every line, keep at most one blank line in a row, trim the whole text."""
    lines = [line.strip(" ") for line in raw.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    return "\n".join(tidy).strip()


def _choose_content(parser: _VisibleTextParser) -> str:
    """The longest <article> if it holds a fair share of the page, else <main>, else everything.

    Pages list related stories or comments in small <article> elements too, so an article
    region only wins when it is substantial compared with all visible text.
    """
    everything = parser.everything.text()
    total = max(len(everything), 1)
    articles = [buffer.text() for buffer in parser.articles]
    if articles:
        longest = max(articles, key=len)
        if len(longest) >= _MIN_REGION_SHARE * total:
            return longest
    mains = [text for text in (buffer.text() for buffer in parser.mains) if text]
    if mains:
        joined = "\n\n".join(mains)
        if len(joined) >= _MIN_REGION_SHARE * total:
            return joined
    return everything
