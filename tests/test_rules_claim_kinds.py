"""Claim kinds the article's words bear (`rules.claim_kinds`): a demand needs words of demanding, a
threat words of a consequence; code makes any other claim so labeled an assertion and traces it."""

from __future__ import annotations

import pytest

from builders import considered
from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.claim_kinds import KIND_WITHOUT_CUE, kind_borne

EXERCISED = {KIND_WITHOUT_CUE}


@pytest.mark.parametrize(
    ("kind", "text", "borne"),
    [
        ("demand", "Russia demands that Ukraine never be allowed to join NATO.", "demand"),
        ("demand", "Biden urged Russia to choose a diplomatic way to solve the problem.", "demand"),
        ("demand", "It wants the organization to cancel its presence in Eastern Europe.", "demand"),
        ("demand", "The protesters called for the bill to be withdrawn.", "demand"),
        ("demand", "Don\u2019t hold federal workers hostage.", "demand"),  # an imperative's "don't"
        ("demand", "Moscow has repeatedly insisted it has no intention of invading Ukraine.", "assertion"),
        ("demand", "How can you do this despite the United Nations?", "assertion"),
        ("threat", "Britain would target Russian banks if Russia invaded Ukraine.", "threat"),
        ("threat", "Lavrov threatened a response in kind.", "threat"),
        ("threat", "US has 'exacerbated threat of war', China says.", "assertion"),  # the noun alone
        ("threat", "The documents certainly pose a threat to troops.", "assertion"),
        (
            "demand",
            "Washington mustn\u2019t interfere in our affairs.",
            "demand",
        ),  # no word boundary in "mustn't"
        ("demand", "The EU pressed Russia to release Navalny.", "demand"),
        ("demand", "Release the prisoners now!", "demand"),  # an imperative's exclamation
        ("threat", "Russia wouldn\u2019t hesitate to strike.", "threat"),
        ("threat", "Iran vowed revenge for the killing.", "threat"),
        ("threat", "Beijing issued an ultimatum to Taipei.", "threat"),
        ("promise", "We are going to fix it.", "promise"),  # other kinds are left as the model gave them
        ("assertion", "Troops are leaving.", "assertion"),
    ],
)
def test_a_demand_or_threat_needs_words_of_its_kind(kind: str, text: str, borne: str) -> None:
    assert kind_borne(kind, [text]) == borne


def test_a_claim_labeled_a_demand_without_a_word_of_demanding_is_kept_as_an_assertion_and_traced() -> None:
    text = "Troops massed on the border. Moscow has repeatedly insisted it has no intention of invading."
    kept, decisions = considered(text, 2, "Moscow", "Moscow has no intention of invading.", kind="demand")
    (proposal,) = kept
    assert proposal.kind == "assertion"
    (decision,) = [d for d in decisions if d.rule == KIND_WITHOUT_CUE.name]
    assert decision.action is DecisionAction.RELABELED
    assert decision.reason == "sentence 2 holds no word of a demand: the claim is an assertion"


def test_a_demand_in_its_sentence_keeps_its_kind_without_a_trace_entry() -> None:
    text = "Troops massed on the border. Moscow demanded that NATO pull back its forces."
    kept, decisions = considered(text, 2, "Moscow", "NATO should pull back its forces.", kind="demand")
    assert [p.kind for p in kept] == ["demand"]
    assert all(d.rule != KIND_WITHOUT_CUE.name for d in decisions)
