"""Statements in English: a statement code still finds in the article's language is translated by a
second, bounded request, and the translation replaces it only when it reads as English."""

from __future__ import annotations

from counterclaim.pipeline.trace import Rule

TRANSLATED = Rule(
    "translation.translated",
    "A statement still in the article's language (more foreign than English function words) is "
    "replaced by its translation.",
)
STILL_FOREIGN = Rule(
    "translation.still_foreign",
    "A translation that still reads as the article's language is not used; the statement stays as it was.",
)
RULES = (TRANSLATED, STILL_FOREIGN)
