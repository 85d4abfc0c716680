"""`report.md` of a batch run: actors most often quoted (across articles, name forms folded), articles
with the most contradictions, failures; nothing from an article becomes a link, an image or HTML."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from counterclaim.corpus.report import batch_report
from counterclaim.corpus.run_folder import ArticleDigest
from counterclaim.corpus.run_records import (
    BatchRunRecord,
    FailureRow,
    RunCost,
    RunCounts,
    RunIdentity,
    RunTiming,
)
from counterclaim.evaluation.run_files import ArticleCost, ArticleFailure, CostTotals, RunSettings

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _record() -> BatchRunRecord:
    settings = RunSettings(
        mode="json_schema",
        temperature=0,
        seed=0,
        max_reasks=2,
        chunk_chars=7000,
        chunk_overlap=2,
        max_candidates=10,
        n_ctx=8192,
    )
    return BatchRunRecord(
        status="completed",
        started_at=NOW,
        updated_at=NOW,
        identity=RunIdentity(
            pipeline="staged", scope="full", provider="compatible", model="m", settings=settings, prompts=[]
        ),
        counts=RunCounts(articles=3, done=2, failed=1, remaining=0),
        cost=RunCost(totals=CostTotals()),
        timing=RunTiming(wall_seconds=1.0, article_seconds=1.0),
    )


def _digest(article_id: str, contradictions: int, actors: dict[str, int]) -> ArticleDigest:
    return ArticleDigest(article_id, "0" * 64, sum(actors.values()), contradictions, actors, ArticleCost())


def test_actors_are_counted_across_articles_and_articles_ranked_by_contradictions() -> None:
    report = batch_report(
        _record(),
        [_digest("a", 1, {"NATO": 3, "the Kremlin": 1}), _digest("b", 4, {"Nato": 2})],
        [],
    )
    actors = report.split("## Actors most often quoted")[1].split("##")[0]
    assert "| NATO | 5 | 2 |" in actors and actors.index("NATO") < actors.index("the Kremlin")
    ranked = report.split("## Articles with the most contradictions")[1]
    assert ranked.index("| b | 4 | 2 |") < ranked.index("| a | 1 | 4 |")


def test_hostile_names_and_messages_stay_text() -> None:
    failure = FailureRow(
        id="x](http://evil.example)",
        source="s",
        failure=ArticleFailure(
            error="ProviderError", message="<img src=x onerror=alert(1)> | cell", exit_code=5
        ),
        at=NOW,
    )
    report = batch_report(_record(), [_digest("a", 0, {"![pwn](http://evil.example/p.png)": 1})], [failure])
    for active in (r"\]\(http", r"<img", r"\| cell", r"!\["):  # each only escaped (after a backslash)
        assert not re.search(r"(?<!\\)" + active, report), active
    assert "--retry-failed" in report
