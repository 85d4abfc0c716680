"""Loading gold datasets: .jsonl files, folders of .json files, and the errors on malformed input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counterclaim.errors import DatasetError
from counterclaim.evaluation.gold import GoldArticle, load_dataset

TEXT = "Ann said the dam holds. Bob said it leaks."


def record(article_id: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article_id,
        "title": "A dam",
        "source": {"url": "https://example.org/dam", "outlet": "Example", "date": "2024-01-02"},
        "text": TEXT,
        "labels": ["attribution"],
        "actors": [{"id": "ann", "name": "Ann", "aliases": []}],
        "claims": [{"id": "c1", "actor": "ann", "statement": "The dam holds.", "evidence": "the dam holds",
                    "start": 9, "end": 22}],
        "contradictions": None,
        "non_contradictions": None,
    }  # fmt: skip
    data.update(changes)
    return data


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_loads_one_article_per_line_and_skips_blank_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1")), "", json.dumps(record("a2"))])
    articles = load_dataset(path)
    assert [a.id for a in articles] == ["a1", "a2"]
    assert articles[0].text[9:22] == "the dam holds"
    assert articles[0].claims[0].evidence == "the dam holds"
    assert articles[0].source.outlet == "Example"
    assert articles[0].contradictions is None


def test_folder_loads_json_files_sorted_by_name_and_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text(json.dumps(record("second")), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(record("first")), encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    assert [a.id for a in load_dataset(tmp_path)] == ["first", "second"]


def test_extra_fields_of_imported_sets_are_ignored_and_source_extras_kept(tmp_path: Path) -> None:
    claim = {"id": "c1", "actor": "ann", "statement": None, "evidence": "the dam holds", "start": 9,
             "end": 22, "cue": "said", "source_spans": [[0, 3]], "content_spans": [[9, 22]]}  # fmt: skip
    data = record("a1", claims=[claim], source={"dataset": "invented", "license": "none"})
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)])
    article = load_dataset(path)[0]
    assert article.claims[0].statement is None
    assert not hasattr(article.claims[0], "cue")
    assert article.source.license == "none"
    assert article.source.model_extra == {"dataset": "invented"}


def test_also_pairs_and_hard_negatives_parse(tmp_path: Path) -> None:
    data = record(
        "a1",
        labels=["attribution", "contradiction"],
        contradictions=[{"id": "k1", "a": "c1", "b": "c2", "kind": "factual", "also": [["c3", "c2"]]}],
        non_contradictions=[{"a": "c1", "b": "c3", "note": "compatible"}],
    )
    article = load_dataset(write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)]))[0]
    assert article.contradictions is not None
    assert article.contradictions[0].pairs() == [("c1", "c2"), ("c3", "c2")]
    assert article.non_contradictions is not None
    assert article.non_contradictions[0].b == "c3"
    assert article.complete_for_contradiction


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1")), "{not json"])
    with pytest.raises(DatasetError, match=r"set\.jsonl:2: not valid JSON"):
        load_dataset(path)


def test_missing_required_field_names_file_line_and_field(tmp_path: Path) -> None:
    data = record("a1")
    del data["claims"][0]["evidence"]
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)])
    with pytest.raises(DatasetError, match=r"set\.jsonl:1: .*claims\.0\.evidence"):
        load_dataset(path)


@pytest.mark.parametrize("field", ["id", "text", "labels", "actors", "claims"])
def test_article_level_required_fields(tmp_path: Path, field: str) -> None:
    data = record("a1")
    del data[field]
    with pytest.raises(DatasetError, match=field):
        load_dataset(write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)]))


def test_negative_offset_is_rejected(tmp_path: Path) -> None:
    data = record("a1")
    data["claims"][0]["start"] = -1
    with pytest.raises(DatasetError, match="start"):
        load_dataset(write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)]))


def test_a_line_that_is_not_an_object_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r":1: an article must be a JSON object"):
        load_dataset(write_jsonl(tmp_path / "set.jsonl", ["[1, 2]"]))


def test_malformed_file_in_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(record("a1")), encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"b\.json: not valid JSON"):
        load_dataset(tmp_path)


def test_duplicate_article_ids_are_rejected(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("same")), json.dumps(record("same"))])
    with pytest.raises(DatasetError, match="share the id 'same'"):
        load_dataset(path)


def test_empty_missing_and_wrong_kind_of_path(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no article"):
        load_dataset(write_jsonl(tmp_path / "empty.jsonl", [""]))
    with pytest.raises(DatasetError, match="not found"):
        load_dataset(tmp_path / "missing.jsonl")
    single = tmp_path / "one.json"
    single.write_text(json.dumps(record("a1")), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"\.jsonl file or a folder"):
        load_dataset(single)


def test_unknown_top_level_field_is_kept_for_validation() -> None:
    article = GoldArticle.model_validate(record("a1", non_contradiction=[]))
    assert article.model_extra == {"non_contradiction": []}


@pytest.mark.parametrize("text", ["", "  \n ", "\u200b\ufeff"])
def test_an_article_without_text_is_no_gold_article(tmp_path: Path, text: str) -> None:
    """analyze refuses an empty article (exit 3); a gold file holding one is malformed (exit 9)."""
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1", text=text, claims=[]))])
    with pytest.raises(DatasetError, match=r"set\.jsonl:1: .*text"):
        load_dataset(path)


@pytest.mark.parametrize("offset", [True, "9"])
def test_an_offset_that_is_no_number_is_rejected(tmp_path: Path, offset: Any) -> None:
    """`"start": true` was read as 1 and `"start": "9"` as 9 (found by an adversarial probe)."""
    data = record("a1")
    data["claims"][0]["start"] = offset
    with pytest.raises(DatasetError, match="start"):
        load_dataset(write_jsonl(tmp_path / "set.jsonl", [json.dumps(data)]))


def test_a_text_holding_a_lone_surrogate_is_no_gold_article(tmp_path: Path) -> None:
    """It was analysed and failed as the model's fault; analyze refuses such a text (exit 3)."""
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1", text=TEXT + " \ud800"))])
    with pytest.raises(DatasetError, match="lone surrogate"):
        load_dataset(path)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_text_holding_a_unicode_line_separator_is_one_line(tmp_path: Path, separator: str) -> None:
    text = f"Ann said the dam holds.{separator}Bob said it leaks."
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1", text=text), ensure_ascii=False)])
    (article,) = load_dataset(path)
    assert article.text == text


def test_a_number_beyond_what_json_reads_is_a_dataset_error(tmp_path: Path) -> None:
    line = json.dumps(record("a1"))[:-1] + ', "n": ' + "9" * 5000 + "}"
    with pytest.raises(DatasetError, match=r"set\.jsonl:1: not JSON this tool can read"):
        load_dataset(write_jsonl(tmp_path / "set.jsonl", [line]))


def test_a_title_holding_a_lone_surrogate_is_a_dataset_error(tmp_path: Path) -> None:
    """It loaded, then the run files could not be written (exit 8, blamed on the output)."""
    path = write_jsonl(tmp_path / "set.jsonl", [json.dumps(record("a1", title="A dam \ud800"))])
    with pytest.raises(DatasetError, match=r"set\.jsonl:1: title: not valid Unicode text"):
        load_dataset(path)


def test_records_separated_by_a_lone_carriage_return_are_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(record("a1")) + "\r" + json.dumps(record("a2")) + "\r", encoding="utf-8")
    assert [a.id for a in load_dataset(path)] == ["a1", "a2"]
