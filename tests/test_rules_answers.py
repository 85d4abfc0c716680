"""Small repairs of the model's answers (`rules.answers`), made and traced in step 2 (claims)."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.answers import FIRST_OF_SEVERAL_NAMES
from counterclaim.pipeline.steps import claims
from fake_model import FakeModel, run_step, state_for

TEXT = (
    "The Kremlin said the drills were over, Reuters reported. Prices rose sharply in the capital on Monday."
)
EXERCISED = {FIRST_OF_SEVERAL_NAMES}


def claim(actor: str) -> dict[str, object]:
    statement = "The Kremlin said the drills were over."
    return {
        "sentence": 1,
        "actor": actor,
        "statement_in_english": statement,
        "kind": "assertion",
        "hedged": False,
    }


@pytest.mark.parametrize(
    ("given", "kept", "traced"),
    [
        ("The Kremlin; Reuters", "The Kremlin", True),  # a list of names: one claim, one actor
        ("The Kremlin", "The Kremlin", False),
        ("The  Kremlin ", "The Kremlin", False),  # only spaces folded: no decision
    ],
)
def test_an_actor_given_as_a_list_of_names_is_the_first_of_them(given: str, kept: str, traced: bool) -> None:
    state = state_for(TEXT, FakeModel({"ClaimDrafts": [{"claims": [claim(given)]}]}))
    run_step(state, claims.run, claims.NAME)
    assert [p.actor for p in state.proposals.kept] == [kept]
    decisions = state.trace.decisions()
    expected = [(FIRST_OF_SEVERAL_NAMES.name, DecisionAction.CUT, "claims", [1])] if traced else []
    assert [(d.rule, d.action, d.step, d.sentences) for d in decisions] == expected
