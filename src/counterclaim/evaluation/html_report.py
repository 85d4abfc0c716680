"""Eval runs as HTML pages: `report.html` of a run folder, and the page of `eval compare --html`.

A run's page has the score table (the numbers of `report.md`, from `score_table`), the decisions by
rule, and per article its text with the gold claims and the predicted claims marked differently:
gold as a background (matched: green; evidence found but given to a disagreeing actor: amber; missed:
red, dashed), predictions as an underline (matched: solid blue; false: dotted red), each labelled, so
colour is never the only cue. Below the text, the gold contradictions (found or missed) and the
predicted pairs (true, duplicate, false, hard-negative errors in red).

The article's own account (the narrator) is shown as `report.md` shows it, apart: the run's narrator
line below the score table, narrator claim recall and the record rates per article, gold narrator
claims marked by whether the tool's narrator found them, and the narrator part of a conflict (its pairs
holding a narrator claim) as a row of its own, "(record)", found or missed by the record pairs.

The comparison page shows the deltas (better in green, worse in red), the rules whose decisions
changed, and per article what flipped, marked on its text the same way.

Article texts come from the gold articles (the run folder does not keep them); an article whose text
is not at hand is listed without it. Pages have no script (the policy is `script-src 'none'`), and every
string from a dataset, an article or a model is escaped (see `render.html_page`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from counterclaim.evaluation.compare import (
    ArticleFlips,
    Comparison,
    PredictedClaimRef,
    PredictedPairRef,
    format_number,
)
from counterclaim.evaluation.gold import GoldArticle
from counterclaim.evaluation.report import (
    FAILED,
    LEGEND,
    RULE_HEADERS,
    STAGE_HEADERS,
    STAGES_NOTE,
    header_lines,
    legend,
    narrator_line,
    rule_rows,
    score_table,
    stage_rows,
    summary_line,
)
from counterclaim.evaluation.run_files import RunRecord, SampleRow
from counterclaim.evaluation.scoring import METRIC_NAMES, conflict_parts, narrator_claims
from counterclaim.models import Analysis
from counterclaim.render.html_escape import shown_html
from counterclaim.render.html_page import render_page
from counterclaim.render.html_segments import Marked, segments
from counterclaim.render.quoting import in_quotation_marks

ArticleKey = tuple[str, str]
"""(dataset name, article id), as `SampleRow.key`."""
RUN_TEMPLATE = "eval_run.html.j2"
COMPARE_TEMPLATE = "eval_compare.html.j2"
SNIPPET = 160

GOLD_ORDER = ("matched", "wrong-actor", "missed")
PRED_ORDER = ("matched", "false")
"""Layer states from the best to the worst; a piece under several shows the worst."""


@dataclass(frozen=True)
class Layered:
    """One marked stretch: a gold item (`layer` "gold") or a prediction ("pred"), its state and tag."""

    layer: str
    state: str
    tag: str


def layered_text(text: str, stretches: Sequence[Marked[Layered]]) -> Markup:
    """`text` with gold stretches as `<span class="gold g-STATE">` and predictions inside them as
    `<span class="pred p-STATE">`; the first piece of each stretch carries its tag (`data-tag`)."""
    parts: list[str] = []
    for piece in segments(text, stretches):
        inner: Markup = shown_html(piece.text)
        for layer, order, prefix in (("pred", PRED_ORDER, "p"), ("gold", GOLD_ORDER, "g")):
            marks = [mark for mark in piece.marks if mark.layer == layer]
            if not marks:
                continue
            state = max((mark.state for mark in marks), key=order.index)
            tags = [mark.tag for mark in piece.starts if mark.layer == layer]
            title = "; ".join(dict.fromkeys(mark.tag for mark in marks))
            tag = f' data-tag="{escape(" · ".join(tags))}"' if tags else ""
            inner = Markup(
                f'<span class="{layer} {prefix}-{state}" title="{escape(title)}"{tag}>{inner}</span>'
            )
        parts.append(inner)
    return Markup("".join(parts))


def _cut(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


# ---------------------------------------------------------------------------------------------------
# A run


ARTICLE_RATES = (
    "claim_recall",
    "claim_precision",
    "evidence_recall",
    "contradiction_recall",
    "narrator_claim_recall",
    "record_recall",
    "record_precision",
)
"""The rates shown above each article's text (those it has)."""
RECORD = " (record)"
"""Marks the narrator part of a conflict, and what the record pairs found."""


@dataclass(frozen=True)
class ItemRow:
    """A row of an article's contradiction tables: id, kind, the two sides, the verdict."""

    id: str
    kind: str
    side_a: str
    side_b: str
    verdict: str
    good: bool
    hard_negative: bool = False


@dataclass(frozen=True)
class ArticleSection:
    label: str
    status: str
    failed: bool
    error: str | None
    rates: str
    text: Markup | None
    gold_contradictions: tuple[ItemRow, ...]
    predicted_pairs: tuple[ItemRow, ...]
    contradictions_scored: bool


def run_report_html(
    record: RunRecord, samples: Sequence[SampleRow], articles: Mapping[ArticleKey, GoldArticle]
) -> str:
    """`report.html` of a run: `articles` are the gold articles by (dataset, id) (texts and spans)."""
    table = score_table(record, samples)
    sections = [_article_section(s, articles.get(s.key), len(record.datasets) > 1) for s in samples]
    return render_page(
        RUN_TEMPLATE,
        script=None,
        title=f"counterclaim eval {record.run_id}",
        run_id=record.run_id,
        header=header_lines(record),
        summary=summary_line(record.totals),
        table=table,
        failed_status=FAILED,
        legend=" ".join(part for part in (legend(samples), narrator_line(record.totals)) if part),
        stage_headers=STAGE_HEADERS,
        stages_note=STAGES_NOTE,
        stages=stage_rows(record),
        rule_headers=RULE_HEADERS,
        rules=rule_rows(record),
        sections=sections,
    )


def _article_section(sample: SampleRow, gold: GoldArticle | None, several: bool) -> ArticleSection:
    score = sample.score
    rates = ", ".join(
        f"{name.replace('_', ' ')} {value:.2f}"
        for name in ARTICLE_RATES
        if (value := getattr(sample.metrics, name)) is not None
    )
    text = None
    if gold is not None:
        text = layered_text(gold.text, _run_stretches(sample, gold))
    return ArticleSection(
        label=f"{sample.dataset}/{sample.article_id}" if several else sample.article_id,
        status=FAILED if sample.status == "failed" else sample.status,
        failed=sample.status == "failed",
        error=f"{sample.error.error}: {sample.error.message}" if sample.error else None,
        rates=rates or "not scored",
        text=text,
        gold_contradictions=_gold_rows(sample, gold),
        predicted_pairs=_pair_rows(sample),
        contradictions_scored=score.contradictions_scored,
    )


def _run_stretches(sample: SampleRow, gold: GoldArticle) -> list[Marked[Layered]]:
    """Gold claims by whether they were matched (narrator claims: by the tool's narrator), predicted
    claims by whether they match a gold claim (a narrator claim that matches none is not scored)."""
    score = sample.score
    matched = {m.gold_id: m.pred_id for m in (*score.claim_matches, *score.narrator_claim_matches)}
    wrong_actor = set(score.wrong_actor_claims)
    narrated = narrator_claims(gold)
    stretches: list[Marked[Layered]] = []
    for claim in gold.claims:
        name = f"gold {claim.id}" + (" narrator" if claim.id in narrated else "")
        if claim.id in matched:
            mark = Layered("gold", "matched", f"{name} ✓ {matched[claim.id]}")
        elif claim.id in wrong_actor:
            mark = Layered("gold", "wrong-actor", f"{name} wrong actor")
        else:
            mark = Layered("gold", "missed", f"{name} missed")
        stretches.append(Marked(claim.start, claim.end, mark))
    prediction = sample.prediction
    if prediction is not None:
        false = set(score.false_positive_claims)
        narrator_found = {m.pred_id for m in score.narrator_claim_matches}
        narrators = {a.id for a in prediction.actors if a.narrator}
        for predicted in prediction.claims:
            if predicted.actor_id in narrators:
                found = predicted.id in narrator_found
                state = "matched" if found else "false"
                tag = f"found {predicted.id} narrator" + ("" if found else ", no gold claim (not scored)")
            else:
                state = "false" if predicted.id in false else "matched"
                tag = f"found {predicted.id}" + (" false" if state == "false" else "")
            stretches.extend(
                Marked(span.start, span.end, Layered("pred", state, tag)) for span in predicted.evidence
            )
    return stretches


def _gold_side(gold: GoldArticle | None, claim_id: str) -> str:
    if gold is None:
        return claim_id
    claim = next((c for c in gold.claims if c.id == claim_id), None)
    if claim is None:
        return claim_id
    actor = next((a.name for a in gold.actors if a.id == claim.actor), claim.actor)
    return f"{claim_id} ({actor}): {in_quotation_marks(_cut(claim.evidence))}"


def _gold_rows(sample: SampleRow, gold: GoldArticle | None) -> tuple[ItemRow, ...]:
    """A row per gold conflict between actors, and one per narrator part ("(record)"): a conflict with
    pairs of both kinds has both. Each shows the first pair of its part (the main pair without the gold
    article at hand)."""
    score = sample.score
    found = {f.gold_id: f.pred_id for f in score.found_contradictions}
    record_found = {f.gold_id: f.pred_id for f in score.record_found_contradictions}
    between_ids = {*found, *score.missed_contradictions}
    record_ids = {*record_found, *score.record_missed_contradictions}
    between, record = conflict_parts(gold) if gold is not None else ([], [])
    first_between = {k.id: (k.a, k.b) for k in between}
    first_record = {k.id: (k.a, k.b) for k in record}
    rows: list[ItemRow] = []
    for k in sample.gold.contradictions:
        if k.id in between_ids or k.id not in record_ids:
            a, b = first_between.get(k.id, (k.a, k.b))
            verdict = f"found by {found[k.id]}" if k.id in found else "missed"
            rows.append(
                ItemRow(k.id, k.kind, _gold_side(gold, a), _gold_side(gold, b), verdict, k.id in found)
            )
        if k.id in record_ids:
            a, b = first_record.get(k.id, (k.a, k.b))
            verdict = f"found by {record_found[k.id]}" if k.id in record_found else "missed"
            rows.append(
                ItemRow(
                    k.id + RECORD,
                    k.kind,
                    _gold_side(gold, a),
                    _gold_side(gold, b),
                    verdict,
                    k.id in record_found,
                )
            )
    return tuple(rows)


def _predicted_side(prediction: Analysis, claim_id: str) -> str:
    claim = prediction.claim(claim_id)
    try:
        actor = prediction.actor(claim.actor_id).name
    except KeyError:
        actor = claim.actor_id
    return (
        f"{claim_id} ({actor}): {in_quotation_marks(_cut(' … '.join(span.text for span in claim.evidence)))}"
    )


def _pair_rows(sample: SampleRow) -> tuple[ItemRow, ...]:
    prediction = sample.prediction
    if prediction is None:
        return ()
    score = sample.score
    finds: dict[str, list[str]] = {}
    for find in score.found_contradictions:
        finds.setdefault(find.pred_id, []).append(find.gold_id)
    for find in score.record_found_contradictions:
        finds.setdefault(find.pred_id, []).append(find.gold_id + RECORD)
    hard = {*score.hard_negative_pairs, *score.record_hard_negative_pairs}
    duplicate = {*score.duplicate_pairs, *score.record_duplicate_pairs}
    rows = []
    for pair in prediction.contradictions:
        if pair.id in finds:
            verdict, good = f"true: finds {', '.join(finds[pair.id])}", True
        elif pair.id in duplicate:
            verdict, good = "duplicate (finds what an earlier pair found)", True
        elif pair.id in hard:
            verdict, good = "hard-negative error: the gold says these do not contradict", False
        else:
            verdict, good = "false", False
        rows.append(
            ItemRow(
                id=pair.id,
                kind=pair.kind.value,
                side_a=_predicted_side(prediction, pair.claim_a),
                side_b=_predicted_side(prediction, pair.claim_b),
                verdict=verdict,
                good=good,
                hard_negative=pair.id in hard,
            )
        )
    return tuple(rows)


# ---------------------------------------------------------------------------------------------------
# A comparison


@dataclass(frozen=True)
class DeltaRow:
    name: str
    scope: str
    a: str
    b: str
    delta: str
    verdict: str  # "good", "bad" or ""


@dataclass(frozen=True)
class FlipLine:
    text: str
    better: bool
    hard_negative: bool = False


@dataclass(frozen=True)
class FlipSection:
    label: str
    status: str | None
    text: Markup | None
    lines: tuple[FlipLine, ...]


def comparison_html(comparison: Comparison, articles: Mapping[ArticleKey, GoldArticle]) -> str:
    """The page of `eval compare --html`; `articles` (gold, by key) give the texts to mark flips on."""
    return render_page(
        COMPARE_TEMPLATE,
        script=None,
        title=f"counterclaim eval compare {comparison.run_a.run_id} → {comparison.run_b.run_id}",
        comparison=comparison,
        warnings=_warnings(comparison),
        deltas=[_delta_row(d.name, d.scope, d.a, d.b, d.delta, d.improved) for d in comparison.deltas],
        rule_changes=_rule_change_rows(comparison),
        sections=[_flip_section(f, articles.get((f.dataset, f.article_id))) for f in comparison.articles],
        legend=LEGEND,
    )


def _warnings(comparison: Comparison) -> list[str]:
    found = []
    if comparison.differing_datasets:
        found.append(f"Dataset files differ between the runs: {', '.join(comparison.differing_datasets)}.")
    if comparison.only_in_a or comparison.only_in_b:
        found.append(
            f"The runs scored different articles ({len(comparison.only_in_a)} only in A, "
            f"{len(comparison.only_in_b)} only in B): totals are not directly comparable."
        )
    if comparison.differing_prompts:
        found.append(f"Prompts differ: {', '.join(comparison.differing_prompts)}.")
    return found


def _delta_row(
    name: str, scope: str, a: float | None, b: float | None, delta: float | None, improved: bool | None
) -> DeltaRow:
    rate = name in METRIC_NAMES
    verdict = "" if improved is None else ("good" if improved else "bad")
    return DeltaRow(
        name,
        scope,
        format_number(a, rate),
        format_number(b, rate),
        format_number(delta, rate, signed=True),
        verdict,
    )


def _rule_change_rows(comparison: Comparison) -> list[tuple[str, ...]]:
    fields = ("decisions", "gold_claims_lost", "gold_claims_kept", "gold_contradictions_lost",
              "gold_contradictions_found")  # fmt: skip
    rows = []
    for change in comparison.rule_changes:
        cells = [change.rule]
        for field in fields:
            before = getattr(change.a, field) if change.a else 0
            after = getattr(change.b, field) if change.b else 0
            cells.append(f"{before} → {after}" if before != after else str(after))
        rows.append(tuple(cells))
    return rows


def _hard(pair: PredictedPairRef) -> str:
    return " (hard-negative error)" if pair.hard_negative else ""


def _pair_text(pair: PredictedPairRef) -> str:
    a, b = pair.claim_a, pair.claim_b
    return f"{in_quotation_marks(a.evidence)} ({a.actor}) vs {in_quotation_marks(b.evidence)} ({b.actor})"


def _flip_section(flips: ArticleFlips, gold: GoldArticle | None) -> FlipSection:
    lines = [
        *(
            FlipLine(f"found gold claim {c.id} ({c.actor}): {in_quotation_marks(c.evidence)}", True)
            for c in flips.claims_now_found
        ),
        *(
            FlipLine(f"removed false claim ({c.actor}): {in_quotation_marks(c.evidence)}", True)
            for c in flips.removed_false_positive_claims
        ),
        *(
            FlipLine(f"found contradiction {k.id} ({k.a} vs {k.b}, {k.kind})", True)
            for k in flips.contradictions_now_found
        ),
        *(
            FlipLine(f"removed false pair{_hard(p)}: {_pair_text(p)}", True)
            for p in flips.removed_false_positive_pairs
        ),
        *(
            FlipLine(f"missed gold claim {c.id} ({c.actor}): {in_quotation_marks(c.evidence)}", False)
            for c in flips.claims_now_missed
        ),
        *(
            FlipLine(f"new false claim ({c.actor}): {in_quotation_marks(c.evidence)}", False)
            for c in flips.new_false_positive_claims
        ),
        *(
            FlipLine(f"missed contradiction {k.id} ({k.a} vs {k.b}, {k.kind})", False)
            for k in flips.contradictions_now_missed
        ),
        *(
            FlipLine(
                f"new false pair{_hard(p)}: {_pair_text(p)}",
                False,
                hard_negative=p.hard_negative,
            )
            for p in flips.new_false_positive_pairs
        ),
        *_narrator_flip_lines(flips),
    ]
    lines.sort(key=lambda line: not line.better)  # better first, each kind in its order
    text = None
    if gold is not None:
        text = layered_text(gold.text, _flip_stretches(flips, gold))
    status = f"{flips.status_a} → {flips.status_b}" if flips.status_a != flips.status_b else None
    return FlipSection(f"{flips.dataset}/{flips.article_id}", status, text, tuple(lines))


def _narrator_flip_lines(flips: ArticleFlips) -> list[FlipLine]:
    """What flipped in the article's own account (scored apart): narrator claims, record conflicts."""
    return [
        *(
            FlipLine(f"found narrator claim {c.id}: {in_quotation_marks(c.evidence)}", True)
            for c in flips.narrator_claims_now_found
        ),
        *(FlipLine(f"found record contradiction {k.id} ({k.kind})", True) for k in flips.records_now_found),
        *(
            FlipLine(f"removed false record pair{_hard(p)}: {_pair_text(p)}", True)
            for p in flips.removed_false_positive_records
        ),
        *(
            FlipLine(f"missed narrator claim {c.id}: {in_quotation_marks(c.evidence)}", False)
            for c in flips.narrator_claims_now_missed
        ),
        *(
            FlipLine(f"missed record contradiction {k.id} ({k.kind})", False)
            for k in flips.records_now_missed
        ),
        *(
            FlipLine(
                f"new false record pair{_hard(p)}: {_pair_text(p)}", False, hard_negative=p.hard_negative
            )
            for p in flips.new_false_positive_records
        ),
    ]


def _flip_stretches(flips: ArticleFlips, gold: GoldArticle) -> list[Marked[Layered]]:
    spans = {c.id: (c.start, c.end) for c in gold.claims}
    stretches: list[Marked[Layered]] = []
    for ref, state, tag in [
        *((c, "matched", f"now found {c.id}") for c in flips.claims_now_found),
        *((c, "missed", f"now missed {c.id}") for c in flips.claims_now_missed),
        *((c, "matched", f"now found {c.id} narrator") for c in flips.narrator_claims_now_found),
        *((c, "missed", f"now missed {c.id} narrator") for c in flips.narrator_claims_now_missed),
    ]:
        if ref.id in spans:
            stretches.append(Marked(*spans[ref.id], Layered("gold", state, tag)))
    predicted: list[tuple[PredictedClaimRef, str, str]] = [
        *((c, "false", "new false claim") for c in flips.new_false_positive_claims),
        *((c, "matched", "false claim gone") for c in flips.removed_false_positive_claims),
    ]
    for predicted_ref, state, tag in predicted:
        stretches.extend(
            Marked(start, end, Layered("pred", state, tag)) for start, end in predicted_ref.spans
        )
    return stretches
