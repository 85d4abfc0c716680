"""Which claim pairs code sends to the verifier (`rules.pairing`, step 9): the rules that refuse a pair,
the weights that rank the rest, and the pairs a denial that only points back is given."""

from __future__ import annotations

from typing import Any, cast

import pytest

from builders import claim_citing, said
from counterclaim.models import Actor, ActorKind, Claim, ClaimKind, DecisionAction
from counterclaim.pipeline.rules import pairing
from counterclaim.pipeline.rules.pairing import WEIGHTS, Candidate, PairWeights, clash, score_pair
from counterclaim.pipeline.rules.pairing import propose_candidates as propose_pairing
from counterclaim.pipeline.steps import pair
from counterclaim.pipeline.trace import Rule
from counterclaim.text.numbers import NumericRelation, NumericVerdict
from fake_model import run_step, state_for

ARTICLE = (
    "NATO said Russia is adding troops.\u200b Moscow denied it.\n\n"
    "Jens Stoltenberg said there was no withdrawal. Stoltenberg added that talks could go on."
)


def propose_candidates(claims: list[Claim], **options: Any) -> list[Candidate]:
    """The pairs chosen for verification."""
    return propose_pairing(claims, **options).chosen


def _claim(
    cid: str,
    actor: str,
    statement: str,
    evidence: str,
    kind: ClaimKind = ClaimKind.ASSERTION,
    *,
    article: str = ARTICLE,
) -> Claim:
    return claim_citing(article, cid, actor, statement, evidence, kind)


REBUTTAL_ARTICLE = (
    "The Herald reported that the mayor took bribes from a builder. "
    "The builder said the contract was signed in May. "
    "Residents said the new bridge is ugly. "
    "The mayor's office denied the allegations. "
    "Critics said more money went missing."
)


LEAD_DENIAL_ARTICLE = (
    "The governor rejected the claims as baseless. "
    "The governor spoke at a rally on Friday. "
    "The union says 40 of its members were fired for striking. "
    "Teachers said the schools reopen in May."
)


def _rebuttal_claim(cid: str, actor: str, evidence: str, kind: ClaimKind = ClaimKind.ASSERTION) -> Claim:
    """A claim of `REBUTTAL_ARTICLE` whose statement is its evidence."""
    return _claim(cid, actor, evidence, evidence, kind, article=REBUTTAL_ARTICLE)


def test_candidates_prefer_opposing_claims_on_the_same_topic() -> None:
    claims = [
        _claim(
            "c1",
            "a1",
            "NATO says Russia is adding troops near the border.",
            "NATO said Russia is adding troops.",
        ),
        _claim(
            "c2", "a2", "Russia denies adding troops near the border.", "Moscow denied it.", ClaimKind.DENIAL
        ),
        _claim("c3", "a3", "Stoltenberg says talks could continue.", "talks could go on."),
    ]
    candidates = propose_candidates(claims, limit=5)
    assert candidates and (candidates[0].a.id, candidates[0].b.id) == ("c1", "c2")
    assert len(propose_candidates(claims, limit=1)) == 1


def test_one_actors_claims_citing_the_same_words_are_not_candidates() -> None:
    a = _claim("c1", "a1", "Russia is adding troops.", "NATO said Russia is adding troops.")
    b = _claim("c2", "a1", "Russia is not adding troops.", "NATO said Russia is adding troops.")
    assert propose_candidates([a, b], limit=5) == []
    c = _claim("c3", "a2", "Russia is not adding troops.", "NATO said Russia is adding troops.")
    assert [(x.a.id, x.b.id) for x in propose_candidates([a, c], limit=5)] == [("c1", "c3")]


def test_restatements_are_not_candidates() -> None:
    a = _claim("c1", "a1", "NATO says Russia is adding troops.", "NATO said Russia is adding troops.")
    b = _claim("c2", "a2", "NATO says Russia is adding troops.", "Moscow denied it.")
    assert propose_candidates([a, b], limit=5) == []


def test_pairs_code_sees_no_reason_to_conflict_are_not_proposed() -> None:
    # Two actors on one topic, both affirmative, no opposed ideas or figures: nothing a verdict of
    # "contradict" could be accepted on, so no verification is spent on it.
    a = _claim("c1", "a1", "NATO says Russia is adding troops near the border.", "Jens Stoltenberg")
    b = _claim(
        "c2",
        "a2",
        "Britain warns that more troops are arriving near the border with tanks.",
        "Stoltenberg added",
    )
    assert score_pair(a, b)[0] > 0
    assert propose_candidates([a, b], limit=5) == []
    c = _claim("c3", "a3", "Russia says it is not adding troops near the border.", "Moscow denied it.")
    assert all(x.clash for x in propose_candidates([a, b, c], limit=5))
    assert {(x.a.id, x.b.id) for x in propose_candidates([a, b, c], limit=5)} == {("c1", "c3"), ("c2", "c3")}


def test_a_denial_that_points_back_is_paired_with_what_came_before_it() -> None:
    claims = [
        _rebuttal_claim("c1", "herald", "The Herald reported that the mayor took bribes from a builder."),
        _rebuttal_claim("c2", "builder", "The builder said the contract was signed in May."),
        _rebuttal_claim("c3", "residents", "Residents said the new bridge is ugly."),
        _rebuttal_claim("c4", "mayor", "The mayor's office denied the allegations.", ClaimKind.DENIAL),
        _rebuttal_claim("c5", "critics", "Critics said more money went missing."),
    ]
    pairs = {(c.a.id, c.b.id) for c in propose_candidates(claims, limit=10)}
    # The two nearest earlier claims of other actors, and the nearest earlier one that reports.
    assert {("c3", "c4"), ("c2", "c4"), ("c1", "c4")} <= pairs
    assert ("c4", "c5") not in pairs and ("c5", "c4") not in pairs  # a later claim is not what it denies
    assert all(c.clash for c in propose_candidates(claims, limit=10))


def test_a_denial_that_points_back_is_not_paired_with_another_denial() -> None:
    article = (
        "The Herald reported that the mayor took bribes from a builder. "
        "The builder rejected a report of bribes on Monday. "
        "The mayor's office denied the allegations."
    )

    def claim(cid: str, actor: str, evidence: str, kind: ClaimKind = ClaimKind.ASSERTION) -> Claim:
        return _claim(cid, actor, evidence, evidence, kind, article=article)

    claims = [
        claim("c1", "herald", "The Herald reported that the mayor took bribes from a builder."),
        claim("c2", "builder", "The builder rejected a report of bribes on Monday."),
        claim("c3", "mayor", "The mayor's office denied the allegations.", ClaimKind.DENIAL),
    ]
    rebuttals = {(c.a.id, c.b.id) for c in propose_candidates(claims, limit=10) if c.rebuttal}
    # the builder denies too: the mayor's office answers the Herald, on the builder's side
    assert rebuttals == {("c1", "c3")}


def test_a_denial_with_nothing_before_it_to_answer_is_paired_with_the_next_claim_of_another_actor() -> None:
    def claim(cid: str, actor: str, evidence: str, kind: ClaimKind = ClaimKind.ASSERTION) -> Claim:
        return _claim(cid, actor, evidence, evidence, kind, article=LEAD_DENIAL_ARTICLE)

    claims = [
        claim("c1", "governor", "The governor rejected the claims as baseless.", ClaimKind.DENIAL),
        claim("c2", "governor", "The governor spoke at a rally on Friday."),
        claim("c3", "union", "The union says 40 of its members were fired for striking."),
        claim("c4", "teachers", "Teachers said the schools reopen in May."),
    ]
    proposed = propose_candidates(claims, limit=10)
    rebuttals = {(c.a.id, c.b.id) for c in proposed if c.rebuttal}
    # The lead reports the denial before the claim it answers: only the nearest later claim of
    # another actor is paired (the governor's own claim and the one after it are not).
    assert rebuttals == {("c3", "c1")}
    # With earlier claims of other actors to answer, a denial looks back only (the test above).


def test_a_lead_denial_that_also_shares_words_with_the_later_claim_is_verified_once() -> None:
    article = "The governor denied the claims that teachers were fired. The union says teachers were fired."
    denial = _claim(
        "c1",
        "governor",
        "The governor denied the claims that teachers were fired.",
        "The governor denied the claims that teachers were fired.",
        ClaimKind.DENIAL,
        article=article,
    )
    union = _claim(
        "c2",
        "union",
        "The union says teachers were fired.",
        "The union says teachers were fired.",
        article=article,
    )
    (pair,) = propose_candidates([denial, union], limit=10)
    assert (pair.a.id, pair.b.id) == ("c2", "c1") and pair.rebuttal  # the denial is B


def test_a_pair_proposed_for_shared_words_is_also_marked_a_rebuttal() -> None:
    accusation = _rebuttal_claim(
        "c1", "herald", "The Herald reported that the mayor took bribes from a builder."
    )
    denial = Claim(
        id="c4",
        actor_id="mayor",
        statement="The mayor denies that the mayor took bribes from a builder.",
        kind=ClaimKind.DENIAL,
        evidence=_rebuttal_claim("x", "mayor", "The mayor's office denied the allegations.").evidence,
    )
    (pair,) = propose_candidates([accusation, denial], limit=10)
    assert pair.rebuttal and pair.clash and pair.score > 1.0  # shared words scored it higher


def test_code_sees_a_reason_for_conflict_only_in_what_the_claims_say() -> None:
    names = {"a1": ["NATO"], "a2": ["Moscow", "the Kremlin"]}
    nato = said("c1", "a1", "Russia is adding troops, NATO said.")
    same_idea = said("c2", "a2", "Troops are being added, it said.")
    rebuttal = said("c3", "a2", "The Kremlin said NATO was lying.", ClaimKind.ACCUSATION)
    mention = said("c7", "a2", "The Kremlin said NATO held a meeting.")
    leaving = said("c4", "a2", "Moscow said its units are withdrawing.")
    no_numbers = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    assert not clash(nato, same_idea, no_numbers, names)
    assert clash(nato, rebuttal, no_numbers, names)  # the accusation names NATO
    assert not clash(nato, mention, no_numbers, names)  # naming NATO is no rebuttal by itself
    denial = said("c8", "a2", "Moscow said Russia is not adding troops.")
    thin = said("c10", "a2", "Moscow said no troops were sent to the summit.")
    elsewhere = said("c9", "a2", "Moscow said it would not attend the NATO summit.")
    assert clash(nato, denial, no_numbers, names)  # "not" about the troops Russia adds, as NATO says
    assert not clash(nato, thin, no_numbers, names)  # one shared word ("troops") is too thin a subject
    assert not clash(nato, elsewhere, no_numbers, names)  # a "not" about something else entirely
    assert clash(nato, leaving, no_numbers, {})  # withdrawing against adding
    # Whom both speak of is no shared subject either: with Russia an actor of the article, "Russia"
    # and "troops" are one subject word, whoever speaks.
    with_russia = {**names, "a5": ["Russia"]}
    assert clash(nato, denial, no_numbers, with_russia)  # adding troops, still: two words beyond names
    russia_thin = said("c11", "a2", "Moscow said Russia sent no troops to the parade.")
    assert clash(nato, russia_thin, no_numbers, names)
    assert not clash(nato, russia_thin, no_numbers, with_russia)
    # Nor is the occasion: a news conference on Tuesday is where, not what.
    briefing = said("c12", "a1", "NATO told a news conference on Tuesday that the talks went well.")
    absent = said("c13", "a2", "Moscow said it did not attend the news conference on Tuesday.")
    assert not clash(briefing, absent, no_numbers, names)
    # Nor are the words that report: "announce" is how a party speaks, not what it speaks of.
    unannounced = said("c14", "a2", "Moscow did not announce whom it would support in the vote.")
    thanked = said("c15", "a1", "After the announcement, NATO thanked its supporters.")
    assert not clash(unannounced, thanked, no_numbers, names)
    chief = said("c5", "a3", "Police Chief Ana Lima spoke first.")
    same_person = said("c6", "a4", "Police Chief Ana Lima of Riverton spoke.")
    one_person = {"a3": ["Police Chief"], "a4": ["Police Chief Ana Lima"]}
    assert not clash(chief, same_person, no_numbers, one_person)  # two entries for one person


def test_a_negation_counts_only_when_it_reaches_what_the_other_claim_says() -> None:
    names = {"a1": ["The museum"], "a2": ["The ministry"]}
    plain = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    museum = said("c1", "a1", "The museum said the old church will become a mosque next year.")
    reaching = said("c2", "a2", "The ministry said the old church will not become a mosque.")
    aside = said("c3", "a2", "The ministry said the old church is not only a landmark but a mosque too.")
    delayed = said(
        "c4",
        "a2",
        "The ministry did not immediately say whom it asked; the old church and the mosque closed.",
    )
    assert clash(museum, reaching, plain, names)  # "not become a mosque"
    # The same two shared words, a negation that reaches none of them: no reason to verify.
    assert not clash(museum, aside, plain, names)
    assert not clash(museum, delayed, plain, names)
    # A denial negates what it denies, whatever the words after "denied".
    denial = said("c5", "a2", "The ministry denied the mosque plan for the old church.", ClaimKind.DENIAL)
    assert clash(museum, denial, plain, names)


def test_an_idea_its_one_negation_reaches_is_not_held_against_the_opposite_idea() -> None:
    buildup = said("c1", "a1", "Stoltenberg said Russia is continuing its military buildup.")
    not_confirmed = said(
        "c2", "a1", "Stoltenberg said footage of forces moving back does not confirm a withdrawal."
    )
    withdrawing = said("c3", "a2", "Moscow said its forces are withdrawing from the border.")
    twice_negated = said(
        "c4", "a2", "Moscow said NATO was wrong to say there was no evidence of a withdrawal."
    )
    assert not pairing.opposed_ideas(buildup, not_confirmed)  # one side: no withdrawal seen
    assert pairing.opposed_ideas(buildup, withdrawing)
    # Two negations: code cannot tell what is held, so every idea counts.
    assert pairing.opposed_ideas(buildup, twice_negated)


def test_what_a_claim_reports_another_speaker_saying_is_not_its_own_idea() -> None:
    names = {"a1": ["NATO"], "a2": ["Biden"], "a3": ["Russia", "Moscow"], "a4": ["the authorities"]}
    plain = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    nato = said(
        "c1",
        "a1",
        "NATO accused Russia of increasing its troop numbers on the border, a day after Moscow said it "
        "had started withdrawing some of its units.",
    )
    biden = said("c2", "a2", "Biden warned that an invasion remains entirely possible.")
    russia = said("c3", "a3", "Russia said military units are returning to their bases.")
    # The withdrawal is Moscow's idea, reported beside NATO's: NATO and Biden hold no opposed ideas,
    # and NATO's buildup now opposes Russia's withdrawal (before, NATO's sentence held both).
    assert not pairing.opposed_ideas(nato, biden, names)
    assert not clash(nato, biden, plain, names)
    assert pairing.opposed_ideas(nato, russia, names)
    # The side report may open the sentence: NATO's own clause stays.
    leading = said(
        "c5",
        "a1",
        "A day after Moscow said it had started withdrawing some units, NATO accused Russia of "
        "increasing its troop numbers.",
    )
    assert pairing.ClaimFeatures(leading, names["a1"]).concepts == {"force", "increase"}
    # Without the actors' names code cannot tell whose a side report is: every one stays.
    assert pairing.opposed_ideas(nato, biden)
    # A side report of the claim's own actor, under another of its names, stays the claim's idea.
    own = said("c4", "a3", "Russia denied adding troops, a day after Moscow said units were withdrawing.")
    assert "withdraw" in pairing.ClaimFeatures(own, names["a3"]).concepts
    assert "withdraw" not in pairing.ClaimFeatures(own, names["a1"]).concepts
    for own_speaker in ("the Russian defence ministry", "Kremlin spokesman Dmitry Peskov"):
        text = f"Russia denied adding troops, after {own_speaker} said units were withdrawing."
        assert "withdraw" in pairing.ClaimFeatures(said("c6", "a3", text), names["a3"]).concepts
    # A negation inside another speaker's clause does not count against the claim's own ideas.
    no_withdrawal = said(
        "c7",
        "a1",
        "NATO has seen no withdrawal of Russian units, hours after Moscow said it would not keep "
        "its troops there.",
    )
    assert "withdraw" not in pairing.ClaimFeatures(no_withdrawal, names["a1"]).concepts
    chosen = {
        frozenset((c.a.id, c.b.id))
        for c in propose_candidates([nato, biden, russia], limit=10, actor_names=names)
    }
    assert frozenset(("c1", "c2")) not in chosen
    assert frozenset(("c1", "c3")) in chosen


def test_a_verb_of_disagreement_aimed_at_the_other_side_is_a_reason_to_verify() -> None:
    names = {"a1": ["Macron"], "a2": ["Bolsonaro"], "a3": ["Hutchinson"], "a4": ["The authors"]}
    plain = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    macron = said("c1", "a1", "Macron called for G7 action on the fires in the Amazon.")
    opposed = said("c2", "a2", "Bolsonaro opposed Macron's statement as colonialist.")
    remark = said("c3", "a2", "Bolsonaro met Macron's envoy on Friday.")
    assert clash(macron, opposed, plain, names)  # disagreement naming the other side
    assert not clash(macron, remark, plain, names)  # naming the other side alone is no conflict
    authors = said("c4", "a4", "The authors proposed that running induced wing flapping in Caudipteryx.")
    questioned = said(
        "c5", "a3", "Hutchinson questioned the findings: Caudipteryx held its wings, not flapping."
    )
    elsewhere = said("c6", "a3", "Hutchinson questioned the budget of the museum.")
    assert clash(authors, questioned, plain, names)  # disagreement sharing the subject
    assert not clash(authors, elsewhere, plain, names)  # disagreement about something else
    # One actor taking issue with its own words is left to the other rules.
    own = said("c7", "a1", "Macron opposed Macron's earlier statement on the Amazon fires.")
    assert not clash(macron, own, plain, names)
    # The candidate says its reason was a claim against the other side (the verdict's confidence then
    # does not decide, `acceptance.DISAGREEMENT`); a negation reaching the other's words is not one.
    doubted = said("c10", "a3", "Hutchinson questioned the findings on wing flapping in Caudipteryx.")
    (chosen,) = propose_candidates([authors, doubted], limit=10, actor_names=names)
    assert chosen.disagreement and "disagrees or judges wrong" in chosen.reason
    # ... whatever reason is shown first: here its "not" reaching the authors' words
    (chosen,) = propose_candidates([authors, questioned], limit=10, actor_names=names)
    assert chosen.disagreement and chosen.reason.startswith("a negation in c5")
    troops = said("c8", "a1", "Russian troops are gathering near the border of Ukraine.")
    denial = said("c9", "a2", "Russian troops are not gathering near the border of Ukraine, the army says.")
    negations = propose_candidates([troops, denial], limit=10, actor_names=names)
    assert negations and not any(c.disagreement for c in negations)


def test_a_verdict_of_wrong_or_untrue_aimed_at_the_other_side_is_a_reason_to_verify() -> None:
    names = {"a1": ["Trump"], "a2": ["Becerra"], "a3": ["Pelosi"]}
    plain = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    declares = said("c1", "a1", "Trump declares a state of emergency to build a wall on the border.")
    unwarranted = said(
        "c2", "a2", "Becerra said the emergency declaration is unwarranted and there is no border crisis."
    )
    elsewhere = said("c3", "a2", "Becerra said the tax bill is unwarranted.")
    routine = said("c4", "a1", "Trump called the call with Zelensky perfectly fine and routine.")
    breach = said("c5", "a3", "Pelosi called Trump's conduct a breach of his constitutional duties.")
    praise = said("c6", "a3", "Pelosi called Trump's call with Zelensky a long one.")
    assert clash(declares, unwarranted, plain, names)  # a verdict sharing the subject
    assert not clash(declares, elsewhere, plain, names)  # a verdict about something else
    assert clash(routine, breach, plain, names)  # a verdict naming the other side
    assert not clash(routine, praise, plain, names)  # naming the other side without a verdict
    # A word with a common neutral use is no verdict: "illegal immigration", "the problem lies".
    neutral = said("c7", "a2", "Becerra said illegal immigration across the border is not a crisis.")
    assert not pairing.ClaimFeatures(neutral).disagrees


def test_a_proper_name_of_several_words_is_one_shared_subject() -> None:
    # Found on the dev seed zimbabwe-treason-2008: the two share only the man's name, two words.
    names = {"a1": ["The Herald"], "a2": ["Mr. Brown"]}
    plain = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    herald = said(
        "c1", "a1", "Tsvangirai approached Britain about using force to topple President Robert Mugabe."
    )
    brown = said("c2", "a2", "No one believes Robert Mugabe won the presidential election.")
    assert not clash(herald, brown, plain, names)
    # a word beside the name makes two: the man and his election
    again = said("c3", "a1", "Robert Mugabe won the presidential election in a landslide.")
    assert clash(again, brown, plain, names)
    # two names are two subjects, however many words each has
    lavrov = said("c4", "a1", "Sergei Lavrov did not meet Condoleezza Rice.")
    met = said("c5", "a2", "Sergei Lavrov met Condoleezza Rice on Tuesday.")
    assert clash(lavrov, met, plain, names)
    # words are a name's only when both claims write them as one ("prime minister" here, a title)
    not_pm = said("c6", "a1", "Tsvangirai will not be prime minister.")
    pm = said("c7", "a2", "Tsvangirai will be the new Prime Minister.")
    assert clash(not_pm, pm, plain, names)


def test_the_trace_says_which_reason_for_conflict_code_saw() -> None:
    state = state_for(TEXT, max_candidates=10)
    state.claims = claims_of(("a1", ADDING, A), ("a2", NOT_ADDING, A))
    state.actors = [Actor(id=i, name=SIDES[i], kind=ActorKind.ORGANISATION) for i in ("a1", "a2")]
    run_step(state, pair.run, pair.NAME)
    (kept,) = [d for d in state.trace.decisions() if d.rule == pairing.KEPT.name]
    assert kept.reason.endswith(": a negation in c2 reaches words of c1 (adding, troops, near, border)"), (
        kept.reason
    )


# --- each rule's decision, as the pair step traces it ------------------------------------------------

ADDING = "NATO said Russia is adding troops near the border."
NOT_ADDING = "Moscow said Russia is not adding troops near the border."
CHIEF_NOT_ADDING = "NATO chief Jens Stoltenberg said Russia is not adding troops near the border."
SIDES = {
    "chief": "NATO chief Jens Stoltenberg",
    "a1": "NATO",
    "a2": "Moscow",
    "a3": "Britain",
    "a4": "Poland",
    "a5": "Latvia",
    "a6": "Officials",
    "herald": "The Herald",
    "mayor": "The mayor's office",
}
OFFICIALS = "Officials said Russia is adding troops near the border."
ARRIVING = "NATO said more troops are arriving near the border every day."
BRITAIN_WARNS = "Britain warned that more troops are arriving near the border with tanks."
HARBOUR = "The harbour authority said ferries to the islands will run hourly from Monday morning."
DROUGHT = "Farmers said the drought ruined wheat, barley and maize harvests across the islands this summer."
HERALD = "The Herald reported that the mayor took bribes from a builder."
DENIED = "The mayor's office denied the allegations."
BRITAIN = "Britain said Russia is adding troops near the border."
POLAND = "Poland said Russia is adding troops near the border."
LATVIA = "Latvia said Russia is adding troops near the border."
TEXT = " ".join([ADDING, NOT_ADDING, OFFICIALS, ARRIVING, BRITAIN_WARNS, HARBOUR, DROUGHT, HERALD, DENIED])
TEXT += " " + " ".join([BRITAIN, POLAND, LATVIA, CHIEF_NOT_ADDING])


def claims_of(*said_by: tuple[str, str, ClaimKind]) -> list[Claim]:
    """Claims c1, c2, ... whose statements are their evidence in TEXT: (actor id, sentence, kind)."""
    return [
        claim_citing(TEXT, f"c{number}", actor, sentence, kind=kind)
        for number, (actor, sentence, kind) in enumerate(said_by, start=1)
    ]


A = ClaimKind.ASSERTION
Expected = list[tuple[Rule, DecisionAction, list[str]]]
"""(rule, action, claims) of decisions a case must lead to."""
RULE_CASES = [
    pytest.param(
        [("a1", ADDING, A), ("a2", NOT_ADDING, A)],
        10,
        [(pairing.KEPT, DecisionAction.KEPT, ["c1", "c2"])],
        id="kept",  # a negation on one side about troops near the border both speak of
    ),
    pytest.param(
        [("a1", ADDING, A), ("a6", OFFICIALS, A)],
        10,
        [(pairing.RESTATEMENT, DecisionAction.REFUSED, ["c1", "c2"])],
        id="restatement",
    ),
    pytest.param(
        [("a1", ADDING, A), ("a1", ARRIVING, A)],
        10,
        [(pairing.SAME_ACTOR_SAME_POLARITY, DecisionAction.REFUSED, ["c1", "c2"])],  # listed after the others
        id="same-actor-same-polarity",
    ),
    pytest.param(
        [
            ("a3", HARBOUR, A),
            ("a4", DROUGHT, A),
        ],
        10,
        [(pairing.LITTLE_IN_COMMON, DecisionAction.REFUSED, ["c1", "c2"])],  # one word in common
        id="little-in-common",
    ),
    pytest.param(
        [("a1", ADDING, A), ("a3", HARBOUR, A)],
        10,
        [(pairing.NOTHING_SHARED, DecisionAction.REFUSED, [])],  # no word in common: counted, not listed
        id="nothing-shared",
    ),
    pytest.param(
        [("a1", ADDING, A), ("a1", ADDING, ClaimKind.PREDICTION)],
        10,
        [(pairing.SAME_WORDS, DecisionAction.REFUSED, ["c1", "c2"])],  # two points of one sentence
        id="same-words-one-actor",
    ),
    pytest.param(
        [("a1", ADDING, A), ("chief", CHIEF_NOT_ADDING, A)],
        10,
        [(pairing.SAME_SIDE, DecisionAction.REFUSED, ["c1", "c2"])],  # an organisation and its officer
        id="same-side",
    ),
    pytest.param(
        [
            ("a1", ADDING, A),
            ("a3", BRITAIN_WARNS, A),
        ],
        10,
        [(pairing.NO_VISIBLE_REASON, DecisionAction.REFUSED, ["c1", "c2"])],  # two sides, one view
        id="no-visible-reason",
    ),
    pytest.param(
        [
            ("herald", HERALD, ClaimKind.ACCUSATION),
            ("mayor", DENIED, ClaimKind.DENIAL),
        ],
        10,
        [(pairing.BACK_REFERENCE, DecisionAction.KEPT, ["c1", "c2"])],  # no word in common, yet paired
        id="back-reference",
    ),
    pytest.param(
        [
            ("a2", NOT_ADDING, A),
            ("a1", ADDING, A),
            ("a3", BRITAIN, A),
            ("a4", POLAND, A),
            ("a5", LATVIA, A),
        ],
        10,
        [(pairing.PER_CLAIM_CAP, DecisionAction.REFUSED, ["c1", "c5"])],  # c1 is in three pairs already
        id="per-claim-cap",
    ),
    pytest.param(
        [
            ("a1", ADDING, A),
            ("a2", NOT_ADDING, A),
            ("a3", BRITAIN, A),
        ],
        1,
        [(pairing.OVER_LIMIT, DecisionAction.REFUSED, ["c2", "c3"])],  # one pair may be verified
        id="over-limit",
    ),
]
EXERCISED = {decision[0] for case in RULE_CASES for decision in cast(Expected, case.values[2])}


@pytest.mark.parametrize(("said_by", "max_candidates", "expected"), RULE_CASES)
def test_each_pairing_rule_decides_in_the_pair_steps_trace(
    said_by: list[tuple[str, str, ClaimKind]], max_candidates: int, expected: Expected
) -> None:
    state = state_for(TEXT, max_candidates=max_candidates)
    state.claims = claims_of(*said_by)
    state.actors = [
        Actor(id=i, name=SIDES[i], kind=ActorKind.ORGANISATION) for i in {c.actor_id for c in state.claims}
    ]
    run_step(state, pair.run, pair.NAME)
    decisions = [(d.rule, d.action, d.claims) for d in state.trace.decisions() if d.step == "pair"]
    for rule, action, claims in expected:
        assert (rule.name, action, claims) in decisions, decisions
    kept = [[c.a.id, c.b.id] for c in state.candidates]
    assert kept == [d[2] for d in decisions if d[1] is DecisionAction.KEPT]


# --- the weights: what each signal adds to a pair's score --------------------------------------------

FACTORY = said("c1", "a1", "The factory will close next month.")
FIRE_3 = said("c1", "a1", "Police said 3 people died in the fire.")
RETURNING = said("c1", "a1", "Units are returning to their bases.")
NEAR_THE_RIVER = "The factory near the river will close soon."


def test_every_weight_is_stated_in_the_rule_that_keeps_a_pair() -> None:
    assert {f"weight_{name}": value for name, value in vars(WEIGHTS).items()} == dict(pairing.KEPT.parameters)
    assert set(vars(WEIGHTS)) == set(vars(PairWeights()))


# (the weight, a pair with its signal, its score, the same pair without the signal): a pair's score is
# the share of content words in common (of the shorter claim), plus the weight of each signal it has.
WEIGHT_CASES = [
    pytest.param(
        "different_actors",
        (FACTORY, said("c2", "a2", "The factory will not close next month.")),
        4 / 4 + 0.3 + 0.2,  # all four words shared; two actors; a "not" on one side
        (FACTORY, said("c2", "a1", "The factory will not close next month.")),
        id="two-actors-disagree-more-than-one-qualifies-itself",
    ),
    pytest.param(
        "negation_on_one_side",
        (FACTORY, said("c2", "a2", "The factory near the river will not close soon.")),
        2 / 4 + 0.3 + 0.2,  # factory, close
        (FACTORY, said("c2", "a2", NEAR_THE_RIVER)),
        id="a-not-on-one-side",
    ),
    pytest.param(
        "stance_kind",
        (FACTORY, said("c2", "a2", NEAR_THE_RIVER, ClaimKind.ACCUSATION)),
        2 / 4 + 0.3 + 0.2,
        (FACTORY, said("c2", "a2", NEAR_THE_RIVER)),
        id="an-accusation-takes-a-side",
    ),
    pytest.param(
        "conflicting_figures",
        (FIRE_3, said("c2", "a2", "The hospital said 7 people died in the fire.")),
        3 / 4 + 0.3 + 0.4,  # people, death, fire (police and hospital differ)
        (FIRE_3, said("c2", "a2", "The hospital said 3 people died in the fire.")),
        id="3-dead-against-7-dead",
    ),
    pytest.param(
        "opposed_ideas",
        (RETURNING, said("c2", "a2", "Russia is continuing its military buildup.")),
        1 / 3 + 0.3 + 0.4,  # units and the military are one concept (force); returning against a buildup
        (RETURNING, said("c2", "a2", "Russia is continuing its military parade.")),
        id="withdrawal-against-buildup",
    ),
    pytest.param(
        "words_and_deeds",
        (
            said("c1", "a1", "The army withdrew its troops from the border.", ClaimKind.ACTION),
            said("c2", "a1", "The army says its troops did not leave the border."),
        ),
        4 / 4 + 0.2 + 0.2,  # one actor: a deed against its words, with a "not" on one side
        (
            said("c1", "a1", "The army withdrew its troops from the border."),
            said("c2", "a1", "The army says its troops did not leave the border."),
        ),
        id="a-deed-against-the-actors-words",
    ),
]


@pytest.mark.parametrize(("weight", "with_signal", "score", "without_signal"), WEIGHT_CASES)
def test_each_weight_adds_its_value_to_a_pair_with_its_signal(
    weight: str, with_signal: tuple[Claim, Claim], score: float, without_signal: tuple[Claim, Claim]
) -> None:
    scored, _ = score_pair(*with_signal)
    baseline, _ = score_pair(*without_signal)
    assert scored == pytest.approx(score)  # the weights' values are pinned here, with the reason for each
    assert baseline > 0  # the pair without the signal is still scored: the difference is the weight's
    assert scored - baseline == pytest.approx(getattr(WEIGHTS, weight))


def test_the_weights_rank_hard_evidence_over_who_speaks_over_soft_signals() -> None:
    """Figures that cannot both hold and opposed ideas are what a conflict is made of; two actors come
    next (an actor is rarely at odds with itself); a negation, a stance or a deed only hint at one."""
    w = WEIGHTS
    assert w.conflicting_figures == w.opposed_ideas > w.different_actors
    assert w.different_actors > w.negation_on_one_side == w.stance_kind == w.words_and_deeds > 0


def test_a_pair_ranks_by_its_score_so_the_best_evidence_is_verified_first() -> None:
    fire_3 = said("c1", "police", "Police said 3 people died in the fire.")
    fire_7 = said("c2", "hospital", "The hospital said 7 people died in the fire.")
    fire_not = said("c3", "mayor", "The mayor said people did not die in the fire.")
    chosen = propose_candidates([fire_3, fire_7, fire_not], limit=10)
    scores = [c.score for c in chosen]
    assert (chosen[0].a.id, chosen[0].b.id) == ("c1", "c2")  # the figures outrank the negations
    assert scores == sorted(scores, reverse=True)


def test_a_word_too_many_claims_share_pairs_none_of_them_by_itself() -> None:
    count = pairing.MAX_CLAIMS_PER_WORD + 2
    sentences = [f"Speaker{n} said the ceasefire was holding well." for n in range(count)]
    text = " ".join(sentences)
    claims = [claim_citing(text, f"c{n}", f"a{n}", sentence) for n, sentence in enumerate(sentences)]
    state = state_for(text)
    state.claims = claims
    state.actors = [Actor(id=f"a{n}", name=f"Speaker{n}", kind=ActorKind.PERSON) for n in range(count)]
    run_step(state, pair.run, pair.NAME)
    (common,) = [d for d in state.trace.decisions() if d.rule == pairing.COMMON_WORDS.name]
    assert common.action is DecisionAction.REFUSED and "peace" in common.reason  # "ceasefire" is a concept
    assert state.candidates == []  # no pair was even scored: no restatement refusals either
    assert not [d for d in state.trace.decisions() if d.rule == pairing.RESTATEMENT.name]


EXERCISED |= {pairing.COMMON_WORDS}


@pytest.mark.parametrize(
    ("organisation", "other", "same_side"),
    [
        ("NATO", "NATO chief Jens Stoltenberg", True),  # the organisation and its officer
        ("The White House", "White House press secretary Jen Psaki", True),
        ("Zimbabwe", "Zimbabwe's opposition Movement for Democratic Change", False),  # a possessive
        ("The Kremlin", "Kremlin critics", False),  # a group named after it
        ("Officials", "Russian officials", False),
        ("The Diplomat", "The Diplomat, David Axe", True),  # the name, a comma and whom it names
        ("The Diplomat", "The Diplomatic corps", False),
        ("Center for Biological Diversity", "Center for Biological Diversity scientist Tierra Curry", True),
        ("Russia", "Russia scientist Ivan Petrov", False),  # after a short name: anyone's scientist
        ("Russia", "Russia analyst Mark Galeotti", False),  # an analyst studies it
        ("NATO", "NATO member Turkey", False),  # a member state speaks for itself
        (
            "Center for Food Safety",
            "George Kimbrell of the Center for Food Safety",
            False,
        ),  # "of" is not read
    ],
)
def test_only_an_organisation_and_its_officer_are_one_side(
    organisation: str, other: str, same_side: bool
) -> None:
    text = f"{organisation} said the troops started the violence. {other} denied that the troops started it."
    first, second = text.split(". ", 1)
    state = state_for(text)
    state.claims = [
        claim_citing(text, "c1", "x1", first + ".", kind=ClaimKind.ACCUSATION),
        claim_citing(text, "c2", "x2", second, kind=ClaimKind.DENIAL),
    ]
    state.actors = [Actor(id="x1", name=organisation, kind=ActorKind.ORGANISATION),
                    Actor(id="x2", name=other, kind=ActorKind.ORGANISATION)]  # fmt: skip
    run_step(state, pair.run, pair.NAME)
    refused = [d.claims for d in state.trace.decisions() if d.rule == pairing.SAME_SIDE.name]
    assert (refused == [["c1", "c2"]]) is same_side
    assert (state.candidates == []) is same_side


def test_pairs_sharing_no_word_are_counted_in_the_trace_and_the_quiet_refusals_listed_last() -> None:
    state = state_for(TEXT, max_candidates=10)
    state.claims = claims_of(
        ("a1", ADDING, A), ("a3", BRITAIN_WARNS, A), ("a1", ARRIVING, A), ("a4", HARBOUR, A)
    )
    state.actors = [
        Actor(id=i, name=SIDES[i], kind=ActorKind.ORGANISATION) for i in {c.actor_id for c in state.claims}
    ]
    run_step(state, pair.run, pair.NAME)
    decisions = [d for d in state.trace.decisions() if d.step == "pair"]
    counted = [d for d in decisions if d.rule == pairing.NOTHING_SHARED.name]
    # HARBOUR shares no word with the three others: 3 of the 6 pairs were never scored
    assert [d.reason for d in counted] == [
        "3 pair(s) share no content word or unit (beyond words too many claims share): never scored"
    ]
    quiet = [i for i, d in enumerate(decisions) if d.rule == pairing.SAME_ACTOR_SAME_POLARITY.name]
    loud = [i for i, d in enumerate(decisions) if d.rule == pairing.NO_VISIBLE_REASON.name]
    assert quiet and loud and all(i > j for i in quiet for j in loud)
    assert [d.claims for d in decisions if d.rule == pairing.SAME_ACTOR_SAME_POLARITY.name] == [["c1", "c3"]]


def test_a_pair_a_denial_points_back_at_is_chosen_and_neither_refused_nor_counted() -> None:
    # the mayor's office's bare denial shares no word with the Herald's report: paired all the same
    state = state_for(TEXT, max_candidates=10)
    state.claims = claims_of(("herald", HERALD, ClaimKind.ACCUSATION), ("mayor", DENIED, ClaimKind.DENIAL))
    state.actors = [Actor(id=i, name=SIDES[i], kind=ActorKind.ORGANISATION) for i in ("herald", "mayor")]
    run_step(state, pair.run, pair.NAME)
    decisions = [(d.rule, d.action, d.claims) for d in state.trace.decisions() if d.step == "pair"]
    assert decisions == [(pairing.BACK_REFERENCE.name, DecisionAction.KEPT, ["c1", "c2"])]


def test_unshared_pairs_are_counted_within_the_pairs_looked_at() -> None:
    adding, harbour, drought = (
        claim_citing(TEXT, f"c{n}", actor, sentence) for n, (actor, sentence) in
        enumerate([("a1", ADDING), ("a3", HARBOUR), ("a4", DROUGHT)], start=1)
    )  # fmt: skip
    # harbour and drought share "islands"; adding shares nothing with either
    assert propose_pairing([adding, harbour, drought], limit=10).unshared == 2
    # against one claim only (the narrator's pairing): its two pairs, both unshared
    assert propose_pairing([adding, harbour, drought], limit=10, involving=frozenset({"c1"})).unshared == 2
    assert propose_pairing([adding, harbour, drought], limit=10, involving=frozenset({"c2"})).unshared == 1


def test_a_rebuttal_merged_with_a_pair_found_on_shared_words_keeps_that_reason() -> None:
    report = "The Herald reported that the mayor took bribes from a builder."
    answer = "The mayor denied the allegations, saying he took no bribes from the builder."
    accused = claim_citing(f"{report} {answer}", "c1", "a1", report, kind=ClaimKind.ACCUSATION)
    denial = claim_citing(f"{report} {answer}", "c2", "a2", answer)
    names = {"a1": ["The Herald"], "a2": ["The mayor"]}
    (chosen,) = propose_pairing([accused, denial], limit=10, actor_names=names).chosen
    assert chosen.rebuttal and chosen.b.id == "c2"
    assert chosen.reason == "a negation in c2 reaches words of c1 (bribes, builder)"


QUAKE_ARTICLE = (
    "Port Survey reported the earthquake's magnitude was 5.5; the Arland Geological Survey reported 5.8. "
    "Earlier this year, the north suffered a 6.3 magnitude earthquake."
)
_QUAKE_NAMES = {"port": ["Port Survey"], "ags": ["Arland Geological Survey"], "article": ["the article"]}


def _quake_claim(cid: str, actor: str, statement: str, evidence: str) -> Claim:
    return claim_citing(QUAKE_ARTICLE, cid, actor, statement, evidence, ClaimKind.ASSERTION)


def test_each_speakers_clause_gives_its_own_figure() -> None:
    # Both claims cite the whole sentence; each compares only its own clause's figure.
    sentence = QUAKE_ARTICLE.split(" Earlier")[0]
    port = _quake_claim("c1", "port", "Port Survey reported the earthquake's magnitude was 5.5.", sentence)
    ags = _quake_claim("c2", "ags", "The Arland Geological Survey reported the magnitude was 5.8.", sentence)
    (candidate,) = propose_candidates([port, ags], limit=5, actor_names=_QUAKE_NAMES)
    assert candidate.numeric.relation is NumericRelation.CONFLICTING
    # Without the actors' names code cannot tell whose clause is whose: both figures are each claim's.
    assert score_pair(port, ags)[1].relation is NumericRelation.COMPATIBLE


def test_figures_of_a_claim_set_at_another_time_are_not_compared() -> None:
    port = _quake_claim("c1", "port", "The earthquake's magnitude was 5.5.", "Port Survey reported")
    statement = "Earlier this year, the north suffered a 6.3 magnitude earthquake."
    earlier = _quake_claim("c3", "article", statement, "Earlier this year")
    verdict = score_pair(port, earlier)[1]
    assert verdict.relation is NumericRelation.NOT_COMPARABLE
    assert "another time ('earlier this year')" in verdict.explanation
    assert propose_candidates([port, earlier], limit=5, actor_names=_QUAKE_NAMES) == []


@pytest.mark.parametrize(
    "opening",
    ["In the past 24 hours, 12 people have died.", "Previously unreleased figures show 12 people died."],
)
def test_the_news_own_time_is_no_other_time(opening: str) -> None:
    # found by a review: "in the past" and "previously" set another time only before a comma
    a = _quake_claim("c1", "port", opening, "Port Survey reported")
    b = _quake_claim("c2", "ags", "30 people died.", "Port Survey reported")
    assert score_pair(a, b)[1].relation is NumericRelation.CONFLICTING
