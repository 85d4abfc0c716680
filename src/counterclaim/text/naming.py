"""Words that give a thing its name rather than report speech: a quoted name ('the book "Fire and
Fury"') and "called" in its naming use ('a program called "Learning Together"', "so-called",
"license, also called parole", "a British colony called Southern Rhodesia"), read by the reporting-cue
check (`pipeline.rules.attribution`) and by code's speaker finder (`text.speakers`), so neither takes
"Fishmongers' Hall called ..." for a speaker and its words."""

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


_QUOTED_AFTER = (
    r"\s*(?:\"(?P<plain>[^\"]{1,80})\"|\u201c(?P<curly>[^\u201c\u201d]{1,80})\u201d)\s*(?:[.,;:)]|$)"
)
_CALLED_A_NAME = re.compile(
    r"\bso[\s-]+(?P<so>called)\b(?!\s+(?:for|on|upon)\b)"
    r"|(?<=,)\s*(?:also|sometimes|often|commonly|formerly)\s+(?P<aside>called)\s+(?!(?:for|on|upon|it|him|her"
    r"|them|this|that|the|a|an|out|off|back|up|in|me|us)\b)[\w'\u2019-]+(?:\s[\w'\u2019-]+)?\s*[,.;)]"
    rf"|\b(?P<quoted>called)(?={_QUOTED_AFTER})"
    r"|\b(?-i:an?|An?)\s+(?P<between>(?:[\w'\u2019-]+\s+){0,3}?)(?P<thing>(?-i:[a-z])[\w-]*)\s+"
    r"(?P<after_thing>called)\s+(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,5}[.!?]?\s*$",
    re.IGNORECASE,
)
""""called" giving a thing its name, not reporting speech: "so-called" (not "and so called on Russia"),
an aside after a comma ("out on license, also called parole, and ..."; not
", also called for calm"), or a quoted name closing its clause ('a program at Fishmongers' Hall called
\u201cLearning Together\u201d.'; the quoted words must be a name, `is_name`: not 'called "the attack
cowardly"', and not after a speaker: 'what he called "Fake News"', `_SPEAKER_BEFORE`), or a name after a
place or thing introduced with "a" or "an" that ends the sentence ("a British colony called Southern
Rhodesia.", "a mountain stream called Miracle Run."; `_thing_named`; not "A lawmaker called Trump unfit
for office", nor "called Mr. Musk reckless": a name with a full stop inside is no name here). Single
quotation marks are not read: they are also apostrophes."""
_SPEAKER_BEFORE = frozenset("what who whom which that has have had he she they we i you it also".split())
"""Words among the three before a quoted "called" that make it a speaker's word: "what he called",
"who has called", "Trump has also called"."""
_LOOK_BACK_WORDS = 3
_NAMED_THINGS = frozenset(
    """colony country state province region district territory town village city island river stream
    lake mountain valley place neighbourhood neighborhood street road building hall school programme program
    project operation scheme festival book film show series song album app website platform ship vessel
    boat drug disease virus syndrome species bird plant breed technique method system""".split()
)
"""Places and things that news names with "a ... called X" ("a British colony called Southern Rhodesia",
"a mountain stream called Miracle Run"); not people, bodies or documents, which may call someone
something ("a senator called Trump a liar", "a tweet called Biden Sleepy Joe")."""


def naming_calls(text: str) -> list[int]:
    """Where each "called" that gives a name (`_CALLED_A_NAME`) begins in the text."""
    starts: list[int] = []
    for match in _CALLED_A_NAME.finditer(text):
        group = next(
            name for name in ("so", "aside", "quoted", "after_thing") if match.group(name) is not None
        )
        if group == "after_thing" and not _thing_named(match):
            continue
        if group == "quoted":
            quoted = (match.group("plain") or match.group("curly") or "").rstrip(".,")  # US style: "X."
            before = re.findall(r"[\w']+", text[: match.start()])[-_LOOK_BACK_WORDS:]
            if not is_name(quoted) or any(word.casefold() in _SPEAKER_BEFORE for word in before):
                continue
        starts.append(match.start(group))
    return starts


def with_names_given(text: str) -> str:
    """The text with each "called" that gives a name (`naming_calls`) written "named", a word that
    reports no speech."""
    for start in reversed(naming_calls(text)):
        text = f"{text[:start]}named{text[start + len('called') :]}"
    return text


def _thing_named(match: re.Match[str]) -> bool:
    """Whether a "called" after a thing introduced with "a" or "an" gives that thing a name: the thing is
    a place or thing news names so (`_NAMED_THINGS`), and the words between "a" and it are no function
    words (not "In a speech the premier called ...")."""
    between = match.group("between").casefold().split()
    return match.group("thing").casefold() in _NAMED_THINGS and not (set(between) & english.FUNCTION_WORDS)
