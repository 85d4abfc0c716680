"""io.jsonl_rows: a run's rows read back as written, whatever their strings hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from counterclaim.errors import OutputError
from counterclaim.io.jsonl_rows import append_line, read_rows


class Row(BaseModel):
    text: str


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0c", "\x1c", "\r"])
def test_rows_holding_any_line_separator_of_unicode_read_back_whole(tmp_path: Path, separator: str) -> None:
    """pydantic writes U+2028, U+2029 and U+0085 unescaped, and str.splitlines cut the row there: an eval
    run of an article holding one could not be resumed or compared (found by an adversarial probe)."""
    path = tmp_path / "samples.jsonl"
    rows = [Row(text=f"before{separator}after"), Row(text="second")]
    for row in rows:
        append_line(path, row.model_dump_json())
    loaded = read_rows(path, Row, what="a row", error=OutputError)
    assert loaded.rows == rows and loaded.dropped_line_notice is None


def test_a_partial_last_line_is_still_dropped(tmp_path: Path) -> None:
    path = tmp_path / "samples.jsonl"
    append_line(path, Row(text="whole").model_dump_json())
    with path.open("a", encoding="utf-8") as file:
        file.write('{"text": "cut\u2028of')
    loaded = read_rows(path, Row, what="a row", error=OutputError)
    assert loaded.rows == [Row(text="whole")] and loaded.dropped_line_notice is not None
