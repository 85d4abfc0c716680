"""What the batch tests compare: an analysis made in a batch run against the same article analysed on its
own (`analyze`, from the recordings), the rows of a run folder, and its `report.html` read back."""

from __future__ import annotations

import functools
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import counterclaim
from counterclaim.config import Settings, load_settings
from counterclaim.corpus.run_records import AnalysisRow, BatchRunRecord
from counterclaim.models import Analysis
from recording import REPLAY_BASE_URL, SeedArticle, replaying, seed_articles, seed_cassette

RECORDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
"""The model name the seed recordings were made with (it is part of every recorded request)."""


def server_settings(**overrides: Any) -> Settings:
    """The settings of a server that answers as the recordings do (the embedded model's requests)."""
    values: dict[str, Any] = {"provider": "compatible", "base_url": REPLAY_BASE_URL, "model": RECORDED_MODEL}
    return load_settings(env={}, **{**values, **overrides})


@functools.cache
def analysed_alone(article_id: str) -> Analysis:
    """The seed article through `counterclaim.analyze` on its own, answered from its recording."""
    article = next(a for a in seed_articles() if a.id == article_id)
    with replaying(seed_cassette("staged", article)):
        return counterclaim.analyze(article.text, settings=server_settings())


def comparable(analysis: Analysis) -> dict[str, Any]:
    """The analysis without its wall-clock seconds (the only part two runs of it may differ in)."""
    data = analysis.model_dump(mode="json")
    data["run"].pop("seconds")
    for step in data["run"]["steps"]:
        step.pop("seconds")
    return data


def seeds_jsonl(path: Path, articles: list[SeedArticle] | None = None) -> Path:
    """The seed articles as a JSONL corpus (each with its file name as metadata)."""
    chosen = list(seed_articles()) if articles is None else articles
    path.write_text(
        "".join(json.dumps({"id": a.id, "text": a.text, "file": a.path.name}) + "\n" for a in chosen),
        encoding="utf-8",
    )
    return path


def rows(run_dir: Path) -> list[AnalysisRow]:
    text = (run_dir / "analyses.jsonl").read_text(encoding="utf-8")
    return [AnalysisRow.model_validate_json(line) for line in text.splitlines() if line.strip()]


def run_record(run_dir: Path) -> BatchRunRecord:
    return BatchRunRecord.model_validate_json((run_dir / "run.json").read_text(encoding="utf-8"))


class ReportPage(HTMLParser):
    """`report.html` of a batch run as read back: the header's facts, each section's table rows (cell
    texts, by the section's heading), the links (href, text), every tag and attribute name used, and
    the page's Content-Security-Policy."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts: dict[str, str] = {}
        self.tables: dict[str, list[list[str]]] = {}
        self.links: list[tuple[str, str]] = []
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.sources: list[str] = []
        """Every `src` or `href` value but the links' (a page that loads nothing has none)."""
        self.policy = ""
        self._section = ""
        self._text: str | None = None
        self._fact = ""
        self._href: str | None = None
        self._link_start = 0
        """Where the link's text starts in the text being read (a link in a cell: after the cell's)."""
        self._link_alone = False
        """Whether the link is read on its own (not inside a heading, fact or cell)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.add(tag)
        self.attributes.update(found)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = found.get("content") or ""
        for name in ("src", "href"):
            if name in found and tag != "a":
                self.sources.append(found[name] or "")
        if tag == "a":
            self._href = found.get("href") or ""
            self._link_alone = self._text is None
            self._text = self._text or ""
            self._link_start = len(self._text)
        if tag in ("h2", "dt", "dd", "td"):
            self._text = ""
        if tag == "tr":
            self.tables.setdefault(self._section, []).append([])

    def handle_endtag(self, tag: str) -> None:
        text = self._text or ""
        if tag == "h2":
            self._section = text
        elif tag == "dt":
            self._fact = text
        elif tag == "dd":
            self.facts[self._fact] = text
        elif tag == "a" and self._href is not None:
            self.links.append((self._href, text[self._link_start :]))
            self._href = None
            if not self._link_alone:
                return  # the link's text is also its cell's
        elif tag == "td":
            self.tables[self._section][-1].append(text)
        elif tag == "tr" and not self.tables[self._section][-1]:
            self.tables[self._section].pop()  # the header row
        else:
            return
        self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text += data


def report_page(html: str) -> ReportPage:
    """A batch run's `report.html` (its text) read back."""
    page = ReportPage()
    page.feed(html)
    page.close()
    return page


def html_report(run_dir: Path) -> ReportPage:
    """The run folder's `report.html`, read back."""
    return report_page((run_dir / "report.html").read_text(encoding="utf-8"))
