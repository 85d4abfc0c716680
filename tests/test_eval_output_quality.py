"""What a reader sees and the gold format does not score: standalone statements, explanations that
explain (`evaluation.output_quality`). The analyses are HAND-MADE (tests/eval_oracles.py)."""

from __future__ import annotations

from counterclaim.evaluation.output_quality import OutputQuality, on_both_points, output_quality, summed
from counterclaim.evaluation.report import quality_sentence
from counterclaim.models import ExplanationSource
from eval_oracles import DAM_TEXT, half_analysis


def test_statements_and_explanations_are_counted() -> None:
    analysis = half_analysis(DAM_TEXT)  # statements are the evidence: "the dam is safe", ...
    framed = analysis.claims[0].model_copy(update={"statement": "Ann Lee said the dam is safe today."})
    pronoun = analysis.claims[1].model_copy(update={"statement": "It leaks at the base."})  # "It" stands
    after = analysis.claims[3].model_copy(update={"statement": "The repairs are done, she said."})
    they = analysis.claims[2].model_copy(update={"statement": "They have finished the repairs."})
    copied = analysis.contradictions[0].model_copy(
        update={"explanation": "Mayor Ann Lee said the dam is safe."}
    )
    analysis = analysis.model_copy(
        update={"claims": [framed, pronoun, they, after, *analysis.claims[4:]], "contradictions": [copied]}
    )
    quality = output_quality(analysis)
    assert (quality.statements, quality.standalone_statements) == (5, 2)  # both frames and "They" fail
    assert (quality.explanations, quality.explanations_copying_evidence) == (1, 1)
    assert quality.standalone_share == 2 / 5
    # by kind: "Ann Lee said ..." and "..., she said." keep a frame; "They have ..." opens with a pronoun
    kinds = (quality.keeping_a_frame, quality.opening_in_first_person, quality.opening_with_third_person)
    assert kinds == (2, 0, 1)
    first = analysis.claims[1].model_copy(update={"statement": "We have finished the repairs."})
    claims = [analysis.claims[0], first, *analysis.claims[2:]]
    changed = output_quality(analysis.model_copy(update={"claims": claims}))
    assert (changed.opening_in_first_person, changed.opening_with_third_person) == (1, 1)


def test_counts_add_up_and_an_empty_run_has_no_share() -> None:
    total = summed([OutputQuality(statements=2, standalone_statements=1), OutputQuality(explanations=3)])
    assert (total.statements, total.standalone_statements, total.explanations) == (2, 1, 3)
    assert OutputQuality().standalone_share is None


def test_the_articles_own_sentences_are_no_statements_to_judge() -> None:
    analysis = half_analysis(DAM_TEXT)
    first = analysis.claims[0]
    narrator = analysis.actors[0].model_copy(update={"id": "a9", "name": "the article", "narrator": True})
    own = first.model_copy(update={"id": "c9", "actor_id": "a9", "statement": "They said the dam holds."})
    with_narrator = analysis.model_copy(
        update={"actors": [*analysis.actors, narrator], "claims": [*analysis.claims, own]}
    )
    assert output_quality(with_narrator).statements == output_quality(analysis).statements


def test_an_explanation_speaks_of_both_points_when_it_names_each_sides_own_words() -> None:
    names = {"polic", "hospit"}  # keywords of the actors' names, as `output_quality` reads them
    three, seven = "Three people died in the crash.", "Seven people died in the crash."
    assert on_both_points("Police says three died; the hospital says seven.", three, seven, names)
    # a sentence naming the sides and the kind, but neither point, does not
    generic = "Police and the hospital give figures for the same count that cannot both be right."
    assert not on_both_points(generic, three, seven, names)
    # one side's point is not both
    assert not on_both_points("Police says three people died.", three, seven, names)
    # figures count as a point
    assert on_both_points("3 against 7 dead.", "3 people died.", "7 people died.", names)


def test_explanations_on_both_points_are_counted() -> None:
    analysis = half_analysis(DAM_TEXT)
    k = analysis.contradictions[0]
    claims = {c.id: c for c in analysis.claims}
    both = f"{claims[k.claim_a].statement} versus {claims[k.claim_b].statement}"
    for text, counted in ((both, 1), ("The two sides disagree.", 0)):
        changed = analysis.model_copy(update={"contradictions": [k.model_copy(update={"explanation": text})]})
        assert output_quality(changed).explanations_on_both_points == counted


def test_explanations_written_from_each_sides_account_are_counted_by_their_source() -> None:
    analysis = half_analysis(DAM_TEXT)
    k = analysis.contradictions[0]
    for source, counted in ((ExplanationSource.SIDES, 1), (ExplanationSource.MODEL, 0), (None, None)):
        changed = analysis.model_copy(
            update={"contradictions": [k.model_copy(update={"explained_by": source})]}
        )
        assert output_quality(changed).explanations_by_sides == counted
    total = summed([OutputQuality(explanations_by_sides=2), OutputQuality(explanations_by_sides=1)])
    assert total.explanations_by_sides == 3
    # output older than schema 1.3 does not say who wrote an explanation: the count is unknown, not 0
    older = OutputQuality(explanations=1)
    assert summed([OutputQuality(explanations_by_sides=2), older]).explanations_by_sides is None
    assert summed([]).explanations_by_sides == 0
    # a failed article has no explanation: nothing about it is unknown
    assert summed([OutputQuality(explanations_by_sides=2), OutputQuality()]).explanations_by_sides == 2


def test_statements_by_kind_add_up_and_a_record_without_them_does_not_know_them() -> None:
    one = OutputQuality(statements=3, standalone_statements=1, keeping_a_frame=1, opening_with_third_person=1)
    one = one.model_copy(update={"opening_in_first_person": 0})
    other = OutputQuality(statements=2, standalone_statements=1, keeping_a_frame=0, opening_in_first_person=1)
    other = other.model_copy(update={"opening_with_third_person": 0})
    total = summed([one, other, OutputQuality()])  # a failed article has no statement: nothing unknown
    assert (total.keeping_a_frame, total.opening_in_first_person, total.opening_with_third_person) == (
        1,
        1,
        1,
    )
    older = OutputQuality(statements=2, standalone_statements=1)  # a record older than the kinds
    assert summed([one, older]).keeping_a_frame is None
    line = quality_sentence(total)
    assert "2 of 5 (40%; not: 1 keep an attribution frame, 1 open with I/we/my/our, 1 with he/" in line
    assert "not:" not in quality_sentence(older)


def test_the_report_line_says_what_an_older_record_does_not_know() -> None:
    known = OutputQuality(statements=4, standalone_statements=3, explanations=2, explanations_by_sides=1)
    assert quality_sentence(known).endswith("written from each side's account: 1 of 2.")
    older = known.model_copy(update={"explanations_by_sides": None})
    assert quality_sentence(older).endswith("written from each side's account: — of 2.")
