"""An Analysis as readable terminal output, built with rich.

Every string taken from the analysis goes through `single_line` (terminal-safe, whitespace
collapsed) and into a rich `Text` object, so article or model text is never parsed as rich markup
and can never emit escape sequences of its own.
"""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from counterclaim.models import Actor, Analysis, Claim, Contradiction, RunMetadata
from counterclaim.render.quoting import in_quotation_marks
from counterclaim.render.restatement import restates_evidence
from counterclaim.render.terminal_safety import single_line

NO_CLAIMS = "No claims found."
NO_CONTRADICTIONS = "No contradictions found."
NO_SUMMARY = "No summary."
NOT_LOOKED_FOR = "Not looked for: this analysis was asked for claims only."


def empty_summary_message(analysis: Analysis) -> str:
    """What an empty summary section says (no summary, or none asked for)."""
    return NOT_LOOKED_FOR if analysis.run.scope == "claims" else NO_SUMMARY


def empty_contradictions_message(analysis: Analysis) -> str:
    """What an empty contradictions section says (none found, or none looked for)."""
    return NOT_LOOKED_FOR if analysis.run.scope == "claims" else NO_CONTRADICTIONS


def same_conflict_pairs(contradiction: Contradiction) -> str:
    """The further claim pairs of one conflict (`Contradiction.also`), e.g. "c3 and c5; c4 and c7"."""
    return "; ".join(f"{a} and {b}" for a, b in contradiction.also)


INDENT = 2


def render_text(analysis: Analysis, *, width: int = 100, color: bool = False) -> str:
    """The analysis as terminal text `width` columns wide; ANSI styling only when `color` is true."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard" if color else None,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    print_text(analysis, console)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def print_text(analysis: Analysis, console: Console) -> None:
    """Print the analysis to `console` (markup, emoji and highlighting never apply to its content)."""
    console.print(text_report(analysis), markup=False, emoji=False, highlight=False)


def text_report(analysis: Analysis) -> Group:
    """The whole report as one rich renderable."""
    return Group(
        _header(analysis),
        _section("Summary"),
        _summary(analysis),
        _section("Actors and claims"),
        _actors_and_claims(analysis),
        _section("Contradictions"),
        _contradictions(analysis),
    )


def _section(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", characters="─")


def _indented(renderable: RenderableType) -> Padding:
    return Padding(renderable, (0, 0, 0, INDENT), expand=False)


def _header(analysis: Analysis) -> Group:
    run = analysis.run
    lines: list[RenderableType] = [
        Text("counterclaim analysis", style="bold"),
        Text(
            f"{analysis.article_chars:,} article chars · model {single_line(run.model)} "
            f"({single_line(run.provider)}, {single_line(run.pipeline)} pipeline)",
            style="dim",
        ),
        Text(_usage(run), style="dim"),
    ]
    lines.extend(Text(f"Note: {single_line(notice)}", style="yellow") for notice in run.notices)
    lines.append(Text())
    return Group(*lines)


def _usage(run: RunMetadata) -> str:
    cached = f" ({run.cached_calls:,} from cache)" if run.cached_calls else ""
    return (
        f"{run.model_calls:,} model calls{cached} · {run.prompt_tokens:,} prompt + "
        f"{run.completion_tokens:,} completion tokens · {run.seconds:.1f} s"
    )


def _summary(analysis: Analysis) -> RenderableType:
    if not analysis.summary:
        return _indented(Group(Text(empty_summary_message(analysis), style="italic"), Text()))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for number, sentence in enumerate(analysis.summary, start=1):
        line = Text(single_line(sentence.text))
        if sentence.claim_ids:
            cited = ", ".join(single_line(claim_id) for claim_id in sentence.claim_ids)
            line.append(f" [{cited}]", style="cyan")
        grid.add_row(Text(f"{number}."), line)
    return _indented(Group(grid, Text()))


def _actors_and_claims(analysis: Analysis) -> RenderableType:
    blocks: list[RenderableType] = []
    if not analysis.claims:
        blocks.append(Text(NO_CLAIMS, style="italic"))
    for actor in analysis.actors:
        claims = [claim for claim in analysis.claims if claim.actor_id == actor.id]
        blocks.append(_actor_block(actor, claims))
    blocks.append(Text())
    return _indented(Group(*blocks))


def _actor_block(actor: Actor, claims: list[Claim]) -> Group:
    heading = Text()
    heading.append(single_line(actor.name), style="bold")
    heading.append(f" ({single_line(actor.kind.value)})")
    if actor.role:
        heading.append(f" — {single_line(actor.role)}")
    if actor.aliases:
        heading.append(" · also: " + ", ".join(single_line(alias) for alias in actor.aliases), style="dim")
    if not claims:
        return Group(heading, _indented(Text("no claims attributed", style="dim")))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(no_wrap=True)
    grid.add_column()
    for claim in claims:
        grid.add_row(Text(single_line(claim.id)), Text(claim.kind.value), _statement_with_quotes(claim))
    return Group(heading, _indented(grid))


def _statement_with_quotes(claim: Claim) -> Text:
    """The statement, then the article's words; only the words when the statement merely copies them."""
    body = Text()
    if claim.hedged:
        body.append("(hedged) ", style="yellow")
    lines: list[tuple[str, str]] = [] if restates_evidence(claim) else [(single_line(claim.statement), "")]
    lines.extend((_quoted(span.text), "italic green") for span in claim.evidence)
    for index, (line, style) in enumerate(lines):
        if index:
            body.append("\n")
        body.append(line, style=style)
    return body


def _quoted(article_words: str) -> str:
    return in_quotation_marks(single_line(article_words))


def _contradictions(analysis: Analysis) -> RenderableType:
    if not analysis.contradictions:
        return _indented(Text(empty_contradictions_message(analysis), style="italic"))
    return _indented(Group(*(_contradiction_block(analysis, k) for k in analysis.contradictions)))


def _contradiction_block(analysis: Analysis, contradiction: Contradiction) -> Group:
    heading = Text()
    heading.append(single_line(contradiction.id), style="bold cyan")
    heading.append(f" {single_line(contradiction.kind.value)}", style="bold")
    heading.append(f" · confidence {contradiction.confidence:.2f}")
    explanation = Text(single_line(contradiction.explanation))
    claim_a = analysis.claim(contradiction.claim_a)
    claim_b = analysis.claim(contradiction.claim_b)
    # The headers are an ordinary first row because rich bottom-aligns real header cells.
    table = Table(box=box.ROUNDED, expand=True, show_header=False, padding=(0, 1))
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    table.add_row(_claim_header(analysis, claim_a), _claim_header(analysis, claim_b), end_section=True)
    table.add_row(_side(claim_a), _side(claim_b))
    if not contradiction.also:
        return Group(heading, explanation, table, Text())
    pairs = single_line(same_conflict_pairs(contradiction))
    also = Text(f"The same conflict also between: {pairs}", style="dim")
    return Group(heading, explanation, table, also, Text())


def _claim_header(analysis: Analysis, claim: Claim) -> Text:
    header = Text(single_line(analysis.actor(claim.actor_id).name), style="bold")
    header.append(f" · {single_line(claim.id)}", style="cyan")
    return header


def _side(claim: Claim) -> Text:
    """One column of a contradiction: the article's words first, so both quotes start on one row."""
    side = Text()
    for span in claim.evidence:
        side.append(_quoted(span.text), style="italic green")
        side.append("\n")
    side.append(f"{single_line(claim.kind.value)}", style="dim")
    if claim.hedged:
        side.append(" (hedged)", style="dim yellow")
    if not restates_evidence(claim):
        side.append(f": {single_line(claim.statement)}", style="dim")
    return side
