"""Compact JSON answers from llama.cpp: the request's JSON schema sent as a grammar without whitespace.

llama.cpp turns a `response_format` JSON schema into a grammar that lets the model put spaces, line
breaks and indentation between tokens, and small models use all of it: a quarter of the tokens of a
claims answer, a third of an actor answer, is indentation (measured on the seed recordings). Every
generated token costs about 0.1 s on two CPU cores, so the embedded server is sent the same schema as
a GBNF grammar that admits at most one space between tokens outside strings (no line breaks, no
indentation): the answer is the same JSON, written on one line. A grammar with no space at all is
worse: a model that wants to write `{"claims": [` and may not, writes `{"claims":[]}` (measured).

The converter covers the schemas counterclaim asks for (pydantic's JSON schema of its drafts):
objects with required and optional properties in order, `$ref`/`$defs`, strings with length bounds,
integers and numbers with bounds, booleans, string enums, arrays with item-count bounds, `anyOf` and
null. Anything else raises `UnsupportedSchema` (the request then keeps its `response_format`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_CHAR = r'[^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F]{4})'
_MAX_LISTED_INTEGERS = 1000
"""An integer range up to this many values is listed value by value (exact bounds)."""


class UnsupportedSchema(ValueError):
    """A schema construct the converter does not translate."""


_GBNF_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _literal(text: str) -> str:
    """A GBNF string literal matching exactly `text` (other characters, astral ones too, as they are)."""
    escaped = "".join(_GBNF_ESCAPES.get(char, char) for char in text)
    return f'"{escaped}"'


def _json(value: object) -> str:
    """A value as compact JSON writes it, non-ASCII characters kept."""
    return json.dumps(value, ensure_ascii=False)


def grammar_for(schema: Mapping[str, Any]) -> str:
    """The GBNF grammar of compact JSON documents valid for `schema`."""
    return _Converter(schema).grammar()


class _Converter:
    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self.definitions: Mapping[str, Any] = schema.get("$defs", {})
        self.rules: dict[str, str] = {}

    def grammar(self) -> str:
        root = self.expression(self.schema, "root")
        self.rules["char"] = _CHAR
        self.rules["sp"] = '" "?'
        lines = [f"root ::= {root}"] + [f"{name} ::= {body}" for name, body in self.rules.items()]
        return "\n".join(lines) + "\n"

    def rule(self, hint: str, body: str) -> str:
        """A named rule for `body` (reused when the same body was named before)."""
        for name, known in self.rules.items():
            if known == body:
                return name
        base = re.sub(r"[^a-zA-Z0-9-]+", "-", hint).strip("-").lower() or "r"
        name, n = base, 1
        while name in self.rules:
            n += 1
            name = f"{base}-{n}"
        self.rules[name] = body
        return name

    def expression(self, schema: Mapping[str, Any], hint: str) -> str:
        if "$ref" in schema:
            reference = schema["$ref"]
            prefix = "#/$defs/"
            if not reference.startswith(prefix) or reference[len(prefix) :] not in self.definitions:
                raise UnsupportedSchema(f"reference {reference}")
            name = reference[len(prefix) :]
            return self.rule(name, self.expression(self.definitions[name], name))
        if "enum" in schema:
            values = schema["enum"]
            return "(" + " | ".join(_literal(_json(v)) for v in values) + ")"
        if "const" in schema:
            return _literal(_json(schema["const"]))
        if "anyOf" in schema:
            return "(" + " | ".join(self.expression(s, hint) for s in schema["anyOf"]) + ")"
        kind = schema.get("type")
        if kind == "object":
            return self.object(schema, hint)
        if kind == "array":
            return self.array(schema, hint)
        if kind == "string":
            return self.string(schema)
        if kind == "integer":
            return self.integer(schema)
        if kind == "number":
            return self.number(schema)
        if kind == "boolean":
            return '("true" | "false")'
        if kind == "null":
            return '"null"'
        raise UnsupportedSchema(f"schema {json.dumps(schema)[:80]}")

    def object(self, schema: Mapping[str, Any], hint: str) -> str:
        properties: Mapping[str, Any] = schema.get("properties", {})
        if schema.get("additionalProperties") not in (None, False) or "patternProperties" in schema:
            raise UnsupportedSchema("additional properties")
        required = [name for name in properties if name in schema.get("required", [])]
        optional = [name for name in properties if name not in required]
        if not properties:
            return '"{" "}"'

        def member(name: str) -> str:
            value = self.expression(properties[name], f"{hint}-{name}")
            return f'{_literal(_json(name))} sp ":" sp {value}'

        def following(names: list[str]) -> str:  # each optional property may follow, in schema order
            return "".join(f' (sp "," sp {member(name)})?' for name in names)

        if required:
            body = ' sp "," sp '.join(member(name) for name in required) + following(optional)
        else:  # the first property present opens the object, with no comma before it
            starts = [f"{member(name)}{following(optional[i + 1 :])}" for i, name in enumerate(optional)]
            body = "(" + " | ".join(f"({start})" for start in starts) + ")?"
        return f'"{{" sp {body} sp "}}"'

    def array(self, schema: Mapping[str, Any], hint: str) -> str:
        item = self.rule(f"{hint}-item", self.expression(schema.get("items", {}), f"{hint}-item"))
        low = int(schema.get("minItems", 0))
        high = schema.get("maxItems")
        if high is not None and int(high) < low:
            raise UnsupportedSchema("maxItems below minItems")
        if high is not None and int(high) == 0:
            return '"[" "]"'
        rest_low = max(low - 1, 0)
        times = f"{rest_low},{int(high) - 1}" if high is not None else f"{rest_low},"
        rest = f'(sp "," sp {item})' + "{" + times + "}"
        filled = f"{item} {rest}"
        return f'"[" sp {filled} sp "]"' if low >= 1 else f'"[" sp ({filled})? sp "]"'

    def string(self, schema: Mapping[str, Any]) -> str:
        if "pattern" in schema or "format" in schema:
            raise UnsupportedSchema("string pattern or format")
        low = int(schema.get("minLength", 0))
        high = schema.get("maxLength")
        count = "{" + f"{low},{int(high)}" + "}" if high is not None else f"{{{low},}}"
        return f'"\\"" char{count} "\\""'

    def integer(self, schema: Mapping[str, Any]) -> str:
        low, high = schema.get("minimum"), schema.get("maximum")
        if "exclusiveMinimum" in schema or "exclusiveMaximum" in schema:
            raise UnsupportedSchema("exclusive integer bounds")
        if low is not None and high is not None and 0 <= int(high) - int(low) < _MAX_LISTED_INTEGERS:
            return "(" + " | ".join(_literal(str(n)) for n in range(int(low), int(high) + 1)) + ")"
        if low is not None and int(low) >= 0 and high is None:
            return '("0" | [1-9] [0-9]{0,15})'
        raise UnsupportedSchema("integer bounds")

    def number(self, schema: Mapping[str, Any]) -> str:
        low, high = schema.get("minimum"), schema.get("maximum")
        if low == 0 and high == 1:  # a share or a confidence: 0, 1, 0.x, 1.0
            return '("0" ("." [0-9]{1,6})? | "1" ("." "0"{1,6})?)'
        if low is not None and float(low) >= 0 and high is None:
            return '("0" | [1-9] [0-9]{0,15}) ("." [0-9]{1,6})?'
        raise UnsupportedSchema("number bounds")


def compact_request(body: Mapping[str, Any]) -> dict[str, Any]:
    """The chat-completion request `body` with its `response_format` JSON schema replaced by a grammar of
    compact JSON (unchanged when it has no JSON schema, or one the converter does not translate)."""
    result = dict(body)
    response_format = body.get("response_format")
    if not isinstance(response_format, Mapping) or response_format.get("type") != "json_schema":
        return result
    schema = (response_format.get("json_schema") or {}).get("schema")
    if not isinstance(schema, Mapping):
        return result
    try:
        grammar = grammar_for(schema)
    except UnsupportedSchema:
        return result
    del result["response_format"]
    result["grammar"] = grammar
    return result
