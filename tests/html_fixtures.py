"""Inputs of the HTML report tests: recorded analyses of the seed articles, and a hostile article.

Recorded: `evals/baselines/seeds-staged.samples.jsonl` holds each seed article's whole `Analysis` as
the recorded eval made it (model answers replayed, decision trace included); the article texts are
the seeds' own (`seeds/*.json`), and the founding article's file `seeds/articles/...txt`.

Hostile (hand-made, not a model answer): an article carrying markup meant to run (`<script>`,
`</style>`, `<img onerror>`, `javascript:` links, `<svg onload>`, an `<iframe>` and a style sheet to
fetch) and bidi controls, with an analysis whose every model-written string (actor names, roles,
statements, explanation, summary, notices, trace, even a claim id and the model name) carries the same.
Each payload would set `window.__pwned` if it ever ran.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from counterclaim.models import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    Decision,
    DecisionAction,
    RunMetadata,
    Span,
    SummarySentence,
)

ROOT = Path(__file__).parents[1]
BASELINE_SAMPLES = ROOT / "evals" / "baselines" / "seeds-staged.samples.jsonl"
FOUNDING_ARTICLE = ROOT / "seeds" / "articles" / "nato-russia-troop-buildup-2022-02-16.txt"
FOUNDING_ID = "seed-nato-russia-2022"


@cache
def recorded_analyses() -> dict[str, Analysis]:
    """Each seed article's recorded analysis, by article id."""
    found: dict[str, Analysis] = {}
    for line in BASELINE_SAMPLES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["prediction"] is not None:
            found[row["article_id"]] = Analysis.model_validate(row["prediction"])
    return found


@cache
def seed_texts() -> dict[str, str]:
    """Each seed article's text, by article id."""
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "seeds").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        texts[str(record["id"])] = str(record["text"])
    return texts


PWNED = "window.__pwned"
"""The global every payload sets; a page that ran none of them leaves it undefined."""

HOSTILE_ARTICLE = (
    'RIVERTON <script>window.__pwned = "article script"</script> City Hall closed its doors on Monday, '
    "Mayor Ana Ruiz said.\n\n"
    '"The </style><img src=x onerror="window.__pwned=\'img\'"> budget is gone," Ruiz told reporters, '
    "adding that the city would sue.\r\n\r\n"
    "Council member Ben Ode said <a href=\"javascript:window.__pwned='link'\">the budget</a> was fine "
    "and the mayor was wrong.\n\n"
    "A spokesman said the vote was \u202eenil no\u202c held on time "
    '<svg onload="window.__pwned=\'svg\'"></svg><iframe src="https://tracker.invalid/frame"></iframe>'
    '<link rel="stylesheet" href="https://tracker.invalid/style.css"> and that '
    "{{ 7 * 7 }} seats were filled.\n"
)
HOSTILE_SHA256 = hashlib.sha256(HOSTILE_ARTICLE.encode("utf-8")).hexdigest()
ODD_CLAIM_ID = 'c2"><img src=x onerror="window.__pwned=\'id\'">'


def _span(words: str) -> Span:
    start = HOSTILE_ARTICLE.index(words)
    return Span(start=start, end=start + len(words), text=words)


def hostile_analysis() -> Analysis:
    """An analysis of `HOSTILE_ARTICLE` whose model-written strings all carry markup."""
    script = "<script>window.__pwned='model'</script>"
    actors = [
        Actor(
            id="a1",
            name=f"Ana Ruiz {script}",
            kind=ActorKind.PERSON,
            role="Mayor <img src=x onerror=\"window.__pwned='role'\">",
            aliases=["Ruiz", "</style><style>body{display:none}</style>"],
        ),
        Actor(id="a2", name="Ben Ode <b onmouseover=\"window.__pwned='b'\">", kind=ActorKind.PERSON),
        Actor(id="a3", name="a spokesman \u202eterces\u202c", kind=ActorKind.UNNAMED_SOURCE),
    ]
    first = HOSTILE_ARTICLE[: HOSTILE_ARTICLE.index("\n\n")]
    second = HOSTILE_ARTICLE[HOSTILE_ARTICLE.index('"The') : HOSTILE_ARTICLE.index("\r\n\r\n")]
    claims = [
        Claim(
            id="c1",
            actor_id="a1",
            statement=f"City Hall closed {script}",
            kind=ClaimKind.ASSERTION,
            evidence=[_span(first)],
        ),
        Claim(
            id=ODD_CLAIM_ID,
            actor_id="a1",
            statement='The budget is gone <a href="javascript:window.__pwned=1">see</a>',
            kind=ClaimKind.ASSERTION,
            hedged=True,
            evidence=[_span(second)],
        ),
        Claim(
            id="c3",
            actor_id="a2",
            statement='The budget was fine <iframe src="https://tracker.invalid/claim"></iframe>',
            kind=ClaimKind.DENIAL,
            evidence=[
                _span(HOSTILE_ARTICLE[HOSTILE_ARTICLE.index("Council") : HOSTILE_ARTICLE.index("\n\nA ")])
            ],
        ),
        Claim(
            id="c4",
            actor_id="a3",
            statement="The vote was held on time \u202eemit\u202c",
            kind=ClaimKind.ASSERTION,
            evidence=[_span(HOSTILE_ARTICLE[HOSTILE_ARTICLE.index("A spokesman") :].rstrip("\n"))],
        ),
        Claim(  # overlaps c4: the bidi-controlled words alone
            id="c5",
            actor_id="a1",
            statement="{{ 7 * 7 }} {% raw %}",
            kind=ClaimKind.PREDICTION,
            evidence=[_span("\u202eenil no\u202c held on time")],
        ),
    ]
    return Analysis(
        article_chars=len(HOSTILE_ARTICLE),
        article_sha256=HOSTILE_SHA256,
        actors=actors,
        claims=claims,
        contradictions=[
            Contradiction(
                id="k1",
                claim_a=ODD_CLAIM_ID,
                claim_b="c3",
                kind=ContradictionKind.FACTUAL,
                explanation="</script><script>window.__pwned='explanation'</script> they disagree",
                confidence=0.9,
            )
        ],
        summary=[
            SummarySentence(
                text="Ruiz <img src=x onerror=\"window.__pwned='summary'\"> says", claim_ids=["c1"]
            ),
        ],
        run=RunMetadata(
            counterclaim_version="0.1.0",
            pipeline="staged",
            provider="local",
            model='"><script>window.__pwned="model name"</script>',
            model_calls=3,
            notices=["<style>*{display:none}</style> notice"],
            trace=[
                Decision(
                    step="claims",
                    rule="attribution.no_reporting_cue",
                    action=DecisionAction.DROPPED,
                    proposal="p9",
                    actor="<script>window.__pwned='trace'</script>",
                    sentences=[1],
                    start=0,
                    end=len(first),
                    reason="javascript:window.__pwned='reason' <a href=\"javascript:alert(1)\">x</a>",
                )
            ],
        ),
    )
