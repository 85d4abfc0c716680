"""The whole analysis, as an ordered list of steps (numbered as in docs/how-it-works.md).

1. prepare      (code)   sanitize, split into numbered sentences, chunk, read each sentence once
2. claims       (model)  one request per window of sentences; code places and attributes each claim
3. second_look  (model)  speakers code found that got no claim of theirs
4. translate    (model)  statements still in the article's language
5. actors       (both)   code merges name forms; the model describes each actor
6. restate      (both)   code removes attribution frames; the model restates what still cannot stand alone
7. assemble     (code)   duplicates, shared sentences, one quotation one claim, ids, evidence
8. narrate      (code)   with the narrator setting: the article's own account as claims of "the article"
9. pair         (code)   the claim pairs worth verifying
10. verify      (model)  one request per pair; code decides what is reported
11. explain     (model)  what each side of a reported contradiction holds, checked by code
12. summary     (model)  neutral sentences citing the actors' claims they rest on

Scope "claims" stops after step 7. The naive baseline is one step (one request for everything).
Every step reads and writes the `AnalysisState`; every code decision goes to its trace.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from counterclaim import prompts_loader
from counterclaim._version import __version__
from counterclaim.errors import ConfigurationError
from counterclaim.llm.client import ModelClient
from counterclaim.models import Analysis, AnalysisScope, RunMetadata
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.requests import Progress
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps import (
    actors,
    assemble,
    claims,
    explain,
    naive,
    narrate,
    pair,
    restate,
    second_look,
    summary,
    translate,
    verify,
)

PipelineName = Literal["staged", "naive"]


@dataclass(frozen=True)
class Step:
    """One step of the pipeline: its number and name (as in the docs), what it runs, its prompts."""

    number: int
    name: str
    run: Callable[[AnalysisState], Awaitable[None]]
    templates: tuple[str, ...] = ()


CLAIM_STEPS: tuple[Step, ...] = (
    Step(2, claims.NAME, claims.run, (claims.TEMPLATE,)),
    Step(3, second_look.NAME, second_look.run, (second_look.TEMPLATE,)),
    Step(4, translate.NAME, translate.run, (translate.TEMPLATE,)),
    Step(5, actors.NAME, actors.run, (actors.TEMPLATE,)),
    Step(6, restate.NAME, restate.run, (restate.TEMPLATE,)),
    Step(7, assemble.NAME, assemble.run),
)
"""Steps 2-7: actors and claims (all that scope "claims" runs, after step 1)."""
NARRATOR_STEPS: tuple[Step, ...] = (Step(8, narrate.NAME, narrate.run),)
"""Step 8: the article's own account as claims (narrator setting); only in a whole analysis, because it
adds claims the step functions' callers would not have."""
CONTRADICTION_STEPS: tuple[Step, ...] = (
    Step(9, pair.NAME, pair.run),
    Step(10, verify.NAME, verify.run, (verify.TEMPLATE,)),
    Step(11, explain.NAME, explain.run, (explain.TEMPLATE,)),
)
SUMMARY_STEPS: tuple[Step, ...] = (Step(12, summary.NAME, summary.run, (summary.TEMPLATE,)),)
STAGED_STEPS = CLAIM_STEPS + NARRATOR_STEPS + CONTRADICTION_STEPS + SUMMARY_STEPS
NAIVE_STEPS: tuple[Step, ...] = (Step(1, naive.NAME, naive.run, (naive.TEMPLATE,)),)


def check_choices(pipeline: str, scope: str) -> None:
    """Raise `ConfigurationError` unless `pipeline` and `scope` are ones an analysis knows, before any
    model call (an unknown scope used to fail only when the finished run was recorded)."""
    if pipeline not in get_args(PipelineName):
        raise ConfigurationError(
            f"unknown pipeline {pipeline!r}; use one of {', '.join(get_args(PipelineName))}"
        )
    if scope not in get_args(AnalysisScope):
        raise ConfigurationError(f"unknown scope {scope!r}; use one of {', '.join(get_args(AnalysisScope))}")


def steps_for(pipeline: PipelineName, scope: AnalysisScope) -> tuple[Step, ...]:
    """The steps an analysis runs (after step 1, preparing the article)."""
    check_choices(pipeline, scope)
    if pipeline == "naive":
        return NAIVE_STEPS
    return CLAIM_STEPS if scope == "claims" else STAGED_STEPS


def templates_of(steps: Sequence[Step]) -> list[str]:
    """The prompt templates the steps use."""
    return [template for step in steps for template in step.templates]


STAGED_TEMPLATES = templates_of(STAGED_STEPS)
CLAIM_TEMPLATES = templates_of(CLAIM_STEPS)


async def run_steps(state: AnalysisState, steps: Sequence[Step]) -> None:
    """Run the steps in order on one state, each decision traced under the step that made it."""
    for step in steps:
        state.trace.step = step.name
        await step.run(state)


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
    check_choices(pipeline, scope)
    started = time.monotonic()
    ledger = client.start_ledger()
    state = AnalysisState(article=PreparedArticle.from_text(text), client=client, notices=list(notices or []))
    if progress is not None:
        state.progress = progress
    scope = "full" if pipeline == "naive" else scope
    steps = steps_for(pipeline, scope)
    await run_steps(state, steps)
    usage = ledger.steps()
    run = RunMetadata(
        counterclaim_version=__version__,
        pipeline=pipeline,
        scope=scope,
        provider=client.settings.provider.value,
        model=client.settings.model,
        prompts=prompts_loader.versions(templates_of(steps)),
        steps=usage,
        model_calls=sum(s.calls for s in usage),
        cached_calls=sum(s.cached_calls for s in usage),
        prompt_tokens=sum(s.prompt_tokens for s in usage),
        completion_tokens=sum(s.completion_tokens for s in usage),
        seconds=round(time.monotonic() - started, 3),
        chunks=len(state.chunks),
        notices=[*state.notices, *ledger.notices],
        trace=state.trace.decisions(state.claim_of_proposal),
    )
    return Analysis(
        article_chars=len(text),
        article_sha256=state.article.sha256,
        actors=state.actors,
        claims=state.claims,
        contradictions=state.contradictions,
        summary=state.summary,
        run=run,
    )
