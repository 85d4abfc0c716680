"""The real attribution-only dataset in ../shared (research use only: read in place, nothing copied here).

Skipped when the file is not there. Its offsets were found consistent, so any validation problem is a
real failure: scores on inconsistent gold labels would be meaningless.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.evaluation.gold import GoldArticle, load_dataset
from counterclaim.evaluation.matching import is_unnamed
from counterclaim.evaluation.scoring import (
    PredictedActor,
    PredictedClaim,
    PredictedSpan,
    Prediction,
    aggregate,
    score_article,
)
from counterclaim.evaluation.validate import validate_dataset

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear-dev.jsonl"

pytestmark = pytest.mark.skipif(not POLNEAR.is_file(), reason=f"{POLNEAR} not present")


@pytest.fixture(scope="module")
def articles() -> list[GoldArticle]:
    return load_dataset(POLNEAR)


def replay(article: GoldArticle) -> Prediction:
    """A prediction that repeats the gold labels exactly."""
    return Prediction(
        actors=tuple(PredictedActor(a.id, (a.name, *a.aliases)) for a in article.actors),
        claims=tuple(
            PredictedClaim(c.id, c.actor, (PredictedSpan(c.start, c.end, article.text[c.start : c.end]),))
            for c in article.claims
        ),
    )


def test_polnear_loads_as_attribution_only(articles: list[GoldArticle]) -> None:
    assert len(articles) == 84
    assert all(a.labels == ["attribution"] and a.contradictions is None for a in articles)
    # it exercises the "no name to check" rule: pronouns and "(unstated)" actors are common
    assert sum(is_unnamed(actor.name) for a in articles for actor in a.actors) > 100


def test_polnear_offsets_and_ids_are_consistent() -> None:
    assert validate_dataset(POLNEAR) == []


def test_replaying_the_gold_labels_scores_perfectly(articles: list[GoldArticle]) -> None:
    result = aggregate([score_article(a, replay(a)) for a in articles])
    for metrics in (result.micro, result.macro):
        assert metrics.claim_recall == metrics.claim_precision == metrics.claim_f1 == 1.0
        assert metrics.evidence_recall == metrics.actor_recall == metrics.grounding_rate == 1.0
        assert metrics.contradiction_recall is None and metrics.contradiction_precision is None
    assert result.totals.gold_claims == result.totals.matched_claims > 0
