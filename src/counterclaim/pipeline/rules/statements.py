"""Standalone statements: a claim's statement says the actor's point, without the attribution frame and
without a pronoun left to resolve.

The model is asked for that; small models still often copy the sentence, frame included ("Environment
Canada spokesperson Julie Hahn said they apply to ..."). Code removes a leading frame ("X said (that)",
"According to X,") when what remains is a statement of its own, and says when a statement still starts
with a pronoun it cannot resolve. A statement code cannot repair is restated by the model in a second,
bounded request, and code keeps the restatement only when it stands alone and says nothing the
statement, its sentences and the actor's name do not (`restatement_problem`). English statements only
(the frames and pronouns are English).

This module holds the rules and the decisions; the reading they rest on is apart: `frame_removal`
(the point without its frame), `pronoun_naming` (an opening pronoun given its name) and
`frame_speakers` (whether a frame's speaker is the actor).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from counterclaim.language import english
from counterclaim.language.tokens import opening_pronoun, opening_word, words
from counterclaim.pipeline.rules.actor_names import name_key, occurs_in
from counterclaim.pipeline.rules.frame_removal import MIN_POINT_WORDS, without_frame
from counterclaim.pipeline.rules.frame_speakers import (
    OTHERS,
    speaks_for,
)
from counterclaim.pipeline.trace import Rule
from counterclaim.text.credit_lines import is_news_agency
from counterclaim.text.frames import (
    point_of,
    read_frame,
    said_nothing,
)
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_foreign
from counterclaim.text.scripts import MAX_RESTORED_CHARS
from counterclaim.text.sentences import with_full_stop
from counterclaim.text.speakers import reported_speakers, side_reports, speaker_clauses

ATTRIBUTION_FRAME = Rule(
    "statements.attribution_frame",
    'A statement carrying the attribution of its own actor ("X said (that) ...", "According to X, '
    '...", "Speaking on Tuesday, X said ...", "On Friday in Istanbul, as part of a rally, X said ...", "X '
    'said in a statement on Monday ...", "X said in a filing to the SEC that ...", "X told Sky News on '
    'Wednesday that ...", "..., X said.", "..., X told Reuters.", a frame '
    'between two parts of the point, with no quotation mark around ("Orders are queued, X said, and paying '
    'back the loan seems realistic" -> "Orders are queued, and paying back the loan seems realistic"; "The '
    'plan, X said, is dead" -> "The plan is dead"; not when the frame\'s own words, another\'s view or the '
    'article\'s narration may go on: "..., X said, without providing evidence", "..., X said, and the IAEA '
    'agreed"), or a news agency\'s "..., Reuters '
    'reported"; both '
    "the actor's and an agency's around it) keeps the point alone, when at least `min_words` words "
    "remain; a he, she, his or her opening the point after a frame whose speaker is the same pronoun "
    'becomes the actor\'s name when it is a proper name ("He said his confession was forced" -> '
    '"Waseem\'s confession was forced"). A determiner before the verb is no speaker: "The confirmed '
    "deaths are ...\" has no frame; a phrase runs up to the point's quotation only when the quotation "
    'opens with a subject of its own ("said in their filing the matter \'currently ...\'" keeps "The '
    'matter"), and "that" after an occasion opens the point only before a subject ("said in a letter '
    'that was leaked ..." never leaves "Was leaked ..."). A "said" inside a relative clause is no '
    'frame ("released footage which she said showed ..." never leaves "Showed ..."), nor one after a '
    'form of "be" (a passive: "Twenty people have been confirmed killed"), and whom a speaker warned '
    'is no part of the point ("warned residents that the river ..." -> "The river ..."). A speaker '
    "described between commas is the name before them, or the actor's voice when the description is "
    'one ("John Smith, a spokesman for the ministry, said ..."; not "a former Acme employee", "an '
    'analyst who covers Acme"); "..., according to X." and an unnamed speaker after the point ("..., '
    'local officials said.") are frames; after "that", a point opening with a preposition is taken '
    'when its head holds a clause and no personal pronoun ("said that in the US there is ..."), and a '
    "quoted point opening with a phrase when a clause follows the phrase's comma and the phrase holds no "
    'personal pronoun but it (\'said, "In this scenario, it would be expected ..."\'; not "In our view, '
    '..."); a document named without its author ("According to the report,", "The new report said") is the '
    "actor's own, a ruling, judgment, verdict, decision or order only for a court or a judge, and "
    'never one whose point names the actor or one "filed against" or "seen by" it. Another speaker\'s '
    "frame relaying the actor's goes with it (\"According to investigators, Zhukovskyy said he had "
    'over-corrected ..." -> "Zhukovskyy had over-corrected ..."). A verb of saying in '
    'a clause of its own before the point is no frame ("If Russia says no, the talks end", "What Trump '
    'said was a lie", "Russia demands that Ukraine ... and has said ...").',
    {"min_words": MIN_POINT_WORDS},
)
MAX_NEW_WORDS = 2
"""A restatement may hold at most this many content words found neither in the statement, nor in its
context (its sentences and the few before them, where the names its pronouns stand for are), nor in
the actor's name (a verb form such as "believes" for "I believe" is the same word)."""
MIN_KEPT_SHARE = 0.5
"""A restatement keeps at least this share of the statement's content words."""
RESTATED = Rule(
    "statements.restated",
    "A statement code cannot make stand alone (an opening pronoun, a frame naming someone else) is "
    "restated by a second, bounded request; the restatement replaces it when it stands alone, is "
    "English, holds no figure the statement lacks, keeps at least `min_kept_share` of the statement's"
    " content words (not the actor's name nor a verb of saying: `FRAME_VERBS`, told, added) and adds "
    "at most `max_new_words` found neither in the statement, its sentences and the sentences before "
    "them, nor the actor's name. A copy of the request's note on the item (\"(the speaker: X; sentence"
    ' 4)") at its end is removed first.',
    {"max_new_words": MAX_NEW_WORDS, "min_kept_share": MIN_KEPT_SHARE},
)
RESTATEMENT_REFUSED = Rule(
    "statements.restatement_refused",
    "A restatement that fails any check of `statements.restated` is not used: the statement stays as it "
    "was, and the trace says why.",
)
FIRST_PERSON = Rule(
    "statements.first_person",
    "A statement in the speaker's own first person is put in the third person by code, not restated by "
    'the model, when a first-person word opens it: "I" or "we" becomes the speaker\'s shortest proper '
    'name, "my" or "our" that name\'s possessive, and the verb after "I" or "we" takes the third person '
    '("I never threaten anybody" -> "Trump never threatens anybody"; "we" is the speaker\'s side, named '
    'after the speaker, as the model\'s restatements do); after an opening "we" or "our", up to two '
    'later "we", "us" or "our" name the speaker again ("We warned Iran that we would strike" -> "Israel '
    'warned Iran that Israel would strike": "they" could be Iran); after an opening "I", up to two later '
    'subject "I" name the speaker again ("I can tell you, I don\'t know" -> "Durbin can tell you, Durbin '
    'doesn\'t know"; not after a capitalised word, "World War I", nor beside "and": "my wife and I"). A '
    'verb code cannot inflect with certainty, a quotation or "let us" after the opening, a later "me" or '
    '"my" (code does not know whether "him" or "her"), a "we" after an opening "I" (a group: "I think we '
    'can win"), a speaker '
    'without a proper name, or a result that would still not stand alone ("We have said that ..." -> '
    '"Ouellet has said that ...") leave it to the model.',
)
ARTICLE_SPELLING = Rule(
    "statements.article_spelling",
    'Initials the model wrote with spaces in a statement ("U. S. military officials are rejecting ...") '
    'are closed up where the article writes them so ("U.S. military officials"), as in actor names.',
)
ARTICLE_SCRIPT = Rule(
    "statements.article_script",
    "Letters of a writing system that is neither Latin nor the article's (the 1.5B slips into Chinese: "
    '"information-sharing with澳大利亚,") are replaced by the words of the claim\'s sentences at that '
    'place ("with Australia,"), when the statement follows those sentences on both sides of the run '
    "and the words there are at most `max_chars` characters; otherwise the statement is left as written.",
    {"max_chars": MAX_RESTORED_CHARS},
)
FRAME_PRONOUN = Rule(
    "statements.frame_pronoun",
    "A statement opening with he, his, she, her or its, written as the point of its sentence's frame "
    '("X said (that) <pronoun> ...", "According to X, <pronoun> ..."), names the actor in the '
    "pronoun's place when the pronoun can only be the frame's speaker, who is the actor: he, his, she"
    " or her after a pronoun frame of the same person, when the actor is a person (or a name no actor"
    ' of the article goes by): "She said she did this" -> "One of the victims did this"; its after '
    'the name of an actor that is no person: "The government announced that its search ..." -> "The '
    "Haitian government's search ...\". He or she after the proper name of an actor that is a person "
    '("President Trump says he will not approve ...") is that person: in a sample of the PolNeAR '
    'articles 30 of 30 such sentences were ("Mr. Clarke said he ..."), and only the article\'s own '
    'frame counts (a quotation "He knows ..." given a frame by the model is left alone); not inside '
    "the speaker's quotation ('Becerra said, \"He knows ...\"'), after a role or a group (\"A police "
    'spokesman said he was arrested", "The Sheriff said he ...", "Judge Smith said he ..."), two '
    'speakers, a description between commas, or an honorific of the other sex ("Mrs. Jones said he '
    "...\"). His and her there may be others', "
    '"their" after an organisation is often others\' ("Police said their injuries were minor"), and '
    '"they" would need a plural verb: these stay, for the model. A possessive is made '
    'only of a name that is not one already ("McDonald\'s") nor a description with a preposition '
    'before a lower-case word ("One of the victims"; "The Bank of England\'s" is made). The actor\'s '
    "shortest proper name is used, else its name as given.",
)
SUBJECT_BEFORE = Rule(
    "statements.subject_before",
    "A statement opening with he or she that is its sentence's own narration (the sentence opens with "
    "the same words, has no attribution frame and no quotation mark), of an actor that is a person, "
    "names the actor in the pronoun's place when the sentence just before opens with one of the "
    "actor's names (not its possessive: \"Adamowicz's killer ...\" is someone else) and names no "
    'other actor of the article by any word of a name: "Adamowicz, 53, has supported LGBT '
    'rights. He recently condemned anti-semitism ..." -> "Adamowicz recently condemned anti-semitism '
    '...". A subject that goes on from one sentence to the next is the most common reading of a '
    'pronoun; with a second actor named there, or a quotation ("He knows ..." may be anyone), the '
    "pronoun stays, for the model.",
)
QUOTED_SUBJECT = Rule(
    "statements.quoted_subject",
    "A statement opening with he, his, she or her that is a sentence of a quotation running on from an "
    "earlier sentence (the speaker's words, not the article's) names in the pronoun's place the one "
    "person actor the quotation named before it: '\"... Mr Robert Mugabe should be remembered for what "
    'he was to us. He was a dictator."\' -> "Mugabe was a dictator." Only when the quotation\'s words '
    "before the sentence name that actor by one of its names, not only as a possessive (\"Smith's "
    'lawyer ... He said" is the lawyer), before any he, his, him, she or her of their own ("He, like '
    'Donald Trump, has refused ... He really should" is someone named before the quotation); name no '
    'other person actor by any word of a name and no one else with a title ("Mr. Trump ... President '
    "Obama ... He would not\" may be either); the actor is not the statement's own (a speaker does "
    "not call themself he in their own words) and has no honorific of the other sex; and when the words "
    'give the pronoun no one else to be: no other name of two or more words ("Kessler succeeded Robert '
    'Mugabe"), no him or her ("Kessler told him to resign. He refused."), no person noun after a '
    'determiner ("my cousin was deported"), and not the actor\'s name as a modifier ("Trump Tower", '
    '"the Trump administration"). In PolNeAR\'s dev articles the 6 sentences it names meant that '
    "person. Its, they and we stay, for the model.",
)
ANSWER_OF_ANOTHER_ITEM = Rule(
    "statements.answer_of_another_item",
    "The 1.5B swaps answers of one restate request (Biden's restatement under the spokesman's item). "
    "An answer refused for its own item is read for a refused item of the same request when it passes "
    "every check of `statements.restated` for that item, that item takes no other such answer, and no "
    "other item takes it; never for an item held to open with its speaker's name, nor an answer naming "
    "the actor of the item it was written under.",
)
FRAME_KEPT = Rule(
    "statements.frame_kept",
    "A statement whose frame names its actor and which code cut from it, leaving a point that opens with "
    'a pronoun ("President Trump says he will not approve ..." -> "He will not approve ..."), gets its '
    "frame back when neither code nor a restatement named the pronoun: the point alone does not say "
    "whose words follow, the frame does.",
)
FRAME_ONLY = Rule(
    "statements.frame_only",
    'A statement that is only a frame, with no point ("Biden warned that", "The ministry said:"), is '
    "replaced by the sentences its claim cites, when no restatement gave it one: the point is there.",
)
_LINK_WORDS = 3
"""Words between the main clause's comma and the second speaker: "a day after", "hours after"."""
_MAIN_CLAUSE_WORDS = 4
"""Words of a main clause before that comma ("NATO accused Russia of ...")."""
_MAIN_WORDS_HELD = 2
_MAIN_SHARE_HELD = 0.75
"""A statement holds the main clause when it holds `_MAIN_WORDS_HELD` of its content words (those not
in the second speaker's clause) and `_MAIN_SHARE_HELD` of them: "At least five people died in the blast
at the market" holds "blast" and "market" of "Police said two people were killed in the blast at the
market", context for its own point."""
OWN_CLAUSE = Rule(
    "statements.own_clause",
    "A statement that holds its whole sentence where semicolons join clauses each reporting a speaker "
    "of its own (\"Phivolcs reported the earthquake's magnitude was 5.5; United States Geological "
    'Survey (USGS) reported 5.8.") is cut to the clause of its own actor ("Phivolcs reported the '
    "earthquake's magnitude was 5.5.\"): the other clauses are other speakers' claims, and a statement "
    "holding both cannot be compared with theirs. Only when the statement names another clause's "
    "speaker (it holds that clause) and exactly one clause is its actor's; the frame left in the "
    "clause is removed after it as any other (`statements.attribution_frame`).",
)
SIDE_REPORT_POINT = Rule(
    "statements.side_report_point",
    "A statement of the speaker a sentence reports last, in a clause of its own after the main one "
    '("NATO accused Russia of adding troops, a day after Moscow said it had started withdrawing some '
    'of its units"), that holds `main_share_held` (and at least `main_words_held`) of the content words '
    "the main clause's point has apart from that clause takes its own clause's point, without its "
    'frame ("It had started withdrawing some of its units."): the main clause is another speaker\'s. '
    'The 1.5B wrote "Moscow accuses NATO of increasing its troop numbers ..." for Moscow there. Only a '
    "clause after a comma that closes a main clause of at least `main_clause_words` words, within "
    '`link_words` words of it ("..., a day after Moscow said"), read from its speaker to the '
    "sentence's end, where code can remove its frame (`statements.attribution_frame`); not when the "
    'main clause is the same speaker\'s, when a clause goes on after it (", and ...", ", adding ..."), '
    'nor after "said nothing".',
    {
        "main_clause_words": _MAIN_CLAUSE_WORDS,
        "link_words": _LINK_WORDS,
        "main_words_held": _MAIN_WORDS_HELD,
        "main_share_held": _MAIN_SHARE_HELD,
    },
)
SPEAKER_DESCRIBED = Rule(
    "statements.speaker_described",
    'A statement framed by a description of its speaker that its own sentence gives ("The industry '
    'publication stated ...", "..., the company said."), right after a sentence whose only speaker is the '
    'statement\'s actor by name ("The Aviation Herald reported ..."), keeps the point alone, as for a '
    "frame naming the actor: the description is the actor, named the sentence before, when its last "
    'word says what kind of body it is ("the company", "the publication") or is a word of its name ("the '
    'ministry" for "The Health Ministry"). Not another body ("The government" after "The Aviation '
    'Herald"), others ("the lawyer", "the critics"), several ("the two leaders"), "the other" or "the '
    'former".',
)
RULES = (
    SIDE_REPORT_POINT,
    OWN_CLAUSE,
    ARTICLE_SCRIPT,
    ARTICLE_SPELLING,
    ATTRIBUTION_FRAME,
    SPEAKER_DESCRIBED,
    FIRST_PERSON,
    FRAME_PRONOUN,
    SUBJECT_BEFORE,
    QUOTED_SUBJECT,
    RESTATED,
    RESTATEMENT_REFUSED,
    ANSWER_OF_ANOTHER_ITEM,
    FRAME_KEPT,
    FRAME_ONLY,
)


_FRAME_ONLY_WORDS = 7
"""The most words of a statement that is only a frame ("A Russian Defense Ministry spokesman said")."""
_FRAME_ONLY = re.compile(
    rf"^(?P<speaker>[^,;!?\"\u201c]{{1,80}}?)\s(?:{'|'.join(sorted(english.REPORTING_VERBS))})"
    r"(?:(?:\s+[^,;:\"\u201c]{1,40}?)?\s+that\s*[.:]?|\s*:)$",
    re.IGNORECASE,
)
"""A speaker, a verb of saying and nothing after its "that" or colon ("Biden warned on Tuesday that")."""
_SAID_ALONE = re.compile(r"^[^,;!?\"\u201c]{1,60}?\s(?:said|says)\.?$", re.IGNORECASE)
"""A speaker and "said" alone ("NATO says")."""
_NO_SPEAKER_BEFORE = english.BE_FORMS | {"than", "as", "what"}
"""Words before the verb that make it a passive (`english.BE_FORMS`: "The allegations were denied") or a
comparison ("higher than officials reported"), not a frame."""


def is_frame_only(statement: str) -> bool:
    """Whether the statement is a frame with nothing after it: a speaker of at most `_FRAME_ONLY_WORDS`
    words, a verb of saying and an empty "that" or colon ("Biden warned that", "Peskov told reporters
    that", "The ministry said:"), or "said" alone ("NATO says"); not a passive or a comparison."""
    text = " ".join(statement.split())
    if len(text.split()) > _FRAME_ONLY_WORDS:
        return False
    framed = _FRAME_ONLY.match(text)
    if framed is not None:
        before_verb = framed["speaker"].split()[-1]
    elif _SAID_ALONE.match(text):
        before_verb = text.split()[-2]
    else:
        return False
    return before_verb.casefold() not in _NO_SPEAKER_BEFORE


def frame_names_actor(statement: str, names: Sequence[str]) -> bool:
    """Whether the statement's frame names its actor by one of `names` ("President Trump says he ...",
    "Mr. Reyes says he ..."), not a pronoun ("He said they ...") nor a news agency ("According to
    Reuters, ...")."""
    frame = read_frame(" ".join(statement.split()))
    if frame is None or frame.speaker is None or is_news_agency(frame.speaker):
        return False
    if frame.speaker.split()[-1].casefold() in english.PERSONAL_PRONOUNS:
        return False
    return any(speaks_for(frame.speaker, name) for name in names)


def own_clause(statement: str, sentence: str, names: Sequence[str]) -> str | None:
    """The clause of `sentence` that reports the actor (one of `names`) when semicolons join clauses
    each reporting a speaker of its own (`text.speakers.speaker_clauses`) and the statement names
    another clause's speaker; None otherwise (`OWN_CLAUSE`)."""
    clauses = speaker_clauses(" ".join(sentence.split()))
    own = [clause for clause in clauses if any(_names_the_same(clause.speaker, name) for name in names)]
    if len(own) != 1:
        return None
    statement_key = name_key(statement)
    others = [clause.speaker for clause in clauses if clause is not own[0]]
    if not any(occurs_in(speaker, statement_key) for speaker in others):
        return None
    text = own[0].text.rstrip(" ,;")
    text = text[:1].upper() + text[1:]  # a clause after the semicolon opens in lower case
    return with_full_stop(text)


def _names_the_same(speaker: str, name: str) -> bool:
    """Whether a speaker phrase and an actor's name hold one another as whole words ("Phivolcs",
    "the Navy" and "Navy"), not only a shared word ("Port Survey" and "the Arland Geological Survey")."""
    return occurs_in(name, name_key(speaker)) or occurs_in(speaker, name_key(name))


def side_report_point(statement: str, sentence: str, names: Sequence[str]) -> str | None:
    """The point of the clause at the end of `sentence` reporting one of `names` as a second speaker
    (`text.speakers.side_reports`) after a comma closing the main clause, when `statement` holds the
    main clause's own content words (`_MAIN_SHARE_HELD`); None otherwise (`SIDE_REPORT_POINT`)."""
    reports = side_reports(sentence)
    if not reports:
        return None
    last = reports[-1]
    main_clause, comma, link = sentence[: last.start].rpartition(",")
    if not comma or len(link.split()) > _LINK_WORDS or len(main_clause.split()) < _MAIN_CLAUSE_WORDS:
        return None  # "A day after Moscow said it was leaving, NATO saw ...": the report opens it
    if not any(speaks_for(last.speaker, name) for name in names):
        return None
    if any(speaks_for(speaker, name) for speaker in reported_speakers(main_clause) for name in names):
        return None  # "Moscow denied the report, a day after Moscow said ...": both clauses its own
    speaker_at = re.compile(r"\s+".join(map(re.escape, last.speaker.split()))).search(sentence, last.start)
    if speaker_at is None:
        return None
    spoken = sentence[speaker_at.start() :]
    if _CLAUSE_AFTER.search(sentence, last.end):
        return None  # "..., after the Kremlin said they were leaving, and called for talks."
    own = keywords(spoken) - keywords(last.speaker)
    main = keywords(point_of(main_clause)) - own  # what the main speaker says, not who says it
    held = keywords(statement) & main
    if len(held) < max(_MAIN_WORDS_HELD, len(main) * _MAIN_SHARE_HELD):
        return None
    for name in names:
        point = without_frame(spoken, name)
        if point is not None and not said_nothing(point):
            return without_frame(point, name, agency_credit_only=True) or point
    return None


_DESCRIPTION_WORD = re.compile(r"[a-z][a-z-]*")
_DESCRIPTION_WORDS = 3
"""The most words of a description after its "the" ("The industry publication", "the state news agency")."""
_NOT_THE_SAME = frozenset({"other", "others", "former", "latter", "new", "previous", "another"})
"""Words of a description that point to someone else than the speaker named before."""


def described_speaker(statement: str, sentence: str, previous: str, names: Sequence[str]) -> str | None:
    """The description a statement's frame gives its speaker ("The industry publication stated ...")
    when its own sentence frames it so and the sentence before it has one speaker, one of `names` ("The
    Aviation Herald reported ..."): that description is a name of the actor for `without_frame`
    (`SPEAKER_DESCRIBED`). Its last word says what kind of body the actor is (`english.KIND_NOUNS`:
    "the company", "the publication") or is a word of the actor's name ("the ministry" for "The Health
    Ministry", "the president" for "President Trump"). None otherwise: "The government" after "The
    Aviation Herald" (another body), a description with a capital or a possessive, of others ("the
    lawyer"), of several ("the two leaders": a plural), or pointing elsewhere ("the other")."""
    frame = read_frame(" ".join(statement.split()))
    if frame is None or frame.speaker is None or frame.apposition is not None:
        return None
    speaker = frame.speaker
    first, *rest = speaker.split()
    if first.casefold() != "the" or not 1 <= len(rest) <= _DESCRIPTION_WORDS:
        return None
    if not all(_DESCRIPTION_WORD.fullmatch(word) for word in rest) or _NOT_THE_SAME & set(rest):
        return None
    head = rest[-1]
    if re.fullmatch(OTHERS, head) or (head.endswith("s") and not head.endswith("ss")):
        return None
    if head not in english.KIND_NOUNS and not any(head in words(name) for name in names):
        return None  # "The government said ..." after "The Aviation Herald reported ...": another body
    if not occurs_in(speaker, name_key(sentence)):
        return None  # a description the model wrote, not the sentence's own
    before = reported_speakers(previous)
    if len(before) != 1 or not any(speaks_for(before[0], name) for name in names):
        return None
    return speaker


_CLAUSE_AFTER = re.compile(r",\s+(?:and|but|while|as|which|who|whereas|adding|saying)\b", re.IGNORECASE)
"""A clause of its own after the second speaker's ("..., and called for talks"): the main speaker's."""


def opens_with_a_pronoun(statement: str) -> bool:
    """Whether what keeps the statement from standing alone (`standalone_problem`) is an opening pronoun:
    it has no frame, and a pronoun opens it."""
    text = " ".join(statement.split())
    return read_frame(text) is None and opening_pronoun(text) in _UNSTANDING_PRONOUNS


_PLAIN_NAME = re.compile(r"^[^\W\d_][\w.'\u2019 -]*$")
"""A name a restatement can be made to begin with: letters, spaces, full stops, hyphens, apostrophes."""


def speaker_opening(statement: str, speaker: str) -> str | None:
    """The name a restatement of a first-person statement ("We hope ...", "I know ...") must begin with:
    the speaker's, so the 1.5B cannot copy the statement back (it did for most of them); None for any
    other statement, or a speaker name with other characters."""
    if opening_pronoun(statement) not in english.FIRST_PERSON_PRONOUNS:
        return None
    name = " ".join(speaker.split())
    return name if _PLAIN_NAME.match(name) else None


class Unstanding(StrEnum):
    """What keeps a statement from standing alone."""

    FRAME = "frame"
    """It keeps an attribution frame ("X said ...", "..., she said.")."""
    FIRST_PERSON = "first_person"
    """It opens with the speaker's own I, we, my, our, us or me."""
    THIRD_PERSON = "third_person"
    """It opens with he, she, they, his, her, its or their, which the reader cannot resolve."""


def unstanding(statement: str) -> Unstanding | None:
    """What keeps the statement from standing alone (`standalone_problem`), as a kind; None when
    nothing does."""
    text = " ".join(statement.split())
    if read_frame(text) is not None:
        return Unstanding.FRAME
    opening = opening_pronoun(text)
    if opening not in _UNSTANDING_PRONOUNS:
        return None
    return Unstanding.FIRST_PERSON if opening in english.FIRST_PERSON_PRONOUNS else Unstanding.THIRD_PERSON


def standalone_problem(statement: str) -> str | None:
    """What keeps the statement from standing alone (None when nothing does): an attribution frame, or an
    opening pronoun."""
    kind = unstanding(statement)
    if kind is None:
        return None
    if kind is Unstanding.FRAME:
        return "it keeps its attribution frame"
    return f"it opens with the pronoun {opening_word(' '.join(statement.split()))!r}"


_UNSTANDING_PRONOUNS = (english.THIRD_PERSON_PRONOUNS | english.FIRST_PERSON_PRONOUNS) - {"it"}  # "It is ..."
"""Pronouns that, opening a statement, leave a reader asking who is meant."""


_ITEM_NOTE = re.compile(
    r"\s*\((?:the speaker: )?(?P<name>[^()]{1,160}?);\s*sentences?\s[\d, ]+(?:;[^()]*)?\)\s*\.?$",
    re.IGNORECASE,
)
"""The note that follows each item of a restatement request ("(the speaker: X; sentence 4)"), which
the 1.5B sometimes copies to the end of its answer ("... attending mass. (Coast Guard; sentence 20)")."""


def without_item_note(restated: str, actor: str) -> tuple[str, str | None]:
    """A restatement without a copy of its request's item note at its end, and that note: a
    parenthesis naming the `actor` and its sentence ("(Coast Guard; sentence 20)"). The restatement as
    it is, and None, when it has none, or only a citation that looks like one ("(Basic Law, Article 3;
    sentence 2)")."""
    note = _ITEM_NOTE.search(restated)
    if note is None or note.start() == 0:
        return restated, None
    if " ".join(note.group("name").split()).casefold() != " ".join(actor.split()).casefold():
        return restated, None
    text = restated[: note.start()].rstrip()
    return with_full_stop(text), note.group().strip()


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_PRONOUN_KEYWORDS = keywords(" ".join(english.PERSONAL_PRONOUNS))
_FRAME_WORDS = english.FRAME_VERBS | {"told", "tells", "added", "adds"}


def _without_frame_words(statement: str, actor: str) -> str:
    """The statement without the words of its actor's name and its verbs of saying (`FRAME_VERBS`,
    "told", "added"), which a restatement need not keep ("Biden warned that" keeps nothing but its
    sentence); verbs that deny or judge ("denied", "rejected") stay."""
    dropped = _FRAME_WORDS | {word.casefold() for word in actor.split()}
    return " ".join(w for w in statement.split() if w.strip(".,;:!?\"'").casefold() not in dropped)


def restatement_problem(statement: str, restated: str, *, actor: str, context: str) -> str | None:
    """Why a restatement of `statement` may not replace it (None when it may): it does not stand alone,
    it is not English, it holds a figure the statement lacks, it drops most of the statement, or it adds
    words found neither in the statement, its `context` (its sentences and those before them), nor the
    `actor`'s name."""
    text = " ".join(restated.split())
    if text.casefold() == " ".join(statement.split()).casefold():
        return "it is the statement unchanged"
    problem = standalone_problem(text)
    if problem is not None:
        return f"it still does not stand alone: {problem}"
    if looks_foreign(text):
        return "it is not English"
    added_figures = sorted(set(_FIGURE.findall(text)) - set(_FIGURE.findall(statement)))
    if added_figures:
        return f"it holds the figure {added_figures[0]!r}, which the statement does not"
    said = keywords(_without_frame_words(statement, actor)) - _PRONOUN_KEYWORDS
    words = keywords(text)
    if said and len(said & words) < MIN_KEPT_SHARE * len(said):
        return f"it keeps {len(said & words)} of the statement's {len(said)} content words"
    added = sorted(words - keywords(f"{statement} {context} {actor}"))
    if len(added) > MAX_NEW_WORDS:
        return f"it adds words found neither in the statement nor around it: {', '.join(added)}"
    return None
