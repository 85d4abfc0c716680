"""Analyses sharing one model client count their own calls (`ModelClient.start_ledger` per task).

The model is a HAND-MADE stand-in (`fake_model.FakeModel` behind `httpx2.MockTransport`) answering
every claim window with no claim, each answer delayed so that the two analyses' requests interleave.
"""

from __future__ import annotations

import asyncio

from counterclaim.pipeline.analyze import run_pipeline
from fake_model import FakeModel, fake_client

SHORT = "The river rose in the night. The bridge was closed at dawn. Traffic moved to the ring road."
LONG = " ".join(f"Sentence number {n} describes the weather in the valley." for n in range(1, 13))


def test_two_analyses_on_one_client_count_their_own_calls() -> None:
    model = FakeModel({"ClaimDrafts": [{"claims": []}]}, latency=lambda _: 0.01)
    client = fake_client(model)

    async def both() -> tuple[int, int, int]:
        short, long = await asyncio.gather(
            run_pipeline(SHORT, client, scope="claims"), run_pipeline(LONG, client, scope="claims")
        )
        await client.aclose()
        return short.run.model_calls, long.run.model_calls, len(model.asked)

    short_calls, long_calls, asked = asyncio.run(both())
    assert (short_calls, long_calls) == (1, 3)  # one window of 3 sentences; three windows of 12
    assert asked == short_calls + long_calls
