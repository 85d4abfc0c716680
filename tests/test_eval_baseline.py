"""`counterclaim eval` on seeds/, replayed from responses recorded from the real embedded model, must
reproduce the committed baseline in evals/baselines/ exactly (scores, calls and tokens, and article by
article the same actors, claims, contradictions, summary and decisions; not seconds).

This test only compares. The baselines are written by `scripts/write_baselines.py` (from the
recordings, or with `--record` from the model, which also writes the cassettes), never by a test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from counterclaim.cli.eval_command import EVAL_DEFAULTS
from counterclaim.evaluation.run_files import load_run_record, load_samples
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.pipeline.analyze import PipelineName
from recording import (
    SEEDS,
    cassette_path,
    recorded_client,
    recorded_settings,
    seed_articles,
    seed_cassette,
)

BASELINES = Path(__file__).parents[1] / "evals" / "baselines"
PIPELINES: list[PipelineName] = ["staged", "naive"]


def _replay(pipeline: PipelineName, out_dir: Path) -> EvalRun:
    async def go() -> EvalRun:
        settings = recorded_settings(**EVAL_DEFAULTS)
        async with recorded_client(seed_cassette(pipeline), settings, replay_only=True) as client:
            return await run_eval(
                [SEEDS], settings=client.settings, pipeline=pipeline, out_dir=out_dir, client=client
            )

    return asyncio.run(go())


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_every_seed_article_has_its_own_recording(pipeline: PipelineName) -> None:
    (folder,) = seed_cassette(pipeline)
    recorded = {path.stem for path in cassette_path(folder).glob("*.yaml")}
    assert recorded == {article.id for article in seed_articles()}, "re-record: scripts/write_baselines.py"


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_eval_on_seeds_reproduces_the_committed_baseline(pipeline: PipelineName, tmp_path: Path) -> None:
    name = f"seeds-{pipeline}"
    run = _replay(pipeline, tmp_path)
    baseline = load_run_record(BASELINES / f"{name}.run.json")
    got = run.record.totals
    want = baseline.totals
    assert run.record.status == "completed"
    assert got.articles == want.articles and got.failed == want.failed
    assert got.counts == want.counts
    assert got.micro == want.micro and got.macro == want.macro
    assert got.cost.model_calls == want.cost.model_calls
    assert got.cost.prompt_tokens == want.cost.prompt_tokens
    assert got.cost.completion_tokens == want.cost.completion_tokens
    assert run.record.prompts == baseline.prompts
    # Article by article: the same scores, calls and tokens, and the same output, decisions included.
    committed = {s.article_id: s for s in load_samples(BASELINES / f"{name}.samples.jsonl")}
    assert [s.article_id for s in run.samples] == list(committed)
    for sample in run.samples:
        want_sample = committed[sample.article_id]
        assert (sample.status, sample.score) == (want_sample.status, want_sample.score), sample.article_id
        got_cost, want_cost = sample.cost, want_sample.cost
        assert (got_cost.model_calls, got_cost.prompt_tokens, got_cost.completion_tokens) == (
            want_cost.model_calls,
            want_cost.prompt_tokens,
            want_cost.completion_tokens,
        ), sample.article_id
        if sample.prediction is None or want_sample.prediction is None:
            assert sample.prediction == want_sample.prediction, sample.article_id
            continue
        mine, theirs = sample.prediction, want_sample.prediction
        assert (mine.actors, mine.claims) == (theirs.actors, theirs.claims), sample.article_id
        assert (mine.contradictions, mine.summary) == (theirs.contradictions, theirs.summary), (
            sample.article_id
        )
        assert mine.run.trace == theirs.run.trace, sample.article_id
