"""A structured-output client for one model server: instructor for validation re-asks, our own layer
for transient retries, and a ledger of every call's tokens and seconds."""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx2
import instructor
import openai
from pydantic import BaseModel

from counterclaim.config import OPENAI_BASE_URL, Provider, Settings, StructuredMode
from counterclaim.llm.compact_json import compact_request
from counterclaim.llm.failures import describe_failure, redacted_cause
from counterclaim.llm.http_guard import ModelHttpClient, ModelRefusal
from counterclaim.llm.response_cache import (
    CACHED_MARKER,
    CachingHttpClient,
    ResponseCache,
    public_address,
    response_cache_for,
)
from counterclaim.llm.retry import Sleep, transient_retrying
from counterclaim.llm.usage import UsageLedger
from counterclaim.redaction import Redactor

T = TypeVar("T", bound=BaseModel)

DEFAULT_SERVER_CONCURRENCY = 8
"""Requests in flight at once to a server (OpenAI or compatible), per event loop, when the settings do
not say."""


_log_redactor: ContextVar[Redactor | None] = ContextVar("counterclaim_log_redactor", default=None)
_LIBRARY_LOGGERS = ("instructor", "openai", "httpx2", "httpcore")


class _RedactedRecords(logging.Filter):
    """Removes the configured secrets from what the libraries log during counterclaim's own requests:
    instructor logs each failed attempt at ERROR with the answer and the server's text, which may echo
    a key. Other records, and records outside those requests, pass untouched."""

    def filter(self, record: logging.LogRecord) -> bool:
        redactor = _log_redactor.get()
        if redactor is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the message: shown as given
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redactor.redact(message), None
        if record.exc_info:
            shown = "".join(traceback.format_exception(*record.exc_info)).rstrip()
            record.exc_text, record.exc_info = redactor.redact(shown), None
        return True


_REDACTED_RECORDS = _RedactedRecords()
# instructor adds no handler of its own, so with no logging configured Python printed its warnings
# to stderr; a program's own handlers still receive them (redacted)
logging.getLogger("instructor").addHandler(logging.NullHandler())


def _redact_library_records() -> None:
    """Put `_REDACTED_RECORDS` on every logger of the model libraries (a filter acts on the records of
    its own logger only, so each is given it)."""
    manager = logging.Logger.manager
    names = {*_LIBRARY_LOGGERS, *(n for n in list(manager.loggerDict) if n.split(".")[0] in _LIBRARY_LOGGERS)}
    for name in names:
        logger = logging.getLogger(name)
        if _REDACTED_RECORDS not in logger.filters:
            logger.addFilter(_REDACTED_RECORDS)


_MODES = {
    StructuredMode.JSON_SCHEMA: instructor.Mode.JSON_SCHEMA,
    StructuredMode.JSON: instructor.Mode.JSON,
    StructuredMode.TOOLS: instructor.Mode.TOOLS,
    StructuredMode.MD_JSON: instructor.Mode.MD_JSON,
}

_current_step: ContextVar[str] = ContextVar("counterclaim_step", default="unknown")
_task_ledger: ContextVar[tuple[ModelClient, UsageLedger] | None] = ContextVar(
    "counterclaim_task_ledger", default=None
)
"""The ledger `start_ledger` opened for the analysis running in this asyncio task (and the tasks it
starts), with the client it belongs to."""

Message = dict[str, str]


def _served_from_cache(response: Any) -> bool:
    extra = getattr(response, "model_extra", None) or {}
    return extra.get(CACHED_MARKER) is True


def _token_count(value: Any) -> int | None:
    """A token count as the server reported it, when it is one (a whole number, not negative)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return None


def _usage_numbers(answer: Any, redact: Callable[[str], str]) -> tuple[int, int, str | None]:
    """(prompt tokens, completion tokens, what was wrong) of an answer's `usage`.

    No usage at all counts as 0 + 0 (some servers do not report it). A usage whose counts are
    negative or not numbers is unknown: 0 + 0 and a description of what the server sent, redacted
    (`redact`) before it is cut short: a key cut in two would no longer be found.
    """
    usage = getattr(answer, "usage", None)
    if usage is None:
        return 0, 0, None
    if isinstance(usage, dict):
        raw = (usage.get("prompt_tokens"), usage.get("completion_tokens"))
    elif hasattr(usage, "prompt_tokens") or hasattr(usage, "completion_tokens"):
        raw = (getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None))
    else:
        return 0, 0, f"usage={redact(str(usage))[:40]!r}"
    prompt, completion = _token_count(raw[0]), _token_count(raw[1])
    if prompt is None or completion is None:
        shown = f"prompt_tokens={redact(str(raw[0]))[:20]!r}, completion_tokens={redact(str(raw[1]))[:20]!r}"
        return 0, 0, shown
    return prompt, completion, None


@dataclass
class _Connection:
    """What one event loop's requests go through."""

    openai: openai.AsyncOpenAI
    instructor: instructor.AsyncInstructor
    in_flight: asyncio.Semaphore
    owns_http: bool
    """Whether the HTTP client is this connection's own (closed with it), not the constructor's."""


class ModelClient:
    """Asks one model for pydantic-validated answers and accounts for every request."""

    def __init__(
        self,
        settings: Settings,
        *,
        base_url: str | None = None,
        http_client: httpx2.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
        ledger: UsageLedger | None = None,
        cache: ResponseCache | None = None,
    ) -> None:
        """Open a client for `settings` (`base_url` overrides theirs: the embedded server's address).

        `cache`: answer repeated requests from this response cache; by default the one
        `settings.response_cache` names, if any (see `counterclaim.llm.response_cache`). `http_client`
        replaces the HTTP client (tests put a stand-in server behind it); it cannot be combined with a
        cache, which lives in the client this class builds. The clients this class builds are
        `ModelHttpClient`s (answers bounded in time and size, and checked: `llm.http_guard`); a client
        given here gets those checks only if it is one too.
        """
        self.settings = settings
        self._client_ledger = ledger or UsageLedger()
        self.redactor = Redactor.from_settings(settings)
        """Removes this configuration's secrets from every error message (and so every notice)."""
        url = base_url or settings.base_url or OPENAI_BASE_URL
        local = settings.provider is Provider.LOCAL
        self.location = "the embedded model server" if local else public_address(url, with_path=False)
        if http_client is not None and (cache is not None or settings.response_cache is not None):
            raise ValueError("a response cache needs the HTTP client ModelClient builds; drop http_client")
        self._url = url
        self._cache = cache or response_cache_for(settings)  # None with an http_client (checked above)
        self._shape = compact_request if local and settings.compact_json else None
        if isinstance(http_client, ModelHttpClient) and http_client.shape_request is None:
            http_client.shape_request = self._shape  # a client given here is shaped like one built here
        self._given_http = http_client
        self._sleep = sleep
        self.concurrency = settings.concurrency or DEFAULT_SERVER_CONCURRENCY
        self._connections: dict[asyncio.AbstractEventLoop, _Connection] = {}
        _redact_library_records()

    def _open_connection(self) -> _Connection:
        """The model client over an HTTP client: the one given to the constructor, or a new one (owned,
        and closed with the connection)."""
        http_client = self._given_http
        if http_client is None:
            timeout, shape = self.settings.request_timeout, self._shape
            http_client = (
                CachingHttpClient(self._cache, total_seconds=timeout, shape_request=shape)
                if self._cache is not None
                else ModelHttpClient(total_seconds=timeout, shape_request=shape)
            )
        client = openai.AsyncOpenAI(
            api_key=self.settings.api_key_value or "no-key-needed",
            base_url=self._url,
            max_retries=0,  # our retry layer is the only one
            timeout=self.settings.request_timeout,
            http_client=http_client,
        )
        patched = instructor.from_openai(client, mode=_MODES[self.settings.mode])
        patched.on("completion:response", self._on_response)
        patched.on("completion:error", self._on_error)
        return _Connection(
            client, patched, asyncio.Semaphore(self.concurrency), owns_http=self._given_http is None
        )

    def _connection(self) -> _Connection:
        """The clients of the running event loop, opened on its first request: pooled connections (and
        a semaphore) belong to the loop that first used them, so each loop (a synchronous call's
        `asyncio.run`, a thread's own loop) has its own, with its own limit of requests in flight. An
        HTTP client given to the constructor is shared by the loops' clients. The connections of loops
        that closed without `release_connections` are dropped here (their sockets are freed when they
        are collected)."""
        self._drop_ended_loops()
        loop = asyncio.get_running_loop()
        connection = self._connections.get(loop)
        if connection is None:
            connection = self._connections[loop] = self._open_connection()
        return connection

    def _drop_ended_loops(self) -> None:
        """Forget the connections of event loops that closed without `release_connections` (their
        sockets are freed when they are collected; a closed loop can close nothing)."""
        for ended in [loop for loop in list(self._connections) if loop.is_closed()]:  # list(): threads
            self._connections.pop(ended, None)

    def limit_concurrency(self, requests_in_flight: int) -> None:
        """Allow at most this many requests in flight at once on each event loop (the embedded
        server's slot count: threads sharing one client each get as many); set before the requests."""
        self.concurrency = max(1, requests_in_flight)
        for connection in self._connections.values():
            connection.in_flight = asyncio.Semaphore(self.concurrency)

    @property
    def ledger(self) -> UsageLedger:
        """Where calls are counted: the ledger `start_ledger` opened in this asyncio task (or the task
        that started it), else the client's latest one."""
        scoped = _task_ledger.get()
        if scoped is not None and scoped[0] is self:
            return scoped[1]
        return self._client_ledger

    def start_ledger(self) -> UsageLedger:
        """Begin counting afresh for the analysis running in this asyncio task; return the new ledger.

        Analyses sharing this client (and so its limit of requests in flight) each in their own task
        count apart: every call is counted in the ledger of the task that made it.
        """
        ledger = UsageLedger()
        self._client_ledger = ledger
        _task_ledger.set((self, ledger))
        return ledger

    def _on_response(self, response: Any) -> None:
        prompt, completion, unusable = _usage_numbers(response, self.redactor.redact)
        if unusable is not None:
            self.ledger.record_unusable_usage(unusable)
        self.ledger.record_call(
            _current_step.get(),
            prompt_tokens=prompt,
            completion_tokens=completion,
            cached=_served_from_cache(response),
        )

    def _on_error(self, error: Exception, **_: Any) -> None:
        if isinstance(error, ModelRefusal):  # an answer all the same: its tokens were spent
            prompt, completion, unusable = _usage_numbers(error, self.redactor.redact)
            if unusable is not None:
                self.ledger.record_unusable_usage(unusable)
            self.ledger.record_call(_current_step.get(), prompt_tokens=prompt, completion_tokens=completion)
            return
        self.ledger.record_call(_current_step.get())

    async def structured(
        self, step: str, messages: list[Message], response_model: type[T], *, max_tokens: int
    ) -> T:
        """One validated answer. Raises ProviderError / ModelOutputError with the usage so far.

        At most `concurrency` requests are in flight at once on this event loop; a request waits for a
        free place.
        """
        connection = self._connection()
        async with connection.in_flight:
            return await self._structured(connection, step, messages, response_model, max_tokens=max_tokens)

    async def _structured(
        self,
        connection: _Connection,
        step: str,
        messages: list[Message],
        response_model: type[T],
        *,
        max_tokens: int,
    ) -> T:
        token = _current_step.set(step)
        redacting = _log_redactor.set(self.redactor)
        started = time.monotonic()
        attempts = 0
        settings = self.settings
        try:
            async for attempt in transient_retrying(
                max_retries=settings.max_retries,
                max_wait=settings.retry_max_wait,
                total_seconds=settings.retry_total_seconds,
                sleep=self._sleep,
            ):
                with attempt:
                    attempts += 1
                    result: T = await connection.instructor.chat.completions.create(
                        model=settings.model,
                        messages=messages,  # type: ignore[arg-type]
                        response_model=response_model,
                        max_retries=settings.max_reasks,
                        max_tokens=max_tokens,
                        temperature=settings.temperature,
                        seed=settings.seed,
                    )
                    return result
        except Exception as error:  # every failure leaves as one of our exceptions
            raise describe_failure(
                error,
                model=settings.model,
                where=self.location,
                usage=self.ledger.so_far(),
                attempts=attempts,
                redactor=self.redactor,
            ) from redacted_cause(error, self.redactor)
        finally:
            self.ledger.record_interval(step, started, time.monotonic())
            _current_step.reset(token)
            _log_redactor.reset(redacting)
        raise AssertionError("unreachable: tenacity either returns or raises")

    async def release_connections(self) -> None:
        """Close the running event loop's pooled connections before the loop ends (the synchronous API
        calls this at the end of each call; an async caller sharing a client across loops, each its
        own `asyncio.run`, should too). The loop's next request opens new ones. An HTTP client given
        to the constructor stays open: a `ModelHttpClient` closes its pooled connections; another is
        the caller's to keep on one loop."""
        connection = self._connections.pop(asyncio.get_running_loop(), None)
        if connection is not None and connection.owns_http:
            await connection.openai.close()
        if isinstance(self._given_http, ModelHttpClient):  # usable on the next loop too
            await self._given_http.release_connections()

    async def aclose(self) -> None:
        """Close the running loop's connections, and an HTTP client given to the constructor. Other
        loops' connections are the loops' to release (a closed loop's are dropped)."""
        await self.release_connections()
        self._drop_ended_loops()
        if self._given_http is not None:
            await self._given_http.aclose()
