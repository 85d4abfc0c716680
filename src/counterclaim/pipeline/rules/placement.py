"""Where a proposed claim sits: the sentence that supports its statement.

Small models sometimes cite the right window but the wrong sentence number, or retell a sentence from
elsewhere in the article. Code compares the statement's content words with each sentence's: when
another sentence clearly fits better, the claim is moved there, or dropped when that sentence lies
outside the window (it belongs to, and is extracted with, another window). A sentence too short to
say anything (a caption, a split-off fragment: "White.") carries no claim.
"""

from __future__ import annotations

from collections import Counter

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords

MIN_SUPPORT = 0.6
"""Share of the statement's content words another sentence must hold for the claim to move there."""
MIN_EVIDENCE_WORDS = 4

SUPPORTING_SENTENCE = Rule(
    "placement.supporting_sentence",
    "A claim moves to the sentence of its window that supports its statement: that sentence holds at "
    "least `min_support` of the statement's content words and the cited one fewer than half as many.",
    {"min_support": MIN_SUPPORT},
)
RETOLD_FROM_ELSEWHERE = Rule(
    "placement.retold_from_elsewhere",
    "A claim whose statement retells a sentence outside its window is dropped: that sentence's own "
    "window extracts it.",
    {"min_support": MIN_SUPPORT},
)
FRAGMENT_SENTENCE = Rule(
    "placement.fragment_sentence",
    "A sentence of fewer than `min_words` words (a caption, a split-off fragment) carries no claim.",
    {"min_words": MIN_EVIDENCE_WORDS},
)
RULES = (SUPPORTING_SENTENCE, RETOLD_FROM_ELSEWHERE, FRAGMENT_SENTENCE)


def best_supported_sentence(
    article: PreparedArticle, statement: str, cited: int, first: int, last: int
) -> int | None:
    """The sentence that supports a statement: the cited one unless another clearly fits better (then
    that one, or None when it lies outside `first`..`last`)."""
    wanted = keywords(statement)
    if not wanted:
        return cited
    shared: Counter[int] = Counter()
    for word in wanted:
        shared.update(article.sentences_with_keyword.get(word, ()))
    cited_support = shared[cited] / len(wanted)
    if not shared:
        return cited
    most = max(shared.values())
    best = min(number for number, count in shared.items() if count == most)  # the first, as `max` would
    best_support = most / len(wanted)
    if best == cited or best_support < MIN_SUPPORT or cited_support >= best_support / 2:
        return cited
    return best if first <= best <= last else None


def too_short(article: PreparedArticle, number: int) -> bool:
    """Whether the sentence has too few words to carry a claim."""
    return len(article.sentence(number).text.split()) < MIN_EVIDENCE_WORDS
