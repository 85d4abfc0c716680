"""The OpenAI batch file format: request lines in, output lines out (the same format vLLM's `run-batch`
reads and writes).

A request file holds one JSON object per line (the API reference's "request input object"):
`{"custom_id": ..., "method": "POST", "url": "/v1/chat/completions", "body": {...}}`, where `body` is
the chat-completion request exactly as it would be sent live, `custom_id` is unique in the file (at
most 64 characters), every body names the same model, and a file holds at most 50,000 requests and
200 MB. Every file written here is checked line by line against that format first
(`check_request_file`).

An output (or error) file line is `{"id", "custom_id", "response": {"status_code", "request_id",
"body"}, "error"}`: `response.body` is the chat completion when `status_code` is 200; `response` is
null with an `error` {code, message} for a request the batch did not run (`batch_expired`,
`batch_cancelled`, `request_timeout`); vLLM writes a failed request as a 400 with an `error` text.
`answer_of` turns each line into the HTTP answer the live server would have given.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from counterclaim.errors import InputError, RunFolderError
from counterclaim.io.jsonl_rows import file_lines, first_validation_error, json_line_bytes

CHAT_COMPLETIONS_URL: Literal["/v1/chat/completions"] = "/v1/chat/completions"
MAX_CUSTOM_ID_CHARS = 64
MAX_REQUESTS_PER_FILE = 50_000
MAX_FILE_BYTES = 200 * 1024 * 1024
CUSTOM_ID_PREFIX = "cc-"
NOT_RUN_STATUS = 503
"""The HTTP status given to a request a batch did not run (expired, cancelled, no line for it): a
transient failure, so the request is asked again in the next round (within `--max-retries`)."""


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[Any] | None


class ChatRequestBody(BaseModel):
    """The parts of a chat-completion request body the line format needs (the rest passes as it is)."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(min_length=1)
    messages: list[ChatMessage] = Field(min_length=1)
    stream: Literal[False] | None = None


class BatchRequestLine(BaseModel):
    """One line of a request file, as the Batch API documents it."""

    model_config = ConfigDict(extra="forbid")

    custom_id: str = Field(min_length=1, max_length=MAX_CUSTOM_ID_CHARS)
    method: Literal["POST"]
    url: Literal["/v1/chat/completions"]
    body: ChatRequestBody


class BatchResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    status_code: int
    request_id: str | None = None
    body: dict[str, Any] | None = None


class BatchOutputLine(BaseModel):
    """One line of an output or error file."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    custom_id: str = Field(min_length=1)
    response: BatchResponse | None = None
    error: Any = None


@dataclass(frozen=True)
class Answer:
    """The HTTP answer a request gets: a status and a JSON body."""

    status: int
    body: dict[str, Any]

    @property
    def succeeded(self) -> bool:
        return self.status == 200


def custom_id_for(body: dict[str, Any]) -> str:
    """The request's id in batch files: a hash of its canonical JSON body, so the same request always
    has the same id (an answer found in any earlier round's output fits it) and identical requests of
    two articles are asked once."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return CUSTOM_ID_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:40]


def request_line(body: dict[str, Any]) -> BatchRequestLine:
    """The batch line of a chat-completion request body."""
    return BatchRequestLine.model_validate(
        {"custom_id": custom_id_for(body), "method": "POST", "url": CHAT_COMPLETIONS_URL, "body": body}
    )


def request_file(lines: Sequence[BatchRequestLine]) -> bytes:
    """The file of one batch of these lines, checked against the line format and the file's limits
    (`check_request_file`)."""
    data = round_request_file(lines)
    check_request_file(data)
    return data


def round_request_file(lines: Iterable[BatchRequestLine]) -> bytes:
    """The request file of a round: the lines of any number of batches, each checked against the line
    format (`checked_request_lines`); `split_for_upload` cuts it into batches that fit the limits."""
    content = "".join(_line_text(line) + "\n" for line in lines)
    data = content.encode("utf-8")
    for _ in checked_request_lines(json_line_bytes(data)):
        pass
    return data


def _line_text(line: BatchRequestLine) -> str:
    return json.dumps(line.model_dump(mode="json", exclude_none=True))


def check_request_file(data: bytes) -> list[BatchRequestLine]:
    """The lines of the request file of one batch, each checked against the documented line format,
    with the file's own rules: unique custom ids, one model, at most `MAX_REQUESTS_PER_FILE` lines and
    `MAX_FILE_BYTES`. Raises ValueError naming the first line that breaks one (a bug: this module
    writes the files)."""
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"a batch file holds at most {MAX_FILE_BYTES:,} bytes, not {len(data):,}")
    lines = list(checked_request_lines(json_line_bytes(data)))
    if len(lines) > MAX_REQUESTS_PER_FILE:
        raise ValueError(f"a batch file holds at most {MAX_REQUESTS_PER_FILE:,} requests, not {len(lines):,}")
    return lines


def checked_request_lines(raw_lines: Iterable[bytes]) -> Iterator[BatchRequestLine]:
    """Each line checked against the line format as it comes, with unique custom ids and one model.
    Raises ValueError naming the first line that is not so."""
    seen: set[str] = set()
    model: str | None = None
    for number, raw in enumerate(raw_lines, start=1):
        try:
            line = BatchRequestLine.model_validate_json(raw)
        except ValidationError as error:
            raise ValueError(
                f"line {number}: not a batch request line ({first_validation_error(error)})"
            ) from None
        if line.custom_id in seen:
            raise ValueError(f"line {number}: custom_id {line.custom_id!r} appears twice")
        if model is not None and line.body.model != model:
            raise ValueError(f"line {number}: model {line.body.model!r}, not {model!r} as line 1")
        seen.add(line.custom_id)
        model = line.body.model
        yield line


def split_for_upload(lines: Iterable[BatchRequestLine]) -> list[tuple[int, int]]:
    """(first line, number of lines) of each part of a round's lines that fits one batch (request and
    byte limits), in order."""
    parts: list[tuple[int, int]] = []
    first = count = size = 0
    for number, line in enumerate(lines):
        length = len(_line_text(line).encode("utf-8")) + 1
        if count and (count >= MAX_REQUESTS_PER_FILE or size + length > MAX_FILE_BYTES):
            parts.append((first, count))
            first, count, size = number, 0, 0
        count += 1
        size += length
    if count:
        parts.append((first, count))
    return parts


@dataclass(frozen=True)
class OutputLineAt:
    """An output or error line, and where it is in its file."""

    offset: int
    length: int
    raw: bytes
    line: BatchOutputLine


def output_lines(file: BinaryIO, source: str) -> Iterator[OutputLineAt]:
    """The output or error lines of a file (blank lines skipped), read one at a time. Raises InputError
    naming the line that is not one, or when the file cannot be read."""
    try:
        for number, offset, raw in _filled_lines(file):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InputError(f"{source}: not valid UTF-8 at byte {offset + error.start}") from error
            try:
                line = BatchOutputLine.model_validate_json(text)
            except ValidationError as error:
                raise InputError(
                    f"{source}:{number}: not a batch output line ({first_validation_error(error)})"
                ) from None
            yield OutputLineAt(offset, len(raw), raw, line)
    except OSError as error:
        raise InputError(f"cannot read {source}: {error.strerror or error}") from error


def _filled_lines(file: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line) of every line of an output or error file that is not blank,
    a byte order mark before the first left out."""
    for number, (offset, raw) in enumerate(file_lines(file), start=1):
        if offset == 0 and raw.startswith(_BOM):
            offset, raw = len(_BOM), raw[len(_BOM) :]
        if raw.strip():
            yield number, offset, raw


_BOM = b"\xef\xbb\xbf"


@dataclass
class UsableOutputLines:
    """The lines of an output or error file the Batch API sent that are batch output lines, read one at
    a time as this is iterated; `dropped` counts the others. A request whose line is dropped has no
    answer, and is asked again as a missing one (one bad line used to stop the run for good, every
    session failing on the same downloaded file). Each line is decoded strictly: a line of bad UTF-8
    is dropped, never changed."""

    file: BinaryIO
    source: str
    dropped: int = 0

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._usable()
        except OSError as error:  # a read error, not one of the file the lines are written to
            raise RunFolderError(f"cannot read {self.source}: {error.strerror or error}") from error

    def _usable(self) -> Iterator[bytes]:
        for _, _, piece in _filled_lines(self.file):
            try:
                piece.decode("utf-8")
                BatchOutputLine.model_validate_json(piece)
            except (UnicodeDecodeError, ValidationError):
                self.dropped += 1
                continue
            yield piece


@dataclass(frozen=True)
class AnswerOnDisk:
    """A success answer left in its file (`length` bytes at `offset` of `path`) until a request asks
    for it: a run's answers are read when replayed, not all held in memory."""

    path: Path
    offset: int
    length: int

    @property
    def succeeded(self) -> bool:
        return True

    def load(self) -> Answer:
        """The answer, read again from its file. Raises RunFolderError when the line is gone."""
        try:
            with self.path.open("rb") as file:
                file.seek(self.offset)
                raw = file.read(self.length)
            return answer_of(BatchOutputLine.model_validate_json(raw))
        except OSError as error:
            raise RunFolderError(f"cannot read {self.path}: {error.strerror or error}") from error
        except ValidationError as error:
            raise RunFolderError(
                f"{self.path}: the answer at byte {self.offset} is no longer a batch output line "
                f"({first_validation_error(error)}); was the file changed during the run?"
            ) from None


KeptAnswer = Answer | AnswerOnDisk
"""An answer in memory, or a success answer to read from its file when asked for."""


def answer_of(line: BatchOutputLine) -> Answer:
    """The HTTP answer an output or error line stands for."""
    response = line.response
    if response is not None and response.status_code == 200 and response.body is not None:
        return Answer(200, response.body)
    message, code = _error_text(line.error)
    if response is not None:
        body = response.body or {"error": {"message": message or "the request failed", "code": code}}
        return Answer(response.status_code, body)
    return not_run(
        f"the batch did not run this request ({code or 'no code'}): {message or 'no message'}", code
    )


def not_run(message: str, code: str | None = "no_answer") -> Answer:
    """The answer of a request a batch did not run (see `NOT_RUN_STATUS`)."""
    return Answer(NOT_RUN_STATUS, {"error": {"message": message, "code": code, "type": "batch_not_run"}})


def usage_of(lines: Iterable[BatchOutputLine]) -> tuple[int, int]:
    """(prompt, completion) tokens the answered requests of these lines report."""
    prompt = completion = 0
    for line in lines:
        body = line.response.body if line.response is not None else None
        usage = body.get("usage") if isinstance(body, dict) else None
        if isinstance(usage, dict):
            prompt += _whole(usage.get("prompt_tokens"))
            completion += _whole(usage.get("completion_tokens"))
    return prompt, completion


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _error_text(error: Any) -> tuple[str | None, str | None]:
    """(message, code) of a line's `error`: an object (OpenAI, vLLM's ErrorResponse) or a text (vLLM)."""
    if isinstance(error, str):
        return error, None
    if isinstance(error, dict):
        nested = error.get("error")
        inner: dict[str, Any] = nested if isinstance(nested, dict) else error
        message = inner.get("message")
        code = inner.get("code")
        return (str(message) if message is not None else None, str(code) if code is not None else None)
    return None, None
