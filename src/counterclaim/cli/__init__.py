"""The `counterclaim` command line: a thin layer over the Python API (`counterclaim.api`).

Results go to stdout (or --out FILE); progress and errors go to stderr. Every failure is one line on
stderr and a distinct exit code (README, "Exit codes"); never a traceback, never a secret.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence

from counterclaim.cli.app import app
from counterclaim.cli.errors import STOPPING_SIGNALS, run_guarded
from counterclaim.llm.local_server import end_process_on_interrupt

__all__ = ["main"]


def _silence_library_logs() -> None:
    """instructor logs failed attempts (with server text) at ERROR; the CLI reports errors itself."""
    for name in ("instructor", "openai", "httpx2", "httpx"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (the process arguments by default); return the exit code."""
    _silence_library_logs()

    def invoke() -> int:
        # What click's `main` does, without its own handling of what `run_guarded` handles: it turned a
        # closed stdout pipe into a silent exit 1 (the reader left: exit 0 here) and printed a blank
        # line on Ctrl-C before the one-line message.
        args = list(argv) if argv is not None else sys.argv[1:]
        with app.make_context("counterclaim", args) as context:
            result = app.invoke(context)
        return result if isinstance(result, int) else 0

    with end_process_on_interrupt() as ending:
        code = run_guarded(invoke)
    if ending.left_running:  # an embedded server stopped by a signal: end without releasing it
        with contextlib.suppress(ValueError):  # a last Ctrl-C must not raise here (main thread only)
            for stopping in STOPPING_SIGNALS:
                signal.signal(stopping, signal.SIG_IGN)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
