"""validate_article / validate_dataset: every kind of inconsistency the gold format allows to be written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from counterclaim.evaluation.gold import GoldArticle
from counterclaim.evaluation.validate import DatasetProblem, validate_article, validate_dataset

#       0         1         2         3         4
#       01234567890123456789012345678901234567890
TEXT = "Ann said the dam holds. Bob said it leaks."


def article(**changes: Any) -> GoldArticle:
    data: dict[str, Any] = {
        "id": "dam",
        "text": TEXT,
        "labels": ["attribution", "contradiction"],
        "actors": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
        "claims": [
            {"id": "c1", "actor": "ann", "evidence": "the dam holds", "start": 9, "end": 22},
            {"id": "c2", "actor": "bob", "evidence": "it leaks", "start": 33, "end": 41},
        ],
        "contradictions": [{"id": "k1", "a": "c1", "b": "c2", "kind": "factual"}],
        "non_contradictions": [],
    }
    data.update(changes)
    return GoldArticle.model_validate(data)


def test_consistent_article_has_no_problem() -> None:
    assert TEXT[9:22] == "the dam holds" and TEXT[33:41] == "it leaks"
    assert validate_article(article()) == []


def test_offsets_that_do_not_give_the_evidence() -> None:
    claims = [
        {"id": "c1", "actor": "ann", "evidence": "the dam holds", "start": 8, "end": 21},
        {"id": "c2", "actor": "bob", "evidence": "it leaks", "start": 33, "end": 41},
    ]
    assert validate_article(article(claims=claims)) == ["claim 'c1': text[8:21] differs from its evidence"]


def test_empty_reversed_and_out_of_range_spans() -> None:
    claims = [
        {"id": "c1", "actor": "ann", "evidence": "", "start": 9, "end": 9},
        {"id": "c2", "actor": "bob", "evidence": "x", "start": 40, "end": 39},
        {"id": "c3", "actor": "bob", "evidence": "it leaks.", "start": 33, "end": 50},
    ]
    problems = validate_article(article(claims=claims, contradictions=[]))
    assert problems == [
        "claim 'c1' has an empty or reversed span [9, 9)",
        "claim 'c2' has an empty or reversed span [40, 39)",
        "claim 'c3' ends at 50, past the text's 42 characters",
    ]


def test_unknown_actor_and_duplicate_ids() -> None:
    actors = [{"id": "ann", "name": "Ann"}, {"id": "ann", "name": "Anne"}]
    claims = [
        {"id": "c1", "actor": "ann", "evidence": "the dam holds", "start": 9, "end": 22},
        {"id": "c1", "actor": "zed", "evidence": "it leaks", "start": 33, "end": 41},
    ]
    contradictions = [
        {"id": "k1", "a": "c1", "b": "c1", "kind": "factual"},
        {"id": "k1", "a": "c1", "b": "c1", "kind": "numeric"},
    ]
    problems = validate_article(article(actors=actors, claims=claims, contradictions=contradictions))
    assert "duplicate actor id 'ann'" in problems
    assert "duplicate claim id 'c1'" in problems
    assert "duplicate contradiction id 'k1'" in problems
    assert "claim 'c1' names unknown actor 'zed'" in problems
    assert "contradiction 'k1' pairs claim 'c1' with itself" in problems


def test_contradiction_ids_also_pairs_hard_negatives_and_kind() -> None:
    contradictions = [{"id": "k1", "a": "c1", "b": "c9", "kind": "sarcasm", "also": [["c8", "c2"]]}]
    non_contradictions = [{"a": "c2", "b": "c7"}, {"a": "c2", "b": "c1"}]
    problems = validate_article(
        article(
            contradictions=contradictions,
            non_contradictions=non_contradictions,
        )
    )
    assert problems == [
        "contradiction 'k1' has unknown kind 'sarcasm'",
        "contradiction 'k1' names unknown claim 'c9'",
        "contradiction 'k1' names unknown claim 'c8'",
        "non_contradiction #1 names unknown claim 'c7'",
    ]
    # (c2, c1) is the reverse of no labeled pair here: k1 pairs c1 with c9 and c8 with c2.
    assert not any("also labeled a contradiction" in p for p in problems)


def test_hard_negative_that_is_also_a_contradiction_in_either_order() -> None:
    problems = validate_article(article(non_contradictions=[{"a": "c2", "b": "c1"}]))
    assert problems == ["non_contradiction #1 (c2, c1) is also labeled a contradiction"]


def test_every_kind_of_the_format_is_accepted() -> None:
    for kind in ["factual", "numeric", "intent", "assessment", "words_vs_deeds", "self"]:
        contradictions = [{"id": "k1", "a": "c1", "b": "c2", "kind": kind}]
        assert validate_article(article(contradictions=contradictions)) == []


def test_labels_and_unknown_fields() -> None:
    problems = validate_article(article(labels=["contradiction", "sentiment"], contradictions=None))
    # non_contradictions is [] here: nothing unscored is given, so no problem about it.
    assert problems == [
        "unknown label 'sentiment'",
        "labeled 'contradiction' but contradictions is null",
    ]
    assert validate_article(article(nonContradictions=[])) == ["unknown field 'nonContradictions'"]


def test_hard_negatives_without_contradiction_labels_are_reported() -> None:
    problems = validate_article(
        article(labels=["attribution"], contradictions=None, non_contradictions=[{"a": "c1", "b": "c2"}])
    )
    assert problems == ["non_contradictions given but contradictions is null: they are not scored"]


def test_actor_whose_name_has_no_letters() -> None:
    actors = [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "--"}]
    assert validate_article(article(actors=actors)) == [
        "actor 'bob' has a name without letters or digits: '--'"
    ]
    actors = [{"id": "ann", "name": " "}, {"id": "bob", "name": "(unstated)"}]
    assert validate_article(article(actors=actors)) == [
        "actor 'ann' has a name without letters or digits: ' '"
    ]


def test_validate_dataset_lists_problems_per_article(tmp_path: Path) -> None:
    good = article().model_dump()
    bad = article(id="bad", labels=["attribution", "opinion"]).model_dump()
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    problems = validate_dataset(path)
    assert problems == [DatasetProblem("bad", "unknown label 'opinion'")]
    assert str(problems[0]) == "bad: unknown label 'opinion'"
