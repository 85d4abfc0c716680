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
    "AR: We are studying the chicks now, as Tom Brown asked.\n"
)


def _answered(text: str) -> list[tuple[str, str]]:
    return [(answer.speaker, text[answer.start : answer.end]) for answer in transcript_answers(text)]


def test_the_answers_of_a_transcript_are_their_labels_speaker() -> None:
    assert _answered(INTERVIEW) == [
        ("Ana Ruiz", "I have wanted to study penguins since I was a child."),
        ("Ana Ruiz", "This study started in 1982. Fisheries compete with penguins for fish."),
        ("Ana Ruiz", "We are studying the chicks now, as Tom Brown asked."),
    ]


def test_a_speaker_given_in_full_then_by_initials_is_one_speaker() -> None:
    assert [
        answer.speaker for answer in transcript_answers("Dr. Ana Ruiz: I tag birds.\nAR: We count them.\n")
    ] == [
        "Dr. Ana Ruiz",
        "Dr. Ana Ruiz",
    ]
    assert {a.speaker for a in transcript_answers("Jean-Paul Sartre: I write.\nJPS: We read.\n")} == {
        "Jean-Paul Sartre"
    }


def test_labels_that_are_no_transcript_are_no_answers() -> None:
    # found by a review: datelines, schedules, lists of people, a page's furniture, letters alone
    assert _answered("Update: the road reopened on Monday.\nThe mayor said it was safe.\n") == []
    assert _answered("Photo: AP\nThe harbour flooded.\nPhoto: Reuters\n") == []
    assert _answered("Monday: rain in the north.\nTuesday: sun in the south.\n") == []
    assert _answered("LONDON: The Bank raised rates.\nLONDON: Markets fell.\n") == []
    assert _answered("Ana Ruiz: 45, a teacher.\nAna Ruiz: Her son survived.\n") == []
    assert _answered("Q: Why?\nA: Because the harbour flooded.\nQ: When?\nA: On Monday.\n") == []
    # initials stand for the nearest full name before their first use (found by a third review)
    shared = "Natasha Gownaris: Birds.\nNG: Yes.\nNick Green: Interviewer here.\n"
    assert _answered(shared) == [("Natasha Gownaris", "Birds."), ("Natasha Gownaris", "Yes.")]
    # a colon inside a line is no label
    assert _answered("The minister said: the road is safe.\nThe minister said: it reopens.\n") == []


def test_an_answer_needs_no_reporting_word_and_is_its_speakers() -> None:
    check = AttributionCheck.for_article(PreparedArticle.from_text(INTERVIEW))
    fisheries = next(n for n, text in enumerate(check.sentences, start=1) if text.startswith("Fisheries"))
    assert check.rejects("Ana Ruiz", fisheries, "assertion") is None
    assert check.rejects("AR", fisheries, "assertion") is None  # the speaker by the label as given
    # another actor named in the answer is not its speaker (found by a review)
    chicks = next(n for n, text in enumerate(check.sentences, start=1) if "We are studying" in text)
    rejection = check.rejects("Tom Brown", chicks, "assertion")
    assert rejection is not None and rejection.rule is NO_REPORTING_CUE
    # the same sentence outside a transcript reports nobody's words
    plain = AttributionCheck.for_sentences(["Dr. Ana Ruiz studies penguins.", "Fisheries compete for fish."])
    rejection = plain.rejects("Ana Ruiz", 2, "assertion")
    assert rejection is not None and rejection.rule is NO_REPORTING_CUE
