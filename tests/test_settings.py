"""`load_settings`: values copied with spaces around them are cleaned, values no request could carry
are refused (ConfigurationError, the value never echoed), and a blank value is unset."""

from __future__ import annotations

from typing import Any

import pytest

from counterclaim.config import load_settings
from counterclaim.errors import ConfigurationError

URL = "http://127.0.0.1:9/v1"


def settings(**values: Any) -> Any:
    return load_settings(env={}, **{"provider": "compatible", "base_url": URL, "model": "m", **values})


def test_a_url_and_a_key_copied_with_a_line_break_are_used_without_it() -> None:
    """A base URL with a trailing newline used to pass the check and fail as a raw httpx error; a key
    with one, as a connection error after four attempts."""
    given = settings(base_url=f" {URL}\n", api_key=" sk-abc123\n")
    assert given.base_url == URL and given.api_key_value == "sk-abc123"


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/v\x001", "http://127.0.0.1:9/my models/v1"])
def test_a_url_holding_a_space_or_a_control_character_is_refused(url: str) -> None:
    with pytest.raises(ConfigurationError, match="holds a space or a control character"):
        settings(base_url=url)


@pytest.mark.parametrize("key", ["sk-caf\u00e9-secret", "sk-two words", "sk-tab\there"])
def test_a_key_no_http_header_can_carry_is_refused_without_echoing_it(key: str) -> None:
    """A non-ASCII key used to fail every request as 'the model's answer could not be used' (exit 6)."""
    with pytest.raises(ConfigurationError, match="printable ASCII only") as caught:
        settings(api_key=key)
    assert key not in str(caught.value)


@pytest.mark.parametrize("name", ["concurrency", "temperature", "max_retries", "port"])
def test_true_or_false_for_a_number_is_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match=f"{name}: .*a number is needed"):
        settings(**{name: True})


def test_a_blank_folder_is_unset_as_an_empty_environment_variable_is() -> None:
    """response_cache="" used to be the current directory, filled with cache folders."""
    assert settings(response_cache="").response_cache is None
    assert settings(response_cache="  ", model_cache="").model_cache == settings().model_cache


def test_a_blank_key_sends_no_key_whatever_the_environment_holds() -> None:
    """The caller's way not to send OPENAI_API_KEY to a third-party server (found by a review)."""
    given = load_settings(env={"OPENAI_API_KEY": "sk-from-env"}, provider="compatible", base_url=URL,
                          model="m", api_key="")  # fmt: skip
    assert not given.api_key_value


def test_the_settings_shown_hold_no_password_of_the_url() -> None:
    """repr(settings) masked the key but showed the URL's password and token: a log line's leak."""
    given = settings(
        base_url="http://alice:pw-Secret-77@127.0.0.1:9/v1?token=tok-Secret-88", api_key="sk-123456"
    )
    shown = repr(given) + str(given)
    assert "pw-Secret-77" not in shown and "tok-Secret-88" not in shown and "sk-123456" not in shown
    assert "base_url='http://127.0.0.1:9/v1'" in shown
    assert given.base_url == "http://alice:pw-Secret-77@127.0.0.1:9/v1?token=tok-Secret-88"  # still used
