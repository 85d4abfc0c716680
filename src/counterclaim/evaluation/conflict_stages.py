"""Where each gold contradiction between actors stopped on its way to the report.

A gold conflict is found only if both its claims are extracted, code pairs them, the verifier accepts
the pair and code reports it. This module reads an analysis' trace against the gold labels and names,
for each gold conflict between actors, the furthest of these stages any of its claim pairs reached:

1. `a side not extracted`: for no pair of the conflict does a claim of the analysis match each side
   (the scorer's rules 1 and 2, not one to one);
2. `one claim holds both sides`: the only claims matching the two sides are one and the same claim;
3. `pair never scored (no decision names it)`: both sides are extracted as different claims, but no
   decision of the trace names the two: they share no word (`pairing.nothing_shared`, counted), or
   they are one actor's two claims citing the same words (never paired);
4. `pair refused: <rule>`: a pairing rule refused the pair (step `pair`);
5. `verdict refused: <rule>`: the pair was verified and a rule refused it as a contradiction
   (step `verify` or later);
6. `kept, no refusal, not found`: decisions kept the pair and none refused it, yet no reported
   contradiction finds the conflict (not expected; counted so that every conflict has a stage);
7. `found`: a reported contradiction finds it (`ArticleScore.found_contradictions`).

A pair's stage is read from the last refusal naming it (a pair kept for verification and then refused
as a verdict stopped at the verdict). Where several pairs reach the same stage, the first pair (gold
pairs in order, claims by id) names it. The
eval report sums these per run: how many gold conflicts each stage lost. Conflicts with the article's
own account (record conflicts) are left out: their narrator pairs are made apart.
"""

from __future__ import annotations

from collections import Counter
from itertools import product

from counterclaim.evaluation.gold import GoldArticle, GoldContradiction
from counterclaim.evaluation.scoring import ArticleScore, claim_matchers, conflict_parts
from counterclaim.models import Analysis, Decision, DecisionAction

NOT_EXTRACTED = "a side not extracted"
ONE_CLAIM = "one claim holds both sides"
NEVER_SCORED = "pair never scored (no decision names it)"
KEPT_NOT_REPORTED = "kept, no refusal, not found"
FOUND = "found"
_PAIR_STEP = "pair"


def conflict_stages(gold: GoldArticle, analysis: Analysis, score: ArticleScore) -> dict[str, int]:
    """How many of the article's gold conflicts between actors stopped at each stage (module doc)."""
    between, _record = conflict_parts(gold)
    if not between:
        return {}
    matchers = claim_matchers(gold, analysis)
    found = {f.gold_id for f in score.found_contradictions}
    decisions: dict[frozenset[str], list[Decision]] = {}
    for decision in analysis.run.trace:
        if len(decision.claims) == 2:
            decisions.setdefault(frozenset(decision.claims), []).append(decision)
    stages: Counter[str] = Counter()
    for conflict in between:
        stages[FOUND if conflict.id in found else _stage(conflict, matchers, decisions)] += 1
    return dict(stages)


def _stage(
    conflict: GoldContradiction,
    matchers: dict[str, set[str]],
    decisions: dict[frozenset[str], list[Decision]],
) -> str:
    best = (0, NOT_EXTRACTED)
    for side_a, side_b in conflict.pairs():
        for a, b in product(sorted(matchers[side_a]), sorted(matchers[side_b])):
            reached = (1, ONE_CLAIM) if a == b else _pair_stage(decisions.get(frozenset((a, b)), []))
            if reached[0] > best[0]:
                best = reached
    return best[1]


def _pair_stage(decisions: list[Decision]) -> tuple[int, str]:
    """How far one claim pair got, from the trace's decisions about it (in order)."""
    if not decisions:
        return (2, NEVER_SCORED)
    refused = [d for d in decisions if d.action is DecisionAction.REFUSED]
    if not refused:
        return (5, KEPT_NOT_REPORTED)
    last = refused[-1]
    if last.step == _PAIR_STEP:
        return (3, f"pair refused: {last.rule}")
    return (4, f"verdict refused: {last.rule}")


def summed_stages(per_article: list[dict[str, int]]) -> dict[str, int]:
    """Stage counts added up over articles, most frequent first."""
    total: Counter[str] = Counter()
    for stages in per_article:
        total.update(stages)
    return dict(total.most_common())
