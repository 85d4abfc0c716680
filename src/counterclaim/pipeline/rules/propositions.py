"""Statements with nothing true or false in them: sympathy, condolence, prayer, a wish or thanks.

The gold guide leaves them out ("Expressions of thanks, sympathy or condolence are not propositions and
are not labeled", `seeds/test/README.md`); the 1.5B gives them as claims ("Prime Minister Narendra Modi
tweeted 'Deeply saddened by the loss of lives' and offered condolences", "May the injured recover
soon."). A statement made of such words only is no claim (`sympathy_only`). English statements only.
"""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.pipeline.trace import Rule
from counterclaim.text.frames import point_of

MAX_WORDS = 25
"""A longer statement says more than its sympathy."""
_FRAME_WORDS = 8
"""A clause that frames the words is short: a name and its verb of saying."""

SYMPATHY_ONLY = Rule(
    "propositions.sympathy_only",
    'A statement of sympathy, condolence, prayer, a wish or thanks alone ("offered condolences to the '
    'families", "May the injured recover soon") states nothing true or false: no claim. Alone: '
    "without its attribution frame, every clause (parted at commas and at and, but, while, after, ...) "
    'holds such words, and it has no figure, no speech reported beside them ("said", "that"), no '
    'negation and no word that makes the sympathy its topic ("denied", "dismissed", "strikes"), '
    "at most `max_words` words; English statements only.",
    {"max_words": MAX_WORDS},
)
RULES = (SYMPATHY_ONLY,)

_SYMPATHY = re.compile(english.SYMPATHY_CUES, re.IGNORECASE)
_SAYS_MORE = re.compile(english.SYMPATHY_CLAIM_CUES, re.IGNORECASE)
_CLAUSE_BREAK = re.compile(english.SYMPATHY_CLAUSE_BREAK, re.IGNORECASE)


def sympathy_only(statement: str) -> bool:
    """Whether the statement only expresses sympathy, condolence, prayer, a wish or thanks."""
    point = re.sub(r"thoughts\s+and\s+prayers", "prayers", point_of(statement), flags=re.IGNORECASE)
    if len(point.split()) > MAX_WORDS or _SAYS_MORE.search(point) is not None:
        return False
    clauses = [clause for clause in _CLAUSE_BREAK.split(point) if clause and _has_words(clause)]
    said = [clause for clause in clauses if not _names_or_frames(clause)]
    return bool(said) and all(_SYMPATHY.search(clause) is not None for clause in said)


def _has_words(clause: str) -> bool:
    return any(ch.isalnum() for ch in clause)


def _names_or_frames(clause: str) -> bool:
    """Whether a clause only names someone ("Mr President") or frames the words ("Joachim Brudziński
    tweeted"): it says nothing of its own."""
    words = [w.strip("\"'\u201c\u201d\u2018\u2019.!?") for w in clause.split()]
    words = [w for w in words if w]
    if all(w[:1].isupper() for w in words):
        return True
    return len(words) <= _FRAME_WORDS and words[-1].casefold() in english.REPORTING_VERBS
