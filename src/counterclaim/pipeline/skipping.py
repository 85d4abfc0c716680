"""Requests whose unusable answer costs only their own part of the analysis.

A small model sometimes runs out of tokens, or never fits the schema however often it is re-asked
(`ModelOutputError`). One such answer should cost the part it was asked for (a window of sentences, a
batch of actors, one pair of claims, the summary), not the whole article: that part is skipped, a
notice says which and why, and the analysis goes on. Server errors (`ProviderError`: down,
rate-limited, timing out after retries) still stop the run: every following request would meet them.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from counterclaim.errors import ModelOutputError
from counterclaim.pipeline.messages import Progress

T = TypeVar("T")


async def answer_or_skip(
    request: Awaitable[T],
    *,
    skipped: str,
    notices: list[str] | None,
    progress: Progress | None = None,
) -> T | None:
    """The request's answer; or, when the answer is unusable, None after adding
    "`skipped`: why" to `notices` (and showing it as progress).

    Without a notices list (`None`) there is nowhere to say what was skipped, so the error propagates.
    """
    if notices is None:
        return await request
    try:
        return await request
    except ModelOutputError as error:
        notices.append(f"{skipped}: {error.message}")
        if progress:
            progress(notices[-1])
        return None
