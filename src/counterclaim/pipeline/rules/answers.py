"""Small repairs of the model's answers that code makes and says it made."""

from __future__ import annotations

from counterclaim.pipeline.trace import Rule

FIRST_OF_SEVERAL_NAMES = Rule(
    "claims.first_of_several_names",
    'An actor given as a list of names ("The Kremlin; Reuters") is the first of them: one claim, one actor.',
)
RULES = (FIRST_OF_SEVERAL_NAMES,)
