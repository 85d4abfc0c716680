"""Words that give a thing its name rather than report speech: a quoted name ('the book "Fire and
Fury"') and "called" in its naming use ('a program called "Learning Together"', "so-called",
"license, also called parole"), read by the reporting-cue check (`pipeline.rules.attribution`) and by
code's speaker finder (`text.speakers`), so neither takes "Fishmongers' Hall called ..." for a speaker
and its words."""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.language.tokens import word_runs

_MAX_NAME_WORDS = 8


def is_name(stretch: str) -> bool:
    """Whether quoted words are a name: a few capitalised words or figures (joined by "of", "and",
    ...), no sentence punctuation, not shouted in capitals ("NO COLLUSION")."""
    words = word_runs(stretch)
    shouted = len(words) > 1 and stretch.isupper()  # "NO COLLUSION": words in capitals, not a name
    return (
        not shouted
        and 0 < len(words) <= _MAX_NAME_WORDS
        and not any(mark in stretch for mark in ".,;:!?")
        and (words[0][:1].isupper() or words[0][:1].isdigit())
        and all(word[:1].isupper() or word[:1].isdigit() or word in english.NAME_CONNECTORS for word in words)
    )


_CALLED_A_NAME = re.compile(
    r"\bso[\s-]+called\b"
    r"|(?<=,)\s*(?:also|sometimes|often|commonly|formerly)\s+called\s+(?!(?:for|on|upon|it|him|her|them|this"
    r"|that|the|a|an|out|off|back|up|in|me|us)\b)[\w'\u2019-]+(?:\s[\w'\u2019-]+)?\s*[,.;)]"
    r"|\bcalled(?=\s*(?:\"(?P<plain>[^\"]{1,80})\"|\u201c(?P<curly>[^\u201c\u201d]{1,80})\u201d)\s*(?:[.,;:)]|$))",
    re.IGNORECASE,
)
""""called" giving a thing its name, not reporting speech: "so-called", an aside after a comma ("out
on license, also called parole, and ..."; not ", also called for calm"), or a quoted name closing its
clause ('a program at Fishmongers' Hall called "Learning Together".'; the quoted words must be a
name, `is_name`: not 'called "the attack cowardly".')."""


def with_names_given(text: str) -> str:
    """The text with "called" that gives a name (`_CALLED_A_NAME`) written "named", a word that reports
    no speech."""

    def named(match: re.Match[str]) -> str:
        quoted = match.group("plain") or match.group("curly")
        if quoted is not None and not is_name(quoted):
            return match.group()
        return re.sub(r"called", "named", match.group(), flags=re.IGNORECASE)

    return _CALLED_A_NAME.sub(named, text)
