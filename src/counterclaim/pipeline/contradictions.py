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
from counterclaim.pipeline.messages import messages_for
from counterclaim.pipeline.skipping import answer_or_skip
from counterclaim.text.chunking import Chunk
from counterclaim.text.keywords import keywords
from counterclaim.text.numbers import NumericRelation

VERIFY_TEMPLATE = "verify.j2"
VERIFY_MAX_TOKENS = 220
MIN_CONFIDENCE = 0.8
GLOSS_MAX_SHARED = 0.6
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

    The model must find the claims in conflict and be sure of it, and code must see a reason for a
    conflict (`Candidate.clash`): small models call many merely different claims contradictory. One
    actor's two claims need more than a negation on one side (speakers often qualify themselves):
    figures that cannot both hold, or opposed ideas. Code has the last word on figures: it overrules a
    numeric contradiction between figures it finds compatible, and reports one between figures that
    cannot both hold when the model agrees the claims are about the same thing ("compatible") but
    misjudged the numbers.

    A rebuttal code found (B denies something it only points back at, A a nearby claim of another
    actor) needs the model's "contradict" and not its confidence: code has established the conflict
    and the model only says whether A is what B denies. The 1.5B states its confidence at random
    (0.5 or 0.9 for the same kind of pair), so asking for 0.8 there would only drop pairs by chance.
    """
    if candidate.rebuttal and verdict.relation == "contradict":
        return True
    if verdict.confidence < MIN_CONFIDENCE:
        return False
    numbers = candidate.numeric.relation
    if verdict.relation == "compatible":
        return numbers is NumericRelation.CONFLICTING
    if verdict.relation != "contradict" or not candidate.clash:
        return False
    one_actor = candidate.a.actor_id == candidate.b.actor_id
    if one_actor and numbers is not NumericRelation.CONFLICTING and not candidate.opposed:
        return False
    return not (numbers is NumericRelation.COMPATIBLE and verdict.kind == "numeric")


def explanation(verdict: VerdictDraft, actor_a: str, actor_b: str) -> str:
    """What each side says, in the verifier's words, attributed."""
    a_says = " ".join(verdict.a_says.split()).rstrip(".")
    b_says = " ".join(verdict.b_says.split()).rstrip(".")
    return f"{actor_a}: {a_says}. {actor_b}: {b_says}."


def _gloss(claim: Claim) -> str:
    """The claim's statement, when it is not mostly a copy of its evidence (a translation, a summary)."""
    said = keywords(claim.statement)
    quoted = keywords(" ".join(span.text for span in claim.evidence))
    if not said or len(said & quoted) / len(said) >= GLOSS_MAX_SHARED:
        return ""
    return " ".join(claim.statement.split())


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
    notices: list[str] | None = None,
) -> list[Contradiction]:
    """Contradictions among the claims, verified pair by pair.

    With `notices`, a pair whose verdict is unusable is left unreported and noted there; without, its
    `ModelOutputError` propagates.
    """
    names = {actor.id: actor.name for actor in actors}
    candidates = propose_candidates(
        claims,
        limit=client.settings.max_candidates,
        actor_names={actor.id: [actor.name, *actor.aliases] for actor in actors},
    )
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
        verdict = await answer_or_skip(
            client.structured(
                "verify",
                messages_for(
                    article.prompt_text(_context_chunk(article, chunks, a)),
                    VERIFY_TEMPLATE,
                    actor_a=names[a.actor_id],
                    evidence_a=_quote(a),
                    gloss_a=_gloss(a),
                    actor_b=names[b.actor_id],
                    evidence_b=_quote(b),
                    gloss_b=_gloss(b),
                    numeric_note=numeric_note,
                ),
                VerdictDraft,
                max_tokens=VERIFY_MAX_TOKENS,
            ),
            skipped=f"claims {a.id} and {b.id} were not checked for a contradiction",
            notices=notices,
            progress=progress,
        )
        if verdict is not None and accept(verdict, candidate):
            found.append(
                Contradiction(
                    id=f"k{len(found) + 1}",
                    claim_a=a.id,
                    claim_b=b.id,
                    kind=settle_kind(verdict, a, b),
                    explanation=explanation(verdict, names[a.actor_id], names[b.actor_id]),
                    confidence=round(verdict.confidence, 3),
                )
            )
    return found
