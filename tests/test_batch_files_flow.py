"""`counterclaim batch --via files`: each round written as a request file in the OpenAI batch format, the
run stopping until the engine's output file is given back with `--ingest`. The engine is a LOCAL
STAND-IN for vLLM's `run-batch` (`offline_batch_runner`), answering from the responses recorded from
the real embedded model, and checking every line of each request file against the documented format.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path

import pytest

from batch_checks import RECORDED_MODEL, analysed_alone, comparable, rows, run_record, seeds_jsonl
from counterclaim.cli import main
from counterclaim.corpus.batch_lines import Answer, AnswerOnDisk
from counterclaim.corpus.offline_files import IngestStopped, ingest, ingest_until_cancelled
from counterclaim.corpus.round_store import RoundStore
from counterclaim.errors import RunFolderError
from offline_batch_runner import run_batch_file
from recorded_answers import RecordedAnswers
from recording import seed_articles

SEEDS = [a for a in seed_articles() if a.id in ("seed-haiti-death-toll-2010", "seed-pentagon-assange-2010")]
AWAITING = 11


def _args(corpus: Path, run_dir: Path) -> list[str]:
    return ["batch", str(corpus), "--out-dir", str(run_dir), "--via", "files", "--model", RECORDED_MODEL]


def _requests(run_dir: Path, number: int) -> Path:
    return run_dir / "rounds" / f"round-{number:03d}.requests.jsonl"


def _drive(
    tmp_path: Path,
    *,
    leave_out: Collection[int] = (),
    refuse: Collection[int] = (),
    never_answer: Collection[str] = (),
    reshape: Callable[[bytes], bytes] = lambda data: data,
) -> tuple[int, int]:
    """Run the command, the engine on each request file, and the command with --ingest, until the run
    ends; the first round's requests get `leave_out` and `refuse`, every output file goes through
    `reshape` before it is ingested. (exit code, rounds)."""
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS)
    run_dir = tmp_path / "run"
    engine = RecordedAnswers.of_seeds([a.id for a in SEEDS])
    code, rounds = main(_args(corpus, run_dir)), 0
    while code == AWAITING:
        rounds += 1
        assert _requests(run_dir, rounds).is_file() and not _requests(run_dir, rounds + 1).exists()
        output = tmp_path / f"out-{rounds}.jsonl"
        first = rounds == 1
        run_batch_file(
            _requests(run_dir, rounds),
            output,
            engine,
            leave_out=leave_out if first else (),
            refuse=refuse if first else (),
            never_answer=never_answer,
        )
        output.write_bytes(reshape(output.read_bytes()))
        code = main([*_args(corpus, run_dir), "--ingest", str(output)])
    return code, rounds


def test_the_round_trip_gives_the_analyses_of_analyze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS)
    peek = tmp_path / "peek"
    assert main(_args(corpus, peek)) == AWAITING
    err = capsys.readouterr().err
    assert f"vllm run-batch -i {_requests(peek, 1)} -o round-001.output.jsonl --model {RECORDED_MODEL}" in err
    assert "error" not in err
    before = _requests(peek, 1).read_bytes()
    assert main(_args(corpus, peek)) == AWAITING  # asked again: the same file, no new round
    assert not _requests(peek, 2).exists() and _requests(peek, 1).read_bytes() == before
    code, rounds = _drive(tmp_path)
    assert code == 0 and rounds >= 3
    found = rows(tmp_path / "run")
    assert sorted(r.id for r in found) == sorted(a.id for a in SEEDS)
    for row in found:
        assert comparable(row.analysis) == comparable(analysed_alone(row.id)), row.id
    record = run_record(tmp_path / "run")
    assert record.status == "completed" and [r.state for r in record.rounds] == ["collected"] * rounds


def test_an_output_file_with_a_bom_crlf_blank_and_stranger_lines_is_kept_line_by_line(
    tmp_path: Path,
) -> None:
    """The engine's file is read, checked and kept a line at a time (it used to be read whole, about ten
    times its size in memory); the kept file has plain lines, and each success stays in it until a
    request asks for it."""
    stranger = json.dumps({"custom_id": "cc-not-asked", "response": None, "error": {"message": "x"}})

    def reshape(data: bytes) -> bytes:
        lines = data.decode("utf-8").splitlines()
        return ("\ufeff" + "\r\n\r\n".join([*lines, stranger]) + "\r\n").encode("utf-8")

    code, _ = _drive(tmp_path, reshape=reshape)
    assert code == 0
    for row in rows(tmp_path / "run"):
        assert comparable(row.analysis) == comparable(analysed_alone(row.id)), row.id
    store = RoundStore(tmp_path / "run" / "rounds")
    first = store.rounds()[0]
    kept = store.output_path(first.number).read_bytes()
    assert not kept.startswith(b"\xef\xbb\xbf") and b"\r" not in kept and b"\n\n" not in kept
    answers = store.answers(first)
    on_disk = [a for a in answers.values() if isinstance(a, AnswerOnDisk)]
    assert on_disk and len(on_disk) == sum(a.succeeded for a in answers.values())
    assert all(a.load().status == 200 and "choices" in a.load().body for a in on_disk)
    store.output_path(first.number).write_text("changed\n", encoding="utf-8")
    with pytest.raises(RunFolderError, match="no longer a batch output line"):
        on_disk[-1].load()


def test_a_request_the_engine_left_out_is_asked_in_the_next_round(tmp_path: Path) -> None:
    code, _ = _drive(tmp_path, leave_out={1})
    assert code == 0
    first_line = json.loads(_requests(tmp_path / "run", 1).read_text("utf-8").splitlines()[0])
    assert first_line["custom_id"] in _requests(tmp_path / "run", 2).read_text("utf-8")
    for row in rows(tmp_path / "run"):  # the same analyses; the article asked again made one call more
        got, expected = comparable(row.analysis), comparable(analysed_alone(row.id))
        got["run"].pop("model_calls"), expected["run"].pop("model_calls")
        got["run"].pop("steps"), expected["run"].pop("steps")
        assert got == expected


def test_a_request_the_engine_refused_fails_its_article_and_the_rest_finish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _drive(tmp_path, refuse={1})
    assert code == 1
    record = run_record(tmp_path / "run")
    assert record.counts.done == 1 and record.counts.failed == 1
    assert "The model does not support this request" in record.failures[0].message
    assert "--retry-failed" in capsys.readouterr().err


def test_an_output_file_of_another_request_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS)
    assert main(_args(corpus, tmp_path / "run")) == AWAITING
    stranger = tmp_path / "other.jsonl"
    stranger.write_text(json.dumps({"id": "x", "custom_id": "cc-0", "response": None, "error": None}) + "\n")
    capsys.readouterr()
    assert main([*_args(corpus, tmp_path / "run"), "--ingest", str(stranger)]) == 3
    assert "answers none of the" in capsys.readouterr().err
    assert main([*_args(corpus, tmp_path / "run"), "--ingest", str(tmp_path / "missing.jsonl")]) == 3


def test_ingest_goes_with_via_files_and_a_waiting_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS[:1])
    output = tmp_path / "out.jsonl"
    output.write_text("")
    assert (
        main(
            ["batch", str(corpus), "--out-dir", str(tmp_path / "a"), "--ingest", str(output), "--model", "m"]
        )
        == 4
    )
    assert (
        "--ingest reads an offline engine's output file: it goes with --via files" in capsys.readouterr().err
    )
    assert main([*_args(corpus, tmp_path / "b"), "--ingest", str(output)]) == 8
    assert "nothing to ingest" in capsys.readouterr().err


def test_a_request_the_engine_never_answers_fails_its_article_after_the_retries(tmp_path: Path) -> None:
    """Each round without its answer counts as a failed attempt, so the run ends (within --max-retries,
    3: four askings) instead of asking for ever."""
    corpus = seeds_jsonl(tmp_path / "peek.jsonl", SEEDS)
    assert main(_args(corpus, tmp_path / "peek")) == AWAITING
    lost = json.loads(_requests(tmp_path / "peek", 1).read_text("utf-8").splitlines()[0])["custom_id"]
    code, rounds = _drive(tmp_path, never_answer={lost})
    assert code == 1
    asked = [n for n in range(1, rounds + 1) if lost in _requests(tmp_path / "run", n).read_text("utf-8")]
    assert asked == [1, 2, 3, 4]
    record = run_record(tmp_path / "run")
    assert (
        record.counts.failed == 1
        and "the output file has no line for this request" in record.failures[0].message
    )


def test_the_request_file_itself_given_as_answers_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its lines have the round's ids and no response: it was taken for answers, every request counted as
    not run and a retry used up (found by an adversarial probe)."""
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS[:1])
    run_dir = tmp_path / "run"
    assert main(_args(corpus, run_dir)) == AWAITING
    capsys.readouterr()
    assert main([*_args(corpus, run_dir), "--ingest", str(_requests(run_dir, 1))]) == 3
    assert "(not the file itself)" in capsys.readouterr().err
    assert main(_args(corpus, run_dir)) == AWAITING  # still waiting on the same round
    assert not _requests(run_dir, 2).exists()


def test_ingest_with_force_is_refused_before_anything_is_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--force removed the run, then --ingest found nothing to ingest (found by an adversarial probe)."""
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS[:1])
    run_dir = tmp_path / "run"
    assert main(_args(corpus, run_dir)) == AWAITING
    before = sorted(p.name for p in run_dir.rglob("*"))
    output = tmp_path / "out.jsonl"
    run_batch_file(_requests(run_dir, 1), output, RecordedAnswers.of_seeds([SEEDS[0].id]))
    capsys.readouterr()
    assert main([*_args(corpus, run_dir), "--ingest", str(output), "--force"]) == 4
    assert "give one" in capsys.readouterr().err
    assert sorted(p.name for p in run_dir.rglob("*")) == before


def test_a_round_waiting_for_an_ingest_is_not_sent_to_the_batch_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Continued with --via batch-api, the round was uploaded and paid for, then its answers were read
    from the --ingest file that never came, and every request was sent again (found by a review)."""
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS[:1])
    run_dir = tmp_path / "run"
    assert main(_args(corpus, run_dir)) == AWAITING
    capsys.readouterr()
    argv = ["batch", str(corpus), "--out-dir", str(run_dir), "--via", "batch-api", "--model", RECORDED_MODEL,
            "--provider", "compatible", "--base-url", "http://127.0.0.1:9/v1"]  # fmt: skip
    assert main(argv) == 8
    assert "was written for --via files and waits for its answers" in capsys.readouterr().err


def _waiting_round(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A run waiting for its first round's answers: (corpus, run folder, the engine's output file)."""
    corpus = seeds_jsonl(tmp_path / "seeds.jsonl", SEEDS[:1])
    run_dir = tmp_path / "run"
    assert main(_args(corpus, run_dir)) == AWAITING
    output = tmp_path / "out.jsonl"
    run_batch_file(_requests(run_dir, 1), output, RecordedAnswers.of_seeds([SEEDS[0].id]))
    return corpus, run_dir, output


def test_a_kept_answer_that_cannot_be_read_stops_the_run_not_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """FAULT INJECTED (the kept file changed under a running session, by a patch of `load`): the error
    was raised inside the HTTP transport, taken by the client for a connection failure, and every
    article failed as "could not connect" (exit 1, run completed) instead of the run stopping."""
    corpus, run_dir, output = _waiting_round(tmp_path)
    real_load = AnswerOnDisk.load

    def changed_under_the_run(self: AnswerOnDisk) -> Answer:
        self.path.write_text("changed\n", encoding="utf-8")
        return real_load(self)

    monkeypatch.setattr(AnswerOnDisk, "load", changed_under_the_run)
    capsys.readouterr()
    assert main([*_args(corpus, run_dir), "--ingest", str(output)]) == RunFolderError.exit_code
    assert "no longer a batch output line" in capsys.readouterr().err
    assert not (run_dir / "failures.jsonl").exists()  # no article failed for it


def test_a_refused_ingest_never_removes_the_file_it_was_given(tmp_path: Path) -> None:
    """The engine may write straight into the run folder, at the path the answers are kept at: a file
    answering none of the round was refused, then removed as if it were the copy (found by a probe)."""
    corpus, run_dir, _ = _waiting_round(tmp_path)
    at_kept_path = run_dir / "rounds" / "round-001.output.jsonl"
    other = json.dumps({"custom_id": "cc-other", "response": {"status_code": 200, "body": {}}})
    at_kept_path.write_text(other + "\n", encoding="utf-8")
    assert main([*_args(corpus, run_dir), "--ingest", str(at_kept_path)]) == 3
    assert at_kept_path.read_text("utf-8") == other + "\n"
    assert main([*_args(corpus, run_dir), "--ingest", str(_requests(run_dir, 1))]) == 3  # another file
    assert at_kept_path.read_text("utf-8") == other + "\n"  # the engine's own file is not replaced


def test_only_the_first_line_of_each_request_is_counted_and_kept(tmp_path: Path) -> None:
    """A line with neither a response nor an error before the real answer counted the request as
    answered, though its answer is the first line's (it was asked again, a retry spent); lines for no
    request of the round were copied into the run folder, to be read again every session."""
    _, run_dir, output = _waiting_round(tmp_path)
    lines = output.read_text("utf-8").splitlines()
    first = json.loads(lines[0])["custom_id"]
    empty = json.dumps({"custom_id": first, "response": None, "error": None})
    strangers = [json.dumps({"custom_id": f"cc-other-{n}", "error": {"message": "x"}}) for n in range(3)]
    output.write_text("\n".join([empty, *lines, *strangers]) + "\n", encoding="utf-8")
    store = RoundStore(run_dir / "rounds")
    record, answered, ignored = ingest(store, output)
    assert (answered, ignored) == (len(lines) - 1, 3)
    kept = store.output_path(record.number).read_text("utf-8").splitlines()
    assert kept == [empty, *lines[1:]]


def test_an_ingest_told_to_stop_keeps_nothing_and_the_round_still_waits(tmp_path: Path) -> None:
    """Ctrl-C during a long ingest was ignored until the whole file was copied; a second one left the
    partial copy in the run folder for good."""
    _, run_dir, output = _waiting_round(tmp_path)
    store = RoundStore(run_dir / "rounds")
    stop = threading.Event()
    stop.set()
    with pytest.raises(IngestStopped):
        ingest(store, output, stop=stop)
    assert store.open_round() is not None and not store.output_path(1).exists()
    assert list((run_dir / "rounds").glob(".*.tmp")) == []


def test_a_cancelled_ingest_stops_reading_and_removes_its_copy(tmp_path: Path) -> None:
    _, run_dir, output = _waiting_round(tmp_path)
    strangers = "".join(json.dumps({"custom_id": f"cc-x-{n}", "error": "x"}) + "\n" for n in range(200_000))
    output.write_text(strangers + output.read_text("utf-8"), encoding="utf-8")  # seconds of reading
    store = RoundStore(run_dir / "rounds")

    async def cancelled_soon() -> None:
        task = asyncio.create_task(ingest_until_cancelled(store, output))
        await asyncio.sleep(0.2)
        task.cancel()
        await task

    started = time.monotonic()
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(cancelled_soon())
    assert time.monotonic() - started < 2.0  # stopped, not read to the end
    assert store.open_round() is not None and not store.output_path(1).exists()
    assert list((run_dir / "rounds").glob(".*.tmp")) == []


def test_a_copy_left_by_a_kill_is_removed_by_the_next_session(tmp_path: Path) -> None:
    corpus, run_dir, _ = _waiting_round(tmp_path)
    left = run_dir / "rounds" / ".round-001.output.jsonl.0123456789ab.tmp"
    left.write_text("half a copy", encoding="utf-8")
    assert main(_args(corpus, run_dir)) == AWAITING
    assert not left.exists()


def test_a_directory_given_to_ingest_is_an_input_error(tmp_path: Path) -> None:
    corpus, run_dir, _ = _waiting_round(tmp_path)
    assert main([*_args(corpus, run_dir), "--ingest", str(tmp_path)]) == 3
