"""Fill in and check the evidence offsets of hand-labeled seed articles (see seeds/README.md).

    python scripts/seed_offsets.py seeds/foo.json [...]          # write missing/wrong start/end back
    python scripts/seed_offsets.py --check seeds/foo.json [...]  # validate only, exit 1 on problems

Fixing: a claim whose `text[start:end]` already equals its `evidence` is left alone. Otherwise a given
`start` is kept when the evidence sits there; else the evidence is searched in the text and must occur
exactly once (an ambiguous or missing evidence is reported, and you set `start` by hand).

Checking: every claim's offsets equal its evidence, ids are unique, every actor/claim id resolves,
contradiction kinds are known, and the text's own fields are well formed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONTRADICTION_KINDS = frozenset({"factual", "numeric", "intent", "assessment", "words_vs_deeds", "self"})
CLAIM_KINDS = frozenset(
    {"assertion", "denial", "accusation", "prediction", "demand", "threat", "promise", "assessment", "action"}
)
ACTOR_KINDS = frozenset({"person", "organisation", "government", "media", "unnamed_source"})

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a seed file."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def occurrences(text: str, needle: str) -> list[int]:
    """Every start offset of `needle` in `text`, overlapping matches included."""
    if not needle:
        return []
    found: list[int] = []
    position = text.find(needle)
    while position != -1:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _offsets_ok(text: str, claim: JsonObject) -> bool:
    start, end, evidence = claim.get("start"), claim.get("end"), claim.get("evidence")
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and isinstance(evidence, str)
        and 0 <= start <= end <= len(text)
        and text[start:end] == evidence
    )


def _with_offsets(claim: JsonObject, start: int, end: int) -> JsonObject:
    """The claim with start/end set, placed right after `evidence` to keep files readable."""
    rebuilt: JsonObject = {}
    for key, value in claim.items():
        if key in ("start", "end"):
            continue
        rebuilt[key] = value
        if key == "evidence":
            rebuilt["start"], rebuilt["end"] = start, end
    return rebuilt


def fix_offsets(article: JsonObject) -> tuple[JsonObject, list[Problem]]:
    """The article with every resolvable claim offset set, and the claims that could not be resolved."""
    text = article.get("text")
    if not isinstance(text, str):
        return article, [Problem("article", "no 'text' string")]
    problems: list[Problem] = []
    fixed_claims: list[JsonObject] = []
    for index, claim in enumerate(article.get("claims") or []):
        where = f"claim {claim.get('id', f'#{index}')}"
        evidence = claim.get("evidence")
        if _offsets_ok(text, claim):
            fixed_claims.append(claim)
            continue
        if not isinstance(evidence, str) or not evidence:
            problems.append(Problem(where, "no evidence string"))
            fixed_claims.append(claim)
            continue
        given_start = claim.get("start")
        if isinstance(given_start, int) and text[given_start : given_start + len(evidence)] == evidence:
            fixed_claims.append(_with_offsets(claim, given_start, given_start + len(evidence)))
            continue
        starts = occurrences(text, evidence)
        if len(starts) == 1:
            fixed_claims.append(_with_offsets(claim, starts[0], starts[0] + len(evidence)))
        elif not starts:
            problems.append(Problem(where, f"evidence not found in text: {evidence!r}"))
            fixed_claims.append(claim)
        else:
            problems.append(
                Problem(where, f"evidence occurs {len(starts)} times (at {starts}); set 'start' by hand")
            )
            fixed_claims.append(claim)
    return {**article, "claims": fixed_claims}, problems


def _duplicates(ids: Iterable[object]) -> list[object]:
    seen: set[object] = set()
    repeated: list[object] = []
    for item in ids:
        if item in seen and item not in repeated:
            repeated.append(item)
        seen.add(item)
    return repeated


def _check_source(article: JsonObject) -> list[Problem]:
    source = article.get("source")
    if not isinstance(source, dict):
        return [Problem("source", "missing 'source' object")]
    return [
        Problem("source", f"missing or empty '{key}'")
        for key in ("outlet", "date", "license")
        if not isinstance(source.get(key), str) or not source[key]
    ]


def _check_actors(actors: list[JsonObject]) -> list[Problem]:
    problems = [
        Problem("actors", f"duplicate actor id {i!r}") for i in _duplicates(a.get("id") for a in actors)
    ]
    for actor in actors:
        where = f"actor {actor.get('id')}"
        if not isinstance(actor.get("id"), str) or not isinstance(actor.get("name"), str):
            problems.append(Problem(where, "needs string 'id' and 'name'"))
        aliases = actor.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(Problem(where, "'aliases' must be a list of strings"))
        if "kind" in actor and actor["kind"] not in ACTOR_KINDS:
            problems.append(Problem(where, f"unknown actor kind {actor['kind']!r}"))
    return problems


def _check_claims(text: str, claims: list[JsonObject], actor_ids: set[object]) -> list[Problem]:
    problems = [
        Problem("claims", f"duplicate claim id {i!r}") for i in _duplicates(c.get("id") for c in claims)
    ]
    for claim in claims:
        where = f"claim {claim.get('id')}"
        if claim.get("actor") not in actor_ids:
            problems.append(Problem(where, f"unknown actor {claim.get('actor')!r}"))
        if not _offsets_ok(text, claim):
            problems.append(Problem(where, "start/end missing or text[start:end] != evidence"))
        if "kind" in claim and claim["kind"] not in CLAIM_KINDS:
            problems.append(Problem(where, f"unknown claim kind {claim['kind']!r}"))
    used = {claim.get("actor") for claim in claims}
    problems.extend(
        Problem(f"actor {actor_id}", "owns no claim (list only actors that make claims)")
        for actor_id in sorted(str(a) for a in actor_ids - used)
    )
    return problems


def _check_pair(where: str, pair: object, claim_ids: set[object]) -> list[Problem]:
    if not isinstance(pair, list | tuple) or len(pair) != 2:
        return [Problem(where, f"a pair must be two claim ids, got {pair!r}")]
    problems = [Problem(where, f"unknown claim {side!r}") for side in pair if side not in claim_ids]
    if pair[0] == pair[1]:
        problems.append(Problem(where, "pairs a claim with itself"))
    return problems


def _check_contradictions(article: JsonObject, claim_ids: set[object]) -> list[Problem]:
    contradictions = article.get("contradictions")
    labels = article.get("labels") or []
    if contradictions is None:
        if "contradiction" in labels:
            return [Problem("contradictions", "labeled 'contradiction' but the list is null")]
        return []
    problems = [
        Problem("contradictions", f"duplicate contradiction id {i!r}")
        for i in _duplicates(k.get("id") for k in contradictions)
    ]
    for k in contradictions:
        where = f"contradiction {k.get('id')}"
        if k.get("kind") not in CONTRADICTION_KINDS:
            problems.append(Problem(where, f"unknown kind {k.get('kind')!r}"))
        problems.extend(_check_pair(where, [k.get("a"), k.get("b")], claim_ids))
        for pair in k.get("also") or []:
            problems.extend(_check_pair(f"{where} also", pair, claim_ids))
    for index, negative in enumerate(article.get("non_contradictions") or []):
        problems.extend(
            _check_pair(f"non_contradiction #{index}", [negative.get("a"), negative.get("b")], claim_ids)
        )
    return problems


def check(article: JsonObject) -> list[Problem]:
    """Everything wrong with one seed article (empty when it is valid)."""
    text = article.get("text")
    if not isinstance(text, str):
        return [Problem("article", "no 'text' string")]
    problems: list[Problem] = []
    if not isinstance(article.get("id"), str):
        problems.append(Problem("article", "no 'id' string"))
    problems.extend(_check_source(article))
    actors: list[JsonObject] = article.get("actors") or []
    claims: list[JsonObject] = article.get("claims") or []
    problems.extend(_check_actors(actors))
    problems.extend(_check_claims(text, claims, {a.get("id") for a in actors}))
    problems.extend(_check_contradictions(article, {c.get("id") for c in claims}))
    return problems


def _load(path: Path) -> JsonObject:
    loaded = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: not a JSON object")
    return loaded


def _is_flat(value: object) -> bool:
    """True for scalars, and for lists of scalars or of lists of scalars (written on one line)."""
    if isinstance(value, list):
        return all(
            not isinstance(item, dict | list) or (isinstance(item, list) and _is_flat(item)) for item in value
        )
    return not isinstance(value, dict)


def to_json(value: object, indent: int = 0) -> str:
    """JSON with objects one key per line and short lists (aliases, pairs) kept on one line."""
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(key)}: {to_json(item, indent + 2)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and not _is_flat(value):
        items = [f"{inner}{to_json(item, indent + 2)}" for item in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def _save(path: Path, article: JsonObject) -> None:
    path.write_text(to_json(article) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path, help="seed .json files")
    parser.add_argument("--check", action="store_true", help="only validate; exit 1 on any problem")
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        article = _load(path)
        if not args.check:
            fixed, unresolved = fix_offsets(article)
            if fixed != article:
                _save(path, fixed)
                print(f"{path}: offsets written")
            article = fixed
            for problem in unresolved:
                print(f"{path}: {problem}", file=sys.stderr)
        problems = check(article)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
        if not problems:
            print(f"{path}: ok ({len(article.get('claims') or [])} claims)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
