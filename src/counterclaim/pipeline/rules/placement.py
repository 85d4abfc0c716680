"""Where a proposed claim sits: the sentence that supports its statement.

Small models sometimes cite the right window but the wrong sentence number, or retell a sentence from
elsewhere in the article. Code compares the statement's content words with each sentence's: when
another sentence clearly fits better, the claim is moved there, or dropped when that sentence lies
outside the window (it belongs to, and is extracted with, another window). Two exceptions: an
earlier sentence on which no claim was kept (its window gave it none) takes the claim; and a cited
sentence still inside the quotation the retold sentence opens keeps it, with its own words as the
statement (a window that begins in the middle of a speaker's quotation makes the model cite the right
words and retell the quotation's first sentence, which it sees as context). A sentence too short to
say anything (a caption, a split-off fragment: "White.") carries no claim.
"""

from __future__ import annotations

import re
from collections import Counter

from counterclaim.language import english
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords
from counterclaim.text.quotations import (
    CLOSING_MARKS,
    OPENING_MARKS,
    QUOTATION_MARKS,
    STRAIGHT_MARK,
    quotation_frames,
)
from counterclaim.text.speakers import reported_speakers

MIN_SUPPORT = 0.6
"""Share of the statement's content words another sentence must hold for the claim to move there."""
MIN_EVIDENCE_WORDS = 4

SUPPORTING_SENTENCE = Rule(
    "placement.supporting_sentence",
    "A claim moves to the sentence of its window that supports its statement: that sentence holds at "
    "least `min_support` of the statement's content words and the cited one fewer than half as many "
    "(the words of the actor's name count for no sentence: they say who, not what).",
    {"min_support": MIN_SUPPORT},
)
RETOLD_FROM_ELSEWHERE = Rule(
    "placement.retold_from_elsewhere",
    "A claim whose statement retells a sentence outside its window, and that neither "
    "`placement.retold_unclaimed` nor `placement.quotation_runs_on` places, is dropped: that sentence's "
    "own window extracts it.",
    {"min_support": MIN_SUPPORT},
)
QUOTATION_RUNS_ON = Rule(
    "placement.quotation_runs_on",
    "A claim whose statement retells a sentence outside its window stays on its cited sentence when "
    "that sentence is still inside the quotation the retold sentence opens (one speaker's words running "
    "on, by the quotation marks; the only quotation in its sentences, and closed): its statement "
    "becomes the cited sentence's own words.",
)
RETOLD_UNCLAIMED = Rule(
    "placement.retold_unclaimed",
    "A claim whose statement retells a sentence of an earlier window that names its actor and on which "
    "no claim was kept moves there: that window gave it none (the attribution checks still apply).",
    {"min_support": MIN_SUPPORT},
)
FRAME_OF_QUOTATION = Rule(
    "placement.frame_of_quotation",
    'A sentence that only frames the quotation before it ("Macron told the world on Thursday via '
    'Twitter.": its one speaker, a verb of saying or whom it was told, when, where or how, nothing '
    "said) holds no point of its own: a claim on it moves to the sentence before, whose words become "
    "its statement (an assertion, whatever kind the model gave), when that sentence is a quotation "
    "from its opening mark (or running on) to its closing mark or a pronoun's frame, with no other "
    "actor's claim on it.",
)
FRAGMENT_SENTENCE = Rule(
    "placement.fragment_sentence",
    "A sentence of fewer than `min_words` words (a caption, a split-off fragment) carries no claim.",
    {"min_words": MIN_EVIDENCE_WORDS},
)
RULES = (
    SUPPORTING_SENTENCE,
    RETOLD_UNCLAIMED,
    QUOTATION_RUNS_ON,
    FRAME_OF_QUOTATION,
    RETOLD_FROM_ELSEWHERE,
    FRAGMENT_SENTENCE,
)


def supporting_sentence(article: PreparedArticle, statement: str, cited: int, actor: str = "") -> int:
    """The sentence of the article that supports a statement: the cited one unless another clearly
    fits better. The words of the `actor`'s name count for no sentence (they say who, not what; a
    sentence naming the speaker in full is no support for words another sentence holds), unless the
    statement has no other."""
    wanted = keywords(statement) - keywords(actor) or keywords(statement)
    if not wanted:
        return cited
    shared: Counter[int] = Counter()
    for word in wanted:
        shared.update(article.sentences_with_keyword.get(word, ()))
    cited_support = shared[cited] / len(wanted)
    if not shared:
        return cited
    most = max(shared.values())
    best = min(number for number, count in shared.items() if count == most)  # the first, as `max` would
    best_support = most / len(wanted)
    if best == cited or best_support < MIN_SUPPORT or cited_support >= best_support / 2:
        return cited
    return best


def continues_quotation(article: PreparedArticle, cited: int, opener: int) -> bool:
    """Whether the cited sentence is inside the one quotation the `opener` sentence opens: a quotation
    running on from the opener through the cited sentence, the only one in its sentences, and closed
    (`text.quotations.quotation_frames`: a stray mark opens no quotation)."""
    run = article.quotation_run(cited)
    texts = [article.sentence(n).text for n in run]
    return opener < cited and run.start == opener and quotation_frames(texts) is not None


def quoted_words(article: PreparedArticle, number: int) -> str:
    """A sentence's words without the quotation marks around or inside them."""
    text = article.sentence(number).text
    return " ".join(text.translate(_NO_DOUBLE_MARKS).split())


_NO_DOUBLE_MARKS = str.maketrans("", "", "".join(QUOTATION_MARKS))


_FRAME_ONLY_VERBS = "said|says|added|adds|wrote|writes|stated|explained|noted|remarked"
"""Verbs of saying a frame-only sentence may end in: nothing may follow them but phrases and times."""
_ADDRESSEE = r"(?:told|tells)\s+(?:the\s+)?(?:[a-z]+|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})"
"""Whom a frame's words were told: "told reporters", "told the world", "told The New York Times"."""
_FRAME_ONLY_PREPOSITIONS = "on|at|in|during|via|through|from|to|after|before|by|over|with"
_TIME_WORDS = "later|earlier|today|yesterday|last|this"
_FRAME_ONLY_PHRASE = (
    rf"(?:\s+(?:(?:{_FRAME_ONLY_PREPOSITIONS})"
    rf"(?:\s+(?!(?:he|she|they|we|I|it|that|{_FRAME_ONLY_PREPOSITIONS}|{_TIME_WORDS})\b)"
    rf"[^\s,;:?!\"\u201c\u201d]+){{1,5}}"
    rf"|later|earlier|today|yesterday|(?:last|this)\s+(?!(?:{_TIME_WORDS})\b)\w+))*"
)
"""When, where or how a frame's words were said: phrases of a preposition and at most five words (no
subject, "that", preposition or word of time among them, so a phrase is read one way only), and words
of time ("at a regular press briefing on Wednesday", "earlier")."""
_FRAME_ONLY = re.compile(
    rf"^(?P<speaker>[^,;:\"\u201c\u201d]{{1,100}}?)\s+(?:{_FRAME_ONLY_VERBS}|{_ADDRESSEE})"
    rf"{_FRAME_ONLY_PHRASE}\s*\.?$"
)
"""A sentence that is a frame and nothing else: its speaker, a verb of saying or whom it was told, and
when, where or how ("Foreign Ministry spokesperson Wang Wenbin said at a regular press briefing on
Wednesday.")."""
_FRAME_ONLY_MAX_CHARS = 200
"""A sentence longer than this says more than a frame (and the pattern is never tried on long text)."""
_OPENING_MARKS = OPENING_MARKS | {STRAIGHT_MARK}
_CLOSING_MARKS = CLOSING_MARKS | {STRAIGHT_MARK}
_PRONOUN_FRAME_AFTER = re.compile(
    rf"[{''.join(sorted(_CLOSING_MARKS))}]\s+(?:he|she|they|we)\s+(?:also\s+)?"
    r"(?:said|says|added|adds|continued|wrote)\s*\.?$"
)
"""A quotation's closing mark followed by a pronoun's frame only: ', he added.'."""


def frames_quotation_before(article: PreparedArticle, number: int) -> bool:
    """Whether sentence `number` only frames the quotation the sentence before it ends
    (`FRAME_OF_QUOTATION`): the frame's speaker is the sentence's one speaker (a name, a description or
    a pronoun, never "her lawyer" beside someone else's words), and the sentence before is a quotation
    opening with its mark (or running on from an earlier sentence) and ending with its closing mark or
    a pronoun's frame (", he added.")."""
    if number < 2:
        return False
    text = article.sentence(number).text.strip()
    frame = _FRAME_ONLY.match(text) if len(text) <= _FRAME_ONLY_MAX_CHARS else None
    if frame is None:
        return False
    words = frame.group("speaker").split()
    while len(words) > 1 and words[-1].casefold() in english.WORDS_BETWEEN_SPEAKER_AND_VERB:
        words.pop()  # "Smith also said"
    speaker = " ".join(words)
    if words[0].casefold() in english.POSSESSIVE_PRONOUNS:
        return False
    if speaker.casefold() not in english.SUBJECT_PRONOUNS and reported_speakers(text) != [speaker]:
        return False  # "The remarks came a day after Zelensky told reporters in Kyiv."
    before = article.sentence(number - 1).text.strip()
    opens = before[:1] in _OPENING_MARKS or len(article.quotation_run(number - 1)) > 1
    closes = before.rstrip()[-1:] in _CLOSING_MARKS or _PRONOUN_FRAME_AFTER.search(before) is not None
    return opens and closes


def too_short(article: PreparedArticle, number: int) -> bool:
    """Whether the sentence has too few words to carry a claim."""
    return len(article.sentence(number).text.split()) < MIN_EVIDENCE_WORDS
