"""Content words as code compares them (`text.keywords`): concepts, opposites, negation."""

from __future__ import annotations

import pytest

from counterclaim.text.keywords import is_negated, keywords, opposed


def test_concepts_let_different_words_for_one_idea_meet_and_opposites_show() -> None:
    withdrawal = keywords("Units are returning to their bases")
    buildup = keywords("Russia is continuing its military buildup")
    assert "force" in withdrawal & buildup  # "units" and "military"
    assert opposed(withdrawal, buildup) and opposed(buildup, withdrawal)
    assert not opposed(keywords("troops returned"), keywords("troops withdrew"))


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("we haven't seen any de-escalation", True),
        ("Russia is not withdrawing", True),
        ("there was no withdrawal", True),
        ("we have seen it", False),
        ("Russia is withdrawing its troops", False),
    ],
)
def test_a_negation_is_seen_in_its_usual_forms(text: str, negated: bool) -> None:
    assert is_negated(text) is negated


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("troops massing", "a troop massing"),
        ("talks were resumed", "resuming talks"),
        ("new policies", "the new policy"),
        ("the agencies studied", "agency studies"),
    ],
)
def test_inflections_of_one_word_are_one_keyword(one: str, other: str) -> None:
    # Snowball English stems; the suffix list it replaced kept "polici" apart from "policy" and
    # "studi" apart from "studied".
    assert keywords(one) == keywords(other)


def test_a_negation_reaches_the_words_of_its_own_clause_only() -> None:
    from counterclaim.text.keywords import negation_scope

    assert negation_scope("It does not, however, list any 707s.") == {"list", "707s"}
    reached = negation_scope("There is no mission that matches the reports, and the army said more.")
    assert {"mission", "report"} <= reached and "armi" not in reached
    assert negation_scope("Nobody else spoke; the talks will go on.") == set()
    assert negation_scope("They won't save the monarch") == {"save", "monarch"}
    assert len(negation_scope("not " + " ".join(f"word{n}" for n in range(20)))) == 8
