"""Small hand-built pipeline objects for rule tests: claims citing an article's words, verdicts, and
what code makes of one proposed claim."""

from __future__ import annotations

from typing import Any

from counterclaim.models import Claim, ClaimKind, Decision, Span
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposal, Proposals, ProposedClaim
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.schemas import VerdictDraft, VerdictRelation
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps import assemble
from counterclaim.pipeline.trace import TraceRecorder
from fake_model import run_step, state_for


def claim_citing(
    article: str,
    cid: str,
    actor: str,
    statement: str,
    evidence: str | None = None,
    kind: ClaimKind = ClaimKind.ASSERTION,
) -> Claim:
    """A claim of `actor` whose evidence is `evidence` (default: the statement) where it is in `article`."""
    evidence = statement if evidence is None else evidence
    start = article.index(evidence)
    return Claim(
        id=cid,
        actor_id=actor,
        statement=statement,
        kind=kind,
        evidence=[Span(start=start, end=start + len(evidence), text=evidence)],
    )


NATO_ARTICLE = (
    "NATO said Russia is adding troops.\u200b Moscow denied it.\n\n"
    "Jens Stoltenberg said there was no withdrawal. Stoltenberg added that talks could go on."
)
"""A short article of two sides and one speaker's two claims, for the verify and explain rules."""


def nato_claim(
    cid: str, actor: str, statement: str, evidence: str, kind: ClaimKind = ClaimKind.ASSERTION
) -> Claim:
    """A claim of `NATO_ARTICLE` citing `evidence`."""
    return claim_citing(NATO_ARTICLE, cid, actor, statement, evidence, kind)


def said(cid: str, actor: str, evidence: str, kind: ClaimKind = ClaimKind.ASSERTION) -> Claim:
    """A claim whose statement is its evidence, at the start of a text of its own."""
    return Claim(
        id=cid,
        actor_id=actor,
        statement=evidence,
        kind=kind,
        evidence=[Span(start=0, end=len(evidence), text=evidence)],
    )


def verdict(
    relation: VerdictRelation, kind: str = "factual", confidence: float = 0.9, **more: Any
) -> VerdictDraft:
    """The verifier's answer (its comparison is a neutral sentence unless given)."""
    fields = {
        "comparison": "One side says the troops left; the other says they stayed.",
        "relation": relation,
        "kind": kind,
        "confidence": confidence,
        **more,
    }
    return VerdictDraft.model_validate(fields)


def considered(
    text: str,
    sentence: int,
    actor: str,
    statement: str,
    kind: str = "assertion",
    window: tuple[int, int] | None = None,
) -> tuple[list[Proposal], list[Decision]]:
    """What code makes of one claim the model proposed for `text`: the proposals it kept, and its
    decisions (placement and attribution, as in steps 2 and 3). The window defaults to the sentence."""
    article = PreparedArticle.from_text(text)
    trace = TraceRecorder(article.sentence_offsets)
    trace.step = "claims"
    proposals = Proposals(article, AttributionCheck.for_article(article), trace)
    proposed = ProposedClaim(sentence=sentence, actor=actor, statement=statement, kind=kind, hedged=False)
    proposals.consider(proposed, window or (sentence, sentence))
    return proposals.kept, trace.decisions()


def assembled(text: str, claims: list[tuple[str, int, str, str]], **settings: Any) -> AnalysisState:
    """Step 7 (assemble) run on claims kept so far, each (actor, sentence, statement, kind), proposed
    in that order (ids p1, p2, ...), with these settings changed; its claims and decisions are in the
    state it returns."""
    state = state_for(text, **settings)
    for number, (actor, sentence, statement, kind) in enumerate(claims, start=1):
        state.registry.add_name(actor)
        state.statements.append(
            Proposal(
                id=f"p{number}",
                sentences=(sentence,),
                actor=actor,
                statement=statement,
                kind=kind,
                hedged=False,
            )
        )
    run_step(state, assemble.run, assemble.NAME)
    return state
