"""How words are reduced to comparable forms.

`stem` equates inflections of one English word for keyword comparison ("troops"/"troop",
"withdrawing"/"withdraw") with the Snowball English stemmer (the `snowballstemmer` package), the
stemmer search engines use; `share_stem` equates two name words across inflection and languages by
their first letters ("Russia"/"Russian", "ministry"/"ministère"), where a stemmer of one language
cannot. Unit words of figures are made singular (not stemmed) in `text.numbers`, because the unit is
shown to the reader ("kilometer", not Snowball's "kilometr").
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

SHARED_PREFIX_CHARS = 5
"""Two name words of at least this many letters share a stem when they begin with these letters."""

_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) English stem of a lower-cased word: 'troops' -> 'troop',
    'withdrawing' -> 'withdraw', 'increased' -> 'increas'."""
    stemmed: str = _ENGLISH.stemWord(word)
    return stemmed


PEOPLE_ENDINGS = ("ers",)
"""The ending that makes a place's name its people ("londoners", "berliners"): not the place's own
name. Not "er" alone: a German place's adjective ("Hamburger Polizei") names the place's police."""


def share_stem(a: str, b: str) -> bool:
    """Whether two lower-cased name words are one word in two forms ("russia" ~ "russian"; not
    "london" ~ "londoners", its people, `PEOPLE_ENDINGS`)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in PEOPLE_ENDINGS:
        return False
    return (
        len(a) >= SHARED_PREFIX_CHARS
        and len(b) >= SHARED_PREFIX_CHARS
        and a[:SHARED_PREFIX_CHARS] == b[:SHARED_PREFIX_CHARS]
    )
