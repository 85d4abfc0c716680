"""Who a sentence reports as speaking, found by code from English reporting patterns.

News sentences mark attribution with a small set of patterns: "X said ...", "... , X said.",
"said X", "according to X", "X has warned ...". Finding those speakers in code lets the claim step
point the model at every speaker of a sentence ("Western leaders have warned ..., after a defence
spokesman said ...": two claims, two actors), and lets code check that a claimed actor is really named
nearby. The patterns are general English news style, not tuned to any article; a sentence in another
language simply yields no speakers.
"""

from __future__ import annotations

import re
from itertools import pairwise, takewhile
from typing import NamedTuple

from counterclaim.language import english, english_numbers
from counterclaim.text.naming import naming_calls
from counterclaim.text.quotations import quotation_open_at

REPORTING_VERBS = english.REPORTING_VERBS
_WORD = re.compile(
    r"\w+(?:[.-]\w+)*\.(?:com|org|net|gov|edu|int|info|news|[a-z]{2})\b(?!\.\w)"  # UOL.com.br, BBC.co.uk
    r"|(?:\w\.){2,}"  # U.S., U.N.
    rf"|{english.TITLE_ABBREVIATION_PATTERN}"
    r"|\w+(?:[\u2019'-]\w+)*|[^\w\s]"
)
_POSSESSIVE = ("\u2019s", "'s")


_CLAUSE_VERBS = english.AUXILIARY_VERBS
_CLAUSE_REACH = 6


def keeps_a_thing(words: list[str], index: int) -> bool:
    """Whether the word at `index` is a verb of keeping a thing, not of speech ("the Watch Tower
    maintains a database"; `english.KEEPING_VERBS`): an article or a possessive follows it, and no verb
    of a clause within a few words ("maintained an impeachment inquiry is what ..." reports)."""
    after = words[index + 1].casefold() if index + 1 < len(words) else ""
    if words[index].casefold() not in english.KEEPING_VERBS or after not in english.THING_OPENERS:
        return False
    for word in words[index + 2 : index + 2 + _CLAUSE_REACH]:
        if not word[:1].isalnum():
            break  # the clause ends: "a database of ships;"
        if word.casefold() in _CLAUSE_VERBS:
            return False
    return True


_CALLED_PARTICLES = frozenset({"off", "up", "back"})


def _calls_off(tokens: list[str], index: int) -> bool:
    """Whether the word at `index` is "called" or "calls" in a verb of doing ("called off its search",
    "called up reservists"), not of speech; not "in" ("called in a statement for ...")."""
    after = tokens[index + 1].casefold() if index + 1 < len(tokens) else ""
    return tokens[index].casefold() in ("called", "calls", "call") and after in _CALLED_PARTICLES


def _verb_of_speech(tokens: list[str], naming: set[int], index: int) -> bool:
    """Whether the token at `index` is a reporting verb used as one: not a "called" giving a name
    (`naming`), nor "called off" (`_calls_off`)."""
    return tokens[index] in REPORTING_VERBS and index not in naming and not _calls_off(tokens, index)


def _tokens(sentence: str) -> tuple[list[str], set[int]]:
    """The sentence's tokens, and the positions of those that are "called" giving a name
    (`text.naming.naming_calls`: "Fishmongers' Hall called \u201cLearning Together\u201d" frames no
    speaker)."""
    matches = list(_WORD.finditer(sentence))
    starts = set(naming_calls(sentence))
    return [m.group() for m in matches], {i for i, m in enumerate(matches) if m.start() in starts}


_MAX_SPEAKER_WORDS = 8


def reported_speakers(sentence: str) -> list[str]:
    """The speakers a sentence reports, as written in it, in order of appearance, without repeats."""
    tokens, naming = _tokens(sentence)
    found: list[str] = []
    for index, token in enumerate(tokens):
        speech = _verb_of_speech(tokens, naming, index) and not keeps_a_thing(tokens, index)
        if speech or _document_reads(tokens, index):
            if _passive(tokens, index):
                continue  # "Hospitals stressed by the surge": the agent follows "by"
            before = _unnamed_source_before(tokens, index) or _speaker_before(tokens, index)
            if before:
                found.append(before)
            elif (
                token in english.INVERTED_REPORTING_VERBS
                and index > 0
                and not tokens[index - 1][:1].isalnum()
                and tokens[index - 1] != ")"  # "(WHO) said the outbreak ...": no speaker after
            ):
                after = _speaker_after(tokens, index)  # '..." said the minister' / ', says Smith'
                if after:
                    found.append(after)
        elif index == 0 and token.istitle() and token.casefold() in english.INVERTED_REPORTING_VERBS:
            after = _speaker_after(tokens, index)  # 'Remarked scientist Tierra Curry, "..."'
            if after:
                found.append(after)
        elif (
            token.casefold() == "according"
            and index + 1 < len(tokens)
            and tokens[index + 1].casefold() == "to"
        ):
            after = (
                _unnamed_source_from(tokens, index + 2)
                or _author(tokens, index + 1)
                or _speaker_after(tokens, index + 1, dated=True)
            )
            if after:
                found.append(after)
        elif _relays(tokens, index):
            after = _cited_at(tokens, index)
            if after:
                found.append(after)  # "Reuters reported ..., citing two officials": the officials speak
    return list(dict.fromkeys(found))


class CitedSource(NamedTuple):
    """A source a sentence says its words were relayed from."""

    phrase: str
    """The source as the sentence names it ("two officials")."""
    start: int
    """Where the relaying word ("citing") begins in the sentence."""


def cited_sources(sentence: str) -> list[CitedSource]:
    """The sources a sentence says its words were relayed from, in order: the one named after
    "citing", ", quoting" or "which cited" ("Reuters reported ..., citing two officials")."""
    matches = list(_WORD.finditer(sentence))
    tokens = [match.group() for match in matches]
    found: list[CitedSource] = []
    for index in range(len(tokens)):
        phrase = _cited_at(tokens, index) if _relays(tokens, index) else None
        if phrase and phrase not in [source.phrase for source in found]:
            found.append(CitedSource(phrase, matches[index].start()))
    return found


def _cited_at(tokens: list[str], index: int) -> str | None:
    """The source named after the relaying word at `index`: an unnamed source by its tie to a matter,
    or a phrase headed by a source's noun (`CITED_HEADS`: "two officials", "the defence ministry"),
    one source only; not a reason, a law or a document ("citing the First Amendment", "a report")."""
    unnamed = _unnamed_source_from(tokens, index + 1)
    if unnamed is not None:
        return unnamed
    phrase = _speaker_after(tokens, index)
    if phrase is None:
        return None
    words = [word.casefold() for word in phrase.split()]
    if "and" in words or "or" in words or not set(words) & CITED_HEADS:
        return None  # "a senior official and two people ...": two sources
    return phrase


CITED_HEADS = english.SOURCE_NOUNS | frozenset(
    """spokesman spokeswoman spokesperson spokespeople police ministry military army government
    authorities agency prosecutors prosecutor lawyer lawyers doctors scientists researchers""".split()
)
"""Nouns that make what follows "citing" a source of words ("citing two officials", "citing Pentagon
sources", "citing its defence ministry"); without one it is a reason, a law or a document ("citing the
First Amendment", "citing Fox News", "citing a Federal Reserve report"), left be."""


DOCUMENT_NOUNS = frozenset("statement letter message note post tweet release notice sign banner".split())
"""Things whose words "read" ("Trump's statement read: ..."): "read" reports their words."""


def _document_reads(tokens: list[str], index: int) -> bool:
    """Whether the token is "read" or "reads" after a thing whose words it gives ("The statement read:
    ...", "Trump's statement reads"; not "He read the report")."""
    return (
        tokens[index] in ("read", "reads")
        and index > 0
        and tokens[index - 1].casefold() in DOCUMENT_NOUNS
        and (index + 1 >= len(tokens) or tokens[index + 1].casefold() not in ("like", "as"))
    )  # not "NATO's statement reads like a declaration of war"


_DOCUMENT_OWNER = re.compile(
    rf"^(?P<owner>[A-Z][^,;:]{{0,60}}?)['\u2019]s\s+(?:{'|'.join(sorted(DOCUMENT_NOUNS))})$", re.IGNORECASE
)


def document_owner(phrase: str) -> str:
    """Whose a document is, when a speaker phrase is one's ("Trump's statement" -> "Trump"); the phrase
    itself otherwise ("A ministry statement")."""
    match = _DOCUMENT_OWNER.match(phrase)
    return phrase if match is None else match.group("owner")


def _relays(tokens: list[str], index: int) -> bool:
    """Whether the token names whom an outlet relays: "citing", "quoting" after a comma, or "cited"
    after "which" or "who" ("According to AFP, which cited sources close to the investigation")."""
    token, before = tokens[index], tokens[index - 1].casefold() if index > 0 else ""
    return (
        token == "citing"
        or (token == "quoting" and before == ",")
        or (token == "cited" and before in ("which", "who"))
    )


SOURCE_HEADS = frozenset(
    """source sources people person persons official officials diplomat diplomats aide aides insider
    insiders""".split()
)
"""Nouns of an unnamed source described by its tie to a matter ("sources close to the investigation",
"people familiar with the matter", "officials with knowledge of the talks")."""
_SOURCE_TIES = (
    ("close", "to"),
    ("familiar", "with"),
    ("with", "knowledge", "of"),
    ("with", "direct", "knowledge", "of"),
    ("briefed", "on"),
    ("knowledgeable", "about"),
    ("within",),
)
_SOURCE_ADJECTIVES = frozenset(
    """senior unnamed anonymous government military intelligence administration security police other
    multiple several some many two three four five six western european american diplomatic""".split()
)
_LONGEST_TIE = max(len(tie) for tie in _SOURCE_TIES)
_SOURCE_OPENING_WORDS = 3
_SOURCE_MATTER_WORDS = 6


def _unnamed_source_from(tokens: list[str], start: int) -> str | None:
    """The unnamed source described by its tie to a matter that begins at `start` ("two sources close to
    the investigation", "people familiar with the president's thinking", "sources within the United
    States Department of Defense"), None when none does."""
    end = _unnamed_source_end(tokens, start)
    return None if end is None else " ".join(tokens[start:end])


def _unnamed_source_before(tokens: list[str], verb: int) -> str | None:
    """The unnamed source described by its tie to a matter that ends just before the reporting verb
    ("Sources close to the investigation said ..."), None when none does."""
    end = _speaker_end(tokens, verb)
    first = max(0, end - _SOURCE_OPENING_WORDS - _LONGEST_TIE - _SOURCE_MATTER_WORDS - 1)
    for start in range(first, end):
        if _unnamed_source_end(tokens, start) == end:
            return " ".join(tokens[start:end])
    return None


def _unnamed_source_end(tokens: list[str], start: int) -> int | None:
    position = start
    while (
        position < len(tokens)
        and position - start < _SOURCE_OPENING_WORDS
        and tokens[position].casefold() not in SOURCE_HEADS
        and _opens_a_source(tokens[position])
    ):
        position += 1
    if position >= len(tokens) or tokens[position].casefold() not in SOURCE_HEADS:
        return None
    position += 1
    words = [token.casefold() for token in tokens[position : position + _LONGEST_TIE]]
    tie = next((tie for tie in _SOURCE_TIES if tuple(words[: len(tie)]) == tie), None)
    if tie is None:
        return None
    position += len(tie)
    matter = position
    if matter >= len(tokens) or not (
        tokens[matter].casefold() in english.DETERMINERS
        or tokens[matter].casefold() in english.POSSESSIVE_PRONOUNS
        or tokens[matter][:1].isupper()
    ):
        return None
    while position < len(tokens) and position - matter < _SOURCE_MATTER_WORDS:
        token = tokens[position]
        lower = token.casefold()
        if not token[:1].isalnum() or token in REPORTING_VERBS:  # lower case only: "United States"
            break
        if position > matter and (lower in english.TIME_WORDS or (token.islower() and lower.endswith("ing"))):
            break  # "the matter Tuesday", "the matter speaking on condition of anonymity"
        if lower in english.FUNCTION_WORDS and lower not in ("of", "the", "a", "an") and position > matter:
            break
        position += 1
    return position


def _opens_a_source(token: str) -> bool:
    """A word that may stand before an unnamed source's noun: a determiner, a figure, a capitalised word
    ("Pentagon", "U.S."; not a clause's opening word, a function word or a time: "But", "On",
    "Monday") or an adjective of `_SOURCE_ADJECTIVES`."""
    lower = token.casefold()
    capitalised = token[:1].isupper() and token[:1].isalpha()
    return (
        lower in english.DETERMINERS
        or lower in _SOURCE_ADJECTIVES
        or token.isdigit()
        or (
            capitalised
            and token not in english.CLAUSE_OPENERS
            and lower not in english.FUNCTION_WORDS
            and lower not in english.TIME_WORDS
        )
    )


AUTHORED_THINGS = frozenset(
    """post posts tweet tweets message letter statement statements video report reports poll survey study
    studies analysis investigation estimate estimates release blog""".split()
)
"""Things written or made by someone: after "according to", the one named after "by" speaks ("according to
a Twitter post by Amy Cook" is Amy Cook's; the gold format gives a relayed claim to its first speaker)."""


def _author(tokens: list[str], to: int) -> str | None:
    """The speaker named after "by" in "according to <a thing someone wrote> by <speaker>" ("a Twitter post
    by Amy Cook", "the 12 May report by Arland Port"): words with no punctuation between "to" and "by",
    the one before "by" in `AUTHORED_THINGS`; None otherwise."""
    for position in range(to + 2, min(len(tokens), to + 2 + _MAX_SPEAKER_WORDS)):
        token = tokens[position]
        if not token[:1].isalnum():
            return None
        if token.casefold() == "by":
            if tokens[position - 1].casefold() not in AUTHORED_THINGS:
                return None
            return _before_a_participle(_speaker_after(tokens, position))
    return None


def _before_a_participle(phrase: str | None) -> str | None:
    """The phrase up to a lower-case participle after its first word, which begins a clause of its own
    ("the ministry quoted by Tass" -> "the ministry", "Reuters citing two officials" -> "Reuters")."""
    if phrase is None:
        return None
    words = phrase.split()
    for index, word in enumerate(words[1:], start=1):
        if word.islower() and word.endswith(("ed", "ing")) and word not in english.SPEAKER_NOUNS:
            return " ".join(words[:index])
    return phrase


class SideReport(NamedTuple):
    """A clause reporting what a second speaker says, beside the sentence's main statement."""

    speaker: str
    """The speaker: the words between the linking word and the reporting verb."""
    start: int
    """Where the clause starts in the text (at its linking word: "after", "while", ...)."""
    end: int
    """Where it ends: at the first comma, quotation mark or sentence end after the verb."""


_CLOSING_PUNCTUATION = frozenset(".!?")
_SIDE_REPORT_ENDS = _CLOSING_PUNCTUATION | frozenset({",", ";", ":", '"', "\u201c", "\u201d"})
_WORD_JOINERS = frozenset({"-", "\u2019", "'"})
"""Tokens that join the words of a name or phrase ("Jean-Claude", "O\u2019Brien") rather than end it."""


def side_reports(text: str) -> list[SideReport]:
    """Clauses in which a named speaker other than the main one is reported, opened by a word of time
    or contrast (`english.REPORT_TIME_LINKS`) right before the speaker: "NATO accused Russia of adding
    troops, a day after Moscow said it was withdrawing." holds "after Moscow said it was withdrawing";
    "A day after Moscow said it was leaving, NATO saw more troops." holds "after Moscow said it was
    leaving". A clause ends at the first comma, quotation mark or sentence end after its verb (a
    comma inside what the second speaker says ends it early: code keeps too much rather than too
    little). A pronoun is no named speaker ("after it said": the main speaker, most often), nor a
    name after a time ("After the talks Moscow said": Moscow is the main speaker)."""
    matches = list(_WORD.finditer(text))
    tokens = [m.group() for m in matches]
    found: list[SideReport] = []
    for index, token in enumerate(tokens):
        if token.casefold() not in english.REPORT_TIME_LINKS:
            continue
        opening = _speaker_opening(tokens, index + 1)
        if opening is None:
            continue
        speaker, verb = opening
        end = len(text)
        for later in range(verb + 1, len(tokens)):
            if tokens[later] in _SIDE_REPORT_ENDS:
                end = matches[later].start()
                break
        found.append(SideReport(speaker, matches[index].start(), end))
    return found


class SpeakerClause(NamedTuple):
    """One clause of a sentence whose clauses a semicolon joins, and the one speaker it reports."""

    speaker: str
    text: str


def speaker_clauses(sentence: str) -> list[SpeakerClause]:
    """The clauses of a sentence that semicolons join, when each reports one speaker of its own
    ("Phivolcs reported the magnitude was 5.5; the USGS reported 5.8."), in order; [] for any other
    sentence (one clause, a clause reporting no one or two, a speaker repeated, or a semicolon inside a
    quotation)."""
    joints = [
        at
        for at, character in enumerate(sentence)
        if character == ";" and not quotation_open_at(sentence, at)
    ]
    if not joints:
        return []
    bounds = [-1, *joints, len(sentence)]
    parts = [sentence[start + 1 : end] for start, end in pairwise(bounds)]
    clauses = []
    for part in parts:
        speakers = reported_speakers(part)
        if len(speakers) != 1:
            return []
        clauses.append(SpeakerClause(speakers[0], part.strip()))
    if len({" ".join(clause.speaker.casefold().split()) for clause in clauses}) != len(clauses):
        return []
    return clauses


def _speaker_opening(tokens: list[str], start: int) -> tuple[str, int] | None:
    """The speaker and the index of its reporting verb when the words from `start` to the verb name
    a speaker ("Moscow said", "the Russian defence ministry has said"); None otherwise: no verb
    within reach, punctuation first, no name or speaker noun, or a name after other words ("the
    talks Moscow said", "midnight Kyiv said": a time, then the main speaker)."""
    words = tokens[start : start + _MAX_SPEAKER_WORDS + 4]
    for verb, token in enumerate(words):
        if token in REPORTING_VERBS and verb > 0:
            end = _speaker_end(words, verb)
            phrase, phrase_start = _phrase_before(words, end)
            if phrase is None or not 0 < end <= _MAX_SPEAKER_WORDS:
                return None
            before = words[:phrase_start]
            if words[phrase_start][:1].isupper() and any(
                w.casefold() not in english.DETERMINERS for w in before
            ):
                return None
            return " ".join(words[:end]), start + verb
        if not (token[:1].isalnum() or token in _WORD_JOINERS):
            return None
    return None


class ClosingFrame(NamedTuple):
    """A frame that closes a sentence, and the words it frames."""

    speaker: str
    """The speaker, as `reported_speakers` writes it."""
    before: str
    """The sentence's words before the frame (and before the comma that opens it)."""


def closing_frame(sentence: str) -> ClosingFrame | None:
    """The frame that closes the sentence after its last comma (", the army said.", ", said Jens
    Stoltenberg.", ", the ministry said in a statement on Friday.", ", the army told Reuters.",
    ", according to the police.", ", said John Smith, an army spokesman."); None when the sentence
    ends otherwise, when the speaker does not open the frame (", which Moscow denies.", ", a charge
    the Kremlin denies.": the words are disputed, not framed) or when its verb does not report words
    as said (deny, reject, accuse, ...)."""
    tokens = _WORD.findall(sentence)
    while tokens and tokens[-1] in _CLOSING_PUNCTUATION:
        tokens.pop()
    commas = 1
    clause = _after_last_comma(tokens)
    if clause is not None and _is_apposition(clause):  # ", said John Smith, an army spokesman."
        commas = 2
        clause = _after_last_comma(tokens[: len(tokens) - len(clause) - 1])
    if clause is None:
        return None
    while clause and not clause[0][:1].isalnum():
        clause = clause[1:]  # '...," said Caddell.': the closing quotation mark
    speaker = _closing_speaker(clause)
    if speaker is None:
        return None
    opening = len(sentence)
    for _ in range(commas):
        opening = sentence.rfind(",", 0, opening)
    return ClosingFrame(speaker, sentence[:opening])


def _after_last_comma(tokens: list[str]) -> list[str] | None:
    """The tokens after the last comma, None when there is none."""
    if "," not in tokens:
        return None
    return tokens[len(tokens) - tokens[::-1].index(",") :]


def _closing_speaker(clause: list[str]) -> str | None:
    """The speaker of a closing frame's words (after its comma), or None."""
    if [token.casefold() for token in clause[:2]] == ["according", "to"]:
        speakers = reported_speakers(" ".join(clause))  # ", according to the police."
        return speakers[0] if len(speakers) == 1 else None
    verbs = [index for index, token in enumerate(clause) if token in REPORTING_VERBS]
    if len(verbs) != 1 or clause[verbs[0]] not in _CLOSING_VERBS:
        return None
    verb = verbs[0]
    speaker_after = verb == 0 and clause[verb] in english.INVERTED_REPORTING_VERBS  # ", said Smith"
    if not speaker_after and not _frame_tail(clause[verb + 1 :]):
        return None
    speakers = reported_speakers(" ".join([",", *clause]))
    if len(speakers) != 1:
        return None
    words = _WORD.findall(speakers[0])
    if speaker_after:
        if not (_names_only(speakers[0]) and _frame_tail(clause[1 + len(words) :])):
            return None  # "X, a senior associate at Y, said parents want ...": no speaker after the verb
    elif not _opens_with(clause[:verb], words):
        return None  # ", which Moscow denies", ", despite Kremlin claims": the speaker opens no frame
    return speakers[0]


_SPEAKER_OPENERS = english.DETERMINERS | frozenset({"another", "one"})


def _opens_with(tokens: list[str], words: list[str]) -> bool:
    """Whether the speaker's words open the tokens, past closing quotation marks, determiners and
    capitalised words of the name ('...," Warren said', ", another source said")."""
    lowered = [token.casefold() for token in tokens]
    wanted = [word.casefold() for word in words]
    for start in range(len(lowered) - len(wanted) + 1):
        if lowered[start : start + len(wanted)] == wanted:
            return all(
                not token[:1].isalnum() or token.casefold() in _SPEAKER_OPENERS or token[:1].isupper()
                for token in tokens[:start]
            )  # "Donald J." of "Donald J. Trump said": the speaker code found is the name's end
    return False


_CLOSING_VERBS = REPORTING_VERBS - frozenset(
    """saying denied denies rejected rejects disputed disputes dismissed dismisses condemned condemns
    criticised criticized criticises criticizes accused accuses called calls described describes
    termed countered counters""".split()
)
"""Verbs of a closing frame that report the words before it as said ("say", "claimed", "vowed");
"denies", "rejects", "disputes", "accuses" answer them instead."""


def _frame_tail(tokens: list[str]) -> bool:
    """Whether words after a closing frame's verb only say when, where, how or to whom ("on Friday",
    "in a statement", "told reporters", "told Reuters", "on Twitter", "in Kyiv"): no clause of its own."""
    return len(tokens) <= _MAX_SPEAKER_WORDS and all(
        token.casefold() in _FRAME_TAIL_WORDS or token[:1].isupper() for token in tokens
    )


def _is_apposition(clause: list[str]) -> bool:
    """Whether the words after a sentence's last comma describe the speaker before them (", an army
    spokesman", ", the city's mayor"): a short phrase opening with an article and holding a speaker
    noun, with no reporting verb (", the plane landed" is a clause, not a description)."""
    return (
        0 < len(clause) <= _MAX_SPEAKER_WORDS
        and clause[0].casefold() in ("a", "an", "the")
        and any(token.casefold() in english.SPEAKER_NOUNS for token in clause)
        and not any(token in REPORTING_VERBS for token in clause)
    )


def _names_only(phrase: str) -> bool:
    """Whether a phrase is only a name or a described speaker ("Jens Stoltenberg", "the minister",
    "Kremlin spokesman Dmitry Peskov"), not a clause ("parents still want neighborhood schools")."""
    words = _WORD.findall(phrase)
    content = [w for w in words if w.casefold() not in english.NAME_CONNECTORS | english.DETERMINERS]
    return all(_is_name_word(w) for w in content)


_FRAME_TAIL_WORDS = (
    english.WORDS_BETWEEN_SPEAKER_AND_VERB
    | english.TIME_WORDS
    | frozenset(
        "a an the statement interview briefing news conference late early reporters journalists".split()
    )
)
"""Words that may follow the verb of a closing frame: a time or a manner ("on Friday", "in a
statement")."""


def _passive(tokens: list[str], verb: int) -> bool:
    """Whether the verb is a passive participle with its agent after "by" ("hospitals stressed by the
    surge", "accused by the government"): what comes before it is no speaker. Not "said by video
    link", "testified by telephone" or "responded by saying", which name a means."""
    following = [token.casefold() for token in tokens[verb + 1 : verb + 3]]
    return len(following) == 2 and following[0] == "by" and following[1] in english.AGENT_OPENERS


def pronoun_speaks(sentence: str) -> bool:
    """Whether a pronoun is a speaker of the sentence ("he said", "They have also said"): someone code
    cannot name from the sentence alone."""
    return bool(speaking_pronouns(sentence))


def speaking_pronouns(sentence: str) -> list[str]:
    """The pronouns that speak in the sentence, case-folded, in order ("he" in "'...,' he said")."""
    tokens, naming = _tokens(sentence)
    found: list[str] = []
    for index in range(len(tokens)):
        if not _verb_of_speech(tokens, naming, index):
            continue
        end = _speaker_end(tokens, index)
        if end > 0 and tokens[end - 1].casefold() in english.SUBJECT_PRONOUNS:
            found.append(str(tokens[end - 1]).casefold())
    return found


def _speaker_end(tokens: list[str], verb: int) -> int:
    """Where the speaker before a reporting verb ends: before the auxiliaries, adverbs and times
    between them ("X has also said", "X during the weekend said", "X late on Tuesday said")."""
    end = verb
    while end > 0 and (
        tokens[end - 1].casefold() in english.WORDS_BETWEEN_SPEAKER_AND_VERB
        or (tokens[end - 1] in english.TIME_LINKS and _opens_a_time(tokens[end]))
    ):
        end -= 1
    return end


def _opens_a_time(token: str) -> bool:
    """Whether a word after "during", "over", "late", "early" or "the" goes on with a time ("the
    weekend", "late on Tuesday", "during the")."""
    word = token.casefold()
    return word in english.TIME_WORDS or word in ("on", "the")


def _is_name_word(token: str) -> bool:
    lower = token.casefold()
    return (
        token[:1].isupper() and lower not in english.WORDS_BETWEEN_SPEAKER_AND_VERB
    ) or lower in english.SPEAKER_NOUNS


def _speaker_before(tokens: list[str], verb: int) -> str | None:
    """The noun phrase just before a reporting verb ("a Russian Defense Ministry spokesman").

    Also "Opposition leaders in central Ethiopia say" (a place after a preposition belongs to the
    speaker before it, and is never the speaker itself) and "Muktar Kedir, president of the region,
    said" (an apposition between commas); a phrase between commas that says when, where or how
    ("Ane Alencar, in remarks to UOL.com.br, said") is left out of the speaker.
    """
    end = _speaker_end(tokens, verb)
    if end > 0 and tokens[end - 1] == ")":
        opening = _abbreviation_start(tokens, end - 1)
        if opening is None:
            return None
        end = opening  # "United States Geological Survey (USGS) reported": the name before it
    relative = end > 1 and tokens[end - 1] == "who" and tokens[end - 2] == ","
    if relative:
        end -= 2  # "the paper spoke to the Navy, who told it ...": the name the clause is about
    if end > 0 and tokens[end - 1] == ",":
        opening = _apposition_start(tokens, end - 1)
        if opening is None:
            return None
        head, _ = _phrase_before(tokens, opening)
        if head is None:
            return None
        between = tokens[opening + 1 : end - 1]
        if between[0].casefold() in english.CIRCUMSTANCE_OPENERS:
            return head  # "Ane Alencar, in remarks to UOL.com.br, said": when or where, not who
        return f"{head}, {' '.join(between)}"
    if end > 0 and tokens[end - 1].endswith(_POSSESSIVE):
        return None  # "Russia's claims": a possessive before a noun, not a speaker before a verb
    phrase, start = _phrase_before(tokens, end)
    if phrase is None:
        return None
    position = start - 1
    skipped = 0
    while (
        position >= 0
        and skipped < 2
        and tokens[position].islower()
        and tokens[position] not in english.PREPOSITIONS
    ):
        position -= 1  # adjectives: "in central Ethiopia"
        skipped += 1
    if position >= 0 and tokens[position] in english.PREPOSITIONS:
        owner, _ = _phrase_before(tokens, position)
        if owner is None and relative and tokens[position] in _SPOKEN_TO:
            return phrase  # "spoke to the Navy, who told it": whom the verb before names
        if owner is None:
            return None  # "the conflict in Sudan's ... states": a place is not a speaker
        return f"{owner} {' '.join(tokens[position:start])} {phrase}"
    return phrase


_SPOKEN_TO = frozenset({"to", "with"})
"""Prepositions after which a relative "who" speaks for the name that follows them ("spoke to the
Navy, who told it", "met with Smith, who said")."""
_ABBREVIATION_WORDS = 5
_PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")
"""A US politician's party and state ("R-Utah", "D-N.C.", "D-Newport News" with its space removed)."""


def _abbreviation_start(tokens: list[str], closing: int) -> int | None:
    """The opening parenthesis of a short name in capitals that ends at `closing` ("(USGS)", "(WHO)",
    "(U.N.)"), or of a party and state ("(R-Utah)", "(D-N.C.)"); None for any other parenthesis
    ("(pictured)")."""
    for position in range(closing - 1, max(closing - 2 - _ABBREVIATION_WORDS, -1), -1):
        if tokens[position] == "(":
            inside = tokens[position + 1 : closing]
            capitals = all(len(w) > 1 and w.replace(".", "").isupper() for w in inside)
            shaped = bool(inside) and (capitals or _PARTY_AND_STATE.fullmatch("".join(inside)) is not None)
            return position if shaped else None
    return None


def _apposition_start(tokens: list[str], closing: int) -> int | None:
    """The comma opening an apposition that ends at `closing` (at most eight words back)."""
    for position in range(closing - 1, max(closing - 10, -1), -1):
        if tokens[position] == ",":
            return position if position < closing - 1 else None
        if not (tokens[position][:1].isalnum() or tokens[position] in _WORD_JOINERS):
            return None
    return None


def _phrase_before(tokens: list[str], end: int) -> tuple[str | None, int]:
    """The speaker-like phrase ending just before `end`, and where it starts."""
    words: list[str] = []
    position = end - 1
    while position >= 0 and len(words) < _MAX_SPEAKER_WORDS:
        token = tokens[position]
        lower = token.casefold()
        if _is_name_word(token) or (lower in english.NAME_CONNECTORS and words):
            words.insert(0, token)
            position -= 1
            continue
        if lower in english.DETERMINERS and words:
            words.insert(0, token)
            position -= 1
        break
    cleaned = _clean(words)
    return cleaned, position + 1


def _speaker_after(tokens: list[str], verb: int, *, dated: bool = False) -> str | None:
    """The noun phrase just after "said" or "according to" ("said Jens Stoltenberg", "the city
    engineer"): words up to punctuation or a function word, kept when a name or speaker noun is in it.
    With `dated` (after "according to"), a date opening the phrase is passed over (`_past_date`)."""
    words: list[str] = []
    position = verb + 1
    if position < len(tokens) and tokens[position].casefold() in english.DETERMINERS:
        words.append(tokens[position])
        position += 1
    if dated:
        position = _past_date(tokens, position)  # "according to a March 14, 2019 NATO press release"
    while position < len(tokens) and len(words) < _MAX_SPEAKER_WORDS:
        token = tokens[position]
        lower = token.casefold()
        if (
            token[:1].isalnum()
            and lower not in english.FUNCTION_WORDS
            and lower not in english.WORDS_BETWEEN_SPEAKER_AND_VERB
        ) or (lower in english.NAME_CONNECTORS and words):
            words.append(token)
            position += 1
            continue
        break
    described = len(words) >= 2 and words[0].casefold() in english.DETERMINERS  # "the city engineer"
    if not described and not any(_is_name_word(w) for w in words):
        return None
    return _clean(words)


def _past_date(tokens: list[str], position: int) -> int:
    """The position after a date that opens a speaker's phrase, `position` itself when none does. A
    date has a date's shape: a month with a day or a year ("a March 14, 2019 NATO press release", "the
    12 May report", "the Dec. 3 filing", "a May 2019 poll"), or a year alone before a phrase holding a
    lower-case word ("a 2015 federal court decision"). A month alone is a name ("Jan Kowalski", "August
    Partners"), and so is a year before capitalised words only ("the 2020 Commission")."""
    end = position
    day_first = _is_day(tokens, end) and _is_month(tokens, end + 1)
    if day_first:
        end += 1
    if _is_month(tokens, end):
        end += 1
        if end < len(tokens) and tokens[end] == ".":
            end += 1  # "Dec."
        dated = day_first
        if _is_day(tokens, end):
            end += 1
            dated = True
            if end + 1 < len(tokens) and tokens[end] == "," and _is_year(tokens[end + 1]):
                end += 1
        if end < len(tokens) and _is_year(tokens[end]):
            end += 1
            dated = True
        if not dated:
            return position
    elif end < len(tokens) and _is_year(tokens[end]):
        phrase = tokens[end + 1 : end + 1 + _MAX_SPEAKER_WORDS]
        rest = list(takewhile(lambda token: token[:1].isalnum(), phrase))
        if not any(token[:1].islower() for token in rest):
            return position
        end += 1
    if end == position or end >= len(tokens) or not tokens[end][:1].isalnum():
        return position
    return end


def _is_month(tokens: list[str], index: int) -> bool:
    return (
        index < len(tokens)
        and tokens[index][:1].isupper()
        and tokens[index].casefold() in english_numbers.MONTHS
    )


def _is_day(tokens: list[str], index: int) -> bool:
    return index < len(tokens) and tokens[index].isdigit() and 1 <= int(tokens[index]) <= 31


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def _clean(words: list[str]) -> str | None:
    """Trim connectors at the edges; keep the phrase only if it has a name or a speaker noun."""
    while words and (
        words[-1].casefold() in english.NAME_CONNECTORS or words[-1].casefold() in english.DETERMINERS
    ):
        words.pop()
    while words and (
        (words[0].casefold() in english.NAME_CONNECTORS and words[0].casefold() != "the")
        or words[0] in english.CLAUSE_OPENERS
    ):
        words.pop(0)
    content = [
        w
        for w in words
        if w.casefold() not in english.DETERMINERS and w.casefold() not in english.NAME_CONNECTORS
    ]
    if not content:
        return None
    if (
        all(w[:1].isupper() for w in content)
        and len(content) == 1
        and content[0].casefold() in english.SPEAKER_PRONOUNS
        and not (len(content[0]) > 1 and content[0].isupper())  # "The WHO said": a name, not "who"
    ):
        return None
    text = " ".join(words)
    return re.sub(r"\s+(['\u2019]s)\b", r"\1", text)
