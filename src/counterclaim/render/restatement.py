"""Whether a claim's statement says more than its evidence (renderers skip a mere copy).

Small models often give the article's own sentence as the statement; printing it twice, once as the
statement and once as the quote, only doubles the reading. The comparison ignores case, punctuation,
quote styles and spacing.
"""

from __future__ import annotations

import re

from counterclaim.models import Claim

_NOT_WORD = re.compile(r"[\W_]+")


def _plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def restates_evidence(claim: Claim) -> bool:
    """True when the statement is the evidence's own words (all of them, or a part of them)."""
    statement = _plain(claim.statement)
    evidence = _plain(claim.evidence_text)
    return bool(statement) and statement in evidence
