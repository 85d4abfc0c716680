"""One point per claim: a statement that joins two clauses, each a point of its own, is two claims.

The labeling guide counts one claim per proposition, per thing that could be true or false on its own
("Six Mexican nationals were killed, and seven more were injured" is two). The claim step works
sentence by sentence and small models give one claim per speaker and sentence, joining the points;
code cannot ask for the second point without a request, but it can see where a statement joins two
clauses (", and", ", but", "and that", ", adding", ", saying") and make each a claim of the same actor,
kind and sentence. It splits only where both sides are clauses (a subject and its verb: "seven more
were injured"), not a series ("they do it aggressively, they do it purposely, and they do it
successfully" is one point), not inside a quotation, and not where the second clause reports another
speaker ("..., but the commissioner stated ..."; the second look asks about that speaker). English
statements only (the joints are English).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from counterclaim.language import english
from counterclaim.language.tokens import words
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.trace import Rule

MIN_POINT_WORDS = 4
"""Each side of a split has at least this many words."""
VERB_WITHIN = 6
"""The second clause's verb is among its first this many words (its subject is short)."""

_JOINT = re.compile(
    r",\s+and\s+(?!that\b)|\s+and\s+that\s+|,\s+(?P<verb>adding|saying)(?:,?\s+that)?,?\s+",
    re.IGNORECASE,
)
"""Where a statement may join two points: after a joint of a verb of saying ("adding", "saying", "and
that") a clause follows by itself."""
_DOUBLE_QUOTES = '"\u201c\u201d'
_CLOSING_SINGLE = re.compile(r"\u2019(?!\w)")

TWO_POINTS = Rule(
    "statements.two_points",
    'A statement joining two clauses (", and", ", but", "and that", ", adding", ", saying"), each of at '
    "least `min_words` words with a verb of its own (the second within its first `verb_within` words), "
    "is two claims of the same actor, kind and sentence; not a series of clauses opening alike, not "
    "inside a quotation, not when the second clause reports another speaker.",
    {"min_words": MIN_POINT_WORDS, "verb_within": VERB_WITHIN},
)
RULES = (TWO_POINTS,)


class Points(NamedTuple):
    """The two points of a statement, each as a sentence of its own."""

    first: str
    second: str


def two_points(statement: str, actor: str) -> Points | None:
    """The statement's two points (the first joint where both sides are points), or None."""
    text = " ".join(statement.split())
    for joint in _JOINT.finditer(text):
        first, second = text[: joint.start()], text[joint.end() :]
        if _points(
            first, second, actor, after_saying=joint.group("verb") is not None or "that" in joint.group(0)
        ):
            return Points(_as_sentence(first), _as_sentence(second))
    return None


def _points(first: str, second: str, actor: str, *, after_saying: bool) -> bool:
    """Whether the two sides of a joint are two points of the actor's. After a verb of saying the second
    is a clause by itself; otherwise it opens with its own subject, whose verb comes within the first
    `VERB_WITHIN` words and before any comma ("customs, and culture, and therefore is considered" joins
    nouns of a series, not clauses)."""
    if not _is_clause(words(first), within=None) or _inside_quotation(first):
        return False
    if after_saying:
        opening_ok = _is_clause(words(second), within=None)
    else:
        opening_ok = _opens_a_clause(second) and _is_clause(words(second.split(",")[0]), within=VERB_WITHIN)
    return opening_ok and not _series(first, second) and not _reports_another_speaker(second, actor)


def _is_clause(tokens: list[str], within: int | None) -> bool:
    """Enough words, and a verb after the first word (among the first `within` words, if given)."""
    if len(tokens) < MIN_POINT_WORDS:
        return False
    return any(_finite(token) for token in tokens[1:within])


def _finite(token: str) -> bool:
    word = token.casefold().replace("\u2019", "'")
    return word in english.FINITE_VERBS or word.endswith("n't") or (word.endswith("ed") and len(word) > 4)


def _opens_a_clause(text: str) -> bool:
    """Whether the text opens with a subject, not with the rest of the clause before it ("also added",
    "claimed a death", "were injured")."""
    first = words(text)[0].casefold()
    return first not in english.NOT_A_SUBJECT and not _finite(first)


def _inside_quotation(before: str) -> bool:
    """Whether a quotation opened before the joint is still open there."""
    closing_singles = len(_CLOSING_SINGLE.findall(before))  # not the apostrophe of "can\u2019t"
    return (
        before.count('"') % 2 == 1
        or before.count("\u201c") > before.count("\u201d")
        or before.count("\u2018") > closing_singles
    )


def _series(first: str, second: str) -> bool:
    """Whether the second clause ends a series of clauses that open alike ("they do it aggressively,
    they do it purposely, and they do it successfully": one point, told three ways)."""
    opening = words(second)[0].casefold()
    return any(
        (part_words := words(part)) and part_words[0].casefold() == opening for part in first.split(",")[1:]
    )


def _reports_another_speaker(text: str, actor: str) -> bool:
    """Whether the clause opens by reporting a speaker other than a pronoun or the actor ("the
    commissioner stated ..."; not "he said ...", nor "the states" where "states" is a noun)."""
    tokens = words(text)[:VERB_WITHIN]
    for index, token in enumerate(tokens):
        if token not in english.REPORTING_VERBS:  # lower-case only: a verb, not "States"
            continue
        subject = [word.casefold() for word in tokens[:index]]
        if not subject or all(word in english.DETERMINERS for word in subject):
            continue  # no subject: the word is a noun ("the states filing suit", "reports say")
        if len(subject) == 1 and subject[0] in english.SUBJECT_PRONOUNS:
            return False
        return not actor_named_in(actor, " ".join(subject))
    return False


def _as_sentence(text: str) -> str:
    """The clause capitalised and ending in a full stop (or the punctuation it has)."""
    clause = text.strip().rstrip(",;:").strip()
    clause = clause[0].upper() + clause[1:]
    return clause if clause.endswith((".", "!", "?", *_DOUBLE_QUOTES, "'", "\u2019")) else clause + "."
