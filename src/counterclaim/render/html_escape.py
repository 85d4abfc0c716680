"""Untrusted text (article words, model output, dataset fields) made inert for an HTML page.

`shown_html(text)` escapes every character HTML gives a meaning to (`&`, `<`, `>`, `"`, `'`) with the
standard library's `html.escape`, so no tag, attribute, entity or comment can come out of the text.
Characters a reader cannot see and that can change what is displayed (bidirectional overrides and
isolates, zero-width characters, Unicode tag characters, control characters: the set `sanitize`
removes before a model reads the text) are kept, so the page's text still equals the article's,
but each run of them is wrapped in its own isolating element (`<span class="ctl">`, CSS
`unicode-bidi: isolate`): an override then ends inside that element and cannot reorder the text
around it, and the element shows a visible marker (`U+202E`) instead of nothing. A carriage return
is written as the character reference `&#13;`, because an HTML parser turns a raw one into a line
feed and the page's text would no longer equal the article.

`attribute_text(text)` is for attribute values and the page title, where markup cannot go: the
invisible characters are removed (the template engine escapes the rest).
"""

from __future__ import annotations

import html

from markupsafe import Markup

from counterclaim.io.sanitize import INVISIBLE_CHARACTERS

MARKED_CODES_SHOWN = 3
"""A run of at most this many invisible characters is shown by their code points; longer runs by count."""


def shown_html(text: str) -> Markup:
    """`text` as inert HTML: escaped, invisible characters kept but isolated and made visible."""
    parts: list[str] = []
    position = 0
    for run in INVISIBLE_CHARACTERS.finditer(text):
        parts.append(_escaped(text[position : run.start()]))
        parts.append(_marked(run.group(0)))
        position = run.end()
    parts.append(_escaped(text[position:]))
    return Markup("".join(parts))


def attribute_text(text: str) -> str:
    """`text` without invisible characters, for an attribute value (the caller escapes it)."""
    return INVISIBLE_CHARACTERS.sub("", text)


def _escaped(text: str) -> str:
    return html.escape(text, quote=True)


def _marked(run: str) -> str:
    if not run.strip("\r"):  # line endings of a Windows file: kept exactly, shown as line breaks
        return "&#13;" * len(run)
    codes = [f"U+{ord(character):04X}" for character in run]
    if len(codes) <= MARKED_CODES_SHOWN:
        label = " ".join(codes)
    else:
        label = f"{len(codes)} hidden characters from {codes[0]}"
    inner = _escaped(run).replace("\r", "&#13;")
    return (
        f'<span class="ctl" data-code="{_escaped(label)}" title="invisible: {_escaped(label)}">{inner}</span>'
    )


def first_words(text: str, limit: int = 80) -> str:
    """The first non-empty line of `text`, cut to `limit` characters (for a page title)."""
    line = next((stripped for stripped in (raw.strip() for raw in text.splitlines()) if stripped), "")
    line = " ".join(attribute_text(line).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
