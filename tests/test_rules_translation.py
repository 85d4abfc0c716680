"""Statements in English (`rules.translation`, step 4): a statement still in the article's language is
replaced by its translation only when the translation reads as English."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules.translation import STILL_FOREIGN, TRANSLATED
from counterclaim.pipeline.steps import translate
from counterclaim.pipeline.trace import Rule
from fake_model import FakeModel, run_step, state_for

TEXT = "Unita disse que houve mais de 700 mortes na província do Huambo."
FOREIGN = "Unita disse que houve mais de 700 mortes."

# (the statement, the model's translation, the statement kept, the rule that decides or None)
CASES: list[tuple[str, str | None, str, Rule | None]] = [
    (
        FOREIGN,
        "Unita said there were more than 700 deaths.",
        "Unita said there were more than 700 deaths.",
        TRANSLATED,
    ),
    (FOREIGN, "Unita disse que houve mais de 700 mortes no Huambo.", FOREIGN, STILL_FOREIGN),
    (FOREIGN, FOREIGN, FOREIGN, None),  # copied back unchanged: nothing was translated, nothing to drop
    ("Unita said more than 700 people died.", None, "Unita said more than 700 people died.", None),  # English
]
EXERCISED = {rule for *_, rule in CASES if rule is not None}


@pytest.mark.parametrize(
    ("statement", "translation", "kept", "rule"),
    CASES,
    ids=["translated", "still-foreign", "copied", "english"],
)
def test_a_translation_replaces_the_statement_only_when_it_reads_as_english(
    statement: str, translation: str | None, kept: str, rule: Rule | None
) -> None:
    model = FakeModel({"Translations": [{"item_0": translation}]} if translation else {})
    state = state_for(TEXT, model)
    proposal = Proposal(
        id="p1", sentences=(1,), actor="Unita", statement=statement, kind="assertion", hedged=False
    )
    state.proposals.kept.append(proposal)
    run_step(state, translate.run, translate.NAME)
    assert model.schemas() == (["Translations"] if translation else [])
    assert [p.statement for p in state.statements] == [kept]
    decisions = [(d.rule, d.proposal, d.sentences) for d in state.trace.decisions()]
    assert decisions == ([] if rule is None else [(rule.name, "p1", [1])])
    if rule is not None:
        action = DecisionAction.RELABELED if rule is TRANSLATED else DecisionAction.DROPPED
        assert state.trace.decisions()[0].action is action
    left_in_the_language = any("left in the article's language" in notice for notice in state.notices)
    assert left_in_the_language is (kept == FOREIGN)
