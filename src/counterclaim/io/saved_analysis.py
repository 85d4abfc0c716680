"""Reading an analysis saved as JSON (`--format json`) and checking it belongs to an article text.

`read_saved_analysis` reads a file, or standard input for "-", and raises `InputError` (exit 3) for
one that cannot be read or is not an analysis; `check_same_article` raises `ArticleMismatchError`
(exit 10) when the article given is not the text the analysis was made from: its sha256 differs from
`article_sha256`, or (for a file edited by hand) an evidence span's text is not the article's text at
its offsets.
"""

from __future__ import annotations

import hashlib
from typing import BinaryIO

from pydantic import ValidationError

from counterclaim.errors import ArticleMismatchError, InputError
from counterclaim.io.regular_files import read_regular_file, read_standard_input
from counterclaim.models import Analysis, misplaced_evidence

MAX_ANALYSIS_BYTES = 200_000_000
"""A saved analysis larger than this is refused (a generous bound: the article is at most 200,000
characters, and an analysis repeats each evidence span once)."""


def read_saved_analysis(path: str, *, stdin: BinaryIO | None = None) -> Analysis:
    """The `Analysis` in the JSON file at `path`; `"-"` reads standard input (or `stdin`)."""
    if path == "-":
        data = read_standard_input(stdin, MAX_ANALYSIS_BYTES, what="analysis")
        path = "<stdin>"
    else:
        hint = "; pipe it to standard input instead (... | counterclaim show - ARTICLE)"
        data = read_regular_file(path, MAX_ANALYSIS_BYTES, what="analysis file", pipe_hint=hint)
    if len(data) > MAX_ANALYSIS_BYTES:
        raise InputError(f"{path}: larger than {MAX_ANALYSIS_BYTES:,} bytes; not a saved analysis")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text; a saved analysis is JSON") from error
    try:
        return Analysis.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(document)"
        raise InputError(
            f"{path}: not a counterclaim analysis (JSON of `analyze --format json`): {where}: {first['msg']}"
        ) from error


def article_sha256(text: str) -> str:
    """The sha256 (hex) of the article text, as `Analysis.article_sha256` records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_same_article(analysis: Analysis, article: str, *, source: str) -> None:
    """Raise `ArticleMismatchError` unless `article` is the text `analysis` was made from."""
    digest = article_sha256(article)
    if digest != analysis.article_sha256:
        raise ArticleMismatchError(
            f"{source} is not the article this analysis was made from (sha256 {digest[:12]}…, the analysis "
            f"says {analysis.article_sha256[:12]}…; {len(article):,} characters, the analysis says "
            f"{analysis.article_chars:,}); give the same file, with the same --encoding"
        )
    check_spans(analysis, article, source=source)


def check_spans(analysis: Analysis, article: str, *, source: str) -> None:
    """Raise `ArticleMismatchError` unless every evidence span's text is `article[start:end]`."""
    misplaced = misplaced_evidence(analysis.claims, article)
    if misplaced is not None:
        claim, span = misplaced
        raise ArticleMismatchError(
            f"claim {claim.id}'s evidence at {span.start}-{span.end} is not the text of {source} "
            "there: the analysis was made from another text, or edited"
        )
