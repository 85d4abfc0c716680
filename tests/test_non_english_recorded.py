"""Non-English seed articles analysed from responses recorded from the real embedded model (each
article's own recording of the seed eval): statements and actor names come out in English, evidence
stays in the original language, and every offset is exact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks import assert_whole_sentences
from counterclaim.models import Analysis
from counterclaim.text.language import looks_foreign
from recording import SeedArticle

NON_ENGLISH = ["mexico-protesta-pena-nieto-2012-05-19", "huambo-police-death-toll-2015-04-21"]
ENGLISH_WORDS = {"the", "a", "of", "to", "that", "and", "is", "are", "was", "were", "said", "says", "in"}
SeedAnalysis = Callable[[str], Analysis]


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_article_gives_english_statements_and_original_evidence(
    seed: str, seed_analysis: SeedAnalysis
) -> None:
    analysis = seed_analysis(seed)
    assert analysis.claims
    for claim in analysis.claims:
        words = set(claim.statement.lower().replace(".", " ").split())
        assert words & ENGLISH_WORDS, claim.statement


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_evidence_is_exact_and_in_the_original_language(
    seed: str, seed_analysis: SeedAnalysis, seed_article: Callable[[str], SeedArticle]
) -> None:
    text = seed_article(seed).text
    analysis = seed_analysis(seed)
    assert analysis.claims
    for claim in analysis.claims:
        assert_whole_sentences(text, claim.evidence)
    # The article's words, not a translation (judged on all the evidence: one short sentence of
    # names can read as either).
    assert looks_foreign(" ".join(span.text for claim in analysis.claims for span in claim.evidence))


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_article_gives_actor_names_in_english_with_the_original_as_alias(
    seed: str, seed_analysis: SeedAnalysis, seed_article: Callable[[str], SeedArticle]
) -> None:
    text = seed_article(seed).text
    analysis = seed_analysis(seed)
    assert analysis.actors
    for actor in analysis.actors:
        assert not looks_foreign(actor.name), actor.name
    article_forms = [alias for actor in analysis.actors for alias in actor.aliases]
    assert any(form in text for form in article_forms)  # the article's own words are kept as aliases
