"""Step 2, claims: one request per window of sentences; code checks every claim the model proposes.

The article comes first in every request (so prefix caches reuse it), then the task with the window's
sentences and the speakers code found in them. The model cites sentence numbers (constrained to the
window by the schema) and never gives offsets; code places each claim on the sentence that supports
it and checks that the article attributes it (`pipeline.proposals`).
"""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.models import DecisionAction
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import ProposedClaim, Window
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.answers import FIRST_OF_SEVERAL_NAMES
from counterclaim.pipeline.schemas import claim_drafts_model, first_actor_name
from counterclaim.pipeline.state import AnalysisState
from counterclaim.text.chunking import Chunk
from counterclaim.text.sentences import numbered_article

NAME = "claims"
TEMPLATE = "claims.j2"
WINDOW_SENTENCES = 5
MAX_TOKENS = 1600


@dataclass(frozen=True)
class _Window:
    chunk: Chunk
    first: int
    last: int


def windows(chunk: Chunk, *, after: int, size: int = WINDOW_SENTENCES) -> list[tuple[int, int]]:
    """(first, last) sentence numbers of the chunk not yet covered (numbers > after), `size` at a time."""
    numbers = [s.number for s in chunk.sentences if s.number > after]
    return [(numbers[i], numbers[min(i + size, len(numbers)) - 1]) for i in range(0, len(numbers), size)]


def _all_windows(chunks: list[Chunk]) -> list[_Window]:
    """Every sentence once, window by window, chunk by chunk (an overlap already covered is skipped)."""
    result: list[_Window] = []
    covered = 0
    for chunk in chunks:
        for first, last in windows(chunk, after=covered):
            result.append(_Window(chunk, first, last))
            covered = max(covered, last)
    return result


def speaker_hints(article: PreparedArticle, first: int, last: int) -> list[tuple[int, list[str]]]:
    """(sentence number, speakers found by code) for the window's sentences that report speech."""
    speakers = article.sentence_speakers
    return [(n, list(speakers[n - 1])) for n in range(first, last + 1) if speakers[n - 1]]


def _request(state: AnalysisState, window: _Window) -> Request:
    article = state.article
    first, last = window.first, window.last
    return Request(
        step=NAME,
        messages=messages_for(
            article.prompt_text(window.chunk),
            TEMPLATE,
            window_text=numbered_article([article.sentence(n) for n in range(first, last + 1)]),
            context_text=numbered_article([article.sentence(first - 1)]) if first > 1 else "",
            speakers=speaker_hints(article, first, last),
        ),
        response_model=claim_drafts_model(first, last),
        max_tokens=MAX_TOKENS,
        skipped=f"sentences {first}-{last} were not analysed",
        progress=f"claims: sentences {first}-{last} of {len(article.sentences)}",
    )


def actor_of(state: AnalysisState, given: str, sentence: int) -> str:
    """The actor a claim is given to: the first of several names written as a list (traced)."""
    actor = first_actor_name(given)
    if actor != " ".join(given.split()):
        state.trace.record(
            FIRST_OF_SEVERAL_NAMES,
            DecisionAction.CUT,
            f"the model named {given!r}: one claim, one actor",
            actor=actor,
            sentences=(sentence,),
        )
    return actor


async def run(state: AnalysisState) -> None:
    """Propose claims window by window; keep those code can place and attribute."""
    planned = _all_windows(state.chunks)
    answers = await ask_all(state.requests, [_request(state, w) for w in planned])
    if planned and all(answer is None for answer in answers):
        state.unread = state.notices[-1]  # the second look decides whether anything was read at all
    for window, answer in zip(planned, answers, strict=True):
        if answer is None:
            continue
        span: Window = (window.first, window.last)
        for item in answer.claims:
            proposed = ProposedClaim(
                sentence=item.sentence,
                actor=actor_of(state, item.actor, item.sentence),
                statement=" ".join(item.statement_in_english.split()),
                kind=item.kind,
                hedged=item.hedged,
            )
            state.proposals.consider(proposed, span)
