"""`report.html` of a batch run: the content of `report.md` as one self-contained page.

The page shows where the run stands (status, articles, model, cost, time), the actors most often
quoted, the articles with the most contradictions (each linked to its analysis file,
`analyses/<file>.json`, beside the page in the run folder), and the failures with their error. What it
lists is chosen by `corpus.report`, as for `report.md`.

It is rendered like the eval pages (`evaluation.html_report`): the shared frame and style sheet of
`render.html_page`, no script (the policy is `script-src 'none'`), nothing loaded from anywhere, and
every string from an article, a model or a server (article ids, actor names, failure messages, the
model's name) escaped and its invisible characters made visible (`shown_html`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from counterclaim.corpus.inputs import file_name_for
from counterclaim.corpus.report import (
    RETRY_HINT,
    articles_line,
    cost_line,
    listed_failures,
    model_line,
    most_contradicted_articles,
    most_quoted_actors,
    status_text,
    time_line,
)
from counterclaim.corpus.run_folder import ArticleDigest
from counterclaim.corpus.run_records import ANALYSES_DIR, FAILURES_FILE, BatchRunRecord, FailureRow
from counterclaim.evaluation.report import HeaderLine
from counterclaim.render.html_page import render_page

TEMPLATE = "batch_run.html.j2"
TITLE = "counterclaim batch run"
STOPPED_EARLY = ("interrupted", "stopped")
"""Statuses shown as a problem (a run waiting for answers or still running is not one)."""


@dataclass(frozen=True)
class LinkedArticle:
    """A row of the contradictions table: the article, the link to its analysis file, its counts."""

    id: str
    href: str
    contradictions: int
    claims: int


def analysis_href(article_id: str) -> str:
    """The link from `report.html` to the article's analysis file, relative to the run folder."""
    return f"{ANALYSES_DIR}/{quote(file_name_for(article_id))}"


def batch_report_html(
    record: BatchRunRecord, done: Iterable[ArticleDigest], failures: Sequence[FailureRow]
) -> str:
    """`report.html` of the run `record` describes, from its finished articles and its failures."""
    digests = list(done)
    listed, more = listed_failures(failures)
    return render_page(
        TEMPLATE,
        script=None,
        title=TITLE,
        facts=overview(record),
        stopped_early=record.status in STOPPED_EARLY,
        actors=most_quoted_actors(digests),
        articles=[
            LinkedArticle(d.id, analysis_href(d.id), d.contradictions, d.claims)
            for d in most_contradicted_articles(digests)
        ],
        failures=listed,
        more_failures=more,
        failures_file=FAILURES_FILE,
        retry_hint=RETRY_HINT,
    )


def overview(record: BatchRunRecord) -> list[HeaderLine]:
    """The page's header: the lines at the top of `report.md`, as plain (unescaped) text."""
    return [
        HeaderLine("Status", status_text(record)),
        HeaderLine("Articles", articles_line(record)),
        HeaderLine("Model", model_line(record)),
        HeaderLine("Cost", cost_line(record)),
        HeaderLine("Time", time_line(record)),
    ]
