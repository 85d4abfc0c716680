# ruff: noqa: RUF001  (typographic apostrophes and dashes are part of the input this module reads)
"""Find quantities in claim texts and compare them in code, so numeric conflicts are not guessed.

`extract_quantities` reads phrases such as "over 150,000 troops", "around 14,000 people",
"between 5 and 10 percent", "$1.5bn" or "dozens of civilians" and turns each into an interval
(`Quantity`). `compare_quantities` says whether two claims' quantities of the same thing can both
be true. The parser is rule based and deliberately conservative: when in doubt it skips a number
(years, dates, times, ordinals, model names like "S-400", references like "Article 5") rather
than invent a quantity, and intervals are generous so that only clearly disjoint figures conflict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from counterclaim.language import english_numbers as vocab

__all__ = [
    "Bound",
    "NumericRelation",
    "NumericVerdict",
    "Quantity",
    "compare_quantities",
    "compared_units",
    "extract_quantities",
]


class Bound(StrEnum):
    """How a quantity bounds the true value."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    RANGE = "range"


@dataclass(frozen=True)
class Quantity:
    """A quantity stated in a text, as the interval ``[low, high]`` the true value must lie in.

    "over 150,000 troops" is ``Quantity(150000, inf, AT_LEAST, "troop", "over 150,000 troops")``.
    Lower and upper bounds are treated as inclusive (``over 100`` admits 100), which keeps
    comparisons on the lenient side.
    """

    low: float
    high: float
    bound: Bound
    unit: str
    """The counted thing: the head noun after the number, lowercase and singular ("troop",
    "person", "kilometer"), "percent", a currency ("dollar"), or "" when there is none."""
    text: str
    """The phrase as written, qualifier and unit included."""


class NumericRelation(StrEnum):
    """Whether two claims' quantities can hold together."""

    COMPATIBLE = "compatible"
    CONFLICTING = "conflicting"
    NOT_COMPARABLE = "not_comparable"


@dataclass(frozen=True)
class NumericVerdict:
    """The outcome of `compare_quantities`, with a one-sentence explanation for people and prompts."""

    relation: NumericRelation
    explanation: str


# ---------------------------------------------------------------------------------------------
# Tokens (the vocabulary is in `counterclaim.language.english_numbers`)


_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)|(?P<punct>\S)")
_TIME = "\0time"
"""Marker unit for digits glued to "am"/"pm" (never a real unit)."""
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    kind: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class _Number:
    low: float
    high: float
    vague: bool
    scale: float
    """Product of the scale words/suffixes applied ("1.5 million" -> 1e6); 1 when none."""
    plain_integer: bool
    first: int
    stop: int
    """Index of the first token after the number."""
    unit: str = ""
    """A unit glued to the digits ("5km")."""


# ---------------------------------------------------------------------------------------------
# Extraction


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities stated in ``text``, in order.

    Recognised: digits with thousands separators and decimals, scale words and suffixes
    ("1.5 million", "150k", "$2bn"), number words up to twenty plus tens ("twenty-five"), "a dozen",
    vague plurals ("dozens", "hundreds", "thousands", "tens of thousands" as intervals),
    qualifiers ("more than", "up to", "about", "nearly", "between 5 and 10", "5-10", "or more"),
    percentages (unit "percent") and currency symbols (unit "dollar", "euro", ...). Skipped:
    years (1900-2100 with no unit or after "in", "since", "the"...), dates, times, ordinals,
    names with digits ("S-400", "COVID-19", "G7") and references ("No. 10", "Article 5").
    Numbers written as words count only when a unit follows.
    """
    tokens = [_Token(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN.finditer(text)]
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_quantity(text, tokens, i)
        if parsed is None:
            i += 1
            continue
        quantity, stop = parsed
        if quantity is not None:
            found.append(quantity)
        i = max(stop, i + 1)
    return found


def _parse_quantity(text: str, tokens: list[_Token], i: int) -> tuple[Quantity | None, int] | None:
    """Parse a quantity starting at token ``i``; None if none starts there. A None quantity with a
    stop index means a number was consumed but deliberately ignored (a year, a date...)."""
    j = i
    qualifier, j = _match_phrase(tokens, j, vocab.QUALIFIERS, vocab.MAX_QUALIFIER_WORDS)
    between = j < len(tokens) and tokens[j].lower == "between"
    if between:
        j += 1
    currency, j = _currency(tokens, j)
    number = _number(tokens, j)
    if number is None:
        return None
    if _is_designation(tokens, number.first) or _is_time(tokens, number):
        return None, number.stop
    low, high, stop = number.low, number.high, number.stop
    is_range = False
    second = _range_end(tokens, number, between, i)
    if second is not None:
        if number.scale == 1 and second.scale != 1 and number.low < 1000:
            low = number.low * second.scale  # "5 to 10 million"
        high = second.high
        stop = second.stop
        is_range = True
        currency = currency or _currency_before(tokens, second.first)
    unit, stop, postfix = _unit_after(tokens, stop, number.unit)
    unit = currency or unit or _measure_before(tokens, i)
    if unit == "percent" and _states_change(tokens, i, stop):
        unit = vocab.PERCENT_CHANGE
    if _is_date(tokens, number) or _is_year(tokens, number, second, unit, qualifier or currency):
        return None, stop
    if _is_reference(tokens, i, number):
        return None, stop
    if not unit and tokens[number.first].kind != "num" and not number.vague:
        return None, stop
    if _is_pronoun_one(tokens, i, number):
        return None, stop
    bound, low, high = _apply_qualifier(qualifier or postfix, low, high, number.vague or is_range)
    phrase = text[tokens[i].start : tokens[stop - 1].end]
    return Quantity(low=low, high=high, bound=bound, unit=unit, text=phrase), stop


def _match_phrase(
    tokens: list[_Token], j: int, table: dict[tuple[str, ...], str], longest: int
) -> tuple[str, int]:
    for size in range(longest, 0, -1):
        words = tuple(t.lower for t in tokens[j : j + size])
        if len(words) == size and words in table:
            stop = j + size
            if stop < len(tokens) and tokens[stop].text == "." and words[-1] == "approx":
                stop += 1
            return table[words], stop
    return "", j


def _currency(tokens: list[_Token], j: int) -> tuple[str, int]:
    if j < len(tokens) and tokens[j].text in vocab.CURRENCY_SYMBOLS:
        return vocab.CURRENCY_SYMBOLS[tokens[j].text], j + 1
    if (
        j + 1 < len(tokens)
        and tokens[j].text in {"US", "A", "C", "HK", "NZ"}
        and tokens[j + 1].text == "$"
        and tokens[j].end == tokens[j + 1].start
    ):
        return "dollar", j + 2
    return "", j


def _currency_before(tokens: list[_Token], j: int) -> str:
    if j > 0 and tokens[j - 1].text in vocab.CURRENCY_SYMBOLS:
        return vocab.CURRENCY_SYMBOLS[tokens[j - 1].text]
    return ""


def _digits_value(raw: str) -> float | None:
    if _THOUSANDS.fullmatch(raw):
        return float(raw.replace(",", ""))
    if _PLAIN.fullmatch(raw):
        return float(raw)
    return None


def _number(tokens: list[_Token], j: int) -> _Number | None:
    """A number starting at token ``j`` with its scale words, or None."""
    if j >= len(tokens):
        return None
    token = tokens[j]
    if token.kind == "num":
        return _digit_number(tokens, j)
    word = token.lower
    if word in vocab.VAGUE_MULTIPLES and j + 2 < len(tokens) and tokens[j + 1].lower == "of":
        base = vocab.VAGUE_BASES.get(tokens[j + 2].lower)
        if base is not None:
            lo, hi = vocab.VAGUE_MULTIPLES[word]
            return _Number(lo * base, (hi + 1) * base - 1, True, 1.0, False, j, j + 3)
    if word in vocab.VAGUE:
        lo, hi = vocab.VAGUE[word]
        return _Number(lo, hi, True, 1.0, False, j, j + 1)
    value: float | None = None
    if word in {"a", "an"} and j + 1 < len(tokens) and tokens[j + 1].lower in vocab.SCALE_WORDS:
        value = 1.0
    elif word in vocab.NUMBER_WORDS:
        value = float(vocab.NUMBER_WORDS[word])
    elif "-" in word:
        tens, _, ones = word.partition("-")
        if tens in vocab.NUMBER_WORDS and ones in vocab.NUMBER_WORDS and vocab.NUMBER_WORDS[tens] >= 20:
            value = float(vocab.NUMBER_WORDS[tens] + vocab.NUMBER_WORDS[ones])
    if value is None:
        return None
    scale, stop = _scale_words(tokens, j + 1)
    return _Number(value * scale, value * scale, False, scale, False, j, stop)


def _digit_number(tokens: list[_Token], j: int) -> _Number | None:
    token = tokens[j]
    value = _digits_value(token.text)
    if value is None:
        return None
    stop = j + 1
    glued_unit = ""
    scale = 1.0
    if stop < len(tokens) and tokens[stop].start == token.end and tokens[stop].kind == "word":
        suffix = tokens[stop].lower
        if suffix in vocab.ORDINAL_SUFFIXES:
            return None
        if suffix in vocab.SCALE_SUFFIXES:
            scale = vocab.SCALE_SUFFIXES[suffix]
        elif suffix in vocab.MEASURES:
            glued_unit = vocab.MEASURES[suffix]
        elif suffix in vocab.TIME_WORDS:
            return _Number(value, value, False, 1.0, False, j, stop + 1, unit=_TIME)
        else:
            return None
        stop += 1
    if scale == 1:
        scale, stop = _scale_words(tokens, stop)
    plain = _PLAIN.fullmatch(token.text) is not None and "." not in token.text and scale == 1
    return _Number(value * scale, value * scale, False, scale, plain, j, stop, unit=glued_unit)


def _scale_words(tokens: list[_Token], j: int) -> tuple[float, int]:
    scale = 1.0
    while j < len(tokens) and tokens[j].lower in vocab.SCALE_WORDS:
        scale *= vocab.SCALE_WORDS[tokens[j].lower]
        j += 1
    return scale, j


def _range_end(tokens: list[_Token], number: _Number, between: bool, start: int) -> _Number | None:
    """The upper number of "between X and Y", "X-Y", "X to Y", if there is one."""
    k = number.stop
    if k >= len(tokens) or number.vague:
        return None
    joiner = tokens[k].lower
    if between:
        if joiner != "and":
            return None
    elif joiner == "to":
        if start > 0 and tokens[start - 1].lower == "from":
            return None
    elif joiner not in {"-", "–", "—"}:
        return None
    _, k2 = _currency(tokens, k + 1)
    second = _number(tokens, k2)
    if second is None or second.vague or second.unit == _TIME:
        return None
    low = number.low
    if number.scale == 1 and second.scale != 1 and low < 1000:
        low *= second.scale
    return second if second.high > low else None


def _unit_after(tokens: list[_Token], j: int, glued: str) -> tuple[str, int, str]:
    """(unit, stop, postfix qualifier) for the words after a number ending at token ``j``."""
    postfix, j = _postfix(tokens, j)
    if glued:
        return ("" if glued == _TIME else glued), j, postfix
    if j < len(tokens) and tokens[j].text == "%":
        postfix2, stop = _postfix(tokens, j + 1)
        return "percent", stop, postfix or postfix2
    if j + 1 < len(tokens) and tokens[j].lower == "per" and tokens[j + 1].lower == "cent":
        return "percent", j + 2, postfix
    if j + 1 < len(tokens) and tokens[j].lower == "percentage" and tokens[j + 1].lower in {"point", "points"}:
        return "percentage point", j + 2, postfix
    start = j
    if j < len(tokens) and tokens[j].lower == "of":
        j += 1
    candidates: list[int] = []
    modifiers: set[int] = set()
    if (
        start == j
        and j + 1 < len(tokens)
        and tokens[j].text == "-"
        and tokens[j - 1].end == tokens[j].start == tokens[j + 1].start - 1
        and tokens[j + 1].kind == "word"
    ):
        j += 1  # "150,000-strong force": the hyphenated word is a modifier
        modifiers.add(j)
    while j < len(tokens) and len(candidates) < 3:
        token = tokens[j]
        if token.kind != "word" or token.lower in vocab.NUMBER_CONTEXT_STOPWORDS:
            break
        candidates.append(j)
        j += 1
    if not candidates:
        return "", start, postfix
    chosen = _head(tokens, candidates, modifiers)
    more_postfix, stop = _postfix(tokens, chosen + 1)
    unit = _lemma(tokens[chosen].text)
    if unit in vocab.NATIONALITY_UNITS and chosen - 1 in candidates and tokens[chosen - 1].text[:1].isupper():
        unit = _lemma(tokens[chosen - 1].text)  # "six Mexican nationals": Mexicans
    return unit, stop, postfix or more_postfix


def _measure_before(tokens: list[_Token], i: int) -> str:
    """The unit a measure noun before the figure starting at token ``i`` names ("magnitude was 5.5",
        "the death toll has risen to 12": `vocab.MEASURE_NOUNS`), across at most `vocab.MAX_MEASURE_LINKS`
        linking words; "" when there is none. A toll counts deaths unless a noun before it says what else
    ("the bridge toll", "the casualty toll": `vocab.TOLLS_OF_OTHER_THINGS`)."""
    j = i - 1
    while j >= 0 and i - 1 - j < vocab.MAX_MEASURE_LINKS and tokens[j].lower in vocab.MEASURE_LINKS:
        j -= 1
    if j < 0 or tokens[j].kind != "word":
        return ""
    noun = tokens[j].lower
    if noun == "toll" and j > 0 and tokens[j - 1].lower in vocab.TOLLS_OF_OTHER_THINGS:
        return ""  # "the casualty toll", "the bridge toll", "the economic toll": no count of deaths
    return vocab.MEASURE_NOUNS.get(noun, "")


def _states_change(tokens: list[_Token], first: int, stop: int) -> bool:
    """Whether the percentage between tokens `first` and `stop` states a change ("85% more", "up 5%")."""
    after = stop < len(tokens) and tokens[stop].lower in vocab.PERCENT_CHANGE_AFTER
    word_before = tokens[first - 1].lower if first > 0 else ""
    two_before = tokens[first - 2].lower if first > 1 else ""
    if word_before in ("up", "by"):  # "up 5%", "rose by 5%"; not "made up 20% of", "backed by 60%"
        return after or two_before not in vocab.SHARE_BEFORE_UP_BY
    return after or word_before in vocab.PERCENT_CHANGE_BEFORE


def _postfix(tokens: list[_Token], j: int) -> tuple[str, int]:
    if j < len(tokens) and tokens[j].text == "+" and j > 0 and tokens[j - 1].end == tokens[j].start:
        return "at_least", j + 1
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].lower == "plus":
        return "at_least", j + 2
    return _match_phrase(tokens, j, vocab.POSTFIX_QUALIFIERS, 2)


def _head(tokens: list[_Token], candidates: list[int], modifiers: set[int]) -> int:
    """The counted noun among up to three words after a number.

    A known measure ("kilometer", "percent") wins. Otherwise the first word that is not followed
    by a verb-like word and is not modifier-like (a listed adjective, a capitalised or hyphenated
    word, a typical adjective ending) or a singular noun before a plural one ("police officers").
    The last word is the fallback: "150,000 Russian troops" -> "troops", "13,000 people died" ->
    "people".
    """
    for index in candidates:
        if _lemma(tokens[index].text) in vocab.MEASURE_UNITS:
            return index
    for position, index in enumerate(candidates[:-1]):
        word = tokens[index].text
        following = tokens[candidates[position + 1]].text
        if _verb_like(following):
            return index
        if index in modifiers or _modifier_like(word) or (_plural_like(following) and not _plural_like(word)):
            continue
        return index
    return candidates[-1]


def _modifier_like(word: str) -> bool:
    lower = word.lower()
    return (
        lower in vocab.MODIFIERS
        or word[:1].isupper()
        or "-" in word
        or lower.endswith(("ed", "ing", "ian", "ese", "ish", "ic", "al", "ary", "ive", "ous", "ful", "less"))
    )


def _verb_like(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(("ed", "ing")) and lower not in vocab.IRREGULAR


def _plural_like(word: str) -> bool:
    lower = word.lower()
    if lower in vocab.IRREGULAR:
        return vocab.IRREGULAR[lower] != lower
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _lemma(word: str) -> str:
    """Lowercase singular form of a unit word ("troops" -> "troop", "kilometres" -> "kilometer")."""
    lower = word.lower().replace("’", "'")
    if lower in vocab.MEASURES:
        return vocab.MEASURES[lower]
    if lower in vocab.IRREGULAR:
        return vocab.IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:
        lower = lower[:-3] + "y"
    elif lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        lower = lower[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 2:
        lower = lower[:-1]
    return vocab.MEASURES.get(lower, lower)


def _is_designation(tokens: list[_Token], first: int) -> bool:
    """Digits glued to letters or a hyphenated name: "S-400", "COVID-19", "G7", "3:30", "24/7"."""
    if first == 0:
        return False
    before = tokens[first - 1]
    if before.end != tokens[first].start:
        return False
    if before.kind == "word" or before.text in {":", "/", "#"}:
        return True
    if before.text in {"-", "–"} and first >= 2:
        word = tokens[first - 2]
        return word.end == before.start and word.kind == "word"
    return False


def _is_time(tokens: list[_Token], number: _Number) -> bool:
    if number.unit == _TIME:
        return True
    k = number.stop
    if k < len(tokens) and tokens[k].text in {":", "/"} and tokens[k].start == tokens[k - 1].end:
        return True
    if k < len(tokens) and tokens[k].lower in vocab.TIME_WORDS:
        return True
    return (
        k + 2 < len(tokens)
        and tokens[k].lower in {"a", "p"}
        and tokens[k + 1].text == "."
        and tokens[k + 2].lower == "m"
    )


def _is_date(tokens: list[_Token], number: _Number) -> bool:
    if not number.plain_integer or not 1 <= number.low <= 31:
        return False
    k = number.first - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    if k >= 0 and tokens[k].lower in vocab.MONTHS and tokens[k].text[:1].isupper():
        return True
    stop = number.stop
    if stop < len(tokens) and tokens[stop].lower == "of":
        stop += 1
    return stop < len(tokens) and tokens[stop].lower in vocab.MONTHS and tokens[stop].text[:1].isupper()


def _is_year(
    tokens: list[_Token], number: _Number, second: _Number | None, unit: str, qualified: str
) -> bool:
    def year_like(n: _Number) -> bool:
        return n.plain_integer and 1900 <= n.low <= 2100

    if not year_like(number) or (second is not None and not year_like(second)) or qualified:
        return False
    if not unit:
        return True
    k = number.first - 1
    if k >= 0 and tokens[k].lower == "between":
        k -= 1
    if k < 0:
        return False
    before = tokens[k]
    # "in 2022", "the 2014 annexation", "Allied Resolve 2022 exercises", "Vision 2030 plan"
    return before.lower in vocab.YEAR_CONTEXT or before.lower in vocab.MONTHS or before.text[:1].isupper()


def _is_pronoun_one(tokens: list[_Token], i: int, number: _Number) -> bool:
    """Whether this "one" is not a count ("the one hand", "no one", "each one")."""
    if tokens[number.first].lower != "one" or i != number.first or number.scale != 1:
        return False
    return i > 0 and tokens[i - 1].lower in vocab.ONE_DETERMINERS


def _is_reference(tokens: list[_Token], i: int, number: _Number) -> bool:
    if i != number.first:
        return False
    k = i - 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    return k >= 0 and (tokens[k].lower in vocab.REFERENCE_WORDS or tokens[k].text == "#")


def _apply_qualifier(qualifier: str, low: float, high: float, interval: bool) -> tuple[Bound, float, float]:
    if qualifier == "at_least":
        return Bound.AT_LEAST, low, math.inf
    if qualifier == "at_most":
        return Bound.AT_MOST, 0.0, high
    if interval:
        return Bound.RANGE, low, high
    if qualifier == "about":
        return Bound.ABOUT, low * 9 / 10, high * 11 / 10
    if qualifier == "nearly":
        return Bound.ABOUT, low * 9 / 10, high
    if qualifier == "just_over":
        return Bound.ABOUT, low, high * 11 / 10
    return Bound.EXACT, low, high


# ---------------------------------------------------------------------------------------------
# Comparison


def compare_quantities(a: str, b: str) -> NumericVerdict:
    """Whether the quantities in claim texts ``a`` and ``b`` can both be true.

    Only quantities of the same unit are compared ("troop" with "troop"; "soldier" counts as
    "troop"). For a shared unit the claims conflict when no quantity of ``a`` overlaps any
    quantity of ``b`` (so repeating a figure, or citing two figures, never creates a conflict);
    they are compatible when some pair overlaps. Any conflicting unit makes the verdict
    CONFLICTING; no shared unit (or no quantity at all) makes it NOT_COMPARABLE.
    """
    quantities_a = _counted_quantities(a)
    quantities_b = _counted_quantities(b)
    if not quantities_a or not quantities_b:
        missing = a if not quantities_a else b
        return NumericVerdict(
            NumericRelation.NOT_COMPARABLE, f"{_quote(missing)} states no countable quantity"
        )
    units_b = {_canonical(q.unit) for q in quantities_b}
    shared = [u for u in dict.fromkeys(_canonical(q.unit) for q in quantities_a) if u in units_b]
    if not shared:
        return NumericVerdict(
            NumericRelation.NOT_COMPARABLE,
            f"no shared unit: {_units(quantities_a)} versus {_units(quantities_b)}",
        )
    compatible: list[str] = []
    for unit in shared:
        side_a = [q for q in quantities_a if _canonical(q.unit) == unit]
        side_b = [q for q in quantities_b if _canonical(q.unit) == unit]
        pair = next(((x, y) for x in side_a for y in side_b if _overlap(x, y)), None)
        if pair is None:
            x, y = side_a[0], side_b[0]
            return NumericVerdict(
                NumericRelation.CONFLICTING,
                f"{_quote(x.text)} and {_quote(y.text)} conflict: {_describe(x)} versus {_describe(y)} "
                f"({unit}) do not overlap",
            )
        compatible.append(_compatible_reason(*pair))
    return NumericVerdict(NumericRelation.COMPATIBLE, "; ".join(compatible))


def compared_units(text: str) -> frozenset[str]:
    """The units `compare_quantities` would compare for this text: two texts are comparable only when
    these share one."""
    return frozenset(_canonical(q.unit) for q in _counted_quantities(text))


@lru_cache(maxsize=4096)
def _counted_quantities(text: str) -> tuple[Quantity, ...]:
    """The quantities of ``text`` that have a unit, parsed once per text: candidate generation
    compares every claim with every other, so each claim's text comes back many times."""
    return tuple(q for q in extract_quantities(text) if q.unit)


def _canonical(unit: str) -> str:
    return vocab.SYNONYMS.get(unit, unit)


def _overlap(x: Quantity, y: Quantity) -> bool:
    return max(x.low, y.low) <= min(x.high, y.high)


def _compatible_reason(x: Quantity, y: Quantity) -> str:
    if x.bound is Bound.AT_LEAST and y.bound is Bound.AT_LEAST:
        why = "both are lower bounds that can hold at once"
    elif x.bound is Bound.AT_MOST and y.bound is Bound.AT_MOST:
        why = "both are upper bounds that can hold at once"
    elif x.low == y.low and x.high == y.high:
        why = "they state the same figure"
    else:
        why = f"{_describe(x)} and {_describe(y)} overlap"
    return f"{_quote(x.text)} and {_quote(y.text)} are compatible: {why}"


def _quote(text: str) -> str:
    short = " ".join(text.split())
    return f"'{short[:77]}...'" if len(short) > 80 else f"'{short}'"


def _units(quantities: Sequence[Quantity]) -> str:
    return ", ".join(dict.fromkeys(q.unit for q in quantities))


def _format(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _describe(q: Quantity) -> str:
    if q.bound is Bound.EXACT:
        return f"exactly {_format(q.low)}"
    if q.bound is Bound.AT_LEAST:
        return f"at least {_format(q.low)}"
    if q.bound is Bound.AT_MOST:
        return f"at most {_format(q.high)}"
    if q.bound is Bound.ABOUT:
        return f"about {_format(q.low)} to {_format(q.high)}"
    return f"between {_format(q.low)} and {_format(q.high)}"
