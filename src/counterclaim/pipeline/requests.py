"""The model requests of a step: their messages, sent together, answered in a fixed order.

Every request puts the system prompt first, then the article, then the task, so servers reuse the
article prefix. A step builds all its requests (they never depend on each other's answers), sends them
together under the client's limit of requests in flight, and reads the answers in the order the
requests were built: the result never depends on which answer arrived first.

An answer that arrived but is unusable (cut off, refused, never fitting the schema, or text the
server itself could not parse: `ModelOutputError`) costs only its own part of the analysis — a window
of sentences, a batch of actors, one pair of claims — with a notice and a trace entry, when the state
allows skipping (when no claims window could be read and the second look finds nothing either, the
analysis fails instead: "No claims found." would hide it); server errors (`ProviderError`) stop the
analysis, since every later request would meet them too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from counterclaim import prompts_loader
from counterclaim.errors import ModelOutputError
from counterclaim.llm.client import Message, ModelClient
from counterclaim.models import DecisionAction
from counterclaim.pipeline.trace import Rule, TraceRecorder

Progress = Callable[[str], None]
"""Receives one line per request or step as the pipeline goes (shown on stderr by the CLI)."""

UNUSABLE_ANSWER = Rule(
    "request.unusable_answer",
    "An answer that arrived but cannot be used (cut off at its token limit, refused, never fitting the "
    "schema after re-asks, or a 500 saying the server could not parse the model's output) costs only "
    "the part it was asked for: that part is skipped with a notice.",
)


def messages_for(article_prompt: str, template: str, **variables: Any) -> list[Message]:
    """System message, then the article first and the task after it (so servers reuse the prefix)."""
    return [
        {"role": "system", "content": prompts_loader.render(prompts_loader.SYSTEM_TEMPLATE)},
        {
            "role": "user",
            "content": prompts_loader.render(template, numbered_article=article_prompt, **variables),
        },
    ]


@dataclass(frozen=True)
class Request:
    """One model request of a step, and what is lost when its answer is unusable."""

    step: str
    messages: list[Message]
    response_model: type[BaseModel]
    max_tokens: int
    skipped: str
    """What is left undone if the answer is unusable ("sentences 6-10 were not analysed")."""
    progress: str | None = None
    """The progress line shown when the request is sent."""


@dataclass
class RequestContext:
    """What sending a step's requests needs: the client, and where notices and progress go."""

    client: ModelClient
    trace: TraceRecorder
    notices: list[str]
    progress: Progress
    skip_unusable: bool = True
    """False when a step runs on its own (the public step functions): an unusable answer raises."""


async def ask_all(context: RequestContext, requests: Sequence[Request]) -> list[Any | None]:
    """The answers to `requests`, in their order; None for an answer that is unusable and skipped.

    Requests go out together, as many at once as the client allows. An unusable answer is noted (in
    request order) and skipped, or raised when `context.skip_unusable` is off; any other error stops
    the others and is raised (the first in request order when several failed).
    """

    async def one(request: Request) -> Any | ModelOutputError:
        if request.progress:
            context.progress(request.progress)
        try:
            return await context.client.structured(
                request.step, request.messages, request.response_model, max_tokens=request.max_tokens
            )
        except ModelOutputError as error:
            if not context.skip_unusable:
                raise
            return error

    if len(requests) == 1:  # no task group for the common single request (clearer tracebacks)
        results: list[Any] = [await one(requests[0])]
    else:
        tasks: list[asyncio.Task[Any]] = []
        try:
            async with asyncio.TaskGroup() as group:
                tasks.extend(group.create_task(one(request)) for request in requests)
        except BaseExceptionGroup as failures:
            raise _first_error(tasks, failures) from None
        results = [task.result() for task in tasks]
    answers: list[Any | None] = []
    for request, result in zip(requests, results, strict=True):
        if isinstance(result, ModelOutputError):
            notice = f"{request.skipped}: {result.message}"
            context.notices.append(notice)
            context.trace.record(UNUSABLE_ANSWER, DecisionAction.SKIPPED, notice)
            context.progress(notice)
            answers.append(None)
        else:
            answers.append(result)
    return answers


def _first_error(
    tasks: Sequence[asyncio.Task[Any]], failures: BaseExceptionGroup[BaseException]
) -> BaseException:
    """The error to raise for a failed group of requests: the first failed request's, in request order
    (requests the group cancelled because of it are not failures of their own)."""
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            error = task.exception()
            assert error is not None
            return error
    return failures.exceptions[0]
