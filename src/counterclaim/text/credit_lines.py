"""Credit lines: the note at the foot of a wire story that says who helped write it.

"Some information for this report was provided by AFP and Reuters.", "Reporting by Jane Doe; Editing by
John Roe", "Associated Press writer Jane Doe contributed to this report." Such a line names where the
reporting came from; it is no one's claim, so no step turns it into one or asks the model about it.
"""

from __future__ import annotations

import re

_CREDIT = re.compile(
    r"""
    \bcontributed\s+(?:\w+\s+){0,2}to\s+this\s+(?:report|story|article)\b  # "X contributed to this report"
    | \bfor\s+this\s+(?:report|story|article)\s+(?:was|were|has\s+been|have\s+been)\s+provided\s+by\b
    | ^reporting\s+by\b.*\b(?:editing|writing)\s+by\b  # "Reporting by X; Editing by Y"
    | ^additional\s+reporting\s+by\b
    | ^(?:writing|editing)\s+by\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def is_credit_line(sentence: str) -> bool:
    """Whether the sentence credits the people or agencies behind the report rather than reporting."""
    return _CREDIT.search(" ".join(sentence.split())) is not None
