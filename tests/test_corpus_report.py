"""`report.md` and `report.html` of a batch run: actors most often quoted (across articles, name forms
folded), articles with the most contradictions (linked to their analysis files in the HTML page),
failures; nothing from an article becomes a link, an image or HTML in either, and the HTML page loads
nothing (checked in headless Chromium too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext

from batch_checks import report_page
from browser import chromium, open_page
from counterclaim.corpus.html_report import analysis_href, batch_report_html
from counterclaim.corpus.report import LISTED_FAILURES, batch_report
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


def _record(**changes: object) -> BatchRunRecord:
    """A finished run of 3 articles (2 done, 1 failed) with a model "m"; `changes` replace fields."""
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
    ).model_copy(update=changes)


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


# --- report.html ---------------------------------------------------------------------------------------

PWNED = "window.__pwned"
"""Set by every payload below if it ever ran."""
HOSTILE_ID = '<img src=x onerror="window.__pwned=1">\u202eevil'
HOSTILE_ACTOR = "</style><script>window.__pwned=2</script> & co"
HOSTILE_FAILED_ID = '"><svg onload="window.__pwned=3"></svg><a href=\'javascript:window.__pwned=4\'>x</a>'
HOSTILE_MESSAGE = (
    '<iframe src="https://tracker.invalid/frame"></iframe>'
    '<link rel="stylesheet" href="https://tracker.invalid/style.css"> {{ 7 * 7 }}'
)
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "a", "header", "h1", "dl", "dt", "dd", "main",
             "section", "h2", "div", "table", "thead", "tbody", "tr", "th", "td", "p", "span"}  # fmt: skip
"""Every element the page's template writes (`span`: an invisible character made visible)."""


def _failure(article_id: str, message: str = "down") -> FailureRow:
    return FailureRow(
        id=article_id,
        source="s",
        failure=ArticleFailure(error="ProviderError", message=message, exit_code=5),
        at=NOW,
    )


def _markdown_rows(report: str, heading: str) -> list[list[str]]:
    """The body rows of the table under `## heading` in report.md, as cell texts."""
    section = report.split(f"## {heading}\n")[1].split("\n## ")[0]
    table = [line for line in section.splitlines() if line.startswith("| ")]
    return [line.strip("| ").split(" | ") for line in table[1:]]


def _hostile_page() -> str:
    identity = _record().identity.model_copy(update={"model": "<b>m</b>"})
    return batch_report_html(
        _record(identity=identity, status="stopped", stop_reason="<marquee>server said no</marquee>"),
        [_digest(HOSTILE_ID, 2, {HOSTILE_ACTOR: 1})],
        [_failure(HOSTILE_FAILED_ID, HOSTILE_MESSAGE)],
    )


def test_the_html_report_shows_what_report_md_shows() -> None:
    record = _record()
    digests = [_digest("a", 1, {"NATO": 3, "the Kremlin": 1}), _digest("b", 4, {"Nato": 2})]
    failures = [_failure("c")]
    markdown = batch_report(record, digests, failures)
    page = report_page(batch_report_html(record, digests, failures))
    for heading in ("Actors most often quoted", "Articles with the most contradictions", "Failures"):
        assert page.tables[heading] == _markdown_rows(markdown, heading), heading
    assert page.tables["Actors most often quoted"][0] == ["NATO", "5", "2"]
    for fact in ("Articles", "Cost", "Time"):
        assert f"- {page.facts[fact]}\n" in markdown, fact
    assert f"- model: {page.facts['Model']}\n" in markdown and page.facts["Status"] == "completed"
    assert [link for link in page.links if link[0] != "#main"] == [
        ("analyses/b.json", "b"),
        ("analyses/a.json", "a"),
    ]


def test_the_html_report_of_an_empty_run_says_so_and_a_long_failure_list_is_cut() -> None:
    html = batch_report_html(_record(), [], [])
    assert "No claims yet." in html and "No contradictions found yet." in html and "None." in html
    failures = [_failure(f"f{n}") for n in range(LISTED_FAILURES + 3)]
    page_text = batch_report_html(_record(), [], failures)
    assert len(report_page(page_text).tables["Failures"]) == LISTED_FAILURES
    assert "3 more in failures.jsonl." in page_text and "--retry-failed" in page_text


def test_hostile_ids_names_and_messages_stay_text_in_the_html_report() -> None:
    page = report_page(_hostile_page())
    assert page.tags <= PAGE_TAGS, page.tags - PAGE_TAGS
    assert not [name for name in page.attributes if name.startswith("on")]
    assert page.tables["Actors most often quoted"] == [[HOSTILE_ACTOR, "1", "1"]]
    assert page.tables["Articles with the most contradictions"] == [[HOSTILE_ID, "2", "1"]]
    assert page.tables["Failures"] == [[HOSTILE_FAILED_ID, "ProviderError", HOSTILE_MESSAGE]]
    assert page.facts["Model"].startswith("compatible/<b>m</b>,")
    assert page.facts["Status"] == "stopped (<marquee>server said no</marquee>)"
    (link,) = [link for link in page.links if link[0] != "#main"]
    assert link == (analysis_href(HOSTILE_ID), HOSTILE_ID)
    assert re.fullmatch(r"analyses/[a-z0-9._-]+\.json", link[0])  # a file of the run folder, nothing else


def test_the_html_report_loads_nothing() -> None:
    html = _hostile_page()
    page = report_page(html)
    assert page.sources == [] and "script" not in page.tags and "link" not in page.tags
    assert "default-src 'none'" in page.policy and "script-src 'none'" in page.policy
    assert all(href == "#main" or href.startswith("analyses/") for href, _ in page.links)
    assert "<style>" in html and html.count("<style") == 1  # the style sheet is inline, and the only one


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


def test_the_hostile_html_report_runs_nothing_and_loads_nothing_in_the_browser(
    browser: BrowserContext, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text(_hostile_page(), encoding="utf-8")
    opened = open_page(browser, path)
    page = opened.page
    try:
        assert page.evaluate(f"() => typeof {PWNED}") == "undefined"
        assert page.locator("img, iframe, svg, script, link, marquee, b").count() == 0
        assert opened.requests_elsewhere() == [] and opened.errors == []
        assert not [line for line in opened.console if line.startswith("error")]
        href = page.locator("main a").first.evaluate("a => a.href")
        assert href == (tmp_path / analysis_href(HOSTILE_ID)).as_uri()  # beside the page, in analyses/
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
    finally:
        page.close()
