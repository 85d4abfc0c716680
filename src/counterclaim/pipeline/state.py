"""What the pipeline's steps share: the article (with its chunks and per-sentence features computed once),
the model client, notices, progress, the decision trace, and each step's results.

A step reads what earlier steps left here and writes its own results; `pipeline/analyze.py` runs the
steps in order. Nothing is passed around otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from counterclaim.config import Settings
from counterclaim.llm.client import ModelClient
from counterclaim.models import Actor, Claim, Contradiction, SummarySentence
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposal, Proposals
from counterclaim.pipeline.requests import Progress, RequestContext
from counterclaim.pipeline.rules.actor_names import ActorRegistry
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.pairing import Candidate
from counterclaim.pipeline.trace import TraceRecorder
from counterclaim.text.chunking import Chunk


def _quiet(_: str) -> None:
    """Progress that goes nowhere."""


@dataclass
class AnalysisState:
    """One analysis in progress."""

    article: PreparedArticle
    client: ModelClient
    progress: Progress = _quiet
    notices: list[str] = field(default_factory=list)
    skip_unusable: bool = True
    """An unusable answer costs its own part (with a notice); off when a step runs on its own."""

    # Results, in the order the steps fill them in.
    proposals: Proposals = field(init=False)
    """Steps 2-3: the claims the model proposed that code kept (and what it dropped, in the trace)."""
    unread: str | None = None
    """Step 2: why no claims window could be read, when none could (the last window's notice); if the
    second look finds no claim either, the analysis fails (`second_look.run`)."""
    statements: list[Proposal] = field(default_factory=list)
    """Steps 4 and 6: the kept proposals with their statements in English, standing alone."""
    registry: ActorRegistry = field(init=False)
    """Step 5: the actors, as name forms merged by code and described by the model."""
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    """Step 7: the final actors and claims, with ids."""
    claim_of_proposal: dict[str, str] = field(default_factory=dict)
    """Step 7: the id of the claim each kept proposal became (for the trace)."""
    candidates: list[Candidate] = field(default_factory=list)
    """Step 9: the claim pairs to verify, best first."""
    contradictions: list[Contradiction] = field(default_factory=list)
    """Step 10; their explanations, step 11."""
    summary: list[SummarySentence] = field(default_factory=list)
    """Step 12."""

    def __post_init__(self) -> None:
        self.trace = TraceRecorder(self.article.sentence_offsets)
        self.attribution = AttributionCheck.for_article(self.article)
        self.proposals = Proposals(self.article, self.attribution, self.trace)
        self.registry = ActorRegistry(self.article.sanitized.clean, self.trace)

    @property
    def narrator_ids(self) -> set[str]:
        """Ids of the actors that are the article's own voice (step 8, narrator setting)."""
        return {actor.id for actor in self.actors if actor.narrator}

    @property
    def settings(self) -> Settings:
        return self.client.settings

    @cached_property
    def chunks(self) -> list[Chunk]:
        """The article's chunks, computed once for every step."""
        return self.article.chunks(max_chars=self.settings.chunk_chars, overlap=self.settings.chunk_overlap)

    @property
    def requests(self) -> RequestContext:
        """What sending this analysis' requests needs."""
        return RequestContext(
            client=self.client,
            trace=self.trace,
            notices=self.notices,
            progress=self.progress,
            skip_unusable=self.skip_unusable,
        )

    def chunk_holding(self, offset_in_original: int) -> Chunk | None:
        """The chunk to show with a claim at this offset of the user's text: None (the whole article)
        when the article is one chunk, else the chunk holding it (the last one if none does)."""
        if len(self.chunks) <= 1:
            return None
        for chunk in self.chunks:
            span = self.article.original_span(chunk.start, chunk.end)
            if span.start <= offset_in_original < span.end:
                return chunk
        return self.chunks[-1]
