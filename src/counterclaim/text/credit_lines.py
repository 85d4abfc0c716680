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
