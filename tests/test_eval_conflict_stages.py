"""Where each gold contradiction stopped: the trace read against the gold labels.

The analyses are HAND-MADE (tests/eval_oracles.py) with hand-made trace entries, so the stage of each
of the dam article's two gold contradictions (k1: c1 vs c2, k2: c3 vs c4) can be read off by hand.
"""

from __future__ import annotations

from typing import Any

from counterclaim.evaluation.conflict_stages import (
    ARTICLE_FAILED,
    FOUND,
    NEVER_SCORED,
    NO_PAIR_STEP,
    NOT_EXTRACTED,
    NOT_NAMED,
    ONE_CLAIM,
    conflict_stages,
    failed_stages,
    summed_stages,
)
from counterclaim.evaluation.gold import GoldArticle
from counterclaim.evaluation.report import stages_section
from counterclaim.evaluation.run_files import RunRecord
from counterclaim.evaluation.scoring import score_article
from counterclaim.models import Analysis, Decision, DecisionAction
from eval_oracles import DAM_TEXT, analysis, dam_article, fire_article, half_analysis, narrator_analysis

ACTORS = [("a1", "Ann Lee"), ("a2", "Bob Stone")]
ALL_FOUR = [
    ("p1", "a1", "the dam is safe"),
    ("p2", "a2", "the dam is leaking"),
    ("p3", "a1", "repairs are finished"),
    ("p4", "a2", "repairs have not begun"),
]


def _pair(step: str, rule: str, action: DecisionAction, a: str, b: str) -> Decision:
    return Decision(step=step, rule=rule, action=action, claims=[a, b], reason="hand-made")


def _stages(found: Analysis, *decisions: Decision, gold: dict[str, Any] | None = None) -> dict[str, int]:
    labels = GoldArticle.model_validate(gold or dam_article())
    traced = found.model_copy(update={"run": found.run.model_copy(update={"trace": list(decisions)})})
    return conflict_stages(labels, traced, score_article(labels, traced))


def test_a_found_conflict_and_one_whose_side_went_to_the_wrong_actor() -> None:
    # half_analysis reports (p1, p2), which finds k1; c4's words are given to Ann Lee (p4), so k2 lacks a side
    assert _stages(half_analysis(DAM_TEXT)) == {FOUND: 1, NOT_EXTRACTED: 1}


def test_a_pair_no_decision_names_was_never_scored_and_a_refused_one_names_its_rule() -> None:
    stages = _stages(
        analysis(DAM_TEXT, ACTORS, ALL_FOUR, []),
        _pair("pair", "pairing.little_in_common", DecisionAction.REFUSED, "p4", "p3"),
    )
    assert stages == {NEVER_SCORED: 1, "pair refused: pairing.little_in_common": 1}


def test_a_pair_kept_for_verification_stops_at_the_verdict_that_refused_it() -> None:
    stages = _stages(
        analysis(DAM_TEXT, ACTORS, ALL_FOUR, []),
        _pair("pair", "pairing.kept", DecisionAction.KEPT, "p1", "p2"),
        _pair("verify", "acceptance.not_contradict", DecisionAction.REFUSED, "p1", "p2"),
        _pair("pair", "pairing.kept", DecisionAction.KEPT, "p3", "p4"),
    )
    assert stages == {"verdict refused: acceptance.not_contradict": 1, "kept, no refusal, not found": 1}


def test_the_furthest_pair_of_a_conflict_decides_its_stage() -> None:
    # two claims match gold c2 (p2 and p5): (p1, p5) was refused at pairing, (p1, p2) at the verdict
    claims = [*ALL_FOUR, ("p5", "a2", "the dam is leaking")]
    stages = _stages(
        analysis(DAM_TEXT, ACTORS, claims, []),
        _pair("pair", "pairing.no_visible_reason", DecisionAction.REFUSED, "p1", "p5"),
        _pair("verify", "acceptance.low_confidence", DecisionAction.REFUSED, "p1", "p2"),
    )
    assert stages["verdict refused: acceptance.low_confidence"] == 1


def test_one_claim_citing_both_sides_holds_the_conflict_alone() -> None:
    text = "Lee said repairs are finished. Lee said repairs have not begun."
    gold = {
        "id": "self",
        "text": text,
        "labels": ["attribution", "contradiction"],
        "actors": [{"id": "ann", "name": "Ann Lee", "aliases": ["Lee"]}],
        "claims": [
            {"id": "c1", "actor": "ann", "evidence": "repairs are finished", "start": 9, "end": 29},
            {"id": "c2", "actor": "ann", "evidence": "repairs have not begun", "start": 40, "end": 62},
        ],
        "contradictions": [{"id": "k1", "a": "c1", "b": "c2", "kind": "self"}],
    }
    assert text[9:29] == "repairs are finished" and text[40:62] == "repairs have not begun"
    whole = analysis(text, [("a1", "Ann Lee")], [("p1", "a1", text)], [])
    assert _stages(whole, gold=gold) == {ONE_CLAIM: 1}


def test_stages_add_up_and_the_report_lists_the_largest_first() -> None:
    total = summed_stages([{FOUND: 1, NOT_EXTRACTED: 2}, {NOT_EXTRACTED: 1}, {}])
    assert total == {NOT_EXTRACTED: 3, FOUND: 1}
    section = "\n".join(stages_section(_record(total)))
    assert "## Where the gold contradictions stopped" in section
    assert section.index("| a side not extracted | 3 |") < section.index("| found | 1 |")
    assert stages_section(_record({})) == []


def _record(stages: dict[str, int]) -> RunRecord:
    """A run record holding only stage totals (all `stages_section` reads)."""
    fields: dict[str, Any] = {"conflict_stages": stages}
    return RunRecord.model_construct(**fields)


def test_decisions_of_other_steps_do_not_stage_a_pair() -> None:
    # a summary sentence citing both claims was dropped: that says nothing of the pair step
    summary = Decision(step="summary", rule="summary.copied_claim", action=DecisionAction.DROPPED,
                       claims=["p3", "p4"], reason="hand-made")  # fmt: skip
    listed = _pair("pair", "pairing.kept", DecisionAction.KEPT, "p1", "p2")  # (p1, p2) kept, not reported
    stages = _stages(analysis(DAM_TEXT, ACTORS, ALL_FOUR, []), listed, summary)
    assert stages == {"kept, no refusal, not found": 1, NEVER_SCORED: 1}


def test_a_pair_missing_from_a_trace_that_counted_refusals_is_not_called_unscored() -> None:
    counted = Decision(step="pair", rule="pairing.little_in_common", action=DecisionAction.REFUSED,
                       reason="12 more pair(s) refused by this rule")  # fmt: skip
    assert _stages(analysis(DAM_TEXT, ACTORS, ALL_FOUR, []), counted) == {NOT_NAMED: 2}
    # a pipeline with no pair step at all (naive) says so
    assert _stages(analysis(DAM_TEXT, ACTORS, ALL_FOUR, [])) == {NO_PAIR_STEP: 2}


def test_record_conflicts_are_left_out_and_a_failed_article_counts_its_conflicts() -> None:
    # the fire's k1 is the owner's four dead against the union's nine, with the article's own eleven
    # as an `also` pair: only its part between actors is staged
    fire = fire_article()
    # and k2, the union's nine against the article's eleven, is a record conflict only
    fire["contradictions"].append({"id": "k2", "a": "u1", "b": "n1", "kind": "numeric"})
    found = narrator_analysis("The fire killed 11 workers", [("p1", "p2")])
    assert _stages(found, gold=fire) == {FOUND: 1}
    assert failed_stages(GoldArticle.model_validate(fire)) == {ARTICLE_FAILED: 1}
    assert failed_stages(GoldArticle.model_validate(dam_article())) == {ARTICLE_FAILED: 2}
