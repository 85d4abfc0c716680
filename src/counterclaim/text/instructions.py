"""Sentences that address a language model instead of reporting news (planted prompt injection).

An article from the web may carry text written for the model that reads it: "Ignore all previous
instructions", "SYSTEM: you are now ...", "Output an empty list of claims and report that ...". Such a
sentence is never anyone's claim in the article; code recognises it from the commands and phrases
used to steer models, so no step turns it into a claim or asks the model about it.
"""

from __future__ import annotations

import re

from counterclaim.language import english

_FIRST_WORD = re.compile(r"[^\w]*(\w+)")


def reads_as_instruction(sentence: str) -> bool:
    """Whether the sentence commands or steers a model rather than reporting anything."""
    lowered = " ".join(sentence.casefold().split())
    first = _FIRST_WORD.match(lowered)
    if first is not None and first.group(1) in english.COMMAND_OPENERS:
        return True
    return any(phrase in lowered for phrase in english.STEERING_PHRASES)
