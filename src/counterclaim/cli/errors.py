"""How every command fails: one line on stderr (`counterclaim: error: ...`), a distinct exit code, never a
traceback (unless COUNTERCLAIM_DEBUG=1), never a secret."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

import click

from counterclaim.errors import CounterclaimError
from counterclaim.render.terminal_safety import single_line

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def say_error(message: str) -> None:
    """The one error line every command prints."""
    sys.stderr.write(f"counterclaim: error: {single_line(message)}\n")
    sys.stderr.flush()


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (a job's time limit, `kill`) stops the command like Ctrl-C: an eval run
    folder is closed with an "aborted" record it can be resumed from, and the command says so."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave the signal alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_guarded(command: Callable[[], int], *, interrupted: str = "interrupted") -> int:
    """Run a command, turning every failure into one error line and its exit code."""
    try:
        with terminate_as_interrupt():
            return command()
    except CounterclaimError as error:
        say_error(error.one_line())
        return error.exit_code
    except (KeyboardInterrupt, click.exceptions.Abort):  # click turns Ctrl-C into Abort
        say_error(interrupted)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as usage:
        say_error(_usage_line(usage))
        return EXIT_USAGE
    except click.ClickException as other:
        say_error(other.format_message())
        return other.exit_code
    except Exception as error:  # a bug: say so in one line; COUNTERCLAIM_DEBUG=1 shows the traceback
        if os.environ.get("COUNTERCLAIM_DEBUG"):
            raise
        say_error(f"internal error ({type(error).__name__}); rerun with COUNTERCLAIM_DEBUG=1 for details")
        return EXIT_INTERNAL


def _usage_line(usage: click.UsageError) -> str:
    command = usage.ctx.command_path if usage.ctx is not None else "counterclaim"
    return f"{usage.format_message()} (see '{command} --help')"
