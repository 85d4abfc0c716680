"""How the code part of an analysis grows with the article: seconds per size, the model answering at once.

    python scripts/benchmark_code_size.py [--sizes 50,100,200,400,800,1600]

Each synthetic article has N sentences, each reporting one claim of one of a few dozen actors in a
shared vocabulary of troops, borders and talks (so many claim pairs share words, the hard case for
pairing), with some negations and figures. A stand-in model behind an `httpx2.MockTransport` answers
every request at once (a claim per sentence of each window, an unrelated verdict, a one-sentence
summary): all the time measured is code. Nothing here is a model answer; the figures are what the
README quotes for near-linear growth.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import time
from typing import Any

import httpx2

from counterclaim.config import load_settings
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient
from counterclaim.pipeline.analyze import run_pipeline

ACTORS = [f"{first} {last}" for first in ("Anna", "Boris", "Clara", "David", "Elena", "Farid") for last in (
    "Novak", "Perez", "Quinn", "Rossi", "Sato", "Tanaka")]  # fmt: skip
TOPICS = ["troops", "border", "talks", "sanctions", "ceasefire", "convoy", "drills", "tanks", "aid", "port"]
VERBS = ["said", "told reporters", "warned", "insisted", "added"]


def synthetic_article(sentences: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = []
    for index in range(sentences):
        actor = rng.choice(ACTORS)
        a, b = rng.sample(TOPICS, 2)
        negation = " not" if index % 5 == 0 else ""
        figure = f" {rng.randint(2, 90) * 1000} troops" if index % 7 == 0 else ""
        lines.append(f"{actor} {rng.choice(VERBS)} the {a} near the {b} were{negation} growing{figure}.")
    paragraphs = [" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    return "\n\n".join(paragraphs)


def _answer(body: dict[str, Any]) -> dict[str, Any]:
    schema = body["response_format"]["json_schema"]["schema"]
    name = body["response_format"]["json_schema"]["name"]
    task = body["messages"][1]["content"]
    if name == "ClaimDrafts":
        listed = task.split("The sentences to extract from (only these):", 1)[-1]
        window = schema["$defs"]["ClaimDraft"]["properties"]["sentence"]
        claims = []
        for number, text in re.findall(r"\[(\d+)\] ([^\[\n]+)", listed):
            if not window["minimum"] <= int(number) <= window["maximum"]:
                continue  # the context sentence before the window
            actor = " ".join(text.split()[:2])
            claims.append({"sentence": int(number), "actor": actor, "statement_in_english": text.strip(),
                           "kind": "assertion", "hedged": False})  # fmt: skip
        return {"claims": claims[:10]}
    if name == "VerdictDraft":
        return {"comparison": "They speak of different things.", "relation": "unrelated", "kind": "factual",
                "confidence": 0.5}  # fmt: skip
    if name == "SummaryDraft":
        first = schema["$defs"]["SummarySentenceDraft"]["properties"]["claim_ids"]["items"]["enum"][0]
        return {"sentences": [{"text": "Several people speak of troops.", "claim_ids": [first]}]}
    if name == "ActorDetailsByName":
        return {key: {"kind": "person", "role": None, "aliases": []} for key in schema["properties"]}
    if name == "SpeakerClaims":
        return {key: {"statement_in_english": "Troops are growing.", "kind": "assertion", "hedged": False}
                for key in schema["properties"]}  # fmt: skip
    # restatements, explanations: any sentence that fits the schema, so no answer is re-asked
    return {key: "Troops are growing." for key in schema.get("properties", {})}


def stand_in(latency: float = 0.0) -> httpx2.MockTransport:
    """A transport answering every request from its schema (`_answer`) after `latency` seconds."""

    async def respond(request: httpx2.Request) -> httpx2.Response:
        if latency:
            await asyncio.sleep(latency)
        return _respond(request)

    return httpx2.MockTransport(respond)


def _respond(request: httpx2.Request) -> httpx2.Response:
    body = json.loads(request.content)
    content = json.dumps(_answer(body))
    return httpx2.Response(
        200,
        json={
            "id": "instant",
            "object": "chat.completion",
            "created": 0,
            "model": "instant",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        },
    )


async def measure(sentences: int) -> tuple[float, int, int, int]:
    text = synthetic_article(sentences)
    settings = load_settings(
        env={}, provider="compatible", base_url="http://127.0.0.1:9/v1", model="instant", max_chars=400_000
    )
    http = ModelHttpClient(total_seconds=600, transport=stand_in())
    client = ModelClient(settings, http_client=http)
    started = time.perf_counter()
    try:
        analysis = await run_pipeline(text, client)
    finally:
        await client.aclose()
    return time.perf_counter() - started, len(text), len(analysis.claims), analysis.run.model_calls


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="50,100,200,400,800,1600")
    args = parser.parse_args()
    print(f"{'sentences':>9} {'characters':>10} {'claims':>6} {'calls':>5} {'seconds':>8} {'ms/claim':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        seconds, chars, claims, calls = asyncio.run(measure(size))
        per_claim = 1000 * seconds / claims if claims else 0.0
        print(f"{size:>9} {chars:>10,} {claims:>6} {calls:>5} {seconds:>8.2f} {per_claim:>8.2f}")


if __name__ == "__main__":
    main()
