"""`counterclaim serve`: the embedded model as a server that stays up, for repeated use.

Every `analyze` with the embedded model loads the model and starts llama.cpp's server again. `serve`
starts it once and keeps it up until Ctrl-C or SIGTERM; other commands (or any OpenAI-compatible
client) reach it with `--base-url`. The server is the same one `analyze` starts in-process (same
model, context, slots and threads), so the requests and answers are the same.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import click

from counterclaim.cli.errors import write_stdout
from counterclaim.cli.options import local_server_options, settings_from
from counterclaim.cli.progress import ProgressLines
from counterclaim.config import Provider
from counterclaim.errors import ConfigurationError
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
    settings = settings_from(params, {"port": DEFAULT_PORT})
    if settings.provider is not Provider.LOCAL:
        raise ConfigurationError(
            "serve runs the embedded model: unset --base-url, COUNTERCLAIM_PROVIDER and the API key "
            "variables for this command"
        )
    progress = ProgressLines(enabled=not params["quiet"])
    model_path = resolve_model_path(settings.model, settings.model_path, settings.model_cache)
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
        write_stdout(
            f"{server.base_url}\n"
            f"counterclaim analyze ARTICLE --base-url {server.base_url} --model {settings.model} "
            f"--concurrency {server.slots}\n"
        )
        progress(f"serving {model_path.name} with {server.slots} slot(s); Ctrl-C stops it")
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C or SIGTERM (cli.errors): how it stops
            (until or threading.Event()).wait()
    progress("server stopped")
    return 0
