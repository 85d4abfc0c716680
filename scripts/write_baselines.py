"""Write the committed eval baselines of the seeds (evals/baselines/seeds-{staged,naive}.*).

    python scripts/write_baselines.py                  # replay the recordings (no model, seconds)
    python scripts/write_baselines.py --record         # run the real embedded model, record anew
    python scripts/write_baselines.py --record new     # record only the requests that changed
    python scripts/write_baselines.py --pipeline naive # one pipeline only

Each run is `counterclaim eval` on `seeds/` with the settings the recordings were made with
(`tests/recording.py`); its `run.json`, `report.md` and `samples.jsonl` replace the baseline's. With
`--record` the answers come from the model and are written to the per-article cassettes
(`tests/cassettes/seeds-<pipeline>/<article id>.yaml`), so the baseline, the recordings and the
numbers in the docs come from the same run. `tests/test_eval_baseline.py` only compares a replay with
these files; it never writes them. Replayed seconds are the replay's, not the model's.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from counterclaim.cli.eval_command import EVAL_DEFAULTS
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.pipeline.analyze import PipelineName
from recording import SEED_CASSETTES, SEEDS, RecordMode, recorded_client, recorded_settings

BASELINES = Path(__file__).parents[1] / "evals" / "baselines"
BASELINE_FILES = ("run.json", "report.md", "samples.jsonl")
PIPELINES: tuple[PipelineName, ...] = ("staged", "naive")


def baseline_name(pipeline: PipelineName) -> str:
    return f"seeds-{pipeline}"


async def _run(pipeline: PipelineName, out_dir: Path, record: RecordMode) -> EvalRun:
    settings = recorded_settings(**EVAL_DEFAULTS)  # as `counterclaim eval` runs: the narrator on
    async with recorded_client(SEED_CASSETTES[pipeline], settings, record=record) as client:
        return await run_eval(
            [SEEDS], settings=client.settings, pipeline=pipeline, out_dir=out_dir, client=client
        )


def write_baseline(pipeline: PipelineName, record: RecordMode = "replay") -> EvalRun:
    """Run the seed eval of one pipeline and copy its files over the baseline."""
    with tempfile.TemporaryDirectory(prefix="baseline-") as out:
        run = asyncio.run(_run(pipeline, Path(out), record))
        if run.record.status != "completed":
            raise SystemExit(
                f"{pipeline}: the run did not complete ({run.record.abort_reason}); nothing written"
            )
        BASELINES.mkdir(parents=True, exist_ok=True)
        for name in BASELINE_FILES:
            shutil.copyfile(run.run_dir / name, BASELINES / f"{baseline_name(pipeline)}.{name}")
    return run


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--record",
        nargs="?",
        const="all",
        default="replay",
        choices=["all", "new"],
        help="ask the real embedded model (all: record every request anew; new: only changed ones)",
    )
    parser.add_argument("--pipeline", choices=PIPELINES, action="append", help="default: both")
    args = parser.parse_args(argv)
    for pipeline in args.pipeline or PIPELINES:
        run = write_baseline(pipeline, args.record)
        totals = run.record.totals
        print(
            f"{baseline_name(pipeline)}: {totals.articles} articles, {totals.failed} failed, "
            f"{totals.cost.model_calls} calls, {totals.cost.prompt_tokens} + {totals.cost.completion_tokens} "
            f"tokens, claim F1 {_score(totals.micro.claim_f1)}, contradiction F1 "
            f"{_score(totals.micro.contradiction_f1)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
