"""The command-line options of the model settings, built from `config.SETTING_FLAGS` (one list of names).

Each option's help is the setting's own description and names its environment variable; the values
go to `load_settings`, so flags override COUNTERCLAIM_* variables, which override defaults.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import click

from counterclaim.config import SETTING_FLAGS, SettingFlag, Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def _inner_type(flag: SettingFlag) -> Any:
    annotation = Settings.model_fields[flag.field].annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return next(arg for arg in typing.get_args(annotation) if arg is not type(None))
    return annotation


def _click_type(flag: SettingFlag) -> Any:
    kind = _inner_type(flag)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return click.Choice([member.value for member in kind])
    if kind is Path:
        return click.Path()  # a string: an empty one is refused in `settings_from`
    if kind in (int, float):
        return kind
    return str


def _option(flag: SettingFlag) -> Callable[[F], F]:
    help_text = f"{flag.description} [env: {flag.environment_variable}]"
    if _inner_type(flag) is bool:  # --narrator / --no-narrator; not given: None (environment, default)
        switch = f"{flag.flag}/--no-{flag.flag.removeprefix('--')}"
        return click.option(switch, flag.field, default=None, help=help_text)
    return click.option(flag.flag, flag.field, type=_click_type(flag), default=None, help=help_text)


def model_options(command: F) -> F:
    """Add the model settings' options (and the deprecated --cache-dir) to a command."""
    command = click.option(
        "--cache-dir",
        "cache_dir",
        type=click.Path(),
        default=None,
        hidden=True,
        help="Deprecated: --response-cache.",
    )(command)
    for flag in reversed(SETTING_FLAGS):
        command = _option(flag)(command)
    return command


LOCAL_SERVER_FIELDS = ("model", "model_path", "port", "threads", "n_ctx", "slots")
"""The settings of the embedded server alone (`serve`)."""


def local_server_options(command: F) -> F:
    """Add the options of the embedded server's settings to a command."""
    for flag in reversed(SETTING_FLAGS):
        if flag.field in LOCAL_SERVER_FIELDS:
            command = _option(flag)(command)
    return command


def settings_from(params: Mapping[str, Any], command_defaults: Mapping[str, Any] | None = None) -> Settings:
    """Settings from the command's parameters (None: not given), then the environment, then the
    command's own defaults (`command_defaults`, e.g. eval turns the narrator on), then the defaults.

    A command default applies only where neither a flag nor the environment set the field, as the
    settings tell it (`model_fields_set`): the environment is read, and checked, exactly as for any
    other command (an empty COUNTERCLAIM_NARRATOR is unset, "false", "0" or a lower-case variable name
    set it, a value that is no boolean is refused)."""
    values = {flag.field: params.get(flag.field) for flag in SETTING_FLAGS}
    deprecated = params.get("cache_dir")
    notices: tuple[str, ...] = ()
    if deprecated is not None:
        notices = ("--cache-dir is deprecated: use --response-cache (the folder of stored model answers)",)
        if values.get("response_cache") is None:
            values["response_cache"] = deprecated
    for flag in SETTING_FLAGS:
        value = values.get(flag.field)
        if _inner_type(flag) is Path and value is not None:
            if not str(value).strip():
                raise click.BadParameter("needs a path, not an empty string", param_hint=flag.flag)
            values[flag.field] = Path(value)
    settings = load_settings(**values)
    unset = {
        field: value
        for field, value in (command_defaults or {}).items()
        if field not in settings.model_fields_set
    }
    if unset:
        settings = load_settings(**{**values, **unset})
    return settings.model_copy(update={"notices": (*notices, *settings.notices)}) if notices else settings
