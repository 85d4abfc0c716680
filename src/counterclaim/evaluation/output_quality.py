"""What the gold format does not score but a reader sees: standalone statements and explanations that
explain.

- a statement stands alone when it keeps no attribution frame and opens with no pronoun
  (`pipeline.rules.statements.standalone_problem`; English statements of actors only: the article's
  own sentences, with the narrator setting, are quoted as they stand);
- an explanation explains when it copies no run of either claim's evidence
  (`pipeline.rules.explanations.copies_words`), and says what each side holds when it speaks of each
  claim's own point (`on_both_points`); the report also counts those written from each side's account
  (`Contradiction.explained_by`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from counterclaim.models import Analysis, ExplanationSource
from counterclaim.pipeline.rules.explanations import copies_words
from counterclaim.pipeline.rules.statements import Unstanding, unstanding
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_foreign


class OutputQuality(BaseModel):
    """Counts of an analysis (or a run): statements that stand alone, explanations that copy evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    statements: int = 0
    standalone_statements: int = 0
    keeping_a_frame: int | None = None
    """Statements that do not stand alone because they keep an attribution frame (`Unstanding.FRAME`);
    None when not known (a run record older than this count)."""
    opening_in_first_person: int | None = None
    """Statements that open with the speaker's own I, we, my, our, us or me; None when not known."""
    opening_with_third_person: int | None = None
    """Statements that open with he, she, they, his, her, its or their; None when not known."""
    explanations: int = 0
    explanations_copying_evidence: int = 0
    explanations_on_both_points: int = 0
    """Explanations that speak of each claim's own point (`on_both_points`)."""
    explanations_by_sides: int | None = None
    """Explanations written from the model's account of each side (`Contradiction.explained_by`); None
    when not known (a run record, or an analysis with contradictions, older than output schema 1.3)."""

    def plus(self, other: OutputQuality) -> OutputQuality:
        frame, first, third = (
            _sum_known(mine, theirs)
            for mine, theirs in zip(self.unstanding_kinds, other.unstanding_kinds, strict=True)
        )
        return OutputQuality(
            statements=self.statements + other.statements,
            standalone_statements=self.standalone_statements + other.standalone_statements,
            keeping_a_frame=frame,
            opening_in_first_person=first,
            opening_with_third_person=third,
            explanations=self.explanations + other.explanations,
            explanations_copying_evidence=self.explanations_copying_evidence
            + other.explanations_copying_evidence,
            explanations_on_both_points=self.explanations_on_both_points + other.explanations_on_both_points,
            explanations_by_sides=None
            if self.sides_unknown or other.sides_unknown
            else (self.explanations_by_sides or 0) + (other.explanations_by_sides or 0),
        )

    @property
    def unstanding_kinds(self) -> tuple[int | None, int | None, int | None]:
        """The statements that do not stand alone by kind: keeping a frame, opening in the first
        person, in the third; 0 each when all stand alone (a failed article has none), None for a kind
        not known."""
        if self.standalone_statements == self.statements:
            return 0, 0, 0
        return self.keeping_a_frame, self.opening_in_first_person, self.opening_with_third_person

    @property
    def sides_unknown(self) -> bool:
        """Whether there are explanations and it is not known who wrote them (a failed article has
        none: nothing is unknown)."""
        return self.explanations_by_sides is None and self.explanations > 0

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
    names = keywords(" ".join(name for actor in analysis.actors for name in (actor.name, *actor.aliases)))
    copying = both = 0
    for k in analysis.contradictions:
        evidence = [claims[i].evidence_text for i in (k.claim_a, k.claim_b)]
        copying += any(copies_words(k.explanation, text) for text in evidence)
        both += on_both_points(k.explanation, claims[k.claim_a].statement, claims[k.claim_b].statement, names)
    kinds = Counter(unstanding(statement) for statement in english)
    return OutputQuality(
        statements=len(english),
        standalone_statements=kinds[None],
        keeping_a_frame=kinds[Unstanding.FRAME],
        opening_in_first_person=kinds[Unstanding.FIRST_PERSON],
        opening_with_third_person=kinds[Unstanding.THIRD_PERSON],
        explanations=len(analysis.contradictions),
        explanations_copying_evidence=copying,
        explanations_on_both_points=both,
        explanations_by_sides=_by_sides(analysis),
    )


def _by_sides(analysis: Analysis) -> int | None:
    """How many explanations were written from each side's account; None when an explanation does not
    say who wrote it (output older than schema 1.3)."""
    if any(k.explained_by is None for k in analysis.contradictions):
        return None
    return sum(k.explained_by is ExplanationSource.SIDES for k in analysis.contradictions)


def _point_words(text: str) -> set[str]:
    return keywords(text) | set(re.findall(r"\d+", text))


def on_both_points(explanation: str, statement_a: str, statement_b: str, names: set[str]) -> bool:
    """Whether an explanation speaks of each claim's own point: it shares a content word or a figure
    with each statement, beyond the actors' names and the words both statements share ("Police says
    three died; the hospital says seven" does; "Police and the hospital give figures that cannot both be
    right" does not)."""
    said = _point_words(explanation)
    a, b = _point_words(statement_a) - names, _point_words(statement_b) - names
    own_a, own_b = (a - b) or a, (b - a) or b
    return bool(said & own_a) and bool(said & own_b)


def _sum_known(a: int | None, b: int | None) -> int | None:
    """The sum of two counts; None when either is not known."""
    return None if a is None or b is None else a + b


def summed(counts: Iterable[OutputQuality]) -> OutputQuality:
    total = OutputQuality(
        explanations_by_sides=0, keeping_a_frame=0, opening_in_first_person=0, opening_with_third_person=0
    )
    for item in counts:
        total = total.plus(item)
    return total
