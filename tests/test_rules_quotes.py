"""The naive baseline's quotes (`rules.quotes`, its one step): a claim whose quote code cannot find in
the article is dropped, and so is a contradiction that does not name two kept claims."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.quotes import (
    PAIR_OF_UNKNOWN_CLAIMS,
    QUOTE_NOT_IN_ARTICLE,
    quoted_spans,
    without_sentence_numbers,
)
from counterclaim.pipeline.steps import naive
from fake_model import FakeModel, run_step, state_for

TEXT = "Police said 12 died.\nThe mayor denied it. Rain fell."
EXERCISED = {QUOTE_NOT_IN_ARTICLE, PAIR_OF_UNKNOWN_CLAIMS}
NUMBERS = SpanGrounding.CITED_SENTENCE_NUMBERS


def test_naive_quotes_lose_the_sentence_markers_of_the_numbered_article() -> None:
    assert (
        without_sentence_numbers("[3] Demonstrators began. [4] Police said")
        == "Demonstrators began. Police said"
    )
    assert without_sentence_numbers("no marker here") == "no marker here"


@pytest.mark.parametrize(
    ("quote", "found", "grounding"),
    [
        ("[2] The mayor denied it", [(21, "The mayor denied it")], SpanGrounding.QUOTE_FOUND),
        ("\u201cthe MAYOR denied it\u201d", [(21, "The mayor denied it")], SpanGrounding.QUOTE_FOUND),
        ("[1]", [(0, "Police said 12 died.")], NUMBERS),
        (
            "[1], [2]",
            [(0, "Police said 12 died."), (21, "The mayor denied it.")],
            SpanGrounding.CITED_SENTENCE_NUMBERS,
        ),
        ("[3] [2]", [(42, "Rain fell."), (21, "The mayor denied it.")], SpanGrounding.CITED_SENTENCE_NUMBERS),
        ("[9]", [], None),  # no such sentence
        ("[1] [9]", [], None),  # one of them is no sentence: nothing is taken
        ("The mayor confirmed it", [], None),  # not the article's words
    ],
)
def test_naive_quotes_are_found_by_their_words_or_by_the_sentence_numbers_cited(
    quote: str, found: list[tuple[int, str]], grounding: SpanGrounding | None
) -> None:
    spans = quoted_spans(PreparedArticle.from_text(TEXT), quote)
    assert [(s.start, s.text) for s in spans] == found
    assert {s.grounding for s in spans} == ({grounding} if grounding else set())


NOT_SAID = "The mayor said nobody died."


def naive_claim(actor: str, quote: str) -> dict[str, object]:
    return {
        "actor": actor,
        "statement": f"{actor} spoke.",
        "kind": "assertion",
        "hedged": False,
        "quote": quote,
    }


def test_the_naive_step_drops_what_it_cannot_find_and_pairs_of_claims_it_does_not_know() -> None:
    answer = {
        "actors": [{"name": "Police", "kind": "organisation", "role": None, "aliases": []}],
        "claims": [
            naive_claim("Police", "Police said 12 died."),
            naive_claim("The mayor", NOT_SAID),  # not in the article
            naive_claim("The mayor", "[2]"),
        ],
        "contradictions": [
            {"a": 1, "b": 3, "kind": "numeric", "explanation": "12 dead, or denied."},
            {"a": 1, "b": 2, "kind": "numeric", "explanation": "the dropped claim"},
            {"a": 3, "b": 3, "kind": "self", "explanation": "a claim with itself"},
            {"a": 3, "b": 1, "kind": "numeric", "explanation": "the first pair again, the other way"},
        ],
        "summary": ["Police and the mayor disagree.", " "],
    }
    model = FakeModel({"NaiveAnalysis": [answer]})
    state = state_for(TEXT, model)
    run_step(state, naive.run, naive.NAME)
    assert model.schemas() == ["NaiveAnalysis"]
    assert [(c.id, c.evidence[0].text) for c in state.claims] == [
        ("c1", "Police said 12 died."),
        ("c2", "The mayor denied it."),
    ]
    assert [(k.claim_a, k.claim_b) for k in state.contradictions] == [("c1", "c2")]
    assert [(d.step, d.rule, d.action, d.reason) for d in state.trace.decisions()] == [
        (
            "naive",
            QUOTE_NOT_IN_ARTICLE.name,
            DecisionAction.DROPPED,
            "claim 2's quote 'The mayor said nobody died.' is not in the article",
        ),
        ("naive", PAIR_OF_UNKNOWN_CLAIMS.name, DecisionAction.DROPPED, "the pair names claims 1 and 2"),
        ("naive", PAIR_OF_UNKNOWN_CLAIMS.name, DecisionAction.DROPPED, "the pair names claims 3 and 3"),
        # a pair named twice made an Analysis no validator accepts (found by a review)
        ("naive", PAIR_OF_UNKNOWN_CLAIMS.name, DecisionAction.DROPPED, "the pair names claims 3 and 1"),
        ("naive", "actors.kind_from_name", DecisionAction.RELABELED, "no kind described: taken as person"),
    ]
    assert state.notices == ["naive baseline: 1 claim(s) dropped, their quotes are not in the article"]
    assert [s.text for s in state.summary] == ["Police and the mayor disagree."]
