"""The articles of a corpus: files, folders, globs and JSONL records, with ids and metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim.corpus.inputs import articles_from_items, file_name_for, read_inputs
from counterclaim.errors import InputError

ARTICLE = "The minister said on Monday that the bridge would reopen. Critics doubted it."


def _write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_is_read_recursively_with_ids_relative_to_it(tmp_path: Path) -> None:
    _write(tmp_path / "news" / "b.txt")
    _write(tmp_path / "news" / "2024" / "a.md")
    _write(tmp_path / "news" / "2024" / "page.html", f"<html><body><p>{ARTICLE}</p></body></html>")
    _write(tmp_path / "news" / "notes.csv", "not an article")
    _write(tmp_path / "news" / ".hidden" / "c.txt")
    articles = read_inputs([str(tmp_path / "news")], max_chars=10_000)
    assert [a.id for a in articles] == ["2024/a", "2024/page", "b"]
    html = next(a for a in articles if a.id == "2024/page")
    assert html.text is not None and "bridge" in html.text and "<p>" not in html.text
    assert html.article is not None and any("HTML" in n for n in html.article.notices)


def test_a_glob_names_its_files_relative_to_its_fixed_part(tmp_path: Path) -> None:
    _write(tmp_path / "wire" / "day1" / "x.txt")
    _write(tmp_path / "wire" / "day2" / "x.txt")
    _write(tmp_path / "wire" / "day2" / "y.md")
    articles = read_inputs([str(tmp_path / "wire" / "**" / "*.txt")], max_chars=10_000)
    assert [a.id for a in articles] == ["day1/x", "day2/x"]


def test_jsonl_records_keep_their_metadata(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "text": ARTICLE, "outlet": "Wire", "date": "2024-05-01"},
        {"id": 7, "text": ARTICLE, "tags": ["x"]},
    ]
    path = _write(tmp_path / "corpus.jsonl", "\n".join(json.dumps(r) for r in records) + "\n\n")
    articles = read_inputs([str(path)], max_chars=10_000)
    assert [(a.id, dict(a.metadata)) for a in articles] == [
        ("a1", {"outlet": "Wire", "date": "2024-05-01"}),
        ("7", {"tags": ["x"]}),
    ]
    assert articles[1].source == f"{path}:2"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("not json", "corpus.jsonl:2: not a JSON record"),
        ('["a list"]', 'corpus.jsonl:2: each line must be a JSON object with "id" and "text"'),
        ('{"text": "x"}', 'corpus.jsonl:2: "id" must be a string or a whole number'),
        ('{"id": true, "text": "x"}', 'corpus.jsonl:2: "id" must be a string or a whole number'),
        ('{"id": "b"}', 'corpus.jsonl:2: "text" must be a string'),
        ('{"id": "a", "text": "x"}', "two articles have the id 'a'"),
    ],
)
def test_a_malformed_jsonl_line_refuses_the_corpus_naming_the_line(
    tmp_path: Path, line: str, expected: str
) -> None:
    path = _write(tmp_path / "corpus.jsonl", json.dumps({"id": "a", "text": ARTICLE}) + "\n" + line + "\n")
    with pytest.raises(InputError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        read_inputs([str(path)], max_chars=10_000)


def test_an_unusable_article_is_kept_with_its_problem_not_refused(tmp_path: Path) -> None:
    _write(tmp_path / "docs" / "empty.txt", "   \n")
    (tmp_path / "docs" / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    _write(tmp_path / "docs" / "good.txt")
    articles = {a.id: a for a in read_inputs([str(tmp_path / "docs")], max_chars=10_000)}
    assert articles["good"].problem is None and articles["good"].text == ARTICLE
    for name in ("empty", "binary"):
        assert articles[name].article is None and isinstance(articles[name].problem, InputError)


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["missing.txt"], "no such file or folder: missing.txt"),
        (["nothing-*.txt"], "the pattern matches no file"),
        (["emptydir"], "no .txt, .md, .markdown, .html, .htm file in this folder"),
        ([], "no input given"),
    ],
)
def test_an_input_that_names_nothing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inputs: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "emptydir").mkdir()
    with pytest.raises(InputError, match=expected.replace(".", r"\.")):
        read_inputs(inputs, max_chars=10_000)


def test_two_files_with_one_id_are_refused(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "story.txt")
    _write(tmp_path / "b" / "story.txt")
    with pytest.raises(InputError, match="two articles have the id 'story'"):
        read_inputs([str(tmp_path / "a"), str(tmp_path / "b")], max_chars=10_000)


def test_texts_given_in_python_are_numbered_and_records_checked() -> None:
    articles = articles_from_items([ARTICLE, {"id": "x", "text": ARTICLE, "n": 1}], max_chars=10_000)
    assert [(a.id, dict(a.metadata)) for a in articles] == [("1", {}), ("x", {"n": 1})]
    with pytest.raises(InputError, match="metadata must be JSON values"):
        articles_from_items([{"id": "y", "text": ARTICLE, "when": object()}], max_chars=10_000)
    with pytest.raises(InputError, match="an id must be 1 to 300 characters on one line"):
        articles_from_items([{"id": "a\nb", "text": ARTICLE}], max_chars=10_000)


@pytest.mark.parametrize(
    ("article_id", "expected"),
    [
        ("nato-russia-2022", "nato-russia-2022.json"),
        ("2024/05/story", "2024_05_story-"),
        ("../../etc/passwd", "etc_passwd-"),
        ("Run", "run-"),
        ("..", "article-"),
    ],
)
def test_result_file_names_stay_in_the_folder_and_apart(article_id: str, expected: str) -> None:
    name = file_name_for(article_id)
    assert name.startswith(expected) and name.endswith(".json")
    assert "/" not in name and not name.startswith(".")
    assert file_name_for("Run") != file_name_for("run")


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`batch x.txt x.txt` and `batch arts ./arts/x.txt` analysed the file twice under one id."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "arts" / "x.txt")
    _write(tmp_path / "arts" / "y.txt")
    assert [a.id for a in read_inputs(["arts/x.txt", "arts/x.txt"], max_chars=10_000)] == ["x"]
    assert [a.id for a in read_inputs(["arts", "./arts/x.txt"], max_chars=10_000)] == ["x", "y"]


def test_the_run_folder_inside_an_input_folder_is_passed_over(tmp_path: Path) -> None:
    """`batch arts --out-dir arts/out` took its own report.md for an article on the second run."""
    _write(tmp_path / "arts" / "x.txt")
    _write(tmp_path / "arts" / "out" / "report.md", "# Batch report\\n\\nNATO said so.")
    found = read_inputs([str(tmp_path / "arts")], max_chars=10_000, leave_out=tmp_path / "arts" / "out")
    assert [a.id for a in found] == ["x"]
    with pytest.raises(InputError, match="every input is inside the run folder"):
        read_inputs([str(tmp_path / "arts" / "out")], max_chars=10_000, leave_out=tmp_path / "arts" / "out")


def test_an_unknown_encoding_fails_before_any_article_is_read(tmp_path: Path) -> None:
    """--encoding foo used to fail each article in turn, and the command exit 1."""
    _write(tmp_path / "x.txt")
    with pytest.raises(InputError, match="unknown encoding 'foo'"):
        read_inputs([str(tmp_path / "x.txt")], max_chars=10_000, encoding="foo")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0c"])
def test_a_record_holding_a_line_separator_of_unicode_is_one_record(tmp_path: Path, separator: str) -> None:
    """JSON may hold these unescaped; str.splitlines cut the record in two."""
    record = {"id": "a", "text": ARTICLE, "note": f"one{separator}two"}
    path = _write(tmp_path / "corpus.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    (article,) = read_inputs([str(path)], max_chars=10_000)
    assert article.metadata["note"] == f"one{separator}two"


@pytest.mark.parametrize("line", ['{"id": "a", "text": "x", "n": ' + "9" * 5000 + "}", "[" * 100_000])
def test_a_record_beyond_what_json_reads_is_an_input_error(tmp_path: Path, line: str) -> None:
    path = _write(tmp_path / "corpus.jsonl", line + "\n")
    with pytest.raises(InputError, match=r"corpus\.jsonl:1: not a JSON record"):
        read_inputs([str(path)], max_chars=10_000)


def test_a_record_whose_metadata_holds_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    """It was exit 70 when the run folder was written (found by a review)."""
    path = _write(
        tmp_path / "corpus.jsonl", json.dumps({"id": "a", "text": ARTICLE, "note": "x\ud800"}) + "\n"
    )
    with pytest.raises(InputError, match=r"corpus\.jsonl:1: note: not valid Unicode"):
        read_inputs([str(path)], max_chars=10_000)
