"""Statements with nothing true or false in them: sympathy, condolence, prayer, a wish or thanks.

The gold guide leaves them out ("Expressions of thanks, sympathy or condolence are not propositions and
are not labeled", `seeds/test/README.md`); the 1.5B gives them as claims ("Prime Minister Narendra Modi
tweeted 'Deeply saddened by the loss of lives' and offered condolences", "May the injured recover
soon."). A statement made of such words only (no figure, no speech or clause reported beside them, at
most `MAX_WORDS` words) is no claim. English statements only.
"""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.pipeline.trace import Rule

MAX_WORDS = 40
"""A longer statement says more than its sympathy."""

SYMPATHY_ONLY = Rule(
    "propositions.sympathy_only",
    'A statement of sympathy, condolence, prayer, a wish or thanks alone ("offered condolences to the '
    'families", "Let\'s all pray for Mayor Adamowicz", "May the injured recover soon") states nothing '
    'true or false: no claim. It keeps a figure or a report beside it ("said", "saying", "that") '
    "and at most `max_words` words; English statements only.",
    {"max_words": MAX_WORDS},
)
RULES = (SYMPATHY_ONLY,)

_SYMPATHY = re.compile(english.SYMPATHY_CUES, re.IGNORECASE)
_SAYS_MORE = re.compile(english.SYMPATHY_CLAIM_CUES, re.IGNORECASE)


def sympathy_only(statement: str) -> bool:
    """Whether the statement only expresses sympathy, condolence, prayer, a wish or thanks."""
    return (
        _SYMPATHY.search(statement) is not None
        and _SAYS_MORE.search(statement) is None
        and len(statement.split()) <= MAX_WORDS
    )
