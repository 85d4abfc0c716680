"""What a run's tokens cost, for the OpenAI models whose prices are known, at the standard or the Batch
API price (half the standard price, input and output).

Prices change: these are OpenAI's published prices per million tokens for the GPT-4.1 family, as read
in 2026 (platform.openai.com/docs/pricing); a model not listed gets no price (tokens are still
counted). Cached-input discounts are not applied.
"""

from __future__ import annotations

from counterclaim.corpus.run_records import Price, Via

PRICES_READ = "OpenAI pricing page, read 2026"
STANDARD_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}
"""US dollars per million (input, output) tokens at the standard price."""
BATCH_DISCOUNT = 0.5


def price_for(provider: str, model: str, via: Via) -> Price | None:
    """The price of `model`'s tokens when it is a known OpenAI model (a dated snapshot name such as
    `gpt-4.1-mini-2025-04-14` counts as its model), at the batch price for `--via batch-api`."""
    if provider != "openai":
        return None
    known = next((name for name in sorted(STANDARD_PRICES, key=len, reverse=True) if _is(model, name)), None)
    if known is None:
        return None
    input_price, output_price = STANDARD_PRICES[known]
    factor, basis = (BATCH_DISCOUNT, "batch (50% of standard)") if via == "batch-api" else (1.0, "standard")
    return Price(
        model=known,
        input_per_million=input_price * factor,
        output_per_million=output_price * factor,
        basis=f"{basis}; {PRICES_READ}",
    )


def cost_usd(price: Price, prompt_tokens: int, completion_tokens: int) -> float:
    """The dollars these tokens cost at `price`, rounded to a hundredth of a cent."""
    dollars = (prompt_tokens * price.input_per_million + completion_tokens * price.output_per_million) / 1e6
    return round(dollars, 4)


def _is(model: str, name: str) -> bool:
    """`model` is `name` or a dated snapshot of it (`name-YYYY-MM-DD`)."""
    if model == name:
        return True
    rest = model.removeprefix(name + "-")
    return rest != model and rest.replace("-", "").isdigit()
