"""Opening a model client for the configured provider (starting the embedded server when local)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from counterclaim.config import Provider, Settings
from counterclaim.llm.client import ModelClient
from counterclaim.llm.local_server import LocalServer, resolve_model_path
from counterclaim.llm.response_cache import response_cache_for


@contextlib.asynccontextmanager
async def open_model_client(settings: Settings, *, quiet: bool = True) -> AsyncIterator[ModelClient]:
    """Yield a ModelClient for `settings`; the embedded server, if any, is stopped on exit."""
    if settings.provider is not Provider.LOCAL:
        client = ModelClient(settings)
        try:
            yield client
        finally:
            await client.aclose()
        return
    model_path = resolve_model_path(settings.model, settings.model_path, settings.model_cache)
    cache = response_cache_for(settings, model_path)
    with LocalServer(
        model_path,
        n_ctx=settings.n_ctx,
        threads=settings.threads,
        port=settings.port,
        quiet=quiet,
        slots=settings.slots,
        speculation=settings.speculation,
    ) as server:
        client = ModelClient(settings, base_url=server.base_url, cache=cache)
        if not settings.concurrency:  # as many requests in flight as the server has slots
            client.limit_concurrency(server.slots)
        try:
            yield client
        finally:
            await client.aclose()
