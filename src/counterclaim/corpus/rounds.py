"""Advancing every article together, one round of model requests at a time (`--via batch-api`, `files`).

The seam is the HTTP transport under the model client, so the pipeline and its steps run unchanged:
every article runs `run_pipeline` in its own task, and each chat-completion request reaches the
`ParkingTransport`, which answers it from the `AnswerBook` (the answers of earlier rounds) or holds it.
When every article is waiting (its step's requests all held, or it is finished), the `RoundDriver`
hands the held requests to a `RoundBackend` (one OpenAI Batch, or one request file for an offline
engine), puts the answers in the book, and releases the requests; the articles go on to their next
step. So a round holds the claim windows of every article, the next their second looks, and so on
(articles whose steps ask nothing skip ahead, so a round can mix steps).

Everything above the transport behaves as live: instructor validates each answer and re-asks (the
re-ask is a new request, held for the next round), an HTTP error from the batch goes through the one
retry layer (a transient one is asked again in the next round, within `--max-retries`), and a request
the batch did not run (expired, cancelled) is answered as a transient 503, so it is asked again. The
same request of two articles is asked once.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import httpx2

from counterclaim.corpus.batch_lines import (
    CHAT_COMPLETIONS_URL,
    Answer,
    AnswerOnDisk,
    BatchRequestLine,
    KeptAnswer,
    request_line,
)
from counterclaim.errors import RunFolderError

SETTLE_PASSES = 25
"""Turns of the event loop with nothing new (no request held, no article finished) after which every
article is taken to be waiting: a step between two requests needs a handful."""
SETTLE_SECONDS = 0.1
"""And that long with nothing new, for work the loop waits on elsewhere (the openai client looks up
the platform in a thread before its first request). A wrong guess only splits a round in two (one
more batch to wait for), never changes an answer."""


class AnswerBook:
    """The answers known so far, by custom id: a success answers its request every time it is made
    (replaying an article asks again what an earlier session already asked); an error answers one
    asking, so the retry that follows is held for the next round. A success kept in its file is read
    from it each time it is taken."""

    def __init__(self) -> None:
        self._successes: dict[str, KeptAnswer] = {}
        self._errors: dict[str, deque[Answer]] = {}

    def add(self, custom_id: str, answer: KeptAnswer) -> None:
        if isinstance(answer, AnswerOnDisk) or answer.succeeded:
            self._successes[custom_id] = answer
        else:
            self._errors.setdefault(custom_id, deque()).append(answer)

    def take(self, custom_id: str) -> Answer | None:
        success = self._successes.get(custom_id)
        if success is not None:
            return success.load() if isinstance(success, AnswerOnDisk) else success
        errors = self._errors.get(custom_id)
        return errors.popleft() if errors else None


@dataclass
class HeldRequest:
    """A request waiting for its round: its batch line, and the askers waiting for the answer (two
    articles asking the same thing share one line)."""

    line: BatchRequestLine
    waiters: list[asyncio.Future[Answer]] = field(default_factory=list)


class ParkingTransport(httpx2.AsyncBaseTransport):
    """The HTTP transport of the model client in round mode: answers from the book, or holds."""

    def __init__(self, book: AnswerBook) -> None:
        self.book = book
        self.held: dict[str, HeldRequest] = {}
        self.broken: RunFolderError | None = None
        """Why an answer the book holds could not be read (raised here, the client would take it for a
        connection failure and fail the article: the driver stops the run with it instead)."""
        self.activity = 0
        """Counts requests held and answered, for the driver to tell when every article waits."""

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.method != "POST" or not request.url.path.endswith(
            CHAT_COMPLETIONS_URL.removeprefix("/v1")
        ):
            return httpx2.Response(404, json={"error": {"message": "only chat completions are batched"}})
        line = request_line(json.loads(await request.aread()))
        self.activity += 1
        try:
            known = self.book.take(line.custom_id)
        except RunFolderError as error:  # a kept answer gone: the request is held, the driver stops
            self.broken = self.broken or error
            known = None
        if known is not None:
            return httpx2.Response(known.status, json=known.body, request=request)
        waiter: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        held = self.held.setdefault(line.custom_id, HeldRequest(line))
        held.waiters.append(waiter)
        try:
            answer = await waiter
        finally:
            if waiter in held.waiters:  # cancelled while held: the request is no longer asked
                held.waiters.remove(waiter)
                if not held.waiters and self.held.get(line.custom_id) is held:
                    del self.held[line.custom_id]
        return httpx2.Response(answer.status, json=answer.body, request=request)

    def waiting(self) -> list[BatchRequestLine]:
        """The held requests, in the order first asked."""
        return [held.line for held in self.held.values()]

    def release(self) -> int:
        """Answer every held request the book now answers; return how many were released."""
        released = 0
        for custom_id, held in list(self.held.items()):
            answer = self.book.take(custom_id)
            if answer is None:
                continue
            del self.held[custom_id]
            for waiter in held.waiters:
                if not waiter.done():
                    waiter.set_result(answer)
            released += 1
        self.activity += released
        return released


class RoundBackend(Protocol):
    """Gets the answers of one round of requests (one OpenAI Batch, one request file...)."""

    async def answer(self, requests: Sequence[BatchRequestLine]) -> dict[str, KeptAnswer]:
        """Answers by custom id: every request of the round the backend ran (an earlier round it
        resumes may hold other requests). May raise `AwaitingAnswers` (files: run the engine first)."""
        ...


class RoundDriver:
    """Runs the rounds until every article task is done."""

    def __init__(self, transport: ParkingTransport, backend: RoundBackend) -> None:
        self.transport = transport
        self.backend = backend
        self.rounds = 0

    async def run(self, tasks: Sequence[asyncio.Task[None]]) -> None:
        """Return when every task is done (their own errors stay in them for the caller)."""
        while True:
            await self.settle(tasks)
            if self.transport.broken is not None:
                raise self.transport.broken
            if all(task.done() for task in tasks):
                return
            waiting = self.transport.waiting()
            if not waiting:  # tasks still busy without a held request: let them run
                await asyncio.sleep(0.01)
                continue
            answers = await self.backend.answer(waiting)
            self.rounds += 1
            for custom_id, answer in answers.items():
                self.transport.book.add(custom_id, answer)
            self.transport.release()

    async def settle(self, tasks: Sequence[asyncio.Task[None]]) -> None:
        """Wait until nothing moves: every task is done or waits for a held request."""
        loop = asyncio.get_running_loop()
        quiet = 0
        last = (-1, -1)
        quiet_since = loop.time()
        while quiet < SETTLE_PASSES or loop.time() - quiet_since < SETTLE_SECONDS:
            await asyncio.sleep(0 if quiet < SETTLE_PASSES else SETTLE_SECONDS / 4)
            now = (self.transport.activity, sum(task.done() for task in tasks))
            if now != last:
                quiet, last, quiet_since = 0, now, loop.time()
            else:
                quiet += 1
            if now[1] == len(tasks):
                return
