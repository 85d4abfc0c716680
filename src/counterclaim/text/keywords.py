"""Content words of a text, for comparing what two pieces of text are about (in code, not the model)."""

from __future__ import annotations

import re

from counterclaim.text.function_words import FOREIGN_FUNCTION_WORDS, LANGUAGE_MARKERS, STOPWORDS

NEGATIONS = frozenset(
    "not no never none nothing deny denies denied denying false wrong untrue without".split()
)

# Words that news reports use for the same idea map to one concept, so "troops" meets "soldiers"
# and "withdrawing" meets "returning to base". A small general-news lexicon, not tuned to any article.
_CONCEPT_WORDS = {
    "force": "troop troops soldier soldiers force forces unit units army armies military battalion "
    "battalions",
    "death": "killed kill killing dead death deaths died die dying fatalities casualties toll",
    "withdraw": "withdraw withdrawing withdrawal withdrawn withdrew return returning returned retreat "
    "retreating pullback pulled leave leaving left",
    "increase": "increase increasing increased buildup build-up building mass massing amass amassing "
    "reinforce reinforcing reinforcement deploy deploying deployed deployment adding escalation escalate "
    "escalating",
    "decrease": "decrease decreasing decreased fall fell drop dropped decline declined reduce reduced "
    "reduction cut cutting",
    "deny": "deny denies denied denial denying reject rejects rejected dismiss dismissed refute refuted "
    "false lie lies lying wrong untrue baseless fabricated fabrication fake",
    "confirm": "confirm confirmed confirms admit admits admitted acknowledge acknowledged true verified "
    "genuine accurate",
    "attack": "attack attacked attacks invade invaded invasion invading strike strikes struck shelling "
    "bombed bombing fired firing",
    "peace": "peace peaceful negotiate negotiating negotiation negotiations diplomacy diplomatic talks "
    "dialogue ceasefire truce",
    "support": "support supports supported supporting endorse endorsed welcome welcomed praise praised",
    "oppose": "oppose opposed opposes opposing condemn condemned condemns criticise criticised criticize "
    "criticized",
    "safe": "safe safety secure stable calm",
    "threat": "threat threaten threatened threatening danger dangerous risk imminent",
}
CONCEPTS = {word: concept for concept, text in _CONCEPT_WORDS.items() for word in text.split()}
OPPOSED_CONCEPTS = frozenset(
    frozenset(pair)
    for pair in [
        ("withdraw", "increase"),
        ("withdraw", "attack"),
        ("increase", "decrease"),
        ("deny", "confirm"),
        ("attack", "peace"),
        ("support", "oppose"),
        ("safe", "threat"),
        ("safe", "attack"),
    ]
)

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits of any script)."""
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    """A crude English stem: enough to equate 'troops'/'troop' and 'withdrawing'/'withdraw'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# Function words are no keywords in any language the tool meets: in a translated article "yang" or
# "dan" would otherwise make any two sentences look alike.
NOT_KEYWORDS = STOPWORDS | FOREIGN_FUNCTION_WORDS | frozenset().union(*LANGUAGE_MARKERS.values())


def keywords(text: str) -> set[str]:
    """Content words as concepts or stems (function words of English and of the languages in
    `LANGUAGE_MARKERS`, and words under three letters, left out)."""
    return {CONCEPTS.get(w) or stem(w) for w in words(text) if w not in NOT_KEYWORDS and len(w) > 2}


def opposed(a: set[str], b: set[str]) -> bool:
    """Whether one keyword set holds a concept the other opposes (withdraw / increase, deny / confirm).

    Only concepts that one side has and the other lacks count: a sentence that already holds both
    ideas ("X says troops are massing, a day after Y said they were leaving") opposes nothing by itself.
    """
    concepts = set(CONCEPTS.values())
    only_a, only_b = (a - b) & concepts, (b - a) & concepts
    return any(frozenset((x, y)) in OPPOSED_CONCEPTS for x in only_a for y in only_b)


def is_negated(text: str) -> bool:
    """Whether the text contains a negation word ("not", "never", "denied", ...) or "n't"."""
    tokens = set(words(text))
    return bool(tokens & NEGATIONS) or any(t.endswith("n't") or t.endswith("n\u2019t") for t in tokens)
