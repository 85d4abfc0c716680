"""The configured secrets (API key, password and user name in the base URL, the Authorization value)
never reach a message, a notice or a run file, whatever they look like.

The server is a LOCAL HTTP TEST SERVER (`local_fault_server`, threading `http.server` on 127.0.0.1)
that echoes the secrets back in its error messages and refusals, as misconfigured gateways do.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import sys
import traceback
from pathlib import Path
from typing import Any

import pytest

import counterclaim
from counterclaim.cli import main
from counterclaim.config import load_settings
from counterclaim.errors import CounterclaimError, ModelOutputError, ProviderError
from counterclaim.evaluation.run_files import REPORT_FILE, RUN_FILE, SAMPLES_FILE
from counterclaim.evaluation.runner import run_eval
from counterclaim.models import Analysis
from counterclaim.redaction import Redactor
from eval_oracles import DAM_TEXT, bridge_article, dam_article, perfect_analysis, write_dataset
from local_fault_server import completion_body, json_reply, scripted_server

KEY = "plainkey-XYZZY-42"
USER = "alice-gw"
PASSWORD = "hunter2-PW-77"
BASIC = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
"""The Authorization value the HTTP client sends for a base URL with credentials."""
SECRETS = (KEY, PASSWORD, USER, BASIC)
ECHO = (
    f"denied for Authorization: Bearer {KEY} or Basic {BASIC} "
    f"(user {USER}, password {PASSWORD}, {USER}:{PASSWORD})"
)


def _with_credentials(url: str) -> str:
    return url.replace("http://", f"http://{USER}:{PASSWORD}@")


def _assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked in: {text[:300]}"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "COUNTERCLAIM_API_KEY", "COUNTERCLAIM_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COUNTERCLAIM_RETRY_MAX_WAIT", "0")


@pytest.mark.parametrize(
    "reply",
    [
        json_reply({"error": {"message": ECHO, "type": "x"}}, status=418),
        json_reply({"error": {"message": ECHO, "type": "x"}}, status=200),
        json_reply({"error": {"message": ECHO, "type": "x"}}, status=503),
    ],
    ids=["418", "200 with error", "503"],
)
def test_errors_on_stderr_never_show_the_configured_secrets(
    reply: Any, clean_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The mayor said the bridge is safe.\n")
    with scripted_server(reply) as server:
        code = main(
            ["analyze", str(article), "-q", "--provider", "compatible", "--model", "m",
             "--base-url", _with_credentials(server.url), "--max-retries", "1"]
        )  # fmt: skip
        assert server.requests[0]["headers"]["authorization"] == f"Basic {BASIC}"
    captured = capsys.readouterr()
    assert code == ProviderError.exit_code
    assert captured.err.startswith("counterclaim: error: ")
    _assert_no_secret(captured.err + captured.out)


def test_api_key_of_any_shape_is_redacted_from_errors(
    clean_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COUNTERCLAIM_API_KEY", KEY)
    article = tmp_path / "article.txt"
    article.write_text("The mayor said the bridge is safe.\n")
    echo = f"Incorrect API key provided: {KEY}; Authorization: Bearer {KEY}"
    with scripted_server(json_reply({"error": {"message": echo}}, status=400)) as server:
        code = main(["analyze", str(article), "-q", "--provider", "compatible", "--model", "m",
                     "--base-url", server.url])  # fmt: skip
        assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    captured = capsys.readouterr()
    assert code == ProviderError.exit_code
    assert KEY not in captured.err and "[redacted]" in captured.err


def test_eval_run_files_never_hold_the_configured_secrets(tmp_path: Path) -> None:
    """The first article fails on an error echoing the secrets; the second gets refusals echoing them
    for every request, so it fails too, on a message made from a refusal. No message may keep them."""
    dataset = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    refusal = completion_body(None, refusal=f"I will not answer. {ECHO}")
    with scripted_server(json_reply({"error": {"message": ECHO}}, status=400), json_reply(refusal)) as server:
        settings = load_settings(
            env={}, provider="compatible", model="m", api_key=KEY,
            base_url=_with_credentials(server.url), max_retries=0,
        )  # fmt: skip
        run = asyncio.run(
            run_eval([dataset], settings=settings, pipeline="staged", out_dir=tmp_path / "runs")
        )
    assert [sample.status for sample in run.samples] == ["failed", "failed"]
    refused = run.samples[1].error
    assert refused is not None and "no sentence of the article was analysed" in refused.message
    assert "I will not answer" in refused.message  # the refusal is told, without what it echoed
    for name in (SAMPLES_FILE, REPORT_FILE, RUN_FILE):
        _assert_no_secret((run.run_dir / name).read_text(encoding="utf-8"))


def test_eval_run_files_are_redacted_where_they_are_written(tmp_path: Path) -> None:
    """Whatever produced a failure or a notice (here a stand-in analysis, not the model client), the
    run files redact the configured secrets before writing them."""
    dataset = write_dataset(tmp_path / "tiny.jsonl", [dam_article(), bridge_article()])
    settings = load_settings(
        env={}, provider="compatible", model="m", api_key=KEY, base_url="http://127.0.0.1:9/v1"
    )

    async def leaky_analysis(text: str) -> Analysis:
        if text == DAM_TEXT:
            raise ModelOutputError(f"the gateway said: {ECHO.replace(USER, '').replace(PASSWORD, '')}")
        analysis = perfect_analysis(text)
        notices = [*analysis.run.notices, f"a part was skipped: key {KEY} refused"]
        return analysis.model_copy(update={"run": analysis.run.model_copy(update={"notices": notices})})

    run = asyncio.run(
        run_eval([dataset], settings=settings, pipeline="staged", out_dir=tmp_path / "runs",
                 analyze_fn=leaky_analysis)
    )  # fmt: skip
    assert [s.status for s in run.samples] == ["failed", "ok"]
    for name in (SAMPLES_FILE, REPORT_FILE, RUN_FILE):
        written = (run.run_dir / name).read_text(encoding="utf-8")
        assert KEY not in written and BASIC not in written
    assert "[redacted]" in (run.run_dir / SAMPLES_FILE).read_text(encoding="utf-8")


def test_a_bearer_token_is_redacted_without_the_words_after_it() -> None:
    """Only the token's own characters go: the message around it stays readable."""
    redacted = Redactor().redact("(500: boom, key was Bearer abc123-DEF.456) after 2 attempt(s)")
    assert redacted == "(500: boom, key was [redacted]) after 2 attempt(s)"


@pytest.mark.parametrize(
    "reply",
    [
        json_reply(completion_body(f"Bearer {KEY}")),  # an answer repeating the key: not JSON, re-asked
        json_reply({"error": {"message": f"bad request, key was Bearer {KEY}"}}, status=400),
    ],
    ids=["answer echoing the key", "400 echoing the key"],
)
def test_the_library_leaves_no_secret_in_a_log_record_or_a_traceback(
    reply: Any, clean_env: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program calling `counterclaim.analyze` with its logging on (the root logger at DEBUG) and
    printing the traceback of the error it gets: instructor used to log each failed attempt at ERROR
    with the answer, and the error chained the server's raw exception. The records are kept, redacted
    (silencing them would silence instructor for the whole program: a review)."""
    records: list[str] = []
    loggers: set[str] = set()

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))
            loggers.add(record.name.split(".")[0])

    for name in ("instructor", "openai", "httpx2"):  # as in a program that never ran the CLI's main()
        monkeypatch.setattr(logging.getLogger(name), "propagate", True)
    root, keep = logging.getLogger(), Keep()
    level = root.level
    root.addHandler(keep)
    root.setLevel(logging.DEBUG)
    try:
        with scripted_server(reply) as server:
            settings = load_settings(env={}, provider="compatible", base_url=server.url, model="m",
                                     api_key=KEY, max_retries=0)  # fmt: skip
            with pytest.raises(CounterclaimError) as caught:
                counterclaim.analyze("The mayor said the bridge is safe.", settings=settings)
            assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    finally:
        root.removeHandler(keep)
        root.setLevel(level)
    shown = "".join(traceback.format_exception(caught.value)) + "\n".join(records) + capsys.readouterr().err
    assert KEY not in shown and "[redacted]" in "".join(traceback.format_exception(caught.value))
    assert "openai" in loggers  # the libraries' records still reach the program's logging, redacted


def test_a_library_record_is_redacted_whole_and_never_raises() -> None:
    """The filter on the model libraries' loggers, as it acts during a request: the message, its
    arguments and its traceback lose the key; a message whose arguments do not fit it (a KeyError,
    found by a review) is shown as given instead of raising into the library's call."""
    from counterclaim.llm.client import _REDACTED_RECORDS, _log_redactor

    token = _log_redactor.set(Redactor.of([KEY]))
    try:
        try:
            raise ValueError(f"server said Bearer {KEY}")
        except ValueError:
            record = logging.LogRecord(
                "instructor", logging.ERROR, __file__, 1, "failed: %s", (KEY,), sys.exc_info()
            )
        assert _REDACTED_RECORDS.filter(record)
        shown = logging.Formatter().format(record)
        assert KEY not in shown and "failed: [redacted]" in shown and "ValueError" in shown
        odd = logging.LogRecord("openai", logging.WARNING, __file__, 1, "%(missing)s", ({"x": KEY},), None)
        assert _REDACTED_RECORDS.filter(odd) and KEY not in odd.getMessage()
    finally:
        _log_redactor.reset(token)
