"""A summary sentence must rest on the claims it cites: at least half its content words come from them.

A sentence that says something its citations do not (a point from elsewhere, or a wrong citation) is
left out rather than shown as resting on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from counterclaim.language import english
from counterclaim.language.tokens import plain_words
from counterclaim.models import Claim, Contradiction, ExplanationSource, SummarySentence
from counterclaim.pipeline.rules.attribution import has_reporting_cue
from counterclaim.pipeline.rules.explanations import conflict_sentence, copies_most
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
MIN_IN_ORDER_WORDS = 8
REPEATED_SENTENCE = Rule(
    "summary.repeated_sentence",
    "A summary sentence that repeats an earlier one (the same words, case and punctuation aside) is dropped.",
)
COPIED_CLAIM = Rule(
    "summary.copied_claim",
    "A summary sentence that copies a claim (at least `copy_share` of its words in one run of the claim's "
    "statement or evidence, or, in a sentence of `min_in_order_words` words or more, `copy_share` of "
    "its words in the claim's order with a few left out: they make up `copy_share` of the stretch of "
    "the claim they span) is dropped: the summary says who claims what in its own words.",
    {"copy_share": COPY_SHARE, "min_in_order_words": MIN_IN_ORDER_WORDS},
)
UNATTRIBUTED = Rule(
    "summary.unattributed",
    "A summary sentence with no reporting word (says, claims, reports, denies, according to, ...: the"
    " words the claim check reads as a cue, negated too) nor a word of a stance or of disagreement "
    "(wants, disagree, differ, different, expects, fears, ...) states a claim as a fact, not who "
    'claims it, and is dropped: "Russia has started withdrawing some of its military units." (citing '
    "Russia's claims) is not neutral.",
)
_STANCE_WORDS = frozenset(
    """want wants wanted disagree disagrees disagreed differ differs differed different conflicting
    contradict contradicts contradicting contradictory dispute disputes disputed believe believes
    expect expects expected hope hopes hoped fear fears feared suspect suspects suspected think thinks
    agree agrees agreed describe describes confident odds puts""".split()
)
"""Verbs and adjectives by which a summary sentence says whose view it gives without a reporting word
("NATO and Russia disagree about ...", "The police and the hospital give different tolls", "Residents
fear more floods", "The army puts the toll at 12"); no noun that also names a thing ("conflict",
"position", "account")."""


def attributed(sentence: str) -> bool:
    """Whether a summary sentence says who holds what it says (`UNATTRIBUTED`)."""
    return has_reporting_cue(sentence, negated_counts=True) or not _STANCE_WORDS.isdisjoint(
        plain_words(sentence)
    )


WRITTEN_BY_CODE = Rule(
    "summary.written_by_code",
    "When no sentence the model wrote is kept, code writes the summary from the analysis: how many "
    "claims from how many sources (the two with most claims named and cited), then one sentence per "
    "reported contradiction: what each side holds when step 11 could say it, else between whom and of "
    "what kind; so an analysis always has a summary.",
)
RULES = (NOT_RESTING_ON_CITATIONS, REPEATED_SENTENCE, COPIED_CLAIM, UNATTRIBUTED, WRITTEN_BY_CODE)
MAX_CITED = 6
"""Claims cited by the code-written opening sentence, at most."""


def same_words(a: str, b: str) -> bool:
    """Whether two sentences have the same words in the same order."""
    return plain_words(a) == plain_words(b)


def copies_claim(sentence: str, claim: Claim) -> bool:
    """Whether most of the sentence is one run of the claim's statement or evidence, or, for a sentence
    of `MIN_IN_ORDER_WORDS` words or more, most of its words are the claim's in their order with some
    left out ("a Russian Defense Ministry spokesman said some units ... were already on the move" from
    "... said on Tuesday that some units ... were already on the move")."""
    return any(
        copies_most(sentence, source, COPY_SHARE) or _in_order_copy(sentence, source)
        for source in (claim.statement, claim.evidence_text)
    )


def _in_order_copy(sentence: str, source: str) -> bool:
    """Whether a sentence of `MIN_IN_ORDER_WORDS` words or more is the source's words in their order
    with a few left out: `COPY_SHARE` of its words are found in the source in order (each within
    `_IN_ORDER_GAP` words of the last), making up `COPY_SHARE` of the stretch of the source they
    span ("a spokesman said units were on the move" leaves out most of "a spokesman said on Tuesday
    that some units, having ..., were already on the move": a summary in few words, no copy). A
    sentence that adds a reporting word of its own ("Russia says it is withdrawing ...") gives the
    claim under its own attribution, as the summary should. Case and punctuation aside."""
    said = plain_words(sentence)
    known = plain_words(source)
    if len(said) < MIN_IN_ORDER_WORDS or (english.REPORTING_VERBS & set(said)) - set(known):
        return False
    needed = COPY_SHARE * len(said)
    for start, first in enumerate(known):
        for opening in (i for i, word in enumerate(said) if word == first):
            matched, position = 1, start + 1
            for word in said[opening + 1 :]:
                ahead = known[position : position + _IN_ORDER_GAP + 1]
                if word not in ahead:
                    continue
                last = position + ahead.index(word)
                matched, position = matched + 1, last + 1
                if matched >= needed and matched >= COPY_SHARE * (last - start + 1):
                    return True
    return False


_IN_ORDER_GAP = 4
"""At most this many words of the source left out between two words `_in_order_copy` finds in order."""


def summary_from_analysis(
    claims: Sequence[Claim],
    names: Mapping[str, str],
    contradictions: Sequence[Contradiction],
    limit: int,
) -> list[SummarySentence]:
    """A neutral summary code writes from the claims and contradictions (`WRITTEN_BY_CODE`): a
    contradiction explained by what each side holds (step 11) is given by that sentence."""
    if not claims:
        return []
    counts = Counter(claim.actor_id for claim in claims)
    top = [actor for actor, _ in counts.most_common(2)]
    cited = [claim.id for claim in claims if claim.actor_id in top][:MAX_CITED]
    n = len(claims)
    if len(counts) == 1:
        opening = f"The article reports {_claims(n)}, all from {names[top[0]]}."
    else:
        most = " and ".join(f"{names[actor]} ({counts[actor]})" for actor in top)
        opening = f"The article reports {_claims(n)} from {len(counts)} sources, most from {most}."
    sentences = [SummarySentence(text=opening, claim_ids=cited)]
    actor_of = {claim.id: claim.actor_id for claim in claims}
    for k in contradictions[: max(limit - 1, 0)]:
        a, b = names[actor_of[k.claim_a]], names[actor_of[k.claim_b]]
        one_actor = actor_of[k.claim_a] == actor_of[k.claim_b]
        by_sides = k.explained_by is ExplanationSource.SIDES
        text = k.explanation if by_sides else conflict_sentence(a, b, k.kind, one_actor=one_actor)
        sentences.append(SummarySentence(text=text, claim_ids=[k.claim_a, k.claim_b]))
    return sentences


def _claims(n: int) -> str:
    return "one claim" if n == 1 else f"{n} claims"


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
