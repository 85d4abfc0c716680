"""One claim is said once: an actor's second claim on the same sentences with the same statement or the
same kind is a duplicate (a model listing a point twice, or a second look repeating a window's claim)."""

from __future__ import annotations

from counterclaim.pipeline.trace import Rule

DUPLICATE_CLAIM = Rule(
    "assembly.duplicate_claim",
    "An actor's claim on the same sentences as an earlier one of theirs, with the same statement "
    "(ignoring case) or the same kind, is dropped.",
)
RULES = (DUPLICATE_CLAIM,)
