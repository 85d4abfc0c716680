"""Letters of another writing system in a statement, and the article's words put back in their place."""

from __future__ import annotations

import pytest

from counterclaim.text.scripts import foreign_runs, scripts_of, with_article_words

LATIN = frozenset({"LATIN"})


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        # seen on a Wikinews article: the 1.5B wrote Chinese for one word of a quotation
        (
            "enhanced information-sharing with澳大利亚, and more",
            'She said, "enhanced information-sharing with Australia, and more."',
            "enhanced information-sharing with Australia, and more",
        ),
        (
            "The minister met 普京 in Moscow.",
            "The minister met Putin in Moscow on Friday.",
            "The minister met Putin in Moscow.",
        ),
        (
            "They spoke of 经济 growth and 安全.",
            "They spoke of economic growth and security.",
            "They spoke of economic growth and security.",
        ),
        (
            "Putin met 习近平 and the envoy.",
            "Putin met Xi Jinping and the envoy.",
            "Putin met Xi Jinping and the envoy.",
        ),
        ("The minister met Putin.", "The minister met Putin.", None),  # nothing foreign
        (
            "東京 officials said so.",
            "Tokyo officials said so.",
            None,
        ),  # at the start: its place is not certain
        ("They met in 東京", "They met in Tokyo", None),  # at the end: the same
        ("完全不同的句子", "The minister met Putin.", None),
        (
            "The minister met 普京 in Moscow.",
            "The minister met Vladimir Putin, the President of the Russian Federation, in Moscow.",
            None,
        ),  # too long
        (
            "The minister greeted 普京 warmly.",
            "The minister met Putin in Moscow.",
            None,
        ),  # words around differ
    ],
)
def test_the_article_words_replace_a_run_only_where_the_statement_follows_the_evidence(
    statement: str, evidence: str, expected: str | None
) -> None:
    assert with_article_words(statement, evidence, scripts_of(evidence)) == expected


def test_latin_and_the_articles_own_scripts_are_never_foreign() -> None:
    russian = "Президент сказал, что переговоры продолжатся."
    assert scripts_of(russian) == frozenset({"CYRILLIC"})
    assert foreign_runs("The president said talks will go on.", scripts_of(russian)) == []  # a translation
    assert foreign_runs("Talks in Москва go on.", scripts_of(russian)) == []
    assert foreign_runs("Talks in 莫斯科 go on.", LATIN) == [(9, 12)]
    assert foreign_runs("Talks in 莫斯科\uff0cgo on.", LATIN) == [(9, 13)]  # with its full-width comma
