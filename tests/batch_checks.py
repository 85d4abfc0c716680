"""What the batch tests compare: an analysis made in a batch run against the same article analysed on its
own (`analyze`, from the recordings), and the rows of a run folder."""

from __future__ import annotations

import functools
import json
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
