"""Settings, in one place: command-line flags first, then COUNTERCLAIM_* environment variables, then defaults.

`Settings` is a pydantic-settings model: every field is read from `COUNTERCLAIM_<FIELD>` (the API key
also from `OPENAI_API_KEY`), and values given in code or on the command line win. `SETTING_FLAGS` is
the one list of the settings the command line exposes, with their flag names; the CLI builds its
options from it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

from counterclaim.errors import ConfigurationError

ENV_PREFIX = "COUNTERCLAIM_"
DEFAULT_OPENAI_MODEL = "gpt-4.1-mini"
DEFAULT_LOCAL_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
"""The embedded model used when none is named (its files are described in `llm.model_files`)."""
OPENAI_BASE_URL = "https://api.openai.com/v1"
DEPRECATED_CACHE_VARIABLE = ENV_PREFIX + "CACHE_DIR"
MAX_ARTICLE_CHARS = 50_000_000
"""The highest `max_chars` accepted (about 50 MB of text): a larger limit would let one input hold the
whole machine's memory."""


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


def default_model_cache() -> Path:
    """Where the embedded model is assembled when no setting says: the user cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "counterclaim"


_environment: ContextVar[Mapping[str, str] | None] = ContextVar("counterclaim_environment", default=None)


class _GivenEnvironment(EnvSettingsSource):
    """Environment variables from the mapping `load_settings` was given (os.environ otherwise)."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        given = _environment.get()
        if given is None:
            return super()._load_env_vars()
        return parse_env_vars(given, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class Settings(BaseSettings):
    """Everything that controls a run. Build it with `load_settings`."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_ignore_empty=True, frozen=True, extra="forbid", populate_by_name=True
    )

    provider: Provider = Field(
        description=(
            "local, openai or compatible (default: compatible with a base URL, openai with a key, "
            "else local)."
        )
    )
    model: str = Field(description="Model name sent to the server (for local: a packaged model's name).")
    base_url: str | None = Field(
        default=None, description="OpenAI-compatible server URL (compatible provider)."
    )
    api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("api_key", ENV_PREFIX + "API_KEY", "OPENAI_API_KEY"),
        description="API key (COUNTERCLAIM_API_KEY or OPENAI_API_KEY); never printed.",
    )
    mode: StructuredMode = Field(default=StructuredMode.JSON_SCHEMA, description="Structured-output mode.")
    model_path: Path | None = Field(default=None, description="GGUF file for the local provider.")
    port: int = Field(default=0, ge=0, le=65535, description="Local server port (0: a free one).")
    n_ctx: int = Field(
        default=8192, ge=512, le=1_048_576, description="Local server context per slot, in tokens."
    )
    slots: int = Field(
        default=1, ge=1, le=64, description="Requests the local server decodes at once (parallel slots)."
    )
    compact_json: bool = Field(
        default=False,
        description=(
            "Local server: answers as compact JSON (a grammar with no indentation): about a fifth fewer "
            "generated tokens, but the 1.5B model found fewer claims with it (docs/how-it-works.md)."
        ),
    )
    speculation: Literal["none", "ngram"] = Field(
        default="none", description="Local server speculative decoding: none, or drafts from prompt n-grams."
    )
    threads: int = Field(
        default=max(1, os.cpu_count() or 1), ge=1, le=1024, description="Local server CPU threads."
    )
    temperature: float = Field(default=0.0, ge=0.0, le=2.0, description="Sampling temperature.")
    seed: int = Field(default=0, ge=-(2**63), lt=2**63, description="Sampling seed sent with every request.")
    request_timeout: float = Field(
        default=900.0, gt=0, le=86_400, description="Seconds one model request may take."
    )
    max_retries: int = Field(
        default=3, ge=0, le=100, description="Retries of transient server failures (429, 5xx, ...)."
    )
    retry_max_wait: float = Field(
        default=30.0, ge=0, le=86_400, description="Longest backoff between retries, in seconds."
    )
    retry_total_seconds: float = Field(
        default=300.0, gt=0, le=604_800, description="Give up retrying after this many seconds."
    )
    max_reasks: int = Field(default=2, ge=0, le=20, description="Re-asks after output that fails validation.")
    max_chars: int = Field(
        default=200_000, ge=1, le=MAX_ARTICLE_CHARS, description="Longest article accepted, in characters."
    )
    chunk_chars: int = Field(
        default=7_000, ge=500, le=1_000_000, description="Longest chunk sent to the model, in characters."
    )
    chunk_overlap: int = Field(
        default=2, ge=0, le=100, description="Sentences shared by neighbouring chunks."
    )
    max_candidates: int = Field(
        default=10, ge=0, le=10_000, description="Claim pairs verified for contradiction."
    )
    narrator: bool = Field(
        default=False,
        description=(
            "Add the article's own account as an actor ('the article'): its sentences stating a figure "
            "or a matter an actor denies, held against actors' words (contradiction kind 'record'). Off "
            "for analyze and batch, on for eval (scored apart)."
        ),
    )
    join_quotations: bool = Field(
        default=False,
        description=(
            "Join an actor's claims in consecutive sentences of one quotation into one claim, as "
            "whole-quotation corpora (PARC, PolNeAR) mark it. Off: one claim per quoted sentence, as the "
            "gold format labels two points of one quotation."
        ),
    )
    concurrency: int = Field(
        default=0,
        ge=0,
        le=1024,
        description="Model requests in flight at once (0: the embedded server's slots, or 8 for a server).",
    )
    response_cache: Path | None = Field(
        default=None,
        description=(
            "Folder of stored model answers: a request made before (same prompt, schema, settings and "
            "model) gets its stored answer instead of a model call. None: no cache."
        ),
    )
    model_cache: Path = Field(
        default_factory=default_model_cache,
        description="Folder where the embedded model is assembled from its PyPI pieces (about 1.1 GB).",
    )
    notices: tuple[str, ...] = Field(
        default=(), exclude=True, description="Things to tell the user about the settings (deprecations)."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Flags (values given in code) first, then the environment; no .env file, no secrets folder."""
        return init_settings, _GivenEnvironment(settings_cls)

    @model_validator(mode="before")
    @classmethod
    def _provider_and_model(cls, values: Any) -> Any:
        """The provider implied by what is set, the default model of the provider, and the checks that
        need both (caught before any work; the key is never echoed)."""
        if not isinstance(values, dict):
            return values
        key = values.get("api_key") or values.get(ENV_PREFIX + "API_KEY") or values.get("OPENAI_API_KEY")
        if not values.get("provider"):
            if values.get("base_url"):
                values["provider"] = Provider.COMPATIBLE
            elif key:
                values["provider"] = Provider.OPENAI
            else:
                values["provider"] = Provider.LOCAL
        try:
            provider = Provider(values["provider"])
        except ValueError:
            choices = ", ".join(p.value for p in Provider)
            raise ConfigurationError(f"unknown provider '{values['provider']}' (choose {choices})") from None
        if provider is Provider.OPENAI and not str(key or "").strip():
            raise ConfigurationError("the openai provider needs an API key: set OPENAI_API_KEY")
        if provider is Provider.COMPATIBLE and not values.get("base_url"):
            raise ConfigurationError("the compatible provider needs --base-url (or COUNTERCLAIM_BASE_URL)")
        if not values.get("model"):
            if provider is Provider.COMPATIBLE:
                raise ConfigurationError(
                    "the compatible provider needs a model name: pass --model or set COUNTERCLAIM_MODEL"
                )
            values["model"] = DEFAULT_OPENAI_MODEL if provider is Provider.OPENAI else DEFAULT_LOCAL_MODEL
        return values

    @field_validator("*", mode="before")
    @classmethod
    def _no_flag_for_a_number(cls, value: Any, info: ValidationInfo) -> Any:
        """True or False given for a number (`concurrency=True`) is a mistake, not 1 or 0."""
        field = cls.model_fields[info.field_name] if info.field_name else None
        if isinstance(value, bool) and field is not None and field.annotation in (int, float):
            raise ValueError("a number is needed, not True or False")
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url_is_usable(cls, value: str | None) -> str | None:
        """The URL without the spaces or line break around it (a value copied from a file), checked."""
        if value is not None:
            value = value.strip()
            check_base_url(value)
        return value

    @field_validator("api_key")
    @classmethod
    def _api_key_fits_a_header(cls, value: SecretStr | None) -> SecretStr | None:
        """The key without the spaces or line break around it; a key holding anything but printable
        ASCII can go in no HTTP header, and would fail every request as a connection error."""
        if value is None:
            return None
        key = value.get_secret_value().strip()
        if not all(" " < character < "\x7f" for character in key):
            raise ValueError("the API key holds characters no HTTP header can carry (printable ASCII only)")
        return SecretStr(key)

    def __repr_args__(self) -> Any:
        """As pydantic shows the fields, with the base URL's user, password, query and fragment left out
        (they may hold secrets, as the API key does)."""
        for name, value in super().__repr_args__():
            if name == "base_url" and isinstance(value, str):
                value = url_without_credentials(value)
            yield name, value

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
    shown = "".join(c if c.isprintable() else "?" for c in url_without_credentials(url.strip()))

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
    if any(character.isspace() or not character.isprintable() for character in url.strip()):
        raise refuse("holds a space or a control character")


@dataclass(frozen=True)
class SettingFlag:
    """A setting the command line exposes: the `Settings` field and its flag."""

    field: str
    flag: str

    @property
    def environment_variable(self) -> str:
        return ENV_PREFIX + self.field.upper()

    @property
    def description(self) -> str:
        return Settings.model_fields[self.field].description or ""


SETTING_FLAGS: tuple[SettingFlag, ...] = (
    SettingFlag("provider", "--provider"),
    SettingFlag("model", "--model"),
    SettingFlag("base_url", "--base-url"),
    SettingFlag("model_path", "--model-path"),
    SettingFlag("mode", "--mode"),
    SettingFlag("port", "--port"),
    SettingFlag("threads", "--threads"),
    SettingFlag("n_ctx", "--n-ctx"),
    SettingFlag("slots", "--slots"),
    SettingFlag("max_chars", "--max-chars"),
    SettingFlag("chunk_chars", "--chunk-chars"),
    SettingFlag("request_timeout", "--timeout"),
    SettingFlag("max_retries", "--max-retries"),
    SettingFlag("concurrency", "--concurrency"),
    SettingFlag("narrator", "--narrator"),
    SettingFlag("join_quotations", "--join-quotations"),
    SettingFlag("response_cache", "--response-cache"),
)
"""The settings the command line exposes, in the order `--help` lists them."""


@contextlib.contextmanager
def _reading(env: Mapping[str, str]) -> Iterator[None]:
    token = _environment.set(env)
    try:
        yield
    finally:
        _environment.reset(token)


def _deprecated_cache(environ: Mapping[str, str], flags: dict[str, Any]) -> list[str]:
    """COUNTERCLAIM_CACHE_DIR once meant both caches: it still sets each one the newer variables leave
    unset, with a notice."""
    old = environ.get(DEPRECATED_CACHE_VARIABLE, "").strip()
    if not old:
        return []
    for field in ("response_cache", "model_cache"):
        if flags.get(field) is None and not environ.get(ENV_PREFIX + field.upper(), "").strip():
            flags[field] = Path(old)
    return [
        f"{DEPRECATED_CACHE_VARIABLE} is deprecated: it sets both {ENV_PREFIX}RESPONSE_CACHE (model "
        f"answers) and {ENV_PREFIX}MODEL_CACHE (the embedded model's file); set those instead"
    ]


_FOLDER_FIELDS = frozenset({"response_cache", "model_cache", "model_path"})


def load_settings(env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Merge flags (None means unset), then COUNTERCLAIM_* variables (from `env`, os.environ by default),
    then defaults, and check them. Raises ConfigurationError, which never echoes a value (it may be a
    secret)."""
    environ = os.environ if env is None else env
    # None means unset; so does a blank folder, as an empty environment variable does (it would be the
    # current directory). A blank key stays: it is how a caller sends no key despite OPENAI_API_KEY.
    given = {
        k: v
        for k, v in flags.items()
        if v is not None and not (k in _FOLDER_FIELDS and isinstance(v, str) and not v.strip())
    }
    notices = _deprecated_cache(environ, given)
    try:
        with _reading(environ):
            return Settings(**given, notices=tuple(notices))
    except ConfigurationError:
        raise
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
