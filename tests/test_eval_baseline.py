"""`counterclaim eval` on seeds/, replayed from responses recorded from the real embedded model, must
reproduce the committed baseline in evals/baselines/ exactly (scores, calls and tokens; not seconds).

This test only compares. The baselines are written by `scripts/write_baselines.py` (from the
recordings, or with `--record` from the model, which also writes the cassettes), never by a test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from counterclaim.evaluation.run_files import load_run_record
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.pipeline.analyze import PipelineName
from recording import SEEDS, cassette_path, recorded_client, seed_articles, seed_cassette

BASELINES = Path(__file__).parents[1] / "evals" / "baselines"
PIPELINES: list[PipelineName] = ["staged", "naive"]


def _replay(pipeline: PipelineName, out_dir: Path) -> EvalRun:
    async def go() -> EvalRun:
        async with recorded_client(seed_cassette(pipeline), replay_only=True) as client:
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
