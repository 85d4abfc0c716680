"""Steps 1 and 2: claims window by window, then the actors who made them.

The model cites sentence numbers; code turns them into character spans of the user's text, so every
claim is grounded by construction. Sentence numbers outside the window are rejected by the schema (and
by validation, which instructor sends back to the model with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from counterclaim.llm.client import ModelClient
from counterclaim.models import Actor, Claim, ClaimKind
from counterclaim.pipeline.actors import ActorRegistry, name_key
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.attribution import AttributionCheck
from counterclaim.pipeline.drafts import (
    ProposedClaim,
    actor_details_model,
    claim_drafts_model,
    name_translations_model,
    translations_model,
)
from counterclaim.pipeline.messages import Progress, messages_for
from counterclaim.pipeline.missed_speakers import ask_missed_speakers, missed_speakers
from counterclaim.pipeline.quotations import PlacedClaim, quotation_groups
from counterclaim.pipeline.shared_sentences import claims_of_unnamed_actors
from counterclaim.pipeline.skipping import answer_or_skip
from counterclaim.text.chunking import Chunk
from counterclaim.text.keywords import keywords
from counterclaim.text.language import likely_language, looks_foreign
from counterclaim.text.sentences import numbered_article
from counterclaim.text.speakers import reported_speakers

ACTORS_TEMPLATE = "actors.j2"
CLAIMS_TEMPLATE = "claims.j2"
WINDOW_SENTENCES = 5
REMAP_MIN_SUPPORT = 0.6
MIN_EVIDENCE_WORDS = 4
ACTORS_PER_CALL = 12
ACTORS_MAX_TOKENS_EACH = 70
CLAIMS_MAX_TOKENS = 1600
TRANSLATE_TEMPLATE = "translate.j2"
TRANSLATIONS_PER_CALL = 12
TRANSLATION_MAX_TOKENS_EACH = 80


@dataclass(frozen=True)
class ClaimExtraction:
    """Actors and their claims, ids assigned, evidence located."""

    actors: list[Actor]
    claims: list[Claim]
    notices: list[str] = field(default_factory=list)
    """Parts of the work left undone (a window of sentences, a batch of actors...) and why, and
    claims code left out."""


def windows(chunk: Chunk, *, after: int, size: int = WINDOW_SENTENCES) -> list[tuple[int, int]]:
    """(first, last) sentence numbers of the chunk not yet covered (numbers > after), `size` at a time."""
    numbers = [s.number for s in chunk.sentences if s.number > after]
    return [(numbers[i], numbers[min(i + size, len(numbers)) - 1]) for i in range(0, len(numbers), size)]


@dataclass(frozen=True)
class _RawClaim:
    sentences: tuple[int, ...]
    actor: str
    statement: str
    kind: str
    hedged: bool


@dataclass
class _Proposals:
    """Claims proposed by the model so far, and how many code turned down for their attribution."""

    accepted: list[_RawClaim] = field(default_factory=list)
    unattributed: int = 0

    def consider(
        self, article: PreparedArticle, attribution: AttributionCheck, proposed: ProposedClaim, window: Window
    ) -> None:
        checked = checked_claim(article, attribution, proposed, window)
        if isinstance(checked, _RawClaim):
            self.accepted.append(checked)
        self.unattributed += checked is _UNATTRIBUTED

    def actors_by_sentence(self) -> dict[int, list[str]]:
        claimed: dict[int, list[str]] = {}
        for item in self.accepted:
            claimed.setdefault(item.sentences[0], []).append(item.actor)
        return claimed


async def extract_claims_async(
    article: PreparedArticle,
    client: ModelClient,
    *,
    progress: Progress | None = None,
) -> ClaimExtraction:
    """Claims window by window (actors named freely), a second look at speakers passed over, then the
    actors they name, described (and for an article not in English, translated)."""
    settings = client.settings
    chunks = article.chunks(max_chars=settings.chunk_chars, overlap=settings.chunk_overlap)
    registry = ActorRegistry(article.sanitized.clean)
    attribution = AttributionCheck.for_sentences([s.text for s in article.sentences])
    proposals = _Proposals()
    notices: list[str] = []
    await _claims_of_windows(article, chunks, attribution, proposals, client, progress, notices)
    if attribution.english:
        missed = missed_speakers(article, proposals.actors_by_sentence())
        for answer in await ask_missed_speakers(article, chunks, missed, client, progress, notices=notices):
            proposals.consider(article, attribution, answer, (answer.sentence, answer.sentence))
    for item in proposals.accepted:
        registry.add_name(item.actor)
    if proposals.unattributed:
        notices.append(
            f"{proposals.unattributed} proposed claim(s) left out: the actor is not named near the "
            "sentence, or the sentence reports nobody's words"
        )
    raw, untranslated = await _translate_statements(
        article, chunks, proposals.accepted, client, progress, notices
    )
    if untranslated:
        notices.append(f"{untranslated} statement(s) were left in the article's language, not translated")
    await _describe_actors(article, chunks, registry, client, progress, notices)
    if not attribution.english:
        await _translate_names(article, chunks, registry, client, progress, notices)
    return ClaimExtraction(
        actors=registry.actors(),
        claims=_build_claims(article, registry, raw, english=attribution.english),
        notices=notices,
    )


async def _claims_of_windows(
    article: PreparedArticle,
    chunks: list[Chunk],
    attribution: AttributionCheck,
    proposals: _Proposals,
    client: ModelClient,
    progress: Progress | None,
    notices: list[str],
) -> None:
    """One claims request per window of sentences; a window whose answer is unusable is noted and
    skipped."""
    covered = 0
    for chunk in chunks:
        prompt_article = article.prompt_text(chunk)
        for first, last in windows(chunk, after=covered):
            if progress:
                progress(f"claims: sentences {first}-{last} of {len(article.sentences)}")
            window_text = numbered_article([article.sentence(n) for n in range(first, last + 1)])
            context_text = numbered_article([article.sentence(first - 1)]) if first > 1 else ""
            answer: Any = await answer_or_skip(
                client.structured(
                    "claims",
                    messages_for(
                        prompt_article,
                        CLAIMS_TEMPLATE,
                        window_text=window_text,
                        context_text=context_text,
                        speakers=speaker_hints(article, first, last),
                    ),
                    claim_drafts_model(first, last),
                    max_tokens=CLAIMS_MAX_TOKENS,
                ),
                skipped=f"sentences {first}-{last} were not analysed",
                notices=notices,
                progress=progress,
            )
            covered = max(covered, last)
            if answer is None:
                continue
            for item in answer.claims:
                proposed = ProposedClaim(
                    sentence=item.sentence,
                    actor=item.actor,
                    statement=" ".join(item.statement_in_english.split()),
                    kind=item.kind,
                    hedged=item.hedged,
                )
                proposals.consider(article, attribution, proposed, (first, last))


_UNATTRIBUTED = "unattributed"
_NOT_HERE = "not here"
Window = tuple[int, int]
"""First and last sentence number a proposed claim may cite."""


def checked_claim(
    article: PreparedArticle, attribution: AttributionCheck, proposed: ProposedClaim, window: Window
) -> _RawClaim | str:
    """The proposed claim if code accepts it, else why not (`_NOT_HERE` or `_UNATTRIBUTED`)."""
    sentence = best_supported_sentence(article, proposed.statement, proposed.sentence, *window)
    if sentence is None:
        return _NOT_HERE  # the statement retells a sentence outside the window: a copy, not a claim
    if len(article.sentence(sentence).text.split()) < MIN_EVIDENCE_WORDS:
        return _NOT_HERE  # a caption or a split-off fragment ("White.") cannot carry a claim
    if attribution.rejects(proposed.actor, sentence, proposed.kind) is not None:
        return _UNATTRIBUTED  # narration given an invented speaker, or a far-off actor
    return _RawClaim(
        sentences=(sentence,),
        actor=proposed.actor,
        statement=proposed.statement,
        kind=proposed.kind,
        hedged=proposed.hedged,
    )


async def _describe_actors(
    article: PreparedArticle,
    chunks: list[Chunk],
    registry: ActorRegistry,
    client: ModelClient,
    progress: Progress | None,
    notices: list[str],
) -> None:
    """Kind, role and aliases of every actor, asked in batches next to the chunk that names them (a
    batch whose answer is unusable keeps a kind guessed from the name, no role and no aliases)."""
    names = registry.names()
    if not names:
        return
    view = chunks[0] if len(chunks) == 1 else None
    for start in range(0, len(names), ACTORS_PER_CALL):
        batch = names[start : start + ACTORS_PER_CALL]
        if progress:
            progress(f"actors: describing {len(batch)} actor(s)")
        chunk = view if view is not None else _chunk_naming(article, chunks, batch[0])
        answer: Any = await answer_or_skip(
            client.structured(
                "actors",
                messages_for(article.prompt_text(chunk), ACTORS_TEMPLATE, actor_names=batch),
                actor_details_model(batch),
                max_tokens=ACTORS_MAX_TOKENS_EACH * len(batch),
            ),
            skipped=f"{len(batch)} actor(s) were not described (kind, role, aliases)",
            notices=notices,
            progress=progress,
        )
        if answer is None:
            continue
        for index, name in enumerate(batch):
            registry.describe(name, getattr(answer, f"actor_{index}"))


async def _translate_statements(
    article: PreparedArticle,
    chunks: list[Chunk],
    raw: list[_RawClaim],
    client: ModelClient,
    progress: Progress | None,
    notices: list[str],
) -> tuple[list[_RawClaim], int]:
    """Statements the model left in the article's language, translated (small models often copy a
    foreign sentence while extracting, yet translate a list well).

    Returns the claims and how many statements still are not English.
    """
    foreign = [index for index, item in enumerate(raw) if looks_foreign(item.statement)]
    english = await _translate(
        article, chunks, [raw[i].statement for i in foreign], "statements", client, progress, notices
    )
    result = list(raw)
    for index, translation in zip(foreign, english, strict=True):
        if not looks_foreign(translation):
            result[index] = replace(raw[index], statement=translation)
    return result, sum(looks_foreign(item.statement) for item in result)


async def _translate_names(
    article: PreparedArticle,
    chunks: list[Chunk],
    registry: ActorRegistry,
    client: ModelClient,
    progress: Progress | None,
    notices: list[str],
) -> None:
    """Actor names of an article not in English, given in English (the original stays an alias)."""
    names = registry.names()
    english_names = await _translate(article, chunks, names, "names", client, progress, notices)
    for name, english in zip(names, english_names, strict=True):
        registry.set_english_name(name, english)


async def _translate(
    article: PreparedArticle,
    chunks: list[Chunk],
    items: list[str],
    what: Literal["statements", "names"],
    client: ModelClient,
    progress: Progress | None,
    notices: list[str],
) -> list[str]:
    """English for each item, one bounded request per batch (the article first, as in every step; its
    first chunk when it is long, so the request stays within the model's context). A batch whose
    answer is unusable stays as it was, with a notice."""
    view = chunks[0] if chunks else None
    language = likely_language(article.sanitized.clean)
    translations: list[str] = []
    for start in range(0, len(items), TRANSLATIONS_PER_CALL):
        batch = items[start : start + TRANSLATIONS_PER_CALL]
        if progress:
            progress(f"translating {len(batch)} {what} into English")
        answer: Any = await answer_or_skip(
            client.structured(
                "translate",
                messages_for(
                    article.prompt_text(view), TRANSLATE_TEMPLATE, items=batch, what=what, language=language
                ),
                name_translations_model(len(batch)) if what == "names" else translations_model(len(batch)),
                max_tokens=TRANSLATION_MAX_TOKENS_EACH * len(batch),
            ),
            skipped=f"{len(batch)} {what} were not translated",
            notices=notices,
            progress=progress,
        )
        if answer is None:
            translations.extend(batch)
            continue
        for index in range(len(batch)):
            item = getattr(answer, f"item_{index}")
            translations.append(" ".join((item.english if what == "names" else item).split()))
    return translations


def speaker_hints(article: PreparedArticle, first: int, last: int) -> list[tuple[int, list[str]]]:
    """(sentence number, speakers found by code) for the window's sentences that report speech."""
    hints = []
    for number in range(first, last + 1):
        speakers = reported_speakers(article.sentence(number).text)
        if speakers:
            hints.append((number, speakers))
    return hints


def best_supported_sentence(
    article: PreparedArticle, statement: str, cited: int, first: int, last: int
) -> int | None:
    """The sentence that supports a statement: the cited one unless another clearly fits better.

    Small models sometimes cite the right window but the wrong number, or retell a sentence from
    elsewhere in the article. When another sentence shares at least 60% of the statement's content
    words and the cited one fewer than half as many, code moves the evidence there, or drops the claim
    when that sentence lies outside the window (it belongs to, and is extracted with, another window).
    """
    wanted = keywords(statement)
    if not wanted:
        return cited

    def support(number: int) -> float:
        return len(wanted & keywords(article.sentence(number).text)) / len(wanted)

    cited_support = support(cited)
    best = max(range(1, len(article.sentences) + 1), key=support)
    best_support = support(best)
    if best == cited or best_support < REMAP_MIN_SUPPORT or cited_support >= best_support / 2:
        return cited
    return best if first <= best <= last else None


def _chunk_naming(article: PreparedArticle, chunks: list[Chunk], name: str) -> Chunk:
    """The first chunk whose text contains the name (else the first chunk)."""
    key = name_key(name)
    for chunk in chunks:
        if key and key in name_key(chunk.text(article.sanitized.clean)):
            return chunk
    return chunks[0]


def _build_claims(
    article: PreparedArticle, registry: ActorRegistry, raw: list[_RawClaim], *, english: bool
) -> list[Claim]:
    """Deduplicate (same actor, same sentences, same statement or kind), order by position, leave out
    the claims of actors a sentence claimed by several does not name (`claims_of_unnamed_actors`; in
    English only, where code can see the pronouns that may stand for them), join an actor's claims
    that are one quotation (`quotation_groups`), assign ids."""
    seen: set[tuple[str, tuple[int, ...], str]] = set()
    kept: list[tuple[str, _RawClaim]] = []
    for item in raw:
        actor_id = registry.id_of(item.actor)
        by_statement = (actor_id, item.sentences, "statement:" + item.statement.casefold())
        by_kind = (actor_id, item.sentences, "kind:" + item.kind)
        if by_statement in seen or by_kind in seen:
            continue
        seen.update((by_statement, by_kind))
        kept.append((actor_id, item))
    kept.sort(key=lambda pair: pair[1].sentences)
    names = {actor.id: [actor.name, *actor.aliases] for actor in registry.actors()}
    unnamed = (
        claims_of_unnamed_actors([s.text for s in article.sentences], _placed(kept), names)
        if english
        else set()
    )
    kept = [pair for index, pair in enumerate(kept) if index not in unnamed]
    groups = quotation_groups(article, _placed(kept))
    joined = [(kept[group[0]][0], _joined([kept[i][1] for i in group])) for group in groups]
    return [
        Claim(
            id=f"c{index}",
            actor_id=actor_id,
            statement=item.statement,
            kind=ClaimKind(item.kind),
            hedged=item.hedged,
            evidence=article.evidence_for(list(item.sentences)),
        )
        for index, (actor_id, item) in enumerate(joined, start=1)
    ]


def _placed(claims: list[tuple[str, _RawClaim]]) -> list[PlacedClaim]:
    """Where each (actor id, claim) sits: what the sentence and quotation rules look at."""
    return [PlacedClaim(actor_id, item.sentences, item.kind) for actor_id, item in claims]


def _joined(parts: list[_RawClaim]) -> _RawClaim:
    """One claim for the parts of one quotation: all their sentences, their statements in order."""
    if len(parts) == 1:
        return parts[0]
    return _RawClaim(
        sentences=tuple(n for part in parts for n in part.sentences),
        actor=parts[0].actor,
        statement=" ".join(_as_sentence(part.statement) for part in parts),
        kind=parts[0].kind,
        hedged=any(part.hedged for part in parts),
    )


def _as_sentence(statement: str) -> str:
    """The statement ending in a full stop (or the punctuation it has), to be followed by another."""
    return statement if statement.endswith((".", "!", "?", '"', "\u201d")) else statement + "."
