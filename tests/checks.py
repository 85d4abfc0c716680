# ruff: noqa: RUF001
"""Checks of an analysis that do not restate how it was built.

A span's `text` is built as `article[start:end]` (and the `Span` model refuses a text of another
length), so comparing the two says nothing. These checks compare what the pipeline produced with what
it could get wrong: spans cut through sentences (an offset map off by a few characters), evidence that
does not hold what the claim says, ids that do not resolve, a claim grounded by a rule the trace does
not show.
"""

from __future__ import annotations

from collections.abc import Iterable

from counterclaim.models import Analysis, Claim, DecisionAction, Span, SpanGrounding
from counterclaim.text.keywords import keywords

SENTENCE_END = ".!?…\"'”’»)"
"""What may end a sentence of a news article (besides the end of its line)."""


def starts_a_sentence(text: str, offset: int) -> bool:
    """Whether `offset` is where a sentence of `text` begins, by a rule independent of the pipeline's
    splitter: at the start of the text or of a line, or after a sentence-ending mark and a space."""
    if not 0 <= offset < len(text) or text[offset].isspace():
        return False
    before = text[:offset].rstrip(" \t")
    return before == "" or before.endswith("\n") or before[-1] in SENTENCE_END


def ends_a_sentence(text: str, offset: int) -> bool:
    """Whether `offset` is just after the end of a sentence of `text`: after a sentence-ending mark
    followed by white space, or at the end of a line or of the text."""
    if not 0 < offset <= len(text) or text[offset - 1].isspace():
        return False
    rest = text[offset:]
    return (
        rest == ""
        or rest.lstrip(" \t").startswith("\n")
        or (text[offset - 1] in SENTENCE_END and rest[0].isspace())
    )


def assert_whole_sentences(text: str, spans: Iterable[Span]) -> None:
    """Every span covers whole sentences of `text` (the staged pipeline cites sentences, never parts)."""
    for span in spans:
        where = f"{span.start}-{span.end} {text[span.start : span.start + 40]!r}"
        assert starts_a_sentence(text, span.start), f"span {where} does not start a sentence"
        assert ends_a_sentence(text, span.end), f"span {where} does not end a sentence"


def assert_evidence_says_it(claim: Claim) -> None:
    """An English claim's evidence holds at least one content word of its statement."""
    evidence = " ".join(span.text for span in claim.evidence)
    assert keywords(claim.statement) & keywords(evidence), f"{claim.id}: {claim.statement!r} vs {evidence!r}"


def assert_ids_resolve(analysis: Analysis) -> None:
    """Every actor, claim and contradiction id is unique, and every reference names one of them."""
    actor_ids = [actor.id for actor in analysis.actors]
    claim_ids = [claim.id for claim in analysis.claims]
    contradiction_ids = [k.id for k in analysis.contradictions]
    for ids in (actor_ids, claim_ids, contradiction_ids):
        assert len(ids) == len(set(ids)), ids
    assert {claim.actor_id for claim in analysis.claims} <= set(actor_ids)
    for k in analysis.contradictions:
        assert {k.claim_a, k.claim_b} <= set(claim_ids) and k.claim_a != k.claim_b, k
    for sentence in analysis.summary:
        assert set(sentence.claim_ids) <= set(claim_ids), sentence
    for decision in analysis.run.trace:
        assert set(decision.claims) <= set(claim_ids), decision


def assert_grounding_traced(analysis: Analysis) -> None:
    """A claim code moved to another sentence, or joined from one quotation, has the decision that did
    it in the trace, under its id; and a decision that moved or joined a claim names one it grounds so."""
    traced = {
        SpanGrounding.SUPPORTING_SENTENCE: {
            ("placement.supporting_sentence", DecisionAction.MOVED),
            ("placement.retold_unclaimed", DecisionAction.MOVED),
            ("placement.frame_of_quotation", DecisionAction.MOVED),
        },
        SpanGrounding.JOINED_QUOTATION: {("assembly.one_quotation", DecisionAction.JOINED)},
    }
    for claim in analysis.claims:
        for grounding in {span.grounding for span in claim.evidence} & traced.keys():
            assert any(
                (d.rule, d.action) in traced[grounding] and claim.id in d.claims for d in analysis.run.trace
            ), f"{claim.id} is grounded as {grounding.value} with no {sorted(traced[grounding])} decision"
    by_id = {claim.id: claim for claim in analysis.claims}
    grounded_as = {  # a moved proposal may be joined into a quotation afterwards
        DecisionAction.MOVED: {SpanGrounding.SUPPORTING_SENTENCE, SpanGrounding.JOINED_QUOTATION},
        DecisionAction.JOINED: {SpanGrounding.JOINED_QUOTATION},
    }
    for decision in analysis.run.trace:
        if any((decision.rule, decision.action) in moves for moves in traced.values()):
            for claim_id in decision.claims:  # none when the claim was dropped later (a duplicate)
                groundings = {span.grounding for span in by_id[claim_id].evidence}
                assert groundings & grounded_as[decision.action], decision
