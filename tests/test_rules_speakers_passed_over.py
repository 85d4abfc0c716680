"""Speakers code finds but the claim step passed over (`rules.speakers_passed_over`): which are asked
about again. (The request is exercised by the recorded seed tests, with the real model's answers.)"""

from __future__ import annotations

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.speakers_passed_over import (
    MissedSpeaker,
    is_unnamed_source,
    missed_speakers,
    names_someone,
)

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
