"""Step 10, verify: one focused request per candidate pair; code decides what is reported.

The verifier writes one sentence comparing the two claims, then picks one relation (unrelated, agree,
compatible or contradict); the sentence is the explanation, unless it copies the claims' words, says
nothing of them, or code reported the pair over the verifier's verdict (then code writes it); step 11
replaces it with what each side holds where it can (`rules.explanations`). Code has the last
word on what it can establish (`rules.acceptance`): figures compared by code, and the kinds `self`
and `words_vs_deeds`, which follow from who made the claims.
"""

from __future__ import annotations

from counterclaim.io.sanitize import sanitize
from counterclaim.models import Claim, Contradiction, ContradictionKind, DecisionAction, ExplanationSource
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.acceptance import (
    KIND_FROM_CLAIMS,
    KIND_FROM_FIGURES,
    SAME_CONFLICT,
    Judgement,
    judge,
    judge_in_other_order,
    needs_other_order,
    settle_kind,
)
from counterclaim.pipeline.rules.actor_names import short_names
from counterclaim.pipeline.rules.explanations import (
    EXPLANATION_COPIES_EVIDENCE,
    conflict_sentence,
    explanation,
    figures_explanation,
)
from counterclaim.pipeline.rules.narration import KIND_FROM_NARRATOR
from counterclaim.pipeline.rules.pairing import Candidate
from counterclaim.pipeline.schemas import VerdictDraft
from counterclaim.pipeline.state import AnalysisState
from counterclaim.text.keywords import keywords
from counterclaim.text.numbers import NumericRelation

NAME = "verify"
TEMPLATE = "verify.j2"
MAX_TOKENS = 220
GLOSS_MAX_SHARED = 0.6
_EVIDENCE_CHARS = 400


def _quote(claim: Claim) -> str:
    """The claim's evidence for the prompt, cleaned like the article the model sees."""
    text = " ".join(sanitize(claim.evidence_text).clean.split())
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 1] + "…"


def _gloss(claim: Claim) -> str:
    """The claim's statement, when it is not mostly a copy of its evidence (a translation, a summary)."""
    said = keywords(claim.statement)
    quoted = keywords(claim.evidence_text)
    if not said or len(said & quoted) / len(said) >= GLOSS_MAX_SHARED:
        return ""
    return " ".join(claim.statement.split())


def _request(
    state: AnalysisState, number: int, candidate: Candidate, names: dict[str, str], *, again: bool = False
) -> Request:
    """The verifier's request for one pair; `again`: the pair asked in the other order (B first)."""
    a, b = (candidate.b, candidate.a) if again else (candidate.a, candidate.b)
    numeric_note = (
        candidate.numeric.explanation
        if candidate.numeric.relation is not NumericRelation.NOT_COMPARABLE
        else ""
    )
    return Request(
        step=NAME,
        messages=messages_for(
            state.article.prompt_text(state.chunk_holding(candidate.a.evidence[0].start)),
            TEMPLATE,
            actor_a=names[a.actor_id],
            evidence_a=_quote(a),
            gloss_a=_gloss(a),
            actor_b=names[b.actor_id],
            evidence_b=_quote(b),
            gloss_b=_gloss(b),
            numeric_note=numeric_note,
        ),
        response_model=VerdictDraft,
        max_tokens=MAX_TOKENS,
        skipped=(
            f"claims {b.id} and {a.id} were not checked again in the other order: the first answer stands"
            if again
            else f"claims {a.id} and {b.id} were not checked for a contradiction"
        ),
        progress=f"contradictions: checking pair {number}/{len(state.candidates)}"
        + (" in the other order" if again else ""),
    )


async def run(state: AnalysisState) -> None:
    """Verify every candidate pair; report those code accepts, one entry per conflict."""
    names = {actor.id: actor.name for actor in state.actors}
    short = short_names(state.actors)
    requests = [_request(state, n, c, names) for n, c in enumerate(state.candidates, start=1)]
    verdicts = await ask_all(state.requests, requests)
    judgements = [
        None if verdict is None else judge(verdict, candidate)
        for candidate, verdict in zip(state.candidates, verdicts, strict=True)
    ]
    other_order = await _ask_in_other_order(state, names, judgements)
    actor_of = {claim.id: claim.actor_id for claim in state.claims}
    found: list[Contradiction] = []
    for index, (candidate, verdict, judgement) in enumerate(
        zip(state.candidates, verdicts, judgements, strict=True)
    ):
        if verdict is None or judgement is None:
            continue
        a, b = candidate.a, candidate.b
        if index in other_order:
            judgement = judge_in_other_order(judgement, other_order[index], read_first=b.id)
        if not judgement.reported:
            state.trace.record(judgement.rule, judgement.action, judgement.reason, claims=(a.id, b.id))
            continue
        figures_conflict = candidate.numeric.relation is NumericRelation.CONFLICTING
        against_record = bool(state.narrator_ids & {a.actor_id, b.actor_id})
        kind, kind_rule = settle_kind(
            verdict, a, b, figures_conflict=figures_conflict, against_record=against_record
        )
        joined = _same_conflict(found, a, b, kind, actor_of)
        if joined is not None:
            same, why = joined
            state.trace.record(
                judgement.rule,
                judgement.action,
                f"{judgement.reason}: part of {same.id}",
                claims=(a.id, b.id),
            )
            state.trace.record(
                SAME_CONFLICT,
                DecisionAction.JOINED,
                f"{a.id}/{b.id} is the conflict of {same.id} again ({why})",
                claims=(a.id, b.id),
            )
            confidence = round(max(same.confidence, verdict.confidence), 3)
            found[found.index(same)] = same.model_copy(
                update={"also": [*same.also, (a.id, b.id)], "confidence": confidence}
            )
            continue
        contradiction_id = f"k{len(found) + 1}"
        state.trace.record(
            judgement.rule,
            judgement.action,
            f"{judgement.reason}: reported as {contradiction_id}",
            claims=(a.id, b.id),
        )
        if kind_rule is KIND_FROM_NARRATOR:
            state.trace.record(
                kind_rule,
                DecisionAction.RELABELED,
                f"{contradiction_id}: the verifier said {verdict.kind}; an actor's words against the "
                "article's own account are of kind record",
                claims=(a.id, b.id),
            )
        elif kind_rule is not None:
            by_what = {KIND_FROM_FIGURES: "the figures", KIND_FROM_CLAIMS: "the claims' kinds"}.get(
                kind_rule, "the actors"
            )
            state.trace.record(
                kind_rule,
                DecisionAction.RELABELED,
                f"{contradiction_id}: the verifier said {verdict.kind}, {by_what} make it {kind.value}",
                claims=(a.id, b.id),
            )
        if judgement.action is DecisionAction.OVERRIDDEN:  # the comparison argues against reporting it
            if figures_conflict:
                text, source = (
                    figures_explanation(short[a.actor_id], short[b.actor_id], candidate.numeric.explanation),
                    "the figures",
                )
            else:
                text = conflict_sentence(short[a.actor_id], short[b.actor_id], kind, one_actor=False)
                source = "the two sides"
            state.trace.record(
                EXPLANATION_COPIES_EVIDENCE,
                DecisionAction.RELABELED,
                f"{contradiction_id}: reported over the verifier's verdict, so code wrote the explanation "
                f"from {source} instead of its comparison {verdict.comparison[:120]!r}",
                claims=(a.id, b.id),
            )
            found.append(
                _contradiction(contradiction_id, a, b, kind, text, verdict.confidence, ExplanationSource.CODE)
            )
            continue
        text, written_by = explanation(verdict, a, b, short[a.actor_id], short[b.actor_id], kind)
        if written_by is not None:
            why = "copies a claim's words" if written_by is EXPLANATION_COPIES_EVIDENCE else "says nothing"
            state.trace.record(
                written_by,
                DecisionAction.RELABELED,
                f"{contradiction_id}: the comparison {why}: {verdict.comparison[:120]!r}",
                claims=(a.id, b.id),
            )
        source = ExplanationSource.MODEL if written_by is None else ExplanationSource.CODE
        found.append(_contradiction(contradiction_id, a, b, kind, text, verdict.confidence, source))
    state.contradictions = found


async def _ask_in_other_order(
    state: AnalysisState, names: dict[str, str], judgements: list[Judgement | None]
) -> dict[int, VerdictDraft]:
    """The verifier's answers, by candidate index, for the reported pairs asked again with the claims in
    the other order (`acceptance.needs_other_order`); an unusable second answer leaves the first."""
    again = [i for i, judgement in enumerate(judgements) if judgement and needs_other_order(judgement)]
    requests = [_request(state, i + 1, state.candidates[i], names, again=True) for i in again]
    answers = await ask_all(state.requests, requests) if requests else []
    return {i: answer for i, answer in zip(again, answers, strict=True) if answer is not None}


def _contradiction(
    contradiction_id: str,
    a: Claim,
    b: Claim,
    kind: ContradictionKind,
    text: str,
    confidence: float,
    source: ExplanationSource,
) -> Contradiction:
    return Contradiction(
        id=contradiction_id,
        claim_a=a.id,
        claim_b=b.id,
        kind=kind,
        explanation=text,
        explained_by=source,
        confidence=round(confidence, 3),
    )


def _same_conflict(
    found: list[Contradiction], a: Claim, b: Claim, kind: ContradictionKind, actor_of: dict[str, str]
) -> tuple[Contradiction, str] | None:
    """A reported contradiction between the same two actors as (a, b) (or the same actor with itself)
    that shares a claim with it or is of the same kind, and why it is the same conflict: a dispute
    over figures and one over a cause between the same two sides stay two."""
    sides = "the same actor with itself" if a.actor_id == b.actor_id else "the same two actors"
    for known in found:
        if {a.actor_id, b.actor_id} != {actor_of[known.claim_a], actor_of[known.claim_b]}:
            continue
        if {a.id, b.id} & {known.claim_a, known.claim_b}:
            return known, f"{sides}, a claim in common"
        if known.kind is kind:
            return known, f"{sides}, the same kind"
    return None
