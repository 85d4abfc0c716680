"""The `counterclaim eval` command: run the eval harness, or compare two runs.

    counterclaim eval [--dataset PATH]... [--pipeline staged|naive] [--out DIR] [--limit N]
                      [--article ID]... [-q] [model options: --provider --model --base-url --model-path ...]
    counterclaim eval --resume RUN_DIR [--retry-failed] [-q] [model options]
    counterclaim eval compare RUN_A RUN_B

The model options are the `analyze` command's (`cli.add_model_options`), read the same way.

`eval` has one optional sub-command, `compare`; without it, `eval` runs. (argparse: the run options
belong to the `eval` parser itself and `compare` is an optional nested sub-parser, so both forms
parse with no argv inspection.)

Exit codes of a run: 0 when every article was analysed, 1 when some failed (the run folder is still
written, failures are listed), the error's own code when the run could not be done (e.g. 9 for a
bad dataset, 4 for bad settings, 7 when the embedded model cannot be served), 130 when interrupted
(Ctrl-C or SIGTERM; `--resume` continues the run).
`compare` exits 0, or 9 when a run folder cannot be read.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.text import Text

from counterclaim.cli import add_model_options, settings_from
from counterclaim.cli_support import EXIT_INTERRUPTED, report_error, stdout_failures_as_output_error
from counterclaim.errors import CounterclaimError, DatasetError
from counterclaim.evaluation.compare import compare_runs, print_comparison
from counterclaim.evaluation.report import RichEvalProgress, terminal_report
from counterclaim.evaluation.run_files import REPORT_FILE
from counterclaim.evaluation.runner import run_eval
from counterclaim.render.terminal_safety import single_line

DEFAULT_DATASET = Path("seeds")
DEFAULT_OUT = Path("evals/runs")
EXIT_ARTICLES_FAILED = 1
WIDTH_WHEN_NOT_A_TERMINAL = 200
"""Output to a file or pipe is not wrapped at 80 columns: the score table needs about 170."""


def add_eval_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register `eval` (and `eval compare`) on the main parser's sub-parsers.

    Sets `handler=run_eval_command` as the parser default, so a dispatcher may call `args.handler(args)`.
    """
    parser = subparsers.add_parser(
        "eval",
        usage="%(prog)s [-h] [--dataset PATH]... [--pipeline {staged,naive}] [--out DIR] [--limit N] "
        "[--article ID]... [-q] [model options]\n       %(prog)s --resume RUN_DIR [--retry-failed] [-q] "
        "[model options]"
        "\n       %(prog)s compare RUN_A RUN_B",
        help="score the tool against hand-labeled datasets, or compare two runs",
        description="Analyse every labeled article of the datasets, score it (EVAL_FORMAT.md) and write a "
        "run folder (run.json, samples.jsonl, report.md). `eval compare RUN_A RUN_B` compares two runs.",
    )
    parser.add_argument(
        "--dataset",
        action="append",
        type=Path,
        metavar="PATH",
        help=f"a .jsonl file or a folder of .json files; repeatable (default: {DEFAULT_DATASET}/)",
    )
    parser.add_argument("--pipeline", choices=("staged", "naive"), help="default: staged")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help=f"default: {DEFAULT_OUT}"
    )
    parser.add_argument("--limit", type=_positive_int, metavar="N", help="first N articles of each dataset")
    parser.add_argument("--article", action="append", metavar="ID", help="only this article id; repeatable")
    parser.add_argument(
        "--resume",
        type=Path,
        metavar="RUN_DIR",
        help="continue a run that stopped early, in its folder, with its datasets and selection (the "
        "articles it finished are kept; the model, settings and prompts must be the same)",
    )
    parser.add_argument(
        "--retry-failed",
        action="store_true",
        help="with --resume: analyse the articles that failed again too (their rows are replaced)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    add_model_options(parser)
    parser.set_defaults(handler=run_eval_command, eval_action=None)
    actions = parser.add_subparsers(dest="eval_action", metavar="compare", required=False)
    compare = actions.add_parser(
        "compare",
        help="compare run B against run A",
        description="Metric deltas (B - A) and the articles and items that flipped between two run folders.",
    )
    compare.add_argument("run_a", type=Path, metavar="RUN_A", help="the baseline run folder")
    compare.add_argument("run_b", type=Path, metavar="RUN_B", help="the run folder to compare against it")


def run_eval_command(args: argparse.Namespace) -> int:
    """Run or compare as `args` say; print results to stdout, progress and errors to stderr."""
    out = Console() if sys.stdout.isatty() else Console(width=WIDTH_WHEN_NOT_A_TERMINAL)
    err = Console(stderr=True)
    try:
        if args.eval_action == "compare":
            comparison = compare_runs(args.run_a, args.run_b)
            with stdout_failures_as_output_error():
                print_comparison(comparison, out)
            return 0
        return _run(args, out, err)
    except CounterclaimError as error:
        report_error(error.one_line())  # one plain line, never wrapped by rich
        return error.exit_code
    except KeyboardInterrupt:
        report_error("interrupted: the run folder keeps the articles finished so far")
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.resume is not None and (args.dataset or args.limit or args.article or args.pipeline):
        raise DatasetError(
            "--resume continues a run with its own datasets, pipeline and selection: "
            "leave out --dataset, --pipeline, --limit and --article"
        )
    if args.retry_failed and args.resume is None:
        raise DatasetError("--retry-failed goes with --resume RUN_DIR (the run whose failures to retry)")
    settings = settings_from(args)
    datasets: list[Path] = args.dataset or [DEFAULT_DATASET]
    progress = None if args.quiet else RichEvalProgress(err)
    with terminate_as_interrupt(), progress if progress is not None else contextlib.nullcontext():
        run = asyncio.run(
            run_eval(
                datasets,
                settings=settings,
                pipeline=args.pipeline or "staged",
                out_dir=args.out,
                limit=args.limit,
                article_ids=args.article,
                progress=progress,
                resume=args.resume,
                retry_failed=args.retry_failed,
            )
        )
    with stdout_failures_as_output_error():
        out.print(terminal_report(run.record, list(run.samples)))
        out.print(Text(single_line(f"report: {run.run_dir / REPORT_FILE}")))
    return EXIT_ARTICLES_FAILED if run.record.totals.failed else 0


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (a CI job's time limit, `kill`) stops the run like Ctrl-C: the run
    folder is closed with an "aborted" record the run can be resumed from."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave the signal alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
