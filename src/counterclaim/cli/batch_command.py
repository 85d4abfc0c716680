"""`counterclaim batch INPUT... --out-dir DIR`: a whole corpus into a resumable run folder.

    counterclaim batch INPUT... --out-dir DIR [--via live|batch-api|files] [--ingest FILE]
                       [--force] [--retry-failed] [--claims-only] [--encoding ENC] [-q] [model options]

INPUT: article files, folders (their .txt, .md and .html files), globs, or JSONL files of
`{"id", "text", ...}` records. Running the same command again goes on where a run stopped.

Exit codes: 0 when every article was analysed, 1 when some failed (recorded in the run folder; rerun
with --retry-failed), 11 when `--via files` wrote a request file and waits for its answers, 130 when
interrupted (the run folder keeps every finished article), and the error's own code when the run
could not be done (3 input, 4 settings, 5 server, 7 embedded model, 8 run folder).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

import click

from counterclaim.cli.batch_progress import BatchProgressBar
from counterclaim.cli.errors import signals_cancel
from counterclaim.cli.options import model_options, settings_from
from counterclaim.corpus.inputs import read_inputs
from counterclaim.corpus.run_records import HTML_REPORT_FILE, REPORT_FILE
from counterclaim.corpus.runner import CorpusOptions, analyze_corpus
from counterclaim.errors import AwaitingAnswers, Interrupted
from counterclaim.models import AnalysisScope

EXIT_ARTICLES_FAILED = 1
EXIT_AWAITING_ANSWERS = AwaitingAnswers.exit_code


def batch_options(command: Any) -> Any:
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="INPUT..."),
        click.option(
            "--out-dir",
            type=click.Path(path_type=Path, file_okay=False),
            required=True,
            metavar="DIR",
            help="The run folder: analyses.jsonl, one JSON file per article, run.json, report.md, "
            "report.html.",
        ),
        click.option(
            "--via",
            type=click.Choice(["live", "batch-api", "files"]),
            default="live",
            show_default=True,
            help="live: requests go to the model as they come (embedded model or a server); batch-api: "
            "each round of requests is one OpenAI Batch (half price); files: each round is written as a "
            "request file for an offline engine (vLLM run-batch), read back with --ingest.",
        ),
        click.option(
            "--ingest",
            type=click.Path(path_type=Path),  # a directory is refused by the reader: exit 3, as for inputs
            default=None,
            metavar="FILE",
            help="With --via files: the engine's output file for the request file the run waits on.",
        ),
        click.option("--force", is_flag=True, help="Start over in a run folder that holds a run."),
        click.option("--retry-failed", is_flag=True, help="Analyse again the articles that failed."),
        click.option(
            "--claims-only",
            is_flag=True,
            help="Actors and claims only: no contradiction or summary requests.",
        ),
        click.option("--encoding", default=None, help="The article files' text encoding when not UTF-8."),
        click.option("--pipeline", type=click.Choice(["staged", "naive"]), default="staged", hidden=True),
        click.option("-q", "--quiet", is_flag=True, help="No progress on stderr."),
        model_options,
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def run_batch_command(params: dict[str, Any]) -> int:
    """Analyse the corpus into the run folder; progress and the outcome on stderr."""
    settings = settings_from(params)
    out_dir: Path = params["out_dir"]
    bar = BatchProgressBar(enabled=not params["quiet"])
    for notice in settings.notices:
        bar.notice(notice)
    articles = read_inputs(
        params["inputs"], max_chars=settings.max_chars, encoding=params["encoding"], leave_out=out_dir
    )
    scope: AnalysisScope = "claims" if params["claims_only"] else "full"
    options = CorpusOptions(
        via=params["via"],
        scope=scope,
        pipeline=params["pipeline"],
        retry_failed=params["retry_failed"],
        force=params["force"],
        ingest=params["ingest"],
        inputs=tuple(params["inputs"]),
    )
    failed = 0

    async def run() -> None:
        nonlocal failed
        task = asyncio.current_task()
        assert task is not None
        stream = analyze_corpus(articles, settings=settings, out_dir=out_dir, options=options, progress=bar)
        with signals_cancel(task):
            async with contextlib.aclosing(stream) as results:
                async for result in results:
                    failed += not result.ok

    try:
        with bar:
            asyncio.run(run())
    except AwaitingAnswers as waiting:
        bar.notice(waiting.message)
        return EXIT_AWAITING_ANSWERS
    except (KeyboardInterrupt, asyncio.CancelledError):
        raise Interrupted(
            f"interrupted: {out_dir} keeps every article finished so far; run the same command to go on"
        ) from None
    bar.notice(f"{bar.summary()}; report: {out_dir / REPORT_FILE} (and {HTML_REPORT_FILE})")
    if failed:
        bar.notice(f"{failed} article(s) failed (failures.jsonl); run the same command with --retry-failed")
        return EXIT_ARTICLES_FAILED
    return 0
