"""Whether a text is English, judged in code from function words (no language model involved).

Used to tell an English article from a translated one (the reporting-cue check is English-only) and to
notice a claim statement the model left in the article's language instead of translating it.
"""

from __future__ import annotations

import re

from counterclaim.text.function_words import FOREIGN_FUNCTION_WORDS, LANGUAGE_MARKERS, STOPWORDS

_SHARED_FUNCTION_WORDS = frozenset("a an no as do die in so me he on to".split())
ENGLISH_FUNCTION_WORDS = STOPWORDS - _SHARED_FUNCTION_WORDS - FOREIGN_FUNCTION_WORDS
_WORD = re.compile(r"\w+")


def looks_foreign(text: str) -> bool:
    """Whether the text has more foreign than English function words.

    A line with neither ("Ferries leave every 40 minutes until 19:55") counts as English.
    """
    words = _WORD.findall(text.casefold())
    foreign = sum(word in FOREIGN_FUNCTION_WORDS for word in words)
    english = sum(word in ENGLISH_FUNCTION_WORDS for word in words)
    return foreign > english


def looks_english(text: str) -> bool:
    """The opposite of `looks_foreign`."""
    return not looks_foreign(text)


MIN_MARKERS = 3


def likely_language(text: str) -> str | None:
    """The English name of a non-English text's language among `LANGUAGE_MARKERS` (None when the text
    looks English, or the language is unclear).

    Told the source language, a small model translates short items (names, titles) it would otherwise
    copy unchanged.
    """
    if looks_english(text):
        return None
    words = _WORD.findall(text.casefold())
    hits = sorted(
        ((sum(word in markers for word in words), name) for name, markers in LANGUAGE_MARKERS.items()),
        reverse=True,
    )
    (best, language), (second, _) = hits[0], hits[1]
    return language if best >= MIN_MARKERS and best > second else None
