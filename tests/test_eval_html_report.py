"""The eval pages: `report.html` in a run folder and `eval compare --html`, from runs of hand-made
ORACLE predictions (`eval_oracles`: a half-right one with a hard-negative error, a perfect one); the
structure without a browser, then both pages in headless Chromium."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext

from browser import chromium, open_page
from counterclaim.cli import main
from counterclaim.errors import OutputError
from counterclaim.evaluation.report import score_table
from counterclaim.evaluation.run_files import HTML_REPORT_FILE, load_run
from counterclaim.evaluation.runner import run_eval
from eval_oracles import (
    DAM_TEXT,
    OracleFn,
    bridge_article,
    dam_article,
    fire_article,
    half_oracle,
    narrator_perfect_oracle,
    narrator_wrong_oracle,
    oracle_settings,
    perfect_oracle,
    write_dataset,
)


def make_run(oracle: OracleFn, data: Path, out: Path) -> Path:
    run = asyncio.run(
        run_eval([data], settings=oracle_settings(), pipeline="staged", out_dir=out, analyze_fn=oracle)
    )
    return run.run_dir


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(half oracle run, perfect oracle run) on the same tiny dataset."""
    folder = tmp_path_factory.mktemp("eval-html")
    data = write_dataset(folder / "tiny.jsonl", [dam_article(), bridge_article()])
    return make_run(half_oracle, data, folder / "a"), make_run(perfect_oracle, data, folder / "b")


class Marks(HTMLParser):
    """The classes and tags of the marked spans of the texts, the rows' classes, each table cell's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.span_classes: list[str] = []
        self.tags: list[str] = []
        self.row_classes: list[str] = []
        self.cells: list[str] = []
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        layer = (found.get("class") or "").split()[0:1]
        if tag == "span" and layer in (["gold"], ["pred"]) and "title" in found:  # not the legend's
            self.span_classes.append(found.get("class") or "")
            if found.get("data-tag"):
                self.tags.append(found["data-tag"] or "")
        if tag == "tr":
            self.row_classes.append(found.get("class") or "")
        if tag == "td":
            self._cell = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell += data


def marks(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    parser.close()
    return parser


def test_the_run_folder_has_a_report_html_with_the_scores_and_the_marked_texts(
    runs: tuple[Path, Path],
) -> None:
    half, _ = runs
    page = (half / HTML_REPORT_FILE).read_text(encoding="utf-8")
    found = marks(page)
    loaded = load_run(half)
    for row in score_table(loaded.record, loaded.samples).rows:  # the numbers of report.md
        for cell in row.cells:
            assert cell in found.cells
    assert any("g-matched" in c for c in found.span_classes)
    assert any("g-missed" in c for c in found.span_classes)
    assert any("p-false" in c for c in found.span_classes)
    assert {"gold c4 wrong actor", "gold c2 missed", "found p5 false"} <= set(found.tags)
    assert "hard-negative" in found.row_classes  # the half oracle's (p1, p3) pair
    assert DAM_TEXT.split(".")[0].split(" ")[-1] in page
    # where the dam's two gold contradictions stopped: k1 found, k2's side c4 given to the wrong actor
    assert loaded.record.conflict_stages == {"found": 1, "a side not extracted": 1}
    assert "Where the gold contradictions stopped" in page
    assert {"a side not extracted", "found"} <= set(found.cells)


def test_the_perfect_run_has_no_miss_and_no_false_claim(runs: tuple[Path, Path]) -> None:
    _, perfect = runs
    found = marks((perfect / HTML_REPORT_FILE).read_text(encoding="utf-8"))
    assert found.span_classes and not [c for c in found.span_classes if "missed" in c or "false" in c]
    assert "hard-negative" not in found.row_classes


def test_compare_writes_the_flips_as_a_page(
    capsys: pytest.CaptureFixture[str], runs: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "compare.html"
    code = main(["eval", "compare", str(runs[0]), str(runs[1]), "--html", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    found = marks(out.read_text(encoding="utf-8"))
    assert "now found c4" in found.tags
    assert "false claim gone" in found.tags
    assert "Totals: B - A" in captured.out  # the terminal comparison is still printed
    code = main(["eval", "compare", str(runs[0]), str(runs[1]), "--html", str(out)])
    err = capsys.readouterr().err
    assert code == OutputError.exit_code and err.startswith("counterclaim: error: ")


def test_compare_without_the_dataset_lists_the_flips_without_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = write_dataset(tmp_path / "tiny.jsonl", [dam_article()])
    a, b = make_run(half_oracle, data, tmp_path / "a"), make_run(perfect_oracle, data, tmp_path / "b")
    data.unlink()
    out = tmp_path / "compare.html"
    assert main(["eval", "compare", str(a), str(b), "--html", str(out)]) == 0
    assert "no text for dataset(s) tiny.jsonl" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "found gold claim c4" in page and "not at hand" in page


@pytest.fixture(scope="module")
def narrator_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(narrator wrong, narrator right) on the fire article, whose n1 is the article's own claim."""
    folder = tmp_path_factory.mktemp("eval-html-narrator")
    data = write_dataset(folder / "fire.jsonl", [fire_article()])
    return make_run(narrator_wrong_oracle, data, folder / "a"), make_run(
        narrator_perfect_oracle, data, folder / "b"
    )


def test_the_run_page_shows_what_the_narrator_found(narrator_runs: tuple[Path, Path]) -> None:
    _, right = narrator_runs
    page = (right / HTML_REPORT_FILE).read_text(encoding="utf-8")
    found = marks(page)
    # n1 is found by the tool's narrator claim p3, which is no false claim
    assert {"gold n1 narrator ✓ p3", "found p3 narrator"} <= set(found.tags)
    assert not [c for c in found.span_classes if "missed" in c or "false" in c]
    # k1 has a part between actors (o1 vs u1) found by k1 and a record part (n1 vs o1) found by k2
    assert "gold k1" in page and "gold k1 (record)" in page
    assert {"found by k1", "found by k2", "true: finds k1", "true: finds k1 (record)"} <= set(found.cells)
    assert "narrator claim recall 1.00, record recall 1.00, record precision 1.00" in page
    assert "1 of 1 gold narrator claims found; record contradictions: 1 of 1 found" in page  # as report.md


def test_the_run_page_shows_what_the_narrator_missed_and_got_wrong(narrator_runs: tuple[Path, Path]) -> None:
    wrong, _ = narrator_runs
    found = marks((wrong / HTML_REPORT_FILE).read_text(encoding="utf-8"))
    assert {"gold n1 narrator missed", "found p3 narrator, no gold claim (not scored)"} <= set(found.tags)
    assert any("p-false" in c for c in found.span_classes)
    # the part between actors is still found; the record part is missed and the record pair k2 is false
    assert found.cells.count("missed") == 1 and "found by k1" in found.cells and "false" in found.cells


def test_the_compare_page_shows_the_narrator_flips(narrator_runs: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "compare.html"
    assert main(["eval", "compare", str(narrator_runs[0]), str(narrator_runs[1]), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "now found n1 narrator" in marks(page).tags
    assert "found narrator claim n1: “The fire killed 11 workers”" in page
    assert "found record contradiction k1 (numeric)" in page
    assert "removed false record pair: “The plant reopened on Monday” (the article) vs" in page
    assert "record_hard_negative_errors" in page and "narrator_claim_recall" in page


# --- in the browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture(scope="module")
def compare_page(runs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compare") / "compare.html"
    assert main(["eval", "compare", str(runs[0]), str(runs[1]), "--html", str(out)]) == 0
    return out


def test_the_eval_pages_show_in_the_browser_as_marked(
    runs: tuple[Path, Path], compare_page: Path, browser: BrowserContext
) -> None:
    """(The runs are made before the browser starts: Playwright's sync API runs an event loop, in
    which the eval's `asyncio.run` could not start.)"""
    opened = open_page(browser, runs[0] / HTML_REPORT_FILE)
    page = opened.page
    try:
        colours = page.evaluate(
            "() => ['.g-matched', '.g-missed', '.p-false', 'tr.hard-negative td'].map(s => {"
            " const e = document.querySelector(s); const c = getComputedStyle(e);"
            " return [c.backgroundColor, c.color, c.borderBottomStyle]; })"
        )
        matched, missed, false, hard = colours
        assert matched[0] != missed[0]  # gold found and gold missed differ, and neither is bare
        assert "rgba(0, 0, 0, 0)" not in (matched[0], missed[0])
        assert false[2] == "dotted"
        assert hard[1] == "rgb(164, 35, 28)"  # hard-negative errors in red
        assert opened.requests_elsewhere() == [] and opened.errors == []
        assert not [line for line in opened.console if line.startswith("error")]
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
    finally:
        page.close()
    opened = open_page(browser, compare_page)
    try:
        assert opened.page.locator("td.good").count() > 0  # improvements shown as such
        assert opened.requests_elsewhere() == [] and opened.errors == []
        assert not [line for line in opened.console if line.startswith("error")]
        result = Axe().run(opened.page)
        assert result.violations_count == 0, result.generate_report()
    finally:
        opened.page.close()
