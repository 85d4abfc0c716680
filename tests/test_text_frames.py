"""Attribution frames (`text.frames`): the reader splits a statement into who says it and the point,
whoever the speaker is; deciding whether to remove the frame is `rules.statements`' job (tested in
`test_rules_statements.py`)."""

from __future__ import annotations

import pytest

from counterclaim.text.frames import Frame, point_of, read_frame, said_nothing


@pytest.mark.parametrize(
    ("text", "speaker", "point", "after_point", "told"),
    [
        ("The plan, officials said, is dead.", "officials", "The plan is dead.", True, False),
        ("Russia is adding troops, NATO said on Tuesday.", "NATO", "Russia is adding troops.", True, False),
        ("According to the police, three people died.", "the police", "three people died.", False, False),
        (
            "Boris Johnson told Sky News on Wednesday that the talks would go on.",
            "Boris Johnson",
            "the talks would go on.",
            False,
            True,
        ),
        ("The Kremlin said NATO was wrong.", "The Kremlin", "NATO was wrong.", False, False),
    ],
)
def test_a_frame_is_split_into_its_speaker_and_its_point(
    text: str, speaker: str, point: str, after_point: bool, told: bool
) -> None:
    frame = read_frame(text)
    assert isinstance(frame, Frame)
    assert (frame.speaker, frame.point, frame.after_point, frame.told) == (speaker, point, after_point, told)
    assert point_of(text) == point


@pytest.mark.parametrize(
    "text",
    [
        "Three people died in the floods on Monday.",  # narration: nobody speaks
        "footage which she said showed units returning home.",  # the rest of a relative clause
    ],
)
def test_text_without_a_frame_is_its_own_point(text: str) -> None:
    assert read_frame(text) is None
    assert point_of(text) == text


def test_what_was_not_said_is_no_point() -> None:
    frame = read_frame("Ruiz said nothing about the crash.")
    assert frame is not None and said_nothing(frame.point)


def test_how_the_frame_stands_to_its_point_is_told() -> None:
    apposed = read_frame("John Smith, a spokesman for the ministry, said the talks had failed.")
    assert apposed is not None
    assert (apposed.speaker, apposed.apposition) == ("John Smith", "a spokesman for the ministry")
    that = read_frame("The minister said that in 2019 the company lost money.")
    assert that is not None and that.after_that and that.clause_follows
    assert that.point == "in 2019 the company lost money."
    quoted = read_frame('Putin said, "We will not attack anyone."')
    assert quoted is not None and quoted.quoted and quoted.clause_follows
    assert quoted.point == "We will not attack anyone."  # the one quotation that is the point, unquoted


@pytest.mark.parametrize(
    ("text", "speaker", "point"),
    [
        # whom the speaker warned is the frame's, not the point's
        (
            "The mayor warned residents that the river would flood the town by Friday.",
            "The mayor",
            "the river would flood the town by Friday.",
        ),
        # the speaker after the verb, after the point
        (
            "The floods are a disaster, said a spokesman for the city.",
            "a spokesman for the city",
            "The floods are a disaster.",
        ),
        ("The talks have failed, according to the ministry.", "the ministry", "The talks have failed."),
        # a phrase of its own before the frame
        (
            "Speaking to reporters on Tuesday, Stoltenberg said NATO was ready to talk.",
            "Stoltenberg",
            "NATO was ready to talk.",
        ),
        # a statement's owner speaks
        (
            'Their statement said, "The plant will close next year."',
            "they",
            "The plant will close next year.",
        ),
    ],
)
def test_frames_of_other_shapes(text: str, speaker: str, point: str) -> None:
    frame = read_frame(text)
    assert frame is not None
    assert (frame.speaker, frame.point) == (speaker, point)


@pytest.mark.parametrize(
    "text",
    [
        "The confirmed deaths are now at least 40 people across the region.",  # a participle naming things
        "If Russia says no, the talks will end in failure next week.",  # a subordinate clause's verb
        # left for the sentence before to name "she" (`pronoun_naming.subject_before_named`)
        "She told the BBC that she would stand again next year.",
    ],
)
def test_words_that_only_look_like_a_frame_are_none(text: str) -> None:
    assert read_frame(text) is None


@pytest.mark.parametrize(
    ("point", "silence"),
    [
        ("nothing about the crash.", True),
        ("nothing, but her aide said the plant would close.", True),
        ("nothing.", True),
        ("little about the talks with Beijing.", True),
        ("no more about it.", True),
        ("nothing to reporters.", True),
        ("nothing", True),
        ("nothing more.", True),
        ("nothing further.", True),
        ("little else.", True),
        ("little.", True),
        ("no more.", True),
        ("Nothing new about the wall.", True),
        ("nothing at all about its units.", True),
        ("no to the plan.", False),  # a refusal is a point
        ("more about the talks.", False),
        ("no further arrests were expected.", False),  # a clause: a point
        ("nothing could be done.", False),
        ("little had changed since the election.", False),
        ("more troops would be sent.", False),
        ("three people died.", False),
    ],
)
def test_saying_nothing_is_told_from_a_clause_that_opens_alike(point: str, silence: bool) -> None:
    assert said_nothing(point) is silence


def test_an_apposition_that_opens_a_clause_with_no_is_a_frame() -> None:
    frame = read_frame("The bill, which passed 52-48, said no new taxes would be raised.")
    assert frame is not None and frame.speaker == "The bill"
    assert read_frame("The bill, which passed 52-48, said nothing about the border wall.") is None
