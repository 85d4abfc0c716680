"""The rounds of a batch run, on disk (`DIR/rounds/`): each round's request file, its state, and the
answer files it got back. Everything an interrupted run needs to go on without paying twice.

    round-003.requests.jsonl        the round's requests (batch line format, checked line by line)
    round-003.json                  RoundRecord: state, and per part the file, batch and answer ids
    round-003.part-1.output.jsonl   a batch's output file (--via batch-api), and .errors.jsonl
    round-003.output.jsonl          the engine's output file, as ingested (--via files)

Every file is written atomically. A round is `written` (files: waiting for its output file; batch API:
not yet submitted), `submitted` (batch API: parts uploaded or created), then `collected` (its answers
are on disk). A request a collected round holds no answer for counts as not run (`batch_lines.not_run`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from counterclaim.corpus.batch_lines import (
    Answer,
    AnswerOnDisk,
    BatchRequestLine,
    KeptAnswer,
    OutputLineAt,
    UsableOutputLines,
    answer_of,
    checked_request_lines,
    not_run,
    output_lines,
    round_request_file,
    split_for_upload,
    usage_of,
)
from counterclaim.corpus.run_records import Via
from counterclaim.errors import InputError, RunFolderError
from counterclaim.io.jsonl_rows import file_lines, first_validation_error
from counterclaim.io.output_file import write_output, write_output_lines

_RECORD_NAME = re.compile(r"round-(\d{3,})\.json")
RoundState = Literal["written", "submitted", "collected"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BatchPart(_Record):
    """A slice of a round sent as one batch (a round over the Batch API's limits is sent in parts)."""

    index: int = Field(ge=1)
    first_line: int = Field(ge=0, description="0-based index of the part's first line in the round file.")
    requests: int = Field(ge=1)
    input_file_id: str | None = None
    batch_id: str | None = None
    status: str | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: list[str] = Field(default_factory=list, description="Why the batch failed as a whole.")
    dropped_lines: list[str] = Field(
        default_factory=list,
        description="Lines of its downloaded files that were no batch output lines, left out (their "
        "requests are asked again, as missing ones).",
    )
    collected: bool = False


class RoundRecord(_Record):
    number: int = Field(ge=1)
    via: Via
    created_at: datetime
    requests: int = Field(ge=1)
    state: RoundState
    parts: list[BatchPart] = Field(default_factory=list)
    ingested_from: str | None = Field(default=None, description="The output file given with --ingest.")


class RoundStore:
    """The `rounds/` folder of a run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._billed: dict[int, tuple[int, int]] = {}
        """Tokens of each collected round (its files no longer change), read once."""

    # --- names ---------------------------------------------------------------------------------------

    def requests_path(self, number: int) -> Path:
        return self.folder / f"round-{number:03d}.requests.jsonl"

    def record_path(self, number: int) -> Path:
        return self.folder / f"round-{number:03d}.json"

    def output_path(self, number: int, part: int | None = None, kind: str = "output") -> Path:
        middle = f".part-{part}" if part is not None else ""
        return self.folder / f"round-{number:03d}{middle}.{kind}.jsonl"

    # --- records -------------------------------------------------------------------------------------

    def rounds(self) -> list[RoundRecord]:
        """Every round, in order."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _RECORD_NAME.fullmatch(path.name)
            if match is None:
                continue
            try:
                found.append(RoundRecord.model_validate_json(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                raise RunFolderError(f"cannot read {path}: {error}") from error
            except ValidationError as error:
                raise RunFolderError(
                    f"{path}: not a round record ({first_validation_error(error)})"
                ) from error
        return sorted(found, key=lambda r: r.number)

    def open_round(self) -> RoundRecord | None:
        """The latest round not yet collected, if any."""
        rounds = self.rounds()
        return rounds[-1] if rounds and rounds[-1].state != "collected" else None

    def new_round(self, lines: Sequence[BatchRequestLine], via: Via) -> RoundRecord:
        """Write a new round's request file (checked line by line) and its record."""
        rounds = self.rounds()
        number = rounds[-1].number + 1 if rounds else 1
        self.folder.mkdir(parents=True, exist_ok=True)
        write_output(str(self.requests_path(number)), round_request_file(lines).decode("utf-8"), force=True)
        record = RoundRecord(
            number=number, via=via, created_at=datetime.now(UTC), requests=len(lines), state="written"
        )
        self.save(record)
        return record

    def save(self, record: RoundRecord) -> None:
        write_output(
            str(self.record_path(record.number)), record.model_dump_json(indent=2) + "\n", force=True
        )

    def request_ids(self, record: RoundRecord) -> list[str]:
        """The custom ids of the round's requests, in file order."""
        return [line.custom_id for line in self._request_lines(record)]

    def request_lines(self, record: RoundRecord, first: int, count: int) -> list[BatchRequestLine]:
        """`count` request lines of the round from its line `first` (0-based): one batch's part."""
        return list(itertools.islice(self._request_lines(record), first, first + count))

    def upload_parts(self, record: RoundRecord) -> list[tuple[int, int]]:
        """(first line, number of lines) of each part of the round that fits one batch."""
        return split_for_upload(self._request_lines(record))

    def _request_lines(self, record: RoundRecord) -> Iterator[BatchRequestLine]:
        """The round's request lines, read and checked one at a time (a round's file has no size limit;
        each batch sent of it has)."""
        path = self.requests_path(record.number)
        try:
            with path.open("rb") as file:
                yield from checked_request_lines(raw for _, raw in file_lines(file))
        except OSError as error:
            raise RunFolderError(f"cannot read {path}: {error.strerror or error}") from error
        except ValueError as error:
            raise RunFolderError(f"{path}: {error}") from error

    def write_answers(self, path: Path, lines: Iterable[bytes]) -> None:
        """Keep an engine's answer file, line by line as it is read (checked to be output lines first)."""
        write_output_lines(str(path), lines, force=True)

    def write_usable_answers(self, path: Path, downloaded: Path) -> int:
        """Keep the usable lines of an answer file the Batch API sent (`UsableOutputLines`), read a line
        at a time from where it was downloaded; return how many were dropped."""
        try:
            with downloaded.open("rb") as file:
                lines = UsableOutputLines(file, str(downloaded))
                write_output_lines(str(path), lines, force=True)
        except OSError as error:
            raise RunFolderError(f"cannot read {downloaded}: {error.strerror or error}") from error
        return lines.dropped

    # --- answers -------------------------------------------------------------------------------------

    def answer_lines(self, record: RoundRecord) -> Iterator[tuple[Path, OutputLineAt]]:
        """The output and error lines a collected round got back, in file order, read one at a time."""
        paths = (
            [self.output_path(record.number)]
            if record.via == "files"
            else [
                self.output_path(record.number, part.index, kind)
                for part in record.parts
                for kind in ("output", "errors")
            ]
        )
        for path in paths:
            if path.is_file():
                try:
                    with path.open("rb") as file:
                        for line in output_lines(file, str(path)):
                            yield path, line
                except OSError as error:
                    raise RunFolderError(f"cannot read {path}: {error.strerror or error}") from error
                except InputError as error:
                    raise RunFolderError(error.message) from error

    def answers(self, record: RoundRecord) -> dict[str, KeptAnswer]:
        """The answer of every request of a collected round (see the module docstring); a success stays
        in its file until it is asked for (`AnswerOnDisk`)."""
        requests = self.request_ids(record)
        answers: dict[str, KeptAnswer] = {}
        for part in record.parts:
            if part.errors:
                refused = Answer(
                    400,
                    {
                        "error": {
                            "message": "the Batch API refused the request file: " + "; ".join(part.errors)
                        }
                    },
                )
                for custom_id in requests[part.first_line : part.first_line + part.requests]:
                    answers[custom_id] = refused
        known = set(requests)
        for path, output in self.answer_lines(record):
            custom_id = output.line.custom_id
            if custom_id in known and custom_id not in answers:
                answer = answer_of(output.line)
                answers[custom_id] = (
                    AnswerOnDisk(path, output.offset, output.length) if answer.succeeded else answer
                )
        missing = (
            "the output file has no line for this request"
            if record.via == "files"
            else ("the batch returned no answer for this request")
        )
        for custom_id in requests:
            answers.setdefault(custom_id, not_run(missing))
        return answers

    def billed_tokens(self) -> tuple[int, int]:
        """(prompt, completion) tokens of the answers the Batch API returned for the requests of its
        collected rounds: rounds an offline engine answered (`--via files`) cost nothing there, and a
        line for no request of its round is no answer of this run."""
        prompt = completion = 0
        for record in self.rounds():
            if record.state == "collected" and record.via == "batch-api":
                if record.number not in self._billed:
                    asked = set(self.request_ids(record))
                    lines = (out.line for _, out in self.answer_lines(record))
                    self._billed[record.number] = usage_of(line for line in lines if line.custom_id in asked)
                more = self._billed[record.number]
                prompt, completion = prompt + more[0], completion + more[1]
        return prompt, completion
