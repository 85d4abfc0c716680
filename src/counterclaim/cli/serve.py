"""`counterclaim serve`: the embedded model as a server that stays up, for repeated use.

Every `analyze` with the embedded model loads the model and starts llama.cpp's server again. `serve`
starts it once and keeps it up until Ctrl-C, SIGTERM or SIGHUP; other commands (or any OpenAI-compatible
client) reach it with `--base-url`. The server is the same one `analyze` starts in-process (same
model, context, slots and threads), so the requests and answers are the same.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
import threading
from collections.abc import Callable
from typing import Any

import click

from counterclaim.cli.errors import write_stdout
from counterclaim.cli.options import local_server_options, settings_from
from counterclaim.cli.progress import ProgressLines
from counterclaim.config import Provider
from counterclaim.errors import OutputError
from counterclaim.llm.local_server import LocalServer, resolve_model_path

DEFAULT_PORT = 8080
"""The port `serve` listens on unless --port or COUNTERCLAIM_PORT says otherwise (0: a free one)."""


def serve_options(command: Any) -> Any:
    decorators: list[Callable[[Any], Any]] = [
        click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr."),
        local_server_options,
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def run_serve(params: dict[str, Any], *, until: threading.Event | None = None) -> int:
    """Start the embedded server, print how to reach it, and serve until interrupted (or `until` is set,
    for tests); exit 0 when stopped so."""
    # The embedded model whatever the environment says of servers (an OPENAI_API_KEY set for other
    # commands refused serve, and no serve flag could say otherwise).
    settings = settings_from({**params, "provider": Provider.LOCAL.value}, {"port": DEFAULT_PORT})
    progress = ProgressLines(enabled=not params["quiet"])
    ignored = [name for name in _SERVER_VARIABLES if os.environ.get(name, "").strip()]
    if ignored:
        progress(f"serve runs the embedded model: {', '.join(ignored)} ignored")
    if sys.stdout is None:  # checked before minutes of loading
        raise OutputError("no standard output to print the server's address to")
    model_path = resolve_model_path(settings.model, settings.model_path, settings.model_cache)
    # The name analyses made through the server record as their model (and its answers are cached
    # under): the file's when one is given, not the default model's.
    model = model_path.stem if settings.model_path is not None else settings.model
    progress(f"starting the embedded model ({model_path.name})")
    server = LocalServer(
        model_path,
        n_ctx=settings.n_ctx,
        threads=settings.threads,
        port=settings.port,
        slots=settings.slots,
        speculation=settings.speculation,
    )
    with server:
        base_url = server.base_url
        with contextlib.suppress(BrokenPipeError):  # the reader left: the server is still of use
            write_stdout(
                f"{base_url}\n"
                f"counterclaim analyze ARTICLE --base-url {base_url} --model {shlex.quote(model)} "
                f"--concurrency {server.slots}\n"
            )
        progress(
            f"serving {model_path.name} at {base_url} (this machine only) with {server.slots} slot(s); "
            "Ctrl-C stops it"
        )
        try:
            (until or threading.Event()).wait()
        except KeyboardInterrupt:  # Ctrl-C, SIGTERM or SIGHUP (cli.errors): how it stops, exit 0
            server.stop(interrupted=True)  # the requests it answers are cut off (`LocalServer.stop`)
    progress("server stopped")
    return 0


_SERVER_VARIABLES = ("COUNTERCLAIM_PROVIDER", "COUNTERCLAIM_BASE_URL")
"""Settings of the other commands that name a server, which serve does not use."""
