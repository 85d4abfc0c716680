"""The articles of a corpus: from files, folders, globs or JSONL records, each with an id.

- A file is one article (read and checked as `counterclaim analyze` reads it: strict decoding, HTML
  converted to its visible text). Its id is its path relative to the folder or glob it was found
  through, without the suffix ("2024/05/story"); a file named on its own is its name without suffix.
- A folder is every `.txt`, `.md`, `.markdown`, `.html` and `.htm` file below it (hidden files and
  folders left out), in path order.
- A glob (`news/**/*.txt`, quoted so the shell leaves it alone) is every file it matches.
- A `.jsonl` file is one article per line: `{"id": ..., "text": ..., ...}`; every other key is
  metadata, carried through to the results.

What makes the whole corpus unusable (a path that names nothing, a JSONL line that is not a record,
two articles with one id) raises `InputError` before any model work. What makes one article unusable
(empty, binary, too long) is kept with the article as its `problem`: the run records it as a failed
article and goes on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.errors import InputError
from counterclaim.io.article_input import (
    ArticleInput,
    article_from_text,
    check_encoding,
    read_article,
    unicode_problem_in,
)
from counterclaim.io.jsonl_rows import json_lines

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
"""The files a folder's articles are read from."""
JSONL_SUFFIX = ".jsonl"
MAX_ID_CHARS = 300
_GLOB_CHARACTERS = re.compile(r"[*?\[]")
_PLAIN_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")
_UNSAFE_FILE_CHARACTERS = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class CorpusArticle:
    """One article of a corpus: its id, where it came from, its metadata, and its text (or why it has
    none)."""

    id: str
    source: str
    """A path, or `path:line` for a JSONL record, or `item N` for an item given in Python."""
    article: ArticleInput | None
    """The checked text; None when the article is unusable (then `problem` says why)."""
    problem: InputError | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str | None:
        return self.article.text if self.article is not None else None

    @property
    def text_sha256(self) -> str | None:
        """The sha256 of the text (as `Analysis.article_sha256` has it); None without a text."""
        return hashlib.sha256(self.article.text.encode("utf-8")).hexdigest() if self.article else None


def file_name_for(article_id: str) -> str:
    """The name of an article's own result file: the id when it is a plain lower-case name, else a
    slug of it with a hash of the id (never two ids on one name, also on case-insensitive disks)."""
    if _PLAIN_FILE_NAME.fullmatch(article_id) and not article_id.endswith("."):
        return f"{article_id}.json"
    slug = _UNSAFE_FILE_CHARACTERS.sub("_", article_id.lower()).strip("._-")[:80] or "article"
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}.json"


def read_inputs(
    inputs: Sequence[str], *, max_chars: int, encoding: str | None = None, leave_out: Path | None = None
) -> list[CorpusArticle]:
    """The articles named by `inputs` (files, folders, globs, JSONL files), in the order given.

    A file named twice (`x.txt x.txt`, or a folder and a file in it) is read once. Files inside
    `leave_out` (the run folder, whose reports a folder input would otherwise take for articles) are
    passed over. Raises InputError when an input names nothing, a folder holds no article, a JSONL
    file is not one record per line, two articles have the same id, or `encoding` names no codec.
    """
    if not inputs:
        raise InputError("no input given: name article files, folders, globs or JSONL files")
    if encoding is not None:
        check_encoding(encoding)
    left_out = leave_out.resolve() if leave_out is not None else None
    articles: list[CorpusArticle] = []
    read: set[Path] = set()
    for given in inputs:
        for path, root in _expand(given):
            real = path.resolve()
            if real in read or (left_out is not None and real.is_relative_to(left_out)):
                continue
            read.add(real)
            if path.suffix.lower() == JSONL_SUFFIX:
                articles.extend(_jsonl_records(path, max_chars=max_chars))
            else:
                articles.append(_file_article(path, root, max_chars=max_chars, encoding=encoding))
    if not articles:
        raise InputError(f"no article left to read: every input is inside the run folder {leave_out}")
    check_unique_ids(articles)
    return articles


def articles_from_items(
    items: Iterable[str | Mapping[str, Any] | CorpusArticle], *, max_chars: int
) -> list[CorpusArticle]:
    """Articles given in Python: texts (ids "1", "2", ... by position), records `{"id", "text", ...}`
    (other keys are metadata), or `CorpusArticle`s. Raises InputError for a record without a usable
    id or text, metadata that is not JSON, or two articles with one id; TypeError for one text, bytes
    or one record given in place of a collection of them (a text would be read as one article per
    character)."""
    if isinstance(items, str | bytes | bytearray | Mapping):
        raise TypeError(
            f"articles must be a collection of texts or records, not one {type(items).__name__}; "
            "for one article, give [text]"
        )
    articles: list[CorpusArticle] = []
    for position, item in enumerate(items, start=1):
        source = f"item {position}"
        if isinstance(item, CorpusArticle):
            articles.append(item)
        elif isinstance(item, str):
            articles.append(_text_article(str(position), item, source, {}, max_chars=max_chars))
        else:
            articles.append(_record_article(item, source, max_chars=max_chars))
    check_unique_ids(articles)
    return articles


def check_unique_ids(articles: Sequence[CorpusArticle]) -> None:
    """Raise InputError naming the first id two articles share."""
    seen: dict[str, str] = {}
    for article in articles:
        earlier = seen.setdefault(article.id, article.source)
        if earlier != article.source:
            raise InputError(
                f"two articles have the id {article.id!r} ({earlier} and {article.source}); "
                "give each article its own id"
            )


# ---------------------------------------------------------------------------------------------------


def _expand(given: str) -> list[tuple[Path, Path]]:
    """(file, the folder its id is relative to) for every file an input names, in path order."""
    path = Path(given)
    if path.is_dir():
        found = sorted(_folder_articles(path))
        if not found:
            raise InputError(f"{given}: no {', '.join(ARTICLE_SUFFIXES)} file in this folder")
        return [(f, path) for f in found]
    if path.exists() or not _GLOB_CHARACTERS.search(given):
        if not path.exists():
            raise InputError(f"no such file or folder: {given}")
        return [(path, path.parent)]
    matches = sorted(Path(m) for m in glob.glob(given, recursive=True))
    files = [m for m in matches if m.is_file()]
    for folder in (m for m in matches if m.is_dir()):
        files.extend(sorted(_folder_articles(folder)))
    if not files:
        raise InputError(f"{given}: the pattern matches no file")
    root = _fixed_prefix(given)
    return [(f, root) for f in files]


def _folder_articles(folder: Path) -> Iterable[Path]:
    for candidate in folder.rglob("*"):
        relative = candidate.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if candidate.is_file() and candidate.suffix.lower() in ARTICLE_SUFFIXES:
            yield candidate


def _fixed_prefix(pattern: str) -> Path:
    """The folder a glob's matches are named relative to: its parts before the first wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if _GLOB_CHARACTERS.search(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _file_article(path: Path, root: Path, *, max_chars: int, encoding: str | None) -> CorpusArticle:
    try:
        relative = path.relative_to(root)
    except ValueError:
        relative = Path(path.name)
    article_id = relative.with_suffix("").as_posix()
    source = str(path)
    try:
        article = read_article(source, encoding=encoding, max_chars=max_chars)
    except InputError as problem:
        return CorpusArticle(id=article_id, source=source, article=None, problem=problem)
    return CorpusArticle(id=article_id, source=source, article=article)


def _jsonl_records(path: Path, *, max_chars: int) -> list[CorpusArticle]:
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid UTF-8 at byte {error.start}") from error
    records: list[CorpusArticle] = []
    for number, line in enumerate(json_lines(content), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{source}: not a JSON record ({error.msg})") from error
        except (ValueError, RecursionError) as error:  # a number over 4,300 digits, deep nesting
            raise InputError(f"{source}: not a JSON record this tool can read ({error})") from None
        if not isinstance(record, dict):
            raise InputError(f'{source}: each line must be a JSON object with "id" and "text"')
        records.append(_record_article(record, source, max_chars=max_chars))
    if not records:
        raise InputError(f"{path}: no records (one JSON object per line)")
    return records


def _record_article(record: Mapping[str, Any], source: str, *, max_chars: int) -> CorpusArticle:
    if not isinstance(record, Mapping):
        raise InputError(
            f'{source}: give a text or a record with "id" and "text", not {type(record).__name__}'
        )
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise InputError(f'{source}: "id" must be a string or a whole number')
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'{source}: "text" must be a string')
    metadata = {key: value for key, value in record.items() if key not in ("id", "text")}
    problem = unicode_problem_in({"id": raw_id, **metadata})  # no run file could hold it
    if problem is not None:
        raise InputError(f"{source}: {problem}")
    try:
        json.dumps(metadata)
    except (TypeError, ValueError) as error:
        raise InputError(f"{source}: metadata must be JSON values ({error})") from error
    return _text_article(str(raw_id), text, source, metadata, max_chars=max_chars)


def _text_article(
    article_id: str, text: str, source: str, metadata: Mapping[str, Any], *, max_chars: int
) -> CorpusArticle:
    article_id = article_id.strip()
    if not article_id or len(article_id) > MAX_ID_CHARS or any(c in article_id for c in "\n\r\t\0"):
        raise InputError(f"{source}: an id must be 1 to {MAX_ID_CHARS} characters on one line")
    try:
        article = article_from_text(text, max_chars=max_chars, source=source)
    except InputError as problem:
        return CorpusArticle(id=article_id, source=source, article=None, problem=problem, metadata=metadata)
    return CorpusArticle(id=article_id, source=source, article=article, metadata=metadata)
