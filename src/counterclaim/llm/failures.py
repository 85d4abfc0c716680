"""Classifying what went wrong in a model call, and turning it into our own exceptions.

One layer retries transient failures (see `retry.py`); instructor re-asks validation failures. Both
the openai client's own retries and instructor's are turned off for HTTP errors, so no error class is
retried by two layers.
"""

from __future__ import annotations

import email.utils
import json
import time

import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError

from counterclaim.errors import CounterclaimError, ModelOutputError, ProviderError, UsageSoFar
from counterclaim.llm.http_guard import AnswerCutOff, AnswerTooLarge, ModelRefusal, UnusableServerAnswer
from counterclaim.redaction import Redactor

_TRANSIENT = (
    openai.APITimeoutError,
    openai.APIConnectionError,
    openai.InternalServerError,
    UnusableServerAnswer,
    AnswerCutOff,
)


def root_cause(error: BaseException) -> BaseException:
    """The underlying error of an instructor wrapper (the HTTP error it wrapped), else the error."""
    seen: set[int] = set()
    current = error
    while isinstance(current, InstructorRetryException) and current.__cause__ is not None:
        if id(current) in seen:
            break
        seen.add(id(current))
        current = current.__cause__
    return current


def _error_code(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return str(inner.get("code") or inner.get("type") or "")
    return str(getattr(error, "code", "") or "")


_OUTPUT_NOT_PARSED = "the model produced output that does not match the expected"
"""How llama.cpp's server begins the 500 it sends when the text the model generated fails the
server's own parser of the answer format (seen with the embedded server: "... the expected
peg-native format")."""


def _blames_model_output(error: openai.APIStatusError) -> bool:
    """True for a 5xx that blames the model's generated text, not the server: the answer of this one
    request is unusable (at temperature 0 asking again gives the same text), the server is fine."""
    return error.status_code >= 500 and _OUTPUT_NOT_PARSED in (_body_message(error) or "").lower()


def is_transient(error: BaseException) -> bool:
    """True for failures worth retrying: 429 (not quota), 5xx (not one that blames the model's
    output), timeouts, connection errors."""
    cause = root_cause(error)
    if isinstance(cause, openai.RateLimitError):
        return _error_code(cause) != "insufficient_quota"
    if isinstance(cause, openai.APIStatusError):
        return cause.status_code >= 500 and not _blames_model_output(cause)
    return isinstance(cause, _TRANSIENT)


def retry_after_seconds(error: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After, retry-after-ms), if it said."""
    cause = root_cause(error)
    if not isinstance(cause, openai.APIStatusError):
        return None
    headers = cause.response.headers
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # neither seconds nor a date: back off
        return None
    if parsed is None:
        return None
    return max(0.0, parsed.timestamp() - time.time())


def _is_context_error(error: openai.APIStatusError) -> bool:
    code = _error_code(error)
    text = str(error).lower()
    return code == "context_length_exceeded" or "context length" in text or "context size" in text


class UpstreamFailure(Exception):
    """What a model call raised, as one line with the secrets removed: the cause our error is chained
    to. The original exception (and those it chains) may hold what a server echoed back, a key or a
    URL's password, and a traceback or `logging.exception` would print it."""


def redacted_cause(error: BaseException, redactor: Redactor) -> UpstreamFailure:
    """`error` as an `UpstreamFailure`: the type and message of it and of each exception it chains
    (`__cause__`, else `__context__`: "InstructorRetryException: Connection error. <- ConnectError: [SSL:
    WRONG_VERSION_NUMBER] ..."), each redacted before it is cut, with its traceback kept (frames show
    code, not values) and nothing chained."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(parts) < _MAX_CHAINED:
        seen.add(id(current))
        message = _first_line(redactor.redact(str(current)), limit=300)  # redacted before it is cut
        parts.append(f"{type(current).__qualname__}: {message}" if message else type(current).__qualname__)
        current = current.__cause__ or current.__context__
    cause = UpstreamFailure(" <- ".join(parts))
    cause.__traceback__ = error.__traceback__
    return cause


_MAX_CHAINED = 6
"""The most exceptions of a chain an `UpstreamFailure` names."""


def describe_failure(
    error: BaseException,
    *,
    model: str,
    where: str,
    usage: UsageSoFar,
    attempts: int,
    redactor: Redactor | None = None,
) -> CounterclaimError:
    """Our exception for a failed model call, with a one-line message and no secret in it: the
    configured secrets `redactor` knows (see `counterclaim.redaction`), and anything that looks like
    a key, are replaced whatever the server or the model echoed."""
    described = _describe(error, model=model, where=where, usage=usage, attempts=attempts)
    redacted = (redactor or Redactor()).redact(described.message)
    if redacted == described.message:
        return described
    return type(described)(redacted, usage=described.usage)


def _describe(
    error: BaseException, *, model: str, where: str, usage: UsageSoFar, attempts: int
) -> CounterclaimError:
    cause = root_cause(error)
    if isinstance(cause, CounterclaimError):
        return cause
    if isinstance(cause, ModelRefusal):
        return ModelOutputError(
            f"the model refused to answer ({where}): {_first_line(cause.reason)}", usage=usage
        )
    if isinstance(cause, UnusableServerAnswer):
        return ProviderError(
            f"the model server at {where} sent {_first_line(cause.what)} instead of a chat completion "
            f"({attempts} attempt(s))",
            usage=usage,
        )
    if isinstance(cause, AnswerCutOff):
        return ProviderError(
            f"the connection to the model server at {where} was closed while reading the answer "
            f"({attempts} attempt(s))",
            usage=usage,
        )
    if isinstance(cause, AnswerTooLarge):
        return ProviderError(
            f"the model server at {where} sent an answer larger than {cause.limit:,} bytes", usage=usage
        )
    if isinstance(cause, IncompleteOutputException):
        return ModelOutputError(
            f"the model's output was cut off at the token limit ({where}); the answer was too long",
            usage=usage,
        )
    if isinstance(error, InstructorRetryException) and isinstance(
        cause, (ValidationError, json.JSONDecodeError, InstructorRetryException)
    ):
        reason = _first_line(str(cause))
        return ModelOutputError(
            f"the model's output never fitted the expected structure after {error.n_attempts} "
            f"attempt(s) ({where}): {reason}",
            usage=usage,
        )
    if isinstance(cause, openai.AuthenticationError):
        return ProviderError(f"the server rejected the API key (401) at {where}", usage=usage)
    if isinstance(cause, openai.PermissionDeniedError):
        return ProviderError(f"the server refused access (403) at {where}", usage=usage)
    if isinstance(cause, openai.NotFoundError):
        return ProviderError(f"model '{model}' was not found at {where} (404)", usage=usage)
    if isinstance(cause, openai.RateLimitError):
        if _error_code(cause) == "insufficient_quota":
            return ProviderError(
                f"the account's quota is exhausted (429 insufficient_quota) at {where}", usage=usage
            )
        return ProviderError(f"still rate-limited (429) after {attempts} attempt(s) at {where}", usage=usage)
    if isinstance(cause, openai.BadRequestError) and _is_context_error(cause):
        return ProviderError(
            f"the request is longer than the model's context window at {where}; "
            "lower --chunk-chars or raise the server's context size",
            usage=usage,
        )
    if isinstance(cause, openai.APIStatusError) and _blames_model_output(cause):
        return ModelOutputError(
            f"the model server could not read the model's output ({where}): "
            f"{_first_line(_body_message(cause) or '')}",
            usage=usage,
        )
    if isinstance(cause, openai.APIStatusError) and cause.status_code >= 500:
        said = _body_message(cause)
        detail = f": {_first_line(said)}" if said else ""
        return ProviderError(
            f"the model server kept failing ({cause.status_code}{detail}) after {attempts} attempt(s) "
            f"at {where}",
            usage=usage,
        )
    if isinstance(cause, openai.APIStatusError):
        detail = _first_line(_status_message(cause))
        message = f"the model server answered {cause.status_code} at {where}: {detail}"
        return ProviderError(message, usage=usage)
    if isinstance(cause, openai.APITimeoutError):
        return ProviderError(f"the model server timed out {attempts} time(s) at {where}", usage=usage)
    if isinstance(cause, openai.APIConnectionError):
        return ProviderError(
            f"could not connect to the model server at {where} after {attempts} attempt(s)", usage=usage
        )
    if isinstance(cause, openai.APIResponseValidationError):
        return ProviderError(
            f"the model server at {where} sent a response that is not valid JSON", usage=usage
        )
    if isinstance(cause, openai.ContentFilterFinishReasonError):
        return ModelOutputError(f"the model refused or was filtered ({where})", usage=usage)
    if isinstance(cause, openai.OpenAIError):
        return ProviderError(f"model call failed at {where}: {_first_line(str(cause))}", usage=usage)
    return ModelOutputError(
        f"the model's answer could not be used ({where}): {type(cause).__name__}: {_first_line(str(cause))}",
        usage=usage,
    )


def _status_message(error: openai.APIStatusError) -> str:
    return _body_message(error) or error.message


def _body_message(error: openai.APIStatusError) -> str | None:
    """The message of the error object the server sent, if it sent one."""
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return None


def _first_line(text: str, limit: int = 200) -> str:
    """One line of a server's message, cut to `limit` characters."""
    line = " ".join(text.strip().split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
