"""Print speed and cost figures for the staged pipeline and the naive baseline on one article.

    python scripts/benchmark.py seeds/articles/nato-russia-troop-buildup-2022-02-16.txt [--pipeline staged]

Uses the configured provider (by default the embedded local model). Targets for speed and memory are
read off these figures, not asserted in tests.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import time
from pathlib import Path

from counterclaim.config import load_settings
from counterclaim.llm.provider import open_model_client
from counterclaim.pipeline.analyze import PipelineName, run_pipeline


async def measure(text: str, pipelines: list[PipelineName]) -> None:
    settings = load_settings()
    started = time.monotonic()
    async with open_model_client(settings) as client:
        ready = time.monotonic() - started
        print(f"model: {settings.provider.value}/{settings.model}; server ready in {ready:.1f}s")
        for pipeline in pipelines:
            analysis = await run_pipeline(text, client, pipeline=pipeline)
            run = analysis.run
            generated = run.completion_tokens / run.seconds if run.seconds else 0.0
            print(
                f"{pipeline:7s} {run.seconds:8.1f}s  calls {run.model_calls:3d} "
                f"({run.cached_calls} from the response cache)  "
                f"prompt {run.prompt_tokens:6d}  "
                f"completion {run.completion_tokens:5d}  ({generated:.1f} completion tokens/s overall)  "
                f"claims {len(analysis.claims):3d}  contradictions {len(analysis.contradictions):2d}"
            )
            for step in run.steps:
                print(
                    f"    {step.step:8s} {step.seconds:8.1f}s  calls {step.calls:3d}  "
                    f"prompt {step.prompt_tokens:6d}  "
                    f"completion {step.completion_tokens:5d}"
                )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mib:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", type=Path)
    parser.add_argument("--pipeline", choices=["staged", "naive", "both"], default="both")
    args = parser.parse_args()
    pipelines: list[PipelineName] = ["staged", "naive"] if args.pipeline == "both" else [args.pipeline]
    asyncio.run(measure(args.article.read_text(encoding="utf-8"), pipelines))


if __name__ == "__main__":
    main()
