"""Pronoun naming: a statement opening with he, she, his, her (or its) given the name it stands for,
read from the article (`statements.FRAME_PRONOUN`, `SUBJECT_BEFORE`, `QUOTED_SUBJECT`):

- `frame_pronoun_named`: the pronoun of a frame that names the actor ("He said ..." after "Smith ...");
- `subject_before_named`: the actor opening the sentence before;
- `quoted_subject_named`: the one person a running quotation named before the pronoun.

Each returns the statement with the name in the pronoun's place, or None when the name is not certain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from counterclaim.language import english
from counterclaim.language.tokens import opening_pronoun, words, written_words
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.rules.frame_speakers import (
    SUBJECT_AND_POSSESSIVE,
    possessive,
    relayed_frame,
    speaker_words,
    speaks_for,
)
from counterclaim.text.frames import Frame, read_frame
from counterclaim.text.quotations import QUOTATION_MARKS as DOUBLE_QUOTATION_MARKS
from counterclaim.text.third_person import QUOTATION_MARKS

_NAMEABLE_OPENINGS = english.PERSON_PRONOUNS | {"its"}
"""Opening pronouns `frame_pronoun_named` may replace: not "they", whose verb is plural, nor "their",
which after an organisation's name is often others' ("Police said their injuries were minor"); "it" is
no problem of a statement ("It is ...")."""


_SAME_OPENING_WORDS = 4
"""A statement is its sentence's point when their first words (the pronoun and the next ones) agree."""


def frame_pronoun_named(
    statement: str, sentence: str, names: Sequence[str], name: str, *, person: bool
) -> str | None:
    """The statement with its opening pronoun replaced by `name` (a possessive for his, her and its)
    when the statement is the point of the sentence's frame and the pronoun can only be the frame's
    speaker, one of the actor's `names`: he/his/she/her after a pronoun frame of the same person, for a
    `person` ("She said she ..."), or its after a named speaker that is no `person`. None otherwise."""
    tokens = statement.split()
    opening = opening_pronoun(" ".join(tokens))
    if opening not in _NAMEABLE_OPENINGS or len(tokens) < 2:
        return None
    frame = read_frame(" ".join(sentence.split()))
    if (
        frame is not None
        and frame.speaker is not None
        and not any(speaks_for(frame.speaker, n) for n in names)
    ):
        # "According to investigators, Zhukovskyy said he ...": not a person relaying, who may be the he
        # ("Mrs. Smith said Ruiz said she was drunk")
        relaying_person = _proper_name(frame.speaker) or frame.speaker.split()[0].casefold() in {"he", "she"}
        frame = None if relaying_person else relayed_frame(frame, names)
    if frame is None or frame.speaker is None or frame.after_point or frame.told:
        return None  # "Trump told Comey that he ...": he may be either
    if not _same_opening(tokens, frame.point):
        return None
    if not any(speaks_for(frame.speaker, form) for form in names):
        return None
    speaker_pronoun = frame.speaker.split()[0].casefold()
    if speaker_pronoun in english.PERSONAL_PRONOUNS:
        fits = person and opening in SUBJECT_AND_POSSESSIVE.get(speaker_pronoun, ())
    elif person and opening in ("he", "she"):
        # "Mr. Clarke said he ...", not "A police spokesman said he ...", "Becerra said, "He knows ...""
        fits = _names_one_self(frame, opening)
    else:
        fits = not person and opening == "its"
    named = name if opening in ("he", "she") else possessive(name)
    if not fits or named is None:
        return None
    return _pronoun_replaced(tokens, opening, named)  # "he's" -> "Clarke's", "he," -> "Clarke,"


def subject_before_named(
    statement: str, sentence: str, previous: str, names: Sequence[str], name: str, others: Sequence[str]
) -> str | None:
    """The statement with its opening "he" or "she" replaced by `name` when the statement is its
    sentence's own narration and the sentence before opens with one of the actor's `names` and names
    none of `others` (the other actors' names): the subject goes on (`SUBJECT_BEFORE`). None
    otherwise."""
    tokens = statement.split()
    opening = opening_pronoun(" ".join(tokens))
    if opening not in english.PERSON_SUBJECT_PRONOUNS or len(tokens) < 2:
        return None
    sentence = " ".join(sentence.split())
    if set(QUOTATION_MARKS) & set(sentence) or read_frame(sentence) is not None:
        return None  # a quotation's "he" may be anyone; a frame's point is `frame_pronoun_named`'s
    if not _same_opening(tokens, sentence):
        return None
    previous = " ".join(previous.split())
    subject = (rf"{re.escape(form)}(?![\w'\u2019])" for form in names if form)
    if not any(re.match(pattern, previous, re.IGNORECASE) for pattern in subject):
        return None  # not the subject ("Adamowicz's killer had been released ..."): someone else's he
    if any(actor_named_in(other, previous) for other in others):
        return None  # another actor, by any word of a name ("Adamowicz met Stefaniak ...")
    if not _takes_a_name(tokens, opening):
        return None
    return _pronoun_replaced(tokens, opening, name)


_QUOTED_PRONOUNS = _NAMEABLE_OPENINGS - {"its"}


_TITLED_NAME = re.compile(
    rf"(?:{english.TITLE_ABBREVIATION_PATTERN}|\b(?:Mr|Mrs|Ms|Miss|Dr|President|Senator|Governor|Minister|"
    r"Secretary|King|Queen|Pope|Judge|Chancellor|Chief|Prince|Princess|Archbishop|Bishop|Rev|Coach|Sheikh"
    r"|Sir|Lord|Lady)\b\.?)\s+([A-Z][\w'\u2019-]*)"
)
"""A name after a title ("President Obama", "Sen. Warren"): its word is a person's."""


_NAME_RUN = re.compile(
    r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'\u2019-]*))+"
)
"""Two or more capitalised words in a row: a name ("Robert Mugabe", "Xi Jinping")."""


_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|hers)\b", re.IGNORECASE)
"""A person spoken of who is no subject ("Kessler told him to resign. He refused."): the next he or she
may be that person."""


_PERSON_NOUNS = frozenset(
    """man woman boy girl husband wife son daughter brother sister father mother cousin uncle aunt nephew
    niece grandfather grandmother grandson granddaughter friend boyfriend girlfriend partner colleague boss
    neighbour neighbor teacher doctor officer lawyer client patient child baby guy judge senator minister
    president pope deputy governor mayor chief director spokesman spokeswoman prosecutor""".split()
)
"""Nouns for a person ("my cousin was deported. He never came back."): someone else the pronoun may be,
after a determiner (`_PERSON_DETERMINERS`; not "Zimbabwe's founding father", the actor described)."""


_PERSON_DETERMINERS = frozenset("my our your his her their a an the this that".split())


_NOT_A_PERSONS_NAME = frozenset(
    """house court news party union nations states republic ministry department university council congress
    senate government agency service force forces army police post times street city county province island
    sea river airport hospital church foundation company bank group commission committee office institute
    association organization organisation corporation york america africa asia europe kingdom rhodesia
    east west north south northern southern eastern western new united""".split()
)
"""Words of a place's or a body's name ("the White House", "the Supreme Court", "New York", "Fox News"):
no other person the pronoun may be."""


_OFFICE_WORDS = frozenset(
    """speaker leader majority minority justice mayor chief senator governor secretary minister president
    judge general attorney commissioner chairman chairwoman spokesman spokeswoman house senate""".split()
)
"""Words of an office before a name ("House Speaker Nancy Pelosi"): the name after them is a person's."""


_RUN_TITLES = english.BARE_TITLES | frozenset({"cde", "comrade", "sir", "lady"})
"""Titles a run of capitalised words may hold before a name ("Cde Mugabe", "Mr Robert Mugabe")."""


_NOT_IN_A_NAME_RUN = english.FUNCTION_WORDS | english.SENTENCE_OPENERS | _RUN_TITLES
"""Words opening a run of capitalised words that are no part of a name ("In Harare", "On Monday")."""


_NAME_AS_MODIFIER = frozenset(
    """administration campaign government family era years presidency team organization organisation
    foundation company group camp regime cabinet""".split()
)
"""Nouns after a name that make it a modifier ("The Trump administration"), no person spoken of."""


def quoted_subject_named(
    statement: str, sentence: str, quoted_before: str, persons: Sequence[Sequence[str]], own: Sequence[str]
) -> str | None:
    """The statement with its opening he, his, she or her replaced by the one person actor the
    quotation's words before its sentence name (`QUOTED_SUBJECT`). `quoted_before`: those words, from
    just after the quotation's opening mark; `persons`: every other person actor's names, its shortest
    proper name first; `own`: the statement's actor's names. None otherwise."""
    tokens = statement.split()
    opening = opening_pronoun(" ".join(tokens))
    if opening not in _QUOTED_PRONOUNS or len(tokens) < 2:
        return None
    if not _takes_a_name(tokens, opening):
        return None
    said = "".join(char for char in sentence if char not in DOUBLE_QUOTATION_MARKS)
    if _bare_words(tokens) != _bare_words(said.split()):
        return None  # not the sentence's words ('He was a tyrant," said ...' is)
    before = " ".join(quoted_before.split())
    named = [names for names in persons if _first_named_at(names, before) is not None]
    if len(named) != 1 or _by_a_proper_word(own, before):
        return None
    (names,) = named
    if any(_by_a_proper_word(other, before) for other in persons if other is not names):
        return None  # another person by any word of a name
    first = _first_named_at(names, before)
    pronoun = re.search(r"\b(?:he|his|him|she|her|hers)\b", before, re.IGNORECASE)
    if first is None or (pronoun is not None and pronoun.start() < first):
        return None  # "He, like Donald Trump, has refused ...": someone named before the quotation
    if _someone_else(before, names, opening):
        return None
    short = names[0]
    replacement = short if opening in ("he", "she") else possessive(short)
    return None if replacement is None else _pronoun_replaced(tokens, opening, replacement)


def _bare_words(tokens: Sequence[str]) -> list[str]:
    """The first `_SAME_OPENING_WORDS` words, lower case and without the punctuation around them."""
    return [word.strip(".,;:!?").casefold() for word in tokens[:_SAME_OPENING_WORDS]]


def _someone_else(before: str, names: Sequence[str], opening: str) -> bool:
    """Whether the quotation's words before the pronoun give it another person to be: a name of two or
    more words that is not the actor's ("Kessler succeeded Robert Mugabe"), a titled name ("President
    Obama"), a person spoken of as him or her ("Kessler told him to resign"), a person noun ("my cousin
    was deported"), the actor's name only as a modifier ("The Trump administration", "Trump Tower"), or
    an honorific of the other sex at the actor's name ("Ms Kessler ... He ...")."""
    name_words = {word.strip(".,").casefold() for form in names for word in form.split()}
    for run in _NAME_RUN.findall(before):
        run_words = [
            word.strip(".,").removesuffix("'s").removesuffix("\u2019s").casefold() for word in run.split()
        ]
        while run_words and run_words[0] in _NOT_IN_A_NAME_RUN:
            run_words = run_words[1:]  # "In Harare", "On Monday": a phrase's word, no name's
        if set(run_words) & name_words:
            continue  # the actor's name
        named = [word not in _NOT_A_PERSONS_NAME | _OFFICE_WORDS | _RUN_TITLES for word in run_words]
        if any(first and second for first, second in pairwise(named)):
            return True  # "Robert Mugabe", "House Speaker Nancy Pelosi": someone else named
    if any(match.group(1).casefold() not in name_words for match in _TITLED_NAME.finditer(before)):
        return True  # "President Obama": a person who is no actor
    before_words = words(before)
    described = {
        index  # "Trump is a man who lies": the actor described; not "there was a man with a gun"
        for index in range(3, len(before_words))
        if before_words[index - 2] in english.BE_FORMS and before_words[index - 3] in name_words
    }
    if _OBJECT_PRONOUN.search(before) or any(
        before_words[index] in _PERSON_NOUNS
        and before_words[index - 1] in _PERSON_DETERMINERS
        and index not in described
        for index in range(1, len(before_words))
    ):
        return True  # "Kessler told him ...", "my cousin was deported": the pronoun may be that person
    other_sex = _HONORIFIC_OF["he" if opening in ("he", "his") else "she"]
    for match in _name_matches(names, before):
        after = before[match.end() :].split()[:1]
        if after and (after[0][:1].isupper() or after[0].strip(".,").casefold() in _NAME_AS_MODIFIER):
            return True  # "Trump Tower", "the Trump administration"
        honorific = before[: match.start()].split()[-1:]
        if honorific and honorific[0].strip(".\"\u201c\u2018'").casefold() in other_sex:
            return True  # "Ms Kessler ... He ..."
    return bool(name_words & other_sex)


def _by_a_proper_word(names: Sequence[str], text: str) -> bool:
    """Whether the text holds, as a word of its own, a capitalised word of one of the names that is no
    title ("Mnangagwa" of "President Mnangagwa"; not "President")."""
    text_words = {re.sub(r"['\u2019]s$", "", word) for word in written_words(text)}
    return any(
        word in text_words
        for form in names
        for word in written_words(form)
        if word[:1].isupper() and len(word) > 2 and word.casefold() not in _NOT_PROPER_WORDS
    )


_NOT_PROPER_WORDS = english.BARE_TITLES | english.FUNCTION_WORDS | english.LEADING_ARTICLES


def _first_named_at(names: Sequence[str], text: str) -> int | None:
    """Where one of the names first occurs in the text as words of their own, not as a possessive
    ("Smith's lawyer"); None when none does."""
    return min((match.start() for match in _name_matches(names, text)), default=None)


def _name_matches(names: Sequence[str], text: str) -> Iterator[re.Match[str]]:
    """Each place one of the names occurs in the text as words of their own, not inside a word nor as a
    possessive ("Smith's")."""
    for form in names:
        if form:
            yield from re.finditer(rf"(?<![\w'\u2019]){re.escape(form)}(?![\w'\u2019])", text)


def _same_opening(tokens: list[str], text: str) -> bool:
    """Whether a statement's words (`tokens`) open as the text does: its first `_SAME_OPENING_WORDS`
    words, case aside (the statement is the text's point, or its sentence)."""
    said = [word.casefold() for word in text.split()[:_SAME_OPENING_WORDS]]
    return [word.casefold() for word in tokens[:_SAME_OPENING_WORDS]] == said


def _takes_a_name(tokens: list[str], opening: str) -> bool:
    """Whether the opening pronoun's word has a form with a name in its place: "he", "he," and "he's"
    do; "He'd" has none."""
    return tokens[0][len(opening) :] in ("", ",", "'s", "\u2019s")


def _pronoun_replaced(tokens: list[str], opening: str, named: str) -> str:
    """The statement's words with `named`, capitalised, in the place of the opening pronoun, the rest
    of its word kept ("he's" -> "Clarke's")."""
    rest_of_word = tokens[0][len(opening) :]
    return f"{named[:1].upper()}{named[1:]}{rest_of_word} {' '.join(tokens[1:])}"


_ROLE_NOUNS = english.SPEAKER_NOUNS | english.SOURCE_NOUNS | english.MEMBER_ROLES


_SPEAKING_OF_OTHERS = frozenset(
    """judge justice prosecutor prosecutors attorney lawyer counsel detective sergeant sheriff coroner officer
    inspector chief coach manager constable superintendent commissioner investigator doctor dr surgeon
    physician spokesman spokeswoman spokesperson police""".split()
)
"""Roles whose "he" is most often someone else: a suspect, a patient, a player ("Judge Smith said he
would be sentenced ...", "Coach Belichick said he will miss two games")."""


_HONORIFIC_OF = {
    "he": frozenset("mrs ms miss lady dame queen madam".split()),
    "she": frozenset("mr sir lord king".split()),
}
"""Honorifics that say the speaker is not the pronoun's person ("Mrs. Jones said he ...")."""


def _names_one_self(frame: Frame, pronoun: str) -> bool:
    """Whether "he" or "she" opening a frame's point can only be its speaker: the frame is the article's
    own, before the point and not around a quotation (a speaker does not call themself "he" in their own
    words: "Becerra said, "He knows ...""); the speaker is one person named by a proper name, with no
    description between commas but an age ("Smith, a friend of the victim, said he ..."), no role that
    speaks of others ("Judge Smith", "Police spokesman Tom Brown") nor an honorific of the other sex
    ("Mrs. Jones said he ...")."""
    if frame.speaker is None or frame.quoted or (frame.apposition and not frame.apposition.isdigit()):
        return False
    speaker_words = [word.strip(".,").casefold() for word in frame.speaker.split()]
    if {"and", "&", "both"} & set(speaker_words) or speaker_words[0] in english.LEADING_ARTICLES:
        return False  # "Smith and Jones said he ...", "The Sheriff said he ..."
    if set(speaker_words) & (_SPEAKING_OF_OTHERS | _HONORIFIC_OF[pronoun]):
        return False
    return _proper_name(frame.speaker)


def _proper_name(speaker: str) -> bool:
    """Whether a frame's speaker ends in a proper name ("President Trump", "Mr. Clarke", "Bashar
    al-Assad"), not a role or a group ("A police spokesman", "Officials", "The Senator")."""
    last = speaker_words(speaker)[-1].strip(".,")
    return last.split("-")[-1][:1].isupper() and last.casefold() not in _ROLE_NOUNS | english.BARE_TITLES
