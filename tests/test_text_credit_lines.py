"""Credit lines ("X contributed to this report"), told apart from news about reports (`text.credit_lines`)."""

from __future__ import annotations

import pytest

from counterclaim.pipeline.article import PreparedArticle
from counterclaim.text.credit_lines import caption_spans, is_credit_line, is_news_agency


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


@pytest.mark.parametrize(
    ("text", "captions"),
    [
        ("Protesters at the march. Image: Andrew Gray.\nThe mayor spoke.",
         ["Protesters at the march. Image: Andrew Gray."]),
        ("Police outside the court (Photo: AP)", ["Police outside the court (Photo: AP)"]),
        ("Image: John Lubbock (flickr).", ["Image: John Lubbock (flickr)."]),
        ("Photograph: Tolga Akmen/AFP via Getty Images", ["Photograph: Tolga Akmen/AFP via Getty Images"]),
        # found by a review: speech after a label, a label inside a quotation, a line of the story
        ("Credit: The ministry said it was owed.", []),
        ("He spoke. Picture: A country at war, he said.", []),
        ('"Image: Doctored," she wrote.', []),
        ("The minister posted a photo: Ukraine and Russia signing the deal.", []),
        ("Picture: Opposition says 40 killed in Ethiopia protests", []),
        ("The mayor said the image: a city united, was what she saw.", []),
        ('"The bridge is unsafe," engineer Tom Reyes told reporters. The city denied it. Mayor Ana Lima '
         "said the report was wrong, and the council agreed with her after a long debate on Tuesday. "
         "Protesters at the bridge. Image: Jane Doe.", ["Image: Jane Doe."]),
    ],
    ids=["a-caption", "in-brackets", "a-credit-alone", "a-long-credit", "credit-speech", "picture-speech",
         "quoted-label", "a-label-inside-a-sentence", "a-headline", "lower-case-label",
         "a-long-line-keeps-its-story"],
)  # fmt: skip
def test_a_short_line_closing_with_a_photo_credit_is_a_caption(text: str, captions: list[str]) -> None:
    assert [text[start:end] for start, end in caption_spans(text)] == captions


def test_an_article_on_one_line_loses_only_its_credit() -> None:
    story = " ".join(f"Official {n} said the dam was safe." for n in range(1, 8))
    article = PreparedArticle.from_text(f"{story} Image: Jane Doe (flickr).")
    assert sorted(article.caption_sentences) == [8]
