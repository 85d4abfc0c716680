"""`counterclaim show ANALYSIS.json ARTICLE` (a saved analysis rendered again, no model) and
`counterclaim analyze --format html` (answers replayed from the founding article's recording)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.errors import ArticleMismatchError, InputError, OutputError
from counterclaim.models import Analysis
from counterclaim.render import render_html, render_markdown
from html_fixtures import FOUNDING_ARTICLE, FOUNDING_ID, recorded_analyses
from recording import REPLAY_BASE_URL, recorded_settings, replaying, seed, seed_cassette

ROOT = Path(__file__).parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("counterclaim: error: "), err
    return lines[0]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "nato.json"
    path.write_text(recorded_analyses()[FOUNDING_ID].model_dump_json(), encoding="utf-8")
    return path


def test_show_renders_the_saved_analysis_as_analyze_would(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    analysis = recorded_analyses()[FOUNDING_ID]
    article = FOUNDING_ARTICLE.read_text(encoding="utf-8")
    out = tmp_path / "report.html"
    code, _, err = run(
        capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--format", "html", "--out", str(out)
    )
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == render_html(analysis, article)
    code, printed, _ = run(capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--format", "markdown")
    assert code == 0 and printed == render_markdown(analysis)
    code, printed, _ = run(capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--format", "json")
    assert code == 0 and Analysis.model_validate_json(printed) == analysis
    code, printed, _ = run(capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--width", "80")
    assert code == 0 and "counterclaim analysis" in printed


def test_show_refuses_another_article(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(FOUNDING_ARTICLE.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code, printed, err = run(capsys, "show", str(saved), str(other), "--format", "html", "--out", str(out))
    assert code == ArticleMismatchError.exit_code == 10
    assert printed == "" and not out.exists()
    assert "is not the article this analysis was made from" in one_line_error(err)


def test_show_refuses_an_analysis_whose_evidence_was_edited(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    analysis = recorded_analyses()[FOUNDING_ID]
    claim = analysis.claims[0]
    span = claim.evidence[0]
    moved = span.model_copy(update={"start": span.start + 1, "end": span.end + 1})
    edited = analysis.model_copy(
        update={"claims": [claim.model_copy(update={"evidence": [moved]}), *analysis.claims[1:]]}
    )
    path = tmp_path / "edited.json"
    path.write_text(edited.model_dump_json(), encoding="utf-8")
    code, _, err = run(capsys, "show", str(path), str(FOUNDING_ARTICLE), "--format", "html")
    assert code == ArticleMismatchError.exit_code
    assert "edited" in one_line_error(err)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "not found"), ("{}", "not a counterclaim analysis"), ("<html>", "not a counterclaim analysis")],
)
def test_show_refuses_what_is_not_a_saved_analysis(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, fragment: str
) -> None:
    path = tmp_path / "analysis.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "show", str(path), str(FOUNDING_ARTICLE))
    assert code == InputError.exit_code
    assert fragment in one_line_error(err)


def test_show_keeps_an_existing_output_without_force(
    capsys: pytest.CaptureFixture[str], saved: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run(
        capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--format", "html", "--out", str(out)
    )
    assert code == OutputError.exit_code and out.read_text(encoding="utf-8") == "keep me"
    one_line_error(err)


@pytest.mark.usefixtures("no_counterclaim_env")
def test_analyze_writes_the_html_report_of_the_founding_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The issue's own command, `analyze ... --format html --out report.html`, its answers replayed."""
    settings = recorded_settings()
    out = tmp_path / "report.html"
    argv = ["analyze", str(FOUNDING_ARTICLE), "--format", "html", "--out", str(out), "-q"]
    argv += ["--provider", "compatible", "--base-url", REPLAY_BASE_URL]
    argv += ["--model", settings.model, "--mode", settings.mode.value]
    with replaying(seed_cassette("staged", seed("nato-russia-troop-buildup-2022-02-16"))):
        code, _, err = run(capsys, *argv)
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    recorded = recorded_analyses()[FOUNDING_ID]  # from the eval baseline, which adds the narrator
    narrators = {a.id for a in recorded.actors if a.narrator}
    claims = [c for c in recorded.claims if c.actor_id not in narrators]  # analyze leaves it out
    assert len(claims) < len(recorded.claims)
    assert page.count('<button type="button" class="claim"') == len(claims)
    for index in range(len(claims)):
        assert f'data-goto-claim="{index}"' in page


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_show_refuses_a_device_or_a_pipe_before_reading_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    """/dev/zero never ends and a pipe with no writer never answers: neither is read."""
    path = Path("/dev/zero")
    if kind == "pipe":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    code, _, err = run(capsys, "show", str(path), str(FOUNDING_ARTICLE))
    assert code == InputError.exit_code
    assert "not a regular file" in one_line_error(err)


def test_show_reads_an_article_length_from_the_file_only_up_to_the_largest_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    edited = recorded_analyses()[FOUNDING_ID].model_copy(update={"article_chars": 10**12})
    path = tmp_path / "edited.json"
    path.write_text(edited.model_dump_json(), encoding="utf-8")
    code, out, err = run(capsys, "show", str(path), str(FOUNDING_ARTICLE))
    assert code == 0, err  # read with the largest limit (50,000,000 characters), not 10**12
    assert "NATO" in out


def test_a_width_beyond_the_largest_is_a_usage_error(capsys: pytest.CaptureFixture[str], saved: Path) -> None:
    code, _, err = run(capsys, "show", str(saved), str(FOUNDING_ARTICLE), "--width", "100000000")
    assert code == 2
    assert "--width" in err


def test_show_reads_the_analysis_from_a_pipe(saved: Path) -> None:
    """`analyze A --format json | counterclaim show - A`: a real pipe into the installed command."""
    console_script = Path(sys.executable).parent / "counterclaim"
    with saved.open("rb") as analysis:
        done = subprocess.run(
            [str(console_script), "show", "-", str(FOUNDING_ARTICLE), "--format", "markdown"],
            stdin=analysis, capture_output=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == render_markdown(recorded_analyses()[FOUNDING_ID])


def test_show_reads_at_most_one_argument_from_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "-", "-")
    assert code == InputError.exit_code
    assert "only one of ANALYSIS.json and ARTICLE" in one_line_error(err)


def test_show_refuses_a_piped_text_that_is_no_analysis(tmp_path: Path) -> None:
    console_script = Path(sys.executable).parent / "counterclaim"
    done = subprocess.run(
        [str(console_script), "show", "-", str(FOUNDING_ARTICLE)],
        input=b"NATO said Russia is adding troops.", capture_output=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == InputError.exit_code
    assert one_line_error(done.stderr.decode("utf-8")).startswith("counterclaim: error: <stdin>: not")


def test_a_reader_that_leaves_at_once_is_exit_0_not_a_silent_1(saved: Path) -> None:
    """`counterclaim show ... | true`: click's own handling of a closed pipe exited 1 with no message;
    the reader leaving is not a failure (exit 0), as the error handling says."""
    console_script = Path(sys.executable).parent / "counterclaim"
    show = f"'{console_script}' show '{saved}' '{FOUNDING_ARTICLE}' --format json"
    command = f"{show} | true; exit ${{PIPESTATUS[0]}}"
    for _ in range(3):  # the reader must be gone before the write: `true` reads nothing
        done = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60)
        assert done.returncode == 0 and done.stderr == b"", done.stderr
