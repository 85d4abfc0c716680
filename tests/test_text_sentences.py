# ruff: noqa: RUF001
"""Tests for counterclaim.text.sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.text.sentences import Sentence, numbered_article, split_sentences

SEED_ARTICLE = Path(__file__).parent.parent / "seeds/articles/nato-russia-troop-buildup-2022-02-16.txt"


def texts(article: str) -> list[str]:
    return [s.text for s in split_sentences(article)]


def assert_invariants(article: str, sentences: list[Sentence]) -> None:
    """Offsets are exact, sentences are stripped, ordered, disjoint and cover all non-whitespace."""
    covered = [False] * len(article)
    previous_end = 0
    for index, sentence in enumerate(sentences, start=1):
        assert sentence.number == index
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(article)
        assert sentence.text == article[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        for i in range(sentence.start, sentence.end):
            covered[i] = True
        previous_end = sentence.end
    for i, ch in enumerate(article):
        assert covered[i] or ch.isspace(), f"character {ch!r} at {i} not in any sentence"


NEWSY = st.text(
    alphabet=st.sampled_from(list("abcXYZ 019.,!?…\"'“”‘’«»()[]\n\r\t\u00a0\u2028-:;MrsDUSJ")),
    max_size=200,
)


@settings(max_examples=300)
@given(NEWSY)
def test_invariants_on_newsy_text(article: str) -> None:
    assert_invariants(article, split_sentences(article))


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_invariants_on_arbitrary_text(article: str) -> None:
    assert_invariants(article, split_sentences(article))


def test_empty_and_whitespace_only_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\u00a0\n") == []


def test_offsets_are_into_the_original_text() -> None:
    article = "  First one.   Second one!\n\n  Third?  "
    sentences = split_sentences(article)
    assert sentences == [
        Sentence(1, 2, 12, "First one."),
        Sentence(2, 15, 26, "Second one!"),
        Sentence(3, 30, 36, "Third?"),
    ]


def test_headlines_and_captions_without_period_are_sentences() -> None:
    article = (
        "NATO says Russia is increasing troop numbers\n\n"
        "Russian Ministry of Defense | Getty Images\n"
        "NATO on Wednesday accused Russia. Moscow denied it."
    )
    assert texts(article) == [
        "NATO says Russia is increasing troop numbers",
        "Russian Ministry of Defense | Getty Images",
        "NATO on Wednesday accused Russia.",
        "Moscow denied it.",
    ]


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "Mr. Smith met Mrs. Jones and Dr. Brown. They talked.",
            ["Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."],
        ),
        (
            "Gen. Mark Milley and Sen. Bob Menendez spoke with Gov. Hochul and Prof. Li. It was long.",
            ["Gen. Mark Milley and Sen. Bob Menendez spoke with Gov. Hochul and Prof. Li.", "It was long."],
        ),
        (
            "U.S. President Joe Biden flew to the U.K. on Sept. 11 with Lt. Col. Ray. He returned.",
            ["U.S. President Joe Biden flew to the U.K. on Sept. 11 with Lt. Col. Ray.", "He returned."],
        ),
        (
            "Troops moved to the U.S. The move was planned.",
            ["Troops moved to the U.S.", "The move was planned."],
        ),
        (
            "The report by J. Smith and George W. Bush was out.",
            ["The report by J. Smith and George W. Bush was out."],
        ),
        ("Growth was 3.5 percent. It was 2.1 before.", ["Growth was 3.5 percent.", "It was 2.1 before."]),
        ("Apples, pears, etc. The list goes on.", ["Apples, pears, etc.", "The list goes on."]),
        ("Apples, pears, etc. were sold.", ["Apples, pears, etc. were sold."]),
        ("Resolution No. 2334 passed. Israel objected.", ["Resolution No. 2334 passed.", "Israel objected."]),
        ("Italy vs. France ended 1-1. Fans left.", ["Italy vs. France ended 1-1.", "Fans left."]),
        (
            "The bill, i.e. the budget, and e.g. taxes passed.",
            ["The bill, i.e. the budget, and e.g. taxes passed."],
        ),
        ("He lives on St. Mark Street. So do I.", ["He lives on St. Mark Street.", "So do I."]),
        ("It was 2020. 15 people died.", ["It was 2020.", "15 people died."]),
    ],
)
def test_abbreviations_initials_and_decimals(article: str, expected: list[str]) -> None:
    assert texts(article) == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "“We will not retreat,” he said. “Never!” The crowd cheered.",
            ["“We will not retreat,” he said.", "“Never!”", "The crowd cheered."],
        ),
        ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."]),
        ('She said: "It is over." Then she left.', ['She said: "It is over."', "Then she left."]),
        ("(This was denied.) Officials insisted.", ["(This was denied.)", "Officials insisted."]),
        ("He asked ‘why not?’ She shrugged.", ["He asked ‘why not?’", "She shrugged."]),
        (
            "Il a dit : « Nous partons. » Puis il est parti.",
            ["Il a dit : « Nous partons. »", "Puis il est parti."],
        ),
        ("Er sagte: „Wir gehen.“ Dann ging er.", ["Er sagte: „Wir gehen.“", "Dann ging er."]),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
        ("He paused … and went on.", ["He paused … and went on."]),
    ],
)
def test_quotes_brackets_and_ellipses(article: str, expected: list[str]) -> None:
    assert texts(article) == expected


def test_quotation_spanning_sentences_splits_at_inner_periods() -> None:
    article = "“So far, we haven’t seen any de-escalation. On the contrary, it looks bad,” he said."
    assert texts(article) == [
        "“So far, we haven’t seen any de-escalation.",
        "On the contrary, it looks bad,” he said.",
    ]


def test_list_markers_do_not_form_sentences() -> None:
    assert texts("1. First item\n2. Second item") == ["1. First item", "2. Second item"]


def test_hard_wrapped_lines_join_only_on_lowercase_continuation() -> None:
    article = (
        "The minister said the troops\nwould stay. Critics disagreed.\nHeadline Without Period\nNext line."
    )
    assert texts(article) == [
        "The minister said the troops\nwould stay.",
        "Critics disagreed.",
        "Headline Without Period",
        "Next line.",
    ]


def test_blank_line_always_ends_a_sentence_even_before_lowercase() -> None:
    assert texts("first paragraph without stop\n\nsecond paragraph") == [
        "first paragraph without stop",
        "second paragraph",
    ]


def test_windows_line_endings() -> None:
    assert texts("Title\r\n\r\nBody one. Body two.\r\n") == ["Title", "Body one.", "Body two."]


def test_seed_article_splits_cleanly() -> None:
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    sentences = split_sentences(article)
    assert_invariants(article, sentences)
    found = [s.text for s in sentences]
    assert found[0] == "NATO says Russia is increasing troop numbers on Ukrainian border"
    assert "“So far, we haven’t seen any de-escalation on the ground." in found
    assert "On the contrary, it looks like Russia is continuing its military buildup,” he said." in found
    assert "Russia ‘pursues military build-up’" in found


def test_numbered_article_is_one_compact_line_per_sentence() -> None:
    article = "Headline\n\nThe   minister\nsaid   so. “Yes,” she said."
    rendered = numbered_article(split_sentences(article))
    assert rendered == "[1] Headline\n[2] The minister said so.\n[3] “Yes,” she said."


def test_numbered_article_of_nothing_is_empty() -> None:
    assert numbered_article([]) == ""
