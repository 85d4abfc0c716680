"""Fault injection over real HTTP: a server that fails while looking like it answered.

These tests use a LOCAL HTTP TEST SERVER (`local_fault_server`, threading `http.server` on 127.0.0.1,
port 0) that plays hand-made replies; the model client talks to it through its ordinary HTTP stack
(no mock transport), so time bounds, body reading and the response cache are exercised as in use.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from counterclaim.cli import main
from counterclaim.config import load_settings
from counterclaim.errors import ModelOutputError, ProviderError
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import MAX_ANSWER_BYTES
from local_fault_server import (
    completion_body,
    cut_reply,
    dripping_reply,
    json_reply,
    raw_reply,
    scripted_server,
)

OK_BODY = completion_body('{"greeting": "hi"}')
HTML_PAGE = b"<!DOCTYPE html><html><body><h1>Sign in</h1><form>...</form></body></html>"


class Greeting(BaseModel):
    greeting: str


def ask(url: str, **overrides: Any) -> tuple[Greeting | Exception, list[float], ModelClient]:
    """One structured request to the server at `url`; retries sleep for no time (waits recorded)."""
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    values: dict[str, Any] = {"provider": "compatible", "base_url": url, "model": "fault-model"}
    settings = load_settings(env={}, **{**values, **overrides})
    client = ModelClient(settings, sleep=fake_sleep)

    async def run() -> Greeting:
        try:
            return await client.structured(
                "probe", [{"role": "user", "content": "hi"}], Greeting, max_tokens=20
            )
        finally:
            await client.aclose()

    try:
        return asyncio.run(run()), slept, client
    except Exception as error:
        return error, slept, client


# --- item 2: a server failing behind a 200 is a server error, retried, then exit 5 -----------------

SERVER_ERRORS_BEHIND_200 = {
    "html page": (raw_reply(HTML_PAGE, content_type="text/html; charset=utf-8"), "an HTML page"),
    "body not json": (raw_reply(b"upstream said: oops"), "not JSON"),
    # found by a review: "could not connect to the model server" after retries (ValueError escaped)
    "number over 4,300 digits": (
        raw_reply(b'{"usage": {"prompt_tokens": ' + b"9" * 5000 + b"}}"),
        "not JSON",
    ),
    "empty choices": (json_reply({**OK_BODY, "choices": []}), "no choices"),
    "error object": (json_reply({"error": {"message": "backend exploded", "type": "server_error"}}), "error"),
}


@pytest.mark.parametrize("case", SERVER_ERRORS_BEHIND_200)
def test_a_200_that_is_no_chat_completion_is_a_server_error_retried(case: str) -> None:
    reply, described = SERVER_ERRORS_BEHIND_200[case]
    with scripted_server(reply) as server:
        result, slept, _ = ask(server.url, max_retries=2)
    assert isinstance(result, ProviderError), result
    assert described in result.one_line()
    assert "3 attempt" in result.one_line()
    assert len(server.requests) == 3 and len(slept) == 2


def test_a_200_that_is_no_chat_completion_can_recover_on_retry() -> None:
    with scripted_server(raw_reply(HTML_PAGE, content_type="text/html"), json_reply(OK_BODY)) as server:
        result, _, _ = ask(server.url, max_retries=1)
    assert isinstance(result, Greeting) and result.greeting == "hi"


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_that_is_neither_seconds_nor_a_date_falls_back_to_backoff(status: int) -> None:
    busy = json_reply({"error": {"message": "busy"}}, status=status, headers={"Retry-After": "soon"})
    with scripted_server(busy, busy, json_reply(OK_BODY)) as server:
        result, slept, _ = ask(server.url, max_retries=3, retry_max_wait=1)
    assert isinstance(result, Greeting), result
    assert len(server.requests) == 3
    assert len(slept) == 2 and all(0 <= s <= 1 for s in slept)


# llama.cpp's server (the embedded one) answers 500 with this message when the text the model generated
# fails the server's own parser; seen on a Wikinews article (the four identical attempts lost it whole).
LLAMA_OUTPUT_NOT_PARSED = {
    "error": {
        "code": 500,
        "message": "The model produced output that does not match the expected peg-native format",
        "type": "server_error",
    }
}


def test_a_500_blaming_the_model_output_is_that_answer_unusable_not_retried() -> None:
    with scripted_server(json_reply(LLAMA_OUTPUT_NOT_PARSED, status=500), json_reply(OK_BODY)) as server:
        result, slept, _ = ask(server.url, max_retries=3)
    assert isinstance(result, ModelOutputError), result
    assert "could not read the model's output" in result.one_line()
    assert "peg-native format" in result.one_line()
    assert len(server.requests) == 1 and slept == []


def test_another_500_is_still_a_server_error_retried() -> None:
    other = {"error": {"code": 500, "message": "slot unavailable", "type": "server_error"}}
    with scripted_server(json_reply(other, status=500)) as server:
        result, slept, _ = ask(server.url, max_retries=2)
    assert isinstance(result, ProviderError), result
    assert "slot unavailable" in result.one_line() and len(server.requests) == 3 and len(slept) == 2


def test_analyze_against_a_server_sending_html_fails_with_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every request failed in a way that says nothing about the article: the analysis failed."""
    for name in (
        "OPENAI_API_KEY",
        "COUNTERCLAIM_API_KEY",
        "COUNTERCLAIM_CACHE_DIR",
        "COUNTERCLAIM_RESPONSE_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COUNTERCLAIM_RETRY_MAX_WAIT", "0")
    article = tmp_path / "article.txt"
    article.write_text('The mayor said the bridge is safe. "It is not," the engineer said.\n')
    with scripted_server(raw_reply(HTML_PAGE, content_type="text/html")) as server:
        code = main(
            ["analyze", str(article), "-q", "--provider", "compatible", "--base-url", server.url,
             "--model", "fault-model", "--max-retries", "1"]
        )  # fmt: skip
    captured = capsys.readouterr()
    assert code == ProviderError.exit_code, captured
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("counterclaim: error: ")
    assert "HTML page" in lines[0]


# --- item 3: refusals are not re-asked; a cut connection is said to be one --------------------------


def test_a_refusal_is_reported_as_such_without_reasking() -> None:
    with scripted_server(json_reply(completion_body(None, refusal="I can't help with that."))) as server:
        result, _, _ = ask(server.url, max_reasks=2)
    assert isinstance(result, ModelOutputError), result
    assert "refused" in result.one_line()
    assert "Invalid JSON" not in result.one_line()
    assert len(server.requests) == 1


def test_a_content_filter_finish_is_reported_as_a_refusal_without_reasking() -> None:
    with scripted_server(json_reply(completion_body("", finish_reason="content_filter"))) as server:
        result, _, _ = ask(server.url, max_reasks=2)
    assert isinstance(result, ModelOutputError), result
    assert "refused" in result.one_line() and "content_filter" in result.one_line()
    assert len(server.requests) == 1


def test_a_connection_closed_mid_body_is_described_as_such() -> None:
    body = json.dumps(OK_BODY).encode()
    with scripted_server(cut_reply(body, sent_bytes=20)) as server:
        result, _, _ = ask(server.url, max_retries=1)
    assert isinstance(result, ProviderError), result
    assert "closed while reading the answer" in result.one_line()
    assert "could not connect" not in result.one_line()
    assert len(server.requests) == 2


# --- item 4: --timeout bounds the whole request; answers have a size limit --------------------------


@pytest.mark.timeout(40)
def test_timeout_bounds_the_whole_request_not_only_the_gap_between_bytes() -> None:
    body = json.dumps(OK_BODY).encode()  # ~250 bytes: 50 s at one byte every 0.2 s
    with scripted_server(dripping_reply(body, seconds_per_byte=0.2)) as server:
        started = time.monotonic()
        result, _, _ = ask(server.url, request_timeout=1.0, max_retries=1)
        elapsed = time.monotonic() - started
    assert isinstance(result, ProviderError), result
    assert "timed out" in result.one_line()
    assert len(server.requests) == 2
    assert elapsed < 6, elapsed


def test_an_answer_larger_than_the_limit_is_a_server_error_and_never_cached(tmp_path: Path) -> None:
    huge = completion_body(json.dumps({"greeting": "x" * (MAX_ANSWER_BYTES + 1024)}))
    cache = tmp_path / "cache"
    with scripted_server(json_reply(huge)) as server:
        result, _, _ = ask(server.url, response_cache=cache, max_retries=2)
    assert isinstance(result, ProviderError), type(result)
    assert "larger than" in result.one_line()
    assert len(server.requests) == 1  # the same request would get the same answer: no retry
    assert not [p for p in cache.rglob("*") if p.is_file()]


# --- item 9: token usage that is negative or not a number is unknown, with a notice ----------------

BAD_USAGES = {
    "negative": {"prompt_tokens": -5, "completion_tokens": 3, "total_tokens": -2},
    "not numbers": {"prompt_tokens": "lots", "completion_tokens": None, "total_tokens": "x"},
    "not an object": "plenty",
}


@pytest.mark.parametrize("case", BAD_USAGES)
def test_unusable_token_usage_counts_as_unknown_with_a_notice(
    case: str, recwarn: pytest.WarningsRecorder
) -> None:
    with scripted_server(json_reply(completion_body('{"greeting": "hi"}', usage=BAD_USAGES[case]))) as server:
        result, _, client = ask(server.url)
    assert isinstance(result, Greeting), result
    spent = client.ledger.so_far()
    assert spent.calls == 1
    assert spent.prompt_tokens >= 0 and spent.completion_tokens >= 0
    assert any("token usage" in notice for notice in client.ledger.notices)
    assert not [w for w in recwarn if "Traceback" in str(w.message)]


ECHOED_KEY = "vllm-key-0f3c9a7be51d42c8a6e09d1b7f2c4e8a55"  # longer than the notice keeps of it


def test_analyze_with_unusable_token_usage_finishes_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (
        "OPENAI_API_KEY",
        "COUNTERCLAIM_API_KEY",
        "COUNTERCLAIM_CACHE_DIR",
        "COUNTERCLAIM_RESPONSE_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", ECHOED_KEY)
    article = tmp_path / "article.txt"
    article.write_text("The mayor said the bridge is safe.\n")
    # a usable answer (no claims), whose usage is unusable and echoes the key the server was sent
    usage = {"prompt_tokens": ECHOED_KEY, "completion_tokens": f"Bearer {ECHOED_KEY}"}
    no_claims = completion_body('{"claims": []}', usage=usage)
    with scripted_server(json_reply(no_claims)) as server:
        code = main(
            ["analyze", str(article), "-q", "--format", "json", "--provider", "compatible",
             "--base-url", server.url, "--model", "fault-model", "--claims-only"]
        )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err
    run = json.loads(captured.out)["run"]
    assert run["prompt_tokens"] >= 0 and run["completion_tokens"] >= 0
    assert any("token usage" in notice and "[redacted]" in notice for notice in run["notices"])
    assert ECHOED_KEY[:8] not in captured.out + captured.err
