"""Frame removal: a statement's point without its attribution frame ("X said (that) ...", "According
to X, ...", "..., X said."), for `statements` to keep when the point stands alone.

The frame is removed only when its speaker is the actor (`frame_speakers`) and what remains is a
statement of its own: a clause, not a phrase ("said nothing about"), not a document the actor did not
write; an opening he or she is then named after the actor when it stands for a proper name.
"""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.language.tokens import pronoun_form, words
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.rules.frame_speakers import (
    SUBJECT_AND_POSSESSIVE,
    possessive,
    relayed_frame,
    speaks_for,
)
from counterclaim.text.credit_lines import is_news_agency
from counterclaim.text.frames import Frame, read_frame, said_nothing

MIN_POINT_WORDS = 4
"""A frame is removed only when at least this many words remain."""


_QUANTITY_OPENERS = ("at least ", "at most ")
"""Openings that look like a phrase's rest but begin a figure ("says at least 70 were killed")."""


def without_frame(
    statement: str, actor: str, *, speaker_name: str | None = None, agency_credit_only: bool = False
) -> str | None:
    """The statement without a leading frame attributing it to `actor` (or to a pronoun standing for
    it); None when it has none, when the frame names someone else (a nested attribution stays), or when
    too little would remain. With `speaker_name` (a restatement of the speaker's own first-person words,
    made to begin with that name: "Bush says he knows ..."), an opening he/she/his/her of the point is
    the speaker, and becomes that name. With `agency_credit_only` (a point whose own frame is gone),
    only a news agency's credit is removed: a pronoun there may be anyone ("He said they claimed ...")."""
    text = " ".join(statement.split())
    frame = read_frame(text)
    if frame is None:
        return None
    speaker, point = frame.speaker, frame.point
    if agency_credit_only and (speaker is None or not is_news_agency(speaker)):
        return None
    own = speaker is not None and (
        speaks_for(speaker, actor)
        or (frame.apposition is not None and _voice_of(frame.apposition, actor))
        or is_news_agency(speaker)
        or _own_document(speaker, actor, point)
    )
    if speaker is not None and not own:
        relayed = relayed_frame(frame, [actor])
        if relayed is None or agency_credit_only:
            return None  # a nested attribution of someone else stays
        frame, speaker, point = relayed, relayed.speaker, relayed.point
    if said_nothing(point):
        return None  # "Ruiz said nothing about the crash": no point ("said nothing could be done" has one)
    point = _without_speakers_participle(frame, point)
    phrase_rest = (
        point.split()[0].casefold() in english.POINT_OPENERS
        and not point.casefold().startswith(_QUANTITY_OPENERS)
        and not (frame.clause_follows and _holds_a_clause(point))
        and not (frame.quoted and _clause_after_phrase(point))
    )
    if len(point.split()) < MIN_POINT_WORDS or (phrase_rest and not frame.after_point):
        return None
    if speaker_name is not None:  # the pronoun can only be the speaker, unless the frame told someone
        return _named_opening(point, speaker_name, pronoun_is_actor=not frame.told)
    # After a pronoun frame the same pronoun is its speaker ("He said his ...", "She said she ...");
    # after a named frame, "May said he ...", the pronoun may be anyone.
    frame_pronoun = (speaker or actor).split()[0].casefold()
    fits = not frame.told and point.split()[0].casefold() in SUBJECT_AND_POSSESSIVE.get(frame_pronoun, ())
    return _named_opening(point, actor, pronoun_is_actor=fits)


_PARTICIPLE_PHRASE = re.compile(
    r"^(?-i:[a-z]+ed)\s+(?:by|in|on|at|for|from|with|during|over|last|among|between|after|before|out|online"
    rf"|today|yesterday|tonight|this|earlier|{'|'.join(sorted(english.WEEKDAYS))})\b"
    r"[^,;]{0,80}?,\s+(?=\S)",
    re.IGNORECASE,
)
"""A phrase opening with a past participle and a preposition or a time, up to its comma ("published in
Nature, ", "released Tuesday, "); not an adjective before a noun ("armed men, mostly soldiers, ...")."""


def _without_speakers_participle(frame: Frame, point: str) -> str:
    """The point without a participle phrase that describes an "According to" frame's document ("According
    to the study, published in Nature, the drug cut deaths ..." -> "the drug cut deaths ..."): what
    follows the comma is the point."""
    if frame.speaker is None or frame.after_point or _DOCUMENT.fullmatch(frame.speaker) is None:
        return point
    participle = _PARTICIPLE_PHRASE.match(point)
    return point if participle is None else point[participle.end() :]


_CLAUSE_WORDS = english.CLAUSE_VERBS | frozenset("will would can could should may might must there".split())
"""Words that make a point opening with a preposition a clause ("in the US there is a phenomenon",
"in the meantime the company would ..."), not only a phrase ("in an interview with CNN")."""


_HEAD_END = re.compile(r",|\b(?:which|who|whom|when|where|that|because|after|before|while)\b", re.IGNORECASE)
"""Where the head of a point ends: a clause word after it may be a relative clause's ("in a speech which
was broadcast")."""


_NOT_BEFORE_A_VERB = english.DETERMINERS | english.PREPOSITIONS
"""Words after which a clause word is a noun ("in the name of the will of the people")."""


def _holds_a_clause(point: str) -> bool:
    """Whether a point opening with a preposition is a clause: its head (up to a comma or a relative
    word) holds a word of a clause (`_CLAUSE_WORDS`) not after a determiner or a preposition, and no
    personal pronoun but "it" is in it ("that in 2019 we lost money" would lose who "we" is)."""
    pronouns = english.PERSONAL_PRONOUNS - {"it", "its"}
    if any(pronoun_form(word) in pronouns for word in re.findall(r"[\w']+", point)):
        return False
    opening = len(point.split()[0]) if point.split() else 0
    end = _HEAD_END.search(point, opening)  # "after the merger it would ...": not the opening word
    head = words(point[: end.start()] if end else point)
    return any(
        word in _CLAUSE_WORDS and index > 0 and head[index - 1] not in _NOT_BEFORE_A_VERB
        for index, word in enumerate(head)
    )


def _clause_after_phrase(point: str) -> bool:
    """Whether a quotation opening with a phrase goes on, after the phrase's comma, with a clause
    ("In this scenario, it would be expected ..."), and the phrase holds no personal pronoun but "it"
    ("In our view, ..." would lose whose view it is; `_holds_a_clause` checks the clause's own)."""
    phrase, comma, rest = point.partition(", ")  # not the comma of "1,000"
    others = english.PERSONAL_PRONOUNS - {"it", "its"}
    return (
        bool(comma)
        and not any(pronoun_form(word) in others for word in words(phrase))
        and _holds_a_clause(rest.strip())
    )


_DOCUMENT = re.compile(
    rf"(?:the|this)\s+(?:(?!other\b)(?P<modifier>(?-i:[a-z][a-z-]*))\s+)?"
    rf"(?P<noun>{'|'.join(sorted(english.OWN_DOCUMENT_NOUNS | english.COURT_DOCUMENT_NOUNS))})",
    re.IGNORECASE,
)


_COURT = re.compile(rf"\b(?:{'|'.join(sorted(english.COURT_WORDS))})\b", re.IGNORECASE)


_OWN_RESEARCH_MODIFIERS = frozenset(
    """new latest recent same published full final annual preliminary peer-reviewed landmark first
    original""".split()
)
"""Words before a study's data, survey or findings that leave them the actor's ("the new study")."""


def _own_document(speaker: str, actor: str, point: str) -> bool:
    """Whether a frame names a document of the claim's actor without its author ("According to the
    ruling,", "The new report said"): a lower-case word at most before the noun ("the UN report", "the
    other report" name someone else's); a court's ruling, judgment, verdict, decision or order only for
    an actor that is a court or a judge; and a point that does not name the actor (an indictment's
    "Trump conspired" is no claim of Trump's)."""
    document = _DOCUMENT.fullmatch(speaker)
    if document is None or actor_named_in(actor, point):
        return False
    research = document.group("noun").casefold() in english.RESEARCH_NOUNS
    if research and (document.group("modifier") or "new") not in _OWN_RESEARCH_MODIFIERS:
        return False  # "the rival study", "the leaked data", "the police data": someone else's
    court = document.group("noun").casefold() in english.COURT_DOCUMENT_NOUNS
    return not court or _COURT.search(actor) is not None


_PROPER_NAME_WORDS = 4


def _named_opening(point: str, actor: str, *, pronoun_is_actor: bool) -> str:
    """The point, capitalised, with an opening he/she/his/her replaced by the actor's name when that
    pronoun stands for the actor (`pronoun_is_actor`) and the name is a proper name ("Qandeel Baloch",
    not "a protester")."""
    first, _, rest = point.partition(" ")
    opening = first.casefold()
    name = actor.split()
    proper = 0 < len(name) <= _PROPER_NAME_WORDS and all(word[:1].isupper() for word in name)
    if pronoun_is_actor and opening in english.PERSON_PRONOUNS and proper and rest:
        named = actor if opening in ("he", "she") else possessive(actor) or f"{actor}'s"
        return f"{named} {rest}"
    return point[0].upper() + point[1:]


_VOICE_APPOSITION = re.compile(
    rf"^(?:a|an|the|{'|'.join(sorted(english.POSSESSIVE_PRONOUNS))}|(?-i:[A-Z])\S*['\u2019]s?)\s",
    re.IGNORECASE,
)


def _voice_of(apposition: str, actor: str) -> bool:
    """Whether what is said of a speaker between commas makes the speaker the actor's voice: "a
    spokesman for the ministry", "the ministry's spokeswoman" (a role of `english.MEMBER_ROLES`, after
    an article or a possessive); not a former one, one in a clause ("an analyst who covers Acme"), nor
    others ("a lawyer representing Acme", "a critic of the ministry")."""
    tokens = words(apposition)
    if _VOICE_APPOSITION.match(apposition) is None or not set(tokens) & english.MEMBER_ROLES:
        return False
    if set(tokens) & {"former", "ex", "who", "whom", "which", "that", "whose"}:
        return False
    return speaks_for(apposition, actor)
