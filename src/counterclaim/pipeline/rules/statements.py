"""Standalone statements: a claim's statement says the actor's point, without the attribution frame and
without a pronoun left to resolve.

The model is asked for that; small models still often copy the sentence, frame included ("Environment
Canada spokesperson Julie Hahn said they apply to ..."). Code removes a leading frame ("X said (that)",
"According to X,") when what remains is a statement of its own, and says when a statement still starts
with a pronoun it cannot resolve. English statements only (the frames and pronouns are English).
"""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.trace import Rule

MIN_POINT_WORDS = 4
"""A frame is removed only when at least this many words remain."""
_FRAME_VERBS = (
    "said|says|told reporters|added|stated|announced|claimed|warned|insisted|noted|argued|explained|confirmed"
)
_FRAME_PHRASE = r"(?:on|in|at|to|during|after|before)\s+[^,;:\"\u201c]{1,60}?(?:\s+that\s+|,\s*)"
"""A phrase between the verb and the point ("said in a statement that", "said on Tuesday,"): removed
only when it ends in "that" or a comma, so it is never taken for the start of the point."""
_LEADING_FRAME = re.compile(
    rf"^(?P<speaker>[^,;:\"\u201c]{{1,80}}?)\s+(?:{_FRAME_VERBS})"
    rf"(?:\s+{_FRAME_PHRASE}|(?:\s+that)?[,:]?\s+)(?P<point>.+)$",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"^according to (?P<speaker>[^,]{1,80}),\s+(?P<point>.+)$", re.IGNORECASE)
_POINT_OPENERS = frozenset("in on at to with for of from by during after before about".split())
"""A point opening with one of these is the rest of a phrase, not a statement: the frame stays."""
_OPENING_WORD = re.compile(r"^\W*(\w+)")

ATTRIBUTION_FRAME = Rule(
    "statements.attribution_frame",
    'A statement that opens with its attribution ("X said (that) ...", "According to X, ...") keeps the '
    "point alone, when at least `min_words` words remain; a he, she, his or her opening the point after a "
    "frame whose speaker is the same pronoun becomes the actor's name when it is a proper name (\"He "
    'said his confession was forced" -> "Waseem\'s confession was forced").',
    {"min_words": MIN_POINT_WORDS},
)
RULES = (ATTRIBUTION_FRAME,)


def without_frame(statement: str, actor: str) -> str | None:
    """The statement without a leading frame attributing it to `actor` (or to a pronoun standing for
    it); None when it has none, when the frame names someone else (a nested attribution stays), or when
    too little would remain."""
    text = " ".join(statement.split())
    match = _ACCORDING_TO.match(text) or _LEADING_FRAME.match(text)
    if match is None:
        return None
    point = match.group("point").strip()
    speaker = match.groupdict().get("speaker")
    if speaker is not None and not _speaks_for(speaker, actor):
        return None
    if len(point.split()) < MIN_POINT_WORDS or point.split()[0].casefold() in _POINT_OPENERS:
        return None
    return _named_opening(point, speaker or actor, actor)


_SUBJECT_AND_POSSESSIVE = {"he": ("he", "his"), "she": ("she", "her")}
_PROPER_NAME_WORDS = 4


def _named_opening(point: str, speaker: str, actor: str) -> str:
    """The point, capitalised, with an opening he/she/his/her standing for the frame's speaker replaced
    by the actor's name: the frame's speaker must be that pronoun ("He said his ...", "She said she
    ..."; after a named frame, "May said he ...", the pronoun may be anyone), and the actor's name a
    proper name ("Qandeel Baloch", not "a protester")."""
    first, _, rest = point.partition(" ")
    opening = first.casefold()
    frame_pronoun = speaker.split()[0].casefold()
    fits = opening in _SUBJECT_AND_POSSESSIVE.get(frame_pronoun, ())
    name = actor.split()
    proper = 0 < len(name) <= _PROPER_NAME_WORDS and all(word[:1].isupper() for word in name)
    if fits and proper and rest:
        named = actor if opening in ("he", "she") else f"{actor}'s"
        return f"{named} {rest}"
    return point[0].upper() + point[1:]


_BETWEEN_SPEAKER_AND_VERB = english.WORDS_BETWEEN_SPEAKER_AND_VERB | frozenset(
    "reportedly since further once first".split()
)
"""Words a frame may hold between its speaker and its verb ("He also said", "UNESCO reportedly said")."""


def _speaks_for(speaker: str, actor: str) -> bool:
    words = speaker.split()
    while len(words) > 1 and words[-1].casefold() in _BETWEEN_SPEAKER_AND_VERB:
        words.pop()  # "He has since said": the speaker is "He"
    if len(words) == 1 and words[0].casefold() in english.PERSONAL_PRONOUNS:
        return True
    return actor_named_in(actor, speaker)


def standalone_problem(statement: str) -> str | None:
    """What keeps the statement from standing alone (None when nothing does): an attribution frame, or an
    opening pronoun."""
    text = " ".join(statement.split())
    if _ACCORDING_TO.match(text) or _LEADING_FRAME.match(text):
        return "it keeps its attribution frame"
    first = _OPENING_WORD.match(text)
    word = first.group(1) if first else ""
    opening = "" if len(word) > 1 and word.isupper() else word.casefold()  # "US" is a country
    pronouns = (english.THIRD_PERSON_PRONOUNS | english.FIRST_PERSON_PRONOUNS) - {"it"}  # "It is ..."
    if opening in pronouns:
        return f"it opens with the pronoun {first.group(1)!r}" if first else None
    return None
