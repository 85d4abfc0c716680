"""Step 3: verify candidate pairs one at a time with a focused question that may answer "compatible".

Code has the last word on what code can establish: when both claims carry figures of the same unit and
the figures are compatible, no numeric contradiction is reported whatever the model says; and the kind
"self" / "words_vs_deeds" follows from who made the claims.
"""

from __future__ import annotations

from collections.abc import Callable

from counterclaim.io.sanitize import sanitize
from counterclaim.llm.client import ModelClient
from counterclaim.models import Actor, Claim, ClaimKind, Contradiction, ContradictionKind
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.candidates import Candidate, propose_candidates
from counterclaim.pipeline.drafts import VerdictDraft
from counterclaim.pipeline.extract import messages_for
from counterclaim.text.chunking import Chunk
from counterclaim.text.numbers import NumericRelation

VERIFY_TEMPLATE = "verify.j2"
VERIFY_MAX_TOKENS = 220
MIN_CONFIDENCE = 0.5
_EVIDENCE_CHARS = 400


def _quote(claim: Claim) -> str:
    """The claim's evidence for the prompt, cleaned like the article the model sees."""
    text = " ".join(sanitize(" ".join(span.text for span in claim.evidence)).clean.split())
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 1] + "…"


def settle_kind(verdict: VerdictDraft, a: Claim, b: Claim) -> ContradictionKind:
    """The contradiction kind, corrected where the actors and claim kinds decide it."""
    if a.actor_id == b.actor_id:
        if (a.kind is ClaimKind.ACTION) != (b.kind is ClaimKind.ACTION):
            return ContradictionKind.WORDS_VS_DEEDS
        return ContradictionKind.SELF
    kind = ContradictionKind(verdict.kind)
    if kind in (ContradictionKind.SELF, ContradictionKind.WORDS_VS_DEEDS):
        return ContradictionKind.FACTUAL
    return kind


def accept(verdict: VerdictDraft, candidate: Candidate) -> bool:
    """Whether a verdict becomes a reported contradiction.

    The model must say the two claims cannot both be true. Small models rarely judge "same matter"
    well, so code vouches for it when the claims carry opposed ideas (withdrawing / adding troops,
    denying / confirming); a claim pair of one actor needs the model's own "same matter". Code
    overrules a numeric contradiction between figures it finds compatible.
    """
    if verdict.both_can_be_true or verdict.confidence < MIN_CONFIDENCE:
        return False
    one_actor = candidate.a.actor_id == candidate.b.actor_id
    if not verdict.same_matter and (one_actor or not candidate.opposed):
        return False
    numbers_agree = candidate.numeric.relation is NumericRelation.COMPATIBLE
    return not (numbers_agree and verdict.kind == "numeric")


def _context_chunk(article: PreparedArticle, chunks: list[Chunk], claim: Claim) -> Chunk | None:
    """The chunk to show with a pair: the whole article when it is one chunk, else claim A's chunk."""
    if len(chunks) <= 1:
        return None
    start = claim.evidence[0].start
    for chunk in chunks:
        span = article.original_span(chunk.start, chunk.end)
        if span.start <= start < span.end:
            return chunk
    return chunks[-1]


async def find_contradictions_async(
    article: PreparedArticle,
    actors: list[Actor],
    claims: list[Claim],
    client: ModelClient,
    *,
    progress: Callable[[str], None] | None = None,
) -> list[Contradiction]:
    """Contradictions among the claims, verified pair by pair."""
    names = {actor.id: actor.name for actor in actors}
    candidates = propose_candidates(claims, limit=client.settings.max_candidates)
    found: list[Contradiction] = []
    chunks = article.chunks(max_chars=client.settings.chunk_chars, overlap=client.settings.chunk_overlap)
    for number, candidate in enumerate(candidates, start=1):
        if progress:
            progress(f"contradictions: checking pair {number}/{len(candidates)}")
        a, b = candidate.a, candidate.b
        numeric_note = (
            candidate.numeric.explanation
            if candidate.numeric.relation is not NumericRelation.NOT_COMPARABLE
            else ""
        )
        verdict = await client.structured(
            "verify",
            messages_for(
                article.prompt_text(_context_chunk(article, chunks, a)),
                VERIFY_TEMPLATE,
                actor_a=names[a.actor_id],
                statement_a=a.statement,
                evidence_a=_quote(a),
                actor_b=names[b.actor_id],
                statement_b=b.statement,
                evidence_b=_quote(b),
                numeric_note=numeric_note,
            ),
            VerdictDraft,
            max_tokens=VERIFY_MAX_TOKENS,
        )
        if accept(verdict, candidate):
            found.append(
                Contradiction(
                    id=f"k{len(found) + 1}",
                    claim_a=a.id,
                    claim_b=b.id,
                    kind=settle_kind(verdict, a, b),
                    explanation=" ".join(verdict.reason.split()),
                    confidence=round(verdict.confidence, 3),
                )
            )
    return found
