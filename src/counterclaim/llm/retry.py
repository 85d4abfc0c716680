"""The single retry layer for transient model-server failures: jittered backoff honouring Retry-After."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    stop_any,
    wait_random_exponential,
)
from tenacity.stop import stop_base

from counterclaim.llm.failures import is_transient, retry_after_seconds

Sleep = Callable[[float], Awaitable[None]]


def transient_retrying(
    *, max_retries: int, max_wait: float, total_seconds: float, sleep: Sleep
) -> AsyncRetrying:
    """Retry only transient failures, at most `max_retries` times and `total_seconds` overall.

    The wait is the server's Retry-After when it sent one, otherwise exponential backoff with full
    jitter capped at `max_wait`; a backoff never runs past what is left of `total_seconds`, and a
    Retry-After longer than that stops the retrying at once (the server asked not to be asked again
    before then).
    """
    backoff = wait_random_exponential(multiplier=0.5, max=max_wait)

    def left(state: RetryCallState) -> float:
        return max(0.0, total_seconds - (state.seconds_since_start or 0.0))

    def asked(state: RetryCallState) -> float | None:
        error = state.outcome.exception() if state.outcome else None
        return retry_after_seconds(error) if error else None

    def wait(state: RetryCallState) -> float:
        wanted = asked(state)
        return wanted if wanted is not None else min(float(backoff(state)), left(state))

    class AskedBeyondBudget(stop_base):
        def __call__(self, state: RetryCallState) -> bool:
            wanted = asked(state)
            return wanted is not None and wanted > left(state)

    return AsyncRetrying(
        stop=stop_any(
            stop_after_attempt(max_retries + 1), stop_after_delay(total_seconds), AskedBeyondBudget()
        ),
        wait=wait,
        retry=retry_if_exception(is_transient),
        sleep=sleep,
        reraise=True,
    )
