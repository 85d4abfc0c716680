"""One point per claim (`rules.points`, step 6, restate): a statement joining two clauses, each a point of
its own, becomes two claims of the same actor, kind and sentence; a series, a quotation, a clause of
another speaker's and a joint inside one clause stay as they are."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.rules.duplicates import DUPLICATE_CLAIM
from counterclaim.pipeline.rules.points import TWO_POINTS, Points, two_points
from counterclaim.pipeline.steps import assemble, restate
from fake_model import run_step, state_for

EXERCISED = {TWO_POINTS}

SPLIT_CASES = [
    pytest.param(
        "Six Mexican nationals were killed in the attack, and seven more were injured.",
        "Andrés Manuel López Obrador",
        Points("Six Mexican nationals were killed in the attack.", "Seven more were injured."),
        id="and-a-clause-of-its-own",
    ),
    pytest.param(
        "There should be no further posting of any information, and the department is not interested in "
        "any sort of minimization exercise.",
        "Bryan Whitman",
        Points(
            "There should be no further posting of any information.",
            "The department is not interested in any sort of minimization exercise.",
        ),
        id="and-a-negated-clause",
    ),
    pytest.param(
        "The government has accused opposition leader Morgan Tsvangirai of treason, saying he plotted with "
        "Britain.",
        "The government",
        Points(
            "The government has accused opposition leader Morgan Tsvangirai of treason.",
            "He plotted with Britain.",
        ),
        id="saying",
    ),
    pytest.param(
        "This would be the first case of its type in history, adding, 'For Mexico, this man is a terrorist.'",
        "Marcelo Ebrard",
        Points(
            "This would be the first case of its type in history.", "'For Mexico, this man is a terrorist.'"
        ),
        id="adding-a-quotation",
    ),
    pytest.param(
        "He denied that he lied to investigators and that he had hidden the documents.",
        "Ali Smith",
        None,  # the clause after "and that" belongs to the verb before it: here a denial
        id="and-that-is-no-joint",
    ),
    pytest.param(
        "Smith doubts that the economy is recovering, and that wages will rise this year.",
        "Ali Smith",
        None,
        id="comma-and-that-is-no-joint",
    ),
    pytest.param(
        "If the talks fail, the strike will continue, and schools will stay closed for weeks.",
        "the union",
        None,  # the condition governs both clauses
        id="after-a-condition",
    ),
    pytest.param(
        "Police fired tear gas at the crowd, saying protesters had thrown stones.",
        "Police",
        None,  # a deed the article tells, then the words
        id="a-deed-before-saying",
    ),
    pytest.param(
        "The data showed prices rising, adding to concerns that the economy has stalled.",
        "the central bank",
        None,
        id="adding-to-is-no-saying",
    ),
    pytest.param(
        "The man, arrested Tuesday, and his brother were charged with fraud.",
        "police",
        None,  # "arrested" opens an aside: a participle, not the clause's verb
        id="a-participle-is-no-verb",
    ),
    pytest.param(
        "John Hutchinson, a biologist, questioned the findings, saying the animal held its wings still.",
        "John Hutchinson",
        Points("John Hutchinson, a biologist, questioned the findings.", "The animal held its wings still."),
        id="the-verb-after-an-aside",
    ),
    pytest.param(
        "Tariffs have hurt farmers badly, and United States exports have fallen sharply.",
        "the minister",
        Points("Tariffs have hurt farmers badly.", "United States exports have fallen sharply."),
        id="a-name-in-ed-is-no-verb",
    ),
    pytest.param(
        "He said the deal was 'dead, and everybody knows it was dead' before the vote.",
        "the senator",
        None,
        id="inside-single-quotation-marks",
    ),
    pytest.param(
        "She called it \u2018a betrayal of the farmers\u2019 cause, and nobody will forgive it\u2019.",
        "the minister",
        None,  # the plural possessive is not the quotation's end
        id="inside-curly-single-quotation-marks",
    ),
    pytest.param("Six Mexican nationals were killed, and ...", "police", None, id="nothing-after-the-joint"),
    pytest.param(
        "There is no mission that matches the reports, and he said there are no reports of any fire.",
        "Bryan Whitman",
        Points("There is no mission that matches the reports.", "He said there are no reports of any fire."),
        id="the-speaker-goes-on-as-he",
    ),
    pytest.param(
        "They do it aggressively, they do it purposely, and they do it successfully.",
        "Donald Rumsfeld",
        None,
        id="a-series-of-clauses-opening-alike",
    ),
    pytest.param(
        "The act conflicts with the country's traditions, customs, and culture, and therefore is considered "
        "inappropriate.",
        "the king",
        None,
        id="a-series-of-nouns-and-an-adverb",
    ),
    pytest.param(
        "The partner asked for the price to be kept secret, and the commissioner stated the purchase was "
        "financed by a loan.",
        "Gáspár Maróth",
        None,
        id="the-second-clause-reports-another-speaker",
    ),
    pytest.param(
        "The United States has exacerbated the threat of war, and also added resistance to dialogue.",
        "Wang Wenbin",
        None,
        id="the-rest-of-one-clause",
    ),
    pytest.param(
        "Saha Airlines owned the plane, and claimed a reported sixteenth death.",
        "The Aviation Herald",
        None,
        id="a-verb-without-a-subject",
    ),
    pytest.param(
        "\u201cWe will win this vote, and they will lose it,\u201d the senator said.",
        "the senator",
        None,
        id="inside-a-quotation",
    ),
    pytest.param(
        "The president, the prime minister, and the foreign minister met in Paris on Friday.",
        "the president",
        None,
        id="a-series-of-names",
    ),
    pytest.param("Prices rose, and wages fell.", "the bank", None, id="too-short"),
]


@pytest.mark.parametrize(("statement", "actor", "expected"), SPLIT_CASES)
def test_a_statement_joining_two_points_is_split_at_the_joint(
    statement: str, actor: str, expected: Points | None
) -> None:
    assert two_points(statement, actor) == expected


TEXT = (
    "Mexican President Andr\u00e9s Manuel L\u00f3pez Obrador said six Mexican nationals were killed in "
    "the attack, and seven more were injured. The store reopened on Monday."
)


def _restated_and_assembled(statement: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    state = state_for(TEXT)  # a model that knows nothing: a request would fail the step's statement
    state.registry.add_name("L\u00f3pez Obrador")
    state.statements = [Proposal("p1", (1,), "L\u00f3pez Obrador", statement, "assertion", False)]
    run_step(state, restate.run, restate.NAME)
    run_step(state, assemble.run, assemble.NAME)
    claims = [(claim.id, claim.statement) for claim in state.claims]
    decisions = state.trace.decisions(state.claim_of_proposal)
    return claims, [(d.rule, d.action, ",".join(d.claims)) for d in decisions]


def test_the_two_points_are_two_claims_of_one_sentence_and_the_trace_says_so() -> None:
    claims, decisions = _restated_and_assembled(
        "Six Mexican nationals were killed in the attack, and seven more were injured."
    )
    assert claims == [
        ("c1", "Six Mexican nationals were killed in the attack."),
        ("c2", "Seven more were injured."),
    ]
    assert decisions == [
        (TWO_POINTS.name, DecisionAction.RELABELED, "c1"),
        (TWO_POINTS.name, DecisionAction.ADDED, "c2"),
    ]  # and no duplicate dropped: the second point is not a repeat of the first


def test_each_point_loses_the_frame_it_kept() -> None:
    claims, _ = _restated_and_assembled(
        "L\u00f3pez Obrador said six Mexican nationals were killed in the attack, and he said seven more "
        "were injured."
    )
    assert claims == [
        ("c1", "Six Mexican nationals were killed in the attack."),
        ("c2", "Seven more were injured."),
    ]


def test_a_second_look_repeating_one_of_the_points_is_still_a_duplicate() -> None:
    state = state_for(TEXT)
    state.registry.add_name("L\u00f3pez Obrador")
    state.statements = [
        Proposal(
            "p1",
            (1,),
            "L\u00f3pez Obrador",
            "Six Mexican nationals were killed in the attack, and seven more were injured.",
            "assertion",
            False,
        ),
        Proposal("p2", (1,), "L\u00f3pez Obrador", "Seven Mexicans were hurt.", "assertion", False),
    ]
    run_step(state, restate.run, restate.NAME)
    run_step(state, assemble.run, assemble.NAME)
    assert len(state.claims) == 2
    dropped = [d for d in state.trace.decisions() if d.rule == DUPLICATE_CLAIM.name]
    assert [(d.proposal, d.action) for d in dropped] == [("p2", DecisionAction.DROPPED)]
