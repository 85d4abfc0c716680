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
    """True when the statement is the evidence's own words: all of them, or a part of them that is at
    least half of them (the point without its frame: "Russia is adding troops" of "Russia is adding
    troops, NATO said"). A smaller part is shown: it tells which words of a longer sentence are the
    claim ("It had started withdrawing some of its military units" of "NATO on Wednesday accused
    Russia of ..., a day after Moscow said it had started withdrawing some of its military units")."""
    statement = _plain(claim.statement)
    evidence = _plain(claim.evidence_text)
    return bool(statement) and statement in evidence and 2 * len(statement.split()) >= len(evidence.split())
