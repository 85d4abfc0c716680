"""Statements with nothing true or false (`rules.propositions`): sympathy, condolence, prayer, a wish
or thanks alone are no claim, as the gold guide says; a figure or a report beside them keeps the claim."""

from __future__ import annotations

import pytest

from builders import considered
from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.propositions import SYMPATHY_ONLY, sympathy_only

EXERCISED = {SYMPATHY_ONLY}


@pytest.mark.parametrize(
    ("statement", "only"),
    [
        # seen on Wikinews pool articles (given as claims by the 1.5B)
        ('Deeply saddened by the loss of lives and offered "condolences to the families."', True),
        ("May the injured recover soon.", True),
        ("Let's all pray for Mayor Adamowicz.", True),
        ("Morawiecki is with Mayor Adamowicz in his thoughts and prayers.", True),
        ("I want to express my sympathy and regrets to the families of the victims of the fire.", True),
        ("She used Instagram to thank supporters.", True),
        ("May God protect their parents and loved ones.", True),
        # something said beside the sympathy
        ("He thanked the rescuers, saying 40 people were saved.", False),
        ("The minister offered condolences and said the attack was a cowardly act.", False),
        ("We are grateful that the court agreed with us.", False),
        ("The mayor thanked the firefighters who pulled 12 people from the flats.", False),  # a figure
        # no word of sympathy, or one that is no sympathy
        ("This reprieve is a thank-you from the butterflies to the people who planted milkweed.", False),
        ("The bridge is safe.", False),
    ],
)
def test_a_statement_of_sympathy_alone_is_no_claim(statement: str, only: bool) -> None:
    assert sympathy_only(statement) is only


def test_a_condolence_is_dropped_with_a_trace_entry() -> None:
    text = (
        "The hotel fire killed 17, officials said. "
        'Prime Minister Narendra Modi tweeted "Deeply saddened by the loss of lives."'
    )
    kept, decisions = considered(text, 2, "Narendra Modi", "Deeply saddened by the loss of lives.")
    assert kept == []
    (decision,) = [d for d in decisions if d.rule == SYMPATHY_ONLY.name]
    assert decision.action is DecisionAction.DROPPED
    said = 'Modi tweeted "Deeply saddened by the loss of lives" and said the owners would be punished.'
    kept, _ = considered(said, 1, "Modi", "Modi said the owners would be punished.")
    assert len(kept) == 1
