"""A LOCAL STAND-IN for vLLM's `run-batch`: it reads a request file in the OpenAI batch format (every
line checked against the documented format, `local_openai_server.batch_line_problems`), answers each
request with a `Responder` (recorded model answers), and writes the output file the way vLLM's
`run_batch.py` writes it: one `{"id", "custom_id", "response": {"status_code", "request_id", "body"},
"error"}` line per request, in input order; a failed request is a 400 with `body` null and the error
text in `error`."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from local_openai_server import Responder, batch_line_problems


def run_batch_file(
    input_file: Path,
    output_file: Path,
    responder: Responder,
    *,
    leave_out: Collection[int] = (),
    refuse: Collection[int] = (),
    never_answer: Collection[str] = (),
) -> int:
    """Answer `input_file` into `output_file`; return how many requests were answered. `leave_out`:
    line numbers (1-based) written nowhere (an engine that lost them); `refuse`: line numbers answered
    as vLLM answers a request it cannot serve; `never_answer`: custom ids left out whenever asked."""
    content = input_file.read_bytes()
    problems = batch_line_problems(content, "/v1/chat/completions")
    if problems:
        raise AssertionError(f"{input_file} breaks the batch line format: {problems[:3]}")
    out: list[str] = []
    answered = 0
    for number, text in enumerate(content.decode("utf-8").splitlines(), start=1):
        line = json.loads(text)
        if number in leave_out or line["custom_id"] in never_answer:
            continue
        if number in refuse:
            response = {"status_code": 400, "request_id": f"vllm-batch-{number}", "body": None}
            error: object = "The model does not support this request"
        else:
            status, body = responder(line["body"])
            response = {"status_code": status, "request_id": f"vllm-batch-{number}", "body": body}
            error = None if status == 200 else json.dumps(body)
            answered += status == 200
        out.append(
            json.dumps(
                {"id": f"vllm-{number}", "custom_id": line["custom_id"], "response": response, "error": error}
            )
        )
    output_file.write_text("".join(line + "\n" for line in out), encoding="utf-8")
    return answered
