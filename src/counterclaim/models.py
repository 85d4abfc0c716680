"""The output contract of counterclaim: what `analyze` returns, as pydantic models.

Every character offset in these models is a Python string index into the article text that was
given to `analyze` (after input decoding, before any sanitizing), so `text[span.start:span.end]`
always equals `span.text`. Code, never the model, computes offsets. A file's Windows line endings
(CRLF) are kept, so offsets also index the decoded file as it is on disk (only a leading byte order
mark is dropped, a lone CR becomes LF, and HTML offsets index its converted text).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["1.3"] = "1.3"
"""1.1 added `Span.grounding`, `RunMetadata.trace` and `Contradiction.also` (all optional when reading
1.0 output); 1.2 added `Actor.narrator`, the contradiction kind `record` and the decision action
`added` (the article's own account, only with the `narrator` setting); 1.3 added
`Contradiction.explained_by` (None when reading older output)."""
SchemaVersion = Literal["1.0", "1.1", "1.2", "1.3"]

AnalysisScope = Literal["full", "claims"]
"""What an analysis looks for: everything, or actors and claims alone (faster: no contradiction or
summary requests)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ActorKind(StrEnum):
    """What sort of actor makes a claim."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    MEDIA = "media"
    UNNAMED_SOURCE = "unnamed_source"


class ClaimKind(StrEnum):
    """The speech act a claim performs."""

    ASSERTION = "assertion"
    DENIAL = "denial"
    ACCUSATION = "accusation"
    PREDICTION = "prediction"
    DEMAND = "demand"
    THREAT = "threat"
    PROMISE = "promise"
    ASSESSMENT = "assessment"
    ACTION = "action"
    """Not speech: a deed the article reports the actor did (needed for words-vs-deeds conflicts)."""


class ContradictionKind(StrEnum):
    """Why two claims cannot both hold."""

    FACTUAL = "factual"
    NUMERIC = "numeric"
    INTENT = "intent"
    ASSESSMENT = "assessment"
    WORDS_VS_DEEDS = "words_vs_deeds"
    SELF = "self"
    RECORD = "record"
    """An actor's words against the article's own account (its narrator): set by code, never named by
    the model; only with the `narrator` setting."""


class ExplanationSource(StrEnum):
    """Who wrote a contradiction's explanation."""

    SIDES = "sides"
    """The model's short account of each side (step 11, explain), checked by code, which writes the
    sentence: "<A> says ...; <B> says ..."."""
    MODEL = "model"
    """The model's own comparison of the two claims: the verifier's (step 10), or the one-shot answer
    of the naive pipeline."""
    CODE = "code"
    """A sentence code wrote from the two actors and the kind of conflict (or the figures), because
    the model's words copied the evidence or said nothing (the trace names the rule)."""


VERIFIER_KINDS: tuple[ContradictionKind, ...] = tuple(
    kind for kind in ContradictionKind if kind is not ContradictionKind.RECORD
)
"""The kinds a model may name (its answer schemas and prompts list these)."""


class SpanGrounding(StrEnum):
    """How code tied a span to the article's words (the model never gives offsets)."""

    CITED_SENTENCE = "cited_sentence"
    """The model cited the sentence's number; code took that sentence's span."""
    SUPPORTING_SENTENCE = "supporting_sentence"
    """The model cited another sentence; code moved the claim to the sentence that supports its
    statement (rule `placement.supporting_sentence`, `placement.retold_unclaimed` or, from a sentence
    that only frames a quotation, `placement.frame_of_quotation` in the trace)."""
    JOINED_QUOTATION = "joined_quotation"
    """Consecutive sentences of one quotation, joined into one claim (rule `assembly.one_quotation`)."""
    QUOTE_FOUND = "quote_found"
    """The model copied words (naive baseline); code found them in the article."""
    CITED_SENTENCE_NUMBERS = "cited_sentence_numbers"
    """The model wrote sentence numbers instead of words (naive baseline); code took those sentences."""


class Span(_Frozen):
    """A stretch of the article, located by code."""

    start: int = Field(ge=0, description="Start offset (inclusive) in the article text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the article text.")
    text: str = Field(description="Exactly article[start:end].")
    grounding: SpanGrounding = Field(
        default=SpanGrounding.CITED_SENTENCE, description="How code located the span (see SpanGrounding)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end precedes start")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class Actor(_Frozen):
    """Someone (or something) the article attributes claims or deeds to."""

    id: str = Field(description="Stable id within this analysis, e.g. 'a1'.")
    name: str = Field(description="Canonical name, e.g. 'Jens Stoltenberg' or 'Russian Defence Ministry'.")
    kind: ActorKind = Field(description="Person, organisation, government, media or unnamed source.")
    role: str | None = Field(default=None, description="Role or title when the article states one.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other ways the article refers to the actor ('Stoltenberg', 'the NATO chief', 'Moscow').",
    )
    narrator: bool = Field(
        default=False,
        description=(
            "True for the article's own voice ('the article'), whose factual sentences code adds as claims "
            "with the `narrator` setting so that actors' words can be held against the reported record."
        ),
    )


class Claim(_Frozen):
    """One thing one actor says (or, for kind 'action', does), tied to the article's words."""

    id: str = Field(description="Stable id within this analysis, e.g. 'c1'.")
    actor_id: str = Field(description="The id of the actor who makes the claim.")
    statement: str = Field(description="The claim as a standalone sentence that needs no context.")
    kind: ClaimKind = Field(description="The speech act: assertion, denial, accusation, ...")
    hedged: bool = Field(default=False, description="True when the actor qualifies it ('may', 'appears').")
    evidence: list[Span] = Field(min_length=1, description="Where the article says it, located by code.")

    @property
    def evidence_text(self) -> str:
        """The article's words the claim cites, its spans joined by a space (not part of the output)."""
        return " ".join(span.text for span in self.evidence)


class Contradiction(_Frozen):
    """Two claims that cannot both be true (or an actor whose words and deeds disagree)."""

    id: str = Field(description="Stable id within this analysis, e.g. 'k1'.")
    claim_a: str = Field(description="Id of the first claim.")
    claim_b: str = Field(description="Id of the second claim.")
    kind: ContradictionKind = Field(
        description=(
            "Factual, numeric, intent, assessment, words_vs_deeds, self, or record (an actor's words "
            "against the article's own account)."
        )
    )
    explanation: str = Field(description="One or two sentences on why the claims conflict.")
    explained_by: ExplanationSource | None = Field(
        default=None,
        description=(
            "Who wrote the explanation: 'sides' (the model's account of each side, checked and put in "
            "one sentence by code), 'model' (the model's own comparison) or 'code' (a sentence code "
            "wrote from the actors and the kind of conflict); None in output older than schema 1.3."
        ),
    )
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the verifier is, from 0 to 1.")
    also: list[tuple[str, str]] = Field(
        default_factory=list,
        description="Further claim pairs (ids) that express the same conflict between the same actors.",
    )


class SummarySentence(_Frozen):
    """One neutral sentence of the summary with the claims it rests on."""

    text: str = Field(description="The sentence.")
    claim_ids: list[str] = Field(default_factory=list, description="Ids of the claims it rests on.")


class StepUsage(_Frozen):
    """Cost of one pipeline step."""

    step: str = Field(description="Step name, e.g. 'actors', 'claims', 'verify', 'summary'.")
    calls: int = Field(ge=0, description="HTTP requests made to the model, re-asks and retries included.")
    cached_calls: int = Field(
        default=0, ge=0, description="Of `calls`, those answered from the response cache (no model time)."
    )
    prompt_tokens: int = Field(ge=0, description="Prompt tokens the server reported.")
    completion_tokens: int = Field(ge=0, description="Completion tokens the server reported.")
    seconds: float = Field(ge=0.0, description="Wall-clock seconds spent in the step's model calls.")


class DecisionAction(StrEnum):
    """What a code rule did to the model's output (or to a claim pair)."""

    DROPPED = "dropped"
    """Left out: a proposed claim, a duplicate, an alias, a role, a summary sentence."""
    MOVED = "moved"
    """Given other evidence than the model cited."""
    JOINED = "joined"
    """Several claims made one."""
    MERGED = "merged"
    """Several names made one actor."""
    RELABELED = "relabeled"
    """A name, kind or statement replaced by code."""
    OVERRIDDEN = "overridden"
    """The model's verdict reversed by what code established (figures)."""
    CUT = "cut"
    """Part of a model answer kept, the rest left out."""
    KEPT = "kept"
    """A claim pair sent to the verifier."""
    REFUSED = "refused"
    """A claim pair not sent to the verifier, or a verdict not reported."""
    ACCEPTED = "accepted"
    """A verdict reported as a contradiction."""
    SKIPPED = "skipped"
    """A part of the work left undone because the model's answer was unusable (or, for a restatement,
    failed code's checks: the statement stays as it was)."""
    ADDED = "added"
    """A claim code added: a sentence of the article's own account (the `narrator` setting)."""


class Decision(_Frozen):
    """One decision a code rule made about the model's output, with what it acted on and why."""

    step: str = Field(description="The pipeline step that applied the rule, e.g. 'claims', 'pair'.")
    rule: str = Field(
        description="Stable rule name, e.g. 'attribution.no_reporting_cue' (docs/how-it-works.md)."
    )
    action: DecisionAction = Field(description="What the rule did.")
    claims: list[str] = Field(
        default_factory=list, description="Ids of the claims of this analysis the decision concerns."
    )
    proposal: str | None = Field(
        default=None,
        description=(
            "Id of the claim as the model proposed it ('p1', 'p2', ... in the order proposed), for "
            "decisions made before claims had ids; a proposal that became claim cN has cN in `claims`."
        ),
    )
    actor: str | None = Field(default=None, description="The actor name the decision concerns, as given.")
    sentences: list[int] = Field(
        default_factory=list, description="1-based numbers of the article sentences acted on."
    )
    start: int | None = Field(
        default=None, ge=0, description="Start offset in the article text of those sentences."
    )
    end: int | None = Field(
        default=None, ge=0, description="End offset in the article text of those sentences."
    )
    reason: str = Field(description="Why, in words a reader can check against the article.")


class PromptVersion(_Frozen):
    """The identity of one prompt template used in the run."""

    name: str = Field(description="Template file name under prompts/.")
    sha256: str = Field(description="First 12 hex digits of the template's sha256.")


class RunMetadata(_Frozen):
    """How the analysis was produced."""

    counterclaim_version: str = Field(description="Version of the counterclaim package.")
    pipeline: str = Field(description="'staged' (the real pipeline) or 'naive' (single-prompt baseline).")
    scope: AnalysisScope = Field(
        default="full",
        description=(
            "What was looked for: 'full' (actors, claims, contradictions and summary) or 'claims' "
            "(actors and claims only: contradictions and summary were not looked for, so their empty "
            "lists say nothing)."
        ),
    )
    provider: str = Field(description="'local', 'openai' or 'compatible'.")
    model: str = Field(description="Model name as sent to the server.")
    prompts: list[PromptVersion] = Field(default_factory=list, description="Prompt templates used.")
    steps: list[StepUsage] = Field(default_factory=list, description="Cost per step, in run order.")
    model_calls: int = Field(default=0, ge=0, description="Total HTTP requests made to the model.")
    cached_calls: int = Field(
        default=0,
        ge=0,
        description=(
            "Of `model_calls`, those answered from the response cache (`--response-cache`): no model time "
            "was spent on them; their tokens are those of the stored answers."
        ),
    )
    prompt_tokens: int = Field(default=0, ge=0, description="Total prompt tokens.")
    completion_tokens: int = Field(default=0, ge=0, description="Total completion tokens.")
    seconds: float = Field(default=0.0, ge=0.0, description="Wall-clock seconds for the whole analysis.")
    chunks: int = Field(default=1, ge=0, description="How many chunks the article was split into.")
    notices: list[str] = Field(
        default_factory=list, description="Things the user should know (e.g. HTML converted)."
    )
    trace: list[Decision] = Field(
        default_factory=list,
        description=(
            "Every decision code made about the model's output, in the order made: claims dropped, "
            "moved or joined, names merged, aliases and roles left out, claim pairs kept or refused "
            "for verification, verdicts accepted, refused or overridden, summary sentences left out."
        ),
    )


class Analysis(_Frozen):
    """Who claims what in one article, where the claims conflict, and a neutral summary."""

    schema_version: SchemaVersion = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    article_chars: int = Field(ge=0, description="Length of the analysed article text in characters.")
    article_sha256: str = Field(description="sha256 of the analysed article text (UTF-8).")
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    run: RunMetadata

    @model_validator(mode="after")
    def _ids_resolve(self) -> Analysis:
        problem = unresolved_ids(self.actors, self.claims, self.contradictions, self.summary)
        if problem is not None:
            raise ValueError(problem)
        return self

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError if none)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError if none)."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)


def unresolved_ids(
    actors: Sequence[Actor],
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction] = (),
    summary: Sequence[SummarySentence] = (),
    *,
    pairs_once: bool = False,
) -> str | None:
    """What keeps these parts from being one analysis, or None: an id used twice, a claim naming an
    unknown actor, a contradiction or summary sentence naming an unknown claim, a claim paired with
    itself or a pair repeated in one contradiction, and with `pairs_once` one pair in two contradictions
    (checked for parts given to the step functions; analyses saved before the naive baseline dropped
    such a repeat still load)."""
    actor_ids = {a.id for a in actors}
    claim_ids = [c.id for c in claims]
    if len(actor_ids) != len(actors):
        return "duplicate actor id"
    if len(set(claim_ids)) != len(claim_ids):
        return "duplicate claim id"
    if len({k.id for k in contradictions}) != len(contradictions):
        return "duplicate contradiction id"
    known = set(claim_ids)
    for claim in claims:
        if claim.actor_id not in actor_ids:
            return f"claim {claim.id} names unknown actor {claim.actor_id}"
    paired: set[frozenset[str]] = set()
    for k in contradictions:
        named = {k.claim_a, k.claim_b, *(claim for pair in k.also for claim in pair)}
        if not named <= known:
            return f"contradiction {k.id} names an unknown claim"
        pairs = [frozenset(pair) for pair in [(k.claim_a, k.claim_b), *k.also]]
        if any(len(pair) != 2 for pair in pairs) or len(set(pairs)) != len(pairs):
            return f"contradiction {k.id} pairs a claim with itself or repeats a pair"
        if pairs_once and paired & set(pairs):
            return f"contradiction {k.id} repeats a pair of another contradiction"
        paired.update(pairs)
    for sentence in summary:
        if not set(sentence.claim_ids) <= known:
            return "summary cites an unknown claim"
    return None


def misplaced_evidence(claims: Sequence[Claim], text: str) -> tuple[Claim, Span] | None:
    """The first claim and evidence span whose text is not `text[start:end]` (claims of another text,
    or edited), or None."""
    for claim in claims:
        for span in claim.evidence:
            if text[span.start : span.end] != span.text:
                return claim, span
    return None
