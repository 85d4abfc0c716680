"""Where a result may be written: device nodes and named pipes are written into, never replaced
(item 1), and an unwritable --out is found before any model request (item 7).

The CLI tests use a LOCAL HTTP TEST SERVER (`local_fault_server`, threading `http.server` on
127.0.0.1) as the model server, only to count the requests made before the output error.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.errors import OutputError
from counterclaim.io.output_file import check_output_target, write_output
from local_fault_server import completion_body, json_reply, scripted_server

# --- item 1: a device or a FIFO at --out is written into, never replaced ------------------------------


def _null_device(tmp_path: Path) -> Path:
    """A character device like /dev/null (major 1, minor 3), made in the test's own folder."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def test_a_device_at_the_output_path_is_written_into_not_replaced(tmp_path: Path) -> None:
    device = _null_device(tmp_path)
    write_output(str(device), "result\n", force=True)
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]  # no temporary file left either


def test_a_full_device_is_an_output_error(tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    with pytest.raises(OutputError, match="No space left"):
        write_output(str(full), "result\n", force=True)
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_named_pipe_at_the_output_path_gets_the_content(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader holds the pipe open
    try:
        write_output(str(fifo), "through the pipe\n", force=True)
        received = os.read(reader, 1024)
    finally:
        os.close(reader)
    assert received == b"through the pipe\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_named_pipe_without_reader_is_an_output_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no reader"):
        write_output(str(fifo), "nobody listens\n", force=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# --- item 7: an unwritable --out is refused before the first request ---------------------------------


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (
        "OPENAI_API_KEY",
        "COUNTERCLAIM_API_KEY",
        "COUNTERCLAIM_CACHE_DIR",
        "COUNTERCLAIM_RESPONSE_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "article.txt"
    path.write_text("The mayor said the bridge is safe.\n")
    return path


def _analyze_to(article: Path, out: str, *extra: str) -> tuple[int, int, str]:
    """Exit code, requests the model server received, and stderr."""
    answer = json_reply(completion_body(json.dumps({"claims": []})))
    with scripted_server(answer) as server:
        code = main(
            ["analyze", str(article), "-q", "--claims-only", "--provider", "compatible",
             "--base-url", server.url, "--model", "m", "--out", out, *extra]
        )  # fmt: skip
        return code, len(server.requests), ""


@pytest.mark.parametrize(
    "where",
    ["missing folder", "a file as folder", "a folder nobody can create files in"],
)
def test_an_unwritable_out_is_refused_before_any_request(
    where: str, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    out = {
        "missing folder": tmp_path / "no" / "such" / "out.txt",
        "a file as folder": blocker / "out.txt",
        "a folder nobody can create files in": Path("/sys/counterclaim-out.txt"),  # sysfs: never, not root
    }
    if where.startswith("a folder nobody") and not Path("/sys/kernel").is_dir():
        pytest.skip("needs Linux sysfs")
    code, requests, _ = _analyze_to(article, str(out[where]))
    err = capsys.readouterr().err
    assert code == OutputError.exit_code, err
    assert requests == 0
    assert err.startswith("counterclaim: error: cannot write")


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_directory_as_out_is_said_to_be_one_before_any_request(
    force: list[str], article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    code, requests, _ = _analyze_to(article, str(folder), *force)
    err = capsys.readouterr().err
    assert code == OutputError.exit_code
    assert requests == 0
    assert "is a directory" in err and "--force" not in err


def test_check_output_target_accepts_a_new_file_in_a_writable_folder(tmp_path: Path) -> None:
    check_output_target(str(tmp_path / "new.md"), force=False)
    assert list(tmp_path.iterdir()) == []  # the probe leaves nothing behind
