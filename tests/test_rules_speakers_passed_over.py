"""Speakers code finds but the claim step passed over (`rules.speakers_passed_over`): which are asked
about again. (The request is exercised by the recorded seed tests, with the real model's answers.)"""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import ProposedClaim
from counterclaim.pipeline.rules.speakers_passed_over import (
    PRONOUN_GOES_ON,
    MissedSpeaker,
    is_unnamed_source,
    missed_speakers,
    names_someone,
)
from counterclaim.pipeline.steps import second_look
from fake_model import FakeModel, run_step, state_for

EXERCISED = {PRONOUN_GOES_ON}

TWO_SPEAKERS = PreparedArticle.from_text(
    "Union leaders have warned of strikes, after a Transport Ministry spokeswoman said fares would rise. "
    "The president said the budget was fair, Reuters reported. "
    "The bridge opened in 1990 and carries four lanes of traffic."
)


def test_a_speaker_whose_sentence_gave_its_claim_to_someone_else_is_missed() -> None:
    missed = missed_speakers(TWO_SPEAKERS, {1: ["Union leaders"]})
    assert missed == [MissedSpeaker(sentence=1, speaker="a Transport Ministry spokeswoman")]


def test_a_speaker_already_claimed_under_a_longer_or_shorter_name_is_not_missed() -> None:
    claimed = {1: ["Union leaders", "Transport Ministry"], 2: ["Robert Mugabe"]}
    assert missed_speakers(TWO_SPEAKERS, claimed) == []


def test_unnamed_titles_and_wire_services_are_never_asked_about() -> None:
    # "The president" would only repeat a claim given to the named person; "Reuters reported" is the
    # outlet's own reporting.
    assert [m.sentence for m in missed_speakers(TWO_SPEAKERS, {})] == [1, 1]
    assert not names_someone("The president") and not names_someone("officials")
    assert names_someone("other Oromia residents") and names_someone("Whitman")


def test_an_unnamed_source_is_asked_about_but_a_bare_title_is_not() -> None:
    article = PreparedArticle.from_text(
        "The mayor had refused the escort, but the police overruled her, the source said. "
        "The president said the budget was fair and would pass."
    )
    assert missed_speakers(article, {1: ["The mayor"]}) == [MissedSpeaker(sentence=1, speaker="the source")]
    assert is_unnamed_source("another source") and is_unnamed_source("Western diplomats")
    assert not is_unnamed_source("The president") and not is_unnamed_source("the military")


GOES_ON_TEXT = (
    "Boris Johnson told Sky News that the West has seen some positive signs. "
    "\u201cWe have field hospitals being built near the border,\u201d he said. "
    "The bridge opened in 1990 and carries four lanes of traffic. "
    "\u201cIt is a worrying sign,\u201d she said."
)
GOES_ON = PreparedArticle.from_text(GOES_ON_TEXT)


def test_a_speaking_pronoun_in_a_sentence_without_claims_goes_on_with_the_speaker_before() -> None:
    missed = missed_speakers(GOES_ON, {1: ["Boris Johnson"]})
    assert missed == [MissedSpeaker(sentence=2, speaker="Boris Johnson", goes_on_from=1)]
    # the same actor under one spelling twice is one actor, asked about in single spaces
    twice = missed_speakers(GOES_ON, {1: ["Boris  Johnson", "Boris Johnson"]})
    assert [m.speaker for m in twice] == ["Boris Johnson"]


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # another person comes between: the sentence just before has no claim
        (
            "Boris Johnson said the West has seen positive signs. Ursula von der Leyen arrived in Kyiv on "
            "Monday. \u201cWe stand with Ukraine,\u201d she said.",
            {1: ["Boris Johnson"]},
        ),
        # two actors claimed in the sentence before: "he" could be either
        (GOES_ON_TEXT, {1: ["Boris Johnson", "Sky News"]}),
        # the sentence before reports a deed, not words
        ("Police arrested the former mayor Tom Reed on Friday. \u201cI am innocent,\u201d he said.",
         {1: ["Police"]}),
        # the actor before is no person ("he" is someone the police speak of)
        (
            "Police said they had arrested the former mayor Tom Reed on Friday. "
            "\u201cI am innocent,\u201d he said.",
            {1: ["Police"]},
        ),
        # the sentence names another speaker besides "he"
        (
            "Boris Johnson said the West has seen positive signs. "
            "\u201cWe will act,\u201d he said, after the president warned of strikes.",
            {1: ["Boris Johnson"]},
        ),
        # "they" and "it" may be anyone
        ("Boris Johnson said the West has seen positive signs. \u201cWe found nothing,\u201d they said.",
         {1: ["Boris Johnson"]}),
        # the claimed actor is not named in the sentence before
        ("Boris Johnson said the West has seen positive signs. The minister said more was needed. "
         "\u201cWe will act,\u201d he said.", {1: ["Boris Johnson"], 2: ["Boris Johnson"]}),
    ],
)  # fmt: skip
def test_a_speaking_pronoun_is_not_resolved_when_code_cannot_tell_whom_it_means(
    text: str, claimed: dict[int, list[str]]
) -> None:
    assert [m for m in missed_speakers(PreparedArticle.from_text(text), claimed) if m.goes_on_from] == []


def _second_look_after_johnson(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Run the second look on `text` with Boris Johnson's claim on sentence 1 kept, the model answering
    a claim for whoever it is asked about: (the prompts sent, (rule, reason) of each relabeling)."""
    answer = {
        "statement_in_english": "Boris Johnson says field hospitals are being built.",
        "kind": "assertion",
    }
    model = FakeModel({"SpeakerClaims": [{"item_0": {**answer, "hedged": False}}]})
    state = state_for(text, model)
    johnson = ProposedClaim(
        sentence=1,
        actor="Boris Johnson",
        statement="The West has seen positive signs.",
        kind="assertion",
        hedged=False,
    )
    state.proposals.consider(johnson, (1, 1))
    run_step(state, second_look.run, second_look.NAME)
    prompts = [str(body["messages"][-1]["content"]) for _, body in model.asked]
    decisions = [(d.rule, d.reason) for d in state.trace.decisions() if d.action is DecisionAction.RELABELED]
    return prompts, decisions


@pytest.mark.parametrize(
    ("text", "relabeled"),
    [
        pytest.param(GOES_ON_TEXT, True, id="he-said-after-johnson"),
        pytest.param(
            "Boris Johnson told Sky News that the West has seen some positive signs. "
            "The bridge opened in 1990 and carries four lanes of traffic. "
            "\u201cWe have field hospitals being built near the border,\u201d he said.",
            False,
            id="two-sentences-back",
        ),
    ],
)
def test_a_pronoun_speaker_is_asked_about_as_the_actor_it_goes_on_with(text: str, relabeled: bool) -> None:
    prompts, decisions = _second_look_after_johnson(text)
    assert [rule for rule, _ in decisions] == ([PRONOUN_GOES_ON.name] if relabeled else [])
    assert len(prompts) == relabeled and all(
        'the speaker "Boris Johnson" in the sentence [2]' in p for p in prompts
    )
    if relabeled:
        assert (
            "sentence 2's speaking pronoun read as 'Boris Johnson', who speaks in sentence 1"
            in decisions[0][1]
        )
