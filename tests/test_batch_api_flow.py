"""The OpenAI Batch API flow end to end (`via="batch-api"`), against a LOCAL TEST SERVER implementing
the documented Files and Batches endpoints (`local_openai_server`), which answers every request line
from the responses recorded from the real embedded model (or, where a test says so, a hand-made
answer). Every uploaded file is checked there against the documented line format.

Covered: the same analyses as `analyze`, one round per step of the slowest article, a request failing
inside a batch (asked again in the next round), a request refused for good (its article fails, the
others go on), an expired and a cancelled batch (what did not run is sent again, nothing twice), a run
interrupted while polling (it polls the same batch again), a run stopped between creating a batch and
saving its id (the batch is found again), a request file the service refuses, and the batch price.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from batch_checks import RECORDED_MODEL, analysed_alone, comparable, run_record, seeds_jsonl, server_settings
from counterclaim.cli import main
from counterclaim.config import Settings, load_settings
from counterclaim.corpus.batch_lines import UsableOutputLines
from counterclaim.corpus.inputs import articles_from_items
from counterclaim.corpus.openai_batches import BatchApi, PollSchedule
from counterclaim.corpus.round_store import RoundStore
from counterclaim.corpus.runner import ArticleResult, BatchApiOptions, CorpusOptions, analyze_corpus
from counterclaim.errors import ProviderError
from local_openai_server import BatchScript, LocalOpenAIServer, Responder, local_openai_server
from recorded_answers import RecordedAnswers, canonical
from recording import SeedArticle, seed_articles

SMALL = ("seed-haiti-death-toll-2010", "seed-sudan-agreements-voa-2012")
SEEDS = [a for a in seed_articles() if a.id in SMALL]
"""Two short seed articles (4 and 5 requests when analysed alone)."""
WITH_TRANSLATION = [*SEEDS, *(a for a in seed_articles() if a.id == "seed-ethiopia-oromia-id-2015")]
"""And an Indonesian one, whose statements and names are translated (more steps, more rounds)."""


AT_ONCE = PollSchedule(0.0, 1.0, 0.0)


class Stop(Exception):
    """Stands for the run being killed at a chosen point."""


async def no_wait(_: float) -> None:
    return None


def _settings(server: LocalOpenAIServer, **overrides: Any) -> Settings:
    return server_settings(base_url=server.url, **overrides)


def run(
    folder: Path,
    articles: list[SeedArticle],
    settings: Settings,
    *,
    sleep: Callable[[float], Awaitable[None]] = no_wait,
    schedule: PollSchedule = AT_ONCE,
) -> list[ArticleResult]:
    items = articles_from_items([{"id": a.id, "text": a.text} for a in articles], max_chars=200_000)
    options = CorpusOptions(via="batch-api", batch_api=BatchApiOptions(schedule=schedule, sleep=sleep))

    async def go() -> list[ArticleResult]:
        return [r async for r in analyze_corpus(items, settings=settings, out_dir=folder, options=options)]

    return asyncio.run(go())


def _same_as_analyze(results: list[ArticleResult]) -> None:
    assert all(r.ok for r in results), [r.failure for r in results]
    for result in results:
        assert result.analysis is not None
        assert comparable(result.analysis) == comparable(analysed_alone(result.id)), result.id


def _ran_once(server: LocalOpenAIServer) -> None:
    counts = Counter(line["custom_id"] for line in server.batch_requests)
    assert counts and max(counts.values()) == 1, "a request was run (and paid) twice"


def test_seeds_through_the_batch_api_give_the_analyses_of_analyze(tmp_path: Path) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    with local_openai_server(
        RecordedAnswers.of_seeds([a.id for a in WITH_TRANSLATION]), scripts=[BatchScript(polls_in_progress=3)]
    ) as server:
        results = run(
            tmp_path / "run",
            WITH_TRANSLATION,
            _settings(server),
            sleep=sleep,
            schedule=PollSchedule(2.0, 2.0, 5.0),
        )
        _same_as_analyze(results)
        _ran_once(server)
        assert all(batch["errors"] is None for batch in server.batches.values())  # every file validated
        assert server.chat_requests == []  # nothing went to the live endpoint
    record = run_record(tmp_path / "run")
    assert record.status == "completed" and len(record.rounds) == len(server.batches)
    assert all(r.state == "collected" and len(r.batch_ids) == 1 for r in record.rounds)
    assert waits[:5] == [2.0, 4.0, 5.0, 5.0, 2.0]  # backoff doubling to its cap, afresh for each batch
    assert list((tmp_path / "run" / "rounds").glob(".*")) == []  # each download kept, then removed


def test_a_round_over_one_batch_s_limits_goes_as_parts_with_the_same_analyses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round of more requests than one batch may hold (50,000) used to fail as it was written: the
    round's own file was held to one batch's limits, so the parts were never reached."""
    monkeypatch.setattr("counterclaim.corpus.batch_lines.MAX_REQUESTS_PER_FILE", 2)
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in SEEDS])) as server:
        results = run(tmp_path / "run", SEEDS, _settings(server))
        _same_as_analyze(results)
        _ran_once(server)
    first = RoundStore(tmp_path / "run" / "rounds").rounds()[0]
    assert first.requests > 2 and [p.requests for p in first.parts] == [2] * (first.requests // 2) + (
        [1] if first.requests % 2 else []
    )
    assert all(batch["errors"] is None for batch in server.batches.values())  # each part within limits


def test_a_round_holds_every_article_s_next_step(tmp_path: Path) -> None:
    """Articles advance together: as many rounds as the article that needs the most, not more (a round
    cut short would add rounds)."""
    alone = []
    articles = SEEDS[:2]
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in articles])) as server:
        for article in articles:
            before = len(server.batches)
            run(tmp_path / article.id, [article], _settings(server))
            alone.append(len(server.batches) - before)
        before = len(server.batches)
        run(tmp_path / "together", articles, _settings(server))
        together = len(server.batches) - before
    assert together == max(alone) and together < sum(alone)


def _failing_once(responder: Responder, bodies: set[str], status: int) -> Responder:
    failed: set[str] = set()

    def answer(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        key = canonical(body)
        if key in bodies and (status < 500 or key not in failed):
            failed.add(key)
            return status, {"error": {"message": f"hand-made failure {status}", "type": "server_error"}}
        return responder(body)

    return answer


def _first_claims_request(article: SeedArticle) -> str:
    """The canonical body of the article's first claim-window request (as analyze sends it)."""
    recorded = RecordedAnswers.of_seeds([article.id])
    bodies = [json.loads(key) for key in recorded.answers]
    first = [b for b in bodies if "[1]" in b["messages"][1]["content"].split("TASK:")[-1]]
    return canonical(first[0])


def test_a_request_failing_in_a_batch_is_asked_again_in_the_next_round(tmp_path: Path) -> None:
    target = _first_claims_request(SEEDS[0])
    responder = _failing_once(RecordedAnswers.of_seeds([a.id for a in SEEDS]), {target}, 500)
    with local_openai_server(responder) as server:
        results = run(tmp_path / "run", SEEDS, _settings(server))
        _same_as_analyze_but_calls(results, retried={SEEDS[0].id})
        asked = Counter(canonical(line["body"]) for line in server.batch_requests)
        assert asked[target] == 2 and sum(asked.values()) == len(asked) + 1
    store = RoundStore(tmp_path / "run" / "rounds")
    assert '"status_code": 500' in store.output_path(1, 1, "errors").read_text("utf-8")


def _same_as_analyze_but_calls(results: list[ArticleResult], retried: set[str]) -> None:
    """As `analyze`, but a retried article made one call more (the failed one) in its claims step."""
    for result in results:
        assert result.analysis is not None, result.failure
        got, expected = comparable(result.analysis), comparable(analysed_alone(result.id))
        if result.id in retried:
            assert got["run"].pop("model_calls") == expected["run"].pop("model_calls") + 1
            assert got["run"]["steps"][0].pop("calls") == expected["run"]["steps"][0].pop("calls") + 1
        assert got == expected, result.id


def test_a_request_refused_for_good_fails_its_article_and_the_others_go_on(tmp_path: Path) -> None:
    target = _first_claims_request(SEEDS[1])
    responder = _failing_once(RecordedAnswers.of_seeds([a.id for a in SEEDS]), {target}, 400)
    with local_openai_server(responder) as server:
        results = {r.id: r for r in run(tmp_path / "run", SEEDS, _settings(server))}
    failed = results[SEEDS[1].id].failure
    assert (
        failed is not None and failed.error == "ProviderError" and "hand-made failure 400" in failed.message
    )
    _same_as_analyze([r for i, r in results.items() if i != SEEDS[1].id])
    record = run_record(tmp_path / "run")
    assert record.counts.failed == 1 and record.failures[0].id == SEEDS[1].id


@pytest.mark.parametrize("outcome", ["expired", "cancelled"])
def test_requests_an_ended_batch_did_not_run_are_sent_again(tmp_path: Path, outcome: str) -> None:
    scripts = [BatchScript(outcome=outcome, answered_before_end=2), BatchScript()]  # type: ignore[arg-type]
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in SEEDS]), scripts=scripts) as server:
        results = run(tmp_path / "run", SEEDS, _settings(server))
        first_batch = next(iter(server.batches.values()))
        _ran_once(server)
    assert first_batch["status"] == outcome and first_batch["request_counts"]["completed"] == 2
    unrun = first_batch["request_counts"]["total"] - 2
    for result in results:  # each asking the batch did not run cost one failed call, asked again after
        assert result.analysis is not None
    assert (
        sum(r.cost.model_calls for r in results)
        == sum(analysed_alone(r.id).run.model_calls for r in results) + unrun
    )
    rounds = RoundStore(tmp_path / "run" / "rounds").rounds()
    assert rounds[0].parts[0].status == outcome and rounds[1].requests >= unrun


def test_an_interrupted_run_polls_its_batch_again_instead_of_paying_again(tmp_path: Path) -> None:
    async def killed(_: float) -> None:
        raise Stop("killed while polling")

    with local_openai_server(
        RecordedAnswers.of_seeds([a.id for a in SEEDS]), scripts=[BatchScript(polls_in_progress=2)]
    ) as server:
        with pytest.raises(Stop):
            run(tmp_path / "run", SEEDS, _settings(server), sleep=killed)
        first = RoundStore(tmp_path / "run" / "rounds").rounds()[0]
        assert first.state == "submitted" and first.parts[0].batch_id is not None
        assert run_record(tmp_path / "run").status == "stopped"
        uploads, batches = server.uploads, len(server.batches)
        results = run(tmp_path / "run", SEEDS, _settings(server))
        _same_as_analyze(results)
        _ran_once(server)
        clean_rounds = len(RoundStore(tmp_path / "run" / "rounds").rounds())
        assert (uploads, batches) == (1, 1)
        assert len(server.batches) == clean_rounds  # round 1 was not sent again
    again = RoundStore(tmp_path / "run" / "rounds").rounds()[0]
    assert again.parts[0].batch_id == first.parts[0].batch_id and again.state == "collected"


def test_a_batch_created_but_not_saved_is_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = BatchApi.create

    async def create_then_die(self: BatchApi, input_file_id: str, metadata: dict[str, str]) -> Any:
        await create(self, input_file_id, metadata)
        raise Stop("killed before the batch id was saved")

    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in SEEDS])) as server:
        with monkeypatch.context() as patch:
            patch.setattr(BatchApi, "create", create_then_die)
            with pytest.raises(Stop):
                run(tmp_path / "run", SEEDS, _settings(server))
        assert (
            len(server.batches) == 1
            and RoundStore(tmp_path / "run" / "rounds").rounds()[0].parts[0].batch_id is None
        )
        results = run(tmp_path / "run", SEEDS, _settings(server))
        _same_as_analyze(results)
        assert len(server.batches) == len(RoundStore(tmp_path / "run" / "rounds").rounds())
        assert server.uploads == len(server.batches)


def test_a_request_file_the_service_refuses_fails_the_articles_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import counterclaim.corpus.openai_batches as batches
    from counterclaim.corpus.batch_lines import request_file as written

    def with_a_repeated_line(lines: Any) -> bytes:
        content = written(lines)
        first = content.split(b"\n", 1)[0]
        return content + first + b"\n"  # the service checks each line; our own check is bypassed here

    monkeypatch.setattr(batches, "request_file", with_a_repeated_line)
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in SEEDS])) as server:
        results = run(tmp_path / "run", SEEDS, _settings(server))
    assert all(not r.ok for r in results)
    message = results[0].failure.message if results[0].failure else ""
    assert "refused the request file" in message and "custom_id must be unique" in message
    assert RoundStore(tmp_path / "run" / "rounds").rounds()[0].parts[0].status == "failed"


@pytest.mark.parametrize("strangers", [0, 3])
def test_cost_is_reported_at_the_batch_price(tmp_path: Path, strangers: int) -> None:
    """Lines for requests the batch never had are no answers of this run, and cost it nothing (they
    were priced too: found by an adversarial probe)."""
    usage = {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200}

    def no_claims(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """A hand-made answer: no claim in the window."""
        message = {"role": "assistant", "content": json.dumps({"claims": []})}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        return 200, {
            "id": "x",
            "object": "chat.completion",
            "model": body["model"],
            "usage": usage,
            "choices": [choice],
        }

    articles = [
        SeedArticle(id=f"a{n}", path=Path("-"), text=f"Rain fell on day {n}. The river rose.") for n in (1, 2)
    ]
    with local_openai_server(no_claims, scripts=[BatchScript(strangers=strangers)]) as server:
        settings = load_settings(
            env={}, provider="openai", api_key="sk-test", base_url=server.url, model="gpt-4.1-mini"
        )
        results = run(tmp_path / "run", articles, settings)
    assert all(r.ok for r in results) and len(server.batch_requests) == 2
    cost = run_record(tmp_path / "run").cost
    assert (
        cost.price is not None
        and cost.price.input_per_million == 0.20
        and cost.price.output_per_million == 0.80
    )
    assert cost.usd == round((2000 * 0.20 + 400 * 0.80) / 1e6, 4) and cost.price.basis.startswith("batch")


def test_the_batch_api_needs_a_server_not_the_embedded_model(tmp_path: Path) -> None:
    from counterclaim.errors import ConfigurationError

    with pytest.raises(
        ConfigurationError, match="--via batch-api sends the requests to the OpenAI Batch API"
    ):
        run(tmp_path / "run", SEEDS[:1], load_settings(env={}, provider="local"))
    assert not (tmp_path / "run").exists()


def test_a_batch_api_that_cannot_be_reached_stops_the_run_with_a_server_error(tmp_path: Path) -> None:
    with local_openai_server(RecordedAnswers.of_seeds([])) as server:
        url = server.url
    with pytest.raises(
        ProviderError, match=r"the Batch API at http://127\.0\.0\.1:\d+ could not be reached while uploading"
    ):
        run(tmp_path / "run", SEEDS[:1], server_settings(base_url=url, max_retries=0))
    assert run_record(tmp_path / "run").status == "stopped"
    assert RECORDED_MODEL in run_record(tmp_path / "run").identity.model


def test_output_lines_that_are_no_json_are_asked_again_not_fatal(tmp_path: Path) -> None:
    """One damaged line in a downloaded output file stopped the run for good (exit 3, every session
    failing on the same file; found by an adversarial probe): its request is asked again instead, as a
    missing line's is, and the round's record says what was left out."""
    articles = SEEDS[:1]
    scripts = [BatchScript(garbled=2), BatchScript()]
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in articles]), scripts=scripts) as server:
        results = run(tmp_path / "run", articles, _settings(server))
    (result,) = results
    assert result.ok and result.analysis is not None, result.failure
    alone = analysed_alone(result.id)
    assert (result.analysis.claims, result.analysis.contradictions) == (alone.claims, alone.contradictions)
    store = RoundStore(tmp_path / "run" / "rounds")
    first = store.rounds()[0]
    assert first.parts[0].dropped_lines and "2 line(s) of output file" in first.parts[0].dropped_lines[0]
    assert len(store.rounds()) > 1  # the two requests went out again


def test_a_round_open_at_the_batch_api_is_not_continued_as_a_request_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Continued with --via files, the run wrote the round already sent (and paid) as a request file
    that no --ingest could answer: a dead end only --force left (found by an adversarial probe)."""
    articles = SEEDS[:1]

    class Stopped(Exception):
        """The session ends while the batch runs (a machine's time limit, say)."""

    async def interrupted(seconds: float) -> None:
        raise Stopped

    scripts = [BatchScript(polls_in_progress=50)]
    with local_openai_server(RecordedAnswers.of_seeds([a.id for a in articles]), scripts=scripts) as server:
        with pytest.raises(Stopped):
            run(tmp_path / "run", articles, _settings(server), sleep=interrupted)
        corpus = seeds_jsonl(tmp_path / "seeds.jsonl", articles)
        argv = ["batch", str(corpus), "--out-dir", str(tmp_path / "run"), "--via", "files",
                "--model", RECORDED_MODEL, "--provider", "compatible", "--base-url", server.url]  # fmt: skip
        capsys.readouterr()
        assert main(argv) == 8
    assert "was sent with --via batch-api and is still open" in capsys.readouterr().err
    assert not (tmp_path / "run" / "rounds" / "round-002.requests.jsonl").exists()


def test_a_line_of_bad_utf_8_is_dropped_not_changed() -> None:
    """Decoding a whole downloaded file with replacement characters kept such a line, its text changed
    (found by a review): each line is decoded strictly, and a bad one dropped."""
    good = json.dumps({"id": "1", "custom_id": "a", "response": None, "error": {"code": "x", "message": "m"}})
    bad = b'{"id": "2", "custom_id": "caf\xe9", "response": null, "error": null}'
    lines = UsableOutputLines(io.BytesIO(good.encode() + b"\r\n" + bad + b"\n{broken\n"), "downloaded")
    assert (list(lines), lines.dropped) == ([good.encode()], 2)
