"""Which speakers the second look asks about: those code found in a sentence that got no claim of theirs.

Small models often give a sentence with two speakers to one of them only ("Western leaders have warned
..., after a defence spokesman said ...": the spokesman's claim is lost). Code knows, from English
reporting patterns, who a sentence reports as speaking; each such speaker that got no claim from that
sentence is asked about once more.

Asked about: named speakers ("Whitman", "a Russian Defense Ministry spokesman") and unnamed sources
("the source", "officials"). Not asked about: a bare title ("the president", a person the article
names elsewhere, whose claim is usually given under the name), a wire service's "Reuters reported"
(the outlet's own reporting), and sentences written to steer a model or crediting the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counterclaim.language import english
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.text.credit_lines import is_credit_line, is_news_agency
from counterclaim.text.instructions import reads_as_instruction


@dataclass(frozen=True)
class MissedSpeaker:
    """A speaker code found in a sentence that no proposed claim of that sentence names."""

    sentence: int
    speaker: str


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


def missed_speakers(article: PreparedArticle, claimed: Mapping[int, Sequence[str]]) -> list[MissedSpeaker]:
    """Speakers code finds in each sentence whose name shares no word with an actor claimed there.

    `claimed` maps a sentence number to the actor names of the claims already proposed for it.
    """
    missed = []
    for number, (text, speakers) in enumerate(
        zip(article.sentence_texts, article.sentence_speakers, strict=True), start=1
    ):
        names = claimed.get(number, [])
        if reads_as_instruction(text) or is_credit_line(text):
            continue  # planted text for the model, or a credit line: no one's claim
        for speaker in speakers:
            if not (names_someone(speaker) or is_unnamed_source(speaker)) or is_news_agency(speaker):
                continue
            if any(actor_named_in(speaker, name) or actor_named_in(name, speaker) for name in names):
                continue
            missed.append(MissedSpeaker(sentence=number, speaker=speaker))
    return missed
