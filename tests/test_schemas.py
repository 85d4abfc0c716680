"""What the model is asked to return (`pipeline.schemas`): ranges, required entries, refused actors."""

from __future__ import annotations

import pytest

from counterclaim.pipeline.schemas import (
    actor_details_model,
    claim_drafts_model,
    first_actor_name,
    name_translations_model,
    speaker_claims_model,
    summary_draft_model,
    translations_model,
)


def claims_answer(sentence: int, actor: str) -> dict[str, object]:
    claim = {
        "sentence": sentence,
        "actor": actor,
        "statement_in_english": "abc",
        "kind": "assertion",
        "hedged": False,
    }
    return {"claims": [claim]}


def test_claim_schema_constrains_sentence_numbers_and_refuses_pronoun_actors() -> None:
    model = claim_drafts_model(3, 5)
    schema = str(model.model_json_schema())
    assert "'minimum': 3" in schema and "'maximum': 5" in schema
    model.model_validate(claims_answer(4, "NATO"))
    with pytest.raises(ValueError):
        model.model_validate(claims_answer(9, "NATO"))
    with pytest.raises(ValueError, match="pronoun"):
        model.model_validate(claims_answer(4, "He"))


@pytest.mark.parametrize(
    ("actor", "accepted"),
    [("US", True), ("us", False), ("UN", True), ("It", False), ("ella", False), ("The Kremlin; they", True)],
)
def test_an_acronym_is_a_name_even_when_it_spells_a_pronoun(actor: str, accepted: bool) -> None:
    model = claim_drafts_model(1, 2)
    if accepted:
        model.model_validate(claims_answer(1, actor))
    else:
        with pytest.raises(ValueError, match="pronoun"):
            model.model_validate(claims_answer(1, actor))


@pytest.mark.parametrize(
    ("given", "first"),
    [("The Kremlin; Reuters", "The Kremlin"), ("  NATO   chief ", "NATO chief"), ("Moscow", "Moscow")],
)
def test_an_actor_written_as_a_list_is_its_first_name(given: str, first: str) -> None:
    assert first_actor_name(given) == first
    answer = claim_drafts_model(1, 1).model_validate(claims_answer(1, given))
    assert answer.claims[0].actor == given  # type: ignore[attr-defined]  # code cuts it, not the schema


def test_actor_details_schema_requires_exactly_the_known_actors() -> None:
    model = actor_details_model(["NATO", "Jens Stoltenberg"])
    schema = model.model_json_schema()
    assert schema["required"] == ["NATO", "Jens Stoltenberg"]
    with pytest.raises(ValueError):
        model.model_validate({"NATO": {"kind": "organisation", "role": None, "aliases": []}})


def test_the_translation_schema_requires_one_sentence_per_statement() -> None:
    model = translations_model(2)
    assert set(model.model_json_schema()["required"]) == {"item_0", "item_1"}
    with pytest.raises(ValueError):
        model.model_validate({"item_0": "The police said 20 people died."})


def test_names_are_translated_as_original_then_english() -> None:
    model = name_translations_model(1)
    answer = model.model_validate({"item_0": {"original": "Manifestantes", "english": "Protesters"}})
    assert answer.item_0.english == "Protesters"  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        model.model_validate({"item_0": "Protesters"})
    assert list(model.model_json_schema()["$defs"]["NameTranslation"]["properties"]) == [
        "original",
        "english",
    ]


def test_the_speakers_schema_asks_one_answer_per_speaker() -> None:
    one = {"statement_in_english": "Fares will rise.", "kind": "prediction", "hedged": False}
    model = speaker_claims_model(2)
    assert set(model.model_json_schema()["required"]) == {"item_0", "item_1"}
    model.model_validate({"item_0": one, "item_1": one})
    with pytest.raises(ValueError):
        model.model_validate({"item_0": one})


def test_a_summary_cites_only_claims_that_exist() -> None:
    model = summary_draft_model(["c1", "c2"], 2)
    model.model_validate({"sentences": [{"text": "NATO says so.", "claim_ids": ["c1", "c2"]}]})
    with pytest.raises(ValueError):
        model.model_validate({"sentences": [{"text": "NATO says so.", "claim_ids": ["c3"]}]})
    with pytest.raises(ValueError):  # at most two sentences
        model.model_validate({"sentences": [{"text": "One two.", "claim_ids": []}] * 3})
