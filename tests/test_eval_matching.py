"""Rule 1 (evidence overlap) and rule 2 (actor agreement) on their own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterclaim.evaluation.matching import (
    covered_chars,
    evidence_overlaps,
    is_unnamed,
    name_forms,
    names_agree,
    normalize_name,
    overlap_fraction,
)


def agree(gold: list[str], predicted: list[str]) -> bool:
    return names_agree(name_forms(gold), name_forms(predicted))


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Jens Stoltenberg", ("jens", "stoltenberg")),
        ("Mr. Trump", ("trump",)),
        ("Trump\u2019s", ("trump",)),  # curly apostrophe
        ("The New York Post", ("new", "york", "post")),
        ("Prime Minister Boris Johnson", ("boris", "johnson")),
        ("Former U.S. President Barack Obama", ("barack", "obama")),
        ("NATO Secretary-General Jens Stoltenberg", ("jens", "stoltenberg")),
        ("Sen. Elizabeth Warren", ("elizabeth", "warren")),
        ("Chief Justice John Roberts", ("john", "roberts")),
        ("Jean-Claude Juncker", ("jean", "claude", "juncker")),
        # stripping never empties a name
        ("the president", ("president",)),
        ("Foreign Minister", ("foreign", "minister")),
        # qualifiers go only in front of a title; organisation names keep their first word
        ("US officials", ("us", "officials")),
        ("Justice Department", ("justice", "department")),
        ("Foreign Ministry", ("foreign", "ministry")),
    ],
)
def test_normalize_name(name: str, words: tuple[str, ...]) -> None:
    assert normalize_name(name) == words


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (["Jens Stoltenberg"], ["Stoltenberg"], True),  # whole-word part
        (["Stoltenberg"], ["Jens Stoltenberg"], True),  # either direction
        (["Jens Stoltenberg"], ["Stolten"], False),  # a part of a word is not a word
        (["Vladimir Putin"], ["Mr. Putin"], True),  # title stripped
        (["Russian President Vladimir Putin"], ["putin"], True),
        (["President Obama"], ["President Trump"], False),  # the shared title is no agreement
        (["the president"], ["President Barack Obama"], False),
        (["the president"], ["Barack Obama", "The President"], True),  # via an alias
        (["Jens Stoltenberg"], ["NATO chief", "Stoltenberg"], True),
        (["The New York Post"], ["the Post"], True),
        (["US officials"], ["Russian officials"], False),
        (["Kremlin", "Moscow"], ["Russia", "moscow"], True),  # alias against alias
        (["Justice Department"], ["Defense Department"], False),
        (["Jens Stoltenberg", "he"], ["he"], False),  # pronoun aliases take no part
        (["Jens Stoltenberg"], [], False),
    ],
)
def test_names_agree(gold: list[str], predicted: list[str], expected: bool) -> None:
    assert agree(gold, predicted) is expected


@pytest.mark.parametrize(
    "name", ["he", "She", "they", "it", "we", "I", "you", "him", "her", "them", "his", "who", "which",
             "that", "no one", "(unstated)", " (Unstated) ", "--", ""]
)  # fmt: skip
def test_names_with_nothing_to_check(name: str) -> None:
    assert is_unnamed(name)


@pytest.mark.parametrize("name", ["US", "U.S.", "IT", "Trump", "sources", "the source", "Mr. He"])
def test_names_that_are_names(name: str) -> None:
    assert not is_unnamed(name)


def test_overlap_fraction_is_share_of_the_gold_span() -> None:
    # gold [10, 20): prediction [15, 30) covers 15..19 = 5 of 10 characters
    assert overlap_fraction([(15, 30)], 10, 20) == 0.5
    assert evidence_overlaps(0.5)
    # gold [9, 20): the same 5 characters (15..19) are 5/11 < 0.5
    assert overlap_fraction([(15, 30)], 9, 20) == pytest.approx(5 / 11)
    assert not evidence_overlaps(5 / 11)
    # a long prediction covering a short gold span fully is 1.0, whatever its own length
    assert overlap_fraction([(0, 1000)], 10, 20) == 1.0


def test_overlap_uses_the_union_of_spans() -> None:
    # gold [0, 10): spans [0, 3) and [6, 9) cover 3 + 3 = 6 characters
    assert overlap_fraction([(6, 9), (0, 3)], 0, 10) == 0.6
    # overlapping spans [0, 3) and [1, 4) cover 0..3 = 4 characters, not 3 + 3
    assert overlap_fraction([(0, 3), (1, 4)], 0, 10) == 0.4


def test_empty_gold_span_is_never_covered() -> None:
    assert overlap_fraction([(0, 10)], 5, 5) == 0.0


@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))),
    start=st.integers(0, 60),
    length=st.integers(0, 30),
)
def test_covered_chars_counts_each_covered_position_once(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    end = start + length
    positions = {i for s, e in spans for i in range(s, e) if start <= i < end}
    assert covered_chars(spans, start, end) == len(positions)
