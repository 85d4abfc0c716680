"""Non-English seed articles analysed from responses recorded from the real embedded model (the same
requests as the recorded eval run): statements and actor names come out in English, evidence stays in
the original language, and every offset is exact."""

from __future__ import annotations

import asyncio
import functools
import json
from pathlib import Path

import pytest

from counterclaim.models import Analysis
from counterclaim.pipeline.analyze import run_pipeline
from counterclaim.text.language import looks_foreign
from recording import recorded_client

SEEDS = Path(__file__).parents[1] / "seeds"
NON_ENGLISH = ["mexico-protesta-pena-nieto-2012-05-19", "huambo-police-death-toll-2015-04-21"]
ENGLISH_WORDS = {"the", "a", "of", "to", "that", "and", "is", "are", "was", "were", "said", "says", "in"}


def _seed_text(seed: str) -> str:
    text: str = json.loads((SEEDS / f"{seed}.json").read_text(encoding="utf-8"))["text"]
    return text


@functools.cache
def _analyse(text: str) -> Analysis:
    """The replayed analysis of a seed, made once and read by each test of this module."""

    async def run() -> Analysis:
        async with recorded_client("eval_seeds-staged", replay_only=True) as client:
            return await run_pipeline(text, client)

    return asyncio.run(run())


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_article_gives_english_statements_and_original_evidence(seed: str) -> None:
    text = _seed_text(seed)
    analysis = _analyse(text)
    assert analysis.claims
    for claim in analysis.claims:
        words = set(claim.statement.lower().replace(".", " ").split())
        assert words & ENGLISH_WORDS, claim.statement


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_evidence_is_exact_and_in_the_original_language(seed: str) -> None:
    text = _seed_text(seed)
    analysis = _analyse(text)
    assert analysis.claims
    for claim in analysis.claims:
        for span in claim.evidence:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_article_gives_actor_names_in_english_with_the_original_as_alias(seed: str) -> None:
    text = _seed_text(seed)
    analysis = _analyse(text)
    assert analysis.actors
    for actor in analysis.actors:
        assert not looks_foreign(actor.name), actor.name
    article_forms = [alias for actor in analysis.actors for alias in actor.aliases]
    assert any(form in text for form in article_forms)  # the article's own words are kept as aliases
