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
        "A biomechanicist questioned the findings, saying the animal might have held its arms still.",
        "Another archaeologist disagreed with these findings: the seeps are too small.",
        "The opposition criticized the government's figures as too low.",
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
        "She questioned whether the plan would work.",  # says what it questions
        "Critics questioned that the dam was safe.",
        "The senator criticized the decision to close the base.",  # a decision is no saying
    ],
)
def test_a_denial_with_content_of_its_own_or_no_denial_is_not(sentence: str) -> None:
    assert not denies_something_said(sentence)
