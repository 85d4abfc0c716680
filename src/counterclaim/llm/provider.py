"""Opening a model client for the configured provider (starting the embedded server when local)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from counterclaim.config import Provider, Settings
from counterclaim.llm.client import OPENAI_BASE_URL, ModelClient, public_location
from counterclaim.llm.local_server import LocalServer, resolve_model_path
from counterclaim.llm.response_cache import ResponseCache, cache_namespace, model_file_identity


def response_cache_for(settings: Settings, model_path: Path | None = None) -> ResponseCache | None:
    """The response cache `settings.cache_dir` asks for, keyed to the model that answers (None: no cache).

    `model_path`: the embedded model's file (local provider); its name and size name the model, since
    the server's address changes every run.
    """
    if settings.cache_dir is None:
        return None
    if settings.provider is Provider.LOCAL:
        path = model_path or resolve_model_path(settings.model, settings.model_path)
        endpoint = model_file_identity(path)
    else:
        endpoint = public_location(settings.base_url or OPENAI_BASE_URL)
    return ResponseCache(settings.cache_dir, cache_namespace(settings.provider.value, endpoint))


@contextlib.asynccontextmanager
async def open_model_client(settings: Settings, *, quiet: bool = True) -> AsyncIterator[ModelClient]:
    """Yield a ModelClient for `settings`; the embedded server, if any, is stopped on exit."""
    if settings.provider is not Provider.LOCAL:
        client = ModelClient(settings, cache=response_cache_for(settings))
        try:
            yield client
        finally:
            await client.aclose()
        return
    model_path = resolve_model_path(settings.model, settings.model_path)
    cache = response_cache_for(settings, model_path)
    with LocalServer(
        model_path, n_ctx=settings.n_ctx, threads=settings.threads, port=settings.port, quiet=quiet
    ) as server:
        client = ModelClient(settings, base_url=server.base_url, cache=cache)
        try:
            yield client
        finally:
            await client.aclose()
