"""The rules code applies to the model's output, apart from the steps that apply them.

Each module holds one family of rules: its logic, and a `Rule` for each decision it can record in the
trace (name, what it does, parameters). `ALL_RULES` lists them all, in pipeline order: an eval's
`run.json` records it as the rules in force.
"""

from __future__ import annotations

from counterclaim.pipeline.requests import UNUSABLE_ANSWER
from counterclaim.pipeline.rules import (
    acceptance,
    actor_names,
    answers,
    attribution,
    claim_kinds,
    duplicates,
    explanations,
    narration,
    non_actors,
    pairing,
    placement,
    propositions,
    quotations,
    quotes,
    reported_content,
    sentence_speakers,
    shared_sentences,
    speakers_passed_over,
    statements,
    summary_support,
    translation,
)
from counterclaim.pipeline.trace import Rule

ALL_RULES: tuple[Rule, ...] = (
    UNUSABLE_ANSWER,
    *answers.RULES,
    *non_actors.RULES,
    *placement.RULES,
    *attribution.RULES,
    *propositions.RULES,
    *reported_content.RULES,
    *speakers_passed_over.RULES,
    *claim_kinds.RULES,
    *translation.RULES,
    *actor_names.RULES,
    *sentence_speakers.RULES,
    *statements.RULES,
    *duplicates.RULES,
    *shared_sentences.RULES,
    *quotations.RULES,
    *narration.RULES,
    *pairing.RULES,
    *acceptance.RULES,
    *explanations.RULES,
    *summary_support.RULES,
    *quotes.RULES,
)
