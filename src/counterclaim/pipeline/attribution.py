"""Checks, in code, that a claim the model proposes is attributed by the article itself.

Small models sometimes give plain narration an invented speaker (a timetable becomes "the union"
says the ferry leaves at 7:15), or name an actor that appears nowhere near the sentence. Two facts code
can establish decide whether such a claim is kept:

- the actor is named near the evidence (in the cited sentence or the few before it, or the next one),
  compared word by word with a shared stem, so "Russia" meets "Russian" and "ministry" meets
  "ministère" in a translated article;
- a statement, denial or assessment is reported as speech: the sentence or a neighbour has a
  reporting word ("said", "denial", "according to") or a quotation mark. A deed (kind "action") needs
  no reporting cue but must name its actor in the sentence itself.

A sentence written to steer a language model ("Ignore all previous instructions", planted in a web
page) carries no claim. A headline may name its speaker in the story below it, and a first-person
text (a press statement) speaks for the author named in its header.

The reporting-cue check applies to English text only; in other languages the actor check alone is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.text.credit_lines import is_credit_line
from counterclaim.text.function_words import STOPWORDS
from counterclaim.text.instructions import reads_as_instruction
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_english
from counterclaim.text.speakers import REPORTING_VERBS

SENTENCES_BEFORE = 4
SENTENCES_AFTER = 1
STEM_CHARS = 5
_WORD = re.compile(r"\w+")
_QUOTES = ('"', "\u201c", "\u201d", "\u2018", "\u00ab", "\u00bb", "\u201e")
_CUES = REPORTING_VERBS | frozenset("termed according interview briefing".split())
# Stems of reporting words in any form ("deny", "denies", "denial"; "criticism", "criticised").
_CUE_STEMS = tuple(
    """say tell claim deni deny accus warn announc insist disput reject dismiss urg condemn critic
    denounc prais hail welcom alleg report statement quot believ argu estimat predict vow threat
    promis demand confirm admit acknowledg explain assert suggest repl respond counter maintain
    blame pledg appeal call question debat endors highlight propos recommend support oppos""".split()
)
_SPEAKER_COLON = re.compile(r"[^:]{2,60}:\s")  # "Haitian minister: Over 150,000 dead"
_FIRST_PERSON = frozenset("i we my our us me".split())
HEADLINE_SENTENCES = 2
HEADER_SENTENCES = 8
_GENERIC = STOPWORDS | frozenset("mr mrs ms dr".split())


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _same_stem(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= STEM_CHARS and len(b) >= STEM_CHARS and a[:STEM_CHARS] == b[:STEM_CHARS]


def actor_named_in(actor: str, text: str) -> bool:
    """Whether one of the actor's name words (not a function word) occurs in the text.

    Acronyms ("US", "EU") are compared with their case, so "us" does not name the United States.
    """
    raw_words = _WORD.findall(actor)
    acronyms = {w for w in raw_words if w.isupper() and len(w) <= 5}
    if acronyms and set(_WORD.findall(text)) & acronyms:
        return True
    name_words = [
        w.casefold() for w in raw_words if w not in acronyms and w.casefold() not in _GENERIC and len(w) >= 3
    ]
    text_words = set(_words(text))
    return any(_same_stem(name, word) for name in name_words for word in text_words)


def has_reporting_cue(text: str) -> bool:
    """A reporting verb, "according to", a claim-like noun or a quotation mark."""
    if any(mark in text for mark in _QUOTES):
        return True
    return any(word in _CUES or word.startswith(_CUE_STEMS) for word in _words(text))


def first_person(text: str) -> bool:
    """Whether the text speaks in the first person (a statement's author speaking)."""
    return any(word in _FIRST_PERSON for word in _words(text))


@dataclass(frozen=True)
class AttributionCheck:
    """The article's sentences, and whether it reads as English (for the reporting-cue check)."""

    sentences: list[str]
    english: bool
    authored: bool
    """The text is written in the first person throughout (a press statement, a speech)."""

    @classmethod
    def for_sentences(cls, sentences: list[str]) -> AttributionCheck:
        in_first_person = sum(first_person(s) for s in sentences)
        return cls(
            sentences=sentences,
            english=looks_english(" ".join(sentences)),
            authored=in_first_person >= max(2, len(sentences) // 5),
        )

    def _around(self, number: int, before: int, after: int) -> str:
        first = max(1, number - before)
        last = min(len(self.sentences), number + after)
        return " ".join(self.sentences[n - 1] for n in range(first, last + 1))

    def rejects(self, actor: str, sentence: int, kind: str) -> str | None:
        """Why this claim is not attributed by the article (None when it is)."""
        if reads_as_instruction(self.sentences[sentence - 1]):
            return f"sentence {sentence} addresses a language model, it reports nothing"
        if is_credit_line(self.sentences[sentence - 1]):
            return f"sentence {sentence} credits the report's sources, it is no one's claim"
        if not keywords(self.sentences[sentence - 1]) - keywords(actor):
            return f"sentence {sentence} only names {actor!r}"  # a caption or a byline
        if kind == "action":
            if not actor_named_in(actor, self._around(sentence, 0, 0)):
                return f"the deed's actor {actor!r} is not named in its sentence"
            return None
        # A headline is followed by the story that names its speaker; an authored statement names
        # its author in its header.
        after = HEADER_SENTENCES if sentence <= HEADLINE_SENTENCES else SENTENCES_AFTER
        author = self.authored and actor_named_in(actor, self._around(1, 0, HEADER_SENTENCES))
        if not author and not actor_named_in(actor, self._around(sentence, SENTENCES_BEFORE, after)):
            return f"the actor {actor!r} is not named near sentence {sentence}"
        headline_colon = sentence <= HEADLINE_SENTENCES and _SPEAKER_COLON.match(self.sentences[sentence - 1])
        cue = headline_colon or has_reporting_cue(self._around(sentence, 1, 1))
        if self.english and not author and not cue:
            return f"sentence {sentence} reports nobody's words"
        return None
