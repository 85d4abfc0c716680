"""Whether a verdict becomes a reported contradiction, and of which kind (`rules.acceptance`, step 10)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

import pytest

from builders import claim_citing, nato_claim, verdict
from counterclaim.models import (
    Actor,
    ActorKind,
    Claim,
    ClaimKind,
    ContradictionKind,
    DecisionAction,
    ExplanationSource,
)
from counterclaim.pipeline.rules import acceptance, actor_names, explanations, narration
from counterclaim.pipeline.rules.acceptance import accept, judge, judge_in_other_order, settle_kind
from counterclaim.pipeline.rules.pairing import NO_VISIBLE_REASON, Candidate, opposed_ideas
from counterclaim.pipeline.schemas import VerdictDraft, VerdictRelation
from counterclaim.pipeline.state import AnalysisState
from counterclaim.pipeline.steps import verify
from counterclaim.pipeline.trace import Rule
from counterclaim.text.numbers import NumericRelation, NumericVerdict
from fake_model import CUT_OFF, FakeModel, run_step, state_for

_claim = nato_claim


def _candidate(relation: NumericRelation, *, b_actor: str = "a2", clash: bool = True) -> Candidate:
    a = _claim("c1", "a1", "over 150,000 troops", "NATO said Russia is adding troops.")
    b = _claim("c2", b_actor, "more than 100,000 troops", "Moscow denied it.")
    numeric = NumericVerdict(relation=relation, explanation="x")
    return Candidate(a=a, b=b, score=1.0, numeric=numeric, clash=clash, opposed=opposed_ideas(a, b))


def test_code_overrules_a_numeric_contradiction_between_compatible_figures() -> None:
    assert not accept(verdict("contradict", "numeric"), _candidate(NumericRelation.COMPATIBLE))
    assert accept(verdict("contradict", "numeric"), _candidate(NumericRelation.CONFLICTING))
    assert accept(verdict("contradict", "factual"), _candidate(NumericRelation.COMPATIBLE))
    assert not accept(verdict("compatible", "factual"), _candidate(NumericRelation.NOT_COMPARABLE))
    assert not accept(verdict("contradict", "factual", 0.2), _candidate(NumericRelation.NOT_COMPARABLE))


def test_an_unsure_verdict_or_one_actors_mere_negation_is_no_contradiction() -> None:
    assert not accept(verdict("contradict", "factual", 0.7), _candidate(NumericRelation.NOT_COMPARABLE))
    same_actor = _candidate(NumericRelation.NOT_COMPARABLE, b_actor="a1")  # clash from a negation only
    assert not accept(verdict("contradict", "self"), same_actor)
    assert accept(verdict("contradict", "self"), _candidate(NumericRelation.CONFLICTING, b_actor="a1"))


def test_code_reports_figures_that_cannot_both_hold_when_the_model_sees_one_matter() -> None:
    assert accept(verdict("compatible", "numeric"), _candidate(NumericRelation.CONFLICTING))
    assert not accept(verdict("unrelated", "numeric"), _candidate(NumericRelation.CONFLICTING))
    assert not accept(verdict("agree", "factual"), _candidate(NumericRelation.NOT_COMPARABLE))


@pytest.mark.parametrize(
    ("name", "aliases", "short"),
    [
        ("The United States House of Representatives", ["the House"], "the House"),
        ("the government", ["the ministry"], "the government"),  # no proper name: the name stays
        ("President Joe Biden", ["President", "Biden"], "Biden"),  # a bare title names no one
        ("NATO", [], "NATO"),
        ("prosecutor Josh Bash", ["U.S. Attorney for the Western District of Texas"], "Josh Bash"),
        ("evolutionary biomechanicist John Hutchinson", [], "John Hutchinson"),
        ("a protester using the pseudonym Katya", [], "a protester using the pseudonym Katya"),
        ("the government of American Samoa", [], "the government of American Samoa"),
        (
            "former deputy foreign minister Ann Lee",
            [],
            "former deputy foreign minister Ann Lee",
        ),  # 4 role words
        ("spokesman Whitman", [], "spokesman Whitman"),  # one capitalised word may be a place or a title
        # a group, or a party the words point to, is no person after a role
        ("protesters outside Downing Street", [], "protesters outside Downing Street"),
        ("workers at General Motors", [], "workers at General Motors"),
        ("lawyer representing Acme Corp", [], "lawyer representing Acme Corp"),
        ("troops loyal to Bashar Assad", [], "troops loyal to Bashar Assad"),
        ("lawmakers like Nancy Pelosi", [], "lawmakers like Nancy Pelosi"),
        ("people familiar with Elon Musk", [], "people familiar with Elon Musk"),
        ("aides Prime Minister Modi", [], "aides Prime Minister Modi"),  # a plural role
        # found by a second review: a firm, a place, a name's particle
        ("analyst Goldman Sachs", [], "analyst Goldman Sachs"),
        ("mayor New York City", [], "mayor New York City"),
        ("bin Salman Al Saud", [], "bin Salman Al Saud"),
        # a title that is one of the forms is no shorter name: the name after it is
        ("Health Minister Ann Lee-Kowalska", ["Health Minister"], "Ann Lee-Kowalska"),
        ("Ann Lee-Kowalska", ["Health Minister", "Health Minister Ann Lee-Kowalska"], "Ann Lee-Kowalska"),
        ("Martin Luther King", ["King"], "Martin Luther King"),
        ("Lukasz Szumowski", ["Health Minister"], "Lukasz Szumowski"),
        ("John Major", ["Major"], "John Major"),
        # found by a review: no fragment after a title is a name
        ("Prime Minister of Canada", ["Prime Minister"], "Prime Minister of Canada"),
        ("Minister of Health Ann Lee", ["Minister"], "Minister of Health Ann Lee"),
        ("Chief Executive Officer Tim Cook", ["Chief Executive"], "Chief Executive Officer Tim Cook"),
        # a name before a comma and a lower-case description (the pool): the name alone
        ("Souhail Alouini, a member of Parliament", [], "Souhail Alouini"),
        ("Muktar Kedir, president of the region", [], "Muktar Kedir"),
        ("China, Iran, and Russia", [], "China, Iran, and Russia"),
        (
            "a German government source, whom they did not name",
            [],
            "a German government source, whom they did not name",
        ),
        (
            "Tunisian League for Human Rights, Jamel Msallem",
            [],
            "Tunisian League for Human Rights, Jamel Msallem",
        ),
        ("Goldman Sachs, the bank", [], "Goldman Sachs, the bank"),
        ("South Korea, a US ally", [], "South Korea, a US ally"),
        # found by a review: a list of people is no name and its description
        ("Joe Biden, his wife Jill Biden", [], "Joe Biden, his wife Jill Biden"),
        ("Boris Johnson, and other ministers", [], "Boris Johnson, and other ministers"),
        ("Ann Lee, a lawyer, and Tom Reyes", [], "Ann Lee, a lawyer, and Tom Reyes"),
        ("Ann Lee , director", [], "Ann Lee"),
    ],
)
def test_the_short_name_is_the_shortest_proper_name(name: str, aliases: list[str], short: str) -> None:
    assert actor_names.short_name(name, aliases) == short


def _actor(aid: str, name: str, *aliases: str) -> Actor:
    return Actor(id=aid, name=name, kind=ActorKind.GOVERNMENT, aliases=list(aliases))


def test_a_short_name_is_never_another_actors_name_nor_shared_by_two_actors() -> None:
    sudan = _actor("a1", "Sudan", "Khartoum")
    south = _actor("a2", "South Sudan", "Sudan", "Juba government")  # the model's alias is Sudan's name
    assert actor_names.short_names([sudan, south]) == {"a1": "Sudan", "a2": "South Sudan"}
    # Two envoys the article calls "the Envoy": each side keeps its full name.
    one = _actor("a3", "US Envoy Princeton Lyman", "Envoy")
    other = _actor("a4", "AU Envoy Thabo Mbeki", "Envoy")
    names = actor_names.short_names([one, other])
    assert names == {"a3": "US Envoy Princeton Lyman", "a4": "AU Envoy Thabo Mbeki"}
    # A person's name after a role is another actor's too: the full name stays.
    bash = _actor("a5", "prosecutor Josh Bash")
    also_bash = _actor("a6", "attorney Josh Bash")
    names = actor_names.short_names([bash, also_bash])
    assert names == {"a5": "prosecutor Josh Bash", "a6": "attorney Josh Bash"}
    assert actor_names.short_names([bash]) == {"a5": "prosecutor Josh Bash"}  # a government's name
    person = Actor(id="a7", name="prosecutor Josh Bash", kind=ActorKind.PERSON, aliases=[])
    assert actor_names.short_names([person]) == {"a7": "Josh Bash"}  # only a person's


def test_kind_follows_from_who_made_the_claims() -> None:
    said = _claim("c1", "a1", "We will not invade.", "Moscow denied it.")
    did = _claim("c2", "a1", "Russia moved troops.", "NATO said Russia is adding troops.", ClaimKind.ACTION)
    other = _claim("c3", "a2", "Russia moved troops.", "NATO said Russia is adding troops.")
    by_actors = acceptance.KIND_FROM_ACTORS
    assert settle_kind(verdict("contradict", "factual"), said, did) == (
        ContradictionKind.WORDS_VS_DEEDS,
        by_actors,
    )
    assert settle_kind(verdict("contradict", "factual"), said, said) == (ContradictionKind.SELF, by_actors)
    assert settle_kind(verdict("contradict", "self"), said, said) == (ContradictionKind.SELF, None)
    assert settle_kind(verdict("contradict", "self"), said, other) == (ContradictionKind.FACTUAL, by_actors)
    assert settle_kind(verdict("contradict", "numeric"), said, other) == (ContradictionKind.NUMERIC, None)
    assert settle_kind(verdict("contradict", "factual"), said, other) == (ContradictionKind.FACTUAL, None)
    # against the article's own account the kind is record, whatever the verifier or the actors say
    by_narrator = (ContradictionKind.RECORD, narration.KIND_FROM_NARRATOR)
    assert settle_kind(verdict("contradict", "numeric"), said, other, against_record=True) == by_narrator
    assert settle_kind(verdict("contradict", "factual"), said, other, against_record=True) == by_narrator


def test_intent_needs_a_claim_about_what_someone_will_do() -> None:
    # the 1.5B named intent for two plain assertions in 8 of 8 right reports on dev and validation
    fact = _claim("c1", "a1", "Russia moved troops.", "NATO said Russia is adding troops.")
    other = _claim("c2", "a2", "No troops were moved.", "Moscow denied it.")
    intent = verdict("contradict", "intent")
    assert settle_kind(intent, fact, other) == (ContradictionKind.FACTUAL, acceptance.KIND_FROM_CLAIMS)
    for kind in (ClaimKind.PROMISE, ClaimKind.THREAT, ClaimKind.DEMAND, ClaimKind.PREDICTION):
        will = _claim("c2", "a2", "We will not invade.", "Moscow denied it.", kind)
        assert settle_kind(intent, fact, will) == (ContradictionKind.INTENT, None)
        assert settle_kind(intent, will, fact) == (ContradictionKind.INTENT, None)
    # a claim that speaks of an intention keeps it too
    no_plan = _claim(
        "c2", "a2", "Moscow has no intention of invading.", "Moscow denied it.", ClaimKind.DENIAL
    )
    assert settle_kind(intent, fact, no_plan) == (ContradictionKind.INTENT, None)


def test_two_actors_figures_that_code_found_conflicting_make_a_numeric_contradiction() -> None:
    # (the figures' comparison is code's; here only its outcome, `figures_conflict`, is given)
    first = _claim("c1", "a1", "Russia has 100,000 troops.", "NATO said Russia is adding troops.")
    second = _claim("c2", "a2", "Russia has 10,000 troops.", "Moscow denied it.")
    factual = verdict("contradict", "factual")
    assert settle_kind(factual, first, second, figures_conflict=True) == (
        ContradictionKind.NUMERIC,
        acceptance.KIND_FROM_FIGURES,
    )
    numeric = verdict("contradict", "numeric")
    assert settle_kind(numeric, first, second, figures_conflict=True) == (ContradictionKind.NUMERIC, None)
    # one actor's two figures stay a self-contradiction
    again = _claim("c3", "a1", "Russia has 50,000 troops.", "Moscow denied it.")
    assert settle_kind(factual, first, again, figures_conflict=True) == (
        ContradictionKind.SELF,
        acceptance.KIND_FROM_ACTORS,
    )


def test_a_rebuttal_code_found_needs_the_verdict_contradict_but_not_its_confidence() -> None:
    rebuttal = replace(_candidate(NumericRelation.NOT_COMPARABLE), rebuttal=True)
    assert accept(verdict("contradict", "factual", 0.5), rebuttal)
    assert not accept(verdict("contradict", "factual", 0.5), _candidate(NumericRelation.NOT_COMPARABLE))
    relations: list[VerdictRelation] = ["compatible", "agree", "unrelated"]
    for relation in relations:
        assert not accept(verdict(relation, "factual"), rebuttal)


def test_a_claim_against_the_other_side_needs_contradict_but_not_its_confidence_and_is_asked_again() -> None:
    against = replace(_candidate(NumericRelation.NOT_COMPARABLE), disagreement=True, reason="c2 disagrees")
    judgement = judge(verdict("contradict", "factual", 0.5), against)
    assert (judgement.reported, judgement.rule) == (True, acceptance.DISAGREEMENT)
    assert judgement.reason.endswith("; c2 disagrees")  # the trace says why the confidence was waived
    assert acceptance.needs_other_order(judgement)  # code saw the disagreement, not what it answers
    refused = judge(verdict("contradict", "factual", 0.5), _candidate(NumericRelation.NOT_COMPARABLE))
    assert (refused.reported, refused.rule) == (False, acceptance.LOW_CONFIDENCE)
    again = judge_in_other_order(judgement, verdict("unrelated", "factual", 0.9), read_first="c2")
    assert (again.reported, again.rule) == (False, acceptance.ORDER_CHANGES_VERDICT)


def test_a_contradiction_needs_a_reason_code_can_see() -> None:
    unseen = _candidate(NumericRelation.NOT_COMPARABLE, clash=False)
    assert not accept(verdict("contradict", "factual"), unseen)


# --- every rule's decision: (verdict, the pair as code sees it) -> reported or not, by which rule ------


@dataclass(frozen=True)
class Pair:
    """A candidate pair as code sees it (`pairing.Candidate`), by default: two actors, a reason for
    conflict code sees (`clash`), no figures to compare, no opposed ideas, not a rebuttal."""

    figures: NumericRelation = NumericRelation.NOT_COMPARABLE
    one_actor: bool = False
    opposed: bool = False
    rebuttal: bool = False
    clash: bool = True
    disagreement: bool = False

    def candidate(self) -> Candidate:
        made = _candidate(self.figures, b_actor="a1" if self.one_actor else "a2", clash=self.clash)
        return replace(made, opposed=self.opposed, rebuttal=self.rebuttal, disagreement=self.disagreement)


A = acceptance
FIGURES_CONFLICT = Pair(figures=NumericRelation.CONFLICTING)
FIGURES_AGREE = Pair(figures=NumericRelation.COMPATIBLE)
ONE_ACTOR = Pair(one_actor=True)
ONE_ACTOR_OPPOSED = Pair(one_actor=True, opposed=True)
ONE_ACTOR_FIGURES = Pair(one_actor=True, figures=NumericRelation.CONFLICTING)
AGAINST = Pair(disagreement=True)  # one claim speaks against the other side ("questioned the findings")
case = pytest.param
JUDGE_CASES = [
    case(verdict("contradict", confidence=0.9), Pair(), A.VERIFIED, True, id="verified"),
    case(verdict("contradict", confidence=0.8), Pair(), A.VERIFIED, True, id="at-the-bound"),
    case(verdict("contradict", confidence=0.79), Pair(), A.LOW_CONFIDENCE, False, id="unsure"),
    case(verdict("contradict", confidence=0.5), Pair(rebuttal=True), A.REBUTTAL, True, id="rebuttal"),
    case(verdict("agree"), Pair(rebuttal=True), A.NOT_CONTRADICT, False, id="rebuttal-agreed"),
    case(verdict("contradict", confidence=0.5), AGAINST, A.DISAGREEMENT, True, id="questioned"),
    case(verdict("contradict", confidence=0.9), AGAINST, A.VERIFIED, True, id="questioned-sure"),
    case(verdict("compatible", confidence=0.5), AGAINST, A.LOW_CONFIDENCE, False, id="questioned-compatible"),
    case(verdict("agree"), AGAINST, A.NOT_CONTRADICT, False, id="questioned-agreed"),
    case(verdict("unrelated"), FIGURES_CONFLICT, A.NOT_CONTRADICT, False, id="unrelated"),
    case(verdict("compatible"), Pair(), A.NOT_CONTRADICT, False, id="compatible"),
    case(verdict("compatible", "numeric"), FIGURES_CONFLICT, A.CONFLICTING_FIGURES, True, id="figures"),
    case(
        verdict("compatible", "numeric", 0.5), FIGURES_CONFLICT, A.CONFLICTING_FIGURES, True, id="unsure-fig"
    ),
    case(
        verdict("contradict", "numeric", 0.5), FIGURES_CONFLICT, A.CONFLICTING_FIGURES, True, id="toll-3-vs-7"
    ),
    case(verdict("contradict", "numeric"), FIGURES_AGREE, A.COMPATIBLE_FIGURES, False, id="figures-agree"),
    case(verdict("contradict", "factual"), FIGURES_AGREE, A.VERIFIED, True, id="figures-agree-facts-not"),
    case(verdict("contradict", "self"), ONE_ACTOR, A.ONE_ACTOR_NEEDS_MORE, False, id="one-actor"),
    case(
        verdict("contradict", "self"),
        replace(ONE_ACTOR, opposed=True),
        A.VERIFIED,
        True,
        id="one-actor-opposed",
    ),
    case(
        verdict("contradict", "self"),
        replace(FIGURES_CONFLICT, one_actor=True),
        A.CONFLICTING_FIGURES,
        True,
        id="one-actor-fig",
    ),
    case(verdict("contradict"), Pair(clash=False), NO_VISIBLE_REASON, False, id="no-reason"),
]
EXERCISED = {cast(Rule, case.values[2]) for case in JUDGE_CASES} | {
    acceptance.KIND_FROM_ACTORS,
    acceptance.KIND_FROM_FIGURES,
    acceptance.KIND_FROM_CLAIMS,  # test_intent_needs_a_claim_about_what_someone_will_do
    acceptance.SAME_CONFLICT,
    acceptance.ORDER_CHANGES_VERDICT,
}


@pytest.mark.parametrize(("said", "pair", "rule", "reported"), JUDGE_CASES)
def test_each_acceptance_rule_decides_whether_a_verdict_is_reported(
    said: VerdictDraft, pair: Pair, rule: Rule, reported: bool
) -> None:
    judgement = judge(said, pair.candidate())
    assert (judgement.rule, judgement.reported) == (rule, reported)
    # Code overrules the verifier when it reports what the verifier did not plainly call a
    # contradiction (figures), or refuses what it did (compatible figures).
    overruled = rule is A.COMPATIBLE_FIGURES or (
        rule is A.CONFLICTING_FIGURES
        and not (said.relation == "contradict" and said.confidence >= A.MIN_CONFIDENCE)
    )
    if overruled:
        assert judgement.action is DecisionAction.OVERRIDDEN
    else:
        assert judgement.action is (DecisionAction.ACCEPTED if reported else DecisionAction.REFUSED)


VERIFY_TEXT = (
    "The army withdrew its troops from the border. The army says its troops did not leave the border."
)


def test_the_verify_step_traces_each_verdicts_rule_and_the_kind_code_settles() -> None:
    deed = claim_citing(
        VERIFY_TEXT, "c1", "a1", "The army withdrew its troops from the border.", kind=ClaimKind.ACTION
    )
    words = claim_citing(VERIFY_TEXT, "c2", "a1", "The army says its troops did not leave the border.")
    said_it = {"comparison": "The army is said to have withdrawn yet says it stayed", "kind": "factual"}
    model = FakeModel({"VerdictDraft": [{**said_it, "relation": "contradict", "confidence": 0.9}]})
    state = state_for(VERIFY_TEXT, model)
    state.claims, state.actors = [deed, words], [Actor(id="a1", name="The army", kind=ActorKind.GOVERNMENT)]
    numbers = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    state.candidates = [Candidate(a=deed, b=words, score=1.0, numeric=numbers, clash=True, opposed=True)]
    run_step(state, verify.run, verify.NAME)
    assert model.schemas() == ["VerdictDraft", "VerdictDraft"]  # the second in the other order
    assert [(d.step, d.rule, d.action, d.claims) for d in state.trace.decisions()] == [
        ("verify", acceptance.VERIFIED.name, DecisionAction.ACCEPTED, ["c1", "c2"]),
        ("verify", acceptance.KIND_FROM_ACTORS.name, DecisionAction.RELABELED, ["c1", "c2"]),
    ]
    (found,) = state.contradictions
    assert (found.id, found.kind) == ("k1", ContradictionKind.WORDS_VS_DEEDS)
    assert found.explanation == "The army is said to have withdrawn yet says it stayed."
    assert found.explained_by is ExplanationSource.MODEL


_BORDER = "NATO said Russia is adding troops near the border. Moscow said its troops are leaving the border."
_NO_FIGURES = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")


def _nato_against_moscow(model: FakeModel, text: str = _BORDER) -> tuple[AnalysisState, Claim, Claim]:
    """A verify step's state for NATO's buildup (c1, actor a1) against Moscow's pullback (c2, a2)."""
    nato = claim_citing(text, "c1", "a1", "NATO said Russia is adding troops near the border.")
    moscow = claim_citing(text, "c2", "a2", "Moscow said its troops are leaving the border.")
    state = state_for(text, model)
    state.claims = [nato, moscow]
    state.actors = [Actor(id="a1", name="NATO", kind=ActorKind.ORGANISATION),
                    Actor(id="a2", name="Moscow", kind=ActorKind.GOVERNMENT)]  # fmt: skip
    return state, nato, moscow


def test_one_conflict_between_the_same_two_actors_is_reported_once_with_its_other_pairs() -> None:
    text = _BORDER + " Moscow denied adding any troops near the border."
    model = FakeModel(
        {
            "VerdictDraft": [
                {
                    "comparison": "NATO sees a buildup, Moscow a pullback.",
                    "relation": "contradict",
                    "kind": "factual",
                    "confidence": 0.9,
                }
            ]
        }
    )
    state, nato, leaving = _nato_against_moscow(model, text)
    denial = claim_citing(text, "c3", "a2", "Moscow denied adding any troops near the border.")
    state.claims.append(denial)
    state.candidates = [
        Candidate(a=nato, b=leaving, score=1.0, numeric=_NO_FIGURES, clash=True, opposed=True),
        Candidate(a=nato, b=denial, score=0.9, numeric=_NO_FIGURES, clash=True, opposed=True),
    ]
    run_step(state, verify.run, verify.NAME)
    (found,) = state.contradictions
    assert (found.id, found.claim_a, found.claim_b, found.also) == ("k1", "c1", "c2", [("c1", "c3")])
    joined = [d for d in state.trace.decisions() if d.rule == acceptance.SAME_CONFLICT.name]
    assert [(d.action, d.claims) for d in joined] == [(DecisionAction.JOINED, ["c1", "c3"])]


def test_two_pairs_of_the_same_two_actors_are_one_conflict_even_with_no_claim_in_common() -> None:
    # the founding article's shape: NATO's buildup against Moscow's pullback, and NATO's "no
    # withdrawal" against Moscow's denial, were two entries for one conflict
    text = _BORDER + " NATO saw no withdrawal. Moscow denied adding any troops near the border."
    verdict = {"comparison": "NATO sees a buildup, Moscow a pullback.", "relation": "contradict",
               "kind": "factual", "confidence": 0.9}  # fmt: skip
    state, nato, leaving = _nato_against_moscow(FakeModel({"VerdictDraft": [verdict]}), text)
    no_withdrawal = claim_citing(text, "c3", "a1", "NATO saw no withdrawal.")
    denial = claim_citing(text, "c4", "a2", "Moscow denied adding any troops near the border.")
    state.claims += [no_withdrawal, denial]
    state.candidates = [
        Candidate(a=nato, b=leaving, score=1.0, numeric=_NO_FIGURES, clash=True, opposed=True),
        Candidate(a=no_withdrawal, b=denial, score=0.9, numeric=_NO_FIGURES, clash=True, opposed=True),
    ]
    run_step(state, verify.run, verify.NAME)
    (found,) = state.contradictions
    assert (found.claim_a, found.claim_b, found.also) == ("c1", "c2", [("c3", "c4")])


def test_two_disputes_of_different_kinds_between_the_same_actors_stay_two() -> None:
    # a dispute over the toll (figures code finds conflicting) and one over the cause, Police against
    # Activists: joined, the toll would disappear under the cause's kind and explanation
    text = "Police said five people were killed. Activists said forty people were killed. " + (
        "Police said the fire was an accident. Activists said the fire was not an accident."
    )
    police = claim_citing(text, "c1", "a1", "Police said five people were killed.")
    activists = claim_citing(text, "c2", "a2", "Activists said forty people were killed.")
    accident = claim_citing(text, "c3", "a1", "Police said the fire was an accident.")
    arson = claim_citing(text, "c4", "a2", "Activists said the fire was not an accident.")
    verdicts = [
        {"comparison": "Five against forty.", "relation": "contradict", "kind": "numeric", "confidence": 0.9},
        {"comparison": "An accident or not.", "relation": "contradict", "kind": "factual", "confidence": 0.9},
    ]
    state = state_for(text, FakeModel({"VerdictDraft": verdicts}))
    state.claims = [police, activists, accident, arson]
    state.actors = [Actor(id="a1", name="Police", kind=ActorKind.GOVERNMENT),
                    Actor(id="a2", name="Activists", kind=ActorKind.ORGANISATION)]  # fmt: skip
    toll = NumericVerdict(relation=NumericRelation.CONFLICTING, explanation="5 versus 40 (killed)")
    state.candidates = [
        Candidate(a=police, b=activists, score=1.0, numeric=toll, clash=True),
        Candidate(a=arson, b=accident, score=0.9, numeric=_NO_FIGURES, clash=True),  # the other order
    ]
    run_step(state, verify.run, verify.NAME)
    assert [(k.claim_a, k.claim_b, k.kind.value, k.also) for k in state.contradictions] == [
        ("c1", "c2", "numeric", []),
        ("c4", "c3", "factual", []),
    ]


def test_figures_reported_over_the_verifiers_verdict_are_explained_by_code_not_by_its_comparison() -> None:
    text = "Police said five people were killed. Activists said forty people were killed."
    police = claim_citing(text, "c1", "a1", "Police said five people were killed.")
    activists = claim_citing(text, "c2", "a2", "Activists said forty people were killed.")
    against = "Both accounts can be right: they count different things and fit together."
    model = FakeModel(
        {
            "VerdictDraft": [
                {"comparison": against, "relation": "compatible", "kind": "numeric", "confidence": 0.3}
            ]
        }
    )
    state = state_for(text, model)
    state.claims = [police, activists]
    state.actors = [Actor(id="a1", name="Police", kind=ActorKind.GOVERNMENT),
                    Actor(id="a2", name="Activists", kind=ActorKind.ORGANISATION)]  # fmt: skip
    numbers = NumericVerdict(relation=NumericRelation.CONFLICTING, explanation="5 versus 40 (killed)")
    state.candidates = [Candidate(a=police, b=activists, score=1.0, numeric=numbers, clash=True)]
    run_step(state, verify.run, verify.NAME)
    assert model.schemas() == ["VerdictDraft"]  # code found the conflict: not asked in the other order
    (found,) = state.contradictions
    assert found.kind is ContradictionKind.NUMERIC
    assert "fit together" not in found.explanation and "5 versus 40" in found.explanation
    assert found.explanation.startswith("Police and Activists give figures")
    assert found.explained_by is ExplanationSource.CODE
    rules = [(d.rule, d.action) for d in state.trace.decisions()]
    assert (acceptance.CONFLICTING_FIGURES.name, DecisionAction.OVERRIDDEN) in rules
    assert (explanations.EXPLANATION_COPIES_EVIDENCE.name, DecisionAction.RELABELED) in rules


def _claim_read_first(body: dict[str, object]) -> str:
    messages = body["messages"]
    assert isinstance(messages, list)
    prompt = str(messages[-1]["content"])
    return prompt.split("Claim A, by ", 1)[1].split(":", 1)[0]


def test_a_contradiction_the_verifier_does_not_repeat_in_the_other_order_is_not_reported() -> None:
    def leaning_on_order(body: dict[str, object]) -> dict[str, object]:
        first = _claim_read_first(body)
        relation = "contradict" if first == "NATO" else "compatible"
        return {
            "comparison": f"{first} was read first.",
            "relation": relation,
            "kind": "factual",
            "confidence": 0.9,
        }

    model = FakeModel({"VerdictDraft": [leaning_on_order]})
    state, nato, moscow = _nato_against_moscow(model)
    state.candidates = [Candidate(a=nato, b=moscow, score=1.0, numeric=_NO_FIGURES, clash=True, opposed=True)]
    run_step(state, verify.run, verify.NAME)
    assert [_claim_read_first(body) for _, body in model.asked] == ["NATO", "Moscow"]
    assert state.contradictions == []
    (decision,) = state.trace.decisions()
    assert (decision.rule, decision.action, decision.claims) == (
        acceptance.ORDER_CHANGES_VERDICT.name,
        DecisionAction.REFUSED,
        ["c1", "c2"],
    )
    assert "asked again with c2 first, it said 'compatible'" in decision.reason

    model.answers["VerdictDraft"] = [
        {
            "comparison": "A buildup against a pullback.",
            "relation": "contradict",
            "kind": "factual",
            "confidence": 0.9,
        }
    ]
    again = state_for(_BORDER, model)
    again.claims, again.actors, again.candidates = state.claims, state.actors, state.candidates
    run_step(again, verify.run, verify.NAME)
    assert [_claim_read_first(body) for _, body in model.asked[2:]] == ["NATO", "Moscow"]
    (found,) = again.contradictions
    assert (found.claim_a, found.claim_b) == ("c1", "c2")


def test_an_unusable_second_answer_leaves_the_first_standing_with_a_notice() -> None:
    said = {"comparison": "A buildup against a pullback.", "relation": "contradict", "kind": "factual"}
    model = FakeModel({"VerdictDraft": [{**said, "confidence": 0.9}, CUT_OFF]})
    state, nato, moscow = _nato_against_moscow(model)
    state.candidates = [Candidate(a=nato, b=moscow, score=1.0, numeric=_NO_FIGURES, clash=True, opposed=True)]
    run_step(state, verify.run, verify.NAME)
    assert model.schemas() == ["VerdictDraft", "VerdictDraft"]
    (found,) = state.contradictions
    assert (found.claim_a, found.claim_b) == ("c1", "c2")
    assert any(
        "claims c1 and c2 were not checked again in the other order: the first answer stands" in notice
        for notice in state.notices
    )


def test_a_rebuttal_is_not_asked_again_in_the_other_order() -> None:
    text = "The ministry accused the rebels of burning the village. The rebels denied the allegations."
    accusation = claim_citing(text, "c1", "a1", "The ministry accused the rebels of burning the village.")
    denial = claim_citing(text, "c2", "a2", "The rebels denied the allegations.", kind=ClaimKind.DENIAL)
    said = {"comparison": "One accuses, the other denies.", "relation": "contradict", "kind": "factual"}
    model = FakeModel({"VerdictDraft": [{**said, "confidence": 0.6}]})
    state = state_for(text, model)
    state.claims = [accusation, denial]
    state.actors = [Actor(id="a1", name="The ministry", kind=ActorKind.GOVERNMENT),
                    Actor(id="a2", name="The rebels", kind=ActorKind.ORGANISATION)]  # fmt: skip
    numbers = NumericVerdict(relation=NumericRelation.NOT_COMPARABLE, explanation="")
    state.candidates = [
        Candidate(a=accusation, b=denial, score=1.0, numeric=numbers, clash=True, rebuttal=True)
    ]
    run_step(state, verify.run, verify.NAME)
    assert model.schemas() == ["VerdictDraft"]  # "denied the allegations" read first answers nothing
    (found,) = state.contradictions
    assert (found.claim_a, found.claim_b) == ("c1", "c2")
