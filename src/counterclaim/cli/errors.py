"""How every command fails: one line on stderr (`counterclaim: error: ...`), a distinct exit code, never a
traceback (unless COUNTERCLAIM_DEBUG=1), never a secret.

- `report_error(message)`: the one line `counterclaim: error: MESSAGE` on stderr, never wrapped.
- `write_stdout(text)` and `stdout_failures_as_output_error()`: a stdout that cannot take the result
  (a full disk, /dev/full) is an `OutputError` (exit 8); a closed pipe stays a `BrokenPipeError`
  (the reader left: exit 0).
- `interrupt_signals()`: for the duration of a command, SIGINT (Ctrl-C), SIGTERM and SIGHUP (the
  terminal closed; POSIX only) raise
  `KeyboardInterrupt` at once, wherever the program is (also in blocking start-up code of the
  embedded model, where asyncio's own Ctrl-C handling would only cancel at the next await). A second
  signal while the first is being handled exits at once with the one-line message.
- `signals_cancel(task)`: inside an asyncio program whose tasks must clean up (`batch`), the same
  signals cancel its main task instead, so every task stops at an await and runs its `finally`; a
  second signal exits at once, as above.
- `run_guarded(command)`: runs a command with all of the above; exit 130 for every stopping signal,
  "interrupted" for Ctrl-C, "terminated (SIGTERM)" for SIGTERM and "hung up (SIGHUP)" for SIGHUP.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType

import click

from counterclaim.errors import CounterclaimError, Interrupted, OutputError
from counterclaim.llm.local_server import note_stopping_signal, terminal_stderr
from counterclaim.render.terminal_safety import single_line

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
"""Exit code of a command stopped by Ctrl-C, SIGTERM or SIGHUP."""
ERROR_PREFIX = "counterclaim: error: "


def report_error(message: str) -> None:
    """Write `counterclaim: error: MESSAGE` as one line on stderr (never wrapped, never styled)."""
    line = f"{ERROR_PREFIX}{single_line(message)}\n"
    try:
        terminal = terminal_stderr()
        if terminal is not None:  # llama.cpp's output silenced while the model loads
            os.write(terminal, line.encode("utf-8", "replace"))
            return
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):  # no stderr to tell: the exit code still says it
        pass


def write_stdout(text: str) -> None:
    """Write `text` to stdout and flush it (failures as `stdout_failures_as_output_error` says)."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise OutputError("no standard output to write to")
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


STOPPING_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""The signals that stop a command: Ctrl-C, a request to end (a job's time limit), and the terminal
closing (SIGHUP, not on Windows), which without a handler ended the process with no message and left
a run folder's state unwritten."""
_MESSAGES = {"SIGINT": "interrupted", "SIGTERM": "terminated (SIGTERM)", "SIGHUP": "hung up (SIGHUP)"}


def interrupt_message(state: SignalState) -> str:
    return _MESSAGES.get(signal.Signals(state.received or signal.SIGINT).name, "interrupted")


@contextlib.contextmanager
def interrupt_signals() -> Iterator[SignalState]:
    """Within the block, the stopping signals raise KeyboardInterrupt (see the module docstring).

    Outside the main thread signals cannot be handled: the block then runs with them untouched.
    """
    state = SignalState()

    def stop(signum: int, frame: FrameType | None) -> None:
        if state.received is not None:
            _after_the_first(state, signum)
            return
        state.received = signum
        note_stopping_signal()
        _quiet_asyncio()
        raise KeyboardInterrupt

    with _stopping_signals_handled_by(stop):
        yield state


@contextlib.contextmanager
def signals_cancel(task: asyncio.Task[object]) -> Iterator[SignalState]:
    """Within the block (run in `task`'s event loop), the stopping signals cancel `task`; a second signal
    exits at once with the one-line message. A KeyboardInterrupt raised at any point of an asyncio
    program would stop one task mid-step and leave the others unfinished; a cancellation reaches each
    at an await. Outside the main thread the block runs with the signals untouched."""
    state = SignalState()
    loop = task.get_loop()

    def cancel(signum: int, frame: FrameType | None) -> None:
        if state.received is not None:
            _after_the_first(state, signum)
            return
        state.received = signum
        note_stopping_signal()
        _quiet_asyncio()
        loop.call_soon_threadsafe(task.cancel)

    with _stopping_signals_handled_by(cancel):
        yield state


def _after_the_first(state: SignalState, signum: int) -> None:
    """A stopping signal after the first: a second Ctrl-C or SIGTERM says cleaning up takes too long,
    so the process leaves at once with the one-line message. A SIGHUP is ignored: a closing terminal
    sends it twice within a millisecond (the shell forwards its own, then the kernel sends one as the
    shell, the session leader, exits), and leaving on the second would cut the clean-up short (a
    `batch` run folder left saying "running")."""
    if signal.Signals(signum).name == "SIGHUP":
        return
    report_error(interrupt_message(state))
    os._exit(EXIT_INTERRUPTED)


def _quiet_asyncio() -> None:
    """Silence asyncio's own reports once the user stopped the program: the tasks a signal leaves behind
    ("Task exception was never retrieved", with a traceback, when the KeyboardInterrupt was raised
    inside one of them) are what stopping means, and the one-line message says it."""
    logging.getLogger("asyncio").disabled = True


@contextlib.contextmanager
def _stopping_signals_handled_by(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """The stopping signals go to `handler` within the block (untouched outside the main thread). On
    leaving, asyncio's reports come back if a signal silenced them (`_quiet_asyncio`), once the tasks it
    left behind are collected: the rest of the process (the test suite) keeps its warnings."""
    asyncio_log = logging.getLogger("asyncio")
    was_disabled = asyncio_log.disabled
    previous: dict[signal.Signals, signal._HANDLER] = {}
    try:
        for stopping in STOPPING_SIGNALS:
            if stopping.name == "SIGHUP" and signal.getsignal(stopping) == signal.SIG_IGN:
                continue  # started under nohup: the terminal closing must not stop the command
            previous[stopping] = signal.signal(stopping, handler)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for stopping, earlier in previous.items():
            signal.signal(stopping, earlier)
        if asyncio_log.disabled and not was_disabled:
            gc.collect()  # the tasks a signal left behind are reported now, while still silenced
            asyncio_log.disabled = False


def exit_for_interrupt(state: SignalState) -> int:
    """Report the interruption in one line and return its exit code."""
    report_error(interrupt_message(state))
    return EXIT_INTERRUPTED


def run_guarded(command: Callable[[], int]) -> int:
    """Run a command, turning every failure into one error line and its exit code."""
    with interrupt_signals() as signals:
        try:
            return command()
        except (KeyboardInterrupt, click.exceptions.Abort):  # click turns Ctrl-C into Abort
            return exit_for_interrupt(signals)
        except BrokenPipeError:
            return EXIT_OK
        except click.exceptions.Exit as done:
            return done.exit_code
        except click.UsageError as usage:
            report_error(_usage_line(usage))
            return EXIT_USAGE
        except click.ClickException as other:
            report_error(other.format_message())
            return other.exit_code
        except Interrupted as stopped:  # a command that says more than "interrupted" (eval)
            report_error(stopped.message)
            return stopped.exit_code
        except CounterclaimError as error:
            if signals.received is not None:  # what failed was stopped by the signal
                return exit_for_interrupt(signals)
            report_error(error.one_line())
            return error.exit_code
        except Exception as error:  # a bug: say so in one line; COUNTERCLAIM_DEBUG=1 shows the traceback
            if signals.received is not None:
                return exit_for_interrupt(signals)
            if os.environ.get("COUNTERCLAIM_DEBUG"):
                raise
            report_error(
                f"internal error ({type(error).__name__}); rerun with COUNTERCLAIM_DEBUG=1 for details"
            )
            return EXIT_INTERNAL


def _usage_line(usage: click.UsageError) -> str:
    command = usage.ctx.command_path if usage.ctx is not None else "counterclaim"
    return f"{usage.format_message()} (see '{command} --help')"
