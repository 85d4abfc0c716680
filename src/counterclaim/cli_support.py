"""What every counterclaim command needs whatever library parses its arguments: one-line errors on
stderr, stdout failures as output errors, signals as interrupts, and checks of display options.

- `report_error(message)`: the one line `counterclaim: error: MESSAGE` on stderr, never wrapped.
- `write_stdout(text)` and `stdout_failures_as_output_error()`: a stdout that cannot take the result
  (a full disk, /dev/full) is an `OutputError` (exit 8); a closed pipe stays a `BrokenPipeError`
  (the reader left: exit 0).
- `interrupt_signals()`: for the duration of a command, SIGINT (Ctrl-C) and SIGTERM raise
  `KeyboardInterrupt` at once, wherever the program is (also in blocking start-up code of the
  embedded model, where asyncio's own Ctrl-C handling would only cancel at the next await). A second
  signal while the first is being handled exits at once with the one-line message.
- `exit_for_interrupt(state)`: the message and exit code of an interrupted command: exit 130 for both
  signals (as `eval` has always done), "interrupted" for Ctrl-C and "terminated (SIGTERM)" for SIGTERM.
- `checked_width(width)`: the text width asked for, refused (`ConfigurationError`, exit 4) below 1.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

from counterclaim.errors import ConfigurationError, OutputError
from counterclaim.render.terminal_safety import single_line

EXIT_INTERRUPTED = 130
"""Exit code of a command stopped by Ctrl-C or SIGTERM."""
ERROR_PREFIX = "counterclaim: error: "


def report_error(message: str) -> None:
    """Write `counterclaim: error: MESSAGE` as one line on stderr (never wrapped, never styled)."""
    line = f"{ERROR_PREFIX}{single_line(message)}\n"
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):  # no stderr to tell: the exit code still says it
        pass


def write_stdout(text: str) -> None:
    """Write `text` to stdout and flush it (failures as `stdout_failures_as_output_error` says)."""
    with stdout_failures_as_output_error():
        sys.stdout.write(text)
        sys.stdout.flush()


@contextlib.contextmanager
def stdout_failures_as_output_error() -> Iterator[None]:
    """Within the block (which writes to stdout, e.g. a rich Console's print), a stdout that cannot
    take the output (no space, I/O error...) raises `OutputError`; a closed pipe raises
    `BrokenPipeError` (the reader left). Either way stdout is then pointed at /dev/null, so the
    interpreter's own flush at exit does not fail again."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        raise
    except OSError as error:
        _discard_stdout()
        if error.errno == errno.EPIPE:
            raise BrokenPipeError(errno.EPIPE, "broken pipe") from error
        raise OutputError(f"cannot write standard output: {error.strerror or error}") from error


def _discard_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@dataclass
class SignalState:
    """The stopping signal a command received, if any."""

    received: int | None = None


_MESSAGES = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated (SIGTERM)"}


def interrupt_message(state: SignalState) -> str:
    return _MESSAGES.get(signal.Signals(state.received or signal.SIGINT), "interrupted")


@contextlib.contextmanager
def interrupt_signals() -> Iterator[SignalState]:
    """Within the block, SIGINT and SIGTERM raise KeyboardInterrupt (see the module docstring).

    Outside the main thread signals cannot be handled: the block then runs with them untouched.
    """
    state = SignalState()

    def stop(signum: int, frame: FrameType | None) -> None:
        if state.received is not None:  # a second signal: cleaning up takes too long, leave now
            report_error(interrupt_message(state))
            os._exit(EXIT_INTERRUPTED)
        state.received = signum
        raise KeyboardInterrupt

    previous: dict[signal.Signals, signal._HANDLER] = {}
    try:
        for stopping in (signal.SIGINT, signal.SIGTERM):
            previous[stopping] = signal.signal(stopping, stop)
    except ValueError:  # not the main thread
        pass
    try:
        yield state
    finally:
        for stopping, handler in previous.items():
            signal.signal(stopping, handler)


def exit_for_interrupt(state: SignalState) -> int:
    """Report the interruption in one line and return its exit code."""
    report_error(interrupt_message(state))
    return EXIT_INTERRUPTED


def checked_width(width: int | None) -> int | None:
    """The text width asked for (None: the terminal's); below 1 column is a settings error."""
    if width is not None and width < 1:
        raise ConfigurationError(f"--width must be at least 1 column, not {width}")
    return width
