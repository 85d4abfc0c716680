"""Scope "claims" (actors and claims only), replayed from the recorded eval run of the seeds: the same
claims as the full analysis from fewer requests, output that says contradictions were not looked for,
and an eval of an article not labeled for contradictions that asks for claims alone."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.evaluation.report import CLAIMS_ONLY
from counterclaim.evaluation.run_files import REPORT_FILE, SampleRow
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.models import Analysis, AnalysisScope
from counterclaim.render.markdown import render_markdown
from counterclaim.render.text import NOT_LOOKED_FOR, render_text
from recording import REPLAY_BASE_URL, recorded_client, recorded_settings, replaying, seed, seed_cassette

ROOT = Path(__file__).parents[1]
SEED = seed("ethiopia-oromia-protest-deaths-2015-12-16")
RECORDED = seed_cassette("staged", SEED)
BASELINE_SAMPLES = ROOT / "evals" / "baselines" / "seeds-staged.samples.jsonl"
LATER_STEPS = {"verify", "summary"}


def _seed() -> dict[str, object]:
    record: dict[str, object] = json.loads(SEED.path.read_text(encoding="utf-8"))
    return record


SeedAnalysis = Callable[[str, AnalysisScope], Analysis]


@pytest.fixture(scope="module")
def full(seed_analysis: SeedAnalysis) -> Analysis:
    return seed_analysis(SEED.path.stem, "full")


@pytest.fixture(scope="module")
def claims_only(seed_analysis: SeedAnalysis) -> Analysis:
    return seed_analysis(SEED.path.stem, "claims")


def test_claims_only_gives_the_same_actors_and_claims(full: Analysis, claims_only: Analysis) -> None:
    assert claims_only.claims
    assert claims_only.claims == full.claims
    assert claims_only.actors == full.actors


def test_claims_only_makes_no_contradiction_or_summary_request(full: Analysis, claims_only: Analysis) -> None:
    assert full.run.scope == "full" and claims_only.run.scope == "claims"
    assert LATER_STEPS & {s.step for s in full.run.steps}  # the full analysis did ask for them
    assert not LATER_STEPS & {s.step for s in claims_only.run.steps}
    assert claims_only.run.model_calls < full.run.model_calls
    assert (claims_only.contradictions, claims_only.summary) == ([], [])
    assert {p.name for p in claims_only.run.prompts} < {p.name for p in full.run.prompts}


def test_output_says_contradictions_were_not_looked_for(full: Analysis, claims_only: Analysis) -> None:
    for render in (render_markdown, lambda a: render_text(a, width=100)):
        assert render(claims_only).count(NOT_LOOKED_FOR) == 2  # the summary and the contradictions
        assert NOT_LOOKED_FOR not in render(full)


def test_eval_asks_for_claims_alone_when_an_article_is_not_labeled_for_contradictions(
    tmp_path: Path,
) -> None:
    record = _seed()
    record.pop("contradictions")
    record.pop("non_contradictions", None)
    record["labels"] = ["attribution"]
    dataset = tmp_path / "claims-only.jsonl"
    dataset.write_text(json.dumps(record) + "\n", encoding="utf-8")

    async def run() -> EvalRun:
        async with recorded_client(RECORDED, replay_only=True) as client:
            return await run_eval(
                [dataset], settings=client.settings, pipeline="staged", out_dir=tmp_path, client=client
            )

    sample = asyncio.run(run()).samples[0]
    assert sample.prediction is not None and sample.prediction.run.scope == "claims"
    assert not LATER_STEPS & {s.step for s in sample.prediction.run.steps}
    # The claims scores are those of the committed full run on the same article.
    full_run = [SampleRow.model_validate_json(line) for line in BASELINE_SAMPLES.read_text().splitlines()]
    baseline = next(s for s in full_run if s.article_id == record["id"])
    assert (sample.metrics.claim_precision, sample.metrics.claim_recall) == (
        baseline.metrics.claim_precision,
        baseline.metrics.claim_recall,
    )
    assert sample.cost.model_calls < baseline.cost.model_calls
    report = next(tmp_path.glob(f"*/{REPORT_FILE}")).read_text(encoding="utf-8")
    assert f"| {CLAIMS_ONLY} |" in report


@pytest.mark.usefixtures("no_counterclaim_env")
def test_cli_claims_only_through_an_openai_compatible_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The whole command, its server answers replayed: `--claims-only` asks for claims alone."""
    article = tmp_path / "article.txt"
    article.write_text(str(_seed()["text"]), encoding="utf-8")
    settings = recorded_settings()
    argv = ["analyze", str(article), "--provider", "compatible", "--base-url", REPLAY_BASE_URL]
    argv += ["--model", settings.model, "--mode", settings.mode.value, "--claims-only", "--format", "json"]
    with replaying(RECORDED):
        code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    analysis = Analysis.model_validate_json(captured.out)
    assert analysis.run.scope == "claims" and analysis.claims
    assert not LATER_STEPS & {s.step for s in analysis.run.steps}
