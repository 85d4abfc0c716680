"""Denials that point back at something said before: "denied the allegations", "dismissed the story".

A rebuttal in news often names no content of its own: "Both Britain and the opposition quickly denied
the allegations", "a spokesman dismissed the story", "Nega disputes that", "the claims are a lie". It
shares no content word with the claim it answers, so ranking pairs by shared words never pairs the
two. Code can still see that such a sentence answers something reported earlier: a denial word
followed closely by a word that refers back (the allegations, the story, that), or such a reference
called a lie. General English news phrasing, not tuned to any article.
"""

from __future__ import annotations

import re

from counterclaim.language import english

_DENIAL_VERB = english.DENIAL_VERB_PATTERN
_REFERRED = english.REFERRED_SAYING_PATTERN
_POINTER = english.POINTER_PATTERN
_PATTERNS = (
    # "denied the allegations", "dismissed the report as ...", "rejected those claims outright"
    re.compile(
        rf"\b{_DENIAL_VERB}\s+(?:\w+\s+){{0,2}}?{_POINTER}\s+(?:[\w'\u2019-]+\s+)?{_REFERRED}\b",
        re.IGNORECASE,
    ),
    # "disputes that," / "denied it." (the pronoun alone, closing a clause)
    re.compile(rf"\b{_DENIAL_VERB}\s+(?:that|this|it)\s*[,.;:\u2014-]", re.IGNORECASE),
    # "the claims are a lie", "the report was false"
    re.compile(
        rf"\b{_POINTER}\s+(?:[\w'\u2019-]+\s+)?{_REFERRED}\s+(?:are|is|was|were)\s+(?:a\s+|an\s+|all\s+)?"
        rf"{english.DISMISSAL_PATTERN}\b",
        re.IGNORECASE,
    ),
)


def denies_something_said(text: str) -> bool:
    """Whether the text denies or dismisses something it only refers back to ("the allegations")."""
    flat = " ".join(text.split())
    return any(pattern.search(flat) for pattern in _PATTERNS)
