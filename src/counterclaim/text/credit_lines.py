"""Credit lines: the note at the foot of a wire story that says who helped write it.

"Some information for this report was provided by AFP and Reuters.", "Reporting by Jane Doe; Editing by
John Roe", "Associated Press writer Jane Doe contributed to this report." Such a line names where the
reporting came from; it is no one's claim, so no step turns it into one or asks the model about it.
A wire service named in a sentence ("..., Reuters reported") credits the report in the same way.
"""

from __future__ import annotations

import re

from counterclaim.language import english

_CREDIT = re.compile(english.CREDIT_LINE_PATTERN, re.IGNORECASE | re.VERBOSE)


def is_credit_line(sentence: str) -> bool:
    """Whether the sentence credits the people or agencies behind the report rather than reporting."""
    return _CREDIT.search(" ".join(sentence.split())) is not None


def is_news_agency(name: str) -> bool:
    """Whether the phrase is only a wire service's name ("Reuters", "the Associated Press"; not
    "France")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return " ".join(words).removeprefix("the ") in english.NEWS_AGENCIES
