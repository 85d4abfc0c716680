"""Whether a quotation is still open at a point of the text: one speaker's words running on.

A quotation often runs over several sentences (“We have seen no change. The troops are still there,”
he said.). Code can tell, from the quotation marks alone, that the second sentence is still inside
the quotation the first one opened. Only double marks count (“ ” « » and the straight "): single
marks are also apostrophes. The count starts afresh at each line break, because news style opens each
paragraph of a long quotation again and an unmatched mark must not run on into the next paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

OPENING_MARKS = frozenset("\u201c\u00ab")  # “ «
CLOSING_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'


def quotation_open_at(text: str, position: int) -> bool:
    """Whether a quotation opened earlier in the same paragraph (line) is still open at `position`."""
    return quotation_opened_at(text, position) is not None


def quotation_opened_at(text: str, position: int) -> int | None:
    """Where the quotation still open at `position` opened (the offset just after its mark), when one
    opened earlier in the same paragraph (line) is; None otherwise."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    curly: int | None = None
    straight: int | None = None
    for offset in range(paragraph_start, position):
        char = text[offset]
        if char in OPENING_MARKS:
            curly = offset + 1 if curly is None else curly
        elif char in CLOSING_MARKS:
            curly = None
        elif char == STRAIGHT_MARK:
            straight = offset + 1 if straight is None else None
    opened = [start for start in (curly, straight) if start is not None]
    return max(opened) if opened else None


QUOTATION_MARKS = OPENING_MARKS | CLOSING_MARKS | {STRAIGHT_MARK}
"""Every double quotation mark code follows."""


def outside_quotations(text: str, *, opened: bool = False) -> str:
    """The text without the words quoted as speech: what stands inside double quotation marks (the
    marks too) when it runs longer than `NAME_WORDS` words; a shorter quotation is a name or a
    phrase ("The \u201cIslamic State\u201d group said ..."), and stays. `opened`: the text begins inside a
    quotation an earlier sentence opened. A quotation left open runs to the end; a straight mark
    right after a figure, with no quotation open, is an inch sign ("A 12\" water main burst"; not the
    close of "\"The toll has risen to 300\", the minister said")."""
    first_mark = next((char for char in text if char in QUOTATION_MARKS), None)
    start: int | None = 0 if opened else None
    closing_straight = opened and first_mark == STRAIGHT_MARK
    quoted: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        inch = char == STRAIGHT_MARK and start is None and index > 0 and text[index - 1].isdigit()
        if char not in QUOTATION_MARKS or inch:
            continue
        closes = char in CLOSING_MARKS or (char == STRAIGHT_MARK and start is not None and closing_straight)
        if start is not None and closes:
            quoted.append((start, index + 1))
            start = None
        elif start is None and char not in CLOSING_MARKS:
            start, closing_straight = index, char == STRAIGHT_MARK
    if start is not None:
        quoted.append((start, len(text)))
    kept = text
    for begin, end in reversed(quoted):
        if len(text[begin:end].split()) > NAME_WORDS:
            kept = kept[:begin] + " " * (end - begin) + kept[end:]
    return kept


NAME_WORDS = 4
"""The most words of a quotation that is a name rather than speech ("Friends of the Earth")."""


def quotation_run(quoted: Set[int], number: int) -> range:
    """The numbers of the sentences of the quotation sentence `number` belongs to, given the sentences
    that begin inside a quotation (`quoted`): from the one that opens it to the last one that begins
    inside it; just `number` when no quotation runs on through it."""
    first = number
    while first in quoted:
        first -= 1
    last = number
    while last + 1 in quoted:
        last += 1
    return range(first, last + 1)


def quotation_frames(texts: Sequence[str]) -> tuple[str, str] | None:
    """The words around one quotation that runs over these sentences: those before its opening mark in
    the first sentence and those after its closing mark in the last (where its speaker is named).
    None unless the first sentence holds just the opening mark, the last just the closing one and the
    others none: another quotation, or a stray mark (an inch sign), makes the speaker uncertain."""
    if len(texts) < 2:
        return None
    first, *middle, last = texts
    if any(char in QUOTATION_MARKS for text in middle for char in text):
        return None
    opening = [i for i, char in enumerate(first) if char in QUOTATION_MARKS]
    closing = [i for i, char in enumerate(last) if char in QUOTATION_MARKS]
    if len(opening) != 1 or len(closing) != 1 or first[opening[0]] in CLOSING_MARKS:
        return None
    if last[closing[0]] in OPENING_MARKS:
        return None
    return first[: opening[0] + 1], last[closing[0] :]  # each with its mark: ", said X" is a frame
