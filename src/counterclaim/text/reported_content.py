"""What a sentence reports a named source's allegation, claim or warning to say, found by code.

A sentence that reports one side's answer often carries the other side's point inside it: "The
Department of Defense is denying Pakistani tribal leaders' allegations that Pakistani soldiers forced
U.S. helicopters to turn back", "Moscow has insisted it has no intention of invading, despite warnings
from Western countries in recent days that an invasion is likely to be imminent". The point after
"that" is the source's claim, as the article itself reports it; small models give the sentence to its
main speaker only, so the side that the answer denies is lost, and with it the contradiction.

Read here: a report noun (`english.REPORT_NOUNS`: allegations, claims, warnings, ...) owned by a named
source, either by a possessive ("Pakistani tribal leaders' allegations") or by "from"/"by" ("claims by
the main opposition party"), followed by "that" and the point, which runs to the end of the sentence
or of its clause. Not read: a source that is a pronoun ("his claims that"), a report that opens the
sentence (its point's end is unknown: "Russia's claims that Ukraine attacked are false"), a denial
("Moscow's denial that ..." says the opposite of its point), and a point of fewer than
`MIN_POINT_WORDS` words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from counterclaim.language import english

MIN_POINT_WORDS = 4
_OWNER_WORDS = 5
"""The most words of a source's name before its possessive or after "from"/"by"."""

_NOUNS = "|".join(sorted(english.REPORT_NOUNS, key=len, reverse=True))
_OWNER_WORD = r"(?:[A-Z][\w.&\u2019'-]*|[a-z][a-z-]+)"
_POSSESSED = re.compile(
    rf"(?<![\w.&-])(?<!\w['\u2019])"
    rf"(?P<owner>(?:(?:the|The)\s+)?{_OWNER_WORD}(?:\s+{_OWNER_WORD}){{0,{_OWNER_WORDS - 1}}})"
    rf"(?:['\u2019]s|(?<=s)['\u2019])\s+(?:(?:[a-z]+|repeated|earlier)\s+)?(?P<noun>{_NOUNS})\s+that\s+(?P<point>.+)$"
)
"""A possessive source, its report noun (one adjective between: "Russia's repeated claims") and the
point after "that". The source opens at a word's start: a search may not start inside a word, where a
long run of letters would be read again from every one of its characters."""
_BY_OR_FROM = re.compile(
    rf"\b(?P<noun>{_NOUNS})\s+(?:from|by)\s+(?P<owner>(?:(?:the|The)\s+)?{_OWNER_WORD}"
    rf"(?:\s+{_OWNER_WORD}){{0,{_OWNER_WORDS - 1}}}?)"
    rf"(?:\s+(?:in|on|at|during|over|last|this|earlier)\s+[^,;]{{1,30}}?)?\s+that\s+(?P<point>.+)$"
)
"""A report noun, its source after "from" or "by" (a time after it set aside: "warnings from Western
countries in recent days that") and the point after "that"."""
_CLAUSE_END = re.compile(
    r"(?:;|\s[-\u2013\u2014]\s|[\"\u201c\u201d]|\s+and\s+(?:said|says|added|called|denied|insisted)\b"
    r"|,\s+(?:and|but|while|whereas|although|though|which|who|saying|calling|describing|adding|a\s+charge"
    r"|a\s+claim|an\s+allegation|according\s+to|(?:\w+\s+){0,3}(?:said|says|reported|added)\b))",
    re.IGNORECASE,
)
"""Where the point's clause ends before the sentence does ("..., a charge the south denies.",
"..., Reuters reported.", "..., calling them false", "... and said ...", a quotation mark)."""
_NO_SUBJECT = re.compile(
    rf"^(?:{'|'.join(sorted(english.BE_FORMS))}|has|have|had|will|would|can|could|may|might|must|should"
    r"|did|does|do|[a-z]+ed(?=\s+(?:on|in|at|by|to|from|for|with|during|over|last|this|after|before|the|a|an"
    r"|online|earlier|recently|yesterday)\b|[.,;]|$))\b"
)
"""A point that opens with a verb: "that" was a relative pronoun ("claims that have circulated",
"the statement that was released", "allegations that surfaced on social media"), not the start of a
point; an adjective in -ed before a noun is a subject ("that unarmed protesters were shot")."""
ANSWER_VERB_PATTERN = (
    rf"(?:{english.DENIAL_VERB_PATTERN}|denounc(?:e|es|ed|ing)|doubt(?:s|ed|ing)?|question(?:s|ed|ing)"
    r"|challeng(?:es|ed|ing)|contradict(?:s|ed|ing)?)"
)
"""Verbs of denial or dispute by which a sentence answers a source's report (not "condemned": one
condemns a threat without disputing it)."""
_ANSWERED_BY = re.compile(
    rf"\b(?P<verb>{ANSWER_VERB_PATTERN})\s+(?P<between>(?:\S+\s+){{0,3}})$", re.IGNORECASE
)
_CONDEMNED_NOUNS = frozenset({"threat", "threats"})
"""Reports one denounces without disputing them ("denounced Russia's threats that ...")."""
"""A verb of denial or dispute at most three words before the report ("is denying", "rejected the
ministry's repeated", "denouncing"): the sentence answers the source."""
_NOT_ANSWERED = re.compile(
    r"\b(?:not|n't|never|nor|neither|no\s+one|nobody|refused\s+to|declined\s+to|yet\s+to|short\s+of"
    r"|rather\s+than|failed\s+to|against)\b",
    re.IGNORECASE,
)
"""Words before a verb of denial that take the answer back ("did not deny", "refused to deny",
"stopped short of rejecting", "an appeal against")."""
_ANSWERER_END = re.compile(
    r"(?:[,;:]|\b(?:while|whereas|as|and|but|after|when|although|though|because)\b)", re.IGNORECASE
)
_BETWEEN_ANSWERER_AND_VERB = (
    english.BE_FORMS | english.WORDS_BETWEEN_SPEAKER_AND_VERB | frozenset({"has", "have", "had", "also"})
)
_NOT_AN_OWNER = english.PERSONAL_PRONOUNS | english.POSSESSIVE_PRONOUNS | english.FUNCTION_WORDS
_NOT_IN_AN_OWNER = english.REPORTING_VERBS | english.BE_FORMS | frozenset({"and", "or", "that", "of"})
_DANGLING = frozenset("as of to and or but with for by from in on at than into".split())
"""Words a point cut at a quotation mark cannot end with ('beat the strikers as "lies"')."""
_BEFORE_A_SUBJECT = frozenset({"and", "but", "or", "while", "whereas", "as", "because", "although"})
"""A word right before a report that makes it a clause's subject (", and Human Rights Watch's report
that ... was ignored"): its point's end is unknown."""


class OwnedReport(NamedTuple):
    """A source's reported point inside a sentence."""

    owner: str
    """The source as the sentence names it ("Pakistani tribal leaders", "the main opposition party")."""
    noun: str
    """The report noun that carries the point ("allegations", "warnings")."""
    point: str
    """What the source says, as the sentence words it after "that" (its first letter capitalised, a
    full stop at its end)."""
    answered: bool = False
    """The sentence denies or disputes it ("is denying Pakistani tribal leaders' allegations that",
    "denouncing claims by the main opposition party that"): its speaker holds the opposite."""
    answerer: str | None = None
    """Who denies or disputes it, as the sentence names them before the verb ("The U.S. Department of
    Defense"); None when it is not answered or the clause names no one before the verb."""


def owned_reports(sentence: str) -> list[OwnedReport]:
    """The points a sentence reports named sources' allegations, claims or warnings to make (see the
    module's description), in order of their report nouns."""
    text = " ".join(sentence.split())
    found: list[tuple[int, OwnedReport]] = []
    for pattern in (_POSSESSED, _BY_OR_FROM):
        position = 0
        while (match := pattern.search(text, position)) is not None:
            position = match.end("noun")  # a point runs to the sentence's end: look again after the noun
            report = _read(text, match)
            if report is not None and all(report.point != other.point for _, other in found):
                found.append((match.start("noun"), report))
    return [report for _, report in sorted(found, key=lambda item: item[0])]


def _read(text: str, match: re.Match[str]) -> OwnedReport | None:
    possessed = match.start("owner") < match.start("noun")
    owner = _owner(match.group("owner"), possessed=possessed)
    if owner is None:
        return None
    opening = text.rfind(owner, 0, match.start("noun")) if possessed else match.start()
    before = text[:opening].rstrip()
    if not before or before.endswith((".", "!", "?", ":", ",", '"', "\u201c")):
        return None  # a report that opens its sentence or clause: where its point ends is unknown
    if before.split()[-1].casefold() in _BEFORE_A_SUBJECT:
        return None
    point = _CLAUSE_END.split(match.group("point"), maxsplit=1)[0].strip().rstrip(".,;:!?\"\u201d' ")
    while point and point.split()[-1].casefold() in _DANGLING:  # '... the strikers as "lies"'
        point = point.rsplit(maxsplit=1)[0] if " " in point else ""
    if len(point.split()) < MIN_POINT_WORDS or _NO_SUBJECT.match(point):
        return None
    answered, answerer = _answer(before, match.group("noun"))
    return OwnedReport(owner, match.group("noun"), f"{point[:1].upper()}{point[1:]}.", answered, answerer)


def _answer(before: str, noun: str) -> tuple[bool, str | None]:
    """Whether the words before a report deny or dispute it, and who does: the words of the clause
    before the verb, after any reporting verb there and without the auxiliaries and adverbs between
    ("The U.S. Department of Defense is denying" -> "The U.S. Department of Defense"; "Amnesty said
    police rejected" -> "police"); no one for others of someone ("Critics of the ministry")."""
    found = _ANSWERED_BY.search(before + " ")
    if found is None or any(word.endswith("ing") for word in found.group("between").split()):
        return False, None  # "denied knowing about Reuters' report": the report is not what is denied
    if found.group("verb").casefold().startswith("denounc") and noun.casefold() in _CONDEMNED_NOUNS:
        return False, None
    clause = _ANSWERER_END.split(before[: found.start("verb")])[-1]
    if _NOT_ANSWERED.search(clause) or _NOT_ANSWERED.search(found.group("between")):
        return False, None
    words = clause.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].casefold() in english.REPORTING_VERBS | {"that"}:
            words = words[index + 1 :]  # "Amnesty said (that) police rejected": the police answer
            break
    while words and words[-1].casefold() in _BETWEEN_ANSWERER_AND_VERB:
        words.pop()
    if len(words) > 1 and words[0].casefold() in english.PEOPLE_AROUND and words[1].casefold() == "of":
        return True, None  # "Critics of the ministry rejected": not the ministry
    return True, " ".join(words) or None


def _owner(phrase: str, *, possessed: bool) -> str | None:
    """The source's name in the words matched for it. Before a possessive, the words nearest it that
    can make a name, read backwards up to "the" or a word that cannot ("is denying Pakistani tribal
    leaders" -> "Pakistani tribal leaders", "Analysts doubt the government" -> "the government"); after
    "from" or "by", the words as they are. None for a pronoun, or for words with neither a capital nor
    "the" ("local tribal leaders": no one named)."""
    words = phrase.split()
    if possessed:
        kept: list[str] = []
        for word in reversed(words):
            folded = word.casefold()
            if folded == "the":
                kept.append(word)
                break
            if (
                folded in _NOT_IN_AN_OWNER
                or folded in english.FUNCTION_WORDS
                or (word.islower() and folded.endswith(("ing", "ed")))
            ):
                break
            kept.append(word)
        words = kept[::-1]
        while words and words[0][:1].islower() and words[0].casefold() != "the":
            words = words[1:]  # "Analysts doubt Moscow": a name starts at its capital
    elif words and words[0].casefold() in english.FUNCTION_WORDS - {"the"}:
        words = words[1:]
    if not words or all(word.casefold() in _NOT_AN_OWNER for word in words):
        return None
    if not any(word[:1].isupper() for word in words) and words[0].casefold() != "the":
        return None
    if len(words) == 1 and words[0].casefold() == "the":
        return None
    if words[-1].casefold() in english.TIME_WORDS | english.EVENT_NOUNS:
        return None  # "the weekend's report that", "the summit's statement that": no one's
    return " ".join(words)
