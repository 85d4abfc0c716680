"""The response cache (`--response-cache`): repeated requests are answered from disk, nothing else is.

The end-to-end tests fill the cache from answers recorded from the real embedded model (the seed
article's cassette) and then analyse the article again with no cassette and no server. The HTTP-client
tests put `httpx2.MockTransport` behind the cache as a stand-in server, to count what reaches it and
to serve the failures (500, cut-off JSON, an answer cut off at its token limit) that must never be
stored: that server is a test double, its answers are not model output.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import httpx2
import openai
import pytest

from counterclaim.cli import main
from counterclaim.cli.options import settings_from
from counterclaim.config import load_settings
from counterclaim.errors import ConfigurationError, ProviderError
from counterclaim.evaluation.report import score_table
from counterclaim.evaluation.run_files import ANSWERS_DIR, SAMPLES_FILE, load_run_record, load_samples
from counterclaim.evaluation.runner import with_run_cache
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import MAX_ANSWER_BYTES, UnusableServerAnswer
from counterclaim.llm.response_cache import (
    CACHED_MARKER,
    CachingHttpClient,
    ResponseCache,
    request_key,
    response_cache_for,
)
from counterclaim.models import Analysis
from counterclaim.pipeline.analyze import run_pipeline
from recording import REPLAY_BASE_URL, recorded_client, recorded_settings, replaying, seed, seed_cassette

SEED = Path(__file__).parents[1] / "seeds" / "articles" / "nato-russia-troop-buildup-2022-02-16.txt"
NATO_RECORDED = seed_cassette("staged", seed("nato-russia-troop-buildup-2022-02-16"))
ETHIOPIA = seed("ethiopia-oromia-protest-deaths-2015-12-16")
ETHIOPIA_SEED = ETHIOPIA.path
ETHIOPIA_RECORDED = seed_cassette("staged", ETHIOPIA)
COMPLETIONS = "http://server.test/v1/chat/completions"
ANSWER = {
    "choices": [{"finish_reason": "stop", "message": {"role": "assistant", "content": "{}"}}],
    "usage": {"prompt_tokens": 3},
}
CUT_OFF = {"choices": [{"finish_reason": "length", "message": {"role": "assistant", "content": '{"a": "b'}}]}


def _body(**fields: object) -> bytes:
    return json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}], **fields}).encode()


class _Server:
    """A stand-in server (MockTransport) that answers from a list and counts the requests it saw."""

    def __init__(self, *responses: httpx2.Response) -> None:
        self.responses = list(responses)
        self.seen: list[bytes] = []
        self.transport = httpx2.MockTransport(self._handle)

    def _handle(self, request: httpx2.Request) -> httpx2.Response:
        self.seen.append(request.content)
        return self.responses.pop(0)


def _send(client: httpx2.AsyncClient, body: bytes, url: str = COMPLETIONS) -> httpx2.Response:
    async def go() -> httpx2.Response:
        return await client.post(url, content=body, headers={"content-type": "application/json"})

    return asyncio.run(go())


@pytest.fixture
def cache(tmp_path: Path) -> ResponseCache:
    return ResponseCache(tmp_path / "answers", "local|model.gguf:123")


# --- keys -----------------------------------------------------------------------------------------


def test_the_key_ignores_field_order_but_not_any_field_value() -> None:
    reordered = json.dumps({"messages": [{"content": "hi", "role": "user"}], "model": "m"}).encode()
    assert request_key("ns", _body()) == request_key("ns", reordered)
    assert request_key("ns", _body()) != request_key("ns", _body(temperature=0.5))
    assert request_key("ns", _body(max_tokens=10)) != request_key("ns", _body(max_tokens=11))
    assert request_key("ns", _body()) != request_key("other model", _body())
    assert request_key("ns", b"not json") is None
    assert request_key("ns", _body(stream=True)) is None  # a streamed answer is never cached


# --- the HTTP client ------------------------------------------------------------------------------


def test_a_repeated_request_is_answered_from_the_cache_and_marked(cache: ResponseCache) -> None:
    server = _Server(httpx2.Response(200, json=ANSWER))
    client = CachingHttpClient(cache, transport=server.transport)

    first = _send(client, _body())
    second = _send(client, _body())

    assert len(server.seen) == 1
    assert first.json() == ANSWER
    assert second.json() == {**ANSWER, CACHED_MARKER: True}


def test_a_different_request_reaches_the_server(cache: ResponseCache) -> None:
    server = _Server(httpx2.Response(200, json=ANSWER), httpx2.Response(200, json=ANSWER))
    client = CachingHttpClient(cache, transport=server.transport)
    _send(client, _body())
    _send(client, _body(max_tokens=5))
    assert len(server.seen) == 2


def test_failures_and_cut_off_answers_are_never_stored(cache: ResponseCache) -> None:
    server = _Server(
        httpx2.Response(500, json={"error": "busy"}),
        httpx2.Response(200, content=b'{"choices": [{"mess'),
        httpx2.Response(200, json=CUT_OFF),
        httpx2.Response(200, json=ANSWER),
        httpx2.Response(200, json=ANSWER),
    )
    client = CachingHttpClient(cache, transport=server.transport)
    assert _send(client, _body()).status_code == 500
    with pytest.raises(UnusableServerAnswer):  # a server failing behind a 200, for the client to report
        _send(client, _body())
    assert _send(client, _body()).json() == CUT_OFF
    assert _send(client, _body()).json() == ANSWER
    assert _send(client, _body()).json() == {**ANSWER, CACHED_MARKER: True}
    assert len(server.seen) == 4


def test_only_chat_completions_are_cached(cache: ResponseCache) -> None:
    server = _Server(httpx2.Response(200, json={"data": []}), httpx2.Response(200, json={"data": []}))
    client = CachingHttpClient(cache, transport=server.transport)
    _send(client, _body(), url="http://server.test/v1/embeddings")
    _send(client, _body(), url="http://server.test/v1/embeddings")
    assert len(server.seen) == 2


@pytest.mark.parametrize(
    "stored",
    [b'{"choices": [', b'{"usage": {"prompt_tokens": ' + b"9" * 5000 + b"}}", b"[" * 100_000],
    ids=["cut short", "a number over 4,300 digits", "deep nesting"],
)
def test_an_unreadable_entry_is_asked_again_and_replaced(cache: ResponseCache, stored: bytes) -> None:
    """The last two reached the client as "could not connect to the model server" (an adversarial probe)."""
    key = request_key(cache.namespace, _body())
    assert key is not None
    entry = cache.directory / key[:2] / f"{key}.json"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(stored)
    server = _Server(httpx2.Response(200, json=ANSWER))

    assert _send(CachingHttpClient(cache, transport=server.transport), _body()).json() == ANSWER
    assert len(server.seen) == 1
    assert json.loads(entry.read_bytes()) == ANSWER


def _entry_path(cache: ResponseCache) -> Path:
    key = request_key(cache.namespace, _body())
    assert key is not None
    entry = cache.directory / key[:2] / f"{key}.json"
    entry.parent.mkdir(parents=True, exist_ok=True)
    return entry


@pytest.mark.parametrize(
    "stored",
    [
        {"choices": [{"finish_reason": "stop"}]},  # no message
        {"choices": [{"finish_reason": "stop", "message": "text"}]},  # a message that is no object
        {"error": {"message": "stored by an older version"}, "choices": [{"message": {}}]},
    ],
    ids=["no message", "message not an object", "error object"],
)
def test_an_entry_that_parses_but_is_no_chat_completion_is_a_miss_and_is_repaired(
    cache: ResponseCache, stored: dict[str, object]
) -> None:
    """The stand-in server is an httpx2.MockTransport; the broken entry is written by hand."""
    entry = _entry_path(cache)
    entry.write_text(json.dumps(stored))
    server = _Server(httpx2.Response(200, json=ANSWER))

    assert _send(CachingHttpClient(cache, transport=server.transport), _body()).json() == ANSWER
    assert len(server.seen) == 1
    assert json.loads(entry.read_bytes()) == ANSWER


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["symlink to /dev/zero", "fifo", "symlink to a fifo"])
def test_an_entry_that_is_no_regular_file_is_a_miss_never_a_hang(
    cache: ResponseCache, tmp_path: Path, kind: str
) -> None:
    """The stand-in server is an httpx2.MockTransport. An entry that is (or links to) a device or a
    named pipe is never read: it is asked anew and replaced by a regular file."""
    entry = _entry_path(cache)
    if kind == "symlink to /dev/zero":
        entry.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        os.mkfifo(tmp_path / "pipe")
        entry.symlink_to(tmp_path / "pipe")
    server = _Server(httpx2.Response(200, json=ANSWER))

    assert _send(CachingHttpClient(cache, transport=server.transport), _body()).json() == ANSWER
    assert len(server.seen) == 1
    assert entry.is_file() and not entry.is_symlink()
    assert json.loads(entry.read_bytes()) == ANSWER


def test_an_oversized_entry_is_a_miss(cache: ResponseCache) -> None:
    """The stand-in server is an httpx2.MockTransport; the entry is padded past the answer limit."""
    entry = _entry_path(cache)
    entry.write_bytes(json.dumps(ANSWER).encode() + b" " * (MAX_ANSWER_BYTES + 1))
    server = _Server(httpx2.Response(200, json=ANSWER))

    assert _send(CachingHttpClient(cache, transport=server.transport), _body()).json() == ANSWER
    assert len(server.seen) == 1


def test_a_cache_directory_that_cannot_be_made_is_a_configuration_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigurationError, match="cannot use cache directory"):
        ResponseCache(blocker / "answers", "ns")


# --- settings -------------------------------------------------------------------------------------


def test_the_cache_directory_comes_from_the_flag_or_the_environment(tmp_path: Path) -> None:
    assert settings_from({"response_cache": str(tmp_path)}).response_cache == tmp_path
    deprecated = settings_from({"cache_dir": str(tmp_path)})  # the deprecated flag, with a notice
    assert deprecated.response_cache == tmp_path
    assert deprecated.notices == (
        "--cache-dir is deprecated: use --response-cache (the folder of stored model answers)",
    )
    assert settings_from({"response_cache": str(tmp_path)}).notices == ()
    assert load_settings(env={"COUNTERCLAIM_RESPONSE_CACHE": str(tmp_path)}).response_cache == tmp_path
    assert load_settings(env={}).response_cache is None


def test_the_old_cache_variable_sets_both_caches_with_a_notice(tmp_path: Path) -> None:
    old = load_settings(env={"COUNTERCLAIM_CACHE_DIR": str(tmp_path)})
    assert old.response_cache == tmp_path and old.model_cache == tmp_path
    assert any("COUNTERCLAIM_CACHE_DIR is deprecated" in notice for notice in old.notices)
    newer = load_settings(
        env={"COUNTERCLAIM_CACHE_DIR": str(tmp_path), "COUNTERCLAIM_MODEL_CACHE": str(tmp_path / "models")}
    )
    assert newer.response_cache == tmp_path and newer.model_cache == tmp_path / "models"
    assert load_settings(env={}).notices == ()


def test_answers_of_one_server_are_not_served_for_another(tmp_path: Path) -> None:
    def namespace(base_url: str) -> str:
        settings = load_settings(env={}, base_url=base_url, model="m", response_cache=tmp_path)
        cache = response_cache_for(settings)
        assert cache is not None
        return cache.namespace

    assert namespace("http://a.test:8000/v1") != namespace("http://b.test:8000/v1")
    assert namespace("http://gw.test/qwen/v1") != namespace("http://gw.test/llama/v1")
    assert "secret" not in namespace("http://user:secret@a.test:8000/v1")


def test_answers_of_one_embedded_model_or_context_size_are_not_served_for_another(tmp_path: Path) -> None:
    first, second = tmp_path / "a.gguf", tmp_path / "b.gguf"
    first.write_bytes(b"GGUF" + bytes(8))
    second.write_bytes(b"GGUF" + bytes(8))  # same size, another file

    def namespace(model: Path, n_ctx: int = 8192) -> str:
        settings = recorded_settings(model_path=model, n_ctx=n_ctx, response_cache=tmp_path / "answers")
        cache = response_cache_for(settings)
        assert cache is not None
        return cache.namespace

    assert namespace(first) != namespace(second)
    assert namespace(first) != namespace(first, n_ctx=4096)  # a full context cuts answers short
    before = namespace(first)
    os.utime(first, ns=(2, 2))  # the same path, rewritten with another model of the same size
    assert namespace(first) != before


def test_the_cached_client_keeps_the_openai_clients_connection_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Proxies from the environment, connection limits, redirects and timeouts are the OpenAI client's."""
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    plain = openai.DefaultAsyncHttpxClient()
    cached = CachingHttpClient(ResponseCache(tmp_path, "ns"))
    try:
        assert cached._mounts.keys() == plain._mounts.keys() and cached._mounts  # the proxy is used
        pool = cached._transport._pool  # type: ignore[attr-defined]
        plain_pool = plain._transport._pool  # type: ignore[attr-defined]
        assert pool._max_connections == plain_pool._max_connections
        assert pool._max_keepalive_connections == plain_pool._max_keepalive_connections
        assert cached.follow_redirects == plain.follow_redirects
        assert cached.timeout == plain.timeout
    finally:
        asyncio.run(cached.aclose())
        asyncio.run(plain.aclose())


def test_an_empty_cache_directory_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--response-cache", "--cache-dir"):
        assert main(["analyze", "a.txt", flag, ""]) == 2
        err = capsys.readouterr().err
        assert err.startswith("counterclaim: error: ") and "empty" in err


# --- end to end: recorded answers fill the cache, then no model is needed --------------------------


@pytest.mark.no_server  # the second analysis must be answered from the cache, with nothing listening
def test_an_article_analysed_again_is_answered_from_the_cache_alone(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    settings = recorded_settings(response_cache=tmp_path / "answers")
    cache = response_cache_for(settings, model_path=SEED)  # any file: the namespace only needs a name

    async def first() -> Analysis:
        async with recorded_client(NATO_RECORDED, settings, replay_only=True, cache=cache) as client:
            return await run_pipeline(text, client)

    async def again() -> Analysis:
        # No cassette and nothing listening at this address: a request the cache cannot answer fails.
        client = ModelClient(settings, base_url=REPLAY_BASE_URL, cache=cache)
        try:
            return await run_pipeline(text, client)
        finally:
            await client.aclose()

    recorded = asyncio.run(first())
    cached = asyncio.run(again())

    assert recorded.run.cached_calls == 0
    assert recorded.run.model_calls > 10
    assert cached.run.cached_calls == cached.run.model_calls == recorded.run.model_calls
    assert (cached.run.prompt_tokens, cached.run.completion_tokens) == (
        recorded.run.prompt_tokens,
        recorded.run.completion_tokens,
    )
    assert cached.claims == recorded.claims
    assert cached.contradictions == recorded.contradictions
    assert cached.summary == recorded.summary

    async def other_article() -> Analysis:
        client = ModelClient(settings, base_url=REPLAY_BASE_URL, cache=cache)
        try:
            return await run_pipeline(text.replace("NATO", "The alliance", 1), client)
        finally:
            await client.aclose()

    with pytest.raises(ProviderError):  # a changed article is a new request: the model is asked
        asyncio.run(other_article())


def test_eval_reports_show_how_many_calls_the_cache_answered() -> None:
    baselines = Path(__file__).parents[1] / "evals" / "baselines"
    record = load_run_record(baselines / "seeds-staged.run.json")
    samples = load_samples(baselines / "seeds-staged.samples.jsonl")
    first = samples[0]
    cost = first.cost.model_copy(update={"cached_calls": 2})
    table = score_table(record, [first.model_copy(update={"cost": cost}), *samples[1:]])
    calls_column = table.headers.index("Calls") - 2  # cells follow the label and the status
    assert table.rows[0].cells[calls_column] == f"{first.cost.model_calls} (2 cached)"
    assert table.rows[1].cells[calls_column] == str(samples[1].cost.model_calls)


# --- eval: every run keeps its answers, so a resumed article is not paid for twice ------------------


@pytest.mark.usefixtures("no_counterclaim_env")
def test_a_resumed_eval_gets_the_interrupted_articles_answers_from_the_run_folder(tmp_path: Path) -> None:
    """The first run's answers are replayed from the seed recording; the resumed run has no recording
    and nothing listening at the server address, so every answer must come from `<run>/answers/`."""
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    shutil.copy(ETHIOPIA_SEED, dataset / ETHIOPIA_SEED.name)
    settings = recorded_settings()
    model = ["--provider", "compatible", "--base-url", REPLAY_BASE_URL, "--model", settings.model]
    model += ["--mode", settings.mode.value]

    with replaying(ETHIOPIA_RECORDED):
        assert main(["eval", "--dataset", str(dataset), "--out", str(tmp_path / "runs"), "-q", *model]) == 0
    (run_dir,) = (tmp_path / "runs").iterdir()
    first = load_samples(run_dir / SAMPLES_FILE)[0]
    assert first.cost.cached_calls == 0 and first.cost.model_calls > 3
    assert sum(1 for _ in (run_dir / ANSWERS_DIR).rglob("*.json")) == first.cost.model_calls

    (run_dir / SAMPLES_FILE).write_text("", encoding="utf-8")  # as if stopped before the article ended
    assert main(["eval", "--resume", str(run_dir), "-q", *model]) == 0

    again = load_samples(run_dir / SAMPLES_FILE)[0]
    assert again.cost.cached_calls == again.cost.model_calls == first.cost.model_calls
    assert again.score == first.score
    assert again.prediction is not None and first.prediction is not None
    assert again.prediction.claims == first.prediction.claims


def test_a_chosen_cache_directory_replaces_the_run_folders_own(tmp_path: Path) -> None:
    chosen = recorded_settings(response_cache=tmp_path / "shared")
    assert with_run_cache(chosen, tmp_path / "run").response_cache == tmp_path / "shared"
    own = with_run_cache(recorded_settings(), tmp_path / "run")
    assert own.response_cache == tmp_path / "run" / ANSWERS_DIR


@pytest.mark.usefixtures("no_counterclaim_env")
def test_the_cli_analyses_an_article_again_from_its_cache_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`analyze --response-cache`: the first run's answers are replayed from the seed recording; the second
    run has no recording and nothing listening, and prints the same analysis."""
    article = tmp_path / "article.txt"
    article.write_text(str(json.loads(ETHIOPIA_SEED.read_text(encoding="utf-8"))["text"]), encoding="utf-8")
    settings = recorded_settings()
    argv = ["analyze", str(article), "--provider", "compatible", "--base-url", REPLAY_BASE_URL]
    argv += ["--model", settings.model, "--mode", settings.mode.value, "--format", "json"]
    argv += ["--response-cache", str(tmp_path / "answers")]

    with replaying(ETHIOPIA_RECORDED):
        assert main(argv) == 0
    first = Analysis.model_validate_json(capsys.readouterr().out)
    assert main(argv) == 0
    captured = capsys.readouterr()
    again = Analysis.model_validate_json(captured.out)

    assert first.run.cached_calls == 0
    assert again.run.cached_calls == again.run.model_calls == first.run.model_calls
    assert again.claims == first.claims and again.contradictions == first.contradictions
    assert f"({again.run.cached_calls} from cache)" in captured.err
