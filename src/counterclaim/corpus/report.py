"""`report.md` of a batch run: where the run stands, the actors most often quoted, the articles with the
most contradictions, and the failures. Every name and message from an article or a server is escaped
before it enters the Markdown (no link, image or HTML smuggled in).

What the report shows is chosen here once (`most_quoted_actors`, `most_contradicted_articles`,
`listed_failures` and the overview lines) and used by both pages: this Markdown one and `report.html`
(`corpus.html_report`), which escapes the same text for HTML instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from counterclaim.corpus.run_folder import ArticleDigest
from counterclaim.corpus.run_records import BatchRunRecord, FailureRow
from counterclaim.render.markdown_escape import escape_markdown

TOP_ACTORS = 15
TOP_ARTICLES = 10
LISTED_FAILURES = 50
RETRY_HINT = "Run the same command with --retry-failed to analyse them again."


@dataclass(frozen=True)
class QuotedActor:
    """An actor across the run: the first form of its name seen, its claims and the articles quoting it."""

    name: str
    claims: int
    articles: int


def _as_is(text: str) -> str:
    return text


def status_text(record: BatchRunRecord) -> str:
    """The run's status and, when it stopped early, why (the reason as written: untrusted)."""
    return record.status + (f" ({record.stop_reason})" if record.stop_reason else "")


def articles_line(record: BatchRunRecord) -> str:
    """How many articles are analysed, failed and left, of how many."""
    counts = record.counts
    return (
        f"{counts.done} article(s) analysed, {counts.failed} failed, {counts.remaining} not yet analysed "
        f"(of {counts.articles} in the inputs)"
    )


def model_line(record: BatchRunRecord, escape: Callable[[str], str] = _as_is) -> str:
    """Provider and model (each passed through `escape`), pipeline, scope and how the model was asked."""
    identity = record.identity
    return (
        f"{escape(identity.provider)}/{escape(identity.model)}, {identity.pipeline} pipeline, scope "
        f"{identity.scope}; via {record.sessions[-1].via if record.sessions else '?'}"
    )


def cost_line(record: BatchRunRecord) -> str:
    """Model calls, tokens and, when the model's price is known, what they cost."""
    cost = record.cost
    return (
        f"{cost.totals.model_calls:,} model calls ({cost.totals.cached_calls:,} from the cache), "
        f"{cost.totals.prompt_tokens:,} prompt + {cost.totals.completion_tokens:,} completion tokens"
        + (
            f", about ${cost.usd:,.4f} at the {cost.price.basis.split(';')[0]} price"
            if cost.usd is not None and cost.price
            else ""
        )
    )


def time_line(record: BatchRunRecord) -> str:
    """The running time of every session together."""
    return f"{record.timing.wall_seconds:,.0f} s of running time over {len(record.sessions)} session(s)"


def most_quoted_actors(digests: Iterable[ArticleDigest]) -> list[QuotedActor]:
    """The `TOP_ACTORS` actors with the most claims across the articles, the forms of a name that differ
    only in case or spacing counted as one (shown as the first form seen)."""
    claims: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for digest in digests:
        for name, count in digest.claims_by_actor.items():
            key = " ".join(name.casefold().split())
            shown.setdefault(key, name)
            claims[key] += count
            articles[key] += 1
    return [QuotedActor(shown[key], count, articles[key]) for key, count in claims.most_common(TOP_ACTORS)]


def most_contradicted_articles(digests: Iterable[ArticleDigest]) -> list[ArticleDigest]:
    """The `TOP_ARTICLES` articles with the most contradictions (none without one), most first."""
    ranked = sorted((d for d in digests if d.contradictions), key=lambda d: (-d.contradictions, d.id))
    return ranked[:TOP_ARTICLES]


def listed_failures(failures: Sequence[FailureRow]) -> tuple[list[FailureRow], int]:
    """The failures a report lists (the first `LISTED_FAILURES`), and how many more there are."""
    return list(failures[:LISTED_FAILURES]), max(len(failures) - LISTED_FAILURES, 0)


def batch_report(
    record: BatchRunRecord, done: Iterable[ArticleDigest], failures: Sequence[FailureRow]
) -> str:
    """`report.md` of the run `record` describes, from its finished articles and its failures."""
    digests = list(done)
    lines = [
        "# counterclaim batch run",
        "",
        f"Status: **{record.status}**" + (f" ({_cell(record.stop_reason)})" if record.stop_reason else ""),
        "",
        f"- {articles_line(record)}",
        f"- model: {model_line(record, _cell)}",
        f"- {cost_line(record)}",
        f"- {time_line(record)}",
        "",
    ]
    lines += _actors(digests)
    lines += _contradictions(digests)
    lines += _failures(failures)
    return "\n".join(lines).rstrip() + "\n"


def _actors(digests: Sequence[ArticleDigest]) -> list[str]:
    actors = most_quoted_actors(digests)
    lines = ["## Actors most often quoted", ""]
    if not actors:
        return [*lines, "No claims yet.", ""]
    lines += ["| actor | claims | articles |", "|---|---:|---:|"]
    lines += [f"| {_cell(actor.name)} | {actor.claims} | {actor.articles} |" for actor in actors]
    return [*lines, ""]


def _contradictions(digests: Sequence[ArticleDigest]) -> list[str]:
    ranked = most_contradicted_articles(digests)
    lines = ["## Articles with the most contradictions", ""]
    if not ranked:
        return [*lines, "No contradictions found yet.", ""]
    lines += ["| article | contradictions | claims |", "|---|---:|---:|"]
    lines += [f"| {_cell(d.id)} | {d.contradictions} | {d.claims} |" for d in ranked]
    return [*lines, ""]


def _failures(failures: Sequence[FailureRow]) -> list[str]:
    lines = ["## Failures", ""]
    if not failures:
        return [*lines, "None.", ""]
    listed, more = listed_failures(failures)
    lines += ["| article | error | message |", "|---|---|---|"]
    for row in listed:
        lines.append(f"| {_cell(row.id)} | {row.failure.error} | {_cell(row.failure.message)} |")
    if more:
        lines.append(f"\n{more} more in failures.jsonl.")
    return [*lines, "", RETRY_HINT, ""]


def _cell(text: str) -> str:
    """Text made safe for a Markdown table cell: one line, every active character escaped (`|` too)."""
    return escape_markdown(text)
