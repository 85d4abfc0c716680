"""Hand-labeled articles (the gold format of docs/gold-format.md) and loading a dataset of them.

A dataset is one `.jsonl` file (one article per line) or a folder of `.json` files (one article each,
read in file-name order). Unknown fields inside actors, claims and contradictions are ignored (imported
sets carry extras such as `cue` or `source_spans`); unknown top-level article fields are kept in
`model_extra` so that `validate` can point out likely typos. Required fields stay required.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from counterclaim.errors import DatasetError
from counterclaim.io.article_input import has_visible_text, unicode_problem, unicode_problem_in
from counterclaim.io.jsonl_rows import json_lines

LABEL_ATTRIBUTION = "attribution"
"""The claims list of the article is meant to be complete."""
LABEL_CONTRADICTION = "contradiction"
"""The contradictions list of the article is meant to be complete."""


class _GoldPart(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class GoldSource(BaseModel):
    """Where the article comes from. Every field is optional; extra fields (dataset, split...) are kept."""

    model_config = ConfigDict(frozen=True, extra="allow")

    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    license: str | None = None


class GoldActor(_GoldPart):
    """Someone the labeler attributes claims to. A pronoun or '(unstated)' name has no name to check."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class GoldClaim(_GoldPart):
    """One labeled claim: who says it and the exact stretch `text[start:end] == evidence`."""

    id: str
    actor: str
    statement: str | None = None
    evidence: str
    start: int = Field(ge=0, strict=True)  # true or "18" is no offset
    end: int = Field(ge=0, strict=True)


class GoldContradiction(_GoldPart):
    """Two claims that conflict, plus further pairs (`also`) that express the same conflict."""

    id: str
    a: str
    b: str
    kind: str
    note: str = ""
    also: list[tuple[str, str]] = Field(default_factory=list)

    def pairs(self) -> list[tuple[str, str]]:
        """Every claim pair that expresses this conflict: (a, b) first, then the `also` pairs."""
        return [(self.a, self.b), *self.also]


class GoldNonContradiction(_GoldPart):
    """A hard negative: a pair of claims that looks conflicting and is not."""

    a: str
    b: str
    note: str = ""


class GoldArticle(BaseModel):
    """One labeled article.

    `contradictions is None` means the article is not labeled for contradictions at all (it is then
    scored for claims alone).
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    id: str
    title: str = ""
    source: GoldSource = Field(default_factory=GoldSource)
    text: str
    """The article as analysed: never empty nor only spaces or invisible characters (`analyze`
    refuses such an input)."""
    labels: list[str]
    actors: list[GoldActor]
    claims: list[GoldClaim]
    contradictions: list[GoldContradiction] | None = None
    non_contradictions: list[GoldNonContradiction] | None = None

    @field_validator("text")
    @classmethod
    def _something_to_read(cls, text: str) -> str:
        if not has_visible_text(text):
            raise ValueError("the article text is empty (only whitespace or invisible characters)")
        problem = unicode_problem(text)
        if problem is not None:
            raise ValueError(f"the article text is {problem}")
        return text

    @property
    def complete_for_attribution(self) -> bool:
        """True when the claims list is meant to be complete (claim precision is scored)."""
        return LABEL_ATTRIBUTION in self.labels

    @property
    def complete_for_contradiction(self) -> bool:
        """True when the contradictions list is meant to be complete (contradiction precision is scored)."""
        return LABEL_CONTRADICTION in self.labels and self.contradictions is not None


def load_dataset(path: Path) -> list[GoldArticle]:
    """Read a dataset: a `.jsonl` file (one article a line) or a folder of `.json` files (sorted by name).

    Blank lines of a `.jsonl` file are skipped. Raises `DatasetError` naming the file (and line) when the
    path is missing or of another kind, a record is not JSON or does not fit the gold format, the
    dataset holds no article, or two articles share an id.
    """
    if path.is_dir():
        articles = _load_folder(path)
    elif path.is_file() and path.suffix == ".jsonl":
        articles = _load_jsonl(path)
    elif not path.exists():
        raise DatasetError(f"dataset not found: {path}")
    else:
        raise DatasetError(f"a dataset is a .jsonl file or a folder of .json files, not {path}")
    if not articles:
        raise DatasetError(f"dataset holds no article: {path}")
    _require_unique_ids(articles, path)
    return articles


def _load_jsonl(path: Path) -> list[GoldArticle]:
    articles: list[GoldArticle] = []
    for number, line in enumerate(json_lines(_read_text(path)), start=1):
        if line.strip():
            articles.append(_parse_article(line, f"{path}:{number}"))
    return articles


def _load_folder(path: Path) -> list[GoldArticle]:
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".json")
    return [_parse_article(_read_text(file), str(file)) for file in files]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc


def _parse_article(raw: str, where: str) -> GoldArticle:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:  # a number over 4,300 digits, deep nesting
        raise DatasetError(f"{where}: not JSON this tool can read ({exc})") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{where}: an article must be a JSON object")
    problem = unicode_problem_in(data)  # a title or a name too: no run file could hold it
    if problem is not None:
        raise DatasetError(f"{where}: {problem}")
    try:
        return GoldArticle.model_validate(data)
    except ValidationError as exc:
        raise DatasetError(f"{where}: not a gold article: {_first_errors(exc)}") from exc


def _first_errors(exc: ValidationError, limit: int = 3) -> str:
    errors = exc.errors()
    parts = [f"{'.'.join(str(p) for p in e['loc']) or '(article)'}: {e['msg']}" for e in errors[:limit]]
    if len(errors) > limit:
        parts.append(f"and {len(errors) - limit} more")
    return "; ".join(parts)


def _require_unique_ids(articles: list[GoldArticle], path: Path) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise DatasetError(f"{path}: two articles share the id {article.id!r}")
        seen.add(article.id)
