"""The answers recorded from the real embedded model (the seed cassettes), looked up by request body.

For the LOCAL TEST SERVERS of the batch tests (`local_openai_server`, `offline_batch_runner`), which
answer from these recordings instead of vcrpy: the request a batch line holds is the request body the
live path sends, so the recorded answer to that body is the model's answer to it. Nothing here is
hand-made model output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from recording import CASSETTES, SEED_CASSETTES


def canonical(body: Any) -> str:
    """A request body as comparable text (the cassettes match on the parsed JSON body)."""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    if isinstance(body, str):
        body = json.loads(body)
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class RecordedAnswers:
    """Request body -> (HTTP status, answer body), from cassette files."""

    def __init__(self, files: Iterable[Path]) -> None:
        self.answers: dict[str, tuple[int, dict[str, Any]]] = {}
        for path in files:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            for interaction in document["interactions"]:
                response = interaction["response"]
                raw = response["body"]["string"]
                answer = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
                self.answers[canonical(interaction["request"]["body"])] = (
                    int(response["status"]["code"]),
                    answer,
                )

    @classmethod
    def of_seeds(cls, article_ids: Iterable[str] | None = None, pipeline: str = "staged") -> RecordedAnswers:
        """The recorded seed eval (its staged pipeline by default), for these articles or all."""
        folder = CASSETTES / SEED_CASSETTES[pipeline]
        wanted = None if article_ids is None else set(article_ids)
        return cls(p for p in sorted(folder.glob("*.yaml")) if wanted is None or p.stem in wanted)

    def __call__(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        found = self.answers.get(canonical(body))
        if found is None:
            return 404, {"error": {"message": "no recorded answer for this request", "code": "not_recorded"}}
        return found
