"""How text is cut into words.

`words` is the tokenizer for comparing content (keywords, negation): lower-cased word tokens that keep
inner apostrophes and hyphens ("don't", "build-up"); `written_words` are the same tokens with their
case kept, for showing them. `word_runs` cuts at every non-word character and keeps case, for checks
that look at single name words and acronyms ("Russia's" gives "Russia", "s"); `plain_words` are those
runs lower-cased, for comparing runs of words case and punctuation aside (copies). `opening_word` is
a text's first word as written, `pronoun_form` a word as it compares with pronouns, and
`opening_pronoun` the first word so compared.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_WORD_RUN = re.compile(r"\w+")
_WORD_OR_CLAUSE_END = re.compile(_WORD.pattern + r"|[,;:.!?()\u2014\u2013]")
_OPENING_WORD = re.compile(r"^\W*(\w+)")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits of any script, inner apostrophes and hyphens kept)."""
    return _WORD.findall(text.casefold())


def written_words(text: str) -> list[str]:
    """`words` with their case kept, as the text writes them."""
    return _WORD.findall(text)


def plain_words(text: str) -> list[str]:
    """`word_runs`, lower-cased: the words of a text, case and punctuation aside."""
    return _WORD_RUN.findall(text.casefold())


def word_runs(text: str) -> list[str]:
    """Runs of word characters, case kept ("U.S." gives "U", "S")."""
    return _WORD_RUN.findall(text)


def words_and_clause_ends(text: str) -> list[str]:
    """`words`, with the punctuation that ends a clause (, ; : . ! ? ( ) and dashes) kept in place."""
    return _WORD_OR_CLAUSE_END.findall(text.casefold())


def opening_word(text: str) -> str:
    """The text's first word as written, past any opening punctuation ("" when it has none)."""
    first = _OPENING_WORD.match(text)
    return first.group(1) if first else ""


def pronoun_form(word: str) -> str:
    """A word case-folded, to compare with pronouns; "" for an acronym ("US" is a country, not "us")."""
    return "" if len(word) > 1 and word.isupper() else word.casefold()


def opening_pronoun(text: str) -> str:
    """The text's first word as `pronoun_form` reads it."""
    return pronoun_form(opening_word(text))
