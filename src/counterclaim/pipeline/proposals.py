"""Claims as the model proposes them (steps 2 and 3), and the checks code applies before keeping one.

Each proposed claim gets an id (`p1`, `p2`, ... in the order proposed) that the decision trace uses,
so a proposal code dropped can be found in the output, and one it kept is followed to the claim it
became. A proposal is kept when code can place it on a sentence of its window that supports it
(`rules.placement`) and the article attributes it to its actor (`rules.attribution`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counterclaim.models import DecisionAction, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules import placement
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.non_actors import NOT_AN_ACTOR, why_not_an_actor
from counterclaim.pipeline.trace import Rule, TraceRecorder

Window = tuple[int, int]
"""First and last sentence number a proposed claim may cite."""


@dataclass(frozen=True)
class Proposal:
    """A claim the model proposed, placed by code on its sentence(s)."""

    id: str
    sentences: tuple[int, ...]
    actor: str
    statement: str
    kind: str
    hedged: bool
    grounding: SpanGrounding = SpanGrounding.CITED_SENTENCE


@dataclass(frozen=True)
class ProposedClaim:
    """What the model said of one claim (from a claims window or a second look at a speaker)."""

    sentence: int
    actor: str
    statement: str
    kind: str
    hedged: bool


@dataclass
class Proposals:
    """The proposals code kept so far, and how many the attribution check turned down."""

    article: PreparedArticle
    attribution: AttributionCheck
    trace: TraceRecorder
    kept: list[Proposal] = field(default_factory=list)
    proposed: int = 0
    unattributed: int = 0

    def consider(self, proposed: ProposedClaim, window: Window) -> None:
        """Keep the proposed claim if code can place and attribute it; record why not otherwise."""
        self.proposed += 1
        proposal_id = f"p{self.proposed}"

        def drop(rule: Rule, reason: str, sentences: tuple[int, ...]) -> None:
            self._record(rule, DecisionAction.DROPPED, reason, proposal_id, proposed, sentences)

        cited = proposed.sentence
        no_actor = why_not_an_actor(proposed.actor, english_article=self.article.english)
        if no_actor is not None:
            self.unattributed += 1
            drop(NOT_AN_ACTOR, f"{proposed.actor!r} is no actor: {no_actor}", (cited,))
            return
        sentence = placement.supporting_sentence(self.article, proposed.statement, cited)
        statement = proposed.statement
        if not window[0] <= sentence <= window[1]:
            placed = self._place_retelling(proposed, proposal_id, sentence, window)
            if placed is None:
                return
            sentence, statement = placed
        if placement.too_short(self.article, sentence):
            drop(
                placement.FRAGMENT_SENTENCE, f"sentence {sentence} is too short to carry a claim", (sentence,)
            )
            return
        rejection = self.attribution.rejects(proposed.actor, sentence, proposed.kind)
        if rejection is not None:
            self.unattributed += 1
            drop(rejection.rule, rejection.reason, (sentence,))
            return
        if window[0] <= sentence <= window[1] and sentence != cited:
            reason = f"cited sentence {cited}, but sentence {sentence} supports the statement"
            self._record(
                placement.SUPPORTING_SENTENCE,
                DecisionAction.MOVED,
                reason,
                proposal_id,
                proposed,
                (cited, sentence),
            )
        grounding = SpanGrounding.CITED_SENTENCE if sentence == cited else SpanGrounding.SUPPORTING_SENTENCE
        self.kept.append(
            Proposal(
                id=proposal_id,
                sentences=(sentence,),
                actor=proposed.actor,
                statement=statement,
                kind=proposed.kind,
                hedged=proposed.hedged,
                grounding=grounding,
            )
        )

    def _place_retelling(
        self, proposed: ProposedClaim, proposal_id: str, retold: int, window: Window
    ) -> tuple[int, str] | None:
        """Where a claim whose statement retells sentence `retold`, outside its window, goes: (its
        sentence, its statement), or None when it is dropped (traced either way)."""
        cited = proposed.sentence
        if retold < window[0] and not any(retold in item.sentences for item in self.kept):
            reason = f"the statement retells sentence {retold}, on which no claim was kept"
            self._record(
                placement.RETOLD_UNCLAIMED,
                DecisionAction.MOVED,
                reason,
                proposal_id,
                proposed,
                (cited, retold),
            )
            return retold, proposed.statement
        if placement.continues_quotation(self.article, cited, retold):
            reason = (
                f"the statement retells sentence {retold}, whose quotation the cited sentence {cited} "
                "continues: the cited sentence's words are its statement"
            )
            self._record(
                placement.QUOTATION_RUNS_ON,
                DecisionAction.RELABELED,
                reason,
                proposal_id,
                proposed,
                (retold, cited),
            )
            return cited, placement.quoted_words(self.article, cited)
        reason = f"the statement retells a sentence outside sentences {window[0]}-{window[1]}"
        self._record(
            placement.RETOLD_FROM_ELSEWHERE, DecisionAction.DROPPED, reason, proposal_id, proposed, (cited,)
        )
        return None

    def _record(
        self,
        rule: Rule,
        action: DecisionAction,
        reason: str,
        proposal_id: str,
        proposed: ProposedClaim,
        sentences: tuple[int, ...],
    ) -> None:
        """A placement decision about a proposal."""
        self.trace.record(
            rule,
            action,
            reason,
            proposal=proposal_id,
            actor=proposed.actor,
            sentences=sentences,
        )

    def actors_by_sentence(self) -> dict[int, list[str]]:
        """The actor names of the kept proposals, by the sentence they cite."""
        claimed: dict[int, list[str]] = {}
        for item in self.kept:
            claimed.setdefault(item.sentences[0], []).append(item.actor)
        return claimed
