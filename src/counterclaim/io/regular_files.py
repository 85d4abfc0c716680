"""Reading a file the user names, refusing what is no regular file before a byte is read.

A named pipe with no writer would keep a command waiting for ever, and a device such as /dev/zero
never ends: both are refused (`InputError`, exit 3), as is a directory. The file is opened without
waiting, checked, then read up to a bound. Standard input ("-") is read up to a bound too.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from counterclaim.errors import InputError


def read_regular_file(path: str, max_bytes: int, *, what: str, pipe_hint: str = "") -> bytes:
    """At most `max_bytes + 1` bytes of the regular file at `path` (`what` names it in messages, "article
    file"; `pipe_hint` is added to the refusal of a pipe or a device)."""
    with opened_regular_file(path, what=what, pipe_hint=pipe_hint) as file:
        try:
            return read_at_most(file, max_bytes + 1)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from error


@contextlib.contextmanager
def opened_regular_file(path: str, *, what: str, pipe_hint: str = "") -> Iterator[BinaryIO]:
    """The regular file at `path`, open for reading in binary, for a reader that goes through it piece
    by piece (`read_regular_file` for the rules). Errors of the reading itself are the reader's."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError as error:
        raise InputError(f"{what} not found: {path}") from error
    except IsADirectoryError as error:
        raise InputError(_not_a(path, "directory", what)) from error
    except PermissionError as error:
        raise InputError(f"cannot read {path}: permission denied") from error
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    except ValueError as error:  # e.g. a NUL character in the path
        raise InputError(f"invalid {what.removesuffix(' file')} path {path!r}: {error}") from error
    try:
        try:
            mode = os.fstat(descriptor).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(_not_a(path, "directory", what))
            if not stat.S_ISREG(mode):
                raise InputError(f"{path} is not a regular file (a pipe or a device){pipe_hint}")
            os.set_blocking(descriptor, True)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from error
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            yield file
    finally:
        os.close(descriptor)


def read_standard_input(stdin: BinaryIO | None, max_bytes: int, *, what: str) -> bytes:
    """At most `max_bytes + 1` bytes of `stdin` (the process' standard input by default), piece by
    piece; `what` names the content in messages ("article"). Raises InputError when there is no
    standard input or it cannot be read."""
    if stdin is None:
        if sys.stdin is None:
            raise InputError(f"no standard input to read the {what} from")
        stdin = sys.stdin.buffer
    try:
        return read_at_most(stdin, max_bytes + 1)
    except OSError as error:
        raise InputError(f"cannot read the {what} from standard input: {error.strerror or error}") from error


_PIECE_BYTES = 1 << 20


def read_at_most(file: BinaryIO, limit: int) -> bytes:
    """The file's (or stream's) bytes up to `limit`, read piece by piece: `file.read(limit)` would
    reserve `limit` bytes of memory at once, whatever the file holds."""
    pieces: list[bytes] = []
    held = 0
    while held < limit:
        piece = file.read(min(_PIECE_BYTES, limit - held))
        if not piece:
            break
        pieces.append(piece)
        held += len(piece)
    return b"".join(pieces)


def _not_a(path: str, kind: str, what: str) -> str:
    article = "an" if what[:1] in "aeiou" else "a"
    return f"{path} is a {kind}, not {article} {what}"
