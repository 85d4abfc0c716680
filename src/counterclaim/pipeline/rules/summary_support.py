"""A summary sentence must rest on the claims it cites: at least half its content words come from them.

A sentence that says something its citations do not (a point from elsewhere, or a wrong citation) is
left out rather than shown as resting on them.
"""

from __future__ import annotations

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
RULES = (NOT_RESTING_ON_CITATIONS,)


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
