"""One home for language data: the word lists, patterns, tokenizers and stemmers code reads text with.

- `english`: English function words, pronouns, titles, reporting words, stance words, patterns;
- `english_numbers`: the English number vocabulary (number words, qualifiers, units);
- `places`: capitals, seats of power and short names that stand for a state ("Moscow", "the Kremlin");
- `other_languages`: function words, language markers and pronouns of the other languages met;
- `tokens`: how text is cut into words;
- `stemming`: how words are reduced to comparable stems.
"""
