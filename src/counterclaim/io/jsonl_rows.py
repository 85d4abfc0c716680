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
    """The rows of `path` (`model` per non-blank line; a missing file has none).

    With `drop_partial_last_line`, a last line that is not a row and has no newline (a run killed
    while appending it) is dropped, and the notice says so. Any other line that is not a row raises
    `error` naming the file and line; `what` names a row in that message ("an eval sample").
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedRows(rows=[])
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {path}: {exc}") from exc
    lines = json_lines(text)
    rows: list[Row] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate_json(line))
        except ValidationError as exc:
            cut_off = number == len(lines) and not text.endswith(("\n", "\r"))
            if drop_partial_last_line and cut_off:
                notice = (
                    f"{path.name}:{number}: dropped a partial last line ({len(line)} characters, cut "
                    "off while it was written); its article is analysed again"
                )
                return LoadedRows(rows=rows, dropped_line_notice=notice)
            raise error(f"{path}:{number}: not {what} ({first_validation_error(exc)})") from exc
    return LoadedRows(rows=rows)


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


def file_lines(file: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line) for every line of a binary file, split as `json_lines` splits a text, read a
    line at a time: a file of any size is gone through in the memory of its longest line."""
    offset = 0
    for piece in file:  # up to and including each LF
        ended = piece.endswith(b"\n")
        body = piece[:-1] if ended else piece
        if ended and body.endswith(b"\r"):  # CR LF
            body = body[:-1]
        lines = body.split(b"\r")  # a lone CR ends a line too
        if not ended and len(lines) > 1 and lines[-1] == b"":  # the file ends with a lone CR
            lines.pop()
        start = offset
        for line in lines:
            yield start, line
            start += len(line) + 1
        offset += len(piece)


_LINE_END_PATTERN = r"\r\n|\r|\n"
_LINE_END = re.compile(_LINE_END_PATTERN)
_LINE_END_BYTES = re.compile(_LINE_END_PATTERN.encode())


def first_validation_error(exc: ValidationError) -> str:
    """The first problem pydantic found, as `field.path: message` (and how many more)."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(record)"
    more = f"; and {exc.error_count() - 1} more" if exc.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"
