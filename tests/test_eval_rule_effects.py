"""The decision trace read against gold labels: which rule cost or kept which gold item.

The analyses here are HAND-MADE (tests/eval_oracles.py) with hand-made trace entries, so the expected
counts can be worked out by reading the dam article's four gold claims and two contradictions.
"""

from __future__ import annotations

from typing import Any

from counterclaim.evaluation.compare import rule_changes
from counterclaim.evaluation.gold import GoldArticle
from counterclaim.evaluation.report import rules_section
from counterclaim.evaluation.rule_effects import RuleEffect, rule_effects, summed
from counterclaim.evaluation.run_files import RunRecord
from counterclaim.evaluation.scoring import score_article
from counterclaim.models import Analysis, Decision, DecisionAction
from eval_oracles import (
    DAM_TEXT,
    FIRE_TEXT,
    NARRATOR_NAME,
    dam_article,
    fire_article,
    half_analysis,
    narrator_analysis,
)


def _with_trace(analysis: Analysis, *decisions: Decision) -> Analysis:
    return analysis.model_copy(update={"run": analysis.run.model_copy(update={"trace": list(decisions)})})


def _dropped(rule: str, evidence: str, actor: str, text: str = DAM_TEXT) -> Decision:
    start = text.index(evidence)
    return Decision(
        step="claims",
        rule=rule,
        action=DecisionAction.DROPPED,
        proposal="p9",
        actor=actor,
        sentences=[4],
        start=start,
        end=start + len(evidence),
        reason="hand-made",
    )


def _effects(*decisions: Decision) -> dict[str, RuleEffect]:
    gold = GoldArticle.model_validate(dam_article())
    analysis = _with_trace(half_analysis(DAM_TEXT), *decisions)
    return {e.rule: e for e in rule_effects(gold, analysis, score_article(gold, analysis))}


def test_a_dropped_proposal_that_would_have_matched_a_missed_gold_claim_is_a_loss() -> None:
    # half_analysis misses gold c4 ("repairs have not begun", Bob Stone's): p4 gives it to Ann Lee.
    effects = _effects(
        _dropped("attribution.no_reporting_cue", "repairs have not begun", "Bob Stone"),
        _dropped("placement.fragment_sentence", "repairs have not begun", "Ann Lee"),  # wrong actor
        _dropped("assembly.duplicate_claim", "the dam is safe", "Ann Lee"),  # that gold claim was found
    )
    assert effects["attribution.no_reporting_cue"].gold_claims_lost == 1
    assert effects["placement.fragment_sentence"].gold_claims_lost == 0
    assert effects["assembly.duplicate_claim"].gold_claims_lost == 0
    assert all(e.decisions == 1 for e in effects.values())


def test_a_refused_pair_of_a_missed_contradiction_is_a_loss_and_a_reported_one_a_find() -> None:
    # half_analysis finds k1 with (p1, p2) and misses k2 (c3 vs c4: p3 vs nothing agreeing).
    effects = _effects(
        Decision(step="verify", rule="acceptance.verified", action=DecisionAction.ACCEPTED,
                 claims=["p1", "p2"], reason="hand-made"),
        Decision(step="pair", rule="pairing.no_visible_reason", action=DecisionAction.REFUSED,
                 claims=["p2", "p3"], reason="hand-made"),
    )  # fmt: skip
    assert effects["acceptance.verified"].gold_contradictions_found == 1
    assert effects["pairing.no_visible_reason"].gold_contradictions_lost == 0  # (p2, p3) is no gold pair


def test_effects_add_up_over_articles() -> None:
    one = RuleEffect(rule="r", decisions=2, gold_claims_lost=1)
    other = RuleEffect(rule="r", decisions=3, gold_contradictions_found=1)
    (total,) = summed([one, other])
    assert (total.decisions, total.gold_claims_lost, total.gold_contradictions_found) == (5, 1, 1)


def _record(*effects: RuleEffect) -> RunRecord:
    """A run record holding only rule totals (all these functions read)."""
    fields: dict[str, Any] = {"rules": list(effects)}
    return RunRecord.model_construct(**fields)


def test_the_report_lists_rules_by_decisions_and_compare_shows_what_changed() -> None:
    kept = RuleEffect(rule="pairing.kept", decisions=10, gold_contradictions_found=2)
    cue = RuleEffect(rule="attribution.no_reporting_cue", decisions=12, gold_claims_lost=3)
    section = "\n".join(rules_section(_record(kept, cue))).replace("\\_", "_")
    assert "## Decisions by rule" in section
    assert section.index("| attribution.no_reporting_cue | 12 | 3 |") < section.index("| pairing.kept | 10 |")
    assert rules_section(_record()) == []
    (change,) = rule_changes(_record(kept), _record(kept, cue))
    assert change.rule == "attribution.no_reporting_cue" and change.a is None and change.b == cue


def _fire_effects(analysis: Analysis, *decisions: Decision) -> dict[str, RuleEffect]:
    gold = GoldArticle.model_validate(fire_article())
    traced = _with_trace(analysis, *decisions)
    return {e.rule: e for e in rule_effects(gold, traced, score_article(gold, traced))}


def test_the_narrators_claims_count_as_the_scorer_counts_them() -> None:
    # gold n1 is the article's own claim. Found: the narrate step added p3, which matches it (kept).
    found = narrator_analysis("The fire killed 11 workers", [("p1", "p2")])
    added = Decision(step="narrate", rule="narration.own_account", action=DecisionAction.ADDED,
                     claims=["p3"], actor=NARRATOR_NAME, reason="hand-made")  # fmt: skip
    assert _fire_effects(found, added)["narration.own_account"].gold_claims_kept == 1
    # Missed (p3 is another sentence): a dropped proposal of the narrator over n1 would have matched it,
    # one of the owner's over the same words would not (only the narrator agrees with a narrator claim).
    missed = narrator_analysis("The plant reopened on Monday", [("p1", "p2")])
    effects = _fire_effects(
        missed,
        _dropped("narration.own_account", "The fire killed 11 workers", NARRATOR_NAME, FIRE_TEXT),
        _dropped("attribution.no_reporting_cue", "The fire killed 11 workers", "The owner", FIRE_TEXT),
    )
    assert effects["narration.own_account"].gold_claims_lost == 1
    assert effects["attribution.no_reporting_cue"].gold_claims_lost == 0


def test_the_record_part_of_a_conflict_is_lost_or_found_on_its_own() -> None:
    # gold k1: the owner vs the union, and (also) the article's n1 vs the owner. (p1, p2) finds its part
    # between actors; the record part (n1 vs o1) is missed, and a refused (p3, p1) would have found it.
    analysis = narrator_analysis("The fire killed 11 workers", [("p1", "p2")])
    effects = _fire_effects(
        analysis,
        Decision(step="pair", rule="pairing.no_visible_reason", action=DecisionAction.REFUSED,
                 claims=["p3", "p1"], reason="hand-made"),
        Decision(step="verify", rule="acceptance.verified", action=DecisionAction.ACCEPTED,
                 claims=["p1", "p2"], reason="hand-made"),
    )  # fmt: skip
    assert effects["pairing.no_visible_reason"].gold_contradictions_lost == 1
    assert effects["acceptance.verified"].gold_contradictions_found == 1
    # reported, the record pair finds the record part
    reported = narrator_analysis("The fire killed 11 workers", [("p1", "p2"), ("p3", "p1")])
    kept = Decision(step="pair", rule="narration.pairs", action=DecisionAction.KEPT, claims=["p3", "p1"],
                    reason="hand-made")  # fmt: skip
    assert _fire_effects(reported, kept)["narration.pairs"].gold_contradictions_found == 1
