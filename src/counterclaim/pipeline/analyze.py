"""The whole analysis: actors and claims, contradictions, summary, and what the run cost."""

from __future__ import annotations

import time
from typing import Literal

from counterclaim import __version__, prompts_loader
from counterclaim.llm.client import ModelClient
from counterclaim.models import Analysis, AnalysisScope, RunMetadata
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.contradictions import VERIFY_TEMPLATE, find_contradictions_async
from counterclaim.pipeline.extract import (
    ACTORS_TEMPLATE,
    CLAIMS_TEMPLATE,
    TRANSLATE_TEMPLATE,
    extract_claims_async,
)
from counterclaim.pipeline.messages import Progress
from counterclaim.pipeline.missed_speakers import SPEAKERS_TEMPLATE
from counterclaim.pipeline.naive import NAIVE_TEMPLATE, naive_analysis_async
from counterclaim.pipeline.summary import SUMMARY_TEMPLATE, summarize_async

PipelineName = Literal["staged", "naive"]

CLAIM_TEMPLATES = [ACTORS_TEMPLATE, CLAIMS_TEMPLATE, SPEAKERS_TEMPLATE, TRANSLATE_TEMPLATE]
"""The templates of the staged pipeline's actor and claim steps (all that scope 'claims' uses)."""
STAGED_TEMPLATES = [*CLAIM_TEMPLATES, VERIFY_TEMPLATE, SUMMARY_TEMPLATE]


async def run_pipeline(
    text: str,
    client: ModelClient,
    *,
    pipeline: PipelineName = "staged",
    notices: list[str] | None = None,
    progress: Progress | None = None,
    scope: AnalysisScope = "full",
) -> Analysis:
    """Analyse `text` with an open client. Offsets in the result index into `text`.

    With `scope="claims"` the staged pipeline stops after actors and claims (no contradiction or
    summary requests). The naive baseline asks for everything in its one request whatever the scope,
    so its result is always recorded as scope "full".
    """
    started = time.monotonic()
    ledger = client.start_ledger()
    article = PreparedArticle.from_text(text)
    chunks = article.chunks(max_chars=client.settings.chunk_chars, overlap=client.settings.chunk_overlap)
    if pipeline == "naive":
        extraction, contradictions, summary, naive_notices = (
            await naive_analysis_async(article, client) if article.sentences else (None, [], [], [])
        )
        notices = [*(notices or []), *naive_notices]
        templates = [NAIVE_TEMPLATE]
        actors = extraction.actors if extraction else []
        claims = extraction.claims if extraction else []
        scope = "full"
    else:
        extracted = await extract_claims_async(article, client, progress=progress)
        actors, claims = extracted.actors, extracted.claims
        notices = [*(notices or []), *extracted.notices]
        if scope == "claims":
            contradictions, summary, templates = [], [], CLAIM_TEMPLATES
        else:
            # An unusable answer costs its own part only (a pair, the summary): noted, not fatal.
            contradictions = await find_contradictions_async(
                article, actors, claims, client, progress=progress, notices=notices
            )
            if progress and claims:
                progress("summary")
            summary = await summarize_async(article, actors, claims, contradictions, client, notices=notices)
            templates = STAGED_TEMPLATES
    steps = ledger.steps()
    run = RunMetadata(
        counterclaim_version=__version__,
        pipeline=pipeline,
        scope=scope,
        provider=client.settings.provider.value,
        model=client.settings.model,
        prompts=prompts_loader.versions(templates),
        steps=steps,
        model_calls=sum(s.calls for s in steps),
        cached_calls=sum(s.cached_calls for s in steps),
        prompt_tokens=sum(s.prompt_tokens for s in steps),
        completion_tokens=sum(s.completion_tokens for s in steps),
        seconds=round(time.monotonic() - started, 3),
        chunks=len(chunks),
        notices=[*(notices or []), *ledger.notices],
    )
    return Analysis(
        article_chars=len(text),
        article_sha256=article.sha256,
        actors=actors,
        claims=claims,
        contradictions=contradictions,
        summary=summary,
        run=run,
    )
