"""Recorded model responses (vcrpy cassettes) from the real embedded model.

Replay (the default, and always in CI): requests are matched on method, path and JSON body; a request
with no recording fails (the network is never used). Record: `COUNTERCLAIM_RECORD=1 pytest ...` starts
the embedded Qwen2.5-Coder-1.5B server and records every request anew (see README, "Re-recording").
Request and response headers are dropped before anything is written, so no key, cookie or
organisation id can reach a cassette.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import vcr

from counterclaim.config import Settings, load_settings
from counterclaim.llm.client import ModelClient
from counterclaim.llm.local_server import LocalServer, resolve_model_path
from counterclaim.llm.model_files import DEFAULT_LOCAL_MODEL
from counterclaim.llm.response_cache import ResponseCache

CASSETTES = Path(__file__).parent / "cassettes"
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"  # never contacted: replay answers every request
KEPT_RESPONSE_HEADERS = {"content-type"}


def recording() -> bool:
    """`COUNTERCLAIM_RECORD=1` records every request anew; `=new` keeps the recorded answers to
    requests that did not change, records only the new requests and drops the ones no longer made
    (for a change that alters only some requests, such as the last step of the pipeline)."""
    return os.environ.get("COUNTERCLAIM_RECORD") in {"1", "new"}


def _only_new_requests() -> bool:
    return os.environ.get("COUNTERCLAIM_RECORD") == "new"


def recorded_settings(**overrides: Any) -> Settings:
    """The settings the cassettes were recorded with (the default local model, temperature 0)."""
    values: dict[str, Any] = {"provider": "local", "model": DEFAULT_LOCAL_MODEL.name, **overrides}
    return load_settings(env={}, **values)


def _json_body(request: Any) -> Any:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body) if body else None
    except json.JSONDecodeError:
        return body


def _same_json_body(r1: Any, r2: Any) -> None:
    assert _json_body(r1) == _json_body(r2), "request bodies differ"


def _scrub_request(request: Any) -> Any:
    request.headers.clear()
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Keep only the content type, and the model file's name without the recording machine's path."""
    headers = response.get("headers", {})
    response["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_RESPONSE_HEADERS}
    body = response.get("body", {})
    raw = body.get("string")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    if isinstance(raw, str):
        try:
            payload = json.loads(raw)
        except json.JSONDecodeError:
            return response
        if isinstance(payload, dict) and isinstance(payload.get("model"), str):
            payload["model"] = os.path.basename(payload["model"])
            body["string"] = json.dumps(payload).encode("utf-8")
    return response


def cassette_vcr(*, record: bool, only_new: bool = False) -> vcr.VCR:
    mode = ("new_episodes" if only_new else "all") if record else "none"
    recorder = vcr.VCR(
        record_mode=mode,
        drop_unused_requests=only_new,
        match_on=["method", "path", "json_body"],
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    recorder.register_matcher("json_body", _same_json_body)
    return recorder


@contextlib.asynccontextmanager
async def recorded_client(
    cassette: str,
    settings: Settings | None = None,
    *,
    replay_only: bool = False,
    cache: ResponseCache | None = None,
) -> AsyncIterator[ModelClient]:
    """A ModelClient whose HTTP traffic is replayed from (or, when recording, written to) a cassette.

    `replay_only` tests reuse a cassette another test records (the same requests), so they never
    overwrite it, even while recording. `cache`: a response cache in front of the cassette (it stores
    the replayed answers).
    """
    settings = settings or recorded_settings()
    record = recording() and not replay_only
    with contextlib.ExitStack() as stack:
        base_url = REPLAY_BASE_URL
        if record:
            path = resolve_model_path(settings.model, settings.model_path)
            server = stack.enter_context(LocalServer(path, n_ctx=settings.n_ctx, threads=settings.threads))
            base_url = server.base_url
        only_new = record and _only_new_requests()
        recorder = cassette_vcr(record=record, only_new=only_new)
        path_of_cassette = str(CASSETTES / f"{cassette}.yaml")
        if record and not only_new:  # vcrpy would keep the old interactions next to the new ones
            Path(path_of_cassette).unlink(missing_ok=True)
        stack.enter_context(recorder.use_cassette(path_of_cassette, allow_playback_repeats=True))
        client = ModelClient(settings, base_url=base_url, cache=cache)
        try:
            yield client
        finally:
            await client.aclose()
