"""Whether a text is English, judged in code from function words (no language model involved).

Used to tell an English article from a translated one (the reporting-cue check is English-only) and to
notice a claim statement the model left in the article's language instead of translating it.
"""

from __future__ import annotations

import re

from counterclaim.text.keywords import STOPWORDS

# Function words of the languages translated news most often comes from (Spanish, Portuguese,
# French, German, Indonesian), leaving out words English shares ("a", "no", "in", "die").
FOREIGN_FUNCTION_WORDS = frozenset(
    """de en el la los las del y que por con una un para es se lo le les des du et est une qui dans pour pas
    sur der das und ist nicht ein eine mit zu von dem auf da do dos das os em um uma não com ao pelo
    pela yang dan di ke dari itu ini dengan untuk tidak akan telah mengatakan""".split()
)
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


# Frequent function words that mark one language among those above (a word common to two is listed
# under both; the language with most hits wins).
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "Spanish": "el los las del y que por con una para es se lo al como más pero sus su fue ha han",
        "Portuguese": "dos das os em um uma não com ao pelo pela que para é se foi são mais na",
        "French": "le les des du et est une qui dans pour pas sur au aux ce il elle ont été",
        "German": "der das und ist nicht ein eine mit zu von dem auf den sich des im für",
        "Indonesian": "yang dan di ke dari itu ini dengan untuk tidak akan telah pada dalam oleh adalah",
    }.items()
}
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
