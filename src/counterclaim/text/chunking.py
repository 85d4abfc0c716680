"""Pack sentences into overlapping chunks for articles too long for one model call.

Chunks are runs of whole sentences: nothing is ever cut or dropped. A chunk's length is the
length of the article stretch it covers (first sentence start to last sentence end, whitespace
between sentences included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from counterclaim.text.sentences import Sentence

__all__ = ["Chunk", "batches_by_chunk", "chunk_sentences", "first_chunk_with"]

T = TypeVar("T")


@dataclass(frozen=True)
class Chunk:
    """Consecutive sentences of the article, numbered from 0 in article order."""

    index: int
    sentences: tuple[Sentence, ...]

    def __post_init__(self) -> None:
        if not self.sentences:
            raise ValueError("a chunk needs at least one sentence")

    @property
    def start(self) -> int:
        """Offset of the chunk's first character in the article."""
        return self.sentences[0].start

    @property
    def end(self) -> int:
        """Offset just after the chunk's last character in the article."""
        return self.sentences[-1].end

    def text(self, article: str) -> str:
        """The stretch of ``article`` the chunk covers."""
        return article[self.start : self.end]


def first_chunk_with(chunks: list[Chunk], sentence: int) -> int:
    """Index of the first chunk holding sentence number `sentence` (0 when none does)."""
    return next(
        (i for i, chunk in enumerate(chunks) if any(s.number == sentence for s in chunk.sentences)), 0
    )


def batches_by_chunk(
    chunks: list[Chunk], items: Iterable[T], sentence: Callable[[T], int], size: int
) -> list[tuple[int, list[T]]]:
    """The items grouped by the first chunk holding their `sentence` (its index, 0 when none does), at
    most `size` per batch, in chunk order and, within a chunk, in the items' order."""
    by_chunk: dict[int, list[T]] = {}
    for item in items:
        by_chunk.setdefault(first_chunk_with(chunks, sentence(item)), []).append(item)
    return [
        (index, group[start : start + size])
        for index, group in sorted(by_chunk.items())
        for start in range(0, len(group), size)
    ]


def chunk_sentences(sentences: list[Sentence], *, max_chars: int, overlap: int) -> list[Chunk]:
    """Greedily pack consecutive sentences into chunks covering at most ``max_chars`` characters.

    * A sentence longer than ``max_chars`` becomes a chunk of its own (never cut).
    * Each chunk after the first starts with up to ``overlap`` sentences from the end of the
      previous chunk, so claims near a boundary keep their context. The overlap is reduced when
      it would leave no room for the next new sentence, and it is always smaller than the
      previous chunk, so every chunk adds at least one new sentence and chunking terminates.
    * Every sentence is in at least one chunk, in article order. No sentences, no chunks.

    Raises ValueError when ``max_chars < 1`` or ``overlap < 0``.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    if overlap < 0:
        raise ValueError(f"overlap must not be negative, got {overlap}")
    chunks: list[Chunk] = []
    first = 0
    count = len(sentences)
    while first < count:
        stop = first + 1
        while stop < count and sentences[stop].end - sentences[first].start <= max_chars:
            stop += 1
        chunks.append(Chunk(len(chunks), tuple(sentences[first:stop])))
        if stop == count:
            break
        first = _next_first(sentences, first, stop, max_chars, overlap)
    return chunks


def _next_first(sentences: list[Sentence], first: int, stop: int, max_chars: int, overlap: int) -> int:
    """Index of the next chunk's first sentence: as many of the previous chunk's last ``overlap``
    sentences as fit together with the next new sentence ``stop`` (at least one new sentence)."""
    candidate = max(stop - overlap, first + 1)
    while candidate < stop and sentences[stop].end - sentences[candidate].start > max_chars:
        candidate += 1
    return candidate
