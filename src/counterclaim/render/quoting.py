"""The article's own words set in quotation marks, in the text, Markdown, HTML and eval outputs.

Evidence is shown between curly double marks. When the article's words themselves open or close with
a double mark (a sentence that opens a quotation), the outer marks are single curly ones instead, so
the marks the tool adds never stand doubled beside the article's own ("““So far, ...").
"""

from __future__ import annotations

DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
"""Double quotation marks (straight, curly, low, guillemets) an article's words may open or close with."""

_SINGLE = ("\u2018", "\u2019")
_DOUBLE = ("\u201c", "\u201d")


def ends_with_double_mark(article_words: str) -> bool:
    """Whether the words open or close with a double quotation mark of their own."""
    stripped = article_words.strip()
    return stripped[:1] in DOUBLE_MARKS or stripped[-1:] in DOUBLE_MARKS


def in_quotation_marks(article_words: str) -> str:
    """`article_words` between quotation marks that cannot be confused with the words' own."""
    opening, closing = _SINGLE if ends_with_double_mark(article_words) else _DOUBLE
    return f"{opening}{article_words}{closing}"
