"""Standalone statements: a claim's statement says the actor's point, without the attribution frame and
without a pronoun left to resolve.

The model is asked for that; small models still often copy the sentence, frame included ("Environment
Canada spokesperson Julie Hahn said they apply to ..."). Code removes a leading frame ("X said (that)",
"According to X,") when what remains is a statement of its own, and says when a statement still starts
with a pronoun it cannot resolve. A statement code cannot repair is restated by the model in a second,
bounded request, and code keeps the restatement only when it stands alone and says nothing the
statement, its sentences and the actor's name do not (`restatement_problem`). English statements only
(the frames and pronouns are English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from enum import StrEnum
from itertools import pairwise

from counterclaim.language import english
from counterclaim.language.tokens import opening_pronoun, opening_word, pronoun_form, words, written_words
from counterclaim.pipeline.rules.actor_names import name_key, occurs_in
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.trace import Rule
from counterclaim.text.credit_lines import is_news_agency
from counterclaim.text.frames import (
    PHRASE_OPENERS,
    Frame,
    point_of,
    read_frame,
    said_nothing,
)
from counterclaim.text.keywords import keywords
from counterclaim.text.language import looks_foreign
from counterclaim.text.quotations import QUOTATION_MARKS as DOUBLE_QUOTATION_MARKS
from counterclaim.text.scripts import MAX_RESTORED_CHARS
from counterclaim.text.sentences import with_full_stop
from counterclaim.text.speakers import reported_speakers, side_reports, speaker_clauses
from counterclaim.text.third_person import QUOTATION_MARKS

MIN_POINT_WORDS = 4
"""A frame is removed only when at least this many words remain."""
_QUANTITY_OPENERS = ("at least ", "at most ")
"""Openings that look like a phrase's rest but begin a figure ("says at least 70 were killed")."""

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
    return any(_speaks_for(frame.speaker, name) for name in names)


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
    if not any(_speaks_for(last.speaker, name) for name in names):
        return None
    if any(_speaks_for(speaker, name) for speaker in reported_speakers(main_clause) for name in names):
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
    if re.fullmatch(_OTHERS, head) or (head.endswith("s") and not head.endswith("ss")):
        return None
    if head not in english.KIND_NOUNS and not any(head in words(name) for name in names):
        return None  # "The government said ..." after "The Aviation Herald reported ...": another body
    if not occurs_in(speaker, name_key(sentence)):
        return None  # a description the model wrote, not the sentence's own
    before = reported_speakers(previous)
    if len(before) != 1 or not any(_speaks_for(before[0], name) for name in names):
        return None
    return speaker


_CLAUSE_AFTER = re.compile(r",\s+(?:and|but|while|as|which|who|whereas|adding|saying)\b", re.IGNORECASE)
"""A clause of its own after the second speaker's ("..., and called for talks"): the main speaker's."""


def opens_with_a_pronoun(statement: str) -> bool:
    """Whether what keeps the statement from standing alone (`standalone_problem`) is an opening pronoun:
    it has no frame, and a pronoun opens it."""
    text = " ".join(statement.split())
    return read_frame(text) is None and opening_pronoun(text) in _UNSTANDING_PRONOUNS


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
        _speaks_for(speaker, actor)
        or (frame.apposition is not None and _voice_of(frame.apposition, actor))
        or is_news_agency(speaker)
        or _own_document(speaker, actor, point)
    )
    if speaker is not None and not own:
        relayed = _relayed(frame, [actor])
        if relayed is None or agency_credit_only:
            return None  # a nested attribution of someone else stays
        frame, speaker, point = relayed, relayed.speaker, relayed.point
    if _silence(point):
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
    fits = not frame.told and point.split()[0].casefold() in _SUBJECT_AND_POSSESSIVE.get(frame_pronoun, ())
    return _named_opening(point, actor, pronoun_is_actor=fits)


_NAMEABLE_OPENINGS = english.PERSON_PRONOUNS | {"its"}
"""Opening pronouns `frame_pronoun_named` may replace: not "they", whose verb is plural, nor "their",
which after an organisation's name is often others' ("Police said their injuries were minor"); "it" is
no problem of a statement ("It is ...")."""
_NOT_IN_A_POSSESSIVE = frozenset({"of", "for", "to", "with", "from", "in", "at", "on", "by", "using"})
"""Prepositions of a description that a possessive cannot follow ("One of the victims' husband") when a
lower-case word follows them (a name goes on with a capital: "The Bank of England's")."""
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
        and not any(_speaks_for(frame.speaker, n) for n in names)
    ):
        # "According to investigators, Zhukovskyy said he ...": not a person relaying, who may be the he
        # ("Mrs. Smith said Ruiz said she was drunk")
        relaying_person = _proper_name(frame.speaker) or frame.speaker.split()[0].casefold() in {"he", "she"}
        frame = None if relaying_person else _relayed(frame, names)
    if frame is None or frame.speaker is None or frame.after_point or frame.told:
        return None  # "Trump told Comey that he ...": he may be either
    if not _same_opening(tokens, frame.point):
        return None
    if not any(_speaks_for(frame.speaker, form) for form in names):
        return None
    speaker_pronoun = frame.speaker.split()[0].casefold()
    if speaker_pronoun in english.PERSONAL_PRONOUNS:
        fits = person and opening in _SUBJECT_AND_POSSESSIVE.get(speaker_pronoun, ())
    elif person and opening in ("he", "she"):
        # "Mr. Clarke said he ...", not "A police spokesman said he ...", "Becerra said, "He knows ...""
        fits = _names_one_self(frame, opening)
    else:
        fits = not person and opening == "its"
    named = name if opening in ("he", "she") else _possessive(name)
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
    replacement = short if opening in ("he", "she") else _possessive(short)
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


def _relayed(frame: Frame, names: Sequence[str]) -> Frame | None:
    """The frame of the actor (one of `names`) that another speaker's frame relays, opening its point
    ("According to investigators, Zhukovskyy said he had over-corrected ...": Zhukovskyy's frame); None
    when the point opens with no frame of the actor's (`ATTRIBUTION_FRAME`)."""
    if frame.after_point:
        return None
    inner = read_frame(frame.point)
    if inner is None or inner.speaker is None or inner.after_point:
        return None
    return inner if any(_speaks_for(inner.speaker, name) for name in names) else None


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
    last = _speaker_words(speaker)[-1].strip(".,")
    return last.split("-")[-1][:1].isupper() and last.casefold() not in _ROLE_NOUNS | english.BARE_TITLES


def _possessive(name: str) -> str | None:
    """ "the Haitian government's", "Hermès'", "The Bank of England's"; None for a name already a
    possessive ("McDonald's") or a description a possessive cannot follow, a preposition before a
    lower-case word ("One of the victims", "a lawyer for the family")."""
    words_of_name = name.replace("\u2019", "'").split()
    if not words_of_name or words_of_name[-1].endswith("'s") or "," in name:
        return None
    for word, after in pairwise(words_of_name):
        if word.casefold() in _NOT_IN_A_POSSESSIVE and not after[:1].isupper():
            return None  # "One of the victims", not "The Bank of England"
    return f"{name}'" if name.endswith("s") else f"{name}'s"


_CLAUSE_WORDS = english.CLAUSE_VERBS | frozenset("will would can could should may might must there".split())
"""Words that make a point opening with a preposition a clause ("in the US there is a phenomenon",
"in the meantime the company would ..."), not only a phrase ("in an interview with CNN")."""
_HEAD_END = re.compile(r",|\b(?:which|who|whom|when|where|that|because|after|before|while)\b", re.IGNORECASE)
"""Where the head of a point ends: a clause word after it may be a relative clause's ("in a speech which
was broadcast")."""
_NOT_BEFORE_A_VERB = english.DETERMINERS | english.PREPOSITIONS
"""Words after which a clause word is a noun ("in the name of the will of the people")."""


_SILENCE_AFTER_NOTHING = frozenset("about of on to regarding concerning more further else publicly".split())
"""Words after a point's opening "nothing" that make it silence ("said nothing about the crash", "said
nothing to reporters"), not a clause ("said nothing could be done")."""


def _silence(point: str) -> bool:
    """Whether a point after a verb of saying is "nothing" said: "nothing about the crash", "nothing, but
    her aide said ...", "little about the talks", "no more about it"; not "no further arrests were
    expected" nor "nothing could be done"."""
    opening = point.split()[:3]
    first = opening[0].rstrip(",;.").casefold() if opening else ""
    if first == "no" and [word.casefold() for word in opening[1:3]][:1] == ["more"]:
        opening, first = opening[1:], "more"  # "said no more about the talks"
    if first not in ("nothing", "little", "more"):
        return False
    if first != "nothing" and len(opening) < 2:
        return False
    return (
        opening[0][-1:] in (",", ";", ".")
        or len(opening) == 1
        or opening[1].casefold() in _SILENCE_AFTER_NOTHING
    )


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


_SUBJECT_AND_POSSESSIVE = {"he": ("he", "his"), "she": ("she", "her")}
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
        named = actor if opening in ("he", "she") else _possessive(actor) or f"{actor}'s"
        return f"{named} {rest}"
    return point[0].upper() + point[1:]


_BETWEEN_SPEAKER_AND_VERB = english.WORDS_BETWEEN_SPEAKER_AND_VERB | frozenset(
    "since further once first".split()
)
"""Words a frame may hold between its speaker and its verb ("He also said", "UNESCO reportedly said")."""


_TAKEN_BACK = frozenset({"not", "never", "no", "nor"})
"""A frame's speaker holding one of these (lower-case: "No 10 said" is a name) did not say the point
("Smith never said that ...")."""
_OTHERS = (
    "critics?|opponents?|rivals?|enemy|enemies|accusers?|challengers?|victims?|allies|ally|supporters?"
    "|friends?|associates?|lawyers?|attorneys?|relatives?|family|aides?|wife|husband|sons?|daughters?"
    "|biographers?|widow|widower|mother|father|parents?|brothers?|sisters?|partners?|girlfriend|boyfriend"
    "|advis[eo]rs?|colleagues?|neighbou?rs?"
)
"""Others related to an actor, who do not speak as it ("Smith's lawyer", "a critic of Smith")."""
_SOMEONE_ELSE_OF = re.compile(
    rf"\b(?P<others>{_OTHERS}|people|persons?|someone|sources?|officials)\s+"
    r"(?:of|to|for|close\s+to|loyal\s+to|familiar\s+with)\s",
    re.IGNORECASE,
)
"""Others named after the actor ("Critics of Smith said", "People close to Smith said")."""
_NOT_THE_SPEAKERS = english.REPORTING_VERBS | frozenset({"that", "believes", "knows", "knew", "thinks"})
"""Words showing a frame's speaker span is a clause of its own ("Smith denied that Jones said ...")."""


_ABOUT_OR_SEEN_BY = re.compile(
    r"\b(?:against|about|(?:seen|obtained|reviewed|examined)\s+by|leaked\s+to)\b", re.IGNORECASE
)
"""Words after which a name in a speaker is not its author ("a lawsuit filed against Acme", "court
documents seen by Reuters")."""


def _speaks_for(speaker: str, actor: str) -> bool:
    """Whether a frame's speaker is the actor (a name of it or a pronoun), who said the point: not
    "Smith has not said", "Critics of Smith", "Smith's lawyer", "a Smith aide", nor "Smith denied that
    Jones" (a clause reporting someone else)."""
    raw = [word.replace("\u2019", "'") for word in speaker.split()]
    if _TAKEN_BACK & set(raw) or any(word.endswith("n't") for word in raw):
        return False
    if _ABOUT_OR_SEEN_BY.search(speaker):
        return False  # "a lawsuit filed against Acme", "documents seen by Reuters": not theirs
    for index, word in enumerate(raw):
        named = word in ("called", "named") and index + 1 < len(raw) and raw[index + 1][:1].isupper()
        # "a protester called Katya" is a name; the match is case-sensitive, so a capitalised word of a
        # name ("States" in "The United States") is never read as a verb of a clause of its own
        if word in _NOT_THE_SPEAKERS and not named:
            return False
    if _others_of(speaker, actor):
        return False
    words = _speaker_words(speaker)
    if words[-1].casefold() in english.PERSONAL_PRONOUNS and (
        len(words) == 1 or words[0].casefold() in PHRASE_OPENERS
    ):
        return True  # "He said", "On live television he said"
    return actor_named_in(actor, speaker)


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
    return _speaks_for(apposition, actor)


def _speaker_words(speaker: str) -> list[str]:
    """A frame's speaker's words without those between it and its verb ("He has since said" -> "He",
    "President Trump has said" -> "President Trump")."""
    words = speaker.split()
    while len(words) > 1 and words[-1].casefold() in _BETWEEN_SPEAKER_AND_VERB:
        words.pop()
    return words


def _others_of(speaker: str, actor: str) -> bool:
    """Whether the speaker is others related to the actor: "Critics of Smith", "People close to Smith",
    "Smith's most loyal supporters", "a senior Smith aide", "anti-Smith protesters", "An ally of Ally
    Brennan"; not the actor's own name ("Friends of the Earth", "Lawyers for Human Rights") nor its own
    voice ("Smith's office", "Smith's spokesman"). The actor's whole name is set aside first, so a word
    of it ("ally" in "Sally", "Ally Brennan") is never taken for others."""
    own = (
        [m.span() for m in re.finditer(re.escape(actor.strip()), speaker, re.IGNORECASE)]
        if actor.strip()
        else []
    )
    rest = "".join(" " if any(a <= i < b for a, b in own) else ch for i, ch in enumerate(speaker))
    if _SOMEONE_ELSE_OF.search(rest + " "):
        return True
    tokens = [(m.group(), m.start()) for m in re.finditer(r"\S+", speaker)]
    for index, (token, start) in enumerate(tokens):
        inside = any(a <= start < b for a, b in own)
        if not inside and re.fullmatch(_OTHERS, token.strip(".,"), re.IGNORECASE):
            before = [word for word, _ in tokens[max(0, index - 4) : index]]
            owners = (
                re.sub(r"['\u2019]s?$", "", word)
                for word in before
                if word[:1].isupper() or re.search(r"['\u2019]s?$", word)
            )
            if any(actor_named_in(actor, owner) for owner in owners):
                return True  # "Smith's most loyal supporters", "a senior Smith aide", "the victim's mother"
    return re.search(r"\banti-", speaker, re.IGNORECASE) is not None and actor_named_in(actor, speaker)


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
