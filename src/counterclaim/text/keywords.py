"""Content words of a text, for comparing what two pieces of text are about (in code, not the model)."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have
    had do does did not no nor so than that this these those it its he she they them his her their we
    our you your i me my will would can could should may might must shall said says say saying told
    tells also about after before over under into out up down more most some any all each other such
    only own same very just there here what which who whom whose when where why how while because then
    once again further between during through above below off now""".split()
)
NEGATIONS = frozenset(
    "not no never none nothing deny denies denied denying false wrong untrue without".split()
)

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits of any script)."""
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    """A crude English stem: enough to equate 'troops'/'troop' and 'withdrawing'/'withdraw'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def keywords(text: str) -> set[str]:
    """Stemmed content words (stopwords and words under three letters left out)."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 2}


def is_negated(text: str) -> bool:
    """Whether the text contains a negation word ("not", "never", "denied", ...) or "n't"."""
    tokens = set(words(text))
    return bool(tokens & NEGATIONS) or any(t.endswith("n't") or t.endswith("n\u2019t") for t in tokens)
