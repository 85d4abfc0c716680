"""Step 3, second look: claims the first pass left out of sentences that hold them.

First, code adds the claim of a named source whose allegation, claim or warning a sentence reports
with its point after "that" ("denying Pakistani tribal leaders' allegations that ..."), when no claim
of that sentence names the source (`rules.reported_content`): the point is the sentence's own words.
Then each speaker code found in a sentence that got no claim of theirs is asked about: one bounded
request per batch of speakers ("what does this speaker claim in this sentence?"). Both go through the
same checks as every other proposed claim. English articles only: the sources and speakers are found
from English reporting patterns (`rules.speakers_passed_over`).
"""

from __future__ import annotations

from collections.abc import Iterable

from counterclaim.errors import ModelOutputError
from counterclaim.models import DecisionAction
from counterclaim.pipeline.proposals import ProposedClaim
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.reported_content import REPORTED_CONTENT, source_claims
from counterclaim.pipeline.rules.speakers_passed_over import PRONOUN_GOES_ON, MissedSpeaker, missed_speakers
from counterclaim.pipeline.schemas import speaker_claims_model
from counterclaim.pipeline.state import AnalysisState
from counterclaim.text.chunking import Chunk, batches_by_chunk
from counterclaim.text.sentences import numbered_article

NAME = "second_look"
TEMPLATE = "speakers.j2"
SPEAKERS_PER_CALL = 6
MAX_TOKENS_EACH = 110


def batches(chunks: list[Chunk], missed: Iterable[MissedSpeaker]) -> list[tuple[Chunk, list[MissedSpeaker]]]:
    """The missed speakers grouped by the first chunk holding their sentence, a few per request."""
    grouped = batches_by_chunk(chunks, missed, lambda item: item.sentence, SPEAKERS_PER_CALL)
    return [(chunks[index], batch) for index, batch in grouped]


def _request(state: AnalysisState, chunk: Chunk, batch: list[MissedSpeaker]) -> Request:
    items = [
        {"speaker": item.speaker, "sentence": numbered_article([state.article.sentence(item.sentence)])}
        for item in batch
    ]
    return Request(
        step=NAME,
        messages=messages_for(state.article.prompt_text(chunk), TEMPLATE, items=items),
        response_model=speaker_claims_model(len(batch)),
        max_tokens=MAX_TOKENS_EACH * len(batch),
        skipped=f"{len(batch)} speaker(s) passed over were not asked about again",
        progress=f"claims: asking about {len(batch)} speaker(s) passed over",
    )


def _source_claims_added(state: AnalysisState) -> None:
    """The claims of sources a sentence reports with their point after "that", read by code
    (`rules.reported_content`), kept when they pass the checks every proposed claim passes."""
    claimed = state.proposals.actors_by_sentence()
    for found in source_claims(state.article.sentence_texts, claimed):
        report = found.report
        proposed = ProposedClaim(
            sentence=found.sentence,
            actor=report.owner,
            statement=report.point,
            kind=found.kind.value,
            hedged=found.hedged,
        )
        kept = state.proposals.consider(proposed, (found.sentence, found.sentence))
        if kept is not None:
            reason = (
                f"sentence {found.sentence} reports the {report.noun} of {report.owner!r} that "
                f"{report.point!r}: their claim, which no claim of the sentence gave"
            )
            state.trace.record_about(REPORTED_CONTENT, DecisionAction.ADDED, reason, kept)


async def run(state: AnalysisState) -> None:
    """Ask about the speakers passed over (English articles), then say how many proposals code left
    out for their attribution; fail when no claims window could be read and nothing was found here
    either (`AnalysisState.unread`)."""
    read_by_code = 0  # claims code reads from the text alone: no sign the model answered
    if state.attribution.english:
        _source_claims_added(state)
        read_by_code = len(state.proposals.kept)
        missed = missed_speakers(state.article, state.proposals.actors_by_sentence())
        planned = batches(state.chunks, missed)
        answers = await ask_all(state.requests, [_request(state, chunk, batch) for chunk, batch in planned])
        for (_, batch), answer in zip(planned, answers, strict=True):
            if answer is None:
                continue
            for index, item in enumerate(batch):
                draft = getattr(answer, f"item_{index}")
                proposed = ProposedClaim(
                    sentence=item.sentence,
                    actor=item.speaker,
                    statement=" ".join(draft.statement_in_english.split()),
                    kind=draft.kind,
                    hedged=draft.hedged,
                )
                kept = state.proposals.consider(proposed, (item.sentence, item.sentence))
                if item.goes_on_from is not None and kept is not None:
                    reason = (
                        f"sentence {item.sentence}'s speaking pronoun read as {item.speaker!r}, who speaks "
                        f"in sentence {item.goes_on_from}"
                    )
                    state.trace.record_about(PRONOUN_GOES_ON, DecisionAction.RELABELED, reason, kept)
    if state.unread is not None and len(state.proposals.kept) == read_by_code:
        # The model read nothing of the article (code's own claims aside): "No claims found." or a
        # claim code read alone would pass a failed analysis for a finished one.
        raise ModelOutputError(
            f"no sentence of the article was analysed: every claims answer was unusable ({state.unread})"
        )
    if state.proposals.unattributed:
        state.notices.append(
            f"{state.proposals.unattributed} proposed claim(s) left out: the actor is not named near the "
            "sentence, or the sentence reports nobody's words"
        )
