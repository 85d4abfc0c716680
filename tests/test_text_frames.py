"""Attribution frames (`text.frames`): the reader splits a statement into who says it and the point,
whoever the speaker is; deciding whether to remove the frame is `rules.statements`' job (tested in
`test_rules_statements.py`)."""

from __future__ import annotations

import pytest

from counterclaim.text.frames import Frame, attribution_frame, point_of, said_nothing


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
    frame = attribution_frame(text)
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
    assert attribution_frame(text) is None
    assert point_of(text) == text


def test_what_was_not_said_is_no_point() -> None:
    frame = attribution_frame("Ruiz said nothing about the crash.")
    assert frame is not None and said_nothing(frame.point)
    assert not said_nothing("three people died.")
