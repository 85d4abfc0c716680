"""Step 11, explain: each reported contradiction explained by what each side holds.

One short request per contradiction (a second for a conflict of several pairs whose first failed),
without the article: the two claims' statements (standalone
since step 6) and, for each side, the words its account completes ("NATO says ...", "the article
reports ..."). Code writes the sentence from the two accounts and keeps it only when
`rules.explanations.side_problem` finds nothing wrong; otherwise a contradiction found through several
pairs is asked again with its next pair, and one whose accounts all fail keeps the explanation step 10
left it, and the trace says why.
"""

from __future__ import annotations

from counterclaim.models import Claim, Contradiction, DecisionAction, ExplanationSource
from counterclaim.pipeline.requests import Request, ask_all, messages_for
from counterclaim.pipeline.rules.actor_names import short_names
from counterclaim.pipeline.rules.explanations import (
    EACH_SIDE,
    SIDE_REFUSED,
    Lead,
    explained_by_sides,
    side_leads,
)
from counterclaim.pipeline.schemas import SidesDraft
from counterclaim.pipeline.state import AnalysisState

NAME = "explain"
TEMPLATE = "explain.j2"
MAX_TOKENS = 90
PAIRS_TRIED = 2
"""A contradiction found through several pairs (`also`) is explained by its first pair, or else by its
second: at most this many requests per contradiction."""


def _request(
    number: int,
    total: int,
    a: Claim,
    b: Claim,
    names: tuple[str, str],
    leads: tuple[Lead, Lead],
    otherwise: str,
) -> Request:
    return Request(
        step=NAME,
        messages=messages_for(
            "",
            TEMPLATE,
            actor_a=names[0],
            statement_a=" ".join(a.statement.split()),
            actor_b=names[1],
            statement_b=" ".join(b.statement.split()),
            lead_a=leads[0].words,
            lead_b=leads[1].words,
        ),
        response_model=SidesDraft,
        max_tokens=MAX_TOKENS,
        skipped=f"the contradiction of claims {a.id} and {b.id} {otherwise}",
        progress=f"contradictions: explaining {number}/{total}",
    )


async def run(state: AnalysisState) -> None:
    """Every reported contradiction explained by its two sides, where the model's account passes: by
    its first pair, or when that account is refused or missing, by its next pair (`also`), at most
    `PAIRS_TRIED` pairs in all."""
    if not state.contradictions:
        return
    explained = list(state.contradictions)
    waiting = list(range(len(explained)))
    for attempt in range(PAIRS_TRIED):
        waiting = [i for i in waiting if attempt < len(_pairs_of(explained[i]))]
        if not waiting:
            break
        done = await _explain(state, explained, waiting, attempt)
        waiting = [i for i in waiting if i not in done]
    state.contradictions = explained


def _pairs_of(contradiction: Contradiction) -> list[tuple[str, str]]:
    return [(contradiction.claim_a, contradiction.claim_b), *contradiction.also]


async def _explain(
    state: AnalysisState, explained: list[Contradiction], which: list[int], attempt: int
) -> set[int]:
    """Ask for the sides of pair `attempt` of each contradiction in `which`; the indexes explained."""
    claims = {claim.id: claim for claim in state.claims}
    short = short_names(state.actors)
    actors = {actor.id: actor for actor in state.actors}
    every_name = {actor.id: [actor.name, *actor.aliases] for actor in state.actors}
    planned = []
    for index in which:
        first, second = _pairs_of(explained[index])[attempt]
        a, b = claims[first], claims[second]
        planned.append((index, a, b, side_leads(a, b, actors, short)))
    total = len(planned)
    requests = [
        _request(
            n, total, a, b, (short[a.actor_id], short[b.actor_id]), leads, _otherwise(explained[i], attempt)
        )
        for n, (i, a, b, leads) in enumerate(planned, start=1)
    ]
    answers = await ask_all(state.requests, requests)
    done: set[int] = set()
    for (index, a, b, leads), answer in zip(planned, answers, strict=True):
        contradiction = explained[index]
        if answer is None:
            continue
        names = [*every_name[a.actor_id], *every_name[b.actor_id]]
        text, note = explained_by_sides(answer.a, answer.b, leads, a, b, names)
        pair = (a.id, b.id)
        said = f"the model's sides {answer.a!r} / {answer.b!r}"
        if attempt:
            said = f"its pair {a.id}/{b.id}: {said}"
        if text is None:
            reason = (
                f"{contradiction.id}: {said}: {note}; {contradiction.id} {_otherwise(contradiction, attempt)}"
            )
            state.trace.record(SIDE_REFUSED, DecisionAction.SKIPPED, reason, claims=pair)
            continue
        how = f" ({note})" if note else ""
        reason = f"{contradiction.id}: {said} -> {text!r}{how}, in place of {contradiction.explanation!r}"
        if attempt:
            reason += f"; {a.id}/{b.id} becomes its first pair, the one the explanation speaks of"
        state.trace.record(EACH_SIDE, DecisionAction.RELABELED, reason, claims=pair)
        update: dict[str, object] = {"explanation": text, "explained_by": ExplanationSource.SIDES}
        if attempt:  # the pair explained is the one shown and cited with the explanation
            pairs = _pairs_of(contradiction)
            update |= {"claim_a": a.id, "claim_b": b.id, "also": [p for p in pairs if p != (a.id, b.id)]}
        explained[index] = contradiction.model_copy(update=update)
        done.add(index)
    return done


def _otherwise(contradiction: Contradiction, attempt: int) -> str:
    """What happens when pair `attempt` of the contradiction is not explained."""
    if attempt + 1 < min(PAIRS_TRIED, len(_pairs_of(contradiction))):
        return "is asked again with its next pair"
    return f"keeps the explanation {contradiction.explanation!r}"
