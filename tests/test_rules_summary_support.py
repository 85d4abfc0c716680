"""A summary sentence rests on the claims it cites (`rules.summary_support`, step 11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from builders import said
from counterclaim.models import (
    Actor,
    ActorKind,
    Claim,
    Contradiction,
    ContradictionKind,
    DecisionAction,
    ExplanationSource,
    SummarySentence,
)
from counterclaim.pipeline.rules.summary_support import (
    COPIED_CLAIM,
    NOT_RESTING_ON_CITATIONS,
    REPEATED_SENTENCE,
    UNATTRIBUTED,
    WRITTEN_BY_CODE,
    attributed,
    copies_claim,
    rests_on_its_claims,
    summary_from_analysis,
)
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps import summary
from fake_model import FakeModel, run_step, state_for

NATO = said("c1", "a1", "Russia is adding troops, NATO said.")
NAMES = {"a1": ["NATO", "the alliance"]}
EXERCISED = {NOT_RESTING_ON_CITATIONS, REPEATED_SENTENCE, COPIED_CLAIM, UNATTRIBUTED, WRITTEN_BY_CODE}


@pytest.mark.parametrize(
    ("text", "cited", "rests"),
    [
        ("NATO claims Russia is adding troops.", ["c1"], True),
        ("The alliance says Russia adds troops.", ["c1"], True),  # an alias is the actor's name
        ("The summit in Brussels will resolve the final border dispute.", ["c1"], False),  # said elsewhere
        ("Russia is adding troops, officials said, and tanks are moving.", ["c1"], True),  # 3 of 6: half
        ("Russia is adding troops while tanks move and planes gather.", ["c1"], False),  # 3 of 7
        ("NATO claims Russia is adding troops.", [], False),  # cites nothing
        ("He said so.", [], False),  # no content word, no citation
        ("He said so.", ["c1"], True),  # no content word to be unsupported
    ],
)
def test_a_summary_sentence_must_rest_on_the_claims_it_cites(
    text: str, cited: list[str], rests: bool
) -> None:
    sentence = SummarySentence(text=text, claim_ids=cited)
    assert rests_on_its_claims(sentence, [NATO] if cited else [], NAMES) is rests


def _summarised(sentences: Sequence[Mapping[str, object]], claim: Claim, actor: Actor) -> AnalysisState:
    """The summary step run on one actor's claim, the model (a HAND-MADE stand-in) answering `sentences`."""
    state = state_for(claim.statement, FakeModel({"SummaryDraft": [{"sentences": sentences}]}))
    state.claims, state.actors = [claim], [actor]
    run_step(state, summary.run, summary.NAME)
    return state


NATO_ACTOR = Actor(id="a1", name="NATO", kind=ActorKind.ORGANISATION)


def test_the_summary_step_leaves_out_a_sentence_its_citations_do_not_support() -> None:
    sentences = [
        {"text": "NATO claims Russia is adding troops.", "claim_ids": ["c1"]},
        {"text": "The summit in Brussels will resolve the final border dispute.", "claim_ids": ["c1"]},
    ]
    state = _summarised(sentences, NATO, NATO_ACTOR)
    assert [s.text for s in state.summary] == ["NATO claims Russia is adding troops."]
    assert [(d.step, d.rule, d.action, d.claims) for d in state.trace.decisions()] == [
        ("summary", NOT_RESTING_ON_CITATIONS.name, DecisionAction.DROPPED, ["c1"])
    ]


def test_a_repeated_sentence_and_a_copied_claim_are_left_out_of_the_summary() -> None:
    sentences = [
        {"text": "NATO claims Russia is adding troops.", "claim_ids": ["c1"]},
        {"text": "NATO claims Russia is adding troops!", "claim_ids": ["c1"]},
        {"text": "Russia is adding troops, NATO said.", "claim_ids": ["c1"]},
    ]
    state = _summarised(sentences, NATO, NATO_ACTOR)
    assert [s.text for s in state.summary] == ["NATO claims Russia is adding troops."]
    assert [d.rule for d in state.trace.decisions()] == [REPEATED_SENTENCE.name, COPIED_CLAIM.name]


@pytest.mark.parametrize(
    ("sentence", "holder_said"),
    [
        ("Russia has started withdrawing some of its military units.", False),  # the founding article
        ("The Hungarian bid won after lengthy negotiations.", False),  # validation
        ("NATO accuses Russia of adding troops.", True),
        ("NATO and Russia disagree about troop movements.", True),
        ("The police and the hospital give different tolls.", True),
        ("Pelosi wants an inquiry.", True),
        # found by a review: stances, a figure put at, a negated reporting word; nouns say no holder
        ("The army puts the death toll at 12.", True),
        ("Residents fear more floods.", True),
        ("NATO and Russia are at odds over troops.", True),
        ("The ministry did not confirm the toll.", True),
        ("The conflict in Ukraine has killed 13,000 people.", False),
        ("Russian forces hold positions near the border.", False),
    ],
)
def test_a_summary_sentence_says_who_holds_what_it_says(sentence: str, holder_said: bool) -> None:
    assert attributed(sentence) is holder_said


def test_a_claim_stated_as_a_fact_is_left_out_of_the_summary() -> None:
    # the founding article: "Russia has started withdrawing ..." cited Russia's claims, said by no one
    moscow = said("c2", "a2", "Russia has started withdrawing some of its units, Moscow said.")
    sentences = [
        {"text": "Its units have started withdrawing from Russia.", "claim_ids": ["c2"]},
        {"text": "Moscow says some of its units are withdrawing.", "claim_ids": ["c2"]},
    ]
    state = _summarised(sentences, moscow, Actor(id="a2", name="Moscow", kind=ActorKind.GOVERNMENT))
    assert [s.text for s in state.summary] == ["Moscow says some of its units are withdrawing."]
    assert [(d.rule, d.action, d.claims) for d in state.trace.decisions()] == [
        (UNATTRIBUTED.name, DecisionAction.DROPPED, ["c2"])
    ]


@pytest.mark.parametrize(
    ("sentence", "copies"),
    [
        ("Russia is adding troops, NATO said.", True),
        ("According to NATO, Russia is adding troops, NATO said.", False),  # two thirds: not most
        ("NATO claims Russia is adding troops.", False),  # its own words around the point
        ("Troops.", False),  # too short to tell
    ],
)
def test_a_sentence_copies_a_claim_when_most_of_it_is_one_run_of_the_claim(
    sentence: str, copies: bool
) -> None:
    assert copies_claim(sentence, NATO) is copies


SPOKESMAN = said(
    "c5",
    "a2",
    "Western leaders have yet to see evidence of such a move, after a Russian Defense Ministry spokesman "
    "said on Tuesday that some units, having carried out military exercises near the border, were "
    "already on the move.",
)


@pytest.mark.parametrize(
    ("sentence", "copies"),
    [
        # the founding article's summary, once: the claim's words in their order, "on Tuesday that" left out
        (
            "a Russian Defense Ministry spokesman said some units, having carried out military exercises "
            "near the border, were already on the move.",
            True,
        ),
        ("Russia's defence ministry says some units are already on the move back to base.", False),
        ("A Russian spokesman said units were on the move.", False),  # in order, but most left out
    ],
)
def test_a_sentence_copies_a_claim_when_most_of_its_words_are_the_claims_in_order(
    sentence: str, copies: bool
) -> None:
    assert copies_claim(sentence, SPOKESMAN) is copies


ARMY = said(
    "c6",
    "a3",
    "The army said it had killed 15 of the militants in the region and that none of its soldiers had "
    "been hurt.",
)
SNOW = said(
    "c7",
    "a4",
    "Officials in the capital said on Monday that in the north of the country at least five of the main "
    "roads were closed.",
)
ARMY_SAYS = "The army said it had killed 15 of the militants in the region and that none of the soldiers"
WITHDRAWING = said("c8", "a2", "Russia is withdrawing some of its troops from the border.")


@pytest.mark.parametrize(
    ("sentence", "claim", "copies"),
    [
        # one more word matched at the end must not turn a copy into none (found by a review)
        (f"{ARMY_SAYS} were hurt.", ARMY, True),
        (f"{ARMY_SAYS} were harmed.", ARMY, True),
        # every word in order, but most of the stretch they span left out
        ("Officials said Monday north country five roads closed.", SNOW, False),
        (
            "Officials in the capital said on Monday that in the north of the country at least five main "
            "roads were closed.",
            SNOW,
            True,
        ),
        # a reporting word of its own: the claim under the summary's own attribution
        ("Russia says it is withdrawing some of its troops from the border.", WITHDRAWING, False),
    ],
)
def test_an_in_order_copy_is_judged_by_its_best_stretch_and_its_own_attribution(
    sentence: str, claim: Claim, copies: bool
) -> None:
    assert copies_claim(sentence, claim) is copies


def test_when_no_sentence_of_the_model_is_kept_code_writes_the_summary() -> None:
    moscow = said("c2", "a2", "Russia is not adding troops, Moscow said.")
    troops = said("c3", "a1", "More troops arrive every day, NATO said.")
    sentences = [{"text": "Russia is adding troops, NATO said.", "claim_ids": ["c1"]}]  # a copy
    model = FakeModel({"SummaryDraft": [{"sentences": sentences}]})
    state = state_for(NATO.statement, model)
    state.claims = [NATO, moscow, troops]
    state.actors = [Actor(id="a1", name="NATO", kind=ActorKind.ORGANISATION),
                    Actor(id="a2", name="Moscow", kind=ActorKind.GOVERNMENT)]  # fmt: skip
    state.contradictions = [
        Contradiction(
            id="k1",
            claim_a="c1",
            claim_b="c2",
            kind=ContradictionKind.FACTUAL,
            explanation="x",
            confidence=0.9,
        )
    ]
    run_step(state, summary.run, summary.NAME)
    assert [(s.text, s.claim_ids) for s in state.summary] == [
        (
            "The article reports 3 claims from 2 sources, most from NATO (2) and Moscow (1).",
            ["c1", "c2", "c3"],
        ),
        ("NATO and Moscow give accounts of the same matter that cannot both be true.", ["c1", "c2"]),
    ]
    assert [(d.rule, d.action) for d in state.trace.decisions()] == [
        (COPIED_CLAIM.name, DecisionAction.DROPPED),
        (WRITTEN_BY_CODE.name, DecisionAction.RELABELED),
    ]


def test_code_gives_what_each_side_holds_when_step_11_could_say_it() -> None:
    moscow = said("c2", "a2", "Russia is not adding troops, Moscow said.")
    names = {"a1": "NATO", "a2": "Moscow"}
    sides = "NATO says troops are added; Moscow says none are."
    k = Contradiction(
        id="k1",
        claim_a="c1",
        claim_b="c2",
        kind=ContradictionKind.FACTUAL,
        explanation=sides,
        explained_by=ExplanationSource.SIDES,
        confidence=0.9,
    )
    written = summary_from_analysis([NATO, moscow], names, [k], 4)
    assert [s.text for s in written][1:] == [sides]
    for source in (
        ExplanationSource.MODEL,
        ExplanationSource.CODE,
        None,
    ):  # the verifier's, code's, or unknown
        other = k.model_copy(update={"explained_by": source})
        assert [s.text for s in summary_from_analysis([NATO, moscow], names, [other], 4)][1:] == [
            "NATO and Moscow give accounts of the same matter that cannot both be true."
        ]
