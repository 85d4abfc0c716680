"""`counterclaim eval` on seeds/ (both pipelines) and on the validation and test splits, replayed from
responses recorded from the real embedded model, must reproduce the committed baselines in
evals/baselines/ and evals/<split>-split/ exactly (scores, calls and tokens, and article by article the
same actors, claims, contradictions, summary and decisions; not seconds).

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
from recording import (
    RECORDED_EVALS,
    SEEDS,
    RecordedEval,
    articles_in,
    recorded_client,
    recorded_settings,
)


def _replay(recorded: RecordedEval, out_dir: Path) -> EvalRun:
    async def go() -> EvalRun:
        settings = recorded_settings(**EVAL_DEFAULTS)
        async with recorded_client(recorded.cassettes, settings, replay_only=True) as client:
            return await run_eval(
                [recorded.dataset],
                settings=client.settings,
                pipeline=recorded.pipeline,
                out_dir=out_dir,
                client=client,
            )

    return asyncio.run(go())


@pytest.mark.parametrize("recorded", RECORDED_EVALS, ids=lambda r: r.name)
def test_every_article_has_its_own_recording(recorded: RecordedEval) -> None:
    wanted = {article.id for article in articles_in(recorded.dataset)}
    assert recorded.recorded_ids() == wanted, "re-record: scripts/write_baselines.py"


def _differences(run: EvalRun, recorded: RecordedEval) -> list[str]:
    """What of the replayed run differs from the committed baseline, by name: the totals' scores,
    counts, calls and tokens and prompts, then article by article its status, score, cost and output
    (actors, claims, contradictions, summary, decision trace)."""
    baseline = load_run_record(recorded.baseline_file("run.json"))
    got, want = run.record.totals, baseline.totals
    found = [
        what
        for what, same in (
            ("status", run.record.status == "completed"),
            ("articles", (got.articles, got.failed) == (want.articles, want.failed)),
            ("counts", got.counts == want.counts),
            ("scores", (got.micro, got.macro) == (want.micro, want.macro)),
            ("cost", (got.cost.model_calls, got.cost.prompt_tokens, got.cost.completion_tokens)
             == (want.cost.model_calls, want.cost.prompt_tokens, want.cost.completion_tokens)),
            ("prompts", run.record.prompts == baseline.prompts),
        )
        if not same
    ]  # fmt: skip
    committed = {s.article_id: s for s in load_samples(recorded.baseline_file("samples.jsonl"))}
    if [s.article_id for s in run.samples] != list(committed):
        return [*found, "the articles run"]
    for sample in run.samples:
        theirs = committed[sample.article_id]
        mine_cost, their_cost = sample.cost, theirs.cost
        same = (sample.status, sample.score) == (theirs.status, theirs.score) and (
            mine_cost.model_calls,
            mine_cost.prompt_tokens,
            mine_cost.completion_tokens,
        ) == (their_cost.model_calls, their_cost.prompt_tokens, their_cost.completion_tokens)
        if sample.prediction is None or theirs.prediction is None:
            same = same and sample.prediction == theirs.prediction
        else:
            mine, their = sample.prediction, theirs.prediction
            same = same and (mine.actors, mine.claims, mine.contradictions, mine.summary, mine.run.trace) == (
                their.actors, their.claims, their.contradictions, their.summary, their.run.trace
            )  # fmt: skip
        if not same:
            found.append(sample.article_id)
    return found


@pytest.mark.parametrize("recorded", RECORDED_EVALS, ids=lambda r: r.name)
def test_eval_reproduces_the_committed_baseline(recorded: RecordedEval, tmp_path: Path) -> None:
    """Names what differs, never how: a failure on the frozen test split must not show its scores or
    outputs while a change is being made (docs/evaluation.md, "The frozen test split"). Replay a
    dev or validation difference with `scripts/write_baselines.py` and read the diff of its files."""
    differences = _differences(_replay(recorded, tmp_path), recorded)
    which = (
        f"--pipeline {recorded.pipeline}" if recorded.dataset == SEEDS else f"--split {recorded.dataset.name}"
    )
    if differences:
        pytest.fail(
            f"{recorded.name}: the replay differs from {recorded.baseline_folder.name}/ in "
            f"{len(differences)} place(s): {', '.join(differences[:6])}. If the change meant it, rewrite "
            f"the baseline when the change is finished: scripts/write_baselines.py {which}",
            pytrace=False,
        )
