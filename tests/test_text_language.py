"""Telling English from other languages, and which language, in code."""

from __future__ import annotations

import pytest

from counterclaim.text.keywords import keywords
from counterclaim.text.language import likely_language, looks_foreign


def test_the_language_of_a_non_english_text_is_named_from_its_function_words() -> None:
    assert (
        likely_language("Le président a dit que la France ne paiera pas les dettes de la banque.") == "French"
    )
    assert (
        likely_language("Unita disse que houve mais de 700 mortes na província do Huambo ontem.")
        == "Portuguese"
    )
    assert likely_language(
        "El gobierno dijo que los manifestantes no tienen razón y que la policía actuó bien."
    ) == ("Spanish")
    assert likely_language(
        "Polisi mengatakan bahwa para demonstran telah ditahan di kota itu dan akan diadili."
    ) == ("Indonesian")


def test_english_or_too_little_text_names_no_language() -> None:
    # English text with words other languages use ("do", "a", "no", "me") is never named as another.
    assert likely_language("Officials do say a deal is close; no one told me when it will be signed.") is None
    assert not looks_foreign("Ferries leave every 40 minutes until 19:55")
    assert likely_language("Ferries leave every 40 minutes until 19:55") is None
    assert likely_language("la casa") is None  # one or two marker words are not enough to tell


def test_function_words_of_other_languages_are_no_keywords() -> None:
    # Two Indonesian sentences about different things share only function words: nothing in common.
    a = keywords("Pemerintah mengatakan bahwa itu tidak akan terjadi dan semua setuju.")
    b = keywords("Para demonstran di Oromo itu mengatakan dan tidak setuju dengan rencana.")
    assert a & b == {"setuju"}
    assert keywords("Los manifestantes dijeron que la policía disparó") == {
        "manifestant", "dijeron", "policía", "disparó"  # stems are English-style
    }  # fmt: skip


@pytest.mark.parametrize(
    ("statement", "foreign"),
    [
        ("Unita said more than 700 people died.", False),
        ("Ferries then leave every 40 minutes until 19:55.", False),  # no function word at all
        ("Ambrósio de Lemos said there were no more than 20 deaths.", False),
        ("Unita disse que houve mais de 700 mortes.", True),
        ("Los manifestantes arribaron hasta el Ángel de la Independencia.", True),
        ("Decenas de miles protestan contra Enrique Peña Nieto en México", True),
        ("Dia mengatakan itu.", True),
    ],
)
def test_a_statement_left_in_another_language_is_recognised(statement: str, foreign: bool) -> None:
    assert looks_foreign(statement) is foreign
