"""Where a proposed claim sits (`rules.placement`): on the sentence that supports its statement, moved
there from a wrong sentence number, dropped when it retells a sentence of another window, never on a
fragment."""

from __future__ import annotations

import pytest

from builders import considered
from counterclaim.models import DecisionAction
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules import placement
from counterclaim.pipeline.rules.placement import best_supported_sentence
from counterclaim.pipeline.trace import Rule

TEXT = (
    "NATO chief Jens Stoltenberg said Russian troops were still massing near the border. "  # 1
    "Moscow said its units were returning to their bases after the drills. "  # 2
    "Yes, he said. "  # 3: a fragment
    "Officials in Kyiv said they would wait and see what happens next."  # 4
)
RETURNING = "Moscow says its units are returning to their bases after the drills."
KYIV = "Officials in Kyiv will wait and see what happens next."

# (cited sentence, window, statement, the rule that decides or None, its action, the sentence kept)
CASES: list[tuple[int, tuple[int, int], str, Rule | None, DecisionAction | None, int | None]] = [
    (2, (1, 2), RETURNING, None, None, 2),  # cited where it is: nothing to decide
    (1, (1, 2), RETURNING, placement.SUPPORTING_SENTENCE, DecisionAction.MOVED, 2),  # a wrong number
    (1, (1, 2), KYIV, placement.RETOLD_FROM_ELSEWHERE, DecisionAction.DROPPED, None),  # window 3-4's
    (3, (3, 4), "He agrees.", placement.FRAGMENT_SENTENCE, DecisionAction.DROPPED, None),
]
EXERCISED = {rule for _, _, _, rule, _, _ in CASES if rule is not None}


@pytest.mark.parametrize(
    ("cited", "window", "statement", "rule", "action", "kept_on"),
    CASES,
    ids=["cited-right", "moved", "retold-elsewhere", "fragment"],
)
def test_a_claim_is_placed_on_the_sentence_that_supports_it(
    cited: int,
    window: tuple[int, int],
    statement: str,
    rule: Rule | None,
    action: DecisionAction | None,
    kept_on: int | None,
) -> None:
    actor = "Officials in Kyiv" if statement == KYIV else "Moscow"
    kept, decisions = considered(TEXT, cited, actor, statement, window=window)
    assert [p.sentences for p in kept] == ([(kept_on,)] if kept_on else [])
    expected = [] if rule is None else [(rule.name, action, "p1")]
    assert [(d.rule, d.action, d.proposal) for d in decisions] == expected


def test_a_statement_copied_from_outside_its_window_is_dropped_and_a_wrong_number_is_fixed() -> None:
    article = PreparedArticle.from_text(
        "NATO said Russia is adding troops.\u200b Moscow denied it.\n\n"
        "Jens Stoltenberg said there was no withdrawal. Stoltenberg added that talks could go on."
    )
    statement = "Jens Stoltenberg said there was no withdrawal."
    assert best_supported_sentence(article, statement, cited=1, first=1, last=2) is None
    assert best_supported_sentence(article, statement, cited=4, first=3, last=4) == 3
    assert best_supported_sentence(article, "Moscow denied it.", cited=2, first=1, last=2) == 2


@pytest.mark.parametrize(
    ("cited_holds", "best_holds", "moves"),
    [
        (0, 5, True),  # the cited sentence says none of it, another all of it
        (2, 5, True),  # the cited sentence holds 2 of 5 words, fewer than half the best's 5
        (3, 5, False),  # 3 of 5: not fewer than half the best's, the model's number stands
        (0, 2, False),  # the best holds 2 of 5 words: below `MIN_SUPPORT` (0.6)
        (0, 3, True),  # 3 of 5 is exactly `MIN_SUPPORT`
    ],
)
def test_a_claim_moves_only_when_another_sentence_clearly_fits_better(
    cited_holds: int, best_holds: int, moves: bool
) -> None:
    words = ["harbour", "ferry", "engine", "captain", "storm"]
    cited, best = " ".join(words[:cited_holds]) or "nothing", " ".join(words[:best_holds])
    text = f"Alpha said {cited} today. Beta said {best} today."
    article = PreparedArticle.from_text(text)
    statement = " ".join(words)
    assert best_supported_sentence(article, statement, cited=1, first=1, last=2) == (2 if moves else 1)
