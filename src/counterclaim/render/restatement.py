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
    joined = _WORD_HYPHEN.sub("", text.casefold())  # "twenty-five" is one word
    return " ".join(_NOT_WORD.sub(" ", joined).split())


_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def restates_evidence(claim: Claim) -> bool:
    """True when the statement is the evidence's own words: all of them, or all but at most
    `FRAME_WORDS` (the point without its frame: "Russia is adding troops" of "Russia is adding troops,
    NATO said on Tuesday"). A part that leaves more is shown: it tells which words of a longer sentence
    are the claim ("It had started withdrawing some of its military units" of "NATO on Wednesday
    accused Russia of ..., a day after Moscow said it had started withdrawing ..."). Words are
    compared whole ("Five people died" is no part of "Twenty-five people died")."""
    statement = _plain(claim.statement)
    evidence = _plain(claim.evidence_text)
    if not statement or f" {statement} " not in f" {evidence} ":
        return False
    return len(evidence.split()) - len(statement.split()) <= FRAME_WORDS


FRAME_WORDS = 8
"""The most words an evidence may hold beyond its statement for the statement to be a mere copy."""
