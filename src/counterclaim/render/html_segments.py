"""Cutting a text into pieces at the edges of marked stretches, so overlapping marks can be drawn.

HTML elements cannot overlap, but evidence spans can (two actors on one sentence, a quotation joined
over a sentence another claim also cites). `segments` cuts the text at every start and end of a
marked stretch; each piece then lies wholly inside or wholly outside every stretch, and carries the
set of marks covering it. The pieces, in order, give back the whole text.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

MarkT = TypeVar("MarkT", bound=Hashable)


@dataclass(frozen=True)
class Marked(Generic[MarkT]):
    """A stretch `text[start:end]` to mark with `mark`."""

    start: int
    end: int
    mark: MarkT


@dataclass(frozen=True)
class Segment(Generic[MarkT]):
    """A piece `text[start:end]` of the text and the marks of every stretch that covers it, in the
    order the stretches were given; `starts` are the marks of the stretches that begin here."""

    start: int
    end: int
    text: str
    marks: tuple[MarkT, ...]
    starts: tuple[MarkT, ...]


def segments(text: str, stretches: Sequence[Marked[MarkT]]) -> list[Segment[MarkT]]:
    """`text` cut at every edge of `stretches` (clamped to the text; empty stretches ignored)."""
    kept = [
        Marked(max(0, s.start), min(len(text), s.end), s.mark)
        for s in stretches
        if min(len(text), s.end) > max(0, s.start)
    ]
    edges = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    pieces: list[Segment[MarkT]] = []
    for start, end in pairwise(edges):
        covering = tuple(s.mark for s in kept if s.start <= start and end <= s.end)
        starting = tuple(s.mark for s in kept if s.start == start)
        pieces.append(Segment(start, end, text[start:end], covering, starting))
    return pieces
