"""Comparing two eval runs made from hand-made ORACLE predictions (never recorded ones): deltas and the
items that flipped, through the Python API and `counterclaim eval compare`."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from counterclaim.cli import main
from counterclaim.errors import DatasetError, ModelOutputError
from counterclaim.evaluation.compare import Comparison, compare_runs, comparison_report
from counterclaim.evaluation.run_articles import run_articles
from counterclaim.evaluation.run_files import RUN_FILE, load_run
from counterclaim.evaluation.runner import run_eval
from counterclaim.models import Analysis
from eval_oracles import (
    BRIDGE_TEXT,
    OracleFn,
    bridge_article,
    dam_article,
    fire_article,
    half_oracle,
    narrator_perfect_oracle,
    narrator_wrong_oracle,
    oracle_settings,
    perfect_oracle,
    write_dataset,
)


def make_run(oracle: OracleFn, data: Path, out: Path) -> Path:
    run = asyncio.run(
        run_eval([data], settings=oracle_settings(), pipeline="staged", out_dir=out, analyze_fn=oracle)
    )
    return run.run_dir


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    """(half oracle run, perfect oracle run) on the same tiny dataset."""
    data = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    return make_run(half_oracle, data, tmp_path / "a"), make_run(perfect_oracle, data, tmp_path / "b")


def shown(comparison: Comparison) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=300, color_system=None).print(comparison_report(comparison))
    return buffer.getvalue()


def test_deltas_are_b_minus_a(runs: tuple[Path, Path]) -> None:
    comparison = compare_runs(*runs)
    deltas = {(d.name, d.scope): d for d in comparison.deltas}
    recall = deltas[("claim_recall", "micro")]
    assert recall.a == pytest.approx(4 / 6)
    assert recall.b == 1.0
    assert recall.delta == pytest.approx(1 / 3)
    assert recall.improved is True
    assert deltas[("claim_precision", "macro")].delta == pytest.approx(0.2)
    hard = deltas[("hard_negative_errors", "total")]
    assert (hard.a, hard.b, hard.delta, hard.improved) == (1, 0, -1, True)
    calls = deltas[("calls_per_article", "mean")]
    assert (calls.a, calls.b) == (2.0, 3.0) and calls.improved is False
    assert deltas[("grounding_rate", "micro")].improved is None  # 1.0 in both
    assert comparison.comparable
    assert comparison.differing_prompts == []


def test_flips_from_half_to_perfect_oracle(runs: tuple[Path, Path]) -> None:
    comparison = compare_runs(*runs)
    assert comparison.unchanged_articles == 0
    dam, bridge = comparison.articles
    assert dam.article_id == "dam"
    assert [c.id for c in dam.claims_now_found] == ["c4"]
    assert dam.claims_now_missed == []
    assert sorted(c.evidence for c in dam.removed_false_positive_claims) == [
        "Engineer Bob Stone",
        "repairs have not begun",
    ]
    assert dam.new_false_positive_claims == []
    assert [k.id for k in dam.contradictions_now_found] == ["k2"]
    (pair,) = dam.removed_false_positive_pairs
    assert pair.hard_negative
    assert {pair.claim_a.evidence, pair.claim_b.evidence} == {"the dam is safe", "repairs are finished"}
    assert [c.id for c in bridge.claims_now_found] == ["c2"]
    assert [c.evidence for c in bridge.claims_now_found] == ["they welcome the news"]


def test_flips_the_other_way_are_losses_and_new_false_positives(runs: tuple[Path, Path]) -> None:
    half, perfect = runs
    comparison = compare_runs(perfect, half)
    dam = comparison.articles[0]
    assert [c.id for c in dam.claims_now_missed] == ["c4"]
    assert [k.id for k in dam.contradictions_now_missed] == ["k2"]
    assert [p.claim_b.evidence for p in dam.new_false_positive_pairs] == ["repairs are finished"]
    assert {c.actor for c in dam.new_false_positive_claims} == {"Ann Lee", "Bob Stone"}
    text = shown(comparison)
    assert "- missed claim c4 (bob): “repairs have not begun”" in text
    assert "- new false-positive pair (hard negative): “the dam is safe” (Ann Lee) vs" in text
    assert "- missed contradiction k2 (c3 vs c4, factual)" in text


def test_same_run_twice_has_no_flip(runs: tuple[Path, Path]) -> None:
    comparison = compare_runs(runs[0], runs[0])
    assert comparison.articles == []
    assert comparison.unchanged_articles == 2
    assert all(d.delta in (0, None) for d in comparison.deltas)
    assert "No article changed (2 compared)." in shown(comparison)


def test_a_failed_article_in_b_loses_what_a_found(tmp_path: Path) -> None:
    async def fails_on_bridge(text: str) -> Analysis:
        if text == BRIDGE_TEXT:
            raise ModelOutputError("truncated answer")
        return await perfect_oracle(text)

    data = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    comparison = compare_runs(
        make_run(perfect_oracle, data, tmp_path / "a"), make_run(fails_on_bridge, data, tmp_path / "b")
    )
    (bridge,) = comparison.articles
    assert (bridge.status_a, bridge.status_b) == ("ok", "failed")
    assert [c.id for c in bridge.claims_now_missed] == ["c1", "c2"]
    deltas = {(d.name, d.scope): d for d in comparison.deltas}
    assert deltas[("failed_articles", "total")].delta == 1
    assert "status: ok -> failed" in shown(comparison)


def test_runs_on_different_data_are_flagged(tmp_path: Path) -> None:
    first = tmp_path / "one"
    second = tmp_path / "two"
    first.mkdir()
    second.mkdir()
    changed = dam_article()
    changed["title"] = "A new title"
    run_a = make_run(
        half_oracle, write_dataset(first / "tiny.jsonl", [dam_article(), bridge_article()]), tmp_path / "a"
    )
    run_b = make_run(half_oracle, write_dataset(second / "tiny.jsonl", [changed]), tmp_path / "b")
    comparison = compare_runs(run_a, run_b)
    assert comparison.differing_datasets == ["tiny.jsonl"]
    assert comparison.only_in_a == ["tiny.jsonl/bridge"]
    assert not comparison.comparable
    text = shown(comparison)
    assert "warning: dataset files differ between the runs: tiny.jsonl" in text
    assert "1 only in A, 0 only in B" in text


def test_a_malformed_run_folder_is_a_dataset_error(runs: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a run folder"):
        compare_runs(tmp_path / "nothing", runs[1])
    record = json.loads((runs[0] / RUN_FILE).read_text(encoding="utf-8"))
    del record["totals"]
    (runs[0] / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(DatasetError, match="totals"):
        compare_runs(*runs)


def test_cli_eval_compare(
    runs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "compare", str(runs[0]), str(runs[1])]) == 0
    out = capsys.readouterr().out
    assert "claim_recall" in out and "+ found claim c4" in out
    assert main(["eval", "compare", str(tmp_path / "nope"), str(runs[1])]) == DatasetError.exit_code
    err = capsys.readouterr().err
    assert err.startswith("counterclaim: error: ") and "not a run folder" in err
    assert len(err.strip().splitlines()) == 1


def test_the_narrator_side_is_compared_apart(tmp_path: Path) -> None:
    """A: the narrator's claim on the wrong sentence and its record pair false; B: both right."""
    data = write_dataset(tmp_path / "fire.jsonl", [fire_article()])
    wrong = make_run(narrator_wrong_oracle, data, tmp_path / "a")
    right = make_run(narrator_perfect_oracle, data, tmp_path / "b")
    comparison = compare_runs(wrong, right)
    deltas = {(d.name, d.scope): d for d in comparison.deltas}
    narrator = deltas[("narrator_claim_recall", "micro")]
    assert (narrator.a, narrator.b, narrator.improved) == (0.0, 1.0, True)
    record = deltas[("record_f1", "micro")]
    assert (record.a, record.b, record.improved) == (0.0, 1.0, True)
    assert deltas[("record_hard_negative_errors", "total")].delta == 0
    (fire,) = comparison.articles
    # between actors nothing flipped: k1's part between actors was found in both, no claim changed there
    assert fire.claims_now_found == [] and fire.contradictions_now_found == []
    assert fire.removed_false_positive_pairs == []
    assert [c.id for c in fire.narrator_claims_now_found] == ["n1"]
    assert [k.id for k in fire.records_now_found] == ["k1"]
    (gone,) = fire.removed_false_positive_records
    assert (gone.claim_a.evidence, gone.claim_b.evidence) == (
        "The plant reopened on Monday",
        "nine workers died",
    )
    text = shown(comparison)
    assert "+ found narrator claim n1: “The fire killed 11 workers”" in text
    assert "+ found record contradiction k1 (numeric)" in text
    assert "+ removed false-positive record pair: “The plant reopened on Monday” (the article) vs" in text
    back = shown(compare_runs(right, wrong))
    assert "- missed narrator claim n1" in back and "- missed record contradiction k1 (numeric)" in back
    assert "- new false-positive record pair: “The plant reopened on Monday”" in back


def test_a_dataset_given_by_a_relative_path_is_read_back_for_the_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`eval --dataset seeds` recorded "seeds/x.json" and the check compared it with the resolved path,
    so `compare --html` showed "(no text for dataset(s) seeds)" (found by an adversarial probe)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "gold"
    folder.mkdir()
    for article in (dam_article(), bridge_article()):
        (folder / f"{article['id']}.json").write_text(json.dumps(article), encoding="utf-8")
    run_dir = make_run(perfect_oracle, Path("gold"), tmp_path / "runs")
    record = load_run(run_dir).record
    found = run_articles(record)
    assert found.missing == [] and {key[1] for key in found.articles} == {"dam", "bridge"}
