"""How words are reduced to comparable forms.

`stem` equates inflections of one English word for keyword comparison ("troops"/"troop",
"withdrawing"/"withdraw"); `share_stem` equates two name words across inflection and languages by
their first letters ("Russia"/"Russian", "ministry"/"ministère").
"""

from __future__ import annotations

_SUFFIXES = ("ing", "ed", "es", "s")
MIN_STEM_CHARS = 4
"""A suffix is removed only when at least this many letters remain."""
SHARED_PREFIX_CHARS = 5
"""Two name words of at least this many letters share a stem when they begin with these letters."""


def stem(word: str) -> str:
    """A crude English stem: enough to equate 'troops'/'troop' and 'withdrawing'/'withdraw'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_CHARS:
            return word[: -len(suffix)]
    return word


def share_stem(a: str, b: str) -> bool:
    """Whether two lower-cased name words are one word in two forms ("russia" ~ "russian")."""
    if a == b:
        return True
    return (
        len(a) >= SHARED_PREFIX_CHARS
        and len(b) >= SHARED_PREFIX_CHARS
        and a[:SHARED_PREFIX_CHARS] == b[:SHARED_PREFIX_CHARS]
    )
