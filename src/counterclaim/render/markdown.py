"""An Analysis as a Markdown report.

Every string taken from the analysis goes through `escape_markdown`, so article or model text can
never become an image, a link, raw HTML or a Markdown structure (see `markdown_escape`).
"""

from __future__ import annotations

from collections.abc import Iterable

from counterclaim.models import Actor, Analysis, Claim, Contradiction
from counterclaim.render.markdown_escape import escape_markdown
from counterclaim.render.quoting import in_quotation_marks
from counterclaim.render.restatement import restates_evidence
from counterclaim.render.text import (
    NO_CLAIMS,
    empty_contradictions_message,
    empty_summary_message,
    same_conflict_pairs,
)


def render_markdown(analysis: Analysis) -> str:
    """The analysis as a Markdown document ending with a newline."""
    blocks = [
        *_header(analysis),
        "## Summary",
        *_summary(analysis),
        "## Actors and claims",
        *_actors_and_claims(analysis),
        "## Contradictions",
        *_contradictions(analysis),
    ]
    return "\n\n".join(blocks) + "\n"


def _header(analysis: Analysis) -> list[str]:
    run = analysis.run
    facts = [
        f"- **Article:** {analysis.article_chars:,} characters, "
        f"sha256 {escape_markdown(analysis.article_sha256)}",
        f"- **Model:** {escape_markdown(run.model)} ({escape_markdown(run.provider)}, "
        f"{escape_markdown(run.pipeline)} pipeline)",
        f"- **Usage:** {run.model_calls:,} model calls"
        f"{f' ({run.cached_calls:,} from cache)' if run.cached_calls else ''}, "
        f"{run.prompt_tokens:,} prompt + "
        f"{run.completion_tokens:,} completion tokens, {run.seconds:.1f} s",
    ]
    facts.extend(f"- **Note:** {escape_markdown(notice)}" for notice in run.notices)
    return ["# counterclaim analysis", "\n".join(facts)]


def _summary(analysis: Analysis) -> list[str]:
    if not analysis.summary:
        return [f"_{empty_summary_message(analysis)}_"]
    items = []
    for number, sentence in enumerate(analysis.summary, start=1):
        item = f"{number}. {escape_markdown(sentence.text)}"
        if sentence.claim_ids:
            item += f" \\[{_claim_list(sentence.claim_ids)}\\]"
        items.append(item)
    return ["\n".join(items)]


def _claim_list(claim_ids: Iterable[str]) -> str:
    return ", ".join(escape_markdown(claim_id) for claim_id in claim_ids)


def _actors_and_claims(analysis: Analysis) -> list[str]:
    blocks = [f"_{NO_CLAIMS}_"] if not analysis.claims else []
    for actor in analysis.actors:
        claims = [claim for claim in analysis.claims if claim.actor_id == actor.id]
        blocks.extend(_actor_blocks(actor, claims))
    return blocks


def _actor_blocks(actor: Actor, claims: list[Claim]) -> list[str]:
    about = [f"_{escape_markdown(actor.kind.value)}_"]
    if actor.role:
        about.append(escape_markdown(actor.role))
    if actor.aliases:
        about.append("also: " + ", ".join(escape_markdown(alias) for alias in actor.aliases))
    blocks = [f"### {escape_markdown(actor.name)}", " · ".join(about)]
    if claims:
        blocks.append("\n".join(_claim_item(claim) for claim in claims))
    else:
        blocks.append("_No claims attributed._")
    return blocks


def _claim_item(claim: Claim) -> str:
    label = escape_markdown(claim.kind.value) + (", hedged" if claim.hedged else "")
    if restates_evidence(claim):  # the statement copies the article: show the article's words once
        return f"- **{escape_markdown(claim.id)}** ({label}): {_quotes(claim)}"
    lines = [f"- **{escape_markdown(claim.id)}** ({label}): {escape_markdown(claim.statement)}"]
    lines.extend(f"  - {in_quotation_marks(escape_markdown(span.text))}" for span in claim.evidence)
    return "\n".join(lines)


def _contradictions(analysis: Analysis) -> list[str]:
    if not analysis.contradictions:
        return [f"_{empty_contradictions_message(analysis)}_"]
    blocks: list[str] = []
    for contradiction in analysis.contradictions:
        blocks.extend(_contradiction_blocks(analysis, contradiction))
    return blocks


def _contradiction_blocks(analysis: Analysis, contradiction: Contradiction) -> list[str]:
    claim_a = analysis.claim(contradiction.claim_a)
    claim_b = analysis.claim(contradiction.claim_b)
    heading = (
        f"### {escape_markdown(contradiction.id)}: {escape_markdown(contradiction.kind.value)} "
        f"(confidence {contradiction.confidence:.2f})"
    )
    table = "\n".join(
        [
            _row(_column_title(analysis, claim_a), _column_title(analysis, claim_b)),
            _row("---", "---"),
            _row(_quotes(claim_a), _quotes(claim_b)),
            _row(_statement(claim_a), _statement(claim_b)),
        ]
    )
    blocks = [heading, escape_markdown(contradiction.explanation), table]
    if contradiction.also:
        pairs = escape_markdown(same_conflict_pairs(contradiction))
        blocks.append(f"The same conflict also between: {pairs}")
    return blocks


def _row(left: str, right: str) -> str:
    """One table row; cells are already escaped, so they hold no newline and no bare `|`."""
    return f"| {left} | {right} |"


def _column_title(analysis: Analysis, claim: Claim) -> str:
    return f"{escape_markdown(analysis.actor(claim.actor_id).name)} ({escape_markdown(claim.id)})"


def _quotes(claim: Claim) -> str:
    return " … ".join(in_quotation_marks(escape_markdown(span.text)) for span in claim.evidence)


def _statement(claim: Claim) -> str:
    hedged = ", hedged" if claim.hedged else ""
    if restates_evidence(claim):
        return f"_{escape_markdown(claim.kind.value)}{hedged}_"
    return f"_{escape_markdown(claim.kind.value)}{hedged}:_ {escape_markdown(claim.statement)}"
