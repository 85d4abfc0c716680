"""The OpenAI batch line format: the request files counterclaim writes pass a check written from the
documentation (`local_openai_server.batch_line_problems`), its own check refuses what breaks the
format, and each documented output line shape becomes the HTTP answer a live server would give."""

from __future__ import annotations

import json
from typing import Any

import pytest

from counterclaim.corpus.batch_lines import (
    NOT_RUN_STATUS,
    BatchOutputLine,
    answer_of,
    check_request_file,
    custom_id_for,
    request_file,
    request_line,
    split_for_upload,
)
from local_openai_server import batch_line_problems


def _body(text: str = "hello", model: str = "m") -> dict[str, Any]:
    return {
        "model": model,
        "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": text}],
        "max_tokens": 10,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "X", "schema": {"type": "object"}},
        },
    }


def test_a_written_request_file_passes_the_documented_format_line_by_line() -> None:
    content = request_file([request_line(_body(f"question {n}")) for n in range(5)])
    assert batch_line_problems(content, "/v1/chat/completions") == []
    lines = [json.loads(line) for line in content.decode("utf-8").splitlines()]
    assert [set(line) for line in lines] == [{"custom_id", "method", "url", "body"}] * 5
    assert {line["url"] for line in lines} == {"/v1/chat/completions"} and {
        line["method"] for line in lines
    } == {"POST"}
    assert lines[0]["body"] == _body("question 0")  # the request exactly as it would be sent live


def test_the_same_request_has_the_same_custom_id_and_another_request_another() -> None:
    assert custom_id_for(_body("a")) == custom_id_for(json.loads(json.dumps(_body("a"))))
    assert custom_id_for(_body("a")) != custom_id_for(_body("b"))
    assert len(custom_id_for(_body())) <= 64


def _line(**changes: Any) -> str:
    line: dict[str, Any] = {
        "custom_id": "r1",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": _body(),
    }
    line.update(changes)
    return json.dumps({k: v for k, v in line.items() if v is not None})


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([_line(method="GET")], "line 1: not a batch request line (method"),
        ([_line(url="/v1/embeddings")], "line 1: not a batch request line (url"),
        ([_line(custom_id="x" * 65)], "line 1: not a batch request line (custom_id"),
        ([_line(custom_id="")], "line 1: not a batch request line (custom_id"),
        ([_line(body={"model": "m", "messages": []})], "line 1: not a batch request line (body.messages"),
        ([_line(body={"messages": [{"role": "user", "content": "x"}]})], "(body.model"),
        ([_line(extra=1)], "line 1: not a batch request line (extra"),
        ([_line(), _line()], "line 2: custom_id 'r1' appears twice"),
        ([_line(), _line(custom_id="r2", body=_body(model="other"))], "line 2: model 'other', not 'm'"),
    ],
)
def test_a_line_that_breaks_the_format_is_refused_and_named(lines: list[str], expected: str) -> None:
    content = "".join(line + "\n" for line in lines).encode("utf-8")
    with pytest.raises(ValueError, match=expected.replace("(", r"\(")):
        check_request_file(content)
    assert batch_line_problems(content, "/v1/chat/completions")  # the documentation's check agrees


def test_a_round_over_the_limits_is_split_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("counterclaim.corpus.batch_lines.MAX_REQUESTS_PER_FILE", 3)
    lines = [request_line(_body(f"q{n}")) for n in range(7)]
    assert split_for_upload(lines) == [(0, 3), (3, 3), (6, 1)]


def _output(response: Any, error: Any = None) -> BatchOutputLine:
    return BatchOutputLine.model_validate(
        {"id": "b1", "custom_id": "r1", "response": response, "error": error}
    )


COMPLETION = {
    "id": "c",
    "object": "chat.completion",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}}],
}


@pytest.mark.parametrize(
    ("line", "status", "message"),
    [
        (_output({"status_code": 200, "request_id": "q", "body": COMPLETION}), 200, None),
        (
            _output({"status_code": 500, "request_id": "q", "body": {"error": {"message": "boom"}}}),
            500,
            "boom",
        ),
        (
            _output(None, {"code": "batch_expired", "message": "not run in time"}),
            NOT_RUN_STATUS,
            "batch_expired",
        ),
        (
            _output(None, {"code": "batch_cancelled", "message": "cancelled"}),
            NOT_RUN_STATUS,
            "batch_cancelled",
        ),
        (
            _output({"status_code": 400, "request_id": "q", "body": None}, "The model does not support this"),
            400,
            "does not support",
        ),
    ],
    ids=["answered", "server-error", "expired", "cancelled", "vllm-refusal"],
)
def test_each_output_line_shape_is_the_answer_a_live_server_gives(
    line: BatchOutputLine, status: int, message: str | None
) -> None:
    answer = answer_of(line)
    assert answer.status == status
    if message is None:
        assert answer.body == COMPLETION
    else:
        assert message in json.dumps(answer.body)
