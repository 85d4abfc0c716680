# ruff: noqa: RUF001  (typographic quotes and dashes are what this module handles)
"""Locate the words a model quotes in the article, and turn sentence numbers into spans.

The model never reports offsets. It cites sentence numbers or copies a quote, and the functions
here find those words in the article and return a `Span` whose ``text`` is exactly
``article[start:end]``. Matching may be lenient (typographic quotes, dashes, whitespace, case), but
the returned span always points at the article's own characters; the stored text is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from counterclaim.models import Span
from counterclaim.text.sentences import Sentence

__all__ = [
    "locate_quote",
    "narrow_to_quote",
    "normalize_for_match",
    "sentence_span",
    "span_of",
]

_SINGLE_QUOTES = "‘’‚‛′ʼʹ`‹›"
_DOUBLE_QUOTES = "“”„‟″〝〞＂«»"
_DASHES = "‐‑‒–—―−⁃﹘﹣－"
_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
    "…": "...",
}
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_QUOTE_MARKS = "\"'" + _SINGLE_QUOTES + _DOUBLE_QUOTES
_EDGE_PUNCTUATION = ".,;:!?…" + _QUOTE_MARKS
_ELISION = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|\.\.\.|…)\s*")
_MIN_LOOSE_CHARS = 10
"""A punctuation-blind match needs at least this many letters and digits to be trusted."""
NARROW_MIN_SHARE = 0.4
"""`narrow_to_quote` narrows only to a quotation that is at least this share of the sentence."""


def normalize_for_match(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` for lenient matching and map every normalized character back.

    Returns ``(normalized, origin)`` where ``origin[i]`` is the index in ``text`` of the character
    that produced ``normalized[i]``. Curly and angle quotes become ``'`` or ``"``, every dash becomes
    ``-``, ``…`` becomes ``...``, each run of whitespace (NBSP included) becomes one space,
    soft hyphens and zero-width characters vanish, and everything is NFKD-decomposed and
    casefolded. Each character is normalized on its own, so normalizing a slice of ``text`` gives
    the matching slice of the normalized text (whitespace runs aside).
    """
    normalized, origin = _normalize_cached(text)
    return normalized, list(origin)


@lru_cache(maxsize=16)
def _normalize_cached(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if not in_space:
                out.append(" ")
                origin.append(index)
                in_space = True
            continue
        in_space = False
        piece = _normalize_char(ch)
        out.append(piece)
        origin.extend([index] * len(piece))
    return "".join(out), origin


@lru_cache(maxsize=16)
def _loose_cached(text: str) -> tuple[str, list[int]]:
    """The normalized text reduced to letters and digits, with origins into ``text``."""
    normalized, origin = _normalize_cached(text)
    keep = [i for i, c in enumerate(normalized) if c.isalnum()]
    return "".join(normalized[i] for i in keep), [origin[i] for i in keep]


@lru_cache(maxsize=4096)
def _normalize_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    replaced = _REPLACEMENTS.get(ch)
    if replaced is not None:
        return replaced
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    return "".join(" " if c.isspace() else _REPLACEMENTS.get(c, c) for c in folded)


def span_of(text: str, start: int, end: int) -> Span:
    """The span ``text[start:end]`` with whitespace trimmed from both ends.

    An all-whitespace range gives an empty span at ``end``. Raises ValueError when the offsets
    are not ``0 <= start <= end <= len(text)``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}:{end} are outside the text (length {len(text)})")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def locate_quote(text: str, quote: str, *, start: int = 0, end: int | None = None) -> Span | None:
    """Find ``quote`` in ``text[start:end]`` and return its span in ``text``, or None.

    Surrounding whitespace and quote marks are stripped from ``quote`` first; an empty quote gives
    None. Strategies, tried in order until one matches (each prefers the first occurrence):

    1. exact substring;
    2. normalized match (see `normalize_for_match`: quotes, dashes, whitespace, case);
    3. normalized match after dropping punctuation at the quote's ends (a period the model added);
    4. letters and digits only, when the quote has at least ten of them (commas the model dropped);
    5. a quote elided with ``...``/``…``/``[...]``: every piece is found, in order, and the span
       runs from the first piece to the last.

    The returned span never extends outside ``[start, end)``, and ``span.text`` is always exactly
    ``text[span.start:span.end]``.
    """
    lo, hi = _window(text, start, end)
    needle = quote.strip().strip(_QUOTE_MARKS + " \t\r\n\u00a0").strip()
    if not needle:
        return None
    found = _locate_piece(text, needle, lo, hi)
    if found is not None:
        return found
    return _locate_elided(text, needle, lo, hi)


def _window(text: str, start: int, end: int | None) -> tuple[int, int]:
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    return lo, hi


def _make_span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _locate_piece(text: str, needle: str, lo: int, hi: int) -> Span | None:
    at = text.find(needle, lo, hi)
    if at >= 0:
        return _make_span(text, at, at + len(needle))
    window_norm, window_origin = _normalize_cached(text[lo:hi])
    needle_norm = _normalize_cached(needle)[0]
    found = _find_mapped(window_norm, window_origin, needle_norm)
    if found is None:
        trimmed = needle.strip(_EDGE_PUNCTUATION + " ")
        if trimmed and trimmed != needle:
            found = _find_mapped(window_norm, window_origin, _normalize_cached(trimmed)[0])
    if found is None:
        loose_needle = "".join(c for c in needle_norm if c.isalnum())
        if len(loose_needle) >= _MIN_LOOSE_CHARS:
            found = _find_mapped(*_loose_cached(text[lo:hi]), loose_needle)
    if found is None:
        return None
    return _make_span(text, lo + found[0], lo + found[1])


def _find_mapped(haystack: str, origin: list[int], needle: str) -> tuple[int, int] | None:
    """First occurrence of ``needle`` in ``haystack`` that starts and ends on whole original
    characters, as original (start, end) offsets."""
    if not needle:
        return None
    at = haystack.find(needle)
    while at >= 0:
        stop = at + len(needle)
        starts_whole = at == 0 or origin[at - 1] != origin[at]
        ends_whole = stop == len(haystack) or origin[stop] != origin[stop - 1]
        if starts_whole and ends_whole:
            return origin[at], origin[stop - 1] + 1
        at = haystack.find(needle, at + 1)
    return None


def _locate_elided(text: str, needle: str, lo: int, hi: int) -> Span | None:
    pieces = [p for p in _ELISION.split(needle) if p.strip(_EDGE_PUNCTUATION + " ")]
    if len(pieces) < 2:
        return None
    first: Span | None = None
    cursor = lo
    last: Span | None = None
    for piece in pieces:
        last = _locate_piece(text, piece.strip(), cursor, hi)
        if last is None:
            return None
        first = first or last
        cursor = last.end
    assert first is not None and last is not None
    return _make_span(text, first.start, last.end)


def sentence_span(text: str, sentences: list[Sentence], numbers: list[int]) -> list[Span]:
    """Spans of the cited sentences (1-based ``numbers``), in article order.

    Duplicates are ignored and runs of consecutive numbers merge into one span that also covers
    the whitespace between them. Raises ValueError naming the first number that is not a sentence.
    """
    for number in numbers:
        if not 1 <= number <= len(sentences):
            raise ValueError(f"sentence number {number} is out of range (the article has {len(sentences)})")
    return [_run_span(text, sentences, run) for run in consecutive_runs(numbers)]


def consecutive_runs(numbers: list[int]) -> list[list[int]]:
    """The distinct numbers, sorted, grouped into runs of consecutive numbers ([1, 2, 4] -> [[1, 2], [4]])."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _run_span(text: str, sentences: list[Sentence], run: list[int]) -> Span:
    return _make_span(text, sentences[run[0] - 1].start, sentences[run[-1] - 1].end)


_PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ("«", "»"), ("„", "“"), ("»", "«"))
_ALL_DOUBLE_MARKS = '"“”„«»'


def narrow_to_quote(text: str, span: Span) -> Span:
    """Narrow a sentence span to the one direct quotation in it, when that is clearly the claim.

    Conservative on purpose: it narrows only when the span holds exactly one pair of double
    quotation marks (``"…"``, ``“…”``, ``«…»``, ``„…“``, ``»…«``) and no other double quote mark,
    the quotation's inner text (trimmed of whitespace and a trailing comma) starts with a capital
    letter or a digit (a full quoted statement, not a fragment woven into the reporter's sentence
    such as ``said allies “remain ready”``), and it is at least `NARROW_MIN_SHARE` of the span's
    length. Scare quotes, partial quotes, several quotations, or a quotation running on into the
    next sentence leave the span unchanged.
    """
    if span.text != text[span.start : span.end]:
        raise ValueError("span does not match the text")
    inner = _single_quotation(span.text)
    if inner is None:
        return span
    inner_start, inner_end = inner
    start = span.start + inner_start
    end = span.start + inner_end
    narrowed = span_of(text, start, end)
    if narrowed.text.endswith(","):
        narrowed = span_of(text, narrowed.start, narrowed.end - 1)
    opening = narrowed.text[:1]
    if not (opening.isupper() or opening.isdigit()):
        return span
    if len(narrowed.text) < NARROW_MIN_SHARE * len(span.text):
        return span
    return narrowed


def _single_quotation(sentence: str) -> tuple[int, int] | None:
    """(start, end) of the inner text of the only quotation in ``sentence``, else None."""
    marks = [i for i, c in enumerate(sentence) if c in _ALL_DOUBLE_MARKS]
    if len(marks) != 2:
        return None
    first, second = marks
    pair = (sentence[first], sentence[second])
    if pair != ('"', '"') and pair not in _PAIRS:
        return None
    return first + 1, second
