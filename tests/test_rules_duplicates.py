"""One claim is said once (`rules.duplicates`, step 7): an actor's second claim on the same sentences with
the same statement or the same kind is dropped."""

from __future__ import annotations

import pytest

from builders import assembled
from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.duplicates import DUPLICATE_CLAIM

TEXT = "The minister said the budget balances and taxes will not rise. Lawmakers and the minister met."
BALANCES = "The minister says the budget balances."
FIRST = ("the minister", 1, BALANCES, "assertion")
EXERCISED = {DUPLICATE_CLAIM}


@pytest.mark.parametrize(
    ("second", "reason"),
    [
        (("the minister", 1, "THE MINISTER SAYS THE BUDGET BALANCES.", "prediction"), "statement"),
        (("the minister", 1, "Taxes will not rise.", "assertion"), "kind"),
        (("the minister", 1, "Taxes will not rise.", "prediction"), None),  # another point of the sentence
        (
            ("the minister", 2, "The minister says the budget balances.", "assertion"),
            None,
        ),  # another sentence
        (("Lawmakers", 2, "The minister says the budget balances.", "assertion"), None),  # another actor
    ],
    ids=["same-statement", "same-kind", "another-point", "another-sentence", "another-actor"],
)
def test_an_actors_repeated_claim_on_the_same_sentence_is_dropped(
    second: tuple[str, int, str, str], reason: str | None
) -> None:
    state = assembled(TEXT, [FIRST, second])
    decisions = [(d.rule, d.action, d.proposal, d.reason) for d in state.trace.decisions()]
    if reason is None:
        assert len(state.claims) == 2 and decisions == []
    else:
        assert [c.statement for c in state.claims] == [FIRST[2]]
        expected = f"repeats p1 (same actor, sentences and {reason})"
        assert decisions == [(DUPLICATE_CLAIM.name, DecisionAction.DROPPED, "p2", expected)]
