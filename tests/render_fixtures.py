"""Hand-made Analysis objects used as inputs by the render tests (not model responses).

`HANDMADE_ARTICLE` is a made-up news story; every evidence span in `handmade_analysis()` is located
in it by `str.index`, so `HANDMADE_ARTICLE[span.start:span.end] == span.text` holds.
"""

from __future__ import annotations

import hashlib

from counterclaim.models import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    RunMetadata,
    Span,
    SummarySentence,
)

HANDMADE_ARTICLE = (
    "RIVERTON — The Old Mill Bridge will reopen to traffic in March, Mayor Elena Duarte said on "
    'Tuesday. "The repairs are on schedule and on budget," Duarte told reporters at City Hall.\n\n'
    'Halvorsen Construction, the contractor, disputed that account. "We have not received the steel '
    'for the deck, and the bridge cannot open before September," spokesperson Tomas Reyes said. '
    "The company also said the city owes it 2.4 million dollars in unpaid invoices.\n\n"
    "A city official who asked not to be named said the mayor may have been briefed on the delay "
    "weeks ago.\n"
)

HANDMADE_SHA256 = hashlib.sha256(HANDMADE_ARTICLE.encode("utf-8")).hexdigest()


def span_of(words: str, article: str = HANDMADE_ARTICLE) -> Span:
    """The span of the first occurrence of `words` in `article`."""
    start = article.index(words)
    return Span(start=start, end=start + len(words), text=words)


def handmade_run() -> RunMetadata:
    """Plausible run metadata for a hand-made analysis."""
    return RunMetadata(
        counterclaim_version="0.1.0",
        pipeline="staged",
        provider="local",
        model="smollm2-360m-instruct",
        model_calls=7,
        prompt_tokens=5120,
        completion_tokens=880,
        seconds=42.5,
        notices=["Article converted from HTML."],
    )


def handmade_analysis() -> Analysis:
    """3 actors, 5 claims, 1 contradiction and 2 summary sentences about `HANDMADE_ARTICLE`."""
    actors = [
        Actor(
            id="a1",
            name="Elena Duarte",
            kind=ActorKind.PERSON,
            role="Mayor of Riverton",
            aliases=["Duarte", "the mayor"],
        ),
        Actor(
            id="a2",
            name="Halvorsen Construction",
            kind=ActorKind.ORGANISATION,
            role="contractor",
            aliases=["the company", "Tomas Reyes"],
        ),
        Actor(id="a3", name="Unnamed city official", kind=ActorKind.UNNAMED_SOURCE),
    ]
    claims = [
        Claim(
            id="c1",
            actor_id="a1",
            statement="The Old Mill Bridge will reopen to traffic in March.",
            kind=ClaimKind.PREDICTION,
            evidence=[span_of("The Old Mill Bridge will reopen to traffic in March")],
        ),
        Claim(
            id="c2",
            actor_id="a1",
            statement="The bridge repairs are on schedule and on budget.",
            kind=ClaimKind.ASSERTION,
            evidence=[span_of("The repairs are on schedule and on budget")],
        ),
        Claim(
            id="c3",
            actor_id="a2",
            statement="The Old Mill Bridge cannot open before September.",
            kind=ClaimKind.PREDICTION,
            evidence=[
                span_of("We have not received the steel for the deck"),
                span_of("the bridge cannot open before September"),
            ],
        ),
        Claim(
            id="c4",
            actor_id="a2",
            statement="The city owes Halvorsen Construction 2.4 million dollars in unpaid invoices.",
            kind=ClaimKind.ACCUSATION,
            evidence=[span_of("the city owes it 2.4 million dollars in unpaid invoices")],
        ),
        Claim(
            id="c5",
            actor_id="a3",
            statement="Mayor Duarte was briefed on the delay weeks ago.",
            kind=ClaimKind.ACCUSATION,
            hedged=True,
            evidence=[span_of("the mayor may have been briefed on the delay weeks ago")],
        ),
    ]
    contradictions = [
        Contradiction(
            id="k1",
            claim_a="c1",
            claim_b="c3",
            kind=ContradictionKind.FACTUAL,
            explanation=(
                "The mayor says the bridge reopens in March; the contractor says not before September."
            ),
            confidence=0.9,
        )
    ]
    summary = [
        SummarySentence(
            text=(
                "Mayor Elena Duarte says the Old Mill Bridge will reopen in March and repairs are on budget."
            ),
            claim_ids=["c1", "c2"],
        ),
        SummarySentence(
            text="The contractor says it cannot open before September and that the city owes it money.",
            claim_ids=["c3", "c4"],
        ),
    ]
    return Analysis(
        article_chars=len(HANDMADE_ARTICLE),
        article_sha256=HANDMADE_SHA256,
        actors=actors,
        claims=claims,
        contradictions=contradictions,
        summary=summary,
        run=handmade_run(),
    )


def handmade_empty_analysis() -> Analysis:
    """An analysis of `HANDMADE_ARTICLE` in which nothing was found."""
    return Analysis(article_chars=len(HANDMADE_ARTICLE), article_sha256=HANDMADE_SHA256, run=handmade_run())
