"""Which sentences of the article's own voice code holds actors to (`rules.narration`), and how the
narrator's claims are paired (against actors' claims only, apart from the pairs between actors)."""

from __future__ import annotations

import asyncio

import pytest

from builders import claim_citing
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, ContradictionKind, DecisionAction
from counterclaim.pipeline.rules import narration
from counterclaim.pipeline.rules.narration import KIND_FROM_NARRATOR, NARRATOR_PAIRS, OWN_ACCOUNT, own_account
from counterclaim.pipeline.rules.pairing import propose_candidates
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps import narrate, pair, verify
from fake_model import FakeModel, run_step, state_for

SENTENCES = (
    "The mayor denied taking bribes from building firms.",  # 1: cited by the mayor's claim
    "He took bribes worth 200,000 dollars from three building firms.",  # 2: a figure
    "The firms paid bribes for building permits, prosecutors said.",  # 3: a reporting word
    "We took nothing, I promise you.",  # 4: first person
    "Building firms paid bribes into a hidden account.",  # 5: shares words with the denial
    "The weather was mild.",  # 6: nothing to hold anyone to
    "Sixty people attended the hearing on Friday.",  # 7: a figure with a unit
)
ARTICLE = " ".join(SENTENCES)
DENIAL = claim_citing(ARTICLE, "c1", "a1", "The mayor denied taking bribes from building firms.",
                      kind=ClaimKind.DENIAL)  # fmt: skip


def test_sentences_of_the_articles_own_voice_that_can_contradict_an_actor() -> None:
    found = own_account(SENTENCES, cited={1}, claims=[DENIAL], actor_names=["The mayor"])
    assert [s.number for s in found] == [2, 5, 7]
    assert "figure" in found[0].reason and "denial" in found[1].reason


def test_without_a_denial_only_figures_count() -> None:
    assertion = DENIAL.model_copy(update={"kind": ClaimKind.ASSERTION})
    found = own_account(SENTENCES, cited={1}, claims=[assertion], actor_names=["The mayor"])
    assert [s.number for s in found] == [2, 7]


@pytest.mark.parametrize("names", [["The mayor"], ["The mayor", "building firms"]])
def test_words_of_actors_names_do_not_count_as_shared(names: list[str]) -> None:
    found = own_account(SENTENCES, cited={1}, claims=[DENIAL], actor_names=names)
    # "building firms" as an actor's name leaves "bribes" alone in common with sentence 5: not enough
    assert (5 in [s.number for s in found]) is (names == ["The mayor"])


TOLLS = (
    "The fire killed 11 workers on Monday. The owner said four workers died. "
    "The union said four workers died. The owner said the exits were open."
)


def test_narrator_pairs_are_only_between_the_article_and_an_actor() -> None:
    article = claim_citing(TOLLS, "c1", "narrator", "The fire killed 11 workers on Monday.")
    owner = claim_citing(TOLLS, "c2", "owner", "The owner said four workers died.")
    union = claim_citing(TOLLS, "c3", "union", "The union said four workers died.")
    claims = [article, owner, union]
    pairs = propose_candidates(claims, limit=10, involving=frozenset({"c1"})).chosen
    assert {frozenset((p.a.id, p.b.id)) for p in pairs} == {frozenset(("c1", "c2")), frozenset(("c1", "c3"))}
    between_actors = propose_candidates([owner, union], limit=10).chosen
    assert all("c1" not in (p.a.id, p.b.id) for p in between_actors)


def test_against_the_record_figures_still_pair() -> None:
    article = claim_citing(TOLLS, "c1", "narrator", "The fire killed 11 workers on Monday.")
    owner = claim_citing(TOLLS, "c2", "owner", "The owner said four workers died.")
    pairs = propose_candidates([article, owner], limit=10, involving=frozenset({"c1"}), against_record=True)
    assert [(p.a.id, p.b.id) for p in pairs.chosen] == [("c1", "c2")]


BUILDUP = (
    "NATO chief Jens Stoltenberg said: \u201cSo far, we haven\u2019t seen any de-escalation on the "
    "ground.\u201d "
    "Thousands of Russian soldiers began exercises last week in a move widely seen as a show of force. "
    "The mayor denied taking bribes from building firms. Building firms paid bribes into a hidden account."
)


def _record_pairs(claims: list[Claim], narrator_claim: str, *, against_record: bool) -> set[frozenset[str]]:
    pairing = propose_candidates(
        claims,
        limit=10,
        actor_names={"a1": ["The mayor"]},
        involving=frozenset({narrator_claim}),
        subject_words=1,
        against_record=against_record,
    )
    return {frozenset((p.a.id, p.b.id)) for p in pairing.chosen}


def test_a_negation_sharing_a_word_with_the_record_is_no_reason_against_it() -> None:
    # The founding article: "haven't seen" and "widely seen" share one word; the two agree.
    chief = claim_citing(BUILDUP, "c1", "a1", "So far, we haven't seen any de-escalation on the ground.",
                         "So far, we haven\u2019t seen any de-escalation on the ground.")  # fmt: skip
    record = claim_citing(BUILDUP, "c2", "narrator", "Thousands of Russian soldiers began exercises last "
                          "week in a move widely seen as a show of force.")  # fmt: skip
    assert _record_pairs([chief, record], "c2", against_record=False) == {frozenset(("c1", "c2"))}
    assert _record_pairs([chief, record], "c2", against_record=True) == set()


def test_a_denial_sharing_a_word_with_the_record_is_a_reason_against_it() -> None:
    mayor = claim_citing(BUILDUP, "c1", "a1", "The mayor denied taking bribes from building firms.",
                         kind=ClaimKind.DENIAL)  # fmt: skip
    record = claim_citing(BUILDUP, "c2", "narrator", "Building firms paid bribes into a hidden account.")
    assert _record_pairs([mayor, record], "c2", against_record=True) == {frozenset(("c1", "c2"))}


@pytest.mark.parametrize(
    ("statement", "denies"),
    [
        ("The mayor denied that he had taken bribes from building firms.", True),  # kind "assertion"
        ("The mayor rejects reports that building firms paid bribes.", True),
        ("Denying building firms their bribes violated the law, the mayor wrote.", False),  # a gerund
        ("The mayor urged building firms to settle other disputes over bribes.", False),  # a noun
        ("At his trial in March, the mayor flatly denied that building firms paid him bribes.", True),
        ("We categorically deny that building firms paid us bribes, the mayor said.", True),
        ("At his trial, he denied that building firms paid him bribes.", False),  # "he" may be anyone
        ("Building firms paid bribes, the mayor said, a charge the firms rejected.", False),  # others'
        ("Police accused the mayor of taking bribes from building firms, which he denied.", False),
        ("The mayor dismissed his aide over bribes from building firms.", False),  # a sacking
    ],
)
def test_words_of_denial_count_only_as_a_verb_with_its_subject(statement: str, denies: bool) -> None:
    article = f"{statement} Building firms paid bribes into a hidden account."
    mayor = claim_citing(article, "c1", "a1", statement)
    record = claim_citing(article, "c2", "narrator", "Building firms paid bribes into a hidden account.")
    assert bool(_record_pairs([mayor, record], "c2", against_record=True)) is denies


# --- the steps with the narrator setting on: narrate, pair, verify (the verifier is a HAND-MADE stand-in) ---

FIRE = (
    "The fire killed 11 workers on Monday. The owner said four workers died. "
    "Inspectors said the exits were locked."
)


def _fire_state(verdict_kind: str) -> AnalysisState:
    answer = {"comparison": "The owner gives fewer deaths.", "relation": "contradict", "kind": verdict_kind,
              "confidence": 0.9}  # fmt: skip
    state = state_for(FIRE, FakeModel({"VerdictDraft": [answer]}), narrator=True)
    state.actors = [Actor(id="a1", name="The owner", kind=ActorKind.PERSON)]
    state.claims = [claim_citing(FIRE, "c1", "a1", "Four workers died.", "The owner said four workers died.")]
    return state


def test_the_article_is_held_against_an_actor_and_the_conflict_is_of_kind_record() -> None:
    state = _fire_state("numeric")

    async def steps() -> None:
        for step in (narrate, pair, verify):
            state.trace.step = step.NAME
            await step.run(state)
        await state.client.aclose()

    asyncio.run(steps())
    (narrator,) = [a for a in state.actors if a.narrator]
    assert [(c.id, c.actor_id) for c in state.claims] == [("c1", "a1"), ("c2", narrator.id)]
    assert state.claims[1].evidence[0].text == "The fire killed 11 workers on Monday."
    (contradiction,) = state.contradictions
    assert contradiction.kind is ContradictionKind.RECORD
    rules = {(d.rule, d.action) for d in state.trace.decisions()}
    assert (OWN_ACCOUNT.name, DecisionAction.ADDED) in rules
    assert (NARRATOR_PAIRS.name, DecisionAction.KEPT) in rules
    assert (KIND_FROM_NARRATOR.name, DecisionAction.RELABELED) in rules


def test_without_the_setting_the_step_adds_nothing() -> None:
    state = _fire_state("numeric")
    state.client.settings = state.settings.model_copy(update={"narrator": False})
    run_step(state, narrate.run, narrate.NAME)
    assert [a.narrator for a in state.actors] == [False] and len(state.claims) == 1


EXERCISED = {OWN_ACCOUNT, NARRATOR_PAIRS, KIND_FROM_NARRATOR}


DEED = (
    "Between 2015 and 2018, Reyes took bribes worth 200,000 dollars. "
    "At his trial, Reyes denied that he had taken any bribes."
)


def test_against_the_articles_account_one_shared_word_with_a_denial_is_a_reason() -> None:
    deed = claim_citing(
        DEED, "c1", "narrator", "Between 2015 and 2018, Reyes took bribes worth 200,000 dollars."
    )
    denial = claim_citing(DEED, "c2", "reyes", "At his trial, Reyes denied that he had taken any bribes.")
    names = {"reyes": ["Reyes"]}
    # between two actors, "bribes" alone (beyond the name) is too little for a negation to conflict
    assert propose_candidates([deed, denial], limit=3, actor_names=names).chosen == []
    against_record = propose_candidates(
        [deed, denial], limit=3, actor_names=names, involving=frozenset({"c1"}),
        subject_words=narration.SHARED_SUBJECT_WORDS_FOR_PAIRS,
    )  # fmt: skip
    assert [(p.a.id, p.b.id) for p in against_record.chosen] == [("c1", "c2")]


def test_negated_speech_is_no_figure_of_the_articles_own() -> None:
    sentences = ["Officials did not confirm that 300 soldiers had died.", "The army lost 300 soldiers."]
    assert [own.number for own in own_account(sentences, set(), [], [])] == [2]
