"""Claims of actors a sentence does not name, on a sentence claimed by several actors (code only)."""

from __future__ import annotations

from counterclaim.pipeline.rules.quotations import PlacedClaim
from counterclaim.pipeline.rules.shared_sentences import claims_of_unnamed_actors

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


def test_deeds_and_claims_of_every_named_actor_are_kept() -> None:
    claims = [
        PlacedClaim("minister", (4,), "action"),
        PlacedClaim("lawmakers", (4,), "action"),
        PlacedClaim("minister", (2,), "action"),  # a deed: its actor was checked when it was proposed
        PlacedClaim("lawmakers", (2,), "assertion"),
    ]
    assert claims_of_unnamed_actors(SENTENCES, claims, NAMES) == set()
