"""Claims as the model proposes them (steps 2 and 3), and the checks code applies before keeping one.

Each proposed claim gets an id (`p1`, `p2`, ... in the order proposed) that the decision trace uses,
so a proposal code dropped can be found in the output, and one it kept is followed to the claim it
became. A proposal is kept when code can place it on a sentence of its window that supports it (or
on one of the exceptions of `rules.placement`: an earlier sentence naming its actor that got no claim,
its cited sentence inside the quotation it retells) and the article attributes it to its actor
(`rules.attribution`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from counterclaim.models import ClaimKind, DecisionAction, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules import placement
from counterclaim.pipeline.rules.attribution import AttributionCheck, actor_named_in
from counterclaim.pipeline.rules.claim_kinds import KIND_WITHOUT_CUE, kind_borne
from counterclaim.pipeline.rules.non_actors import NOT_AN_ACTOR, why_not_an_actor
from counterclaim.pipeline.rules.propositions import SYMPATHY_ONLY, sympathy_only
from counterclaim.pipeline.rules.sentence_speakers import SENTENCE_AS_ACTOR, speaker_for_copied_sentence
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


@dataclass(frozen=True)
class _Placement:
    """Where code places a proposed claim: its sentence, its statement, and the decision that placed it
    there (rule, action, reason, sentences), recorded once the claim is kept."""

    sentence: int
    statement: str
    decision: tuple[Rule, DecisionAction, str, tuple[int, ...]] | None = None


@dataclass
class Proposals:
    """The proposals code kept so far, and how many the attribution check turned down."""

    article: PreparedArticle
    attribution: AttributionCheck
    trace: TraceRecorder
    kept: list[Proposal] = field(default_factory=list)
    proposed: int = 0
    unattributed: int = 0

    def consider(self, proposed: ProposedClaim, window: Window) -> Proposal | None:
        """Keep the proposed claim if code can place and attribute it, and return what was kept; record
        why not otherwise (and return None)."""
        self.proposed += 1
        proposal_id = f"p{self.proposed}"

        def record(rule: Rule, action: DecisionAction, reason: str, sentences: tuple[int, ...]) -> None:
            self.trace.record(
                rule, action, reason, proposal=proposal_id, actor=proposed.actor, sentences=sentences
            )

        cited = proposed.sentence
        no_actor = why_not_an_actor(proposed.actor, english_article=self.article.english)
        if no_actor is not None:
            self.unattributed += 1
            record(
                NOT_AN_ACTOR, DecisionAction.DROPPED, f"{proposed.actor!r} is no actor: {no_actor}", (cited,)
            )
            return None
        placed = self._place(proposed, window)
        if placed is None:
            reason = f"the statement retells a sentence outside sentences {window[0]}-{window[1]}"
            record(placement.RETOLD_FROM_ELSEWHERE, DecisionAction.DROPPED, reason, (cited,))
            return None
        sentence = placed.sentence
        if placement.too_short(self.article, sentence):
            reason = f"sentence {sentence} is too short to carry a claim"
            record(placement.FRAGMENT_SENTENCE, DecisionAction.DROPPED, reason, (sentence,))
            return None
        if placed.decision is not None and placed.decision[0] is placement.FRAME_OF_QUOTATION:
            proposed = replace(proposed, kind=ClaimKind.ASSERTION.value)  # words now, never a deed
        speaker = self._speaker_for_copied_sentence(proposed, sentence)
        if speaker is not None:
            reason = f"the actor is sentence {sentence}'s own words; its speaker is {speaker!r}"
            record(SENTENCE_AS_ACTOR, DecisionAction.RELABELED, reason, (sentence,))
            proposed = replace(proposed, actor=speaker)
        rejection = self.attribution.rejects(proposed.actor, sentence, proposed.kind)
        if rejection is not None:
            self.unattributed += 1
            record(rejection.rule, DecisionAction.DROPPED, rejection.reason, (sentence,))
            return None
        if self.article.english and sympathy_only(placed.statement):
            reason = f"the statement only expresses sympathy, a wish or thanks: {placed.statement!r}"
            record(SYMPATHY_ONLY, DecisionAction.DROPPED, reason, (sentence,))
            return None
        if placed.decision is not None:
            record(*placed.decision)
        kind = kind_borne(proposed.kind, (self.article.sentence_texts[sentence - 1], placed.statement))
        if kind != proposed.kind:
            reason = f"sentence {sentence} holds no word of a {proposed.kind}: the claim is an {kind}"
            record(KIND_WITHOUT_CUE, DecisionAction.RELABELED, reason, (sentence,))
        kept = Proposal(
            id=proposal_id,
            sentences=(sentence,),
            actor=proposed.actor,
            statement=placed.statement,
            kind=kind,
            hedged=proposed.hedged,
            grounding=SpanGrounding.CITED_SENTENCE
            if sentence == cited
            else SpanGrounding.SUPPORTING_SENTENCE,
        )
        self.kept.append(kept)
        return kept

    def _speaker_for_copied_sentence(self, proposed: ProposedClaim, sentence: int) -> str | None:
        """The speaker the article names for a claim whose actor the model wrote as the sentence's
        own words (`rules.sentence_speakers.SENTENCE_AS_ACTOR`; English articles only)."""
        if not self.article.english:
            return None
        return speaker_for_copied_sentence(
            self.article.sentence_texts,
            self.article.sentence_speakers[sentence - 1],
            self.article.quotation_run(sentence),
            sentence,
            proposed.actor,
            kind=proposed.kind,
        )

    def _place(self, proposed: ProposedClaim, window: Window) -> _Placement | None:
        """Where the proposed claim goes, and the placement decision to record if it is kept; None when
        its statement retells a sentence of another window that none of the exceptions places it on."""
        cited, statement = proposed.sentence, proposed.statement
        best = placement.supporting_sentence(self.article, statement, cited, proposed.actor)
        if best == cited and self._frames_quotation(proposed):
            quotation = cited - 1
            reason = (
                f"sentence {cited} only frames the quotation ending sentence {quotation}: the claim is "
                "the quotation's"
            )
            decision = (placement.FRAME_OF_QUOTATION, DecisionAction.MOVED, reason, (cited, quotation))
            return _Placement(quotation, placement.quoted_words(self.article, quotation), decision)
        if best == cited:
            return _Placement(cited, statement)
        if window[0] <= best <= window[1]:
            reason = f"cited sentence {cited}, but sentence {best} supports the statement"
            return _Placement(
                best, statement, (placement.SUPPORTING_SENTENCE, DecisionAction.MOVED, reason, (cited, best))
            )
        if (
            best < window[0]
            and not any(best in item.sentences for item in self.kept)
            and actor_named_in(proposed.actor, self.article.sentence(best).text)
        ):
            reason = f"the statement retells sentence {best}, which names {proposed.actor!r} and has no claim"
            return _Placement(
                best, statement, (placement.RETOLD_UNCLAIMED, DecisionAction.MOVED, reason, (cited, best))
            )
        if placement.continues_quotation(self.article, cited, best):
            reason = (
                f"the statement retells sentence {best}, whose quotation the cited sentence {cited} "
                "continues: the cited sentence's words are its statement"
            )
            words = placement.quoted_words(self.article, cited)
            return _Placement(
                cited, words, (placement.QUOTATION_RUNS_ON, DecisionAction.RELABELED, reason, (best, cited))
            )
        return None

    def _frames_quotation(self, proposed: ProposedClaim) -> bool:
        """Whether the claim's cited sentence only frames the quotation before it, on which no other
        actor's claim was kept (`placement.FRAME_OF_QUOTATION`)."""
        quotation = proposed.sentence - 1
        return placement.frames_quotation_before(self.article, proposed.sentence) and not any(
            quotation in item.sentences and item.actor != proposed.actor for item in self.kept
        )

    def actors_by_sentence(self) -> dict[int, list[str]]:
        """The actor names of the kept proposals, by the sentence they cite."""
        claimed: dict[int, list[str]] = {}
        for item in self.kept:
            claimed.setdefault(item.sentences[0], []).append(item.actor)
        return claimed
