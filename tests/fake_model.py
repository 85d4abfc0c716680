"""A HAND-MADE stand-in for the model, for tests of one step and the rules it applies.

`FakeModel` sits behind an `httpx2.MockTransport` and answers each request by the schema it asks the
answer to fit ("VerdictDraft", "Translations", ...) from answers the test scripts: nothing here is model
output, it is what a test needs the model to have said. A request for a schema with no scripted answer
fails the test. `state_for` gives a step the analysis state it reads, with such a client.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import httpx2

from counterclaim.config import load_settings
from counterclaim.llm.client import ModelClient
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.state import AnalysisState

Reply = Mapping[str, Any] | str
Answer = Reply | Callable[[dict[str, Any]], Reply]
"""An answer's JSON, `CUT_OFF` for an answer that reached its token limit, or a function of the
request's body giving either (to answer by what was asked, whatever the order requests arrive in)."""
CUT_OFF = "<cut off>"


def completion(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    """A chat-completion body, as an OpenAI-compatible server sends it."""
    return {
        "id": "fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


class FakeModel:
    """Answers requests by schema name, in the order they arrive (the last answer of a schema repeats).

    `latency(body)`: seconds to wait before answering a request (to make answers arrive out of order).
    """

    def __init__(
        self,
        answers: Mapping[str, Sequence[Answer]] | None = None,
        latency: Callable[[dict[str, Any]], float] | None = None,
    ) -> None:
        self.answers = {schema: list(scripted) for schema, scripted in (answers or {}).items()}
        self.latency = latency
        self.asked: list[tuple[str, dict[str, Any]]] = []
        """(schema, request body) of every request, in the order received."""
        self.answered: list[dict[str, Any]] = []
        """The request bodies, in the order their answers were sent."""

    def schemas(self) -> list[str]:
        return [schema for schema, _ in self.asked]

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        schema = body["response_format"]["json_schema"]["name"]
        self.asked.append((schema, body))
        scripted = self.answers.get(schema)
        if not scripted:
            raise AssertionError(f"the fake model has no answer for a {schema} request")
        answer = scripted.pop(0) if len(scripted) > 1 else scripted[0]
        if callable(answer):
            answer = answer(body)
        if self.latency is not None:
            await asyncio.sleep(self.latency(body))
        self.answered.append(body)
        if answer == CUT_OFF:
            return httpx2.Response(200, json=completion('{"item_0": "', finish_reason="length"))
        return httpx2.Response(200, json=completion(json.dumps(answer)))


def fake_client(model: FakeModel, **settings_overrides: Any) -> ModelClient:
    values: dict[str, Any] = {"max_reasks": 0, **settings_overrides}
    settings = load_settings(
        env={}, provider="compatible", base_url="http://fake.invalid/v1", model="fake-model", **values
    )
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(model))
    return ModelClient(settings, http_client=http)


def state_for(text: str, model: FakeModel | None = None, **settings: Any) -> AnalysisState:
    """A fresh analysis state for `text` whose client asks `model` (by default one that knows nothing),
    with these settings changed."""
    client = fake_client(model or FakeModel(), **settings)
    return AnalysisState(article=PreparedArticle.from_text(text), client=client)


def run_step(state: AnalysisState, step: Callable[[AnalysisState], Awaitable[None]], name: str) -> None:
    """Run one step on the state, its decisions traced under `name`, and close the client."""

    async def go() -> None:
        state.trace.step = name
        try:
            await step(state)
        finally:
            await state.client.aclose()

    asyncio.run(go())
