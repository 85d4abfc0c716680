"""One session at a time in a run folder: a lock on a file in it (`LOCK_FILE`), which the system
releases however the process ends (a crash or `kill -9` leaves no stale lock). `batch` and `eval` hold
it while they write a folder, so a second command on the same folder is refused instead of appending
the same articles twice."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

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
