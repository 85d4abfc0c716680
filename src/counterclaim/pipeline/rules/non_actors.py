"""Real actors only: a time phrase, an event, a pronoun contraction or a sentence fragment is never the
actor of a claim.

Small models sometimes give a claim to the first words of its sentence ("In March", "the incident",
"Subsequent investigations", "I'm"). An actor is a person, organisation, government, group, document
or unnamed source as the article presents it; code refuses the names that cannot be one, before any
claim is kept for them.
"""

from __future__ import annotations

from itertools import pairwise

from counterclaim.language import english
from counterclaim.pipeline.trace import Rule

MAX_NAME_WORDS = 12
"""A longer "name" is a sentence fragment."""

NOT_AN_ACTOR = Rule(
    "attribution.not_an_actor",
    'A claim whose actor is a time phrase ("In March"), an event ("the incident", "subsequent '
    'investigations"), a thing ("the bus", "the building"), a preposition alone or before a '
    'lower-case word ("Per", "Per reports"), a pronoun contraction ("I\'m") or a pronoun opening a '
    'clause of two or three words ("I don\'t", "We will"), a fragment holding a reporting verb ("the '
    'College, questioned the findings") or "and also" before a verb ("Indonesian companies and also '
    'registered in Indonesia") or of more than `max_words` words is dropped: such words name'
    " no one who could claim anything (the time, event and thing words are English: in another "
    "language only the length and contraction checks apply).",
    {"max_words": MAX_NAME_WORDS},
)
RULES = (NOT_AN_ACTOR,)


_DAY_WORDS = english.WEEKDAYS | frozenset("today yesterday tomorrow tonight".split())
"""Time words that are never a surname on their own ("Winter", "May" and "Day" can be)."""

_SPEECH_VERBS = english.REPORTING_VERBS | english.DISAGREEMENT_VERBS
"""Verbs that report or dispute speech: in lower case after a comma inside a "name" ("the College,
questioned the findings"), they make it a fragment."""


def _speech_verb_in(words: list[str]) -> str | None:
    """A lower-case verb of speech that makes the name a fragment: `english.SAYING_VERBS` anywhere
    after the first word, any other after a comma."""
    for before, word in pairwise(words):
        if word in english.SAYING_VERBS or (word in _SPEECH_VERBS and before.endswith(",")):
            return word
    return None


_PLACE_WORDS = frozenset(
    "aboard onboard along alongside beside behind atop beneath below above around past toward towards".split()
)
"""Words of place that make a thing noun after them the end of a describing phrase."""


_MARKS = ".,;:!?\"'()\u201c\u201d\u2018\u2019"
"""Punctuation stripped from the words of a name."""


def why_not_an_actor(name: str, *, english_article: bool = True) -> str | None:
    """Why `name` cannot be an actor (None when it can). The word lists are English: in an article in
    another language only the length and contraction checks apply."""
    words = [w.strip(_MARKS).casefold() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return "it is empty"
    if len(words) > MAX_NAME_WORDS:
        return f"{len(words)} words are a sentence fragment, not a name"
    if len(words) <= 2 and _pronoun_contraction(words[0]):
        return "it is a pronoun with a contraction"
    if not english_article:
        return None
    given = name.split()
    clause = 1 < len(given) <= _PRONOUN_CLAUSE_WORDS and words[0] in _SUBJECT_PRONOUNS
    if clause and given[0][:1].isupper() and given[1][:1].islower() and words[1] not in english.DETERMINERS:
        return f"it opens with the pronoun {given[0]!r} and a verb: a sentence fragment, not a name"
    if words[0] in english.NON_ACTOR_OPENERS:
        return f"it opens with {words[0]!r}: a phrase of time or place"
    lone = len(given) == 1 or not given[1][:1].isupper()  # "Per reports", not "Per Olsen"
    if words[0] in _LONE_PREPOSITIONS and given[0] != given[0].upper() and lone:
        return f"it opens with the preposition {given[0]!r}: a phrase, not a name"
    reporting = _speech_verb_in(given)
    if reporting is not None:  # lower case only: "Says Foundation" is a name
        return f"it holds the reporting verb {reporting!r}: a sentence fragment, not a name"
    if _and_also_a_verb(given):
        return "it holds 'and also' before a verb: a sentence fragment, not a name"
    content = [w for w in words if w not in english.FUNCTION_WORDS and not w.isdigit()]
    a_surname = len(given) == 1 and name[:1].isupper() and words[0] not in _DAY_WORDS
    if content and all(w in english.TIME_WORDS for w in content) and not a_surname:
        return "it is a time"
    named = any(w[:1].isupper() for w in given[1:])  # "the Wall Street Journal", "Tower Hamlets"
    if content and content[-1] in english.EVENT_NOUNS and not named:
        return f"{content[-1]!r} is an event"
    last = given[-1].strip(_MARKS)
    # the thing is the name's head, not the end of a phrase describing someone ("people living near
    # the bridge", "migrants aboard the boat", "the man driving the bus")
    head = not any(
        w in english.PREPOSITIONS
        or w in english.NON_ACTOR_OPENERS
        or w in _PLACE_WORDS
        or (w not in english.DETERMINERS and w in english.FUNCTION_WORDS)
        or (index > 0 and (w in english.DETERMINERS or w in english.POSSESSIVE_PRONOUNS or w.endswith("ing")))
        for index, w in enumerate(words[:-1])
    )
    if last in english.THING_NOUNS and head:  # lower-case as written: "the White House" is a name
        return f"{last!r} is a thing: a vehicle, structure or object"
    return None


_LONE_PREPOSITIONS = frozenset({"per", "via"})
"""Prepositions that open a phrase ("Per reports, the sources said ...") and name no one, alone or
before a lower-case word; not in `english.NON_ACTOR_OPENERS`, since a name may begin with them ("Per
Olsen"), nor written in capitals ("VIA", the rail company)."""
_PRONOUN_CLAUSE_WORDS = 3
"""The most words of a pronoun's clause refused as a name ("I don't", "We will"; not "We the People",
a determiner after the pronoun): a longer one is a sentence's own words, which
`attribution.sentence_as_actor` gives to the sentence's speaker ("We made that clear to the
president." -> Nancy Pelosi)."""
_SUBJECT_PRONOUNS = english.SUBJECT_PRONOUNS - {"it"}
"""Pronouns that, written with a capital before a lower-case word, open a clause ("I don't", "We
will"); not "it", which is also "IT" ("IT staff")."""


def _and_also_a_verb(given: list[str]) -> bool:
    """Whether the name's words hold "and also" before a verb in -ed ("Indonesian companies and also
    registered in Indonesia"); not "Islamic State, also known as ISIS", "the senator, also a Democrat"
    or "Police and also firefighters"."""
    words = [w.strip(_MARKS) for w in given]
    return any(
        words[i - 1] == "and"
        and words[i] == "also"
        and words[i + 1].endswith("ed")
        and words[i + 1].islower()
        for i in range(1, len(words) - 1)
    )


def _pronoun_contraction(word: str) -> bool:
    """ "i'm", "he's", "they're": a pronoun and a contracted verb."""
    for ending in english.CONTRACTION_ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)] in english.PERSONAL_PRONOUNS | {"i"}
    return False
