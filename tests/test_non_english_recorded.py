"""Non-English seed articles analysed from responses recorded from the real embedded model (the same
requests as the recorded eval run): statements come out in English, evidence stays in the original
language, and every offset is exact."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from counterclaim.models import Analysis
from counterclaim.pipeline.analyze import run_pipeline
from recording import recorded_client

SEEDS = Path(__file__).parents[1] / "seeds"
NON_ENGLISH = ["mexico-protesta-pena-nieto-2012-05-19", "huambo-police-death-toll-2015-04-21"]
ENGLISH_WORDS = {"the", "a", "of", "to", "that", "and", "is", "are", "was", "were", "said", "says", "in"}


def _analyse(text: str) -> Analysis:
    async def run() -> Analysis:
        async with recorded_client("eval_seeds-staged", replay_only=True) as client:
            return await run_pipeline(text, client)

    return asyncio.run(run())


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_article_gives_english_statements_and_original_evidence(seed: str) -> None:
    text: str = json.loads((SEEDS / f"{seed}.json").read_text(encoding="utf-8"))["text"]
    analysis = _analyse(text)
    assert analysis.claims
    for claim in analysis.claims:
        words = set(claim.statement.lower().replace(".", " ").split())
        assert words & ENGLISH_WORDS, claim.statement


@pytest.mark.parametrize("seed", NON_ENGLISH)
def test_non_english_evidence_is_exact_and_in_the_original_language(seed: str) -> None:
    text: str = json.loads((SEEDS / f"{seed}.json").read_text(encoding="utf-8"))["text"]
    analysis = _analyse(text)
    assert analysis.claims
    for claim in analysis.claims:
        for span in claim.evidence:
            assert text[span.start : span.end] == span.text
