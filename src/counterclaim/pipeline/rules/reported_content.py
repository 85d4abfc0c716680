"""Claims code reads from a sentence that reports a named source's allegation, claim or warning.

"The Department of Defense is denying Pakistani tribal leaders' allegations that Pakistani soldiers
forced U.S. helicopters to turn back" holds two claims: the Department's denial, and the tribal
leaders' allegation, whose words the sentence gives after "that" (`text.reported_content`). The 1.5B
gives such a sentence to its main speaker only; the side the answer denies, and the contradiction
between the two, were lost (on dev, 4 of the 7 sides of missed gold contradictions whose sentence was
claimed by another actor). Code adds the source's claim when no claim of that sentence names it; the
point is the sentence's own words, so nothing is asked of the model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counterclaim.models import ClaimKind
from counterclaim.pipeline.rules.actor_names import same_actor_name
from counterclaim.pipeline.trace import Rule
from counterclaim.text.reported_content import OwnedReport, owned_reports

REPORTED_CONTENT = Rule(
    "claims.reported_content",
    "A named source's allegation, claim or warning that a sentence reports with its point after "
    '"that" ("denying Pakistani tribal leaders\' allegations that ...", "despite warnings from Western '
    'countries that ...", "claims by the main opposition party that ...") is that source\'s claim, its '
    "statement the point as the sentence words it, when no claim of the sentence names the source. Not "
    'a pronoun\'s ("his claims"), one with neither a capital nor "the" ("local leaders\' claims"), a '
    "time's or an event's (\"the weekend's report\"), one opening its sentence or clause (\"Russia's "
    'claims that ... are false"), one whose "that" opens a relative clause ("claims that have '
    "circulated\"), nor a denial's.",
)
RULES = (REPORTED_CONTENT,)

_KIND_OF_NOUN = {
    "allegation": ClaimKind.ACCUSATION,
    "accusation": ClaimKind.ACCUSATION,
    "charge": ClaimKind.ACCUSATION,
    "prediction": ClaimKind.PREDICTION,
    "promise": ClaimKind.PROMISE,
    "pledge": ClaimKind.PROMISE,
    "assurance": ClaimKind.PROMISE,
    "threat": ClaimKind.THREAT,
}
"""The kind of claim a report noun carries (by its singular); a warning is a prediction when its point
speaks of what will or may come (`_AHEAD`); any other is an assertion."""
_AHEAD = re.compile(
    r"\b(?:will|would|could|(?-i:may)|might|likely|soon|imminent|going\s+to)\b", re.IGNORECASE
)
_HEDGED_NOUNS = frozenset({"suggestion", "suggestions"})


@dataclass(frozen=True)
class SourceClaim:
    """A claim code reads for a source reported in a sentence."""

    sentence: int
    report: OwnedReport

    @property
    def kind(self) -> ClaimKind:
        noun = self.report.noun.casefold().removesuffix("s")
        if noun == "warning":  # "warnings that an invasion is likely", not "a warning that it had yet to"
            return ClaimKind.PREDICTION if _AHEAD.search(self.report.point) else ClaimKind.ASSERTION
        return _KIND_OF_NOUN.get(noun, ClaimKind.ASSERTION)

    @property
    def hedged(self) -> bool:
        return self.report.noun.casefold() in _HEDGED_NOUNS


def source_claims(sentences: Sequence[str], claimed: Mapping[int, Sequence[str]]) -> list[SourceClaim]:
    """The sources' claims code reads in the article's sentences (numbered from 1), leaving out a
    source that a claim already proposed for that sentence names (`claimed`: sentence number -> the
    actor names of its claims)."""
    found: list[SourceClaim] = []
    for number, sentence in enumerate(sentences, start=1):
        for report in owned_reports(sentence):
            actors = claimed.get(number, ())
            if any(same_source(actor, report.owner) for actor in actors):
                continue
            found.append(SourceClaim(number, report))
    return found


def same_source(actor: str, owner: str) -> bool:
    """Whether an actor's name and a reported source's are one (`actor_names.same_actor_name`, with
    "U.S." read as "US": "US Department of Defense" and "The U.S. Department of Defense", "Biden" and
    "US President Joe Biden"; not "Officials" and "US officials", nor "the Ministry" and "Critics of
    the Ministry")."""
    return same_actor_name(actor.replace(".", ""), owner.replace(".", ""))
