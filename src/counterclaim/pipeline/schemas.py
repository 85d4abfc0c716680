"""What the model is asked to return at each step (grammar-constrained JSON schemas).

These are drafts: code checks them and turns them into the public models (`models.py`). Ranges and
enums are put in the schema itself, so a grammar-constrained server cannot produce an unknown actor,
claim id or sentence number; pydantic validation catches any server that does not enforce the schema,
and instructor re-asks with the validation error. The vocabularies (claim kinds, contradiction kinds,
actor kinds) come from the enums of `models.py`, in their order.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model, field_validator

from counterclaim.language import english, other_languages
from counterclaim.models import VERIFIER_KINDS, ActorKind, ClaimKind


def _choice_of(enum: type[StrEnum]) -> Any:
    """The enum's values as an inline `Literal` (the schema lists them in place, in the enum's order)."""
    return Literal[tuple(member.value for member in enum)]


ActorKindName: Any = _choice_of(ActorKind)
ClaimKindName: Any = _choice_of(ClaimKind)
ContradictionKindName: Any = Literal[tuple(kind.value for kind in VERIFIER_KINDS)]
"""The kinds a model may name: `record` is code's own."""


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
    """The verifier's answer for one candidate pair: one sentence comparing the two claims, then one
    relation to pick.

    Writing the comparison first lets the model reason before it picks; it is also the explanation a
    reader sees for a reported contradiction (unless it copies the claims' words). A relation chosen
    from four named options suits small models better than a yes/no question with a negation in it
    ("can both be true?"), and "unrelated" gives "these are different things" a place of its own
    instead of passing for a conflict.
    """

    comparison: str = Field(max_length=360)
    relation: VerdictRelation
    kind: ContradictionKindName
    confidence: float = Field(ge=0.0, le=1.0)


SIDE_MAX_CHARS = 120


class SidesDraft(BaseModel):
    """The model's account of a reported contradiction's two sides: the words completing "<A> says ..."
    and "<B> says ..." (step 11). Short keys: every key is generated, token by token."""

    a: str = Field(max_length=SIDE_MAX_CHARS)
    b: str = Field(max_length=SIDE_MAX_CHARS)


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


PRONOUNS = english.PERSONAL_PRONOUNS | other_languages.PERSONAL_PRONOUNS
"""An actor named by one of these is the model copying a pronoun of the article: it is asked again."""


def first_actor_name(value: str) -> str:
    """The first of several names written as a list ("The Kremlin; Reuters"), spaces folded."""
    return " ".join(value.split(";")[0].split())


def _actor_is_a_name(cls: type[BaseModel], value: str) -> str:
    # The answer keeps its value: code cuts a list of names to its first (rule `claims.one_actor`).
    cleaned = first_actor_name(value)
    if not cleaned:
        raise ValueError("the actor's name is empty")
    acronym = cleaned.isupper() and len(cleaned) > 1  # "US" is a country, "us" a pronoun
    if cleaned.casefold() in PRONOUNS and not acronym:
        raise ValueError(f"actor must be a name, not the pronoun {cleaned!r}: give the name it refers to")
    return value


def translations_model(count: int) -> type[BaseModel]:
    """One required English translation per item (keys item_0, item_1, ...)."""
    fields: dict[str, Any] = {f"item_{i}": (str, Field(min_length=2, max_length=300)) for i in range(count)}
    return create_model("Translations", **fields)


MAX_RESTATEMENT_CHARS = 400
"""A restatement's longest length (step 6 asks about statements up to 300 characters)."""


_REST_OF_RESTATEMENT = ' [^"\\\\]+$'
"""After the opening: any characters but a quotation mark or a backslash. With " .+$" the embedded
server's grammar (llguidance) let the model write a bare quotation mark inside the string, which
ended the JSON early, and the server answered 500 ("output that does not match the expected
peg-native format"); a restatement has no quotation marks anyway."""


def restatements_model(count: int, openings: Sequence[str | None] = ()) -> type[BaseModel]:
    """One required standalone restatement per item (keys item_0, item_1, ...); item i must begin with
    `openings[i]` and a space when that is given (a grammar-constrained server cannot write anything
    else first)."""
    fields: dict[str, Any] = {}
    for i in range(count):
        opening = openings[i] if i < len(openings) else None
        pattern = None if opening is None else "^" + opening.replace(".", "\\.") + _REST_OF_RESTATEMENT
        fields[f"item_{i}"] = (str, Field(min_length=2, max_length=MAX_RESTATEMENT_CHARS, pattern=pattern))
    return create_model("Restatements", **fields)


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


class SpeakerClaimDraft(BaseModel):
    """What one speaker code found claims in its sentence."""

    statement_in_english: str = Field(min_length=3, max_length=300)
    kind: ClaimKindName
    hedged: bool


def speaker_claims_model(count: int) -> type[BaseModel]:
    """One required answer per speaker asked about (keys item_0, item_1, ...)."""
    fields: dict[str, Any] = {f"item_{i}": (SpeakerClaimDraft, ...) for i in range(count)}
    return create_model("SpeakerClaims", **fields)
