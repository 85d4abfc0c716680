"""`counterclaim eval` on seeds/, replayed from responses recorded from the real embedded model, must
reproduce the committed baseline in evals/baselines/ exactly (scores, calls and tokens; not seconds).

Recording (`COUNTERCLAIM_RECORD=1`, see README) runs the real model, writes the cassette, and writes
the baseline files from that same run, so the README's numbers, the baseline and the cassette agree.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from counterclaim.evaluation.run_files import load_run_record
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.pipeline.analyze import PipelineName
from recording import CASSETTES, recorded_client, recording

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
BASELINES = ROOT / "evals" / "baselines"

# (pipeline, baseline name, article ids or None for every seed)
RECORDED_RUNS: list[tuple[PipelineName, str, list[str] | None]] = [
    ("staged", "seeds-staged", None),
    ("naive", "seeds-naive", None),
]


def _run(pipeline: PipelineName, cassette: str, out_dir: Path, article_ids: list[str] | None) -> EvalRun:
    async def go() -> EvalRun:
        async with recorded_client(cassette) as client:
            return await run_eval(
                [SEEDS],
                settings=client.settings,
                pipeline=pipeline,
                out_dir=out_dir,
                client=client,
                article_ids=article_ids,
            )

    return asyncio.run(go())


@pytest.mark.parametrize(("pipeline", "name", "article_ids"), RECORDED_RUNS)
def test_eval_on_seeds_reproduces_the_committed_baseline(
    pipeline: PipelineName, name: str, article_ids: list[str] | None, tmp_path: Path
) -> None:
    cassette = f"eval_{name}"
    if not recording():
        assert (CASSETTES / f"{cassette}.yaml").is_file(), "cassette missing: re-record (README)"
    run = _run(pipeline, cassette, tmp_path, article_ids)
    if recording():
        BASELINES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(run.run_dir / "run.json", BASELINES / f"{name}.run.json")
        shutil.copyfile(run.run_dir / "report.md", BASELINES / f"{name}.report.md")
        shutil.copyfile(run.run_dir / "samples.jsonl", BASELINES / f"{name}.samples.jsonl")
        return
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
