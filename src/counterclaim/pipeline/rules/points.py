"""One point per claim: a statement that joins two clauses, each a point of its own, is two claims.

The labeling guide counts one claim per proposition, per thing that could be true or false on its own
("Six Mexican nationals were killed, and seven more were injured" is two). The claim step works
sentence by sentence and small models give one claim per speaker and sentence, joining the points;
code cannot ask for the second point without a request, but it can see where a statement joins two
clauses (", and", ", adding", ", saying") and make each a claim of the same actor, kind and sentence.

It splits only where each side is a clause of its own (a subject and its verb: "seven more were
injured"), and never where the split would change what a side says: not a series ("they do it
aggressively, they do it purposely, and they do it successfully" is one point), not after a condition
("If the talks fail, the strike will continue, and ..."), not inside a quotation, not where the second
clause reports another speaker ("..., and the commissioner stated ..."; the second look asks about that
speaker), and not a deed before ", saying" ("Police fired tear gas, saying ...": the deed is the
article's account, not the actor's point). "and that" is no joint: the clause after it belongs to the
verb before it ("denied that he lied and that he hid the papers"). English statements only.
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
MAX_JOINTS = 4
"""Only the first few joints of a statement are looked at (a statement is a sentence or two)."""

_JOINT = re.compile(r",\s+(?:and\s+(?!that\b)|(?P<saying>adding|saying)(?:,?\s+that)?,?\s+)", re.IGNORECASE)
"""Where a statement may join two points: ", and", or a verb of saying (", adding (that)", ", saying")
after which the speaker's words follow."""
_CONDITION_OPENERS = frozenset(
    "if unless when whenever while although though because once until after before since".split()
)
"""Words opening a clause that governs the clauses after it ("If the talks fail, ...")."""
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))['\u2018](?=\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])['\u2019](?=\s|$|[.,;:!?)\]])")
_FINITE = english.FINITE_VERBS | english.VERBS_THE_SAME_IN_THIRD_PERSON
_SPEECH_VERBS = english.REPORTING_VERBS | english.STANCE_VERBS | english.DISAGREEMENT_VERBS

TWO_POINTS = Rule(
    "statements.two_points",
    'A statement joining two clauses (", and", ", adding", ", saying"), each of at least `min_words` '
    'words with a verb of its own (the second, after ", and", opening with its subject and its verb '
    "within its first `verb_within` words), is two claims of the same actor, kind and sentence; not a "
    "series of clauses opening alike, not after a condition, not inside a quotation, not when the "
    'second clause reports another speaker, not a deed before ", saying".',
    {"min_words": MIN_POINT_WORDS, "verb_within": VERB_WITHIN},
)
RULES = (TWO_POINTS,)


class Points(NamedTuple):
    """The two points of a statement, each as a sentence of its own."""

    first: str
    second: str


def two_points(statement: str, actor: str) -> Points | None:
    """The statement's two points (at the first joint where both sides are points), or None."""
    text = " ".join(statement.split())
    if words(text)[:1] and words(text)[0] in _CONDITION_OPENERS:
        return None  # "If the talks fail, the strike will continue, and ...": one conditional point
    for joint in list(_JOINT.finditer(text))[:MAX_JOINTS]:
        first, second = text[: joint.start()], text[joint.end() :]
        saying = joint.group("saying") is not None
        if _points(first, second, actor, after_saying=saying):
            return Points(_as_sentence(first), _as_sentence(second))
    return None


def _points(first: str, second: str, actor: str, *, after_saying: bool) -> bool:
    """Whether the two sides of a joint are two points of the actor's (see the module's description)."""
    if not is_clause(first) or _inside_quotation(first, second) or not words(second):
        return False
    if after_saying:
        if not _speaks(first, actor):
            return False  # "Police fired tear gas, saying ...": a deed, then the words
        opens = _quoted(second) or (_opens_a_clause(second) and is_clause(second))
    else:
        opens = _opens_a_clause(second) and is_clause(second.split(",")[0], within=VERB_WITHIN)
    return opens and not _series(first, second) and not _reports_another_speaker(second, actor)


_TOKEN = re.compile(r"[^\W_][\w'\u2019-]*|[,;:.!?()\u2014\u2013]")
"""Words (case kept: "United" is no verb in "-ed") and the punctuation that ends a clause."""


def is_clause(text: str, within: int | None = None) -> bool:
    """Whether the text has at least `MIN_POINT_WORDS` words and a verb after its first word (among
    its first `within` words, if given): a verb of `english.FINITE_VERBS`, a past form in "-ed" or a
    form in "n't". An "-ed" word right after a comma that opens an aside is a participle ("The man,
    arrested Tuesday"); after the comma that closes one it is the verb ("Hutchinson, a biologist,
    questioned the findings")."""
    tokens = _TOKEN.findall(text)
    if sum(token[0].isalnum() for token in tokens) < MIN_POINT_WORDS:
        return False
    seen = commas = 0
    for position, token in enumerate(tokens):
        if token == ",":
            commas += 1
        if not token[0].isalnum():
            continue
        seen += 1
        if within is not None and seen > within:
            return False
        opens_aside = position > 0 and tokens[position - 1] == "," and commas % 2 == 1
        if seen > 1 and is_finite_verb(token) and not (opens_aside and token.endswith("ed")):
            return True
    return False


def is_finite_verb(token: str) -> bool:
    """Whether a word is a verb that shows a clause of its own (`english.FINITE_VERBS`, a modal or an
    irregular past such as "held", a past form in "-ed" of more than 4 letters, a form in "n't"); a
    capitalised word is a name ("United")."""
    word = token.casefold().replace("\u2019", "'")
    if word in _FINITE or word.endswith("n't"):
        return True
    return word.endswith("ed") and len(word) > 4 and not token[:1].isupper()


def _speaks(first: str, actor: str) -> bool:
    """Whether the clause before ", saying" reports speech (a verb of saying or stance: "accused ...
    of treason", "questioned the findings"), or is the actor's own words (it does not name the actor:
    "This would be the first case, adding ..."), not a deed the article tells ("Police fired tear
    gas")."""
    return not _SPEECH_VERBS.isdisjoint(words(first)) or not actor_named_in(actor, first)


def _quoted(text: str) -> bool:
    return text[:1] in "\"'\u201c\u2018"


def _opens_a_clause(text: str) -> bool:
    """Whether the text opens with a subject, not with the rest of the clause before it ("also added",
    "claimed a death", "were injured") nor a phrase ("to concerns that ...")."""
    first = _TOKEN.findall(text)[0]
    lower = first.casefold()
    return (
        lower not in english.NOT_A_SUBJECT
        and lower not in english.POINT_OPENERS
        and not is_finite_verb(first)
    )


def _inside_quotation(first: str, second: str) -> bool:
    """Whether the joint lies inside a quotation: one opened before it is still open there, or (single
    marks, which are also apostrophes) one opened before it closes after it."""
    if first.count('"') % 2 == 1 or first.count("\u201c") > first.count("\u201d"):
        return True
    opened = len(_OPENING_SINGLE.findall(first))
    closed = len(_CLOSING_SINGLE.findall(first))
    closes_after = len(_CLOSING_SINGLE.findall(second)) > len(_OPENING_SINGLE.findall(second))
    return opened > closed or (opened > 0 and closes_after)


def _series(first: str, second: str) -> bool:
    """Whether the second clause ends a series of clauses that open alike ("they do it aggressively,
    they do it purposely, and they do it successfully": one point, told three ways)."""
    opening = words(second)[0]
    return any((part_words := words(part)) and part_words[0] == opening for part in first.split(",")[1:])


def _reports_another_speaker(text: str, actor: str) -> bool:
    """Whether the clause opens by reporting a speaker other than a pronoun or the actor ("the
    commissioner stated ..."; not "he said ...", nor "the states" where "states" is a noun)."""
    tokens = re.findall(r"[^\W_][\w'\u2019-]*", text)[:VERB_WITHIN]  # case kept: "States" is no verb
    for index, token in enumerate(tokens):
        if token not in english.REPORTING_VERBS:
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
    return clause if clause.endswith((".", "!", "?", '"', "\u201d", "'", "\u2019")) else clause + "."
