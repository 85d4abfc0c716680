"""Function words: English ones, and those of the languages translated news most often comes from.

Code uses them to find a text's content words (`keywords`) and to tell which language a text is in
(`language`), never a language model.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have
    had do does did not no nor so than that this these those it its he she they them his her their we
    our you your i me my will would can could should may might must shall said says say saying told
    tells also about after before over under into out up down more most some any all each other such
    only own same very just there here what which who whom whose when where why how while because then
    once again further between during through above below off now""".split()
)
# Function words of the languages translated news most often comes from (Spanish, Portuguese,
# French, German, Indonesian), leaving out words English shares ("a", "no", "in", "die").
FOREIGN_FUNCTION_WORDS = frozenset(
    """de en el la los las del y que por con una un para es se lo le les des du et est une qui dans pour pas
    sur der das und ist nicht ein eine mit zu von dem auf da do dos das os em um uma não com ao pelo
    pela yang dan di ke dari itu ini dengan untuk tidak akan telah mengatakan""".split()
)
# Frequent function words that mark one language among those above (a word common to two is listed
# under both; the language with most hits wins).
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
