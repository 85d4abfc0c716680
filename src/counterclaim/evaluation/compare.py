"""Comparing two eval runs: metric deltas (B - A) of the totals, and what flipped article by article.

Articles are paired by (dataset name, article id). Gold items are identified by their gold id.
Predicted items have no identity across runs (ids are per analysis), so a false-positive claim is
identified by its evidence spans (the exact (start, end) offsets), and a false-positive pair by the
evidence spans of its two claims, in either order. A failed article counts as an empty prediction,
as in the run totals, so "found -> missed" includes items lost because B failed on the article.

The article's own account (the narrator) is compared apart, as the scorer scores it apart: gold
narrator claims, record contradictions (the narrator parts of conflicts) and false-positive record
pairs flip in their own lists, and the deltas hold narrator claim recall, the record metrics and the
record hard-negative errors.

Totals are only comparable when both runs scored the same articles on the same dataset files: the
comparison lists every dataset whose files differ and every article only one run has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from counterclaim.evaluation.rule_effects import RuleEffect
from counterclaim.evaluation.run_files import (
    SNIPPET_CHARS,
    GoldClaimRef,
    GoldContradictionRef,
    LoadedRun,
    RunRecord,
    SampleRow,
    Totals,
    load_run,
)
from counterclaim.evaluation.scoring import METRIC_NAMES
from counterclaim.models import Analysis
from counterclaim.render.quoting import in_quotation_marks
from counterclaim.render.terminal_safety import single_line

LOWER_IS_BETTER: frozenset[str] = frozenset(
    {"hard_negative_errors", "record_hard_negative_errors", "failed_articles", "calls_per_article",
     "prompt_tokens_per_article", "completion_tokens_per_article", "seconds_per_article"}
)  # fmt: skip
"""Quantities where a negative delta is an improvement."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RunHeader(_Record):
    """Which run one side of the comparison is."""

    path: str
    run_id: str
    model: str
    provider: str
    pipeline: str
    status: str
    articles: int
    failed: int


class Delta(_Record):
    """One quantity of the totals in both runs and its change B - A (None when either is None)."""

    name: str = Field(description="Metric name, or a count/cost name such as 'seconds_per_article'.")
    scope: Literal["micro", "macro", "total", "mean"]
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def improved(self) -> bool | None:
        """True when the change is for the better, None when there is no change or no value."""
        delta = self.delta
        if delta is None or abs(delta) < 1e-12:
            return None
        return (delta < 0) if self.name in LOWER_IS_BETTER else (delta > 0)


class PredictedClaimRef(_Record):
    """A predicted claim described by its actor and evidence text."""

    id: str
    actor: str
    evidence: str = Field(
        description=f"Evidence span texts joined by ' … ', cut to {SNIPPET_CHARS} characters."
    )
    spans: list[tuple[int, int]]


class PredictedPairRef(_Record):
    """A predicted contradiction described by its two claims."""

    id: str
    claim_a: PredictedClaimRef
    claim_b: PredictedClaimRef
    hard_negative: bool = Field(description="It matches a pair the gold labels as a non-contradiction.")


class ArticleFlips(_Record):
    """What changed on one article from run A to run B."""

    dataset: str
    article_id: str
    status_a: str
    status_b: str
    claims_now_found: list[GoldClaimRef] = Field(default_factory=list, description="Missed in A, found in B.")
    claims_now_missed: list[GoldClaimRef] = Field(
        default_factory=list, description="Found in A, missed in B."
    )
    new_false_positive_claims: list[PredictedClaimRef] = Field(default_factory=list)
    removed_false_positive_claims: list[PredictedClaimRef] = Field(default_factory=list)
    contradictions_now_found: list[GoldContradictionRef] = Field(default_factory=list)
    contradictions_now_missed: list[GoldContradictionRef] = Field(default_factory=list)
    new_false_positive_pairs: list[PredictedPairRef] = Field(default_factory=list)
    removed_false_positive_pairs: list[PredictedPairRef] = Field(default_factory=list)
    narrator_claims_now_found: list[GoldClaimRef] = Field(
        default_factory=list, description="Gold narrator claims missed in A, found in B."
    )
    narrator_claims_now_missed: list[GoldClaimRef] = Field(default_factory=list)
    records_now_found: list[GoldContradictionRef] = Field(
        default_factory=list, description="Record contradictions (narrator parts) missed in A, found in B."
    )
    records_now_missed: list[GoldContradictionRef] = Field(default_factory=list)
    new_false_positive_records: list[PredictedPairRef] = Field(default_factory=list)
    removed_false_positive_records: list[PredictedPairRef] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the status or any item flipped."""
        return self.status_a != self.status_b or any(
            (
                self.claims_now_found,
                self.claims_now_missed,
                self.new_false_positive_claims,
                self.removed_false_positive_claims,
                self.contradictions_now_found,
                self.contradictions_now_missed,
                self.new_false_positive_pairs,
                self.removed_false_positive_pairs,
                self.narrator_claims_now_found,
                self.narrator_claims_now_missed,
                self.records_now_found,
                self.records_now_missed,
                self.new_false_positive_records,
                self.removed_false_positive_records,
            )
        )


class RuleChange(_Record):
    """How one code rule's decisions and gold effects changed from run A to run B."""

    rule: str
    a: RuleEffect | None = Field(description="The rule's totals in run A (None: no decision there).")
    b: RuleEffect | None


class Comparison(_Record):
    """Run B measured against run A."""

    run_a: RunHeader
    run_b: RunHeader
    deltas: list[Delta]
    articles: list[ArticleFlips] = Field(description="Articles in both runs where something flipped.")
    unchanged_articles: int
    only_in_a: list[str] = Field(description="'dataset/article' keys only run A analysed.")
    only_in_b: list[str]
    differing_datasets: list[str] = Field(
        description="Datasets (by name) whose files differ between the runs."
    )
    differing_prompts: list[str] = Field(
        description="Prompt templates whose hash differs or that one run lacks."
    )
    rule_changes: list[RuleChange] = Field(
        default_factory=list,
        description="Code rules whose decisions or gold effects differ.",
    )

    @property
    def comparable(self) -> bool:
        """True when both runs scored the same articles of the same dataset files."""
        return not (self.only_in_a or self.only_in_b or self.differing_datasets)


def compare_runs(run_a: Path, run_b: Path) -> Comparison:
    """Load two run folders and compare B against A. Raises `DatasetError` on a malformed run folder."""
    return compare_loaded(load_run(run_a), load_run(run_b))


def compare_loaded(a: LoadedRun, b: LoadedRun) -> Comparison:
    """`compare_runs` on runs already loaded."""
    samples_a = {s.key: s for s in a.samples}
    samples_b = {s.key: s for s in b.samples}
    flips = [article_flips(samples_a[key], samples_b[key]) for key in samples_a if key in samples_b]
    return Comparison(
        run_a=_header(a),
        run_b=_header(b),
        deltas=total_deltas(a.record.totals, b.record.totals),
        articles=[f for f in flips if f.changed],
        unchanged_articles=sum(not f.changed for f in flips),
        only_in_a=[f"{d}/{i}" for d, i in samples_a if (d, i) not in samples_b],
        only_in_b=[f"{d}/{i}" for d, i in samples_b if (d, i) not in samples_a],
        differing_datasets=_differing_datasets(a.record, b.record),
        differing_prompts=_differing_prompts(a.record, b.record),
        rule_changes=rule_changes(a.record, b.record),
    )


def rule_changes(a: RunRecord, b: RunRecord) -> list[RuleChange]:
    """The rules whose totals differ between the runs (a rule absent from one side counts as zero)."""
    in_a = {e.rule: e for e in a.rules}
    in_b = {e.rule: e for e in b.rules}
    names = list(dict.fromkeys([*in_a, *in_b]))
    return [RuleChange(rule=n, a=in_a.get(n), b=in_b.get(n)) for n in names if in_a.get(n) != in_b.get(n)]


def total_deltas(a: Totals, b: Totals) -> list[Delta]:
    """Every metric (micro and macro; the narrator's included), hard-negative errors (between actors
    and of the narrator), failed articles and cost per article."""
    deltas = [
        Delta(name=name, scope=scope, a=getattr(getattr(a, scope), name), b=getattr(getattr(b, scope), name))
        for scope in ("micro", "macro")
        for name in METRIC_NAMES
    ]
    for errors in ("hard_negative_errors", "record_hard_negative_errors"):
        deltas.append(
            Delta(name=errors, scope="total", a=getattr(a.counts, errors), b=getattr(b.counts, errors))
        )
    deltas.append(Delta(name="failed_articles", scope="total", a=a.failed, b=b.failed))
    for name, field in (
        ("calls_per_article", "model_calls"),
        ("prompt_tokens_per_article", "prompt_tokens"),
        ("completion_tokens_per_article", "completion_tokens"),
        ("seconds_per_article", "seconds"),
    ):
        deltas.append(
            Delta(
                name=name,
                scope="mean",
                a=a.cost.per_article(getattr(a.cost, field)),
                b=b.cost.per_article(getattr(b.cost, field)),
            )
        )
    return deltas


# ---------------------------------------------------------------------------------------------------
# One article


PairsBySpans = dict[frozenset[frozenset[tuple[int, int]]], PredictedPairRef]
"""Predicted pairs by the evidence spans of their two claims (their identity across runs)."""


@dataclass(frozen=True)
class _Outcome:
    """What one run got right and wrong on one article, keyed for comparison across runs."""

    found_claims: set[str]
    found_contradictions: set[str]
    false_positive_claims: dict[frozenset[tuple[int, int]], PredictedClaimRef]
    false_positive_pairs: PairsBySpans
    found_narrator_claims: set[str]
    found_records: set[str]
    false_positive_records: PairsBySpans


def article_flips(a: SampleRow, b: SampleRow) -> ArticleFlips:
    """The items of one article that flipped from run A to run B."""
    out_a, out_b = _outcome(a), _outcome(b)
    gold_claims = {c.id: c for c in [*a.gold.claims, *b.gold.claims]}
    gold_contradictions = {k.id: k for k in [*a.gold.contradictions, *b.gold.contradictions]}

    def claims(ids: set[str]) -> list[GoldClaimRef]:
        return [claim for claim_id, claim in gold_claims.items() if claim_id in ids]

    def contradictions(ids: set[str]) -> list[GoldContradictionRef]:
        return [k for k_id, k in gold_contradictions.items() if k_id in ids]

    def only_in(these: PairsBySpans, those: PairsBySpans) -> list[PredictedPairRef]:
        return [ref for key, ref in these.items() if key not in those]

    return ArticleFlips(
        dataset=a.dataset,
        article_id=a.article_id,
        status_a=a.status,
        status_b=b.status,
        claims_now_found=claims(out_b.found_claims - out_a.found_claims),
        claims_now_missed=claims(out_a.found_claims - out_b.found_claims),
        new_false_positive_claims=[v for k, v in out_b.false_positive_claims.items()
                                   if k not in out_a.false_positive_claims],
        removed_false_positive_claims=[v for k, v in out_a.false_positive_claims.items()
                                       if k not in out_b.false_positive_claims],
        contradictions_now_found=contradictions(out_b.found_contradictions - out_a.found_contradictions),
        contradictions_now_missed=contradictions(out_a.found_contradictions - out_b.found_contradictions),
        new_false_positive_pairs=[v for k, v in out_b.false_positive_pairs.items()
                                  if k not in out_a.false_positive_pairs],
        removed_false_positive_pairs=[v for k, v in out_a.false_positive_pairs.items()
                                      if k not in out_b.false_positive_pairs],
        narrator_claims_now_found=claims(out_b.found_narrator_claims - out_a.found_narrator_claims),
        narrator_claims_now_missed=claims(out_a.found_narrator_claims - out_b.found_narrator_claims),
        records_now_found=contradictions(out_b.found_records - out_a.found_records),
        records_now_missed=contradictions(out_a.found_records - out_b.found_records),
        new_false_positive_records=only_in(out_b.false_positive_records, out_a.false_positive_records),
        removed_false_positive_records=only_in(out_a.false_positive_records, out_b.false_positive_records),
    )  # fmt: skip


def _outcome(sample: SampleRow) -> _Outcome:
    score = sample.score
    prediction = sample.prediction
    fp_claims: dict[frozenset[tuple[int, int]], PredictedClaimRef] = {}
    fp_pairs: PairsBySpans = {}
    fp_records: PairsBySpans = {}
    if prediction is not None:
        for claim_id in score.false_positive_claims:
            ref = _claim_ref(prediction, claim_id)
            fp_claims.setdefault(frozenset(ref.spans), ref)
        fp_pairs = _pair_refs(prediction, score.false_positive_pairs, set(score.hard_negative_pairs), False)
        fp_records = _pair_refs(
            prediction, score.record_false_positive_pairs, set(score.record_hard_negative_pairs), True
        )
    return _Outcome(
        found_claims={m.gold_id for m in score.claim_matches},
        found_contradictions={f.gold_id for f in score.found_contradictions},
        false_positive_claims=fp_claims,
        false_positive_pairs=fp_pairs,
        found_narrator_claims={m.gold_id for m in score.narrator_claim_matches},
        found_records={f.gold_id for f in score.record_found_contradictions},
        false_positive_records=fp_records,
    )


def _pair_refs(prediction: Analysis, pair_ids: Sequence[str], hard: set[str], narrator: bool) -> PairsBySpans:
    """The predicted pairs `pair_ids`, each by the first of its claim pairs on the scored side (holding a
    narrator claim when `narrator`, none otherwise: the part of the conflict that was scored)."""
    narrated = {
        c.id for c in prediction.claims if c.actor_id in {a.id for a in prediction.actors if a.narrator}
    }
    found: PairsBySpans = {}
    for pair_id in pair_ids:
        pair = next(k for k in prediction.contradictions if k.id == pair_id)
        pairs = [(pair.claim_a, pair.claim_b), *pair.also]
        a, b = next(((x, y) for x, y in pairs if (x in narrated or y in narrated) is narrator), pairs[0])
        ref_a, ref_b = _claim_ref(prediction, a), _claim_ref(prediction, b)
        key = frozenset({frozenset(ref_a.spans), frozenset(ref_b.spans)})
        found.setdefault(
            key, PredictedPairRef(id=pair_id, claim_a=ref_a, claim_b=ref_b, hard_negative=pair_id in hard)
        )
    return found


def _claim_ref(prediction: Analysis, claim_id: str) -> PredictedClaimRef:
    claim = prediction.claim(claim_id)
    try:
        actor = prediction.actor(claim.actor_id).name
    except KeyError:
        actor = claim.actor_id
    evidence = " … ".join(span.text for span in claim.evidence)
    return PredictedClaimRef(
        id=claim.id,
        actor=actor,
        evidence=_cut(evidence),
        spans=sorted((span.start, span.end) for span in claim.evidence),
    )


def _cut(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1] + "…"


def _header(run: LoadedRun) -> RunHeader:
    record = run.record
    return RunHeader(
        path=str(run.path),
        run_id=record.run_id,
        model=record.model,
        provider=record.provider,
        pipeline=record.pipeline,
        status=record.status,
        articles=record.totals.articles,
        failed=record.totals.failed,
    )


def _differing_datasets(a: RunRecord, b: RunRecord) -> list[str]:
    hashes_a = {d.name: sorted(f.sha256 for f in d.files) for d in a.datasets}
    hashes_b = {d.name: sorted(f.sha256 for f in d.files) for d in b.datasets}
    return sorted(name for name in hashes_a.keys() & hashes_b.keys() if hashes_a[name] != hashes_b[name])


def _differing_prompts(a: RunRecord, b: RunRecord) -> list[str]:
    prompts_a = {(p.name, p.sha256) for p in a.prompts}
    prompts_b = {(p.name, p.sha256) for p in b.prompts}
    return sorted({name for name, _ in prompts_a ^ prompts_b})


# ---------------------------------------------------------------------------------------------------
# Rendering


def comparison_report(comparison: Comparison) -> Group:
    """A rich renderable: the two runs, warnings, the delta table, then the flips per article."""
    parts: list[Table | Text] = []
    for side, header in (("A", comparison.run_a), ("B", comparison.run_b)):
        parts.append(
            _safe(
                f"{side}: {header.run_id} ({header.model}, {header.provider}, {header.pipeline}; "
                f"{header.articles} articles, {header.failed} failed; {header.status})",
                "bold",
            )
        )
    parts.extend(_warnings(comparison))
    parts.append(_delta_table(comparison.deltas))
    if comparison.rule_changes:
        parts.append(_rule_table(comparison.rule_changes))
    if not comparison.articles:
        parts.append(Text(f"No article changed ({comparison.unchanged_articles} compared)."))
    else:
        parts.append(
            Text(f"{len(comparison.articles)} article(s) changed, {comparison.unchanged_articles} unchanged:")
        )
    for flips in comparison.articles:
        parts.extend(_flip_lines(flips))
    return Group(*parts)


def _warnings(comparison: Comparison) -> list[Text]:
    lines: list[Text] = []
    if comparison.differing_datasets:
        names = ", ".join(comparison.differing_datasets)
        lines.append(_safe(f"warning: dataset files differ between the runs: {names}", "yellow"))
    if comparison.only_in_a or comparison.only_in_b:
        lines.append(
            _safe(
                f"warning: the runs scored different articles ({len(comparison.only_in_a)} only in A, "
                f"{len(comparison.only_in_b)} only in B): totals are not directly comparable",
                "yellow",
            )
        )
    if comparison.differing_prompts:
        lines.append(_safe(f"note: prompts differ: {', '.join(comparison.differing_prompts)}", "dim"))
    return lines


def _delta_table(deltas: list[Delta]) -> Table:
    table = Table(title="Totals: B - A")
    table.add_column("Metric")
    table.add_column("Scope")
    for name in ("A", "B", "B - A"):
        table.add_column(name, justify="right")
    for d in deltas:
        delta = d.delta
        style = "" if d.improved is None else ("green" if d.improved else "red")
        rate = d.name in METRIC_NAMES
        shown_delta = "—" if delta is None else format_number(delta, rate, signed=True)
        table.add_row(
            d.name,
            d.scope,
            format_number(d.a, rate),
            format_number(d.b, rate),
            Text(shown_delta, style=style),
        )
    return table


def _rule_table(changes: list[RuleChange]) -> Table:
    table = Table(title="Code rules whose decisions changed: A -> B")
    table.add_column("Rule")
    for name in ("decisions", "gold claims lost", "kept", "gold contradictions lost", "found"):
        table.add_column(name, justify="right")
    fields = (
        "decisions",
        "gold_claims_lost",
        "gold_claims_kept",
        "gold_contradictions_lost",
        "gold_contradictions_found",
    )
    for change in changes:
        cells = []
        for field in fields:
            before = getattr(change.a, field) if change.a else 0
            after = getattr(change.b, field) if change.b else 0
            cells.append(f"{before} -> {after}" if before != after else str(after))
        table.add_row(Text(single_line(change.rule)), *cells)
    return table


def format_number(value: float | None, rate: bool, *, signed: bool = False) -> str:
    """Rates with 3 decimals; counts as whole numbers, or with 1 decimal when they are means."""
    if value is None:
        return "—"
    sign = "+" if signed else ""
    if rate:
        return f"{value:{sign}.3f}"
    return f"{value:{sign}.0f}" if float(value).is_integer() else f"{value:{sign}.1f}"


def _flip_lines(f: ArticleFlips) -> list[Text]:
    """'+' lines are changes for the better (green), '-' lines for the worse (red)."""
    lines = [_safe(f"{f.dataset}/{f.article_id}", "bold")]
    if f.status_a != f.status_b:
        lines.append(Text("  ") + _safe(f"status: {f.status_a} -> {f.status_b}", "yellow"))
    better: list[str] = [
        *(f"found claim {c.id} ({c.actor}): {_quote(c.evidence)}" for c in f.claims_now_found),
        *(
            f"removed false-positive claim ({c.actor}): {_quote(c.evidence)}"
            for c in f.removed_false_positive_claims
        ),
        *(f"found contradiction {k.id} ({k.a} vs {k.b}, {k.kind})" for k in f.contradictions_now_found),
        *(f"removed false-positive pair{_hard(p)}: {_pair(p)}" for p in f.removed_false_positive_pairs),
        *(f"found narrator claim {c.id}: {_quote(c.evidence)}" for c in f.narrator_claims_now_found),
        *(f"found record contradiction {k.id} ({k.kind})" for k in f.records_now_found),
        *(
            f"removed false-positive record pair{_hard(p)}: {_pair(p)}"
            for p in f.removed_false_positive_records
        ),
    ]
    worse: list[str] = [
        *(f"missed claim {c.id} ({c.actor}): {_quote(c.evidence)}" for c in f.claims_now_missed),
        *(f"new false-positive claim ({c.actor}): {_quote(c.evidence)}" for c in f.new_false_positive_claims),
        *(f"missed contradiction {k.id} ({k.a} vs {k.b}, {k.kind})" for k in f.contradictions_now_missed),
        *(f"new false-positive pair{_hard(p)}: {_pair(p)}" for p in f.new_false_positive_pairs),
        *(f"missed narrator claim {c.id}: {_quote(c.evidence)}" for c in f.narrator_claims_now_missed),
        *(f"missed record contradiction {k.id} ({k.kind})" for k in f.records_now_missed),
        *(f"new false-positive record pair{_hard(p)}: {_pair(p)}" for p in f.new_false_positive_records),
    ]
    lines += [Text("  + ", style="green") + _safe(line, "green") for line in better]
    lines += [Text("  - ", style="red") + _safe(line, "red") for line in worse]
    return lines


def _hard(pair: PredictedPairRef) -> str:
    return " (hard negative)" if pair.hard_negative else ""


def _pair(pair: PredictedPairRef) -> str:
    a, b = pair.claim_a, pair.claim_b
    return f"{_quote(a.evidence)} ({a.actor}) vs {_quote(b.evidence)} ({b.actor})"


def _quote(text: str) -> str:
    return in_quotation_marks(text)


def _safe(text: str, style: str = "") -> Text:
    return Text(single_line(text), style=style)


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    """Print `comparison_report` (stdout by default)."""
    (console or Console()).print(comparison_report(comparison))
