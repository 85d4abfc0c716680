"""One quotation, one claim: an actor's claims in consecutive sentences of one quotation are joined.

The claim step works sentence by sentence, so a quotation that runs over two or three sentences comes
back as two or three claims of the same speaker, each with a fragment of the quotation as evidence.
Attribution corpora (PARC, PolNeAR) and readers treat the quotation as one thing said: one claim whose
evidence is the whole quotation. Code joins such claims when it can establish that they belong
together: the same actor, consecutive sentences, the later sentence still inside a quotation the
earlier one opened (`PreparedArticle.quoted_sentences`), neither claim a deed, and no other claim of
that actor on either sentence (two points the model kept apart in one sentence stay apart).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.trace import Rule

ONE_QUOTATION = Rule(
    "assembly.one_quotation",
    "An actor's claims in consecutive sentences of one quotation (code follows the quotation marks "
    "within a paragraph) are joined into one claim whose evidence is the whole quotation; deeds, and a "
    "sentence where the actor has two claims, stay apart.",
)
RULES = (ONE_QUOTATION,)


@dataclass(frozen=True)
class PlacedClaim:
    """What joining needs to know of a claim: whose it is, where it is, and its kind."""

    actor_id: str
    sentences: tuple[int, ...]
    kind: str


def quotation_groups(article: PreparedArticle, claims: Sequence[PlacedClaim]) -> list[list[int]]:
    """Indices of `claims` (in sentence order) grouped into runs that are one quotation; every index
    appears once, in order (a claim that joins nothing is a group of its own)."""
    per_sentence = Counter((c.actor_id, n) for c in claims for n in c.sentences)
    groups: list[list[int]] = []
    open_group: dict[str, int] = {}  # actor id -> index in `groups` of its latest group
    for index, claim in enumerate(claims):
        previous = open_group.get(claim.actor_id)
        if previous is not None and _continues(article, claims[groups[previous][-1]], claim, per_sentence):
            groups[previous].append(index)
            continue
        open_group[claim.actor_id] = len(groups)
        groups.append([index])
    return groups  # in order: a group is created at its first index, later indices only join it


def _continues(
    article: PreparedArticle, earlier: PlacedClaim, later: PlacedClaim, per_sentence: Counter[tuple[str, int]]
) -> bool:
    if "action" in (earlier.kind, later.kind) or len(later.sentences) != 1:
        return False
    boundary = later.sentences[0]
    if boundary != earlier.sentences[-1] + 1:
        return False
    if per_sentence[(later.actor_id, boundary)] != 1 or per_sentence[(earlier.actor_id, boundary - 1)] != 1:
        return False
    return boundary in article.quoted_sentences
