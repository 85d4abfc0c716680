"""A speaker's own first-person words put in the third person: "I never threaten anybody" said by
Trump reads "Trump never threatens anybody".

Only the simple and certain case is rewritten: the statement opens with I, we, my or our (inside
quotation marks or not), and the words after an opening I or we are a verb code knows how to put in the
third person (a modal, a past form, a contraction, or a plain present verb after at most a few
adverbs). After an opening we or our, a later we, us or our is the same side and becomes they, them
or their ("We are treating it as terrorism, and we're going to ..." -> "Bash is treating it as
terrorism, and they're going to ..."), unless the statement already speaks of others as "they". A
later I, me or my is not rewritten (whether "he" or "she" is not known to code), nor a "we" after an
opening I (a group the speaker belongs to: "I think we can win" -> "Hale thinks they can win" would not
say who). Anything else gives None, and the statement is left to the model's restatement. One verb
form is all the inflection needed, so a library (lemminflect, which brings numpy) is not used: the
word lists are in `language.english`.
"""

from __future__ import annotations

import re

from counterclaim.language import english

OPENING_QUOTES = "'\"\u2018\u201c"
CLOSING_QUOTES = "'\"\u2019\u201d"
"""The quotation marks around a quoted statement (also read by `pipeline.rules.statements`)."""
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


def opens_in_first_person(statement: str) -> bool:
    """True when the statement's first word (inside quotation marks or not) is I, we, my or our."""
    return _OPENING.match(unquoted(statement)) is not None


def in_third_person(statement: str, name: str) -> str | None:
    """The statement with its opening I/we made `name` and my/our made `name`'s, the verb after I/we
    in the third person singular, and after an opening we/our a later we/us/our made they/them/their
    (unless it already holds a "they"); None when it does not open so, when another first-person word
    follows ("We will win, I believe", "I think we can win"), or when the verb is not one code can
    inflect with certainty."""
    text = unquoted(statement)
    match = _OPENING.match(text)
    if match is None or not name:
        return None
    rest = match.group("rest")
    if match.group("pronoun") in ("We", "Our") and not _THIRD_PERSON_PLURAL.search(rest):
        rest = _PLURAL_FIRST_PERSON.sub(_as_they, rest)
    if not rest or _holds_first_person(rest):
        return None
    if match.group("pronoun") in ("My", "Our"):
        return None if match.group("contraction") else f"{name}'s {rest}"
    contraction = match.group("contraction")
    if contraction:
        return f"{name} {english.FIRST_PERSON_CONTRACTIONS[contraction]} {rest}"
    words = rest.split(" ")
    adverbs = 0
    while adverbs < len(words) and words[adverbs].casefold() in english.ADVERBS_BEFORE_VERB:
        adverbs += 1
    if adverbs >= len(words):
        return None
    verb = third_person_verb(words[adverbs])
    if verb is None:
        return None
    return " ".join([name, *words[:adverbs], verb, *words[adverbs + 1 :]])


def third_person_verb(word: str) -> str | None:
    """The verb as it follows "he" or "she" when it followed "I" or "we": "threaten" -> "threatens",
    "am" -> "is", "would" and "said" unchanged; None for what is not a plain lower-case word."""
    lower = word.replace("\u2019", "'")
    if lower != word.casefold() or _WORD.fullmatch(lower) is None:
        return None  # a name, a figure, punctuation: not a verb code can read
    if lower in english.FIRST_PERSON_VERB_FORMS:
        return english.FIRST_PERSON_VERB_FORMS[lower]
    if lower in english.VERBS_THE_SAME_IN_THIRD_PERSON or lower.endswith("ed") or lower.endswith("n't"):
        return word
    if "'" in lower or lower in english.FUNCTION_WORDS:
        return None
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return lower[:-1] + "ies"
    if lower.endswith(_SIBILANT_ENDINGS):
        return lower + "es"
    return lower + "s"


_PLURAL_FIRST_PERSON = re.compile(
    r"\b(?:(?P<we>[Ww]e)(?P<contraction>['\u2019](?:re|ve|ll|d))?|(?P<word>us|[Oo]urs|[Oo]urselves|[Oo]ur))\b"
)
"""A later we, us or our: the speaker's side, as the opening we is ("US", the country, is no "us")."""
_THIRD_PERSON_PLURAL = re.compile(r"\b(?:[Tt]hey|[Tt]hem|[Tt]heirs?|[Tt]hemselves)\b")
"""Others the statement speaks of as "they": a later "we" made "they" would be taken for them."""
_AS_THEY = {"we": "they", "us": "them", "our": "their", "ours": "theirs", "ourselves": "themselves"}


def _as_they(match: re.Match[str]) -> str:
    """A later we/us/our in the third person plural, its capital and its contraction kept ("We're" ->
    "They're"; the verb after "we" is the same after "they")."""
    word = match.group("we") or match.group("word")
    they = _AS_THEY[word.casefold()]
    if word[0].isupper():
        they = they.capitalize()
    return they + (match.group("contraction") or "")


def _holds_first_person(text: str) -> bool:
    for token in _WORD.findall(text):
        word = token.replace("\u2019", "'").split("'")[0]
        if word == "US":
            continue  # the country
        if word.casefold() in english.FIRST_PERSON_WORDS:
            return True
    return False
