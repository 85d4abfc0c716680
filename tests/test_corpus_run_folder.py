"""A batch run folder opened for a new session: what an earlier session left is read back (a row cut
off by a kill dropped, a damaged one refused), another run's folder is refused, `force` removes only
the run's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.config import load_settings
from counterclaim.corpus.run_folder import RunFolder
from counterclaim.corpus.run_records import ANALYSES_FILE, AnalysisRow, RunIdentity
from counterclaim.errors import RunFolderError
from counterclaim.evaluation.runner import run_settings
from counterclaim.models import Analysis, RunMetadata

SETTINGS = load_settings(env={}, provider="compatible", base_url="http://fake.invalid/v1", model="fake")
IDENTITY = RunIdentity(
    pipeline="staged",
    scope="full",
    provider="compatible",
    model="fake",
    settings=run_settings(SETTINGS),
    prompts=[],
)


def _row(article_id: str) -> AnalysisRow:
    run = RunMetadata(counterclaim_version="0", pipeline="staged", provider="compatible", model="fake")
    return AnalysisRow(
        id=article_id, source="s", analysis=Analysis(article_chars=1, article_sha256="0" * 64, run=run)
    )


def _folder_with(tmp_path: Path, *ids: str) -> Path:
    folder = RunFolder.open(tmp_path, IDENTITY, force=False)
    for article_id in ids:
        folder.record_analysis(_row(article_id))
    folder.close()
    return tmp_path


def test_a_row_cut_off_by_a_kill_is_dropped_and_the_file_mended(tmp_path: Path) -> None:
    _folder_with(tmp_path, "a", "b")
    analyses = tmp_path / ANALYSES_FILE
    whole = analyses.read_bytes()
    analyses.write_bytes(whole + _row("c").model_dump_json().encode()[:40])  # killed while appending c
    folder = RunFolder.open(tmp_path, IDENTITY, force=False)
    try:
        assert sorted(folder.done) == ["a", "b"]
        assert folder.notices and "dropped a partial last line" in folder.notices[0]
        assert analyses.read_bytes() == whole
    finally:
        folder.close()


def test_a_row_cut_inside_a_character_is_dropped_not_an_unreadable_file(tmp_path: Path) -> None:
    """The file is read a row at a time: a kill in the middle of a character's bytes left a file that is
    not UTF-8 as a whole, and reading it whole refused the run folder for good."""
    _folder_with(tmp_path, "a")
    analyses = tmp_path / ANALYSES_FILE
    whole = analyses.read_bytes()
    cut = _row("café").model_dump_json().encode()
    analyses.write_bytes(whole + cut[: cut.index("é".encode()) + 1])  # the first byte of "é" only
    folder = RunFolder.open(tmp_path, IDENTITY, force=False)
    try:
        assert sorted(folder.done) == ["a"] and "dropped a partial last line" in folder.notices[0]
        assert analyses.read_bytes() == whole
        assert [row.id for row in folder.rows({"a"})] == ["a"]
    finally:
        folder.close()


def test_a_damaged_row_inside_the_file_is_refused_naming_it(tmp_path: Path) -> None:
    _folder_with(tmp_path, "a", "b")
    analyses = tmp_path / ANALYSES_FILE
    lines = analyses.read_text("utf-8").splitlines()
    analyses.write_text(lines[0][:30] + "\n" + lines[1] + "\n", encoding="utf-8")
    with pytest.raises(RunFolderError, match=rf"{ANALYSES_FILE}:1: not a batch analysis row"):
        RunFolder.open(tmp_path, IDENTITY, force=False)


def test_a_run_json_of_something_else_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "run.json").write_text('{"format": "counterclaim-eval-run/1"}', encoding="utf-8")
    (tmp_path / "report.md").write_text("an eval report", encoding="utf-8")
    with pytest.raises(RunFolderError, match="is not a batch run record"):
        RunFolder.open(tmp_path, IDENTITY, force=True)
    assert (tmp_path / "report.md").read_text("utf-8") == "an eval report"
