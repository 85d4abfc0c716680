"""The single retry layer for transient model-server failures: jittered backoff honouring Retry-After."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from counterclaim.llm.failures import is_transient, retry_after_seconds

Sleep = Callable[[float], Awaitable[None]]


def transient_retrying(
    *, max_retries: int, max_wait: float, total_seconds: float, sleep: Sleep
) -> AsyncRetrying:
    """Retry only transient failures, at most `max_retries` times and `total_seconds` overall.

    The wait is the server's Retry-After when it sent one, otherwise exponential backoff with full
    jitter capped at `max_wait`; never longer than what is left of `total_seconds`, so the last
    attempt starts within the budget.
    """
    backoff = wait_random_exponential(multiplier=0.5, max=max_wait)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(error) if error else None
        left = max(0.0, total_seconds - (state.seconds_since_start or 0.0))
        return min(asked if asked is not None else float(backoff(state)), left)

    return AsyncRetrying(
        stop=stop_after_attempt(max_retries + 1) | stop_after_delay(total_seconds),
        wait=wait,
        retry=retry_if_exception(is_transient),
        sleep=sleep,
        reraise=True,
    )
