"""Progress lines on stderr (results go to stdout or --out, so pipes stay clean)."""

from __future__ import annotations

import contextlib

from rich.console import Console

from counterclaim.render.terminal_safety import single_line


class ProgressLines:
    """One dim line per message on stderr, or nothing when quiet."""

    def __init__(self, enabled: bool) -> None:
        self.console = Console(stderr=True, highlight=False, markup=False)
        self.enabled = enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            # A progress line is no result: a stderr that cannot take it (the terminal closed, SIGHUP)
            # must not turn a finished command into a failure.
            with contextlib.suppress(OSError, ValueError):
                self.console.print(f"counterclaim: {single_line(message)}", style="dim", soft_wrap=True)
