"""Whether two names stand for one side by who they are, for claim pairing (`pipeline.rules.pairing`).

- `one_entity`: two actor entries one of which is the other's officer ("NATO" and "NATO chief Jens
  Stoltenberg") or named beside it ("The Diplomat" and "The Diplomat, David Axe"): their claims are
  one side's and never paired as a conflict.
- `speaker_is_own`: a speaker reported inside a claim's evidence is the claim's own actor under
  another of its names ("Kremlin spokesman Dmitry Peskov" in a claim of "Russia"), so the report is
  the actor's own words and not a side report it answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from counterclaim.language import english
from counterclaim.pipeline.rules.actor_names import name_key, occurs_in, state_of


def speaker_is_own(speaker: str, own_names: Sequence[str]) -> bool:
    """Whether a reported speaker is the claim's own actor under one of its names: one name holds the
    other ("NATO chief Jens Stoltenberg" for "NATO"), or the speaker names the actor's state by
    its capital, seat of power or adjective ("Moscow", "Kremlin spokesman Dmitry Peskov", "the
    Russian defence ministry" for "Russia": `state_of`, `_state_adjective`)."""
    key = name_key(speaker)
    if any(occurs_in(name, key) or occurs_in(speaker, name_key(name)) for name in own_names):
        return True
    states = {state for name in own_names if (state := state_of(name)) is not None}
    if not states:
        return False
    speaker_words = key.split()
    return any(
        state_of(word) in states or any(_state_adjective(word, state) for state in states)
        for word in (key, *speaker_words)
    )


def _state_adjective(word: str, state: str) -> bool:
    """Whether a word is the adjective of a one-word state's name ("russian", "ukrainian", "chinese"
    for "russia", "ukraine", "china"): it starts with the name less its last letter and is at most
    four letters longer. Rough ("french" for "france" is missed), and only ever used to keep a side
    report the claim's own."""
    return " " not in state and len(state) > 3 and word.startswith(state[:-1]) and len(word) <= len(state) + 4


def one_entity(names_a: Sequence[str], names_b: Sequence[str]) -> bool:
    """Two actor entries one of which is the other's officer: a name that is the other name followed
    by a title or role ("NATO" and "NATO chief Jens Stoltenberg", "Police" and "Police Chief Ana
    Lima"), or by a comma and whom it names ("The Diplomat" and "The Diplomat, David Axe"); not a
    possessive or a group named after it ("Zimbabwe's opposition", "Kremlin critics"), nor "US" and
    "Russia"."""
    keys_a, keys_b = {name_key(n) for n in names_a}, {name_key(n) for n in names_b}
    if any(x and y and (_officer_of(x, y) or _officer_of(y, x)) for x in keys_a for y in keys_b):
        return True
    return any(_named_beside(x, y) or _named_beside(y, x) for x in names_a for y in names_b)


def _named_beside(short: str, long: str) -> bool:
    """Whether `long` is the name `short` followed by a comma and more ("The Diplomat, David Axe")."""
    head, comma, rest = long.partition(",")
    return bool(comma and rest.strip() and name_key(short) and name_key(head) == name_key(short))


_ROLE_WORDS = (
    frozenset(title[0] for title in english.NAME_TITLES) | english.BARE_TITLES | english.MEMBER_ROLES
)
"""First words of what follows an organisation's name when the name is its officer's title."""


_ORGANISATION_NAME_WORDS = 3
"""A name of at least this many words ("center for biological diversity") is an organisation's, whose
scientists and researchers (`english.STAFF_ROLES`) work for it."""


def _officer_of(short: str, long: str) -> bool:
    """Whether the name key `long` is `short` followed by a title or role."""
    if short == long:
        return True
    if not long.startswith(short + " "):
        return False
    role = long[len(short) + 1 :].split()[0]
    staff = role in english.STAFF_ROLES and len(short.split()) >= _ORGANISATION_NAME_WORDS
    return role in _ROLE_WORDS or staff
