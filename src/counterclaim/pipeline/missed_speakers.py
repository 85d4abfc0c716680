"""A second look at speakers code found but the claim step passed over.

Small models often give a sentence with two speakers to one of them only ("Western leaders have warned
..., after a defence spokesman said ...": the spokesman's claim is lost). Code knows, from English
reporting patterns, who a sentence reports as speaking; for each such speaker that got no claim from
that sentence, one focused question is asked: what does this speaker claim in this sentence? The
answers go through the same checks as every other proposed claim.

Asked about: named speakers ("Whitman", "a Russian Defense Ministry spokesman") and unnamed sources
("the source", "officials"). Not asked about: a bare title ("the president", a person the article
names elsewhere, whose claim is usually given under the name), a wire service's "Reuters reported"
(the outlet's own reporting), and sentences written to steer a model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from counterclaim.llm.client import ModelClient
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.attribution import actor_named_in
from counterclaim.pipeline.drafts import ProposedClaim, speaker_claims_model
from counterclaim.pipeline.messages import Progress, messages_for
from counterclaim.pipeline.skipping import answer_or_skip
from counterclaim.text.chunking import Chunk
from counterclaim.text.credit_lines import is_credit_line
from counterclaim.text.function_words import STOPWORDS
from counterclaim.text.instructions import reads_as_instruction
from counterclaim.text.sentences import numbered_article
from counterclaim.text.speakers import reported_speakers

SPEAKERS_TEMPLATE = "speakers.j2"
SPEAKERS_PER_CALL = 6
SPEAKER_MAX_TOKENS_EACH = 110

# Wire services whose "X reported" is the news outlet's own reporting, not an actor's claim.
NEWS_AGENCIES = frozenset(
    """reuters ap afp upi dpa efe ansa associated press agence france-presse france presse""".split()
)
_TITLES = frozenset("mr mrs ms dr president minister general chief secretary".split())
# Nouns that make an unnamed source ("a source", "officials", "witnesses"): an actor in its own right,
# unlike a bare title ("the president"), which stands for a person the article names elsewhere.
SOURCE_NOUNS = frozenset(
    """source sources official officials aide aides adviser advisers advisor advisors witness witnesses
    resident residents analyst analysts expert experts observer observers diplomat diplomats insider
    insiders operative operatives investigator investigators critic critics supporter supporters
    activist activists protester protesters people""".split()
)


@dataclass(frozen=True)
class MissedSpeaker:
    """A speaker code found in a sentence that no proposed claim of that sentence names."""

    sentence: int
    speaker: str


def names_someone(speaker: str) -> bool:
    """Whether the speaker phrase has a proper name in it ("The president" and "officials" do not)."""
    words = speaker.replace(",", " ").split()
    return any(
        word[:1].isupper() and word.casefold() not in STOPWORDS and word.casefold() not in _TITLES
        for word in words
    )


def is_unnamed_source(speaker: str) -> bool:
    """Whether the phrase ends in a source noun ("a source", "another source", "Western diplomats")."""
    words = speaker.replace(",", " ").split()
    return bool(words) and words[-1].casefold() in SOURCE_NOUNS


def is_news_agency(speaker: str) -> bool:
    """Whether the phrase is only a wire service's name ("Reuters", "the Associated Press")."""
    words = [w.strip(".,").casefold() for w in speaker.split()]
    content = [w for w in words if w not in STOPWORDS]
    return bool(content) and all(w in NEWS_AGENCIES for w in content)


def missed_speakers(article: PreparedArticle, claimed: dict[int, list[str]]) -> list[MissedSpeaker]:
    """Speakers code finds in each sentence whose name shares no word with an actor claimed there.

    `claimed` maps a sentence number to the actor names of the claims already proposed for it.
    """
    missed = []
    for number, sentence in enumerate(article.sentences, start=1):
        names = claimed.get(number, [])
        if reads_as_instruction(sentence.text) or is_credit_line(sentence.text):
            continue  # planted text for the model, or a credit line: no one's claim
        for speaker in reported_speakers(sentence.text):
            if not (names_someone(speaker) or is_unnamed_source(speaker)) or is_news_agency(speaker):
                continue
            if any(actor_named_in(speaker, name) or actor_named_in(name, speaker) for name in names):
                continue
            missed.append(MissedSpeaker(sentence=number, speaker=speaker))
    return missed


def _first_chunk_with(chunks: list[Chunk], sentence: int) -> int:
    return next(
        (i for i, chunk in enumerate(chunks) if any(s.number == sentence for s in chunk.sentences)), 0
    )


def batches(chunks: list[Chunk], missed: Iterable[MissedSpeaker]) -> list[tuple[Chunk, list[MissedSpeaker]]]:
    """The missed speakers grouped by the first chunk holding their sentence, a few per request."""
    by_chunk: dict[int, list[MissedSpeaker]] = {}
    for item in missed:
        by_chunk.setdefault(_first_chunk_with(chunks, item.sentence), []).append(item)
    return [
        (chunks[index], items[start : start + SPEAKERS_PER_CALL])
        for index, items in sorted(by_chunk.items())
        for start in range(0, len(items), SPEAKERS_PER_CALL)
    ]


async def ask_missed_speakers(
    article: PreparedArticle,
    chunks: list[Chunk],
    missed: list[MissedSpeaker],
    client: ModelClient,
    progress: Progress | None = None,
    *,
    notices: list[str] | None = None,
) -> list[ProposedClaim]:
    """One bounded request per batch: for each missed speaker, what it claims in its sentence.

    With `notices`, a batch whose answer is unusable is skipped and noted there; without, its
    `ModelOutputError` propagates.
    """
    answers: list[ProposedClaim] = []
    for chunk, batch in batches(chunks, missed):
        if progress:
            progress(f"claims: asking about {len(batch)} speaker(s) passed over")
        items = [
            {"speaker": item.speaker, "sentence": numbered_article([article.sentence(item.sentence)])}
            for item in batch
        ]
        answer: Any = await answer_or_skip(
            client.structured(
                "speakers",
                messages_for(article.prompt_text(chunk), SPEAKERS_TEMPLATE, items=items),
                speaker_claims_model(len(batch)),
                max_tokens=SPEAKER_MAX_TOKENS_EACH * len(batch),
            ),
            skipped=f"{len(batch)} speaker(s) passed over were not asked about again",
            notices=notices,
            progress=progress,
        )
        if answer is None:
            continue
        for index, item in enumerate(batch):
            draft = getattr(answer, f"item_{index}")
            answers.append(
                ProposedClaim(
                    sentence=item.sentence,
                    actor=item.speaker,
                    statement=" ".join(draft.statement_in_english.split()),
                    kind=draft.kind,
                    hedged=draft.hedged,
                )
            )
    return answers
