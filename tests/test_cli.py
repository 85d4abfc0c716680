"""The command line: one clear line and a distinct exit code per failure, before any model work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterclaim.cli import main
from counterclaim.errors import ConfigurationError, InputError, LocalModelError, OutputError

VALIDATION = Path(__file__).resolve().parents[1] / "seeds" / "validation"
NO_MODEL = ["--model-path", "/nonexistent/model.gguf"]  # reaching the model step fails with exit 7


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(err: str, fragment: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("counterclaim: error: ")
    assert fragment in lines[0]
    assert "Traceback" not in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "analyze", str(tmp_path / "nope.txt"), *NO_MODEL)
    assert code == InputError.exit_code and out == ""
    assert_one_line_error(err, "not found")


def test_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "analyze", str(tmp_path), *NO_MODEL)
    assert code == InputError.exit_code
    assert_one_line_error(err, "directory")


@pytest.mark.parametrize("content", [b"", b"   \n\t  \n", b"\x00\x01\x02binary\x00" * 20])
def test_empty_or_binary_input(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    code, _, err = run(capsys, "analyze", str(article), *NO_MODEL)
    assert code == InputError.exit_code
    assert_one_line_error(err, "")


def test_not_utf8_says_where_and_offers_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("Line one.\nCaf\u00e9 said no.\n".encode("latin-1"))
    code, _, err = run(capsys, "analyze", str(article), *NO_MODEL)
    assert code == InputError.exit_code
    assert_one_line_error(err, "--encoding")
    assert "line 2" in err


def test_too_long_article_names_the_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Word. " * 100)
    code, _, err = run(capsys, "analyze", str(article), "--max-chars", "50", *NO_MODEL)
    assert code == InputError.exit_code
    assert_one_line_error(err, "50")


def test_existing_output_is_refused_before_any_model_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("NATO said Russia is adding troops.")
    out_file = tmp_path / "out.json"
    out_file.write_text("keep me")
    code, _, err = run(capsys, "analyze", str(article), "--out", str(out_file), *NO_MODEL)
    assert code == OutputError.exit_code
    assert_one_line_error(err, "--force")
    assert out_file.read_text() == "keep me"


def test_missing_model_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("NATO said Russia is adding troops.")
    code, _, err = run(capsys, "analyze", str(article), "-q", *NO_MODEL)
    assert code == LocalModelError.exit_code
    assert_one_line_error(err, "model file not found")


def test_openai_without_key_fails_fast_and_quietly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("COUNTERCLAIM_API_KEY", raising=False)
    article = tmp_path / "a.txt"
    article.write_text("NATO said Russia is adding troops.")
    code, _, err = run(capsys, "analyze", str(article), "--provider", "openai")
    assert code == ConfigurationError.exit_code
    assert_one_line_error(err, "OPENAI_API_KEY")


def test_summarize_is_an_alias_of_analyze(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "nope.txt"), *NO_MODEL)
    assert code == InputError.exit_code
    assert_one_line_error(err, "not found")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300), name=st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s))
def test_no_escape_sequence_reaches_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, name: str
) -> None:
    hostile = ("\x1b[31m" + name + "\x1b]0;pwned\x07").replace("\x00", "")
    path = tmp_path / "articles" / hostile
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"\x1b[2J" + content)
    except (OSError, ValueError):
        return
    code, out, err = run(capsys, "analyze", str(path), "-q", *NO_MODEL)
    assert code in (InputError.exit_code, LocalModelError.exit_code)
    assert "\x1b" not in out + err and "\x9b" not in out + err


def test_serve_runs_the_embedded_model_whatever_the_environment_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OPENAI_API_KEY set for the other commands refused serve (exit 4), and no serve flag could say
    otherwise (found by a probe): the server settings are ignored, and it says so. Here it goes on to
    look for its model file."""
    monkeypatch.setenv("COUNTERCLAIM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("COUNTERCLAIM_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    code, out, err = run(capsys, "serve", *NO_MODEL)
    assert code == LocalModelError.exit_code and out == ""
    assert "COUNTERCLAIM_PROVIDER, COUNTERCLAIM_BASE_URL ignored" in err
    assert "model file not found" in err.splitlines()[-1] and "sk-test" not in err


def test_serve_without_a_standard_output_fails_before_loading(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started with stdout closed (`>&-`), it loaded the model, then failed as an internal error."""
    monkeypatch.setattr(sys, "stdout", None)
    code = main(["serve", "-q", *NO_MODEL])
    assert code == OutputError.exit_code
    assert_one_line_error(capsys.readouterr().err, "no standard output")


def test_serve_without_its_model_file_fails_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "serve", "-q", *NO_MODEL)
    assert code == LocalModelError.exit_code and out == ""
    assert_one_line_error(err, "model file not found")


def test_eval_into_an_existing_file_is_an_output_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    taken = tmp_path / "runs"
    taken.write_text("keep me")
    code, _, err = run(capsys, "eval", "--dataset", str(VALIDATION), "--out", str(taken), *NO_MODEL)
    assert code == OutputError.exit_code
    assert_one_line_error(err, "cannot create the run output folder")
    assert taken.read_text() == "keep me"


@pytest.mark.parametrize("limit", ["1000000000000", "99999999999999999999"])
def test_a_max_chars_beyond_the_largest_is_a_setting_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, limit: str
) -> None:
    """Such a limit used to reach the reader: a MemoryError or an OverflowError, exit 70."""
    article = tmp_path / "a.txt"
    article.write_text("NATO said Russia is adding troops.")
    code, _, err = run(capsys, "analyze", str(article), "--max-chars", limit, *NO_MODEL)
    assert code == ConfigurationError.exit_code
    assert_one_line_error(err, "max_chars")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("RETRY_MAX_WAIT", "inf"),
        ("RETRY_TOTAL_SECONDS", "inf"),
        ("RETRY_MAX_WAIT", "nan"),
        ("REQUEST_TIMEOUT", "1e9"),
    ],
)
def test_an_endless_wait_is_a_setting_error(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    variable: str,
    value: str,
) -> None:
    """An infinite backoff or retry budget would let one failing server hold a run for ever."""
    monkeypatch.setenv("COUNTERCLAIM_" + variable, value)
    article = tmp_path / "a.txt"
    article.write_text("NATO said Russia is adding troops.")
    code, _, err = run(capsys, "analyze", str(article), *NO_MODEL)
    assert code == ConfigurationError.exit_code
    assert_one_line_error(err, f"invalid setting {variable.lower()}")
