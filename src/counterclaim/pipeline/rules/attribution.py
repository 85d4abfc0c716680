"""Checks, in code, that a claim the model proposes is attributed by the article itself.

Small models sometimes give plain narration an invented speaker (a timetable becomes "the union"
says the ferry leaves at 7:15), or name an actor that appears nowhere near the sentence. Two facts code
can establish decide whether such a claim is kept:

- the actor is named near the evidence (in the cited sentence or the few before it, or the next one),
  compared word by word with a shared stem, so "Russia" meets "Russian" and "ministry" meets
  "ministère" in a translated article;
- a statement, denial or assessment is reported as speech: the sentence or a neighbour has a
  reporting word ("said", "denial", "according to") or a quotation mark. A deed (kind "action") needs
  no reporting cue but must name its actor in the sentence itself.

A sentence written to steer a language model ("Ignore all previous instructions", planted in a web
page) carries no claim. A headline may name its speaker in the story below it, and a first-person
text (a press statement) speaks for the author named in its header.

The reporting-cue check applies to English text only; in other languages the actor check alone is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from counterclaim.language import english, english_numbers
from counterclaim.language.stemming import share_stem
from counterclaim.language.tokens import opening_word, word_runs
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.trace import Rule
from counterclaim.text.credit_lines import MAX_CAPTION_CHARS, is_credit_line
from counterclaim.text.instructions import reads_as_instruction
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_english
from counterclaim.text.naming import is_name, with_names_given
from counterclaim.text.quotations import NAME_WORDS, outside_quotations, quotation_run
from counterclaim.text.speakers import keeps_a_thing
from counterclaim.text.third_person import ly_adverb

SENTENCES_BEFORE = 4
SENTENCES_AFTER = 1
HEADLINE_SENTENCES = 2
HEADER_SENTENCES = 8
AUTHORED_ONE_IN = 5
_QUOTES = ('"', "\u201c", "\u201d", "\u2018", "\u00ab", "\u00bb", "\u201e")
_SPEAKER_COLON = re.compile(r"[^:]{2,60}:\s")  # "Haitian minister: Over 150,000 dead"
_NOT_NAME_WORDS = english.FUNCTION_WORDS | english.HONORIFICS

MODEL_INSTRUCTION = Rule(
    "attribution.model_instruction",
    'A sentence written to steer a language model ("Ignore all previous instructions") carries no claim.',
)
CREDIT_LINE = Rule(
    "attribution.credit_line",
    'A credit line ("X contributed to this report") is no one\'s claim.',
)
PHOTO_CAPTION = Rule(
    "attribution.photo_caption",
    "A sentence of a photo's caption (a line of at most `max_chars` characters that closes with a photo"
    ' credit: "Protesters at the march. Image: Andrew Gray.", "... (Photo: AP)"; on a longer line the '
    "credit alone) carries no claim: it describes a picture, and the words it shows (a banner's slogan) "
    "are no one's claim in the story; nor is the photographer an actor. A credit is a label (Image, "
    "Photo, Picture, Photograph, Credit), a colon and a name of at most 60 characters opening with a "
    'capital, never speech ("Credit: the ministry said it was owed.").',
    {"max_chars": MAX_CAPTION_CHARS},
)
ONLY_NAMES_ACTOR = Rule(
    "attribution.only_names_actor",
    "A sentence that says nothing beyond the actor's name (a caption, a byline) carries no claim.",
)
DEED_ACTOR_NOT_IN_SENTENCE = Rule(
    "attribution.deed_actor_not_in_sentence",
    "A deed (kind action) needs its actor named in its own sentence.",
)
ACTOR_NOT_NAMED_NEARBY = Rule(
    "attribution.actor_not_named_nearby",
    "The actor must be named in the cited sentence, the `before` sentences before it or the `after` one "
    "after it (a headline: the `header` sentences below it; a sentence of a quotation that runs on: "
    "also anywhere in the quotation or the sentence just before or after it; an interview's answer: "
    'also its label, written out: "Natasha Gownaris" for "NG"); name words are compared '
    'by shared stem ("Russian" names Russia; "Londoners", a place\'s people, are not named by "London").'
    " Words quoted as speech (inside double quotation marks, more than `name_words` "
    'words) name no speaker: whom a quotation speaks of is not who says it ("\u201cOn the one hand, the '
    'authorities announced the withdrawal ...\u201d" is no claim of the authorities); a shorter quotation '
    'is a name or a phrase ("The \u201cIslamic State\u201d group said ...").',
    {
        "before": SENTENCES_BEFORE,
        "after": SENTENCES_AFTER,
        "header": HEADER_SENTENCES,
        "name_words": NAME_WORDS,
    },
)
NO_REPORTING_CUE = Rule(
    "attribution.no_reporting_cue",
    'In English, a claim needs a reporting word ("said", "denial", "according to", "pointed out"; not'
    ' a participle after "the", "these", "those", "a" or "an", nor "alleged" after a preposition '
    'other than "to", nor a gerund after "of": "the alleged crime", "over alleged plots", "a system '
    'of reporting abuse" name things; nor a negated one: "did not immediately announce"; nor a '
    'passive telling someone: "is reported to the police"; nor "deny" withholding a thing: "denied '
    'funding", "denied bail"; nor a legal text\'s wording: "the Article 5 clause states"; nor the '
    'idiom "is to blame"; nor a word that only begins like one: "replaced", "urgent", "a quota"; nor '
    '"states" the noun: "the United States", "in states", "swing states", "states won by"; nor a word'
    ' after an article\'s or a possessive\'s "self-": "the self-proclaimed leader"; nor "called" giving'
    ' a name: "so-called", "a program called \u201cLearning Together\u201d", ", also called parole,", "a'
    ' British colony called Southern Rhodesia";'
    ' "indicated" counts '
    'only after has/have/had, "clarified" only before "that", "agreed" only before "to" or "that", '
    '"ruled" only before "that" and a clause, or, in a sentence naming a court, "against", "in favour" '
    'or a verdict ("ruled the law unconstitutional"); "critical" only before "of" ("has been critical '
    'of", not "in critical condition", "a critical step", "His condition was critical"); a plea or a '
    'confession reports: "pleaded not '
    'guilty", "entered a plea", "confessed to killing"; not "confessional") or'
    " a quotation mark in its sentence, or must open with a pronoun going on with the account of a "
    'neighbour that reports its actor, named outside the words it quotes ("X said A. It also B."), or'
    " lie inside a quotation opened earlier in its paragraph, or be part of the actor's answer in an "
    'interview (a line opening with the speaker\'s label, "NG: This study started in 1982 ...", in a '
    "transcript: `text.transcripts`), unless the text speaks in the first person throughout (a press "
    'statement: one sentence in `one_in`, and at least 2, says "I" or "we" outside quotation marks): '
    "narration never gets an invented speaker, nor the speaker of the sentence beside it.",
    {"one_in": AUTHORED_ONE_IN},
)
HEARSAY_ONLY = Rule(
    "attribution.hearsay_only",
    'In English, a claim whose sentence reports speech only in the passive or as hearsay ("was '
    'announced", "is reported to have", "were criticized", "reportedly", "allegedly", "according to '
    'some reports", "Reports indicate") is not its actor\'s: such a sentence names no speaker, or '
    'names it after "by" ("were reported by local media": a claim of the local media is kept). On '
    "PolNeAR's dev labels the source of such a sentence is never its subject.",
)
RULES = (
    MODEL_INSTRUCTION,
    CREDIT_LINE,
    PHOTO_CAPTION,
    ONLY_NAMES_ACTOR,
    DEED_ACTOR_NOT_IN_SENTENCE,
    ACTOR_NOT_NAMED_NEARBY,
    NO_REPORTING_CUE,
    HEARSAY_ONLY,
)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in word_runs(text)]


def actor_named_in(actor: str, text: str) -> bool:
    """Whether one of the actor's name words (not a function word) occurs in the text.

    Acronyms ("US", "EU") are compared with their case, so "us" does not name the United States.
    """
    raw_words = word_runs(actor)
    acronyms = {w for w in raw_words if w.isupper() and len(w) <= 5}
    if acronyms and set(word_runs(text)) & acronyms:
        return True
    name_words = [
        w.casefold()
        for w in raw_words
        if w not in acronyms and w.casefold() not in _NOT_NAME_WORDS and len(w) >= 3
    ]
    text_words = set(_words(text))
    return any(share_stem(name, word) for name in name_words for word in text_words)


def has_quotation_mark(text: str) -> bool:
    """Whether the text holds a quotation mark (double, single opening, guillemet or low)."""
    return any(mark in text for mark in _QUOTES)


_QUOTED = re.compile('"([^"]{1,80})"|\u201c([^\u201c\u201d]{1,80})\u201d|\u00ab([^\u00ab\u00bb]{1,80})\u00bb')
_DOUBLE_QUOTES = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")


def _quotes_only_names(text: str) -> bool:
    """Whether every quotation mark of the text belongs to a quoted name in a sentence written in
    lower case (a program "dubbed \u201cZrinyi 2026\u201d", the book \u201cFire and Fury\u201d): after a word
    that introduces a name, capitalised words or figures, a few, no sentence punctuation. A single
    quotation mark, a mark left unpaired (a quotation running on), quoted words, words after a verb
    of speech ("tweeted \u201cWitch Hunt\u201d"), or a headline in title case are not that."""
    if any(mark in text for mark in _QUOTES if mark not in _DOUBLE_QUOTES):
        return False
    stretches = ["".join(groups) for groups in _QUOTED.findall(text)]
    marks = sum(text.count(mark) for mark in _DOUBLE_QUOTES)
    if not stretches or marks != 2 * len(stretches):
        return False
    outside = word_runs(_QUOTED.sub(" ", text))
    if sum(word[:1].isupper() for word in outside) * 2 >= len(outside):
        return False  # a headline: every word is capitalised
    named = [_named_before(text[: match.start()]) for match in _QUOTED.finditer(text)]
    return all(named) and all(is_name(stretch.rstrip(".,")) for stretch in stretches)  # US style: "X."


def _named_before(text: str) -> bool:
    """Whether the word before a quotation mark introduces a name (or owns it: Israel's "Iron Dome")."""
    before = word_runs(text)
    if not before:
        return False
    owner = text.rstrip().endswith(("'s", "\u2019s"))
    return before[-1].casefold() in english.NAMING_WORDS or owner


def has_reporting_cue(text: str, *, negated_counts: bool = False) -> bool:
    """A reporting verb, "according to", a claim-like noun or a quotation mark (not one around a
    name only). With `negated_counts`, a negated reporting word counts too: the sentence speaks of
    speech, even speech that did not happen ("did not confirm that 300 soldiers died" asserts no
    figure of the article's own)."""
    text = with_names_given(text)
    if _quotes_or_reporting_phrase(text):
        return True
    return bool(_reporting_words(_words(text), negated_counts=negated_counts, written=word_runs(text)))


def _quotes_or_reporting_phrase(text: str) -> bool:
    """Whether the text holds a quotation mark (not one around a name only) or a reporting phrase
    ("pointed out"): speech reported, whatever its words."""
    if has_quotation_mark(text) and not _quotes_only_names(text):
        return True
    spaced = f" {' '.join(_words(text))} "
    return any(f" {phrase} " in spaced for phrase in english.REPORTING_PHRASES)


_STEM_WORDS_NOT_SPEECH = re.compile(english.STEM_WORDS_NOT_SPEECH)


def _reporting_words(words: list[str], *, negated_counts: bool = False, written: list[str]) -> list[int]:
    """The positions of the words that report speech (`has_reporting_cue`); `written` holds the words
    as written (their case)."""
    return [
        index
        for index, word in enumerate(words)
        if (word in english.REPORTING_CUE_WORDS or word.startswith(english.REPORTING_STEMS))
        and not _STEM_WORDS_NOT_SPEECH.fullmatch(word)
        and not _names_a_thing(words, index, written)
        and (negated_counts or not _negated(words, index))
        and not _reported_to_someone(words, index)
        and not _denies_a_thing(words, index)
        and not _text_wording(words, index)
        and not _to_blame(words, index)
        and not _states_as_noun(words, index, written)
        and _in_its_speech_use(words, index)
        and not _self_styled(words, index)
        and not keeps_a_thing(words, index)
    ]


_BEFORE_PLURAL_NOUN = (
    english.DETERMINERS
    | english.PREPOSITIONS
    | frozenset(
        """these those most all both other such few dozens hundreds four five six seven eight nine ten
        eleven twelve twenty thirty forty fifty member swing battleground border coastal island rogue
        sovereign failed nuclear southern northern eastern western neighbouring neighboring us among
        between""".split()
    )
)
"""Words before "states" that make it the noun ("the states", "in states", "five states", "swing
states", "U.S. states"); the verb never follows a preposition or a quantifier."""
_AFTER_PLURAL_NOUN = frozenset("of have are were will would won such like including".split())
"""Words after "states" that make it the noun ("states of Ohio", "states have passed", "states won by",
"states such as Texas"); not "in", "to", "with" or "and", which also follow the verb ("The ministry
states in its filing that ...")."""


def _states_as_noun(words: list[str], index: int, written: list[str]) -> bool:
    """Whether "states" at `index` is the noun, not the verb of "the report states that": the first
    word ("States across the country ..."), written with a capital inside a sentence ("the United
    States", "Gulf States"), after a word of `_BEFORE_PLURAL_NOUN` or a figure not followed by "that"
    ("11 states", not "Page 12 states that"), or before a word of `_AFTER_PLURAL_NOUN` ("states
    won by Democrats"). On PolNeAR's dev labels the noun was the most frequent reporting word of
    sentences reporting nobody's words. Adjectives before the noun are not all listed ("Gulf states",
    "Arab states" still report)."""
    if words[index] != "states":
        return False
    if index == 0 or written[index][:1].isupper():
        return True
    before = words[index - 1]
    after = words[index + 1] if index + 1 < len(words) else ""
    figure = before.isdigit() and after != "that"
    us = before == "s" and words[index - 2 : index - 1] == ["u"]  # "U.S. states"
    return before in _BEFORE_PLURAL_NOUN or figure or us or after in _AFTER_PLURAL_NOUN


_PERFECT = frozenset({"has", "have", "had", "having"})
"""Words before "indicated" in its speech use ("have indicated", "has further indicated")."""
_NOT_SPEECH_BEFORE_AGREED = frozenset({"as", "was", "were", "is", "are", "be", "been", "being", "mutually"})
"""Words before "agreed" that make it a deed or a state ("as agreed to", "was agreed to")."""
_PREPOSITIONS = english.PREPOSITIONS | frozenset({"during", "before", "after", "over", "about"})
_THAT_WITHIN = 6
"""Words after "clarified" and a phrase opening with a preposition within which its "that" comes
("clarified in the proceedings that")."""
_DAYS_AND_TIMES = english.WEEKDAYS | frozenset(
    "today yesterday unanimously on last this week month morning afternoon evening night earlier".split()
)
"""Words that may stand between "ruled" and what it rules ("ruled Friday against", "ruled on Monday
that", "ruled last week that", "ruled unanimously that"), with a vote ("ruled 7-2 that")."""
_NOT_A_RULING_AFTER_THAT = frozenset(
    "nation country territory land kingdom empire state region island city province area way roost".split()
)
"""Words after "ruled that" that make "that" a determiner ("ruled that nation for 30 years")."""
_PLEAS = frozenset({"plea", "pleas"})
_PLEA_COMPOUNDS = frozenset(
    """deal deals agreement agreements bargain bargains hearing hearings offer offers negotiations
    talks""".split()
)
"""Nouns after "plea" that make it a compound ("a plea deal", "the plea hearing"), no plea made."""
_RULED_VERDICTS = frozenset(
    "unconstitutional constitutional illegal unlawful lawful legal invalid valid void inadmissible".split()
)
"""What a court rules a thing ("ruled the law unconstitutional")."""
_COURT_WORDS = english.COURT_WORDS | frozenset(
    "jury panel commission board referee umpire arbitrator".split()
)
"""Who may rule: a court or a judge, and the bodies that decide as one ("the jury", "the referee")."""


def _a_courts_ruling(words: list[str], index: int) -> bool:
    """Whether "ruled" at `index` reports a ruling (`english.CUES_OF_A_COURT`): "ruled that" and a
    clause ("ruled on Monday that ..."; not "ruled that nation"), or, in a sentence naming a court,
    "ruled against", "ruled in favour" or "ruled the law unconstitutional"; not "The king ruled against
    all advice"."""
    following = words[index + 1 : index + 8]
    while following and (
        following[0] in _DAYS_AND_TIMES
        or following[0][:1].isdigit()
        or (
            following[0] in ("in", "to")
            and following[1:2]
            and (following[1] in english_numbers.MONTH_NAMES or following[1].isdigit())
        )
    ):
        following = following[2:] if following[0] in ("in", "to") else following[1:]  # "in March", "6 to 3"
    if following[:1] == ["that"]:
        return following[1:2] != [] and following[1] not in _NOT_A_RULING_AFTER_THAT
    if not _COURT_WORDS & set(words):
        return False
    return (
        following[:1] == ["against"]
        or following[:2] in (["in", "favour"], ["in", "favor"])
        or bool(_RULED_VERDICTS & set(following[:6]))
    )


def _in_its_speech_use(words: list[str], index: int) -> bool:
    """Whether a cue word that reports speech only in one use (`english.CUES_AFTER_PERFECT`,
    `english.CUES_BEFORE_THAT`, `english.CUES_OF_A_COURT`, `english.CUES_BEFORE_OF`,
    `english.CUES_BEFORE_TO_OR_THAT`) is in it
    there; True for every other cue word."""
    word = words[index]
    if word in english.CUES_AFTER_PERFECT:  # "have indicated", "has further indicated"
        return bool(_PERFECT & set(words[max(0, index - 2) : index]))
    after = words[index + 1 : index + 2]
    if word in english.CUES_BEFORE_THAT:  # "clarified that", "clarified in the proceedings that"
        phrase = words[index + 1 : index + 1 + _THAT_WITHIN]
        return after == ["that"] or (bool(after) and after[0] in _PREPOSITIONS and "that" in phrase)
    if word in english.CUES_OF_A_COURT:  # "ruled that", "ruled Friday against"; not "ruled the country"
        return _a_courts_ruling(words, index)
    if word in _PLEAS:  # "entered a plea", "pleas for calm"; not "a plea deal"
        return words[index + 1 : index + 2] == [] or words[index + 1] not in _PLEA_COMPOUNDS
    if word in english.CUES_BEFORE_OF:  # "has been critical of"; not "in critical condition"
        return after == ["of"]
    if word in english.CUES_BEFORE_TO_OR_THAT:  # "agreed to support", "agreed that"; not "as agreed to"
        return after in (["to"], ["that"]) and not (
            index > 0 and words[index - 1] in _NOT_SPEECH_BEFORE_AGREED
        )
    return True


def _self_styled(words: list[str], index: int) -> bool:
    """Whether the reporting word at `index` follows "self-" in a name for someone ("the self-proclaimed
    caliph", "a self-described socialist", `_BEFORE_SELF`); not "his usual self, said a neighbour"."""
    return index > 0 and words[index - 1] == "self" and (index == 1 or words[index - 2] in _BEFORE_SELF)


_BEFORE_SELF = frozenset({"the", "a", "an", "s", "his", "her", "its", "their"})
"""Words before "self-" in a name for someone: an article or a possessive ("Iran's self-proclaimed
president"); not an adjective ("his usual self, said a neighbour")."""


def _to_blame(words: list[str], index: int) -> bool:
    """Whether the word at `index` is the idiom "is to blame" ("who, if anyone, is to blame"): who is
    at fault, not anyone blaming."""
    return (
        index >= 2
        and words[index] == "blame"
        and words[index - 1] == "to"
        and words[index - 2] in english.BE_FORMS
    )


@dataclass(frozen=True)
class _SentenceCues:
    """What in one sentence reports speech, read once for both checks that need it (`rejects`): a
    quotation mark or a reporting phrase, and the positions of its reporting words."""

    spoken: bool
    words: list[str]
    reporting: list[int]

    @classmethod
    def of(cls, text: str) -> _SentenceCues:
        text = with_names_given(text)
        words = _words(text)
        return cls(_quotes_or_reporting_phrase(text), words, _reporting_words(words, written=word_runs(text)))

    @property
    def found(self) -> bool:
        """Whether the sentence has a reporting cue (`has_reporting_cue`)."""
        return self.spoken or bool(self.reporting)


def hearsay_only(text: str, actor: str) -> bool:
    """Whether the sentence reports speech only in the passive or as hearsay ("Adamowicz was announced
    to have died", "The crash reportedly killed seven", "They have been criticized for ...") and the
    actor is not the one named after "by" ("were reported by local media"): the actor is then what
    the speech is about, not who speaks. A quotation mark or a reporting phrase is speech reported."""
    return _hearsay_only(_SentenceCues.of(text), actor)


def _hearsay_only(sentence: _SentenceCues, actor: str) -> bool:
    if sentence.spoken:
        return False
    words, cues = sentence.words, sentence.reporting
    vague = _vague_reports(words)
    if not cues or not all(
        _passive(words, index) or words[index] in english.HEARSAY_ADVERBS or index in vague for index in cues
    ):
        return False
    for index in cues:
        agent = _agent(words, index)  # "was confirmed on Tuesday to the AP by an official"
        if agent and (agent[0] in _UNNAMED_AGENT_OPENERS or _names_whole(actor, agent)):
            return False  # the actor speaks, or may ("was announced by the president")
    return True


def _vague_reports(words: list[str]) -> set[int]:
    """The positions of the words that tell of reports no one is named for: "according to (some)
    reports", or a sentence opening with "(But) (some) reports" and the verb right after them or after
    "have" ("Reports indicate ...", "Some reports had suggested ...", "Reports on the weapon vary");
    none when the reports' source follows them ("by", "from", "in", "citing", ...) or is cited."""
    if _CITING & set(words):
        return set()  # "Some reports, citing police, said ..."
    found: set[int] = set()
    for index, word in enumerate(words):
        if word == "according" and words[index + 1 : index + 2] == ["to"]:
            report = index + 2
            while report < len(words) and words[report] in english.VAGUE_REPORT_WORDS:
                report += 1
            if _unsourced_reports(words, report):
                found |= {index, report}
    opening = 0
    while opening < len(words) and words[opening] in _CONNECTIVES:
        opening += 1
    while opening < len(words) and words[opening] in english.VAGUE_REPORT_WORDS:
        opening += 1
    if _unsourced_reports(words, opening):
        verb = (
            opening + 2 if words[opening + 1 : opening + 2] in (["have"], ["has"], ["had"]) else opening + 1
        )
        found |= {opening, verb}  # "Reports indicate", "Some reports had suggested"
    return found


_CITING = frozenset({"citing", "quoting"})
_CONNECTIVES = frozenset({"but", "however", "meanwhile", "and", "yet", "still", "also"})
_SOURCE_AFTER_REPORTS = frozenset(
    {"by", "from", "in", "citing", "quoting", "attributed", "carried", "published"}
)
"""Words after "reports" that bring their source ("reports in the Times", "reports attributed to the
ministry")."""


def _unsourced_reports(words: list[str], index: int) -> bool:
    return (
        words[index : index + 1] == ["reports"]
        and not set(words[index + 1 : index + 2]) & _SOURCE_AFTER_REPORTS
    )


_UNNAMED_AGENT_OPENERS = english.DETERMINERS | english.PERSONAL_PRONOUNS | frozenset({"him", "her", "them"})
"""First words of an agent that may stand for the actor ("by the president", "by him")."""


def _names_whole(actor: str, agent: list[str]) -> bool:
    """Whether the agent holds every content word of the actor's name ("by local media" for "local
    media"; not "by the United Nations" for "the United States")."""
    wanted = keywords(actor)
    return bool(wanted) and wanted <= keywords(" ".join(agent))


def _agent(words: list[str], index: int) -> list[str]:
    """The words after "by" following a passive reporting word, to the sentence's end: who speaks
    ("were reported by local media to have ...", "was welcomed by economists, the bank and minister
    Ruth Adeyemi"); [] when no "by" follows."""
    following = words[index + 1 :]
    if "by" not in following:
        return []
    return following[following.index("by") + 1 :]


_BETWEEN_BE_AND_PARTICIPLE = frozenset(
    "also later widely now not never subsequently previously initially first since often repeatedly".split()
)


_NOT_HEARSAY_PARTICIPLES = frozenset({"quoted", "opposed", "committed"})
"""Participles after "be" that are the subject's own words or stance ("was quoted as saying", "is
opposed to the plan")."""
_SUBORDINATE_OPENERS = frozenset({"who", "whom", "whose", "which", "that", "being"})
"""Words opening a clause other than the main one ("Okafor, who was criticized, defended ..."; "After
being accused, Okafor assured ...")."""


def _passive(words: list[str], index: int) -> bool:
    """Whether the reporting word at `index` is a passive participle after a form of "be" in the main
    clause ("was announced", "is said to", "have been widely criticized"); not "was quoted", "is
    opposed to", nor a passive in a relative or "being" clause, whose main clause has a verb of its
    own."""
    word = words[index]
    if not (word.endswith("ed") or word in english.PASSIVE_IRREGULAR_PARTICIPLES):
        return False
    if word in _NOT_HEARSAY_PARTICIPLES:
        return False
    position = index - 1
    while position >= 0 and (words[position] in _BETWEEN_BE_AND_PARTICIPLE or ly_adverb(words[position])):
        position -= 1  # "was quickly reported missing": between "be" and a participle no noun stands
    if position < 0 or words[position] not in english.BE_FORMS or words[position] == "being":
        return False
    return not _SUBORDINATE_OPENERS & set(words[max(0, position - 2) : position])


def _reported_to_someone(words: list[str], index: int) -> bool:
    """Whether the reporting word at `index` is a passive telling someone of a thing ("abuse is
    reported to the Watch Tower Society", "the crash was reported to the police"): a procedure, not
    speech reported here. "He is reported to have fled" still reports (an infinitive follows)."""
    return (
        0 < index < len(words) - 2
        and words[index - 1] in english.BE_FORMS
        and words[index] == "reported"  # "confirmed to the AP by an official" is attribution
        and words[index + 1] == "to"
        and words[index + 2] in english.RECIPIENT_OPENERS
        and not _reported_that(_until_clause_break(words[index + 3 :]))
    )


def _reported_that(words: list[str]) -> bool:
    """Whether "that" opens reported words after the recipient ("to the Council that 300 died"), not
    a time ("to the police that night")."""
    return any(
        word == "that" and (position + 1 >= len(words) or words[position + 1] not in english.TIME_WORDS)
        for position, word in enumerate(words)
    )


def _until_clause_break(words: list[str]) -> list[str]:
    """The words before the first "and", "but", "which", ...: what still belongs to the clause."""
    for position, word in enumerate(words):
        if word in english.CLAUSE_BREAKS:
            return words[:position]
    return words


def _denies_a_thing(words: list[str], index: int) -> bool:
    """Whether the word at `index` is "deny" in the sense of withholding a thing ("Congress has
    repeatedly denied funding", "was denied bail", "denied them entry"): a deed, not a denial of
    what someone said."""
    if words[index] not in english.DENY_FORMS:
        return False
    following = words[index + 1 : index + 4]
    if following and following[0] in english.RECEIVER_PRONOUNS:
        following = following[1:]
    if not following or following[0] not in english.WITHHELD_THINGS:
        return False
    if english.CLAUSE_VERBS & set(_until_clause_break(words[index + 1 : index + 8])):
        return False  # "denied access to the sites had been restricted": a denied fact
    # "denied funding for the wall", "denied bail on Monday" withhold; "denied funding terrorists",
    # "denied funds were misused" deny a deed or a fact
    return len(following) == 1 or following[1] in english.PREPOSITIONS


def _negated(words: list[str], index: int) -> bool:
    """Whether the reporting word at `index` is negated ("did not immediately announce", "has never
    said", "didn't say"): speech the article says did not happen reports nothing."""
    position = index - 1
    while position >= 0 and words[position] in english.WORDS_BETWEEN_NEGATION_AND_VERB:
        position -= 1
    if position < 0 or words[position] not in english.VERB_NEGATIONS:
        return False
    # "t" is "n't" only after "didn", "won", "can", ...: not in "AT&T said", "Ice-T said"
    return words[position] != "t" or (position > 0 and words[position - 1].endswith("n"))


def _text_wording(words: list[str], index: int) -> bool:
    """Whether the reporting word at `index` gives a legal text's wording ("The group's Article 5
    clause states that an attack on one member is an attack on all", "the constitution says"): what
    a text provides, told by the article, not anyone's words."""
    if index == 0 or words[index] not in english.WORDING_VERBS:
        return False
    before = words[index - 1]
    numbered = before.isdigit() and index > 1 and words[index - 2] in english.NUMBERED_TEXT_PARTS
    return before in english.LEGAL_TEXT_WORDS or numbered


def _names_a_thing(words: list[str], index: int, written: list[str]) -> bool:
    """Whether the reporting word at `index` is an adjective or a noun naming a thing or an act, not
    speech reported here: a participle after "the", "these", "those", "a" or "an" ("the alleged
    crime", "the opposing party", "the accused", "an alleged murder weapon"), "alleged" after a
    preposition ("over alleged plots") or a gerund after "of" ("a system of reporting abuse"). A verb
    after "to" ("continues to deny", "the officials he spoke to alleged") and a noun ("the report",
    "their criticism") still report."""
    if index == 0:
        return False
    word, before = words[index], words[index - 1]
    participle = word.endswith(("ed", "ing"))
    # "an alleged weapon", not "a warning that ...", "Serie A announced", "Van An denied"
    indefinite = written[index - 1] in ("a", "an") and word.endswith("ed")
    return (
        (before in english.DEFINITE_DETERMINERS and participle)
        or indefinite
        or (before == "of" and word.endswith("ing"))
        or (word == "alleged" and before in _BEFORE_ALLEGED_THINGS and not _a_clause_follows(words, index))
    )


def _a_clause_follows(words: list[str], index: int) -> bool:
    """Whether "that", a determiner or a subject pronoun follows the word: it is then a verb whose
    preposition ended a clause before it ("the employees he worked with alleged that ...")."""
    after = words[index + 1] if index + 1 < len(words) else ""
    return after == "that" or after in english.DETERMINERS or after in english.SUBJECT_PRONOUNS


_BEFORE_ALLEGED_THINGS = (english.PREPOSITIONS - {"to"}) | frozenset(
    "over about against by into amid".split()
)
"""Prepositions "alleged" names a thing after ("sanctioned Iran over alleged plots", "jailed for
alleged fraud"). A verb follows one only where it ends a clause ("the employees he worked with alleged
that ..."), and then a clause follows the verb (`_a_clause_follows`); "to" does so too often ("the
officials he spoke to alleged ...") and is left out."""


def opens_with_pronoun(text: str) -> bool:
    """Whether the text opens with a third-person pronoun ("It does not, however, list any 707s")."""
    return opening_word(text).casefold() in english.THIRD_PERSON_PRONOUNS


def first_person(text: str) -> bool:
    """Whether the text speaks in the first person (a statement's author speaking). Not "US" in a
    sentence not all in capitals (the country: a story about the US is no press statement), nor a
    Roman "I" after a name ("World War I", "Elizabeth I")."""
    written = word_runs(text)
    shouted = text.isupper()
    for index, word in enumerate(written):
        if word.casefold() not in english.FIRST_PERSON_PRONOUNS:
            continue
        if word == "US" and not shouted:
            continue
        if word == "I" and index > 1 and written[index - 1][:1].isupper() and not shouted:
            continue
        return True
    return False


def _speaks_in_own_first_person(sentences: tuple[str, ...], quoted: frozenset[int]) -> bool:
    """Whether the text is written in the first person (a press statement, a speech): at least
    one sentence in `AUTHORED_ONE_IN` (and 2) says "I" or "we" outside quotation marks. A news story
    quoting people who say "we" is not one: a quoted sentence, or one inside a quotation that runs on
    (`quoted`), is the speaker's voice, not the author's."""
    own_voice = sum(
        first_person(text) and not has_quotation_mark(text) and number not in quoted
        for number, text in enumerate(sentences, start=1)
    )
    return own_voice >= max(2, len(sentences) // AUTHORED_ONE_IN)


@dataclass(frozen=True)
class Rejection:
    """Why a claim is not attributed by the article: the rule, and the reason in words."""

    rule: Rule
    reason: str


@dataclass(frozen=True)
class AttributionCheck:
    """The article's sentences, and whether it reads as English (for the reporting-cue check)."""

    sentences: tuple[str, ...]
    english: bool
    authored: bool
    """The text is written in the first person throughout (a press statement, a speech)."""
    quoted: frozenset[int] = frozenset()
    """Numbers of the sentences that begin inside a quotation an earlier sentence of their paragraph
    opened (`PreparedArticle.quoted_sentences`)."""
    captions: frozenset[int] = frozenset()
    """Numbers of the sentences of a photo's caption (`PreparedArticle.caption_sentences`)."""
    answers: Mapping[int, str] = field(default_factory=dict)
    """The speaker of each sentence of an interview's answer, by sentence number
    (`PreparedArticle.answer_speakers`)."""

    @classmethod
    def for_article(cls, article: PreparedArticle) -> AttributionCheck:
        return cls.for_sentences(
            article.sentence_texts,
            english=article.english,
            quoted=article.quoted_sentences,
            captions=article.caption_sentences,
            answers=article.answer_speakers,
        )

    @classmethod
    def for_sentences(
        cls,
        sentences: tuple[str, ...] | list[str],
        *,
        english: bool | None = None,
        quoted: frozenset[int] = frozenset(),
        captions: frozenset[int] = frozenset(),
        answers: Mapping[int, str] | None = None,
    ) -> AttributionCheck:
        texts = tuple(sentences)
        return cls(
            sentences=texts,
            english=english if english is not None else looks_english(" ".join(texts)),
            authored=_speaks_in_own_first_person(texts, quoted | frozenset(answers or {})),
            quoted=quoted,
            captions=captions,
            answers=dict(answers or {}),
        )

    def _around(self, number: int, before: int, after: int, *, unquoted: bool = False) -> str:
        """The sentences from `before` before sentence `number` to `after` after it; `unquoted`: without
        the words quoted as speech, since whom a quotation speaks of is not its speaker ("\u201cOn the one
        hand, the authorities announced the withdrawal ...\u201d")."""
        first = max(1, number - before)
        last = min(len(self.sentences), number + after)
        return " ".join(
            outside_quotations(self.sentences[n - 1], opened=n in self.quoted)
            if unquoted
            else self.sentences[n - 1]
            for n in range(first, last + 1)
        )

    def rejects(self, actor: str, sentence: int, kind: str) -> Rejection | None:
        """Why this claim is not attributed by the article (None when it is)."""
        text = self.sentences[sentence - 1]
        if reads_as_instruction(text):
            return Rejection(
                MODEL_INSTRUCTION, f"sentence {sentence} addresses a language model, it reports nothing"
            )
        if is_credit_line(text):
            return Rejection(
                CREDIT_LINE, f"sentence {sentence} credits the report's sources, it is no one's claim"
            )
        if sentence in self.captions:
            return Rejection(PHOTO_CAPTION, f"sentence {sentence} is part of a photo's caption")
        if not keywords(text) - keywords(actor):
            return Rejection(ONLY_NAMES_ACTOR, f"sentence {sentence} only names {actor!r}")
        if kind == "action":
            if not actor_named_in(actor, self._around(sentence, 0, 0)):
                return Rejection(
                    DEED_ACTOR_NOT_IN_SENTENCE, f"the deed's actor {actor!r} is not named in its sentence"
                )
            return None
        # A headline is followed by the story that names its speaker; an authored statement names
        # its author in its header.
        after = HEADER_SENTENCES if sentence <= HEADLINE_SENTENCES else SENTENCES_AFTER
        author = self.authored and actor_named_in(actor, self._around(1, 0, HEADER_SENTENCES))
        nearby = self._around(sentence, SENTENCES_BEFORE, after, unquoted=True)
        run = quotation_run(self.quoted, sentence)
        if len(run) > 1:  # a quotation names its speaker just before it opens or just after it closes
            nearby += " " + self._around(run.start, 1, len(run), unquoted=True)
        answering = self.answers.get(sentence)
        if answering is not None and not actor_named_in(actor, answering):
            answering = None  # an interview's answer is its speaker's words, not another's claim
        if answering is not None:  # its label names its speaker ("NG: ..." for Natasha Gownaris)
            nearby += " " + answering
        if not author and not actor_named_in(actor, nearby):
            return Rejection(
                ACTOR_NOT_NAMED_NEARBY, f"the actor {actor!r} is not named near sentence {sentence}"
            )
        headline_colon = sentence <= HEADLINE_SENTENCES and _SPEAKER_COLON.match(text)
        # A neighbour's reporting word counts only when it reports this actor and this sentence goes on
        # with that account through a pronoun ("X said A. It also B."): a sentence of narration beside
        # a speaker's words ("X said A. Since 2002, Ukraine has ...") is nobody's claim.
        # The neighbour names the actor outside its quotations: whom a quotation speaks of ("Lucy Fischer
        # told NPR, “[Khan] had been released ...”") is not who speaks there.
        neighbours = [
            (self._around(n, 0, 0), self._around(n, 0, 0, unquoted=True))
            for n in (sentence - 1, sentence + 1)
            if 1 <= n <= len(self.sentences)
        ]
        spoken_here = headline_colon or sentence in self.quoted or answering is not None
        sentence_cues = _SentenceCues.of(text)
        cue = (
            spoken_here
            or sentence_cues.found
            or (
                opens_with_pronoun(text)
                and any(
                    has_reporting_cue(whole) and actor_named_in(actor, unquoted)
                    for whole, unquoted in neighbours
                )
            )
        )
        if self.english and not author and not cue:
            return Rejection(NO_REPORTING_CUE, f"sentence {sentence} reports nobody's words")
        if self.english and not author and not spoken_here and _hearsay_only(sentence_cues, actor):
            return Rejection(
                HEARSAY_ONLY,
                f"sentence {sentence} reports speech only in the passive or as hearsay, not {actor!r}'s",
            )
        return None
