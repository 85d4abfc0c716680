# ruff: noqa: RUF001  (typographic apostrophes are part of the input these words are matched against)
"""English number vocabulary: the words `text.numbers` reads quantities with.

Number words and scales, vague plurals ("dozens"), currency symbols, qualifier phrases ("more than",
"nearly"), units of measure and their spellings, irregular plurals, and the words around a number that
make it a year, a date, a time or a reference ("Article 5") rather than a count.
"""

from __future__ import annotations


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        (
            *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
            *("eighteen", "nineteen", "twenty"),
        ),
        start=1,
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "dozen": 12,
}
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "tn": 1e12,
}
# Vague plurals: "dozens" etc. as inclusive integer intervals; "tens of"/"hundreds of" scale them.
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 199),
    "scores": (40, 199),
    "hundreds": (200, 1_999),
    "thousands": (2_000, 19_999),
    "millions": (2e6, 2e7 - 1),
    "billions": (2e9, 2e10 - 1),
}
VAGUE_MULTIPLES: dict[str, tuple[float, float]] = {"tens": (20, 99), "hundreds": (200, 999)}
VAGUE_BASES: dict[str, float] = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar",
    "€": "euro",
    "£": "pound",
    "¥": "yen",
    "₽": "ruble",
    "₴": "hryvnia",
    "₹": "rupee",
}

# Qualifier phrases before a number, longest first when matching.
QUALIFIERS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(
        [
            ("more", "than"),
            ("over",),
            ("at", "least"),
            ("upwards", "of"),
            ("upward", "of"),
            ("in", "excess", "of"),
            ("no", "fewer", "than"),
            ("no", "less", "than"),
            ("not", "less", "than"),
            ("above",),
            ("exceeding",),
            ("well", "over"),
            ("well", "above"),
            ("a", "minimum", "of"),
        ],
        "at_least",
    ),
    **dict.fromkeys(
        [
            ("fewer", "than"),
            ("less", "than"),
            ("under",),
            ("below",),
            ("up", "to"),
            ("at", "most"),
            ("no", "more", "than"),
            ("not", "more", "than"),
            ("as", "many", "as"),
            ("as", "much", "as"),
            ("a", "maximum", "of"),
            ("well", "under"),
            ("well", "below"),
        ],
        "at_most",
    ),
    **dict.fromkeys(
        [
            ("about",),
            ("around",),
            ("roughly",),
            ("some",),
            ("approximately",),
            ("approx",),
            ("an", "estimated"),
            ("estimated",),
            ("circa",),
            ("more", "or", "less"),
            ("in", "the", "region", "of"),
        ],
        "about",
    ),
    **dict.fromkeys(
        [("nearly",), ("almost",), ("close", "to"), ("just", "under"), ("just", "below"), ("short", "of")],
        "nearly",
    ),
    **dict.fromkeys([("just", "over"), ("just", "above"), ("slightly", "more", "than")], "just_over"),
}
MAX_QUALIFIER_WORDS = max(len(k) for k in QUALIFIERS)
POSTFIX_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least",
    ("plus",): "at_least",
    ("or", "so"): "about",
    ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
}

MONTH_NAMES = _words("january february march april may june july august september october november december")
MONTHS = MONTH_NAMES | _words("jan feb mar apr jun jul aug sep sept oct nov dec")
YEAR_CONTEXT = _words(
    "in since by until till before after during from of the to through between early late mid "
    "year spring summer autumn fall winter"
)
REFERENCE_WORDS = _words(
    "no number article section chapter resolution page paragraph clause flight route room level "
    "phase step grade category vol volume model type version channel highway road gate"
)
ONE_DETERMINERS = _words("the no any every each this that which someone anyone everyone")
TIME_WORDS = _words("am pm gmt utc o'clock o’clock")
ORDINAL_SUFFIXES = _words("st nd rd th")
NUMBER_CONTEXT_STOPWORDS = _words(
    """
    a an the this that these those it its their his her our my your them they we he she i you
    of in on at to for with by from into onto across along near around over under between among
    since during after before than as per via about against through within without including
    and or but nor so yet if because while when where which who whom whose what
    is are was were be been being am have has had having will would could should may might must
    can shall do does did said say says saying told tell according
    more most less fewer each every all some any no not only just also still even
    """
)
MODIFIERS = _words(
    """
    additional extra new more other further fresh total overall armed active regular reserve
    young old elderly dead wounded injured killed missing foreign local regional national
    military civilian combat ground special heavy light square cubic metric nautical
    """
)
MEASURES: dict[str, str] = {
    "km": "kilometer",
    "kms": "kilometer",
    "kilometre": "kilometer",
    "kilometres": "kilometer",
    "kilometers": "kilometer",
    "mi": "mile",
    "metre": "meter",
    "metres": "meter",
    "meters": "meter",
    "cm": "centimeter",
    "mm": "millimeter",
    "kg": "kilogram",
    "kgs": "kilogram",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "kilogramme": "kilogram",
    "kilogrammes": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "tonne": "ton",
    "tonnes": "ton",
    "t": "ton",
    "ha": "hectare",
    "sq": "square",
    "percent": "percent",
    "pct": "percent",
    "usd": "dollar",
    "eur": "euro",
    "gbp": "pound",
    "roubles": "ruble",
    "rouble": "ruble",
    "hrs": "hour",
    "hr": "hour",
    "mins": "minute",
    "min": "minute",
    "yrs": "year",
    "mph": "mph",
    "kph": "kph",
}
MEASURE_UNITS = frozenset(MEASURES.values()) | _words(
    "mile kilometer meter ton dollar euro pound yen ruble hryvnia rupee yuan franc barrel gallon "
    "liter litre acre hectare hour minute second day week month year percent degree"
)
PERCENT_CHANGE_AFTER = _words(
    "more less fewer greater higher lower larger smaller increase increases decrease decreases rise "
    "rises drop drops fall falls jump jumps growth decline gain gains loss"
)
"""Words after a percentage that make it a change ("85% more wildfires"), not a share ("20 percent of")."""
PERCENT_CHANGE_BEFORE = _words("up down by rose fell grew jumped dropped increased decreased climbed")
"""Words before a percentage that make it a change ("up 5%", "rose 12 percent")."""
SHARE_BEFORE_UP_BY = _words(
    "make makes made making backed supported favoured favored approved opposed rejected held owned "
    "chosen voted"
)
"""Words before "up" or "by" a percentage that make it a share ("made up 20% of", "backed by 60%")."""
PERCENT_CHANGE = "percent change"
"""The unit of a percentage that states a change: never compared with a share."""

IRREGULAR: dict[str, str] = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "police": "police",
    "news": "news",
    "series": "series",
    "species": "species",
    "aircraft": "aircraft",
    "personnel": "personnel",
    "staff": "staff",
    "dead": "dead",
}
SYNONYMS: dict[str, str] = {"soldier": "troop", "serviceman": "troop", "servicemen": "troop"}

MEASURE_NOUNS: dict[str, str] = {"magnitude": "magnitude", "toll": "death"}
"""Nouns naming what a figure after them measures, when no unit follows the figure: "the earthquake's
magnitude was 5.5" (a magnitude), "the death toll rose to 12" (deaths, as "12 deaths")."""
MEASURE_LINKS = frozenset(
    "is was were stood stands stand at of to rose risen has had have climbed reached hit now as".split()
)
"""Words that may stand between a measure noun and its figure ("toll has risen to", "magnitude of")."""
MAX_MEASURE_LINKS = 3
TOLLS_OF_OTHER_THINGS = frozenset(
    """casualty casualties injury injuries bridge road highway tunnel ferry motorway turnpike economic
    financial emotional psychological environmental mental physical tax phone injured wounded infection
    infections case cases arrest arrests hostage hostages missing displacement congestion truck""".split()
)
"""Nouns and adjectives before "toll" that make it no count of deaths ("the bridge toll", "the
casualty toll", which counts the injured too; "the official toll", "the storm's toll" are deaths)."""

NATIONALITY_UNITS = frozenset({"national", "citizen"})
"""Units that count people of a nationality named just before them: "six Mexican nationals" counts
Mexicans, as "eight Mexicans" does (`numbers` takes the nationality as the unit)."""
