"""Rebuttals that point back at something said before: "denied the allegations", "questioned the
findings".

A rebuttal in news often names no content of its own: "Both Britain and the opposition quickly denied
the allegations", "a spokesman dismissed the story", "Nega disputes that", "the claims are a lie",
"Hutchinson questioned the findings". It shares no content word with the claim it answers, so ranking
pairs by shared words never pairs the two. Code can still see that such a sentence answers something
reported earlier:

- a denial (`denies_something_said`): a denial word followed closely by a word that refers back (the
  allegations, the story, that), or such a reference called a lie;
- an objection (`objects_to_something_said`): a verb of disagreement followed by such a reference,
  at most "with" or "to" between them ("questioned the findings", "disagreed with these findings");
  not when negated ("never questioned the findings"), passive ("was opposed by the report's authors":
  no pointer follows the verb), or about a charge to pay or an account to log into, which these verbs
  also take ("opposed the charges for parking", "attacked the account").

General English news phrasing, not tuned to any article.
"""

from __future__ import annotations

import re

from counterclaim.language import english
from counterclaim.language.tokens import words

_DENIAL_VERB = english.DENIAL_VERB_PATTERN
_REFERRED = english.REFERRED_SAYING_PATTERN
_POINTER = english.POINTER_PATTERN
_DISAGREEMENT_VERB = "(?:" + "|".join(sorted(english.DISAGREEMENT_VERBS)) + ")"
_DENIALS = (
    # "denied the allegations", "dismissed the report as ...", "rejected those claims outright"
    re.compile(
        rf"\b{_DENIAL_VERB}\s+(?:\w+\s+){{0,2}}?{_POINTER}\s+(?:[\w'\u2019-]+\s+)?{_REFERRED}\b",
        re.IGNORECASE,
    ),
    # "disputes that," / "denied it." (the pronoun alone, closing a clause)
    re.compile(rf"\b{_DENIAL_VERB}\s+(?:that|this|it)\s*[,.;:\u2014-]", re.IGNORECASE),
    # "the claims are a lie", "the report was false"
    re.compile(
        rf"\b{_POINTER}\s+(?:[\w'\u2019-]+\s+)?{_REFERRED}\s+(?:are|is|was|were)\s+(?:a\s+|an\s+|all\s+)?"
        rf"{english.DISMISSAL_PATTERN}\b",
        re.IGNORECASE,
    ),
)
_OBJECTION = re.compile(
    rf"\b{_DISAGREEMENT_VERB}\s+(?:with\s+|to\s+)?{_POINTER}\s+(?:(?!{_POINTER}\b)[\w'\u2019-]+\s+)?"
    rf"(?!(?:charges?|account)\b){_REFERRED}\b",
    re.IGNORECASE,
)
"""A verb of disagreement, then a reference back ("the findings", "the government's figures"); not a
clause ("questioned that the findings were ...")."""
_NEGATION_BEFORE = 3
"""How many words before an objection's verb a negation ("never", "no one", "didn't") cancels it."""


def denies_something_said(text: str) -> bool:
    """Whether the text denies or dismisses something it only refers back to ("the allegations")."""
    flat = " ".join(text.split())
    return any(pattern.search(flat) for pattern in _DENIALS)


def objects_to_something_said(text: str) -> bool:
    """Whether the text takes issue with something it only refers back to ("questioned the findings"),
    not negated ("no one challenged the figures")."""
    flat = " ".join(text.split())
    for match in _OBJECTION.finditer(flat):
        before = words(flat[: match.start()])[-_NEGATION_BEFORE:]
        negated = any(word in english.NEGATIONS or word.endswith(("n't", "n\u2019t")) for word in before)
        if not negated:
            return True
    return False
