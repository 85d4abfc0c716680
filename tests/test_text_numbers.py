"""Tests for counterclaim.text.numbers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterclaim.text.numbers import (
    Bound,
    NumericRelation,
    Quantity,
    compare_quantities,
    extract_quantities,
)

INF = math.inf
NOISE_ALPHABET = "0123456789,.-\u2013$%€ kmbn aboutverlsthanpeoplToIN\n"


def only(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "bound", "unit", "phrase"),
    [
        (
            "Russia has over 150,000 troops near Ukraine",
            150_000,
            INF,
            Bound.AT_LEAST,
            "troop",
            "over 150,000 troops",
        ),
        (
            "more than 100,000 troops, tanks",
            100_000,
            INF,
            Bound.AT_LEAST,
            "troop",
            "more than 100,000 troops",
        ),
        ("at least 12 people", 12, INF, Bound.AT_LEAST, "person", "at least 12 people"),
        ("upwards of 300 tanks", 300, INF, Bound.AT_LEAST, "tank", "upwards of 300 tanks"),
        ("200 tanks or more", 200, INF, Bound.AT_LEAST, "tank", "200 tanks or more"),
        ("fewer than 10 tanks", 0, 10, Bound.AT_MOST, "tank", "fewer than 10 tanks"),
        ("less than 5 percent", 0, 5, Bound.AT_MOST, "percent", "less than 5 percent"),
        ("under 40 soldiers", 0, 40, Bound.AT_MOST, "soldier", "under 40 soldiers"),
        ("up to 200 tanks", 0, 200, Bound.AT_MOST, "tank", "up to 200 tanks"),
        ("at most 3 ships", 0, 3, Bound.AT_MOST, "ship", "at most 3 ships"),
        ("around 14,000 people", 12_600, 15_400, Bound.ABOUT, "person", "around 14,000 people"),
        ("about 100 tanks", 90, 110, Bound.ABOUT, "tank", "about 100 tanks"),
        ("roughly 50 drones", 45, 55, Bound.ABOUT, "drone", "roughly 50 drones"),
        ("some 40 children died", 36, 44, Bound.ABOUT, "child", "some 40 children"),
        ("approximately 1,000 refugees", 900, 1_100, Bound.ABOUT, "refugee", "approximately 1,000 refugees"),
        ("nearly 5,000 wounded", 4_500, 5_000, Bound.ABOUT, "wounded", "nearly 5,000 wounded"),
        ("almost 300 armed men fled", 270, 300, Bound.ABOUT, "man", "almost 300 armed men"),
        ("between 5 and 10 percent", 5, 10, Bound.RANGE, "percent", "between 5 and 10 percent"),
        ("5-10 people", 5, 10, Bound.RANGE, "person", "5-10 people"),
        ("5 to 10 million dollars", 5e6, 1e7, Bound.RANGE, "dollar", "5 to 10 million dollars"),
        ("13,000 people died", 13_000, 13_000, Bound.EXACT, "person", "13,000 people"),
        ("1.5 million refugees", 1.5e6, 1.5e6, Bound.EXACT, "refugee", "1.5 million refugees"),
        ("150k soldiers", 150_000, 150_000, Bound.EXACT, "soldier", "150k soldiers"),
        ("$1.5bn in aid", 1.5e9, 1.5e9, Bound.EXACT, "dollar", "$1.5bn"),
        ("US$5 million", 5e6, 5e6, Bound.EXACT, "dollar", "US$5 million"),
        ("€20 billion", 2e10, 2e10, Bound.EXACT, "euro", "€20 billion"),
        ("5% growth", 5, 5, Bound.EXACT, "percent change", "5%"),
        ("3.5 per cent", 3.5, 3.5, Bound.EXACT, "percent", "3.5 per cent"),
        ("two dozen tanks", 24, 24, Bound.EXACT, "tank", "two dozen tanks"),
        ("a dozen people", 12, 12, Bound.EXACT, "person", "a dozen people"),
        ("twelve soldiers", 12, 12, Bound.EXACT, "soldier", "twelve soldiers"),
        ("two hundred thousand people", 2e5, 2e5, Bound.EXACT, "person", "two hundred thousand people"),
        ("twenty-five police officers", 25, 25, Bound.EXACT, "officer", "twenty-five police officers"),
        ("2,000 Russian troops", 2_000, 2_000, Bound.EXACT, "troop", "2,000 Russian troops"),
        ("a 1,000 kilometer journey", 1_000, 1_000, Bound.EXACT, "kilometer", "1,000 kilometer"),
        ("10km road", 10, 10, Bound.EXACT, "kilometer", "10km"),
        ("150,000-strong force", 150_000, 150_000, Bound.EXACT, "force", "150,000-strong force"),
        (
            "Thousands of Russian soldiers",
            2_000,
            19_999,
            Bound.RANGE,
            "soldier",
            "Thousands of Russian soldiers",
        ),
        ("dozens of civilians were hurt", 24, 199, Bound.RANGE, "civilian", "dozens of civilians"),
        ("tens of thousands of people", 20_000, 99_999, Bound.RANGE, "person", "tens of thousands of people"),
        ("more than a thousand people", 1_000, INF, Bound.AT_LEAST, "person", "more than a thousand people"),
        ("5.5 percentage points", 5.5, 5.5, Bound.EXACT, "percentage point", "5.5 percentage points"),
        ("casualties rose to 12 casualties", 12, 12, Bound.EXACT, "casualty", "12 casualties"),
    ],
)
def test_extracts_quantity(text: str, low: float, high: float, bound: Bound, unit: str, phrase: str) -> None:
    assert only(text) == Quantity(low=low, high=high, bound=bound, unit=unit, text=phrase)


@pytest.mark.parametrize(
    "text",
    [
        "Since 2002, Ukraine has sought to join NATO.",
        "in 2014 Russia annexed Crimea",
        "the 2014 annexation",
        "during Allied Resolve 2022 joint exercises",
        "S-400 air defense systems",
        "COVID-19 and the G7",
        "on February 20",
        "on Feb. 24, 2022",
        "24 February",
        "at 3:30 and 10 a.m. and 10am",
        "the 24th brigade",
        "The group's Article 5 clause",
        "No. 10 Downing Street",
        "one of the soldiers",
        "no one said anything",
        "On the one hand, troops left",
    ],
)
def test_ignores_years_dates_times_names_and_references(text: str) -> None:
    assert extract_quantities(text) == []


def test_extracts_several_in_order() -> None:
    found = extract_quantities("a 1,000 kilometer (621 mile) journey by 5 tanks")
    assert [(q.low, q.unit) for q in found] == [(1_000, "kilometer"), (621, "mile"), (5, "tank")]


def test_digits_without_a_unit_have_an_empty_unit() -> None:
    assert only("cases rose to 5,000.") == Quantity(5_000, 5_000, Bound.EXACT, "", "5,000")


def test_from_to_is_a_change_not_a_range() -> None:
    found = extract_quantities("rose from 5 to 10 people")
    assert [(q.low, q.high, q.bound) for q in found] == [(5, 5, Bound.EXACT), (10, 10, Bound.EXACT)]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list(NOISE_ALPHABET)), max_size=60))
def test_extraction_is_well_formed_on_noise(text: str) -> None:
    for quantity in extract_quantities(text):
        assert quantity.low <= quantity.high
        assert quantity.text in text
        assert quantity.text == quantity.text.strip()


@given(st.text(max_size=80))
def test_extraction_never_fails(text: str) -> None:
    extract_quantities(text)


# compare_quantities ----------------------------------------------------------------------------


def test_lower_bounds_on_troops_are_compatible_both_ways() -> None:
    a = "Russia has over 150,000 troops surrounding Ukraine"
    b = "more than 100,000 troops had been moved to the border"
    forward = compare_quantities(a, b)
    assert forward.relation is NumericRelation.COMPATIBLE
    assert forward.explanation == (
        "'over 150,000 troops' and 'more than 100,000 troops' are compatible: "
        "both are lower bounds that can hold at once"
    )
    backward = compare_quantities(b, a)
    assert backward.relation is NumericRelation.COMPATIBLE
    assert "both are lower bounds" in backward.explanation


def test_different_units_are_not_comparable() -> None:
    verdict = compare_quantities("a 1,000 kilometer journey", "a 621 mile journey")
    assert verdict.relation is NumericRelation.NOT_COMPARABLE
    assert "kilometer" in verdict.explanation
    assert "mile" in verdict.explanation


def test_exact_and_about_overlapping_are_compatible() -> None:
    verdict = compare_quantities("13,000 people died", "around 14,000 people")
    assert verdict.relation is NumericRelation.COMPATIBLE
    assert "12,600" in verdict.explanation
    assert "15,400" in verdict.explanation


def test_disjoint_exact_counts_conflict() -> None:
    verdict = compare_quantities("5 people were killed", "12 people were killed")
    assert verdict.relation is NumericRelation.CONFLICTING
    assert verdict.explanation.startswith("'5 people' and '12 people' conflict")


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("over 150,000 troops", "100,000 soldiers", NumericRelation.CONFLICTING),
        ("fewer than 10 tanks", "up to 20 tanks", NumericRelation.COMPATIBLE),
        ("fewer than 10 tanks", "at least 20 tanks", NumericRelation.CONFLICTING),
        ("dozens of civilians", "hundreds of civilians", NumericRelation.CONFLICTING),
        ("thousands of people", "5,000 people", NumericRelation.COMPATIBLE),
        ("nearly 5,000 people", "5,200 people", NumericRelation.CONFLICTING),
        ("between 5 and 10 percent", "7%", NumericRelation.COMPATIBLE),
        ("5 people died and 12 people were injured", "12 people", NumericRelation.COMPATIBLE),
        ("100 tanks and 5 people", "100 tanks and 9 people", NumericRelation.CONFLICTING),
        ("$5 million in aid", "5 million dollars", NumericRelation.COMPATIBLE),
        ("5 people died", "Moscow denied everything", NumericRelation.NOT_COMPARABLE),
        ("in 2014 Russia annexed Crimea", "in 2015 Russia annexed Crimea", NumericRelation.NOT_COMPARABLE),
        # Nationals of a country are its people: "Mexican nationals" are counted as "Mexicans".
        ("six Mexican nationals were killed", "eight Mexicans died", NumericRelation.CONFLICTING),
        ("two Chinese nationals", "two Chinese", NumericRelation.COMPATIBLE),
        ("six Mexican nationals were killed", "eight Americans died", NumericRelation.NOT_COMPARABLE),
        ("three nationals", "five Mexicans", NumericRelation.NOT_COMPARABLE),
    ],
)
def test_compare_cases(a: str, b: str, relation: NumericRelation) -> None:
    assert compare_quantities(a, b).relation is relation
    assert compare_quantities(b, a).relation is relation


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the earthquake's magnitude was 5.5", 5.5, "magnitude"),
        ("a magnitude of 6.1", 6.1, "magnitude"),
        ("magnitude 6.4", 6.4, "magnitude"),
        ("the death toll has risen to 12", 12, "death"),
        ("a death toll of 30", 30, "death"),
        ("the toll rose to 30 people", 30, "person"),  # a unit after the figure comes first
        ("the agency reported 5.8", 5.8, ""),  # no measure noun
        ("the magnitude, the agency said, was 5", 5, ""),  # not across a clause
        # found by a review: a toll of something else
        ("the casualty toll rose to 40", 40, ""),
        ("the bridge toll rose to 8", 8, ""),
        ("the toll rose to 30", 30, "death"),
        ("the official toll stood at 45", 45, "death"),  # found by a second review
        ("the storm's toll rose to 45", 45, "death"),
        ("the injured toll rose to 30", 30, ""),  # found by a third review
    ],
)
def test_a_measure_noun_before_a_figure_is_its_unit(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.low, quantity.unit) == (value, unit)


def test_two_magnitudes_of_one_quake_conflict() -> None:
    verdict = compare_quantities("The magnitude was 5.5.", "The agency reported the magnitude was 5.8.")
    assert verdict.relation is NumericRelation.CONFLICTING
    toll = compare_quantities("The death toll rose to 12.", "12 deaths")
    assert toll.relation is NumericRelation.COMPATIBLE


def test_missing_quantity_is_named() -> None:
    verdict = compare_quantities("5 people died", "Moscow denied everything")
    assert verdict.explanation == "'Moscow denied everything' states no countable quantity"


@pytest.mark.parametrize(
    "text",
    ["85% more wildfires than last year", "exports were up 5%", "sales rose 12 per cent", "fell by 3%"],
)
def test_a_percentage_that_states_a_change_is_not_a_share(text: str) -> None:
    assert only(text).unit == "percent change"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Fuel makes up 20% of the cost.", "percent"),
        ("The plan was backed by 60% of voters.", "percent"),
        ("Prices rose by 5% this year.", "percent change"),
        ("Turnout was up 4% on last year.", "percent change"),
    ],
)
def test_up_and_by_make_a_change_unless_they_belong_to_the_verb(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_a_change_and_a_share_are_not_compared() -> None:
    share = "The forest produces 20 percent of the planet's oxygen."
    change = "There have been 85% more wildfires in 2019 than in 2018."
    assert compare_quantities(share, change).relation is NumericRelation.NOT_COMPARABLE
    assert compare_quantities(change, "Fires rose 40% this year.").relation is NumericRelation.CONFLICTING
    assert compare_quantities(share, "It makes 6% of the oxygen.").relation is NumericRelation.CONFLICTING
