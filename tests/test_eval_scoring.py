"""The scorer on small invented articles; every expected number is worked out by hand in a comment."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from counterclaim.errors import DatasetError
from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.matching import is_narrator_name
from counterclaim.evaluation.scoring import (
    ArticleScore,
    ClaimMatch,
    ContradictionFind,
    PredictedActor,
    PredictedClaim,
    PredictedPair,
    PredictedSpan,
    Prediction,
    aggregate,
    load_prediction,
    score_article,
)
from counterclaim.models import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    RunMetadata,
    Span,
)

# ---------------------------------------------------------------------------------------------------
# helpers: gold articles and predictions written compactly

ATTRIBUTION = ["attribution"]
BOTH = ["attribution", "contradiction"]


def gold(
    text: str,
    actors: Mapping[str, str | list[str]],
    claims: list[tuple[str, str, int, int]],
    labels: list[str] = ATTRIBUTION,
    contradictions: list[dict[str, Any]] | None = None,
    non_contradictions: list[tuple[str, str]] | None = None,
    article_id: str = "art",
) -> GoldArticle:
    """actors: id -> name or [name, *aliases]; claims: (id, actor id, start, end)."""
    return GoldArticle.model_validate(
        {
            "id": article_id,
            "text": text,
            "labels": labels,
            "actors": [
                {"id": i, "name": n, "aliases": []}
                if isinstance(n, str)
                else {"id": i, "name": n[0], "aliases": n[1:]}
                for i, n in actors.items()
            ],
            "claims": [
                {"id": i, "actor": a, "evidence": text[s:e], "start": s, "end": e} for i, a, s, e in claims
            ],
            "contradictions": contradictions,
            "non_contradictions": (
                None if non_contradictions is None else [{"a": a, "b": b} for a, b in non_contradictions]
            ),
        }
    )


def predict(
    text: str,
    actors: dict[str, list[str]],
    claims: list[tuple[str, str, list[tuple[int, int]]]],
    pairs: Sequence[tuple[str, str, str]] = (),
) -> Prediction:
    """actors: id -> [name, *aliases]; claims: (id, actor id, spans); pairs: (id, claim a, claim b)."""
    return Prediction(
        actors=tuple(PredictedActor(i, tuple(names)) for i, names in actors.items()),
        claims=tuple(
            PredictedClaim(i, a, tuple(PredictedSpan(s, e, text[s:e]) for s, e in spans))
            for i, a, spans in claims
        ),
        pairs=tuple(PredictedPair(i, a, b) for i, a, b in pairs),
    )


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


# ---------------------------------------------------------------------------------------------------
# claim matching: overlap, one-to-one, largest overlap first

LETTERS = "a" * 10 + "b" * 10 + "c" * 10  # positions 0-9 'a', 10-19 'b', 20-29 'c'
ANN = {"ann": "Ann"}
P_ANN = {"p_ann": ["Ann"]}


def test_one_prediction_over_two_gold_claims_matches_only_one() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10), ("g2", "ann", 10, 20)])
    # p1 [0, 20) covers g1 10/10 and g2 10/10: equal fraction and characters, so gold order decides -> g1.
    p = predict(LETTERS, P_ANN, [("p1", "p_ann", [(0, 20)])])
    s = score_article(g, p)
    assert s.claim_matches == (ClaimMatch("g1", "p1", 1.0),)
    assert s.missed_claims == ("g2",)
    # recall 1/2, precision 1/1, F1 = 2*1/(2+1) = 0.6667
    m = s.metrics
    assert (m.claim_recall, m.claim_precision) == (0.5, 1.0)
    assert m.claim_f1 == pytest.approx(2 / 3)


def test_largest_overlap_is_paired_first() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10), ("g2", "ann", 10, 20)])
    # p1 [3, 20): g1 7/10 = 0.7, g2 10/10 = 1.0.  p2 [0, 6): g1 6/10 = 0.6.
    # Largest first: (p1, g2, 1.0) taken, (p1, g1, 0.7) skipped (p1 used), (p2, g1, 0.6) taken -> 2 matches.
    # (Pairing gold claims in order would give g1 to p1 and leave g2 unmatched.)
    p = predict(LETTERS, P_ANN, [("p1", "p_ann", [(3, 20)]), ("p2", "p_ann", [(0, 6)])])
    s = score_article(g, p)
    assert s.claim_matches == (ClaimMatch("g1", "p2", 0.6), ClaimMatch("g2", "p1", 1.0))
    assert s.counts.matched_claims == 2
    assert s.false_positive_claims == ()


def test_overlap_of_exactly_half_counts_and_just_under_does_not() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10), ("g2", "ann", 19, 30)])
    # p1 [5, 12): covers g1 at 5..9 = 5/10 = 0.5 -> matches.
    # p2 [25, 40) clipped: covers g2 at 25..29 = 5 of its 11 characters = 0.4545 -> no match.
    p = predict(LETTERS, P_ANN, [("p1", "p_ann", [(5, 12)]), ("p2", "p_ann", [(25, 30)])])
    s = score_article(g, p)
    assert s.claim_matches == (ClaimMatch("g1", "p1", 0.5),)
    assert s.missed_claims == ("g2",)
    assert s.false_positive_claims == ("p2",)


def test_union_of_spans_reaches_half_where_no_single_span_does() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10), ("g2", "ann", 10, 20)])
    # p1 spans [0, 3) + [6, 9): 3 + 3 = 6/10 of g1 -> match, though each span alone is 0.3.
    # p2 spans [10, 13) + [11, 14): union [10, 14) = 4/10 of g2 -> no match (3 + 3 would wrongly be 0.6).
    p = predict(LETTERS, P_ANN, [("p1", "p_ann", [(0, 3), (6, 9)]), ("p2", "p_ann", [(10, 13), (11, 14)])])
    s = score_article(g, p)
    assert s.claim_matches == (ClaimMatch("g1", "p1", 0.6),)
    assert s.false_positive_claims == ("p2",)


# ---------------------------------------------------------------------------------------------------
# actors

DAM = "Jens Stoltenberg said the dam holds. The spokesman said repairs start soon. Anna Berg warned it leaks."


def dam_gold(actors: Mapping[str, str | list[str]]) -> GoldArticle:
    return gold(
        DAM,
        actors,
        [
            ("c1", "jens", *span(DAM, "the dam holds")),
            ("c2", "spox", *span(DAM, "repairs start soon")),
            ("c3", "anna", *span(DAM, "it leaks")),
        ],
    )


def dam_prediction(actors: dict[str, list[str]], owners: tuple[str, str, str]) -> Prediction:
    phrases = ("the dam holds", "repairs start soon", "it leaks")
    return predict(DAM, actors, [(f"p{n}", owner, [span(DAM, phrase)]) for n, (owner, phrase) in
                                 enumerate(zip(owners, phrases, strict=True), start=1)])  # fmt: skip


def test_actor_rule_alias_whole_word_and_title() -> None:
    g = dam_gold({"jens": "Jens Stoltenberg", "spox": ["the spokesman", "Mr. Dahl"], "anna": "Anna Berg"})
    p = dam_prediction(
        {
            "x": [
                "NATO chief",
                "Stoltenberg",
            ],  # alias "Stoltenberg" is a whole-word part of "Jens Stoltenberg"
            "y": ["Olaf Dahl"],  # "Mr. Dahl" -> "dahl", part of "olaf dahl"
            "z": ["Berger"],  # "berger" is not the word "berg"
        },
        ("x", "y", "z"),
    )
    s = score_article(g, p)
    # c1 and c2 match; c3 has the right evidence but the wrong actor.
    assert [m.gold_id for m in s.claim_matches] == ["c1", "c2"]
    assert [m.gold_id for m in s.evidence_matches] == ["c1", "c2", "c3"]
    assert s.wrong_actor_claims == ("c3",)
    # claim recall 2/3, evidence recall 3/3; actors: jens and spox agree, anna does not -> 2/3
    m = s.metrics
    assert m.claim_recall == pytest.approx(2 / 3)
    assert m.evidence_recall == 1.0
    assert m.actor_recall == pytest.approx(2 / 3)
    assert s.matched_actors == ("jens", "spox") and s.missed_actors == ("anna",)


def test_claims_given_to_another_real_actor_do_not_match() -> None:
    g = dam_gold({"jens": "Jens Stoltenberg", "spox": "the spokesman", "anna": "Anna Berg"})
    p = dam_prediction({"j": ["Stoltenberg"], "a": ["Anna Berg"]}, ("a", "j", "j"))
    s = score_article(g, p)
    # p1 (Anna) on c1 (Stoltenberg) no; p2 on c2 (the spokesman -> "spokesman" vs "stoltenberg") no;
    # p3 (Stoltenberg) on c3 (Anna Berg) no.  Evidence alone: all three.
    assert s.claim_matches == ()
    assert s.counts.evidence_matched == 3
    assert s.metrics.claim_precision == 0.0
    assert s.metrics.claim_f1 == 0.0


def test_pronoun_and_unstated_gold_actors_skip_the_actor_rule() -> None:
    g = dam_gold({"jens": "he", "spox": "(unstated)", "anna": "Anna Berg"})
    p = dam_prediction({"q": ["Somebody Else"], "a": ["Berg"]}, ("q", "q", "a"))
    s = score_article(g, p)
    # c1 and c2 have no name to check: matched on evidence alone; c3 agrees ("berg" in "anna berg").
    assert s.counts.matched_claims == 3
    # only "Anna Berg" is a gold actor with a name: actor recall 1/1
    assert (s.counts.gold_named_actors, s.counts.matched_actors) == (1, 1)


def test_actor_precision_counts_claimants_that_are_no_gold_actor() -> None:
    g = dam_gold({"jens": "Jens Stoltenberg", "spox": "(unstated)", "anna": "Anna Berg"})
    # "x" agrees with Jens; "q" is nameless in gold but its claim matches the unstated speaker's;
    # "m" ("In March") owns a claim on Anna's words and is no actor of the article; "idle" owns nothing.
    p = dam_prediction({"x": ["Stoltenberg"], "q": ["a spokesman"], "m": ["In March"], "idle": ["Oslo"]},
                       ("x", "q", "m"))  # fmt: skip
    s = score_article(g, p)
    assert (s.counts.pred_actors, s.counts.right_actors) == (3, 2)
    assert s.false_positive_actors == ("m",)
    assert s.metrics.actor_precision == pytest.approx(2 / 3)
    # an actor that owns a wrongly placed claim is still right when its name agrees with a gold actor
    p = dam_prediction({"a": ["Anna Berg"], "x": ["Stoltenberg"]}, ("a", "x", "x"))
    assert score_article(g, p).metrics.actor_precision == 1.0
    # not scored where the claim list is not complete
    jens_claim = ("c1", "jens", *span(DAM, "the dam holds"))
    unlabeled = gold(DAM, {"jens": "Jens Stoltenberg"}, [jens_claim], labels=[])
    m = score_article(unlabeled, dam_prediction({"m": ["In March"]}, ("m", "m", "m"))).metrics
    assert m.actor_precision is None


def test_precision_only_on_articles_labeled_attribution() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10)], labels=[])
    p = predict(LETTERS, P_ANN, [("p1", "p_ann", [(0, 10)]), ("p2", "p_ann", [(20, 30)])])
    m = score_article(g, p).metrics
    # recall 1/1 is scored; precision and F1 are not (the claim list is not meant to be complete)
    assert m.claim_recall == 1.0
    assert m.claim_precision is None and m.claim_f1 is None


def test_edge_cases_with_nothing_to_count() -> None:
    g = gold(LETTERS, ANN, [])
    m = score_article(g, predict(LETTERS, {}, [])).metrics
    # no gold claim, no prediction: every claim metric 0/0 -> None
    assert (m.claim_recall, m.claim_precision, m.claim_f1, m.grounding_rate) == (None, None, None, None)
    # actor recall 1 named gold actor, 0 agreeing -> 0.0
    assert m.actor_recall == 0.0
    # predictions but no gold claim: precision 0/1 = 0.0, recall None, F1 0.0
    m = score_article(g, predict(LETTERS, P_ANN, [("p1", "p_ann", [(0, 5)])])).metrics
    assert (m.claim_recall, m.claim_precision, m.claim_f1) == (None, 0.0, 0.0)
    # gold claims but no prediction: recall 0/1, precision None, F1 0.0
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10)])
    m = score_article(g, predict(LETTERS, {}, [])).metrics
    assert (m.claim_recall, m.claim_precision, m.claim_f1) == (0.0, None, 0.0)


# ---------------------------------------------------------------------------------------------------
# contradictions

BRIDGE = (
    "Ann said the bridge is safe. Bob said the bridge is unsafe. "
    "Ann said repairs are done. Bob said repairs have not started. Cy said the bridge is old."
)
BRIDGE_PHRASES = {
    "1": "the bridge is safe",
    "2": "the bridge is unsafe",
    "3": "repairs are done",
    "4": "repairs have not started",
    "5": "the bridge is old",
}
BRIDGE_OWNERS = {"1": "ann", "2": "bob", "3": "ann", "4": "bob", "5": "cy"}


def bridge_gold(
    labels: list[str] = BOTH,
    contradictions: list[dict[str, Any]] | None = None,
    non_contradictions: list[tuple[str, str]] | None = None,
) -> GoldArticle:
    if contradictions is None:
        # one conflict, expressed by c1-c2 and also by c4-c3
        contradictions = [{"id": "k1", "a": "c1", "b": "c2", "kind": "factual", "also": [["c4", "c3"]]}]
    return gold(
        BRIDGE,
        {"ann": "Ann", "bob": "Bob", "cy": "Cy"},
        [(f"c{n}", BRIDGE_OWNERS[n], *span(BRIDGE, p)) for n, p in BRIDGE_PHRASES.items()],
        labels=labels,
        contradictions=contradictions,
        non_contradictions=[("c1", "c5")] if non_contradictions is None else non_contradictions,
    )


def bridge_prediction(pairs: list[tuple[str, str, str]], owners: dict[str, str] | None = None) -> Prediction:
    """Predicted claims p1..p5 on exactly the gold spans, with the gold owners unless `owners` says."""
    who = {**BRIDGE_OWNERS, **(owners or {})}
    return predict(
        BRIDGE,
        {"ann": ["Ann"], "bob": ["Bob"], "cy": ["Cy"]},
        [(f"p{n}", who[n], [span(BRIDGE, p)]) for n, p in BRIDGE_PHRASES.items()],
        pairs,
    )


def test_also_pair_found_in_either_order() -> None:
    for a, b in [("p3", "p4"), ("p4", "p3"), ("p2", "p1")]:
        s = score_article(bridge_gold(), bridge_prediction([("x1", a, b)]))
        # each pair expresses k1 (c1-c2 or also c4-c3) in some order: recall 1/1, precision 1/1
        assert s.found_contradictions == (ContradictionFind("k1", "x1"),)
        m = s.metrics
        assert (m.contradiction_recall, m.contradiction_precision, m.contradiction_f1) == (1.0, 1.0, 1.0)


def test_second_pair_for_a_found_contradiction_is_left_out_of_both_counts() -> None:
    pairs = [("x1", "p1", "p2"), ("x2", "p2", "p1"), ("x3", "p3", "p4")]
    s = score_article(bridge_gold(), bridge_prediction(pairs))
    # x1 finds k1; x2 and x3 find only k1 again: duplicates, not counted -> precision 1/1, not 1/3
    assert s.duplicate_pairs == ("x2", "x3")
    assert (s.counts.pred_pairs_counted, s.counts.true_pairs, s.counts.found_contradictions) == (1, 1, 1)
    assert s.metrics.contradiction_precision == 1.0
    assert s.false_positive_pairs == ()


def test_a_predicted_conflict_finds_the_gold_one_through_any_of_its_pairs() -> None:
    # the main pair p1-p5 is the labeled non-contradiction; its `also` pair p3-p4 expresses k1
    prediction = bridge_prediction([])
    conflict = PredictedPair("x1", "p1", "p5", also=(("p4", "p3"),))
    s = score_article(bridge_gold(), Prediction(prediction.actors, prediction.claims, (conflict,)))
    assert s.found_contradictions == (ContradictionFind("k1", "x1"),)
    assert (s.counts.pred_pairs_counted, s.counts.true_pairs) == (1, 1)
    # grouping the labeled non-contradiction into the conflict is still an error
    assert s.hard_negative_pairs == ("x1",) and s.counts.hard_negative_errors == 1


def test_a_claim_pair_that_finds_a_gold_contradiction_is_never_a_hard_negative() -> None:
    prediction = bridge_prediction([])
    conflict = PredictedPair("x1", "p4", "p3", also=(("p2", "p1"),))
    s = score_article(bridge_gold(), Prediction(prediction.actors, prediction.claims, (conflict,)))
    assert s.found_contradictions == (ContradictionFind("k1", "x1"),)
    assert s.hard_negative_pairs == ()


def test_a_predicted_conflict_whose_further_pair_is_a_labeled_non_contradiction_is_a_hard_negative() -> None:
    prediction = bridge_prediction([])
    conflict = PredictedPair("x1", "p2", "p5", also=(("p5", "p1"),))
    s = score_article(bridge_gold(), Prediction(prediction.actors, prediction.claims, (conflict,)))
    assert s.false_positive_pairs == ("x1",) and s.hard_negative_pairs == ("x1",)


def test_hard_negative_is_an_error_and_a_false_positive() -> None:
    pairs = [("x1", "p1", "p2"), ("x2", "p5", "p1")]
    s = score_article(bridge_gold(), bridge_prediction(pairs))
    # x1 finds k1 (true); x2 (c5-c1 reversed) is the labeled non-contradiction c1-c5: FP and hard negative.
    # recall 1/1, precision 1/2, F1 = 2*0.5*1/1.5 = 0.6667
    assert s.false_positive_pairs == ("x2",)
    assert s.hard_negative_pairs == ("x2",)
    assert s.counts.hard_negative_errors == 1
    m = s.metrics
    assert (m.contradiction_recall, m.contradiction_precision) == (1.0, 0.5)
    assert m.contradiction_f1 == pytest.approx(2 / 3)


def test_pair_with_a_claim_given_to_the_wrong_actor_finds_nothing() -> None:
    # p2 is given to Cy: it does not match c2 (Bob), so (p1, p2) does not find k1.
    s = score_article(bridge_gold(), bridge_prediction([("x1", "p1", "p2")], owners={"2": "cy"}))
    assert s.false_positive_pairs == ("x1",)
    assert s.missed_contradictions == ("k1",)
    m = s.metrics
    # recall 0/1, precision 0/1, F1 0.0
    assert (m.contradiction_recall, m.contradiction_precision, m.contradiction_f1) == (0.0, 0.0, 0.0)


def test_contradiction_matching_is_not_one_to_one() -> None:
    # One predicted claim q covers both c1 and c3 (same actor Ann); one covers c2 and c4 (Bob).
    # One-to-one claim matching pairs q with c1 only, but contradiction matching lets q stand for c3 too.
    # Two gold contradictions k1 (c1-c2) and k2 (c3-c4): the single pair (q, r) finds both -> recall 2/2.
    g = bridge_gold(
        contradictions=[
            {"id": "k1", "a": "c1", "b": "c2", "kind": "factual"},
            {"id": "k2", "a": "c3", "b": "c4", "kind": "factual"},
        ],
        non_contradictions=[],
    )
    whole_ann = (BRIDGE.index("Ann said"), BRIDGE.index(" Bob said the bridge"))
    p = predict(
        BRIDGE,
        {"ann": ["Ann"], "bob": ["Bob"]},
        [
            ("q", "ann", [whole_ann, span(BRIDGE, "repairs are done")]),
            ("r", "bob", [span(BRIDGE, "the bridge is unsafe"), span(BRIDGE, "repairs have not started")]),
        ],
        [("x1", "q", "r")],
    )
    s = score_article(g, p)
    assert s.counts.matched_claims == 2
    assert s.found_contradictions == (ContradictionFind("k1", "x1"), ContradictionFind("k2", "x1"))
    # 1 counted pair, true -> precision 1/1; recall 2/2
    assert (s.metrics.contradiction_recall, s.metrics.contradiction_precision) == (1.0, 1.0)


def test_no_gold_contradiction_makes_every_predicted_pair_a_false_positive() -> None:
    g = bridge_gold(contradictions=[], non_contradictions=[])
    m = score_article(g, bridge_prediction([("x1", "p1", "p2")])).metrics
    # recall 0/0 -> None; precision 0/1 = 0.0; F1 0.0 (predictions but no gold)
    assert (m.contradiction_recall, m.contradiction_precision, m.contradiction_f1) == (None, 0.0, 0.0)
    m = score_article(g, bridge_prediction([])).metrics
    # nothing labeled, nothing predicted: all None
    assert (m.contradiction_recall, m.contradiction_precision, m.contradiction_f1) == (None, None, None)


def test_contradiction_list_not_labeled_complete_scores_recall_only() -> None:
    g = bridge_gold(labels=ATTRIBUTION)
    s = score_article(g, bridge_prediction([("x1", "p1", "p2"), ("x2", "p1", "p5")]))
    assert s.contradictions_scored and not s.contradiction_precision_scored
    # recall 1/1; precision not scored, though x2 is listed (and is a hard-negative error)
    assert s.metrics.contradiction_recall == 1.0
    assert s.metrics.contradiction_precision is None and s.metrics.contradiction_f1 is None
    assert s.false_positive_pairs == ("x2",) and s.hard_negative_pairs == ("x2",)


def test_null_contradictions_are_not_scored() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10), ("g2", "ann", 10, 20)], contradictions=None)
    p = predict(
        LETTERS, P_ANN, [("p1", "p_ann", [(0, 10)]), ("p2", "p_ann", [(10, 20)])], [("x", "p1", "p2")]
    )
    s = score_article(g, p)
    m = s.metrics
    assert (m.contradiction_recall, m.contradiction_precision, m.contradiction_f1) == (None, None, None)
    assert s.counts.pred_pairs_counted == 0 and s.false_positive_pairs == ()
    assert m.claim_f1 == 1.0


# ---------------------------------------------------------------------------------------------------
# grounding, adapters, text identity


def test_grounding_rate_checks_every_span() -> None:
    g = gold(LETTERS, ANN, [("g1", "ann", 0, 10)])
    p = Prediction(
        actors=(PredictedActor("p_ann", ("Ann",)),),
        claims=(
            PredictedClaim("ok", "p_ann", (PredictedSpan(0, 3, "aaa"), PredictedSpan(10, 12, "bb"))),
            PredictedClaim("bad", "p_ann", (PredictedSpan(0, 3, "aaa"), PredictedSpan(10, 12, "cc"))),
            PredictedClaim("out", "p_ann", (PredictedSpan(28, 31, "cc "),)),
        ),
    )
    s = score_article(g, p)
    # 1 of 3 predicted claims has every span equal to text[start:end]
    assert s.ungrounded_claims == ("bad", "out")
    assert s.metrics.grounding_rate == pytest.approx(1 / 3)


def analysis_for(text: str) -> Analysis:
    def ev(phrase: str) -> list[Span]:
        s, e = span(text, phrase)
        return [Span(start=s, end=e, text=phrase)]

    return Analysis(
        article_chars=len(text),
        article_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        actors=[
            Actor(id="a1", name="Ann Lee", kind=ActorKind.PERSON, aliases=["Ann"]),
            Actor(id="a2", name="Bob", kind=ActorKind.PERSON),
        ],
        claims=[
            Claim(id="c1", actor_id="a1", statement="s", kind=ClaimKind.ASSERTION,
                  evidence=ev("the bridge is safe")),
            Claim(id="c2", actor_id="a2", statement="s", kind=ClaimKind.ASSERTION,
                  evidence=ev("the bridge is unsafe")),
        ],
        contradictions=[
            Contradiction(id="k1", claim_a="c2", claim_b="c1", kind=ContradictionKind.FACTUAL,
                          explanation="e", confidence=0.9),
        ],
        run=RunMetadata(counterclaim_version="0", pipeline="staged", provider="local", model="m"),
    )  # fmt: skip


def test_analysis_is_scored_through_the_adapter_and_from_a_json_file(tmp_path: Path) -> None:
    g = bridge_gold()
    analysis = analysis_for(BRIDGE)
    direct = score_article(g, analysis)
    # c1 -> gold c1 ("Ann Lee"/"Ann" ~ "Ann"), c2 -> gold c2; k1 (c2, c1) finds gold k1.
    # claims: recall 2/5, precision 2/2; contradictions: recall 1/1, precision 1/1
    assert direct.claim_matches == (ClaimMatch("c1", "c1", 1.0), ClaimMatch("c2", "c2", 1.0))
    assert direct.metrics.claim_recall == pytest.approx(2 / 5)
    assert direct.metrics.contradiction_precision == 1.0
    assert direct.metrics.grounding_rate == 1.0
    path = tmp_path / "analysis.json"
    path.write_text(analysis.model_dump_json(), encoding="utf-8")
    assert score_article(g, load_prediction(path)) == direct


def test_unreadable_prediction_file_is_a_dataset_error(tmp_path: Path) -> None:
    path = tmp_path / "analysis.json"
    path.write_text('{"actors": []}', encoding="utf-8")
    with pytest.raises(DatasetError, match="not an analysis"):
        load_prediction(path)
    with pytest.raises(DatasetError, match="cannot read"):
        load_prediction(tmp_path / "missing.json")


def test_prediction_made_on_another_text_is_refused() -> None:
    g = bridge_gold()
    other = BRIDGE.replace("Cy", "Di")
    with pytest.raises(DatasetError, match="different text"):
        score_article(g, analysis_for(other))


def test_gold_with_unresolved_ids_is_refused() -> None:
    bad_actor = GoldArticle.model_validate(
        {"id": "x", "text": LETTERS, "labels": [], "actors": [],
         "claims": [{"id": "g1", "actor": "nobody", "evidence": LETTERS[0:10], "start": 0, "end": 10}]}
    )  # fmt: skip
    with pytest.raises(DatasetError, match="unknown actor 'nobody'"):
        score_article(bad_actor, predict(LETTERS, {}, []))
    bad_claim = bridge_gold(contradictions=[{"id": "k1", "a": "c1", "b": "c9", "kind": "factual"}])
    with pytest.raises(DatasetError, match="k1 names unknown claim 'c9'"):
        score_article(bad_claim, bridge_prediction([]))


# ---------------------------------------------------------------------------------------------------
# aggregation


def two_articles() -> list[ArticleScore]:
    # Article A: 4 gold claims, 2 predictions both matching
    #   -> R 2/4 = 0.5, P 2/2 = 1.0, F1 = 2*2/(4+2) = 0.6667
    a_claims = [("g1", "ann", 0, 10), ("g2", "ann", 10, 20), ("g3", "ann", 20, 30), ("g4", "ann", 30, 40)]
    a_gold = gold(LETTERS + "d" * 10, ANN, a_claims, article_id="A")
    a_pred = predict(LETTERS + "d" * 10, P_ANN, [("p1", "p_ann", [(0, 10)]), ("p2", "p_ann", [(10, 20)])])
    # Article B: 1 gold claim, 4 predictions, 1 matching -> R 1/1 = 1.0, P 1/4 = 0.25, F1 = 2*1/(1+4) = 0.4
    b_gold = gold(LETTERS, ANN, [("g1", "ann", 0, 10)], article_id="B")
    b_pred = predict(
        LETTERS, P_ANN, [("p1", "p_ann", [(0, 10)]), ("p2", "p_ann", [(10, 15)]), ("p3", "p_ann", [(15, 20)]),
                         ("p4", "p_ann", [(20, 30)])]
    )  # fmt: skip
    return [score_article(a_gold, a_pred), score_article(b_gold, b_pred)]


def test_micro_and_macro_differ_as_worked_out() -> None:
    result = aggregate(two_articles())
    # micro: R = (2+1)/(4+1) = 0.6; P = (2+1)/(2+4) = 0.5; F1 = 2*0.6*0.5/1.1 = 0.5455
    assert result.micro.claim_recall == pytest.approx(0.6)
    assert result.micro.claim_precision == pytest.approx(0.5)
    assert result.micro.claim_f1 == pytest.approx(0.6 / 1.1)
    # macro: R = (0.5+1.0)/2 = 0.75; P = (1.0+0.25)/2 = 0.625; F1 = (0.6667+0.4)/2 = 0.5333
    assert result.macro.claim_recall == pytest.approx(0.75)
    assert result.macro.claim_precision == pytest.approx(0.625)
    assert result.macro.claim_f1 == pytest.approx((2 / 3 + 0.4) / 2)
    # totals are plain sums; contradictions are not scored anywhere -> None in both
    assert (result.totals.gold_claims, result.totals.pred_claims, result.totals.matched_claims) == (5, 6, 3)
    assert result.micro.contradiction_recall is None and result.macro.contradiction_recall is None
    assert result.articles_scored_for("claim_precision") == 2
    assert result.articles_scored_for("contradiction_recall") == 0


def test_aggregate_skips_articles_a_metric_is_not_scored_on() -> None:
    scores = two_articles()
    # Article C: not labeled attribution; 1 gold claim, 2 predictions (1 matching).
    c_gold = gold(LETTERS, ANN, [("g1", "ann", 0, 10)], labels=[], article_id="C")
    c_pred = predict(LETTERS, P_ANN, [("p1", "p_ann", [(0, 10)]), ("p2", "p_ann", [(20, 30)])])
    result = aggregate([*scores, score_article(c_gold, c_pred)])
    # recall uses all three: micro (2+1+1)/(4+1+1) = 4/6; macro (0.5+1+1)/3 = 0.8333
    assert result.micro.claim_recall == pytest.approx(4 / 6)
    assert result.macro.claim_recall == pytest.approx(2.5 / 3)
    # precision only A and B: unchanged micro 0.5, macro 0.625
    assert result.micro.claim_precision == pytest.approx(0.5)
    assert result.macro.claim_precision == pytest.approx(0.625)
    assert result.articles_scored_for("claim_precision") == 2
    # grounding over all 8 predicted claims: all grounded
    assert result.micro.grounding_rate == 1.0


def test_aggregate_of_nothing_is_all_none() -> None:
    result = aggregate([])
    assert result.micro.claim_recall is None and result.macro.claim_f1 is None
    assert result.totals.gold_claims == 0
    with pytest.raises(ValueError, match="unknown metric"):
        result.articles_scored_for("accuracy")


# ---------------------------------------------------------------------------------------------------
# the article's own account: scored apart

FIRE = "The fire killed 11 workers. The owner said four workers died. The union said nine workers died."


FIRE_CONFLICTS: list[dict[str, Any]] = [
    {"id": "k1", "a": "o1", "b": "u1", "kind": "numeric"},
    {"id": "k2", "a": "n1", "b": "o1", "kind": "numeric"},
]


def fire_gold(
    contradictions: list[dict[str, Any]] = FIRE_CONFLICTS,
    non_contradictions: list[tuple[str, str]] | None = None,
) -> GoldArticle:
    """n1 the article's claim (11 killed), o1 the owner's (four), u1 the union's (nine)."""
    return gold(
        FIRE,
        {"wn": "Wikinews (narrator)", "owner": "the owner", "union": "the union"},
        [
            ("n1", "wn", *span(FIRE, "The fire killed 11 workers")),
            ("o1", "owner", *span(FIRE, "four workers died")),
            ("u1", "union", *span(FIRE, "nine workers died")),
        ],
        labels=BOTH,
        contradictions=contradictions,
        non_contradictions=non_contradictions,
    )


def fire_prediction(narrator: bool, pairs: Sequence[tuple[str, str, str]]) -> Prediction:
    base = predict(
        FIRE,
        {"p_owner": ["The owner"], "p_union": ["The union"], "p_art": ["the article"]},
        [
            ("c1", "p_owner", [span(FIRE, "The owner said four workers died")]),
            ("c2", "p_union", [span(FIRE, "The union said nine workers died")]),
            ("c3", "p_art", [span(FIRE, "The fire killed 11 workers")]),
        ],
        pairs,
    )
    actors = tuple(PredictedActor(a.id, a.names, narrator and a.id == "p_art") for a in base.actors)
    return Prediction(actors=actors, claims=base.claims, pairs=base.pairs)


def test_the_articles_own_account_is_scored_apart_from_the_actors() -> None:
    s = score_article(fire_gold(), fire_prediction(True, [("k1", "c1", "c2"), ("k2", "c3", "c1")]))
    c = s.counts
    # between actors: 2 gold claims, 2 predicted, both matched; one conflict, found by one pair
    assert (c.gold_claims, c.pred_claims, c.matched_claims) == (2, 2, 2)
    assert (c.gold_contradictions, c.found_contradictions, c.pred_pairs_counted) == (1, 1, 1)
    assert (c.gold_named_actors, c.pred_actors) == (2, 2)
    # the narrator: its claim matched, its conflict found by the record pair
    assert (c.narrator_gold_claims, c.narrator_matched_claims) == (1, 1)
    assert (c.record_gold, c.record_found, c.record_pred_counted, c.record_true) == (1, 1, 1, 1)
    m = s.metrics
    assert (m.claim_f1, m.contradiction_f1, m.narrator_claim_recall, m.record_f1) == (1.0, 1.0, 1.0, 1.0)


def test_a_narrator_in_name_only_matches_no_gold_narrator_claim() -> None:
    # without the narrator flag, "the article" is an ordinary actor: no gold actor agrees with it
    s = score_article(fire_gold(), fire_prediction(False, [("k1", "c1", "c2")]))
    assert s.counts.narrator_matched_claims == 0
    assert s.counts.pred_claims == 3 and s.counts.matched_claims == 2
    assert s.false_positive_actors == ("p_art",)
    assert s.metrics.record_recall == 0.0 and s.record_missed_contradictions == ("k2",)


def test_a_record_pair_that_finds_nothing_costs_record_precision_only() -> None:
    s = score_article(fire_gold(), fire_prediction(True, [("k1", "c1", "c2"), ("k2", "c3", "c2")]))
    assert s.metrics.contradiction_precision == 1.0
    assert s.metrics.record_precision == 0.0 and s.record_false_positive_pairs == ("k2",)


def with_pairs(prediction: Prediction, *pairs: PredictedPair) -> Prediction:
    return Prediction(actors=prediction.actors, claims=prediction.claims, pairs=pairs)


def test_a_narrator_claim_only_in_an_also_pair_is_scored_as_a_record_conflict() -> None:
    # k1 is labeled between the owner and the union, and also holds the article's 11 against the union's 9
    g = fire_gold([{"id": "k1", "a": "o1", "b": "u1", "kind": "numeric", "also": [["n1", "u1"]]}])
    s = score_article(g, fire_prediction(True, [("p1", "c3", "c2")]))  # the article vs the union
    c = s.counts
    # k1's narrator part (n1 vs u1) is found by the record pair: 1 of 1, and the pair is right
    assert (c.record_gold, c.record_found, c.record_pred_counted, c.record_true) == (1, 1, 1, 1)
    assert s.record_found_contradictions == (ContradictionFind("k1", "p1"),)
    assert s.metrics.record_f1 == 1.0
    # its part between actors (o1 vs u1) is still a gold conflict there, missed: no pair between actors
    assert (c.gold_contradictions, c.found_contradictions, c.pred_pairs_counted) == (1, 0, 0)
    assert s.missed_contradictions == ("k1",)


def test_the_pairs_between_actors_of_a_narrator_conflict_are_scored_between_actors() -> None:
    # k1's main pair holds the article's claim; its also pair is between the owner and the union
    g = fire_gold([{"id": "k1", "a": "n1", "b": "o1", "kind": "numeric", "also": [["o1", "u1"]]}])
    s = score_article(g, fire_prediction(True, [("p1", "c1", "c2")]))  # the owner vs the union
    c = s.counts
    # between actors: k1's part (o1 vs u1) found by p1; on the record side its part (n1 vs o1) missed
    assert (c.gold_contradictions, c.found_contradictions, c.pred_pairs_counted, c.true_pairs) == (1, 1, 1, 1)
    assert (c.record_gold, c.record_found, c.record_pred_counted) == (1, 0, 0)
    assert s.record_missed_contradictions == ("k1",)
    assert (s.metrics.contradiction_f1, s.metrics.record_recall) == (1.0, 0.0)


def test_a_predicted_conflict_is_split_pair_by_pair_too() -> None:
    # fire_gold: k1 owner vs union, k2 the article vs the owner. One predicted conflict holds both.
    base = fire_prediction(True, [])
    s = score_article(fire_gold(), with_pairs(base, PredictedPair("p1", "c1", "c2", (("c3", "c1"),))))
    c = s.counts
    # its pair between actors finds k1; its narrator pair (c3 vs c1) finds k2 on the record side
    assert (c.gold_contradictions, c.found_contradictions, c.pred_pairs_counted) == (1, 1, 1)
    assert (c.record_gold, c.record_found, c.record_pred_counted, c.record_true) == (1, 1, 1, 1)
    assert s.found_contradictions == (ContradictionFind("k1", "p1"),)
    assert s.record_found_contradictions == (ContradictionFind("k2", "p1"),)


def test_record_duplicates_hard_negatives_and_narrator_claims_are_listed() -> None:
    g = fire_gold([{"id": "k2", "a": "n1", "b": "o1", "kind": "numeric"}], [("n1", "u1")])
    pairs = [("p1", "c3", "c1"), ("p2", "c1", "c3"), ("p3", "c3", "c2")]
    s = score_article(g, fire_prediction(True, pairs))
    # p1 finds k2, p2 finds it again (a duplicate, left out), p3 matches the hard negative n1 vs u1
    assert s.record_found_contradictions == (ContradictionFind("k2", "p1"),)
    assert s.record_duplicate_pairs == ("p2",)
    assert s.record_false_positive_pairs == ("p3",) and s.record_hard_negative_pairs == ("p3",)
    assert (s.counts.record_pred_counted, s.counts.record_hard_negative_errors) == (2, 1)
    assert s.duplicate_pairs == () and s.hard_negative_pairs == ()  # nothing of it between actors
    assert s.narrator_claim_matches == (ClaimMatch("n1", "c3", 1.0),) and s.narrator_missed_claims == ()
    unflagged = score_article(g, fire_prediction(False, pairs))  # "the article" is no narrator here
    assert unflagged.narrator_claim_matches == () and unflagged.narrator_missed_claims == ("n1",)


TEST_SPLIT = Path(__file__).parents[1] / "seeds" / "test"


def gold_as_prediction(g: GoldArticle, pairs: Sequence[tuple[str, str]]) -> Prediction:
    """The gold actors (narrator flagged) and claims as a prediction, with `pairs` as its conflicts."""
    return Prediction(
        actors=tuple(PredictedActor(a.id, (a.name, *a.aliases), is_narrator_name(a.name)) for a in g.actors),
        claims=tuple(
            PredictedClaim(c.id, c.actor, (PredictedSpan(c.start, c.end, c.evidence),)) for c in g.claims
        ),
        pairs=tuple(PredictedPair(f"p{n}", a, b) for n, (a, b) in enumerate(pairs, start=1)),
    )


def test_every_narrator_pair_of_the_test_split_is_scored_on_the_record_side() -> None:
    """Each gold pair holding a narrator claim, main or `also`, predicted on its own, finds its conflict
    on the record side; no such pair is a false positive there or anywhere else."""
    conflicts_with_narration = 0
    for g in load_dataset(TEST_SPLIT):
        narrators = {a.id for a in g.actors if is_narrator_name(a.name)}
        narrated = {c.id for c in g.claims if c.actor in narrators}
        pairs = [(k.id, a, b) for k in g.contradictions or [] for a, b in k.pairs() if {a, b} & narrated]
        s = score_article(g, gold_as_prediction(g, [(a, b) for _, a, b in pairs]))
        conflicts = {k for k, _, _ in pairs}
        conflicts_with_narration += len(conflicts)
        assert {f.gold_id for f in s.record_found_contradictions} == conflicts, g.id
        assert s.counts.record_gold == len(conflicts) and s.record_false_positive_pairs == (), g.id
        assert s.false_positive_pairs == () and s.counts.narrator_matched_claims == len(narrated), g.id
    assert conflicts_with_narration > 0  # the split has narrator claims in conflicts
