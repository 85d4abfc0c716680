"""Credit lines: the note at the foot of a wire story that says who helped write it, and the credit that
closes a photo's caption.

"Some information for this report was provided by AFP and Reuters.", "Reporting by Jane Doe; Editing by
John Roe", "Associated Press writer Jane Doe contributed to this report." Such a line names where the
reporting came from; it is no one's claim, so no step turns it into one or asks the model about it.
A wire service named in a sentence ("..., Reuters reported") credits the report in the same way.

A line that ends with a photo credit ("Protesters at the march. Image: Andrew Gray.", "Fire in the
frame of Notre Dame. Image: LeLaisserPasserA38.", "... Photo: AP") is a photo's caption: it describes a
picture, and whatever it quotes (a banner's slogan) is no one's claim in the story.
"""

from __future__ import annotations

import re

from counterclaim.language import english

_CREDIT = re.compile(english.CREDIT_LINE_PATTERN, re.IGNORECASE | re.VERBOSE)
_PHOTO_CREDIT = re.compile(english.PHOTO_CREDIT_PATTERN, re.MULTILINE)


def is_credit_line(sentence: str) -> bool:
    """Whether the sentence credits the people or agencies behind the report rather than reporting."""
    return _CREDIT.search(" ".join(sentence.split())) is not None


def is_news_agency(name: str) -> bool:
    """Whether the phrase is only a wire service's name ("Reuters", "the Associated Press"; not
    "France")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return " ".join(words).removeprefix("the ") in english.NEWS_AGENCIES


def caption_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines of `text` that close with a photo credit: captions."""
    spans = []
    for credit in _PHOTO_CREDIT.finditer(text):
        start = text.rfind("\n", 0, credit.start()) + 1
        spans.append((start, credit.end()))
    return spans
