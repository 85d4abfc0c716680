"""Credit lines ("X contributed to this report"), told apart from news about reports (`text.credit_lines`)."""

from __future__ import annotations

import pytest

from counterclaim.text.credit_lines import caption_lines, is_credit_line, is_news_agency


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("Some information for this report was provided by AFP and Reuters.", True),
        ("Associated Press writer Jane Doe contributed to this report.", True),
        ("Reporting by Jane Doe in Lagos; Editing by John Roe", True),
        ("Reporting by state media said 12 people had died.", False),
        ("The figures for this report were collected by the ministry, the minister said.", False),
        ("She contributed money to the campaign, records show.", False),
        ("Editors said the story was accurate.", False),
    ],
)
def test_credit_lines_are_told_from_news_about_reports(sentence: str, credit: bool) -> None:
    assert is_credit_line(sentence) is credit


def test_a_wire_service_is_told_by_its_whole_name() -> None:
    assert is_news_agency("Reuters") and is_news_agency("the Associated Press")
    assert not is_news_agency("Russian state media") and not is_news_agency("Reuters columnist Ann Lee")
    assert is_news_agency("Agence France-Presse") and not is_news_agency("France")


def test_a_line_closing_with_a_photo_credit_is_a_caption() -> None:
    text = (
        "Protesters at the march. Image: Andrew Gray.\n"
        "The mayor said the image: a city united, was what she saw.\n"
        "Fire in the frame. Photo: AP\n"
        "Image credits were not given for this story.\n"
        "Image: John Lubbock (flickr).\n"
    )
    captions = [text[start:end] for start, end in caption_lines(text)]
    assert captions == [
        "Protesters at the march. Image: Andrew Gray.",
        "Fire in the frame. Photo: AP",
        "Image: John Lubbock (flickr).",
    ]
