"""Checks that a labeled article is internally consistent, so that scores computed from it mean something.

`load_dataset` already rejects records that do not fit the format at all; these checks find the
problems the format allows to be written: offsets that do not match the evidence, ids that do not
resolve or repeat, unknown contradiction kinds or labels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from counterclaim.evaluation.gold import LABEL_ATTRIBUTION, LABEL_CONTRADICTION, GoldArticle, load_dataset
from counterclaim.evaluation.matching import normalize_name
from counterclaim.models import ContradictionKind

KNOWN_LABELS: frozenset[str] = frozenset({LABEL_ATTRIBUTION, LABEL_CONTRADICTION})
KNOWN_KINDS: frozenset[str] = frozenset(kind.value for kind in ContradictionKind)
KNOWN_ARTICLE_FIELDS: frozenset[str] = frozenset(GoldArticle.model_fields)


@dataclass(frozen=True)
class DatasetProblem:
    """One problem found in one article of a dataset."""

    article_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.article_id}: {self.message}"


def validate_dataset(path: Path) -> list[DatasetProblem]:
    """Load the dataset at `path` and list every problem of every article (empty when all is well).

    Raises `DatasetError` when the dataset cannot be loaded at all (see `load_dataset`).
    """
    return [
        DatasetProblem(article.id, message)
        for article in load_dataset(path)
        for message in validate_article(article)
    ]


def validate_article(article: GoldArticle) -> list[str]:
    """Every problem of one article, as one-line messages (empty when the article is consistent)."""
    return [
        *_field_problems(article),
        *_duplicate_problems(article),
        *_actor_problems(article),
        *_claim_problems(article),
        *_contradiction_problems(article),
    ]


def _field_problems(article: GoldArticle) -> list[str]:
    problems = [f"unknown field {name!r}" for name in sorted(article.model_extra or {})]
    problems += [f"unknown label {label!r}" for label in article.labels if label not in KNOWN_LABELS]
    if LABEL_CONTRADICTION in article.labels and article.contradictions is None:
        problems.append("labeled 'contradiction' but contradictions is null")
    if article.contradictions is None and article.non_contradictions:
        problems.append("non_contradictions given but contradictions is null: they are not scored")
    return problems


def _duplicate_problems(article: GoldArticle) -> list[str]:
    groups = {
        "actor": [a.id for a in article.actors],
        "claim": [c.id for c in article.claims],
        "contradiction": [k.id for k in article.contradictions or []],
    }
    return [
        f"duplicate {what} id {item!r}"
        for what, ids in groups.items()
        for item, count in Counter(ids).items()
        if count > 1
    ]


def _actor_problems(article: GoldArticle) -> list[str]:
    problems: list[str] = []
    for actor in article.actors:
        if not normalize_name(actor.name):
            problems.append(f"actor {actor.id!r} has a name without letters or digits: {actor.name!r}")
    return problems


def _claim_problems(article: GoldArticle) -> list[str]:
    actor_ids = {a.id for a in article.actors}
    length = len(article.text)
    problems: list[str] = []
    for claim in article.claims:
        where = f"claim {claim.id!r}"
        if claim.actor not in actor_ids:
            problems.append(f"{where} names unknown actor {claim.actor!r}")
        if claim.end <= claim.start:
            problems.append(f"{where} has an empty or reversed span [{claim.start}, {claim.end})")
        elif claim.end > length:
            problems.append(f"{where} ends at {claim.end}, past the text's {length} characters")
        elif article.text[claim.start : claim.end] != claim.evidence:
            problems.append(f"{where}: text[{claim.start}:{claim.end}] differs from its evidence")
    return problems


def _contradiction_problems(article: GoldArticle) -> list[str]:
    claim_ids = {c.id for c in article.claims}
    problems: list[str] = []
    conflicting: set[frozenset[str]] = set()
    for k in article.contradictions or []:
        where = f"contradiction {k.id!r}"
        if k.kind not in KNOWN_KINDS:
            problems.append(f"{where} has unknown kind {k.kind!r}")
        for a, b in k.pairs():
            problems += _pair_problems(where, a, b, claim_ids)
            conflicting.add(frozenset((a, b)))
    for n, pair in enumerate(article.non_contradictions or [], start=1):
        where = f"non_contradiction #{n}"
        problems += _pair_problems(where, pair.a, pair.b, claim_ids)
        if frozenset((pair.a, pair.b)) in conflicting:
            problems.append(f"{where} ({pair.a}, {pair.b}) is also labeled a contradiction")
    return problems


def _pair_problems(where: str, a: str, b: str, claim_ids: set[str]) -> list[str]:
    problems = [f"{where} names unknown claim {side!r}" for side in (a, b) if side not in claim_ids]
    if a == b:
        problems.append(f"{where} pairs claim {a!r} with itself")
    return problems
