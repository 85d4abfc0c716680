"""The 14 seed articles through `counterclaim batch` give the same analyses as `analyze` gives each of
them, from the responses recorded from the real embedded model (replayed with vcrpy; requests of
several articles in flight together are matched by body, whatever order they arrive in)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from batch_checks import (
    RECORDED_MODEL,
    analysed_alone,
    comparable,
    html_report,
    rows,
    run_record,
    seeds_jsonl,
)
from counterclaim.cli import main
from counterclaim.corpus.inputs import file_name_for
from counterclaim.models import Analysis
from counterclaim.render.markdown_escape import escape_markdown
from recording import REPLAY_BASE_URL, replaying, seed_articles, seed_cassette

SERVER = ["--provider", "compatible", "--base-url", REPLAY_BASE_URL, "--model", RECORDED_MODEL]


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds-batch")
    corpus = seeds_jsonl(folder / "seeds.jsonl")
    with replaying(seed_cassette("staged")):
        code = main(
            ["batch", str(corpus), "--out-dir", str(folder / "run"), "-q", "--concurrency", "4", *SERVER]
        )
    assert code == 0
    return folder / "run"


def test_every_seed_is_analysed_as_analyze_analyses_it_alone(batch_run: Path) -> None:
    found = {row.id: row for row in rows(batch_run)}
    seeds = list(seed_articles())
    assert sorted(found) == sorted(a.id for a in seeds) and len(rows(batch_run)) == 14
    for article in seeds:
        row = found[article.id]
        assert row.metadata == {"file": article.path.name}
        assert comparable(row.analysis) == comparable(analysed_alone(article.id)), article.id


def test_each_article_file_holds_its_analysis(batch_run: Path) -> None:
    for row in rows(batch_run):
        written = Analysis.model_validate_json(
            (batch_run / "analyses" / file_name_for(row.id)).read_text("utf-8")
        )
        assert written == row.analysis


def test_the_run_record_adds_up(batch_run: Path) -> None:
    record = run_record(batch_run)
    analyses = [row.analysis for row in rows(batch_run)]
    assert record.status == "completed" and record.counts.done == 14 and record.counts.remaining == 0
    assert record.cost.totals.model_calls == sum(a.run.model_calls for a in analyses)
    assert record.cost.totals.prompt_tokens == sum(a.run.prompt_tokens for a in analyses)
    assert {p.name for p in record.identity.prompts} >= {"claims.j2", "verify.j2", "summary.j2"}
    assert record.identity.model == RECORDED_MODEL and record.sessions[0].concurrency == 4
    report = (batch_run / "report.md").read_text("utf-8")
    assert "## Actors most often quoted" in report and "seed-ethiopia-oromia-2015" in report


def test_report_html_ranks_as_report_md_and_links_each_article_to_its_analysis(batch_run: Path) -> None:
    page = html_report(batch_run)
    markdown = (batch_run / "report.md").read_text("utf-8")
    actors = page.tables["Actors most often quoted"]
    assert actors
    for name, claims, articles in actors:
        assert f"| {escape_markdown(name)} | {claims} | {articles} |" in markdown, name
    ranked = page.tables["Articles with the most contradictions"]
    links = [(href, text) for href, text in page.links if href != "#main"]
    assert ranked and [cells[0] for cells in ranked] == [text for _, text in links]
    found = {row.id: row.analysis for row in rows(batch_run)}
    for (article_id, contradictions, claims), (href, _) in zip(ranked, links, strict=True):
        analysis = Analysis.model_validate_json((batch_run / href).read_text("utf-8"))
        assert analysis == found[article_id]
        assert (len(analysis.contradictions), len(analysis.claims)) == (int(contradictions), int(claims))
        assert f"| {escape_markdown(article_id)} | {contradictions} | {claims} |" in markdown
    assert "Failures" not in page.tables and page.facts["Status"] == "completed"


def test_the_same_command_again_asks_nothing_and_changes_nothing(batch_run: Path, tmp_path: Path) -> None:
    """No cassette now: a request would be refused (and fail the test through the network guard)."""
    before = (batch_run / "analyses.jsonl").read_bytes()
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl")
    assert main(["batch", str(corpus), "--out-dir", str(batch_run), "-q", "--concurrency", "4", *SERVER]) == 0
    assert (batch_run / "analyses.jsonl").read_bytes() == before
    session = run_record(batch_run).sessions[-1]
    assert (session.analysed, session.failed, session.skipped) == (0, 0, 14)


def test_changed_settings_are_refused_naming_what_changed(
    batch_run: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl")
    code = main(["batch", str(corpus), "--out-dir", str(batch_run), "-q", "--chunk-chars", "900", *SERVER])
    assert code == 8
    error = capsys.readouterr().err
    assert error.startswith("counterclaim: error: ") and error.count("\n") == 1
    assert "settings changed: chunk_chars" in error and "--force" in error


def test_a_finished_article_whose_text_changed_is_refused(
    batch_run: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl")
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines()]
    records[0]["text"] += " An added sentence."
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["batch", str(corpus), "--out-dir", str(batch_run), "-q", *SERVER]) == 8
    assert (
        f"changed since they were analysed in {batch_run} ('{records[0]['id']}')" in capsys.readouterr().err
    )
