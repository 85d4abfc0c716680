"""Escaping untrusted text (article words, model output) so Markdown shows it literally.

The goal is that nothing in the content can turn into an image, a link, raw HTML, a heading, a list,
a table cell boundary or any other Markdown construct; the target dialects are CommonMark and
GitHub-flavoured Markdown (GFM).

How:
- the text is made terminal-safe (`safe_terminal_text`) and its whitespace collapsed to single
  spaces, so it can never start a new line (and so never a new block) on its own;
- every Markdown-active ASCII punctuation character gets a backslash escape (CommonMark allows a
  backslash before any ASCII punctuation and renders the bare character);
- a leading list marker (`-`, `+`, `1.`, `1)`) is escaped, for text placed at the start of a block;
- GFM "extended autolinks" are broken by escaping the character that triggers them: the colon of
  `http:`, `https:` and `ftp:` (`http\\://`) and the dot of `www.` (`www\\.`). We chose backslash
  escapes over zero-width characters or backticks because they render as exactly the original
  text, survive copy-and-paste, and do not open code spans.
"""

from __future__ import annotations

import re

from counterclaim.render.terminal_safety import single_line

MARKDOWN_ACTIVE = frozenset("\\`*_[]()!<>#|~&$@{}")
"""Characters that always get a backslash escape (`&` stops entities, `@` stops GFM email autolinks)."""

_URL_SCHEME = re.compile(r"(?i)(https?|ftp):")
_WWW = re.compile(r"(?i)(www)\.")
_LEADING_LIST_MARKER = re.compile(r"^(\d{1,9})([.)])|^([-+=])")


def escape_markdown(s: str) -> str:
    """`s` as one line of Markdown text that renders literally (see the module docstring)."""
    escaped = "".join(f"\\{ch}" if ch in MARKDOWN_ACTIVE else ch for ch in single_line(s))
    escaped = _LEADING_LIST_MARKER.sub(_escape_list_marker, escaped)
    escaped = _URL_SCHEME.sub(r"\1\\:", escaped)
    return _WWW.sub(r"\1\\.", escaped)


def _escape_list_marker(match: re.Match[str]) -> str:
    if match.group(3) is not None:
        return f"\\{match.group(3)}"
    return f"{match.group(1)}\\{match.group(2)}"
