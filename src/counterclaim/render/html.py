"""An Analysis as one self-contained, interactive HTML page (`--format html`).

The article is shown with every claim's evidence highlighted in its actor's colour and labelled
(`A2 c3`: actor 2, claim c3) so colour is never the only cue; overlapping evidence is cut into pieces
(`html_segments`) that carry every claim covering them. Beside it, the actors with their claims;
above it, the summary (each sentence citing its claims) and the contradictions (both quotes side by
side); below it, the run's facts and the decision trace. A small script (`analysis.js`) makes
claims, citations, contradictions and trace entries jump to their evidence, and evidence show its
claims; the page reads fully without it (and in print).

Page element ids are made from positions (`claim-3`, `actor-2`), never from the analysis' own ids, and
every string of the analysis or the article is escaped (`html_escape`, Jinja autoescaping): the page
is safe whatever the article or the model wrote. Needs the article text the analysis was made from.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from counterclaim.io.saved_analysis import check_spans
from counterclaim.models import Analysis, Claim, Decision
from counterclaim.render.html_escape import first_words, shown_html
from counterclaim.render.html_page import render_page
from counterclaim.render.html_segments import Marked, segments
from counterclaim.render.restatement import restates_evidence
from counterclaim.render.text import NO_CLAIMS, empty_contradictions_message, empty_summary_message

PALETTE_SIZE = 10
"""Actor colours defined in report.css (`.actor-0` ... `.actor-9`); further actors reuse them."""
TEMPLATE = "analysis.html.j2"
SCRIPT = "analysis.js"
TRACE_EXCERPT_CHARS = 240


@dataclass(frozen=True)
class ClaimView:
    """A claim as the page shows it; `index` is its position in `analysis.claims`."""

    index: int
    id: str
    actor_label: str
    actor_name: str
    colour: int
    kind: str
    hedged: bool
    statement: str
    restates_evidence: bool
    quotes: tuple[str, ...]

    @property
    def dom_id(self) -> str:
        return f"claim-{self.index}"

    @property
    def label(self) -> str:
        return f"{self.actor_label} {self.id}"


@dataclass(frozen=True)
class ActorView:
    number: int
    colour: int
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    claims: tuple[ClaimView, ...]

    @property
    def label(self) -> str:
        return f"A{self.number}"


@dataclass(frozen=True)
class ContradictionView:
    index: int
    id: str
    kind: str
    explanation: str
    confidence: float
    claim_a: ClaimView
    claim_b: ClaimView
    also: tuple[tuple[ClaimView, ClaimView], ...] = ()


@dataclass(frozen=True)
class SummaryView:
    text: str
    cites: tuple[ClaimView, ...]


@dataclass(frozen=True)
class DecisionView:
    step: str
    rule: str
    action: str
    claims: tuple[ClaimView, ...]
    other_ids: tuple[str, ...]
    actor: str | None
    sentences: str
    excerpt: str | None
    reason: str


@dataclass(frozen=True)
class RunFact:
    name: str
    value: str


@dataclass(frozen=True)
class AnalysisPage:
    """Everything the template shows."""

    title: str
    article: Markup
    actors: tuple[ActorView, ...]
    claims_count: int
    contradictions: tuple[ContradictionView, ...]
    summary: tuple[SummaryView, ...]
    facts: tuple[RunFact, ...]
    notices: tuple[str, ...]
    trace: tuple[DecisionView, ...]
    no_claims: str
    no_summary: str
    no_contradictions: str


def render_html(analysis: Analysis, article: str) -> str:
    """The analysis of `article` as one HTML page (inline style and script, nothing loaded).

    Raises `ArticleMismatchError` when an evidence span's text is not `article[start:end]`: the page
    would highlight the wrong words.
    """
    check_spans(analysis, article, source="the article")
    return render_page(TEMPLATE, script=SCRIPT, page=analysis_page(analysis, article))


def analysis_page(analysis: Analysis, article: str) -> AnalysisPage:
    """The page's content, every string still plain (the template escapes it)."""
    actor_number = {actor.id: number for number, actor in enumerate(analysis.actors, start=1)}
    claim_views = [
        _claim_view(analysis, index, claim, actor_number) for index, claim in enumerate(analysis.claims)
    ]
    by_id = {view.id: view for view in claim_views}
    actors = tuple(
        ActorView(
            number=actor_number[actor.id],
            colour=(actor_number[actor.id] - 1) % PALETTE_SIZE,
            name=actor.name,
            kind=actor.kind.value.replace("_", " "),
            role=actor.role,
            aliases=tuple(actor.aliases),
            claims=tuple(
                view
                for view, claim in zip(claim_views, analysis.claims, strict=True)
                if claim.actor_id == actor.id
            ),
        )
        for actor in analysis.actors
    )
    run = analysis.run
    return AnalysisPage(
        title=f"counterclaim: {first_words(article)}",
        article=article_html(analysis, article, claim_views),
        actors=actors,
        claims_count=len(analysis.claims),
        contradictions=tuple(
            ContradictionView(
                index=index,
                id=k.id,
                kind=k.kind.value.replace("_", " "),
                explanation=k.explanation,
                confidence=k.confidence,
                claim_a=by_id[k.claim_a],
                claim_b=by_id[k.claim_b],
                also=tuple((by_id[a], by_id[b]) for a, b in k.also if a in by_id and b in by_id),
            )
            for index, k in enumerate(analysis.contradictions)
        ),
        summary=tuple(
            SummaryView(text=s.text, cites=tuple(by_id[c] for c in s.claim_ids if c in by_id))
            for s in analysis.summary
        ),
        facts=_facts(analysis),
        notices=tuple(run.notices),
        trace=tuple(_decision_view(d, by_id, article) for d in run.trace),
        no_claims=NO_CLAIMS,
        no_summary=empty_summary_message(analysis),
        no_contradictions=empty_contradictions_message(analysis),
    )


def _claim_view(analysis: Analysis, index: int, claim: Claim, actor_number: dict[str, int]) -> ClaimView:
    number = actor_number[claim.actor_id]
    return ClaimView(
        index=index,
        id=claim.id,
        actor_label=f"A{number}",
        actor_name=analysis.actor(claim.actor_id).name,
        colour=(number - 1) % PALETTE_SIZE,
        kind=claim.kind.value,
        hedged=claim.hedged,
        statement=claim.statement,
        restates_evidence=restates_evidence(claim),
        quotes=tuple(span.text for span in claim.evidence),
    )


@dataclass(frozen=True)
class _EvidenceMark:
    claim: int
    span: int


def article_html(analysis: Analysis, article: str, claims: list[ClaimView]) -> Markup:
    """The article with every evidence span in a `<mark>` per piece: `data-ev` lists the evidence it
    belongs to (`claim.span`, positions), `data-label` (first piece of a span) the labels shown."""
    stretches = [
        Marked(span.start, span.end, _EvidenceMark(claim_index, span_index))
        for claim_index, claim in enumerate(analysis.claims)
        for span_index, span in enumerate(claim.evidence)
    ]
    parts: list[str] = []
    for piece in segments(article, stretches):
        if not piece.marks:
            parts.append(shown_html(piece.text))
            continue
        views = list(dict.fromkeys(claims[mark.claim] for mark in piece.marks))
        colours = list(dict.fromkeys(view.colour for view in views))
        classes = ["ev", f"actor-{colours[0]}"]
        if len(views) > 1:
            classes.append("multi")
        if len(colours) > 1:
            classes.append(f"under-{colours[1]}")
        attributes = {
            "class": " ".join(classes),
            "data-ev": " ".join(f"{mark.claim}.{mark.span}" for mark in piece.marks),
            "tabindex": "0",
            "role": "button",
        }
        started = list(dict.fromkeys(claims[mark.claim].label for mark in piece.starts))
        if started:
            attributes["data-label"] = " · ".join(started)
        rendered = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items())
        parts.append(f"<mark {rendered}>{shown_html(piece.text)}</mark>")
    return Markup("".join(parts))


def _facts(analysis: Analysis) -> tuple[RunFact, ...]:
    run = analysis.run
    cached = f" ({run.cached_calls:,} from the response cache)" if run.cached_calls else ""
    scope = "full (claims, contradictions, summary)" if run.scope == "full" else "claims only"
    return (
        RunFact("Model", run.model),
        RunFact("Provider", run.provider),
        RunFact("Pipeline", run.pipeline),
        RunFact("Scope", scope),
        RunFact("Model calls", f"{run.model_calls:,}{cached}"),
        RunFact("Tokens", f"{run.prompt_tokens:,} prompt + {run.completion_tokens:,} completion"),
        RunFact("Seconds", f"{run.seconds:.1f}"),
        RunFact("Chunks", str(run.chunks)),
        RunFact("Article", f"{analysis.article_chars:,} characters, sha256 {analysis.article_sha256}"),
        RunFact("counterclaim", f"{run.counterclaim_version} (schema {analysis.schema_version})"),
    )


def _decision_view(decision: Decision, by_id: dict[str, ClaimView], article: str) -> DecisionView:
    excerpt = None
    if decision.start is not None and decision.end is not None and decision.end <= len(article):
        excerpt = article[decision.start : decision.end]
        if len(excerpt) > TRACE_EXCERPT_CHARS:
            excerpt = excerpt[: TRACE_EXCERPT_CHARS - 1] + "…"
    named = tuple(by_id[c] for c in decision.claims if c in by_id)
    others = tuple(c for c in decision.claims if c not in by_id)
    if decision.proposal:
        others = (*others, decision.proposal)
    return DecisionView(
        step=decision.step,
        rule=decision.rule,
        action=decision.action.value,
        claims=named,
        other_ids=others,
        actor=decision.actor,
        sentences=", ".join(str(n) for n in decision.sentences),
        excerpt=excerpt,
        reason=decision.reason,
    )
