"""Tests for counterclaim.text.chunking."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.text.chunking import Chunk, chunk_sentences
from counterclaim.text.sentences import Sentence, split_sentences


def sentences_of_lengths(lengths: list[int], gap: int = 1) -> tuple[str, list[Sentence]]:
    """An article of sentences with the given lengths separated by ``gap`` spaces."""
    parts = [("x" * (n - 1)) + "." for n in lengths]
    article = (" " * gap).join(parts)
    sentences: list[Sentence] = []
    position = 0
    for number, part in enumerate(parts, start=1):
        sentences.append(Sentence(number, position, position + len(part), part))
        position += len(part) + gap
    return article, sentences


def numbers(chunk: Chunk) -> list[int]:
    return [s.number for s in chunk.sentences]


def test_no_sentences_no_chunks() -> None:
    assert chunk_sentences([], max_chars=100, overlap=2) == []


def test_everything_fits_in_one_chunk() -> None:
    article = "One. Two. Three."
    chunks = chunk_sentences(split_sentences(article), max_chars=100, overlap=1)
    assert len(chunks) == 1
    assert chunks[0].index == 0
    assert (chunks[0].start, chunks[0].end) == (0, len(article))
    assert chunks[0].text(article) == article


def test_packs_greedily_with_overlap() -> None:
    _, sentences = sentences_of_lengths([10, 10, 10, 10, 10])
    chunks = chunk_sentences(sentences, max_chars=32, overlap=1)
    assert [numbers(c) for c in chunks] == [[1, 2, 3], [3, 4, 5]]
    assert [c.index for c in chunks] == [0, 1]


def test_zero_overlap_partitions() -> None:
    _, sentences = sentences_of_lengths([10, 10, 10, 10, 10])
    chunks = chunk_sentences(sentences, max_chars=21, overlap=0)
    assert [numbers(c) for c in chunks] == [[1, 2], [3, 4], [5]]


def test_long_sentence_gets_its_own_chunk_and_is_not_cut() -> None:
    article, sentences = sentences_of_lengths([10, 50, 10])
    chunks = chunk_sentences(sentences, max_chars=20, overlap=1)
    assert [numbers(c) for c in chunks] == [[1], [2], [3]]
    assert chunks[1].text(article) == sentences[1].text


def test_overlap_shrinks_to_leave_room_for_a_new_sentence() -> None:
    _, sentences = sentences_of_lengths([10, 10, 10, 15])
    chunks = chunk_sentences(sentences, max_chars=32, overlap=2)
    assert [numbers(c) for c in chunks] == [[1, 2, 3], [3, 4]]


def test_overlap_larger_than_chunk_still_progresses() -> None:
    _, sentences = sentences_of_lengths([10, 10, 10, 10])
    chunks = chunk_sentences(sentences, max_chars=21, overlap=5)
    assert [numbers(c) for c in chunks] == [[1, 2], [2, 3], [3, 4]]


@pytest.mark.parametrize(("max_chars", "overlap"), [(0, 0), (10, -1)])
def test_rejects_bad_settings(max_chars: int, overlap: int) -> None:
    _, sentences = sentences_of_lengths([5])
    with pytest.raises(ValueError, match="must"):
        chunk_sentences(sentences, max_chars=max_chars, overlap=overlap)


def test_chunk_needs_a_sentence() -> None:
    with pytest.raises(ValueError, match="at least one sentence"):
        Chunk(0, ())


@settings(max_examples=300)
@given(
    st.lists(st.integers(1, 40), max_size=30),
    st.integers(1, 3),
    st.integers(1, 120),
    st.integers(0, 6),
)
def test_chunking_properties(lengths: list[int], gap: int, max_chars: int, overlap: int) -> None:
    article, sentences = sentences_of_lengths(lengths, gap)
    chunks = chunk_sentences(sentences, max_chars=max_chars, overlap=overlap)

    # Every sentence appears, in order, and indexes count up from 0.
    assert [c.index for c in chunks] == list(range(len(chunks)))
    seen = sorted({s.number for c in chunks for s in c.sentences})
    assert seen == [s.number for s in sentences]
    for chunk in chunks:
        nums = numbers(chunk)
        assert nums == list(range(nums[0], nums[0] + len(nums)))
        assert chunk.text(article) == article[chunk.start : chunk.end]
        assert chunk.end - chunk.start <= max_chars or len(chunk.sentences) == 1

    for previous, current in itertools.pairwise(chunks):
        prev_nums, cur_nums = numbers(previous), numbers(current)
        shared = prev_nums[-1] - cur_nums[0] + 1
        # Consecutive chunks share a suffix of the previous chunk, always make progress.
        assert 0 <= shared <= overlap
        assert shared < len(prev_nums)
        assert cur_nums[-1] > prev_nums[-1]
        assert cur_nums[:shared] == prev_nums[len(prev_nums) - shared :]
        # The overlap is as large as allowed unless one more shared sentence would not fit.
        wanted = min(overlap, len(prev_nums) - 1)
        if shared < wanted:
            one_more = sentences[cur_nums[0] - 2]
            first_new = sentences[prev_nums[-1]]
            assert first_new.end - one_more.start > max_chars
        # Greedy: the previous chunk could not take the next new sentence.
        next_new = sentences[prev_nums[-1]]
        assert next_new.end - previous.start > max_chars
