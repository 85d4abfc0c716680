"""Progress lines on stderr (results go to stdout or --out, so pipes stay clean)."""

from __future__ import annotations

import contextlib
from typing import Any

from rich.console import Console

from counterclaim.render.terminal_safety import single_line


class StderrConsole(Console):
    """A rich console on stderr that goes quiet when stderr's reader leaves (a closed pipe, a terminal
    that hung up). Rich's own handling of a broken pipe points *stdout* at /dev/null and raises
    SystemExit(1): a command's result would be lost and the command would fail, over a progress line."""

    def __init__(self, **options: Any) -> None:
        super().__init__(stderr=True, **options)

    def on_broken_pipe(self) -> None:
        self.quiet = True  # the rest of the progress is dropped; stdout is left alone


class ProgressLines:
    """One dim line per message on stderr, or nothing when quiet."""

    def __init__(self, enabled: bool) -> None:
        self.console: Console = StderrConsole(highlight=False, markup=False)
        self.enabled = enabled

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        line = f"counterclaim: {single_line(message)}"
        # A progress line is no result: a stderr that cannot take it (a terminal that hung up: EIO)
        # must not turn a command into a failure.
        with contextlib.suppress(OSError):
            self.console.print(line, style="dim", soft_wrap=True)
