"""One conflict, reported once: a contradiction's further pairs (`Contradiction.also`) are checked by
the output contract and shown by every report (hand-made analyses, no model)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from counterclaim.models import Analysis
from counterclaim.render.html import render_html
from counterclaim.render.markdown import render_markdown
from counterclaim.render.text import render_text
from render_fixtures import HANDMADE_ARTICLE, handmade_analysis


def _with_also(also: list[tuple[str, str]]) -> Analysis:
    analysis = handmade_analysis()
    (conflict,) = analysis.contradictions
    data = analysis.model_dump(mode="json")
    data["contradictions"] = [{**conflict.model_dump(mode="json"), "also": [list(pair) for pair in also]}]
    return Analysis.model_validate(data)


def test_every_report_lists_the_further_pairs_of_a_conflict() -> None:
    analysis = _with_also([("c2", "c3")])
    assert "The same conflict also between: c2 and c3" in render_text(analysis, width=200)
    assert "The same conflict also between:" in render_markdown(analysis)
    page = render_html(analysis, HANDMADE_ARTICLE)
    assert 'class="also"' in page and "The same conflict also between:" in page


def test_a_conflict_without_further_pairs_shows_no_such_line() -> None:
    analysis = handmade_analysis()
    assert "also between" not in render_text(analysis, width=200) + render_markdown(analysis)


@pytest.mark.parametrize(
    "also",
    [
        [("c1", "c3")],  # the main pair again
        [("c3", "c1")],  # reversed
        [("c2", "c2")],  # a claim with itself
        [("c2", "c3"), ("c3", "c2")],  # one further pair twice
        [("c2", "c99")],  # an unknown claim
    ],
)
def test_the_contract_refuses_further_pairs_that_are_no_new_pair(also: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError):
        _with_also(also)
