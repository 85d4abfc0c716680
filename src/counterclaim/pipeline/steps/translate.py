"""Step 4, translate: statements the model left in the article's language are translated into English.

Small models often copy a foreign sentence while extracting, yet translate a list well: one bounded
request per batch, the article first (its first chunk when it is long, so the request stays within the
model's context). The actor names of an article not in English are translated the same way in step 5.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from counterclaim.models import DecisionAction
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.translation import STILL_FOREIGN, TRANSLATED
from counterclaim.pipeline.schemas import name_translations_model, translations_model
from counterclaim.pipeline.state import AnalysisState
from counterclaim.text.language import likely_language, looks_foreign

NAME = "translate"
TEMPLATE = "translate.j2"
ITEMS_PER_CALL = 12
MAX_TOKENS_EACH = 80


async def english_for(
    state: AnalysisState, items: list[str], what: Literal["statements", "names"]
) -> list[str]:
    """English for each item, one bounded request per batch; a batch whose answer is unusable stays as
    it was, with a notice."""
    view = state.chunks[0] if state.chunks else None
    language = likely_language(state.article.sanitized.clean)
    batches = [items[start : start + ITEMS_PER_CALL] for start in range(0, len(items), ITEMS_PER_CALL)]
    requests = [
        Request(
            step=NAME,
            messages=messages_for(
                state.article.prompt_text(view), TEMPLATE, items=batch, what=what, language=language
            ),
            response_model=name_translations_model(len(batch))
            if what == "names"
            else translations_model(len(batch)),
            max_tokens=MAX_TOKENS_EACH * len(batch),
            skipped=f"{len(batch)} {what} were not translated",
            progress=f"translating {len(batch)} {what} into English",
        )
        for batch in batches
    ]
    translations: list[str] = []
    for batch, answer in zip(batches, await ask_all(state.requests, requests), strict=True):
        if answer is None:
            translations.extend(batch)
            continue
        for index in range(len(batch)):
            item = getattr(answer, f"item_{index}")
            translations.append(" ".join((item.english if what == "names" else item).split()))
    return translations


async def run(state: AnalysisState) -> None:
    """Statements still in the article's language replaced by their English translation."""
    kept = state.proposals.kept
    foreign = [index for index, item in enumerate(kept) if looks_foreign(item.statement)]
    english = await english_for(state, [kept[i].statement for i in foreign], "statements")
    statements = list(kept)
    for index, translation in zip(foreign, english, strict=True):
        proposal = kept[index]
        if not looks_foreign(translation):
            statements[index] = replace(proposal, statement=translation)
            state.trace.record_about(
                TRANSLATED,
                DecisionAction.RELABELED,
                f"translated as {translation!r}",
                proposal,
            )
        elif translation != proposal.statement:
            state.trace.record_about(
                STILL_FOREIGN,
                DecisionAction.DROPPED,
                f"the translation {translation!r} is not English",
                proposal,
            )
    state.statements = statements
    untranslated = sum(looks_foreign(item.statement) for item in statements)
    if untranslated:
        state.notices.append(
            f"{untranslated} statement(s) were left in the article's language, not translated"
        )
