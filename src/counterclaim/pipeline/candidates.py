"""Proposing claim pairs that might contradict each other, by code.

Asking a model "does this article contradict itself?" is close to random; instead code ranks pairs of
extracted claims by shared content, opposing stance and comparable numbers, and only the best few are
sent to the verifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from counterclaim.models import Claim, ClaimKind
from counterclaim.pipeline.actors import name_key, occurs_in
from counterclaim.text.back_references import denies_something_said
from counterclaim.text.keywords import is_negated, keywords, opposed
from counterclaim.text.numbers import NumericRelation, NumericVerdict, compare_quantities

_STANCE_KINDS = frozenset({ClaimKind.DENIAL, ClaimKind.ACCUSATION})


@dataclass(frozen=True)
class Candidate:
    """A pair of claims worth verifying, with why code picked it."""

    a: Claim
    b: Claim
    score: float
    numeric: NumericVerdict
    clash: bool = False
    """Code sees a reason for conflict: a negation on one side only about a subject both speak of,
    opposed ideas, figures that cannot both hold, or a denial or accusation naming the other's actor in
    full (a rebuttal)."""
    opposed: bool = False
    """The claims carry opposed ideas (withdraw / increase, deny / confirm), as code sees it."""
    rebuttal: bool = False
    """Claim B denies something it only points back at ("denied the allegations"), and A is a nearby
    claim of another actor it may answer (`_back_reference_pairs`)."""


def _numbers_text(claim: Claim) -> str:
    """The text whose figures code compares: the statement and the first evidence span."""
    return claim.statement + " " + claim.evidence[0].text


def content_words(claim: Claim) -> set[str]:
    """Stemmed content words of the claim's statement and evidence."""
    return keywords(claim.statement + " " + " ".join(span.text for span in claim.evidence))


def _negated(claim: Claim) -> bool:
    return is_negated(claim.statement) or claim.kind is ClaimKind.DENIAL


def _same_evidence(a: Claim, b: Claim) -> bool:
    return any(sa.start < sb.end and sb.start < sa.end for sa in a.evidence for sb in b.evidence)


RESTATEMENT_JACCARD = 0.7
MAX_PAIRS_PER_CLAIM = 3
MIN_SHARED_SUBJECT_WORDS = 2
BACK_REFERENCE_NEAREST = 2
BACK_REFERENCE_NEAREST_LATER = 1
BACK_REFERENCE_SCORE = 1.0
_ALLEGATION_STEMS = ("accus", "alleg", "claim", "charg", "report")
# Words for how and when something was said ("told a news conference on Tuesday", "in a journal
# article"): two claims that share them share an occasion, not a subject.
_OCCASION_WORDS = keywords(
    """news conference press briefing statement interview article journal report reported reporter
    reporters told said says spokesman spokeswoman spokesperson official officials television radio
    newspaper quoted quote monday tuesday wednesday thursday friday saturday sunday today yesterday
    week weekend"""
)


def restates(a: Claim, b: Claim) -> bool:
    """Whether one claim's statement restates the other's (mostly the same words, same polarity)."""
    said_a, said_b = keywords(a.statement), keywords(b.statement)
    if not (said_a and said_b) or _negated(a) != _negated(b):
        return False
    return len(said_a & said_b) / len(said_a | said_b) >= RESTATEMENT_JACCARD


def score_pair(a: Claim, b: Claim) -> tuple[float, NumericVerdict]:
    """How likely the pair conflicts (0 means: do not bother verifying)."""
    numeric = compare_quantities(_numbers_text(a), _numbers_text(b))
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return 0.0, numeric
    shared = len(words_a & words_b)
    if restates(a, b):
        return 0.0, numeric
    same_actor = a.actor_id == b.actor_id
    words_and_deeds = same_actor and (a.kind is ClaimKind.ACTION) != (b.kind is ClaimKind.ACTION)
    if same_actor and not words_and_deeds and _negated(a) == _negated(b):
        return 0.0, numeric  # an actor is rarely at odds with itself without a negation
    overlap = shared / min(len(words_a), len(words_b))
    comparable_numbers = numeric.relation is not NumericRelation.NOT_COMPARABLE
    if overlap < 0.15 and not comparable_numbers:
        return 0.0, numeric
    score = overlap
    if not same_actor:
        score += 0.3
    if {a.kind, b.kind} & _STANCE_KINDS:
        score += 0.2
    if _negated(a) != _negated(b):
        score += 0.2
    if numeric.relation is NumericRelation.CONFLICTING:
        score += 0.4
    if opposed(words_a, words_b):
        score += 0.4
    if words_and_deeds:
        score += 0.2
    return score, numeric


def opposed_ideas(a: Claim, b: Claim) -> bool:
    """Whether the two claims carry opposed ideas (see `Candidate.opposed`)."""
    return opposed(content_words(a), content_words(b))


def clash(
    a: Claim,
    b: Claim,
    numeric: NumericVerdict,
    actor_names: Mapping[str, Sequence[str]],
    *,
    ideas_opposed: bool | None = None,
) -> bool:
    """Whether code sees a reason for the two claims to conflict (see `Candidate.clash`).

    `ideas_opposed` is `opposed_ideas(a, b)` when the caller has it already.
    """
    if numeric.relation is NumericRelation.CONFLICTING:
        return True
    if opposed_ideas(a, b) if ideas_opposed is None else ideas_opposed:
        return True
    names_a, names_b = actor_names.get(a.actor_id, ()), actor_names.get(b.actor_id, ())
    every_name = [name for names in actor_names.values() for name in names]
    if _negated(a) != _negated(b) and _shared_subject(a, b, every_name):
        return True  # one side says "not" about something the other side speaks of
    if a.actor_id == b.actor_id or _one_entity(names_a, names_b):
        return False

    def rebuts(claim: Claim, other_names: Sequence[str]) -> bool:
        # Naming the other side is no conflict by itself ("the government is trying to crush the
        # protests" names the government, whatever the government says): a rebuttal denies or accuses.
        if claim.kind not in _STANCE_KINDS:
            return False
        text = " ".join(span.text for span in claim.evidence)
        return any(occurs_in(name, name_key(text)) for name in other_names)

    return rebuts(a, names_b) or rebuts(b, names_a)


def _shared_subject(a: Claim, b: Claim, actor_names: Sequence[str]) -> bool:
    """Whether the claims share at least `MIN_SHARED_SUBJECT_WORDS` content words that are not actors'
    names (`clash` passes those of every actor of the article): a negation in one claim says nothing
    against the other when all they share is who speaks or whom they speak of ("Russia"), the occasion
    ("a news conference on Tuesday", `_OCCASION_WORDS`), or one word ("helicopter", "protest") that two
    different statements can both mention."""
    shared = (content_words(a) & content_words(b)) - keywords(" ".join(actor_names)) - _OCCASION_WORDS
    return len(shared) >= MIN_SHARED_SUBJECT_WORDS


def _one_entity(names_a: Sequence[str], names_b: Sequence[str]) -> bool:
    """Two actor entries whose names contain one another ("Police Chief", "Police Chief Ana Lima")."""
    keys_a, keys_b = {name_key(n) for n in names_a}, {name_key(n) for n in names_b}
    return any(x and y and (x in y or y in x) for x in keys_a for y in keys_b)


def propose_candidates(
    claims: list[Claim], *, limit: int, actor_names: Mapping[str, Sequence[str]] | None = None
) -> list[Candidate]:
    """The `limit` best-scoring pairs in which code sees a reason for conflict (`clash`), best first.

    A pair without one is never proposed: a contradiction is only reported when code sees a reason
    (`contradictions.accept`), so its verification would be spent for nothing, and would take the
    place of a pair that can be reported. Two claims citing the same words are only paired when
    different actors make them ("NATO accused Russia of adding troops, a day after Moscow said it was
    withdrawing"). `actor_names` (actor id to name and aliases) lets code see rebuttals that name the
    other side.
    """
    scored: list[Candidate] = []
    for a, b in combinations(claims, 2):
        if _same_evidence(a, b) and a.actor_id == b.actor_id:
            continue
        score, numeric = score_pair(a, b)
        if score > 0:
            ideas = opposed_ideas(a, b)
            if clash(a, b, numeric, actor_names or {}, ideas_opposed=ideas):
                scored.append(Candidate(a=a, b=b, score=score, numeric=numeric, clash=True, opposed=ideas))
    by_pair = {frozenset((c.a.id, c.b.id)): c for c in scored}
    for rebuttal in _back_reference_pairs(claims, actor_names or {}):
        key = frozenset((rebuttal.a.id, rebuttal.b.id))
        known = by_pair.get(key)
        # A pair already proposed for another reason (in either order: a denial in the lead comes
        # before the claim it answers) is one candidate, a rebuttal with the denial as B.
        by_pair[key] = (
            rebuttal
            if known is None
            else replace(
                rebuttal, score=max(known.score, rebuttal.score), opposed=known.opposed or rebuttal.opposed
            )
        )
    scored = list(by_pair.values())
    scored.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    chosen: list[Candidate] = []
    uses: dict[str, int] = {}
    for candidate in scored:  # spread the checks: one claim in at most MAX_PAIRS_PER_CLAIM pairs
        if (
            uses.get(candidate.a.id, 0) >= MAX_PAIRS_PER_CLAIM
            or uses.get(candidate.b.id, 0) >= MAX_PAIRS_PER_CLAIM
        ):
            continue
        chosen.append(candidate)
        for claim_id in (candidate.a.id, candidate.b.id):
            uses[claim_id] = uses.get(claim_id, 0) + 1
        if len(chosen) == limit:
            break
    return chosen


def _back_reference_pairs(claims: list[Claim], actor_names: Mapping[str, Sequence[str]]) -> list[Candidate]:
    """Pairs for denials that only point back at what they deny ("denied the allegations"): such a
    denial shares no words with its target, so shared words never pair them. Each is paired with the
    nearest earlier claims of other actors and the nearest earlier one that reports an allegation
    (`BACK_REFERENCE_NEAREST` + 1 at most); a denial with no earlier claim of another actor is paired
    with the nearest later one instead, since a news lead often reports the denial before the claims
    it answers ("X called the claims a lie. ... Y says 70 of its members were killed"). Code counts
    the pointing back as a reason for conflict."""
    pairs: list[Candidate] = []
    for denial in claims:
        if not denies_something_said(" ".join(span.text for span in denial.evidence)):
            continue
        start = denial.evidence[0].start
        names = actor_names.get(denial.actor_id, ())
        others = [
            c
            for c in claims
            if c.actor_id != denial.actor_id
            and not _one_entity(actor_names.get(c.actor_id, ()), names)
            and not restates(c, denial)
        ]
        earlier = sorted(
            (c for c in others if c.evidence[0].start < start), key=lambda c: start - c.evidence[0].start
        )
        targets = earlier[:BACK_REFERENCE_NEAREST]
        alleging = next((c for c in earlier if _reports_allegation(c)), None)
        if alleging is not None and alleging not in targets:
            targets.append(alleging)
        if not earlier:  # nothing before it to answer: it answers what the story goes on to report
            later = sorted(
                (c for c in others if c.evidence[0].start > start), key=lambda c: c.evidence[0].start
            )
            targets.extend(later[:BACK_REFERENCE_NEAREST_LATER])
        for target in targets:
            pairs.append(
                Candidate(
                    a=target,
                    b=denial,
                    score=BACK_REFERENCE_SCORE,
                    numeric=compare_quantities(_numbers_text(target), _numbers_text(denial)),
                    clash=True,
                    opposed=opposed_ideas(target, denial),
                    rebuttal=True,
                )
            )
    return pairs


def _reports_allegation(claim: Claim) -> bool:
    """Whether the claim accuses, alleges or reports (what a bare denial usually answers)."""
    if claim.kind is ClaimKind.ACCUSATION:
        return True
    text = (claim.statement + " " + " ".join(span.text for span in claim.evidence)).casefold()
    return any(stem in text for stem in _ALLEGATION_STEMS)
