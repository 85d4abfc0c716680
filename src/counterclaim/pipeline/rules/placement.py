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
from counterclaim.text.quotations import QUOTATION_MARKS, quotation_frames
from counterclaim.text.speakers import reported_speakers

MIN_SUPPORT = 0.6
"""Share of the statement's content words another sentence must hold for the claim to move there."""
MIN_EVIDENCE_WORDS = 4

SUPPORTING_SENTENCE = Rule(
    "placement.supporting_sentence",
    "A claim moves to the sentence of its window that supports its statement: that sentence holds at "
    "least `min_support` of the statement's content words and the cited one fewer than half as many.",
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
    "Twitter.\", after the quotation's closing mark; its speaker, a verb of saying, whom it was said "
    "to, when, where or how, nothing said) holds no point of its own: a claim on it moves to the "
    "quotation's last sentence, whose words become its statement, when that sentence names no speaker "
    "besides a pronoun.",
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


def supporting_sentence(article: PreparedArticle, statement: str, cited: int) -> int:
    """The sentence of the article that supports a statement: the cited one unless another clearly
    fits better."""
    wanted = keywords(statement)
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


_FRAME_ONLY_VERBS = (
    "said|says|added|adds|told|tells|wrote|writes|tweeted|posted|stated|explained|noted|remarked|declared"
)
_FRAME_ONLY_PREPOSITIONS = "on|at|in|during|via|through|from|to|after|before|by|over|with"
_FRAME_ONLY_PHRASE = (
    rf"(?:\s+(?:(?:{_FRAME_ONLY_PREPOSITIONS})"
    rf"(?:\s+(?!(?:he|she|they|we|i|it|that|{_FRAME_ONLY_PREPOSITIONS})\b)[^\s,;:\"\u201c\u201d]+){{1,5}}"
    r"|later|earlier|today|yesterday|(?:last|this)\s+\w+))*"
)
"""When, where or how a frame's words were said: phrases of a preposition and at most five words with no
subject or "that" in them, and words of time ("at a regular press briefing on Wednesday", "earlier")."""
_FRAME_ONLY = re.compile(
    rf"^(?P<speaker>[^,;:\"\u201c\u201d]{{1,100}}?)\s+(?:{_FRAME_ONLY_VERBS})"
    rf"(?:\s+(?!(?:{_FRAME_ONLY_PREPOSITIONS}|later|earlier|today|yesterday|last|this)\b)(?:the\s+)?[\w-]+)?"
    # whom it was told: "the world", "reporters"
    rf"{_FRAME_ONLY_PHRASE}\s*[.!]?$",
    re.IGNORECASE,
)
"""A sentence that is a frame and nothing else: its speaker, a verb of saying, whom it was said to, and
when, where or how ("Foreign Ministry spokesperson Wang Wenbin said at a regular press briefing on
Wednesday.")."""


_FRAME_ONLY_MAX_CHARS = 200
"""A sentence longer than this says more than a frame (and the pattern is never tried on long text)."""


def frames_quotation_before(article: PreparedArticle, number: int) -> bool:
    """Whether sentence `number` only frames the quotation that ends the sentence before it
    (`FRAME_OF_QUOTATION`), a sentence that names no speaker of its own besides a pronoun."""
    if number < 2:
        return False
    text = article.sentence(number).text.strip()
    if len(text) > _FRAME_ONLY_MAX_CHARS:
        return False
    frame = _FRAME_ONLY.match(text)
    if frame is None or set(re.findall(r"\w+", frame.group(0).casefold())) & english.NEGATIONS:
        return False  # "He said nothing." says something
    before = article.sentence(number - 1).text
    speakers = reported_speakers(before)
    return any(mark in before for mark in QUOTATION_MARKS) and all(
        speaker.casefold() in english.PERSONAL_PRONOUNS for speaker in speakers
    )


def too_short(article: PreparedArticle, number: int) -> bool:
    """Whether the sentence has too few words to carry a claim."""
    return len(article.sentence(number).text.split()) < MIN_EVIDENCE_WORDS
