"""The naive baseline's quotes, located by code: a claim whose quote is not in the article is dropped
(a quote is never re-asked: a re-ask repeats the whole long answer)."""

from __future__ import annotations

import re

from counterclaim.models import Span, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.trace import Rule
from counterclaim.text.grounding import locate_quote

_SENTENCE_NUMBER = re.compile(r"\[(\d+)\]\s*")
_ONLY_SENTENCE_NUMBERS = re.compile(r"(?:\s*\[\d+\]\s*(?:,|;|and|&|-)?)+\s*")

QUOTE_NOT_IN_ARTICLE = Rule(
    "naive.quote_not_in_article",
    "A claim whose quote code cannot find in the article (nor sentence numbers in its place) is dropped.",
)
PAIR_OF_UNKNOWN_CLAIMS = Rule(
    "naive.pair_of_unknown_claims",
    "A contradiction that does not name two kept claims (or names one claim twice, or a pair named "
    "before) is dropped.",
)
RULES = (QUOTE_NOT_IN_ARTICLE, PAIR_OF_UNKNOWN_CLAIMS)


def without_sentence_numbers(quote: str) -> str:
    """The quote without the "[n] " sentence markers of the numbered article the model was shown."""
    return _SENTENCE_NUMBER.sub("", quote).strip()


def quoted_spans(article: PreparedArticle, quote: str) -> list[Span]:
    """Where an answer's quote is in the article (empty when it is not there).

    Its words, found by code; or, when the model cited sentence numbers instead of copying words
    ("[4]", "[4], [5]"), those whole sentences.
    """
    if _ONLY_SENTENCE_NUMBERS.fullmatch(quote):
        numbers = dict.fromkeys(int(n) for n in _SENTENCE_NUMBER.findall(quote))
        if not all(1 <= n <= len(article.sentences) for n in numbers):
            return []
        sentences = [article.sentence(n) for n in numbers]
        return [
            article.original_span(s.start, s.end, SpanGrounding.CITED_SENTENCE_NUMBERS) for s in sentences
        ]
    located = locate_quote(article.sanitized.clean, without_sentence_numbers(quote))
    if located is None:
        return []
    return [article.original_span(located.start, located.end, SpanGrounding.QUOTE_FOUND)]
