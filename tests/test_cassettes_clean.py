"""Every recorded file is free of credentials, cookies and organisation or project ids, and the
per-article recordings of each recorded eval (seeds, validation, test) each belong to an article of
its dataset."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from recording import (
    CASSETTES,
    RECORDED_EVALS,
    RecordedEval,
    answer_text,
    article_by_answers,
    article_of,
    articles_in,
    shows_an_article,
)

FORBIDDEN = re.compile(
    r"authorization|bearer\s|sk-[A-Za-z0-9_-]{8,}|set-cookie|cookie:|openai-organization|openai-project"
    r"|\borg-[A-Za-z0-9]{8,}|\bproj_[A-Za-z0-9]{8,}|x-api-key|api[_-]key",
    re.IGNORECASE,
)
ALL_CASSETTES = sorted(CASSETTES.rglob("*.yaml"))


def test_cassettes_exist() -> None:
    assert ALL_CASSETTES, "no recorded responses found"
    for recorded in RECORDED_EVALS:
        assert sorted((CASSETTES / recorded.cassettes).glob("*.yaml")), recorded.cassettes


def test_no_secret_in_any_recorded_file() -> None:
    for path in sorted(CASSETTES.rglob("*")):
        if path.is_file():
            match = FORBIDDEN.search(path.read_text(encoding="utf-8", errors="replace"))
            assert match is None, f"{path.relative_to(CASSETTES)} contains {match.group(0)!r}"


@pytest.mark.parametrize("path", ALL_CASSETTES, ids=lambda p: str(p.relative_to(CASSETTES)))
def test_recorded_requests_carry_no_headers_and_responses_only_a_content_type(path: Path) -> None:
    cassette = yaml.safe_load(path.read_text(encoding="utf-8"))
    for interaction in cassette["interactions"]:
        assert interaction["request"]["headers"] == {}
        assert set(map(str.lower, interaction["response"]["headers"])) <= {"content-type"}


@pytest.mark.parametrize("recorded", RECORDED_EVALS, ids=lambda r: r.name)
def test_each_article_recording_holds_only_its_own_articles_requests(recorded: RecordedEval) -> None:
    """A request filed under the wrong article would be recorded anew, or lost, when only that
    article is re-recorded."""
    articles = {article.id: article.text for article in articles_in(recorded.dataset)}
    cassettes = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]
        for path in sorted((CASSETTES / recorded.cassettes).glob("*.yaml"))
    }
    answers = {stem: " ".join(answer_text(i["response"]) for i in found) for stem, found in cassettes.items()}
    for stem, interactions in cassettes.items():
        assert stem in articles, f"{stem}.yaml names no article of {recorded.dataset.name}"
        owners = {
            article_of(i["request"]["body"], articles)
            if shows_an_article(i["request"]["body"])
            else article_by_answers(i["request"]["body"], answers, articles)  # the explain step's
            for i in interactions
        }
        assert owners == {stem}, stem
