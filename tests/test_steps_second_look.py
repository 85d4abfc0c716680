"""Step 3, second look (`pipeline.steps.second_look`): the speakers passed over asked about a few at a
time, next to their chunk, and the answers checked as every proposed claim is."""

from __future__ import annotations

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposals, ProposedClaim
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.speakers_passed_over import missed_speakers
from counterclaim.pipeline.steps.second_look import SPEAKERS_PER_CALL, batches
from counterclaim.pipeline.trace import TraceRecorder


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
