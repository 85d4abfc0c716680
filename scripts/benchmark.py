"""Compare the speed of two versions (or two settings) on the same machine, in alternation.

    python scripts/benchmark.py ARTICLE... [--old-src DIR] [--old KEY=VALUE]... [--new KEY=VALUE]...
                                [--rounds 1] [--pipeline staged]

Each article is analysed by "new" (this checkout's `src`, with the `--new` settings) and by "old" (the
`src` of another checkout given by `--old-src`, e.g. `git worktree add /tmp/v11 <commit>`, and/or the
`--old` settings), one after the other and in turns (new, old, new, old, ...), each in a fresh process
with its own embedded server, never two at once. For every run it prints wall seconds (server start
included), the analysis' own seconds, model calls, prompt and completion tokens, generated tokens per
second and peak memory, with one line per pipeline step (seconds, share of the analysis, calls, tokens:
where the time goes), then the ratio new/old per article and the median ratio. No response cache is
used (`COUNTERCLAIM_RESPONSE_CACHE` is cleared for the runs).

Settings are `Settings` field names (`compact_json=false`, `slots=2`, `concurrency=1`,
`speculation=ngram`), passed as COUNTERCLAIM_* variables.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).parents[1] / "src"
_RUN = """
import json, resource, sys, time
from pathlib import Path
import counterclaim
started = time.monotonic()
analysis = counterclaim.analyze(Path(sys.argv[1]).read_text(encoding="utf-8"), pipeline=sys.argv[2])
run = analysis.run
print(json.dumps({
    "wall": time.monotonic() - started, "seconds": run.seconds, "calls": run.model_calls,
    "prompt": run.prompt_tokens, "completion": run.completion_tokens, "claims": len(analysis.claims),
    "contradictions": len(analysis.contradictions),
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "steps": [
        [s.step, s.calls, s.prompt_tokens, s.completion_tokens, s.seconds] for s in getattr(run, "steps", [])
    ],
}))
"""


@dataclass(frozen=True)
class Side:
    name: str
    src: Path
    settings: dict[str, str]


@dataclass(frozen=True)
class Result:
    wall: float
    seconds: float
    calls: int
    prompt: int
    completion: int
    claims: int
    contradictions: int
    peak_mib: float
    steps: tuple[tuple[str, int, int, int, float], ...] = ()
    """Per step: name, calls, prompt tokens, completion tokens, seconds (where the time goes)."""

    @property
    def generated_per_second(self) -> float:
        return self.completion / self.seconds if self.seconds else 0.0


def _settings(pairs: list[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if not key or not _:
            raise SystemExit(f"not KEY=VALUE: {pair!r}")
        found[key.strip()] = value.strip()
    return found


def run(side: Side, article: Path, pipeline: str) -> Result:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_RESPONSE_CACHE")}
    env.pop("COUNTERCLAIM_CACHE_DIR", None)
    env["PYTHONPATH"] = str(side.src)
    env.update({f"COUNTERCLAIM_{key.upper()}": value for key, value in side.settings.items()})
    with tempfile.TemporaryDirectory() as scratch:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(article.resolve()), pipeline],
            capture_output=True,
            text=True,
            env=env,
            cwd=scratch,
            check=False,
        )
        wall = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"{side.name} failed on {article}: {done.stderr.strip()[-400:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    figures["steps"] = tuple(tuple(step) for step in figures.get("steps", []))
    return Result(**figures)


def show(side: Side, article: Path, result: Result) -> None:
    print(
        f"{side.name:3s} {article.name[:40]:40s} wall {result.wall:7.1f}s  analysis {result.seconds:7.1f}s  "
        f"calls {result.calls:3d}  tokens {result.prompt:6d} + {result.completion:5d}  "
        f"{result.generated_per_second:5.1f} gen tok/s  claims {result.claims:3d}  "
        f"pairs {result.contradictions:2d}  peak {result.peak_mib:6.0f} MiB",
        flush=True,
    )
    for step, calls, prompt, completion, seconds in result.steps:
        share = seconds / result.seconds if result.seconds else 0.0
        print(
            f"      {step:12s} {seconds:7.1f}s ({share:4.0%})  calls {calls:3d}  "
            f"tokens {prompt:6d} + {completion:5d}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--old-src", type=Path, default=SRC, help="the src folder of the old version")
    parser.add_argument("--old", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--new", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--pipeline", default="staged")
    args = parser.parse_args()
    new = Side("new", SRC, _settings(args.new))
    old = Side("old", args.old_src, _settings(args.old))
    if new.src == old.src and new.settings == old.settings:
        raise SystemExit("new and old are the same: give --old-src and/or --old/--new settings")
    print(f"new: {new.src} {new.settings or ''}\nold: {old.src} {old.settings or ''}")
    ratios: list[float] = []
    for article in args.articles:
        walls: dict[str, list[float]] = {"new": [], "old": []}
        for _ in range(args.rounds):
            for side in (new, old):
                result = run(side, article, args.pipeline)
                show(side, article, result)
                walls[side.name].append(result.seconds)
        ratio = statistics.median(walls["new"]) / statistics.median(walls["old"])
        ratios.append(ratio)
        print(f"    {article.name}: new/old analysis seconds {ratio:.2f}", flush=True)
    print(f"median new/old over {len(ratios)} article(s): {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
