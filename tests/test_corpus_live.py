"""Many articles through one client (`counterclaim.analyze_many`, `via="live"`): one limit of requests in
flight for all of them, results as they finish, failures recorded without stopping the run, the run
folder continued, and a dead server stopping the run.

The model is a HAND-MADE stand-in behind `httpx2.MockTransport` (`fake_model`): every claim window gets
an answer with no claim (scope "claims": one request per short article), after a delay the test
chooses; a text holding "BROKEN" gets a 400, a dead server refuses every connection.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest

import counterclaim
from batch_checks import html_report, run_record
from counterclaim.config import load_settings
from counterclaim.corpus.run_folder import RunFolder
from counterclaim.corpus.runner import ArticleResult, CorpusOptions, run_identity
from counterclaim.errors import ProviderError, RunFolderError
from counterclaim.llm.client import ModelClient
from fake_model import completion


def article(n: int) -> str:
    return f"Rain fell on day {n} of the storm. The river rose by {n} metres."


class Server:
    """Counts requests and how many are in flight at once; answers after `delay(body)` seconds."""

    def __init__(self, delay: Callable[[str], float] = lambda _: 0.02) -> None:
        self.delay = delay
        self.in_flight = 0
        self.most_in_flight = 0
        self.asked: list[str] = []
        self.dead = False

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        text = body["messages"][1]["content"]
        if self.dead:
            raise httpx2.ConnectError("connection refused (hand-made)", request=request)
        self.asked.append(text)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay(text))
        finally:
            self.in_flight -= 1
        if "BROKEN" in text:
            return httpx2.Response(400, json={"error": {"message": "hand-made refusal"}})
        return httpx2.Response(200, json=completion(json.dumps({"claims": []})))


def client_for(server: Server, **settings: Any) -> ModelClient:
    values: dict[str, Any] = {"max_reasks": 0, "max_retries": 0, **settings}
    resolved = load_settings(
        env={}, provider="compatible", base_url="http://fake.invalid/v1", model="fake", **values
    )
    return ModelClient(resolved, http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(server)))


def analyse(items: list[Any], client: ModelClient, **options: Any) -> list[ArticleResult]:
    try:
        return list(counterclaim.analyze_many(items, client=client, scope="claims", **options))
    finally:
        asyncio.run(client.aclose())


def test_articles_share_one_limit_of_requests_in_flight() -> None:
    server = Server()
    results = analyse([article(n) for n in range(8)], client_for(server, concurrency=3))
    assert all(r.ok for r in results) and len(server.asked) == 8
    assert server.most_in_flight == 3  # articles went together, and never beyond the one limit


def test_results_come_as_they_finish() -> None:
    server = Server(delay=lambda text: 0.3 if "day 0 " in text else 0.01)
    results = analyse([article(n) for n in range(4)], client_for(server, concurrency=4))
    order = [r.id for r in results]
    assert order[-1] == "1" and order[0] != "1"  # the slow first article came last


def test_a_failed_article_is_recorded_the_others_finish_and_retry_failed_redoes_only_it(
    tmp_path: Path,
) -> None:
    server = Server()
    items = [
        {"id": "good", "text": article(1)},
        {"id": "empty", "text": "   "},
        {"id": "bad", "text": article(2) + " BROKEN"},
    ]
    first = {r.id: r for r in analyse(items, client_for(server), out_dir=tmp_path)}
    assert first["good"].ok
    assert first["empty"].failure is not None and first["empty"].failure.error == "InputError"
    assert first["bad"].failure is not None and "hand-made refusal" in first["bad"].failure.message
    record = run_record(tmp_path)
    assert (record.counts.done, record.counts.failed) == (1, 2) and record.status == "completed"
    failures = {row[0]: row[1:] for row in html_report(tmp_path).tables["Failures"]}
    assert failures["empty"][0] == "InputError" and "hand-made refusal" in failures["bad"][1]

    again = analyse(items, client_for(server), out_dir=tmp_path)  # the same run: nothing asked again
    assert len(server.asked) == 2 and all(r.earlier for r in again)

    server_fixed = Server()
    fixed = [items[0], items[1], {"id": "bad", "text": article(2) + " BROKEN"}]
    retried = {r.id: r for r in analyse(fixed, client_for(server_fixed), out_dir=tmp_path, retry_failed=True)}
    assert retried["good"].earlier and not retried["bad"].earlier and not retried["empty"].earlier
    assert len(server_fixed.asked) == 1  # only the failed article that reaches the model


def test_report_html_keeps_a_hostile_id_as_text_and_is_rewritten_when_a_resumed_run_ends(
    tmp_path: Path,
) -> None:
    hostile = '<img src=x onerror="window.__pwned=1">'
    server = Server()
    analyse([{"id": hostile, "text": "   "}], client_for(server), out_dir=tmp_path)
    assert "<img" not in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html_report(tmp_path).tables["Failures"][0][:2] == [hostile, "InputError"]

    (resumed,) = analyse([{"id": hostile, "text": article(1)}], client_for(server), out_dir=tmp_path)
    assert resumed.ok and len(run_record(tmp_path).sessions) == 2
    page = html_report(tmp_path)
    assert "Failures" not in page.tables  # the failure is gone: the page was written again
    assert page.facts["Articles"].startswith("1 article(s) analysed, 0 failed")


def test_a_dead_server_stops_the_run_after_ten_failed_articles(tmp_path: Path) -> None:
    server = Server()
    server.dead = True
    with pytest.raises(ProviderError, match=r"stopped: 1\d articles in a row failed on server errors"):
        analyse([article(n) for n in range(30)], client_for(server, concurrency=1), out_dir=tmp_path)
    record = run_record(tmp_path)
    assert record.status == "stopped" and 10 <= record.counts.failed < 30
    assert "--retry-failed" in (record.stop_reason or "")
    assert html_report(tmp_path).facts["Status"].startswith("stopped (stopped: 1")


def test_leaving_the_loop_early_stops_the_run_and_frees_the_folder(tmp_path: Path) -> None:
    server = Server()
    client = client_for(server, concurrency=1)
    for _ in counterclaim.analyze_many(
        [article(n) for n in range(6)], client=client, scope="claims", out_dir=tmp_path
    ):
        break
    asyncio.run(client.aclose())
    record = run_record(tmp_path)
    assert record.status == "stopped" and record.stop_reason == "the caller stopped reading the results"
    identity = run_identity(client.settings, CorpusOptions(scope="claims"))
    RunFolder.open(tmp_path, identity, force=False).close()  # not locked any more


def test_one_session_at_a_time_in_a_folder(tmp_path: Path) -> None:
    settings = load_settings(env={}, provider="compatible", base_url="http://fake.invalid/v1", model="fake")
    identity = run_identity(settings, CorpusOptions())
    first = RunFolder.open(tmp_path, identity, force=False)
    try:
        with pytest.raises(RunFolderError, match="another counterclaim batch is running in"):
            RunFolder.open(tmp_path, identity, force=False)
    finally:
        first.close()


def test_the_async_api_yields_the_same() -> None:
    server = Server()
    client = client_for(server, concurrency=2)

    async def go() -> list[str]:
        found = [
            r.id
            async for r in counterclaim.analyze_many_async(
                ["a text. It rained.", article(3)], client=client, scope="claims"
            )
        ]
        await client.aclose()
        return sorted(found)

    assert asyncio.run(go()) == ["1", "2"]


def test_a_failed_article_whose_text_changed_is_tried_again(tmp_path: Path) -> None:
    server = Server()
    (first,) = analyse([{"id": "e", "text": "   "}], client_for(server), out_dir=tmp_path)
    assert first.failure is not None and first.failure.error == "InputError"
    (again,) = analyse([{"id": "e", "text": article(1)}], client_for(server), out_dir=tmp_path)
    assert again.ok and not again.earlier and len(server.asked) == 1
    assert run_record(tmp_path).counts.failed == 0
