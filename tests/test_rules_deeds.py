"""Deeds are listed only where they take part in a conflict (`rules.deeds`, step 12): a claim of kind
`action` in no reported contradiction is left out, unless its words report speech; an actor left with no
claim goes too, and the others keep their ids."""

from __future__ import annotations

import pytest

from builders import claim_citing
from counterclaim.models import Actor, ActorKind, ClaimKind, Contradiction, ContradictionKind, DecisionAction
from counterclaim.pipeline.analyze import steps_for
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules.deeds import DEED_OUTSIDE_CONFLICTS, deeds_outside_conflicts
from counterclaim.pipeline.steps import deeds
from fake_model import run_step, state_for

SENTENCES = (
    "The mayor said no bribes were ever paid.",  # 1: words
    "The mayor paid 200,000 dollars to three firms.",  # 2: a deed his words can be held against
    "Police raided the town hall on Monday.",  # 3: a deed nobody's words are held against
    "The firms have announced plans to sue the town.",  # 4: speech the model may label a deed
    'The council voted "No" to the budget.',  # 5: a deed with a quotation mark
    "The council met again on Tuesday.",  # 6: the council's other deed
)
ARTICLE = " ".join(SENTENCES)
WORDS = claim_citing(ARTICLE, "c1", "a1", SENTENCES[0])
BRIBES = claim_citing(ARTICLE, "c2", "a1", SENTENCES[1], kind=ClaimKind.ACTION)
RAID = claim_citing(ARTICLE, "c3", "a2", SENTENCES[2], kind=ClaimKind.ACTION)
PLANS = claim_citing(ARTICLE, "c4", "a3", SENTENCES[3], kind=ClaimKind.ACTION)
VOTE = claim_citing(ARTICLE, "c5", "a4", SENTENCES[4], kind=ClaimKind.ACTION)
MEETING = claim_citing(ARTICLE, "c6", "a4", SENTENCES[5], kind=ClaimKind.ACTION)
CLAIMS = [WORDS, BRIBES, RAID, PLANS, VOTE, MEETING]
WORDS_AGAINST_DEEDS = Contradiction(
    id="k1",
    claim_a="c1",
    claim_b="c2",
    kind=ContradictionKind.WORDS_VS_DEEDS,
    explanation="x",
    confidence=1.0,
)
EXERCISED = {DEED_OUTSIDE_CONFLICTS}


@pytest.mark.parametrize(
    ("contradictions", "left_out"),
    [
        ([WORDS_AGAINST_DEEDS], ["c3", "c6"]),
        ([], ["c2", "c3", "c6"]),  # no conflict: the bribes are a deed like any other
        (  # a deed in an `also` pair takes part too
            [WORDS_AGAINST_DEEDS.model_copy(update={"also": [("c1", "c3")]})],
            ["c6"],
        ),
    ],
    ids=["in-a-pair", "no-conflict", "in-an-also-pair"],
)
def test_a_deed_in_no_contradiction_is_left_out_unless_it_reports_speech(
    contradictions: list[Contradiction], left_out: list[str]
) -> None:
    # c1 is words, c4 "have announced plans" and c5 a quotation mark: speech, whatever its label.
    assert [c.id for c in deeds_outside_conflicts(CLAIMS, contradictions, english=True)] == left_out


def test_a_pair_whose_verification_was_skipped_keeps_its_deeds() -> None:
    found = deeds_outside_conflicts(CLAIMS, [WORDS_AGAINST_DEEDS], [("c6", "c1")], english=True)
    assert [c.id for c in found] == ["c3"]


@pytest.mark.parametrize(
    ("statement", "evidence", "english", "speech"),
    [
        ("The firms plan to sue the town.", SENTENCES[3], True, True),  # the sentence reports it
        ("The firms have announced plans to sue.", SENTENCES[2], True, True),  # the statement does
        ("The firms plan to sue the town.", SENTENCES[3], False, False),  # not read in another language
        ("The firms have announced plans to sue.", SENTENCES[2], False, True),
        ("The council voted against the budget.", SENTENCES[4], False, True),  # a quotation mark is read
    ],
    ids=["sentence", "statement", "sentence-other-language", "statement-other-language", "quotation-mark"],
)
def test_a_deed_reporting_speech_in_its_sentence_or_statement_stays(
    statement: str, evidence: str, english: bool, speech: bool
) -> None:
    deed = claim_citing(ARTICLE, "c9", "a3", statement, evidence, kind=ClaimKind.ACTION)
    assert deeds_outside_conflicts([deed], [], english=english) == ([] if speech else [deed])


def test_the_step_leaves_out_the_deeds_and_the_actors_left_with_none_and_says_so() -> None:
    state = state_for(ARTICLE)
    names = ["The mayor", "Police", "The firms", "The council"]
    kind = ActorKind.ORGANISATION
    state.actors = [Actor(id=f"a{n}", name=name, kind=kind) for n, name in enumerate(names, 1)]
    state.claims = list(CLAIMS)
    state.contradictions = [WORDS_AGAINST_DEEDS]
    state.statements = [
        Proposal(id="p3", sentences=(3,), actor="Police", statement=SENTENCES[2], kind="action", hedged=False)
    ]
    state.claim_of_proposal = {"p3": "c3"}
    run_step(state, deeds.run, deeds.NAME)

    assert [c.id for c in state.claims] == ["c1", "c2", "c4", "c5"]  # the others keep their ids
    assert [a.id for a in state.actors] == ["a1", "a3", "a4"]  # Police had only the raid
    decisions = [(d.rule, d.action, d.claims, d.proposal, d.actor) for d in state.trace.decisions()]
    assert decisions == [
        (DEED_OUTSIDE_CONFLICTS.name, DecisionAction.DROPPED, ["c3"], "p3", "Police"),
        (DEED_OUTSIDE_CONFLICTS.name, DecisionAction.DROPPED, ["c6"], None, "The council"),
        (DEED_OUTSIDE_CONFLICTS.name, DecisionAction.DROPPED, [], None, "Police"),
    ]
    raid = state.trace.decisions()[0]
    assert "c3 is a deed that takes part in no contradiction" in raid.reason
    assert raid.sentences == [3] and ARTICLE[raid.start : raid.end] == SENTENCES[2]


def test_only_a_whole_analysis_and_scope_claims_leave_deeds_out() -> None:
    """`extract_claims` runs the claim steps alone: its caller keeps the deeds for `find_contradictions`."""
    whole = [step.name for step in steps_for("staged", "full")]
    assert whole[-2:] == [deeds.NAME, "summary"] and whole.index("explain") < whole.index(deeds.NAME)
    assert [step.name for step in steps_for("staged", "claims")][-2:] == ["assemble", deeds.NAME]
    assert deeds.NAME not in [step.name for step in steps_for("naive", "full")]
