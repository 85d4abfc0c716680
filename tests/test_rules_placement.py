"""Where a proposed claim sits (`rules.placement`): on the sentence that supports its statement, moved
there from a wrong sentence number, dropped when it retells a sentence of another window, never on a
fragment."""

from __future__ import annotations

import pytest

from builders import considered
from counterclaim.models import Decision, DecisionAction, SpanGrounding
from counterclaim.pipeline.article import PreparedArticle
from counterclaim.pipeline.proposals import Proposal, Proposals, ProposedClaim
from counterclaim.pipeline.rules import placement
from counterclaim.pipeline.rules.attribution import AttributionCheck
from counterclaim.pipeline.rules.placement import supporting_sentence
from counterclaim.pipeline.trace import Rule, TraceRecorder

TEXT = (
    "NATO chief Jens Stoltenberg said Russian troops were still massing near the border. "  # 1
    "Moscow said its units were returning to their bases after the drills. "  # 2
    "Yes, he said. "  # 3: a fragment
    "Officials in Kyiv said they would wait and see what happens next."  # 4
)
RETURNING = "Moscow says its units are returning to their bases after the drills."
KYIV = "Officials in Kyiv will wait and see what happens next."

# (cited sentence, window, statement, the rule that decides or None, its action, the sentence kept)
CASES: list[tuple[int, tuple[int, int], str, Rule | None, DecisionAction | None, int | None]] = [
    (2, (1, 2), RETURNING, None, None, 2),  # cited where it is: nothing to decide
    (1, (1, 2), RETURNING, placement.SUPPORTING_SENTENCE, DecisionAction.MOVED, 2),  # a wrong number
    (1, (1, 2), KYIV, placement.RETOLD_FROM_ELSEWHERE, DecisionAction.DROPPED, None),  # window 3-4's
    (3, (3, 4), "He agrees.", placement.FRAGMENT_SENTENCE, DecisionAction.DROPPED, None),
]
EXERCISED = {rule for _, _, _, rule, _, _ in CASES if rule is not None}


@pytest.mark.parametrize(
    ("cited", "window", "statement", "rule", "action", "kept_on"),
    CASES,
    ids=["cited-right", "moved", "retold-elsewhere", "fragment"],
)
def test_a_claim_is_placed_on_the_sentence_that_supports_it(
    cited: int,
    window: tuple[int, int],
    statement: str,
    rule: Rule | None,
    action: DecisionAction | None,
    kept_on: int | None,
) -> None:
    actor = "Officials in Kyiv" if statement == KYIV else "Moscow"
    kept, decisions = considered(TEXT, cited, actor, statement, window=window)
    assert [p.sentences for p in kept] == ([(kept_on,)] if kept_on else [])
    expected = [] if rule is None else [(rule.name, action, "p1")]
    assert [(d.rule, d.action, d.proposal) for d in decisions] == expected


def test_a_statement_copied_from_outside_its_window_is_dropped_and_a_wrong_number_is_fixed() -> None:
    article = PreparedArticle.from_text(
        "NATO said Russia is adding troops.\u200b Moscow denied it.\n\n"
        "Jens Stoltenberg said there was no withdrawal. Stoltenberg added that talks could go on."
    )
    statement = "Jens Stoltenberg said there was no withdrawal."
    assert supporting_sentence(article, statement, cited=1) == 3
    assert supporting_sentence(article, statement, cited=4) == 3
    assert supporting_sentence(article, "Moscow denied it.", cited=2) == 2
    kept, decisions = considered(article.sanitized.clean, 1, "Jens Stoltenberg", statement, window=(1, 2))
    assert kept == []
    assert [d.rule for d in decisions] == [placement.RETOLD_FROM_ELSEWHERE.name]


@pytest.mark.parametrize(
    ("cited_holds", "best_holds", "moves"),
    [
        (0, 5, True),  # the cited sentence says none of it, another all of it
        (2, 5, True),  # the cited sentence holds 2 of 5 words, fewer than half the best's 5
        (3, 5, False),  # 3 of 5: not fewer than half the best's, the model's number stands
        (0, 2, False),  # the best holds 2 of 5 words: below `MIN_SUPPORT` (0.6)
        (0, 3, True),  # 3 of 5 is exactly `MIN_SUPPORT`
    ],
)
def test_a_claim_moves_only_when_another_sentence_clearly_fits_better(
    cited_holds: int, best_holds: int, moves: bool
) -> None:
    words = ["harbour", "ferry", "engine", "captain", "storm"]
    cited, best = " ".join(words[:cited_holds]) or "nothing", " ".join(words[:best_holds])
    text = f"Alpha said {cited} today. Beta said {best} today."
    article = PreparedArticle.from_text(text)
    statement = " ".join(words)
    assert supporting_sentence(article, statement, cited=1) == (2 if moves else 1)


def test_the_speakers_name_is_no_support_for_a_sentence() -> None:
    """Seen on a Wikinews article: a statement naming its speaker in full stayed on the sentence that
    named her so, while another sentence held what she said."""
    article = PreparedArticle.from_text(
        "According to New Zealand Prime Minister Jacinda Ardern, the suspect had a licence for five guns. "
        "Prime Minister Ardern said at a press conference yesterday morning the gun laws should be changed."
    )
    statement = (
        "New Zealand Prime Minister Jacinda Ardern said at a press conference yesterday morning that the "
        "gun laws should be changed."
    )
    actor = "New Zealand Prime Minister Jacinda Ardern"
    assert supporting_sentence(article, statement, cited=1, actor=actor) == 2
    assert supporting_sentence(article, statement, cited=1) == 1  # the name counted: it stayed
    # a statement of nothing but the name keeps its words
    assert supporting_sentence(article, "Jacinda Ardern", cited=2, actor=actor) == 2


QUOTATION = (
    "Ane Alencar said: \u201cThis year we do not have an extreme drought as in 2015 and 2016. "  # 1
    "The fires are set by people. "  # 2
    "There is no way the weather can explain this increase.\u201d "  # 3
    "Officials said the drought was severe."  # 4
)
RETELLING = "Ane Alencar says this year there is no extreme drought as in 2015 and 2016."


def considered_in_turn(
    text: str, proposed: list[tuple[int, str, tuple[int, int]]], actor: str = "Ane Alencar"
) -> tuple[list[Proposal], list[Decision]]:
    """Claims of one actor proposed window after window, each (cited sentence, statement, window)."""
    article = PreparedArticle.from_text(text)
    trace = TraceRecorder(article.sentence_offsets)
    trace.step = "claims"
    proposals = Proposals(article, AttributionCheck.for_article(article), trace)
    for sentence, statement, window in proposed:
        claim = ProposedClaim(
            sentence=sentence, actor=actor, statement=statement, kind="assertion", hedged=False
        )
        proposals.consider(claim, window)
    return proposals.kept, trace.decisions()


# (proposals in turn as (cited sentence, window), the sentences kept, the rule that decides the last one,
# its action, the sentences it names)
IN_TURN: list[tuple[list[tuple[int, tuple[int, int]]], list[int], Rule, DecisionAction, list[int]]] = [
    # The window 3-4 opens inside Alencar's quotation: the model cited her words, retold its opening.
    ([(1, (1, 2)), (3, (3, 4))], [1, 3], placement.QUOTATION_RUNS_ON, DecisionAction.RELABELED, [1, 3]),
    # After the quotation closed: retold from elsewhere.
    ([(1, (1, 2)), (4, (4, 4))], [1], placement.RETOLD_FROM_ELSEWHERE, DecisionAction.DROPPED, [4]),
    # Sentence 1 got no claim of its own window: the retelling goes there.
    ([(4, (4, 4))], [1], placement.RETOLD_UNCLAIMED, DecisionAction.MOVED, [4, 1]),
]
EXERCISED |= {rule for _, _, rule, _, _ in IN_TURN}


@pytest.mark.parametrize(
    ("proposed", "kept_on", "rule", "action", "sentences"),
    IN_TURN,
    ids=["inside-the-quotation", "after-it", "unclaimed"],
)
def test_a_retelling_stays_in_a_quotation_running_on_or_goes_to_a_sentence_without_a_claim(
    proposed: list[tuple[int, tuple[int, int]]],
    kept_on: list[int],
    rule: Rule,
    action: DecisionAction,
    sentences: list[int],
) -> None:
    kept, decisions = considered_in_turn(QUOTATION, [(n, RETELLING, window) for n, window in proposed])
    assert [p.sentences for p in kept] == [(n,) for n in kept_on]
    assert [(d.rule, d.action, d.sentences) for d in decisions] == [(rule.name, action, sentences)]
    if rule is placement.QUOTATION_RUNS_ON:
        assert kept[-1].statement == "There is no way the weather can explain this increase."
        assert kept[-1].grounding is SpanGrounding.CITED_SENTENCE
    if rule is placement.RETOLD_UNCLAIMED:
        assert kept[-1].statement == RETELLING
        assert kept[-1].grounding is SpanGrounding.SUPPORTING_SENTENCE


WALL = "The border wall is dead and Congress will never fund it."


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        # Durbin's words retold for Schiff: the unclaimed sentence does not name Schiff.
        (
            "Senators met on Tuesday. Durbin said the border wall was dead and Congress would never fund "
            "it. Schiff agreed with him on Wednesday.",
            [(3, (3, 3))],
        ),
        # The cited sentence continues the White House's quotation, not the one Schiff's sentence opens.
        (
            "\u201cThe border wall is dead and Congress will never fund it,\u201d Schiff said, but the White "
            "House disagreed: \u201cWe will build it. Mexico will pay for every mile of it.\u201d",
            [(1, (1, 1)), (2, (2, 2))],
        ),
        # A stray mark (an inch sign) opens no quotation for the next sentence to continue.
        (
            'Schiff said the border wall is dead and Congress will never fund its 6" posts. The Pentagon '
            "moved the funds elsewhere for weeks.",
            [(1, (1, 1)), (2, (2, 2))],
        ),
    ],
    ids=["another-speakers-sentence", "another-quotation", "a-stray-mark"],
)
def test_a_retelling_is_still_dropped_when_its_sentence_or_quotation_is_not_the_actors(
    text: str, proposed: list[tuple[int, tuple[int, int]]]
) -> None:
    kept, decisions = considered_in_turn(text, [(n, WALL, window) for n, window in proposed], "Adam Schiff")
    assert [p.sentences for p in kept] == [(n,) for n, _ in proposed[:-1]]
    assert [(d.rule, d.sentences) for d in decisions] == [
        (placement.RETOLD_FROM_ELSEWHERE.name, [proposed[-1][0]])
    ]


QUOTATION_THEN_FRAME = (
    "China accused the West of creating turmoil over Ukraine. "  # 1
    "\u201cIn recent days, the United States has exacerbated the threat of war,\u201d he added. "  # 2
    "Foreign Ministry spokesperson Wang Wenbin said at a regular press briefing on Wednesday."  # 3
)
FRAME_ONLY = "Foreign Ministry spokesperson Wang Wenbin said at a regular press briefing on Wednesday."


def test_a_claim_on_a_sentence_that_only_frames_the_quotation_before_it_moves_to_the_quotation() -> None:
    kept, decisions = considered(QUOTATION_THEN_FRAME, 3, "Wang Wenbin", FRAME_ONLY, window=(1, 3))
    (proposal,) = kept
    assert proposal.sentences == (2,)
    assert proposal.statement == (
        "In recent days, the United States has exacerbated the threat of war, he added."
    )  # the restate step removes ", he added" (`statements.attribution_frame`)
    (decision,) = decisions
    assert (decision.rule, decision.action) == (placement.FRAME_OF_QUOTATION.name, DecisionAction.MOVED)


EXERCISED.add(placement.FRAME_OF_QUOTATION)


QUOTED = '"It is a trap," he said. '


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        ('"Our house is burning!" Macron told the world on Thursday via Twitter.', True),
        ('"We will win," she said. Smith told Reuters.', True),
        ('"We will win." Smith told The New York Times.', True),
        ('"We will win." Smith also said in a statement.', True),
        ('"We will win," she said. Smith said in an interview with the BBC on Monday.', True),
        ('"We will win," she said. Smith said nothing.', False),  # says something
        ('"It is ours." Erdogan also said earlier he might rename it.', False),  # "he might ...": a point
        ('"We will win," she said. Smith said troops would withdraw.', False),  # a point of its own
        ("Troops are leaving the border. Smith said on Monday.", False),  # no quotation before it
        ('"We will win," Jones said. Smith told reporters on Monday.', False),  # the quotation is Jones's
        ('"We will win," insisted Jones. Smith told Reuters.', False),  # Jones's, by a verb code may not know
        ('Jones: "We will win." Smith told Reuters.', False),
        ('Critics panned the film "Oppenheimer". Christopher Nolan told reporters after the show.', False),
        ('"Will Putin attend?" a reporter asked. Peskov said yes.', False),
        (QUOTED + "The remarks came a day after Zelensky told reporters in Kyiv.", False),  # a clause
        (QUOTED + "Russia declared war on Ukraine in 2022.", False),  # a deed
        (QUOTED + "Employers added jobs at the fastest pace in a year.", False),
        (QUOTED + "Her lawyer told reporters after the hearing.", False),  # someone beside the speaker
    ],
)
def test_a_sentence_only_frames_the_quotation_before_it_when_it_says_nothing_else(
    text: str, framed: bool
) -> None:
    article = PreparedArticle.from_text(text)
    assert placement.frames_quotation_before(article, len(article.sentence_texts)) is framed


def test_a_frame_only_sentence_keeps_its_claim_when_the_quotation_is_another_actors() -> None:
    article = PreparedArticle.from_text(QUOTATION_THEN_FRAME)
    proposals = Proposals(
        article, AttributionCheck.for_article(article), TraceRecorder(article.sentence_offsets)
    )
    quotation = "The United States has exacerbated the threat of war, China said."
    proposals.consider(ProposedClaim(2, "China", quotation, "accusation", False), (1, 3))
    proposals.consider(ProposedClaim(3, "Wang Wenbin", FRAME_ONLY, "assertion", False), (1, 3))
    assert [(p.actor, p.sentences) for p in proposals.kept] == [("China", (2,)), ("Wang Wenbin", (3,))]


def test_a_frame_only_claim_the_model_called_a_deed_is_the_quotations_words() -> None:
    kept, _ = considered(QUOTATION_THEN_FRAME, 3, "Wang Wenbin", FRAME_ONLY, kind="action", window=(3, 3))
    assert [(p.sentences, p.kind) for p in kept] == [((2,), "assertion")]
