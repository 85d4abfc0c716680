"""Deeds are listed only where they take part in a conflict.

A deed (a claim of kind `action`: "Trump withdrew the US from the treaty") is no one's statement. The
claim steps keep deeds because an actor's words can be held against its deeds (contradictions of kind
`words_vs_deeds`); once the contradictions are found, a deed that takes part in none is left out, so the
list of claims stays a list of what actors say (the gold format labels a deed only where it takes part
in a conflict or a hard negative). A deed whose sentence or statement holds a reporting word ("German
firms have announced plans to ...") may be speech the model labeled a deed, and stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from counterclaim.models import Claim, ClaimKind, Contradiction
from counterclaim.pipeline.rules.attribution import has_quotation_mark, has_reporting_cue
from counterclaim.pipeline.trace import Rule

DEED_OUTSIDE_CONFLICTS = Rule(
    "deeds.outside_conflicts",
    "A deed (a claim of kind action) that takes part in no reported contradiction (nor in a pair whose "
    "verification was skipped) is not listed, and an actor left with no claim is not listed either: "
    "the claims are what actors say, and a deed is there to be held against words. A deed whose "
    "sentence or statement reports speech as `attribution.no_reporting_cue` reads it (a reporting "
    'word, "according to", a quotation mark: "have announced plans") may be speech labeled a deed, and'
    " stays; in an article in another language the sentence is read for quotation marks only. With scope "
    '"claims" no contradiction is looked for, so no other deed is listed. The other claims and actors '
    "keep their ids.",
)
RULES = (DEED_OUTSIDE_CONFLICTS,)


def in_conflicts(contradictions: Sequence[Contradiction]) -> set[str]:
    """The ids of the claims that take part in a contradiction, in its main pair or an `also` pair."""
    return {
        claim_id
        for contradiction in contradictions
        for pair in ((contradiction.claim_a, contradiction.claim_b), *contradiction.also)
        for claim_id in pair
    }


def deeds_outside_conflicts(
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    unverified: Iterable[tuple[str, str]] = (),
    *,
    english: bool,
) -> list[Claim]:
    """The deeds that take part in no contradiction, nor in an `unverified` pair (ids of a pair whose
    verification was skipped: it may be one), and report no speech, in the claims' order. The reporting
    words are English ones: in an article in another language the sentence is read for quotation marks
    only."""
    taking_part = in_conflicts(contradictions) | {claim_id for pair in unverified for claim_id in pair}
    return [
        claim
        for claim in claims
        if claim.kind is ClaimKind.ACTION
        and claim.id not in taking_part
        and not _reports_speech(claim, english=english)
    ]


def _reports_speech(claim: Claim, *, english: bool) -> bool:
    """Whether the claim's statement, or its sentence, reports speech (`has_reporting_cue`); a sentence
    in another language is read for quotation marks only (the reporting words are English)."""
    if has_reporting_cue(claim.statement):
        return True
    return has_reporting_cue(claim.evidence_text) if english else has_quotation_mark(claim.evidence_text)
