"""Which code rules cost or won gold items: the decision trace of an analysis read against the gold labels.

For each rule with decisions in an article:
- `gold_claims_lost`: gold claims the analysis missed that a proposal the rule dropped would have
  matched (its sentences cover at least half the gold span, and its actor agrees);
- `gold_claims_kept`: gold claims matched by a claim the rule acted on (moved, joined, relabeled);
- `gold_contradictions_lost`: gold contradictions the analysis missed that a claim pair the rule
  refused (for verification, or as a verdict) would have found;
- `gold_contradictions_found`: gold contradictions found by a pair the rule sent to verification or
  reported.

The article's own account counts as the scorer scores it: a gold narrator claim is matched only by a
claim of the tool's narrator (so a dropped proposal counts against it only when it was the narrator's,
and the narrator's claims, added by `narration.own_account`, count as kept), and a conflict is split
pair by pair, its narrator part (record) and its part between actors being two gold items, each lost
or found by the pairs that hit it.

Counts are of distinct gold items per rule and article. They answer "which rule cost us this gold
claim?" from a run folder alone; the eval report sums them over the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from counterclaim.evaluation.conflict_stages import PAIR_STEPS
from counterclaim.evaluation.gold import GoldArticle, GoldContradiction
from counterclaim.evaluation.matching import (
    evidence_overlaps,
    is_unnamed,
    name_forms,
    names_agree,
    overlap_fraction,
)
from counterclaim.evaluation.scoring import (
    ArticleScore,
    PredictedPair,
    claim_matchers,
    conflict_parts,
    narrator_claims,
    pair_finds,
)
from counterclaim.models import Analysis, Decision, DecisionAction

_REMOVING = frozenset({DecisionAction.DROPPED, DecisionAction.CUT})
_PAIR_KEEPING = frozenset({DecisionAction.KEPT, DecisionAction.ACCEPTED, DecisionAction.OVERRIDDEN})
_CLAIM_STEPS = frozenset({"claims", "second_look", "translate", "restate", "assemble", "narrate"})
"""Steps whose decisions act on claims (a summary decision names the claims a sentence cites)."""
Conflict = tuple[str, str]
"""A gold conflict's part: ("between", id) between actors, or ("record", id) the narrator's."""


class RuleEffect(BaseModel):
    """What one rule did in one article (or summed over a run), and the gold items it touched."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    decisions: int = 0
    gold_claims_lost: int = 0
    gold_claims_kept: int = 0
    gold_contradictions_lost: int = 0
    gold_contradictions_found: int = 0

    def plus(self, other: RuleEffect) -> RuleEffect:
        return RuleEffect(
            rule=self.rule,
            decisions=self.decisions + other.decisions,
            gold_claims_lost=self.gold_claims_lost + other.gold_claims_lost,
            gold_claims_kept=self.gold_claims_kept + other.gold_claims_kept,
            gold_contradictions_lost=self.gold_contradictions_lost + other.gold_contradictions_lost,
            gold_contradictions_found=self.gold_contradictions_found + other.gold_contradictions_found,
        )


def rule_effects(gold: GoldArticle, analysis: Analysis, score: ArticleScore) -> list[RuleEffect]:
    """The effect of every rule that decided something in this analysis, in order of first decision."""
    matchers = claim_matchers(gold, analysis)
    matched_by = {m.gold_id: m.pred_id for m in (*score.claim_matches, *score.narrator_claim_matches)}
    missed_claims = {*score.missed_claims, *score.narrator_missed_claims}
    missed_contradictions = {
        *(("between", k) for k in score.missed_contradictions),
        *(("record", k) for k in score.record_missed_contradictions),
    }
    found_by_pair = {
        *(("between", f.gold_id) for f in score.found_contradictions),
        *(("record", f.gold_id) for f in score.record_found_contradictions),
    }
    between, record = conflict_parts(gold)
    parts = [*(("between", k) for k in between), *(("record", k) for k in record)]
    narrated = narrator_claims(gold)
    narrator_names = {a.name for a in analysis.actors if a.narrator}
    actor_forms = {
        a.id: None if is_unnamed(a.name) else name_forms([a.name, *a.aliases]) for a in gold.actors
    }
    order: list[str] = []
    decisions: dict[str, int] = {}
    lost: dict[str, set[str]] = {}
    kept: dict[str, set[str]] = {}
    lost_k: dict[str, set[Conflict]] = {}
    found_k: dict[str, set[Conflict]] = {}
    for decision in analysis.run.trace:
        rule = decision.rule
        if rule not in decisions:
            order.append(rule)
            decisions[rule] = 0
            for table in (lost, kept, lost_k, found_k):
                table[rule] = set()
        decisions[rule] += 1
        if len(decision.claims) == 2 and decision.step in PAIR_STEPS:
            hits = set(_contradictions_hit(parts, decision.claims, matchers))
            if decision.action is DecisionAction.REFUSED:
                lost_k[rule] |= hits & missed_contradictions
            elif decision.action in _PAIR_KEEPING:
                found_k[rule] |= hits & found_by_pair
            continue
        if decision.action in _REMOVING and not decision.claims and decision.start is not None:
            by_narrator = decision.actor in narrator_names
            lost[rule] |= {
                g.id
                for g in gold.claims
                if g.id in missed_claims
                and (g.id in narrated) is by_narrator
                and _would_match(decision, g.start, g.end, None if by_narrator else actor_forms[g.actor])
            }
        elif decision.claims and decision.step in _CLAIM_STEPS:
            kept[rule] |= {g for g, pred in matched_by.items() if pred in decision.claims}
    return [
        RuleEffect(
            rule=rule,
            decisions=decisions[rule],
            gold_claims_lost=len(lost[rule]),
            gold_claims_kept=len(kept[rule]),
            gold_contradictions_lost=len(lost_k[rule]),
            gold_contradictions_found=len(found_k[rule]),
        )
        for rule in order
    ]


def summed(effects: Iterable[RuleEffect]) -> list[RuleEffect]:
    """Effects of the same rule added up, in order of first appearance."""
    totals: dict[str, RuleEffect] = {}
    for effect in effects:
        known = totals.get(effect.rule)
        totals[effect.rule] = effect if known is None else known.plus(effect)
    return list(totals.values())


def _would_match(decision: Decision, start: int, end: int, forms: frozenset[tuple[str, ...]] | None) -> bool:
    assert decision.start is not None and decision.end is not None
    if not evidence_overlaps(overlap_fraction([(decision.start, decision.end)], start, end)):
        return False
    return forms is None or (decision.actor is not None and names_agree(forms, name_forms([decision.actor])))


def _contradictions_hit(
    parts: Sequence[tuple[str, GoldContradiction]], claims: Sequence[str], matchers: dict[str, set[str]]
) -> list[Conflict]:
    """The conflict parts (`conflict_parts`, by side) one claim pair hits."""
    pair = PredictedPair("trace", claims[0], claims[1])
    return [(side, k.id) for side, k in parts if any(pair_finds(pair, a, b, matchers) for a, b in k.pairs())]
