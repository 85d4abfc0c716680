"""`counterclaim batch` on the command line: its refusals (one line on stderr, a distinct exit code, no
work done), and progress that stays quiet when stderr is not a terminal. Where a model answers, it is a
HAND-MADE stand-in (`local_openai_server` with a function answering every claim window with none)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from batch_checks import html_report, run_record
from counterclaim.cli import main
from counterclaim.cli.batch_progress import BatchProgressBar
from counterclaim.corpus.runner import ArticleResult
from counterclaim.evaluation.run_files import ArticleCost, ArticleFailure
from fake_model import completion
from local_openai_server import local_openai_server

ARTICLE = "Rain fell on the valley for a week. The river rose."


def no_claims(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return 200, completion(json.dumps({"claims": []}))


def _one_error_line(err: str, fragment: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("counterclaim: error: "), err
    assert fragment in lines[0], err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_run_writes_its_folder_and_keeps_stderr_quiet_off_a_terminal(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with local_openai_server(no_claims) as server:
        remote = ["--provider", "compatible", "--base-url", server.url, "--model", "m"]
        code = main(["batch", str(corpus), "--out-dir", str(tmp_path / "run"), "--claims-only", *remote])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == ""
    lines = captured.err.strip().splitlines()
    assert all(line.startswith("counterclaim: ") for line in lines), captured.err  # no bar drawn
    assert "3 article(s) analysed now, 0 failed" in lines[-1] and "report.md" in lines[-1]
    assert "report.html" in lines[-1]
    assert sorted(p.name for p in (tmp_path / "run" / "analyses").iterdir()) == [
        "a0.json",
        "a1.json",
        "a2.json",
    ]
    assert run_record(tmp_path / "run").identity.scope == "claims"
    page = html_report(tmp_path / "run")
    assert page.facts["Articles"].startswith("3 article(s) analysed, 0 failed")
    assert page.facts["Model"].startswith("compatible/m, staged pipeline, scope claims")
    assert page.sources == [] and "script-src 'none'" in page.policy


@pytest.mark.parametrize(
    ("arguments", "code", "fragment"),
    [
        (["batch", "CORPUS"], 2, "Missing option '--out-dir'"),
        (["batch", "--out-dir", "OUT"], 2, "Missing argument 'INPUT...'"),
        (["batch", "missing-folder", "--out-dir", "OUT"], 3, "no such file or folder: missing-folder"),
        (
            ["batch", "CORPUS", "--out-dir", "OUT", "--via", "batch-api", "--provider", "local"],
            4,
            "--via batch-api",
        ),
        (["batch", "CORPUS", "--out-dir", "STRANGER"], 8, "is not empty and holds no batch run"),
        (["batch", "CORPUS", "--out-dir", "CORPUS/a0.txt"], 2, "is a file"),
    ],
)
def test_a_refusal_is_one_line_with_its_exit_code(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    code: int,
    fragment: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("COUNTERCLAIM_PROVIDER", "COUNTERCLAIM_BASE_URL", "OPENAI_API_KEY", "COUNTERCLAIM_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "thesis.docx").write_bytes(b"mine")
    places = {"CORPUS": str(corpus), "OUT": str(tmp_path / "out"), "STRANGER": str(stranger)}
    argv = [places.get(a, a).replace("CORPUS", str(corpus)) for a in arguments]
    assert main(argv) == code
    _one_error_line(capsys.readouterr().err, fragment)
    assert (stranger / "thesis.docx").read_bytes() == b"mine" and sorted(
        p.name for p in stranger.iterdir()
    ) == ["thesis.docx"]
    assert not (tmp_path / "out" / "run.json").exists()


def test_force_starts_over_and_leaves_what_is_not_the_run_s(corpus: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with local_openai_server(no_claims) as server:
        remote = ["--provider", "compatible", "--base-url", server.url, "--model", "m", "-q"]
        assert main(["batch", str(corpus), "--out-dir", str(run_dir), "--claims-only", *remote]) == 0
        assert main(["batch", str(corpus), "--out-dir", str(run_dir), *remote]) == 8  # the scope changed
        first = run_record(run_dir)
        (run_dir / "notes.txt").write_text("mine", encoding="utf-8")  # not the run's: stays
        assert main(["batch", str(corpus), "--out-dir", str(run_dir), "--force", *remote]) == 0
    again = run_record(run_dir)
    assert again.identity.scope == "full" and len(again.sessions) == 1 and again.started_at > first.started_at
    assert again.counts.done == 3 and (run_dir / "notes.txt").read_text("utf-8") == "mine"


def test_on_a_terminal_the_bar_shows_done_total_failures_calls_tokens_and_time() -> None:
    screen = io.StringIO()
    bar = BatchProgressBar(enabled=True, console=Console(file=screen, force_terminal=True, width=160))
    with bar:
        bar.started(total=4, done=1, failed=0)
        failure = ArticleFailure(error="ProviderError", message="down", exit_code=5)
        bar.article_finished(
            ArticleResult(
                id="b",
                source="s",
                failure=failure,
                cost=ArticleCost(model_calls=2, prompt_tokens=900, completion_tokens=100),
            )
        )
    shown = screen.getvalue()
    assert "2/4" in shown and "1 failed" in shown and "2 calls" in shown and "1,000 tokens" in shown
    assert "0:00:0" in shown and "left" in shown  # elapsed, and the time left
    assert "already analysed" in shown


def test_off_a_terminal_the_bar_is_not_drawn() -> None:

    screen = io.StringIO()
    bar = BatchProgressBar(enabled=True, console=Console(file=screen, force_terminal=False))
    with bar:
        bar.started(total=4, done=0, failed=0)
    assert screen.getvalue() == ""
