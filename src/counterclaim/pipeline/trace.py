"""The decision trace: every code rule that drops, moves, joins, relabels or overrides the model's output
records what it did, to what, and why.

A rule is declared once, next to its logic (`pipeline/rules/`), with a stable name, one sentence on
what it does and the parameters it uses. Steps record decisions through
a `TraceRecorder`; the analysis carries them in `run.trace` (see `models.Decision`), so "which rule
cost us this claim?" can be answered from the output alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from counterclaim.models import Decision, DecisionAction

ParameterValue = int | float | str


@dataclass(frozen=True, eq=False)
class Rule:
    """A named code rule: what it does, with which parameters (each rule is one object: compared and
    hashed by identity)."""

    name: str
    does: str
    parameters: Mapping[str, ParameterValue] = field(default_factory=dict)

    def describe(self) -> dict[str, object]:
        """The rule as data (for run files and the docs' rules table)."""
        return {"name": self.name, "does": self.does, "parameters": dict(self.parameters)}


@dataclass
class _Entry:
    step: str
    rule: Rule
    action: DecisionAction
    reason: str
    claims: tuple[str, ...]
    proposal: str | None
    actor: str | None
    sentences: tuple[int, ...]
    offsets: tuple[int, int] | None


class ProposedItem(Protocol):
    """What the model proposed that a decision is about: a claim not yet given its id."""

    @property
    def id(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def sentences(self) -> tuple[int, ...]: ...


SentenceOffsets = Callable[[Iterable[int]], tuple[int, int] | None]
"""Where sentences lie in the user's text: (start, end) of the stretch covering them, or None."""


class TraceRecorder:
    """Collects decisions in the order they are made."""

    def __init__(self, sentence_offsets: SentenceOffsets | None = None) -> None:
        self._entries: list[_Entry] = []
        self._sentence_offsets = sentence_offsets
        self.step = "prepare"
        """The step running now: its name goes with every decision recorded (a rule such as the
        attribution check applies in more than one step)."""

    def record(
        self,
        rule: Rule,
        action: DecisionAction,
        reason: str,
        *,
        claims: Iterable[str] = (),
        proposal: str | None = None,
        actor: str | None = None,
        sentences: Iterable[int] = (),
    ) -> None:
        """Record one decision of `rule` in the current step."""
        numbers = tuple(sentences)
        offsets = self._sentence_offsets(numbers) if numbers and self._sentence_offsets else None
        self._entries.append(
            _Entry(self.step, rule, action, reason, tuple(claims), proposal, actor, numbers, offsets)
        )

    def record_about(self, rule: Rule, action: DecisionAction, reason: str, proposal: ProposedItem) -> None:
        """Record one decision of `rule` about a proposed claim (its id, actor and sentences)."""
        self.record(
            rule,
            action,
            reason,
            proposal=proposal.id,
            actor=proposal.actor,
            sentences=proposal.sentences,
        )

    def count(self, rule: Rule) -> int:
        """How many decisions `rule` has made so far."""
        return sum(entry.rule is rule for entry in self._entries)

    def decisions(self, claim_of_proposal: Mapping[str, str] | None = None) -> list[Decision]:
        """The decisions made, in order. `claim_of_proposal` maps a proposal id to the id of the claim
        it became, so decisions made before claims had ids name the claim too."""
        became = claim_of_proposal or {}
        result = []
        for entry in self._entries:
            claims = list(entry.claims)
            if (
                entry.proposal is not None
                and entry.proposal in became
                and became[entry.proposal] not in claims
            ):
                claims.append(became[entry.proposal])
            result.append(
                Decision(
                    step=entry.step,
                    rule=entry.rule.name,
                    action=entry.action,
                    claims=claims,
                    proposal=entry.proposal,
                    actor=entry.actor,
                    sentences=list(entry.sentences),
                    start=entry.offsets[0] if entry.offsets else None,
                    end=entry.offsets[1] if entry.offsets else None,
                    reason=entry.reason,
                )
            )
        return result
