"""The `counterclaim` command: analyze (alias summarize) one article, or evaluate against labeled sets.

Results go to stdout (or --out FILE); progress and errors go to stderr. Every failure is one line on
stderr and a distinct exit code (see README "Errors and exit codes"); never a traceback, never a secret.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from counterclaim import __version__
from counterclaim.cli_support import (
    checked_width,
    exit_for_interrupt,
    interrupt_signals,
    report_error,
    write_stdout,
)
from counterclaim.config import Provider, Settings, StructuredMode, load_settings
from counterclaim.errors import CounterclaimError
from counterclaim.io.article_input import ArticleInput, read_article
from counterclaim.io.output_file import check_output_target, write_output
from counterclaim.llm.provider import open_model_client
from counterclaim.models import Analysis, AnalysisScope
from counterclaim.pipeline.analyze import PipelineName, run_pipeline
from counterclaim.render import render
from counterclaim.render.terminal_safety import single_line

EXIT_INTERNAL = 70


def _directory_path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a directory, not an empty string")
    return Path(text)


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Flags that choose and tune the model (they override COUNTERCLAIM_* variables)."""
    group = parser.add_argument_group("model")
    group.add_argument("--provider", choices=[p.value for p in Provider], help="local, openai or compatible")
    group.add_argument("--model", help="model name (local: a packaged model name)")
    group.add_argument("--base-url", help="OpenAI-compatible server URL, e.g. http://localhost:11434/v1")
    group.add_argument("--model-path", type=Path, help="GGUF file for the local provider")
    group.add_argument("--mode", choices=[m.value for m in StructuredMode], help="structured-output mode")
    group.add_argument("--port", type=int, help="local server port (default: a free one)")
    group.add_argument("--threads", type=int, help="local server CPU threads")
    group.add_argument("--n-ctx", type=int, help="local server context size")
    group.add_argument("--max-chars", type=int, help="longest article accepted (characters)")
    group.add_argument("--chunk-chars", type=int, help="longest chunk sent to the model (characters)")
    group.add_argument("--timeout", type=float, dest="request_timeout", help="seconds per model request")
    group.add_argument("--max-retries", type=int, help="retries of transient server failures")
    group.add_argument(
        "--cache-dir",
        type=_directory_path,
        help="keep model answers in this directory and reuse them for the same requests",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    names = [
        "provider", "model", "base_url", "model_path", "mode", "port", "threads", "n_ctx",
        "max_chars", "chunk_chars", "request_timeout", "max_retries", "cache_dir",
    ]  # fmt: skip
    return load_settings(**{name: getattr(args, name, None) for name in names})


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Who claims what in a news article, and where the claims contradict each other.",
    )
    parser.add_argument("--version", action="version", version=f"counterclaim {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in ("analyze", "summarize"):
        sub = commands.add_parser(
            name,
            help="analyze one article (file, or - for stdin)"
            + (" (alias of analyze)" if name == "summarize" else ""),
            description="Analyze one news article: actors, claims, contradictions and a neutral summary.",
        )
        sub.add_argument("article", help="article file (text, Markdown or HTML), or - for stdin")
        sub.add_argument("--format", choices=["text", "markdown", "json"], default="text", dest="fmt")
        sub.add_argument("--out", help="write the result to this file instead of stdout")
        sub.add_argument("--force", action="store_true", help="overwrite --out if it exists")
        sub.add_argument("--encoding", help="the file's text encoding when it is not UTF-8")
        sub.add_argument("--pipeline", choices=["staged", "naive"], default="staged", help=argparse.SUPPRESS)
        sub.add_argument("--color", choices=["auto", "always", "never"], default="auto")
        sub.add_argument("--width", type=int, default=None, help="text width (default: terminal width)")
        sub.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
        sub.add_argument(
            "--claims-only",
            action="store_true",
            help="actors and claims only: skip the contradiction and summary requests (faster)",
        )
        add_model_options(sub)
        sub.set_defaults(handler=_analyze_command)
    try:
        from counterclaim.evaluation.cli_eval import add_eval_parser, run_eval_command
    except ImportError:  # pragma: no cover - the eval harness ships with the package
        pass
    else:
        add_eval_parser(commands)
        commands.choices["eval"].set_defaults(handler=run_eval_command)
    return parser


class _Progress:
    """One-line progress messages on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.console = Console(stderr=True, highlight=False, markup=False)
        self.enabled = enabled

    def __call__(self, message: str) -> None:
        if self.enabled:
            self.console.print(f"counterclaim: {single_line(message)}", style="dim")


async def _analyze(
    article: ArticleInput,
    settings: Settings,
    progress: _Progress,
    *,
    pipeline: PipelineName,
    scope: AnalysisScope,
) -> Analysis:
    if settings.provider is Provider.LOCAL:
        progress(f"starting the embedded model ({settings.model})")
    async with open_model_client(settings) as client:
        return await run_pipeline(
            article.text,
            client,
            pipeline=pipeline,
            notices=list(article.notices),
            progress=progress,
            scope=scope,
        )


def _analyze_command(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    requested_width = checked_width(args.width)
    progress = _Progress(enabled=not args.quiet)
    article = read_article(args.article, encoding=args.encoding, max_chars=settings.max_chars)
    for notice in article.notices:
        progress(notice)
    if args.out:  # refuse before any model work: an existing file, a directory, an unwritable place
        check_output_target(args.out, force=args.force)
    scope: AnalysisScope = "claims" if args.claims_only else "full"
    analysis = asyncio.run(_analyze(article, settings, progress, pipeline=args.pipeline, scope=scope))
    run = analysis.run
    progress(
        f"done: {len(analysis.claims)} claims, {len(analysis.contradictions)} contradictions, "
        f"{run.model_calls} model calls{f' ({run.cached_calls} from cache)' if run.cached_calls else ''}, "
        f"{run.prompt_tokens}+{run.completion_tokens} tokens, "
        f"{run.seconds:.1f}s"
    )
    to_terminal = not args.out and sys.stdout.isatty()
    color = args.color == "always" or (
        args.color == "auto" and to_terminal and not os.environ.get("NO_COLOR")
    )
    width = requested_width or (Console().width if to_terminal else 100)
    output = render(analysis, args.fmt, width=width, color=color and args.fmt == "text")
    if args.out:
        write_output(args.out, output, force=args.force)
        progress(f"wrote {args.out}")
    else:
        write_stdout(output)
    return 0


def _silence_library_logs() -> None:
    """instructor logs failed attempts (with server text) at ERROR; the CLI reports errors itself."""
    for name in ("instructor", "openai", "httpx2", "httpx"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    _silence_library_logs()
    parser = _build_parser()
    args = parser.parse_args(argv)
    with interrupt_signals() as signals:
        try:
            code: int = args.handler(args)
            return code
        except KeyboardInterrupt:
            return exit_for_interrupt(signals)
        except BrokenPipeError:
            return 0
        except CounterclaimError as error:
            if signals.received is not None:  # what failed was stopped by the signal
                return exit_for_interrupt(signals)
            report_error(error.one_line())
            return error.exit_code
        except Exception as error:  # a bug: say so in one line; COUNTERCLAIM_DEBUG=1 shows the traceback
            if signals.received is not None:
                return exit_for_interrupt(signals)
            if os.environ.get("COUNTERCLAIM_DEBUG"):
                raise
            report_error(
                f"internal error ({type(error).__name__}); rerun with COUNTERCLAIM_DEBUG=1 for details"
            )
            return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
