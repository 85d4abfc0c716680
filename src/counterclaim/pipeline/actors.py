"""Turning the model's actor drafts into checked, deduplicated actors.

Code decides what it can: an actor none of whose names occur in the article is dropped, aliases that
do not occur in the article (or are pronouns) are dropped, and drafts that name the same actor are
merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from counterclaim.models import Actor, ActorKind
from counterclaim.pipeline.drafts import ActorDraft

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "theirs",
        "its",
        "our",
        "us",
        "me",
        "my",
    ]
)
_LEADING_ARTICLES = ("the ", "a ", "an ")


def name_key(name: str) -> str:
    """A comparison key: case-folded, punctuation and leading articles removed, spaces folded."""
    text = re.sub(r"[^\w\s]", " ", name.casefold())
    text = " ".join(text.split())
    for article in _LEADING_ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def occurs_in(name: str, article_key_text: str) -> bool:
    """True when the name occurs in the article as whole words (compared by `name_key`)."""
    key = name_key(name)
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", article_key_text) is not None


@dataclass
class _ActorBuilder:
    name: str
    kind: ActorKind
    role: str | None
    aliases: list[str] = field(default_factory=list)

    def name_keys(self) -> set[str]:
        return {name_key(n) for n in [self.name, *self.aliases]}

    def absorb(self, other: _ActorBuilder) -> None:
        if len(other.name) > len(self.name) and name_key(self.name) in other.name_keys():
            self.aliases.append(self.name)
            self.name = other.name
        for alias in [other.name, *other.aliases]:
            if name_key(alias) not in self.name_keys():
                self.aliases.append(alias)
        if self.role is None:
            self.role = other.role


def _same_actor(a: _ActorBuilder, b: _ActorBuilder) -> bool:
    if a.name_keys() & b.name_keys():
        return True
    # "Stoltenberg" and "Jens Stoltenberg": a one-word person name that ends the other's name.
    if a.kind is ActorKind.PERSON and b.kind is ActorKind.PERSON:
        ka, kb = name_key(a.name), name_key(b.name)
        short, long_ = sorted((ka, kb), key=len)
        return " " not in short and long_.endswith(" " + short)
    return False


class ActorRegistry:
    """Collects actor drafts across chunks and hands out stable ids."""

    def __init__(self, article_text: str) -> None:
        self._article_key_text = name_key(article_text)
        self._builders: list[_ActorBuilder] = []

    def add(self, draft: ActorDraft) -> None:
        names = [draft.name, *draft.aliases]
        if not any(occurs_in(n, self._article_key_text) for n in names):
            return  # named nowhere in the article: not an actor of this article
        aliases = [
            a.strip()
            for a in draft.aliases
            if a.strip()
            and name_key(a) not in PRONOUNS
            and name_key(a) != name_key(draft.name)
            and occurs_in(a, self._article_key_text)
        ]
        builder = _ActorBuilder(draft.name.strip(), ActorKind(draft.kind), draft.role or None, aliases)
        for existing in self._builders:
            if _same_actor(existing, builder):
                existing.absorb(builder)
                return
        self._builders.append(builder)

    def names(self) -> list[str]:
        """Canonical names, in first-seen order."""
        return [b.name for b in self._builders]

    def actors(self) -> list[Actor]:
        return [
            Actor(
                id=f"a{index}",
                name=b.name,
                kind=b.kind,
                role=b.role,
                aliases=list(dict.fromkeys(b.aliases)),
            )
            for index, b in enumerate(self._builders, start=1)
        ]

    def id_of(self, name: str) -> str:
        """The id of the actor with this canonical name or alias."""
        key = name_key(name)
        for index, builder in enumerate(self._builders, start=1):
            if key in builder.name_keys():
                return f"a{index}"
        raise KeyError(name)
