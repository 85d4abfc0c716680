"""English words and patterns: every word list code uses to read English news, in one place.

Each list says what it is for and which module reads it. Lists that are subsets of another are
derived from it here, so a word is written once. The number vocabulary is in `english_numbers`;
the words of the other languages the tool meets are in `other_languages`.

These lists are general English news usage, not tuned to any article; changing one changes what
code decides, which the decision trace (`run.trace`) and the eval's per-rule table show.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------------------------------
# Function words and pronouns

FUNCTION_WORDS = _words(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have
    had do does did not no nor so than that this these those it its he she they them his her their we
    our you your i me my will would can could should may might must shall said says say saying told
    tells also about after before over under into out up down more most some any all each other such
    only own same very just there here what which who whom whose when where why how while because then
    once again further between during through above below off now"""
)
"""Words that carry no content: never keywords, never part of a name (text.keywords, speakers, ...)."""

PERSONAL_PRONOUNS = _words("he she they it we i you him her them his hers their theirs its our us me my who")
"""Pronouns that are never an actor's name: an actor named "he" is sent back to the model."""

FIRST_PERSON_PRONOUNS = _words("i we my our us me")
"""A text speaking in these throughout is authored (a press statement): its author is the speaker."""

THIRD_PERSON_PRONOUNS = _words("he she it they his her its their")
"""Subject and possessive pronouns that may stand for an actor a sentence does not name."""

PERSON_SUBJECT_PRONOUNS = _words("he she")
"""The subject pronouns that stand for one person ("they" and "it" may be anyone or anything)."""

PERSON_PRONOUNS = PERSON_SUBJECT_PRONOUNS | _words("his her")
"""The subject and possessive pronouns of one person ("He", "His", "She", "Her")."""

POSSESSIVE_PRONOUNS = _words("my our your his her its their")
"""Pronouns owning what follows ("Their statement", "Her lawyer")."""

FIRST_PERSON_WORDS = FIRST_PERSON_PRONOUNS | _words("mine ours myself ourselves")
"""Every first-person word: a statement holding one besides its opening is not rewritten by code
(text.third_person)."""

FIRST_PERSON_CONTRACTIONS = {"m": "is", "re": "is", "ve": "has", "ll": "will"}
""""I'm", "we're", "I've", "we'll" in the third person (text.third_person); "I'd" (had or would) is
left to the model."""

FIRST_PERSON_VERB_FORMS = {
    "am": "is",
    "are": "is",
    "be": "is",
    "have": "has",
    "do": "does",
    "were": "was",
    "don't": "doesn't",
    "haven't": "hasn't",
    "aren't": "isn't",
    "weren't": "wasn't",
}
"""Verbs after I or we that change irregularly after he, she or a name (text.third_person)."""

VERBS_THE_SAME_IN_THIRD_PERSON = _words(
    """will would can could cannot shall should may might must was had did said made knew thought told took
    went came got gave found felt left met put sent spoke stood wrote became began brought bought built
    caught chose fought held kept led lost meant paid sold won saw heard understood ran set cut let hit
    hurt read"""
)
"""Modals and past forms: the same after I, we, he or a name (text.third_person)."""

PAST_FORMS_IN_EED = _words("agreed disagreed freed decreed guaranteed refereed")
"""Past forms ending in "eed"; any other such verb ("need", "proceed") is a present form."""

PRESENT_FORMS_IN_ED = _words("embed shed shred wed bed")
"""Present forms ending in "ed" ("we shred documents"), not past ones."""

VERBS_IN_LY = _words("apply rely reply supply comply imply fly rally ally tally bully multiply")
"""Verbs ending in "ly": no adverb after a subject ("We rely on ...")."""

ADVERBS_BEFORE_VERB = _words(
    """never also always still just really strongly certainly fully only now already even firmly truly
    deeply sincerely absolutely totally completely clearly personally simply actually definitely
    genuinely often sometimes usually again once"""
)
"""Adverbs between an opening I or we and its verb ("I never threaten"; text.third_person)."""

SUBJECT_PRONOUNS = _words("he she they it we i you")
"""Pronouns that can speak ("he said"): someone only the context names."""

SPEAKER_PRONOUNS = SUBJECT_PRONOUNS | _words("who this that there")
"""Capitalised words that open a sentence but never name a speaker ("He said", "This says")."""

PRONOUNS = (
    PERSONAL_PRONOUNS
    | _words(
        """mine myself yours yourself yourselves himself herself itself ours ourselves themselves themself
    one oneself whom whose which that what whoever whichever this these those someone somebody
    something anyone anybody everyone everybody nobody none some all each both either neither another
    others many few several most"""
    )
    | frozenset({"no one"})
)
"""Names that give the eval no name to check (gold and predicted actors alike)."""

LEADING_ARTICLES = _words("the a an")
"""Articles left out when two names are compared ("the Kremlin" ~ "Kremlin")."""

DETERMINERS = _words("a an the its their his her our several some many two three other")
"""Words that may open a speaker's description ("the city engineer", "two officials")."""

NAME_CONNECTORS = frozenset("of for the and 's \u2019s".split())
"""Words inside a name ("Ministry of Defence", "Doctors for Peace", "Russia's")."""

PREPOSITIONS = _words("in at from of on for with to near inside outside across")
"""A place after one of these belongs to the speaker before it ("leaders in central Ethiopia")."""

CLAUSE_OPENERS = frozenset("But And However Yet Meanwhile Also So Still Now Then Later".split())
"""Capitalised words that open a clause but are no part of a speaker's name."""

# ---------------------------------------------------------------------------------------------------
# Titles

HONORIFICS = _words("mr mrs ms dr")
"""Honorifics: never a name word on their own (text.speakers, pipeline.rules.attribution)."""
TITLES_LEFT_OUT_OF_INITIALS = HONORIFICS | _words("prof professor sir lady dame")
"""Titles before a name that the name's initials leave out ("AR" for "Prof. Ana Ruiz")."""
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
"""The days of the week, in lower case."""

BARE_TITLES = HONORIFICS | _words("president minister general chief secretary")
"""A speaker that is only a title ("the president said") stands for a person named elsewhere."""

TITLE_ABBREVIATION_PATTERN = r"(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Sgt|Brig|Capt|Maj|Rep|Sen|Gov|Prof|Adm|Cpl|Pvt)\."
"""Abbreviated titles kept as one token with their period ("Gen. Smith said")."""

NO_BREAK_ABBREVIATIONS = _words(
    """
    mr mrs ms messrs mme mlle dr prof gen lt col sgt capt cpl pvt adm maj cmdr brig sen rep gov
    st rev hon pres supt fr mt ft vs v cf viz approx ca esp
    e.g i.e a.k.a
    """
)
"""A period after these never ends a sentence (text.sentences)."""

BEFORE_NUMBER_ABBREVIATIONS = _words(
    """
    no nos nr art arts vol vols p pp fig figs sec ch para op
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
"""A period after these does not end a sentence when a number follows ("No. 10", "Sept. 11")."""

SOFT_ABBREVIATIONS = _words(
    """
    etc inc ltd co corp jr sr bros al plc llc
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
"""These often close a sentence: a period after them ends one only before a sentence opener."""

SENTENCE_OPENERS = _words(
    """
    a an the he she it they we i you this that these those there here his her its their our my your
    but and or so yet still however meanwhile moreover also instead nevertheless nonetheless
    in on at as after before when while if since although though because during despite until
    for of to with by from about under over into
    what why how who where which whether
    some many most several few all both each every no none one two three four five
    officials critics analysts experts residents witnesses police authorities
    according asked speaking later earlier now then today yesterday tomorrow last next
    mr mrs ms dr
    """
)
"""Common first words of a sentence (text.sentences: does a soft abbreviation end one?)."""

NAME_TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(title.split())
    for title in (
        # honorifics
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "reverend", "hon", "honourable", "honorable", "father", "rabbi", "imam", "sheikh",
        # heads of state and government, ministers
        "president", "premier", "prime minister", "pm", "chancellor", "minister", "foreign minister",
        "defence minister", "defense minister", "finance minister", "interior minister",
        "foreign secretary", "home secretary", "defence secretary", "defense secretary",
        "secretary", "secretary of state", "secretary general", "press secretary",
        "white house press secretary", "attorney general", "chief justice",
        "king", "queen", "prince", "princess", "crown prince", "emir", "sultan", "pope",
        "ayatollah", "supreme leader",
        # spokespeople, officials
        "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "commissioner",
        "chairman", "chairwoman", "chair", "ceo", "chief executive", "director", "mayor", "judge",
        # legislators and governors
        "sen", "senator", "rep", "representative", "congressman", "congresswoman", "speaker",
        "house speaker", "mp", "gov", "governor",
        # military and police ranks
        "general", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain",
        "sgt", "sergeant", "admiral", "adm", "marshal", "commander", "chief",
    )
)  # fmt: skip
"""Eval name matching: titles stripped from the start of a name (a multi-word title only as a whole)."""

# ---------------------------------------------------------------------------------------------------
# Reporting: who says what

REPORTING_VERBS = _words(
    """said say says saying told tell tells added adds announced announces warned warns accused accuses
    claimed claims insisted insists denied denies stated states argued argues urged urges confirmed
    confirms reported reports noted notes explained explains asserted asserts alleged alleges
    acknowledged acknowledges admitted admits estimated estimates predicted predicts vowed vows
    threatened threatens promised promises demanded demands called calls described describes
    criticised criticized criticises criticizes condemned condemns rejected rejects dismissed dismisses
    suggested suggests wrote writes replied replies responded responds countered counters maintained
    maintains believes believed disputes disputed termed insisted remarked remarks commented emphasized
    emphasised emphasizes emphasises stressed tweeted pledged cautioned testified testifies"""
)
"""Verbs that report speech ("X said", "X has warned"): matched lower-case (text.speakers). Not forms
that are mostly nouns ("comments", "tweets", "cautions", "pledges", "stresses") or often deeds or
findings ("declared an emergency", "recalled cars", "conceded goals", "readings indicated",
"mentioned in the indictment")."""

FRAME_VERBS = _words("said says stated announced claimed warned insisted noted argued explained confirmed")
"""Reporting verbs that frame a point right after them ("X said Y" -> "Y"; rules.statements), with
"told reporters" and "added" (not "added to"); each is one of `REPORTING_VERBS`."""

FRAME_VERBS_BEFORE_THAT = _words(
    "claims reported commented stressed emphasized emphasised cautioned tweeted testified"
)
"""Reporting verbs that frame a point only before "that" ("Their claims are false", "He reported the
incident to the police", "Scientists cautioned against optimism" are statements; rules.statements);
each is one of `REPORTING_VERBS`."""

FRAME_PHRASES_BEFORE_THAT = ("pointed out", "points out")
"""Reporting phrases that frame a point only before "that" ("She pointed out the risks" is a
statement; rules.statements)."""

INVERTED_REPORTING_VERBS = _words("said says added adds wrote writes remarked")
"""Verbs that may come before their speaker ('..." said the minister', ', says Smith', 'Remarked
Smith, "..."')."""

CIRCUMSTANCE_OPENERS = _words("in on at during via through speaking writing")
"""First words of a phrase between commas that says when, where or how a speaker spoke ("Smith, in
remarks to reporters, said", "Smith, speaking on Tuesday, said"), not who the speaker is."""

REPORT_TIME_LINKS = _words("after before while whereas although though")
"""Words that open a clause reporting another speaker beside the main one ("NATO accused Russia of
adding troops, a day after Moscow said it was withdrawing"; "While Russia says it is leaving, ...").
Not "as" ("as Moscow said" agrees) nor "since" (a cause as often as a time)."""

REPORTING_CUE_WORDS = REPORTING_VERBS | _words(
    """termed according interview briefing calling indicated clarified clarifies agreed agrees ruled plea
    pleas"""
)
"""Words that mark reported speech near a claim (pipeline.rules.attribution). Some report speech only
in one use (`CUES_AFTER_PERFECT`, `CUES_BEFORE_THAT`, `CUES_BEFORE_TO_OR_THAT`)."""

CUES_AFTER_PERFECT = _words("indicated")
"""Cue words only after has/have/had ("Emergency workers have indicated a homicide probe is ongoing",
not "Tests indicated high levels of lead")."""
CUES_BEFORE_THAT = _words("clarified clarifies")
"""Cue words only before "that", right after them or after a phrase opening with a preposition ("Judge
Jackson clarified in the proceedings that ...", not "clarified butter that is popular")."""
CUES_OF_A_COURT = _words("ruled")
"""Cue words only before "that" and a clause, or, in a sentence naming a court, before "against", "in
favour" or a verdict (a day or a vote may come between: "The appeals court ruled Friday against Ohio's
procedure", "ruled 7-2 that"); not "ruled Zimbabwe for 37 years", "ruled that nation" or "The king
ruled against all advice". PolNeAR's dev labels take the 3 such "ruled" for cues ("rules that" is as
often the noun: "emissions rules that promise ...")."""
CUES_BEFORE_TO_OR_THAT = _words("agreed agrees")
"""Cue words only right before "to" or "that" ("Pelosi had agreed to support ...", not "agreed a fee"
or "as agreed"). These three sets are cues in one use only, which PolNeAR's dev labels take for cues;
they are not in `REPORTING_VERBS`: they frame no speaker elsewhere."""

CUES_BEFORE_OF = _words("critical")
"""Cue words only right before "of": "has been critical of Trump", "the senator, long critical of
Beijing"; not "critical swing states", "in critical condition", "His condition was critical", "The next
48 hours are critical". In PolNeAR's dev texts and the labeled sets the stance is "critical of" in all
but one sentence ("have been critical;"), which has another cue."""

KEEPING_VERBS = _words("maintain maintains maintained")
"""Reporting verbs that keep a thing when an article or a possessive follows them ("the Watch Tower
maintains a database", "maintained its lead"), and report speech otherwise ("maintained that ...",
"maintains the company was solvent")."""
THING_OPENERS = _words("a an its their his her our")
"""Words that open the thing a keeping verb keeps (`KEEPING_VERBS`)."""

REPORTING_STEMS = tuple(
    """say tell claim deni deny accus warn announc insist disput reject dismiss urg condemn critic
    denounc prais hail welcom alleg report statement quot believ argu estimat predict vow threat
    promis demand confirm admit acknowledg explain assert suggest repl respond counter
    blame pledg appeal question debat endors highlight propos recommend oppos express
    mention advis characteris characteriz caution proclaim proclam confess plead""".split()
)
"""Beginnings of reporting words in any form ("deny", "denies", "denial"; "criticism"; "proclaimed",
"proclamation", which PolNeAR's dev labels take for cues; a confession and a plea, said in court or
out: "confessed to killing his sister", "pleaded not guilty", "pleads for his life"). Not "call",
"maintain" or "support": in their other forms they are mostly deeds ("a phone call", "parts to
maintain them", "findings support the hypothesis", "Qawi's supporters"); the reporting forms are
words above ("called", "calling", "maintains")."""

STEM_WORDS_NOT_SPEECH = (
    r"replac\w*|replic\w*|quota\w*|urgen\w*|counterpart\w*|counterterror\w*|counterfeit\w*"
    r"|cautious\w*|predictabl\w*|expressway\w*|confessional\w*"
)
"""Words that begin like a reporting word (`REPORTING_STEMS`: "repl", "quot", "urg", "counter",
"caution", "predict", "express") and never report speech ("every member is re-elected or replaced",
"a quota", "urgent repairs", "his counterpart", "Lebanon's confessional system"). Not "promising":
"promising to lift regulations" is a promise (PolNeAR)."""

REPORTING_PHRASES = ("pointed out", "points out", "point out", "pointing out", "made clear", "makes clear")
"""Reporting verbs of two words, whose first word alone reports nothing ("pointed a gun")."""

WORDS_BETWEEN_SPEAKER_AND_VERB = _words(
    """has have had also already later earlier again repeatedly previously reportedly publicly privately
    recently openly allegedly then on in at last this
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday week weekend
    morning afternoon evening night month year has've"""
)
"""Auxiliaries, adverbs and times allowed between a speaker and its verb ("X has also said")."""

TIME_LINKS = _words("during over late early the")
"""Lower-case words that join a time between a speaker and its verb when a time word, "on" or "the"
follows them ("X during the weekend said", "X late on Tuesday said"); never name words ("Jamie Early",
"Early Warning Services": capitalised, they stay in the name; text.speakers)."""

MEMBER_ROLES = _words(
    """spokesman spokeswoman spokesperson spokespeople official officials officer officers head leader
    leaders director directors chairman chairwoman chair executive executives staff representative
    representatives press"""
)
"""Roles of a person speaking for the body named before them ("NATO official", "White House press
secretary"); not "expert" or "analyst" ("Russia analyst Mark Galeotti" studies Russia), nor "member"
("NATO member Turkey" is a state of its own)."""

STAFF_ROLES = _words("scientist scientists researcher researchers")
"""Roles of a person working for an organisation named before them ("Center for Biological Diversity
scientist Tierra Curry"); after a short name ("Russia scientist") the person may be anyone's."""

SPEAKER_NOUNS = _words(
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
    embassy broadcaster ministry's hospital hospitals"""
)
"""Lower-case words that can be part of a speaker's description ("a defence ministry spokesman", "the
hospital said seven people died")."""

KIND_NOUNS = _words(
    """company firm group organisation organization publication newspaper paper outlet magazine journal
    broadcaster network agency airline carrier manufacturer charity institute website site daily
    weekly coalition movement campaign"""
)
"""Nouns that say only what kind of body an actor is ("the company", "the industry publication"): a
description made of one refers back to the body just named, whatever its name (rules.statements)."""

SOURCE_NOUNS = _words(
    """source sources official officials aide aides adviser advisers advisor advisors witness witnesses
    resident residents analyst analysts expert experts observer observers diplomat diplomats insider
    insiders operative operatives investigator investigators critic critics supporter supporters
    activist activists protester protesters people"""
)
"""Nouns that make an unnamed source an actor in its own right ("a source", "officials")."""

NEWS_AGENCIES = frozenset(
    {"reuters", "ap", "afp", "upi", "dpa", "efe", "ansa", "associated press", "agence france-presse"}
    | {"agence france presse", "france-presse", "france presse"}
)
"""Wire services, by whole name, whose "X reported" is the outlet's own reporting, not an actor's claim
("France" alone is a state, not Agence France-Presse)."""

REPORT_NOUNS = _words(
    """allegation allegations accusation accusations charge charges claim claims assertion assertions
    warning warnings prediction predictions promise promises pledge pledges assurance assurances threat
    threats report reports statement statements suggestion suggestions contention insistence argument
    arguments finding findings"""
)
"""Nouns that carry a source's point after "that" ("tribal leaders' allegations that ...", "warnings
from Western countries that ..."; text.reported_content). Not a denial or a rejection, whose point is
the opposite of what its source holds."""

ALLEGATION_STEMS = ("accus", "alleg", "claim", "charg", "report")
"""Beginnings of words that report an allegation (what a bare denial usually answers)."""

OCCASION_WORDS_TEXT = """news conference press briefing statement interview article journal report reported
    reporter reporters told said says spokesman spokeswoman spokesperson official officials television radio
    newspaper quoted quote monday tuesday wednesday thursday friday saturday sunday today yesterday
    week weekend announced announcement wrote written added noted"""
"""Words for how and when something was said: two claims sharing them share an occasion, not a subject."""

ATTRIBUTION_WORDS_TEXT = "claim claims said says say article report reports state states according"
"""Words any summary sentence may add: how the claims are attributed, not what they say."""

COMPARISON_WORDS_TEXT = f"""{ATTRIBUTION_WORDS_TEXT} statement statements fact facts information event events
    thing things matter issue topic same different difference differ opposite viewpoint viewpoints
    perspective perspectives interpretation interpretations account accounts version versions true false
    both contradict contradictory contradiction conflict conflicting present presents"""
"""Words a comparison of two claims uses about any two claims ("Both claims are about the same event,
but they present different information"): sharing them with the claims says nothing of what they hold."""

DIFFERING_ASPECT_WORDS_TEXT = """time times date dates period periods moment source sources aspect aspects
    detail details context contexts angle angles part parts level levels focus focuses emphasis report reports
    reporting describe describes describing discuss discusses discussing refer refers referring talk talks
    talking provide provides providing give gives giving"""
"""What a comparison may say two claims differ in (times, sources, details), and its verbs of describing
(report, give, provide), without saying how they differ ("they are about different times and different
sources", "they are reporting different information")."""

NO_VALUE_WORDS: frozenset[str] = frozenset({"null", "none", "n a", "na", "unknown", "not given", "no role"})
"""What a model writes in a text field when it means "no value" (e.g. a role of "null"), as
`name_key` folds it (punctuation becomes spaces: "n/a" is "n a")."""

ACTOR_KIND_WORDS = frozenset(
    {"person", "organisation", "organization", "government", "media", "unnamed source"}
)
"""An actor's kind is no role ("government" as a role says nothing)."""

# ---------------------------------------------------------------------------------------------------
# Stance: negation and opposed ideas

NEGATIONS = _words("not no never none nothing deny denies denied denying false wrong untrue without")
"""Words that negate what a claim says (and "n't")."""

NEGATION_SCOPE_WORDS = 8
"""How many words after a negation it reaches at most (fewer when the clause ends first)."""

CLAUSE_TURNS = _words("but however although though while whereas yet")
"""Words that turn a clause: they end a negation's reach ("not only X but Y"), and are skipped right
after the negation ("does not, however, list")."""

DISAGREEMENT_VERBS = _words(
    "opposed opposes questioned attacked criticized criticised criticizes criticises rejected rejects "
    "disputed disputes dismissed dismisses contradicted contradicts rebutted rebuts disagreed disagrees "
    "slammed slams condemned condemns challenged doubted refuted refutes denounced denounces decried decries"
)
"""Verbs by which a report says one side took issue with another ("Bolsonaro opposed Macron's
statement", "Hutchinson questioned the findings"); forms that are also common nouns ("attacks",
"questions", "challenges") are left out."""

VERDICT_WORDS = _words(
    "unwarranted unjustified baseless unfounded groundless breach unconstitutional unlawful hoax "
    "nonsense absurd ridiculous garbage non-starter witch-hunt fabricated misleading slander smear "
    "outrageous disgraceful irresponsible"
)
"""Words by which a speaker judges what another side did or said wrong or untrue ("his emergency
declaration is unwarranted", "a breach of his constitutional responsibilities", "Witch Hunt garbage");
words with a common neutral use are left out ("illegal immigration", "false start", "the problem lies",
"the propaganda ministry", "a fabrication plant", "reckless driving"), and `pairing` reads "witch"
only before "hunt" and "breach" not after "data" or "security"."""

STANCE_VERBS = _words(
    """deny denies denied reject rejects rejected dismiss dismisses dismissed dispute disputes disputed
    refute refutes refuted rebut rebuts rebutted oppose opposes opposed questioned criticize criticizes
    criticized criticise criticises criticised condemn condemns condemned accuse accuses accused blame
    blames blamed admit admits admitted acknowledge acknowledges acknowledged confirm confirms confirmed
    maintain maintains maintained disagree disagrees disagreed contradict contradicts contradicted
    challenged doubt doubts doubted denounce denounces denounced decry decries decried slams slammed
    welcome welcomes welcomed praise praises praised"""
)
"""Verbs of a speaker's stance towards what is said ("the spokesman denies ...", "Bolsonaro opposed
..."), never deeds ("added", "attacked", "called"); forms that are common nouns ("questions",
"claims") are left out."""

LEGAL_TEXT_WORDS = _words("clause constitution treaty charter statute law provision amendment")
"""Texts whose wording is read, not said: "The group's Article 5 clause states that ..." reports no
one's words (narration of what a text provides)."""
NUMBERED_TEXT_PARTS = _words("article section paragraph")
"""Parts of a text named by a number ("Article 5 states ...")."""
WORDING_VERBS = _words(
    "states state stated says said reads read stipulates stipulated provides provided clarifies clarified"
)
"""Verbs a text's wording takes."""

INTENTION_WORDS = _words("intend intends intended intending intention intentions intent")
"""Words that speak of an intention ("no intention of invading")."""

DEMAND_CUES = (
    r"\b(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)|ask(?:s|ed|ing)?"
    r"|request(?:s|ed|ing)?|insist(?:s|ed|ing)?\s+on|must(?:n't)?|should(?:n't)?|ought\s+to"
    r"|need(?:s|ed)?\s+to|ha(?:ve|s|d)\s+(?:got\s+)?to|wants?\s+(?:\w+\s+){1,4}to|wanted\s+(?:\w+\s+){1,4}to"
    r"|expect(?:s|ed)?\s+\w+\s+to|told\s+\w+\s+to|order(?:s|ed|ing)?|instruct(?:s|ed|ing)?"
    r"|direct(?:s|ed)?\s+\w+\s+to|appeal(?:s|ed|ing)?|press(?:es|ed|ing)?\s+(?:for|\w+\s+to)"
    r"|push(?:es|ed|ing)?\s+(?:for|\w+\s+to)|seek(?:s|ing)?|sought|plead(?:s|ed|ing)?|pled"
    r"|implor(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|let\s+us|let's|do\s+not|don't|stop)\b|!"
)
"""Words of demanding something of someone, or an exclamation (a pattern, matched case-insensitively
on text with straight apostrophes): a claim the model calls a demand holds one ("Russia demands that
...", "urged the Kremlin not to ...", "must go", "Release the prisoners now!")."""

SYMPATHY_CUES = (
    r"\b(?:condolences?|sympath(?:y|ies|ise|ize|ised|ized)|thoughts\s+and\s+prayers|prayers"
    r"|pray(?:s|ing|ed)?|saddened|heartbroken|heartfelt|regrets"
    r"|(?<![\w-])(?<!no\s)thanks?(?![\w-])(?!\s+(?:\w+\s+)?to\b)|thanked|thanking|grateful|gratitude"
    r"|may\s+god|rest\s+in\s+peace|get\s+well|hearts\s+go\s+out|recover\s+soon|speedy\s+recovery)\b"
)
"""Words of sympathy, condolence, prayer, a wish or thanks ("offered condolences", "Let's all pray
for", "May the injured recover soon", "thanked supporters"; not "thanks to the new law", not "a
thank-you from the butterflies")."""
SYMPATHY_CLAIM_CUES = (
    r"\d|\b(?:said|says|saying|added|adding|that|not|no|never|nor|nobody|nothing|none|den\w*|reject\w*|dismiss\w*"
    r"|accus\w*|critic\w*|blam\w*|strikes?|walkouts?|polls?|shows?|death|deaths|for\s+\w+ing)\b"
)
"""What makes a statement with words of sympathy still say something: a figure, speech reported beside
them, a negation, thanks for a deed ("thanked Iran for arming"), or the sympathy being what the claim
is about ("denied offering condolences", "dismissed Western condolences", "sympathy strikes",
"Sympathy for the rebels is growing, the poll shows")."""
SYMPATHY_CLAUSE_BREAK = (
    r"[,;:]|\b(?:but|while|then|after|because|as|before|although|though|whereas)\b"
    r"|\band\b(?=\s+(?:\w+ed|will|would|can|must|needs?|has|have|is|are|was|were)\b)"
)
"""Where a statement's clauses part: each must be sympathy for the statement to be sympathy alone
("expressed sympathy but rejected calls for an inquiry" is not); "and" parts clauses only before a
verb ("sent condolences and vowed ..."), not within a phrase ("health and full strength")."""
THREAT_CUES = (
    r"\b(?:threaten(?:s|ed|ing)?|warn(?:s|ed|ing)?|would(?:n't)?|will|won't|'ll|shall|shan't|going\s+to"
    r"|if|unless|otherwise|or\s+else|retaliat(?:e|es|ed|ing|ion)|consequences?|punish(?:es|ed|ing|ment)?"
    r"|vow(?:s|ed|ing)?|revenge|aveng(?:e|es|ed|ing)|hit\s+back|ultimatum|response|respond"
    r"|menac(?:e|es|ed|ing)"
    r"|sanctions?|pay\s+(?:a|the)\s+(?:heavy\s+)?price|means\s+war)\b"
)
"""Words of a consequence someone would bring (a pattern, as `DEMAND_CUES`): a claim the model calls a
threat holds one ("would target Russian banks ... if Russia invaded", "vowed revenge"); the noun
"threat" alone is no threat ("has exacerbated the threat of war")."""

CONCEPT_WORDS: dict[str, str] = {
    "force": "troop troops soldier soldiers force forces unit units army armies military battalion "
    "battalions",
    "death": "killed kill killing dead death deaths died die dying fatalities casualties toll",
    "withdraw": "withdraw withdrawing withdrawal withdrawn withdrew return returning returned retreat "
    "retreating pullback pulled leave leaving left",
    "increase": "increase increasing increased buildup build-up building mass massing amass amassing "
    "reinforce reinforcing reinforcement deploy deploying deployed deployment adding escalation escalate "
    "escalating",
    "decrease": "decrease decreasing decreased fall fell drop dropped decline declined reduce reduced "
    "reduction cut cutting",
    "deny": "deny denies denied denial denying reject rejects rejected dismiss dismissed refute refuted "
    "false lie lies lying wrong untrue baseless fabricated fabrication fake",
    "confirm": "confirm confirmed confirms admit admits admitted acknowledge acknowledged true verified "
    "genuine accurate",
    "attack": "attack attacked attacks invade invaded invasion invading strike strikes struck shelling "
    "bombed bombing fired firing",
    "peace": "peace peaceful negotiate negotiating negotiation negotiations diplomacy diplomatic talks "
    "dialogue ceasefire truce",
    "support": "support supports supported supporting endorse endorsed welcome welcomed praise praised",
    "oppose": "oppose opposed opposes opposing condemn condemned condemns criticise criticised criticize "
    "criticized",
    "safe": "safe safety secure stable calm",
    "threat": "threat threaten threatened threatening danger dangerous risk imminent",
}
"""Words news reports use for one idea, mapped to one concept ("troops" meets "soldiers")."""

OPPOSED_CONCEPT_PAIRS = (
    ("withdraw", "increase"),
    ("withdraw", "attack"),
    ("increase", "decrease"),
    ("deny", "confirm"),
    ("attack", "peace"),
    ("support", "oppose"),
    ("safe", "threat"),
    ("safe", "attack"),
)
"""Concepts that oppose each other (one claim says troops withdraw, the other that they increase)."""

# ---------------------------------------------------------------------------------------------------
# Patterns: denials that point back, credit lines, text that steers a model

DENIAL_VERB_PATTERN = (
    r"(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|reject(?:s|ed|ing)?"
    r"|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|contest(?:s|ed|ing)?|deride[sd]?|ridicul(?:e|es|ed))"
)
"""Verbs of denial in their forms (text.back_references)."""

DENIAL_FINITE_PATTERN = r"(?:den(?:y|ies|ied)|reject(?:s|ed)?|refut(?:e|es|ed)|rebut(?:s|ted)?)"
"""Verbs of denial in forms a subject can go with ("Reyes denied that ...", "we deny"): not "denying"
("denying them citizenship violated ..."), nor "disputes", "disputed" or "contested", mostly a noun or
an adjective ("other disputes", "disputed waters"), nor "dismissed", often a sacking."""

REFERRED_SAYING_PATTERN = (
    r"(?:allegations?|accusations?|claims?|charges?|reports?|story|stories|assertions?|suggestions?"
    r"|statements?|remarks?|comments?|account|version|figures?|numbers?|findings?|assessment|arguments?"
    r"|contentions?)"
)
"""Nouns for something said that a denial can point back at ("the allegations"; a court's "rejected this
argument", as PolNeAR's "Justice Frank Nervo rejected that argument in a ruling")."""

POINTER_PATTERN = r"(?:the|these|those|this|that|such|its|their|his|her|any)"
"""Words that point back ("the", "those", "such")."""

DISMISSAL_PATTERN = (
    r"(?:lies?|false|untrue|baseless|fabricated|fabrications?|nonsense|wrong|groundless|unfounded)"
)
"""What a thing said is called when denied ("the claims are a lie")."""

CREDIT_LINE_PATTERN = r"""
    \bcontributed\s+(?:\w+\s+){0,2}to\s+this\s+(?:report|story|article)\b  # "X contributed to this report"
    | \bfor\s+this\s+(?:report|story|article)\s+(?:was|were|has\s+been|have\s+been)\s+provided\s+by\b
    | ^reporting\s+by\b.*\b(?:editing|writing)\s+by\b  # "Reporting by X; Editing by Y"
    | ^additional\s+reporting\s+by\b
    | ^(?:writing|editing)\s+by\b
    """
"""A credit line at the foot of a wire story (verbose regex, case-insensitive; text.credit_lines)."""

PHOTO_CREDIT_PATTERN = (
    r"(?:^|(?<=[.!?)\]\"\u201d]\s)|(?<=[(\[\u2014|]))"
    r"(?=[A-Z])(?i:image|photo|picture|photograph|photo credit|credit)s?:\s*"
    r"(?P<credit>[A-Z][^\n]{0,59}?)[\s)\]]*$"
)
"""A photo credit closing a line ("... Image: Andrew Gray.", "(Photo: AP)"): a capitalised label opening
the line or following a sentence's end or a bracket, a colon, and a name of at most 60 characters
opening with a capital (multi-line regex; text.credit_lines)."""

COMMAND_OPENERS = _words("ignore disregard forget output print respond reply pretend")
"""Verbs that open a command to a model; a news sentence does not begin with them."""

STEERING_PHRASES = (
    "previous instructions",
    "prior instructions",
    "above instructions",
    "your instructions",
    "you are now",
    "system:",
    "assistant:",
    "as an ai",
    "language model",
    "admin mode",
    "developer mode",
    "system prompt",
)
"""Phrases used to steer a model, anywhere in a sentence (text.instructions)."""

# ---------------------------------------------------------------------------------------------------
# What is no actor

TIME_WORDS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday today yesterday tomorrow tonight morning afternoon evening night week weekend month year
    years months weeks days day hours hour decade century spring summer autumn fall winter earlier
    later last next recently previously"""
)
"""Words of a time phrase ("In March", "Last week", "Tuesday"): never an actor's name."""

EVENT_NOUNS = _words(
    """incident incidents attack attacks explosion explosions blast blasts crash crashes collapse fire
    fires accident accidents clash clashes violence war conflict earthquake storm flood floods
    shooting shootings bombing bombings raid raids riot riots operation operations investigations
    meetings meeting talks summit ceremony election elections vote
    crisis situation case cases trial hearing event events development developments debate debates"""
)
"""Nouns for what happened ("the incident", "Subsequent investigations"): an event, never an actor.
"investigation", "inquiry" and "probe" are not here: one of them can report findings, as a document does."""

THING_NOUNS = _words(
    """bus buses car cars truck trucks lorry lorries van vans vehicle vehicles minibus taxi plane planes
    aircraft airliner airliners jet jets helicopter helicopters ship ships boat boats vessel vessels
    ferry ferries tanker tankers train trains tram subway building buildings bridge bridges
    apartment apartments tower towers roof road roads highway runway guardrail dam wall walls
    bomb bombs device devices missile missiles rocket rockets drone drones debris rubble engine
    engines wreckage"""
)
"""Nouns for vehicles, structures and objects ("the bus", "the building", "the drone"): what a story
tells of ("The bus overturned"), never an actor who claims or does anything. Not "house" ("the lower
house", "the auction house" are institutions)."""

NON_ACTOR_OPENERS = _words(
    """in on at during after before since until by for from with within over under amid among amongst
    throughout despite"""
)
"""Prepositions that open a phrase of time or place ("In March", "After the attack", "Amongst"), never
a name."""

CONTRACTION_ENDINGS = tuple(
    apostrophe + ending for apostrophe in ("'", "\u2019") for ending in ("m", "s", "re", "ve", "d", "ll")
)
"""A pronoun with a contraction ("I'm", "He's") is a sentence's opening, not an actor."""

# ---------------------------------------------------------------------------------------------------
# Words the rules read (attribution, actor names, sentence speakers, statements, non-actors)

NAMING_WORDS = _words(
    """dubbed named called titled entitled nicknamed codenamed as the a an its his her their our this
    operation program programme plan project campaign book film movie documentary song album show
    series novel play law act bill slogan hashtag newspaper daily journal magazine vessel ship"""
)
"""Words after which quotation marks hold a name ("dubbed", "known as", "the book"), not words said
("tweeted \u201cWitch Hunt\u201d")."""

BE_FORMS = _words("is are was were be been being")
"""Forms of "be" (a passive: "is reported to the police")."""
AUXILIARY_VERBS = BE_FORMS | _words("has have had will would can could may might must should")
"""Verbs that carry a clause's tense or mood: after a subject they open its predicate ("The plan, he
said, is dead"), and among a phrase's words they make it a clause (text.speakers)."""

HEARSAY_ADVERBS = _words("reportedly allegedly purportedly reputedly supposedly")
"""Adverbs telling that unnamed others say so ("The crash reportedly killed seven"): no one's words are
reported by name."""

VAGUE_REPORT_WORDS = _words(
    "some other several many multiple numerous conflicting initial early unconfirmed unverified unspecified"
    " earlier later recent"
)
"""Words before "reports" that still name no source ("according to some reports", "Some reports
suggest"; not "media" or "local": "local media reports" name a kind of source): vague reports, not a
speaker (the gold guide: "Some reports suggest ...", "reportedly ..."
with no identifiable source are not claims)."""

PASSIVE_IRREGULAR_PARTICIPLES = _words("said told thought held")
"""Participles of reporting verbs not in -ed ("is said to have fled", "was told to leave")."""

RECIPIENT_OPENERS = _words("the a an his her their its our my your this that these those")
"""Words that open whom something is told or reported to ("to the police", "to his lawyer")."""

AGENT_OPENERS = RECIPIENT_OPENERS - _words("our my your")
"""Words that open the agent of a passive after "by" ("stressed by the surge", "accused by its
rivals"); not the means of "said by video link" (text.speakers)."""

DENY_FORMS = _words("deny denies denied denying")
"""The forms of "deny" (withholding a thing: "denied funding", "denied bail")."""

WITHHELD_THINGS = _words(
    """funding funds money access entry bail permission visa visas asylum parole admission benefits
    coverage treatment"""
)
"""What "deny" withholds when it is a deed ("denied funding", "was denied bail", "denied them entry")."""

RECEIVER_PRONOUNS = _words("him her them it us me")
"""Pronouns between "deny" and what it withholds ("denied them entry")."""

CLAUSE_VERBS = _words("is are was were been had has have")
"""Verbs that make the words after "deny" a clause, a fact denied ("denied access had been restricted")."""

CLAUSE_BREAKS = _words("and but which who while")
"""Words that end a clause ("and", "which"): what follows belongs to another one."""

VERB_NEGATIONS = _words("not t never")
"""Words that negate a reporting verb before it ("did not announce", "never said"; "didn't" is read
as "didn", "t")."""

WORDS_BETWEEN_NEGATION_AND_VERB = _words("immediately yet publicly officially directly")
"""Adverbs between a negation and the verb it negates ("did not immediately announce")."""

DEFINITE_DETERMINERS = _words("the these those")
"""Determiners before a participle that names a thing ("the alleged crime", "these reported cases")."""

SUBJECT_OPENERS = (
    SUBJECT_PRONOUNS
    | DETERMINERS
    | POSSESSIVE_PRONOUNS
    | DEFINITE_DETERMINERS
    | _words("this no any all every each both")
)
"""Words that open a clause's subject ("he", "the", "their", "no one"): after the time a speaker
spoke, a point opening with one has its subject (rules.statements)."""

GOVERNMENT_WORDS = _words(
    """government state republic kingdom administration commonwealth sultanate principality duchy
    emirate federation city province county territory"""
)
"""Words before "of" that make the name after it the actor's own ("the government of American
Samoa", "the city of Kyiv")."""

OTHER_HOLDER_WORDS = _words("former acting interim deputy vice then late outgoing incoming")
"""Words before a title that make its holder someone else than "the" title's ("Vice President")."""

LOWER_CASE_NAME_WORDS = _words("of the de van von al bin")
"""Lower-case words a proper name may hold ("Ministry of Defence")."""

PEOPLE_AROUND = _words(
    """critics supporters opponents allies friends relatives family families fans followers victims
    survivors parents lawyers lawyer aides aide advisers advisors members colleagues rivals enemies
    backers sources"""
)
"""Words that open a description of people around someone ("Critics of Netanyahu"), no name."""

OWN_DOCUMENT_NOUNS = _words(
    """statement statements report reports post posts tweet tweets message letter video release blog filing
    complaint lawsuit memo email emails data study survey findings"""
)
"""Documents a frame may name without their author, as the claim's actor's own: "According to the
report," is the actor's claim when the actor wrote it (`pipeline.rules.statements`). A study's data,
survey or findings are its researcher's ("According to the data, ... has declined 40%"; in PolNeAR's dev
articles "According to the data" follows the center that published it)."""
RESEARCH_NOUNS = _words("data study survey findings")
"""Documents of research: the actor's own only without a word before them or after "new", "latest" ...
("the rival study", "the leaked data", "the police data" are someone else's)."""

COURT_DOCUMENT_NOUNS = _words("ruling rulings judgment judgement verdict decision order")
"""A court's documents: "According to the ruling," is the actor's own only when the actor is a court."""
COURT_WORDS = _words("court courts judge judges justice justices tribunal magistrate")
"""Words naming a court or a judge ("the appeals court", "Judge Smith")."""

POINT_OPENERS = _words("in on at to with for of from by during after before about through amid following")
"""A point opening with one of these is the rest of a phrase, not a statement: the frame stays."""

SAYING_VERBS = _words("said says told tells")
"""Verbs that make a fragment wherever they stand in a "name" ("the official who said it"); other
verbs of speech (`rules.non_actors`) also name things ("the accused", "EU member states", "residents
opposed to the dam")."""

CREDIT_SPEECH_WORDS = SAYING_VERBS | _words("wrote writes added according")
"""Words that make a "credit" speech ("Credit: The ministry said it was owed."; text.credit_lines)."""


OTHER_TIME_OPENING = (
    r"(?:(?:earlier|later)\s+(?:this|that|last|in\s+the)\s+(?:year|month|week|decade|century)"
    r"|(?:last|the\s+previous|the\s+following)\s+(?:year|month|week|decade|century)"
    r"|in\s+(?:(?:early|late|mid-?)\s*)?(?:1[89]|20)\d\d"
    r"|(?:\w+|\d+)\s+(?:years|months|weeks|decades)\s+(?:ago|earlier|later|before)"
    r"|(?:previously|formerly|in\s+the\s+past)(?=\s*,|\s+(?:he|she|it|they|we|the|this|that|its|their)\b"
    r"|\s+(?-i:[A-Z])))\b"
)
"""A phrase opening a sentence that sets it at another time than the article's news ("Earlier this year,
northern Philippines suffered a 6.3 magnitude earthquake", "In 2015, ...", "Two years ago, ...";
"Previously" and "In the past" only before a comma, a pronoun, an article or a name: not "In the
past 24 hours", "Previously unreleased figures")."""
