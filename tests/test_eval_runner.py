"""The eval runner on a tiny hand-made dataset, with hand-made ORACLE predictions (never recorded ones):
scores, aggregation, cost, failure handling and the run folder (run.json, samples.jsonl, report.md)."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import re
import signal
import time
from pathlib import Path

import pytest
from rich.console import Console

from counterclaim.cli import main
from counterclaim.cli.errors import interrupt_signals
from counterclaim.config import Settings, load_settings
from counterclaim.errors import (
    DatasetError,
    LocalModelError,
    ModelOutputError,
    ProviderError,
    RunFolderError,
    UsageSoFar,
)
from counterclaim.evaluation.gold import GoldArticle
from counterclaim.evaluation.report import markdown_report, terminal_report
from counterclaim.evaluation.run_files import (
    REPORT_FILE,
    RUN_FILE,
    SAMPLES_FILE,
    RunRecord,
    SampleRow,
    load_run,
)
from counterclaim.evaluation.runner import EvalRun, run_eval, short_model_name
from counterclaim.evaluation.scoring import score_article
from counterclaim.llm.client import ModelClient
from counterclaim.models import Analysis
from counterclaim.pipeline.steps.naive import TEMPLATE as NAIVE_TEMPLATE
from eval_oracles import (
    BRIDGE_TEXT,
    DAM_TEXT,
    FIRE_TEXT,
    OracleFn,
    bridge_article,
    dam_article,
    fire_article,
    half_analysis,
    half_oracle,
    narrator_perfect_oracle,
    oracle_settings,
    perfect_oracle,
    write_dataset,
)


def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])


def run_with(
    oracle: OracleFn, tmp_path: Path, *, datasets: list[Path] | None = None, **options: object
) -> EvalRun:
    return asyncio.run(
        run_eval(
            datasets or [dataset(tmp_path)],
            settings=oracle_settings(),
            pipeline="staged",
            out_dir=tmp_path / "runs",
            analyze_fn=oracle,
            **options,  # type: ignore[arg-type]
        )
    )


def test_perfect_oracle_scores_one_on_every_metric(tmp_path: Path) -> None:
    run = run_with(perfect_oracle, tmp_path)
    totals = run.record.totals
    for scope in (totals.micro, totals.macro):
        assert scope.claim_recall == scope.claim_precision == scope.claim_f1 == 1.0
        assert scope.evidence_recall == scope.actor_recall == scope.grounding_rate == 1.0
        assert scope.contradiction_recall == scope.contradiction_precision == scope.contradiction_f1 == 1.0
    assert totals.counts.hard_negative_errors == 0
    assert (totals.articles, totals.failed) == (2, 0)
    bridge = run.samples[1].metrics
    assert bridge.contradiction_recall is None  # no gold contradiction and no prediction: not scored
    assert bridge.contradiction_precision is None


def test_half_oracle_scores_match_hand_computed_values(tmp_path: Path) -> None:
    run = run_with(half_oracle, tmp_path)
    dam, bridge = run.samples
    assert dam.metrics.claim_recall == 0.75
    assert dam.metrics.claim_precision == 0.6
    assert dam.metrics.claim_f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert dam.metrics.evidence_recall == 1.0  # c4 was found, but given to the wrong actor
    assert dam.score.wrong_actor_claims == ("c4",)
    assert dam.metrics.contradiction_recall == dam.metrics.contradiction_precision == 0.5
    assert dam.score.counts.hard_negative_errors == 1
    assert bridge.metrics.claim_recall == 0.5
    assert bridge.metrics.claim_precision == 1.0
    assert bridge.metrics.actor_recall == 0.5

    micro, macro = run.record.totals.micro, run.record.totals.macro
    assert micro.claim_recall == pytest.approx(4 / 6)
    assert micro.claim_precision == pytest.approx(4 / 6)
    assert micro.evidence_recall == pytest.approx(5 / 6)
    assert micro.actor_recall == 0.75
    assert micro.contradiction_recall == micro.contradiction_precision == 0.5
    assert micro.grounding_rate == 1.0
    assert macro.claim_recall == pytest.approx(0.625)
    assert macro.claim_precision == pytest.approx(0.8)
    assert macro.evidence_recall == 0.75
    assert macro.contradiction_recall == 0.5  # the bridge has no gold contradiction: skipped
    assert run.record.totals.counts.hard_negative_errors == 1


def test_cost_is_recorded_per_article_and_summed(tmp_path: Path) -> None:
    run = run_with(half_oracle, tmp_path)
    assert [s.cost.model_calls for s in run.samples] == [3, 1]
    cost = run.record.totals.cost
    assert (cost.articles, cost.model_calls, cost.prompt_tokens, cost.completion_tokens) == (2, 4, 300, 30)
    assert cost.seconds == 1.5
    assert cost.per_article(cost.model_calls) == 2.0


def test_run_folder_holds_loadable_files_that_match_the_returned_run(tmp_path: Path) -> None:
    data = dataset(tmp_path)
    run = run_with(half_oracle, tmp_path, datasets=[data])
    assert run.run_dir.parent == tmp_path / "runs"
    assert run.run_dir.name.endswith("-staged-hand-made")
    for name in (RUN_FILE, SAMPLES_FILE, REPORT_FILE):
        assert (run.run_dir / name).is_file()
    loaded = load_run(run.run_dir)
    assert loaded.record == run.record
    assert loaded.samples == list(run.samples)
    assert loaded.samples[0].prediction == half_analysis(DAM_TEXT)

    record = loaded.record
    assert record.status == "completed"
    assert (record.pipeline, record.provider, record.model) == ("staged", "compatible", "oracle/hand-made")
    assert record.datasets[0].files[0].sha256 == hashlib.sha256(data.read_bytes()).hexdigest()
    assert record.datasets[0].articles_selected == 2
    assert [(p.name, p.sha256) for p in record.prompts] == [("oracle.j2", "000000000000")]
    assert {p.name for p in record.packages} >= {
        "counterclaim",
        "openai",
        "instructor",
        "pydantic",
        "xllamacpp",
    }
    assert next(p for p in record.packages if p.name == "pydantic").version
    assert record.git.commit is None or len(record.git.commit) == 40
    assert [d.dataset for d in record.dataset_totals] == ["tiny.jsonl"]
    assert record.dataset_totals[0].totals == record.totals

    lines = (run.run_dir / SAMPLES_FILE).read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert (first["article_id"], first["dataset"], first["status"]) == ("dam", "tiny.jsonl", "ok")
    assert first["score"]["false_positive_claims"] == ["p4", "p5"]
    assert first["score"]["hard_negative_pairs"] == ["k2"]
    assert [c["id"] for c in first["gold"]["claims"]] == ["c1", "c2", "c3", "c4"]


def test_report_shows_every_article_and_both_totals(tmp_path: Path) -> None:
    run = run_with(half_oracle, tmp_path)
    report = (run.run_dir / REPORT_FILE).read_text(encoding="utf-8")
    assert report == markdown_report(run.record, list(run.samples))
    assert "| Model | oracle/hand-made |" in report
    rows = [line for line in report.splitlines() if line.startswith("| ") and "---" not in line]
    table = [r for r in rows if r.count("|") > 10]
    labels = [r.split("|")[1].strip() for r in table[1:]]
    assert labels == ["dam", "bridge", "**total (micro)**", "**mean (macro)**"]
    dam = table[1].split("|")
    assert [c.strip() for c in dam[3:6]] == ["0.600", "0.750", "0.667"]
    assert "| Pipeline | staged |" in report
    assert "2 article(s) analysed, 0 failed." in report

    buffer = io.StringIO()
    Console(file=buffer, width=250, color_system=None).print(terminal_report(run.record, list(run.samples)))
    shown = buffer.getvalue()
    assert "bridge" in shown and "total (micro)" in shown and "mean (macro)" in shown


def test_a_failed_article_is_recorded_scored_as_empty_and_the_run_goes_on(tmp_path: Path) -> None:
    async def fails_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise ModelOutputError("the model never fit the schema", usage=UsageSoFar(2, 50, 5))
        return await perfect_oracle(text)

    run = run_with(fails_on_bridge, tmp_path)
    dam, bridge = run.samples
    assert dam.status == "ok"
    assert bridge.status == "failed" and bridge.prediction is None
    assert bridge.error is not None and bridge.error.error == "ModelOutputError"
    assert "never fit the schema" in bridge.error.message and bridge.error.exit_code == 6
    assert (bridge.cost.model_calls, bridge.cost.prompt_tokens, bridge.cost.completion_tokens) == (2, 50, 5)
    assert bridge.metrics.claim_recall == 0.0
    assert bridge.score.missed_claims == ("c1", "c2")
    assert run.record.status == "completed"
    assert run.record.totals.failed == 1
    assert run.record.totals.micro.claim_recall == pytest.approx(4 / 6)
    assert run.record.totals.cost.model_calls == 6
    report = (run.run_dir / REPORT_FILE).read_text(encoding="utf-8")
    assert "| bridge | FAILED |" in report
    assert "1 failed" in report and "## Failed articles" in report and "never fit the schema" in report


def test_a_fatal_error_stops_the_run_and_leaves_an_aborted_record(tmp_path: Path) -> None:
    async def server_dies_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise LocalModelError("the embedded model server died")
        return await perfect_oracle(text)

    with pytest.raises(LocalModelError):
        run_with(server_dies_on_bridge, tmp_path)
    (run_dir,) = (tmp_path / "runs").iterdir()
    loaded = load_run(run_dir)
    assert loaded.record.status == "aborted"
    assert loaded.record.abort_reason is not None and "server died" in loaded.record.abort_reason
    assert [s.article_id for s in loaded.samples] == ["dam"]
    assert "aborted" in (run_dir / REPORT_FILE).read_text(encoding="utf-8")


def test_limit_and_article_ids_select_articles(tmp_path: Path) -> None:
    data = dataset(tmp_path)
    assert [s.article_id for s in run_with(perfect_oracle, tmp_path, datasets=[data], limit=1).samples] == [
        "dam"
    ]
    chosen = run_with(perfect_oracle, tmp_path, datasets=[data], article_ids=["bridge"])
    assert [s.article_id for s in chosen.samples] == ["bridge"]
    assert chosen.record.selection.article_ids == ["bridge"]
    assert chosen.record.datasets[0].articles_selected == 1
    assert chosen.record.datasets[0].articles_total == 2


def test_two_datasets_get_unique_names_and_their_own_totals(tmp_path: Path) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write_dataset(first / "set.jsonl", [dam_article()])
    write_dataset(second / "set.jsonl", [bridge_article()])
    run = run_with(half_oracle, tmp_path, datasets=[first / "set.jsonl", second / "set.jsonl"])
    assert [s.dataset for s in run.samples] == ["set.jsonl", "set.jsonl-2"]
    per_dataset = {d.dataset: d.totals for d in run.record.dataset_totals}
    assert per_dataset["set.jsonl"].micro.claim_recall == 0.75
    assert per_dataset["set.jsonl-2"].micro.claim_recall == 0.5
    report = (run.run_dir / REPORT_FILE).read_text(encoding="utf-8")
    assert "set.jsonl-2: total (micro)" in report and "all: mean (macro)" in report


def test_folder_dataset_records_the_hash_of_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for article in (dam_article(), bridge_article()):
        (folder / f"{article['id']}.json").write_text(json.dumps(article), encoding="utf-8")
    run = run_with(perfect_oracle, tmp_path, datasets=[folder])
    files = run.record.datasets[0].files
    assert [Path(f.path).name for f in files] == ["bridge.json", "dam.json"]
    assert files[1].sha256 == hashlib.sha256((folder / "dam.json").read_bytes()).hexdigest()


def test_selection_problems_raise_before_any_analysis_or_run_folder(tmp_path: Path) -> None:
    calls: list[str] = []

    async def counting_oracle(text: str) -> Analysis:
        calls.append(text)
        return await perfect_oracle(text)

    with pytest.raises(DatasetError, match="nowhere"):
        run_with(counting_oracle, tmp_path, article_ids=["nowhere"])
    broken = dam_article()
    broken["claims"][0]["actor"] = "ghost"
    with pytest.raises(DatasetError, match="ghost"):
        run_with(counting_oracle, tmp_path, datasets=[write_dataset(tmp_path / "broken.jsonl", [broken])])
    with pytest.raises(DatasetError, match="not found"):
        run_with(counting_oracle, tmp_path, datasets=[tmp_path / "missing.jsonl"])
    assert calls == []
    assert not (tmp_path / "runs").exists()


def test_hostile_article_id_cannot_break_the_markdown_table(tmp_path: Path) -> None:
    article = bridge_article()
    article["id"] = "evil | [link](http://x) \x1b[2J"
    run = run_with(perfect_oracle, tmp_path, datasets=[write_dataset(tmp_path / "evil.jsonl", [article])])
    report = (run.run_dir / REPORT_FILE).read_text(encoding="utf-8")
    lines = report.splitlines()
    header = next(line for line in lines if line.startswith("| Article"))
    row = next(line for line in lines if line.startswith("| evil"))
    assert len(re.findall(r"(?<!\\)\|", row)) == len(re.findall(r"(?<!\\)\|", header))
    assert "evil \\| \\[link\\]\\(http\\://x\\)" in row
    assert "\x1b" not in report


def test_short_model_name_fits_a_folder_name() -> None:
    assert short_model_name("/models/SmolLM2-135M-Instruct.Q4_1.gguf") == "SmolLM2-135M-Instruct.Q4_1"
    assert short_model_name("gpt-4.1-mini") == "gpt-4.1-mini"
    assert short_model_name("org/model name:latest") == "model-name-latest"
    assert short_model_name("///") == "model"


def test_cli_parses_run_options_and_reports_a_missing_dataset_with_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["eval", "--dataset", str(tmp_path / "missing.jsonl"), "--dataset", "other", "--pipeline", "naive",
         "--limit", "3", "--article", "x", "--out", str(tmp_path / "out"), "--provider", "compatible",
         "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "-q"]
    )  # fmt: skip
    assert code == DatasetError.exit_code
    err = capsys.readouterr().err
    assert err.startswith("counterclaim: error: ") and "dataset not found" in err
    assert not (tmp_path / "out").exists()
    assert main(["eval", "--limit", "0"]) == 2  # a usage error
    assert "--limit" in capsys.readouterr().err


@pytest.mark.no_server  # every request fails, as with a server that is down
def test_real_pipeline_with_an_unreachable_server_records_failures_and_its_prompts(tmp_path: Path) -> None:
    settings = load_settings(
        env={}, provider="compatible", base_url="http://127.0.0.1:9/v1", model="nowhere", max_retries=0
    )

    async def run() -> EvalRun:
        client = ModelClient(settings)
        try:
            return await run_eval(
                [dataset(tmp_path)],
                settings=settings,
                pipeline="naive",
                out_dir=tmp_path / "runs",
                client=client,
            )
        finally:
            await client.aclose()

    result = asyncio.run(run())
    assert [s.status for s in result.samples] == ["failed", "failed"]
    assert all(s.error is not None and s.error.error == "ProviderError" for s in result.samples)
    assert result.record.status == "completed"
    assert result.record.totals.failed == 2
    assert result.record.totals.micro.claim_recall == 0.0
    assert {p.name for p in result.record.prompts} >= {NAIVE_TEMPLATE}
    assert (result.record.pipeline, result.record.model) == ("naive", "nowhere")


def test_ten_articles_in_a_row_failing_on_server_errors_stop_the_run(tmp_path: Path) -> None:
    """A server that was down made every article fail and the run "completed" with zero scores (an
    adversarial probe); as batch does, ten failures in a row stop it (exit 5), said in run.json."""
    articles = [{**dam_article(), "id": f"dam{n:02}"} for n in range(12)]
    data = write_dataset(tmp_path / "twelve.jsonl", articles)
    asked: list[str] = []

    async def server_down(text: str) -> Analysis:
        asked.append(text)
        raise ProviderError("could not connect to the model server at http://127.0.0.1:9 after 4 attempt(s)")

    with pytest.raises(ProviderError, match="stopped: 10 articles in a row failed on server errors"):
        run_with(server_down, tmp_path, datasets=[data])
    assert len(asked) == 10
    (run_dir,) = (tmp_path / "runs").iterdir()
    record = load_run(run_dir).record
    assert record.totals.failed == 10 and record.abort_reason and "server errors" in record.abort_reason


def test_an_interrupted_run_resumes_in_its_folder_without_redoing_finished_articles(tmp_path: Path) -> None:
    async def interrupted_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise KeyboardInterrupt
        return await perfect_oracle(text)

    with pytest.raises(KeyboardInterrupt):
        run_with(interrupted_on_bridge, tmp_path)
    (run_dir,) = (tmp_path / "runs").iterdir()
    assert load_run(run_dir).record.status == "aborted"

    analysed: list[str] = []

    async def counting_oracle(text: str) -> Analysis:
        analysed.append(text)
        return await perfect_oracle(text)

    resumed = run_with(counting_oracle, tmp_path, resume=run_dir)
    assert analysed == [BRIDGE_TEXT]  # the dam article was finished before the interruption
    assert resumed.run_dir == run_dir and list((tmp_path / "runs").iterdir()) == [run_dir]
    loaded = load_run(run_dir)
    assert loaded.record.status == "completed" and len(loaded.record.resumed) == 1
    assert [s.article_id for s in loaded.samples] == ["dam", "bridge"]
    assert loaded.record.totals.articles == 2 and loaded.record.totals.micro.claim_f1 == 1.0
    assert loaded.record.started_at < loaded.record.resumed[0].at


def test_a_run_started_with_a_relative_dataset_path_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dataset(tmp_path)
    relative = [Path(p.name) for p in tmp_path.iterdir() if p.suffix == ".jsonl"]

    async def interrupted_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise KeyboardInterrupt
        return await perfect_oracle(text)

    with pytest.raises(KeyboardInterrupt):
        run_with(interrupted_on_bridge, tmp_path, datasets=relative)
    (run_dir,) = (tmp_path / "runs").iterdir()
    resumed = run_with(perfect_oracle, tmp_path, datasets=[], resume=run_dir)
    assert resumed.record.status == "completed"
    assert [s.article_id for s in resumed.samples] == ["dam", "bridge"]


class RecordingProgress:
    """An `EvalProgress` that keeps the notices it is given (and ignores the rest)."""

    def __init__(self) -> None:
        self.notices: list[str] = []

    def run_started(self, run_dir: Path, total_articles: int) -> None: ...

    def article_started(self, dataset: str, article_id: str) -> None: ...

    def step(self, name: str) -> None: ...

    def article_finished(self, sample: SampleRow) -> None: ...

    def notice(self, message: str) -> None:
        self.notices.append(message)


def test_resume_drops_a_partial_last_sample_line_with_a_notice_and_redoes_its_article(
    tmp_path: Path,
) -> None:
    """A kill during the append leaves half a line at the end of samples.jsonl."""
    first = run_with(perfect_oracle, tmp_path)
    samples_file = first.run_dir / SAMPLES_FILE
    dam_line, bridge_line = samples_file.read_text(encoding="utf-8").splitlines()
    samples_file.write_text(dam_line + "\n" + bridge_line[:40], encoding="utf-8")

    analysed: list[str] = []

    async def counting_oracle(text: str) -> Analysis:
        analysed.append(text)
        return await perfect_oracle(text)

    progress = RecordingProgress()
    resumed = run_with(counting_oracle, tmp_path, resume=first.run_dir, progress=progress)

    assert analysed == [BRIDGE_TEXT]
    assert [s.article_id for s in resumed.samples] == ["dam", "bridge"]
    loaded = load_run(first.run_dir)  # the file reads back whole: the partial line is gone
    assert [s.article_id for s in loaded.samples] == ["dam", "bridge"]
    assert any("partial" in n and f"{SAMPLES_FILE}:2" in n for n in progress.notices)
    assert any("partial" in n for n in loaded.record.resumed[-1].notices)


def test_resume_still_refuses_a_damaged_line_that_is_not_the_last(tmp_path: Path) -> None:
    first = run_with(perfect_oracle, tmp_path)
    samples_file = first.run_dir / SAMPLES_FILE
    dam_line, bridge_line = samples_file.read_text(encoding="utf-8").splitlines()
    samples_file.write_text(dam_line[:40] + "\n" + bridge_line + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=f"{SAMPLES_FILE}:1"):
        run_with(perfect_oracle, tmp_path, resume=first.run_dir)


def test_retry_failed_analyses_the_failed_articles_again_and_replaces_their_rows(tmp_path: Path) -> None:
    async def failing_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise ModelOutputError("cut off", usage=UsageSoFar(calls=3))
        return await perfect_oracle(text)

    first = run_with(failing_on_bridge, tmp_path)
    assert [s.status for s in first.samples] == ["ok", "failed"]
    assert run_with(perfect_oracle, tmp_path, resume=first.run_dir).record.totals.failed == 1  # kept

    analysed: list[str] = []

    async def counting_oracle(text: str) -> Analysis:
        analysed.append(text)
        return await perfect_oracle(text)

    retried = run_with(counting_oracle, tmp_path, resume=first.run_dir, retry_failed=True)
    assert analysed == [BRIDGE_TEXT]
    loaded = load_run(first.run_dir)
    assert [(s.article_id, s.status) for s in loaded.samples] == [("dam", "ok"), ("bridge", "ok")]
    assert loaded.record.totals.failed == 0 and loaded.record.totals.micro.claim_f1 == 1.0
    assert len(loaded.record.resumed) == 2 and retried.record.status == "completed"


def test_the_cli_takes_retry_failed_only_with_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Flags that do not go together are a usage error (exit 2), as click's own are (they were 9, the
    exit of a malformed data set; found by a review of the documentation)."""
    assert main(["eval", "--retry-failed", "--dataset", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "--retry-failed goes with --resume" in err and "see 'counterclaim eval --help'" in err


def test_a_run_is_not_resumed_with_another_model_or_changed_data(tmp_path: Path) -> None:
    run = run_with(perfect_oracle, tmp_path, limit=1)

    def resume_with(settings: Settings) -> EvalRun:
        return asyncio.run(
            run_eval(
                [], settings=settings, pipeline="staged", out_dir=tmp_path, resume=run.run_dir,
                analyze_fn=perfect_oracle,
            )
        )  # fmt: skip

    with pytest.raises(DatasetError, match="some-other-model"):
        resume_with(oracle_settings().model_copy(update={"model": "some-other-model"}))
    write_dataset(tmp_path / "tiny.jsonl", [bridge_article(), dam_article()])  # same file, new content
    with pytest.raises(DatasetError, match="dataset files changed"):
        resume_with(oracle_settings())
    write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    assert [s.article_id for s in resume_with(oracle_settings()).samples] == ["dam"]  # limit 1 kept


def _fire_then_interrupted_on_dam(tmp_path: Path) -> Path:
    """A run of [fire, dam] stopped by Ctrl-C on dam: its folder holds the fire article's row."""

    async def interrupted_on_dam(text: str) -> Analysis:
        if text == DAM_TEXT:
            raise KeyboardInterrupt
        return await narrator_perfect_oracle(text)

    data = write_dataset(tmp_path / "fire.jsonl", [fire_article(), dam_article()])
    with pytest.raises(KeyboardInterrupt):
        run_with(interrupted_on_dam, tmp_path, datasets=[data])
    (run_dir,) = (tmp_path / "runs").iterdir()
    return run_dir


async def fire_and_dam(text: str) -> Analysis:
    return await (narrator_perfect_oracle if text == FIRE_TEXT else perfect_oracle)(text)


def test_resume_scores_the_stored_predictions_again_with_the_current_scorer(tmp_path: Path) -> None:
    run_dir = _fire_then_interrupted_on_dam(tmp_path)
    # Make the stored row look scored by the scorer before the narrator: "Wire (narrator)" an ordinary
    # actor, so the article's own claim n1 counts among the claims between actors.
    samples_file = run_dir / SAMPLES_FILE
    (stored,) = load_run(run_dir).samples
    assert stored.prediction is not None
    plain = fire_article()
    plain["actors"][0]["name"] = "Wire"
    old = score_article(GoldArticle.model_validate(plain), stored.prediction)
    assert old.counts.gold_claims == 3 and old.counts.narrator_gold_claims == 0
    samples_file.write_text(
        stored.model_copy(update={"score": old, "metrics": old.metrics}).model_dump_json() + "\n",
        encoding="utf-8",
    )

    progress = RecordingProgress()
    resumed = run_with(fire_and_dam, tmp_path, datasets=[], resume=run_dir, progress=progress)
    fire = resumed.samples[0]
    assert fire.score == score_article(GoldArticle.model_validate(fire_article()), stored.prediction)
    counts = resumed.record.totals.counts
    # fire: 2 claims between actors and 1 narrator claim; dam: 4 claims. No old count is left.
    assert (counts.gold_claims, counts.narrator_gold_claims, counts.narrator_matched_claims) == (6, 1, 1)
    assert (counts.record_gold, counts.record_found) == (1, 1)
    assert resumed.record.totals.micro.claim_f1 == 1.0
    notice = "1 stored article(s) scored again with the current scorer (their scores had changed)"
    assert notice in progress.notices and notice in resumed.record.resumed[-1].notices
    assert load_run(run_dir).samples[0].score == fire.score  # samples.jsonl rewritten with it


def test_resume_says_nothing_when_the_stored_scores_are_current(tmp_path: Path) -> None:
    run_dir = _fire_then_interrupted_on_dam(tmp_path)
    before = (run_dir / SAMPLES_FILE).read_text(encoding="utf-8")
    progress = RecordingProgress()
    resumed = run_with(fire_and_dam, tmp_path, datasets=[], resume=run_dir, progress=progress)
    assert progress.notices == [] and resumed.record.resumed[-1].notices == []
    assert (run_dir / SAMPLES_FILE).read_text(encoding="utf-8").startswith(before)  # only appended to


def test_a_run_made_without_the_narrator_is_refused_naming_the_narrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = _fire_then_interrupted_on_dam(tmp_path)
    record = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    del record["settings"]["narrator"]  # a run.json written before the narrator setting existed
    (run_dir / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    # `counterclaim eval` turns the narrator on: the run cannot go on with it
    model = ["--provider", "compatible", "--base-url", "http://127.0.0.1:9/v1", "--model", "oracle/hand-made"]
    assert main(["eval", "--resume", str(run_dir), *model, "-q"]) == DatasetError.exit_code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "its settings differ: narrator off in the run, on now (continue it with --no-narrator)" in err
    # with --no-narrator it is continued (and its stored article scored by the current scorer)
    resumed = run_with(fire_and_dam, tmp_path, datasets=[], resume=run_dir)
    assert resumed.record.status == "completed" and resumed.record.settings.narrator is False


def test_a_run_is_not_continued_with_quotations_joined_anew(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--join-quotations changes the claims, and runs did not record it: a run was continued with it
    and scored its articles two ways (found by an adversarial probe)."""
    run_dir = _fire_then_interrupted_on_dam(tmp_path)
    model = ["--provider", "compatible", "--base-url", "http://127.0.0.1:9/v1", "--model", "oracle/hand-made"]
    argv = ["eval", "--resume", str(run_dir), *model, "--join-quotations", "--no-narrator", "-q"]
    assert main(argv) == DatasetError.exit_code
    assert "its settings differ: join_quotations False in the run, True now" in capsys.readouterr().err
    record = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    assert record["settings"]["join_quotations"] is False and record["settings"]["compact_json"] is False


def test_a_naive_run_records_the_narrator_off_and_resumes_whatever_it_recorded(tmp_path: Path) -> None:
    with_narrator = oracle_settings().model_copy(update={"narrator": True})

    async def interrupted_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise KeyboardInterrupt
        return await perfect_oracle(text)

    with pytest.raises(KeyboardInterrupt):
        asyncio.run(
            run_eval([dataset(tmp_path)], settings=with_narrator, pipeline="naive", out_dir=tmp_path / "runs",
                     analyze_fn=interrupted_on_bridge)
        )  # fmt: skip
    (run_dir,) = (tmp_path / "runs").iterdir()
    record = json.loads((run_dir / RUN_FILE).read_text(encoding="utf-8"))
    assert record["settings"]["narrator"] is False  # the naive baseline never narrates
    record["settings"]["narrator"] = True  # as naive runs recorded it before
    (run_dir / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    resumed = asyncio.run(
        run_eval([], settings=with_narrator, pipeline="naive", out_dir=tmp_path, resume=run_dir,
                 analyze_fn=perfect_oracle)
    )  # fmt: skip
    assert resumed.record.status == "completed" and resumed.record.settings.narrator is False


def test_the_cli_refuses_resume_with_a_new_selection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "--resume", str(tmp_path), "--limit", "3"]) == 2  # a usage error
    assert "leave out --dataset" in capsys.readouterr().err


def test_run_json_is_rewritten_after_each_article_so_a_killed_run_can_resume(tmp_path: Path) -> None:
    seen: list[RunRecord] = []

    async def looking_at_the_record(text: str) -> Analysis:
        if text == BRIDGE_TEXT:  # the second article: the first one is on record already
            (run_dir,) = (tmp_path / "runs").iterdir()
            seen.append(load_run(run_dir).record)
        return await perfect_oracle(text)

    run = run_with(looking_at_the_record, tmp_path)
    assert [r.status for r in seen] == ["running"] and seen[0].totals.articles == 1
    assert run.record.status == "completed"


def test_sigterm_stops_an_eval_run_like_ctrl_c() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), interrupt_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises at once; the sleep only bounds a failure
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_run_killed_during_its_first_article_can_be_resumed(tmp_path: Path) -> None:
    """run.json was first written when an article finished: a run killed (kill -9, a job's time limit)
    during its first article, which can take ten minutes on a CPU, could not be resumed."""
    seen: list[RunRecord] = []

    async def killed_on_first_article(text: str) -> Analysis:
        (run_dir,) = (tmp_path / "runs").iterdir()
        seen.append(load_run(run_dir).record)
        raise SystemExit(137)  # nothing after this line runs in a killed process; here the record exists

    with pytest.raises(SystemExit):
        run_with(killed_on_first_article, tmp_path)
    assert seen[0].status == "running" and seen[0].totals.articles == 0
    (run_dir,) = (tmp_path / "runs").iterdir()
    resumed = run_with(perfect_oracle, tmp_path, datasets=[], resume=run_dir)
    assert resumed.record.status == "completed" and len(resumed.samples) == 2


def test_a_second_session_on_a_run_folder_is_refused(tmp_path: Path) -> None:
    """Two `eval --resume` on one folder at once both appended the same articles (an adversarial probe)."""
    run_dir = _fire_then_interrupted_on_dam(tmp_path)
    refusals: list[str] = []

    async def resumed_again_meanwhile(text: str) -> Analysis:
        try:
            await run_eval([], settings=oracle_settings(), pipeline="staged", out_dir=tmp_path,
                           resume=run_dir, analyze_fn=perfect_oracle)  # fmt: skip
        except RunFolderError as error:
            refusals.append(error.one_line())
        return await fire_and_dam(text)

    resumed = run_with(resumed_again_meanwhile, tmp_path, datasets=[], resume=run_dir)
    assert refusals == [f"another counterclaim eval is running in {run_dir}; wait for it to end (or stop it)"]
    assert resumed.record.status == "completed" and len(load_run(run_dir).samples) == 2


def test_resuming_a_folder_that_holds_no_run_leaves_nothing_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The folder lock was taken before run.json was looked for: a stray .lock was left (a review)."""
    model = ["--provider", "compatible", "--base-url", "http://127.0.0.1:9/v1", "--model", "oracle/hand-made"]
    assert main(["eval", "--resume", str(tmp_path), *model, "-q"]) == DatasetError.exit_code
    assert list(tmp_path.iterdir()) == []
    assert "run.json" in capsys.readouterr().err
