"""One session at a time in a run folder: a lock on a file in it (`LOCK_FILE`), which the system
releases however the process ends (a crash or `kill -9` leaves no stale lock). `batch` and `eval` hold
it while they write a folder, so a second command on the same folder is refused instead of appending
the same articles twice."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from counterclaim.errors import OutputError, RunFolderError

LOCK_FILE = ".lock"
"""Held by the session working in the folder."""


def try_lock(folder: Path) -> int | None:
    """Take the lock of `folder` (which must exist): a descriptor to close when the session ends, or
    None when another process holds it. Raises OSError when the lock file cannot be made."""
    descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def hold_run_folder(folder: Path, *, command: str) -> int:
    """The lock of the run folder `folder` (created if missing) for a session of `command` ("eval",
    "batch"): a descriptor to close when the session ends. Raises OutputError when the folder or its
    lock file cannot be made, RunFolderError when another session holds the lock."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the run folder {folder}: {error.strerror or error}") from error
    try:
        descriptor = try_lock(folder)
    except OSError as error:
        raise OutputError(f"cannot lock the run folder {folder}: {error.strerror or error}") from error
    if descriptor is None:
        raise RunFolderError(
            f"another counterclaim {command} is running in {folder}; wait for it to end (or stop it)"
        )
    return descriptor


@contextmanager
def run_folder_session(folder: Path, *, command: str) -> Iterator[None]:
    """Hold the lock of `folder` (`hold_run_folder`) for the block: everything read and written in it
    belongs to this session."""
    descriptor = hold_run_folder(folder, command=command)
    try:
        yield
    finally:
        os.close(descriptor)
