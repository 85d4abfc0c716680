"""An Analysis as JSON, exactly the output contract of `counterclaim.models`.

Content is never changed (offsets must keep matching the article), but characters that a terminal
could act on and that JSON would otherwise emit raw (DEL, C1 controls such as the 8-bit CSI U+009B,
bidi controls, Unicode tag characters) are written as `\\uXXXX` escapes. They can only occur inside
JSON strings, so the document still parses to the same Analysis.
"""

from __future__ import annotations

import json
import re

from counterclaim.models import Analysis
from counterclaim.render.terminal_safety import UNSAFE_TERMINAL_CHARACTERS


def render_json(analysis: Analysis, *, indent: int = 2) -> str:
    """The analysis as JSON, ending with a newline; terminal-active characters are `\\u`-escaped."""
    document = analysis.model_dump_json(indent=indent)
    return UNSAFE_TERMINAL_CHARACTERS.sub(_json_escape, document) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    return json.dumps(match.group(0), ensure_ascii=True)[1:-1]
