"""Proposing claim pairs that might contradict each other, by code.

Asking a model "does this article contradict itself?" is close to random; instead code ranks pairs of
extracted claims by shared content, opposing stance and comparable numbers, and only the best few are
sent to the verifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from counterclaim.models import Claim, ClaimKind
from counterclaim.text.numbers import NumericRelation, NumericVerdict, compare_quantities

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "nor",
        "so",
        "than",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "also",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "out",
        "up",
        "down",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "other",
        "such",
        "only",
        "own",
        "same",
        "very",
        "just",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "while",
        "because",
        "then",
        "once",
        "again",
        "further",
        "between",
        "during",
        "through",
        "above",
        "below",
        "off",
        "very",
        "s",
        "t",
        "don",
        "now",
    ]
)
_NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nothing",
        "deny",
        "denies",
        "denied",
        "denying",
        "false",
        "wrong",
        "untrue",
        "n't",
        "without",
    ]
)
_STANCE_KINDS = frozenset({ClaimKind.DENIAL, ClaimKind.ACCUSATION})


@dataclass(frozen=True)
class Candidate:
    """A pair of claims worth verifying, with why code picked it."""

    a: Claim
    b: Claim
    score: float
    numeric: NumericVerdict


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'\u2019-]*", text.casefold())


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(claim: Claim) -> set[str]:
    """Stemmed content words of the claim's statement and evidence."""
    text = claim.statement + " " + " ".join(span.text for span in claim.evidence)
    return {_stem(w) for w in _words(text) if w not in _STOPWORDS and len(w) > 2}


def _negated(claim: Claim) -> bool:
    words = set(_words(claim.statement))
    return bool(words & _NEGATIONS) or claim.kind is ClaimKind.DENIAL


def _same_evidence(a: Claim, b: Claim) -> bool:
    return any(sa.start < sb.end and sb.start < sa.end for sa in a.evidence for sb in b.evidence)


def score_pair(a: Claim, b: Claim) -> tuple[float, NumericVerdict]:
    """How likely the pair conflicts (0 means: do not bother verifying)."""
    numeric = compare_quantities(
        a.statement + " " + a.evidence[0].text, b.statement + " " + b.evidence[0].text
    )
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return 0.0, numeric
    overlap = len(words_a & words_b) / min(len(words_a), len(words_b))
    comparable_numbers = numeric.relation is not NumericRelation.NOT_COMPARABLE
    if overlap < 0.15 and not comparable_numbers:
        return 0.0, numeric
    score = overlap
    if a.actor_id != b.actor_id:
        score += 0.3
    if {a.kind, b.kind} & _STANCE_KINDS:
        score += 0.2
    if _negated(a) != _negated(b):
        score += 0.2
    if numeric.relation is NumericRelation.CONFLICTING:
        score += 0.4
    if a.actor_id == b.actor_id and (a.kind is ClaimKind.ACTION) != (b.kind is ClaimKind.ACTION):
        score += 0.2
    return score, numeric


def propose_candidates(claims: list[Claim], *, limit: int) -> list[Candidate]:
    """The `limit` best-scoring pairs, best first; pairs citing the same words are skipped."""
    scored: list[Candidate] = []
    for a, b in combinations(claims, 2):
        if _same_evidence(a, b):
            continue
        score, numeric = score_pair(a, b)
        if score > 0:
            scored.append(Candidate(a=a, b=b, score=score, numeric=numeric))
    scored.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return scored[:limit]
