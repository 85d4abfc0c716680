"""Standalone statements: code removes the attribution frame a statement was written with, and tells a
statement that still cannot stand alone (`rules.statements`, step 6)."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules.statements import ATTRIBUTION_FRAME, standalone_problem, without_frame
from counterclaim.pipeline.steps import assemble
from fake_model import run_step, state_for

FRAME_CASES = [
    pytest.param(
        "NATO said Russia is adding troops on the border.",
        "NATO",
        "Russia is adding troops on the border.",
        id="said",
    ),
    pytest.param(
        "The Kremlin said on Wednesday that NATO was wrong to say so.",
        "The Kremlin",
        "NATO was wrong to say so.",
        id="said-on-day-that",
    ),
    pytest.param(
        "According to the ministry, 40 people died in the clashes.",
        "the ministry",
        "40 people died in the clashes.",
        id="according-to",
    ),
    pytest.param(
        "He said the talks would continue next week.",
        "Joe Biden",
        "The talks would continue next week.",
        id="pronoun-frame",
    ),
    pytest.param(
        "Officials said the bridge would close for weeks.", "the mayor", None, id="someone-else-frame-stays"
    ),
    pytest.param(
        "Y had told police that the car was stolen.", "the source", None, id="nested-attribution-stays"
    ),
    pytest.param(
        "The ministry said in a statement that the strike hit a fuel depot.",
        "The ministry",
        "The strike hit a fuel depot.",
        id="said-in-a-statement-that",
    ),
    pytest.param(
        "Obama said at Tuesday's summit that the deal was a breakthrough.",
        "Obama",
        "The deal was a breakthrough.",
        id="said-at-a-place-that",
    ),
    pytest.param(
        "NATO said on Wednesday Russia was adding troops.", "NATO", None, id="phrase-without-that-stays"
    ),
    pytest.param(
        "The government believes in dialogue with the protesters and their leaders.",
        "The government",
        None,
        id="believes-in-is-no-frame",
    ),
    pytest.param(
        "According to police, the opposition started the fire in the market.",
        "the opposition",
        None,
        id="according-to-someone-else-stays",
    ),
    pytest.param("NATO said it will.", "NATO", None, id="too-little-left"),
    pytest.param(
        "He also said the talks would continue next week.",
        "Joe Biden",
        "The talks would continue next week.",
        id="adverb-between-speaker-and-verb",
    ),
    pytest.param(
        "UNESCO reportedly said a change of name would need its approval.",
        "UNESCO",
        "A change of name would need its approval.",
        id="reportedly-said",
    ),
    pytest.param(
        "He has since said his first confession was forced.",
        "Ali Waseem",
        "Ali Waseem's first confession was forced.",
        id="possessive-of-the-speaker-named",
    ),
    pytest.param(
        "She said she would not resign from the board.",
        "Tove Lund",
        "Tove Lund would not resign from the board.",
        id="subject-pronoun-of-the-speaker-named",
    ),
    pytest.param(
        "Lund said he had broken the deal with the party.",
        "Tove Lund",
        "He had broken the deal with the party.",
        id="pronoun-after-a-named-frame-may-be-anyone",
    ),
    pytest.param(
        "According to Smith, he was shot twice in the leg.",
        "John Smith",
        "He was shot twice in the leg.",
        id="pronoun-after-according-to-stays",
    ),
    pytest.param(
        "She said he would not resign from the board.",
        "Tove Lund",
        "He would not resign from the board.",
        id="pronoun-of-someone-else-stays",
    ),
    pytest.param(
        "The spokesman said he would not resign from the board.",
        "the spokesman",
        "He would not resign from the board.",
        id="no-proper-name-no-replacement",
    ),
    pytest.param("Russia is adding troops.", "NATO", None, id="no-frame"),
]
EXERCISED = {ATTRIBUTION_FRAME}


@pytest.mark.parametrize(("statement", "actor", "point"), FRAME_CASES)
def test_a_leading_attribution_frame_of_the_actor_is_removed(
    statement: str, actor: str, point: str | None
) -> None:
    assert without_frame(statement, actor) == point


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("Russia is adding troops on the border.", None),
        ("It is too early to say.", None),
        ("They apply to the whole province.", "opens with the pronoun 'They'"),
        ("NATO said Russia is adding troops.", "attribution frame"),
        ("US President Trump called for more spending.", None),  # "US" is no pronoun
        ("Us against them, the poster read.", "opens with the pronoun 'Us'"),
        ("I believe I am right.", "opens with the pronoun 'I'"),
    ],
)
def test_a_statement_that_cannot_stand_alone_says_why(statement: str, problem: str | None) -> None:
    found = standalone_problem(statement)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_the_assemble_step_keeps_the_point_and_traces_it() -> None:
    text = "NATO said Russia is adding troops on the border. Moscow denied it."
    state = state_for(text)
    state.registry.add_name("NATO")
    state.statements = [
        Proposal("p1", (1,), "NATO", "NATO said Russia is adding troops on the border.", "assertion", False)
    ]
    run_step(state, assemble.run, assemble.NAME)
    (claim,) = state.claims
    assert claim.statement == "Russia is adding troops on the border."
    decisions = state.trace.decisions(state.claim_of_proposal)
    (decision,) = [d for d in decisions if d.rule == ATTRIBUTION_FRAME.name]
    assert (decision.action, decision.proposal, decision.claims) == (DecisionAction.RELABELED, "p1", ["c1"])
