"""What the model is asked to return at each step (grammar-constrained JSON schemas).

These are drafts: code checks them and turns them into the public models. Ranges and enums are put in
the schema itself, so a grammar-constrained server cannot produce an unknown actor, claim id or
sentence number; pydantic validation catches any server that does not enforce the schema, and
instructor re-asks with the validation error.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model, field_validator

ActorKindName = Literal["person", "organisation", "government", "media", "unnamed_source"]
ClaimKindName = Literal[
    "assertion", "denial", "accusation", "prediction", "demand", "threat", "promise", "assessment", "action"
]
ContradictionKindName = Literal["factual", "numeric", "intent", "assessment", "words_vs_deeds", "self"]
Relation = Literal["contradiction", "compatible", "unrelated"]


class ActorDraft(BaseModel):
    """One actor as the model names it."""

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


class ActorDrafts(BaseModel):
    """The actors of one chunk."""

    actors: list[ActorDraft] = Field(max_length=30)


class VerdictDraft(BaseModel):
    """The verifier's answer for one candidate pair."""

    reason: str = Field(max_length=300)
    relation: Relation
    kind: ContradictionKindName
    confidence: float = Field(ge=0.0, le=1.0)


def _literal(values: list[str]) -> Any:
    return Literal[tuple(values)]


def claim_drafts_model(first: int, last: int, actor_names: list[str]) -> type[BaseModel]:
    """Claims of sentences first..last, by one of the known actors."""
    sentence_number = Annotated[int, Field(ge=first, le=last)]
    claim = create_model(
        "ClaimDraft",
        sentences=(list[sentence_number], Field(min_length=1, max_length=4)),
        actor=(_literal(actor_names), ...),
        statement=(str, Field(min_length=3, max_length=300)),
        kind=(ClaimKindName, ...),
        hedged=(bool, ...),
    )
    return create_model(
        "ClaimDrafts",
        claims=(list[claim], Field(max_length=max(6, 3 * (last - first + 1)))),
    )


def summary_draft_model(claim_ids: list[str], max_sentences: int) -> type[BaseModel]:
    """Summary sentences citing existing claim ids only."""
    claim_id = _literal(claim_ids)
    sentence = create_model(
        "SummarySentenceDraft",
        text=(str, Field(min_length=3, max_length=400)),
        claim_ids=(list[claim_id], Field(max_length=8)),
    )
    return create_model(
        "SummaryDraft",
        sentences=(list[sentence], Field(min_length=1, max_length=max_sentences)),
    )
