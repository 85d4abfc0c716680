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
        ("Joachim Brudzinski tweeted, 'I want to express my sympathy and regrets to the families.'", True),
        ("President Andrzej Duda prays for his return to health and full strength.", True),
        ("Get well soon, Mr President.", True),
        # something said beside the sympathy (a review's probes)
        ("He thanked the rescuers, saying 40 people were saved.", False),
        ("The minister offered condolences and said the attack was a cowardly act.", False),
        ("We are grateful that the court agreed with us.", False),
        ("The minister expressed sympathy but rejected calls for an inquiry.", False),
        ("The PM sent condolences and vowed to hunt down the attackers.", False),
        ("Pope Francis prayed for the victims and called for an end to the violence.", False),
        ("Our prayers are with Israel, which has every right to defend itself.", False),
        ("Hamas thanked Iran for arming its fighters.", False),  # thanks for a deed asserts the deed
        ("She thanked God nobody was hurt.", False),
        ("Ukraine mourns after Russian strike kills dozens in Dnipro.", False),
        # sympathy as the topic, or another sense of the words
        ("Thanks to the new law, crime fell sharply.", False),
        ("Moscow dismissed Western condolences as hypocrisy.", False),
        ("The ministry denied offering condolences to the rebel commander's family.", False),
        ("Sympathy for the rebels is growing, the poll shows.", False),
        ("Workers staged sympathy strikes in support of the miners.", False),
        ("Thoughts and prayers are not enough; Congress must act on guns.", False),
        ("The cleric prayed for the death of America.", False),
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
