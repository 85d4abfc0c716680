# ruff: noqa: RUF001
"""Tests for counterclaim.text.grounding."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from counterclaim.models import Span
from counterclaim.text.grounding import (
    locate_quote,
    narrow_to_quote,
    normalize_for_match,
    sentence_span,
    span_of,
)
from counterclaim.text.sentences import split_sentences

SEED_ARTICLE = Path(__file__).parent.parent / "seeds/articles/nato-russia-troop-buildup-2022-02-16.txt"

QUOTE_MARKS = "\"'‘’‚‛′ʼʹ`‹›“”„‟″〝〞＂«»"
ALPHABET = [*"abcAB xyz.,-–—‑−'\"‘’“”«»…\n\t\u00a0\u200b\u00adßİéﬁ´", "e\u0301"]


def norm(text: str) -> str:
    return normalize_for_match(text)[0]


def stripped(quote: str) -> str:
    return quote.strip().strip(QUOTE_MARKS + " \t\r\n\u00a0").strip()


def assert_valid(text: str, span: Span, lo: int = 0, hi: int | None = None) -> None:
    hi = len(text) if hi is None else hi
    assert lo <= span.start <= span.end <= hi
    assert span.text == text[span.start : span.end]


# normalize_for_match ---------------------------------------------------------------------------


def test_normalize_maps_typography_to_ascii_and_keeps_origins() -> None:
    text = "“Don’t”\u00a0 go – now…  OK—«Oui» ‑ x−y"
    normalized, origin = normalize_for_match(text)
    assert normalized == '"don\'t" go - now... ok-"oui" - x-y'
    assert len(origin) == len(normalized)
    assert origin[normalized.index("go")] == text.index("go")
    ellipsis = text.index("…")
    assert origin[normalized.index("...") : normalized.index("...") + 3] == [ellipsis] * 3


def test_normalize_drops_invisible_characters_and_casefolds() -> None:
    normalized, origin = normalize_for_match("Stra\u00adße\u200bX")
    assert normalized == "strassex"
    assert origin == [0, 1, 2, 3, 5, 5, 6, 8]


@given(st.text(max_size=100))
def test_normalize_origins_are_valid_and_non_decreasing(text: str) -> None:
    normalized, origin = normalize_for_match(text)
    assert len(origin) == len(normalized)
    assert all(0 <= i < len(text) for i in origin)
    assert origin == sorted(origin)


def test_normalize_returns_a_fresh_origin_list() -> None:
    normalize_for_match("abc")[1].append(99)
    assert normalize_for_match("abc")[1] == [0, 1, 2]


# span_of ---------------------------------------------------------------------------------------


def test_span_of_trims_whitespace() -> None:
    assert span_of("  hello world \n", 0, 15) == Span(start=2, end=13, text="hello world")


def test_span_of_all_whitespace_is_empty_at_end() -> None:
    assert span_of("a   b", 1, 4) == Span(start=4, end=4, text="")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_span_of_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        span_of("hello", start, end)


# locate_quote: examples ------------------------------------------------------------------------


def test_locate_exact_prefers_first_occurrence() -> None:
    text = "He said no. She said no."
    assert locate_quote(text, "said no") == Span(start=3, end=10, text="said no")
    assert locate_quote(text, "said no", start=4) == Span(start=16, end=23, text="said no")


def test_locate_strips_quote_marks_and_whitespace() -> None:
    text = "The minister said: “We will not retreat.” Then he left."
    span = locate_quote(text, '  "We will not retreat."  ')
    assert span is not None
    assert span.text == "We will not retreat."


def test_locate_normalized_quotes_dashes_whitespace_and_case() -> None:
    text = "Stoltenberg: “So far, we haven’t seen any de‑escalation —\non  the ground.”"
    span = locate_quote(text, "so far, we haven't seen any de-escalation - on the ground.")
    assert span is not None
    assert span.text == "So far, we haven’t seen any de‑escalation —\non  the ground."


def test_locate_with_extra_trailing_period() -> None:
    text = "“We will win,” he said."
    span = locate_quote(text, "We will win.")
    assert span is not None
    assert span.text == "We will win"


def test_locate_ignoring_dropped_punctuation() -> None:
    text = "“So far, we haven’t seen any de-escalation on the ground.”"
    span = locate_quote(text, "so far we havent seen any deescalation")
    assert span is not None
    assert span.text == "So far, we haven’t seen any de-escalation"


def test_short_quotes_are_not_matched_punctuation_blind() -> None:
    assert locate_quote("We’ll see.", "well") is None


def test_locate_elided_quote() -> None:
    text = (
        "“We have field hospitals near the border, which can only mean preparation for an invasion,” he said."
    )
    span = locate_quote(text, "We have field hospitals … preparation for an invasion")
    assert span is not None
    assert (
        span.text
        == "We have field hospitals near the border, which can only mean preparation for an invasion"
    )
    assert locate_quote(text, "We have field hospitals [...] preparation for a war") is None


def test_elided_pieces_must_be_in_order() -> None:
    assert locate_quote("alpha beta gamma", "gamma ... alpha") is None


def test_locate_missing_or_empty_quote() -> None:
    text = "Nothing to see here."
    assert locate_quote(text, "something else") is None
    assert locate_quote(text, "") is None
    assert locate_quote(text, " “ ” ") is None


def test_locate_only_within_window() -> None:
    text = "said no. said no. said no."
    span = locate_quote(text, "SAID NO", start=5, end=17)
    assert span == Span(start=9, end=16, text="said no")
    assert locate_quote(text, "said no", start=10, end=16) is None
    assert locate_quote(text, "said no", start=-5, end=100) == Span(start=0, end=7, text="said no")


def test_locate_in_seed_article() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    span = locate_quote(text, '"Russia has over 150,000 troops surrounding Ukraine in Belarus"')
    assert span is not None
    assert span.text == "Russia has over 150,000 troops surrounding Ukraine in Belarus"
    assert text[span.start : span.end] == span.text


# locate_quote: properties ----------------------------------------------------------------------


@st.composite
def text_and_slice(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=60).map("".join))
    i = draw(st.integers(0, len(text)))
    j = draw(st.integers(i, len(text)))
    return text, i, j


@settings(max_examples=300)
@given(text_and_slice())
def test_locating_a_slice_finds_it_or_an_earlier_equal_copy(case: tuple[str, int, int]) -> None:
    text, i, j = case
    quote = text[i:j]
    needle = stripped(quote)
    span = locate_quote(text, quote)
    if not needle:
        assert span is None
        return
    assert span is not None
    assert_valid(text, span)
    assert span.text == needle
    assert span.start <= i + quote.index(needle)


SWAPS = {
    **dict.fromkeys('"“”„«»', '"“”„«»'),
    **dict.fromkeys("'‘’", "'‘’"),
    **dict.fromkeys("-–—‑−", "-–—‑−"),
    **{space: (" ", "\n", "  ", "\u00a0", " \t") for space in " \n\t\u00a0"},
}


@st.composite
def variant_of(draw: st.DrawFn, quote: str) -> str:
    out = []
    for ch in quote:
        if ch in SWAPS:
            out.append(draw(st.sampled_from(list(SWAPS[ch]))))
        elif ch.isascii() and ch.isalpha():
            out.append(draw(st.sampled_from([ch.lower(), ch.upper()])))
        else:
            out.append(ch)
    return "".join(out)


@settings(max_examples=300)
@given(st.data(), text_and_slice())
def test_locating_a_typographic_variant_maps_back_exactly(
    data: st.DataObject, case: tuple[str, int, int]
) -> None:
    text, i, j = case
    variant = data.draw(variant_of(text[i:j]))
    needle = stripped(variant)
    assume(needle)
    span = locate_quote(text, variant)
    assert span is not None
    assert_valid(text, span)
    assert norm(span.text) == norm(needle)


@settings(max_examples=200)
@given(st.text(max_size=60), st.text(max_size=20), st.integers(-5, 70), st.integers(-5, 70))
def test_locate_never_returns_offsets_outside_the_window(text: str, quote: str, start: int, end: int) -> None:
    span = locate_quote(text, quote, start=start, end=end)
    if span is not None:
        hi = max(0, min(end, len(text)))
        assert_valid(text, span, max(0, min(start, hi)), hi)


# sentence_span ---------------------------------------------------------------------------------

ARTICLE = "One. Two!  Three?\n\nFour. Five."


def test_sentence_span_single_and_merged() -> None:
    sentences = split_sentences(ARTICLE)
    assert sentence_span(ARTICLE, sentences, [2]) == [Span(start=5, end=9, text="Two!")]
    assert sentence_span(ARTICLE, sentences, [3, 1, 2, 5, 2]) == [
        Span(start=0, end=17, text="One. Two!  Three?"),
        Span(start=25, end=30, text="Five."),
    ]
    assert sentence_span(ARTICLE, sentences, [3, 4]) == [Span(start=11, end=24, text="Three?\n\nFour.")]
    assert sentence_span(ARTICLE, sentences, []) == []


@pytest.mark.parametrize("bad", [0, 6, -1])
def test_sentence_span_names_the_bad_number(bad: int) -> None:
    sentences = split_sentences(ARTICLE)
    with pytest.raises(ValueError, match=rf"sentence number {bad} is out of range"):
        sentence_span(ARTICLE, sentences, [1, bad])


# narrow_to_quote -------------------------------------------------------------------------------


def narrow(sentence: str) -> str:
    return narrow_to_quote(sentence, span_of(sentence, 0, len(sentence))).text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "“We will not retreat from any position,” the minister said.",
            "We will not retreat from any position",
        ),
        (
            '"Russia is continuing its military buildup," he said.',
            "Russia is continuing its military buildup",
        ),
        ("Il a déclaré : « Nous ne reculerons devant rien. »", "Nous ne reculerons devant rien."),
        ("Er sagte: „Wir ziehen die Truppen jetzt ab.“", "Wir ziehen die Truppen jetzt ab."),
    ],
)
def test_narrow_to_the_single_full_quotation(sentence: str, expected: str) -> None:
    assert narrow(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Stoltenberg said NATO allies “remain ready to engage with Russia.”",
        "The ministers discussed what the alliance called “the crisis”, officials in Brussels said.",
        "He said the West saw “some positive signs” but “the intelligence is still not encouraging”.",
        "“So far, we haven’t seen any de-escalation on the ground.",
        "The Kremlin said the claims were “Wrong” and rejected them at length.",
        "No quotation at all.",
    ],
)
def test_narrow_leaves_other_sentences_unchanged(sentence: str) -> None:
    assert narrow(sentence) == sentence


def test_narrow_maps_to_article_offsets() -> None:
    article = "Intro. “We are ready to talk,” she said. Outro."
    sentence = sentence_span(article, split_sentences(article), [2])[0]
    narrowed = narrow_to_quote(article, sentence)
    assert narrowed == Span(start=8, end=28, text="We are ready to talk")


def test_narrow_rejects_a_foreign_span() -> None:
    with pytest.raises(ValueError, match="does not match"):
        narrow_to_quote("abc", Span(start=0, end=2, text="xy"))
