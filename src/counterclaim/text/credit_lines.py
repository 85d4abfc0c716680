"""Credit lines: the note at the foot of a wire story that says who helped write it, and the credit that
closes a photo's caption.

"Some information for this report was provided by AFP and Reuters.", "Reporting by Jane Doe; Editing by
John Roe", "Associated Press writer Jane Doe contributed to this report." Such a line names where the
reporting came from; it is no one's claim, so no step turns it into one or asks the model about it.
A wire service named in a sentence ("..., Reuters reported") credits the report in the same way, and a
line of a dash and a name closing a block quotation ("\u2014Natasha Gownaris") credits the quotation.

A line that ends with a photo credit ("Protesters at the march. Image: Andrew Gray.", "Fire in the
frame of Notre Dame. Image: LeLaisserPasserA38.", "... Photo: AP") is a photo's caption: it describes a
picture, and whatever it quotes (a banner's slogan) is no one's claim in the story.
"""

from __future__ import annotations

import re

from counterclaim.language import english

_CREDIT = re.compile(english.CREDIT_LINE_PATTERN, re.IGNORECASE | re.VERBOSE)
_PHOTO_CREDIT = re.compile(english.PHOTO_CREDIT_PATTERN, re.MULTILINE)


_QUOTE_CREDIT = re.compile(r"^[\u2013\u2014]\s*[A-Z][^.!?]*$")
"""A block quotation's credit, a dash and whom the quotation is from ("\u2013 United States District Judge
Victor Marrero, "Decision and Order"", "\u2014Natasha Gownaris"): an en or em dash only, not a hyphen,
which opens a list's item."""
_QUOTE_CREDIT_WORDS = 12
"""The most words of a block quotation's credit."""


def is_credit_line(sentence: str) -> bool:
    """Whether the sentence credits the people or agencies behind the report, or a block quotation's
    source (`_QUOTE_CREDIT`: no reporting word in lower case in it, at most `_QUOTE_CREDIT_WORDS`
    words), rather than reporting."""
    text = " ".join(sentence.split())
    if _CREDIT.search(text) is not None:
        return True
    words = re.findall(r"[\w'\u2019]+", text)
    lower_case = {word for word in words if word[:1].islower()}  # capitals name ("United States")
    return (
        _QUOTE_CREDIT.match(text) is not None
        and len(words) <= _QUOTE_CREDIT_WORDS
        and not lower_case & english.REPORTING_CUE_WORDS
    )


def is_news_agency(name: str) -> bool:
    """Whether the phrase is only a wire service's name ("Reuters", "the Associated Press"; not
    "France")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return " ".join(words).removeprefix("the ") in english.NEWS_AGENCIES


MAX_CAPTION_CHARS = 200
"""A photo's caption is short (the longest seen: 139 characters, two sentences); on a longer line, as in
a paragraph of the story or an article on one line, only the credit itself is a caption."""
_LINE_BREAKS = "\n\u2028\u2029"


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the captions of `text`: a line of at most `MAX_CAPTION_CHARS` that
    closes with a photo credit ("Protesters at the march. Image: Andrew Gray."), or on a longer line the
    credit alone. A credit is a name, never speech ("Credit: the ministry said it was owed.", a quotation
    opening with "Image: ...")."""
    spans = []
    for credit in _PHOTO_CREDIT.finditer(text):
        name = credit.group("credit")
        speech = {word.strip(".,;:").casefold() for word in name.split()} & english.CREDIT_SPEECH_WORDS
        quoted = text[credit.start() - 1 : credit.start()] in ('"', "\u201c")
        if speech or quoted or name.rstrip().endswith(("?", '"', "\u201d", "'", "\u2019")):
            continue
        start = max(text.rfind(mark, 0, credit.start()) for mark in _LINE_BREAKS) + 1
        spans.append((start if credit.end() - start <= MAX_CAPTION_CHARS else credit.start(), credit.end()))
    return spans
