"""Fault injection: how the model client behaves when the server misbehaves.

These tests use an HTTP MOCK TRANSPORT (httpx2.MockTransport, which openai 3 talks through); the
responses below are hand-made fakes of a failing or odd server, not recordings of a model.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any
from unittest.mock import patch

import httpx2
import pytest
import tenacity
from pydantic import BaseModel

from counterclaim.config import load_settings
from counterclaim.errors import ModelOutputError, ProviderError
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient

SECRET = "sk-test-THISKEYMUSTNEVERAPPEAR1234567890"


class Greeting(BaseModel):
    greeting: str


def completion(
    content: str | None, *, finish_reason: str = "stop", refusal: str | None = None
) -> dict[str, Any]:
    """A fake chat-completion body (mock server), with usage so token accounting can be checked."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return {
        "id": "mock",
        "object": "chat.completion",
        "created": 0,
        "model": "mock-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16},
    }


OK = httpx2.Response(200, json=completion('{"greeting": "hi"}'))


class FakeServer:
    """Plays a scripted list of responses (or exceptions); the last one repeats."""

    def __init__(self, *script: httpx2.Response | Exception | Callable[[httpx2.Request], httpx2.Response]):
        self.script = list(script)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        step = self.script[min(len(self.requests), len(self.script)) - 1]
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx2.Response):
            return httpx2.Response(step.status_code, headers=step.headers, content=step.content)
        return step(request)


class FakeClock:
    """The time tenacity reads (`time.monotonic()` in its own module, for `stop_after_delay`), advanced
    only by the fake sleep: a test's retries "take" the seconds they wait, without waiting."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


def make_client(server: FakeServer, slept: list[float], clock: FakeClock, **settings: Any) -> ModelClient:
    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.now += seconds

    config = load_settings(
        env={}, provider="compatible", base_url="http://mock.invalid/v1", model="mock-model",
        api_key=SECRET, **settings,
    )  # fmt: skip
    # The client ModelClient would build (answers bounded and checked), over the mock transport.
    http = ModelHttpClient(total_seconds=config.request_timeout, transport=httpx2.MockTransport(server))
    return ModelClient(config, http_client=http, sleep=fake_sleep)


def ask(server: FakeServer, **settings: Any) -> tuple[Greeting | Exception, list[float], ModelClient]:
    slept: list[float] = []
    clock = FakeClock()
    client = make_client(server, slept, clock, **settings)

    async def run() -> Greeting:
        try:
            return await client.structured(
                "probe", [{"role": "user", "content": "hi"}], Greeting, max_tokens=20
            )
        finally:
            await client.aclose()

    try:
        with patch.object(tenacity, "time", clock):
            return asyncio.run(run()), slept, client
    except Exception as error:
        return error, slept, client


def error_json(status: int, message: str, code: str | None = None) -> httpx2.Response:
    return httpx2.Response(status, json={"error": {"message": message, "type": "x", "code": code}})


def test_rate_limit_is_retried_honouring_retry_after() -> None:
    limited = httpx2.Response(429, headers={"retry-after": "7"}, json={"error": {"message": "slow down"}})
    server = FakeServer(limited, limited, OK)
    result, slept, client = ask(server)
    assert isinstance(result, Greeting) and result.greeting == "hi"
    assert len(server.requests) == 3
    assert slept == [7.0, 7.0]
    assert client.ledger.so_far().calls == 3


def test_insufficient_quota_is_not_retried() -> None:
    server = FakeServer(error_json(429, "You exceeded your current quota", "insufficient_quota"))
    result, slept, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert "quota" in result.one_line()
    assert len(server.requests) == 1 and slept == []


def test_server_errors_are_retried_a_bounded_number_of_times() -> None:
    server = FakeServer(error_json(503, "overloaded"))
    result, slept, _ = ask(server, max_retries=3)
    assert isinstance(result, ProviderError)
    assert "503" in result.one_line() and "4 attempt" in result.one_line()
    assert len(server.requests) == 4
    assert len(slept) == 3 and all(0 <= s <= 30 for s in slept)


def test_retrying_stops_when_the_server_asks_for_more_than_the_time_budget() -> None:
    """The server asks for 1000 s before a retry and the budget is 60 s: no retry is made, though
    max_retries would allow five (a request sent before its Retry-After is refused again)."""
    limited = httpx2.Response(429, headers={"retry-after": "1000"}, json={"error": {"message": "wait"}})
    server = FakeServer(limited)
    result, slept, _ = ask(server, max_retries=5, retry_total_seconds=60)
    assert isinstance(result, ProviderError)
    assert slept == []
    assert len(server.requests) == 1


def test_a_budget_larger_than_the_waits_leaves_the_attempts_to_max_retries() -> None:
    limited = httpx2.Response(429, headers={"retry-after": "10"}, json={"error": {"message": "wait"}})
    server = FakeServer(limited)
    result, slept, _ = ask(server, max_retries=3, retry_total_seconds=60)
    assert isinstance(result, ProviderError)
    assert slept == [10.0, 10.0, 10.0] and len(server.requests) == 4


def test_timeouts_are_retried_then_reported() -> None:
    server = FakeServer(httpx2.ReadTimeout("timed out"))
    result, _, _ = ask(server, max_retries=2)
    assert isinstance(result, ProviderError)
    assert "timed out" in result.one_line()
    assert len(server.requests) == 3


def test_connection_refused_is_reported_after_retries() -> None:
    server = FakeServer(httpx2.ConnectError("connection refused"))
    result, _, _ = ask(server, max_retries=1)
    assert isinstance(result, ProviderError)
    assert "could not connect" in result.one_line()
    assert len(server.requests) == 2


def test_html_page_instead_of_json_gives_a_clear_error() -> None:
    page = httpx2.Response(
        200, headers={"content-type": "text/html"}, content=b"<html><body>Login</body></html>"
    )
    server = FakeServer(page)
    result, _, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert "HTML page" in result.one_line() and "<html>" not in result.one_line()


def test_unknown_model_is_not_retried() -> None:
    server = FakeServer(error_json(404, "The model `nope` does not exist", "model_not_found"))
    result, _, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert "not found" in result.one_line()
    assert len(server.requests) == 1


def test_wrong_key_is_reported_without_echoing_it() -> None:
    server = FakeServer(error_json(401, f"Incorrect API key provided: {SECRET}", "invalid_api_key"))
    result, _, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert "401" in result.one_line()
    assert SECRET not in result.one_line() and "sk-" not in result.one_line()
    assert len(server.requests) == 1


def test_server_message_never_leaks_a_key() -> None:
    server = FakeServer(error_json(418, f"odd failure for key {SECRET} org-abcdefghijkl"))
    result, _, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert SECRET not in result.one_line() and "org-abcdefghijkl" not in result.one_line()


def test_context_length_exceeded_is_explained() -> None:
    message = "This model's maximum context length is 8192 tokens"
    server = FakeServer(error_json(400, message, "context_length_exceeded"))
    result, _, _ = ask(server)
    assert isinstance(result, ProviderError)
    assert "context window" in result.one_line()
    assert len(server.requests) == 1


def test_output_cut_at_max_tokens_is_reported_with_tokens_spent() -> None:
    server = FakeServer(httpx2.Response(200, json=completion('{"greeting": "hel', finish_reason="length")))
    result, _, _ = ask(server)
    assert isinstance(result, ModelOutputError)
    assert "cut off" in result.one_line()
    assert "(1 model call(s), 11 prompt + 5 completion tokens spent)" in result.one_line()
    assert result.usage is not None and result.usage.calls == 1
    assert result.usage.prompt_tokens == 11 and result.usage.completion_tokens == 5


def test_refusal_is_reported() -> None:
    server = FakeServer(httpx2.Response(200, json=completion(None, refusal="I can't help with that.")))
    result, _, _ = ask(server, max_reasks=0)
    assert isinstance(result, ModelOutputError)


def test_output_that_never_fits_the_schema_is_reasked_then_reported() -> None:
    server = FakeServer(httpx2.Response(200, json=completion('{"salutation": "hi"}')))
    result, slept, _ = ask(server, max_reasks=2)
    assert isinstance(result, ModelOutputError)
    assert "never fitted" in result.one_line() and "3 attempt" in result.one_line()
    assert len(server.requests) == 3 and slept == []
    assert result.usage is not None and result.usage.completion_tokens == 15


def test_truncated_json_is_reasked_and_can_recover() -> None:
    broken = httpx2.Response(200, json=completion('{"greeting": "hi'))
    server = FakeServer(broken, OK)
    result, _, client = ask(server, max_reasks=2)
    assert isinstance(result, Greeting) and result.greeting == "hi"
    assert len(server.requests) == 2
    second = json.loads(server.requests[1].content)
    assert len(second["messages"]) > 1  # the re-ask carries the validation error back to the model
    assert client.ledger.so_far().calls == 2


def test_transient_errors_and_reasks_are_separate_layers() -> None:
    # A 500 then invalid output then valid output: one retry (transient) and one re-ask (validation).
    server = FakeServer(
        error_json(500, "boom"),
        httpx2.Response(200, json=completion('{"nope": 1}')),
        OK,
    )
    result, slept, _ = ask(server, max_retries=1, max_reasks=1)
    assert isinstance(result, Greeting) and result.greeting == "hi"
    assert len(server.requests) == 3
    assert len(slept) == 1


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_api_key_is_refused_before_any_request(value: str) -> None:
    from counterclaim.errors import ConfigurationError

    with pytest.raises(ConfigurationError) as caught:
        load_settings(env={"OPENAI_API_KEY": value}, provider="openai")
    assert "OPENAI_API_KEY" in caught.value.one_line()


def test_a_failing_server_s_own_message_is_kept_in_the_report() -> None:
    """A 5xx whose body explains itself (a batch that did not run a request, a proxy's reason) keeps
    that reason in the one-line error; a bare 5xx keeps the short form."""
    explained, _, _ = ask(FakeServer(error_json(503, "the batch did not run this request")), max_retries=0)
    bare, _, _ = ask(FakeServer(httpx2.Response(502, text="")), max_retries=0)
    assert isinstance(explained, ProviderError) and isinstance(bare, ProviderError)
    assert "kept failing (503: the batch did not run this request) after 1 attempt(s)" in explained.one_line()
    assert "kept failing (502) after 1 attempt(s)" in bare.one_line()


def test_a_wait_never_runs_past_the_time_budget() -> None:
    """Retry-After 40 s with a 60 s budget: one wait of 40 s, then none, since 40 s more would end past
    the budget (the wait used to be capped at the whole budget, ending 20 s past it)."""
    limited = httpx2.Response(429, headers={"retry-after": "40"}, json={"error": {"message": "wait"}})
    server = FakeServer(limited)
    result, slept, _ = ask(server, max_retries=5, retry_total_seconds=60)
    assert isinstance(result, ProviderError)
    assert slept == [40.0] and len(server.requests) == 2


def test_a_backoff_is_cut_to_the_time_left() -> None:
    server = FakeServer(error_json(503, "overloaded"))
    result, slept, _ = ask(server, max_retries=50, retry_max_wait=30, retry_total_seconds=45)
    assert isinstance(result, ProviderError)
    assert sum(slept) <= 45.0 and len(server.requests) == len(slept) + 1
