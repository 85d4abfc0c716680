"""Claims of actors a sentence does not name, on a sentence claimed by several actors
(`rules.shared_sentences`, step 7, English articles only)."""

from __future__ import annotations

import pytest

from builders import assembled
from counterclaim.models import DecisionAction
from counterclaim.pipeline.rules.quotations import PlacedClaim
from counterclaim.pipeline.rules.shared_sentences import UNNAMED_ON_SHARED_SENTENCE, claims_of_unnamed_actors

SENTENCES = [
    "The finance minister said the budget balances.",
    "Opposition lawmakers called the budget a fraud.",
    "He said the critics had not read it.",
    "Lawmakers and the minister met on Monday.",
]
NAMES = {"minister": ["Finance Minister", "the minister"], "lawmakers": ["Opposition lawmakers"]}


def test_the_claim_of_an_actor_the_sentence_does_not_name_is_left_out_when_another_is_named() -> None:
    claims = [
        PlacedClaim("minister", (1,), "assertion"),
        PlacedClaim("lawmakers", (2,), "assessment"),
        PlacedClaim("minister", (2,), "assertion"),  # the minister is not named in sentence 2
    ]
    assert claims_of_unnamed_actors(SENTENCES, claims, NAMES) == {2}


def test_a_sentence_claimed_by_one_actor_or_naming_no_claimant_keeps_its_claims() -> None:
    alone = [PlacedClaim("minister", (2,), "assertion")]  # the model's only reading: kept
    assert claims_of_unnamed_actors(SENTENCES, alone, NAMES) == set()
    nobody = {"minister": ["Treasury"], "lawmakers": ["Senate"]}
    both = [PlacedClaim("minister", (2,), "assertion"), PlacedClaim("lawmakers", (2,), "assertion")]
    assert claims_of_unnamed_actors(SENTENCES, both, nobody) == set()


def test_a_pronoun_may_stand_for_the_unnamed_actor_so_its_sentence_keeps_every_claim() -> None:
    claims = [PlacedClaim("minister", (3,), "assertion"), PlacedClaim("lawmakers", (3,), "assertion")]
    names = {"minister": ["Finance Minister"], "lawmakers": ["critics"]}
    assert claims_of_unnamed_actors(SENTENCES, claims, names) == set()  # "He said the critics ..."
    sentences = ["It accused Kyiv of shelling the town.", "Its spokesman blamed Kyiv."]
    ministry = {"ministry": ["Defence Ministry"], "kyiv": ["Kyiv"]}
    for number in (1, 2):  # the ministry is "it" or "its"; the sentence names only Kyiv
        both = [PlacedClaim("ministry", (number,), "accusation"), PlacedClaim("kyiv", (number,), "assertion")]
        assert claims_of_unnamed_actors(sentences, both, ministry) == set()


def test_it_and_its_never_stand_for_a_person() -> None:
    sentences = ['Schiff called it "a non-starter".']
    names = {"schiff": ["Schiff"], "durbin": ["Dick Durbin", "Durbin"]}
    both = [PlacedClaim("schiff", (1,), "assessment"), PlacedClaim("durbin", (1,), "assessment")]
    assert claims_of_unnamed_actors(sentences, both, names, persons={"schiff", "durbin"}) == {1}
    # an organisation may be "it"; a person may be "he"
    assert claims_of_unnamed_actors(sentences, both, names, persons={"schiff"}) == set()
    he = ["As Schiff left, he called it a non-starter."]
    assert claims_of_unnamed_actors(he, both, names, persons={"schiff", "durbin"}) == set()


def test_a_pronoun_right_after_a_reporting_verb_is_inside_the_named_speakers_words() -> None:
    # "they" is the authorities, "he" is Schiff: neither stands for the actor the sentence does not name
    sentences = [
        "Authorities said they found remains near the recorder.",
        "Schiff said he called it a non-starter.",
    ]
    names = {"police": ["Authorities"], "airline": ["Lion Air"], "schiff": ["Schiff"], "durbin": ["Durbin"]}
    claims = [
        PlacedClaim("police", (1,), "assertion"),
        PlacedClaim("airline", (1,), "assertion"),
        PlacedClaim("schiff", (2,), "assessment"),
        PlacedClaim("durbin", (2,), "assessment"),
    ]
    assert claims_of_unnamed_actors(sentences, claims, names, persons={"schiff", "durbin"}) == {1, 3}


def test_deeds_and_claims_of_every_named_actor_are_kept() -> None:
    claims = [
        PlacedClaim("minister", (4,), "action"),
        PlacedClaim("lawmakers", (4,), "action"),
        PlacedClaim("minister", (2,), "action"),  # a deed: its actor was checked when it was proposed
        PlacedClaim("lawmakers", (2,), "assertion"),
    ]
    assert claims_of_unnamed_actors(SENTENCES, claims, NAMES) == set()


EXERCISED = {UNNAMED_ON_SHARED_SENTENCE}
MINISTER = "The finance minister said the budget balances."
LAWMAKERS = "Opposition lawmakers called the budget a fraud."


@pytest.mark.parametrize(
    ("text", "kind", "dropped"),
    [
        (f"The finance minister said the budget balances. {LAWMAKERS}", "assertion", True),
        (f"The finance minister said the budget balances. {LAWMAKERS} He said they lied.", "assertion", True),
        (
            "The finance minister said the budget balances. He said opposition lawmakers lied.",
            "assertion",
            False,
        ),
        (f"The finance minister said the budget balances. {LAWMAKERS}", "action", False),  # a deed stays
        (
            "El ministro de finanzas dijo que el presupuesto cuadra. "
            "Los legisladores de la oposición llamaron al presupuesto un fraude.",
            "assertion",
            False,  # not English: the pronoun guard knows English pronouns only
        ),
    ],
    ids=["unnamed", "pronoun-elsewhere", "pronoun-in-sentence", "deed", "not-english"],
)
def test_the_assemble_step_drops_the_claim_of_the_actor_a_shared_sentence_does_not_name(
    text: str, kind: str, dropped: bool
) -> None:
    lawmakers = "Opposition lawmakers" if "lawmakers" in text else "Los legisladores de la oposición"
    minister = "The finance minister" if "minister" in text else "El ministro de finanzas"
    state = assembled(
        text,
        [
            (lawmakers, 2, "The budget is a fraud.", "assessment"),
            (minister, 2, "The budget is a fraud.", kind),
        ],
    )
    decisions = [(d.rule, d.action, d.proposal, d.actor) for d in state.trace.decisions()]
    if dropped:
        assert [c.actor_id for c in state.claims] == ["a1"]
        assert decisions == [(UNNAMED_ON_SHARED_SENTENCE.name, DecisionAction.DROPPED, "p2", minister)]
    else:
        assert len(state.claims) == 2 and decisions == []


@pytest.mark.parametrize(
    ("sentence", "claimants", "dropped"),
    [
        ("Authorities said on Tuesday they found remains.", (["Authorities"], ["Lion Air"]), {1}),
        ("Authorities told reporters they found remains.", (["Authorities"], ["Lion Air"]), {1}),
        # found by a review: a frame whose subject names no claimant keeps its pronoun
        (
            "Soto accused the minister of lying; the minister insisted she had done nothing wrong.",
            (["Soto"], ["Ann Lee"]),
            set(),
        ),
        (
            "Regulators fined the carmaker, which said it would appeal.",
            (["Regulators"], ["Volkswagen"]),
            set(),
        ),
        (
            "Lion Air said it had grounded the jet, while investigators said they were still searching.",
            (["Lion Air"], ["NTSC"]),
            set(),
        ),
    ],
)
def test_only_a_named_speakers_own_pronoun_is_set_aside(
    sentence: str, claimants: tuple[list[str], list[str]], dropped: set[int]
) -> None:
    claims = [PlacedClaim("a", (1,), "assertion"), PlacedClaim("b", (1,), "assertion")]
    names = {"a": claimants[0], "b": claimants[1]}
    assert claims_of_unnamed_actors([sentence], claims, names) == dropped
