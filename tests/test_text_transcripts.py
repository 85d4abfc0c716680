"""An interview's transcript (`text.transcripts`): which lines are a labelled speaker's answers."""

from __future__ import annotations

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.rules.attribution import NO_REPORTING_CUE, AttributionCheck
from counterclaim.text.transcripts import transcript_answers

INTERVIEW = (
    "Dr. Ana Ruiz answered a series of questions for our correspondent.\n"
    "((WN)) What prompted your study?\n"
    "Ana Ruiz: I have wanted to study penguins since I was a child.\n"
    "((WN)) How did you approach it?\n"
    "AR: This study started in 1982. Fisheries compete with penguins for fish.\n"
    "((WN)) What comes next?\n"
    "AR: We are studying the chicks now.\n"
)


def _answered(text: str) -> list[tuple[str, str]]:
    return [(answer.speaker, text[answer.start : answer.end]) for answer in transcript_answers(text)]


def test_the_answers_of_a_transcript_are_their_labels_speaker() -> None:
    assert _answered(INTERVIEW) == [
        ("Ana Ruiz", "I have wanted to study penguins since I was a child."),
        ("Ana Ruiz", "This study started in 1982. Fisheries compete with penguins for fish."),
        ("Ana Ruiz", "We are studying the chicks now."),
    ]


def test_questions_and_answers_by_letter_are_a_transcript() -> None:
    assert _answered("Q: Why?\nA: Because the harbour flooded.\nQ: When?\nA: On Monday.\n") == [
        ("Q", "Why?"),
        ("A", "Because the harbour flooded."),
        ("Q", "When?"),
        ("A", "On Monday."),
    ]


def test_a_label_on_one_line_or_the_pages_furniture_is_no_answer() -> None:
    assert _answered("Update: the road reopened on Monday.\nThe mayor said it was safe.\n") == []
    assert _answered("Photo: AP\nThe harbour flooded.\nPhoto: Reuters\n") == []
    assert _answered("Monday: rain in the north.\nTuesday: sun in the south.\n") == []
    # a colon inside a line is no label
    assert _answered("The minister said: the road is safe.\nThe minister said: it reopens.\n") == []


def test_an_answer_needs_no_reporting_word_and_is_its_speakers() -> None:
    check = AttributionCheck.for_article(PreparedArticle.from_text(INTERVIEW))
    fisheries = next(n for n, text in enumerate(check.sentences, start=1) if text.startswith("Fisheries"))
    assert check.rejects("Ana Ruiz", fisheries, "assertion") is None
    # the same sentence outside a transcript reports nobody's words
    plain = AttributionCheck.for_sentences(["Dr. Ana Ruiz studies penguins.", "Fisheries compete for fish."])
    rejection = plain.rejects("Ana Ruiz", 2, "assertion")
    assert rejection is not None and rejection.rule is NO_REPORTING_CUE
