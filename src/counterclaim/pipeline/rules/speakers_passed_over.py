"""Which speakers the second look asks about: those code found in a sentence that got no claim of theirs.

Small models often give a sentence with two speakers to one of them only ("Western leaders have warned
..., after a defence spokesman said ...": the spokesman's claim is lost). Code knows, from English
reporting patterns, who a sentence reports as speaking; each such speaker that got no claim from that
sentence is asked about once more.

Asked about: named speakers ("Whitman", "a Russian Defense Ministry spokesman") and unnamed sources
("the source", "officials"); and in a sentence that got no claim at all and whose only speaker is a
pronoun ("'We have field hospitals near the border,' he said"), the one actor the nearest earlier
sentence with claims (at most `PRONOUN_REACH` sentences back) gave its claims to: a reporter goes on
with the speaker just quoted, and the small model often passes over the quotation that follows. Not
asked about: a bare title ("the president", a person the article
names elsewhere, whose claim is usually given under the name), a wire service's "Reuters reported"
(the outlet's own reporting), and sentences written to steer a model or crediting the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from counterclaim.language import english
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.trace import Rule
from counterclaim.text.credit_lines import is_credit_line, is_news_agency
from counterclaim.text.instructions import reads_as_instruction
from counterclaim.text.speakers import pronoun_speaks

PRONOUN_REACH = 2
"""How many sentences back the actor a speaking pronoun goes on with is looked for."""

PRONOUN_GOES_ON = Rule(
    "speakers.pronoun_goes_on",
    "In a sentence no claim cites whose only speaker is a pronoun (\"'We have field hospitals near the "
    "border,' he said\"), the speaker is the one actor the nearest earlier sentence with claims (at most "
    "`reach` sentences back) gave them to: the model is asked what that actor claims there, and a claim "
    "it gives is kept under that actor's name. With claims of several actors there, nothing is asked.",
    {"reach": PRONOUN_REACH},
)
RULES = (PRONOUN_GOES_ON,)


@dataclass(frozen=True)
class MissedSpeaker:
    """A speaker code found in a sentence that no proposed claim of that sentence names."""

    sentence: int
    speaker: str
    goes_on_from: int | None = None
    """When the sentence's speaker is a pronoun: the earlier sentence whose claims' actor `speaker` is."""


def names_someone(speaker: str) -> bool:
    """Whether the speaker phrase has a proper name in it ("The president" and "officials" do not)."""
    words = speaker.replace(",", " ").split()
    return any(
        word[:1].isupper()
        and word.casefold() not in english.FUNCTION_WORDS
        and word.casefold() not in english.BARE_TITLES
        for word in words
    )


def is_unnamed_source(speaker: str) -> bool:
    """Whether the phrase ends in a source noun ("a source", "another source", "Western diplomats")."""
    words = speaker.replace(",", " ").split()
    return bool(words) and words[-1].casefold() in english.SOURCE_NOUNS


def missed_speakers(
    article: PreparedArticle, claimed: Mapping[int, Sequence[str]], cited: AbstractSet[int] = frozenset()
) -> list[MissedSpeaker]:
    """Speakers code finds in each sentence whose name shares no word with an actor claimed there, and
    the actor a speaking pronoun goes on with in a sentence no claim cites.

    `claimed` maps a sentence number to the actor names of the claims already proposed for it (by the
    first sentence they cite); `cited` holds every sentence a proposed claim cites.
    """
    missed = []
    for number, (text, speakers) in enumerate(
        zip(article.sentence_texts, article.sentence_speakers, strict=True), start=1
    ):
        names = claimed.get(number, [])
        if reads_as_instruction(text) or is_credit_line(text):
            continue  # planted text for the model, or a credit line: no one's claim
        asked = [
            speaker
            for speaker in speakers
            if (names_someone(speaker) or is_unnamed_source(speaker)) and not is_news_agency(speaker)
        ]
        for speaker in asked:
            if any(actor_named_in(speaker, name) or actor_named_in(name, speaker) for name in names):
                continue
            missed.append(MissedSpeaker(sentence=number, speaker=speaker))
        if number not in cited and not names and not asked and pronoun_speaks(text):
            gone_on_with = _actor_gone_on_with(claimed, number)
            if gone_on_with is not None:
                earlier, actor = gone_on_with
                missed.append(MissedSpeaker(sentence=number, speaker=actor, goes_on_from=earlier))
    return missed


def _actor_gone_on_with(claimed: Mapping[int, Sequence[str]], number: int) -> tuple[int, str] | None:
    """The nearest earlier sentence with claims (within `PRONOUN_REACH`) and the one actor it gave them
    to; None when there is none or it has claims of several actors (code cannot tell whom "he" is)."""
    for earlier in range(number - 1, max(0, number - 1 - PRONOUN_REACH), -1):
        names = claimed.get(earlier)
        if not names:
            continue
        distinct = {" ".join(name.split()).casefold() for name in names}
        return (earlier, names[0]) if len(distinct) == 1 else None
    return None
