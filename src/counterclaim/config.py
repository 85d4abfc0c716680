"""Settings: command-line flags first, then COUNTERCLAIM_* environment variables, then defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from counterclaim.errors import ConfigurationError

ENV_PREFIX = "COUNTERCLAIM_"
DEFAULT_OPENAI_MODEL = "gpt-4.1-mini"
OPENAI_BASE_URL = "https://api.openai.com/v1"


class Provider(StrEnum):
    """Where the language model runs."""

    LOCAL = "local"
    """The embedded llama.cpp server started inside this process."""
    OPENAI = "openai"
    """api.openai.com with OPENAI_API_KEY."""
    COMPATIBLE = "compatible"
    """Any OpenAI-compatible server at --base-url (Ollama, vLLM, llama.cpp server)."""


class StructuredMode(StrEnum):
    """How structured output is requested (instructor modes)."""

    JSON_SCHEMA = "json_schema"
    JSON = "json"
    TOOLS = "tools"
    MD_JSON = "md_json"


class Settings(BaseModel):
    """Everything that controls a run. Build it with `load_settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: Provider = Field(description="local, openai or compatible.")
    model: str = Field(description="Model name sent to the server (for local: the embedded model's name).")
    base_url: str | None = Field(default=None, description="Server URL for the compatible provider.")
    api_key: SecretStr | None = Field(default=None, description="API key; never printed.")
    mode: StructuredMode = Field(default=StructuredMode.JSON_SCHEMA, description="Structured-output mode.")
    model_path: Path | None = Field(default=None, description="GGUF file for the local provider.")
    port: int = Field(default=0, ge=0, le=65535, description="Local server port (0: pick a free one).")
    n_ctx: int = Field(default=8192, ge=512, description="Local server context size in tokens.")
    threads: int = Field(default=max(1, os.cpu_count() or 1), ge=1, description="Local server CPU threads.")
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    seed: int = Field(default=0, description="Sampling seed sent with every request.")
    request_timeout: float = Field(default=900.0, gt=0, description="Seconds one HTTP request may take.")
    max_retries: int = Field(default=3, ge=0, description="Retries of transient failures (429, 5xx, ...).")
    retry_max_wait: float = Field(default=30.0, ge=0, description="Longest backoff between retries.")
    retry_total_seconds: float = Field(default=300.0, gt=0, description="Give up retrying after this.")
    max_reasks: int = Field(default=2, ge=0, description="Re-asks after output that fails validation.")
    max_chars: int = Field(default=200_000, ge=1, description="Longest article accepted, in characters.")
    chunk_chars: int = Field(default=7_000, ge=500, description="Longest chunk sent to the model.")
    chunk_overlap: int = Field(default=2, ge=0, description="Sentences shared by neighbouring chunks.")
    max_candidates: int = Field(default=10, ge=0, description="Claim pairs verified for contradiction.")
    cache_dir: Path | None = Field(
        default=None,
        description=(
            "Directory of stored model answers: a request made before (same prompt, schema, settings "
            "and model) gets its stored answer instead of a model call. None: no cache."
        ),
    )

    @field_validator("base_url")
    @classmethod
    def _base_url_is_usable(cls, value: str | None) -> str | None:
        if value is not None:
            check_base_url(value)
        return value

    @property
    def api_key_value(self) -> str | None:
        return self.api_key.get_secret_value() if self.api_key else None


class BaseUrlError(ValueError):
    """A base URL no HTTP client can use; the message shows it without credentials."""


def url_without_credentials(url: str) -> str:
    """`url` with any user name and password removed (and its query and fragment, which may hold
    tokens), also when it does not parse as a URL: what an error message may show."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    authority, slash, path = rest.partition("/")
    authority = authority.rpartition("@")[2]
    path = path.split("?", 1)[0].split("#", 1)[0]
    return f"{scheme}{separator}{authority}{slash}{path}"


def check_base_url(url: str) -> None:
    """Raise `BaseUrlError` unless `url` is an http(s) URL with a host and a valid port."""
    shown = url_without_credentials(url.strip())

    def refuse(reason: str) -> BaseUrlError:
        return BaseUrlError(f"base URL '{shown}' {reason}")

    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises ValueError for a port that is not a number in 0..65535
    except ValueError as error:
        detail = (
            "has a port that is not a number from 1 to 65535"
            if "port" in str(error).lower()
            else ("is not a valid URL (an unclosed [ for an IPv6 address?)")
        )
        raise refuse(detail) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise refuse("needs http:// or https:// in front, e.g. http://localhost:11434/v1")
    if not parts.hostname:
        raise refuse("has no host name")
    if port == 0:
        raise refuse("has a port that is not a number from 1 to 65535")


_ENV_FIELDS = {
    "provider": "PROVIDER",
    "model": "MODEL",
    "base_url": "BASE_URL",
    "api_key": "API_KEY",
    "mode": "MODE",
    "model_path": "MODEL_PATH",
    "port": "PORT",
    "n_ctx": "N_CTX",
    "threads": "THREADS",
    "temperature": "TEMPERATURE",
    "seed": "SEED",
    "request_timeout": "REQUEST_TIMEOUT",
    "max_retries": "MAX_RETRIES",
    "retry_max_wait": "RETRY_MAX_WAIT",
    "retry_total_seconds": "RETRY_TOTAL_SECONDS",
    "max_reasks": "MAX_REASKS",
    "max_chars": "MAX_CHARS",
    "chunk_chars": "CHUNK_CHARS",
    "chunk_overlap": "CHUNK_OVERLAP",
    "max_candidates": "MAX_CANDIDATES",
    "cache_dir": "CACHE_DIR",
}


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field, suffix in _ENV_FIELDS.items():
        raw = env.get(ENV_PREFIX + suffix)
        if raw is not None and raw.strip() != "":
            values[field] = raw.strip()
    return values


def _default_model(provider: Provider) -> str:
    if provider is Provider.OPENAI:
        return DEFAULT_OPENAI_MODEL
    if provider is Provider.LOCAL:
        from counterclaim.llm.model_files import DEFAULT_LOCAL_MODEL

        return DEFAULT_LOCAL_MODEL.name
    raise ConfigurationError(
        "the compatible provider needs a model name: pass --model or set COUNTERCLAIM_MODEL"
    )


def load_settings(env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Merge flags (None means unset), then COUNTERCLAIM_* variables, then defaults, and check them.

    The provider, when not given, is `compatible` if a base URL is set, `openai` if an API key is
    available (COUNTERCLAIM_API_KEY or OPENAI_API_KEY), else `local`. An empty key is an error for
    `openai`, caught here before any work, and the key is never echoed.
    """
    environ = os.environ if env is None else env
    values = _from_env(environ)
    values.update({k: v for k, v in flags.items() if v is not None})
    if "api_key" not in values and environ.get("OPENAI_API_KEY", "").strip():
        values["api_key"] = environ["OPENAI_API_KEY"].strip()
    if "provider" not in values:
        if values.get("base_url"):
            values["provider"] = Provider.COMPATIBLE
        elif values.get("api_key"):
            values["provider"] = Provider.OPENAI
        else:
            values["provider"] = Provider.LOCAL
    try:
        provider = Provider(values["provider"])
    except ValueError:
        choices = ", ".join(p.value for p in Provider)
        raise ConfigurationError(f"unknown provider '{values['provider']}' (choose {choices})") from None
    values["provider"] = provider
    if provider is Provider.OPENAI and not str(values.get("api_key") or "").strip():
        raise ConfigurationError("the openai provider needs an API key: set OPENAI_API_KEY")
    if provider is Provider.COMPATIBLE and not values.get("base_url"):
        raise ConfigurationError("the compatible provider needs --base-url (or COUNTERCLAIM_BASE_URL)")
    if not values.get("model"):
        values["model"] = _default_model(provider)
    try:
        return Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        cause = (first.get("ctx") or {}).get("error")
        if isinstance(cause, BaseUrlError):  # its message shows the URL without credentials
            raise ConfigurationError(
                f"invalid setting: {cause} (--base-url or COUNTERCLAIM_BASE_URL)"
            ) from None
        field = ".".join(str(part) for part in first["loc"])
        # Never echo the input: it may be a secret.
        raise ConfigurationError(f"invalid setting {field}: {first['msg']}") from None
