"""Whether a text is English, judged in code from function words (no language model involved).

Used to tell an English article from a translated one (the reporting-cue check is English-only) and to
notice a claim statement the model left in the article's language instead of translating it.
"""

from __future__ import annotations

from counterclaim.language import english, other_languages
from counterclaim.language.tokens import word_runs

ENGLISH_FUNCTION_WORDS = (
    english.FUNCTION_WORDS - other_languages.WORDS_SHARED_WITH_ENGLISH - other_languages.FUNCTION_WORDS
)
"""English function words no other language known here uses."""


def _words(text: str) -> list[str]:
    return word_runs(text.casefold())


def looks_foreign(text: str) -> bool:
    """Whether the text has more foreign than English function words.

    A line with neither ("Ferries leave every 40 minutes until 19:55") counts as English.
    """
    words = _words(text)
    foreign = sum(word in other_languages.FUNCTION_WORDS for word in words)
    english_count = sum(word in ENGLISH_FUNCTION_WORDS for word in words)
    return foreign > english_count


def looks_english(text: str) -> bool:
    """The opposite of `looks_foreign`."""
    return not looks_foreign(text)


MIN_MARKERS = 3


def likely_language(text: str) -> str | None:
    """The English name of a non-English text's language among `other_languages.LANGUAGE_MARKERS`
    (None when the text looks English, or the language is unclear).

    Told the source language, a small model translates short items (names, titles) it would otherwise
    copy unchanged.
    """
    if looks_english(text):
        return None
    words = _words(text)
    hits = sorted(
        (
            (sum(word in markers for word in words), name)
            for name, markers in other_languages.LANGUAGE_MARKERS.items()
        ),
        reverse=True,
    )
    (best, language), (second, _) = hits[0], hits[1]
    return language if best >= MIN_MARKERS and best > second else None
