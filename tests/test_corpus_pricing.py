"""The price of a run's tokens: known OpenAI models only, half price through the Batch API."""

from __future__ import annotations

import pytest

from counterclaim.corpus.pricing import cost_usd, price_for


@pytest.mark.parametrize("model", ["gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"])
def test_the_batch_price_is_half_the_standard_price(model: str) -> None:
    standard = price_for("openai", model, "live")
    batch = price_for("openai", model, "batch-api")
    assert standard is not None and batch is not None and standard.model == batch.model == "gpt-4.1-mini"
    assert (batch.input_per_million, batch.output_per_million) == (0.20, 0.80)
    assert (standard.input_per_million, standard.output_per_million) == (0.40, 1.60)
    assert batch.basis.startswith("batch") and standard.basis.startswith("standard")
    assert cost_usd(batch, 1_000_000, 500_000) == 0.6


@pytest.mark.parametrize(
    ("provider", "model"),
    [("openai", "gpt-4.1-mini-preview"), ("openai", "some-other-model"), ("compatible", "gpt-4.1-mini")],
)
def test_no_price_is_guessed_for_an_unknown_model_or_another_server(provider: str, model: str) -> None:
    assert price_for(provider, model, "batch-api") is None
