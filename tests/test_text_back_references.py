"""Rebuttals that only point back at what they answer, found by code."""

from __future__ import annotations

import pytest

from counterclaim.text.back_references import denies_something_said, objects_to_something_said


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
        "A biomechanicist questioned the findings.",  # an objection, not a denial
    ],
)
def test_a_denial_with_content_of_its_own_or_no_denial_is_not(sentence: str) -> None:
    assert not denies_something_said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A biomechanicist questioned the findings, saying the animal might have held its arms still.",
        "Another archaeologist disagreed with these findings: the seeps are too small.",
        "The opposition criticized the government's figures as too low.",
    ],
)
def test_an_objection_to_something_reported_before_is_seen(sentence: str) -> None:
    assert objects_to_something_said(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "She questioned whether the report's figures were accurate.",  # says what it questions
        "Critics questioned that the findings were reliable.",
        "The senator criticized the decision to close the base.",  # a decision is no saying
        "The minister has never questioned the findings.",  # negated
        "No one challenged the figures.",
        "The union didn't dispute those numbers.",
        "The policy was criticized in the report released on Tuesday.",  # passive: the report criticizes
        "The plan was opposed by the report's authors.",
        "Residents opposed the charges for parking near the station.",  # a charge to pay
        "Hackers attacked the account of the minister.",
    ],
)
def test_no_objection_when_negated_passive_or_about_something_else(sentence: str) -> None:
    assert not objects_to_something_said(sentence)
