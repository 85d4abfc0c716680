"""Rounds through an offline engine (`--via files`): each round's requests are written as one request
file in the OpenAI batch format, and the run stops (`AwaitingAnswers`) until the engine's output file
is given back with `--ingest`; vLLM's `run-batch` reads and writes exactly these files:

    vllm run-batch -i DIR/rounds/round-001.requests.jsonl -o round-001.output.jsonl --model MODEL

The run then goes on from where it stopped (every earlier answer is replayed from the rounds on disk)
to its next round, until every article is done.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import shlex
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from counterclaim.corpus.batch_lines import BatchRequestLine, KeptAnswer, output_lines
from counterclaim.corpus.round_store import RoundRecord, RoundStore
from counterclaim.errors import AwaitingAnswers, CounterclaimError, InputError, OutputError, RunFolderError
from counterclaim.io.regular_files import opened_regular_file


class OfflineFileRounds:
    """A `RoundBackend` that writes the round's request file and stops the run."""

    def __init__(self, store: RoundStore, *, model: str) -> None:
        self.store = store
        self.model = model

    async def answer(self, requests: Sequence[BatchRequestLine]) -> dict[str, KeptAnswer]:
        record = self.store.open_round()
        if record is not None and record.via != "files":  # sent to the Batch API (and paid for)
            raise RunFolderError(
                f"round {record.number} of this run was sent with --via {record.via} and is still open; "
                f"continue the run with --via {record.via} until it is collected"
            )
        record = record or self.store.new_round(requests, via="files")
        path = self.store.requests_path(record.number)
        output = f"round-{record.number:03d}.output.jsonl"
        raise AwaitingAnswers(
            f"round {record.number}: {record.requests} request(s) written to {path}; answer them with "
            f"`vllm run-batch -i {shlex.quote(str(path))} -o {output} --model {shlex.quote(self.model)}` "
            f"(or any engine that reads the OpenAI batch format), then run this command again with "
            f"--ingest {output}",
            request_file=str(path),
            requests=record.requests,
        )


def ingest(
    store: RoundStore, output_file: Path, *, stop: threading.Event | None = None
) -> tuple[RoundRecord, int, int]:
    """Keep an engine's output file as the answers of the round waiting for them; return the round,
    how many of its requests the file answers, and how many lines it has for no request of it.

    The file is read, checked and kept a line at a time; only the first line of each of the round's
    requests is kept (the one its answer is read from). With `stop` set, the reading stops at the next
    line and nothing is kept (`IngestStopped`).

    Raises RunFolderError when no round waits for answers, InputError when the file cannot be read,
    is not batch output lines, or answers none of the round's requests (the output of another file).
    """
    record = store.open_round()
    if record is None or record.via != "files":
        raise RunFolderError("nothing to ingest: no request file of this run is waiting for answers")
    asked = set(store.request_ids(record))
    seen: set[str] = set()
    answered = strangers = 0

    def kept_lines(file: BinaryIO) -> Iterator[bytes]:
        nonlocal answered, strangers
        for output in output_lines(file, str(output_file)):
            if stop is not None and stop.is_set():
                raise IngestStopped
            custom_id = output.line.custom_id
            if custom_id not in asked:
                strangers += 1
            elif custom_id not in seen:  # the first line of a request is its answer (`answers`)
                seen.add(custom_id)
                answered += output.line.response is not None or output.line.error is not None
                yield output.raw

    kept = store.output_path(record.number)
    # The copy is made beside the kept path and moved there once it answers something: an engine may
    # have written its own output at the kept path, which a refused file must not replace.
    staged = kept.with_name(f".{kept.name}.ingest.tmp")  # a kill leaves it to the next session's sweep
    with opened_regular_file(str(output_file), what="engine output file") as file:  # no pipe
        same = _same_file(file, kept)
        if same:  # the engine wrote into the run folder: nothing to copy
            for _ in kept_lines(file):
                pass
        else:
            store.write_answers(staged, kept_lines(file))  # read, checked and kept a line at a time
    if not same:
        if not answered:
            staged.unlink(missing_ok=True)
        else:
            try:
                os.replace(staged, kept)
            except OSError as error:
                staged.unlink(missing_ok=True)
                raise OutputError(f"cannot keep the answers at {kept}: {error.strerror or error}") from error
    if not answered:  # a request file given by mistake has the ids but no response or error
        raise InputError(
            f"{output_file} answers none of the {record.requests} request(s) of "
            f"{store.requests_path(record.number)}: is it the output of that file (not the file itself)?"
        )
    record = record.model_copy(update={"state": "collected", "ingested_from": str(output_file)})
    store.save(record)
    return record, answered, strangers


class IngestStopped(Exception):
    """`ingest` was told to stop (the run was interrupted while it read)."""


async def ingest_until_cancelled(store: RoundStore, output_file: Path) -> tuple[RoundRecord, int, int]:
    """`ingest` in a worker thread, stopped at its next line when the calling task is cancelled (Ctrl-C,
    SIGTERM): a long file is not read to its end first, and its partial copy is removed before the
    cancellation goes on (the round still waits for its answers)."""
    stop = threading.Event()
    reading = asyncio.get_running_loop().run_in_executor(
        None, functools.partial(ingest, store, output_file, stop=stop)
    )
    try:
        return await asyncio.shield(reading)
    except asyncio.CancelledError:
        stop.set()
        with contextlib.suppress(IngestStopped, CounterclaimError):
            await reading
        raise


def _same_file(file: BinaryIO, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(file.fileno()), os.stat(path))
    except OSError:
        return False
