"""The progress bar of `counterclaim batch` on stderr: articles done/total, failures, model calls,
tokens, elapsed time and the time left. Drawn only when stderr is a terminal; notices (a resumed
run, a batch's status) are one line each, on a terminal or not; `-q` silences everything."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from counterclaim.cli.progress import StderrConsole
from counterclaim.corpus.runner import ArticleResult
from counterclaim.render.terminal_safety import single_line


class BatchProgressBar:
    """A `CorpusProgress` for the command line."""

    def __init__(self, *, enabled: bool, console: Console | None = None) -> None:
        self.console = console or StderrConsole(highlight=False, markup=False)
        self.enabled = enabled
        self.drawn = enabled and self.console.is_terminal
        self.bar = Progress(
            TextColumn("articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
            disable=not self.drawn,
        )
        self.task: TaskID | None = None
        self.analysed = self.failed = self.earlier = 0
        self.calls = self.tokens = 0

    def __enter__(self) -> BatchProgressBar:
        if self.drawn:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.bar.stop()

    def started(self, *, total: int, done: int, failed: int) -> None:
        self.failed = failed
        self.task = self.bar.add_task("articles", total=total, completed=done + failed, status=self._status())
        if done or failed:
            self.notice(f"{done} article(s) already analysed and {failed} failed in this run folder: skipped")

    def article_finished(self, result: ArticleResult) -> None:
        if result.earlier:
            self.earlier += 1
            return
        if result.ok:
            self.analysed += 1
        else:
            self.failed += 1
        self.calls += result.cost.model_calls
        self.tokens += result.cost.prompt_tokens + result.cost.completion_tokens
        if self.task is not None:
            self.bar.update(self.task, advance=1, status=self._status())

    def notice(self, message: str) -> None:
        if self.enabled:
            self.console.print(f"counterclaim: {single_line(message)}", style="dim", soft_wrap=True)

    def summary(self) -> str:
        return (
            f"{self.analysed} article(s) analysed now, {self.failed} failed; "
            f"{self.calls:,} model calls, {self.tokens:,} tokens"
        )

    def _status(self) -> str:
        return f"{self.failed} failed · {self.calls:,} calls · {self.tokens:,} tokens"
