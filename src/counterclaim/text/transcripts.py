"""An interview's transcript: lines whose words are a labelled speaker's answer.

Interviews are printed as questions and answers, each answer a line that opens with its speaker's label
("Natasha Gownaris: I've wanted to be ...", "NG: This study started in 1982 ..."). An answer needs no
quotation marks nor a reporting word: the label says whose words the line is. A label counts only as
part of a transcript that gives its speaker in full and then by initials ("Natasha Gownaris:", then
"NG:"), so that datelines ("LONDON: ..."), schedules ("Monday: ..."), lists of people ("Ana Ruiz: 45, a
teacher") and a page's furniture ("Update:", "Photo:") are no answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.language import english

_LABELLED_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z]{2,4}|[A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,3}):[ \t]+(?=\S)",
    re.MULTILINE,
)
"""A line opening with a label: initials ("NG") or a name of up to four capitalised words, then a colon."""


@dataclass(frozen=True)
class Answer:
    """One answer of a transcript: the line's words after its label."""

    start: int
    """Offset of the answer's first word."""
    end: int
    """Offset just after the line's last character."""
    speaker: str
    """The speaker's label, written out when the transcript gives it in full ("Natasha Gownaris" for
    "NG")."""
    label: str
    """The label as the line gives it ("NG")."""


def transcript_answers(text: str) -> list[Answer]:
    """The answers of the text's transcript, in order: the lines labelled with a full name of two or
    more words or with its initials, the initials standing for the nearest such name before their
    first use; none when the text has no transcript."""
    labelled = list(_LABELLED_LINE.finditer(text))
    speakers: dict[str, str] = {}
    for index, match in enumerate(labelled):
        initials = match["label"]
        if " " in initials or initials in speakers:
            continue
        before = [earlier["label"] for earlier in reversed(labelled[:index]) if " " in earlier["label"]]
        named = next((label for label in before if initials in name_initials(label)), None)
        if named is not None:  # the nearest full name before its first use ("John Smith" ... "JS:")
            speakers[initials] = speakers.setdefault(named, named)
    answers: list[Answer] = []
    for match in labelled:
        speaker = speakers.get(match["label"])
        if speaker is not None:
            end = text.find("\n", match.end())
            answers.append(Answer(match.end(), len(text) if end < 0 else end, speaker, match["label"]))
    return answers


def name_initials(name: str) -> set[str]:
    """The initials a name goes by: of its words ("NG" for "Natasha Gownaris") and of each part of a
    hyphenated word ("JPS" for "Jean-Paul Sartre"), titles left out ("AR" for "Dr. Ana Ruiz":
    `english.TITLES_LEFT_OUT_OF_INITIALS`)."""
    words = [
        word for word in name.split() if word.strip(".").casefold() not in english.TITLES_LEFT_OUT_OF_INITIALS
    ]
    by_word = "".join(word[0] for word in words)
    by_part = "".join(part[0] for word in words for part in word.split("-") if part)
    return {initials for initials in (by_word, by_part) if len(initials) >= 2}
