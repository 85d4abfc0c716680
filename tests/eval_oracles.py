"""A tiny hand-made gold dataset and hand-made ORACLE predictions for testing the eval harness.

Nothing here is a recorded model response: the oracles build `Analysis` objects by hand from the gold
labels (a perfect one, and a "half" one with chosen misses and false positives) so that the expected
scores can be computed by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from counterclaim.config import Settings, load_settings
from counterclaim.models import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    ClaimKind,
    Contradiction,
    ContradictionKind,
    PromptVersion,
    RunMetadata,
    Span,
)

DAM_TEXT = (
    "Mayor Ann Lee said the dam is safe. Engineer Bob Stone said the dam is leaking. "
    "Lee said repairs are finished. Stone said repairs have not begun."
)
BRIDGE_TEXT = "The council said the bridge reopens in May. Residents said they welcome the news."

OracleFn = Callable[[str], Awaitable[Analysis]]


def _claim(text: str, claim_id: str, actor: str, evidence: str) -> dict[str, Any]:
    start = text.index(evidence)
    return {"id": claim_id, "actor": actor, "statement": evidence, "evidence": evidence,
            "start": start, "end": start + len(evidence)}  # fmt: skip


def dam_article() -> dict[str, Any]:
    """4 claims by 2 actors, 2 contradictions, 1 hard negative."""
    t = DAM_TEXT
    return {
        "id": "dam",
        "title": "Is the dam safe?",
        "text": t,
        "labels": ["attribution", "contradiction"],
        "actors": [
            {"id": "ann", "name": "Ann Lee", "aliases": ["Mayor Ann Lee", "Lee"]},
            {"id": "bob", "name": "Bob Stone", "aliases": ["Engineer Bob Stone", "Stone"]},
        ],
        "claims": [
            _claim(t, "c1", "ann", "the dam is safe"),
            _claim(t, "c2", "bob", "the dam is leaking"),
            _claim(t, "c3", "ann", "repairs are finished"),
            _claim(t, "c4", "bob", "repairs have not begun"),
        ],
        "contradictions": [
            {"id": "k1", "a": "c1", "b": "c2", "kind": "factual"},
            {"id": "k2", "a": "c3", "b": "c4", "kind": "factual"},
        ],
        "non_contradictions": [{"a": "c1", "b": "c3", "note": "both say things are fine"}],
    }


def bridge_article() -> dict[str, Any]:
    """2 claims by 2 actors, labeled with no contradiction (a negative control)."""
    t = BRIDGE_TEXT
    return {
        "id": "bridge",
        "title": "Bridge reopens",
        "text": t,
        "labels": ["attribution", "contradiction"],
        "actors": [
            {"id": "council", "name": "The council", "aliases": []},
            {"id": "residents", "name": "Residents", "aliases": []},
        ],
        "claims": [
            _claim(t, "c1", "council", "the bridge reopens in May"),
            _claim(t, "c2", "residents", "they welcome the news"),
        ],
        "contradictions": [],
        "non_contradictions": [],
    }


def write_dataset(path: Path, articles: list[dict[str, Any]]) -> Path:
    """Write `articles` as a .jsonl dataset."""
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def oracle_settings() -> Settings:
    """Settings naming a model that is never contacted (the oracles answer instead)."""
    return load_settings(
        env={}, provider="compatible", base_url="http://127.0.0.1:9/v1", model="oracle/hand-made"
    )


# ---------------------------------------------------------------------------------------------------
# Building analyses by hand


def span(text: str, evidence: str) -> Span:
    start = text.index(evidence)
    return Span(start=start, end=start + len(evidence), text=evidence)


def analysis(
    text: str,
    actors: list[tuple[str, str]],
    claims: list[tuple[str, str, str]],
    pairs: list[tuple[str, str]],
    *,
    calls: int = 0,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    seconds: float = 0.0,
) -> Analysis:
    """An Analysis of `text`: actors (id, name), claims (id, actor id, evidence text), pairs (claim ids)."""
    return Analysis(
        article_chars=len(text),
        article_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        actors=[Actor(id=i, name=n, kind=ActorKind.PERSON) for i, n in actors],
        claims=[
            Claim(id=i, actor_id=a, statement=e, kind=ClaimKind.ASSERTION, evidence=[span(text, e)])
            for i, a, e in claims
        ],
        contradictions=[
            Contradiction(
                id=f"k{n}",
                claim_a=a,
                claim_b=b,
                kind=ContradictionKind.FACTUAL,
                explanation="oracle",
                confidence=1.0,
            )
            for n, (a, b) in enumerate(pairs, start=1)
        ],
        run=RunMetadata(
            counterclaim_version="0.0.0",
            pipeline="oracle",
            provider="oracle",
            model="hand-made",
            prompts=[PromptVersion(name="oracle.j2", sha256="000000000000")],
            model_calls=calls,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            seconds=seconds,
        ),
    )


def perfect_analysis(text: str) -> Analysis:
    """The gold labels turned into a prediction: every claim, actor and contradiction right."""
    if text == DAM_TEXT:
        gold, calls, tokens, seconds = dam_article(), 4, 400, 2.0
    elif text == BRIDGE_TEXT:
        gold, calls, tokens, seconds = bridge_article(), 2, 200, 1.0
    else:
        raise AssertionError("the oracle only knows the two test articles")
    return analysis(
        text,
        [(a["id"], a["name"]) for a in gold["actors"]],
        [(c["id"], c["actor"], c["evidence"]) for c in gold["claims"]],
        [(k["a"], k["b"]) for k in gold["contradictions"]],
        calls=calls,
        prompt_tokens=tokens,
        completion_tokens=tokens // 10,
        seconds=seconds,
    )


def half_analysis(text: str) -> Analysis:
    """Chosen mistakes (scores computed by hand in the tests).

    dam: c1, c2, c3 right; c4's evidence given to the wrong actor (p4); a claim with no gold
    counterpart (p5, "Engineer Bob Stone"); pairs (p1, p2) finds k1, (p1, p3) is the hard negative.
    bridge: only the council's claim; the Residents actor missing.
    """
    if text == DAM_TEXT:
        return analysis(
            text,
            [("a1", "Ann Lee"), ("a2", "Bob Stone")],
            [
                ("p1", "a1", "the dam is safe"),
                ("p2", "a2", "the dam is leaking"),
                ("p3", "a1", "repairs are finished"),
                ("p4", "a1", "repairs have not begun"),
                ("p5", "a2", "Engineer Bob Stone"),
            ],
            [("p1", "p2"), ("p1", "p3")],
            calls=3,
            prompt_tokens=300,
            completion_tokens=30,
            seconds=1.5,
        )
    if text == BRIDGE_TEXT:
        return analysis(
            text, [("a1", "The council")], [("p1", "a1", "the bridge reopens in May")], [], calls=1
        )
    raise AssertionError("the oracle only knows the two test articles")


async def perfect_oracle(text: str) -> Analysis:
    return perfect_analysis(text)


async def half_oracle(text: str) -> Analysis:
    return half_analysis(text)


# ---------------------------------------------------------------------------------------------------
# The article's own account (narrator), scored apart

FIRE_TEXT = (
    "The fire killed 11 workers. The owner said four workers died. The union said nine workers died. "
    "The plant reopened on Monday."
)
NARRATOR_NAME = "the article"


def fire_article() -> dict[str, Any]:
    """3 claims, one of them the article's own (n1, 11 dead), and one conflict (k1, the owner's four
    against the union's nine) whose `also` pair holds n1 against the owner: a record part."""
    t = FIRE_TEXT
    return {
        "id": "fire",
        "title": "Factory fire",
        "text": t,
        "labels": ["attribution", "contradiction"],
        "actors": [
            {"id": "wire", "name": "Wire (narrator)", "aliases": []},
            {"id": "owner", "name": "The owner", "aliases": []},
            {"id": "union", "name": "The union", "aliases": []},
        ],
        "claims": [
            _claim(t, "n1", "wire", "The fire killed 11 workers"),
            _claim(t, "o1", "owner", "four workers died"),
            _claim(t, "u1", "union", "nine workers died"),
        ],
        "contradictions": [{"id": "k1", "a": "o1", "b": "u1", "kind": "numeric", "also": [["n1", "o1"]]}],
        "non_contradictions": [],
    }


def narrator_analysis(own_account: str, pairs: list[tuple[str, str]]) -> Analysis:
    """An analysis of FIRE_TEXT: the owner's p1, the union's p2 and the article's p3 (`own_account`, its
    evidence), with `pairs` as contradictions (kind record when p3 takes part)."""
    made = analysis(
        FIRE_TEXT,
        [("a1", "The owner"), ("a2", "The union"), ("a3", NARRATOR_NAME)],
        [("p1", "a1", "four workers died"), ("p2", "a2", "nine workers died"), ("p3", "a3", own_account)],
        pairs,
        calls=2,
    )
    return made.model_copy(
        update={
            "actors": [a.model_copy(update={"narrator": a.id == "a3"}) for a in made.actors],
            "contradictions": [
                k.model_copy(update={"kind": ContradictionKind.RECORD})
                if "p3" in (k.claim_a, k.claim_b)
                else k
                for k in made.contradictions
            ],
        }
    )


async def narrator_perfect_oracle(text: str) -> Analysis:
    """The fire article right: p3 is n1, k1 (p1 vs p2) finds k1 between actors, k2 (p3 vs p1) its
    record part."""
    assert text == FIRE_TEXT
    return narrator_analysis("The fire killed 11 workers", [("p1", "p2"), ("p3", "p1")])


async def narrator_wrong_oracle(text: str) -> Analysis:
    """The fire article with the narrator wrong: p3 is another sentence (n1 missed), and k2 (p3 vs p2) a
    false record pair; k1 (p1 vs p2) still finds k1 between actors."""
    assert text == FIRE_TEXT
    return narrator_analysis("The plant reopened on Monday", [("p1", "p2"), ("p3", "p2")])
