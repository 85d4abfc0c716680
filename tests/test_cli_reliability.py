"""Exit codes and messages of the command in hard conditions: a full stdout, malformed settings,
signals, and eval errors (issue 18, item 10).

These tests call `counterclaim.cli.main([...])` or run the installed console script in a subprocess,
whatever library parses the arguments. The model server, where one is needed, is a LOCAL HTTP TEST
SERVER (`local_fault_server`, threading `http.server` on 127.0.0.1). The embedded model is never
started: the start-up test replaces the native `xllamacpp.Server` with a stand-in that only waits.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.cli.progress import ProgressLines
from counterclaim.config import load_settings
from counterclaim.errors import ConfigurationError, DatasetError, OutputError
from counterclaim.evaluation.runner import run_eval
from eval_oracles import bridge_article, dam_article, oracle_settings, perfect_oracle, write_dataset
from local_fault_server import ScriptedServer, completion_body, dripping_reply, json_reply, scripted_server

CONSOLE_SCRIPT = Path(sys.executable).parent / "counterclaim"
EXIT_INTERRUPTED = 130
EMPTY_ANSWER = json_reply(completion_body(json.dumps({"claims": []})))


def _one_error_line(err: str, fragment: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("counterclaim: error: "), err
    assert fragment in lines[0], err
    assert "Traceback" not in err
    return lines[0]


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COUNTERCLAIM_", "OPENAI_"))}
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in (
        "OPENAI_API_KEY",
        "COUNTERCLAIM_API_KEY",
        "COUNTERCLAIM_CACHE_DIR",
        "COUNTERCLAIM_RESPONSE_CACHE",
        "COUNTERCLAIM_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "article.txt"
    path.write_text("The mayor said the bridge is safe.\n")
    return path


def _remote(server: ScriptedServer) -> list[str]:
    return ["--provider", "compatible", "--base-url", server.url, "--model", "fault-model"]


# --- stdout that cannot be written ----------------------------------------------------------------


def test_a_full_stdout_is_an_output_error(article: Path) -> None:
    with scripted_server(EMPTY_ANSWER) as server, open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(CONSOLE_SCRIPT), "analyze", str(article), "-q", "--claims-only", *_remote(server)],
            stdout=full, stderr=subprocess.PIPE, env=_child_env(), timeout=60, text=True,
        )  # fmt: skip
    assert done.returncode == OutputError.exit_code, done.stderr
    _one_error_line(done.stderr, "standard output")


# --- malformed base URLs: a settings error, the URL shown without credentials ----------------------

MALFORMED_URLS = {
    "no scheme": "127.0.0.1:18080/v1",
    "unknown scheme": "htp://x",
    "unclosed IPv6 bracket": "http://u:s3cretPW@[::1",
    "port out of range": "http://u:s3cretPW@127.0.0.1:99999/v1",
    "no host": "http:///v1",
}


@pytest.mark.parametrize("case", MALFORMED_URLS)
def test_a_malformed_base_url_is_a_settings_error(
    case: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(article), "-q", "--provider", "compatible", "--model", "m",
                 "--base-url", MALFORMED_URLS[case]])  # fmt: skip
    err = capsys.readouterr().err
    assert code == ConfigurationError.exit_code, err
    line = _one_error_line(err, "base URL")
    assert "s3cretPW" not in line and "u:" not in line


@pytest.mark.parametrize("case", MALFORMED_URLS)
def test_settings_validation_refuses_a_malformed_base_url(case: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(env={"COUNTERCLAIM_BASE_URL": MALFORMED_URLS[case]}, model="m")
    assert "s3cretPW" not in caught.value.one_line()


def test_a_well_formed_base_url_is_kept() -> None:
    url = "https://user:pw@gateway.example:8443/openai/v1"
    assert load_settings(env={}, base_url=url, model="m").base_url == url


# --- --width ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", ["-5", "0"])
def test_a_width_below_one_column_is_refused_before_any_request(
    width: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with scripted_server(EMPTY_ANSWER) as server:
        code = main(["analyze", str(article), "-q", "--claims-only", *_remote(server), "--width", width])
        requests = len(server.requests)
    captured = capsys.readouterr()
    assert code == 2, captured  # a usage error: the option's value is out of range
    assert requests == 0 and captured.out == ""
    _one_error_line(captured.err, "--width")


# --- signals ---------------------------------------------------------------------------------------


@pytest.fixture
def held_request() -> Iterator[ScriptedServer]:
    """A server that takes about a minute to send its answer (one byte every 0.25 s)."""
    body = json.dumps(completion_body(json.dumps({"claims": []}))).encode()
    with scripted_server(dripping_reply(body, seconds_per_byte=0.25)) as server:
        yield server


def _wait_for(condition: object, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("signum", "fragment"),
    [(signal.SIGTERM, "terminated"), (signal.SIGINT, "interrupted"), (signal.SIGHUP, "hung up")],
)
def test_a_signal_during_analyze_gives_one_line_and_exit_130(
    signum: int, fragment: str, article: Path, held_request: ScriptedServer
) -> None:
    child = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "analyze", str(article), "-q", "--claims-only", *_remote(held_request)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
    )  # fmt: skip
    try:
        _wait_for(lambda: held_request.requests, "the first model request")
        child.send_signal(signum)
        out, err = child.communicate(timeout=15)
    finally:
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    assert out == ""
    _one_error_line(err, fragment)


@pytest.mark.timeout(60)
def test_a_terminal_hanging_up_twice_lets_batch_finish_its_clean_up(
    article: Path, held_request: ScriptedServer, tmp_path: Path
) -> None:
    """A closing terminal sends SIGHUP twice within a millisecond (the shell forwards its own, then the
    kernel sends one as the shell exits); the second must not cut the first's clean-up short."""
    out_dir = tmp_path / "run"
    child = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "batch", str(article), "--out-dir", str(out_dir), "-q", *_remote(held_request)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
    )  # fmt: skip
    try:
        _wait_for(lambda: held_request.requests, "the first model request")
        child.send_signal(signal.SIGHUP)
        time.sleep(0.002)
        child.send_signal(signal.SIGHUP)
        _out, err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    assert json.loads((out_dir / "run.json").read_text(encoding="utf-8"))["status"] == "interrupted"


def _ignoring_sighup() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # what `nohup` does before it starts the command


@pytest.mark.timeout(60)
def test_a_command_started_under_nohup_outlives_the_terminal_closing(
    article: Path, held_request: ScriptedServer
) -> None:
    """`nohup counterclaim batch ...` ignores SIGHUP; the command's own handlers must not undo that."""
    child = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "analyze", str(article), "-q", "--claims-only", *_remote(held_request)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
        preexec_fn=_ignoring_sighup,
    )  # fmt: skip
    try:
        _wait_for(lambda: held_request.requests, "the first model request")
        child.send_signal(signal.SIGHUP)
        with pytest.raises(subprocess.TimeoutExpired):
            child.wait(timeout=1.5)
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=15)
    finally:
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    _one_error_line(err, "terminated")


SLOW_NATIVE_START = textwrap.dedent(
    """
    import faulthandler, signal, sys, time
    from pathlib import Path
    import xllamacpp

    # SIGUSR1 writes every thread's stack to a file, even from native code: a hang can be read.
    faulthandler.register(signal.SIGUSR1, file=open(sys.argv[1] + ".stacks", "w"), all_threads=True)

    class SlowStart:
        '''Stands in for the native server: it only waits, as loading a model does (the 1.5B's
        constructor takes about 6 s; Ctrl-C waits for it, as it always did for the native call), then
        never becomes ready.'''

        listening_address = "http://127.0.0.1:9"

        def __init__(self, params):
            Path(sys.argv[1]).write_text("starting")
            time.sleep(3)

    xllamacpp.Server = SlowStart
    from counterclaim.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.timeout(60)
def test_ctrl_c_during_model_start_up_gives_one_line_and_exit_130(article: Path, tmp_path: Path) -> None:
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF" + bytes(16))
    started = tmp_path / "started"
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_NATIVE_START, str(started), "analyze", str(article), "-q",
         "--provider", "local", "--model-path", str(model)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
    )  # fmt: skip
    try:
        _wait_for(started.exists, "the stand-in server to start")
        child.send_signal(signal.SIGINT)
        began = time.monotonic()
        try:
            _, err = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGUSR1)
            time.sleep(1)
            stacks = Path(f"{started}.stacks").read_text()
            pytest.fail(f"not exited 20 s after SIGINT; where it was:\n{stacks}")
        took = time.monotonic() - began
    finally:
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    _one_error_line(err, "interrupted")
    assert took < 10, took


NEVER_READY_NATIVE_SERVER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import xllamacpp

    class NeverReady:
        # Stands in for the native server: built at once, its model never loads (its address
        # refuses connections), and its release hangs, as xllamacpp's could soon after the start.
        listening_address = "http://127.0.0.1:9"

        def __init__(self, params):
            Path(sys.argv[1]).write_text("constructed")

        def __del__(self):
            Path(sys.argv[1] + ".released").write_text("release began")
            time.sleep(60)

    xllamacpp.Server = NeverReady
    from counterclaim.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def _ctrl_c_while_the_model_never_gets_ready(tmp_path: Path, *command: str) -> tuple[int, str, float]:
    """Run the command (with `--provider local` and a stand-in model file) over the never-ready
    stand-in server, send one SIGINT while it polls the server's health: (exit code, stderr, seconds
    from the signal to the exit)."""
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF" + bytes(16))
    constructed = tmp_path / "server"
    child = subprocess.Popen(
        [sys.executable, "-c", NEVER_READY_NATIVE_SERVER, str(constructed), *command, "-q",
         "--provider", "local", "--model-path", str(model)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
    )  # fmt: skip
    try:
        _wait_for(constructed.exists, "the stand-in server to be built")
        time.sleep(0.5)  # polling its health
        child.send_signal(signal.SIGINT)
        began = time.monotonic()
        _, err = child.communicate(timeout=20)
        took = time.monotonic() - began
    finally:
        child.kill()
    return child.returncode, err, took


@pytest.mark.timeout(60)
def test_ctrl_c_while_the_model_loads_ends_without_waiting_for_the_release(
    article: Path, tmp_path: Path
) -> None:
    """The release of a native server stopped soon after its start could hang for good (2 of 6 SIGTERMs
    in a probe), holding the interpreter: the command line now ends the process without it."""
    code, err, took = _ctrl_c_while_the_model_never_gets_ready(tmp_path, "analyze", str(article))
    assert code == EXIT_INTERRUPTED, err
    _one_error_line(err, "interrupted")
    assert not (tmp_path / "server.released").exists() and took < 10, took


@pytest.mark.timeout(60)
def test_one_ctrl_c_while_batch_starts_the_model_stops_it_at_once(article: Path, tmp_path: Path) -> None:
    """`batch` turns its first signal into a cancellation, which the model's start (synchronous) met
    only once the model was ready, up to 180 s later. Found by a review."""
    run = str(tmp_path / "run")
    code, err, took = _ctrl_c_while_the_model_never_gets_ready(
        tmp_path, "batch", str(article), "--out-dir", run
    )
    assert code == EXIT_INTERRUPTED, err
    _one_error_line(err, "interrupted")
    assert took < 10, took


SLOW_RENDERING = textwrap.dedent(
    """
    import io, sys, time
    from pathlib import Path
    import rich.console

    real_print = rich.console.Console.print

    def slow_print(self, *objects, **options):
        # Stands in for a long rendering: the text renderer's console waits before printing.
        if isinstance(self.file, io.StringIO):
            Path(sys.argv[1]).write_text("rendering")
            time.sleep(60)
        return real_print(self, *objects, **options)

    rich.console.Console.print = slow_print
    from counterclaim.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.timeout(60)
def test_ctrl_c_during_rendering_gives_one_line_and_exit_130(article: Path, tmp_path: Path) -> None:
    rendering = tmp_path / "rendering"
    with scripted_server(EMPTY_ANSWER) as server:
        child = subprocess.Popen(
            [sys.executable, "-c", SLOW_RENDERING, str(rendering), "analyze", str(article), "-q",
             "--claims-only", *_remote(server)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), text=True,
        )  # fmt: skip
        try:
            _wait_for(rendering.exists, "the rendering to start")
            child.send_signal(signal.SIGINT)
            out, err = child.communicate(timeout=20)
        finally:
            child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    assert out == ""
    _one_error_line(err, "interrupted")


# --- eval errors ------------------------------------------------------------------------------------


def test_eval_errors_are_one_prefixed_line_never_wrapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / ("a-rather-long-folder-name-" * 4) / "no-such-dataset.jsonl"
    code = main(["eval", "--dataset", str(missing), "--out", str(tmp_path / "runs"), "-q",
                 "--provider", "compatible", "--base-url", "http://127.0.0.1:9/v1",
                 "--model", "m"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == DatasetError.exit_code
    _one_error_line(err, str(missing))


def test_eval_results_to_a_full_stdout_are_an_output_error(tmp_path: Path) -> None:
    """`eval compare` prints its table with rich; a stdout that cannot take it is exit 8 too."""
    dataset = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])

    def one_run() -> Path:
        run = asyncio.run(
            run_eval([dataset], settings=oracle_settings(), pipeline="staged", out_dir=tmp_path / "runs",
                     analyze_fn=perfect_oracle)
        )  # fmt: skip
        return run.run_dir

    first, second = one_run(), one_run()
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(CONSOLE_SCRIPT), "eval", "compare", str(first), str(second)],
            stdout=full, stderr=subprocess.PIPE, env=_child_env(), timeout=60, text=True,
        )  # fmt: skip
    assert done.returncode == OutputError.exit_code, done.stderr
    _one_error_line(done.stderr, "standard output")


INTERRUPTED_TASKS = """
import asyncio, os, signal, sys
from counterclaim.cli.errors import run_guarded

async def work(number: int) -> None:
    for step in range(200):
        if number == 3 and step == 5:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while eight tasks are running
        sum(range(20000))
        await asyncio.sleep(0)

async def main() -> None:
    async with asyncio.TaskGroup() as group:
        for number in range(8):
            group.create_task(work(number))

def command() -> int:
    asyncio.run(main())
    return 0

sys.exit(run_guarded(command))
"""


def test_ctrl_c_inside_concurrent_tasks_gives_one_line_not_asyncios_tracebacks(tmp_path: Path) -> None:
    """The KeyboardInterrupt lands inside one of the tasks (as in analyze's requests in flight), and
    asyncio used to report that task's exception with a traceback after the one-line message."""
    script = tmp_path / "interrupted_tasks.py"
    script.write_text(INTERRUPTED_TASKS)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == EXIT_INTERRUPTED
    assert done.stderr.strip().splitlines() == ["counterclaim: error: interrupted"], done.stderr


def test_eval_fails_an_article_over_max_chars_as_analyze_refuses_it(tmp_path: Path) -> None:
    dataset = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    shortest = min(len(dam_article()["text"]), len(bridge_article()["text"]))
    settings = oracle_settings().model_copy(update={"max_chars": shortest})
    run = asyncio.run(
        run_eval([dataset], settings=settings, pipeline="staged", out_dir=tmp_path / "runs",
                 analyze_fn=perfect_oracle)
    )  # fmt: skip
    over = [sample for sample in run.samples if sample.status == "failed"]
    assert len(over) == 1 and over[0].error is not None
    assert "over --max-chars" in over[0].error.message and over[0].error.exit_code == 3


def test_a_model_refusing_everything_fails_even_when_code_reads_a_claim_alone(tmp_path: Path) -> None:
    """Code reads the rebels' claim from the report noun by itself (no model); the model refused every
    request. That is no analysis: exit 6, not a claim and exit 0."""
    article = tmp_path / "article.txt"
    article.write_text(
        "The army rejected the rebels' claims that soldiers had shelled the town. The rebels said "
        "twelve people died.\n"
    )
    refusal = json_reply(completion_body(None, refusal="I cannot help with that."))
    with scripted_server(refusal) as server:
        done = subprocess.run(
            [str(CONSOLE_SCRIPT), "analyze", str(article), "-q", "--provider", "compatible",
             "--base-url", server.url, "--model", "m"],
            capture_output=True, text=True, env=_child_env(), timeout=120,
        )  # fmt: skip
    assert done.returncode == 6, done.stdout + done.stderr
    _one_error_line(done.stderr, "no sentence of the article was analysed")


def test_a_progress_line_the_terminal_cannot_take_is_dropped() -> None:
    """After SIGHUP a terminal's stderr fails every write; a progress line must not fail the command."""
    progress = ProgressLines(enabled=True)
    # Every write to /dev/full fails (ENOSPC), as a hung-up terminal's do (EIO); unbuffered, so the
    # failure comes in the write itself.
    full = io.TextIOWrapper(io.FileIO("/dev/full", "w"), write_through=True)
    progress.console.file = full
    progress("server stopped")
    with pytest.raises(OSError):
        full.write("the file does fail\n")


def test_a_progress_line_whose_reader_left_leaves_stdout_alone() -> None:
    """Rich's own handling of a broken stderr pipe points stdout at /dev/null and exits 1: a command's
    result would be lost over a progress line. Run in a child, whose stdout such a bug would take."""
    script = textwrap.dedent(
        """
        import os
        from counterclaim.cli.progress import ProgressLines
        read_end, write_end = os.pipe()
        os.close(read_end)
        progress = ProgressLines(enabled=True)
        progress.console.file = os.fdopen(write_end, "w")
        progress("starting")
        progress("done")
        print("the result")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "the result\n"), done.stderr
