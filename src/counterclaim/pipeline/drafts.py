"""What the model is asked to return at each step (grammar-constrained JSON schemas).

These are drafts: code checks them and turns them into the public models. Ranges and enums are put in
the schema itself, so a grammar-constrained server cannot produce an unknown actor, claim id or
sentence number; pydantic validation catches any server that does not enforce the schema, and
instructor re-asks with the validation error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model, field_validator

ActorKindName = Literal["person", "organisation", "government", "media", "unnamed_source"]
ClaimKindName = Literal[
    "assertion", "denial", "accusation", "prediction", "demand", "threat", "promise", "assessment", "action"
]
ContradictionKindName = Literal["factual", "numeric", "intent", "assessment", "words_vs_deeds", "self"]


class ActorDraft(BaseModel):
    """One actor as the model names it (used by the naive baseline)."""

    name: str = Field(min_length=1, max_length=100)
    kind: ActorKindName
    role: str | None = Field(default=None, max_length=100)
    aliases: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list, max_length=6)

    @field_validator("name")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the actor's name is empty")
        return value.strip()


ROLE_MAX_CHARS = 80
ALIAS_MAX_CHARS = 50
MAX_ALIASES = 3


class ActorDetails(BaseModel):
    """What the model says about one actor code already found."""

    kind: ActorKindName
    role: str | None = Field(max_length=ROLE_MAX_CHARS)
    aliases: list[Annotated[str, Field(max_length=ALIAS_MAX_CHARS)]] = Field(max_length=MAX_ALIASES)


VerdictRelation = Literal["unrelated", "agree", "compatible", "contradict"]
"""The verifier's options, from the weakest relation to a conflict: listed (in the prompt and the schema)
with "contradict" last, since a small model leans to the first option it reads (with "contradict" first,
the 1.5B chose it for all 52 seed pairs; last, for 43, keeping 17 of the 19 that are gold contradictions)."""


class VerdictDraft(BaseModel):
    """The verifier's answer for one candidate pair: what each side says, then one relation to pick.

    A relation chosen from four named options suits small models better than a yes/no question with a
    negation in it ("can both be true?"), and "unrelated" gives "these are different things" a place
    of its own instead of passing for a conflict.
    """

    a_says: str = Field(max_length=200)
    b_says: str = Field(max_length=200)
    relation: VerdictRelation
    kind: ContradictionKindName
    confidence: float = Field(ge=0.0, le=1.0)


def _literal(values: list[str]) -> Any:
    return Literal[tuple(values)]


def actor_details_model(names: list[str]) -> type[BaseModel]:
    """One required entry per actor name, so the answer is exactly as long as the list."""
    fields: dict[str, Any] = {f"actor_{i}": (ActorDetails, Field(alias=name)) for i, name in enumerate(names)}
    return create_model("ActorDetailsByName", **fields)


def claim_drafts_model(first: int, last: int) -> type[BaseModel]:
    """Claims of sentences first..last; the actor is named freely, and checked by code."""
    claim = create_model(
        "ClaimDraft",
        sentence=(int, Field(ge=first, le=last)),
        actor=(str, Field(min_length=2, max_length=80)),
        # The key itself asks for English: a grammar-constrained model writes it just before the value.
        statement_in_english=(str, Field(min_length=3, max_length=300)),
        kind=(ClaimKindName, ...),
        hedged=(bool, ...),
        __validators__={"actor_is_a_name": field_validator("actor")(_actor_is_a_name)},
    )
    return create_model(
        "ClaimDrafts",
        claims=(list[claim], Field(max_length=max(6, 2 * (last - first + 1)))),
    )


PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers", "their", "theirs",
     "its", "our", "us", "me", "my", "who",
     # the same in the languages of translated news most often met: an actor named "Dia" or "Ele" is
     # the model copying a pronoun of the article (Indonesian, Spanish, Portuguese, French, German)
     "dia", "ia", "mereka", "él", "ella", "ellos", "ellas", "ele", "ela", "eles", "elas", "il", "elle",
     "ils", "elles", "er", "sie"]
)  # fmt: skip


def _actor_is_a_name(cls: type[BaseModel], value: str) -> str:
    # One actor: "The Kremlin; Reuters" (two names joined, as a list is written) keeps the first.
    cleaned = " ".join(value.split(";")[0].split())
    if not cleaned:
        raise ValueError("the actor's name is empty")
    acronym = cleaned.isupper() and len(cleaned) > 1  # "US" is a country, "us" a pronoun
    if cleaned.casefold() in PRONOUNS and not acronym:
        raise ValueError(f"actor must be a name, not the pronoun {cleaned!r}: give the name it refers to")
    return cleaned


def translations_model(count: int) -> type[BaseModel]:
    """One required English translation per item (keys item_0, item_1, ...)."""
    fields: dict[str, Any] = {f"item_{i}": (str, Field(min_length=2, max_length=300)) for i in range(count)}
    return create_model("Translations", **fields)


class NameTranslation(BaseModel):
    """A name as the article writes it, then in English.

    Asked for a bare translation of a short name, a small model tends to copy it unchanged; writing
    the original first leaves the English field for the translation.
    """

    original: str = Field(min_length=1, max_length=120)
    english: str = Field(min_length=1, max_length=120)


def name_translations_model(count: int) -> type[BaseModel]:
    """One required original/English pair per name (keys item_0, item_1, ...)."""
    fields: dict[str, Any] = {f"item_{i}": (NameTranslation, ...) for i in range(count)}
    return create_model("NameTranslations", **fields)


def summary_draft_model(claim_ids: list[str], max_sentences: int) -> type[BaseModel]:
    """Summary sentences citing existing claim ids only."""
    id_list: Any = list.__class_getitem__(_literal(claim_ids))
    sentence = create_model(
        "SummarySentenceDraft",
        text=(str, Field(min_length=3, max_length=400)),
        claim_ids=(id_list, Field(max_length=8)),
    )
    return create_model(
        "SummaryDraft",
        sentences=(list[sentence], Field(min_length=1, max_length=max_sentences)),
    )


@dataclass(frozen=True)
class ProposedClaim:
    """A claim the model proposes (from a claims window or a second look at a speaker), before code
    checks its sentence and attribution."""

    sentence: int
    actor: str
    statement: str
    kind: str
    hedged: bool


class SpeakerClaimDraft(BaseModel):
    """What one speaker code found claims in its sentence."""

    statement_in_english: str = Field(min_length=3, max_length=300)
    kind: ClaimKindName
    hedged: bool


def speaker_claims_model(count: int) -> type[BaseModel]:
    """One required answer per speaker asked about (keys item_0, item_1, ...)."""
    fields: dict[str, Any] = {f"item_{i}": (SpeakerClaimDraft, ...) for i in range(count)}
    return create_model("SpeakerClaims", **fields)
