"""Step 12, summary: up to four neutral sentences, each citing the claims it rests on (ids constrained by
the schema); code keeps a sentence only when it rests on its citations (`rules.summary_support`)."""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.models import DecisionAction, SummarySentence
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.summary_support import (
    COPIED_CLAIM,
    NOT_RESTING_ON_CITATIONS,
    REPEATED_SENTENCE,
    UNATTRIBUTED,
    WRITTEN_BY_CODE,
    attributed,
    copies_claim,
    rests_on_its_claims,
    same_words,
    summary_from_analysis,
)
from counterclaim.pipeline.schemas import summary_draft_model
from counterclaim.pipeline.state import AnalysisState

NAME = "summary"
TEMPLATE = "summary.j2"
MAX_TOKENS = 600
MAX_SENTENCES = 4
MAX_CLAIMS_LISTED = 40


@dataclass(frozen=True)
class _ClaimLine:
    id: str
    actor: str
    statement: str


async def run(state: AnalysisState) -> None:
    """The summary of the actors' claims (none when there are none); the article's own account (the
    narrator setting) is left out: the summary says who claims what."""
    narrators = state.narrator_ids
    claims = [c for c in state.claims if c.actor_id not in narrators]
    if not claims:
        return
    actor_ids = {c.id for c in claims}
    contradictions = [k for k in state.contradictions if {k.claim_a, k.claim_b} <= actor_ids]
    state.progress("summary")
    names = {actor.id: actor.name for actor in state.actors}
    listed = claims[:MAX_CLAIMS_LISTED]
    # One chunk: reuse the cached article prefix. Several: the claims alone carry the content.
    article_view = (
        state.article.prompt_text() if len(state.chunks) <= 1 else "(long article: see the claims below)"
    )
    request = Request(
        step=NAME,
        messages=messages_for(
            article_view,
            TEMPLATE,
            claims=[_ClaimLine(c.id, names[c.actor_id], c.statement) for c in listed],
            contradictions=contradictions,
            max_sentences=MAX_SENTENCES,
        ),
        response_model=summary_draft_model([c.id for c in listed], MAX_SENTENCES),
        max_tokens=MAX_TOKENS,
        skipped="no summary was written",
    )
    (answer,) = await ask_all(state.requests, [request])
    if answer is None:
        return
    by_id = {claim.id: claim for claim in claims}
    aliases = {actor.id: [actor.name, *actor.aliases] for actor in state.actors}
    kept: list[SummarySentence] = []
    for draft in answer.sentences:
        sentence = SummarySentence(
            text=" ".join(draft.text.split()), claim_ids=list(dict.fromkeys(draft.claim_ids))
        )
        cited = [by_id[i] for i in sentence.claim_ids]
        if any(same_words(sentence.text, earlier.text) for earlier in kept):
            state.trace.record(
                REPEATED_SENTENCE, DecisionAction.DROPPED, f"{sentence.text!r} repeats an earlier sentence"
            )
        elif copied := next((c for c in claims if copies_claim(sentence.text, c)), None):
            state.trace.record(
                COPIED_CLAIM,
                DecisionAction.DROPPED,
                f"{sentence.text!r} copies claim {copied.id}",
                claims=[copied.id],
            )
        elif not rests_on_its_claims(sentence, cited, aliases):
            state.trace.record(
                NOT_RESTING_ON_CITATIONS,
                DecisionAction.DROPPED,
                f"{sentence.text!r} says more than claims {', '.join(sentence.claim_ids) or '(none)'} say",
                claims=sentence.claim_ids,
            )
        elif not attributed(sentence.text):
            state.trace.record(
                UNATTRIBUTED,
                DecisionAction.DROPPED,
                f"{sentence.text!r} says no one claims it: a claim stated as a fact",
                claims=sentence.claim_ids,
            )
        else:
            kept.append(sentence)
    if not kept and answer.sentences:
        kept = summary_from_analysis(claims, names, contradictions, MAX_SENTENCES)
        state.trace.record(
            WRITTEN_BY_CODE,
            DecisionAction.RELABELED,
            f"none of the model's {len(answer.sentences)} sentence(s) was kept: the summary is code's",
        )
    state.summary = kept
