"""The two matching rules of docs/gold-format.md: evidence overlap (rule 1) and actor agreement (rule 2).

Name normalisation (rule 2), in order:

1. lower-case; drop a possessive "'s" (any apostrophe) at a word's end; delete apostrophes and full stops
   ("U.S." -> "us", "O'Neill" -> "oneill", "Mr." -> "mr"); every other punctuation or symbol
   character becomes a space ("Jean-Claude" -> "jean claude"); split into words.
2. strip leading articles (`LEADING_ARTICLES`) and leading titles (`TITLES`, matched as whole word
   sequences, longest first, so "prime minister" goes in one step). A qualifier (`TITLE_QUALIFIERS`:
   "former", "acting", "us", ...) is stripped only when a title follows it: "Former US President Barack
   Obama" -> "barack obama", but "US officials" stays "us officials" (otherwise it would agree with
   "Russian officials"). Stripping never empties a name: "the president" -> "president".

Two names agree when their word sequences are equal or one is a contiguous whole-word part of the
other ("stoltenberg" ~ "jens stoltenberg", not "stolten"). Names that are pronouns or "(unstated)",
and names empty after normalisation, never take part in agreement.

Title stripping is deliberately conservative about single words that also start organisation names
("justice", "foreign", "defence" are stripped only inside a title phrase such as "chief justice" or
"foreign minister") so that "Justice Department" does not shrink to "department".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

Words = tuple[str, ...]

UNSTATED = "(unstated)"
"""The gold name of an actor the article leaves unnamed."""

PRONOUNS: frozenset[str] = frozenset(
    {
        # personal, possessive, reflexive
        "i", "me", "my", "mine", "myself",
        "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself",
        "she", "her", "hers", "herself",
        "it", "its", "itself",
        "we", "us", "our", "ours", "ourselves",
        "they", "them", "their", "theirs", "themselves", "themself",
        "one", "oneself",
        # relative and interrogative
        "who", "whom", "whose", "which", "that", "what", "whoever", "whichever",
        # demonstrative
        "this", "these", "those",
        # indefinite
        "someone", "somebody", "something", "anyone", "anybody", "everyone", "everybody",
        "no one", "nobody", "none", "some", "all", "each", "both", "either", "neither",
        "another", "others", "many", "few", "several", "most",
    }
)  # fmt: skip
"""Names (lower-cased, punctuation stripped) that give no name to check: the actor is skipped by rule 2."""

LEADING_ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})

TITLE_QUALIFIERS: frozenset[str] = frozenset(
    {"former", "acting", "interim", "deputy", "vice", "then", "late", "outgoing", "incoming",
     "us", "uk", "eu", "un", "nato"}
)  # fmt: skip
"""Words stripped only when a title follows them ("former president", "us secretary of state")."""

TITLES: frozenset[Words] = frozenset(
    tuple(title.split())
    for title in (
        # honorifics
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "reverend", "hon", "honourable", "honorable", "father", "rabbi", "imam", "sheikh",
        # heads of state and government, ministers
        "president", "premier", "prime minister", "pm", "chancellor", "minister", "foreign minister",
        "defence minister", "defense minister", "finance minister", "interior minister",
        "foreign secretary", "home secretary", "defence secretary", "defense secretary",
        "secretary", "secretary of state", "secretary general", "press secretary",
        "white house press secretary", "attorney general", "chief justice",
        "king", "queen", "prince", "princess", "crown prince", "emir", "sultan", "pope",
        "ayatollah", "supreme leader",
        # spokespeople, officials
        "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "commissioner",
        "chairman", "chairwoman", "chair", "ceo", "chief executive", "director", "mayor", "judge",
        # legislators and governors
        "sen", "senator", "rep", "representative", "congressman", "congresswoman", "speaker",
        "house speaker", "mp", "gov", "governor",
        # military and police ranks
        "general", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain",
        "sgt", "sergeant", "admiral", "adm", "marshal", "commander", "chief",
    )
)  # fmt: skip
"""Titles stripped from the start of a name; a multi-word title is stripped only as a whole."""

_LONGEST_TITLE = max(len(t) for t in TITLES)
_APOSTROPHES = "'\u2019\u02bc\u2018"  # apostrophe, right/left single quote, modifier letter apostrophe
_POSSESSIVE = re.compile(f"[{_APOSTROPHES}]s\\b")
_DELETED = frozenset(_APOSTROPHES + ".")


def normalize_name(name: str) -> Words:
    """The words of `name` after lower-casing, punctuation and leading title/article stripping."""
    words = _plain_words(name)
    while True:
        shorter = _strip_one(words)
        if shorter is None or not shorter:
            return words
        words = shorter


NARRATOR_MARK = "(narrator)"
"""In a gold actor's name, marks the article's own voice ("VOA (narrator)"; docs/gold-format.md)."""


def is_narrator_name(name: str) -> bool:
    """Whether a gold actor is the article's own voice: its name holds "(narrator)"."""
    return NARRATOR_MARK in name.casefold()


def is_unnamed(name: str) -> bool:
    """True when `name` gives nothing to check: a pronoun, "(unstated)", or nothing left after
    normalisation. An all-capital acronym ("US", "IT") is a name, not a pronoun."""
    raw = name.strip()
    if raw.lower() == UNSTATED:
        return True
    words = _plain_words(raw)
    if not words:
        return True
    is_acronym = len(raw) > 1 and raw.isupper()
    return " ".join(words) in PRONOUNS and not is_acronym


def name_forms(names: Iterable[str]) -> frozenset[Words]:
    """The normalised forms of the names that can take part in agreement (unnamed ones dropped)."""
    return frozenset(normalize_name(n) for n in names if not is_unnamed(n))


def names_agree(gold: frozenset[Words], predicted: frozenset[Words]) -> bool:
    """Rule 2: some gold form equals some predicted form, or one is a whole-word part of the other."""
    return any(_same_or_part(g, p) for g in gold for p in predicted)


def covered_chars(spans: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of [start, end) the union of `spans` covers (overlapping spans count once)."""
    covered = 0
    position = start
    for span_start, span_end in sorted(spans):
        lo = max(span_start, position)
        hi = min(span_end, end)
        if hi > lo:
            covered += hi - lo
            position = hi
    return covered


def overlap_fraction(spans: Sequence[tuple[int, int]], start: int, end: int) -> float:
    """`|span(P) ∩ span(G)| / |span(G)|` for predicted spans P and gold span [start, end).

    An empty gold span (end <= start) has nothing to cover: the fraction is 0.0.
    """
    if end <= start:
        return 0.0
    return covered_chars(spans, start, end) / (end - start)


def evidence_overlaps(fraction: float) -> bool:
    """Rule 1: at least half of the gold span is covered."""
    return fraction >= 0.5


def _plain_words(name: str) -> Words:
    text = _POSSESSIVE.sub("", name.lower())
    kept: list[str] = []
    for char in text:
        if char in _DELETED:
            continue
        category = unicodedata.category(char)
        kept.append(" " if category[0] in "PSZC" else char)
    return tuple("".join(kept).split())


def _strip_one(words: Words) -> Words | None:
    """Words without one leading article, title or qualifier-before-title; None when none leads."""
    if not words:
        return None
    if words[0] in LEADING_ARTICLES:
        return words[1:]
    title_length = _leading_title_length(words)
    if title_length:
        return words[title_length:]
    qualifiers = 0
    while qualifiers < len(words) and words[qualifiers] in TITLE_QUALIFIERS:
        qualifiers += 1
    if qualifiers and _leading_title_length(words[qualifiers:]):
        return words[qualifiers:]
    return None


def _leading_title_length(words: Words) -> int:
    for length in range(min(_LONGEST_TITLE, len(words)), 0, -1):
        if words[:length] in TITLES:
            return length
    return 0


def _same_or_part(a: Words, b: Words) -> bool:
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
