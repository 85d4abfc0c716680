"""text.proper_names: names of several capitalized words, read as sets of stems."""

from __future__ import annotations

import pytest

from counterclaim.text.proper_names import name_runs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("No one believes Robert Mugabe won.", [{"robert", "mugab"}]),
        (
            "The Bank of England said the Golan Heights are Israeli.",
            [{"bank", "england"}, {"golan", "height"}],
        ),
        ("Ursula von der Leyen met Bashar al-Assad.", [{"ursula", "leyen"}, {"bashar", "al-assad"}]),
        ("Álvaro Uribe spoke.", [{"álvaro", "urib"}]),
        ("US Denies Reports That Helicopters Crossed Into Pakistan", []),  # a headline
        ("NATO Secretary General Jens Stoltenberg said so.", []),  # five capitals: taken for a headline
        ("Mr. Brown met Tsvangirai, Britain's guest.", []),  # punctuation ends a name
        ("Russian troops arrived in Crimea.", []),
    ],
)
def test_names_of_several_words_are_read_as_runs_of_capitals(text: str, names: list[set[str]]) -> None:
    assert [set(run) for run in name_runs(text)] == names
