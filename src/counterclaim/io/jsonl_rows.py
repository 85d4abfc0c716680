"""Rows of a JSONL file written one at a time, so a run stopped at any moment loses at most the row
being written: appending a whole line with one write and an fsync, and reading the rows back with a
cut-off last line dropped instead of refused."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from counterclaim.errors import CounterclaimError, OutputError

Row = TypeVar("Row", bound=BaseModel)


@dataclass(frozen=True)
class LoadedRows(Generic[Row]):
    """The rows of a file, and what was dropped (None: nothing)."""

    rows: list[Row]
    dropped_line_notice: str | None = None


def append_line(path: Path, line: str) -> None:
    """Append `line` and a newline to `path` (created if missing) with one write, then fsync, so the
    line is on disk before the caller counts it done. Raises OutputError when it cannot."""
    data = (line + "\n").encode("utf-8")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    finally:
        os.close(descriptor)


def read_rows(
    path: Path,
    model: type[Row],
    *,
    what: str,
    error: type[CounterclaimError],
    drop_partial_last_line: bool = True,
) -> LoadedRows[Row]:
    """The rows of `path` (`model` per non-blank line; a missing file has none), all in memory: see
    `RowReader` for the rules, and for reading a large file a row at a time."""
    reader = RowReader(path, model, what=what, error=error, drop_partial_last_line=drop_partial_last_line)
    return LoadedRows(rows=list(reader), dropped_line_notice=reader.dropped_line_notice)


@dataclass
class RowReader(Generic[Row]):
    """The rows of `path` (`model` per non-blank line; a missing file has none), read one at a time as
    the reader is iterated: a run's file of any size in the memory of one row.

    With `drop_partial_last_line`, a last line that is not a row and has no line end (a run killed
    while appending it, even inside a character) is dropped: `dropped_line_notice` says so and
    `partial_line_offset` is where it begins. Any other line that is not a row raises `error` naming
    the file and line; `what` names a row in that message ("an eval sample").
    """

    path: Path
    model: type[Row]
    what: str
    error: type[CounterclaimError]
    drop_partial_last_line: bool = True
    dropped_line_notice: str | None = None
    partial_line_offset: int | None = None

    def __iter__(self) -> Iterator[Row]:
        try:
            file = self.path.open("rb")
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self.error(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        with file:
            try:
                yield from self._rows(file)
            except OSError as exc:
                raise self.error(f"cannot read {self.path}: {exc.strerror or exc}") from exc

    def _rows(self, file: BinaryIO) -> Iterator[Row]:
        lines = file_lines(file)
        for number, (offset, line) in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = self.model.model_validate_json(line)
            except ValidationError as exc:
                last = next(lines, None) is None
                if self.drop_partial_last_line and last and offset + len(line) == file.tell():
                    self.partial_line_offset = offset
                    self.dropped_line_notice = (
                        f"{self.path.name}:{number}: dropped a partial last line ({len(line)} bytes, cut "
                        "off while it was written); its article is analysed again"
                    )
                    return
                raise self.error(
                    f"{self.path}:{number}: not {self.what} ({first_validation_error(exc)})"
                ) from exc
            yield row


def json_lines(text: str) -> list[str]:
    """The lines of a JSONL text, split at LF, CR LF or a lone CR (a JSON string holds none of them
    unescaped; JSON Lines itself allows LF and CR LF, and a lone CR is read as a line end too). A
    string may hold U+2028, U+2029, U+0085 or a form feed unescaped, at which `str.splitlines` would
    cut a record in two: a run's own rows could not be read back. No empty line after the last line
    end."""
    lines = _LINE_END.split(text)
    return lines[:-1] if lines[-1] == "" else lines


def json_line_bytes(data: bytes) -> list[bytes]:
    """`json_lines` of undecoded bytes, so that each line can be decoded on its own."""
    return [line for _, line in file_lines(io.BytesIO(data))]


_CHUNK_BYTES = 1 << 20


def file_lines(file: BinaryIO, *, chunk_bytes: int = _CHUNK_BYTES) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line) for every line of a binary file, split as `json_lines` splits a text, read
    `chunk_bytes` at a time: a file of any size is gone through in the memory of its longest line,
    whatever its line ends (a file of lone CRs is not one long line)."""
    parts: list[bytes] = []  # the current line's bytes from earlier chunks
    line_start = position = 0
    while chunk := file.read(chunk_bytes):
        while chunk.endswith(b"\r"):  # a CR LF is never cut between two chunks
            more = file.read(1)
            if not more:
                break
            chunk += more
        start = 0
        for line_end in _LINE_END_BYTES.finditer(chunk):
            parts.append(chunk[start : line_end.start()])
            yield line_start, b"".join(parts)
            parts = []
            start = line_end.end()
            line_start = position + start
        if start < len(chunk):
            parts.append(chunk[start:])
        position += len(chunk)
    if parts:
        yield line_start, b"".join(parts)


_LINE_END_PATTERN = r"\r\n|\r|\n"
_LINE_END = re.compile(_LINE_END_PATTERN)
_LINE_END_BYTES = re.compile(_LINE_END_PATTERN.encode())


def first_validation_error(exc: ValidationError) -> str:
    """The first problem pydantic found, as `field.path: message` (and how many more)."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(record)"
    more = f"; and {exc.error_count() - 1} more" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"
