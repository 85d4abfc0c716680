"""Real actors only: names that cannot be anyone's are refused before a claim is kept (`rules.non_actors`)."""

from __future__ import annotations

import pytest

from counterclaim.models import DecisionAction
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposals, ProposedClaim
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.non_actors import NOT_AN_ACTOR, why_not_an_actor
from counterclaim.pipeline.trace import TraceRecorder

NAME_CASES = [
    pytest.param("In March", "opens with 'in'", id="time-phrase"),
    pytest.param("Last week", "it is a time", id="time-words"),
    pytest.param("Wednesday", "it is a time", id="weekday"),
    pytest.param("the incident", "'incident' is an event", id="event"),
    pytest.param("Subsequent investigations", "'investigations' is an event", id="event-plural"),
    pytest.param("the upper house debate", "'debate' is an event", id="debate"),  # seen on the pool
    pytest.param("The bus", "'bus' is a thing", id="vehicle"),
    pytest.param("a Russian jet", "'jet' is a thing", id="vehicle-described"),
    pytest.param("the building", "'building' is a thing", id="structure"),
    pytest.param("the Saudi drone", "'drone' is a thing", id="object"),
    pytest.param("the White House", None, id="a-capitalised-thing-word-is-a-name"),
    pytest.param("House", None, id="a-capitalised-thing-word-alone"),
    pytest.param("the truck driver", None, id="a-person-named-after-a-thing"),
    pytest.param("bus drivers", None, id="people-named-after-a-thing"),
    pytest.param("the Bus Company", None, id="a-firm-named-after-a-thing"),
    pytest.param("people living near the bridge", None, id="a-thing-after-a-preposition"),
    pytest.param("migrants aboard the boat", None, id="a-thing-after-a-word-of-place"),
    pytest.param("the man driving the bus", None, id="a-thing-after-a-participle"),
    pytest.param("the lower house", None, id="a-house-is-an-institution"),
    pytest.param("the Kremlin's jets", "'jets' is a thing", id="things-of-an-actor"),
    pytest.param("I'm", "a pronoun with a contraction", id="contraction"),
    pytest.param("They\u2019re", "a pronoun with a contraction", id="curly-contraction"),
    pytest.param("I don't", "opens with the pronoun 'I' and a verb", id="pronoun-and-verb"),  # a pool article
    pytest.param("We will", "opens with the pronoun 'We' and a verb", id="we-and-verb"),
    pytest.param("IT staff", None, id="it-is-also-it"),
    pytest.param("We the People", None, id="a-determiner-after-the-pronoun"),  # found by a review
    pytest.param("He Jiankui", None, id="a-surname-he"),
    # a sentence's own words go to its speaker (attribution.sentence_as_actor), as on validation
    pytest.param("We made that clear to the president.", None, id="a-sentence-is-no-fragment"),
    pytest.param("We Are Family", None, id="a-name-opening-with-a-pronoun"),
    pytest.param(
        "On the contrary it looks like Russia is continuing its military buildup he said",
        "sentence fragment",
        id="fragment",
    ),
    pytest.param("Amongst", "opens with 'amongst'", id="a-preposition-alone"),
    pytest.param("Among the dead", "opens with 'among'", id="among-phrase"),
    pytest.param("Per", "the preposition 'Per'", id="per"),  # "Per reports, the sources said ..." (the pool)
    pytest.param("Per reports", "the preposition 'Per'", id="per-and-a-lower-case-word"),  # a review
    pytest.param("Per Olsen", None, id="a-name-opening-with-per"),
    pytest.param("VIA", None, id="a-name-in-capitals"),
    pytest.param(
        "London's Royal Veterinary College, questioned the findings",
        "holds the reporting verb 'questioned'",
        id="name-and-its-verb",
    ),
    pytest.param("the official who said it", "holds the reporting verb 'said'", id="name-and-said"),
    pytest.param("Says Foundation", None, id="a-capitalised-verb-is-part-of-a-name"),
    # a validation actor: the model's words from "owned by Indonesian companies and also registered in ..."
    pytest.param(
        "Indonesian companies and also registered in Indonesia", "holds 'and also'", id="a-fragment-with-also"
    ),
    pytest.param("Also Records", None, id="a-capitalised-also-is-part-of-a-name"),
    # found by a review: "also" in names and descriptions
    pytest.param("Islamic State, also known as ISIS", None, id="also-known-as"),
    pytest.param("the senator, also a Democrat", None, id="also-a-description"),
    pytest.param("Police and also firefighters", None, id="and-also-a-noun"),
    pytest.param("another official, also speaking on condition of anonymity", None, id="also-speaking"),
    pytest.param("the accused", None, id="a-participle-names-someone"),
    pytest.param("EU member states", None, id="states-is-a-noun"),
    pytest.param("residents opposed to the dam", None, id="a-group-described-by-a-verb"),
    pytest.param("NATO", None, id="organisation"),
    pytest.param("Jens Stoltenberg", None, id="person"),
    pytest.param("local residents", None, id="group"),
    pytest.param("the source", None, id="unnamed-source"),
    pytest.param("Clinton campaign", None, id="campaign-is-an-actor"),
    pytest.param("Commission of Inquiry", None, id="proper-name-ending-in-an-event-word"),
    pytest.param("Russia's defence ministry", None, id="possessive-is-no-contraction"),
    pytest.param("Winter", None, id="a-surname-that-is-a-time-word"),
    pytest.param("the Mueller investigation", None, id="an-investigation-reports-findings"),
]
EXERCISED = {NOT_AN_ACTOR}


@pytest.mark.parametrize(("name", "why"), NAME_CASES)
def test_names_that_cannot_be_an_actor_are_refused_and_say_why(name: str, why: str | None) -> None:
    found = why_not_an_actor(name)
    if why is None:
        assert found is None
    else:
        assert found is not None and why in found


def test_the_claim_of_a_non_actor_is_dropped_in_the_trace() -> None:
    article = PreparedArticle.from_text("In March, a bundle of blueprints were found, police said later.")
    trace = TraceRecorder(article.sentence_offsets)
    proposals = Proposals(article, AttributionCheck.for_article(article), trace)
    proposals.consider(ProposedClaim(1, "In March", "Blueprints were found.", "assertion", False), (1, 1))
    proposals.consider(ProposedClaim(1, "police", "Blueprints were found.", "assertion", False), (1, 1))
    (decision,) = trace.decisions()
    assert (decision.rule, decision.action, decision.proposal) == (
        NOT_AN_ACTOR.name,
        DecisionAction.DROPPED,
        "p1",
    )
    assert [p.actor for p in proposals.kept] == ["police"] and proposals.unattributed == 1


def test_the_english_word_lists_leave_names_in_other_languages_alone() -> None:
    assert why_not_an_actor("Dalam pernyataan", english_article=False) is None
    assert why_not_an_actor("In March", english_article=False) is None  # the lists are English only
    assert why_not_an_actor("I'm", english_article=False) is not None  # a contraction is one anywhere
