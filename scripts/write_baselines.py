"""Write the committed eval baselines: the seeds' (evals/baselines/seeds-{staged,naive}.*) and the
validation and test splits' (evals/validation-split/, evals/test-split/).

    python scripts/write_baselines.py                    # the seeds, replayed (no model, seconds)
    python scripts/write_baselines.py --record           # the seeds, from the real embedded model
    python scripts/write_baselines.py --record new       # record only the requests that changed
    python scripts/write_baselines.py --pipeline naive   # one pipeline of the seeds only
    python scripts/write_baselines.py --split test       # a split (validation, test), replayed
    python scripts/write_baselines.py --split validation --record --article ID ...
                                                         # record these articles' cassettes only

Each run is `counterclaim eval` on its dataset with the settings the recordings were made with
(`tests/recording.py`); its `run.json`, `report.md` and `samples.jsonl` replace the baseline's. With
`--record` the answers come from the model and are written to the per-article cassettes
(`tests/cassettes/<name>/<article id>.yaml`), so the baseline, the recordings and the numbers in the
docs come from the same answers. The splits run the staged pipeline only. With `--article` only those
articles are run and recorded, and no baseline is written: a split takes 1-2 hours of model time on 2
cores (test about 55 min, validation about 100), and recording it in parts keeps each finished part.
`tests/test_eval_baseline.py` only compares a replay with these files; it never writes them.
Replayed seconds are the replay's, not the model's.

The test split is frozen: its baseline is written when a change is finished, as its scores were
before it was recorded (docs/evaluation.md, "The frozen test split").
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from counterclaim.cli.eval_command import EVAL_DEFAULTS
from counterclaim.evaluation.runner import EvalRun, run_eval
from counterclaim.pipeline.analyze import PipelineName
from recording import (
    SPLITS,
    RecordedEval,
    RecordMode,
    SeedArticle,
    articles_in,
    recorded_client,
    recorded_settings,
    seeds_eval,
    split_eval,
)

BASELINE_FILES = ("run.json", "report.md", "samples.jsonl")
PIPELINES: tuple[PipelineName, ...] = ("staged", "naive")


async def _run(
    recorded: RecordedEval,
    out_dir: Path,
    record: RecordMode,
    chosen: Sequence[SeedArticle],
    article_ids: Sequence[str] | None,
) -> EvalRun:
    settings = recorded_settings(**EVAL_DEFAULTS)  # as `counterclaim eval` runs: the narrator on
    async with recorded_client(recorded.cassettes, settings, record=record, articles=chosen) as client:
        return await run_eval(
            [recorded.dataset],
            settings=client.settings,
            pipeline=recorded.pipeline,
            out_dir=out_dir,
            client=client,
            article_ids=article_ids or None,
        )


def write_baseline(
    recorded: RecordedEval, record: RecordMode = "replay", article_ids: Sequence[str] | None = None
) -> EvalRun:
    """Run one recorded eval and copy its files over the baseline (not when only some articles ran).
    A replay needs every article's recording: an article recorded in no part would fail and be scored
    as one without output (a failure the model gave, such as an answer cut off at its token limit, is
    recorded and stays part of the baseline)."""
    chosen = [a for a in articles_in(recorded.dataset) if not article_ids or a.id in article_ids]
    if record == "replay":
        recorded_ids = recorded.recorded_ids()
        missing = [a.id for a in chosen if a.id not in recorded_ids]
        if missing:
            raise SystemExit(
                f"{recorded.name}: no recording of {', '.join(missing)}; record it (--record --article "
                "ID) first; no baseline written"
            )
    with tempfile.TemporaryDirectory(prefix="baseline-") as out:
        run = asyncio.run(_run(recorded, Path(out), record, chosen, article_ids))
        written = "cassettes of the finished requests written, " if record != "replay" else ""
        if run.record.status != "completed":
            raise SystemExit(
                f"{recorded.name}: the run did not complete ({run.record.abort_reason}); "
                f"{written}no baseline written"
            )
        if not article_ids:
            recorded.baseline_folder.mkdir(parents=True, exist_ok=True)
            for name in BASELINE_FILES:
                shutil.copyfile(run.run_dir / name, recorded.baseline_file(name))
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
    parser.add_argument("--pipeline", choices=PIPELINES, action="append", help="seeds: default both")
    parser.add_argument(
        "--split", choices=["seeds", *SPLITS], action="append", help="default: seeds; repeatable"
    )
    parser.add_argument(
        "--article", action="append", metavar="ID", help="only this article (no baseline written)"
    )
    args = parser.parse_args(argv)
    splits = args.split or ["seeds"]
    if args.pipeline and "seeds" not in splits:
        parser.error("--pipeline chooses the seeds' pipelines; the splits run the staged pipeline only")
    if args.article and len(splits) > 1:
        parser.error("--article names articles of one data set: give one --split")
    evals: list[RecordedEval] = []
    for split in splits:
        if split == "seeds":
            evals.extend(seeds_eval(pipeline) for pipeline in args.pipeline or PIPELINES)
        else:
            evals.append(split_eval(split))
    for recorded in evals:
        run = write_baseline(recorded, args.record, args.article)
        totals = run.record.totals
        tokens = f"{totals.cost.prompt_tokens} + {totals.cost.completion_tokens} tokens"
        cost = f"{totals.cost.model_calls} calls, {tokens}"
        if args.article:  # a part of a recording: its scores mean nothing (and the test split's stay unread)
            done = "recorded" if args.record != "replay" else "replayed"
            print(f"{recorded.name}: {totals.articles} articles {done}, {cost}; no baseline", flush=True)
            continue
        print(
            f"{recorded.name}: {totals.articles} articles, {totals.failed} failed, {cost}, claim F1 "
            f"{_score(totals.micro.claim_f1)}, contradiction F1 {_score(totals.micro.contradiction_f1)}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
