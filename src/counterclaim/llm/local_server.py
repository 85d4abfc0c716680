"""The embedded model: an xllamacpp (llama.cpp) server running inside this process on loopback."""

from __future__ import annotations

import contextlib
import gc
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from counterclaim.config import default_model_cache
from counterclaim.errors import LocalModelError
from counterclaim.llm.model_files import DEFAULT_LOCAL_MODEL, KNOWN_MODELS, ensure_model_file

Speculation = Literal["none", "ngram"]
"""Speculative decoding: none, or drafts looked up among the prompt's n-grams (answers copy the article)."""

LOOPBACK = "127.0.0.1"
READY_TIMEOUT_SECONDS = 180.0
"""How long a started server may take to load its model and answer its health check."""
READY_POLL_SECONDS = 0.2


def resolve_model_path(model_name: str, model_path: Path | None, model_cache: Path | None = None) -> Path:
    """The GGUF to load: an explicit path, else a known packaged model assembled into `model_cache`
    (the user cache folder when None)."""
    if model_path is not None:
        if not model_path.is_file():
            raise LocalModelError(f"model file not found: {model_path}")
        with model_path.open("rb") as handle:
            if handle.read(4) != b"GGUF":
                raise LocalModelError(f"{model_path} is not a GGUF model file")
        return model_path
    package = KNOWN_MODELS.get(model_name, DEFAULT_LOCAL_MODEL if model_name == "local" else None)
    if package is None:
        known = ", ".join(sorted(KNOWN_MODELS))
        raise LocalModelError(f"unknown local model '{model_name}' (known: {known}); or pass --model-path")
    return ensure_model_file(package, directory=model_cache or default_model_cache())


def _configure_speculation(params: Any, speculation: Speculation, xllamacpp: Any) -> None:
    """Turn on n-gram speculation: llama.cpp drafts the next tokens from n-grams already seen in the
    context (the article the answer quotes) and verifies them in one batch."""
    if speculation == "ngram":
        params.speculative.types = [xllamacpp.common_speculative_type.COMMON_SPECULATIVE_TYPE_NGRAM_SIMPLE]


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


@contextlib.contextmanager
def _quiet_native_stderr(enabled: bool) -> Iterator[None]:
    """llama.cpp logs to file descriptor 2 while loading; keep the terminal clean unless debugging."""
    if not enabled:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    _QUIETED.append(saved)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        _QUIETED.remove(saved)
        os.close(saved)


_QUIETED: list[int] = []
"""The terminal's stderr, saved while file descriptor 2 goes to /dev/null (`_quiet_native_stderr`)."""


def terminal_stderr() -> int | None:
    """The descriptor of the terminal's stderr while llama.cpp's is silenced, else None: where a
    message of ours goes meanwhile (a second Ctrl-C while the model loads said nothing)."""
    return _QUIETED[0] if _QUIETED else None


def wait_until_ready(address: str, timeout: float) -> None:
    """Poll the server's /health until it answers 200 (the model is loaded and serving).

    Returning only when the server is ready means the first request never meets a "loading model"
    answer, and the native server is never torn down half-started (releasing it right after
    construction could hang the process).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(address + "/health", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass  # not listening yet, or 503 while the model loads
        if time.monotonic() >= deadline:
            raise LocalModelError(f"the embedded model server did not become ready within {timeout:.0f} s")
        _raise_if_stopping()
        time.sleep(READY_POLL_SECONDS)


class LocalServer:
    """Start with `with LocalServer(path) as server:`; `server.base_url` is the OpenAI-compatible /v1."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 8192,
        threads: int = 2,
        port: int = 0,
        quiet: bool = True,
        ready_timeout: float = READY_TIMEOUT_SECONDS,
        slots: int = 1,
        speculation: Speculation = "none",
    ) -> None:
        self.model_path = model_path
        self.ready_timeout = ready_timeout
        self.n_ctx = n_ctx
        """Context of each slot, in tokens: the server gets `n_ctx * slots` in all, so every slot holds
        a whole request (llama.cpp divides its context among the slots)."""
        self.threads = threads
        self.port = port
        self.quiet = quiet
        self._native: list[Any] = []
        """The native server once made (a list its making thread fills)."""
        self._making: threading.Thread | None = None
        self.base_url = ""
        self.slots = slots
        """Requests the server decodes at once (llama.cpp's parallel slots, continuously batched)."""
        self.speculation = speculation

    def start(self) -> LocalServer:
        if self._native or self._making is not None:  # started already: the one server it holds
            return self
        try:
            import xllamacpp
        except ImportError:
            raise LocalModelError(
                "the embedded model needs the local extra: pip install 'counterclaim[local]'"
            ) from None
        if self.port and not port_is_free(self.port):
            raise LocalModelError(
                f"port {self.port} on {LOOPBACK} is already in use; choose another --port or 0"
            )
        params = xllamacpp.CommonParams()
        params.model.path = str(self.model_path)
        params.n_ctx = self.n_ctx * self.slots
        params.n_parallel = self.slots
        params.cont_batching = True
        _configure_speculation(params, self.speculation, xllamacpp)
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.hostnames = [LOOPBACK]
        params.port = self.port
        params.use_jinja = True
        params.cache_prompt = True
        if self.quiet:
            params.verbosity = -1
        try:
            native = self._made_in_a_thread(lambda: xllamacpp.Server(params))
            address = str(native.listening_address).rstrip("/")
            if not address.startswith("http"):
                address = "http://" + address
            self.base_url = address + "/v1"
            wait_until_ready(address, self.ready_timeout)
        except BaseException as error:
            # Not ready in time, or Ctrl-C / SIGTERM while the model loads: release the native server
            # now, while the CLI's handler still turns a second signal into a prompt exit, rather
            # than at interpreter shutdown, where a slow release could only be killed.
            self.stop(interrupted=isinstance(error, KeyboardInterrupt))
            raise
        return self

    def _made_in_a_thread(self, make: Callable[[], Any]) -> Any:
        """The native server, made in a thread of its own and kept in `self._native` there: a
        KeyboardInterrupt (raised in the main thread only) can never drop it between its making and its
        keeping, where its release could hang for good (`stop`). A Ctrl-C waits for the making, as it
        did for the native call (about 6 s for the 1.5B); a second one exits at once."""
        failures: list[Exception] = []

        def construct() -> None:
            try:
                self._native.append(make())
            except Exception as error:  # the native server reports failures as plain exceptions
                failures.append(error)

        self._making = threading.Thread(target=construct, name="counterclaim-server-start", daemon=True)
        with _quiet_native_stderr(self.quiet):
            self._making.start()
            while self._making.is_alive():
                self._making.join(0.1)  # signals are handled between the waits
                _raise_if_stopping()
        if failures:
            failure = failures[0]
            raise LocalModelError(f"the embedded model server failed to start: {failure}") from failure
        if not self._native:  # stopped from another thread meanwhile
            raise LocalModelError("the embedded model server was stopped while it started")
        return self._native[0]

    def stop(self, *, interrupted: bool = False) -> None:
        """Stop serving; the native server shuts down when the object is released.

        Under `end_process_on_interrupt`, once a stopping signal came (`interrupted`, or
        `note_stopping_signal`), the native server is left to the process' exit instead: its release
        waits for the requests it is still answering (a client of `serve` can keep it minutes) and can
        hang for good when it comes soon after the start (a lost wake-up in xllamacpp's shutdown, 2 of
        6 SIGTERMs in a probe), all the while holding the interpreter: not even a second Ctrl-C could
        end the program."""
        if self._native or self._making is not None:
            if _ENDING.on_interrupt and (interrupted or _ENDING.stopping):
                _ENDING.left_running.append(self._native)  # one still being made lands there too
            else:
                if self._making is not None:
                    self._making.join()
                with _quiet_native_stderr(self.quiet):
                    self._native.clear()
                    gc.collect()
            self._native, self._making = [], None
        self.base_url = ""

    @property
    def running(self) -> bool:
        return bool(self._native)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop(interrupted=isinstance(exc, KeyboardInterrupt))


@dataclass
class _ProcessEnding:
    on_interrupt: bool = False
    stopping: bool = False
    left_running: list[Any] = field(default_factory=list)


_ENDING = _ProcessEnding()


@contextlib.contextmanager
def end_process_on_interrupt() -> Iterator[_ProcessEnding]:
    """Within the block (a command of the command line), an embedded server stopped by Ctrl-C or
    SIGTERM is not released but left running (`LocalServer.stop`): the caller ends the process with
    `os._exit` when `left_running` is not empty, which cuts off what it still answers. A library
    caller's server is always released (a notebook interrupted goes on without it)."""
    _ENDING.on_interrupt, _ENDING.stopping = True, False
    try:
        yield _ENDING
    finally:
        _ENDING.on_interrupt = False


def _raise_if_stopping() -> None:
    """Raise KeyboardInterrupt when the command line noted a stopping signal: `batch` turns its first
    signal into a cancellation, which a model start (synchronous, in the event loop's thread) would
    only meet once the model was ready, up to `READY_TIMEOUT_SECONDS` later."""
    if _ENDING.on_interrupt and _ENDING.stopping:
        raise KeyboardInterrupt


def note_stopping_signal() -> None:
    """A stopping signal came (the CLI's handlers say so): a server stopped from now on is stopping
    because of it, whatever exception reaches its `stop` (asyncio turns the interrupt into a
    cancellation of the task that holds the server)."""
    _ENDING.stopping = True
