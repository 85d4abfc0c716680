"""Where each gold contradiction between actors stopped on its way to the report.

A gold conflict is found only if both its claims are extracted, code pairs them, the verifier accepts
the pair and code reports it. This module reads an analysis' trace against the gold labels and names,
for each gold conflict between actors, the furthest of these stages any of its claim pairs reached:

1. `a side not extracted`: for no pair of the conflict does a claim of the analysis match each side
   (the scorer's rules 1 and 2, not one to one);
2. `one claim holds both sides`: the only claims matching the two sides are one and the same claim;
3. both sides are extracted as different claims, but no decision of the pair or verify steps names
   the two:
   - `pair never scored (no word in common)` when the trace lists every refused pair: they share no
     word (or only words too many claims share), which `pairing.nothing_shared` counts;
   - `pair not named in the trace (unlisted refusals)` when it does not: past the pair step's
     listing cap, or a trace made before the quiet rules' refusals were listed (2026-12-06);
   - `no pair step (pipeline without one)` when the trace holds no pair step at all (the naive
     pipeline);
4. `pair refused: <rule>`: a pairing rule refused the pair (the last refusal of step `pair`);
5. `verdict refused: <rule>`: the pair was verified and a rule refused it as a contradiction
   (step `verify`);
6. `kept, no refusal, not found`: the pair step kept the pair and no rule refused it, yet no reported
   contradiction finds the conflict (not expected; counted so that every conflict has a stage);
7. `found`: a reported contradiction finds it (`ArticleScore.found_contradictions`).

A pair's stage is read from the last refusal naming it (a pair kept for verification and then refused
as a verdict stopped at the verdict). Where several pairs reach the same stage, the first pair (gold
pairs in order, claims by id) names it. A failed article's conflicts are `article failed`. The eval
report sums these per run: how many gold conflicts each stage lost. Conflicts with the article's own
account (record conflicts) are left out: their narrator pairs are made apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import product

from counterclaim.evaluation.gold import GoldArticle, GoldContradiction
from counterclaim.evaluation.scoring import ArticleScore, claim_matchers, conflict_parts
from counterclaim.models import Analysis, Decision, DecisionAction
from counterclaim.pipeline.rules.pairing import COMMON_WORDS, NOTHING_SHARED
from counterclaim.pipeline.steps import pair, verify

NOT_EXTRACTED = "a side not extracted"
ONE_CLAIM = "one claim holds both sides"
NEVER_SCORED = "pair never scored (no word in common)"
NOT_NAMED = "pair not named in the trace (unlisted refusals)"
NO_PAIR_STEP = "no pair step (pipeline without one)"
KEPT_NOT_REPORTED = "kept, no refusal, not found"
FOUND = "found"
ARTICLE_FAILED = "article failed"
_PAIR_STEP = pair.NAME
PAIR_STEPS = frozenset({pair.NAME, verify.NAME})
"""The steps whose decisions about two claims are about a claim pair: pairing it, then its verdict."""
_COUNTED_NOT_PAIRS = frozenset({NOTHING_SHARED.name, COMMON_WORDS.name})
"""Counted pair-step decisions that stand for no refused pair a trace could have listed."""


def conflict_stages(gold: GoldArticle, analysis: Analysis, score: ArticleScore) -> dict[str, int]:
    """How many of the article's gold conflicts between actors stopped at each stage (module doc)."""
    between, _record = conflict_parts(gold)
    if not between:
        return {}
    matchers = claim_matchers(gold, analysis)
    found = {f.gold_id for f in score.found_contradictions}
    decisions: dict[frozenset[str], list[Decision]] = {}
    for decision in analysis.run.trace:
        if len(decision.claims) == 2 and decision.step in PAIR_STEPS:
            decisions.setdefault(frozenset(decision.claims), []).append(decision)
    unnamed = _unnamed_stage(analysis.run.trace)
    stages: Counter[str] = Counter()
    for conflict in between:
        stages[FOUND if conflict.id in found else _stage(conflict, matchers, decisions, unnamed)] += 1
    return dict(stages)


def failed_stages(gold: GoldArticle) -> dict[str, int]:
    """The stages of a failed article: all its conflicts between actors under `ARTICLE_FAILED`."""
    between, _record = conflict_parts(gold)
    return {ARTICLE_FAILED: len(between)} if between else {}


def _unnamed_stage(trace: Iterable[Decision]) -> str:
    """What a pair no decision names says of it: never scored when the pair step listed every pair
    it refused, not named when it counted some (past its cap, or an older trace), and no pair step at
    all in a pipeline without one."""
    pair_decisions = [d for d in trace if d.step == _PAIR_STEP]
    if not pair_decisions:
        return NO_PAIR_STEP
    counted = any(
        d.action is DecisionAction.REFUSED and not d.claims and d.rule not in _COUNTED_NOT_PAIRS
        for d in pair_decisions
    )
    return NOT_NAMED if counted else NEVER_SCORED


def _stage(
    conflict: GoldContradiction,
    matchers: dict[str, set[str]],
    decisions: dict[frozenset[str], list[Decision]],
    unnamed: str,
) -> str:
    best = (0, NOT_EXTRACTED)
    for side_a, side_b in conflict.pairs():
        for a, b in product(sorted(matchers[side_a]), sorted(matchers[side_b])):
            reached = (1, ONE_CLAIM) if a == b else _pair_stage(decisions.get(frozenset((a, b)), []), unnamed)
            if reached[0] > best[0]:
                best = reached
    return best[1]


def _pair_stage(decisions: list[Decision], unnamed: str) -> tuple[int, str]:
    """How far one claim pair got, from the pair and verify steps' decisions about it (in order)."""
    refused = [d for d in decisions if d.action is DecisionAction.REFUSED]
    if refused:
        last = refused[-1]
        if last.step == _PAIR_STEP:
            return (3, f"pair refused: {last.rule}")
        return (4, f"verdict refused: {last.rule}")
    if any(d.step == _PAIR_STEP and d.action is DecisionAction.KEPT for d in decisions):
        return (5, KEPT_NOT_REPORTED)
    return (2, unnamed)


def summed_stages(per_article: list[dict[str, int]]) -> dict[str, int]:
    """Stage counts added up over articles, most frequent first."""
    total: Counter[str] = Counter()
    for stages in per_article:
        total.update(stages)
    return dict(total.most_common())
