"""render_text / print_text on hand-made analyses (render_fixtures)."""

from __future__ import annotations

import re
from io import StringIO

from rich.console import Console

from counterclaim.models import Actor, ActorKind, Analysis, Claim, ClaimKind, Span
from counterclaim.render.markdown import render_markdown
from counterclaim.render.restatement import restates_evidence
from counterclaim.render.text import print_text, render_text
from html_fixtures import FOUNDING_ID, recorded_analyses
from render_fixtures import handmade_analysis, handmade_empty_analysis, span_of

SGR = re.compile(r"\x1b\[[0-9;]*m")


def _line_with(output: str, fragment: str) -> str:
    lines = [line for line in output.splitlines() if fragment in line]
    assert lines, f"{fragment!r} not in output"
    return lines[0]


def test_header_reports_article_model_and_usage() -> None:
    output = render_text(handmade_analysis())
    assert "551 article chars" in output
    assert "smollm2-360m-instruct" in output
    assert "local" in output
    assert "7 model calls" in output
    assert "5,120 prompt + 880 completion tokens" in output
    assert "42.5 s" in output
    assert "Note: Article converted from HTML." in output


def test_sections_appear_in_order() -> None:
    output = render_text(handmade_analysis())
    positions = [output.index(title) for title in ("Summary", "Actors and claims", "Contradictions")]
    assert positions == sorted(positions)


def test_summary_sentences_carry_their_citations() -> None:
    output = render_text(handmade_analysis(), width=200)
    assert _line_with(output, "The contractor says it cannot open").endswith("[c3, c4]")
    assert "[c1, c2]" in output


def test_actors_show_kind_role_aliases_and_their_claims_with_quotes() -> None:
    output = render_text(handmade_analysis(), width=200)
    heading = _line_with(output, "Elena Duarte (person)")
    assert "Mayor of Riverton" in heading
    assert "Duarte, the mayor" in heading
    claim_line = _line_with(output, "c2 ")
    assert "assertion" in claim_line
    assert "The bridge repairs are on schedule and on budget." in claim_line
    assert "“The repairs are on schedule and on budget”" in output
    hedged_line = _line_with(output, "c5 ")
    assert "(hedged)" in hedged_line
    assert "accusation" in hedged_line
    assert "(hedged)" not in _line_with(output, "c1 ")
    assert (
        output.index("Elena Duarte (person)") < output.index("c1 ") < output.index("Halvorsen Construction (")
    )


def test_claims_with_several_evidence_spans_quote_each() -> None:
    output = render_text(handmade_analysis(), width=200)
    assert "“We have not received the steel for the deck”" in output
    assert "“the bridge cannot open before September”" in output


def test_contradiction_shows_kind_confidence_explanation_and_both_quotes_side_by_side() -> None:
    for width in (100, 70):
        output = render_text(handmade_analysis(), width=width)
        contradictions = output[output.index("Contradictions") :]
        assert "k1 factual · confidence 0.90" in contradictions
        assert "the contractor says not" in contradictions
        headers = _line_with(contradictions, "Elena Duarte · c1")
        assert "Halvorsen Construction · c3" in headers
        quotes = _line_with(contradictions, "“The Old Mill")
        assert "“We have not" in quotes


def test_lines_fit_the_requested_width() -> None:
    for width in (60, 100, 140):
        output = render_text(handmade_analysis(), width=width)
        assert max(len(line) for line in output.splitlines()) <= width


def test_empty_analysis_says_no_claims_found() -> None:
    output = render_text(handmade_empty_analysis())
    assert "No claims found." in output
    assert "No contradictions found." in output
    assert "No summary." in output


def test_no_claims_found_is_absent_when_there_are_claims() -> None:
    assert "No claims found." not in render_text(handmade_analysis())


def test_plain_output_has_no_escape_and_color_output_only_styling_escapes() -> None:
    analysis = handmade_analysis()
    assert "\x1b" not in render_text(analysis, color=False)
    colored = render_text(analysis, color=True)
    assert "\x1b[" in colored
    assert "\x1b" not in SGR.sub("", colored)
    unstyled = [line.rstrip() for line in SGR.sub("", colored).splitlines()]
    assert unstyled == render_text(analysis, color=False).splitlines()


def _analysis_with_actor_name(name: str) -> Analysis:
    base = handmade_analysis()
    words = "The repairs are on schedule and on budget"
    return Analysis(
        article_chars=base.article_chars,
        article_sha256=base.article_sha256,
        actors=[Actor(id="a1", name=name, kind=ActorKind.PERSON)],
        claims=[
            Claim(
                id="c1", actor_id="a1", statement=words, kind=ClaimKind.ASSERTION, evidence=[span_of(words)]
            )
        ],
        run=base.run,
    )


def test_rich_markup_in_content_is_shown_literally() -> None:
    analysis = _analysis_with_actor_name("[bold red]Mallory[/bold red] :skull:")
    assert "[bold red]Mallory[/bold red] :skull:" in render_text(analysis)
    colored = SGR.sub("", render_text(analysis, color=True))
    assert "[bold red]Mallory[/bold red] :skull:" in colored


def test_print_text_ignores_markup_on_a_markup_enabled_console() -> None:
    buffer = StringIO()
    console = Console(file=buffer, width=100, force_terminal=False, markup=True, emoji=True, highlight=True)
    print_text(_analysis_with_actor_name("[link=http://evil]x[/link] :skull:"), console)
    assert "[link=http://evil]x[/link] :skull:" in buffer.getvalue()


def test_escapes_in_content_are_removed_not_printed() -> None:
    analysis = _analysis_with_actor_name("\x1b]0;owned\x07Mal\x1b[2Jlory\x9b31m\u202eyrrab")
    for color in (False, True):
        output = SGR.sub("", render_text(analysis, color=color))
        assert "]0;ownedMal[2Jlory31myrrab" in output
        assert "\x1b" not in output
        assert "\x9b" not in output
        assert "\u202e" not in output


def test_a_statement_that_copies_its_evidence_is_shown_once() -> None:
    words = "The Old Mill Bridge will reopen to traffic in March, Mayor Elena Duarte said on Tuesday."
    copy = Claim(
        id="c9",
        actor_id="a1",
        statement="The Old Mill Bridge will reopen to traffic in March, Mayor Elena Duarte said on Tuesday",
        kind=ClaimKind.ASSERTION,
        evidence=[span_of(words)],
    )
    analysis = handmade_analysis().model_copy(update={"claims": [copy], "contradictions": [], "summary": []})
    assert render_text(analysis, width=200).count("reopen to traffic in March") == 1
    assert restates_evidence(copy)
    own_words = copy.model_copy(update={"statement": "Duarte says the bridge reopens in March."})
    assert not restates_evidence(own_words)
    both = analysis.model_copy(update={"claims": [own_words]})
    assert render_text(both, width=200).count("in March") == 2
    # the point without its frame is still a copy; a part that leaves more than a frame is shown
    assert restates_evidence(
        copy.model_copy(update={"statement": "The Old Mill Bridge will reopen to traffic"})
    )
    assert not restates_evidence(copy.model_copy(update={"statement": "Duarte said on Tuesday"}))
    long_words = (
        "NATO on Wednesday disputed the claim, a day after Moscow said it had started withdrawing "
        "thousands of its troops and tanks from the Crimean peninsula and the border regions."
    )
    long_copy = copy.model_copy(update={"evidence": [Span(start=0, end=len(long_words), text=long_words)]})
    part = "it had started withdrawing thousands of its troops and tanks from the Crimean peninsula"
    assert not restates_evidence(long_copy.model_copy(update={"statement": part}))
    # whole words only: "Five people died" is no part of "Twenty-five people died"
    toll_words = "Twenty-five people died in the blast."
    toll = copy.model_copy(update={"evidence": [Span(start=0, end=len(toll_words), text=toll_words)]})
    assert not restates_evidence(toll.model_copy(update={"statement": "Five people died in the blast."}))


def test_article_words_that_open_a_quotation_are_set_in_single_marks() -> None:
    """The founding article's evidence that opens a quotation used to print after a second opening mark."""
    analysis = recorded_analyses()[FOUNDING_ID]
    opening = [span.text for claim in analysis.claims for span in claim.evidence if span.text[:1] == "“"]
    assert opening, "the recorded founding analysis has evidence that opens a quotation"
    text_output = render_text(analysis, width=400)
    markdown_output = render_markdown(analysis)
    for output in (text_output, markdown_output):
        assert "““" not in output
        assert f"\u2018{opening[0]}\u2019" in output
    assert "“The repairs are on schedule and on budget”" in render_text(handmade_analysis(), width=200)
