"""An interview's transcript: lines whose words are a labelled speaker's answer.

Interviews are printed as questions and answers, each answer a line that opens with its speaker's label
("Natasha Gownaris: I've wanted to be ...", "NG: This study started in 1982 ..."). An answer needs no
quotation marks nor a reporting word: the label says whose words the line is. A label counts only as
part of a transcript, so that "Update: the road reopened" is no answer: it labels at least two lines,
or it is the full name whose initials label at least two ("Natasha Gownaris" for "NG").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_LABELLED_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z]{2,4}|[A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,3}):[ \t]+(?=\S)",
    re.MULTILINE,
)
"""A line opening with a label: initials ("NG") or a name of up to four capitalised words, then a colon."""
MIN_ANSWERS = 2
"""Lines a label must open (itself or by its initials) to be a transcript's speaker."""
_NOT_SPEAKERS = frozenset(
    """photo photos image images source sources update updated note correction video watch related caption
    credit credits see read more editor's editor date location time contact email phone""".split()
)
"""Labels of a page's furniture, never a speaker ("Photo: AP", "Update: ...")."""


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


def transcript_answers(text: str) -> list[Answer]:
    """The answers of the text's transcript, in order; none when the text has no transcript."""
    labelled = list(_LABELLED_LINE.finditer(text))
    counts = Counter(match["label"] for match in labelled)
    full_names = {_initials(label): label for label in counts if " " in label}
    answers: list[Answer] = []
    for match in labelled:
        label = match["label"]
        if any(word.casefold() in _NOT_SPEAKERS for word in label.split()):
            continue
        as_initials = label if label.isupper() else _initials(label)
        if counts[label] + (counts[as_initials] if as_initials != label else 0) < MIN_ANSWERS:
            continue
        end = text.find("\n", match.end())
        answers.append(Answer(match.end(), len(text) if end < 0 else end, full_names.get(label, label)))
    return answers


def _initials(name: str) -> str:
    """ "NG" for "Natasha Gownaris"."""
    return "".join(word[0] for word in name.split())
