"""What a sentence reports a named source's allegation, claim or warning to say (`text.reported_content`),
and the claims code adds for those sources (`rules.reported_content`, step 3)."""

from __future__ import annotations

import pytest

from builders import claim_citing, verdict
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, DecisionAction, ExplanationSource
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules import acceptance, pairing
from counterclaim.pipeline.rules.acceptance import judge
from counterclaim.pipeline.rules.pairing import propose_candidates
from counterclaim.pipeline.rules.reported_content import REPORTED_CONTENT, same_source, source_claims
from counterclaim.pipeline.steps import pair, second_look, verify
from counterclaim.text.reported_content import owned_reports
from fake_model import FakeModel, run_step, state_for

TRIBAL = (
    "The U.S. Department of Defense is denying Pakistani tribal leaders' allegations that Pakistani "
    "soldiers forced U.S. military helicopters to turn back to Afghanistan."
)


@pytest.mark.parametrize(
    ("sentence", "owner", "point"),
    [
        (TRIBAL, "Pakistani tribal leaders",
         "Pakistani soldiers forced U.S. military helicopters to turn back to Afghanistan."),
        ("Moscow has insisted it has no intention of invading, despite warnings from Western countries in "
         "recent days that an invasion is likely to be imminent.",
         "Western countries", "An invasion is likely to be imminent."),
        ("Mugabe is denouncing claims by the main opposition party that his supporters are conducting a "
         "campaign of violence.",
         "the main opposition party", "His supporters are conducting a campaign of violence."),
        ("Analysts doubt the government's promise that prices will fall this year.",
         "the government", "Prices will fall this year."),
        ("The group rejected the ministry's repeated claims that the rebels had attacked first.",
         "the ministry", "The rebels had attacked first."),
        # the point's clause ends before a frame or a clause of its own
        ("It came after the BBC's report that the minister had resigned on Friday, a spokesman said.",
         "the BBC", "The minister had resigned on Friday."),
        ("Police rejected Amnesty's allegations that officers beat the protesters, but promised an inquiry.",
         "Amnesty", "Officers beat the protesters."),
        # an adjective in -ed opens a point's subject, not a relative clause (a review's probe)
        ("Police denied the union's claims that unarmed protesters were shot in the square.",
         "the union", "Unarmed protesters were shot in the square."),
        # found by a review: names ending like a verb form, and points running into another clause
        ("China rejected the United Nations' warnings that the dam would flood villages downstream.",
         "the United Nations", "The dam would flood villages downstream."),
        ("The ministry dismissed Beijing's claims that its ships had entered the disputed waters.",
         "Beijing", "Its ships had entered the disputed waters."),
        ("The army rejected the rebels' claims that they had shot down a jet and said the jet crashed.",
         "the rebels", "They had shot down a jet."),
        ("The senator dismissed Republicans' claims that the border was wide open, calling them false.",
         "Republicans", "The border was wide open."),
        ('Police dismissed the union\'s claims that officers beat the strikers as "lies".',
         "the union", "Officers beat the strikers."),
    ],
)  # fmt: skip
def test_a_named_sources_point_after_that_is_read(sentence: str, owner: str, point: str) -> None:
    (report,) = owned_reports(sentence)
    assert (report.owner, report.point) == (owner, point)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's claims that Ukraine attacked the convoy first are false.",  # opens the sentence
        "Claims by the opposition that the vote was rigged were rejected.",
        "He dismissed their claims that he lied about the budget.",  # a pronoun's
        "He dismissed his claims that he lied about the budget.",
        "Mugabe dismissed opposition leaders' claims that the vote was rigged.",  # nobody named
        "Police denied reports by local media that three people were shot dead.",
        "Moscow repeated its denial that troops had crossed the border.",  # a denial: the opposite
        "The ministry rejected Russia's claims that Ukraine attacked.",  # too short a point
        # "that" as a relative pronoun (a review's probes)
        "Officials dismissed Russia's claims that have circulated on social media for weeks.",
        "He rejected the ministry's statement that was released late on Thursday night.",
        "Officials dismissed the group's allegations that surfaced on social media last month.",
        # a report that is a clause's subject
        "The army denied it, and the UN's report that both sides used child soldiers was ignored.",
        "The minister said the plan would work.",  # no report noun
        "The paper cited the weekend's report that the company may have paid no tax for years.",  # a time
        "Markets fell after Monday's warning that the bank would raise its rates again.",
    ],
)
def test_no_point_is_read_without_a_named_source_and_a_clear_end(sentence: str) -> None:
    assert owned_reports(sentence) == []


def test_a_source_a_claim_of_the_sentence_names_gets_no_second_claim() -> None:
    warning = (
        "Johnson spoke after a warning from US President Joe Biden that Russia had not withdrawn its units."
    )
    found = source_claims([TRIBAL, warning], {2: ["Biden"]})
    assert [(claim.sentence, claim.report.owner, claim.kind) for claim in found] == [
        (1, "Pakistani tribal leaders", ClaimKind.ACCUSATION)
    ]
    (warned,) = source_claims([warning], {})
    assert (warned.report.owner, warned.kind, warned.hedged) == (
        "US President Joe Biden",
        ClaimKind.ASSERTION,
        False,
    )
    ahead = "Moscow said it would not invade, despite warnings from the West that an invasion will come soon."
    (foreseen,) = source_claims([ahead], {})
    assert foreseen.kind is ClaimKind.PREDICTION  # a warning of what will or may come


def test_the_second_look_adds_the_sources_claim_and_traces_it() -> None:
    text = f"{TRIBAL} Pentagon spokesman Bryan Whitman said there was no such mission."
    state = state_for(text)  # a model that knows nothing: the source's claim needs no request
    denial = Proposal("p1", (1,), "The U.S. Department of Defense", TRIBAL, "denial", False)
    whitman = Proposal("p2", (2,), "Bryan Whitman", "There was no such mission.", "denial", False)
    state.proposals.kept.extend([denial, whitman])
    run_step(state, second_look.run, second_look.NAME)
    added = [item for item in state.proposals.kept if item.actor == "Pakistani tribal leaders"]
    assert [(item.sentences, item.statement, item.kind) for item in added] == [
        (
            (1,),
            "Pakistani soldiers forced U.S. military helicopters to turn back to Afghanistan.",
            "accusation",
        )
    ]
    (decision,) = [d for d in state.trace.decisions() if d.rule == REPORTED_CONTENT.name]
    assert decision.action is DecisionAction.ADDED
    assert "reports the allegations of 'Pakistani tribal leaders' that" in decision.reason


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        (TRIBAL, True),  # "is denying"
        ("Mugabe is denouncing claims by the main opposition party that his supporters are conducting a "
         "campaign of violence.", True),
        ("The group rejected the ministry's repeated claims that the rebels had attacked first.", True),
        ("Moscow has insisted it has no intention of invading, despite warnings from Western countries "
         "that an invasion is likely to be imminent.", False),
        ("It came after the BBC's report that the minister had resigned on Friday.", False),
        # a denial taken back, or aimed elsewhere (a review's probes)
        ("The government did not deny Reuters' report that the minister had resigned last week.", False),
        ("The company refused to deny the union's claims that workers were fired for striking.", False),
        ("He denied knowing about Reuters' report that the minister had resigned last week.", False),
        ("The president condemned Russia's threats that it would cut off the gas supply.", False),
        ("The president denounced Russia's threats that it would cut off the gas supply.", False),
        ("A court rejected an appeal against the ministry's statement that the land was the state's.", False),
    ],
)  # fmt: skip
def test_a_report_the_sentence_denies_or_disputes_is_answered(sentence: str, answered: bool) -> None:
    (report,) = owned_reports(sentence)
    assert report.answered is answered


@pytest.mark.parametrize(
    ("sentence", "answerer"),
    [
        (TRIBAL, "The U.S. Department of Defense"),
        ("Police denied using tear gas, while the mayor rejected the union's claims that officers beat the "
         "strikers.", "the mayor"),
        ("As senators questioned the minister for hours, the ministry rejected the auditor's finding that "
         "the funds were missing.", "the ministry"),
        ("Amnesty said police rejected the union's claims that officers beat the strikers with batons.",
         "police"),  # the one who said it is not the one who rejects
        ("Critics of the ministry rejected the army's claims that soldiers had fired first.", None),
    ],
)  # fmt: skip
def test_who_answers_is_the_clause_before_the_verb(sentence: str, answerer: str) -> None:
    (report,) = owned_reports(sentence)
    assert report.answerer == answerer


@pytest.mark.parametrize(
    ("actor", "owner", "same"),
    [
        ("Biden", "US President Joe Biden", True),
        ("US Department of Defense", "The U.S. Department of Defense", True),
        ("The United Nations", "the United Nations", True),
        ("the U.S. State Department", "U.S. President Joe Biden", False),
        ("officials", "US officials", False),
        ("the Ministry", "Critics of the Ministry", False),
        ("Pakistani army", "Pakistani tribal leaders", False),
    ],
)
def test_an_actor_is_a_reported_source_by_its_whole_name(actor: str, owner: str, same: bool) -> None:
    assert same_source(actor, owner) is same


ARTICLE = f"{TRIBAL} Pentagon spokesman Bryan Whitman said there was no such mission."
_NAMES = {
    "a1": ["The U.S. Department of Defense"],
    "a2": ["Pakistani tribal leaders"],
    "a3": ["Bryan Whitman"],
}


def _claims() -> list[Claim]:
    return [
        claim_citing(ARTICLE, "c1", "a1", "The Department of Defense is denying the leaders' allegations.",
                     TRIBAL, ClaimKind.DENIAL),
        claim_citing(ARTICLE, "c2", "a2", "Pakistani soldiers forced U.S. helicopters to turn back.",
                     TRIBAL, ClaimKind.ACCUSATION),
        claim_citing(ARTICLE, "c3", "a3", "There was no such mission.",
                     "Pentagon spokesman Bryan Whitman said there was no such mission."),
    ]  # fmt: skip


def test_a_source_and_the_claim_that_denies_it_in_their_sentence_are_paired_as_stated() -> None:
    pairing = propose_candidates(_claims(), limit=10, actor_names=_NAMES)
    stated = [c for c in pairing.chosen if c.stated]
    assert [(c.a.id, c.b.id) for c in stated] == [("c2", "c1")]  # the source first, its answer second
    assert stated[0].reason == "c1 answers, in the sentence both cite, c2's allegations"
    # the tribal leaders' own sentence is not answered by Whitman's, which cites another sentence
    assert all(not c.stated for c in pairing.chosen if "c3" in (c.a.id, c.b.id))


def test_the_pair_step_traces_a_conflict_its_sentence_states_under_its_own_rule() -> None:
    state = state_for(ARTICLE, max_candidates=10)
    state.claims = _claims()
    state.actors = [Actor(id=i, name=n[0], kind=ActorKind.ORGANISATION) for i, n in _NAMES.items()]
    run_step(state, pair.run, pair.NAME)
    (decision,) = [d for d in state.trace.decisions() if d.rule == pairing.ANSWERED_IN_ITS_SENTENCE.name]
    assert (decision.claims, decision.action) == (["c2", "c1"], DecisionAction.KEPT)


def test_a_conflict_its_sentence_states_is_reported_whatever_the_verifier_says() -> None:
    (stated,) = [c for c in propose_candidates(_claims(), limit=10, actor_names=_NAMES).chosen if c.stated]
    agreed = judge(verdict("agree", "factual", 1.0), stated)
    assert (agreed.reported, agreed.rule, agreed.action) == (
        True, acceptance.ANSWERED_IN_ITS_SENTENCE, DecisionAction.OVERRIDDEN,
    )  # fmt: skip
    sure = judge(verdict("contradict", "factual", 0.5), stated)
    assert (sure.reported, sure.action) == (True, DecisionAction.ACCEPTED)
    assert not acceptance.needs_other_order(sure)  # code established it: not asked again


EXERCISED = {REPORTED_CONTENT, pairing.ANSWERED_IN_ITS_SENTENCE, acceptance.ANSWERED_IN_ITS_SENTENCE}
"""The rules this module's cases check (`test_rules_registry`)."""


def test_a_stated_conflict_the_verifier_called_agree_is_reported_with_codes_explanation() -> None:
    said = {"comparison": "Both say the helicopters crossed.", "relation": "agree", "kind": "factual"}
    model = FakeModel({"VerdictDraft": [{**said, "confidence": 1.0}]})
    state = state_for(ARTICLE, model)
    state.claims = _claims()
    state.actors = [Actor(id=i, name=n[0], kind=ActorKind.ORGANISATION) for i, n in _NAMES.items()]
    (stated,) = [c for c in propose_candidates(state.claims, limit=10, actor_names=_NAMES).chosen if c.stated]
    state.candidates = [stated]
    run_step(state, verify.run, verify.NAME)
    assert model.schemas() == ["VerdictDraft"]  # not asked again in the other order
    (found,) = state.contradictions
    assert (found.claim_a, found.claim_b, found.explained_by) == ("c2", "c1", ExplanationSource.CODE)
    assert "Both say" not in found.explanation and "Pakistani tribal leaders" in found.explanation
    (decision,) = [d for d in state.trace.decisions() if d.rule == acceptance.ANSWERED_IN_ITS_SENTENCE.name]
    assert decision.action is DecisionAction.OVERRIDDEN


def test_every_report_of_a_sentence_is_read() -> None:
    sentence = (
        "The army dismissed the rebels' claims that they had shot down a jet, while the rebels denied "
        "the army's allegations that they had shelled the town."
    )
    assert [(r.owner, r.point, r.answerer) for r in owned_reports(sentence)] == [
        ("the rebels", "They had shot down a jet.", "The army"),
        ("the army", "They had shelled the town.", "the rebels"),
    ]


def test_a_source_opens_at_a_word_start_so_a_long_run_is_read_once() -> None:
    """A search started inside a word found the same owner again from each of its letters: 40,000
    letters without a space took 47 s. An owner now opens at a word's start."""
    point = "Russia's claims that troops were leaving were false, officials said."
    assert owned_reports(f"Officials rejected {point}")  # a real source is still read
    assert not owned_reports(f"Officials rejected x{point}")  # not from inside the word "xRussia"
    assert owned_reports(f"Officials rejected '{point}")  # after an opening quotation mark
