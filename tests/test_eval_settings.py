"""The settings of `counterclaim eval`: its own default (the narrator on) applies only where neither a
flag nor the environment set the narrator, and the environment is read and checked as for every other
command (`analyze`, `batch`: `settings_from` without command defaults)."""

from __future__ import annotations

import pytest

from counterclaim.cli.eval_command import EVAL_DEFAULTS
from counterclaim.cli.options import settings_from
from counterclaim.errors import ConfigurationError


def test_eval_turns_the_narrator_on_unless_told_otherwise() -> None:
    assert settings_from({}, EVAL_DEFAULTS).narrator is True
    assert settings_from({}).narrator is False  # analyze and batch
    assert settings_from({"narrator": False}, EVAL_DEFAULTS).narrator is False  # --no-narrator


@pytest.mark.parametrize(
    ("name", "value", "read"),
    [
        ("COUNTERCLAIM_NARRATOR", "false", False),
        ("COUNTERCLAIM_NARRATOR", "0", False),
        ("COUNTERCLAIM_NARRATOR", "FALSE", False),
        ("counterclaim_narrator", "false", False),  # variable names are not case-sensitive
        ("counterclaim_narrator", "0", False),
        ("COUNTERCLAIM_NARRATOR", "1", True),
        ("counterclaim_narrator", "true", True),
    ],
)
def test_eval_reads_the_narrator_from_the_environment_as_every_command_does(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, read: bool
) -> None:
    monkeypatch.setenv(name, value)
    assert settings_from({}).narrator is read
    assert settings_from({}, EVAL_DEFAULTS).narrator is read
    assert settings_from({"narrator": not read}, EVAL_DEFAULTS).narrator is (not read)  # a flag wins


@pytest.mark.parametrize("name", ["COUNTERCLAIM_NARRATOR", "counterclaim_narrator"])
def test_an_empty_narrator_variable_is_unset_so_eval_keeps_its_default(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "")
    assert settings_from({}).narrator is False  # every command: empty means unset, the default
    assert settings_from({}, EVAL_DEFAULTS).narrator is True


@pytest.mark.parametrize("name", ["COUNTERCLAIM_NARRATOR", "counterclaim_narrator"])
def test_a_narrator_variable_that_is_no_boolean_is_refused_by_eval_too(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "maybe")
    for defaults in (None, EVAL_DEFAULTS):
        with pytest.raises(ConfigurationError, match="invalid setting narrator"):
            settings_from({}, defaults)
