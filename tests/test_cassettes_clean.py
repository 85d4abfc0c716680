"""Every recorded file is free of credentials, cookies and organisation or project ids."""

from __future__ import annotations

import re

import yaml

from recording import CASSETTES

FORBIDDEN = re.compile(
    r"authorization|bearer\s|sk-[A-Za-z0-9_-]{8,}|set-cookie|cookie:|openai-organization|openai-project"
    r"|\borg-[A-Za-z0-9]{8,}|\bproj_[A-Za-z0-9]{8,}|x-api-key|api[_-]key",
    re.IGNORECASE,
)


def test_cassettes_exist() -> None:
    assert sorted(CASSETTES.glob("*.yaml")), "no recorded responses found"


def test_no_secret_in_any_recorded_file() -> None:
    for path in sorted(CASSETTES.rglob("*")):
        if path.is_file():
            match = FORBIDDEN.search(path.read_text(encoding="utf-8", errors="replace"))
            assert match is None, f"{path.name} contains {match.group(0)!r}"


def test_recorded_requests_carry_no_headers_and_responses_only_a_content_type() -> None:
    for path in sorted(CASSETTES.glob("*.yaml")):
        cassette = yaml.safe_load(path.read_text(encoding="utf-8"))
        for interaction in cassette["interactions"]:
            assert interaction["request"]["headers"] == {}, path.name
            assert set(map(str.lower, interaction["response"]["headers"])) <= {"content-type"}, path.name
