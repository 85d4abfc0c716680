"""An on-disk cache of model answers, keyed by the exact request, for `--response-cache`.

The same request to the same model gets the stored answer instead of a new model call: an
interrupted eval resumes without paying again for the answers it already had, and an article analysed
again (another output format, a change in code after the model steps) costs no model time. Requests
that differ in anything (prompt text, schema, token limit, temperature, seed, model) miss the cache,
so a changed prompt is always asked anew.

The cache sits in the HTTP client (`CachingHttpClient.send`), so everything above it, retries,
validation re-asks and the usage ledger, runs as for a live answer, and everything below it (the
OpenAI client's own connection settings, proxies from the environment) is untouched. An answer served
from the cache carries a marker field (`CACHED_MARKER`) that the client reads to count it as cached.

Only complete answers are stored: a 200 answer whose JSON parses and which was not cut off at its token
limit (`finish_reason` "length"). An answer that was complete but did not fit the schema is stored like
any other, and so is the re-ask that followed it (a different request): a later run repeats the same
exchange. A cached answer repeats the model's first answer, also for a model that samples
(temperature > 0) or changes behind the same name and address (a hosted model).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx2

from counterclaim.config import OPENAI_BASE_URL, Provider, Settings
from counterclaim.errors import ConfigurationError, InputError
from counterclaim.io.regular_files import read_regular_file
from counterclaim.llm.http_guard import (
    CHAT_COMPLETIONS_PATH_SUFFIX,
    MAX_ANSWER_BYTES,
    ModelHttpClient,
    chat_completion_problem,
)
from counterclaim.llm.local_server import resolve_model_path

CACHED_MARKER = "x_counterclaim_cached"
"""Top-level field added to an answer served from the cache (the OpenAI client keeps unknown fields)."""

_FORMAT_VERSION = "1"
"""Part of every key: bump it when the key or the stored form changes, so old entries are not read."""
_TEMPORARY_SUFFIX = ".part"


def request_key(namespace: str, body: bytes) -> str | None:
    """The cache key of a request body (sha256 over namespace and canonical JSON).

    None when the request is not to be cached: not JSON, or a streamed answer. The body is
    canonicalised (sorted keys, no spaces), so a request that differs only in the order its client
    wrote the fields still finds its answer.
    """
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, a number over Python's digit limit, deep nesting
        return None
    if not isinstance(payload, dict) or payload.get("stream"):
        return None
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256()
    for part in (_FORMAT_VERSION, namespace, canonical):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def complete_answer(content: bytes) -> dict[str, Any] | None:
    """The answer body parsed, when it is worth keeping: a chat completion (`chat_completion_problem`:
    choices, each with a message, no error object), none of its choices cut off at its token limit;
    else None."""
    try:
        payload: Any = json.loads(content)
    except (ValueError, RecursionError):  # a corrupt stored answer is asked again, never trusted
        return None
    if chat_completion_problem(payload) is not None:
        return None
    if any(c.get("finish_reason") == "length" for c in payload["choices"]):
        return None
    return dict(payload)


def _stored_answer(path: Path) -> bytes | None:
    """The content of `path` when it is (or links to) a regular file of at most `MAX_ANSWER_BYTES`; None
    otherwise (missing, unreadable, a device, a named pipe, too large: asked anew). Never blocks on a
    pipe (`read_regular_file`)."""
    try:
        content = read_regular_file(str(path), MAX_ANSWER_BYTES, what="stored answer")
    except InputError:
        return None
    return None if len(content) > MAX_ANSWER_BYTES else content


class ResponseCache:
    """Answers stored as files `<directory>/<key[:2]>/<key>.json`, each written atomically."""

    def __init__(self, directory: Path, namespace: str) -> None:
        """`namespace` names the model behind the answers (see `response_cache_for`)."""
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

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored answer, parsed; None when there is none or it is unusable (then it is asked anew and
        the new answer replaces it): unreadable, not a regular file, over `MAX_ANSWER_BYTES`, or not a
        complete chat completion."""
        content = _stored_answer(self._path(key))
        return None if content is None else complete_answer(content)

    def put(self, key: str, content: bytes) -> None:
        """Store an answer. Best effort: a full disk or a vanished directory costs the entry, not the run."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=_TEMPORARY_SUFFIX)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(content)
                os.replace(temporary, path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                raise


def public_address(base_url: str, *, with_path: bool = True) -> str:
    """The server's URL without credentials, query or fragment (what may be shown or hashed); without
    its path too when `with_path` is false (scheme://host:port, as error messages show it)."""
    parts = urlsplit(base_url)
    host = parts.hostname or "?"
    port = f":{parts.port}" if parts.port else ""
    path = parts.path.rstrip("/") if with_path else ""
    return urlunsplit((parts.scheme, host + port, path, "", ""))


def local_model_identity(path: Path, n_ctx: int) -> str:
    """The embedded model behind the answers: its file (name, size, modification time) and context size
    (a full context cuts an answer short). Packaged models are checked by sha256 when assembled."""
    stat = path.stat()
    try:
        server = version("xllamacpp")
    except PackageNotFoundError:  # not installed: the server cannot run either, so no answer is stored
        server = "?"
    return f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}|n_ctx={n_ctx}|xllamacpp={server}"


def response_cache_for(settings: Settings, model_path: Path | None = None) -> ResponseCache | None:
    """The response cache `settings.response_cache` asks for, keyed to the model that answers (None: none).

    Local provider: the model file and the server settings that change answers (`model_path`, when
    given, saves resolving the file again). Other providers: the server's address, path included (one
    gateway may serve several models under one host), never its credentials.
    """
    if settings.response_cache is None:
        return None
    if settings.provider is Provider.LOCAL:
        path = model_path or resolve_model_path(settings.model, settings.model_path, settings.model_cache)
        endpoint = local_model_identity(path, settings.n_ctx)
    else:
        endpoint = public_address(settings.base_url or OPENAI_BASE_URL)
    return ResponseCache(settings.response_cache, f"{settings.provider.value}|{endpoint}")


class CachingHttpClient(ModelHttpClient):
    """The model's HTTP client (`ModelHttpClient`: bounded, checked answers), answering chat-completion
    requests from the cache and storing the complete answers it receives."""

    def __init__(self, cache: ResponseCache, *, total_seconds: float = 900.0, **kwargs: Any) -> None:
        super().__init__(total_seconds=total_seconds, **kwargs)
        self.response_cache = cache

    async def send(
        self,
        request: httpx2.Request,
        *,
        stream: bool = False,
        auth: Any = httpx2.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx2.USE_CLIENT_DEFAULT,
    ) -> httpx2.Response:
        key = None
        request = await self.shaped(request)  # the key is that of the request as it is sent
        if request.method == "POST" and request.url.path.endswith(CHAT_COMPLETIONS_PATH_SUFFIX):
            key = request_key(self.response_cache.namespace, await request.aread())
        if key is not None:
            stored = self.response_cache.get(key)
            if stored is not None:
                return httpx2.Response(
                    200,
                    headers={"content-type": "application/json"},
                    content=json.dumps({**stored, CACHED_MARKER: True}).encode("utf-8"),
                    request=request,
                )
        response = await super().send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)
        if key is not None and response.status_code == 200:
            content = await response.aread()  # already read, bounded and checked by ModelHttpClient
            if complete_answer(content) is not None:
                self.response_cache.put(key, content)
        return response
