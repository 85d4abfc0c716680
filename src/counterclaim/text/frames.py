"""Attribution frames: the words of a statement that say who says it ("X said (that) ...",
"According to X, ...", "..., X said.", "X told Sky News on Wednesday that ...", "The plan, X said, is
dead."), read apart from the point they frame.

`read_frame` finds a statement's frame (a `Frame`: the speaker phrase, the point, and how the two
stand); `point_of` gives the point whoever the frame names; `said_nothing` tells a point that is only
what was not said. Whether a frame is the actor's own, and whether what remains can stand alone, is for
`pipeline.rules.statements` to decide, with `PHRASE_OPENERS` (the words of a phrase that may stand
before a frame's speaker). English only (the frames are English).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from counterclaim.language import english, english_numbers
from counterclaim.language.tokens import opening_pronoun, words
from counterclaim.text.sentences import with_full_stop
from counterclaim.text.third_person import CLOSING_OF, CLOSING_QUOTES, OPENING_QUOTES, QUOTATION_MARKS

_FRAME_VERBS = "|".join(
    [
        "told reporters",
        r"added(?!\s+to\b)",
        r"went\s+on\s+to\s+(?:say|add|note|warn|explain|stress)",
        *sorted(english.FRAME_VERBS),
    ]
)
"""Verbs of an attribution frame (`english.FRAME_VERBS`; "added to the agenda" is none; "went on to
say")."""
_FRAME_VERBS_BEFORE_THAT = "|".join(
    sorted(english.FRAME_VERBS_BEFORE_THAT | set(english.FRAME_PHRASES_BEFORE_THAT))
)
"""Verbs that are a frame only before "that" (`english.FRAME_VERBS_BEFORE_THAT`)."""
_SUBJECT_FREE = r"(?:(?!\b(?:he|she|they|we|I|it)\b)[^,;:\"\u201c\u2018])"
"""A character of a phrase that holds no subject pronoun (a phrase, not a clause of its own)."""


def _frame_phrase(*, to_quotation: bool) -> str:
    """A phrase between the verb and the point ("said in a statement that", "said on Tuesday,", and with
    `to_quotation` "said on Friday 'I can ...'"): removed only when it ends in "that", a comma or (then
    only when the point is one whole quotation, `_leading_match`) the quotation that is the point, so it is
    never taken for the start of the point; before a comma or a quotation never a clause with a subject
    of its own ("said on Friday he can declare an emergency, which ..."). Also one of `_HOW_OR_HOW_LONG`
    before "that" ("said for years that", "said repeatedly that")."""
    quotation = r"|(?P<to_quotation>\s+(?=[\"\u201c\u2018']))" if to_quotation else ""
    return (
        r"(?:(?:on|in|at|to|during|after|before|when(?=\s+asked\b))\s+(?:[^,;:\"\u201c]{1,60}?\s+that\s+"
        rf"{_SUBJECT_NEXT}"
        rf"|{_SUBJECT_FREE}{{1,60}}?(?:,\s*{quotation}))"
        rf"|(?:{_HOW_OR_HOW_LONG})\s+that\s+{_SUBJECT_NEXT})"
    )


_WEEKDAYS = "|".join(sorted(english.WEEKDAYS))
_TIME_NOUNS = (
    rf"(?i:day|night|week|month|year|decade|morning|afternoon|evening|time|{_WEEKDAYS}"
    rf"|{'|'.join(sorted(english_numbers.MONTH_NAMES))})\b"
)
"""A time "that" points to ("later that day"): no subject of a point."""
_SUBJECT_OPENERS = "|".join(sorted(english.SUBJECT_OPENERS))
"""`english.SUBJECT_OPENERS` as alternatives: a point opening with one has its subject."""
_SUBJECT_NEXT = (
    rf"(?!{_TIME_NOUNS})"
    rf"(?=(?i:(?:{_SUBJECT_OPENERS}|nothing|nobody|no|none|if|unless|whoever)\b)"
    r"|(?-i:[A-Z0-9]|(?!(?:is|was|has|does|seems|means|sounds|makes)\b)[a-z]+s\b))"
)
"""After "that", the point opens with a subject (a pronoun, a determiner, a capital, a figure or a plural:
"said repeatedly that the vote ...", "said for years that priests ..."), not "said later that day the
troops ..." nor "said recently that man had lied" ("that" points to a noun there)."""
_HOW_OR_HOW_LONG = (
    r"for\s+(?:years|decades|months|weeks|days|some\s+time|a\s+long\s+time|the\s+first\s+time"
    r"|(?:his|her|its|their)\s+part)|over\s+the\s+years|since\s+(?:1[89]|20)\d\d"
    r"|(?:(?:earlier|later|late|early)\s+)?(?:last|this)\s+(?:week|weekend|month|year|season|spring|summer"
    r"|autumn|fall|winter|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)"
    r"|(?-i:repeatedly|publicly|privately|recently|previously|separately|consistently|explicitly|openly"
    r"|firmly|flatly|again|also|often|later|earlier)"
)
"""How long or how a speaker said it, between a frame's verb and "that": a list, not any phrase or any
word in -ly ("said since reports emerged that ..." holds another speaker; "said sarcastically that ..."
says the opposite of its point; "family" or "rally" are no adverbs); or when ("said last month that
...", "said earlier this year that ...")."""


_TIME_PHRASE = (
    rf"(?i:(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?(?:{_WEEKDAYS})"
    r"|today|yesterday|tonight|(?:during|over)\s+the\s+weekend)"
    r"(?i:\s+(?:morning|afternoon|evening|night))?"
)
"""When the speaker spoke, between a frame's verb and its point ("said on Friday", "said late on
Tuesday", "said yesterday morning", "said over the weekend"). Other times ("this year", "in spring",
"at night") mostly belong to the point ("said this year inflation will fall"), and stay."""
_SUBJECT_AFTER_TIME = rf"(?=(?i:(?:{_SUBJECT_OPENERS}|that)\b)|(?-i:[A-Z0-9]))"
"""After the time phrase the point opens with a subject: a pronoun, a determiner, "that", a capitalised
word or a figure ("said on Friday he can ...", "said Monday Smith would resign", "said Friday 13 people
died"); not a verb, a conjunction or a noun going on with the time ("said today marks ...", "said Friday
and Saturday were ...", "said Sunday night's game ...", "said Friday prayers would ..."), when the time
belongs to the point and the frame stays."""


_OCCASION = (
    r"(?i:at|in|during)\s+(?i:a|an|the|his|her|its|their)\s+"
    r"(?i:(?:news|press)\s+conference|(?:press\s+)?briefing|(?:written\s+)?statement|interview|speech"
    r"|(?:news|press)\s+release|(?:(?:financial|court|regulatory|securities)\s+)?filing|letter)"
)
_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_WITH_NAME = (
    rf"\s+(?i:with|to)\s+(?-i:(?:the\s+)?{_NAME_WORD}(?:\s+(?:(?:and|of|for)\s+)?{_NAME_WORD}){{0,4}})"
)
_SUBJECT_WORD = rf"(?=(?:{_SUBJECT_OPENERS}|that)\b)"
"""After an occasion's name: a pronoun, a determiner or "that" opens the point, never a name, which
could be the occasion's name running on ("with Reuters Moscow had ...")."""
_OCCASION_OBJECT_VERBS = (
    r"released|issued|delivered|gave|given|filed|made|posted|sent|published|read|wrote|prepared|signed"
    r"|submitted|addressed|penned|lodged|aired|broadcast"
)
_WITHOUT_OBJECT = (
    rf"(?:(?i:on|in|at|to|with|for|from|before|after|during|last|this|yesterday|today|tonight|earlier|late"
    rf"|{_WEEKDAYS})\b|[\"\u201c\u2018'])"
)
_NOT_ITS_OWN_CLAUSE = rf"(?!(?:\S+\s+){{0,3}}(?i:{_OCCASION_OBJECT_VERBS})\s+{_WITHOUT_OBJECT})"
"""Not a clause about the occasion itself: a verb that takes it as object, with no object of its own
but a time or a place ("said in a statement the company released Tuesday it would ...", "a speech he
delivered in Cairo"); "he made the decision alone" is the point."""
_NOT_A_RELATIVE_THAT = rf"(?!(?i:that)\s+(?!{_SUBJECT_NEXT}))"
"""Not "that" opening a clause about the occasion ("said in a letter that was leaked ...", "at a press
conference that evening"): after "that" the point opens with a subject (`_SUBJECT_NEXT`)."""
_OCCASION_PHRASE = (
    rf"{_OCCASION}(?:{_WITH_NAME}(?:\s+{_TIME_PHRASE})?\s+{_SUBJECT_WORD}"
    rf"|(?:\s+{_TIME_PHRASE})?\s+{_SUBJECT_AFTER_TIME}){_NOT_ITS_OWN_CLAUSE}{_NOT_A_RELATIVE_THAT}"
)
"""Where the speaker spoke, between a frame's verb and its point ("said at a press conference", "said
in an interview with CNN"), with or without a time after it ("said at a press conference yesterday
morning the gun laws should be changed"). The point must open with a subject; after a name ("with
CNN") a pronoun, a determiner or "that" (`_SUBJECT_WORD`); and not with a clause about the occasion
itself (`_NOT_ITS_OWN_CLAUSE`)."""


def _frame_end(*, to_quotation: bool) -> str:
    return (
        rf"(?:\s+{_frame_phrase(to_quotation=to_quotation)}"
        rf"|\s+{_TIME_PHRASE}\s+{_SUBJECT_AFTER_TIME}(?:(?i:that)\s+)?"
        rf"|\s+{_OCCASION_PHRASE}(?:(?i:that)\s+)?"
        rf"|(?:\s+that)?[,:]?\s+(?!(?i:{_HOW_OR_HOW_LONG})\s+that\s+(?!{_TIME_NOUNS})))"
    )


_CLAUSE_OPENER = rf"(?:(?:{'|'.join(sorted(w.casefold() for w in english.CLAUSE_OPENERS))}),?\s+)?"
"""A word opening the clause before the speaker ("But he said ..."), no part of the frame's speaker."""


_DETERMINER_WORDS = (
    english.LEADING_ARTICLES | english.POSSESSIVE_PRONOUNS | frozenset("this these those that".split())
)
_DETERMINER = "|".join(sorted(_DETERMINER_WORDS))
_FRAME_SPEAKER = (
    rf"(?:(?!(?:{_DETERMINER})\s)[^,;:\"\u201c]{{1,80}}?"
    rf"|(?:{_DETERMINER})\s+[^,;:\"\u201c\s][^,;:\"\u201c]{{0,79}}?)"
)
"""A frame's speaker: never a determiner alone, whose verb would be a participle ("The confirmed deaths
are ...", "The announced candidate said ...": the speaker there is "The announced candidate")."""


_NO_RECIPIENT = (
    r"(?!(?:he|she|they|we|i|it|you|him|her|them|us|me|that|to|the|a|an|his|their|its|this|these|those"
    r"|no|nobody|none|noone|anyone|anybody|everyone|everybody|himself|herself|themselves|itself"
    r"|story|stories|lie|lies|truth|tale|joke|same|version|everything|all|something|anything|nothing)\b)"
)
_RECIPIENT = (
    r"(?:(?:the|a|an|his|her|their|its|state|local)\s+)?"
    r"(?:(?-i:[A-Z])[\w.'\u2019&-]*(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w.'\u2019&-]*){0,4}"
    rf"|{_NO_RECIPIENT}(?-i:[a-z])[\w-]*(?:\s+{_NO_RECIPIENT}(?-i:[a-z])[\w-]*)?)"
)
"""Whom a speaker told, before "that": a name ("Sky News", "the BBC", "the House of Commons") or one or
two lower-case words after an optional determiner ("reporters", "the court", "state media"), never a
pronoun, a negative ("told nobody that"), a clause ("told police she saw that ...") or what is told
("told the same story that ...", "told investigators everything that ...")."""
_TOLD_TIME = (
    rf"(?:{_TIME_PHRASE}|(?i:(?:last|this)\s+(?:week|weekend|month|year|morning|afternoon|evening)"
    r"|last\s+night))"
)
"""When the speaker told someone ("on Wednesday", "last week"); no other words, which may be a clause
("told CNN on Sunday he did not think that ...")."""
_TOLD_SUBJECT = (
    rf"(?=(?i:{_SUBJECT_OPENERS}|although|though|while|because|since|despite|after|before|when|once|if"
    r"|unless)\b|(?-i:[A-Z0-9]))"
)
"""After "told X that", the point opens with a subject word, a capital, a figure or a subordinate clause;
not a verb ("told a story that goes back to ...": a relative clause)."""
_TOLD_FRAME = re.compile(
    rf"^{_CLAUSE_OPENER}(?P<speaker>{_FRAME_SPEAKER})\s+told\s+{_RECIPIENT}(?:\s+{_TOLD_TIME})?"
    rf"\s+that\s+{_TOLD_SUBJECT}(?P<point>.+)$",
    re.IGNORECASE,
)
"""A frame telling someone a point ("X told Sky News on Wednesday that ..."); read after every other frame
(`read_frame`), so "The man who told police that he saw the crash said ..." and "..., police said" keep
theirs."""
_TOLD_AFTER = (
    r"told\s+(?:(?:the\s+)?(?-i:[A-Z])[\w.'\u2019&-]*(?:\s+(?-i:[A-Z])[\w.'\u2019&-]*){0,3}"
    r"|the\s+(?:press|media|newspaper|paper|magazine|broadcaster|agency|station|network)|journalists)"
)
"""A frame telling a named someone or the press, after the point ("..., he told Reuters.", "..., Smith
told The Verge.", "..., he told the press."); not "told the truth", "told his story", "told himself"."""


def _leading_frame(*, to_quotation: bool) -> re.Pattern[str]:
    return re.compile(
        rf"^{_CLAUSE_OPENER}(?P<speaker>{_FRAME_SPEAKER})\s+"
        rf"(?:(?:{_FRAME_VERBS}){_frame_end(to_quotation=to_quotation)}"
        rf"|(?:{_FRAME_VERBS_BEFORE_THAT})\s+that\s+)"
        rf"(?P<point>.+)$",
        re.IGNORECASE,
    )


_LEADING_FRAMES = (_leading_frame(to_quotation=True), _leading_frame(to_quotation=False))
"""A frame before the point: first with a phrase that may end at the quotation that is the point."""
_STATEMENT_READ = r"(?:said|says|read|reads|stated|states)"
_STATEMENT_FRAME = re.compile(
    rf"^{_CLAUSE_OPENER}(?:(?P<speaker>[^,;:\"\u201c]{{1,80}}?)\s+(?:also\s+)?(?:released|issued|put out"
    rf"|published)\s+(?:a|an)\s+(?:[a-z]+\s+)?statement\s+(?:which|that)\s+(?:also\s+)?{_STATEMENT_READ}"
    rf"|(?P<owner>{'|'.join(sorted(english.POSSESSIVE_PRONOUNS))}|[^,;:\"\u201c]{{1,80}}?['\u2019]s?)"
    rf"\s+(?:[a-z]+\s+)?statement"
    rf"\s+(?:also\s+)?{_STATEMENT_READ})"
    rf"(?:,?\s+in\s+part)?"
    rf"(?:,?\s+that\s+|\s*[,:]\s*|\s+(?=[\"\u201c\u2018']))(?P<point>.+)$",
    re.IGNORECASE,
)
"""A frame made of a statement: "They released a statement which said, ...", "Their statement also
read '...'", "The ministry's written statement said that ...". The verb must be followed by "that", a
comma, a colon or a quotation ("Her statement reads as an admission" and "The statement said nothing"
are statements about a statement)."""
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_ACCORDING_TO = re.compile(
    rf"^according to (?P<speaker>(?:(?-i:{_MONTH})\s+\d{{1,2}},\s+\d{{4}}|[^,]){{1,80}}),\s+(?P<point>.+)$",
    re.IGNORECASE,
)
"""'According to X, ...'; the comma of a date ("According to a March 14, 2019 NATO press release,
Hungary spent ...") is no end of X."""
_POINT_END = rf"(?:,\s*[{CLOSING_QUOTES}]|[{CLOSING_QUOTES}]?,)\s*"
"""Where a point ends before a frame that follows it: a comma, inside or outside quotation marks."""
_NAME = '[^,;:"\u201c\u201d]'
_UNNAMED_SPEAKER_NOUNS = "|".join(sorted(english.SPEAKER_NOUNS | english.SOURCE_NOUNS))
_NOT_DESCRIBING = "|".join(
    sorted(english.FUNCTION_WORDS | {"long", "years", "days", "despite", "even", "than"})
)
"""Words that never describe an unnamed speaker: "despite what officials claimed", "long after doctors
warned" are clauses of the point, not a frame after it."""
_SPEAKER = (
    rf"(?:he|she|they|we|it|(?:the|a|an)\s+{_NAME}{{1,50}}?|[A-Z]{_NAME}{{0,50}}?"
    rf"|(?:(?!(?:{_NOT_DESCRIBING})\b)[a-z][\w.'-]*\s+){{0,2}}(?:{_UNNAMED_SPEAKER_NOUNS}))"
)
"""A frame's speaker after the point: a pronoun, words opening with an article or a capital, or an
unnamed speaker ("officials", "local residents", "its workers")."""
_WHEN = (
    r"(?:\s+(?:on|in|at|to|during|after|before|last|this|yesterday|today|tonight|earlier|later|when|as"
    r"|while)\b[^,;:]{0,60}?)?"
)
"""A phrase of time or place, or a clause of time, after a frame's verb ("he said on Friday", "said
today when reporters asked")."""
_APPOSITION_TEXT = r'(?:[^,;:"\u201c\u201d]|(?<=\d),(?=\d{3}))'
"""A character of what is said of a speaker between commas (a figure's comma too: "5,000 people")."""
_APPOSED = (
    rf"(?:,\s+(?P<apposition>(?-i:a|an|the|his|her|its|their|who|which|[A-Z0-9])"
    rf"{_APPOSITION_TEXT}{{1,100}}?))"
)
"""What a frame after the point says of its speaker between commas (", a spokesman for the ministry")."""
_TRAILING_FRAME = re.compile(
    rf"^(?P<point>.+?){_POINT_END}(?P<speaker>{_SPEAKER})(?:{_APPOSED},)?\s+"
    rf"(?:{_FRAME_VERBS}|say|wrote|reported|(?P<told>{_TOLD_AFTER})){_WHEN}"
    rf"\s*\.?[{CLOSING_QUOTES}]?$"
)
"""A frame after the point: "'It looks like Russia is continuing its buildup,' he said."."""
_TRAILING_ACCORDING_TO = re.compile(
    rf"^(?P<point>.+?),\s+according\s+to\s+(?!(?:the\s+)?(?:plan|plans|schedule|tradition|custom|protocol)\b)"
    rf"(?P<speaker>[^,;:\"\u201c\u201d]{{1,80}}?){_APPOSED}?\s*\.?$",
    re.IGNORECASE,
)
"""A frame after the point: "The strike hit a fuel depot, according to the ministry."."""
_INVERTED_FRAME = re.compile(
    rf"^(?P<point>.+?){_POINT_END}(?:said|says|added|wrote)\s+(?P<speaker>{_SPEAKER}){_APPOSED}?{_WHEN}\s*\.?$"
)
"""A frame after the point, its verb first: "'A lot of people think that,' said a protester."."""
_INNER_FRAME = re.compile(
    rf"^(?P<head>[^\"\u201c\u201d]+?[^\"\u201c\u201d\s,]),\s+(?P<speaker>{_SPEAKER})"
    r"\s+(?:said|says|added|noted|stated|explained|argued)"
    rf"{_WHEN},\s+(?P<rest>(?-i:[a-z])[^\"\u201c\u201d]*)$"
)
"""A frame between two parts of the point, with no quotation mark around: "Orders are queued, he said,
and paying back the loan seems realistic.", "The plan, officials said, is dead." (`_inner_frame` says
which second parts go on with the point)."""
_PREDICATE_OPENERS = english.AUXILIARY_VERBS | {"shall"}
"""Words opening the rest of a clause the frame interrupts after its subject ("The plan, he said, is
dead"); not any verb in -ed, which may be the frame's own ("..., Trump said, asked about the talks")."""
_SUBJECT_AFTER_JOINING = frozenset({"it"})
"""Words opening the subject of a clause of its own after "and" ("..., the company said, and it expects
..."), beside a gerund whose clause has its verb (`_FINITE_AFTER_GERUND`: "and paying back this loan
seems realistic"); not a verb ("and accused the West", the frame's own), nor a noun, which may be
someone else's view or the article's narration ("and the IAEA agreed", "and the shares rose")."""
_FINITE_AFTER_GERUND = (english.AUXILIARY_VERBS - {"have"}) | frozenset(
    "seems seemed looks appears remains means".split()
)
"""Verbs that make a clause of a gerund's words ("paying back this loan seems realistic"), not the frame's
own adjunct ("while visiting troops in Kharkiv", "but declining to give details"); a gerund is singular,
so not "have"."""
PHRASE_OPENERS = frozenset(
    "in on at during after before while when speaking writing asked addressing responding namely later "
    "earlier meanwhile".split()
)
"""Words opening a phrase before a frame (not a clause of its own): "Speaking to reporters, X said",
"On live television he said"."""
_APPOSITION_FRAME = re.compile(
    rf"^{_CLAUSE_OPENER}(?:(?P<phrase>(?:{'|'.join(sorted(PHRASE_OPENERS))})\b[^,;:\"\u201c\u201d]{{0,60}}),\s+)?"
    rf"(?P<speaker>(?-i:[A-Z])[^,;:\"\u201c\u201d]{{0,60}}?),\s+"
    rf"(?P<apposition>{_APPOSITION_TEXT}{{2,100}}?),\s+"
    rf"(?:said|says|stated|added(?!\s+to\b)|told\s+reporters){_frame_end(to_quotation=False)}(?P<point>.+)$",
    re.IGNORECASE,
)
"""A frame whose speaker is described between commas: "John Smith, a spokesman for the ministry, said
...", "On Monday, a government source, who asked not to be named, said ..."; only verbs that say
(not "warned residents", "announced record profits")."""
_MIDDLE_FRAME_VERBS = "|".join(
    verb for verb in _FRAME_VERBS.split("|") if verb not in ("announced", "claimed", "confirmed")
)
"""`_FRAME_VERBS` but those that also take a plain object ("On Thursday, the Pope announced new church
law"): after a phrase, only a verb of saying is taken for a frame."""
_SECOND_PHRASE_OPENERS = r"in|on|at|during|speaking|as\s+(?:a\s+)?part\s+of"
"""Words opening a second phrase before a frame, of place, time or occasion ("On Friday in Istanbul, as a
part of an election rally, Erdogan said ..."); not "as", "when", "after", "while" in general: "When
prices rose, as they did in May, the government said ..." and "In the long term, after sanctions are
lifted, the minister said ..." hold a condition of the point."""
_MIDDLE_FRAME = re.compile(
    rf"^(?P<lead>[^,;:\"\u201c]{{3,100}}(?:,\s+(?i:{_SECOND_PHRASE_OPENERS})\s[^,;:\"\u201c]{{1,80}})?),\s+"
    rf"(?P<speaker>(?:he|she|they|the\s|[A-Z]){_NAME}{{0,60}}?)"
    rf"\s+(?:{_MIDDLE_FRAME_VERBS}|(?:announced|claimed|confirmed)(?=\s+(?:he|she|they|we|I)\s))"
    rf"{_frame_end(to_quotation=False)}(?P<point>.+)$"
)
"""A frame after a phrase of its own: "Speaking to reporters on Tuesday, Stoltenberg said it ...";
"announced", "claimed" and "confirmed" only before a subject pronoun, which opens a clause ("In addition
to stepping down, Rosselló announced he would resign ...", not "announced new church law")."""
_SILENCE_AFTER_NOTHING = frozenset(
    "about of on to regarding concerning more further else publicly new at yet whatsoever beyond".split()
)
"""Words after a point's opening "nothing" that make it silence ("said nothing about the crash", "said
nothing to reporters", "said nothing more", "said nothing new about"), not a clause ("said nothing
could be done")."""


def point_of(text: str) -> str:
    """The text without its attribution frame (whoever it names), or the text when it has none."""
    frame = read_frame(" ".join(text.split()))
    return frame.point if frame is not None else text


class Frame(NamedTuple):
    """A statement's attribution frame, read apart from the point it frames (`read_frame`)."""

    speaker: str | None
    """The speaker phrase as the statement writes it ("NATO chief Jens Stoltenberg", "the police" of
    "According to the police"); it may keep a phrase that opens the frame ("On live television he"
    for "On live television he said ...": `PHRASE_OPENERS`), and a possessive's owner is given as its
    subject ("they" for "Their statement said, '...'"). The type allows None, but every frame read names
    its speaker."""
    point: str
    after_point: bool
    """The frame follows the point ("..., X said."): the point is a whole clause, never a phrase's rest."""
    after_that: bool = False
    """The frame ends with "that", just before its point ("X said that in 2019 ...")."""
    quoted: bool = False
    """The point is a quotation the frame opens ("X said, "..."")."""
    apposition: str | None = None
    """What the frame says of its speaker between commas ("John Smith, a spokesman for the ministry,
    said ..."): the speaker is the name before it."""
    told: bool = False
    """The frame tells someone the point ("X told Y that he ..."): an opening he or she may be either.
    A pronoun speaker telling someone about the same pronoun ("She told the BBC that she ...") is left
    unread (`_told_frame`)."""

    @property
    def clause_follows(self) -> bool:
        """The frame ends with "that" or opens a quotation (the speaker's own words): a point opening
        with a preposition may then be a clause of its own, not the rest of a phrase of the frame (the
        caller checks whether it holds one)."""
        return self.after_that or self.quoted


_RELATIVE_CLAUSE_SPEAKER = re.compile(
    r"\b(?:which|that|who|whom)"
    r"(?:\s+(?:he|she|it|they|we|I|officials|authorities|(?-i:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})))?$",
    re.IGNORECASE,
)
"""A speaker that ends in a relative clause ("released video footage which she", "which Peskov", "A woman
who"): what follows is the rest of that clause ("showed units returning ...", "claims Smith assaulted her
said ..."), no point with a subject of its own."""
_WARNED_OBJECT = re.compile(
    r"^(?:them|us|him|her|you|me|(?-i:[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|[a-z]+s)){0,2}|[a-z]+s))"
    rf"\s+that\s+(?=(?i:{'|'.join(sorted(english.SUBJECT_PRONOUNS | english.DETERMINERS | {'any', 'no'}))})\b"
    r"|(?-i:[A-Z]))",
    re.IGNORECASE,
)
"""Whom a speaker warned, before the "that" of the point: a pronoun, a name or a plural ("warned Western
leaders that they ...", "warned residents that the river ..."), then a subject; not a noun a relative
"that" describes ("warned the virus that causes ...", "warned any country that interferes ...")."""


def _after_warned_object(frame: str, point: str) -> str:
    """The point after whom a speaker "warned" ("X warned residents that the river ..." -> "the river
    ..."): the object is no part of the point."""
    if not frame.rstrip().casefold().endswith("warned"):
        return point
    warned = _WARNED_OBJECT.match(point)
    return point if warned is None else point[warned.end() :]


_CLAUSE_BEFORE_THAT = re.compile(
    rf"\s(?:{'|'.join(sorted(english.REPORTING_VERBS))})\s+that\s", re.IGNORECASE
)
"""A reporting verb and "that" inside a frame's speaker ("Russia demands that Ukraine never be allowed
to join NATO and has said ..."): the words before the frame's verb are a clause of its own, no
speaker, unless a relative word comes first ("The minister who denied that she lied said ...")."""
_SUBORDINATE = re.compile(
    r"^(?:if|unless|because|whenever|whatever|whoever|what|everything|anything|nothing|although|though"
    r"|whether)\b|\b(?:next|every|each|any)\s+time\b",
    re.IGNORECASE,
)
"""A speaker span that opens a subordinate clause ("If Russia says no, ...", "What Trump said was ...",
"Everything the government says about ...", "for the next time someone says, ..."): the verb of saying
is that clause's, not a frame of the statement. "When", "after", "before" and "while" also open a
phrase before a real frame ("When asked he said ...") and are not among them."""
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|which|whose)\b", re.IGNORECASE)


def _clause_of_its_own(speaker: str) -> bool:
    """Whether a frame's speaker span is a clause of its own (`_CLAUSE_BEFORE_THAT`)."""
    found = _CLAUSE_BEFORE_THAT.search(speaker)
    return found is not None and _RELATIVE_WORD.search(speaker[: found.start()]) is None


def said_nothing(point: str) -> bool:
    """Whether a point after a verb of saying is only what was not said: "nothing about the crash",
    "nothing, but her aide said ...", "little about the talks", "no more about it", "nothing more.";
    not "no further arrests were expected" nor "nothing could be done", which are clauses. It refuses
    an apposition's frame ("The bill, which passed, said nothing about ...") and a frame's removal
    alike."""
    opening = point.split()[:3]
    if not opening:
        return False
    bare = [word.casefold().rstrip(",;.:") for word in opening]
    first = 0
    if bare[0] == "no" and bare[1:2] == ["more"]:
        first = 1  # "said no more about the talks"
    elif bare[0] not in ("nothing", "little"):
        return False
    if len(bare) == first + 1 or opening[first][-1:] in (",", ";", ".", ":"):
        return True  # "said nothing.", "said little, but ...", "said no more"
    return bare[first + 1] in _SILENCE_AFTER_NOTHING


def _frame_before_point(match: re.Match[str], speaker: str | None, apposition: str | None = None) -> Frame:
    """The frame a match found before its point: the point without whom a speaker warned and, when it
    is one whole quotation, without its marks."""
    frame = match.string[: match.start("point")]
    return Frame(
        speaker,
        _one_quotation_unquoted(_after_warned_object(frame, match["point"])),
        after_point=False,
        after_that=re.search(r"\bthat\s*$", frame, re.IGNORECASE) is not None,
        quoted=match["point"].lstrip()[:1] in OPENING_QUOTES,
        apposition=apposition,
    )


def read_frame(text: str) -> Frame | None:
    """The text's attribution frame: before the point ("X said ..."), after a phrase of its own
    ("Speaking on Tuesday, X said ..."), after the point ("..., X said.") or between two parts of it
    ("The plan, X said, is dead."); None when it has none. The text's spaces should be single (callers
    join its words with one space): the speaker and the point keep the spaces they are given."""
    statement_frame = _STATEMENT_FRAME.match(text)
    if statement_frame is not None:
        speaker = statement_frame.group("speaker") or _owner(statement_frame.group("owner"))
        if not set(speaker.casefold().split()) & english.REPORTING_VERBS:  # not "Moscow said NATO's ..."
            return _frame_before_point(statement_frame, speaker)
    apposed = _APPOSITION_FRAME.match(text)
    if apposed is not None and said_nothing(apposed["point"]):
        apposed = None  # "The bill, which passed 52-48, said nothing about ...": no point
    if apposed is not None and not _clause_of_its_own(apposed.group("apposition")):
        return _frame_before_point(apposed, apposed["speaker"], apposed["apposition"])
    match = _ACCORDING_TO.match(text) or _leading_match(text)
    before_verb = match.groupdict().get("speaker") if match is not None else None
    if before_verb is not None and _RELATIVE_CLAUSE_SPEAKER.search(before_verb):
        return None  # "footage which she said showed ...": the rest of a relative clause
    if before_verb is not None and not _speaker_before_verb(before_verb):
        match = None
    if match is None:
        middle = _MIDDLE_FRAME.match(text)
        if middle is not None and middle.group("lead").split()[0].casefold() in PHRASE_OPENERS:
            match = middle
    if match is not None:
        return _frame_before_point(match, match.groupdict().get("speaker"))
    after = _TRAILING_FRAME.match(text) or _INVERTED_FRAME.match(text) or _TRAILING_ACCORDING_TO.match(text)
    if after is not None and after.groupdict().get("told") and not _names_a_speaker(after["speaker"]):
        after = None  # "..., a version he first told the BBC in 2019.": a relative clause, no speaker
    if after is None:
        return _told_frame(text) or _inner_frame(text)
    point = _point_before(text, after.end("point"))
    return Frame(after.group("speaker"), point, after_point=True, apposition=after.group("apposition"))


_CLAUSE_LINK = re.compile(
    r"\b(?:after|before|because|when|while|since|until|as|once|how|why|where)\b", re.IGNORECASE
)
"""Words that make the words before "told" a clause and another speaker ("Twitter suspended the account
after Smith told ...", "Jones recalled how Smith told ...")."""


def _speaker_before_verb(before_verb: str) -> bool:
    """Whether the words before a frame's verb can be its speaker: not a clause of its own ("Russia
    demands that Ukraine ... and has said"), not after a subordinating word ("If Russia says no, ...",
    "after Smith told followers that ..."), and not a passive (a form of "be" before the verb: "Twenty
    people have been confirmed killed"; a frame may still close the sentence: "..., officials said.")."""
    return not (
        _clause_of_its_own(before_verb)
        or _SUBORDINATE.search(before_verb)
        or before_verb.split()[-1].casefold() in english.BE_FORMS
    )


_TOLD_SPEAKER_WORDS = (
    english.SPEAKER_NOUNS
    | english.SOURCE_NOUNS
    | english.MEMBER_ROLES
    | english.STAFF_ROLES
    | english.OTHER_HOLDER_WORDS
    | english.LOWER_CASE_NAME_WORDS
    | frozenset("and senior top local federal regional national the a an".split())
)
"""Lower-case words a speaker before "told" may hold ("The minister", "A senior official", "state
media"); its other words are capitalised. Any other word makes it no noun phrase: "Smith should have
told", "Jones asked whether Smith told", "Prosecutors allege Smith told", "It is unclear whether"."""


def _names_a_speaker(words_before: str) -> bool:
    """Whether the words before "told" are a speaker's noun phrase (`_TOLD_SPEAKER_WORDS`), or one
    subject pronoun."""
    words_of = re.findall(r"[\w'\u2019.&-]+", words_before)
    if len(words_of) == 1 and words_of[0].casefold() in english.SUBJECT_PRONOUNS:
        return True
    return (
        bool(words_of)
        and all(
            word[:1].isupper() or word[:1].isdigit() or word.casefold() in _TOLD_SPEAKER_WORDS
            for word in words_of
        )
        and words_of[0].casefold() not in _NOT_A_SPEAKERS_OPENING
    )


_NOT_A_SPEAKERS_OPENING = frozenset("asked had even if whether when after as it".split())
"""Capitalised first words that open a clause, not a speaker ("Asked whether Smith told ...", "Had Smith
told ...", "It is unclear ...")."""


def _told_frame(text: str) -> Frame | None:
    """The frame "X told Y (when) that ..." (`_TOLD_FRAME`) when nothing else frames the text; its point's
    opening he/she may be the speaker or whom it told (`Frame.told`)."""
    told = _TOLD_FRAME.match(text)
    if told is None or _RELATIVE_CLAUSE_SPEAKER.search(told["speaker"]):
        return None  # "The man who told police that ...": the rest of a relative clause
    speaker = told["speaker"]
    if not _speaker_before_verb(speaker) or _CLAUSE_LINK.search(speaker) or not _names_a_speaker(speaker):
        return None  # "Twitter suspended the account after Smith told followers that ..."
    pronoun_told = opening_pronoun(told["point"]) in english.PERSON_PRONOUNS
    if speaker.casefold() in english.SUBJECT_PRONOUNS and pronoun_told:
        # "She told the BBC that she ...": left unread on purpose, so that
        # `pronoun_naming.subject_before_named` names her from the sentence before; a reader of the
        # frame would lose that name
        return None
    return _frame_before_point(told, speaker)._replace(told=True)


_ASKING_VERBS = frozenset({"asked", "asks", "questioned", "inquired", "wondered", "shouted", "pressed"})
"""Verbs of a question or a call: before a quotation, another speaker's words ("said after Jones asked
him, 'Will you resign?'"), unless passive (`_ASKED_OF_THE_SPEAKER`)."""
_ASKED_OF_THE_SPEAKER = frozenset({"when", "if", "once", "being", "was", "were", "been", "is", "are"})
"""Words before "asked" that make the frame's speaker the one asked ("said when asked", "said after
being asked"): the quotation is the speaker's answer."""


def _other_speakers_words(frame: str) -> bool:
    """Whether the words before a quotation hold a second verb of speech, so the quotation is another
    speaker's ("said after Jones told reporters, 'I will resign.'", "said after reporters asked, 'Will
    you?'"); a passive "asked" ("when asked by reporters", "Asked about the vote, Smith said") is the
    speaker being asked, whose answer follows."""
    tokens = words(frame)
    verbs = 0
    for index, word in enumerate(tokens):
        if word in english.REPORTING_VERBS:
            verbs += 1
        elif word in _ASKING_VERBS:
            passive = (
                index == 0
                or tokens[index - 1] in _ASKED_OF_THE_SPEAKER
                or tokens[index + 1 : index + 2] == ["by"]
            )
            verbs += not passive
    return verbs >= 2


def _leading_match(text: str) -> re.Match[str] | None:
    """The frame before the point; a phrase ending at a quotation only when the point is that whole
    quotation ("said on Friday 'I can do it.'", not "said in Moscow 'never' and left"); none when the
    point is a quotation after another speaker's verb (`_other_speakers_words`)."""
    for pattern in _LEADING_FRAMES:
        match = pattern.match(text)
        if match is None:
            return None
        point = match.group("point").strip()
        if point[:1] in OPENING_QUOTES and _other_speakers_words(text[: match.start("point")]):
            return None  # "said after Jones told reporters, 'I will resign.'": Jones's words
        to_quotation = match.groupdict().get("to_quotation") is not None
        if to_quotation and not _opens_with_a_subject(point):
            continue  # "said in their filing the matter 'currently focuses ...'": the matter's words
        if not to_quotation or _one_quotation_unquoted(point) != point:
            return match
    return None


def _opens_with_a_subject(quotation: str) -> bool:
    """Whether a quotation that ends a frame's phrase opens with a subject of its own (a capital, a
    figure, a pronoun or a determiner: "said on the day of the vote 'We can ...'"); one that does not
    goes on from the words before it ("said in their filing the matter 'currently focuses ...'")."""
    first = quotation.lstrip("\"\u201c\u2018' ").split(maxsplit=1)
    if not first:
        return False
    word = first[0]
    return (
        word[:1].isupper() or word[:1].isdigit() or word.casefold().strip(".,;:!?") in english.SUBJECT_OPENERS
    )


_ELISION = re.compile(r"(?:Tis|Twas|Cause|Til|N[a-z])\b")
"""Words an apostrophe opens ("'Tis", "'Cause", "'Ndrangheta"), not a quotation."""


def _one_quotation_unquoted(point: str) -> str:
    """A point that is one whole quotation without its marks ("'We will win.'" -> "We will win."), also
    one that runs on into the next sentence, unclosed ("'I can do it if I want." -> "I can do it if I
    want."); any other point as it is."""
    text = point.strip()
    opening, body = text[:1], text[1:].rstrip(".")
    if opening not in OPENING_QUOTES:
        return text
    if body[-1:] not in CLOSING_QUOTES:
        if not body[:1].isupper() or (opening == "'" and _ELISION.match(body)):
            return text  # "'90s", "'em", "'Tis": an apostrophe, not a quotation opening a sentence
        if opening == "'" and re.search(r"'(?!\w)", body):
            return text  # "'We will win'. Jones disagreed.": closed before the end
        body += CLOSING_OF[opening]
    inner = re.sub(r"(?<=\w)\u2019(?=\w)", "'", body[:-1])  # "can\u2019t" holds no quotation mark
    if opening == "'":  # also an apostrophe: only a quotation mark beside a space opens or closes
        if "' " in inner or " '" in inner:
            return text
    elif any(mark in inner for mark in QUOTATION_MARKS):
        return text
    inner = body[:-1].strip()
    return with_full_stop(inner)


_OWNER_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we", "my": "I"}


def _owner(owner: str) -> str:
    """The speaker a statement's owner names: "Their" -> "they", "NATO's" -> "NATO"."""
    return _OWNER_PRONOUNS.get(owner.casefold()) or re.sub(r"['\u2019]s?$", "", owner)


_QUOTE_PAIRS = {closing: opening for opening, closing in CLOSING_OF.items()}


def _inner_frame(text: str) -> Frame | None:
    """A frame between two parts of the point (`_INNER_FRAME`), each one clause with no comma: the point
    is both parts joined. The second part goes on with the point when it opens with "and" and a subject
    of its own (`_SUBJECT_AFTER_JOINING`; the comma kept), or with a verb going on after the
    first part's subject (`_PREDICATE_OPENERS`); anything else may be the frame's own ("..., Trump said,
    without providing evidence", "..., police said, most of them children"; "but" often opens the
    reporter's own words: "..., the army said, but there was no independent confirmation"), and then
    there is no such frame. Never when the second part reports speech itself."""
    inner = _INNER_FRAME.match(text)
    if inner is None or len(inner["head"].split()) < 2 or _RELATIVE_CLAUSE_SPEAKER.search(inner["speaker"]):
        return None  # "Yes, he said, the vote ...": no part of a point before the frame
    head, rest = inner["head"], inner["rest"]
    if "," in head or re.search(r"[,;:]", rest.rstrip(".!?")):
        # "The deal, Britain, France and Germany said, is dead", "..., is dead, and Jones agreed": a
        # list or an apposition before the frame, or more than one clause after it
        return None
    rest_words = words(rest)
    if set(rest_words) & english.REPORTING_VERBS:
        return None  # "..., Kyiv said, but Moscow said it was not true": another speaker's account
    first, second = [*rest_words, ""][:2]
    if first == "and" and (
        second in _SUBJECT_AFTER_JOINING
        or second[:1].isdigit()
        or (second.endswith("ing") and bool(set(rest_words[2:]) & _FINITE_AFTER_GERUND))
    ):
        return Frame(inner["speaker"], f"{head}, {rest}", after_point=True)
    if first in _PREDICATE_OPENERS:
        return Frame(inner["speaker"], f"{head} {rest}", after_point=True)
    return None  # "..., Trump said, without providing evidence": the frame's own words go on


def _point_before(text: str, end: int) -> str:
    """The point a frame follows, as a sentence: its closing quotation mark kept when it closes a quote
    the point opened, the marks around a point that is one whole quotation dropped."""
    point = text[:end].strip()
    closing = text[end:].lstrip(", ")[:1]
    opening = _QUOTE_PAIRS.get(closing)
    if opening is not None and opening in point:
        whole_quotation = point.startswith(opening) and point.count(opening) == 1
        # "“It looks like ...,” he said." -> the quotation alone; "US has 'exacerbated threat', China
        # says" -> the quote inside the point closed again
        point = point[1:] if whole_quotation else point + closing
    point = point.rstrip(" ,")
    return with_full_stop(point)
