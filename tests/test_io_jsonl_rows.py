"""io.jsonl_rows: a run's rows read back as written, whatever their strings hold."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from counterclaim.errors import OutputError
from counterclaim.io.jsonl_rows import append_line, file_lines, read_rows


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


def test_a_file_read_line_by_line_splits_as_the_whole_text_does() -> None:
    """`file_lines` (used for run files of any size) against the rule written as one regular expression:
    every line end (LF, CR LF, a lone CR) on every short mix, read in pieces of every small size (a CR
    LF across two pieces is one line end), with each line's offset in the file."""
    line_end = re.compile(rb"\r\n|\r|\n")
    for length in range(8):
        for data in (bytes(mix) for mix in itertools.product(b"a\r\n", repeat=length)):
            expected = line_end.split(data)
            expected = expected[:-1] if expected[-1] == b"" else expected
            for chunk_bytes in (1, 2, 3, 1 << 20):
                found = list(file_lines(io.BytesIO(data), chunk_bytes=chunk_bytes))
                assert [line for _, line in found] == expected, (data, chunk_bytes)
                assert all(data[at : at + len(line)] == line for at, line in found), (data, chunk_bytes)
