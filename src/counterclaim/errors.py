"""The exceptions counterclaim raises. Each maps to one CLI exit code and a one-line message.

Messages never contain secrets (API keys, organisation ids) and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UsageSoFar:
    """Model calls and tokens spent before an error stopped the run."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_calls: int = 0
    """Of `calls`, those answered from the response cache."""

    def describe(self) -> str:
        cached = f" ({self.cached_calls} answered from the response cache)" if self.cached_calls else ""
        return (
            f"{self.calls} model call(s){cached}, {self.prompt_tokens} prompt + "
            f"{self.completion_tokens} completion tokens spent"
        )


class CounterclaimError(Exception):
    """Base of every error counterclaim raises on purpose."""

    exit_code: int = 1

    def __init__(self, message: str, *, usage: UsageSoFar | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage

    def one_line(self) -> str:
        """The message as a single line, with the tokens spent so far when there were any."""
        text = " ".join(self.message.split())
        if self.usage is not None and self.usage.calls:
            text += f" ({self.usage.describe()})"
        return text


class InputError(CounterclaimError):
    """The article cannot be read or is not usable text (missing, binary, not UTF-8, too large...)."""

    exit_code = 3


class ConfigurationError(CounterclaimError):
    """Settings are missing or inconsistent (no API key, unknown provider, bad model path...)."""

    exit_code = 4


class ProviderError(CounterclaimError):
    """The model server failed: rate limit, quota, server error, timeout, auth, unknown model, context."""

    exit_code = 5


class ModelOutputError(CounterclaimError):
    """The model answered, but not usefully: truncated, refused, or never fitting the schema."""

    exit_code = 6


class LocalModelError(CounterclaimError):
    """The embedded model could not be prepared or served (port, model file, server died)."""

    exit_code = 7


class OutputError(CounterclaimError):
    """The result cannot be written (file exists without --force, unwritable path)."""

    exit_code = 8


class DatasetError(CounterclaimError):
    """An eval dataset or a run folder is malformed."""

    exit_code = 9


class ArticleMismatchError(CounterclaimError):
    """A saved analysis was made from another article text than the one given (sha256 or spans differ)."""

    exit_code = 10


class Interrupted(CounterclaimError):
    """The user (Ctrl-C) or the system (SIGTERM) stopped the command."""

    exit_code = 130


class RunFolderError(OutputError):
    """A batch run folder that cannot be continued as asked: it holds another run (other settings,
    prompts or model), articles whose text changed, or a damaged file. `--force` starts over."""


class AwaitingAnswers(CounterclaimError):
    """`batch --via files` wrote a request file and stops: the run goes on once the engine's output
    file is given with `--ingest`. Not a failure; the exit code tells a script to run the engine."""

    exit_code = 11

    def __init__(self, message: str, *, request_file: str, requests: int) -> None:
        super().__init__(message)
        self.request_file = request_file
        self.requests = requests
