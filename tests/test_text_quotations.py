"""Where a quotation is open (`text.quotations`): until its closing mark, within its paragraph."""

from __future__ import annotations

import pytest

from counterclaim.text.quotations import outside_quotations, quotation_open_at

TEXT = (
    "\u201cWe have seen no change. The troops are still there,\u201d the minister said. "
    "The talks resume on Monday.\n"
    '"Prices will fall. Wages will not," the union said. Rain is expected.\n'
    "\u00abNous restons. Nous voulons la paix\u00bb, a dit le maire."
)


def at(sentence: str) -> int:
    return TEXT.index(sentence)


@pytest.mark.parametrize(
    ("sentence", "inside"),
    [
        ("The troops are still there", True),  # curly marks, opened in the sentence before
        ("The talks resume", False),  # closed before
        ("Wages will not", True),  # straight marks
        ("Rain is expected", False),
        ("Nous voulons", True),  # guillemets
    ],
)
def test_a_quotation_is_open_until_its_closing_mark(sentence: str, inside: bool) -> None:
    assert quotation_open_at(TEXT, at(sentence)) is inside


def test_an_unclosed_quotation_does_not_run_into_the_next_paragraph() -> None:
    text = "\u201cWe stay here.\nThe talks resume on Monday."
    assert quotation_open_at(text, 0) is False  # a sentence that opens the quotation starts outside it
    assert quotation_open_at(text, text.index("stay")) is True
    assert quotation_open_at(text, text.index("The talks")) is False


@pytest.mark.parametrize(
    ("text", "opened", "left"),
    [
        ("\u201cThe port is shut for now,\u201d she said.", False, "she said."),
        ('Smith said "we will win the race" and left.', False, "Smith said and left."),
        ("\u201cOn the one hand, the authorities announced it.", False, ""),  # left open: runs to the end
        (
            "On the other hand, the ships stayed. \u00bb Lima said so.",
            True,
            "Lima said so.",
        ),  # opened earlier
        ('the vote was lost for good" he said.', True, "he said."),  # a straight mark opened earlier
        ("No quotation here.", False, "No quotation here."),
        # a short quotation is a name or a phrase, and stays (found by a review)
        (
            "The \u201cIslamic State\u201d group said it did.",
            False,
            "The \u201cIslamic State\u201d group said it did.",
        ),
        (
            'The group, known as "Friends of the Earth", said so.',
            False,
            'The group, known as "Friends of the Earth", said so.',
        ),
        (
            'A 12" water main burst, city officials said.',
            False,
            'A 12" water main burst, city officials said.',
        ),
        ('"The death toll has risen to 300", the minister said.', False, ", the minister said."),  # a close
    ],
)
def test_what_stands_outside_quotations_of_speech(text: str, opened: bool, left: str) -> None:
    assert " ".join(outside_quotations(text, opened=opened).split()) == left
