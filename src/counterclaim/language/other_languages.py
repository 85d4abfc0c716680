"""Words of the languages translated news most often comes from: Spanish, Portuguese, French, German
and Indonesian. Code uses them to tell a text's language and to keep their function words out of the
keywords (in a translated article "yang" or "dan" would otherwise make any two sentences look alike).
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """de en el la los las del y que por con una un para es se lo le les des du et est une qui dans pour pas
    sur der das und ist nicht ein eine mit zu von dem auf da do dos das os em um uma não com ao pelo
    pela yang dan di ke dari itu ini dengan untuk tidak akan telah mengatakan""".split()
)
"""Function words of those languages, leaving out words English shares ("a", "no", "in", "die")."""

LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "Spanish": "el los las del y que por con una para es se lo al como más pero sus su fue ha han",
        "Portuguese": "dos das os em um uma não com ao pelo pela que para é se foi são mais na",
        "French": "le les des du et est une qui dans pour pas sur au aux ce il elle ont été",
        "German": "der das und ist nicht ein eine mit zu von dem auf den sich des im für",
        "Indonesian": "yang dan di ke dari itu ini dengan untuk tidak akan telah pada dalam oleh adalah",
    }.items()
}
"""Frequent function words that mark one language (a word common to two is listed under both; the
language with most hits wins)."""

WORDS_SHARED_WITH_ENGLISH = frozenset("a an no as do die in so me he on to".split())
"""English function words that are also words of those languages: they tell no language apart."""

PERSONAL_PRONOUNS = frozenset(
    "dia ia mereka él ella ellos ellas ele ela eles elas il elle ils elles er sie".split()
)
"""Pronouns of those languages: an actor named "Dia" or "Ele" is the model copying a pronoun."""
