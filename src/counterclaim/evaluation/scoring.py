"""Scoring a prediction against one labeled article, and averaging over a dataset (docs/gold-format.md).

Decisions the format leaves open, fixed here:

- *Largest overlap first*: candidate (predicted, gold) claim pairs that pass the rules are taken in
  order of the covered fraction of the gold span (rule 1's quantity), then covered characters, then
  gold claim order, then predicted claim order; a pair is kept when neither side is taken yet.
- Claim precision and claim F1 are scored only on articles labeled "attribution"; contradiction
  precision and F1 only on articles labeled "contradiction" whose `contradictions` is a list (possibly
  empty: then every predicted pair is a false positive). Contradiction recall is scored on every article
  whose `contradictions` is a list; `contradictions: null` means no contradiction scoring at all.
- Predicted contradictions are taken in their listed order. A pair that finds at least one gold
  contradiction not found before is a true pair; one that finds only already-found ones is a
  *duplicate*, left out of both counts; one that finds none is a false positive, and also a hard
  negative error when it matches a `non_contradictions` pair. A pair that finds a gold contradiction
  is never a hard negative error.
- A predicted contradiction with further pairs of the same conflict (`Contradiction.also`) is one
  prediction, as a gold contradiction with `also` pairs is one conflict: it finds a gold contradiction
  when any of its pairs does, and is a hard negative error when any of its pairs matches a
  `non_contradictions` pair.
- Pronoun names in alias lists take no part in actor agreement (see `matching`).
- Actor precision, on articles labeled "attribution": of the predicted actors that own a claim, the
  share that are actors of the gold article, i.e. whose names agree with a named gold actor or who own
  a claim matched to a gold claim (the second covers unnamed gold actors such as "officials"). An
  actor the tool invents ("In March", "the incident") counts against it.
- The article's own account is scored apart. A gold actor whose name holds "(narrator)" and a predicted
  actor with `narrator` set agree only with each other; their claims are left out of every metric
  above and counted in their own: narrator claim recall (gold narrator claims matched one to one by the
  tool's narrator claims; no precision, because narration is labeled only where it takes part in a
  conflict or a hard negative). Conflicts are split pair by pair, gold and predicted alike: the pairs
  of a conflict (its main pair and its `also` pairs) that hold a narrator claim form its narrator part,
  scored as record contradiction recall, precision and F1 (the same rules as for other
  contradictions); the other pairs form its part between actors, scored as above. A conflict with
  pairs of both kinds counts once on each side (under the same id), a conflict with pairs of one kind
  on that side only; the first pair of a part is its main pair. A hard negative belongs to the
  narrator when it holds a narrator claim.
- 0/0: a ratio with a zero denominator is None (recall with no gold item, precision with no
  prediction, grounding with no predicted claim). F1 is None when there is neither a gold item nor a
  prediction, 0.0 when only one side has items, else the harmonic mean of precision and recall (0.0
  when both are 0). Macro averages skip None; a macro average over no value is None.
- Micro averages sum counts over the articles each metric is scored on (e.g. claim precision and F1
  over "attribution" articles only), then divide with the same rules.

Scoring is pure: no cost fields, no I/O except `load_prediction`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from pydantic import ValidationError

from counterclaim.errors import DatasetError
from counterclaim.evaluation.gold import GoldArticle, GoldContradiction
from counterclaim.evaluation.matching import (
    Words,
    covered_chars,
    evidence_overlaps,
    is_narrator_name,
    is_unnamed,
    name_forms,
    names_agree,
    overlap_fraction,
)
from counterclaim.models import Analysis

# ---------------------------------------------------------------------------------------------------
# The prediction, as the scorer sees it


@dataclass(frozen=True)
class PredictedActor:
    """A predicted actor: its id and every name it goes by (name first, then aliases)."""

    id: str
    names: tuple[str, ...]
    narrator: bool = False
    """The article's own voice (`Actor.narrator`)."""


@dataclass(frozen=True)
class PredictedSpan:
    """One evidence span of a predicted claim, with the text the tool says is there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PredictedClaim:
    """A predicted claim: the actor it is given to and where the article says it."""

    id: str
    actor_id: str
    spans: tuple[PredictedSpan, ...]


@dataclass(frozen=True)
class PredictedPair:
    """A predicted contradiction between two predicted claims, with `also` the further claim pairs of
    the same conflict."""

    id: str
    claim_a: str
    claim_b: str
    also: tuple[tuple[str, str], ...] = ()

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Every claim pair of this conflict, the main one first."""
        return ((self.claim_a, self.claim_b), *self.also)


@dataclass(frozen=True)
class Prediction:
    """What the scorer needs of a prediction. `article_sha256`, when given, must be the gold text's."""

    actors: tuple[PredictedActor, ...] = ()
    claims: tuple[PredictedClaim, ...] = ()
    pairs: tuple[PredictedPair, ...] = ()
    article_sha256: str | None = None


def prediction_from_analysis(analysis: Analysis) -> Prediction:
    """The scorer's view of an `Analysis`."""
    return Prediction(
        actors=tuple(PredictedActor(a.id, (a.name, *a.aliases), a.narrator) for a in analysis.actors),
        claims=tuple(
            PredictedClaim(c.id, c.actor_id, tuple(PredictedSpan(s.start, s.end, s.text) for s in c.evidence))
            for c in analysis.claims
        ),
        pairs=tuple(
            PredictedPair(k.id, k.claim_a, k.claim_b, tuple(k.also)) for k in analysis.contradictions
        ),
        article_sha256=analysis.article_sha256,
    )


def load_prediction(path: Path) -> Prediction:
    """Read a JSON file holding an `Analysis`. Raises `DatasetError` when it cannot be read or parsed."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read prediction {path}: {exc}") from exc
    try:
        analysis = Analysis.model_validate_json(raw)
    except ValidationError as exc:
        raise DatasetError(f"{path}: not an analysis ({exc.error_count()} problem(s))") from exc
    return prediction_from_analysis(analysis)


# ---------------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class ScoreCounts:
    """Raw counts of one article (or summed over several).

    `pred_pairs_counted` excludes duplicate pairs (a second pair finding an already-found gold
    contradiction); `true_pairs` are counted pairs that found a gold contradiction.
    """

    gold_claims: int = 0
    pred_claims: int = 0
    matched_claims: int = 0
    evidence_matched: int = 0
    gold_named_actors: int = 0
    matched_actors: int = 0
    pred_actors: int = 0
    right_actors: int = 0
    gold_contradictions: int = 0
    found_contradictions: int = 0
    pred_pairs_counted: int = 0
    true_pairs: int = 0
    hard_negative_errors: int = 0
    grounded_claims: int = 0
    narrator_gold_claims: int = 0
    narrator_matched_claims: int = 0
    record_gold: int = 0
    record_found: int = 0
    record_pred_counted: int = 0
    record_true: int = 0
    record_hard_negative_errors: int = 0

    def __add__(self, other: ScoreCounts) -> ScoreCounts:
        return ScoreCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(ScoreCounts)))


@dataclass(frozen=True)
class Metrics:
    """Every scored rate. None means "not scored here" (see the module docstring for when)."""

    claim_recall: float | None = None
    claim_precision: float | None = None
    claim_f1: float | None = None
    evidence_recall: float | None = None
    actor_recall: float | None = None
    actor_precision: float | None = None
    contradiction_recall: float | None = None
    contradiction_precision: float | None = None
    contradiction_f1: float | None = None
    grounding_rate: float | None = None
    narrator_claim_recall: float | None = None
    record_recall: float | None = None
    record_precision: float | None = None
    record_f1: float | None = None


METRIC_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Metrics))


@dataclass(frozen=True)
class ClaimMatch:
    """A gold claim paired with a predicted claim, and the fraction of the gold span covered."""

    gold_id: str
    pred_id: str
    overlap: float


@dataclass(frozen=True)
class ContradictionFind:
    """A gold contradiction and the predicted pair that found it first."""

    gold_id: str
    pred_id: str


@dataclass(frozen=True)
class ArticleScore:
    """The score of one article: raw counts, what is scored, and per-item detail for comparisons.

    - `claim_precision_scored`: the article is labeled "attribution".
    - `contradictions_scored`: `contradictions` is a list (recall is scored when it is non-empty).
    - `contradiction_precision_scored`: also labeled "contradiction".
    - `false_positive_pairs` lists predicted pairs that found no gold contradiction (they count
      against precision only when `contradiction_precision_scored`); `hard_negative_pairs` is the
      part of them that matches a `non_contradictions` pair; `duplicate_pairs` are left out.
    - Claims, actors and contradictions are those between actors; the article's own account (the
      narrator) has its own: `narrator_claim_matches` and `narrator_missed_claims` (gold narrator
      claims), and the `record_*` items, the narrator parts of the conflicts (a conflict split pair by
      pair may be listed on both sides under one id).
    """

    article_id: str
    counts: ScoreCounts
    claim_precision_scored: bool
    contradictions_scored: bool
    contradiction_precision_scored: bool
    claim_matches: tuple[ClaimMatch, ...] = ()
    evidence_matches: tuple[ClaimMatch, ...] = ()
    missed_claims: tuple[str, ...] = ()
    false_positive_claims: tuple[str, ...] = ()
    matched_actors: tuple[str, ...] = ()
    missed_actors: tuple[str, ...] = ()
    false_positive_actors: tuple[str, ...] = ()
    found_contradictions: tuple[ContradictionFind, ...] = ()
    missed_contradictions: tuple[str, ...] = ()
    false_positive_pairs: tuple[str, ...] = ()
    duplicate_pairs: tuple[str, ...] = ()
    hard_negative_pairs: tuple[str, ...] = ()
    ungrounded_claims: tuple[str, ...] = ()
    record_found_contradictions: tuple[ContradictionFind, ...] = ()
    record_missed_contradictions: tuple[str, ...] = ()
    record_false_positive_pairs: tuple[str, ...] = ()
    narrator_claim_matches: tuple[ClaimMatch, ...] = ()
    narrator_missed_claims: tuple[str, ...] = ()
    record_duplicate_pairs: tuple[str, ...] = ()
    record_hard_negative_pairs: tuple[str, ...] = ()

    @property
    def metrics(self) -> Metrics:
        """The rates of this article alone."""
        return _metrics_over([self])

    @property
    def wrong_actor_claims(self) -> tuple[str, ...]:
        """Gold claims whose evidence was found but not given to an agreeing actor."""
        matched = {m.gold_id for m in self.claim_matches}
        return tuple(m.gold_id for m in self.evidence_matches if m.gold_id not in matched)


@dataclass(frozen=True)
class DatasetScore:
    """Scores of a dataset: per article, summed counts, micro and macro averages."""

    articles: tuple[ArticleScore, ...]
    totals: ScoreCounts
    micro: Metrics
    macro: Metrics

    def articles_scored_for(self, metric: str) -> int:
        """How many articles have a value for `metric` (the size of its macro average)."""
        if metric not in METRIC_NAMES:
            raise ValueError(f"unknown metric {metric!r}")
        return sum(getattr(a.metrics, metric) is not None for a in self.articles)


def aggregate(scores: Sequence[ArticleScore]) -> DatasetScore:
    """Micro averages (sum the counts, then divide) and macro averages (mean of article rates, None
    skipped) of every metric."""
    per_article = [s.metrics for s in scores]
    macro = Metrics(**{name: _mean([getattr(m, name) for m in per_article]) for name in METRIC_NAMES})
    return DatasetScore(
        articles=tuple(scores),
        totals=_sum_counts(scores),
        micro=_metrics_over(scores),
        macro=macro,
    )


# ---------------------------------------------------------------------------------------------------
# Scoring one article


def score_article(gold: GoldArticle, prediction: Analysis | Prediction) -> ArticleScore:
    """Score one prediction against one labeled article (see the module docstring for the rules).

    Raises `DatasetError` when the gold article names an unknown actor or claim id, or when the
    prediction was made on a different text (its `article_sha256` differs).
    """
    pred = prediction if isinstance(prediction, Prediction) else prediction_from_analysis(prediction)
    _require_same_text(gold, pred)
    split = _NarratorSplit.of(gold, pred)
    main = _score_between_actors(split.actors_gold(), split.actors_prediction())
    if not split.gold_claims and not split.pred_claims:
        return main
    candidates = _candidates(gold, pred)
    narrator_matches = _one_to_one(
        [c for c in candidates if c.actor_agrees and gold.claims[c.gold_index].id in split.gold_claims],
        gold,
        pred,
    )
    record = _score_pairs(split.record_gold(), split.record_prediction(), candidates)
    counts = replace(
        main.counts,
        narrator_gold_claims=len(split.gold_claims),
        narrator_matched_claims=len(narrator_matches),
        record_gold=record.gold_count,
        record_found=len(record.found),
        record_pred_counted=len(record.found_by) + len(record.false_positives),
        record_true=len(record.found_by),
        record_hard_negative_errors=len(record.hard_negatives),
    )
    matched = {m.gold_id for m in narrator_matches}
    return replace(
        main,
        counts=counts,
        record_found_contradictions=record.found,
        record_missed_contradictions=record.missed,
        record_false_positive_pairs=record.false_positives,
        narrator_claim_matches=narrator_matches,
        narrator_missed_claims=tuple(
            c.id for c in gold.claims if c.id in split.gold_claims and c.id not in matched
        ),
        record_duplicate_pairs=record.duplicates,
        record_hard_negative_pairs=record.hard_negatives,
    )


def narrator_claims(gold: GoldArticle) -> frozenset[str]:
    """Ids of the gold claims of a "(narrator)" actor (the article's own account)."""
    narrators = {a.id for a in gold.actors if is_narrator_name(a.name)}
    return frozenset(c.id for c in gold.claims if c.actor in narrators)


def conflict_parts(gold: GoldArticle) -> tuple[list[GoldContradiction], list[GoldContradiction]]:
    """The gold conflicts split pair by pair: (their parts between actors, their narrator parts).

    A part keeps its conflict's id, kind and note; its first pair is its main pair (`a`, `b`) and the
    rest its `also` pairs. A conflict with no pair of one kind has no part on that side.
    """
    narrated = narrator_claims(gold)
    between: list[GoldContradiction] = []
    record: list[GoldContradiction] = []
    for k in gold.contradictions or []:
        for side, narrator in ((between, False), (record, True)):
            part = _pairs_on_side(k.pairs(), narrated, narrator)
            if part:
                (a, b), *also = part
                side.append(k.model_copy(update={"a": a, "b": b, "also": also}))
    return between, record


def _pairs_on_side(
    pairs: Iterable[tuple[str, str]], narrated: frozenset[str], narrator: bool
) -> list[tuple[str, str]]:
    """The pairs of a conflict, in order, that do (`narrator`) or do not hold a narrator claim: the
    one rule by which gold and predicted conflicts are split."""
    return [(a, b) for a, b in pairs if (a in narrated or b in narrated) is narrator]


@dataclass(frozen=True)
class _NarratorSplit:
    """The article's own account apart from the actors: gold claims of a "(narrator)" actor and
    predicted claims of a narrator actor; conflicts split pair by pair (a pair holding one of their
    claims belongs to the narrator part of its conflict), hard negatives by their one pair."""

    gold: GoldArticle
    pred: Prediction
    gold_claims: frozenset[str]
    pred_claims: frozenset[str]

    @classmethod
    def of(cls, gold: GoldArticle, pred: Prediction) -> _NarratorSplit:
        pred_narrators = {a.id for a in pred.actors if a.narrator}
        return cls(
            gold,
            pred,
            narrator_claims(gold),
            frozenset(c.id for c in pred.claims if c.actor_id in pred_narrators),
        )

    def _gold_involves(self, a: str, b: str) -> bool:
        return a in self.gold_claims or b in self.gold_claims

    def _pred_part(self, pair: PredictedPair, narrator: bool) -> PredictedPair | None:
        """The pairs of a predicted conflict that do (`narrator`) or do not hold a narrator claim."""
        part = _pairs_on_side(pair.pairs(), self.pred_claims, narrator)
        if not part:
            return None
        (a, b), *also = part
        return PredictedPair(pair.id, a, b, tuple(also))

    def _gold_with(self, narrator: bool) -> GoldArticle:
        """The gold article with only the conflict parts and hard negatives of one side."""
        g = self.gold
        between, record = conflict_parts(g)
        non_contradictions = None
        if g.non_contradictions is not None:
            non_contradictions = [
                n for n in g.non_contradictions if self._gold_involves(n.a, n.b) is narrator
            ]
        update: dict[str, object] = {
            "contradictions": None if g.contradictions is None else (record if narrator else between),
            "non_contradictions": non_contradictions,
        }
        if not narrator:
            update["actors"] = [a for a in g.actors if not is_narrator_name(a.name)]
            update["claims"] = [c for c in g.claims if c.id not in self.gold_claims]
        return g.model_copy(update=update)

    def _pairs_of(self, narrator: bool) -> tuple[PredictedPair, ...]:
        parts = (self._pred_part(k, narrator) for k in self.pred.pairs)
        return tuple(part for part in parts if part is not None)

    def actors_gold(self) -> GoldArticle:
        """The gold article without the narrator: its actor, claims, conflict parts and hard negatives."""
        return self.gold if not self.gold_claims else self._gold_with(narrator=False)

    def actors_prediction(self) -> Prediction:
        """The prediction without the narrator actor, its claims and the narrator parts of conflicts."""
        if not self.pred_claims and not any(a.narrator for a in self.pred.actors):
            return self.pred
        p = self.pred
        return replace(
            p,
            actors=tuple(a for a in p.actors if not a.narrator),
            claims=tuple(c for c in p.claims if c.id not in self.pred_claims),
            pairs=self._pairs_of(narrator=False),
        )

    def record_gold(self) -> GoldArticle:
        """The gold article with only the narrator parts of its conflicts and the narrator's hard
        negatives (every claim kept, so that ids resolve)."""
        return self._gold_with(narrator=True)

    def record_prediction(self) -> Prediction:
        """The prediction with only the narrator parts of its conflicts."""
        return replace(self.pred, pairs=self._pairs_of(narrator=True))


def _score_between_actors(gold: GoldArticle, pred: Prediction) -> ArticleScore:
    """The score of the actors' claims and conflicts (the narrator left out by the caller)."""
    candidates = _candidates(gold, pred)
    claim_matches = _one_to_one([c for c in candidates if c.actor_agrees], gold, pred)
    evidence_matches = _one_to_one(candidates, gold, pred)
    actors = _actor_agreement(gold, pred)
    claimants = _claimants(pred)
    wrong_actors = _wrong_actors(gold, pred, claimants, claim_matches)
    pairs = _score_pairs(gold, pred, candidates)
    ungrounded = tuple(c.id for c in pred.claims if not _grounded(c, gold.text))

    matched_gold = {m.gold_id for m in claim_matches}
    matched_pred = {m.pred_id for m in claim_matches}
    counts = ScoreCounts(
        gold_claims=len(gold.claims),
        pred_claims=len(pred.claims),
        matched_claims=len(claim_matches),
        evidence_matched=len(evidence_matches),
        gold_named_actors=len(actors.matched) + len(actors.missed),
        matched_actors=len(actors.matched),
        pred_actors=len(claimants),
        right_actors=len(claimants) - len(wrong_actors),
        gold_contradictions=pairs.gold_count,
        found_contradictions=len(pairs.found),
        pred_pairs_counted=len(pairs.found_by) + len(pairs.false_positives),
        true_pairs=len(pairs.found_by),
        hard_negative_errors=len(pairs.hard_negatives),
        grounded_claims=len(pred.claims) - len(ungrounded),
    )
    return ArticleScore(
        article_id=gold.id,
        counts=counts,
        claim_precision_scored=gold.complete_for_attribution,
        contradictions_scored=gold.contradictions is not None,
        contradiction_precision_scored=gold.complete_for_contradiction,
        claim_matches=claim_matches,
        evidence_matches=evidence_matches,
        missed_claims=tuple(c.id for c in gold.claims if c.id not in matched_gold),
        false_positive_claims=tuple(c.id for c in pred.claims if c.id not in matched_pred),
        matched_actors=actors.matched,
        missed_actors=actors.missed,
        false_positive_actors=wrong_actors,
        found_contradictions=pairs.found,
        missed_contradictions=pairs.missed,
        false_positive_pairs=pairs.false_positives,
        duplicate_pairs=pairs.duplicates,
        hard_negative_pairs=pairs.hard_negatives,
        ungrounded_claims=ungrounded,
    )


@dataclass(frozen=True)
class _Candidate:
    """A (gold, predicted) claim pair that passes rule 1; `actor_agrees` says whether rule 2 holds."""

    gold_index: int
    pred_index: int
    fraction: float
    chars: int
    actor_agrees: bool


def _candidates(gold: GoldArticle, pred: Prediction) -> list[_Candidate]:
    """Rule 1 candidates; a gold "(narrator)" actor agrees only with a predicted narrator actor, and a
    predicted narrator actor with no other gold actor."""
    gold_forms = _gold_actor_forms(gold)
    pred_forms = {a.id: name_forms(a.names) for a in pred.actors}
    gold_narrators = {a.id for a in gold.actors if is_narrator_name(a.name)}
    pred_narrators = {a.id for a in pred.actors if a.narrator}
    found: list[_Candidate] = []
    for gi, g in enumerate(gold.claims):
        for pi, p in enumerate(pred.claims):
            spans = [(s.start, s.end) for s in p.spans]
            fraction = overlap_fraction(spans, g.start, g.end)
            if not evidence_overlaps(fraction):
                continue
            forms = gold_forms[g.actor]
            if g.actor in gold_narrators or p.actor_id in pred_narrators:
                agrees = g.actor in gold_narrators and p.actor_id in pred_narrators
            else:
                agrees = forms is None or names_agree(forms, pred_forms.get(p.actor_id, frozenset()))
            found.append(_Candidate(gi, pi, fraction, covered_chars(spans, g.start, g.end), agrees))
    return found


def _gold_actor_forms(gold: GoldArticle) -> dict[str, frozenset[Words] | None]:
    """Name forms of each gold actor, None for an actor with no name to check."""
    forms: dict[str, frozenset[Words] | None] = {
        a.id: None if is_unnamed(a.name) else name_forms([a.name, *a.aliases]) for a in gold.actors
    }
    for claim in gold.claims:
        if claim.actor not in forms:
            raise DatasetError(f"{gold.id}: claim {claim.id!r} names unknown actor {claim.actor!r}")
    return forms


def _one_to_one(candidates: list[_Candidate], gold: GoldArticle, pred: Prediction) -> tuple[ClaimMatch, ...]:
    """Pairs taken largest overlap first, each gold and predicted claim at most once, in gold order."""
    ordered = sorted(candidates, key=lambda c: (-c.fraction, -c.chars, c.gold_index, c.pred_index))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    taken: list[_Candidate] = []
    for c in ordered:
        if c.gold_index not in used_gold and c.pred_index not in used_pred:
            used_gold.add(c.gold_index)
            used_pred.add(c.pred_index)
            taken.append(c)
    taken.sort(key=lambda c: c.gold_index)
    return tuple(
        ClaimMatch(gold.claims[c.gold_index].id, pred.claims[c.pred_index].id, c.fraction) for c in taken
    )


@dataclass(frozen=True)
class _ActorAgreement:
    matched: tuple[str, ...]
    missed: tuple[str, ...]


def _actor_agreement(gold: GoldArticle, pred: Prediction) -> _ActorAgreement:
    pred_forms = [name_forms(a.names) for a in pred.actors]
    matched: list[str] = []
    missed: list[str] = []
    for actor in gold.actors:
        if is_unnamed(actor.name):
            continue
        forms = name_forms([actor.name, *actor.aliases])
        (matched if any(names_agree(forms, p) for p in pred_forms) else missed).append(actor.id)
    return _ActorAgreement(tuple(matched), tuple(missed))


def _claimants(pred: Prediction) -> tuple[PredictedActor, ...]:
    """The predicted actors that own at least one predicted claim, in the prediction's order."""
    owners = {c.actor_id for c in pred.claims}
    return tuple(a for a in pred.actors if a.id in owners)


def _wrong_actors(
    gold: GoldArticle,
    pred: Prediction,
    claimants: Sequence[PredictedActor],
    claim_matches: Sequence[ClaimMatch],
) -> tuple[str, ...]:
    """Ids of claimants that are no actor of the gold article: their names agree with no named gold
    actor and none of their claims matched a gold claim (which covers unnamed gold actors, "officials")."""
    gold_forms = [name_forms([a.name, *a.aliases]) for a in gold.actors if not is_unnamed(a.name)]
    owner_of = {c.id: c.actor_id for c in pred.claims}
    with_matched_claim = {owner_of[m.pred_id] for m in claim_matches}
    return tuple(
        a.id
        for a in claimants
        if a.id not in with_matched_claim
        and not any(names_agree(forms, name_forms(a.names)) for forms in gold_forms)
    )


@dataclass(frozen=True)
class _PairOutcome:
    gold_count: int = 0
    found: tuple[ContradictionFind, ...] = ()
    found_by: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    false_positives: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    hard_negatives: tuple[str, ...] = ()


def _score_pairs(gold: GoldArticle, pred: Prediction, candidates: list[_Candidate]) -> _PairOutcome:
    """Contradiction finding: rules 1 and 2 without the one-to-one restriction, either order."""
    if gold.contradictions is None:
        return _PairOutcome()
    matchers = _matchers(gold, pred, candidates)
    _require_known_claims(gold, matchers)
    found: dict[int, ContradictionFind] = {}
    found_by: list[str] = []
    false_positives: list[str] = []
    duplicates: list[str] = []
    hard_negatives: list[str] = []
    for pair in pred.pairs:
        hits = [
            index
            for index, k in enumerate(gold.contradictions)
            if any(_pair_hits(pair, a, b, matchers) for a, b in k.pairs())
        ]
        new = [index for index in hits if index not in found]
        if new:
            found_by.append(pair.id)
            for index in new:
                found[index] = ContradictionFind(gold.contradictions[index].id, pair.id)
        elif hits:
            duplicates.append(pair.id)
        else:
            false_positives.append(pair.id)
        if any(_hard_negative(PredictedPair(pair.id, x, y), gold, matchers) for x, y in pair.pairs()):
            hard_negatives.append(pair.id)
    return _PairOutcome(
        gold_count=len(gold.contradictions),
        found=tuple(found[index] for index in sorted(found)),
        found_by=tuple(found_by),
        missed=tuple(k.id for index, k in enumerate(gold.contradictions) if index not in found),
        false_positives=tuple(false_positives),
        duplicates=tuple(duplicates),
        hard_negatives=tuple(hard_negatives),
    )


def claim_matchers(gold: GoldArticle, prediction: Analysis | Prediction) -> dict[str, set[str]]:
    """For each gold claim id, the ids of the predicted claims that match it by rules 1 and 2 (not one
    to one: what contradiction finding uses)."""
    pred = prediction if isinstance(prediction, Prediction) else prediction_from_analysis(prediction)
    return _matchers(gold, pred, _candidates(gold, pred))


def pair_finds(pair: PredictedPair, a: str, b: str, matchers: dict[str, set[str]]) -> bool:
    """Whether a predicted pair finds the gold pair (a, b), in either order."""
    return _pair_hits(pair, a, b, matchers)


def _matchers(gold: GoldArticle, pred: Prediction, candidates: list[_Candidate]) -> dict[str, set[str]]:
    """For each gold claim id, the predicted claim ids that match it (rules 1 and 2)."""
    matchers: dict[str, set[str]] = {c.id: set() for c in gold.claims}
    for c in candidates:
        if c.actor_agrees:
            matchers[gold.claims[c.gold_index].id].add(pred.claims[c.pred_index].id)
    return matchers


def _require_known_claims(gold: GoldArticle, matchers: dict[str, set[str]]) -> None:
    pairs = [(k.id, a, b) for k in gold.contradictions or [] for a, b in k.pairs()]
    pairs += [("non_contradiction", n.a, n.b) for n in gold.non_contradictions or []]
    for where, a, b in pairs:
        for side in (a, b):
            if side not in matchers:
                raise DatasetError(f"{gold.id}: {where} names unknown claim {side!r}")


def _hard_negative(pair: PredictedPair, gold: GoldArticle, matchers: dict[str, set[str]]) -> bool:
    """Whether one claim pair matches a labeled non-contradiction and no gold contradiction."""
    contradictions = gold.contradictions or []
    if any(_pair_hits(pair, a, b, matchers) for k in contradictions for a, b in k.pairs()):
        return False
    return any(_pair_hits(pair, n.a, n.b, matchers) for n in gold.non_contradictions or [])


def _pair_hits(pair: PredictedPair, a: str, b: str, matchers: dict[str, set[str]]) -> bool:
    return any(
        (x in matchers[a] and y in matchers[b]) or (x in matchers[b] and y in matchers[a])
        for x, y in pair.pairs()
    )


def _grounded(claim: PredictedClaim, text: str) -> bool:
    return bool(claim.spans) and all(
        0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text for s in claim.spans
    )


def _require_same_text(gold: GoldArticle, pred: Prediction) -> None:
    if pred.article_sha256 is None:
        return
    if hashlib.sha256(gold.text.encode("utf-8")).hexdigest() != pred.article_sha256:
        raise DatasetError(f"{gold.id}: the prediction was made on a different text (sha256 differs)")


# ---------------------------------------------------------------------------------------------------
# Rates


def _metrics_over(scores: Sequence[ArticleScore]) -> Metrics:
    """Micro rates over `scores`: each metric sums the counts of the articles it is scored on."""
    every = _sum_counts(scores)
    attribution = _sum_counts([s for s in scores if s.claim_precision_scored])
    contradictions = _sum_counts([s for s in scores if s.contradictions_scored])
    complete = _sum_counts([s for s in scores if s.contradiction_precision_scored])
    claim_precision = _ratio(attribution.matched_claims, attribution.pred_claims)
    contradiction_precision = _ratio(complete.true_pairs, complete.pred_pairs_counted)
    return Metrics(
        claim_recall=_ratio(every.matched_claims, every.gold_claims),
        claim_precision=claim_precision,
        claim_f1=_f1(
            claim_precision,
            _ratio(attribution.matched_claims, attribution.gold_claims),
            attribution.gold_claims,
            attribution.pred_claims,
        ),
        evidence_recall=_ratio(every.evidence_matched, every.gold_claims),
        actor_recall=_ratio(every.matched_actors, every.gold_named_actors),
        actor_precision=_ratio(attribution.right_actors, attribution.pred_actors),
        contradiction_recall=_ratio(contradictions.found_contradictions, contradictions.gold_contradictions),
        contradiction_precision=contradiction_precision,
        contradiction_f1=_f1(
            contradiction_precision,
            _ratio(complete.found_contradictions, complete.gold_contradictions),
            complete.gold_contradictions,
            complete.pred_pairs_counted,
        ),
        grounding_rate=_ratio(every.grounded_claims, every.pred_claims),
        narrator_claim_recall=_ratio(every.narrator_matched_claims, every.narrator_gold_claims),
        record_recall=_ratio(contradictions.record_found, contradictions.record_gold),
        record_precision=_ratio(complete.record_true, complete.record_pred_counted),
        record_f1=_f1(
            _ratio(complete.record_true, complete.record_pred_counted),
            _ratio(complete.record_found, complete.record_gold),
            complete.record_gold,
            complete.record_pred_counted,
        ),
    )


def _sum_counts(scores: Sequence[ArticleScore]) -> ScoreCounts:
    total = ScoreCounts()
    for s in scores:
        total = total + s.counts
    return total


def _ratio(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else numerator / denominator


def _f1(precision: float | None, recall: float | None, gold: int, predicted: int) -> float | None:
    """None with neither gold items nor predictions; 0.0 when only one side has items."""
    if gold == 0 and predicted == 0:
        return None
    if precision is None or recall is None:
        return 0.0
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
