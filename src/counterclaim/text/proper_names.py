"""The proper names of several words in a text ("President Robert Mugabe", "Bank of England", "Bashar
al-Assad"), as sets of content-word stems: claim pairing (`pipeline.rules.pairing`) counts a shared
name as one subject, however many words it has."""

from __future__ import annotations

from counterclaim.text.keywords import keywords

_NAME_PARTICLES = frozenset("of de der den da del della di du la le van von al el bin ibn y".split())
"""Lower-case words inside a proper name ("Bank of England", "Ursula von der Leyen"); unlike
`english.NAME_CONNECTORS`, no "and", "for" or "the", which would join two names into one."""
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
_HEADLINE_RUN = 5
"""A run of capitalized words this long or longer is a headline's words, not a name."""


def _name_word(word: str) -> bool:
    """A word of a proper name: capitalized, or its last part after a hyphen ("al-Assad")."""
    return word.split("-")[-1][:1].isupper()


def name_runs(text: str) -> list[frozenset[str]]:
    """The content words (stems) of each proper name of two or more capitalized words in `text`
    ("President Robert Mugabe", "Bank of England", "Bashar al-Assad", "Álvaro Uribe"): a run of
    capitalized words, with connecting words of names inside it, that punctuation ends. A leading
    "The" is no part of it; a run holding a capitalized function word ("US Denies Reports That ...")
    or of `_HEADLINE_RUN` words or more is a headline's, and none."""
    runs: list[frozenset[str]] = []
    current: list[str] = []

    def close() -> None:
        while current and current[-1].casefold() in _NAME_PARTICLES:
            current.pop()
        named = [word for word in current if _name_word(word)]
        if len(named) >= 2 and len(current) < _HEADLINE_RUN and all(keywords(word) for word in named):
            runs.append(frozenset(keywords(" ".join(current))))
        current.clear()

    for token in text.split():
        word = token.strip("\"'\u201c\u201d\u2018\u2019()[]")
        bare = word.rstrip(".,;:!?")
        opens = _name_word(bare) and bare.casefold() not in _LEADING_ARTICLES
        inside = current and (_name_word(bare) or bare.casefold() in _NAME_PARTICLES)
        if opens or inside:
            current.append(bare)
        else:
            close()
        if bare != token:  # punctuation or a quotation mark by the word ends a name
            close()
    close()
    return runs
