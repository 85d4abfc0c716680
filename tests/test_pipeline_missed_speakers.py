"""Speakers code finds but the claim step passed over: which are asked about, and how the answers are
checked. (The request itself is exercised by the recorded seed tests, with the real model's answers.)"""

from __future__ import annotations

import pytest

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposals, ProposedClaim
from counterclaim.pipeline.requests import messages_for
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.speakers_passed_over import (
    MissedSpeaker,
    is_news_agency,
    is_unnamed_source,
    missed_speakers,
    names_someone,
)
from counterclaim.pipeline.schemas import speaker_claims_model
from counterclaim.pipeline.steps.second_look import SPEAKERS_PER_CALL, batches
from counterclaim.pipeline.trace import TraceRecorder

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
    assert is_news_agency("Reuters") and is_news_agency("the Associated Press")
    assert not is_news_agency("Russian state media") and not is_news_agency("Reuters columnist Ann Lee")


def test_missed_speakers_are_asked_a_few_at_a_time_next_to_the_chunk_holding_their_sentence() -> None:
    article = PreparedArticle.from_text(
        " ".join(f"Minister Number{n} said the plan number {n} would work." for n in range(1, 16))
    )
    chunks = article.chunks(max_chars=400, overlap=1)
    assert len(chunks) > 2
    missed = missed_speakers(article, {})
    assert len(missed) == 15
    grouped = batches(chunks, missed)
    assert all(1 <= len(batch) <= SPEAKERS_PER_CALL for _, batch in grouped)
    assert [m for _, batch in grouped for m in batch] == missed  # each asked once, in order
    for chunk, batch in grouped:
        assert {m.sentence for m in batch} <= {s.number for s in chunk.sentences}


ONE_ANSWER = {"statement_in_english": "Fares will rise.", "kind": "prediction", "hedged": False}


def test_the_speakers_prompt_and_schema_ask_one_answer_per_speaker() -> None:
    model = speaker_claims_model(2)
    assert set(model.model_json_schema()["required"]) == {"item_0", "item_1"}
    model.model_validate({"item_0": ONE_ANSWER, "item_1": ONE_ANSWER})
    with pytest.raises(ValueError):
        model.model_validate({"item_0": ONE_ANSWER})
    items = [{"speaker": "a Transport Ministry spokeswoman", "sentence": "[1] ... fares would rise."}]
    content = messages_for("[1] x", "speakers.j2", items=items)[1]["content"]
    assert '- item_0: the speaker "a Transport Ministry spokeswoman" in the sentence [1] ... fares' in content
    assert content.index("ARTICLE") < content.index("TASK")


def test_an_answer_that_retells_another_sentence_is_not_taken_for_the_speakers_claim() -> None:
    article = PreparedArticle.from_text(
        "Moscow said the drills were over and troops were leaving. "
        "Kyiv said the troops massed at the border were still growing in number every day."
    )
    trace = TraceRecorder()
    proposals = Proposals(article, AttributionCheck.for_article(article), trace)
    copied = "Kyiv said the troops massed at the border were still growing in number every day."

    def moscow_says(statement: str) -> ProposedClaim:
        return ProposedClaim(sentence=1, actor="Moscow", statement=statement, kind="assertion", hedged=False)

    proposals.consider(moscow_says(copied), (1, 1))
    assert proposals.kept == []  # dropped, with the rule in the trace
    assert [d.rule for d in trace.decisions()] == ["placement.retold_from_elsewhere"]
    proposals.consider(moscow_says("Moscow says the drills are over."), (1, 1))
    (own,) = proposals.kept
    assert own.sentences == (1,) and own.actor == "Moscow"


def test_an_unnamed_source_is_asked_about_but_a_bare_title_is_not() -> None:
    article = PreparedArticle.from_text(
        "The mayor had refused the escort, but the police overruled her, the source said. "
        "The president said the budget was fair and would pass."
    )
    assert missed_speakers(article, {1: ["The mayor"]}) == [MissedSpeaker(sentence=1, speaker="the source")]
    assert is_unnamed_source("another source") and is_unnamed_source("Western diplomats")
    assert not is_unnamed_source("The president") and not is_unnamed_source("the military")
