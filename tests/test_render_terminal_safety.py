"""safe_terminal_text removes everything a terminal could act on and keeps ordinary text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counterclaim.render.terminal_safety import UNSAFE_TERMINAL_CHARACTERS, safe_terminal_text, single_line


def test_removes_ansi_color_and_osc_title_escapes() -> None:
    assert safe_terminal_text("\x1b[31mred\x1b[0m") == "[31mred[0m"
    assert safe_terminal_text("\x1b]0;pwned\x07title") == "]0;pwnedtitle"


def test_removes_eight_bit_csi_and_other_c1_controls() -> None:
    assert safe_terminal_text("a\x9b2Jb\x85c\x90d\x7f") == "a2Jbcd"


def test_removes_carriage_return_backspace_and_nul() -> None:
    assert safe_terminal_text("safe\rEVIL\x08\x00") == "safeEVIL"


def test_removes_bidi_controls_and_tag_characters() -> None:
    hostile = "a\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg" + "\U000e0041\U000e007f" + "h"
    assert safe_terminal_text(hostile) == "abcdefgh"


def test_keeps_newlines_tabs_and_ordinary_unicode() -> None:
    text = "Zürich — “quoted” 東京 🙂\n\tnext line ‏"
    assert safe_terminal_text(text) == text.replace("\u200f", "")
    assert "\n\t" in safe_terminal_text(text)


def test_single_line_collapses_whitespace_after_removing_controls() -> None:
    assert single_line("  one\n\ttwo \x1b[1m three\r\n") == "one two [1m three"


@given(st.text())
def test_output_has_no_unsafe_character_and_keeps_the_rest_in_order(text: str) -> None:
    cleaned = safe_terminal_text(text)
    assert UNSAFE_TERMINAL_CHARACTERS.search(cleaned) is None
    assert cleaned == "".join(ch for ch in text if UNSAFE_TERMINAL_CHARACTERS.fullmatch(ch) is None)
    assert safe_terminal_text(cleaned) == cleaned
