"""A text in which nobody claims anything gives an empty, valid analysis and "No claims found.",
from responses recorded from the real embedded model."""

from __future__ import annotations

import asyncio

from counterclaim.models import Analysis
from counterclaim.pipeline.analyze import run_pipeline
from counterclaim.render import render
from recording import recorded_client

TIMETABLE = (
    "Weekend timetable\n\n"
    "The first ferry leaves the harbour at 7:15. Ferries then leave every 40 minutes until 19:55. "
    "The crossing takes 25 minutes. Bicycles travel free of charge."
)


def test_text_without_attribution_gives_an_empty_valid_analysis() -> None:
    async def run() -> Analysis:
        async with recorded_client("no_claims") as client:
            return await run_pipeline(TIMETABLE, client)

    analysis = asyncio.run(run())
    assert analysis.claims == [] and analysis.contradictions == [] and analysis.summary == []
    assert analysis.run.model_calls >= 1  # the model was asked; code found nothing it could attribute
    assert "No claims found." in render(analysis, "text")
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis
