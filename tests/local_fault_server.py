"""A small scripted OpenAI-compatible HTTP server on 127.0.0.1 (port 0), for fault-injection tests.

It is a LOCAL HTTP TEST SERVER (threading `http.server`), not a model: each request to it gets the
next reply of a script (the last reply repeats). Replies are hand-made: JSON bodies, HTML pages, a
body dripped one byte at a time, a body cut off before its announced length. Every loop in it is
bounded, and it stops with the `with` block.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[BaseHTTPRequestHandler, threading.Event], None]
"""Writes one whole HTTP response (status, headers, body) to the handler; the event is set when the
server stops, so a slow reply can give up."""


def completion_body(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    usage: Any = None,
) -> dict[str, Any]:
    """A chat-completion body as an OpenAI-compatible server sends it."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return {
        "id": "local-fault-server",
        "object": "chat.completion",
        "created": 0,
        "model": "fault-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": usage
        if usage is not None
        else {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16},
    }


def raw_reply(
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Reply:
    """A complete response with this body."""

    def reply(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    return reply


def json_reply(payload: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    """A JSON response."""
    return raw_reply(json.dumps(payload).encode("utf-8"), status=status, headers=headers)


def dripping_reply(body: bytes, *, seconds_per_byte: float) -> Reply:
    """A 200 whose body arrives one byte every `seconds_per_byte` (the headers at once)."""

    def reply(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.flush()
        for index in range(len(body)):
            if stopping.wait(seconds_per_byte):
                return
            handler.wfile.write(body[index : index + 1])
            handler.wfile.flush()

    return reply


def cut_reply(body: bytes, *, sent_bytes: int) -> Reply:
    """A 200 announcing the whole body's length, sending its first `sent_bytes`, then closing."""

    def reply(handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[:sent_bytes])
        handler.wfile.flush()
        handler.close_connection = True

    return reply


@dataclass
class ScriptedServer:
    """The running server: its base URL (ending in /v1) and the requests it received."""

    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def scripted_server(*script: Reply) -> Iterator[ScriptedServer]:
    """Serve `script` on 127.0.0.1 (a free port) for the duration of the block."""
    if not script:
        raise ValueError("a script needs at least one reply")
    stopping = threading.Event()
    lock = threading.Lock()
    state = ScriptedServer(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            with lock:
                try:
                    body: Any = json.loads(raw)
                except ValueError:
                    body = raw
                state.requests.append(
                    {
                        "path": self.path,
                        "body": body,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                    }
                )
                reply = script[min(len(state.requests), len(script)) - 1]
            try:
                reply(self, stopping)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up: fine
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        time.sleep(0)  # let daemon handler threads see the stop event
