"""Result files are written atomically and never overwritten without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from counterclaim.errors import OutputError
from counterclaim.io.output_file import write_output


def _files_in(directory: Path) -> list[str]:
    return sorted(entry.name for entry in directory.iterdir())


def test_writes_a_new_file_as_utf8_without_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "report.md"

    write_output(str(target), "Résumé\r\nline\n", force=False)

    assert target.read_bytes() == "Résumé\r\nline\n".encode()
    assert _files_in(tmp_path) == ["report.md"]


def test_new_file_gets_ordinary_permissions_not_temporary_ones(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    umask = os.umask(0o022)
    try:
        write_output(str(target), "{}", force=False)
    finally:
        os.umask(umask)

    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")

    with pytest.raises(OutputError) as caught:
        write_output(str(target), "new", force=False)

    assert caught.value.one_line() == f"{target} exists; pass --force to overwrite"
    assert target.read_text() == "old"
    assert _files_in(tmp_path) == ["report.md"]


def test_existing_file_is_replaced_with_force_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)

    write_output(str(target), "new", force=True)

    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _files_in(tmp_path) == ["report.md"]


def test_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.symlink_to(tmp_path / "missing")

    with pytest.raises(OutputError, match="exists; pass --force"):
        write_output(str(target), "new", force=False)


def test_failed_rename_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")

    def failing_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)

    with pytest.raises(OutputError) as caught:
        write_output(str(target), "new", force=True)

    assert caught.value.one_line() == f"cannot write {target}: No space left on device"
    assert target.read_text() == "old"
    assert _files_in(tmp_path) == ["report.md"]


def test_failed_fsync_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"

    def failing_fsync(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)

    with pytest.raises(OutputError, match="Input/output error"):
        write_output(str(target), "new", force=False)

    assert _files_in(tmp_path) == []


def test_interrupt_mid_write_keeps_the_old_file_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")

    def interrupted_fsync(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)

    with pytest.raises(KeyboardInterrupt):
        write_output(str(target), "new", force=True)

    assert target.read_text() == "old"
    assert _files_in(tmp_path) == ["report.md"]


def test_file_created_by_someone_else_meanwhile_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    real_fsync = os.fsync

    def fsync_then_competitor_writes(descriptor: int) -> None:
        real_fsync(descriptor)
        if not target.exists():
            target.write_text("theirs")

    monkeypatch.setattr(os, "fsync", fsync_then_competitor_writes)

    with pytest.raises(OutputError, match="exists; pass --force"):
        write_output(str(target), "ours", force=False)

    assert target.read_text() == "theirs"
    assert _files_in(tmp_path) == ["report.md"]


def test_content_that_cannot_be_encoded_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"

    with pytest.raises(OutputError, match="not valid text"):
        write_output(str(target), "lone surrogate \udc80", force=False)

    assert _files_in(tmp_path) == []


def test_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no" / "report.md"

    with pytest.raises(OutputError) as caught:
        write_output(str(target), "x", force=True)

    assert caught.value.one_line() == f"cannot write {target}: directory {tmp_path / 'no'} does not exist"


def test_directory_as_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_output(str(tmp_path), "x", force=True)


def test_relative_path_is_written_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    write_output("report.txt", "x", force=False)

    assert (tmp_path / "report.txt").read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            write_output(str(locked / "report.md"), "x", force=False)
    finally:
        locked.chmod(0o700)
    assert _files_in(locked) == []
