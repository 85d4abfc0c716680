"""A quotation that runs over several sentences is one claim: the quotation-mark rule and the joining."""

from __future__ import annotations

import pytest

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.quotations import PlacedClaim, quotation_groups
from counterclaim.text.quotations import quotation_open_at

TEXT = (
    "\u201cWe have seen no change. The troops are still there,\u201d the minister said. "
    "The talks resume on Monday.\n"
    '"Prices will fall. Wages will not," the union said. Rain is expected.\n'
    "\u00abNous restons. Nous voulons la paix\u00bb, a dit le maire."
)


def at(sentence: str) -> int:
    return TEXT.index(sentence)


@pytest.mark.parametrize(
    ("sentence", "inside"),
    [
        ("The troops are still there", True),  # curly marks, opened in the sentence before
        ("The talks resume", False),  # closed before
        ("Wages will not", True),  # straight marks
        ("Rain is expected", False),
        ("Nous voulons", True),  # guillemets
    ],
)
def test_a_quotation_is_open_until_its_closing_mark(sentence: str, inside: bool) -> None:
    assert quotation_open_at(TEXT, at(sentence)) is inside


def test_an_unclosed_quotation_does_not_run_into_the_next_paragraph() -> None:
    text = "\u201cWe stay here.\nThe talks resume on Monday."
    assert quotation_open_at(text, 0) is False  # a sentence that opens the quotation starts outside it
    assert quotation_open_at(text, text.index("stay")) is True
    assert quotation_open_at(text, text.index("The talks")) is False


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
