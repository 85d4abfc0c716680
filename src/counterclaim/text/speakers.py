"""Who a sentence reports as speaking, found by code from English reporting patterns.

News sentences mark attribution with a small set of patterns: "X said ...", "... , X said.",
"said X", "according to X", "X has warned ...". Finding those speakers in code lets the claim step
point the model at every speaker of a sentence ("Western leaders have warned ..., after a defence
spokesman said ...": two claims, two actors), and lets code check that a claimed actor is really named
nearby. The patterns are general English news style, not tuned to any article; a sentence in another
language simply yields no speakers.
"""

from __future__ import annotations

import re

from counterclaim.text.function_words import STOPWORDS

REPORTING_VERBS = frozenset(
    """said say says saying told tell tells added adds announced announces warned warns accused accuses
    claimed claims insisted insists denied denies stated states argued argues urged urges confirmed
    confirms reported reports noted notes explained explains asserted asserts alleged alleges
    acknowledged acknowledges admitted admits estimated estimates predicted predicts vowed vows
    threatened threatens promised promises demanded demands called calls described describes
    criticised criticized criticises criticizes condemned condemns rejected rejects dismissed dismisses
    suggested suggests wrote writes replied replies responded responds countered counters maintained
    maintains believes believed disputes disputed termed insisted""".split()
)
# Words allowed between a speaker and the reporting verb: auxiliaries, adverbs, a day or time.
_BETWEEN = frozenset(
    """has have had also already later earlier again repeatedly previously then on in at last this
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday week weekend
    morning afternoon evening night month year has've""".split()
)
# Lower-case words that can be part of a speaker's description.
_SPEAKER_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official officials minister ministers ministry
    leader leaders president chief head director secretary ambassador envoy diplomat diplomats
    government authorities police army military commander commanders general officer officers
    analyst analysts expert experts source sources witness witnesses resident residents lawyer
    lawyers prosecutor prosecutors judge court agency office department council committee group
    union company firm party opposition activists activist campaigners researchers scientists
    doctors doctor mayor governor senator senators lawmakers legislators deputies representative
    representatives member members negotiator negotiators observers monitors media statement report
    rebels militants protesters organisers organizers residents villagers workers staff teachers
    parents families defence defense foreign interior health state radio newspaper television
    embassy broadcaster ministry's""".split()
)
_INVERTED_VERBS = frozenset("said says added adds wrote writes".split())
_CONNECTORS = frozenset("of for the and 's \u2019s".split())
_DETERMINERS = frozenset("a an the its their his her our several some many two three other".split())
_WORD = re.compile(
    r"(?:\w\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Sgt|Brig|Capt|Maj|Rep|Sen|Gov|Prof|Adm|Cpl|Pvt)\."
    r"|\w+(?:[\u2019'-]\w+)*|[^\w\s]"
)
_PREPOSITIONS = frozenset("in at from of on for with to near inside outside across".split())
_POSSESSIVE = ("\u2019s", "'s")
_MAX_SPEAKER_WORDS = 8


def reported_speakers(sentence: str) -> list[str]:
    """The speakers a sentence reports, as written in it, in order of appearance, without repeats."""
    tokens = _WORD.findall(sentence)
    found: list[str] = []
    for index, token in enumerate(tokens):
        if token in REPORTING_VERBS:  # lower-case only: "States" in "United States" is no verb
            before = _speaker_before(tokens, index)
            if before:
                found.append(before)
            elif token in _INVERTED_VERBS and index > 0 and not tokens[index - 1][:1].isalnum():
                after = _speaker_after(tokens, index)  # '..." said the minister' / ', says Smith'
                if after:
                    found.append(after)
        elif (
            token.casefold() == "according"
            and index + 1 < len(tokens)
            and tokens[index + 1].casefold() == "to"
        ):
            after = _speaker_after(tokens, index + 1)
            if after:
                found.append(after)
    return list(dict.fromkeys(found))


def _is_name_word(token: str) -> bool:
    lower = token.casefold()
    return (token[:1].isupper() and lower not in _BETWEEN) or lower in _SPEAKER_NOUNS


def _speaker_before(tokens: list[str], verb: int) -> str | None:
    """The noun phrase just before a reporting verb ("a Russian Defense Ministry spokesman").

    Also "Opposition leaders in central Ethiopia say" (a place after a preposition belongs to the
    speaker before it, and is never the speaker itself) and "Muktar Kedir, president of the region,
    said" (an apposition between commas).
    """
    end = verb
    while end > 0 and tokens[end - 1].casefold() in _BETWEEN:
        end -= 1
    if end > 0 and tokens[end - 1] == ",":
        opening = _apposition_start(tokens, end - 1)
        if opening is None:
            return None
        head, _ = _phrase_before(tokens, opening)
        if head is None:
            return None
        return f"{head}, {' '.join(tokens[opening + 1 : end - 1])}"
    if end > 0 and tokens[end - 1].endswith(_POSSESSIVE):
        return None  # "Russia's claims": a possessive before a noun, not a speaker before a verb
    phrase, start = _phrase_before(tokens, end)
    if phrase is None:
        return None
    position = start - 1
    skipped = 0
    while (
        position >= 0 and skipped < 2 and tokens[position].islower() and tokens[position] not in _PREPOSITIONS
    ):
        position -= 1  # adjectives: "in central Ethiopia"
        skipped += 1
    if position >= 0 and tokens[position] in _PREPOSITIONS:
        owner, _ = _phrase_before(tokens, position)
        if owner is None:
            return None  # "the conflict in Sudan's ... states": a place is not a speaker
        return f"{owner} {' '.join(tokens[position:start])} {phrase}"
    return phrase


def _apposition_start(tokens: list[str], closing: int) -> int | None:
    """The comma opening an apposition that ends at `closing` (at most eight words back)."""
    for position in range(closing - 1, max(closing - 10, -1), -1):
        if tokens[position] == ",":
            return position if position < closing - 1 else None
        if not (tokens[position][:1].isalnum() or tokens[position] in {"-", "\u2019", "'"}):
            return None
    return None


def _phrase_before(tokens: list[str], end: int) -> tuple[str | None, int]:
    """The speaker-like phrase ending just before `end`, and where it starts."""
    words: list[str] = []
    position = end - 1
    while position >= 0 and len(words) < _MAX_SPEAKER_WORDS:
        token = tokens[position]
        lower = token.casefold()
        if _is_name_word(token) or (lower in _CONNECTORS and words):
            words.insert(0, token)
            position -= 1
            continue
        if lower in _DETERMINERS and words:
            words.insert(0, token)
            position -= 1
        break
    cleaned = _clean(words)
    return cleaned, position + 1


def _speaker_after(tokens: list[str], verb: int) -> str | None:
    """The noun phrase just after "said" or "according to" ("said Jens Stoltenberg", "the city
    engineer"): words up to punctuation or a function word, kept when a name or speaker noun is in it."""
    words: list[str] = []
    position = verb + 1
    if position < len(tokens) and tokens[position].casefold() in _DETERMINERS:
        words.append(tokens[position])
        position += 1
    while position < len(tokens) and len(words) < _MAX_SPEAKER_WORDS:
        token = tokens[position]
        lower = token.casefold()
        if (token[:1].isalnum() and lower not in STOPWORDS and lower not in _BETWEEN) or (
            lower in _CONNECTORS and words
        ):
            words.append(token)
            position += 1
            continue
        break
    described = len(words) >= 2 and words[0].casefold() in _DETERMINERS  # "the city engineer"
    if not described and not any(_is_name_word(w) for w in words):
        return None
    return _clean(words)


def _clean(words: list[str]) -> str | None:
    """Trim connectors at the edges; keep the phrase only if it has a name or a speaker noun."""
    while words and (words[-1].casefold() in _CONNECTORS or words[-1].casefold() in _DETERMINERS):
        words.pop()
    while words and (
        (words[0].casefold() in _CONNECTORS and words[0].casefold() != "the") or words[0] in _OPENERS
    ):
        words.pop(0)
    content = [w for w in words if w.casefold() not in _DETERMINERS and w.casefold() not in _CONNECTORS]
    if not content:
        return None
    if all(w[:1].isupper() for w in content) and len(content) == 1 and content[0].casefold() in _PRONOUN_CAPS:
        return None
    text = " ".join(words)
    return re.sub(r"\s+(['\u2019]s)\b", r"\1", text)


_OPENERS = frozenset("But And However Yet Meanwhile Also So Still Now Then Later".split())
_PRONOUN_CAPS = frozenset("he she they it we i you who this that there".split())
