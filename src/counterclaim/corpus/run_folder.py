"""Opening, checking and writing a batch run folder (the files are described in `run_records`).

A folder is new (missing or empty), or holds a batch run: then the run is continued when it was made
with the same identity (pipeline, scope, provider, model, answer-changing settings, prompt hashes) and
its finished articles' texts did not change, and refused otherwise with the reason (`--force` removes
the run's own files and starts over). A folder holding anything else is never written into.

Each finished article is written atomically as `analyses/<file>.json`, then counted done by appending
its row to `analyses.jsonl` (one write and an fsync): a run stopped at any moment (Ctrl-C, SIGTERM,
`kill -9`, a power cut after the fsync) leaves every finished article whole, and at most a partial
last row, which the next session drops and redoes. One session at a time: a session holds a lock on
the folder (`.lock`, released by the system however the process ends), and a second is refused.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from counterclaim.corpus.inputs import CorpusArticle, file_name_for
from counterclaim.corpus.run_records import (
    ANALYSES_DIR,
    ANALYSES_FILE,
    FAILURES_FILE,
    HTML_REPORT_FILE,
    OWN_ENTRIES,
    REPORT_FILE,
    ROUNDS_DIR,
    RUN_FILE,
    AnalysisRow,
    BatchRunRecord,
    FailureRow,
    RunIdentity,
)
from counterclaim.errors import OutputError, RunFolderError
from counterclaim.evaluation.run_files import ArticleCost
from counterclaim.io.folder_lock import LOCK_FILE, hold_run_folder
from counterclaim.io.jsonl_rows import Row, RowReader, append_line, first_validation_error
from counterclaim.io.output_file import write_output
from counterclaim.models import Analysis
from counterclaim.render.json_out import render_json


@dataclass(frozen=True)
class ArticleDigest:
    """What the report and the totals need of a finished article (its analysis is not kept in memory)."""

    id: str
    sha256: str
    claims: int
    contradictions: int
    claims_by_actor: dict[str, int]
    cost: ArticleCost

    @classmethod
    def of(cls, row: AnalysisRow) -> ArticleDigest:
        analysis = row.analysis
        names = {actor.id: actor.name for actor in analysis.actors}
        return cls(
            id=row.id,
            sha256=analysis.article_sha256,
            claims=len(analysis.claims),
            contradictions=len(analysis.contradictions),
            claims_by_actor=dict(Counter(names.get(c.actor_id, c.actor_id) for c in analysis.claims)),
            cost=cost_of(analysis),
        )


def cost_of(analysis: Analysis) -> ArticleCost:
    """What an analysis cost, as its run metadata counts it."""
    run = analysis.run
    return ArticleCost(
        model_calls=run.model_calls,
        cached_calls=run.cached_calls,
        prompt_tokens=run.prompt_tokens,
        completion_tokens=run.completion_tokens,
        seconds=run.seconds,
    )


@dataclass
class RunFolder:
    """A batch run folder opened for a session: what earlier sessions finished, and the writers."""

    path: Path
    previous: BatchRunRecord | None = None
    """`run.json` as an earlier session left it (None for a new run)."""
    done: dict[str, ArticleDigest] = field(default_factory=dict)
    failures: dict[str, FailureRow] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    """What opening found and mended (a partial last row dropped)."""
    _lock: int | None = None

    @classmethod
    def open(cls, path: Path, identity: RunIdentity, *, force: bool) -> RunFolder:
        """Open `path` for a session of the run `identity` describes (see the module docstring).

        Raises RunFolderError when the folder holds something else, another run (without `force`), or
        a damaged file; OutputError when it cannot be created.
        """
        previous = _previous_run(path)
        lock = hold_run_folder(path, command="batch")
        try:
            return cls._opened(path, previous, identity, lock, force=force)
        except BaseException:
            os.close(lock)
            raise

    @classmethod
    def _opened(
        cls, path: Path, previous: BatchRunRecord | None, identity: RunIdentity, lock: int, *, force: bool
    ) -> RunFolder:
        if previous is not None and force:
            _remove_own_entries(path)
            previous = None
        elif previous is not None:
            problems = identity_mismatches(previous.identity, identity)
            if problems:
                raise RunFolderError(
                    f"{path} holds a run made with other settings ({'; '.join(problems)}): "
                    "pass --force to start over in it, or choose another --out-dir"
                )
        try:
            (path / ANALYSES_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot create the run folder {path}: {error.strerror or error}") from error
        for stale in [
            *path.glob(".*.tmp"),
            *(path / ANALYSES_DIR).glob(".*.tmp"),
            *(path / ROUNDS_DIR).glob(".*.tmp"),
        ]:
            stale.unlink(missing_ok=True)  # an atomic write cut short by a kill; ours, and unfinished
        folder = cls(path=path, previous=previous, _lock=lock)
        folder._load()
        return folder

    def close(self) -> None:
        """Let another session use the folder."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _load(self) -> None:
        """What earlier sessions finished, read a row at a time (only each article's digest is kept)."""
        analyses = self._reader(ANALYSES_FILE, AnalysisRow, "a batch analysis row")
        for row in analyses:
            if row.id not in self.done:
                self.done[row.id] = ArticleDigest.of(row)
        failures = self._reader(FAILURES_FILE, FailureRow, "a batch failure row")
        for failure in failures:
            if failure.id not in self.done:
                self.failures[failure.id] = failure
        for reader in (analyses, failures):
            if reader.dropped_line_notice is not None and reader.partial_line_offset is not None:
                self.notices.append(reader.dropped_line_notice)
                _cut_at(reader.path, reader.partial_line_offset)

    def _reader(self, name: str, model: type[Row], what: str) -> RowReader[Row]:
        return RowReader(self.path / name, model, what=what, error=RunFolderError)

    def check_articles(self, articles: Sequence[CorpusArticle]) -> None:
        """Raise RunFolderError when a finished article's text changed since it was analysed (its
        analysis no longer describes it). A failed article whose text changed is simply tried again."""
        changed: list[str] = []
        retried: list[str] = []
        for article in articles:
            if article.article is None:
                continue
            digest = self.done.get(article.id)
            if digest is not None and article.text_sha256 != digest.sha256:
                changed.append(article.id)
            failure = self.failures.get(article.id)
            if failure is not None and failure.article_sha256 != article.text_sha256:
                retried.append(article.id)
        if changed:
            more = f" and {len(changed) - 5} more" if len(changed) > 5 else ""
            shown = ", ".join(repr(i) for i in changed[:5]) + more
            raise RunFolderError(
                f"the text of {len(changed)} finished article(s) changed since they were analysed in "
                f"{self.path} ({shown}): pass --force to start over, or choose another --out-dir"
            )
        self.forget_failures(retried)

    def record_analysis(self, row: AnalysisRow) -> None:
        """Write the article's own file, then count it done (its row appended and fsynced)."""
        write_output(
            str(self.path / ANALYSES_DIR / file_name_for(row.id)), render_json(row.analysis), force=True
        )
        append_line(self.path / ANALYSES_FILE, row.model_dump_json())
        self.done[row.id] = ArticleDigest.of(row)
        self.failures.pop(row.id, None)

    def record_failure(self, row: FailureRow) -> None:
        append_line(self.path / FAILURES_FILE, row.model_dump_json())
        self.failures[row.id] = row

    def forget_failures(self, ids: Sequence[str]) -> None:
        """Drop these articles' failures (they are to be tried again): `failures.jsonl` is rewritten
        without them, atomically."""
        dropped = [i for i in ids if self.failures.pop(i, None) is not None]
        if dropped:
            self._rewrite(FAILURES_FILE, [row.model_dump_json() for row in self.failures.values()])

    def rows(self, ids: set[str]) -> Iterator[AnalysisRow]:
        """The rows of `analyses.jsonl` of these articles (the first of each id), read afresh."""
        seen: set[str] = set()
        for row in self._reader(ANALYSES_FILE, AnalysisRow, "a batch analysis row"):
            if row.id in ids and row.id not in seen:
                seen.add(row.id)
                yield row

    def write_record(self, record: BatchRunRecord) -> None:
        write_output(str(self.path / RUN_FILE), record.model_dump_json(indent=2) + "\n", force=True)

    def write_reports(self, markdown: str, html: str) -> None:
        """Write `report.md` and `report.html`, each atomically (a reader sees the old or the new one)."""
        write_output(str(self.path / REPORT_FILE), markdown, force=True)
        write_output(str(self.path / HTML_REPORT_FILE), html, force=True)

    def _rewrite(self, name: str, lines: list[str]) -> None:
        write_output(str(self.path / name), "".join(line + "\n" for line in lines), force=True)


def identity_mismatches(before: RunIdentity, now: RunIdentity) -> list[str]:
    """What differs between the identity a run was made with and the one asked for now (empty: none)."""
    problems = []
    if (before.provider, before.model) != (now.provider, now.model):
        problems.append(f"it used {before.provider}/{before.model}, not {now.provider}/{now.model}")
    if (before.pipeline, before.scope) != (now.pipeline, now.scope):
        problems.append(
            f"it ran the {before.pipeline} pipeline with scope {before.scope}, not {now.pipeline}/{now.scope}"
        )
    settings = [
        name
        for name in type(now.settings).model_fields
        if getattr(before.settings, name) != getattr(now.settings, name)
    ]
    if settings:
        problems.append(f"settings changed: {', '.join(settings)}")
    recorded = {(p.name, p.sha256) for p in before.prompts}
    changed = sorted(p.name for p in now.prompts if (p.name, p.sha256) not in recorded)
    if changed:
        problems.append(f"prompts changed since: {', '.join(changed)}")
    return problems


def _previous_run(path: Path) -> BatchRunRecord | None:
    """The run a folder holds (None: a new or empty folder); RunFolderError for anything else."""
    if (path.exists() or path.is_symlink()) and not path.is_dir():
        raise RunFolderError(f"{path} is not a folder; --out-dir needs a folder")
    if not path.exists():
        return None
    record_path = path / RUN_FILE
    if record_path.is_file():
        try:
            return BatchRunRecord.model_validate_json(record_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise RunFolderError(f"cannot read {record_path}: {error}") from error
        except ValidationError as error:
            raise RunFolderError(
                f"{record_path} is not a batch run record ({first_validation_error(error)}); "
                "choose another --out-dir"
            ) from error
    strangers = [entry.name for entry in path.iterdir() if not _own(entry.name)]
    if strangers:
        raise RunFolderError(
            f"{path} is not empty and holds no batch run (it has {strangers[0]!r}); choose a new or "
            "empty --out-dir"
        )
    return None


def _own(name: str) -> bool:
    """A name a run writes (or a temporary file of an atomic write that was interrupted)."""
    return name in OWN_ENTRIES or name == LOCK_FILE or (name.startswith(".") and name.endswith(".tmp"))


def _remove_own_entries(path: Path) -> None:
    for entry in path.iterdir():
        if not _own(entry.name):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError as error:
            raise OutputError(f"cannot remove {entry} to start over: {error.strerror or error}") from error


def _cut_at(path: Path, offset: int) -> None:
    """Cut `path` off at `offset` (a partial last row dropped), durably: the rows before it are kept as
    they are, without reading them again."""
    try:
        with path.open("r+b") as file:
            file.truncate(offset)
            file.flush()
            os.fsync(file.fileno())
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
