"""Requests in flight together: the founding article against a stand-in server that answers every request
after one second, with one request at a time and with the default for a server (8).

    python scripts/benchmark_concurrency.py [ARTICLE] [--latency 1.0] [--concurrency 1,8,32]

The stand-in (`benchmark_code_size.stand_in`, behind an `httpx2.MockTransport`) answers from the
request's schema; nothing is a model answer. It prints wall seconds, requests and the most requests it
saw in flight at once, per concurrency: with one second per answer, the seconds are about the number
of request rounds the pipeline's steps need.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import httpx2
from benchmark_code_size import stand_in

from counterclaim.config import load_settings
from counterclaim.llm.client import ModelClient
from counterclaim.llm.http_guard import ModelHttpClient
from counterclaim.pipeline.analyze import run_pipeline

FOUNDING_ARTICLE = (
    Path(__file__).parents[1] / "seeds" / "articles" / "nato-russia-troop-buildup-2022-02-16.txt"
)


class Counting(httpx2.AsyncBaseTransport):
    """Counts the requests in flight through another transport."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner
        self.in_flight = 0
        self.most = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            return await self.inner.handle_async_request(request)
        finally:
            self.in_flight -= 1


async def measure(text: str, latency: float, concurrency: int) -> tuple[float, int, int]:
    settings = load_settings(
        env={},
        provider="compatible",
        base_url="http://127.0.0.1:9/v1",
        model="stand-in",
        concurrency=concurrency,
    )
    transport = Counting(stand_in(latency))
    client = ModelClient(settings, http_client=ModelHttpClient(total_seconds=600, transport=transport))
    started = time.perf_counter()
    try:
        analysis = await run_pipeline(text, client)
    finally:
        await client.aclose()
    return time.perf_counter() - started, analysis.run.model_calls, transport.most


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", nargs="?", type=Path, default=FOUNDING_ARTICLE)
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--concurrency", default="1,8")
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8")
    print(f"{'concurrency':>11} {'seconds':>8} {'requests':>8} {'most in flight':>14}")
    for concurrency in (int(c) for c in args.concurrency.split(",")):
        seconds, calls, most = asyncio.run(measure(text, args.latency, concurrency))
        print(f"{concurrency:>11} {seconds:>8.1f} {calls:>8} {most:>14}")


if __name__ == "__main__":
    main()
