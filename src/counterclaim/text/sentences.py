# ruff: noqa: RUF001, RUF002  (typographic quotes and dashes are what this module handles)
"""Split a news article into numbered sentences whose offsets point into the original text.

The splitter is rule based and has no dependencies. Its guarantees, for any input string:

* every sentence's ``text`` equals ``article[start:end]`` and has no surrounding whitespace;
* sentences are in order, never overlap, and together cover every non-whitespace character.

Rules, in order:

1. Line breaks end a sentence, so headlines, datelines and captions without a final period are
   sentences of their own. One exception keeps hard-wrapped text readable: a single line break
   (not a blank line) whose previous line does not end in sentence punctuation and whose next
   line starts with a lowercase letter is treated as a space.
2. Inside a line, a sentence ends after a run of ``.``, ``!``, ``?`` or ``…``, plus any closing
   quotes or brackets (``.”``, ``."``, ``.)``, ``?’``, ``. »``), when whitespace or the end of the
   line follows. It does not end when the next word starts with a lowercase letter
   (``"Why?" he asked``, ``e.g. the``).
3. A single period after an abbreviation does not end a sentence. Titles (``Mr.``, ``Dr.``,
   ``Gen.``, ``Sen.``, ``St.``, ``vs.``, ...) never do; reference words (``No.``, ``Art.``) and
   months (``Sept.``, ``Jan.``) do not when a number follows; abbreviations that often close a
   sentence (``U.S.``, ``etc.``, ``Inc.``, ``p.m.``, single initials like ``J.``) end one only
   when the next word is a common sentence opener (``The``, ``He``, ``But``, ...).
4. A list marker alone (``1.``, ``a)``-style ``A.``) at the start of a sentence does not end it.

Decimal numbers (``3.5``) and dotted names (``example.com``) never split because no whitespace
follows their periods.

``with_full_stop`` closes a sentence code writes (a statement, an explanation) with a full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.language import english

__all__ = ["Sentence", "numbered_article", "split_sentences", "with_full_stop"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article. ``text == article[start:end]``, stripped of whitespace."""

    number: int
    """1-based position in the article."""
    start: int
    """Start offset (inclusive) in the article."""
    end: int
    """End offset (exclusive) in the article."""
    text: str
    """Exactly ``article[start:end]``."""


# Characters that `str.splitlines` treats as line boundaries.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_TERMINALS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’“‘»«›‹)]}")
_OPENERS = frozenset("\"'“‘„«»‹›([{¿¡-–—*•")


_ABBREVIATION_TOKEN = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivx]{1,4}|[IVX]{1,4})")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, numbered from 1, with offsets into ``text``."""
    pieces: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        pieces.extend(_split_block(text, block_start, block_end))
    sentences: list[Sentence] = []
    for start, end in pieces:
        start, end = _strip(text, start, end)
        if start < end:
            sentences.append(Sentence(len(sentences) + 1, start, end, text[start:end]))
    return sentences


def numbered_article(sentences: list[Sentence]) -> str:
    """Render sentences as ``[n] text`` lines for a prompt; inner whitespace runs become one space."""
    return "\n".join(f"[{s.number}] {' '.join(s.text.split())}" for s in sentences)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks excluded; '\\r\\n' counts as one break."""
    lines: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _LINE_BREAKS:
            lines.append((start, i))
            i += 2 if ch == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
            start = i
        else:
            i += 1
    lines.append((start, n))
    return lines


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into blocks that sentences may not cross (see rule 1 in the module docstring)."""
    blocks: list[tuple[int, int]] = []
    previous_blank = True
    for line_start, line_end in _lines(text):
        start, end = _strip(text, line_start, line_end)
        if start == end:
            previous_blank = True
            continue
        if blocks and not previous_blank and _continues(text, blocks[-1], start):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        previous_blank = False
    return blocks


def _continues(text: str, block: tuple[int, int], next_start: int) -> bool:
    """Whether a line starting at ``next_start`` continues the hard-wrapped sentence in ``block``."""
    if not text[next_start].islower():
        return False
    end = block[1]
    while end > block[0] and text[end - 1] in _CLOSERS:
        end -= 1
    if end == block[0]:
        return True
    return text[end - 1] not in _TERMINALS and text[end - 1] not in ":;"


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    sentence_start = start
    i = start
    while i < end:
        if text[i] not in _TERMINALS:
            i += 1
            continue
        run_start = i
        while i < end and text[i] in _TERMINALS:
            i += 1
        run_end = i
        split_at = _closing_end(text, run_end, end)
        if split_at is None:
            continue
        if _ends_sentence(text, sentence_start, run_start, run_end, split_at, end):
            pieces.append((sentence_start, split_at))
            sentence_start = split_at
        i = split_at
    pieces.append((sentence_start, end))
    return pieces


def _closing_end(text: str, i: int, end: int) -> int | None:
    """After a terminal run ending at ``i``: the offset after closing quotes/brackets when whitespace
    or the block end follows them, else None. A French closing guillemet may follow a space."""
    j = i
    while j < end and text[j] in _CLOSERS:
        j += 1
    if j == end:
        return j
    if not text[j].isspace():
        return None
    k = j
    while k < end and text[k].isspace():
        k += 1
    if k < end and text[k] == "»" and (k + 1 == end or text[k + 1].isspace()):
        return k + 1
    return j


def _next_word(text: str, i: int, end: int) -> str:
    """The word (letters/digits) that starts the text after ``i``, skipping spaces and openers."""
    while i < end and (text[i].isspace() or text[i] in _OPENERS):
        i += 1
    j = i
    while j < end and text[j].isalnum():
        j += 1
    return text[i:j]


def _ends_sentence(
    text: str, sentence_start: int, run_start: int, run_end: int, split_at: int, end: int
) -> bool:
    following = _next_word(text, split_at, end)
    if following[:1].islower():
        return False
    if run_end - run_start > 1 or text[run_start] != ".":
        return True
    token_start = run_start
    while token_start > sentence_start and (text[token_start - 1].isalnum() or text[token_start - 1] == "."):
        token_start -= 1
    token = text[token_start:run_start]
    if token_start == _strip(text, sentence_start, run_start)[0] and _LIST_MARKER.fullmatch(token):
        return False
    if not _ABBREVIATION_TOKEN.fullmatch(token):
        return True
    key = token.lower()
    number_follows = following[:1].isdigit()
    if key in english.NO_BREAK_ABBREVIATIONS or (
        number_follows and key in english.BEFORE_NUMBER_ABBREVIATIONS
    ):
        return False
    soft = (
        key in english.SOFT_ABBREVIATIONS
        or _DOTTED.fullmatch(token) is not None
        or (len(token) == 1 and token.isupper())
    )
    if soft:
        return following.lower() in english.SENTENCE_OPENERS
    return True


def with_full_stop(text: str) -> str:
    """The text ending in a full stop, or in the "!" or "?" it has."""
    return text if text.endswith((".", "!", "?")) else text + "."
