"""Step 5, actors: code merges the name forms of one actor; the model describes each actor (kind, role,
aliases), in batches next to the chunk that names them; code keeps a role or alias only in the
article's own words (`rules.actor_names`). The actors of an article not in English get English names.
Then code gives the words a news outlet relays, a quotation, or a sentence whose closing frame names its
speaker, to that speaker when that is another actor (`rules.sentence_speakers`), before the statements
are made to stand alone for their actor.
"""

from __future__ import annotations

from dataclasses import replace

from counterclaim.models import DecisionAction
from counterclaim.pipeline.proposals import Proposal
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.actor_names import name_key
from counterclaim.pipeline.rules.sentence_speakers import (
    CITED_SOURCE,
    CLOSING_FRAME,
    QUOTATION_SPEAKER,
    RELAYED_WORDS,
    Speaker,
    cited_source,
    closing_speaker,
    quotation_speaker,
    relayed_speaker,
)
from counterclaim.pipeline.schemas import actor_details_model
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps.translate import english_for
from counterclaim.pipeline.trace import Rule
from counterclaim.text.chunking import Chunk

NAME = "actors"
TEMPLATE = "actors.j2"
ACTORS_PER_CALL = 12
MAX_TOKENS_EACH = 70


def _chunk_naming(state: AnalysisState, name: str) -> Chunk:
    """The first chunk whose text contains the name (else the first chunk)."""
    key = name_key(name)
    for chunk in state.chunks:
        if key and key in name_key(chunk.text(state.article.sanitized.clean)):
            return chunk
    return state.chunks[0]


async def run(state: AnalysisState) -> None:
    """Name forms merged, every actor described (a batch whose answer is unusable keeps a kind guessed
    from the name, no role and no aliases), names translated for an article not in English."""
    registry = state.registry
    for proposal in state.proposals.kept:
        registry.add_name(proposal.actor)
    registry.merge_bare_titles()
    names = registry.names()
    if names:
        single = state.chunks[0] if len(state.chunks) == 1 else None
        batches = [names[start : start + ACTORS_PER_CALL] for start in range(0, len(names), ACTORS_PER_CALL)]
        requests = [
            Request(
                step=NAME,
                messages=messages_for(
                    state.article.prompt_text(
                        single if single is not None else _chunk_naming(state, batch[0])
                    ),
                    TEMPLATE,
                    actor_names=batch,
                ),
                response_model=actor_details_model(batch),
                max_tokens=MAX_TOKENS_EACH * len(batch),
                skipped=f"{len(batch)} actor(s) were not described (kind, role, aliases)",
                progress=f"actors: describing {len(batch)} actor(s)",
            )
            for batch in batches
        ]
        for batch, answer in zip(batches, await ask_all(state.requests, requests), strict=True):
            if answer is None:
                continue
            for index, name in enumerate(batch):
                registry.describe(name, getattr(answer, f"actor_{index}"))
    if not state.attribution.english:
        names = registry.names()
        for name, english in zip(names, await english_for(state, names, "names"), strict=True):
            registry.set_english_name(name, english)
    registry.record_kinds_from_names()
    if state.attribution.english:
        _to_relayed_speakers(state)


def _to_relayed_speakers(state: AnalysisState) -> None:
    """Each claim of an outlet relaying another actor's words, or of another actor on a quotation
    whose speaker the article names (`rules.sentence_speakers`), given to that speaker; left out when
    that speaker has a claim on the sentence already (the same words twice)."""
    registry = state.registry
    kept = []
    for item in state.statements:
        found = _speaker_of(state, item) if len(item.sentences) == 1 else None
        if found is None:
            kept.append(item)
            continue
        rule, speaker = found
        if speaker.new:  # a cited source the article has no actor for yet
            registry.add_name(speaker.actor)
            registry.record_kinds_from_names(speaker.actor)
        owner = registry.id_of(speaker.actor)
        owns_sentence = any(
            other.sentences == item.sentences and registry.id_of(other.actor) == owner
            for other in state.statements
        )
        words = {
            CITED_SOURCE: f"sentence {item.sentences[0]} cites {speaker.phrase!r} for its words",
            RELAYED_WORDS: f"sentence {item.sentences[0]} relays the words of {speaker.phrase!r}",
            QUOTATION_SPEAKER: f"sentence {item.sentences[0]} is in a quotation of {speaker.phrase!r}",
            CLOSING_FRAME: f"sentence {item.sentences[0]} closes with {speaker.phrase!r} as its speaker",
        }[rule]
        if owns_sentence:
            state.trace.record_about(
                rule, DecisionAction.DROPPED, f"{words}, who has a claim on it already", item
            )
            continue
        state.trace.record_about(
            rule, DecisionAction.RELABELED, f"{words}: the claim is {speaker.actor!r}'s", item
        )
        kept.append(replace(item, actor=speaker.actor))
    state.statements = kept


def _speaker_of(state: AnalysisState, item: Proposal) -> tuple[Rule, Speaker] | None:
    """Whose words a claim of one sentence are when they are another actor's: the source its actor
    cites (`CITED_SOURCE`), else an outlet relaying them (`RELAYED_WORDS`), else a quotation's frame
    naming its speaker (`QUOTATION_SPEAKER`), else a frame closing the sentence (`CLOSING_FRAME`)."""
    article = state.article
    number = item.sentences[0]
    text, speakers = article.sentence_texts[number - 1], article.sentence_speakers[number - 1]
    cited = cited_source(text, item.actor, kind=item.kind, actors=state.registry)
    if cited is not None:
        return CITED_SOURCE, cited
    relayed = relayed_speaker(text, speakers, item.actor, kind=item.kind, actors=state.registry)
    if relayed is not None:
        return RELAYED_WORDS, relayed
    run = article.quotation_run(number)
    quoted = quotation_speaker(
        article.sentence_texts, speakers, run, item.actor, kind=item.kind, actors=state.registry
    )
    if quoted is not None:
        return QUOTATION_SPEAKER, quoted
    closing = closing_speaker(text, speakers, item.actor, kind=item.kind, actors=state.registry)
    return None if closing is None else (CLOSING_FRAME, closing)
