"""Building the actor list from the names the model gave for claim makers.

Code decides what it can: which name forms are the same actor ("Stoltenberg", "Jens Stoltenberg",
"NATO chief Jens Stoltenberg"), which aliases are kept (only words the article itself uses, never
pronouns), and the actors' ids. The model only adds kind, role and aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from counterclaim.language import english, places
from counterclaim.models import Actor, ActorKind, DecisionAction
from counterclaim.pipeline.schemas import PRONOUNS, ActorDetails
from counterclaim.pipeline.trace import Rule, TraceRecorder
from counterclaim.text.scripts import foreign_runs, scripts_of
from counterclaim.text.transcripts import name_initials

_LEADING_ARTICLES = tuple(f"{article} " for article in sorted(english.LEADING_ARTICLES))
_MAX_CANONICAL_WORDS = 3

SAME_NAME_FORMS = Rule(
    "actors.same_name_forms",
    'Name forms are one actor when their keys are equal (accents of Latin letters left out: "Erdogan", '
    '"Erdoğan") or a proper name ends the other ("Stoltenberg", '
    '"Jens Stoltenberg", "NATO chief Jens Stoltenberg"; a title alone, "The President", is no such '
    'name, and a name after a connector or preposition is someone else\'s: "Critics of Netanyahu", '
    '"The United States and NATO"; "the government of X" is X\'s), or one is a title and a surname '
    'and the other the same title with given names ("Prime Minister Ardern", "Prime Minister Jacinda '
    'Ardern"; not "Chief Justice John Roberts" for "Chief Roberts"), or one is a person\'s name and the '
    'other that name with "of" and an affiliation or a comma and an apposition after it ("Graciano '
    'Mijares of the police"; "The Government" is no name of "Government of Kenya"), or one is in '
    'capitals the initials of the other\'s capitalised words ("NG", "Natasha Gownaris"; "USGS", "United '
    'States Geological Survey"); "South Sudan", '
    '"New Mexico", a "Deputy Mayor" are another place or office than "Sudan", "Mexico", the mayor. The '
    "actor is shown under the longest form of at most `max_words` words that the article uses.",
    {"max_words": _MAX_CANONICAL_WORDS},
)
METONYM = Rule(
    "actors.metonym",
    'A state, its capital, its seat of power and its other names are one actor ("Russia", "Moscow", '
    '"the Kremlin"; "the United States", "Washington", "the White House"), so its claims and '
    "conflicts are not split across them.",
)
BARE_TITLE = Rule(
    "actors.bare_title",
    'A name that is only a title with "the" ("the President", "the Prime Minister"; not "a senator") '
    'is the one actor whose name carries that title before a proper name ("President Trump", "United '
    'States President Donald Trump"; not "Vice President Mike Pence"), when exactly one actor\'s does '
    'and no other actor holds it ("Ukrainian President").',
)
ROLE_NOT_IN_ARTICLE = Rule(
    "actors.role_not_in_article",
    "A role is kept only when the article uses those words and they say more than the name or the kind.",
)
ALIAS_LEFT_OUT = Rule(
    "actors.alias_left_out",
    "An alias is kept only when the article uses it, it is no pronoun, and it names no other actor.",
)
ENGLISH_NAME = Rule(
    "actors.english_name",
    "An actor of an article not in English is shown under its English name; the article's forms "
    "stay aliases.",
)
KIND_FROM_NAME = Rule(
    "actors.kind_from_name",
    "An actor the model described no kind for is an unnamed source when its name is lower case, "
    "else a person.",
)
ARTICLE_SPELLING = Rule(
    "actors.article_spelling",
    'A name or alias the model wrote with spaced initials ("U. S. officials") or in lower case where '
    'the article has capitals ("trump") is written as the article writes it ("U.S. officials", '
    '"Trump"; the capitals when the article writes it one way only, inside a sentence), so it reads, '
    "and compares with other names, as the article's own. A run of a writing system neither Latin nor"
    " the article's at a name's end (the 1.5B slips into Chinese) stuck to the word before it becomes"
    " the capitalised words the article always writes after the name's words before it (\"Council "
    '(NDRRMC) of the菲律宾" -> "... of the Philippines"); after a space it goes when the words before it'
    ' are a name the article writes ("Xi Jinping 习近平" -> "Xi Jinping"); otherwise the name stays as '
    "given.",
)
RULES = (
    SAME_NAME_FORMS,
    METONYM,
    BARE_TITLE,
    ROLE_NOT_IN_ARTICLE,
    ALIAS_LEFT_OUT,
    ENGLISH_NAME,
    KIND_FROM_NAME,
    ARTICLE_SPELLING,
)

_SPACED_INITIALS = re.compile(r"\b(?:[A-Z]\.[ \t]+)+[A-Z]\.")


def name_key(name: str) -> str:
    """A comparison key: case-folded, accents on Latin letters, punctuation and leading articles
    removed, spaces folded ("Erdoğan" and "Erdogan" are one name)."""
    text = re.sub(r"[^\w\s]", " ", _without_latin_accents(name.casefold()))
    text = " ".join(text.split())
    for article in _LEADING_ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def _without_latin_accents(text: str) -> str:
    """The text with the accents of Latin letters left out ("ğ" -> "g", "á" -> "a"); other scripts'
    marks stay (a Japanese voicing mark is no accent)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def initials_as_in_article(text: str, article_text: str) -> str:
    """The text with each run of spaced initials ("U. S.", "U. N.") closed up ("U.S.") where the
    article writes it so."""

    def closed_up(match: re.Match[str]) -> str:
        initials = "".join(match.group(0).split())
        return initials if initials in article_text else match.group(0)

    return _SPACED_INITIALS.sub(closed_up, text)


def spelled_as_in_article(name: str, article_text: str) -> str:
    """The name with each run of spaced initials ("U. S.", "U. N.") closed up ("U.S.") where the
    article writes it so, and with the article's capitals where the model wrote lower case, when the
    article writes it one way only, and so inside a sentence (`_inside_a_sentence`: "trump" ->
    "Trump"; not "leaders" when only a sentence or a line opens with "Leaders", nor "police" found
    only in "Kenya Police"); other spellings stay as given."""
    name = _article_words_for_foreign_run(initials_as_in_article(name, article_text), article_text)
    if not name.strip() or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", article_text):
        return name
    found = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article_text, re.IGNORECASE))
    spellings = {match[0] for match in found}
    inside = any(_inside_a_sentence(article_text, match.start()) for match in found)
    spelled = spellings.pop() if len(spellings) == 1 and inside else name
    pairs = zip(name, spelled, strict=False)
    raised = len(name) == len(spelled) and all(a == b or (a.islower() and b.isupper()) for a, b in pairs)
    return spelled if raised else name  # a capital the model gave stays ("Opposition lawmakers")


_CAPITALISED_RUN = r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)*"
"""Capitalised words in a row: the rest of a name ("Philippines", "United States")."""


def _article_words_for_foreign_run(name: str, article_text: str) -> str:
    """The name with a run of letters in a script neither Latin nor the article's at its end (the 1.5B
    slips into Chinese) written as the article writes it: a run stuck to the word before it ("Council
    (NDRRMC) of the菲律宾") becomes the capitalised words the article always writes after the name's
    words before it ("of the Philippines"); a run after a space ("Xi Jinping 习近平") is dropped when
    the words before it are a name the article writes. The name as given otherwise (the run inside it,
    the article going on in more ways than one or not with capitals)."""
    if name.isascii():
        return name
    runs = foreign_runs(name, scripts_of(article_text))
    if len(runs) != 1 or name[runs[0][1] :].strip():
        return name
    start = runs[0][0]
    before = name[:start].rstrip()
    if not before:
        return name
    if name[start - 1].isspace():
        return before if re.search(rf"(?<!\w){re.escape(before)}(?!\w)", article_text) else name
    going_on = {
        match[1]
        for match in re.finditer(rf"(?<!\w){re.escape(before)}[ \t]+({_CAPITALISED_RUN})", article_text)
    }
    return f"{before} {going_on.pop()}" if len(going_on) == 1 else name


_TITLE_WORDS = english.BARE_TITLES | {title[0] for title in english.NAME_TITLES if len(title) == 1}
_WORD_BEFORE = re.compile(r"(?:(?P<word>[\w.'\u2019-]+)|[,;])[ \t]+$")


def _inside_a_sentence(text: str, start: int) -> bool:
    """Whether the words at `start` stand inside a sentence, not opening it or a line, nor going on
    from another name: on the same line after a lower-case word, a comma, a semicolon or a title
    ("said Trump", "President Trump"); not after a capitalized word ("Kenya Police"), a colon or a
    stop."""
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before["word"]
    if word is None:
        return True  # after a comma or a semicolon
    title = word.rstrip(".").casefold() in _TITLE_WORDS | english.HONORIFICS  # "President", "Mr."
    return title or (word[:1].islower() and not word.endswith("."))  # "leaving." ends a sentence


def short_name(name: str, aliases: Sequence[str], *, person: bool = True) -> str:
    """The shortest way the article names an actor, for sentences code writes: of the name, its
    aliases and, for a `person`, a name after a lower-case role (`name_after_role`) or before a comma
    and a description (`name_before_description`), the shortest with a capitalised word (a proper
    name: "Carl Lipo" for "study co-author Professor Carl Lipo of Binghamton University", "Josh Bash"
    for "prosecutor Josh Bash"), else the name."""
    forms = (name, *aliases)
    inner_name_of = (name_after_role, name_before_description)
    inner_names = (
        [*filter(None, (of(form) for of in inner_name_of for form in forms)), *_names_after_titles(forms)]
        if person
        else []
    )
    named = [
        n
        for n in (*forms, *inner_names)
        if any(word[:1].isupper() for word in n.split()[1:] or n.split())
        and n.casefold() not in _TITLE_WORDS  # "President" or "Professor" alone names no one
    ]
    if person:  # "Health Minister" beside "Lukasz Szumowski": a title, not a shorter name
        untitled = [n for n in named if not _ends_in_title(n)]
        named = untitled or named
    return min(named, key=lambda n: (len(n.split()), len(n))) if named else name


_TITLE_ENDINGS = frozenset(title[-1] for title in english.NAME_TITLES)
_TITLE_PARTS = frozenset(word for title in english.NAME_TITLES for word in title) | {"officer"}


def _ends_in_title(form: str) -> bool:
    """Whether a form ends in a title word ("Health Minister", "Police Chief"): a title, unless it is
    all the article has ("John Major" stays when nothing else names him)."""
    return form.split()[-1].casefold().strip(".,") in _TITLE_ENDINGS


def _names_after_titles(forms: Sequence[str]) -> list[str]:
    """The name after a title that is itself one of the forms: "Lukasz Szumowski" from "Health
    Minister Lukasz Szumowski" beside "Health Minister"; only a capitalised name of two words or more,
    not opening with a title word nor a place ("Prime Minister of Canada", "Chief Executive Officer
    Tim Cook" give none)."""
    found = []
    for role in forms:
        size = len(role.split())
        if not _ends_in_title(role):
            continue
        for other in forms:
            words = other.split()
            rest = words[size:]
            if words[:size] != role.split() or len(rest) < 2:
                continue
            if all(word[:1].isupper() for word in rest) and rest[0].casefold() not in _TITLE_PARTS:
                named = " ".join(rest)
                if state_of(named) is None:
                    found.append(named)
    return found


MAX_ROLE_WORDS = 3
"""At most this many lower-case words of a role before a person's name ("study co-author")."""


def name_after_role(name: str) -> str | None:
    """The capitalised name of at least two words after a lower-case role of at most `MAX_ROLE_WORDS`
    words ("prosecutor Josh Bash" -> "Josh Bash", "evolutionary biomechanicist John Hutchinson" ->
    "John Hutchinson"); None for any other name ("a protester using the pseudonym Katya", "the
    government of American Samoa": an article or a connector is no role)."""
    words = name.split()
    role = 0
    while role < len(words) and words[role].islower():
        role += 1
    rest = words[role:]
    if not 0 < role <= MAX_ROLE_WORDS or len(rest) < 2 or not all(map(_role_word, words[:role])):
        return None
    if not all(word[:1].isupper() for word in rest) or rest[-1].strip(".,") in _NOT_A_PERSON_WORDS:
        return None
    named = " ".join(rest)
    return None if state_of(named) is not None else named  # "envoy South Korea": a place


def name_before_description(name: str) -> str | None:
    """The capitalised name of at least two words before a comma and a lower-case description
    ("Souhail Alouini, a member of Parliament" -> "Souhail Alouini", "Muktar Kedir, president of the
    region" -> "Muktar Kedir"; an organisation's name too: "Human Rights Watch, a rights group"); None
    for any other name: a list ("China, Iran, and Russia", "Boris Johnson, and other ministers",
    "Joe Biden, his wife Jill Biden", "Ann Lee, a lawyer, and Tom Reyes") or a description ("a German
    government source, whom they did not name")."""
    head, comma, description = name.partition(",")
    words = head.split()
    rest = description.split()
    if not comma or len(words) < 2 or not rest or not rest[0][:1].islower():
        return None
    if rest[0].casefold() in _NOT_A_DESCRIPTION or re.search(r"\band\s+[A-Z]", description):
        return None  # another person follows: "and other ministers", "his wife Jill Biden"
    if not all(word[:1].isupper() for word in words) or words[-1].strip(".") in _NOT_A_PERSON_WORDS:
        return None
    named = " ".join(words)
    return None if state_of(named) is not None else named


_NOT_A_DESCRIPTION = frozenset({"and", "or", "but", "with", "his", "her", "their", "its", "our", "my"})
"""Words after the comma that go on to someone else, not describe the name before it."""


def _role_word(word: str) -> bool:
    """A word of a role before a person's name: a letter word (hyphens allowed) that is no article,
    connector or preposition, no participle and no plural ("workers at General Motors", "troops loyal
    to Bashar Assad", "protesters outside Downing Street", "lawyer representing Acme Corp" name a
    group or another party, not a person)."""
    return (
        word.replace("-", "").isalpha()
        and word not in _NOT_ROLE_WORDS
        and not word.endswith(("ing", "ed"))
        and not (word.endswith("s") and not word.endswith(("ss", "us", "is")))
    )


_NOT_ROLE_WORDS = (
    english.NAME_CONNECTORS
    | english.PREPOSITIONS
    | frozenset(
        """a an outside inside near against with by like including such close loyal among between
        under over into onto toward towards via behind beyond about around alongside versus than
        as per al el bin ibn de da van von le la du der di dos del""".split()
    )
)
"""Words that are no role: articles, connectors, prepositions, and the particles of names ("bin
Salman Al Saud" is no "Salman Al Saud")."""
_NOT_A_PERSON_WORDS = frozenset(
    """City House Affairs Economics Police Group International Party Ministry Department Office Council
    Committee Foundation Government Association Union Bank University Institute Agency Court Army Forces
    Company Corp Inc Ltd Times Post News Street Sachs Capital Partners Holdings Authority
    Commission""".split()
)
"""Last words of an organisation's or a place's name after a role ("analyst Goldman Sachs", "mayor New
York City"): the words are the person's, not the organisation's."""


def short_names(actors: Sequence[Actor]) -> dict[str, str]:
    """`short_name` of each actor by id, from the aliases it alone goes by: an alias another actor
    also goes by ("Sudan" given to South Sudan, "Envoy" to two envoys) is passed over, so two sides
    never read as one (unless the model named them alike: see `one_actor` of
    `explanations.conflict_sentence`)."""
    going_by: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            going_by[form.casefold()].add(actor.id)
            for inner in (name_after_role(form), name_before_description(form)):
                if inner is not None:
                    going_by[inner.casefold()].add(actor.id)
    return {actor.id: _short_name_alone(actor, going_by) for actor in actors}


def _short_name_alone(actor: Actor, going_by: Mapping[str, set[str]]) -> str:
    """`short_name` from the forms of the actor's name no other actor goes by (a name after a role
    only for a person)."""
    aliases = [n for n in actor.aliases if going_by[n.casefold()] == {actor.id}]
    short = short_name(actor.name, aliases, person=actor.kind is ActorKind.PERSON)
    return short if short == actor.name or going_by[short.casefold()] == {actor.id} else actor.name


def occurs_in(name: str, article_key_text: str) -> bool:
    """True when the name occurs in the article as whole words (both compared by `name_key`)."""
    key = name_key(name)
    return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", article_key_text) is not None


def state_of(name: str) -> str | None:
    """The state a name stands for when it is a state, its capital, its seat of power or another of its
    names ("Moscow", "the Kremlin", "Russia" -> "russia"); None otherwise."""
    key = name_key(name)
    key = key.removesuffix(" government").strip()
    if key in places.CAPITALS:
        return places.CAPITALS[key]
    if key in places.SEATS_OF_POWER:
        return places.SEATS_OF_POWER[key]
    if key in places.STATE_NAMES:
        return places.STATE_NAMES[key]
    if key in _STATES:
        return key
    return None


_STATES = frozenset(
    [*places.CAPITALS.values(), *places.SEATS_OF_POWER.values(), *places.STATE_NAMES.values()]
)


def is_state_name(name: str) -> bool:
    """Whether the name is a state's own name ("Russia", "the US"), not a capital or a building."""
    key = name_key(name)
    return key in _STATES or key in places.STATE_NAMES


def same_state(a: str, b: str) -> bool:
    """Whether two names stand for one state ("Moscow" and "Russia"; "the White House" and "the US")."""
    state = state_of(a)
    return state is not None and state == state_of(b)


def same_actor_name(a: str, b: str) -> bool:
    """Whether two name forms denote the same actor: equal keys, or a proper name that ends the other,
    or a title's two forms of one person (`_title_and_surname`), or a person's name before its
    affiliation or apposition (`_name_before_affiliation`).

    "Stoltenberg" ~ "Jens Stoltenberg" ~ "NATO chief Jens Stoltenberg"; but "officials" is not
    "Russian officials" (a lower-case common noun is never taken as a short form), nor "The President"
    "the Ukrainian president" (a title alone is no short form: `BARE_TITLE` decides whose it is), nor
    "Netanyahu" "Critics of Netanyahu" (a connector or preposition before the name: someone else).
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return (
        _one_ends_the_other(a, b)
        or _title_and_surname(a, b)
        or _name_before_affiliation(a, b)
        or _initials_of(a, b)
        or _initials_of(b, a)
    )


def _initials_of(short: str, long: str) -> bool:
    """Whether `short` is written in capitals and is the initials of `long`'s capitalised words, titles
    and connectors left out, a hyphenated word by word or by part ("NG" of "Natasha Gownaris", "USGS" of
    "United States Geological Survey", "AOC" of "Alexandria Ocasio-Cortez"; not "NG" of "National Guard
    of Georgia", nor "US" of "US Senate", which holds it, nor "PM" of "Prime Minister", a title)."""
    letters = short.replace(".", "").strip()
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return False
    words = [word for word in long.split() if word.casefold() not in english.NAME_CONNECTORS]
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return False
    if any(word.replace(".", "") == letters for word in words) or _bare_title(long) is not None:
        return False
    if _ends_in_title(long):
        return False  # "Vice President", "District Attorney": an office, which a person's initials may match
    named = [word for word in words if word.strip(".").casefold() not in english.TITLES_LEFT_OUT_OF_INITIALS]
    if all(word.casefold() in _TITLE_PARTS for word in named):
        return False  # "Prime Minister", "District Attorney": an office, no name
    return letters in name_initials(" ".join(words))


def _one_ends_the_other(a: str, b: str) -> bool:
    """Whether the shorter form is a proper name that ends the longer ("Jens Stoltenberg", "NATO chief
    Jens Stoltenberg") and no connector or preposition comes before it there."""
    ka, kb = name_key(a), name_key(b)
    (short, short_raw), (long_, _) = sorted(((ka, a), (kb, b)), key=lambda pair: len(pair[0]))
    proper = short_raw.strip()[:1].isupper() and _bare_title(short_raw) is None
    if not (short and proper and long_.endswith(" " + short)):
        return False
    before = long_[: -len(short) - 1].split()
    if before[-1:] and before[-1] in _ANOTHER_PLACE_OR_OFFICE:
        return False  # "South Sudan" is not Sudan, the "Deputy Mayor of London" not its mayor
    if before[-2:-1] == ["of"] and before[-1:] == ["the"]:
        before = before[:-1]  # "the Democratic Republic of the Congo"
    if not before or before[-1] not in _PHRASE_BREAKERS:
        return True
    # "Critics of Netanyahu", "The United States and NATO" are someone else; "the government of
    # American Samoa", "the city of Kyiv" are American Samoa's, Kyiv's
    return before[-1] == "of" and len(before) > 1 and before[-2] in english.GOVERNMENT_WORDS


_PHRASE_BREAKERS = english.NAME_CONNECTORS | english.PREPOSITIONS
_ANOTHER_PLACE_OR_OFFICE = frozenset(
    """north south east west northern southern eastern western central new equatorial deputy vice
    acting""".split()
)
"""Words before a name that make it another place or another office ("North Korea", "New Mexico",
"Central African Republic", "Deputy Director of the CIA")."""
_NO_GIVEN_NAME_WORDS = _TITLE_PARTS | frozenset(
    "deputy vice acting former interim counsel executive justice head leader bin ibn al el abu".split()
)
"""Words that carry on a title ("Chief Justice", "Secretary General", "Deputy Mayor") or join an Arabic
name ("Mohammed Bin Salman"): never a given name between a title and a surname."""


def _title_and_surname(a: str, b: str) -> bool:
    """Whether one name is a title and a surname and the other the same title, given names and that
    surname ("Prime Minister Ardern", "Prime Minister Jacinda Ardern"; "President Trump", "President
    Donald J. Trump"): the title is one of `NAME_TITLES`, the words between are capitalised and none of
    them carries on a title or joins a name (`_NO_GIVEN_NAME_WORDS`: "Chief Roberts" is not "Chief Justice
    John Roberts", "Prince Salman" not "Prince Mohammed Bin Salman")."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(short) < 2 or len(long_) <= len(short) or not short[-1][:1].isupper():
        return False
    short_keys, long_keys = [name_key(w) for w in short], [name_key(w) for w in long_]
    title = short_keys[:-1]
    if short_keys[-1] != long_keys[-1] or long_keys[: len(title)] != title:
        return False
    if tuple(w for w in title if w != "the") not in english.NAME_TITLES:
        return False
    given = long_[len(title) : -1]
    return all(w[:1].isupper() and name_key(w) not in _NO_GIVEN_NAME_WORDS for w in given)


def _name_before_affiliation(a: str, b: str) -> bool:
    """Whether one form is a person's name followed by "of" and an affiliation or by an apposition
    after a comma ("Chief Superintendent Graciano Mijares of the police", "Jens Stoltenberg, Secretary
    General of NATO") and the other that name ("Graciano Mijares"). A person's name here ends in two
    capitalised words that are no title word and no organisation's word (`_NOT_A_PERSON_WORDS`): "The
    Government" is no name of "Government of Kenya", nor "Critics" of "Critics of Netanyahu"."""
    for name, affiliated in ((a, b), (b, a)):
        head = re.split(r",| of ", " ".join(affiliated.split()), maxsplit=1)[0].strip()
        if head == " ".join(affiliated.split()) or not _ends_in_a_persons_name(head):
            continue
        if name_key(head) == name_key(name) or _one_ends_the_other(head, name):
            return True
    return False


def _ends_in_a_persons_name(text: str) -> bool:
    """Whether the text ends in two capitalised words that are no title word, no organisation's or
    place's word and no article ("Graciano Mijares"; not "Deputy Minister", "Foreign Ministry")."""
    last_two = text.split()[-2:]
    return len(last_two) == 2 and all(
        word[:1].isupper()
        and name_key(word) not in _NO_GIVEN_NAME_WORDS
        and word.strip(".,") not in _NOT_A_PERSON_WORDS
        and name_key(word) not in english.LEADING_ARTICLES | {""}
        for word in last_two
    )


def _phrase_names(phrase: str, form: str) -> bool:
    """Whether a phrase of the article names the actor of this name form (`ActorRegistry.naming`)."""
    if not same_actor_name(form, phrase):
        return False
    words = name_key(phrase).split()
    extra = len(words) - len(name_key(form).split())
    return not any(word in _PHRASE_BREAKERS for word in words[: max(extra, 0)])


@dataclass
class _Group:
    forms: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    details: ActorDetails | None = None
    aliases: list[str] = field(default_factory=list)
    english: str | None = None
    """The name in English, for an article in another language (shown as the name)."""
    in_article: set[str] = field(default_factory=set)
    """The forms that occur in the article as whole words."""

    def matches(self, name: str) -> bool:
        return any(same_actor_name(form, name) or same_state(form, name) for form in self.forms)

    def named_by(self, phrase: str) -> bool:
        """Whether a phrase of the article names this actor by one of its forms or aliases (an
        apposition after a comma left out; `_phrase_names`)."""
        head = phrase.split(",")[0]
        return any(_phrase_names(head, form) for form in [*self.forms, *self.aliases])

    def has_form(self, phrase: str) -> bool:
        """Whether the phrase (before any comma) is one of this actor's own forms or aliases."""
        key = name_key(phrase.split(",")[0])
        return any(name_key(form) == key for form in [*self.forms, *self.aliases])

    def canonical(self) -> str:
        """The longest form of at most three words (else the shortest form), among the forms the
        article itself uses when there are any (a form the model garbled, "Ass Assange" for
        "Assange", is never shown as the name); a state's own name before its metonyms; a title
        alone ("the President") only when the actor has no other form."""
        forms = [f for f in self.forms if _bare_title(f) is None] or self.forms  # a name, not a title
        forms = [f for f in forms if f in self.in_article] or forms
        states = [f for f in forms if is_state_name(f)]  # "Russia" before "Moscow"
        forms = states or forms
        short_enough = [f for f in forms if len(f.split()) <= _MAX_CANONICAL_WORDS]
        if short_enough:
            return max(short_enough, key=lambda f: (len(f), self.counts.get(f, 0)))
        return min(forms, key=len)


class ActorRegistry:
    """Collects the names given for claim makers, merges forms of one actor, and hands out ids."""

    def __init__(self, article_text: str, trace: TraceRecorder | None = None) -> None:
        self._article_text = article_text
        self._article_key_text = name_key(article_text)
        self._groups: list[_Group] = []
        self._trace = trace

    def _record(self, rule: Rule, action: DecisionAction, reason: str, actor: str) -> None:
        if self._trace is not None:
            self._trace.record(rule, action, reason, actor=actor)

    def add_name(self, name: str) -> None:
        name = self._as_in_article(" ".join(name.split()))
        in_article = {name} if occurs_in(name, self._article_key_text) else set()
        for group in self._groups:
            if group.matches(name):
                if name not in group.forms:
                    by_name = any(same_actor_name(form, name) for form in group.forms)
                    rule, why = (
                        (SAME_NAME_FORMS, "is another form of")
                        if by_name
                        else (METONYM, "stands for the same state as")
                    )
                    self._record(rule, DecisionAction.MERGED, f"{name!r} {why} {group.forms[0]!r}", name)
                    group.forms.append(name)
                group.counts[name] = group.counts.get(name, 0) + 1
                group.in_article |= in_article
                return
        self._groups.append(_Group(forms=[name], counts={name: 1}, in_article=in_article))

    def merge_bare_titles(self) -> None:
        """Each actor named only by a title joins the one actor whose name carries that title before
        a proper name (`BARE_TITLE`)."""
        for group in list(self._groups):
            titles = {_bare_title(form) for form in group.forms}
            if len(titles) != 1 or None in titles:
                continue
            title = titles.pop()
            assert title is not None
            uses = {
                id(other): [named for form in other.forms for named in _title_uses(form, title)]
                for other in self._groups
                if other is not group
            }
            holders = [other for other in self._groups if any(uses.get(id(other), ()))]
            rivals = [other for other in self._groups if uses.get(id(other))]
            if len(holders) != 1 or rivals != holders:
                continue  # "Ukrainian President" beside "Russian President Vladimir Putin": which one?
            holder = holders[0]
            for form in group.forms:
                self._record(
                    BARE_TITLE,
                    DecisionAction.MERGED,
                    f"{form!r} is the title of {holder.canonical()!r}, the one actor that carries it",
                    form,
                )
            holder.forms.extend(group.forms)
            for form, count in group.counts.items():
                holder.counts[form] = holder.counts.get(form, 0) + count
            holder.in_article |= group.in_article
            self._groups.remove(group)

    def _as_in_article(self, name: str) -> str:
        """The name spelled as the article spells it (`ARTICLE_SPELLING`), traced once per name."""
        spelled = spelled_as_in_article(name, self._article_text)
        if spelled != name and not any(spelled in group.forms for group in self._groups):
            self._record(
                ARTICLE_SPELLING,
                DecisionAction.RELABELED,
                f"{name!r} is written {spelled!r}, as in the article",
                name,
            )
        return spelled

    def names(self) -> list[str]:
        """Canonical names, in first-seen order."""
        return [g.canonical() for g in self._groups]

    def describe(self, name: str, details: ActorDetails) -> None:
        """Attach the model's kind, role and aliases to the actor with this name (or name form).

        The role is kept only when the article uses those words and they say more than the name or kind.

        An alias is kept only when the article uses it, it is no pronoun, and it names no other actor:
        small models sometimes list another speaker as an alias, and merging on their word would hand
        one actor's claims to another. Unknown names are ignored.
        """
        group = self._group_named(name)
        if group is None:
            return
        role = " ".join((details.role or "").split())
        if name_key(role) in english.NO_VALUE_WORDS:  # the model's way of writing null: no role given
            role = ""
        # A role the article never uses is the model's invention (or its prompt's example); the
        # actor's own name or its kind ("government") is no role.
        uninformative = name_key(role) in {name_key(name), *english.ACTOR_KIND_WORDS}
        kept_role = role if role and not uninformative and occurs_in(role, self._article_key_text) else None
        if role and kept_role is None:
            why = "says no more than the name or kind" if uninformative else "is not in the article"
            self._record(ROLE_NOT_IN_ARTICLE, DecisionAction.DROPPED, f"role {role!r} {why}", name)
        group.details = details.model_copy(update={"role": kept_role})
        for alias in details.aliases:
            given = " ".join(alias.split())
            alias = spelled_as_in_article(given, self._article_text)
            if alias != given:
                self._record(
                    ARTICLE_SPELLING, DecisionAction.RELABELED, f"alias {given!r} is written {alias!r}", name
                )
            in_article = bool(alias) and occurs_in(alias, self._article_key_text)
            if not alias or (in_article and any(same_actor_name(form, alias) for form in group.forms)):
                continue  # nothing, or a form the actor already has (a metonym, "Moscow" for
                # "Russia", is kept as an alias below, so rebuttals naming it are seen)
            if name_key(alias) in PRONOUNS:
                why = "is a pronoun"
            elif not in_article:  # even a form of the actor's name ("UN" for "United Nations")
                why = "is not in the article"
            elif any(other.matches(alias) for other in self._groups if other is not group):
                why = "names another actor"
            else:
                group.aliases.append(alias)
                continue
            self._record(ALIAS_LEFT_OUT, DecisionAction.DROPPED, f"alias {alias!r} {why}", name)

    def set_english_name(self, name: str, translated: str) -> None:
        """Show the actor with this name under its English name; its article forms stay aliases."""
        group = self._group_named(name)
        english_name = " ".join(translated.split())
        if group is not None and english_name and name_key(english_name) != name_key(group.canonical()):
            group.english = english_name
            self._record(ENGLISH_NAME, DecisionAction.RELABELED, f"shown as {english_name!r}", name)

    def naming(self, phrase: str) -> str | None:
        """The name of the one actor a phrase of the article names (a form or alias of it: "Pelosi"
        for "Nancy Pelosi"; an apposition after a comma left out), else None (no actor, or several).
        A phrase longer than the form it ends with names that form only without a connector or
        preposition before it ("NATO chief Jens Stoltenberg" names "Stoltenberg"; "a lawyer for
        Assange" and "Durbin and Schiff" name nobody here)."""
        groups = [group for group in self._groups if group.named_by(phrase)]
        if len(groups) > 1:  # "Erdogan" ends "Recep Tayyip Erdoğan" too, but is a form of its own actor
            groups = [group for group in groups if group.has_form(phrase)]
        return groups[0].canonical() if len(groups) == 1 else None

    def may_name(self, phrase: str, name: str) -> bool:
        """Whether a phrase of the article names the actor with this name, perhaps among others
        ("Senator Schiff" may name the actor "Adam Schiff", whose form "Schiff" ends it)."""
        group = self._group_named(name)
        return group is not None and group.named_by(phrase)

    def is_outlet(self, name: str) -> bool:
        """Whether the actor with this name was described as a news outlet (kind media)."""
        group = self._group_named(name)
        details = group.details if group is not None else None
        return details is not None and ActorKind(details.kind) is ActorKind.MEDIA

    def _group_named(self, name: str) -> _Group | None:
        exact = [g for g in self._groups if g.canonical() == name]
        if exact:
            return exact[0]
        index = self._first_matching(name)
        return None if index is None else self._groups[index - 1]

    def _respelled(self, name: str) -> str | None:
        """The name as `add_name` keeps it (`spelled_as_in_article`), when that differs: a claim's
        actor is looked up by the name the model gave ("... of the菲律宾"), its actor holds the
        article's."""
        spelled = spelled_as_in_article(" ".join(name.split()), self._article_text)
        return None if spelled == name else spelled

    def record_kinds_from_names(self, name: str | None = None) -> None:
        """Trace the actors the model gave no kind for (their kind is guessed from the name); with a
        `name`, only the actor of that name (one added after the actors were described)."""
        for group in self._groups:
            if group.details is None and (name is None or group.matches(name)):
                shown = group.english or group.canonical()
                guessed = _guess_kind(shown).value
                self._record(
                    KIND_FROM_NAME, DecisionAction.RELABELED, f"no kind described: taken as {guessed}", shown
                )

    def id_of(self, name: str) -> str:
        """The id of the actor one of whose forms or aliases is this name."""
        index = self._first_matching(name)
        if index is None:
            raise KeyError(name)
        return f"a{index}"

    def _first_matching(self, name: str) -> int | None:
        """The position (from 1) of the first actor one of whose forms is this name, or, when none is,
        this name as `add_name` keeps it (`_respelled`)."""
        index = self._index_of_form(name)
        if index is None:  # respelled only after a miss: it searches the article
            respelled = self._respelled(name)
            index = None if respelled is None else self._index_of_form(respelled)
        return index

    def _index_of_form(self, name: str) -> int | None:
        return next((index for index, group in enumerate(self._groups, start=1) if group.matches(name)), None)

    def actors(self) -> list[Actor]:
        actors = []
        for index, group in enumerate(self._groups, start=1):
            canonical = group.english or group.canonical()
            aliases = [f for f in group.forms if f != canonical] + group.aliases
            details = group.details
            actors.append(
                Actor(
                    id=f"a{index}",
                    name=canonical,
                    kind=ActorKind(details.kind) if details else _guess_kind(canonical),
                    role=(details.role or None) if details else None,
                    aliases=list(dict.fromkeys(a for a in aliases if name_key(a) != name_key(canonical))),
                )
            )
        return actors


def _bare_title(name: str) -> tuple[str, ...] | None:
    """The title a definite name is made of alone ("The President" -> ("president",)), else None ("a
    senator" is someone else than any named senator)."""
    first = name.split()[:1]
    if first and first[0].casefold() in ("a", "an"):
        return None
    words = tuple(name_key(name).split())
    return words if words in english.NAME_TITLES else None


def _title_uses(form: str, title: tuple[str, ...]) -> list[bool]:
    """For each place the form holds the title as its own (not inside a longer title, not after
    "vice", "former", ..., not after "of the" or "for the"), whether a proper name follows it: an
    actor carrying the title ("United States President Donald Trump") has a use with a name after it,
    one only holding it ("Ukrainian President", "German Chancellor") has uses without."""
    raw = form.replace(",", " ").split()
    keys = [name_key(word) for word in raw]
    size = len(title)
    uses = []
    for start in range(len(keys) - size + 1):
        if tuple(keys[start : start + size]) != title:
            continue
        before = keys[start - 1] if start > 0 else ""
        longer = before and (before, *title) in english.NAME_TITLES
        owner = keys[start - 2] if before == "the" and start > 1 else before
        if owner in _PHRASE_BREAKERS and owner != "the":
            continue  # "the Office of the President", "a spokesman for the Prime Minister"
        if before not in english.OTHER_HOLDER_WORDS and not longer:
            following = raw[start + size] if start + size < len(raw) else ""
            uses.append(following[:1].isupper())
    return uses


def _guess_kind(name: str) -> ActorKind:
    """A fallback when the model gave no kind: unnamed sources are lower-case common nouns."""
    return ActorKind.UNNAMED_SOURCE if name[:1].islower() else ActorKind.PERSON
