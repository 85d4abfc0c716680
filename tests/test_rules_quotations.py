"""A quotation that runs over several sentences is one claim (`rules.quotations`, step 7)."""

from __future__ import annotations

import pytest

from builders import assembled
from counterclaim.models import DecisionAction, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.quotations import ONE_QUOTATION, PlacedClaim, quotation_groups

ARTICLE = PreparedArticle.from_text(
    "\u201cWe have seen no change. The troops are still there. They dug in,\u201d the minister said. "
    "The general said the troops left. \u201cThat is false. It is a lie,\u201d an envoy said."
)
# Sentences: 1 We have seen / 2 The troops / 3 They dug in / 4 The general / 5 That is false / 6 It is a lie


def placed(actor: str, sentence: int, kind: str = "assertion") -> PlacedClaim:
    return PlacedClaim(actor_id=actor, sentences=(sentence,), kind=kind)


def test_one_actors_claims_in_one_quotation_are_joined() -> None:
    claims = [
        placed("a1", 1),
        placed("a1", 2),
        placed("a1", 3),
        placed("a2", 4),
        placed("a3", 5),
        placed("a3", 6),
    ]
    assert len(ARTICLE.sentences) == 6
    assert quotation_groups(ARTICLE, claims) == [[0, 1, 2], [3], [4, 5]]


def test_claims_of_other_actors_deeds_gaps_and_split_points_stay_apart() -> None:
    # Different actors inside one quotation (the model's attribution is not overruled here).
    assert quotation_groups(ARTICLE, [placed("a1", 1), placed("a2", 2)]) == [[0], [1]]
    # A deed is never part of a quotation.
    assert quotation_groups(ARTICLE, [placed("a1", 1), placed("a1", 2, "action")]) == [[0], [1]]
    # Not consecutive sentences.
    assert quotation_groups(ARTICLE, [placed("a1", 1), placed("a1", 3)]) == [[0], [1]]
    # Two claims of the actor in one sentence: two points the model kept apart.
    assert quotation_groups(ARTICLE, [placed("a1", 1), placed("a1", 2), placed("a1", 2)]) == [[0], [1], [2]]
    # Sentence 5 starts a new quotation after narration: nothing open at its start.
    assert quotation_groups(ARTICLE, [placed("a2", 4), placed("a2", 5)]) == [[0], [1]]


def test_a_claim_of_another_actor_in_between_does_not_break_the_run() -> None:
    claims = [placed("a1", 1), placed("a9", 1), placed("a1", 2)]
    assert quotation_groups(ARTICLE, claims) == [[0, 2], [1]]


EXERCISED = {ONE_QUOTATION}
ENVOY = "\u201cThat is false. It is a lie,\u201d an envoy said. The talks went on until late at night."


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        (("an envoy", 2, "It is a lie.", "assertion"), True),
        (("an envoy", 2, "It is a lie.", "action"), False),  # a deed is never part of a quotation
        (("the talks", 3, "The talks went on.", "assertion"), False),  # after the quotation closed
    ],
    ids=["one-quotation", "deed", "outside"],
)
def test_the_assemble_step_joins_one_quotation_into_one_claim(
    second: tuple[str, int, str, str], joined: bool
) -> None:
    state = assembled(ENVOY, [("an envoy", 1, "That is false", "denial"), second], join_quotations=True)
    decisions = [(d.rule, d.action, d.claims, d.sentences) for d in state.trace.decisions()]
    if not joined:
        assert len(state.claims) == 2 and decisions == []
        return
    (claim,) = state.claims
    assert claim.statement == "That is false. It is a lie."
    (span,) = claim.evidence
    assert span.text == "\u201cThat is false. It is a lie,\u201d an envoy said."
    assert span.grounding is SpanGrounding.JOINED_QUOTATION
    assert decisions == [(ONE_QUOTATION.name, DecisionAction.JOINED, ["c1"], [1, 2])]
    assert state.claim_of_proposal == {"p1": "c1", "p2": "c1"}


def test_without_the_setting_each_sentence_of_a_quotation_is_its_own_claim() -> None:
    state = assembled(
        ENVOY, [("an envoy", 1, "That is false", "denial"), ("an envoy", 2, "It is a lie.", "assertion")]
    )
    assert [(c.statement, [span.text for span in c.evidence]) for c in state.claims] == [
        ("That is false", ["\u201cThat is false."]),
        ("It is a lie.", ["It is a lie,\u201d an envoy said."]),
    ]
    assert list(state.trace.decisions()) == []
