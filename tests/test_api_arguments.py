"""The Python API refuses unusable arguments before any model call.

The settings point at a port where nothing listens (127.0.0.1:9, no retries): a function that sent a
request would fail with ProviderError, so each InputError or ConfigurationError below is also proof
that nothing was sent. Found by an adversarial probe of the API (session 54).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import threading
from pathlib import Path
from typing import Any

import pytest

import counterclaim
from batch_checks import analysed_alone, server_settings
from builders import NATO_ARTICLE, nato_claim
from counterclaim.config import Settings, load_settings
from counterclaim.errors import ConfigurationError, InputError
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, Contradiction, ContradictionKind
from local_openai_server import local_openai_server
from recorded_answers import RecordedAnswers, canonical
from recording import seed

NOWHERE = "http://127.0.0.1:9/v1"


def nowhere(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"provider": "compatible", "base_url": NOWHERE, "model": "m", "max_retries": 0}
    return load_settings(env={}, **{**values, **overrides})


NATO = Actor(id="a1", name="NATO", kind=ActorKind.ORGANISATION)
MOSCOW = Actor(id="a2", name="Moscow", kind=ActorKind.GOVERNMENT)
ADDING = nato_claim("c1", "a1", "Russia is adding troops.", "NATO said Russia is adding troops.")
DENIED = nato_claim("c2", "a2", "Russia is not adding troops.", "Moscow denied it.", ClaimKind.DENIAL)
CONFLICT = Contradiction(
    id="k1", claim_a="c1", claim_b="c2", kind=ContradictionKind.FACTUAL, explanation="x", confidence=0.9
)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   \n\u200b ", "empty"),
        ("NATO said\x00 Russia is adding troops.", "binary"),
        ("NATO said Russia is adding troops \ud800.", "lone surrogate"),
        ("NATO said Russia is adding troops. " * 40, "the limit is 1,000"),
    ],
)
def test_extract_claims_checks_the_text_as_analyze_does(text: str, fragment: str) -> None:
    """extract_claims("") used to return no claims with no request, and a text over max_chars ran."""
    for function in (counterclaim.extract_claims, counterclaim.analyze):
        with pytest.raises(InputError, match=fragment):
            function(text, settings=nowhere(max_chars=1000))


def test_a_step_function_is_given_a_text_not_bytes() -> None:
    with pytest.raises(TypeError, match="must be a str, not bytes"):
        counterclaim.extract_claims(b"NATO said Russia is adding troops.", settings=nowhere())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actors", "claims", "fragment"),
    [
        ([NATO, MOSCOW], [ADDING, DENIED.model_copy(update={"id": "c1"})], "duplicate claim id"),
        ([NATO, NATO], [ADDING], "duplicate actor id"),
        ([NATO], [ADDING, DENIED], "claim c2 names unknown actor a2"),
    ],
)
def test_find_contradictions_refuses_parts_that_do_not_fit_together(
    actors: list[Actor], claims: list[Claim], fragment: str
) -> None:
    """Duplicate claim ids used to give a contradiction of c1 with c1; an unknown actor a KeyError."""
    with pytest.raises(InputError, match=fragment):
        counterclaim.find_contradictions(NATO_ARTICLE, actors, claims, settings=nowhere())


def test_claims_of_another_text_are_refused() -> None:
    with pytest.raises(InputError, match="claim c1's evidence at 0-34 is not the text given there"):
        counterclaim.find_contradictions("Another article altogether, of other words.", [NATO, MOSCOW],
                                         [ADDING, DENIED], settings=nowhere())  # fmt: skip


@pytest.mark.parametrize(
    ("contradictions", "fragment"),
    [
        ([CONFLICT.model_copy(update={"claim_b": "c9"})], "names an unknown claim"),
        ([CONFLICT, CONFLICT], "duplicate contradiction id"),
        ([CONFLICT, CONFLICT.model_copy(update={"id": "k2"})], "repeats a pair of another contradiction"),
        ([CONFLICT.model_copy(update={"claim_b": "c1"})], "pairs a claim with itself"),
    ],
)
def test_summarize_refuses_contradictions_that_do_not_resolve(
    contradictions: list[Contradiction], fragment: str
) -> None:
    with pytest.raises(InputError, match=fragment):
        counterclaim.summarize(NATO_ARTICLE, [NATO, MOSCOW], [ADDING, DENIED], contradictions,
                               settings=nowhere())  # fmt: skip


@pytest.mark.parametrize(("option", "value"), [("scope", "Claims"), ("pipeline", "bogus")])
def test_an_unknown_scope_or_pipeline_is_refused_before_any_request(option: str, value: str) -> None:
    """scope="Claims" used to make every model call and then fail on recording the run."""
    chosen: dict[str, Any] = {option: value}
    with pytest.raises(ConfigurationError, match=f"unknown {option} '{value}'"):
        counterclaim.analyze(NATO_ARTICLE, settings=nowhere(), **chosen)
    with pytest.raises(ConfigurationError, match=f"unknown {option}"):
        list(counterclaim.analyze_many([NATO_ARTICLE], settings=nowhere(), **chosen))


@pytest.mark.parametrize("items", [NATO_ARTICLE, NATO_ARTICLE.encode(), {"id": "1", "text": NATO_ARTICLE}])
def test_analyze_many_refuses_one_article_in_place_of_many(items: Any) -> None:
    """A text was read as one article per character: a request each."""
    with pytest.raises(TypeError, match="for one article, give \\[text\\]"):
        list(counterclaim.analyze_many(items, settings=nowhere()))


def test_one_client_serves_several_synchronous_calls() -> None:
    """A ModelClient given to two sync calls: the second used to find its pooled connection bound to the
    first call's closed event loop (ProviderError with no retries, or a request sent twice). The LOCAL
    TEST SERVER answers from the seed recordings; each request must reach it exactly once."""
    article = seed("ethiopia-oromia-protest-deaths-2015-12-16")
    with local_openai_server(RecordedAnswers.of_seeds([article.id])) as server:
        client = ModelClient(server_settings(base_url=server.url, max_retries=0))
        try:
            first = counterclaim.extract_claims(article.text, client=client)
            sent = len(server.chat_requests)
            second = counterclaim.extract_claims(article.text, client=client)
            found = counterclaim.find_contradictions(
                article.text, second.actors, second.claims, client=client
            )
        finally:
            asyncio.run(client.aclose())
        asked = [canonical(body) for body in server.chat_requests]
    assert (first.claims, first.actors) == (second.claims, second.actors) and first.claims
    assert found == analysed_alone(article.id).contradictions and found
    # the second extraction asked the same, once each (in flight together: in any order)
    assert sorted(asked[sent : 2 * sent]) == sorted(asked[:sent])
    verifying = asked[2 * sent :]
    assert verifying and len(set(verifying)) == len(verifying)


def test_a_step_function_sharing_a_client_leaves_the_analysis_its_own_count() -> None:
    """analyze_async and extract_claims_async at once on one client: the analysis used to count the
    step function's calls as its own (8 calls reported for 6 made, in the probe)."""
    article = seed("ethiopia-oromia-protest-deaths-2015-12-16")
    alone = analysed_alone(article.id)

    async def both(client: ModelClient) -> tuple[counterclaim.Analysis, object]:
        together = await asyncio.gather(
            counterclaim.analyze_async(article.text, client=client),
            counterclaim.extract_claims_async(article.text, client=client),
        )
        await client.aclose()
        return together

    with local_openai_server(RecordedAnswers.of_seeds([article.id])) as server:
        analysis, _ = asyncio.run(both(ModelClient(server_settings(base_url=server.url))))
    assert analysis.run.model_calls == alone.run.model_calls
    assert [s.calls for s in analysis.run.steps] == [s.calls for s in alone.run.steps]


def test_one_client_serves_synchronous_calls_from_several_threads() -> None:
    """Each thread's calls run on their own event loop: a first fix replaced the clients of one loop
    under another's requests, and three threads hung (found by a review)."""
    article = seed("ethiopia-oromia-protest-deaths-2015-12-16")
    results: list[tuple[int, int]] = []
    with local_openai_server(RecordedAnswers.of_seeds([article.id])) as server:
        client = ModelClient(server_settings(base_url=server.url, max_retries=0))

        def work() -> None:
            for _ in range(2):
                found = counterclaim.extract_claims(article.text, client=client)
                results.append((len(found.actors), len(found.claims)))

        threads = [threading.Thread(target=work) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads)
        asyncio.run(client.aclose())
    alone = analysed_alone(article.id)
    assert results == [(len(alone.actors), len(alone.claims))] * 6


def test_a_given_model_http_client_serves_several_synchronous_calls() -> None:
    """Its pooled connections are closed at the end of each call, the client kept: the second call
    found a connection of the first call's closed loop ("Event loop is closed")."""
    article = seed("ethiopia-oromia-protest-deaths-2015-12-16")
    with local_openai_server(RecordedAnswers.of_seeds([article.id])) as server:
        http = ModelHttpClient(total_seconds=30)
        # one request in flight: the claims requests wait for each other, which bound a shared
        # semaphore to the first call's loop (RuntimeError in the second call: found by a review)
        settings = server_settings(base_url=server.url, max_retries=0, concurrency=1)
        client = ModelClient(settings, http_client=http)
        first = counterclaim.extract_claims(article.text, client=client)
        second = counterclaim.extract_claims(article.text, client=client)
        asyncio.run(client.aclose())
    assert first.claims == second.claims and first.claims


def _open_sockets() -> int:
    sockets = 0
    for descriptor in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            sockets += os.readlink(descriptor).startswith("socket:")
    return sockets


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_loops_that_ended_without_releasing_leave_no_connections_behind() -> None:
    """An async caller running each analysis in its own asyncio.run, never releasing: the client kept
    every ended loop's connections (and their sockets) for as long as it lived (found by a review)."""
    article = seed("ethiopia-oromia-protest-deaths-2015-12-16")
    with local_openai_server(RecordedAnswers.of_seeds([article.id])) as server:
        client = ModelClient(server_settings(base_url=server.url, max_retries=0))
        before = _open_sockets()
        for _ in range(6):
            asyncio.run(counterclaim.extract_claims_async(article.text, client=client))
            gc.collect()
        held = _open_sockets() - before
        asyncio.run(client.aclose())
    assert held <= 4  # the last loop's pool and the test server's side of it, not six loops' worth
