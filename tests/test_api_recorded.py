"""The public Python API, as a user calls it (`import counterclaim`), on responses recorded from the
real embedded model: `analyze`, `analyze_async`, and the parts of the analysis on their own
(`extract_claims`, `find_contradictions`, `summarize`), each given a `client=` that replays the seed
eval's recordings of the article.

What is checked is what a caller relies on: claims grounded on whole sentences of the text given, ids
that resolve, a trace that accounts for every claim the model proposed and code did not keep, and each
function asking the model only what it is for (scope "claims" asks for no contradiction or summary).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2
import pytest
import yaml

import counterclaim
import counterclaim.errors
from checks import (
    assert_evidence_says_it,
    assert_grounding_traced,
    assert_ids_resolve,
    assert_whole_sentences,
)
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient
from counterclaim.models import Analysis, DecisionAction, SpanGrounding
from counterclaim.pipeline import proposals
from counterclaim.pipeline.analyze import CLAIM_STEPS, STAGED_STEPS
from counterclaim.pipeline.rules import sentence_speakers
from counterclaim.text.language import looks_english
from recording import (
    REPLAY_BASE_URL,
    SeedArticle,
    cassette_path,
    recorded_settings,
    replaying,
    seed,
    seed_articles,
    seed_cassette,
)

ETHIOPIA = seed("ethiopia-oromia-protest-deaths-2015-12-16")
NATO = seed("nato-russia-troop-buildup-2022-02-16")
CONTRADICTION_SCHEMAS = {"VerdictDraft", "SidesDraft"}
SUMMARY_SCHEMAS = {"SummaryDraft"}
CLAIM_SCHEMAS = {
    "ClaimDrafts",
    "SpeakerClaims",
    "ActorDetailsByName",
    "Translations",
    "NameTranslations",
    "Restatements",
}
STEP_ORDER = ["prepare", *(step.name for step in STAGED_STEPS)]
DROPPING_STEPS = {"claims", "second_look", "assemble"}
"""The steps that drop proposed claims (later steps drop a translation, a role, an alias: no claim)."""
CLAIM_DROPPING_RULES = {rule.name for rule in sentence_speakers.RULES}
"""Rules of other steps that drop a proposed claim (step 5: the same words twice, once handed over)."""


class Requests:
    """The schema each request sent asks its answer to fit, in the order sent."""

    def __init__(self) -> None:
        self.schemas: list[str] = []

    async def __call__(self, request: httpx2.Request) -> None:
        body = json.loads(request.content)
        self.schemas.append(body["response_format"]["json_schema"]["name"])


def _client(seen: Requests, pipeline: str = "staged", **overrides: Any) -> ModelClient:
    settings = recorded_settings(**overrides)
    http = ModelHttpClient(total_seconds=settings.request_timeout, event_hooks={"request": [seen]})
    return ModelClient(settings, base_url=REPLAY_BASE_URL, http_client=http)


@contextlib.contextmanager
def replayed_client(article: SeedArticle, seen: Requests | None = None) -> Iterator[ModelClient]:
    """A client for the synchronous API, answered from the article's recording of the seed eval."""
    with replaying(seed_cassette("staged", article)):
        client = _client(seen or Requests())
        try:
            yield client
        finally:
            asyncio.run(client.aclose())


@contextlib.asynccontextmanager
async def replayed_async_client(article: SeedArticle, seen: Requests) -> AsyncIterator[ModelClient]:
    with replaying(seed_cassette("staged", article)):
        client = _client(seen)
        try:
            yield client
        finally:
            await client.aclose()


class ProposalCount:
    """Counts the claims the model proposed that code considered (each gets an id p1, p2, ...)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.considered = 0
        consider = proposals.Proposals.consider

        def counting(self_: proposals.Proposals, *args: object, **kwargs: object) -> None:
            self.considered += 1
            consider(self_, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(proposals.Proposals, "consider", counting)


def analyse(article: SeedArticle, seen: Requests | None = None) -> Analysis:
    with replayed_client(article, seen) as client:
        return counterclaim.analyze(article.text, client=client)


@pytest.mark.parametrize("article", seed_articles(), ids=lambda a: a.id)
def test_analyze_grounds_every_claim_and_accounts_for_every_proposal(
    article: SeedArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposed = ProposalCount(monkeypatch)
    analysis = analyse(article)

    assert analysis.claims and analysis.article_chars == len(article.text)
    for claim in analysis.claims:
        assert_whole_sentences(article.text, claim.evidence)
        if looks_english(article.text):
            assert_evidence_says_it(claim)
    assert_ids_resolve(analysis)
    assert_grounding_traced(analysis)

    # Every proposal is a claim, or the trace says which rule dropped it or joined it to another.
    trace = analysis.run.trace
    dropped = {
        d.proposal
        for d in trace
        if d.action is DecisionAction.DROPPED and (d.step in DROPPING_STEPS or d.rule in CLAIM_DROPPING_RULES)
    }
    assert None not in dropped
    joined_away = [
        number
        for d in trace
        if d.action is DecisionAction.JOINED
        for number in re.findall(r"p\d+", d.reason)[1:]
    ]
    assert proposed.considered == len(analysis.claims) + len(dropped) + len(joined_away)
    # Decisions come in the order of the steps that made them.
    steps = [STEP_ORDER.index(d.step) for d in trace]
    assert steps == sorted(steps)


def test_analyze_gives_what_the_pipeline_gives(seed_analysis: Callable[[str], Analysis]) -> None:
    """`analyze` adds input checks to the pipeline, and changes nothing of a plain-text article."""
    through_the_api = analyse(NATO)
    direct = seed_analysis(NATO.path.stem)
    assert through_the_api.model_dump(exclude={"run"}) == direct.model_dump(exclude={"run"})
    assert through_the_api.run.trace == direct.run.trace
    assert through_the_api.run.model_calls == direct.run.model_calls


def test_analyze_async_with_scope_claims_asks_for_no_contradiction_or_summary() -> None:
    seen_full, seen_claims = Requests(), Requests()

    async def run() -> tuple[Analysis, Analysis]:
        async with replayed_async_client(ETHIOPIA, seen_full) as client:
            full = await counterclaim.analyze_async(ETHIOPIA.text, client=client)
        async with replayed_async_client(ETHIOPIA, seen_claims) as client:
            claims = await counterclaim.analyze_async(ETHIOPIA.text, client=client, scope="claims")
        return full, claims

    full, claims_only = asyncio.run(run())
    assert set(seen_full.schemas) >= (CONTRADICTION_SCHEMAS | SUMMARY_SCHEMAS)  # the full run asked
    assert set(seen_claims.schemas) <= CLAIM_SCHEMAS
    assert len(seen_claims.schemas) == claims_only.run.model_calls < full.run.model_calls
    assert claims_only.run.scope == "claims" and full.run.scope == "full"
    assert (claims_only.claims, claims_only.actors) == (full.claims, full.actors)
    assert (claims_only.contradictions, claims_only.summary) == ([], [])


def test_the_parts_on_their_own_give_what_analyze_gives() -> None:
    """`extract_claims`, then `find_contradictions` and `summarize` on its result: the same actors,
    claims, contradictions and summary as one `analyze`, each part asking only for its own step."""
    whole = analyse(ETHIOPIA)
    assert whole.contradictions and whole.summary  # the article exercises every part
    text = ETHIOPIA.text

    seen = Requests()
    with replayed_client(ETHIOPIA, seen) as client:
        extraction = counterclaim.extract_claims(text, client=client)
    assert set(seen.schemas) <= CLAIM_SCHEMAS
    assert (extraction.actors, extraction.claims) == (whole.actors, whole.claims)
    claim_steps = {"prepare", *(step.name for step in CLAIM_STEPS)}
    assert extraction.trace == [d for d in whole.run.trace if d.step in claim_steps]
    assert extraction.notices == whole.run.notices
    assert extraction.text == text  # no HTML: the offsets index the text as given

    seen = Requests()
    with replayed_client(ETHIOPIA, seen) as client:
        contradictions = counterclaim.find_contradictions(
            text, extraction.actors, extraction.claims, client=client
        )
    assert set(seen.schemas) == CONTRADICTION_SCHEMAS
    assert contradictions == whole.contradictions

    seen = Requests()
    with replayed_client(ETHIOPIA, seen) as client:
        summary = counterclaim.summarize(
            text, extraction.actors, extraction.claims, contradictions, client=client
        )
    assert seen.schemas == ["SummaryDraft"]
    assert summary == whole.summary
    cited = {claim_id for sentence in summary for claim_id in sentence.claim_ids}
    assert cited and cited <= {claim.id for claim in extraction.claims}


def _naive(article: SeedArticle) -> Analysis:
    with replaying(seed_cassette("naive", article)):
        client = _client(Requests(), "naive")
        try:
            return counterclaim.analyze(article.text, client=client, pipeline="naive")
        finally:
            asyncio.run(client.aclose())


_QUOTE_MARKS = re.compile("[\"'\u2018\u2019\u201c\u201d]")


def _folded(text: str) -> str:
    """Text compared word for word: no sentence markers, case, spacing or kind of quotation mark."""
    text = _QUOTE_MARKS.sub('"', re.sub(r"\[\d+\]", " ", text))
    return " ".join(text.casefold().split()).strip(' .,"')


def test_the_naive_baseline_keeps_only_claims_whose_quote_code_found() -> None:
    article = seed("pentagon-wikileaks-assange-2010-08-23")
    analysis = _naive(article)
    assert analysis.claims and analysis.run.pipeline == "naive" and analysis.run.model_calls == 1
    (interaction,) = yaml.safe_load(cassette_path(seed_cassette("naive", article)[0]).read_text())[
        "interactions"
    ]
    answer = json.loads(
        json.loads(interaction["response"]["body"]["string"])["choices"][0]["message"]["content"]
    )
    quotes = [_folded(claim["quote"]) for claim in answer["claims"]]
    for claim in analysis.claims:
        (span,) = claim.evidence
        assert span.grounding is SpanGrounding.QUOTE_FOUND
        assert any(_folded(span.text) in quote for quote in quotes), span.text  # the words it quoted
    assert_ids_resolve(analysis)
    dropped = [d for d in analysis.run.trace if d.rule == "naive.quote_not_in_article"]
    assert len(dropped) == len(answer["claims"]) - len(analysis.claims) > 0
    assert analysis.run.notices == [
        f"naive baseline: {len(dropped)} claim(s) dropped, their quotes are not in the article"
    ]


def test_the_naive_baseline_raises_when_its_one_answer_is_cut_off() -> None:
    with pytest.raises(counterclaim.errors.ModelOutputError, match="cut off"):
        _naive(NATO)


def _without_timings(analysis: Analysis) -> dict[str, Any]:
    data = analysis.model_dump(mode="json")
    data["run"]["seconds"] = 0
    for step in data["run"]["steps"]:
        step["seconds"] = 0
    return data


def test_requests_in_flight_together_give_the_same_analysis_as_one_at_a_time() -> None:
    outputs = []
    for concurrency in (1, 8):
        with replaying(seed_cassette("staged", NATO)):
            client = _client(Requests(), concurrency=concurrency)
            try:
                outputs.append(_without_timings(counterclaim.analyze(NATO.text, client=client)))
            finally:
                asyncio.run(client.aclose())
    assert json.dumps(outputs[0], sort_keys=True) == json.dumps(outputs[1], sort_keys=True)


def test_a_client_of_counterclaim_serve_sends_the_requests_the_embedded_model_is_sent() -> None:
    """`counterclaim serve` prints `--base-url ... --model <the local model's name>`: a client so set
    (the compatible provider) sends byte for byte the requests of the embedded provider, so the
    embedded recording answers it and the analysis is the same."""
    analyses = []
    for provider in ("local", "compatible"):
        with replaying(seed_cassette("staged", NATO)):
            base_url = "http://127.0.0.1:8080/v1" if provider == "compatible" else None
            client = _client(Requests(), provider=provider, base_url=base_url)
            try:
                analyses.append(_without_timings(counterclaim.analyze(NATO.text, client=client)))
            finally:
                asyncio.run(client.aclose())
    local, served = analyses
    assert served["run"]["provider"] == "compatible"
    served["run"]["provider"] = local["run"]["provider"]
    assert json.dumps(served, sort_keys=True) == json.dumps(local, sort_keys=True)
