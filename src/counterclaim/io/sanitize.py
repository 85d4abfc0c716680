"""Removing invisible characters before a model reads the text, keeping offsets into the user's text.

Untrusted web text can carry instructions or data a reader never sees: Unicode tag
characters (the "ASCII smuggling" trick), zero-width characters, bidirectional controls that
reorder what is displayed, variation selectors (used to hide bytes behind an emoji), and
terminal control sequences. ``sanitize`` deletes them; ``SanitizedText`` maps every index in
the cleaned text back to the original, so evidence spans found in the clean text can be
reported against the text the user gave us.

Removed (each a deletion, never a replacement):

- Unicode tag characters U+E0000-U+E007F
- zero-width characters U+200B, U+200C, U+200D, U+2060, U+FEFF
- invisible mathematical operators U+2061-U+2064
- bidirectional controls U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C
- the soft hyphen U+00AD
- variation selectors U+FE00-U+FE0F and U+E0100-U+E01EF. They only pick a glyph variant
  (emoji versus text style, CJK variants) and never change what a word means, but runs of
  them can smuggle arbitrary bytes, so they go.
- interlinear annotation controls U+FFF9-U+FFFB
- C0 controls except tab and newline (so carriage return, form feed, ESC ... go), DEL, and
  the C1 controls U+0080-U+009F

Note: removing ZWJ also splits joined emoji sequences into their parts, and deleting a control
character that separated two words joins them. Neither happens in ordinary article prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

_INVISIBLE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (except \t \n), DEL, C1
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u200b-\u200f"  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible math operators
    "\u2066-\u2069"  # bidi isolates
    "\ufe00-\ufe0f"  # variation selectors
    "\ufeff"  # zero-width no-break space / BOM
    "\ufff9-\ufffb"  # interlinear annotation
    "\U000e0000-\U000e007f"  # tag characters
    "\U000e0100-\U000e01ef"  # variation selectors supplement
)
INVISIBLE_CHARACTERS = re.compile(f"[{_INVISIBLE_CLASS}]+")
"""A run of one or more characters that ``sanitize`` removes."""


@dataclass(frozen=True)
class SanitizedText:
    """Text with invisible characters removed, plus the way back to the original offsets.

    ``clean`` is ``original`` with ``removed`` characters deleted; build it with ``sanitize``.
    """

    original: str
    clean: str
    removed: int

    def to_original(self, clean_index: int) -> int:
        """The index in ``original`` of the character at ``clean_index`` in ``clean``.

        ``clean_index == len(clean)`` maps to ``len(original)``. Raises IndexError outside
        ``0..len(clean)``.
        """
        if not 0 <= clean_index <= len(self.clean):
            raise IndexError(f"clean index {clean_index} is outside 0..{len(self.clean)}")
        if clean_index == len(self.clean):
            return len(self.original)
        run = bisect_right(self._run_clean_starts, clean_index) - 1
        return self._run_original_starts[run] + clean_index - self._run_clean_starts[run]

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``clean[start:end]``: from its first to one past its last character.

        Invisible characters inside the span are part of the original span; those just
        before or after it are not. An empty span maps to an empty span.
        """
        if not 0 <= start <= end <= len(self.clean):
            raise IndexError(f"clean span {start}..{end} is not within 0..{len(self.clean)}")
        original_start = self.to_original(start)
        if start == end:
            return original_start, original_start
        return original_start, self.to_original(end - 1) + 1

    @cached_property
    def _runs(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Where each run of kept characters starts, in clean and in original offsets."""
        clean_starts = [0]
        original_starts = [0]
        removed_so_far = 0
        for match in INVISIBLE_CHARACTERS.finditer(self.original):
            removed_so_far += match.end() - match.start()
            clean_start = match.end() - removed_so_far
            if clean_starts[-1] == clean_start:  # only at the very start of the text
                original_starts[-1] = match.end()
            else:
                clean_starts.append(clean_start)
                original_starts.append(match.end())
        return tuple(clean_starts), tuple(original_starts)

    @property
    def _run_clean_starts(self) -> tuple[int, ...]:
        return self._runs[0]

    @property
    def _run_original_starts(self) -> tuple[int, ...]:
        return self._runs[1]


def sanitize(text: str) -> SanitizedText:
    """Remove invisible and control characters (see the module docstring for the list)."""
    clean = INVISIBLE_CHARACTERS.sub("", text)
    return SanitizedText(original=text, clean=clean, removed=len(text) - len(clean))
