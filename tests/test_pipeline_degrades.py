"""Fault injection: one unusable answer costs its own part of the analysis, not the whole article.

These tests use an HTTP MOCK TRANSPORT (httpx2.MockTransport). It answers each request with the REAL
recorded answer from the seed run's cassettes of the two articles (`seeds-staged/<article id>.yaml`,
recorded from the embedded Qwen2.5-Coder-1.5B), except the requests of one step, which get a HAND-MADE
fake: an answer cut off at its token limit (finish_reason "length", half a JSON object), the fault that
lost a whole PolNeAR article. A request the cassettes do not hold (a later step asks something else once
a part is missing) gets the same hand-made cut-off answer, so the tests also see skipping cascade.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest
import yaml

from counterclaim.api import find_contradictions_async, summarize_async
from counterclaim.errors import ModelOutputError
from counterclaim.llm.client import ModelClient
from counterclaim.models import Analysis, Claim
from counterclaim.pipeline.analyze import run_pipeline
from counterclaim.pipeline.article import PreparedArticle
from recording import REPLAY_BASE_URL, cassette_path, recorded_settings, seed, seed_cassette

ENGLISH_SEED = seed("ethiopia-oromia-protest-deaths-2015-12-16")
INDONESIAN_SEED = seed("ethiopia-oromia-protest-deaths-indonesian-2015-12-16")
ENGLISH, INDONESIAN = ENGLISH_SEED.path, INDONESIAN_SEED.path

# Each step's requests are told apart by the name of the schema they ask the answer to fit.
CLAIMS, SPEAKERS, ACTORS = "ClaimDrafts", "SpeakerClaims", "ActorDetailsByName"
TRANSLATIONS, NAME_TRANSLATIONS = "Translations", "NameTranslations"
VERIFY, SUMMARY = "VerdictDraft", "SummaryDraft"


def _recorded_answers() -> dict[str, bytes]:
    """The two articles' recorded answers by request body (JSON, normalised)."""
    interactions = []
    for name in seed_cassette("staged", ENGLISH_SEED, INDONESIAN_SEED):
        cassette = yaml.safe_load(cassette_path(name).read_text(encoding="utf-8"))
        interactions.extend(cassette["interactions"])
    answers: dict[str, bytes] = {}
    for interaction in interactions:
        body = json.dumps(json.loads(interaction["request"]["body"]), sort_keys=True)
        raw = interaction["response"]["body"]["string"]
        answers[body] = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    return answers


RECORDED = _recorded_answers()

CUT_OFF = {  # hand-made: what a server sends when the answer reaches max_tokens mid-JSON
    "id": "fault",
    "object": "chat.completion",
    "created": 0,
    "model": "fault-injection",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": '{"claims": [{"sentence": 1, "actor": "'},
            "finish_reason": "length",
        }
    ],
    "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
}


OUTPUT_NOT_PARSED = {  # hand-made, in the words llama.cpp's server uses (seen on a Wikinews article)
    "error": {
        "code": 500,
        "message": "The model produced output that does not match the expected peg-native format",
        "type": "server_error",
    }
}


class ReplayWithFault:
    """Recorded answers, except a hand-made cut-off answer where `faulty(schema, index)` says so
    (`index` counts that schema's requests from 0) and for requests the cassette does not hold; with
    `server_rejects`, the fault is instead the 500 a llama.cpp server sends when it cannot parse what
    the model generated."""

    def __init__(self, faulty: Callable[[str, int], bool], *, server_rejects: bool = False) -> None:
        self.faulty = faulty
        self.server_rejects = server_rejects
        self.seen: dict[str, int] = {}
        self.faulted: list[str] = []
        self.unrecorded: list[str] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        schema = body["response_format"]["json_schema"]["name"]
        index = self.seen.get(schema, 0)
        self.seen[schema] = index + 1
        recorded = RECORDED.get(json.dumps(body, sort_keys=True))
        if self.faulty(schema, index):
            self.faulted.append(schema)
            if self.server_rejects:
                return httpx2.Response(500, json=OUTPUT_NOT_PARSED)
        elif recorded is not None:
            return httpx2.Response(200, content=recorded, headers={"content-type": "application/json"})
        else:
            self.unrecorded.append(schema)
        return httpx2.Response(200, json=CUT_OFF)


def _client(server: ReplayWithFault) -> ModelClient:
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(server))
    return ModelClient(recorded_settings(), base_url=REPLAY_BASE_URL, http_client=http)


def _text(seed: Path) -> str:
    return str(json.loads(seed.read_text(encoding="utf-8"))["text"])


async def _analysed(seed: Path, server: ReplayWithFault) -> Analysis:
    client = _client(server)
    try:
        return await run_pipeline(_text(seed), client)
    finally:
        await client.aclose()


def analyse(
    seed: Path, faulty: Callable[[str, int], bool], *, server_rejects: bool = False
) -> tuple[Analysis, ReplayWithFault]:
    server = ReplayWithFault(faulty, server_rejects=server_rejects)
    return asyncio.run(_analysed(seed, server)), server


def no_fault(schema: str, index: int) -> bool:
    return False


def every(step: str) -> Callable[[str, int], bool]:
    return lambda schema, index: schema == step


def grounded(claims: list[Claim]) -> set[tuple[str, int, int]]:
    """Claims by what they say and where (ids and actor ids may be numbered differently)."""
    return {(c.statement, c.evidence[0].start, c.evidence[-1].end) for c in claims}


LEFT_OUT = "1 proposed claim(s) left out"
"""The one notice of the clean replay: a claim code did not attribute (not a skipped step)."""


@pytest.fixture(scope="module")
def english() -> Analysis:
    analysis, server = analyse(ENGLISH, no_fault)
    assert server.unrecorded == []  # the replay itself is complete: no step skipped
    assert not [n for n in analysis.run.notices if not n.startswith(LEFT_OUT)]
    return analysis


@pytest.fixture(scope="module")
def indonesian() -> Analysis:
    analysis, server = analyse(INDONESIAN, no_fault)
    assert server.unrecorded == []
    return analysis


def test_a_window_cut_off_loses_that_window_only(english: Analysis) -> None:
    analysis, server = analyse(ENGLISH, lambda schema, index: schema == CLAIMS and index == 0)
    assert server.faulted == [CLAIMS]
    assert any(
        n.startswith("sentences 1-5 were not analysed: ") and "cut off" in n for n in analysis.run.notices
    )
    first_window_ends = PreparedArticle.from_text(_text(ENGLISH)).evidence_for([5])[0].end
    assert analysis.claims and grounded(analysis.claims) <= grounded(english.claims)
    assert all(claim.evidence[0].start > first_window_ends for claim in analysis.claims)
    assert len(analysis.claims) < len(english.claims)
    assert server.seen.get(SUMMARY) == 1  # the article went on to its last step


def test_a_window_the_server_cannot_parse_loses_that_window_only(english: Analysis) -> None:
    """The 500 blames the model's text: that window is skipped (asked once, not retried) with a notice."""
    faulty = lambda schema, index: schema == CLAIMS and index == 0  # noqa: E731
    analysis, server = analyse(ENGLISH, faulty, server_rejects=True)
    assert server.faulted == [CLAIMS]
    assert any(
        n.startswith("sentences 1-5 were not analysed: ") and "peg-native format" in n
        for n in analysis.run.notices
    )
    assert analysis.claims and grounded(analysis.claims) <= grounded(english.claims)
    assert len(analysis.claims) < len(english.claims)
    assert server.seen.get(SUMMARY) == 1


def test_every_window_unusable_is_a_failure_not_an_article_without_claims() -> None:
    """Every claims answer cut off: nothing of the article was read, so the analysis fails (exit 6)
    instead of reporting "No claims found." and going on to the later steps."""
    server = ReplayWithFault(every(CLAIMS))
    with pytest.raises(ModelOutputError, match="no sentence of the article was analysed") as failed:
        asyncio.run(_analysed(ENGLISH, server))
    assert "cut off" in failed.value.message
    assert ACTORS not in server.seen and SUMMARY not in server.seen  # the analysis stopped there


def test_a_speaker_batch_cut_off_keeps_the_window_claims(english: Analysis) -> None:
    analysis, server = analyse(ENGLISH, every(SPEAKERS))
    assert server.faulted == [SPEAKERS]
    assert any("speaker(s) passed over were not asked about again: " in n for n in analysis.run.notices)
    assert grounded(analysis.claims) < grounded(english.claims)  # only the second look's claims are gone


def test_actors_left_undescribed_keep_their_claims(english: Analysis) -> None:
    analysis, server = analyse(ENGLISH, every(ACTORS))
    assert server.faulted == [ACTORS]
    assert any("actor(s) were not described (kind, role, aliases): " in n for n in analysis.run.notices)
    assert grounded(analysis.claims) == grounded(english.claims)
    assert any(actor.role for actor in english.actors)
    assert all(actor.role is None for actor in analysis.actors)


def test_pairs_left_unchecked_are_noted_one_by_one(english: Analysis) -> None:
    analysis, server = analyse(ENGLISH, every(VERIFY))
    checked = server.seen[VERIFY]
    assert checked > 1 and server.faulted == [VERIFY] * checked
    notes = [n for n in analysis.run.notices if "were not checked for a contradiction: " in n]
    assert len(notes) == checked
    assert analysis.contradictions == []
    assert grounded(analysis.claims) == grounded(english.claims)
    assert analysis.actors == english.actors


def test_summary_cut_off_leaves_the_rest_whole(english: Analysis) -> None:
    analysis, server = analyse(ENGLISH, every(SUMMARY))
    assert server.faulted == [SUMMARY] and server.unrecorded == []
    assert english.summary and analysis.summary == []
    assert [n.split(":")[0] for n in analysis.run.notices if not n.startswith(LEFT_OUT)] == [
        "no summary was written"
    ]
    assert analysis.claims == english.claims
    assert analysis.contradictions == english.contradictions


def test_statements_left_untranslated_are_counted(indonesian: Analysis) -> None:
    analysis, server = analyse(INDONESIAN, every(TRANSLATIONS))
    assert TRANSLATIONS in server.faulted
    assert any("statements were not translated: " in n for n in analysis.run.notices)
    assert any("statement(s) were left in the article's language" in n for n in analysis.run.notices)
    assert len(analysis.claims) == len(indonesian.claims)
    assert grounded(analysis.claims) != grounded(indonesian.claims)  # some statements stay Indonesian


def test_names_left_untranslated_keep_the_article_form(indonesian: Analysis) -> None:
    analysis, server = analyse(INDONESIAN, every(NAME_TRANSLATIONS))
    assert server.faulted == [NAME_TRANSLATIONS]
    assert any("names were not translated: " in n for n in analysis.run.notices)
    translated = {a.name for a in indonesian.actors}
    article_forms = {alias for a in indonesian.actors for alias in a.aliases}
    assert {a.name for a in analysis.actors} == article_forms and not article_forms & translated
    assert grounded(analysis.claims) == grounded(indonesian.claims)


def test_steps_called_on_their_own_raise_instead_of_skipping(english: Analysis) -> None:
    """The public step functions return bare lists, with nowhere to note a skipped part."""
    text = _text(ENGLISH)

    async def verify() -> Any:
        client = _client(ReplayWithFault(every(VERIFY)))
        try:
            return await find_contradictions_async(text, english.actors, english.claims, client=client)
        finally:
            await client.aclose()

    async def summary() -> Any:
        client = _client(ReplayWithFault(every(SUMMARY)))
        try:
            return await summarize_async(text, english.actors, english.claims, [], client=client)
        finally:
            await client.aclose()

    for step in (verify, summary):
        with pytest.raises(ModelOutputError, match="cut off"):
            asyncio.run(step())
