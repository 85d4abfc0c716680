"""Denials that only point back at what they deny, found by code."""

from __future__ import annotations

import pytest

from counterclaim.text.back_references import denies_something_said


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry quickly denied the allegations.",
        "A spokeswoman dismissed the story as fiction when reached by phone.",
        "The council rejected the union\u2019s claims on Tuesday.",
        "Lima disputes that, saying the plan was published in March.",
        "The mayor denied it.",
        "Speaking at a rally, the governor said the accusations were baseless.",
        "Officials said those figures are wrong.",
        "The judge rejected this argument.",  # a court's rebuttal (a validation article, session 51)
        "The tribunal dismissed the government's contention on Monday.",
    ],
)
def test_a_denial_of_something_reported_before_is_seen(sentence: str) -> None:
    assert denies_something_said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He denied that troops had crossed the border.",  # says what it denies: shared words pair it
        "The ministry denied any wrongdoing.",
        "She said the report was accurate.",
        "The report says 40 people were killed.",
        "Police dismissed three officers after the inquiry.",
    ],
)
def test_a_denial_with_content_of_its_own_or_no_denial_is_not(sentence: str) -> None:
    assert not denies_something_said(sentence)
