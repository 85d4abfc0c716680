"""The textbook contradiction: two sources give different tolls for the same event, in a short article
(issue 19's police-and-hospital case, and two variants written for this test). Answers recorded from
the real embedded model (`tests/cassettes/textbook_tolls.yaml`): whatever confidence the verifier
states, figures that code finds conflicting are reported, once, between the two sources."""

from __future__ import annotations

import asyncio

import pytest

from counterclaim.models import Analysis, ContradictionKind
from counterclaim.pipeline.analyze import run_pipeline
from counterclaim.pipeline.rules import acceptance
from recording import recorded_client

CASSETTE = "textbook_tolls"
ARTICLES = {
    "police-and-hospital": (
        "Police Chief Maria Lopez said three people died in the warehouse fire in Tema on Sunday. "
        "The Tema General Hospital said seven people died in the fire. "
        "Firefighters are still searching the site.",
        ("Maria Lopez", "Hospital"),
    ),
    "figures-and-a-spokesman": (
        "A bus crash near Kisumu killed 12 people, police said on Friday. "
        "Hospital spokesman John Otieno said 20 people died in the crash. "
        "The road was closed for six hours.",
        ("police", "Otieno"),
    ),
    "homes-not-people": (
        "The mayor of Lakeside said 40 homes were destroyed by the flood on Tuesday. "
        "The regional emergency agency said 150 homes were destroyed by the flood. "
        "More rain is expected this week.",
        ("mayor", "agency"),
    ),
}


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    async def run() -> dict[str, Analysis]:
        async with recorded_client(CASSETTE) as client:
            return {name: await run_pipeline(text, client) for name, (text, _) in ARTICLES.items()}

    return asyncio.run(run())


@pytest.mark.parametrize("name", list(ARTICLES))
def test_two_tolls_for_one_event_are_one_contradiction_between_the_two_sources(
    analyses: dict[str, Analysis], name: str
) -> None:
    analysis = analyses[name]
    first, second = ARTICLES[name][1]
    (contradiction,) = analysis.contradictions
    sides = {
        analysis.actor(analysis.claim(c).actor_id).name
        for c in (contradiction.claim_a, contradiction.claim_b)
    }
    assert any(first.casefold() in side.casefold() for side in sides), sides
    assert any(second.casefold() in side.casefold() for side in sides), sides
    assert contradiction.kind is ContradictionKind.NUMERIC
    decisions = {
        d.rule for d in analysis.run.trace if set(d.claims) >= {contradiction.claim_a, contradiction.claim_b}
    }
    assert decisions & {acceptance.CONFLICTING_FIGURES.name, acceptance.VERIFIED.name}, decisions


@pytest.mark.parametrize("name", list(ARTICLES))
def test_the_narration_sentence_is_no_ones_claim(analyses: dict[str, Analysis], name: str) -> None:
    analysis = analyses[name]
    narration = ARTICLES[name][0].rsplit(". ", 1)[1]
    assert not [c for c in analysis.claims if any(narration in span.text for span in c.evidence)]
