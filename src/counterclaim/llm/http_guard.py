"""The model server's HTTP answers, bounded and checked before anything above reads them.

`ModelHttpClient` is the HTTP client every `ModelClient` talks through (the response cache's client is
one too). For each request it

- bounds the whole exchange (connecting, sending, waiting and reading the entire body) by
  `total_seconds` (the `--timeout` setting): a server that drips one byte at a time cannot hold a
  request longer than that. Running over raises `httpx2.ReadTimeout`, which the OpenAI client reports
  as a timeout, retried like any other;
- reads at most `MAX_ANSWER_BYTES` of body: a larger answer is `AnswerTooLarge` (not retried, never
  stored in the response cache);
- reports a connection that breaks while the body is being read as `AnswerCutOff` (retried), not as
  a failure to connect;
- checks that a 200 answer to a chat-completion request is one (`chat_completion_problem`): an HTML
  page from a proxy, a body that is not JSON, a JSON `error` object or an answer without choices is a
  server failing behind a 200 (`UnusableServerAnswer`, retried, then reported as a server error), not
  a model answer that did not fit the schema;
- recognises a refusal (a `refusal` text, or `finish_reason` "content_filter") as `ModelRefusal`:
  asking again with the validation error would be pointless, so it is raised before instructor sees
  an answer to re-ask about.

The exceptions are `openai.APIError`s, which the OpenAI client passes on unchanged; `failures.py`
classifies and describes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

import httpx2
import openai

RequestShaper = Callable[[dict[str, Any]], dict[str, Any]]
"""A rewrite of a chat-completion request body (JSON) before it is sent."""

MAX_ANSWER_BYTES = 8 * 1024 * 1024
"""Longest answer body accepted from the model server (8 MiB, decoded). A chat completion is a few
kilobytes; anything near this is a server fault, not an answer."""

CHAT_COMPLETIONS_PATH_SUFFIX = "/chat/completions"
_DROPPED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
"""Headers that describe the body as it came over the wire; the body handed on is already decoded."""


class ServerAnswerError(openai.APIError):
    """An answer from the model server that cannot be handed to the layers above."""

    def __init__(self, message: str, request: httpx2.Request) -> None:
        super().__init__(message, request, body=None)


class UnusableServerAnswer(ServerAnswerError):
    """A 200 answer to a chat-completion request that is no chat completion: the server failed."""

    def __init__(self, what: str, request: httpx2.Request) -> None:
        super().__init__(f"the server sent {what} instead of a chat completion", request)
        self.what = what
        """What arrived instead, e.g. "an HTML page"."""


class AnswerTooLarge(ServerAnswerError):
    """An answer body over `MAX_ANSWER_BYTES`."""

    def __init__(self, limit: int, request: httpx2.Request) -> None:
        super().__init__(f"the answer is larger than {limit:,} bytes", request)
        self.limit = limit


class AnswerCutOff(ServerAnswerError):
    """The connection broke while the answer's body was being read."""

    def __init__(self, request: httpx2.Request) -> None:
        super().__init__("the connection was closed while reading the answer", request)


class ModelRefusal(ServerAnswerError):
    """The model declined to answer (a refusal text, or a `content_filter` finish)."""

    def __init__(self, reason: str, usage: Any, request: httpx2.Request) -> None:
        super().__init__(f"the model refused to answer: {reason}", request)
        self.reason = reason
        self.usage = usage
        """The answer's `usage` object as the server sent it (the tokens were spent all the same)."""


def chat_completion_problem(payload: Any) -> str | None:
    """What makes a parsed 200 body something other than a chat completion (None: it is one).

    A chat completion is a JSON object without an `error` object and with a non-empty list of
    choices, each an object carrying a `message` object.
    """
    if not isinstance(payload, dict):
        return "a JSON value that is not an object"
    error = payload.get("error")
    if error:
        message = error.get("message") if isinstance(error, dict) else error
        return f"an error ({message})" if message else "an error"
    choices = payload.get("choices")
    if not isinstance(choices, list) or not choices:
        return "an answer with no choices"
    if not all(isinstance(c, dict) and isinstance(c.get("message"), dict) for c in choices):
        return "a choice without a message"
    return None


def refusal_reason(payload: dict[str, Any]) -> str | None:
    """Why the model declined, when a choice of this chat completion is a refusal (else None)."""
    for choice in payload.get("choices", []):
        message = choice.get("message") or {}
        refusal = message.get("refusal")
        if isinstance(refusal, str) and refusal.strip():
            return refusal
        if choice.get("finish_reason") == "content_filter":
            return "finish reason content_filter"
    return None


def _looks_like_html(content_type: str, content: bytes) -> bool:
    start = content.lstrip()[:15].lower()
    return "html" in content_type.lower() or start.startswith((b"<!doctype", b"<html", b"<head", b"<body"))


def check_chat_completion(response: httpx2.Response, content: bytes) -> None:
    """Raise `UnusableServerAnswer` or `ModelRefusal` unless `content` is a usable chat completion."""
    request = response.request
    if _looks_like_html(response.headers.get("content-type", ""), content):
        raise UnusableServerAnswer("an HTML page", request)
    try:
        payload: Any = json.loads(content)
    except (ValueError, RecursionError):  # not JSON, a number over 4,300 digits, deep nesting
        raise UnusableServerAnswer("a body that is not JSON this tool can read", request) from None
    problem = chat_completion_problem(payload)
    if problem is not None:
        raise UnusableServerAnswer(problem, request)
    reason = refusal_reason(payload)
    if reason is not None:
        raise ModelRefusal(reason, payload.get("usage"), request)


async def _read_bounded(response: httpx2.Response, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and "content-encoding" not in response.headers:
        raise AnswerTooLarge(limit, response.request)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise AnswerTooLarge(limit, response.request)
            chunks.append(chunk)
    except httpx2.TimeoutException:
        raise
    except httpx2.TransportError as error:  # the peer closed or reset the connection mid-body
        raise AnswerCutOff(response.request) from error
    return b"".join(chunks)


class ModelHttpClient(openai.DefaultAsyncHttpxClient):
    """The OpenAI client's default HTTP client (its timeouts, limits, redirects and proxies), with every
    answer bounded in time and size and checked (see the module docstring)."""

    def __init__(
        self,
        *,
        total_seconds: float,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
        shape_request: RequestShaper | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.total_seconds = total_seconds
        self.max_answer_bytes = max_answer_bytes
        self.shape_request = shape_request
        """Rewrites each chat-completion request body before it is sent (e.g. `compact_json`)."""

    async def release_connections(self) -> None:
        """Close the pooled connections and keep the client usable: connections belong to the event
        loop that opened them, and the next request opens new ones on its own loop."""
        for transport in (self._transport, *(t for t in self._mounts.values() if t is not None)):
            await transport.aclose()

    async def shaped(self, request: httpx2.Request) -> httpx2.Request:
        """The request as it is sent: its body rewritten by `shape_request`, when there is one."""
        if self.shape_request is None or not _is_chat_completion(request):
            return request
        body = json.loads(await request.aread())
        content = json.dumps(self.shape_request(body)).encode("utf-8")
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
        return httpx2.Request(
            request.method, request.url, headers=headers, content=content, extensions=request.extensions
        )

    async def send(
        self,
        request: httpx2.Request,
        *,
        stream: bool = False,
        auth: Any = httpx2.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx2.USE_CLIENT_DEFAULT,
    ) -> httpx2.Response:
        request = await self.shaped(request)
        if stream:  # counterclaim never streams; a streamed body is read by the caller, unchecked
            return await super().send(request, stream=True, auth=auth, follow_redirects=follow_redirects)
        deadline = asyncio.timeout(self.total_seconds)
        try:
            async with deadline:
                response = await super().send(
                    request, stream=True, auth=auth, follow_redirects=follow_redirects
                )
                try:
                    content = await _read_bounded(response, self.max_answer_bytes)
                finally:
                    await response.aclose()
        except TimeoutError:
            if not deadline.expired():
                raise
            raise httpx2.ReadTimeout(
                f"no complete answer within {self.total_seconds:g} s", request=request
            ) from None
        checked = httpx2.Response(
            response.status_code,
            headers=[(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROPPED_HEADERS],
            content=content,
            request=request,
            extensions=response.extensions,
        )
        with contextlib.suppress(AttributeError, RuntimeError):
            checked.elapsed = response.elapsed
        if response.status_code == 200 and _is_chat_completion(request):
            check_chat_completion(checked, content)
        return checked


def _is_chat_completion(request: httpx2.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith(CHAT_COMPLETIONS_PATH_SUFFIX)
