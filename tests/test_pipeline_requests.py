"""A step's requests (`pipeline.requests`): sent together, answered in order, and an unusable answer
costing only its own part (rule `request.unusable_answer`), or raising when a step runs on its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from counterclaim.errors import ModelOutputError
from counterclaim.models import DecisionAction
from counterclaim.pipeline.requests import UNUSABLE_ANSWER
from counterclaim.pipeline.steps import claims
from fake_model import CUT_OFF, FakeModel, Reply, run_step, state_for

# Twelve sentences: three windows of five sentences at most (1-5, 6-10, 11-12).
TEXT = " ".join(f"Minister Number{n} said plan number {n} would work well." for n in range(1, 13))
EXERCISED = {UNUSABLE_ANSWER}


def first_sentence(body: dict[str, Any]) -> int:
    """The first sentence of the window a claims request asks about."""
    task = body["messages"][1]["content"].split("TASK")[1]
    return int(re.findall(r"\[(\d+)\]", task)[0])


def window_answer(sentence: int) -> dict[str, object]:
    claim = {
        "sentence": sentence,
        "actor": f"Minister Number{sentence}",
        "statement_in_english": f"Plan number {sentence} would work well.",
        "kind": "assessment",
        "hedged": False,
    }
    return {"claims": [claim]}


def answers(cut_off: int | None = None) -> Callable[[dict[str, Any]], Reply]:
    """Each window's answer: a claim on its first sentence, or cut off for the window at `cut_off`."""

    def answer(body: dict[str, Any]) -> Reply:
        first = first_sentence(body)
        return CUT_OFF if first == cut_off else window_answer(first)

    return answer


def test_an_unusable_answer_costs_its_window_only_with_a_notice_and_a_decision() -> None:
    model = FakeModel({"ClaimDrafts": [answers(cut_off=6)]})
    state = state_for(TEXT, model)
    run_step(state, claims.run, claims.NAME)
    assert model.schemas() == ["ClaimDrafts"] * 3
    assert [p.sentences for p in state.proposals.kept] == [(1,), (11,)]
    (notice,) = state.notices
    assert notice.startswith("sentences 6-10 were not analysed: ") and "cut off" in notice
    assert [(d.rule, d.action, d.reason) for d in state.trace.decisions()] == [
        (UNUSABLE_ANSWER.name, DecisionAction.SKIPPED, notice)
    ]


def test_a_step_run_on_its_own_raises_instead_of_skipping() -> None:
    state = state_for(TEXT, FakeModel({"ClaimDrafts": [answers(cut_off=6)]}))
    state.skip_unusable = False
    with pytest.raises(ModelOutputError, match="cut off"):
        run_step(state, claims.run, claims.NAME)
    assert state.trace.decisions() == []


def test_answers_are_read_in_the_order_the_requests_were_built_not_as_they_arrive() -> None:
    # The first window's answer comes last, the last window's first.
    model = FakeModel({"ClaimDrafts": [answers()]}, latency=lambda body: 0.3 / first_sentence(body))
    state = state_for(TEXT, model)
    run_step(state, claims.run, claims.NAME)
    assert [first_sentence(body) for body in model.answered] == [11, 6, 1]
    assert [(p.id, p.sentences) for p in state.proposals.kept] == [("p1", (1,)), ("p2", (6,)), ("p3", (11,))]


class CountingModel(FakeModel):
    """A fake model that counts the requests it is answering at once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_flight = 0
        self.most = 0

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            return await super().__call__(request)
        finally:
            self.in_flight -= 1


def test_no_more_requests_are_in_flight_than_the_concurrency_setting() -> None:
    many = " ".join(f"Minister Number{n} said plan number {n} would work well." for n in range(1, 31))
    for concurrency, expected in ((1, 1), (2, 2), (8, 6)):  # 30 sentences: 6 windows
        model = CountingModel({"ClaimDrafts": [answers()]}, latency=lambda body: 0.05)
        state = state_for(many, model, concurrency=concurrency)
        run_step(state, claims.run, claims.NAME)
        assert (model.most, len(state.proposals.kept)) == (expected, 6), concurrency
