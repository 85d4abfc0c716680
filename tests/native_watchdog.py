"""A time limit that still fires while native code holds the GIL.

xllamacpp builds and releases its server while holding the GIL, so a hang there stops every Python
thread, including pytest-timeout's timer: one such hang in CI ate the whole 90-minute budget. The
watchdog here is faulthandler's, a C thread that needs no GIL: at the limit it writes every thread's
stack to `report` (stderr when none) and ends the process with exit code 1. `scripts/test.sh` names a
report file, so it can tell a native hang from a failing test.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

HANG_REPORT_VARIABLE = "COUNTERCLAIM_E2E_HANG_REPORT"
"""Environment variable naming the file a hang's stacks are appended to."""


@contextmanager
def native_watchdog(seconds: float, report: str | None = None) -> Iterator[None]:
    """End the process, stacks written, if the block runs longer than `seconds`."""
    path = report if report is not None else os.environ.get(HANG_REPORT_VARIABLE)
    handle: TextIO = open(path, "a", encoding="utf-8") if path else sys.stderr  # noqa: SIM115
    try:
        faulthandler.dump_traceback_later(seconds, exit=True, file=handle)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
    finally:
        if handle is not sys.stderr:
            handle.close()
