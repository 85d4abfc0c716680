"""render_json and the render() dispatcher on hand-made analyses."""

from __future__ import annotations

import json

from counterclaim.models import Actor, ActorKind, Analysis
from counterclaim.render import render
from counterclaim.render.json_out import render_json
from counterclaim.render.markdown import render_markdown
from counterclaim.render.text import render_text
from render_fixtures import HANDMADE_ARTICLE, handmade_analysis, handmade_empty_analysis


def test_json_round_trips_to_an_equal_analysis() -> None:
    for analysis in (handmade_analysis(), handmade_empty_analysis()):
        document = render_json(analysis)
        assert document.endswith("}\n")
        assert Analysis.model_validate_json(document) == analysis


def test_json_spans_match_the_article() -> None:
    document = json.loads(render_json(handmade_analysis()))
    for claim in document["claims"]:
        for span in claim["evidence"]:
            assert HANDMADE_ARTICLE[span["start"] : span["end"]] == span["text"]


def test_json_indent_is_configurable() -> None:
    assert render_json(handmade_analysis(), indent=4).startswith('{\n    "schema_version": "1.3"')


def test_json_escapes_terminal_active_characters_but_keeps_content() -> None:
    name = "Mal\x1b[31m\x9blory\u202e\U000e0041\x7f"
    base = handmade_empty_analysis()
    analysis = Analysis(
        article_chars=base.article_chars,
        article_sha256=base.article_sha256,
        actors=[Actor(id="a1", name=name, kind=ActorKind.PERSON)],
        run=base.run,
    )
    document = render_json(analysis)
    for raw in ("\x1b", "\x9b", "\u202e", "\U000e0041", "\x7f"):
        assert raw not in document
    assert "\\u009b" in document
    assert "\\udb40\\udc41" in document
    assert Analysis.model_validate_json(document).actors[0].name == name


def test_render_dispatches_on_format() -> None:
    analysis = handmade_analysis()
    assert render(analysis, "json") == render_json(analysis)
    assert render(analysis, "markdown") == render_markdown(analysis)
    assert render(analysis, "text", width=80) == render_text(analysis, width=80)
    assert render(analysis, "text", color=True) == render_text(analysis, color=True)
