"""Which speakers the second look asks about: those code found in a sentence that got no claim of theirs.

Small models often give a sentence with two speakers to one of them only ("Western leaders have warned
..., after a defence spokesman said ...": the spokesman's claim is lost). Code knows, from English
reporting patterns, who a sentence reports as speaking; each such speaker that got no claim from that
sentence is asked about once more.

Asked about: named speakers ("Whitman", "a Russian Defense Ministry spokesman") and unnamed sources
("the source", "officials"); and in a sentence without claims whose only speaker is "he" or "she"
("'We have field hospitals near the border,' he said"), the person the sentence just before reports
as speaking (`PRONOUN_GOES_ON`): a reporter goes on with the speaker just quoted, and the small model
often passes over the quotation that follows.

Not asked about: a bare title ("the president", a person the article names elsewhere, whose claim is
usually given under the name), a wire service's "Reuters reported" (the outlet's own reporting), and
sentences written to steer a model or crediting the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counterclaim.language import english
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.attribution import actor_named_in
from counterclaim.pipeline.trace import Rule
from counterclaim.text.credit_lines import is_credit_line, is_news_agency
from counterclaim.text.instructions import reads_as_instruction
from counterclaim.text.speakers import speaking_pronouns

PRONOUN_GOES_ON = Rule(
    "speakers.pronoun_goes_on",
    'In a sentence without claims in which code finds no speaker but "he" or "she" ("\'We have field '
    "hospitals near the border,' he said\"), the speaker is the person the sentence just before reports "
    "as speaking: that sentence's claims are all of one actor, named in it, code finds a speaker in it "
    '(not a deed: "Police arrested Tom Reed"), and the name has two capitalised words at least '
    '("Boris Johnson", not "Police" or "Russia"). The model is asked what that person claims, and '
    "a claim it gives is kept under that name; otherwise nothing is asked.",
)
RULES = (PRONOUN_GOES_ON,)


@dataclass(frozen=True)
class MissedSpeaker:
    """A speaker code found in a sentence that no proposed claim of that sentence names."""

    sentence: int
    speaker: str
    goes_on_from: int | None = None
    """When the sentence's speaker is "he" or "she": the sentence before, whose speaking actor
    `speaker` is (`PRONOUN_GOES_ON`)."""


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
    """Speakers code finds in each sentence whose name shares no word with an actor claimed there, and
    the actor a speaking "he" or "she" goes on with in a sentence without claims (`PRONOUN_GOES_ON`).

    `claimed` maps a sentence number to the actor names of the claims already proposed for it.
    """
    missed = []
    for number, (text, speakers) in enumerate(
        zip(article.sentence_texts, article.sentence_speakers, strict=True), start=1
    ):
        names = claimed.get(number, [])
        if reads_as_instruction(text) or is_credit_line(text) or number in article.caption_sentences:
            continue  # planted text for the model, a credit line or a photo's caption: no one's claim
        asked = [
            speaker
            for speaker in speakers
            if (names_someone(speaker) or is_unnamed_source(speaker)) and not is_news_agency(speaker)
        ]
        for speaker in asked:
            if any(actor_named_in(speaker, name) or actor_named_in(name, speaker) for name in names):
                continue
            missed.append(MissedSpeaker(sentence=number, speaker=speaker))
        one_person_speaks = len(set(speaking_pronouns(text)) & english.PERSON_SUBJECT_PRONOUNS) == 1
        if not names and not speakers and one_person_speaks:
            actor = _speaker_before(article, claimed, number)
            if actor is not None:
                missed.append(MissedSpeaker(sentence=number, speaker=actor, goes_on_from=number - 1))
    return missed


def _speaker_before(
    article: PreparedArticle, claimed: Mapping[int, Sequence[str]], number: int
) -> str | None:
    """The person the sentence before `number` reports as speaking: its claims are all of one actor,
    named in it, code finds a speaker in it, and the name is a person's (two capitalised words at
    least: "Boris Johnson", not "Police" or "Russia"); None otherwise (code cannot tell whom "he"
    is)."""
    names = claimed.get(number - 1)
    if not names or len({" ".join(name.split()).casefold() for name in names}) != 1:
        return None
    actor = " ".join(names[0].split())
    if not article.sentence_speakers[number - 2] or not actor_named_in(
        actor, article.sentence_texts[number - 2]
    ):
        return None  # a deed ("Police arrested Tom Reed"), or an actor the sentence does not name
    name_words = [word for word in actor.split() if word.casefold() not in english.LEADING_ARTICLES]
    return actor if sum(word[:1].isupper() for word in name_words) >= 2 else None
