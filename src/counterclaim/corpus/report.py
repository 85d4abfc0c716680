"""`report.md` of a batch run: where the run stands, the actors most often quoted, the articles with the
most contradictions, and the failures. Every name and message from an article or a server is escaped
before it enters the Markdown (no link, image or HTML smuggled in)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from counterclaim.corpus.run_folder import ArticleDigest
from counterclaim.corpus.run_records import BatchRunRecord, FailureRow
from counterclaim.render.markdown_escape import escape_markdown

TOP_ACTORS = 15
TOP_ARTICLES = 10
LISTED_FAILURES = 50


def batch_report(
    record: BatchRunRecord, done: Iterable[ArticleDigest], failures: Sequence[FailureRow]
) -> str:
    digests = list(done)
    counts, cost, identity = record.counts, record.cost, record.identity
    lines = [
        "# counterclaim batch run",
        "",
        f"Status: **{record.status}**" + (f" ({_cell(record.stop_reason)})" if record.stop_reason else ""),
        "",
        f"- {counts.done} article(s) analysed, {counts.failed} failed, {counts.remaining} not yet analysed "
        f"(of {counts.articles} in the inputs)",
        f"- model: {_cell(identity.provider)}/{_cell(identity.model)}, {identity.pipeline} pipeline, scope "
        f"{identity.scope}; via {record.sessions[-1].via if record.sessions else '?'}",
        f"- {cost.totals.model_calls:,} model calls ({cost.totals.cached_calls:,} from the cache), "
        f"{cost.totals.prompt_tokens:,} prompt + {cost.totals.completion_tokens:,} completion tokens"
        + (
            f", about ${cost.usd:,.4f} at the {cost.price.basis.split(';')[0]} price"
            if cost.usd is not None and cost.price
            else ""
        ),
        f"- {record.timing.wall_seconds:,.0f} s of running time over {len(record.sessions)} session(s)",
        "",
    ]
    lines += _actors(digests)
    lines += _contradictions(digests)
    lines += _failures(failures)
    return "\n".join(lines).rstrip() + "\n"


def _actors(digests: Sequence[ArticleDigest]) -> list[str]:
    claims: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for digest in digests:
        for name, count in digest.claims_by_actor.items():
            key = " ".join(name.casefold().split())
            shown.setdefault(key, name)
            claims[key] += count
            articles[key] += 1
    lines = ["## Actors most often quoted", ""]
    if not claims:
        return [*lines, "No claims yet.", ""]
    lines += ["| actor | claims | articles |", "|---|---:|---:|"]
    for key, count in claims.most_common(TOP_ACTORS):
        lines.append(f"| {_cell(shown[key])} | {count} | {articles[key]} |")
    return [*lines, ""]


def _contradictions(digests: Sequence[ArticleDigest]) -> list[str]:
    ranked = sorted((d for d in digests if d.contradictions), key=lambda d: (-d.contradictions, d.id))
    lines = ["## Articles with the most contradictions", ""]
    if not ranked:
        return [*lines, "No contradictions found yet.", ""]
    lines += ["| article | contradictions | claims |", "|---|---:|---:|"]
    lines += [f"| {_cell(d.id)} | {d.contradictions} | {d.claims} |" for d in ranked[:TOP_ARTICLES]]
    return [*lines, ""]


def _failures(failures: Sequence[FailureRow]) -> list[str]:
    lines = ["## Failures", ""]
    if not failures:
        return [*lines, "None.", ""]
    lines += ["| article | error | message |", "|---|---|---|"]
    for row in failures[:LISTED_FAILURES]:
        lines.append(f"| {_cell(row.id)} | {row.failure.error} | {_cell(row.failure.message)} |")
    if len(failures) > LISTED_FAILURES:
        lines.append(f"\n{len(failures) - LISTED_FAILURES} more in failures.jsonl.")
    return [*lines, "", "Run the same command with --retry-failed to analyse them again.", ""]


def _cell(text: str) -> str:
    """Text made safe for a Markdown table cell: one line, every active character escaped (`|` too)."""
    return escape_markdown(text)
