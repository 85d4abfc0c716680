"""An on-disk cache of model answers, keyed by the exact request, for `--cache-dir`.

The same request to the same model gets the stored answer instead of a new model call: an
interrupted eval resumes without paying again for the answers it already had, and an article analysed
again (another output format, a change in code after the model steps) costs no model time. Requests
that differ in anything (prompt text, schema, token limit, temperature, seed, model) miss the cache,
so a changed prompt is always asked anew.

The cache sits at the HTTP layer (a transport wrapped around the real one), so everything above it,
retries, validation re-asks and the usage ledger, runs as for a live answer. An answer served from the
cache carries a marker field (`CACHED_MARKER`) that the client reads to count it as cached.

Only successful chat-completion answers are stored. A cached answer repeats the model's first answer,
also for a model that samples (temperature > 0) or changes behind the same name (a hosted model).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import httpx2

from counterclaim.errors import ConfigurationError

CACHED_MARKER = "x_counterclaim_cached"
"""Top-level field added to an answer served from the cache (the OpenAI client keeps unknown fields)."""

_CACHED_PATH_SUFFIX = "/chat/completions"
_BODY_HEADERS = frozenset({"content-length", "content-encoding", "transfer-encoding"})
"""Headers that describe the body as it came over the wire; the rebuilt response sets its own."""
_FORMAT_VERSION = "1"
"""Part of every key: bump it when the key or the stored form changes, so old entries are not read."""


def request_key(namespace: str, body: bytes) -> str | None:
    """The cache key of a request body (sha256 over namespace and canonical JSON); None if not JSON.

    The body is canonicalised (sorted keys, no spaces), so a request that differs only in the order
    its client wrote the fields still finds its answer.
    """
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256()
    for part in (_FORMAT_VERSION, namespace, canonical):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class ResponseCache:
    """Answers stored as files `<directory>/<key[:2]>/<key>.json`, each written atomically."""

    def __init__(self, directory: Path, namespace: str) -> None:
        """`namespace` names the model behind the answers (see `cache_namespace`)."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigurationError(f"cannot use cache directory {directory}: {error.strerror}") from None
        if not os.access(directory, os.W_OK):
            raise ConfigurationError(f"cannot use cache directory {directory}: not writable")
        self.directory = directory
        self.namespace = namespace

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> bytes | None:
        """The stored answer, or None when there is none or it is unreadable (then it is asked anew)."""
        try:
            content = self._path(key).read_bytes()
            json.loads(content)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        return content

    def put(self, key: str, content: bytes) -> None:
        """Store an answer. Best effort: a full disk or a vanished directory costs the entry, not the run."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(content)
                os.replace(temporary, path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                raise


def cache_namespace(provider: str, endpoint: str) -> str:
    """What, besides the request, decides the answer: the provider and the model behind it.

    `endpoint` is the model file's name and size for the embedded model (its server's port changes
    every run), and the server's public address for a remote one.
    """
    return f"{provider}|{endpoint}"


def model_file_identity(path: Path) -> str:
    """The embedded model's identity for the cache: file name and size (cheap, and exact for our
    packaged models, whose content is checked by sha256 when they are assembled)."""
    return f"{path.name}:{path.stat().st_size}"


def _marked(content: bytes) -> bytes:
    payload: Any = json.loads(content)
    if isinstance(payload, dict):
        payload[CACHED_MARKER] = True
    return json.dumps(payload).encode("utf-8")


class CachingTransport(httpx2.AsyncBaseTransport):
    """Answers chat-completion requests from the cache; asks `inner` and stores its answer otherwise."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, cache: ResponseCache) -> None:
        self._inner = inner
        self._cache = cache

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        key = None
        if request.method == "POST" and request.url.path.endswith(_CACHED_PATH_SUFFIX):
            key = request_key(self._cache.namespace, await request.aread())
        if key is None:
            return await self._inner.handle_async_request(request)
        stored = self._cache.get(key)
        if stored is not None:
            return httpx2.Response(
                200, headers={"content-type": "application/json"}, content=_marked(stored), request=request
            )
        response = await self._inner.handle_async_request(request)
        if response.status_code != 200:
            return response
        content = await response.aread()
        await response.aclose()
        try:
            json.loads(content)
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass  # a cut-off or garbled body is never stored; the client reports it as usual
        else:
            self._cache.put(key, content)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _BODY_HEADERS]
        return httpx2.Response(response.status_code, headers=headers, content=content, request=request)

    async def aclose(self) -> None:
        await self._inner.aclose()
