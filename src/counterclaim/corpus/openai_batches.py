"""Rounds through the OpenAI Batch API (`--via batch-api`): each round's requests go out as one
Batch input file (split in parts over the API's limits), are submitted, polled with backoff, and
collected; every step is saved in the round's record before the next, so a run stopped at any point
goes on where it was instead of paying again:

- a part whose file was uploaded is not uploaded again;
- a part whose batch was created is polled, not created again; when the run stopped between creating
  the batch and saving its id, the batch is found again among the account's batches by its input
  file before any new one is created;
- a collected part's output and error files are on disk, and are not downloaded again.

The Files and Batches endpoints are called through the `openai` client (its own retries, bounded by
`--max-retries`, cover the calls that manage batches); their failures are `ProviderError`s.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx2
import openai
from openai.types import Batch

from counterclaim.config import OPENAI_BASE_URL, Settings
from counterclaim.corpus.batch_lines import (
    CHAT_COMPLETIONS_URL,
    BatchRequestLine,
    KeptAnswer,
    request_file,
)
from counterclaim.corpus.round_store import BatchPart, RoundRecord, RoundStore
from counterclaim.errors import OutputError, ProviderError, RunFolderError
from counterclaim.llm.response_cache import public_address
from counterclaim.llm.retry import Sleep
from counterclaim.redaction import Redactor

TERMINAL_STATUSES = frozenset({"completed", "failed", "expired", "cancelled"})
COMPLETION_WINDOW: Literal["24h"] = "24h"
LISTED_BATCHES = 100
"""How many of the account's latest batches are searched for one created before a run stopped."""


@dataclass(frozen=True)
class PollSchedule:
    """How long to wait between two looks at a batch: `first_wait` seconds, then `factor` times longer
    each time, never more than `longest_wait`."""

    first_wait: float = 10.0
    factor: float = 1.5
    longest_wait: float = 300.0

    def waits(self) -> Iterator[float]:
        wait = self.first_wait
        while True:
            yield wait
            wait = min(self.longest_wait, wait * self.factor)


class BatchApi:
    """The Files and Batches endpoints of an OpenAI(-compatible) server."""

    def __init__(self, settings: Settings, *, http_client: httpx2.AsyncClient | None = None) -> None:
        url = settings.base_url or OPENAI_BASE_URL
        self.where = public_address(url, with_path=False)
        self.redactor = Redactor.from_settings(settings)
        self._client = openai.AsyncOpenAI(
            api_key=settings.api_key_value or "no-key-needed",
            base_url=url,
            max_retries=settings.max_retries,
            timeout=settings.request_timeout,
            http_client=http_client,
        )

    async def upload(self, name: str, content: bytes) -> str:
        """Upload a Batch input file; its file id."""
        try:
            uploaded = await self._client.files.create(
                file=(name, content, "application/jsonl"), purpose="batch"
            )
        except openai.OpenAIError as error:
            raise self._failure("uploading a request file", error) from error
        return uploaded.id

    async def create(self, input_file_id: str, metadata: dict[str, str]) -> Batch:
        try:
            return await self._client.batches.create(
                input_file_id=input_file_id,
                endpoint=CHAT_COMPLETIONS_URL,
                completion_window=COMPLETION_WINDOW,
                metadata=metadata,
            )
        except openai.OpenAIError as error:
            raise self._failure("creating a batch", error) from error

    async def retrieve(self, batch_id: str) -> Batch:
        try:
            return await self._client.batches.retrieve(batch_id)
        except openai.OpenAIError as error:
            raise self._failure(f"looking at batch {batch_id}", error) from error

    async def find(self, input_file_id: str) -> Batch | None:
        """The batch made from this input file among the account's latest batches, if any."""
        try:
            page = await self._client.batches.list(limit=LISTED_BATCHES)
        except openai.OpenAIError as error:
            raise self._failure("listing batches", error) from error
        return next((batch for batch in page.data if batch.input_file_id == input_file_id), None)

    async def download(self, file_id: str, path: Path) -> None:
        """Write the file's content to `path`, piece by piece as it arrives (an output file of a large
        batch is not held in memory)."""
        try:
            async with self._client.files.with_streaming_response.content(file_id) as response:
                with path.open("wb") as file:
                    async for piece in response.iter_bytes():
                        file.write(piece)
        except openai.OpenAIError as error:
            raise self._failure(f"downloading file {file_id}", error) from error
        except httpx2.HTTPError as error:  # read after openai's own wrapping: a download cut short
            message = f"the Batch API at {self.where} broke off while downloading file {file_id}"
            raise ProviderError(self.redactor.redact(f"{message} ({type(error).__name__})")) from error
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error

    async def aclose(self) -> None:
        await self._client.close()

    def _failure(self, doing: str, error: openai.OpenAIError) -> ProviderError:
        if isinstance(error, openai.AuthenticationError):
            what = "rejected the API key (401)"
        elif isinstance(error, openai.APIStatusError):
            what = f"answered {error.status_code}: {error.message[:200]}"
        elif isinstance(error, openai.APIConnectionError):
            what = "could not be reached"
        else:
            what = f"failed: {error}"
        message = " ".join(f"the Batch API at {self.where} {what} while {doing}".split())
        return ProviderError(self.redactor.redact(message))


class BatchApiRounds:
    """A `RoundBackend`: every round is one Batch (or one per part) on the Batch API."""

    def __init__(
        self,
        store: RoundStore,
        api: BatchApi,
        *,
        run_name: str,
        schedule: PollSchedule = PollSchedule(),
        sleep: Sleep = asyncio.sleep,
        report: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.store = store
        self.api = api
        self.run_name = run_name
        self.schedule = schedule
        self.sleep = sleep
        self.report = report

    async def answer(self, requests: Sequence[BatchRequestLine]) -> dict[str, KeptAnswer]:
        """Go on with the round an earlier session left open, else send these requests as a new one;
        the answers of that round (what it did not run comes back as `not_run`)."""
        record = self.store.open_round()
        if record is not None and record.via != "batch-api":  # its answers come from an --ingest file
            raise RunFolderError(
                f"round {record.number} of this run was written for --via {record.via} and waits for its "
                f"answers; continue the run with --via {record.via} until it is collected"
            )
        if record is not None:
            self.report(f"round {record.number}: going on with its batch(es) from an earlier session")
        else:
            record = self.store.new_round(requests, via="batch-api")
        if not record.parts:
            record = self._planned(record)
        for part in record.parts:
            record = await self._submit(record, part)
        record = record.model_copy(update={"state": "submitted"})
        self.store.save(record)
        for part in record.parts:
            record = await self._wait(record, _part(record, part.index))
        for part in record.parts:
            record = await self._collect(record, _part(record, part.index))
        record = record.model_copy(update={"state": "collected"})
        self.store.save(record)
        return self.store.answers(record)

    def _planned(self, record: RoundRecord) -> RoundRecord:
        parts = [
            BatchPart(index=index, first_line=first, requests=count)
            for index, (first, count) in enumerate(self.store.upload_parts(record), start=1)
        ]
        record = record.model_copy(update={"parts": parts})
        self.store.save(record)
        return record

    async def _submit(self, record: RoundRecord, part: BatchPart) -> RoundRecord:
        if part.batch_id is not None:
            return record
        if part.input_file_id is None:
            chunk = self.store.request_lines(record, part.first_line, part.requests)
            name = f"{self.store.requests_path(record.number).stem}.part-{part.index}.jsonl"
            file_id = await self.api.upload(name, request_file(chunk))
            record = self._saved(record, part.model_copy(update={"input_file_id": file_id}))
            part = _part(record, part.index)
        assert part.input_file_id is not None
        batch = await self.api.find(part.input_file_id)
        if batch is None:
            batch = await self.api.create(
                part.input_file_id,
                {
                    "counterclaim_run": self.run_name[:512],
                    "counterclaim_round": str(record.number),
                    "counterclaim_part": str(part.index),
                },
            )
        self.report(f"round {record.number}: {part.requests} request(s) sent as batch {batch.id}")
        return self._saved(record, part.model_copy(update={"batch_id": batch.id, "status": batch.status}))

    async def _wait(self, record: RoundRecord, part: BatchPart) -> RoundRecord:
        assert part.batch_id is not None
        if part.collected:
            return record
        waits = self.schedule.waits()
        seen = part.status
        while True:
            batch = await self.api.retrieve(part.batch_id)
            if batch.status != seen:
                seen = batch.status
                counts = batch.request_counts
                done = f" ({counts.completed}/{counts.total} done)" if counts is not None else ""
                self.report(f"round {record.number}: batch {batch.id} {batch.status}{done}")
            if batch.status in TERMINAL_STATUSES:  # saved once it ends: its answer files are known
                update = {
                    "status": batch.status,
                    "output_file_id": batch.output_file_id,
                    "error_file_id": batch.error_file_id,
                    "errors": _refusals(batch),
                }
                return self._saved(record, part.model_copy(update=update))
            await self.sleep(next(waits))

    async def _collect(self, record: RoundRecord, part: BatchPart) -> RoundRecord:
        if part.collected:
            return record
        dropped: list[str] = []
        for file_id, kind in ((part.output_file_id, "output"), (part.error_file_id, "errors")):
            if file_id:
                path = self.store.output_path(record.number, part.index, kind)
                downloaded = path.with_name(f".{path.name}.download.tmp")  # removed by a later session
                try:
                    await self.api.download(file_id, downloaded)
                    count = self.store.write_usable_answers(path, downloaded)
                finally:
                    downloaded.unlink(missing_ok=True)
                if count:  # their requests have no answer, and are asked again
                    dropped.append(f"{count} line(s) of {kind} file {file_id} were no batch output lines")
        update = {"collected": True, "dropped_lines": dropped}
        return self._saved(record, part.model_copy(update=update))

    def _saved(self, record: RoundRecord, part: BatchPart) -> RoundRecord:
        parts = [part if p.index == part.index else p for p in record.parts]
        record = record.model_copy(update={"parts": parts})
        self.store.save(record)
        return record


def _part(record: RoundRecord, index: int) -> BatchPart:
    return next(p for p in record.parts if p.index == index)


def _refusals(batch: Batch) -> list[str]:
    """Why a failed batch was refused as a whole (its input file did not validate); empty otherwise."""
    if batch.status != "failed":
        return []
    found = batch.errors.data or [] if batch.errors is not None else []
    reasons = [f"line {e.line}: {e.code}: {e.message}" if e.line else f"{e.code}: {e.message}" for e in found]
    return reasons or ["the batch failed without saying why"]
