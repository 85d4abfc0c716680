"""What the gold format does not score but a reader sees: standalone statements and explanations that
explain.

- a statement stands alone when it keeps no attribution frame and opens with no pronoun
  (`pipeline.rules.statements.standalone_problem`; English statements of actors only: the article's
  own sentences, with the narrator setting, are quoted as they stand);
- an explanation explains when it copies no run of either claim's evidence
  (`pipeline.rules.acceptance.copies_words`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from counterclaim.models import Analysis
from counterclaim.pipeline.rules.acceptance import copies_words
from counterclaim.pipeline.rules.statements import standalone_problem
from counterclaim.text.language import looks_foreign


class OutputQuality(BaseModel):
    """Counts of an analysis (or a run): statements that stand alone, explanations that copy evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    statements: int = 0
    standalone_statements: int = 0
    explanations: int = 0
    explanations_copying_evidence: int = 0

    def plus(self, other: OutputQuality) -> OutputQuality:
        return OutputQuality(
            statements=self.statements + other.statements,
            standalone_statements=self.standalone_statements + other.standalone_statements,
            explanations=self.explanations + other.explanations,
            explanations_copying_evidence=self.explanations_copying_evidence
            + other.explanations_copying_evidence,
        )

    @property
    def standalone_share(self) -> float | None:
        return self.standalone_statements / self.statements if self.statements else None


def output_quality(analysis: Analysis) -> OutputQuality:
    """The counts for one analysis."""
    narrators = {a.id for a in analysis.actors if a.narrator}
    english = [
        c.statement for c in analysis.claims if c.actor_id not in narrators and not looks_foreign(c.statement)
    ]
    claims = {c.id: c for c in analysis.claims}
    copying = 0
    for k in analysis.contradictions:
        evidence = [" ".join(s.text for s in claims[i].evidence) for i in (k.claim_a, k.claim_b)]
        copying += any(copies_words(k.explanation, text) for text in evidence)
    return OutputQuality(
        statements=len(english),
        standalone_statements=sum(standalone_problem(s) is None for s in english),
        explanations=len(analysis.contradictions),
        explanations_copying_evidence=copying,
    )


def summed(counts: Iterable[OutputQuality]) -> OutputQuality:
    total = OutputQuality()
    for item in counts:
        total = total.plus(item)
    return total
