"""A batch run stopped midway (`kill -9`, SIGTERM) loses no finished article, and the same command
again finishes the rest without analysing any article twice.

The command runs in a child process against a LOCAL TEST SERVER (`local_openai_server`) that answers
from the responses recorded from the real embedded model, a little slowly (so the run is stopped in
the middle); the server keeps every request it answered, so a request asked twice shows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from batch_checks import RECORDED_MODEL, analysed_alone, comparable, rows, run_record, seeds_jsonl
from local_openai_server import LocalOpenAIServer, local_openai_server
from recorded_answers import RecordedAnswers, canonical
from recording import seed_articles

CONSOLE_SCRIPT = Path(sys.executable).parent / "counterclaim"
CONCURRENCY = 2


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COUNTERCLAIM_", "OPENAI_"))}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _command(corpus: Path, run_dir: Path, server: LocalOpenAIServer) -> list[str]:
    return [
        str(CONSOLE_SCRIPT), "batch", str(corpus), "--out-dir", str(run_dir), "-q",
        "--concurrency", str(CONCURRENCY),
        "--provider", "compatible", "--base-url", server.url, "--model", RECORDED_MODEL,
    ]  # fmt: skip


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _finished_rows(run_dir: Path) -> int:
    path = run_dir / "analyses.jsonl"
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _stop_midway(
    command: list[str], run_dir: Path, how: signal.Signals, after: int = 3
) -> tuple[subprocess.Popen[str], str]:
    """Start the batch and send `how` once `after` articles are finished."""
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True
    )
    try:
        _wait_for(lambda: _finished_rows(run_dir) >= after, f"{after} finished articles")
        child.send_signal(how)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    return child, err


def _check_finished_once(run_dir: Path, before: bytes, server: LocalOpenAIServer, articles: int) -> None:
    """Every article once, the rows of the first session untouched, each analysis as `analyze` makes
    it, and no request answered twice but those in flight when the first session was stopped."""
    after = (run_dir / "analyses.jsonl").read_bytes()
    assert after.startswith(before.rsplit(b"\n", 1)[0])  # whole rows before the stop stay as they were
    found = rows(run_dir)
    assert len(found) == articles and len({row.id for row in found}) == articles
    for row in found:
        expected = comparable(analysed_alone(row.id))
        got = comparable(row.analysis)
        for data in (expected, got):  # answers replayed from the run's cache count as cached calls
            data["run"].pop("cached_calls")
            for step in data["run"]["steps"]:
                step.pop("cached_calls")
        assert got == expected, row.id
    asked = Counter(canonical(body) for body in server.chat_requests)
    repeated = sum(count - 1 for count in asked.values())
    assert repeated <= CONCURRENCY, f"{repeated} request(s) asked again"
    record = run_record(run_dir)
    assert record.status == "completed" and record.counts.done == articles and len(record.sessions) == 2
    assert not list(run_dir.rglob(".*.tmp"))


@pytest.mark.timeout(180)
def test_kill_9_midway_then_the_same_command_finishes_with_nothing_lost_or_repeated(tmp_path: Path) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl")
    run_dir = tmp_path / "run"
    with local_openai_server(RecordedAnswers.of_seeds(), chat_delay=0.02) as server:
        command = _command(corpus, run_dir, server)
        child, _ = _stop_midway(command, run_dir, signal.SIGKILL)
        assert child.returncode == -signal.SIGKILL
        before = (run_dir / "analyses.jsonl").read_bytes()
        assert 3 <= before.count(b"\n") < 14
        again = subprocess.run(command, capture_output=True, text=True, env=_child_env(), timeout=120)
        assert again.returncode == 0, again.stderr
        _check_finished_once(run_dir, before, server, 14)
        assert run_record(run_dir).sessions[1].skipped == before.count(b"\n")


@pytest.mark.timeout(180)
def test_sigterm_midway_records_the_stop_and_the_same_command_finishes(tmp_path: Path) -> None:
    articles = [a for a in seed_articles() if a.id.startswith(("seed-haiti", "seed-sudan", "seed-pentagon"))]
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", articles)
    run_dir = tmp_path / "run"
    # Four articles, two at a time, and a signal after two: the last two are then in flight, each
    # with several answers of 0.2 s to wait for. (A signal after three raced the fourth: the last two
    # articles run side by side and often finish within milliseconds of each other.)
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in articles]), chat_delay=0.2) as server:
        command = _command(corpus, run_dir, server)
        child, err = _stop_midway(command, run_dir, signal.SIGTERM, after=2)
        assert child.returncode == 130, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("counterclaim: error: interrupted: "), err
        assert "keeps every article finished so far" in lines[0]
        record = run_record(run_dir)
        assert record.status == "interrupted" and record.counts.done == _finished_rows(run_dir)
        before = (run_dir / "analyses.jsonl").read_bytes()
        again = subprocess.run(command, capture_output=True, text=True, env=_child_env(), timeout=120)
        assert again.returncode == 0, again.stderr
        _check_finished_once(run_dir, before, server, len(articles))
