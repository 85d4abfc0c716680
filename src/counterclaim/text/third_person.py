"""A speaker's own first-person words put in the third person: "I never threaten anybody" said by
Trump reads "Trump never threatens anybody".

Only the simple and certain case is rewritten: the statement opens with I, we, my or our (inside
quotation marks or not), and the words after an opening I or we are a verb code knows how to put in the
third person (a modal, a past form, a contraction, or a plain present verb after at most a few
adverbs). After an opening we or our, a later we, us or our (at most two) is the same side and is
named again ("We warned Iran that we would strike" -> "Israel warned Iran that Israel would strike":
"they" could be read as Iran), except inside a quotation (another speaker's "we") or "let us". After an
opening I, a later subject I (at most two) is named again the same way ("I can tell you, I don't know
..." -> "Durbin can tell you, Durbin doesn't know ..."). A later me or my is not rewritten (whether
"him" or "her" is not known to code), nor a "we" after an opening I (a group the speaker belongs to:
"I think we can win" would not say who). Anything else gives None,
and the statement is left to the model's restatement. One verb form is all the inflection needed, so
a library (lemminflect, which brings numpy) is not used: the word lists are in `language.english`.
"""

from __future__ import annotations

import re

from counterclaim.language import english

OPENING_QUOTES = "'\"\u2018\u201c"
CLOSING_QUOTES = "'\"\u2019\u201d"
"""The quotation marks around a quoted statement (also read by `pipeline.rules.statements`)."""
QUOTATION_MARKS = OPENING_QUOTES.replace("'", "") + CLOSING_QUOTES.replace("'", "")
"""The marks that are never an apostrophe: a text holding one holds a quotation."""
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
_OPENING = re.compile(r"^(?P<pronoun>I|We|My|Our)(?:['\u2019](?P<contraction>m|re|ve|ll))?\b\s*(?P<rest>.*)$")
_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


def unquoted(statement: str) -> str:
    """The statement without the quotation marks around it ("'I never threaten anybody.'")."""
    text = " ".join(statement.split())
    if text[:1] in OPENING_QUOTES:
        text = text[1:]
        if text[-1:] in CLOSING_QUOTES:
            text = text[:-1]
    return text.strip()


CLOSING_OF = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'"}
"""The closing mark of each opening quotation mark (also read by `pipeline.rules.statements`)."""


def _closed_before_the_end(statement: str) -> bool:
    """Whether the statement opens with a quotation mark that closes before more words follow ("'We
    couldn't win,' and the city flag is at half-mast"): the words after it are not the speaker's."""
    text = " ".join(statement.split())
    closing = CLOSING_OF.get(text[:1])
    return closing is not None and re.search(re.escape(closing) + r"[,;:]?\s+\w", text[1:]) is not None


def opens_in_first_person(statement: str) -> bool:
    """True when the statement's first word (inside quotation marks or not) is I, we, my or our."""
    return _OPENING.match(unquoted(statement)) is not None


def in_third_person(statement: str, name: str) -> str | None:
    """The statement with its opening I/we made `name` and my/our made `name`'s, the verb after I/we
    in the third person singular, and after an opening we/our up to `MAX_LATER_WE` later we/us/our
    made the name again (`_later_we_named`); None when it does not open so, when another first-person
    word is left ("We will win, I believe", "I think we can win"), or when a verb is not one code can
    inflect with certainty."""
    text = unquoted(statement).replace("\u2019", "'")  # "We\u2019re": one apostrophe to read
    match = _OPENING.match(text)
    if match is None or not name or _closed_before_the_end(statement):
        return None  # "'We couldn't win,' and the flag is at half-mast": the words after are not theirs
    rest = match.group("rest")
    if not rest[:1].isalnum():
        return None  # "My, what a mess"
    if match.group("pronoun") in ("We", "Our"):
        rest = _later_we_named(rest, name, possessive=match.group("pronoun") == "Our") or rest
    elif match.group("pronoun") == "I":
        rest = _later_i_named(rest, name) or rest
    if not rest or _holds_first_person(rest):
        return None
    if match.group("pronoun") in ("My", "Our"):
        return None if match.group("contraction") else f"{name}'s {rest}"
    contraction = match.group("contraction")
    if contraction:
        return f"{name} {english.FIRST_PERSON_CONTRACTIONS[contraction]} {rest}"
    return _named_subject(rest, name)


def _named_subject(rest: str, name: str) -> str | None:
    """`name` as the subject of `rest` (the words after an I or we), its verb in the third person
    singular after at most a few adverbs; None when code cannot inflect that verb."""
    words = rest.split(" ")
    adverbs = 0
    while adverbs < len(words) and _adverb(words[adverbs].casefold()):
        adverbs += 1
    if adverbs >= len(words):
        return None
    word = words[adverbs]
    bare = word.rstrip(".,;:!?")
    verb = third_person_verb(bare) if bare else None
    if verb is None:
        return None
    if bare.casefold() in ("need", "dare") and words[adverbs + 1 : adverbs + 2] == ["not"]:
        verb = bare  # "need not apologise": a modal
    return " ".join([name, *words[:adverbs], verb + word[len(bare) :], *words[adverbs + 1 :]])


def _adverb(word: str) -> bool:
    """An adverb between a subject and its verb: a listed one, or a word in -ly that is no verb
    ("respectfully", "categorically"; not "apply", "reply")."""
    return word in english.ADVERBS_BEFORE_VERB or ly_adverb(word)


def ly_adverb(word: str) -> bool:
    """A word in -ly that is no verb ("quickly", "respectfully"; not "reply", "rally"; also read by
    `pipeline.rules.attribution`)."""
    return word.endswith("ly") and word not in english.VERBS_IN_LY


MAX_LATER_WE = 2
"""At most this many later we/us/our are named again; more are left to the model."""
_LATER_WE = re.compile(
    r"(?<![\w-])(?:(?P<we>[Ww]e)(?:'(?P<contraction>re|ve|ll|d))?|(?P<us>us)|(?P<our>[Oo]ur))(?![\w-])"
)
"""A later we, us or our ("US", the country, is no "us")."""
_LET_US = re.compile(r"\blet(?:['\u2019]s|\s+us)\b", re.IGNORECASE)


def _later_we_named(rest: str, name: str, *, possessive: bool) -> str | None:
    """The words after an opening we/our with each later we, us or our made the speaker's name again
    ("We warned Iran that we would strike" -> "... Israel would strike": "they" could be Iran), its verb
    inflected as after the opening; None when there are none, more than `MAX_LATER_WE`, a quotation
    (the "we" may be another speaker's), "let us", a "we" joined to others ("Our partners and we",
    after a `possessive` opening; "we and our allies"), or a verb code cannot inflect."""
    found = list(_LATER_WE.finditer(rest))
    if not found or len(found) > MAX_LATER_WE or _LET_US.search(rest):
        return None
    if _holds_a_quotation(rest):
        return None
    named = rest
    for match in reversed(found):  # from the end, so earlier positions hold
        before, after = named[: match.start()], named[match.end() :]
        if (possessive and re.search(r"\b(?:and|or)\s+$", before)) or re.match(r"\s+(?:and|or)\b", after):
            return None  # "Our partners and we agree", "... we and our allies": a group with others
        if match.group("us"):
            if re.match(r"\s+(?:[A-Z]|[a-z]+s\b)", after):
                return None  # "us Americans", "us farmers": a determiner, not the object
            replaced = f"{before}{name}{after}"
        elif match.group("our"):
            replaced = f"{before}{name}'s{after}"
        else:
            subject = _subject_named_again(after, match.group("contraction"), name)
            if subject is None:
                return None
            replaced = f"{before}{subject}"
        named = replaced
    return named


def _holds_a_quotation(text: str) -> bool:
    """Whether the text holds a quotation (in double marks, or single marks at a word's edge): a first
    person in it may be another speaker's."""
    return (
        any(mark in text for mark in QUOTATION_MARKS) or re.search(r"(?:^|\s)'|'(?:\s|$)", text) is not None
    )


def _subject_named_again(after: str, contraction: str | None, name: str) -> str | None:
    """A later "we" or "I" made `name`, with what follows it (`after`): a contraction as its verb
    ("we're" -> "NATO is"), else the next verb in the third person; None for "we'd" or "I'd" (had or
    would) or a verb code cannot inflect."""
    if contraction:
        verb = english.FIRST_PERSON_CONTRACTIONS.get(contraction)
        return None if verb is None else f"{name} {verb}{after}"
    return _named_subject(after.lstrip(), name)


def third_person_verb(word: str) -> str | None:
    """The verb as it follows "he" or "she" when it followed "I" or "we": "threaten" -> "threatens",
    "am" -> "is", "would" and "said" unchanged; None for what is not a plain lower-case word."""
    word = word.replace("\u2019", "'")
    lower = word.casefold()
    if lower != word or _WORD.fullmatch(lower) is None:
        return None  # a name, a figure, punctuation: not a verb code can read
    if lower in english.PERSONAL_PRONOUNS or lower in english.FIRST_PERSON_WORDS or lower in _NO_VERBS:
        return None  # "we ourselves", "we both", "we too": no verb follows the subject here
    if lower in english.FIRST_PERSON_VERB_FORMS:
        return english.FIRST_PERSON_VERB_FORMS[lower]
    if (
        lower.endswith("eed") and lower not in english.PAST_FORMS_IN_EED
    ) or lower in english.PRESENT_FORMS_IN_ED:
        return lower + "s"  # "need", "proceed", "embed", "shred": present forms, not past ones
    if lower in english.VERBS_THE_SAME_IN_THIRD_PERSON or lower.endswith("ed") or lower.endswith("n't"):
        return word
    if "'" in lower or lower in english.FUNCTION_WORDS:
        return None
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return lower[:-1] + "ies"
    if lower.endswith("z") and not lower.endswith("zz"):
        return lower + "zes"  # "quiz" -> "quizzes"
    if lower.endswith(_SIBILANT_ENDINGS) and not (lower.endswith("o") and lower[-2:-1] in "aeiou"):
        return lower + "es"  # "goes", "watches"; not "radioes", "tattooes"
    return lower + "s"


_LATER_I = re.compile(r"(?<![\w'-])I(?:'(?P<contraction>m|ve|ll|d))?(?![\w'-])")
"""A later subject I ("I", "I'm", "I've", "I'll"; "I'd" is had or would)."""


_BEFORE_A_LATER_I = frozenset(
    """that if when because as than what whether but so while since although though until unless where
    how why who before after once think thought know knew believe believed hope hoped feel felt guess
    say said expect expected promise promised admit admitted suspect fear feared wish mean meant swear
    understand understood realise realised realize realized doubt insist insisted""".split()
)
"""Words after which a later "I" opens a clause ("I know that I was wrong", "I think I can"): a word
of another kind before it makes it a numeral ("phase I trials") or one of a group ("my wife and I")."""


def _later_i_named(rest: str, name: str) -> str | None:
    """The words after an opening I with each later I made the speaker's name again, its verb in the
    third person ("can tell you, I don't know" -> "can tell you, Durbin doesn't know"); None when there
    is none, more than `MAX_LATER_WE`, a quotation (the "I" may be another speaker's), an "I" after
    anything but a comma, a dash or a word that opens a clause (`_BEFORE_A_LATER_I`: not a numeral,
    "World War I", "phase I trials", nor a group, "my wife and I"), an "I" before "and" or a subjunctive
    "were", or a verb code cannot inflect."""
    found = list(_LATER_I.finditer(rest))
    if not found or len(found) > MAX_LATER_WE:
        return None
    if _holds_a_quotation(rest):
        return None  # its "I" may be another speaker's
    named = rest
    for match in reversed(found):  # from the end, so earlier positions hold
        before, after = named[: match.start()], named[match.end() :]
        previous = re.search(r"(\w+)\W*$", before)
        at_a_boundary = re.search(r"[,;:\u2014-]\s*$", before) is not None
        if not at_a_boundary and (previous is None or previous.group(1) not in _BEFORE_A_LATER_I):
            return None  # "World War I", "phase I trials", "my wife and I", "I need I think ..."
        if re.match(r"\s+(?:and|or|were)\b", after):
            return None  # "I and others"; "if I were": a subjunctive
        subject = _subject_named_again(after, match.group("contraction"), name)
        if subject is None:
            return None
        named = f"{before}{subject}"
    return named


_NO_VERBS = frozenset(
    "too both all however therefore thus hence hereby alone together rather neither better first".split()
)
"""Words after a subject that are no verb ("We too ...", "We both ..."): the statement goes to the model."""


def _holds_first_person(text: str) -> bool:
    for token in _WORD.findall(text):
        word = token.replace("\u2019", "'").split("'")[0]
        if word == "US":
            continue  # the country
        if word.casefold() in english.FIRST_PERSON_WORDS:
            return True
    return False
