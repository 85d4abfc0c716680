"""Content words of a text, for comparing what two pieces of text are about (in code, not the model)."""

from __future__ import annotations

from counterclaim.language import english, other_languages
from counterclaim.language.stemming import stem
from counterclaim.language.tokens import words, words_and_clause_ends

__all__ = [
    "CONCEPTS",
    "NOT_KEYWORDS",
    "is_negated",
    "keywords",
    "negation_count",
    "negation_scope",
    "opposed",
    "words",
]

CONCEPTS = {word: concept for concept, text in english.CONCEPT_WORDS.items() for word in text.split()}
"""Each word of `english.CONCEPT_WORDS` mapped to its concept."""
_ALL_CONCEPTS = frozenset(CONCEPTS.values())
_OPPOSED = frozenset(frozenset(pair) for pair in english.OPPOSED_CONCEPT_PAIRS)

NOT_KEYWORDS = (
    english.FUNCTION_WORDS
    | other_languages.FUNCTION_WORDS
    | frozenset().union(*other_languages.LANGUAGE_MARKERS.values())
)
"""Function words are no keywords in any language the tool meets."""


def keywords(text: str) -> set[str]:
    """Content words as concepts or stems (function words of English and of the other languages the
    tool knows, and words under three letters, left out)."""
    return {CONCEPTS.get(w) or stem(w) for w in words(text) if w not in NOT_KEYWORDS and len(w) > 2}


def opposed(a: set[str], b: set[str]) -> bool:
    """Whether one keyword set holds a concept the other opposes (withdraw / increase, deny / confirm).

    Only concepts that one side has and the other lacks count: a sentence that already holds both
    ideas ("X says troops are massing, a day after Y said they were leaving") opposes nothing by itself.
    """
    only_a, only_b = (a - b) & _ALL_CONCEPTS, (b - a) & _ALL_CONCEPTS
    return any(frozenset((x, y)) in _OPPOSED for x in only_a for y in only_b)


def _negates(token: str) -> bool:
    return token in english.NEGATIONS or token.endswith("n't") or token.endswith("n\u2019t")


def negation_count(text: str) -> int:
    """How many negation words ("not", "never", "denied", ...) and "n't" forms the text holds."""
    return sum(1 for token in words(text) if _negates(token))


def is_negated(text: str) -> bool:
    """Whether the text contains a negation word ("not", "never", "denied", ...) or "n't"."""
    return any(_negates(token) for token in words(text))


def negation_scope(text: str) -> set[str]:
    """Content words (as `keywords` gives them) that a negation in the text reaches: the words after
    each negation, up to `english.NEGATION_SCOPE_WORDS` of them or the end of its clause, whichever
    comes first. A clause turn ends it ("not only a landmark but a mosque" reaches "landmark"), and
    is skipped right after the negation ("does not, however, list any 707s" reaches "list", "707s")."""
    tokens = words_and_clause_ends(text)
    reached: list[str] = []
    for position, token in enumerate(tokens):
        if not _negates(token):
            continue
        taken: list[str] = []
        for following in tokens[position + 1 :]:
            if not following[0].isalnum():
                if taken:
                    break
                continue
            if following in english.CLAUSE_TURNS:
                if taken:
                    break
                continue
            taken.append(following)
            if len(taken) >= english.NEGATION_SCOPE_WORDS:
                break
        reached.extend(taken)
    return keywords(" ".join(reached))
