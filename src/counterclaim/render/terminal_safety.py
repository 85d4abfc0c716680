"""Making untrusted text (article words, model output) harmless to print on a terminal.

Article text and model answers may contain escape sequences that move the cursor, retitle the
window, recolour the output or hide text (ANSI/VT escapes, 8-bit C1 controls such as CSI U+009B,
bidirectional overrides, invisible Unicode tag characters). `safe_terminal_text` removes them all
and keeps only newlines and tabs among the control characters.
"""

from __future__ import annotations

import re

_UNSAFE_CHARACTERS = (
    "\x00-\x08"  # C0 controls before TAB
    "\x0b-\x1f"  # C0 controls after LF, ESC (\x1b) and CR included
    "\x7f-\x9f"  # DEL and the C1 controls (U+009B is an 8-bit CSI)
    "\u061c"  # Arabic letter mark
    "\u200e\u200f"  # left-to-right / right-to-left marks
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\U000e0000-\U000e007f"  # Unicode tag characters (invisible text)
)

UNSAFE_TERMINAL_CHARACTERS = re.compile(f"[{_UNSAFE_CHARACTERS}]")
"""Matches one character that `safe_terminal_text` removes."""


def safe_terminal_text(s: str) -> str:
    """`s` without control, bidi-control and tag characters; newlines and tabs are kept."""
    return UNSAFE_TERMINAL_CHARACTERS.sub("", s)


def single_line(s: str) -> str:
    """`s` made terminal-safe, with every run of whitespace (newlines included) turned into one space."""
    return " ".join(safe_terminal_text(s).split())
