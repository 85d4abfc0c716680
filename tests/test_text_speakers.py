"""Speakers found by code from English reporting patterns (invented sentences)."""

from __future__ import annotations

import pytest

from counterclaim.text.speakers import SpeakerClause, reported_speakers, side_reports, speaker_clauses


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("The mayor said the bridge would reopen.", ["The mayor"]),
        ("Port officials on Monday denied the report.", ["Port officials"]),
        ("A report from the Port Authority during the weekend said two ships sank.",
         ["A report from the Port Authority"]),
        ("The Port Authority late on Tuesday said two ships sank.", ["The Port Authority"]),
        ("The mayor said the weekend was calm.", ["The mayor"]),
        # capitalised, "Early", "Late" and "Over" are names, not times
        ("Mayor Pat Early said the bridge would reopen.", ["Mayor Pat Early"]),
        ("Early Warning Services said the storm would hit.", ["Early Warning Services"]),
        ("Union leaders have warned of strikes, after a Transport Ministry spokeswoman said fares rise.",
         ["Union leaders", "a Transport Ministry spokeswoman"]),
        ('"We are ready," said Fire Chief Dana Kell.', ["Fire Chief Dana Kell"]),
        ("The bridge is safe, according to the city engineer.", ["the city engineer"]),
        # a date opening the phrase after "according to" is not the speaker
        ("According to a March 14, 2019 Kell Port press release, exports fell.",
         ["a Kell Port press release"]),
        ("According to the 12 May report by Arland Port, exports fell.", ["Arland Port"]),
        ("According to a May 2019 poll by Arland Radio, most agree.", ["Arland Radio"]),
        ("According to a 2015 Kell court decision, the port is public.", ["a Kell court decision"]),
        ("According to May, the deal is done.", []),
        ("According to Jan Kowalski, 12 ships sank.", ["Jan Kowalski"]),  # a month alone is a name
        ('"We will appeal," said Jan Novak, the union leader.', ["Jan Novak"]),
        ("According to August Partners, sales rose.", ["August Partners"]),
        ("According to the 2020 Commission, the vote was fair.", ["the 2020 Commission"]),
        ("According to the Dec. 3 filing, the firm owes money.", ["the filing"]),
        ("According to a Sept. 2019 memo, the plan failed.", ["a memo"]),
        ("According to a 2019 Kell Radio report, sales fell.", ["a Kell Radio report"]),
        ("According to Omar Lind, 12 ships sank.", ["Omar Lind"]),
        ("Farmers in northern Arland say the dam has dried their fields.", ["Farmers in northern Arland"]),
        ("Omar Lind, head of the port authority, said, \"No ships were lost.\"",
         ["Omar Lind, head of the port authority"]),
        ("Gov. Ray Hull told reporters the budget was balanced.", ["Gov. Ray Hull"]),
        ("The U.N. envoy also urged calm.", ["The U.N. envoy"]),
        ("But Senator Ida Moss rejected the plan.", ["Senator Ida Moss"]),
        ("The Port Authority reportedly denied the claim.", ["The Port Authority"]),
        ('Remarked port scientist Ada Vance, "The tide is late."', ["port scientist Ada Vance"]),
        # A phrase between commas saying when, where or how is not part of the speaker; a web address
        # inside it does not end it.
        ('Port director Omar Lind, in remarks to Arland.com.ar, said, "No ships were lost."',
         ["Port director Omar Lind"]),
        ("Omar Lind, speaking to reporters on Monday, said no ships were lost.", ["Omar Lind"]),
        ('Omar Lind, in an interview with Arland.com.ar, said, "No ships."', ["Omar Lind"]),
        ("Ada Vance, who runs Harbour.com, said no ships were lost.", ["Ada Vance, who runs Harbour.com"]),
        ("Harbour.com said no ships were lost.", ["Harbour.com"]),
        # verbs of speech beyond "said" (PolNeAR's cues)
        ("Port minister Ada Vance commented that the figure is based on ships counted.",
         ["Port minister Ada Vance"]),
        ("Scientists cautioned against an excess of optimism for the tide.", ["Scientists"]),
        ("Senator Ida Moss emphasized the need for approval by the council.", ["Senator Ida Moss"]),
        ("Omar Lind responded by saying no ships were lost.", ["Omar Lind"]),  # "by" + gerund: active
        ("Omar Lind said by video link that no ships were lost.", ["Omar Lind"]),  # "by" + a means
        ("The mayor said by telephone the port was open.", ["The mayor"]),
        # a thing someone wrote, after "according to": its author speaks (a Wikinews pool article's
        # "a Twitter post by Amy Cook" became an actor)
        ("According to a Twitter post by Amy Cook, director of the event, the tusk was real.", ["Amy Cook"]),
        ("According to a statement by port police, two ships sank.", ["port police"]),
        ("According to a report by the harbour commission, two ships sank.", ["the harbour commission"]),
        ("According to the report, two ships sank.", ["the report"]),
        ("According to the report, issued by Arland Port, two ships sank.", ["the report"]),
        ("According to a search by Arland Port, two ships sank.", ["a search"]),  # no author
        # found by a review: the author's phrase ends before a participle's clause
        ("According to a statement by the ministry quoted by Tass, two ships sank.", ["the ministry"]),
        ("According to a report by Reuters quoting port sources, two ships sank.", ["Reuters"]),
        ("According to an analysis by the Arland Post, two ships sank.", ["the Arland Post"]),
        # unnamed sources described by their tie to a matter, and the sources an outlet relays
        # (Wikinews pool articles: "which cited sources close to the investigation")
        ("Sources close to the investigation said the man had fled.", ["Sources close to the investigation"]),
        ("According to people familiar with the matter, it is off.", ["people familiar with the matter"]),
        ("Two senior Arland officials with knowledge of the talks told the radio the deal is off.",
         ["Two senior Arland officials with knowledge of the talks"]),
        ("Sources within the ministry say the plan failed.", ["Sources within the ministry"]),
        ("Arland Radio reported the deal was off, citing two officials.", ["Arland Radio", "two officials"]),
        ("According to Arland Radio, which cited sources close to the investigation, the man had fled.",
         ["Arland Radio", "sources close to the investigation"]),
        ("Outlets reported him dead citing sources within the United States Department of Defense.",
         ["Outlets", "sources within the United States Department of Defense"]),
        ("The court, in a ruling citing a lack of evidence, freed him.", []),  # citing a reason
        # found by a review: a law is no source, a clause's opening word or a time is no part of one
        ("Smith said the ban was unlawful, citing the First Amendment.", ["Smith"]),
        ("But people familiar with the matter said the deal was off.", ["people familiar with the matter"]),
        ("On Monday two sources close to the port said he fled.", ["two sources close to the port"]),
        ("Arland Radio reported it, citing people familiar with the matter Tuesday.",
         ["Arland Radio", "people familiar with the matter"]),
        ("Arland Radio reported it, citing a senior official and two people familiar with the matter.",
         ["Arland Radio"]),
        ("He was quoting Shakespeare.", []),
        ("The mayor said people close to the victims were devastated.", ["The mayor"]),
        # "maintains" keeping a thing is no speech (a validation article: the outlet's claim was handed to
        # "the Watch Tower", the subject of its report)
        ("According to a report by Arland Radio, the port maintains a database of ships.", ["Arland Radio"]),
        ("Port officials maintained that no ships were lost.", ["Port officials"]),
        ("Omar Lind maintains the port was safe.", ["Omar Lind"]),
        ("Omar Lind has repeatedly maintained an inquiry is what the port is doing.", ["Omar Lind"]),
        # "read" gives a document's words (a Wikinews pool article: "Trump's statement read: ...")
        ('Omar Lind\'s statement read: "No ships were lost."', ["Omar Lind's statement"]),
        ("Arland Port's statement reads that no ships were lost.", ["Arland Port's statement"]),
        ("He read the report aloud.", []),
        # "called" giving a name frames no speaker, and a speaker's words keep their spelling
        ('According to the so-called Islamic State, two ships sank.', ["the so-called Islamic State"]),
        ("The group, also called ISIS, said it was responsible.", ["The group, also called ISIS"]),
        ('The university ran a program at Fishmongers\' Hall called \u201cLearning Together.\u201d', []),
        # "called" giving a name is no speech (a Wikinews pool article gave "Hall" a claim)
        ('The university ran a program at Fishmongers\' Hall called "Learning Together".', []),
        ("He has been out on license, also called parole, since 2018.", []),
        ("The mayor called for calm.", ["The mayor"]),
        ('The mayor called "the attack cowardly".', ["The mayor"]),
        # a short name in capitals between parentheses after the speaker's name (validation: "United
        # States Geological Survey (USGS) reported 5.8"), an acronym that spells a pronoun, and the name a
        # relative "who" speaks for ("the paper also spoke to the Navy, who told it ...")
        ("Port Survey reported 5.5; the Arland Geological Survey (AGS) reported 5.8.",
         ["Port Survey", "the Arland Geological Survey"]),
        ("The World Health Organization (WHO) said it was over.", ["The World Health Organization"]),
        ("The U.N. Port Office (U.N.P.O.) said the port was safe.", ["The U.N. Port Office"]),
        ("The WHO said the outbreak was over.", ["The WHO"]),
        # a US politician's party and state (PolNeAR: "Gwen Moore (D-Wis.) said Friday")
        ("Senator Ida Moss (D-N.C.) said the bill would pass.", ["Senator Ida Moss"]),
        ("Ida Moss (R-Utah) told reporters the bill would pass.", ["Ida Moss"]),
        ("The paper also spoke to the Navy, who told it the report was false.", ["the Navy"]),
        ("Reporters met Omar Lind, who said no ships were lost.", ["Omar Lind"]),
        # found by a review: a place before "who" belongs to the phrase before it; "I" is no name;
        # "called in a statement for" is a call
        ("Reporters spoke to officials in Kell, who said the port was shut.", ["officials in Kell"]),
        ('"I said no to the deal," Omar Lind told reporters.', ["Omar Lind"]),
        ("The union called in a statement for an end to the strike.", ["The union"]),
    ],
)  # fmt: skip
def test_speakers_of_common_reporting_patterns(sentence: str, speakers: list[str]) -> None:
    assert reported_speakers(sentence) == speakers


@pytest.mark.parametrize(
    "sentence",
    [
        "The first ferry leaves the harbour at 7:15.",
        '"We will not stop," he said.',
        "Critics cast doubt on Arland's claims.",  # "claims" is a noun after a possessive here
        "The United States and Arland signed the treaty.",  # "States" is no reporting verb
        "Talks on the conflict in Arland's Red Valley states went on.",  # a place is not a speaker
        "Le ministre a déclaré que le pont était sûr.",  # other languages yield nothing
        "Added to the list were three ports.",  # a sentence-initial verb needs a speaker after it
        "Omar Lind's comments came after the vote.",  # a noun, not "commented"
        "The governor declared a state of emergency.",  # a deed
        "Arland Motors recalled two million cars.",
        "Readings indicated radiation levels above the limit.",  # a finding
        "Hospitals stressed by the surge have cancelled surgeries.",  # a passive participle, its agent
        "Donor pledges reached $5 billion.",  # nouns
        "Financial stresses weigh on Arland banks.",
        "The Arland Coast Guard (ACG) called off its search on Tuesday.",  # a deed, not a call
        "The mayor called up the reserve.",
        "I said the plan would fail.",  # the pronoun, not a name in capitals
        "The man (pictured) said he was innocent.",  # a parenthesis that names no one
        "Omar Lind (left) said he was innocent.",
        "Police found the man, who told them he was lost.",  # no name or speaker noun before "who"
    ],
)
def test_no_speaker_where_nobody_is_reported(sentence: str) -> None:
    assert reported_speakers(sentence) == []


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        (
            "NATO accused Russia of adding troops, a day after Moscow said it was withdrawing some units.",
            [("Moscow", "after Moscow said it was withdrawing some units")],
        ),
        (
            "While Russia says it is leaving, NATO sees more troops. Russia said so again.",
            [("Russia", "While Russia says it is leaving")],
        ),
        (
            "After the Russian defence ministry said on Tuesday that units were returning, NATO disagreed.",
            [
                (
                    "the Russian defence ministry",
                    "After the Russian defence ministry said on Tuesday that units were returning",
                )
            ],
        ),
        (
            "Smith resigned after Jones told reporters he had lied.",
            [("Jones", "after Jones told reporters he had lied")],
        ),
        (
            "A day after Moscow said it was leaving, NATO accused Russia of adding troops.",
            [("Moscow", "after Moscow said it was leaving")],
        ),
        (
            "NATO saw more troops while Moscow said it was leaving, and warned of an invasion.",
            [("Moscow", "while Moscow said it was leaving")],
        ),
        (
            '"After Moscow said it was leaving, more troops came," NATO said.',
            [("Moscow", "After Moscow said it was leaving")],
        ),
    ],
)
def test_side_reports_are_clauses_giving_a_second_speaker_s_words(
    text: str, reports: list[tuple[str, str]]
) -> None:
    assert [(r.speaker, text[r.start : r.end]) for r in side_reports(text)] == reports


@pytest.mark.parametrize(
    "text",
    [
        "The army left after it said the war was over.",  # a pronoun: most often the main speaker
        "He spoke after the meeting ended.",  # no speaker
        "It came after the meeting, officials said.",  # the speaker frames the whole sentence
        "As Moscow said, the troops are leaving.",  # "as" agrees: not a side report
        "After the talks Moscow said the troops are leaving.",  # a time, then the main speaker
        "Shortly after midnight Kyiv said the city was calm.",
    ],
)
def test_no_side_report_without_a_named_second_speaker_after_a_link(text: str) -> None:
    assert side_reports(text) == []


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("Port Survey reported the magnitude was 5.5; the Arland Geological Survey (AGS) reported 5.8.",
         [SpeakerClause("Port Survey", "Port Survey reported the magnitude was 5.5"),
          SpeakerClause("the Arland Geological Survey", "the Arland Geological Survey (AGS) reported 5.8.")]),
        # a clause reporting no one, one speaker twice, a semicolon inside a quotation, no semicolon
        ("Port officials said three ships sank; seven were damaged.", []),
        ("Omar Lind said three ships sank; Omar Lind said seven were damaged.", []),
        ('Omar Lind said "three sank; seven were damaged" on Monday.', []),
        ("Omar Lind said three ships sank.", []),
        # issue 19's textbook toll in one sentence
        ("Police said three people died; the hospital said seven died.",
         [SpeakerClause("Police", "Police said three people died"),
          SpeakerClause("the hospital", "the hospital said seven died.")]),
    ],
)  # fmt: skip
def test_clauses_a_semicolon_joins_each_with_its_own_speaker(
    sentence: str, clauses: list[SpeakerClause]
) -> None:
    assert speaker_clauses(sentence) == clauses
