"""The article's own account (issue 19 item 8, the `narrator` setting): an actor's words against what
the article itself reports. Two short articles written for this test, analysed with the setting off and
on; answers recorded from the real embedded model (`tests/cassettes/narrator.yaml`).

What code decides is asserted exactly: which sentences become claims of "the article", that the
actors' claims and the conflicts between actors are the same with the setting on or off, that the
narrator's claims are paired (and verified) against actors' claims only, that what is reported between
an actor and the article has the kind `record`, and that the summary cites only actors' claims."""

from __future__ import annotations

import asyncio

import pytest

from counterclaim.models import Analysis, Claim, Contradiction, ContradictionKind, DecisionAction
from counterclaim.pipeline.analyze import run_pipeline
from counterclaim.pipeline.rules import narration
from recording import recorded_client, recorded_settings

CASSETTE = "narrator"
ARTICLES = {
    "owner-and-toll": (
        "The fire at the Oduma textile factory killed 11 workers on Monday. "
        "Kwame Asante, the factory's owner, said only four workers died in the fire. "
        "The cause of the fire is not known.",
        "killed 11 workers",
    ),
    "denial-and-deed": (
        "Between 2015 and 2018, Daniel Reyes took bribes worth 200,000 dollars from three building firms. "
        "He was sentenced to six years in prison on Friday. "
        "At his trial in March, Reyes denied that he had taken any bribes.",
        "bribes worth 200,000 dollars",
    ),
}
"""First written with the owner's words in a longer sentence ("The factory's owner, Kwame Asante, said on
Tuesday that only four workers had died") and the deed right after the denial: the 1.5B then missed the
owner's claim, and gave the deed to the mayor as his own assertion (the denial beside it names him), so
nothing was left to hold against the article. Both are limits of the claim step, not of this one."""


@pytest.fixture(scope="module")
def analyses() -> dict[tuple[str, bool], Analysis]:
    async def run() -> dict[tuple[str, bool], Analysis]:
        found: dict[tuple[str, bool], Analysis] = {}
        for narrator in (False, True):
            async with recorded_client(CASSETTE, recorded_settings(narrator=narrator)) as client:
                for name, (text, _) in ARTICLES.items():
                    found[(name, narrator)] = await run_pipeline(text, client)
        return found

    return asyncio.run(run())


def _narrator_claims(analysis: Analysis) -> list[str]:
    narrators = {a.id for a in analysis.actors if a.narrator}
    return [c.id for c in analysis.claims if c.actor_id in narrators]


def _the_record_conflict(analysis: Analysis) -> tuple[Contradiction, Claim]:
    """The one contradiction with the article's own account, and the actor's claim in it."""
    own = set(_narrator_claims(analysis))
    (record,) = [k for k in analysis.contradictions if {k.claim_a, k.claim_b} & own]
    return record, analysis.claim(({record.claim_a, record.claim_b} - own).pop())


@pytest.mark.parametrize("name", list(ARTICLES))
def test_off_by_default_no_narrator(analyses: dict[tuple[str, bool], Analysis], name: str) -> None:
    analysis = analyses[(name, False)]
    assert not [a for a in analysis.actors if a.narrator]
    assert all(k.kind is not ContradictionKind.RECORD for k in analysis.contradictions)


@pytest.mark.parametrize("name", list(ARTICLES))
def test_the_reported_figure_becomes_a_claim_of_the_article(
    analyses: dict[tuple[str, bool], Analysis], name: str
) -> None:
    analysis = analyses[(name, True)]
    (narrator,) = [a for a in analysis.actors if a.narrator]
    assert narrator.name == narration.NARRATOR_NAME
    claims = [analysis.claim(c) for c in _narrator_claims(analysis)]
    figure = ARTICLES[name][1]
    assert [c for c in claims if any(figure in span.text for span in c.evidence)]
    # nobody's words only: the sentences with "said" and "denied" stay out
    assert not [c for c in claims if any(w in span.text for w in ("said", "denied") for span in c.evidence)]
    added = [d for d in analysis.run.trace if d.rule == narration.OWN_ACCOUNT.name]
    assert {c for d in added for c in d.claims} == {c.id for c in claims}
    assert all(d.action is DecisionAction.ADDED for d in added)


@pytest.mark.parametrize("name", list(ARTICLES))
def test_actors_claims_and_their_conflicts_do_not_change(
    analyses: dict[tuple[str, bool], Analysis], name: str
) -> None:
    off, on = analyses[(name, False)], analyses[(name, True)]
    own = set(_narrator_claims(on))
    assert [c for c in on.claims if c.id not in own] == off.claims
    between_actors = [k for k in on.contradictions if not {k.claim_a, k.claim_b} & own]
    assert [(k.claim_a, k.claim_b, k.kind) for k in between_actors] == [
        (k.claim_a, k.claim_b, k.kind) for k in off.contradictions
    ]


@pytest.mark.parametrize("name", list(ARTICLES))
def test_the_article_is_held_against_actors_only(
    analyses: dict[tuple[str, bool], Analysis], name: str
) -> None:
    analysis = analyses[(name, True)]
    own = set(_narrator_claims(analysis))
    verified = [d for d in analysis.run.trace if d.step == "verify" and set(d.claims) & own]
    assert verified, "a pair of the article's account and an actor's claim was sent to the verifier"
    assert all(len(set(d.claims) & own) == 1 for d in verified)
    for k in analysis.contradictions:
        if {k.claim_a, k.claim_b} & own:
            assert k.kind is ContradictionKind.RECORD
    cited = {c for sentence in analysis.summary for c in sentence.claim_ids}
    assert not cited & own


def test_the_toll_the_owner_gives_contradicts_the_articles_own(
    analyses: dict[tuple[str, bool], Analysis],
) -> None:
    analysis = analyses[("owner-and-toll", True)]
    record, other = _the_record_conflict(analysis)
    assert record.kind is ContradictionKind.RECORD
    assert "Asante" in analysis.actor(other.actor_id).name


def test_the_denial_is_held_against_the_deed_the_article_reports(
    analyses: dict[tuple[str, bool], Analysis],
) -> None:
    analysis = analyses[("denial-and-deed", True)]
    _, other = _the_record_conflict(analysis)
    assert "denied" in other.evidence[0].text and "Reyes" in analysis.actor(other.actor_id).name
