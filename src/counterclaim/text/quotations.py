"""Whether a quotation is still open at a point of the text: one speaker's words running on.

A quotation often runs over several sentences (“We have seen no change. The troops are still there,”
he said.). Code can tell, from the quotation marks alone, that the second sentence is still inside
the quotation the first one opened. Only double marks count (“ ” « » and the straight "): single
marks are also apostrophes. The count starts afresh at each line break, because news style opens each
paragraph of a long quotation again and an unmatched mark must not run on into the next paragraph.
"""

from __future__ import annotations

OPENING_MARKS = frozenset("\u201c\u00ab")  # “ «
CLOSING_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARK = '"'


def quotation_open_at(text: str, position: int) -> bool:
    """Whether a quotation opened earlier in the same paragraph (line) is still open at `position`."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    curly_open = False
    straight_open = False
    for char in text[paragraph_start:position]:
        if char in OPENING_MARKS:
            curly_open = True
        elif char in CLOSING_MARKS:
            curly_open = False
        elif char == STRAIGHT_MARK:
            straight_open = not straight_open
    return curly_open or straight_open
