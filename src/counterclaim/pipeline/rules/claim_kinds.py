"""Claim kinds the article's words bear.

The model labels each claim's speech act. The 1.5B calls a claim a demand or a threat on a word alone:
"Moscow has repeatedly insisted it has no intention of invading" became a demand, "US has 'exacerbated
threat of war', China says" a threat. A demand needs words of demanding and a threat words of a
consequence someone would bring, in the claim's sentence or its statement (`language.english`); a
claim without them is an assertion, and the trace says so. English cues: in an article in another
language the statement (in English) carries them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from counterclaim.language import english
from counterclaim.models import ClaimKind
from counterclaim.pipeline.trace import Rule

KIND_WITHOUT_CUE = Rule(
    "claim_kinds.without_cue",
    "A claim the model calls a demand holds words of demanding (demands, urged, called on, must, should, "
    "wants ... to, ...) or an exclamation, and one it calls a threat words of a consequence (threatened, "
    "warned, would, will, if, unless, vowed, retaliate, sanctions, ...), in its sentence or its "
    "statement; one without them is an assertion.",
)
RULES = (KIND_WITHOUT_CUE,)

_CUES = {
    ClaimKind.DEMAND.value: re.compile(english.DEMAND_CUES, re.IGNORECASE),
    ClaimKind.THREAT.value: re.compile(english.THREAT_CUES, re.IGNORECASE),
}


def kind_borne(kind: str, texts: Sequence[str]) -> str:
    """The kind the texts (a claim's sentence and statement) bear: `kind` itself, or "assertion" for a
    demand or threat without a word of its kind."""
    cue = _CUES.get(kind)
    if cue is None or any(cue.search(re.sub("[\u2019\u02bc]", "'", text)) for text in texts):
        return kind
    return ClaimKind.ASSERTION.value
