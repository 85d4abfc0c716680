"""A summary sentence must rest on the claims it cites: at least half its content words come from them.

A sentence that says something its citations do not (a point from elsewhere, or a wrong citation) is
left out rather than shown as resting on them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from counterclaim.language import english
from counterclaim.models import Claim, SummarySentence
from counterclaim.pipeline.rules.pairing import content_words
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords

MIN_SUPPORT = 0.5
_ATTRIBUTION_WORDS = keywords(english.ATTRIBUTION_WORDS_TEXT)

NOT_RESTING_ON_CITATIONS = Rule(
    "summary.not_resting_on_citations",
    "A summary sentence is kept only when at least `min_support` of its content words (beyond words of "
    'attribution such as "said") come from the claims it cites: their statements, evidence and actors.',
    {"min_support": MIN_SUPPORT},
)
COPY_SHARE = 0.8
REPEATED_SENTENCE = Rule(
    "summary.repeated_sentence",
    "A summary sentence that repeats an earlier one (the same words, case and punctuation aside) is dropped.",
)
COPIED_CLAIM = Rule(
    "summary.copied_claim",
    "A summary sentence that copies a claim (at least `copy_share` of its words in one run of the claim's "
    "statement or evidence) is dropped: the summary says who claims what in its own words.",
    {"copy_share": COPY_SHARE},
)
RULES = (NOT_RESTING_ON_CITATIONS, REPEATED_SENTENCE, COPIED_CLAIM)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def same_words(a: str, b: str) -> bool:
    """Whether two sentences have the same words in the same order."""
    return _words(a) == _words(b)


def copies_claim(sentence: str, claim: Claim) -> bool:
    """Whether most of the sentence is one run of the claim's statement or evidence."""
    words = _words(sentence)
    if len(words) < 4:
        return False
    run = max(4, int(len(words) * COPY_SHARE + 0.999))
    for source in (claim.statement, " ".join(span.text for span in claim.evidence)):
        known = _words(source)
        runs = {tuple(known[i : i + run]) for i in range(len(known) - run + 1)}
        if any(tuple(words[i : i + run]) in runs for i in range(len(words) - run + 1)):
            return True
    return False


def rests_on_its_claims(
    sentence: SummarySentence, cited: Sequence[Claim], actor_names: Mapping[str, Sequence[str]]
) -> bool:
    """Whether at least half the sentence's content words come from the claims it cites (their
    statements, evidence and actors' names)."""
    said = keywords(sentence.text) - _ATTRIBUTION_WORDS
    if not said:
        return bool(cited)
    material: set[str] = set()
    for claim in cited:
        material |= content_words(claim) | keywords(" ".join(actor_names.get(claim.actor_id, [])))
    return len(said & material) / len(said) >= MIN_SUPPORT
