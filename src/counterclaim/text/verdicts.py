"""Whether a text judges something wrong or untrue: a verdict word ("false", "a hoax", "baseless",
"a witch hunt": `english.VERDICT_WORDS`), not taken back by a negation in its clause ("is not a
non-starter") and not in a neutral use ("a data breach", "garbage collection"). Read by claim pairing
(`pipeline.rules.pairing`) as one sign that a claim disagrees with something said."""

from __future__ import annotations

from counterclaim.language import english
from counterclaim.language.tokens import words_and_clause_ends

_NEUTRAL_BEFORE_VERDICT = {"breach": frozenset({"data", "security", "dam", "wall", "levee", "sea"})}
"""Words before a verdict word that make it neutral ("a data breach", "a dam breach")."""
_NEUTRAL_AFTER_VERDICT = {
    "garbage": frozenset({"collection", "collectors", "truck", "trucks", "strike", "bins", "dump"}),
    "smear": frozenset({"test", "tests", "of"}),
    "slander": frozenset({"law", "laws"}),
    "hoax": frozenset({"call", "calls", "bomb", "threat", "threats"}),
    "fabricated": frozenset({"steel", "metal", "parts"}),
    "nonsense": frozenset({"verse", "poem", "poems"}),
}
"""Words after a verdict word that make it neutral ("garbage collection", "a smear test")."""
_VERDICT_FORMS = {
    "hoaxes": "hoax",
    "smears": "smear",
    "slanders": "slander",
    "breaches": "breach",
    "nonstarter": "non-starter",
    "witch-hunts": "witch-hunt",
}
"""Plurals and spellings of verdict words."""
_TAKING_BACK = frozenset({"not", "no", "never", "nor", "cannot"})
"""Words that take back a verdict after them in the same clause ("is not a non-starter"); "false" or
"denied" before a verdict do not ("the false and misleading report", "denied the baseless charges")."""
_VERDICT_NEGATION_WORDS = 3
"""A negation this many words or fewer before a verdict word, in its clause, takes it back."""


def judges_wrong(text: str) -> bool:
    """Whether the text judges something wrong or untrue (`english.VERDICT_WORDS`, quotation marks,
    "'s" and plurals aside, "witch hunt" and "non starter" in two words too), not after a negation in
    its clause, nor in a neutral use ("a data breach", "garbage collection")."""
    tokens = [
        token.replace("\u2019", "'").strip("'").removesuffix("'s") for token in words_and_clause_ends(text)
    ]
    for index, token in enumerate(tokens):
        word = _VERDICT_FORMS.get(token, token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if word == "witch" and following in ("hunt", "hunts"):
            word = "witch-hunt"
        elif word == "non" and following in ("starter", "starters"):
            word = "non-starter"
        if word not in english.VERDICT_WORDS:
            continue
        previous = tokens[index - 1] if index > 0 else ""
        if previous in _NEUTRAL_BEFORE_VERDICT.get(word, ()) or following in _NEUTRAL_AFTER_VERDICT.get(
            word, ()
        ):
            continue
        if word == "breach" and tokens[index + 1 : index + 4] == ["of", "the", "peace"]:
            continue  # an offence's name, not a side's verdict
        clause: list[str] = []
        for earlier in reversed(tokens[max(0, index - _VERDICT_NEGATION_WORDS) : index]):
            if not earlier[:1].isalnum():
                break  # a comma or a full stop ends the clause: "No, it's a hoax"
            clause.append(earlier)
        if _TAKING_BACK.isdisjoint(clause) and not any(earlier.endswith("n't") for earlier in clause):
            return True
    return False
