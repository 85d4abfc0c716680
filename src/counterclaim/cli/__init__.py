"""The `counterclaim` command line: a thin layer over the Python API (`counterclaim.api`).

Results go to stdout (or --out FILE); progress and errors go to stderr. Every failure is one line on
stderr and a distinct exit code (README, "Exit codes"); never a traceback, never a secret.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from counterclaim.cli.app import app
from counterclaim.cli.errors import run_guarded

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
        result = app.main(
            args=list(argv) if argv is not None else None, prog_name="counterclaim", standalone_mode=False
        )
        return result if isinstance(result, int) else 0

    return run_guarded(invoke)


if __name__ == "__main__":
    raise SystemExit(main())
