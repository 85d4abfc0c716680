"""Compact JSON from llama.cpp: a request's JSON schema becomes a grammar without newlines or
indentation, at most one space between tokens (`llm.compact_json`). Checked here on the schemas the
pipeline sends and with real documents; a grammar's use by llama.cpp itself is checked by the
end-to-end test of the embedded server."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pydantic import BaseModel, Field

from counterclaim.llm.compact_json import UnsupportedSchema, compact_request, grammar_for
from counterclaim.pipeline.schemas import (
    VerdictDraft,
    actor_details_model,
    claim_drafts_model,
    speaker_claims_model,
    summary_draft_model,
)


def _rules(grammar: str) -> dict[str, str]:
    return dict(line.split(" ::= ", 1) for line in grammar.strip().splitlines())


@pytest.mark.parametrize(
    "model",
    [
        claim_drafts_model(46, 50),
        speaker_claims_model(2),
        actor_details_model(["NATO", 'The "Herald"']),
        summary_draft_model(["c1", "c2"], 4),
        VerdictDraft,
    ],
    ids=["claims", "speakers", "actors", "summary", "verdict"],
)
def test_every_schema_the_pipeline_sends_becomes_a_grammar_without_indentation(
    model: type[BaseModel],
) -> None:
    rules = _rules(grammar_for(model.model_json_schema()))
    assert "root" in rules and "char" in rules
    assert rules["sp"] == '" "?'  # between tokens: one optional space, never a newline
    for name, body in rules.items():
        if name not in ("char", "sp"):  # other whitespace only inside strings, where `char` admits it
            literals = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
            assert not [lit for lit in literals if lit != lit.strip() or "\\n" in lit], (name, body)


def test_the_grammar_keeps_the_schemas_bounds() -> None:
    rules = _rules(grammar_for(claim_drafts_model(46, 50).model_json_schema()))
    grammar = "\n".join(rules.values())
    assert '("46" | "47" | "48" | "49" | "50")' in grammar  # sentence numbers of the window only
    assert "char{2,80}" in grammar and "char{3,300}" in grammar  # the actor's and statement's lengths
    assert '("\\"assertion\\"" |' in grammar  # the claim kinds, as JSON strings
    assert '(sp "," sp root-claims-item){0,9}' in grammar  # at most 10 claims


def test_a_request_with_a_json_schema_is_sent_with_a_grammar_instead() -> None:
    schema = VerdictDraft.model_json_schema()
    body: dict[str, Any] = {
        "model": "m",
        "messages": [],
        "response_format": {"type": "json_schema", "json_schema": {"name": "VerdictDraft", "schema": schema}},
    }
    shaped = compact_request(body)
    assert "response_format" not in shaped and shaped["grammar"] == grammar_for(schema)
    assert body["response_format"]  # the original is left as it was
    assert compact_request({"model": "m", "messages": []}) == {"model": "m", "messages": []}


def test_a_schema_the_converter_does_not_know_keeps_its_response_format() -> None:
    schema = {"type": "object", "properties": {"x": {"type": "string", "pattern": "^a+$"}}, "required": ["x"]}
    with pytest.raises(UnsupportedSchema):
        grammar_for(schema)
    body = {"response_format": {"type": "json_schema", "json_schema": {"name": "X", "schema": schema}}}
    assert compact_request(body) == body


def test_compact_answers_are_the_json_the_schema_validates() -> None:
    compact = json.dumps(
        {"comparison": "A says x; B says y.", "relation": "contradict", "kind": "factual", "confidence": 0.9},
        separators=(",", ":"),
    )
    assert VerdictDraft.model_validate_json(compact).relation == "contradict"


def test_an_object_of_optional_properties_needs_no_comma_before_its_first() -> None:
    class TwoOptional(BaseModel):
        a: str = Field(default="", max_length=5)
        b: str = Field(default="", max_length=5)

    root = _rules(grammar_for(TwoOptional.model_json_schema()))["root"]
    a, b = '"\\"a\\"" sp ":" sp "\\"" char{0,5} "\\""', '"\\"b\\"" sp ":" sp "\\"" char{0,5} "\\""'
    # {}, {"a":..}, {"a":..,"b":..} and {"b":..}; never {,"b":..}
    assert root == f'"{{" sp (({a} (sp "," sp {b})?) | ({b}))? sp "}}"'
