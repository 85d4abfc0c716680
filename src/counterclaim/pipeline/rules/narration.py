"""The article's own account (the `narrator` setting): which of its sentences code holds actors to.

A news article reports facts in its own voice ("He paid 64 officials a total of almost £4 million in
bribes", "The crash killed 15 of the 16 people on board") next to what its sources say. An actor's
words can contradict that record: a denial against a reported deed, a figure against the article's
own figure. With the setting on, code (not the model) adds the actor "the article" (`Actor.narrator`)
and gives it, as claims, the sentences of the article's own voice that such a conflict can rest on:

- no claim cites the sentence, it has no reporting word or quotation mark (nobody's words), and it is
  not in the first person;
- it states a figure with a unit ("15 people", "£4 million"), or it shares at least
  `min_shared_subject_words` content words, beyond every actor's name, with a denial of an actor.

Its claims are paired only with actors' claims, under a budget of their own (`max_pairs`), so the
pairs between actors are the same with the setting on or off; what the verifier confirms is reported
with the kind `record`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counterclaim.models import Claim, ClaimKind
from counterclaim.pipeline.rules.attribution import first_person, has_reporting_cue
from counterclaim.pipeline.rules.pairing import OCCASION_WORDS
from counterclaim.pipeline.trace import Rule
from counterclaim.text.keywords import keywords
from counterclaim.text.numbers import compared_units

NARRATOR_NAME = "the article"
"""The name of the narrator actor (the outlet is not known from the text)."""
MIN_SHARED_SUBJECT_WORDS = 2
SHARED_SUBJECT_WORDS_FOR_PAIRS = 1
"""Against the article's own account, a negation or denial sharing this many content words (beyond
actors' names) is a reason for conflict: one factual sentence states one matter ("took bribes" against
"denied that he had taken any bribes"), where two actors' claims need two words in common."""
MAX_PAIRS = 3
"""Narrator pairs verified per article, on top of the pairs between actors (each costs one request)."""

OWN_ACCOUNT = Rule(
    "narration.own_account",
    "With the narrator setting, a sentence in the article's own voice (cited by no claim, no reporting "
    "word or quotation mark, not in the first person) that states a figure with a unit, or shares at "
    "least `min_shared_subject_words` content words beyond actors' names with an actor's denial, "
    "becomes a claim of 'the article'.",
    {"min_shared_subject_words": MIN_SHARED_SUBJECT_WORDS},
)
NARRATOR_PAIRS = Rule(
    "narration.pairs",
    "Claims of the article's own account are paired only with actors' claims, with at most "
    "`max_pairs` verified per article apart from the pairs between actors, and only for a reason that"
    " holds against the article's own words: figures that cannot both hold, opposed ideas, or an "
    "actor's denial (a claim of kind denial, or a verb of denial within three words after its "
    "speaker's name, or after I or we) sharing `shared_subject_words` content words with it. A "
    'negation alone or a rebuttal is none: "So far, we haven\'t seen any de-escalation" shares only '
    '"seen" with "a move widely seen as a show of force", and the article is no speaker an actor '
    "answers.",
    {"max_pairs": MAX_PAIRS, "shared_subject_words": SHARED_SUBJECT_WORDS_FOR_PAIRS},
)
KIND_FROM_NARRATOR = Rule(
    "acceptance.kind_from_narrator",
    "A contradiction between an actor and the article's own account is of kind `record`, whatever kind "
    "the verifier named.",
)

RULES = (OWN_ACCOUNT, NARRATOR_PAIRS, KIND_FROM_NARRATOR)


@dataclass(frozen=True)
class OwnSentence:
    """A sentence of the article's own account that code holds actors to, and why."""

    number: int
    text: str
    reason: str


def own_account(
    sentences: Sequence[str],
    cited: set[int],
    claims: Sequence[Claim],
    actor_names: Sequence[str],
) -> list[OwnSentence]:
    """The sentences (numbered from 1) of the article's own voice that can contradict an actor's words."""
    name_words = keywords(" ".join(actor_names))
    denials = [
        keywords(claim.statement + " " + claim.evidence_text)
        for claim in claims
        if claim.kind is ClaimKind.DENIAL
    ]
    found: list[OwnSentence] = []
    for number, text in enumerate(sentences, start=1):
        if number in cited or has_reporting_cue(text, negated_counts=True) or first_person(text):
            continue
        units = compared_units(text)
        if units:
            found.append(OwnSentence(number, text, f"it states a figure ({', '.join(sorted(units))})"))
            continue
        words = keywords(text) - name_words - OCCASION_WORDS
        shared = max((len(words & denial) for denial in denials), default=0)
        if shared >= MIN_SHARED_SUBJECT_WORDS:
            found.append(OwnSentence(number, text, f"it shares {shared} words with an actor's denial"))
    return found
