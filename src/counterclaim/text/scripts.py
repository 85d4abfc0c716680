"""Letters in a writing system the article does not use, and the article's own words in their place.

The 1.5B model now and then slips into Chinese inside an English statement ("enhanced
information-sharing with澳大利亚," for the article's "with Australia,"). Code finds such runs (letters
of a script that is neither Latin, the language statements are written in, nor one the article uses)
and, where the statement follows its evidence closely enough to show which of the article's words the
run stands for, puts those words back.
"""

from __future__ import annotations

import difflib
import unicodedata

MAX_RESTORED_CHARS = 40
"""The longest stretch of the article's words put in place of one run (a word or a short name)."""
_KEPT_AROUND = 3
"""Characters on each side of a run that must agree with the evidence for the run to be placed."""


def script_of(letter: str) -> str:
    """The writing system of a letter, from its Unicode name ("LATIN", "CJK", "HIRAGANA", "CYRILLIC")."""
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0] if name else ""


def scripts_of(text: str) -> frozenset[str]:
    """The writing systems of the text's letters."""
    return frozenset(script_of(ch) for ch in set(text) if ch.isalpha())


def foreign_runs(text: str, article_scripts: frozenset[str]) -> list[tuple[int, int]]:
    """The (start, end) of each run of letters in a script that is neither Latin nor one of
    `article_scripts`, with the full-width punctuation and spaces that follow it (a full-width comma)."""
    allowed = article_scripts | {"LATIN"}
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        if not (text[index].isalpha() and script_of(text[index]) not in allowed):
            index += 1
            continue
        start = index
        while index < len(text) and (
            (text[index].isalpha() and script_of(text[index]) not in allowed)
            or (not text[index].isalnum() and unicodedata.east_asian_width(text[index]) in ("F", "W"))
        ):
            index += 1
        runs.append((start, index))
    return runs


def with_article_words(statement: str, evidence: str, article_scripts: frozenset[str]) -> str | None:
    """The statement with each foreign-script run (`foreign_runs`) replaced by the evidence's words at
    that place; None when it has no such run or when a run's place in the evidence cannot be told (the
    statement does not follow the evidence around it, or the words there are too long or foreign too).
    """
    runs = foreign_runs(statement, article_scripts)
    if not runs:
        return None
    matcher = difflib.SequenceMatcher(None, statement, evidence, autojunk=False)
    blocks = matcher.get_matching_blocks()
    pieces: list[str] = []
    done = 0
    for start, end in runs:
        before = next((b for b in reversed(blocks) if b.size and b.a + b.size <= start), None)
        after = next((b for b in blocks if b.size and b.a >= end), None)
        if before is None or after is None or start < done:
            return None
        if before.a + before.size != start or after.a != end:
            return None  # the statement differs from the evidence beside the run, not only in it
        if min(before.size, after.size) < min(_KEPT_AROUND, start, len(statement) - end):
            return None
        restored = evidence[before.b + before.size : after.b]
        if not restored.strip() or len(restored) > MAX_RESTORED_CHARS:
            return None
        if foreign_runs(restored, article_scripts):
            return None
        pieces += [statement[done:start], restored]
        done = end
    return "".join([*pieces, statement[done:]])
