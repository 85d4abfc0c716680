"""One sentence claimed by several actors: the actors it names keep it.

The claim step sometimes gives one sentence to two actors: the one the sentence names and another one,
usually the speaker of a sentence nearby ("The finance minister said the budget balances. Opposition
lawmakers called it a fraud." can come back with the second sentence claimed by the minister too).
When a sentence names some of the actors that claim it, code keeps their claims and leaves out the
claims of actors it does not name. Two exceptions: a deed is kept (its actor was checked to be named
in it), and so is a claim on a sentence that speaks of someone by a pronoun ("he said", "it
accused", "its spokesman"), since the actor it does not name may be who the pronoun stands for; "it"
and "its" never stand for a person (`Schiff called it "a non-starter".` is no claim of Durbin), and a
subject pronoun opening the words of a named speaker ("Authorities said they found ...") is that
speaker. The pronouns are English ones, so the pipeline applies the rule to English
articles only.

A rule about sentences and names, not about any article; its measured effect (small, on the seeds and
on PolNeAR) is in docs/evaluation.md under v11.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set

from counterclaim.language import english
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.rules.quotations import PlacedClaim
from counterclaim.pipeline.trace import Rule

# Subject and possessive pronouns: "It accused Kyiv ...", "its spokesman said ..." may stand for the
# actor the sentence does not name.
_THIRD_PERSON = re.compile(r"\b(?:" + "|".join(sorted(english.THIRD_PERSON_PRONOUNS)) + r")\b", re.IGNORECASE)
_NEVER_A_PERSON = frozenset({"it", "its"})
_SPEAKERS_OWN_PRONOUN = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(english.FRAME_VERBS | {"told"})) + r")\b"
    r"(?:\s+(?!(?:he|she|they|it)\b)[\w'\u2019.-]+){0,4}?\s+(?:that\s+)?(?:he|she|they|it)\b",
    re.IGNORECASE,
)
"""A subject pronoun opening the clause after a verb that frames a point, at most four words after it
("Authorities said they found ...", "Trump has said he will ...", "told reporters on Tuesday they
..."). Not an object ("called it a non-starter")."""
_CLAUSE_START = re.compile(r"[,;:]|\b(?:and|but|while|whereas|which|who|as)\b", re.IGNORECASE)


def _pronouns_of_named_speakers(text: str, named_names: Sequence[str]) -> str:
    """The text without the pronouns that open the words of a speaker the sentence names ("Authorities
    said they found ..." when the authorities claim the sentence): such a pronoun is that speaker, never
    an actor the sentence does not name. A frame whose subject names no claimant ("the minister
    insisted she ...", "which said it would appeal") keeps its pronoun."""
    kept = text
    for match in reversed(list(_SPEAKERS_OWN_PRONOUN.finditer(text))):
        before = text[: match.start("verb")]
        starts = [found.end() for found in _CLAUSE_START.finditer(before)]
        subject = before[starts[-1] if starts else 0 :]
        if any(actor_named_in(name, subject) for name in named_names):
            kept = kept[: match.start()] + " " + kept[match.end() :]
    return kept


UNNAMED_ON_SHARED_SENTENCE = Rule(
    "assembly.unnamed_on_shared_sentence",
    "A sentence claimed by several actors keeps the claims of the actors it names; the others' claims "
    'are dropped, unless the sentence has a third-person pronoun that may stand for them ("it" and '
    '"its" never stand for a person; one right after "said", "X said they ...", is inside X\'s '
    "words), or the claim is a deed (English articles only).",
)
RULES = (UNNAMED_ON_SHARED_SENTENCE,)


def claims_of_unnamed_actors(
    sentences: Sequence[str],
    claims: Sequence[PlacedClaim],
    actor_names: Mapping[str, Sequence[str]],
    persons: Set[str] = frozenset(),
) -> set[int]:
    """Indices of `claims` to leave out: claims (not deeds) on a sentence that other claiming actors
    are named in and they are not, where the sentence has no third-person pronoun that may stand for
    their actor. Meant for claims of one sentence each, before quotations are joined (claims are
    grouped by their exact sentences).

    `sentences` holds the article's sentences (sentence n is `sentences[n - 1]`); `actor_names` maps
    an actor id to its name and aliases; `persons` holds the ids of the actors that are persons, for
    whom "it" and "its" never stand.
    """
    by_sentences: dict[tuple[int, ...], list[int]] = {}
    for index, claim in enumerate(claims):
        by_sentences.setdefault(claim.sentences, []).append(index)
    left_out: set[int] = set()
    for numbers, indices in by_sentences.items():
        if len({claims[i].actor_id for i in indices}) < 2:
            continue
        text = " ".join(sentences[n - 1] for n in numbers)
        named = {i: _named_in(actor_names.get(claims[i].actor_id, ()), text) for i in indices}
        if not any(named.values()):
            continue
        named_names = [n for i in indices if named[i] for n in actor_names.get(claims[i].actor_id, ())]
        speaking = _pronouns_of_named_speakers(text, named_names)
        pronouns = {found.casefold() for found in _THIRD_PERSON.findall(speaking)}
        for i in indices:
            may_stand_for = pronouns - _NEVER_A_PERSON if claims[i].actor_id in persons else pronouns
            if not named[i] and claims[i].kind != "action" and not may_stand_for:
                left_out.add(i)
    return left_out


def _named_in(names: Sequence[str], text: str) -> bool:
    return any(actor_named_in(name, text) for name in names)
