"""A LOCAL TEST SERVER (threading `http.server` on 127.0.0.1, port 0) implementing the OpenAI endpoints
the batch tests need, as the API reference documents them. It is not a model: every answer comes from
a `Responder` (recorded model answers, `recorded_answers`, or a test's own hand-made function).

- `POST /v1/chat/completions`: the responder's answer, after `chat_delay` seconds.
- `POST /v1/files` (multipart: `purpose`, `file`), `GET /v1/files/{id}`, `GET /v1/files/{id}/content`.
- `POST /v1/batches` (`input_file_id`, `endpoint`, `completion_window`, `metadata`), `GET
  /v1/batches/{id}`, `GET /v1/batches` (latest first), `POST /v1/batches/{id}/cancel`.

Every line of an uploaded Batch input file is checked against the documented request line format
(`batch_line_problems`, written from the documentation, independent of counterclaim's own writer); a
file with a problem makes its batch `failed` with `errors.data`, as the service does. A batch moves
one status per retrieve: `validating`, then `in_progress` (`BatchScript.polls_in_progress` times),
`finalizing`, then its scripted outcome: `completed`, `expired` (the first `answered_before_end`
requests answered, the others in the error file as `batch_expired`) or `cancelled`. Successful answers
go to the output file, failed ones (status other than 200) to the error file.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Responder = Callable[[dict[str, Any]], tuple[int, dict[str, Any]]]
"""A chat-completion request body -> (HTTP status, answer body)."""

DOCUMENTED_ENDPOINTS = {"/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions"}
LINE_KEYS = {"custom_id", "method", "url", "body"}
MAX_LINES = 50_000
MAX_BYTES = 200 * 1024 * 1024
MAX_CUSTOM_ID = 64


def batch_line_problems(content: bytes, endpoint: str) -> list[dict[str, Any]]:
    """Every way the file breaks the documented request input format, as the Batch API's
    `errors.data` entries ({code, line, message, param})."""
    problems: list[dict[str, Any]] = []

    def problem(line: int | None, message: str, param: str | None = None) -> None:
        problems.append({"code": "invalid_request", "line": line, "message": message, "param": param})

    if len(content) > MAX_BYTES:
        problem(None, "the file is larger than 200 MB")
    lines = content.decode("utf-8").splitlines()
    if len(lines) > MAX_LINES:
        problem(None, "the file has more than 50,000 requests")
    seen: set[str] = set()
    models: set[str] = set()
    for number, text in enumerate(lines, start=1):
        try:
            line = json.loads(text)
        except ValueError:
            problem(number, "not valid JSON")
            continue
        if not isinstance(line, dict) or set(line) != LINE_KEYS:
            problem(number, f"a line has exactly the keys {sorted(LINE_KEYS)}")
            continue
        custom_id = line["custom_id"]
        if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= MAX_CUSTOM_ID:
            problem(number, "custom_id must be a string of 1 to 64 characters", "custom_id")
        elif custom_id in seen:
            problem(number, "custom_id must be unique within the file", "custom_id")
        else:
            seen.add(custom_id)
        if line["method"] != "POST":
            problem(number, "only POST is supported", "method")
        if line["url"] != endpoint:
            problem(number, f"url must be the batch's endpoint {endpoint}", "url")
        body = line["body"]
        if not isinstance(body, dict) or not isinstance(body.get("model"), str):
            problem(number, "body must be an object naming its model", "body")
            continue
        models.add(body["model"])
        messages = body.get("messages")
        if (
            not isinstance(messages, list)
            or not messages
            or not all(
                isinstance(m, dict) and isinstance(m.get("role"), str) and "content" in m for m in messages
            )
        ):
            problem(number, "body.messages must be a non-empty list of messages", "body.messages")
        if body.get("stream"):
            problem(number, "streaming is not supported in batches", "body.stream")
    if len(models) > 1:
        problem(None, f"all requests of a batch must use one model, not {sorted(models)}")
    return problems


@dataclass
class BatchScript:
    """What happens to one batch (the n-th created gets the n-th script; the last one repeats)."""

    outcome: Literal["completed", "expired", "cancelled"] = "completed"
    polls_in_progress: int = 1
    answered_before_end: int = 0
    """With "expired" or "cancelled": how many requests (in file order) were answered before."""
    garbled: int = 0
    """How many output lines (from the first) are sent cut in half, as no JSON (a damaged download)."""
    strangers: int = 0
    """How many output lines for requests the batch never had are added (copies of its first answer
    under other custom ids)."""


@dataclass
class LocalOpenAIServer:
    """The running server's state, for tests to look at (guarded by `lock`)."""

    responder: Responder
    scripts: list[BatchScript] = field(default_factory=lambda: [BatchScript()])
    chat_delay: float = 0.0
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: int = 0
    chat_requests: list[dict[str, Any]] = field(default_factory=list)
    batch_requests: list[dict[str, Any]] = field(default_factory=list)
    """Every request line of every batch that ran, in order."""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _progress: dict[str, list[str]] = field(default_factory=dict)
    _script_of: dict[str, BatchScript] = field(default_factory=dict)

    def new_id(self, prefix: str) -> str:
        return f"{prefix}-local-{next(self._ids)}"

    # --- files ---------------------------------------------------------------------------------------

    def store_file(self, name: str, purpose: str, content: bytes) -> dict[str, Any]:
        file_id = self.new_id("file")
        record = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }
        self.files[file_id] = record
        self.contents[file_id] = content
        return record

    # --- batches -------------------------------------------------------------------------------------

    def create_batch(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        input_file_id = request.get("input_file_id")
        endpoint = request.get("endpoint")
        if input_file_id not in self.files or self.files[input_file_id]["purpose"] != "batch":
            return 400, _error("input_file_id must name a file uploaded with purpose batch")
        if endpoint not in DOCUMENTED_ENDPOINTS or request.get("completion_window") != "24h":
            return 400, _error("endpoint must be a documented one and completion_window 24h")
        metadata = request.get("metadata") or {}
        if len(metadata) > 16 or any(len(k) > 64 or len(str(v)) > 512 for k, v in metadata.items()):
            return 400, _error("metadata: at most 16 pairs, keys up to 64 and values up to 512 characters")
        batch_id = self.new_id("batch")
        script = self.scripts[min(len(self.batches), len(self.scripts) - 1)]
        problems = batch_line_problems(self.contents[input_file_id], endpoint)
        lines = self.contents[input_file_id].decode("utf-8").splitlines()
        self.batches[batch_id] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": endpoint,
            "errors": {"object": "list", "data": problems} if problems else None,
            "input_file_id": input_file_id,
            "completion_window": "24h",
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "expires_at": int(time.time()) + 86400,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": metadata,
        }
        if problems:
            steps = ["failed"]
        elif script.outcome == "cancelled":
            steps = ["in_progress"] * script.polls_in_progress + ["cancelling", "cancelled"]
        else:
            steps = ["in_progress"] * script.polls_in_progress + ["finalizing", script.outcome]
        self._progress[batch_id] = steps
        self._script_of[batch_id] = script
        return 200, dict(self.batches[batch_id])

    def retrieve_batch(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self.batches.get(batch_id)
        if batch is None:
            return 404, _error(f"no batch {batch_id}")
        steps = self._progress[batch_id]
        if steps:
            batch["status"] = steps.pop(0)
            batch[f"{batch['status']}_at"] = int(time.time())
            if batch["status"] in ("completed", "expired", "cancelled"):
                self._finish(batch)
        return 200, dict(batch)

    def cancel_batch(self, batch_id: str) -> tuple[int, dict[str, Any]]:
        batch = self.batches.get(batch_id)
        if batch is None:
            return 404, _error(f"no batch {batch_id}")
        self._progress[batch_id] = ["cancelled"]
        self._script_of[batch_id] = BatchScript(outcome="cancelled")
        batch["status"] = "cancelling"
        return 200, dict(batch)

    def _finish(self, batch: dict[str, Any]) -> None:
        script = self._script_of[batch["id"]]
        lines = [json.loads(t) for t in self.contents[batch["input_file_id"]].decode("utf-8").splitlines()]
        run = len(lines) if batch["status"] == "completed" else script.answered_before_end
        outputs: list[str] = []
        errors: list[str] = []
        for index, line in enumerate(lines):
            request_id = self.new_id("req")
            if index >= run:
                code = "batch_expired" if batch["status"] == "expired" else "batch_cancelled"
                errors.append(
                    json.dumps(
                        {
                            "id": self.new_id("batch_req"),
                            "custom_id": line["custom_id"],
                            "response": None,
                            "error": {"code": code, "message": "This request was not run."},
                        }
                    )
                )
                continue
            self.batch_requests.append(line)
            status, body = self.responder(line["body"])
            entry = json.dumps(
                {
                    "id": self.new_id("batch_req"),
                    "custom_id": line["custom_id"],
                    "response": {"status_code": status, "request_id": request_id, "body": body},
                    "error": None,
                }
            )
            (outputs if status == 200 else errors).append(entry)
        for n in range(script.strangers if outputs else 0):
            outputs.append(json.dumps({**json.loads(outputs[0]), "custom_id": f"stranger-{n}"}))
        outputs = [
            entry[: len(entry) // 2] if n < script.garbled else entry for n, entry in enumerate(outputs)
        ]
        counts = batch["request_counts"]
        counts["completed"] = sum(1 for _ in outputs)
        counts["failed"] = len(lines) - counts["completed"]
        if outputs:
            stored = self.store_file(f"{batch['id']}_output.jsonl", "batch_output", _jsonl(outputs))
            batch["output_file_id"] = stored["id"]
        if errors:
            stored = self.store_file(f"{batch['id']}_error.jsonl", "batch_output", _jsonl(errors))
            batch["error_file_id"] = stored["id"]


def _jsonl(lines: list[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "code": None}}


@contextmanager
def local_openai_server(
    responder: Responder, *, scripts: list[BatchScript] | None = None, chat_delay: float = 0.0
) -> Iterator[LocalOpenAIServer]:
    """Serve on 127.0.0.1 (a free port) for the duration of the block."""
    state = LocalOpenAIServer(responder=responder, scripts=scripts or [BatchScript()], chat_delay=chat_delay)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _reply(self, status: int, payload: Any, content_type: str = "application/json") -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization", "").startswith("Bearer "):
                return True
            self._reply(401, _error("no API key"))
            return False

        def do_GET(self) -> None:
            if not self._authorised():
                return
            path = self.path.split("?", 1)[0]
            with state.lock:
                if path == "/v1/batches":
                    data = sorted(state.batches.values(), key=lambda b: b["id"], reverse=True)
                    self._reply(200, {"object": "list", "data": data, "has_more": False})
                elif path.startswith("/v1/batches/"):
                    self._reply(*state.retrieve_batch(path.removeprefix("/v1/batches/")))
                elif path.startswith("/v1/files/") and path.endswith("/content"):
                    file_id = path.removeprefix("/v1/files/").removesuffix("/content")
                    content = state.contents.get(file_id)
                    if content is None:
                        self._reply(404, _error(f"no file {file_id}"))
                    else:
                        self._reply(200, content, "application/octet-stream")
                elif path.startswith("/v1/files/"):
                    record = state.files.get(path.removeprefix("/v1/files/"))
                    self._reply(200, record) if record else self._reply(404, _error("no such file"))
                else:
                    self._reply(404, _error(f"no route {path}"))

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if not self._authorised():
                return
            path = self.path.split("?", 1)[0]
            if path == "/v1/chat/completions":
                body = json.loads(raw)
                with state.lock:
                    state.chat_requests.append(body)
                time.sleep(state.chat_delay)
                self._reply(*state.responder(body))
                return
            with state.lock:
                if path == "/v1/files":
                    fields = _multipart(self.headers.get("Content-Type", ""), raw)
                    if "file" not in fields or fields.get("purpose", (None, b""))[1] != b"batch":
                        self._reply(400, _error("a file with purpose batch is required"))
                        return
                    state.uploads += 1
                    name, content = fields["file"]
                    self._reply(200, state.store_file(name or "upload.jsonl", "batch", content))
                elif path == "/v1/batches":
                    self._reply(*state.create_batch(json.loads(raw)))
                elif path.startswith("/v1/batches/") and path.endswith("/cancel"):
                    self._reply(
                        *state.cancel_batch(path.removeprefix("/v1/batches/").removesuffix("/cancel"))
                    )
                else:
                    self._reply(404, _error(f"no route {path}"))

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = _QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (a killed run) is no error of the server's."""


def _multipart(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]]:
    """The fields of a multipart/form-data body: name -> (file name, content)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = (part.get_filename(), payload)
    return fields
