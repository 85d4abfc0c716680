"""Print how much faster a corpus goes with requests in flight together (`counterclaim.analyze_many`).

    python scripts/benchmark_batch.py [--articles 100] [--latency 1.0] [--slots 32] [--concurrency 1,32]

Starts a LOCAL STAND-IN SERVER on 127.0.0.1 (no model): it decodes at most `--slots` requests at once,
answers each after `--latency` seconds with the smallest answer its JSON schema allows (no claim), as
a server with that many parallel slots and that speed would. Then it analyses `--articles` short
articles (each asks four requests, one after the other) once per
concurrency given, and prints wall seconds, requests, the most requests the server saw at once, and
the speed-up over the first concurrency. A figure to read, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import counterclaim
from counterclaim.config import load_settings


def smallest(schema: dict[str, Any], definitions: dict[str, Any]) -> Any:
    """The smallest value a JSON schema (as pydantic writes them) allows."""
    if "$ref" in schema:
        return smallest(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return smallest(options[0], definitions)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: smallest(properties[name], definitions) for name in schema.get("required", [])}
    if kind == "array":
        return [smallest(schema.get("items", {}), definitions) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        return "x" * max(1, schema.get("minLength", 1))
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        return low + 1 if "exclusiveMinimum" in schema else low
    if kind == "boolean":
        return False
    return None


class SlotServer:
    """How many requests were answered, and the most in flight at once."""

    def __init__(self, slots: int, latency: float) -> None:
        self.slots = threading.Semaphore(slots)
        self.latency = latency
        self.lock = threading.Lock()
        self.answered = 0
        self.in_flight = 0
        self.most_in_flight = 0

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.slots:
            with self.lock:
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
            time.sleep(self.latency)
            with self.lock:
                self.in_flight -= 1
                self.answered += 1
        schema = body["response_format"]["json_schema"]["schema"]
        content = json.dumps(smallest(schema, schema.get("$defs", {})))
        return {
            "id": "bench",
            "object": "chat.completion",
            "created": 0,
            "model": body["model"],
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
        }


@contextmanager
def serving(slots: int, latency: float) -> Iterator[tuple[str, SlotServer]]:
    state = SlotServer(slots, latency)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            data = json.dumps(state.answer(body)).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = _Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", state
    finally:
        server.shutdown()
        server.server_close()


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # every connection of a burst is accepted (the default backlog is 5)


def articles(count: int) -> list[dict[str, str]]:
    """Short articles that each ask four requests one after the other (claims, second look, actors,
    summary: the smallest answers hold one claim of the named speaker)."""
    said = "said on Monday that the bridge would reopen in"
    return [
        {"id": f"a{n:03d}", "text": f"Mayor Anna Lind {said} {n % 9 + 2} weeks. Critics doubted the plan."}
        for n in range(count)
    ]


def measure(count: int, latency: float, slots: int, concurrency: int) -> tuple[float, int, int, int]:
    """(wall seconds, articles analysed, requests answered, most requests in flight) of one run."""
    with serving(slots, latency) as (url, server):
        settings = load_settings(
            env={}, provider="compatible", base_url=url, model="bench", concurrency=concurrency, max_retries=0
        )
        started = time.monotonic()
        done = sum(result.ok for result in counterclaim.analyze_many(articles(count), settings=settings))
        return time.monotonic() - started, done, server.answered, server.most_in_flight


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--latency", type=float, default=1.0, help="Seconds the server takes per request.")
    parser.add_argument("--slots", type=int, default=32, help="Requests the server decodes at once.")
    parser.add_argument("--concurrency", default="1,32", help="Requests in flight, comma-separated.")
    args = parser.parse_args()
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures show in the figures
    print(f"{args.articles} articles; server: {args.slots} slots, {args.latency:g} s per request")
    baseline: float | None = None
    for concurrency in (int(c) for c in args.concurrency.split(",")):
        seconds, done, requests, most = measure(args.articles, args.latency, args.slots, concurrency)
        baseline = baseline or seconds
        print(
            f"concurrency {concurrency:3d}: {seconds:8.1f} s  {done} articles  {requests} requests  "
            f"at most {most} in flight  {done / seconds * 60:7.1f} articles/min  "
            f"{baseline / seconds:5.1f}x the first"
        )


if __name__ == "__main__":
    main()
