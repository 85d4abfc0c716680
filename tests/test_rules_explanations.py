"""A reported contradiction's explanation (`rules.explanations`, steps 10 and 11): the verifier's
comparison when it explains, a sentence code writes when it does not, and what each side holds."""

from __future__ import annotations

import pytest

from builders import claim_citing, nato_claim, said, verdict
from counterclaim.models import (
    Actor,
    ActorKind,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    DecisionAction,
    ExplanationSource,
)
from counterclaim.pipeline.rules import actor_names, explanations
from counterclaim.pipeline.rules.explanations import explanation, side_leads, side_problem
from counterclaim.pipeline.steps import explain
from counterclaim.pipeline.trace import Rule
from fake_model import FakeModel, run_step, state_for

_claim = nato_claim


def test_the_explanation_is_the_verifiers_comparison_unless_it_copies_the_evidence() -> None:
    a = _claim("c1", "a1", "Russia adds troops.", "NATO said Russia is adding troops.")
    b = _claim("c2", "a2", "Russia withdraws.", "Moscow denied it.")
    own = verdict("contradict", comparison="NATO sees more troops  while Moscow denies any buildup")
    assert explanation(own, a, b, "NATO", "Moscow", ContradictionKind.FACTUAL) == (
        "NATO sees more troops while Moscow denies any buildup.",
        None,
    )
    copied = verdict("contradict", comparison="NATO said Russia is adding troops, Moscow denied it.")
    assert explanation(copied, a, b, "NATO", "Moscow", ContradictionKind.FACTUAL) == (
        "NATO and Moscow give accounts of the same matter that cannot both be true.",
        explanations.EXPLANATION_COPIES_EVIDENCE,
    )
    empty = verdict("contradict", comparison="")
    assert explanation(empty, a, a, "NATO", "NATO", ContradictionKind.SELF) == (
        "NATO says two things that cannot both be true.",
        explanations.EXPLANATION_COPIES_EVIDENCE,
    )


def test_a_sentence_code_writes_never_repeats_the_evidence_through_a_long_name() -> None:
    text = "Study co-author Professor Carl Lipo of Binghamton University said the statues mark water."
    a = said("c1", "a1", text)
    b = said("c2", "a2", "Moscow denied it.")
    long_name = "Study co-author Professor Carl Lipo of Binghamton University"
    empty = verdict("contradict", comparison="")
    # by its shortest proper name, the sentence copies nothing
    short = actor_names.short_name(long_name, ["Carl Lipo", "Professor"])
    assert short == "Carl Lipo"
    assert explanation(empty, a, b, short, "Moscow", ContradictionKind.FACTUAL)[0].startswith("Carl Lipo and")
    # with no shorter name, the sides go unnamed rather than repeat six words of the evidence
    written, by_rule = explanation(empty, a, b, long_name, "Moscow", ContradictionKind.FACTUAL)
    assert (
        by_rule is explanations.EXPLANATION_COPIES_EVIDENCE
        and written == "One side and the other give accounts of the same matter that cannot both be true."
    )
    assert not explanations.copies_words(written, text)


def test_two_actors_with_one_name_are_two_sides_in_the_sentence_code_writes() -> None:
    two_sides = explanations.conflict_sentence("Police", "Police", ContradictionKind.FACTUAL, one_actor=False)
    assert two_sides.startswith("Police and Police ")
    one_side = explanations.conflict_sentence("Police", "Police", ContradictionKind.FACTUAL, one_actor=True)
    assert not one_side.startswith("Police and")


def test_copied_words_are_a_run_of_six_words_of_the_evidence() -> None:
    evidence = "So far, we haven't seen any de-escalation on the ground."
    assert explanations.copies_words("He says: we haven't seen any de-escalation at all.", evidence)
    assert not explanations.copies_words("Stoltenberg sees no de-escalation on the ground.", evidence)


def test_an_explanation_of_figures_code_writes_starts_with_a_capital() -> None:
    written = explanations.figures_explanation("the article", "the owner", "12 dead against 30 dead")
    assert written.startswith("The article and the owner ") and written.endswith("30 dead.")


_NATO = _claim("c1", "a1", "Russia adds troops.", "NATO said Russia is adding troops.")
_MOSCOW = _claim("c2", "a2", "Russia withdraws.", "Moscow denied it.")
_COPIES, _NOTHING = explanations.EXPLANATION_COPIES_EVIDENCE, explanations.SAYS_NOTHING
_NO_REASON = explanations.NO_REASON
EXPLANATION_CASES = [
    pytest.param("NATO sees more troops while Moscow denies any buildup", None, id="own-words"),
    pytest.param("One speaks of more troops, the other of fewer.", None, id="one-word-of-a-claim"),
    pytest.param("NATO said Russia is adding troops, Moscow denied it.", _COPIES, id="copies"),
    pytest.param("", _COPIES, id="empty"),
    pytest.param("Both claims are about the same event, but they differ.", _NOTHING, id="says-nothing"),
    pytest.param(
        "Both claims are about Russia's troops, but they are about different times and different sources.",
        _NO_REASON,
        id="differ-only-in-time-and-source",
    ),
    pytest.param(
        "Both claims are about Russia's troops, but they are reporting different information.",
        _NO_REASON,
        id="differ-only-in-information",
    ),
    pytest.param(
        "Both claims are about Russia's troops, but one sees more and one fewer.", None, id="says-how"
    ),
    pytest.param("NATO sees more troops, while Moscow reports a withdrawal.", None, id="while-says-how"),
    pytest.param(  # the reason comes before the "but" (found by a review)
        "NATO says troops arrive and Moscow says they leave, but they are reporting different things.",
        None,
        id="reason-before-the-but",
    ),
]


@pytest.mark.parametrize(("comparison", "rule"), EXPLANATION_CASES)
def test_each_explanation_rule_decides_whether_the_comparison_is_shown(
    comparison: str, rule: Rule | None
) -> None:
    said = verdict("contradict", comparison=comparison)
    text, by_rule = explanation(said, _NATO, _MOSCOW, "NATO", "Moscow", ContradictionKind.FACTUAL)
    assert by_rule is rule
    if rule is None:
        assert text.startswith(comparison.split()[0]) and text.endswith(".")
    else:
        assert text == "NATO and Moscow give accounts of the same matter that cannot both be true."


_ACTORS = {
    "a1": Actor(id="a1", name="NATO", kind=ActorKind.ORGANISATION),
    "a2": Actor(id="a2", name="Moscow", kind=ActorKind.GOVERNMENT, aliases=["the Kremlin"]),
    "a3": Actor(id="a3", name="the article", kind=ActorKind.MEDIA, narrator=True),
    "a4": Actor(id="a4", name="Tribal leaders in South Waziristan", kind=ActorKind.UNNAMED_SOURCE),
}
_SHORT = {actor_id: actor.name for actor_id, actor in _ACTORS.items()}


def _leads(a: Claim, b: Claim) -> tuple[str, str]:
    first, second = side_leads(a, b, _ACTORS, _SHORT)
    return first.words, second.words


def test_each_side_completes_the_words_that_fit_who_holds_it() -> None:
    words = _claim("c1", "a1", "Russia adds troops.", "NATO said Russia is adding troops.")
    other = _claim("c2", "a2", "Russia withdraws.", "Moscow denied it.")
    deed = _claim("c3", "a2", "Moscow moved troops.", "Moscow denied it.", ClaimKind.ACTION)
    again = _claim("c4", "a1", "Talks could go on.", "Stoltenberg added that talks could go on.")
    record = _claim("c5", "a3", "Russia moved troops.", "Moscow denied it.")
    many = _claim("c6", "a4", "Soldiers fired.", "Moscow denied it.")
    assert _leads(words, other) == ("NATO says", "Moscow says")
    assert _leads(words, record) == ("NATO says", "the article reports")
    assert _leads(words, deed) == ("NATO says", "the article reports that Moscow")
    assert _leads(words, again) == ("NATO says", "NATO also says")
    assert _leads(many, words) == ("Tribal leaders in South Waziristan say", "NATO says")


@pytest.mark.parametrize(
    ("name", "kind", "many"),
    [
        ("officials", ActorKind.UNNAMED_SOURCE, True),
        ("Scientists", ActorKind.ORGANISATION, True),  # a speaker's noun, capitalized
        ("Opposition leaders in central Ethiopia", ActorKind.ORGANISATION, True),
        ("Airfleets", ActorKind.MEDIA, False),  # a proper name ending in s
        ("The United States", ActorKind.GOVERNMENT, False),
        ("Reuters", ActorKind.MEDIA, False),
        ("Boris Johnson", ActorKind.PERSON, False),
    ],
)
def test_a_description_of_several_people_takes_a_plural_verb(name: str, kind: ActorKind, many: bool) -> None:
    assert explanations.speaks_as_many(name, kind) is many


_KNOWN = "Russia is adding troops. NATO said Russia is adding troops. The monarch population grew."


@pytest.mark.parametrize(
    ("written", "account", "clause"),
    [
        ("Russia's buildup goes on.", "Russia's buildup goes on", "NATO says Russia's buildup goes on"),
        (
            "NATO says Russia's buildup goes on",
            "Russia's buildup goes on",
            "NATO says Russia's buildup goes on",
        ),
        ("NATO: buildup goes on", "buildup goes on", "NATO says buildup goes on"),  # the model's own frame
        ("the NATO claims buildup goes on", "buildup goes on", "NATO says buildup goes on"),
        # the account names its holder with a verb of its own: no lead
        ("NATO accuses Russia", "NATO accuses Russia", "NATO accuses Russia"),
        # a title in lower case where the claims write its words so (or they are function words);
        # a word they lack keeps its capital, so a name the claims do not give is refused
        ("Monarch Population Grew Again", "monarch population grew again", "NATO says monarch…"),
        ("The Monarch Population Surges", "the monarch population Surges", "NATO says the monarch…"),
        ("Three Troops Adding In Russia", "three troops adding in Russia", "NATO says three troops…"),
        ("Russia adds troops", "Russia adds troops", "NATO says Russia adds troops"),
    ],
)
def test_an_account_reads_as_part_of_one_sentence(written: str, account: str, clause: str) -> None:
    lead = explanations.Lead("NATO says", ("NATO", "North Atlantic Treaty Organization"), names_subject=False)
    assert lead.account(written, _KNOWN) == account
    assert lead.clause(account).startswith(clause.removesuffix("…"))


def test_the_articles_own_account_keeps_its_lead() -> None:
    lead = explanations.Lead(explanations.NARRATOR_LEAD, ("the article",), names_subject=False)
    assert lead.clause(lead.account("article reports deals were signed", "")) == (
        "the article reports deals were signed"
    )


def test_a_deed_goes_on_from_the_actors_name() -> None:
    lead = explanations.Lead("the article reports that Moscow", ("Moscow",), names_subject=True)
    assert (
        lead.clause(lead.account("Moscow moved troops", _KNOWN))
        == "the article reports that Moscow moved troops"
    )


_A = _claim("c1", "a1", "Russia is adding troops.", "NATO said Russia is adding troops.")
_B = _claim("c2", "a2", "Moscow denied that Russia adds troops.", "Moscow denied it.")
_KNOWN_AB = explanations.known_text(_A, _B, ["NATO", "Moscow", "the Kremlin"])


@pytest.mark.parametrize(
    ("side_a", "side_b", "problem"),
    [
        ("Russia's troop numbers grow", "no troops are being added", None),
        ("", "no troops are being added", "side A is empty"),
        ("grows", "no troops are being added", "side A is one word"),
        (" ".join(["more"] * 17), "no troops are being added", "has 17 words"),
        ("as NATO said Russia is adding troops", "none are added", "copies a claim"),
        ("Russia adds 40,000 troops", "no troops are being added", "a figure the claims do not: 40000"),
        ("Russia's troop numbers grow", "Putin adds no troops", "names what the claims do not: putin"),
        ("troop numbers grow", "troop numbers grow", "both accounts say the same"),
        ("Russia's troop numbers grow", "the Kremlin adds no troops", None),  # an actor's other name
    ],
)
def test_an_account_of_the_sides_is_used_only_when_it_explains(
    side_a: str, side_b: str, problem: str | None
) -> None:
    found = side_problem((side_a, side_b), _A, _B, _KNOWN_AB)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_a_figure_the_claims_give_is_no_addition() -> None:
    a = _claim("c1", "a1", "Russia has 100,000 troops near Ukraine.", "NATO said Russia is adding troops.")
    known = explanations.known_text(a, _B, ["NATO", "Moscow"])
    assert side_problem(("Russia has 100000 troops there", "no troops are added"), a, _B, known) is None


_EXPLAIN_TEXT = "Police said three people died. The hospital said seven people died."
_POLICE = claim_citing(_EXPLAIN_TEXT, "c1", "a1", "Three people died.", "Police said three people died.")
_HOSPITAL = claim_citing(
    _EXPLAIN_TEXT, "c2", "a2", "Seven people died.", "The hospital said seven people died."
)


def _explained(answer: dict[str, str]) -> tuple[Contradiction, list[tuple[str, DecisionAction, str]]]:
    model = FakeModel({"SidesDraft": [answer]})
    state = state_for(_EXPLAIN_TEXT, model)
    state.claims = [_POLICE, _HOSPITAL]
    state.actors = [Actor(id="a1", name="Police", kind=ActorKind.GOVERNMENT),
                    Actor(id="a2", name="The hospital", kind=ActorKind.ORGANISATION)]  # fmt: skip
    before = "Police and The hospital give figures for the same count that cannot both be right."
    state.contradictions = [
        Contradiction(
            id="k1",
            claim_a="c1",
            claim_b="c2",
            kind=ContradictionKind.NUMERIC,
            explanation=before,
            explained_by=ExplanationSource.CODE,
            confidence=1,
        )
    ]
    run_step(state, explain.run, explain.NAME)
    assert model.schemas() == ["SidesDraft"]
    (found,) = state.contradictions
    return found, [(d.rule, d.action, d.reason) for d in state.trace.decisions()]


def test_the_explain_step_writes_what_each_side_holds() -> None:
    found, decisions = _explained({"a": "the toll is three dead", "b": "The hospital says seven died."})
    assert found.explanation == "Police says the toll is three dead; the hospital says seven died."
    assert found.explained_by is ExplanationSource.SIDES
    ((rule, action, reason),) = decisions
    assert (rule, action) == (explanations.EACH_SIDE.name, DecisionAction.RELABELED)
    assert "give figures for the same count" in reason  # the explanation it replaced


def test_an_account_code_refuses_leaves_the_explanation_and_says_why() -> None:
    found, decisions = _explained({"a": "eleven people died in the crash of Flight 9", "b": "seven died"})
    assert found.explanation.startswith("Police and The hospital give figures")
    assert found.explained_by is ExplanationSource.CODE  # as step 10 left it
    ((rule, action, reason),) = decisions
    assert (rule, action) == (explanations.SIDE_REFUSED.name, DecisionAction.SKIPPED)
    assert "a figure the claims do not: 11, 9" in reason  # "eleven" is a figure too


def test_an_article_without_contradictions_asks_nothing() -> None:
    model = FakeModel({})
    state = state_for(_EXPLAIN_TEXT, model)
    run_step(state, explain.run, explain.NAME)
    assert model.schemas() == []


EXERCISED = {case.values[1] for case in EXPLANATION_CASES if case.values[1] is not None} | {
    explanations.EACH_SIDE,  # test_the_explain_step_writes_what_each_side_holds
    explanations.SIDE_REFUSED,  # test_an_account_code_refuses_leaves_the_explanation_and_says_why
}


def test_words_any_comparison_uses_are_no_point_of_the_claims() -> None:
    a = _claim("c1", "a1", "The facts show Russia adds troops.", "NATO said Russia is adding troops.")
    generic = "Both claims are about the same thing, but they are reporting different facts."
    assert explanations.says_nothing(generic, a, _MOSCOW)
    assert not explanations.says_nothing("One sees troops added, the other a withdrawal.", a, _MOSCOW)


def test_the_models_own_frame_goes_when_its_words_are_the_holders() -> None:
    lead = explanations.Lead(
        "Carl Lipo says", ("Carl Lipo", "Professor Carl Lipo of Binghamton University"), False
    )
    assert lead.account("Carl Lipo: Statue sites mark water", "statue sites") == "statue sites mark water"
    assert lead.account("Lipo says statues mark water", "") == "statues mark water"  # the surname
    # someone else's frame is the account itself
    assert lead.account("Rapu says statues mark water", "") == "Rapu says statues mark water"


@pytest.mark.parametrize(
    ("lead", "written", "clause"),
    [
        # a shorter form of the holder's name and a verb of its stance: the sentence names it in full
        (
            "Pakistani army spokesman",
            "Army spokesman denies account",
            "Pakistani army spokesman denies account",
        ),
        ("President Donald Trump", "Trump disagrees with the plan", "President Donald Trump disagrees with"),
        # a part of a proper name is no form of the holder: the lead stays
        (
            "US Department of Defense",
            "US denies the allegations",
            "US Department of Defense says US denies the allegations",
        ),
        (
            "NATO chief Jens Stoltenberg",
            "NATO rejects the claim",
            "NATO chief Jens Stoltenberg says NATO rejects the claim",
        ),
        # a deed is no stance: the lead stays
        ("Pakistani army spokesman", "army attacked the camp", "Pakistani army spokesman says army attacked"),
        # the holder's own frame, "alleges" or at the end, goes
        (
            "Pakistani army spokesman",
            "Spokesman alleges shots were fired",
            "Pakistani army spokesman says shots",
        ),
        ("Moscow", "forces are pulling back, Moscow says", "Moscow says forces are pulling back"),
        (
            "The Ethiopian government",
            "Government rejects the toll",
            "The Ethiopian government rejects the toll",
        ),
        # a form of its name and a verb of saying: the frame goes, the lead stays
        (
            "Pakistani army spokesman",
            "Spokesman says no shots were fired",
            "Pakistani army spokesman says no shots",
        ),
        # no stance verb: the account is what the holder says
        ("US Department of Defense", "US troops stayed", "US Department of Defense says US troops stayed"),
    ],
)
def test_the_holders_own_stance_is_said_under_its_leads_name(lead: str, written: str, clause: str) -> None:
    holder = explanations.Lead(f"{lead} says", (lead,), names_subject=False, others=("Tribal leaders",))
    assert holder.clause(holder.account(written, "")).startswith(clause)


def test_a_stance_verb_after_the_other_sides_name_is_not_the_holders() -> None:
    south = explanations.Lead("South Sudan says", ("South Sudan",), names_subject=False, others=("Sudan",))
    assert (
        south.clause(south.account("Sudan denies the attack", ""))
        == "South Sudan says Sudan denies the attack"
    )


_MDC = claim_citing(_EXPLAIN_TEXT, "c1", "a1", "Seven people died.", "The hospital said seven people died.")
_MUGABE = claim_citing(_EXPLAIN_TEXT, "c2", "a2", "Three people died.", "Police said three people died.")
_MDC_LEADS = (
    explanations.Lead("The MDC says", ("The MDC",), names_subject=False, others=("Robert Mugabe",)),
    explanations.Lead("Robert Mugabe says", ("Robert Mugabe",), names_subject=False, others=("The MDC",)),
)


@pytest.mark.parametrize(
    ("side_a", "side_b", "problem"),
    [
        ("seven died", "Robert Mugabe denies seven died", None),
        ("seven died, Mugabe denies", "only three died", "gives the other side's words: 'Mugabe denies'"),
        ("seven died", "the MDC alleges three died", "gives the other side's words: 'the MDC alleges'"),
        ("seven died", "MDC claims are false: three died", None),  # "claims": a noun
        ("the MDC added names to the toll", "three died", None),  # a deed of the other side, no words
        ("seven died", "police reports list three dead", None),
        ("Mugabe's alleged role is unproven", "three died", None),
        (
            "Zimbabwe's Herald says seven died",
            "three died",
            "reports someone's words: \"Zimbabwe's Herald says\"",
        ),
        (
            "opposition leader says seven died",
            "three died",
            "reports someone's words: 'opposition leader says'",
        ),
        (
            "seven died",
            "Mugabe rejects MDC claims, counts three",
            None,
        ),  # "claims of": a noun, no one's words
    ],
)
def test_an_account_gives_its_own_sides_words_only(side_a: str, side_b: str, problem: str | None) -> None:
    names = ["The MDC", "Robert Mugabe"]
    known = explanations.known_text(_MDC, _MUGABE, names) + " Zimbabwe Herald opposition leader"
    found = side_problem((side_a, side_b), _MDC, _MUGABE, known, names, _MDC_LEADS)
    assert (found is None) if problem is None else (found is not None and problem in found), found


def test_a_name_that_repeats_the_evidence_leaves_the_sides_unnamed() -> None:
    text = "US Secretary of State Mike Pompeo blamed Iran for the attacks on Sunday."
    pompeo = claim_citing(text, "c1", "a1", "Iran is to blame for the attacks.", text)
    rebels = claim_citing(text, "c2", "a2", "The rebels carried out the attacks.", text)
    leads = (
        explanations.Lead(
            "US Secretary of State Mike Pompeo says", ("US Secretary of State Mike Pompeo",), False
        ),
        explanations.Lead("the rebels say", ("the rebels",), False),
    )
    written, problem = explanations.explained_by_sides(
        "Iran is behind it", "they did it", leads, pompeo, rebels, []
    )
    assert written == "One side says Iran is behind it; the other side says they did it."
    assert problem == "the sides are unnamed: a name repeats a run of the evidence"
    # an account that itself copies the evidence is refused, named or not
    copied = "Mike Pompeo blamed Iran for the attacks"
    written, problem = explanations.explained_by_sides(copied, "they did it", leads, pompeo, rebels, [])
    assert written is None and problem is not None and "copies a claim" in problem


_TOLL_KNOWN = explanations.known_text(_POLICE, _HOSPITAL, ["Police", "The hospital"])


@pytest.mark.parametrize(
    ("side_a", "side_b", "problem"),
    [
        ("the toll is three dead", "seven were killed", None),
        ("the count is seven", "the toll is three", "speaks of the other claim"),  # sides swapped
        ("eleven were killed", "seven were killed", "a figure the claims do not: 11"),
        ("Özil counts three dead", "seven were killed", "names what the claims do not: özil"),
        ("three died in May", "seven were killed", "names what the claims do not: may"),
        ("police said three people died", "seven were killed", "copies a claim"),  # 5 of 5 words
    ],
)
def test_an_account_must_be_its_own_sides_in_its_own_words(
    side_a: str, side_b: str, problem: str | None
) -> None:
    found = side_problem((side_a, side_b), _POLICE, _HOSPITAL, _TOLL_KNOWN, ["Police", "The hospital"])
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_no_form_of_the_other_sides_name_is_taken_for_the_holders() -> None:
    south = explanations.Lead("South Sudan says", ("South Sudan",), names_subject=False, others=("Sudan",))
    # "Sudan" is the other side: neither a frame of South Sudan's nor a reason to drop the lead
    assert south.account("Sudan says its army attacked", "") == "Sudan says its army attacked"
    assert south.clause("Sudan attacked Heglig") == "South Sudan says Sudan attacked Heglig"
    assert south.clause("South Sudan denies it") == "South Sudan denies it"


def test_a_nameless_actor_takes_the_singular() -> None:
    assert explanations.speaks_as_many("", ActorKind.PERSON) is False


def test_a_conflict_of_several_pairs_is_explained_by_its_next_pair_when_the_first_fails() -> None:
    text = _EXPLAIN_TEXT + " Police said three bodies were found. The hospital said seven bodies came in."
    bodies = claim_citing(
        text, "c3", "a1", "Three bodies were found.", "Police said three bodies were found."
    )
    came_in = claim_citing(
        text, "c4", "a2", "Seven bodies came in.", "The hospital said seven bodies came in."
    )
    refused = {"a": "eleven people died in the crash of Flight 9", "b": "seven died"}  # a figure of its own
    passing = {"a": "three bodies turned up", "b": "seven bodies arrived"}
    model = FakeModel({"SidesDraft": [refused, passing]})
    state = state_for(text, model)
    state.claims = [_POLICE, _HOSPITAL, bodies, came_in]
    state.actors = [Actor(id="a1", name="Police", kind=ActorKind.GOVERNMENT),
                    Actor(id="a2", name="The hospital", kind=ActorKind.ORGANISATION)]  # fmt: skip
    state.contradictions = [
        Contradiction(id="k1", claim_a="c1", claim_b="c2", also=[("c3", "c4")],
                      kind=ContradictionKind.NUMERIC, explanation="before",
                      explained_by=ExplanationSource.CODE, confidence=1)
    ]  # fmt: skip
    run_step(state, explain.run, explain.NAME)
    assert model.schemas() == ["SidesDraft", "SidesDraft"]  # one more request, for the pair c3/c4
    (found,) = state.contradictions
    assert found.explanation == "Police says three bodies turned up; the hospital says seven bodies arrived."
    # the pair the explanation speaks of is the one shown and cited with it
    assert (found.claim_a, found.claim_b, found.also) == ("c3", "c4", [("c1", "c2")])
    decisions = [(d.rule, d.claims) for d in state.trace.decisions()]
    assert decisions == [
        (explanations.SIDE_REFUSED.name, ["c1", "c2"]),
        (explanations.EACH_SIDE.name, ["c3", "c4"]),
    ]
