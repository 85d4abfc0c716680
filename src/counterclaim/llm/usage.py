"""Counting model calls, tokens and seconds per pipeline step."""

from __future__ import annotations

from dataclasses import dataclass, field

from counterclaim.errors import UsageSoFar
from counterclaim.models import StepUsage


@dataclass
class _StepTotals:
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    intervals: list[tuple[float, float]] = field(default_factory=list)
    """(start, end) of each request, on the monotonic clock."""

    @property
    def seconds(self) -> float:
        """Wall-clock time the step spent waiting for the model: requests in flight together count
        once (the length of the union of their intervals)."""
        total = 0.0
        reached = float("-inf")
        for start, end in sorted(self.intervals):
            if end > reached:
                total += end - max(start, reached)
                reached = end
        return total


@dataclass
class UsageLedger:
    """Accumulates what every HTTP request to the model cost, grouped by step name."""

    _steps: dict[str, _StepTotals] = field(default_factory=dict)
    _unusable_usages: list[str] = field(default_factory=list)

    def record_call(
        self, step: str, *, prompt_tokens: int = 0, completion_tokens: int = 0, cached: bool = False
    ) -> None:
        """Count one HTTP request (successful or not) and the tokens the server reported for it;
        `cached`: the answer came from the response cache (its tokens are those of the stored answer)."""
        totals = self._steps.setdefault(step, _StepTotals())
        totals.calls += 1
        totals.cached_calls += int(cached)
        totals.prompt_tokens += prompt_tokens
        totals.completion_tokens += completion_tokens

    def record_interval(self, step: str, start: float, end: float) -> None:
        """Count the time from `start` to `end` (monotonic clock) as spent in `step`'s model calls."""
        self._steps.setdefault(step, _StepTotals()).intervals.append((start, end))

    def record_unusable_usage(self, shown: str) -> None:
        """Note an answer whose token usage was negative or not numbers (its tokens count as 0)."""
        self._unusable_usages.append(shown)

    @property
    def notices(self) -> list[str]:
        """What the caller should be told about the accounting (empty when all was well)."""
        if not self._unusable_usages:
            return []
        return [
            f"the server reported unusable token usage for {len(self._unusable_usages)} call(s) "
            f"({self._unusable_usages[0]}); their tokens are unknown and count as 0"
        ]

    def steps(self) -> list[StepUsage]:
        """Per-step usage in the order steps first ran."""
        return [
            StepUsage(
                step=name,
                calls=t.calls,
                cached_calls=t.cached_calls,
                prompt_tokens=t.prompt_tokens,
                completion_tokens=t.completion_tokens,
                seconds=round(t.seconds, 3),
            )
            for name, t in self._steps.items()
        ]

    def so_far(self) -> UsageSoFar:
        """Totals, for error messages."""
        return UsageSoFar(
            calls=sum(t.calls for t in self._steps.values()),
            prompt_tokens=sum(t.prompt_tokens for t in self._steps.values()),
            completion_tokens=sum(t.completion_tokens for t in self._steps.values()),
            cached_calls=sum(t.cached_calls for t in self._steps.values()),
        )
