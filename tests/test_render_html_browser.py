"""The HTML report in a real browser (headless Chromium, `browser.py`), from recorded analyses: every
claim's words are highlighted, the page's links between claims and words work by mouse and keyboard,
a hostile article runs nothing and loads nothing, and the page passes an accessibility check."""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

from browser import Opened, chromium, open_page
from counterclaim.io.article_input import read_article
from counterclaim.models import Analysis
from counterclaim.render.html import render_html
from counterclaim.render.quoting import DOUBLE_MARKS
from html_fixtures import (
    FOUNDING_ARTICLE,
    FOUNDING_ID,
    HOSTILE_ARTICLE,
    PWNED,
    hostile_analysis,
    recorded_analyses,
    seed_texts,
)

ROOT = Path(__file__).parents[1]
SCREENSHOT = ROOT / "docs" / "report-nato.png"
SCREENSHOT_SIZE = (1280, 900)
UPDATE_SCREENSHOT = "COUNTERCLAIM_UPDATE_SCREENSHOT"

EVIDENCE_TEXTS = """() => {
  const found = {};
  for (const mark of document.querySelectorAll('#article mark.ev')) {
    for (const token of mark.dataset.ev.split(' ')) {
      found[token] = (found[token] || '') + mark.textContent;
    }
  }
  return found;
}"""
IN_VIEW = """(element) => {
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of every recorded seed analysis, the founding article's and the hostile one."""
    folder = tmp_path_factory.mktemp("reports")
    for article_id, analysis in recorded_analyses().items():
        (folder / f"{article_id}.html").write_text(render_html(analysis, seed_texts()[article_id]), "utf-8")
    (folder / "hostile.html").write_text(render_html(hostile_analysis(), HOSTILE_ARTICLE), "utf-8")
    return folder


@pytest.fixture(scope="module")
def founding(browser: BrowserContext, pages: Path) -> Iterator[Opened]:
    opened = open_page(browser, pages / f"{FOUNDING_ID}.html")
    yield opened
    opened.page.close()


def nato() -> Analysis:
    return recorded_analyses()[FOUNDING_ID]


def at_top(page: Page) -> None:
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")


def first_mark(page: Page, claim_index: int) -> Any:
    return page.locator(f'#article mark.ev[data-ev~="{claim_index}.0"]').first


def in_view(page: Page, claim_index: int) -> bool:
    return bool(first_mark(page, claim_index).evaluate(IN_VIEW))


def assert_evidence_highlighted(opened: Opened, analysis: Analysis, article: str) -> None:
    page = opened.page
    assert page.evaluate("() => document.getElementById('article').textContent") == article
    texts = page.evaluate(EVIDENCE_TEXTS)
    expected = {
        f"{index}.{span_index}": span.text
        for index, claim in enumerate(analysis.claims)
        for span_index, span in enumerate(claim.evidence)
    }
    assert texts == expected
    labels = page.evaluate(
        "() => Array.from(document.querySelectorAll('#article mark.ev[data-label]'),"
        " m => [m.dataset.label, getComputedStyle(m, '::before').content])"
    )
    assert all(content not in ("none", "normal", "") for _, content in labels)  # drawn before the words
    shown = " · ".join(label for label, _ in labels)
    for claim in analysis.claims:  # a visible label (not colour alone) for each claim
        assert f" {claim.id}" in shown


@pytest.mark.parametrize("article_id", sorted(recorded_analyses()))
def test_every_claim_is_highlighted_with_exactly_its_evidence(
    browser: BrowserContext, pages: Path, article_id: str
) -> None:
    opened = open_page(browser, pages / f"{article_id}.html")
    try:
        assert_evidence_highlighted(opened, recorded_analyses()[article_id], seed_texts()[article_id])
        assert not [line for line in opened.console if line.startswith("error")], opened.console
        assert opened.errors == []
        assert opened.requests_elsewhere() == []
    finally:
        opened.page.close()


def test_the_style_sheet_and_script_are_allowed_by_the_policy(founding: Opened) -> None:
    """Both are inline and allowed by hash: the style applies (a highlight has its colour) and the
    script runs (selecting words opens the box of their claims). A wrong hash logs a refusal."""
    page = founding.page
    background = first_mark(page, 0).evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    at_top(page)
    first_mark(page, 0).click()
    assert page.locator("#passage").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#passage").is_visible()
    assert not [line for line in founding.console if "Content Security Policy" in line]


def test_clicking_a_claim_scrolls_to_its_words_and_flashes_them(founding: Opened) -> None:
    page = founding.page
    last = len(nato().claims) - 1
    at_top(page)
    assert not in_view(page, last)
    page.locator(f"#claim-{last}").click()
    assert in_view(page, last)
    marks = page.locator(f'#article mark.ev[data-ev~="{last}.0"]')
    assert all("flash" in (marks.nth(i).get_attribute("class") or "") for i in range(marks.count()))
    assert all("selected" in (marks.nth(i).get_attribute("class") or "") for i in range(marks.count()))
    assert page.evaluate("() => document.activeElement.matches('mark.ev')")
    assert page.locator(f"#claim-{last}").get_attribute("aria-current") == "true"


def test_clicking_highlighted_words_shows_their_claims(founding: Opened) -> None:
    page = founding.page
    analysis = nato()
    shared = next(  # words that are evidence of two claims
        mark for mark in page.locator("#article mark.ev.multi").all() if mark.is_visible()
    )
    indices = sorted({int(token.split(".")[0]) for token in (shared.get_attribute("data-ev") or "").split()})
    assert len(indices) >= 2
    shared.click()
    box = page.locator("#passage")
    assert box.is_visible()
    listed = box.inner_text()
    for index in indices:
        assert analysis.claims[index].id in listed
        assert page.locator(f"#claim-{index}").get_attribute("aria-current") == "true"
    page.locator("[data-close-passage]").click()
    assert not box.is_visible()


def test_clicking_a_contradiction_shows_both_claims(founding: Opened) -> None:
    page = founding.page
    analysis = nato()
    index_of = {claim.id: i for i, claim in enumerate(analysis.claims)}
    far_apart = max(
        enumerate(analysis.contradictions),
        key=lambda item: abs(index_of[item[1].claim_a] - index_of[item[1].claim_b]),
    )
    pair_index, pair = far_apart
    a, b = index_of[pair.claim_a], index_of[pair.claim_b]
    at_top(page)
    page.locator(".pair-button").nth(pair_index).click()
    for claim in (a, b):
        marks = page.locator(f'#article mark.ev[data-ev~="{claim}.0"]')
        assert marks.count() > 0
        assert all("selected" in (marks.nth(i).get_attribute("class") or "") for i in range(marks.count()))
    assert in_view(page, a)
    page.locator(f"#pair-{pair_index} button.quote").nth(1).click()
    assert in_view(page, b)


def test_a_summary_citation_and_a_trace_entry_jump_to_their_claim(founding: Opened) -> None:
    page = founding.page
    at_top(page)
    cite = page.locator(".summary button.cite").last
    claim = int(cite.get_attribute("data-goto-claim") or "-1")
    cite.click()
    assert in_view(page, claim)
    page.locator(".trace summary").click()
    entry = page.locator(".trace button.cite").last
    claim = int(entry.get_attribute("data-goto-claim") or "-1")
    at_top(page)
    entry.click()
    assert in_view(page, claim)
    page.locator(".trace summary").click()


def test_the_keyboard_reaches_everything_with_a_visible_focus_and_activates_it(founding: Opened) -> None:
    """A Tab walk through the page: every control (claims, citations, contradictions, highlighted
    words, the trace) takes the focus, each with a visible outline; Enter and Space activate them."""
    page = founding.page
    at_top(page)
    wanted = page.evaluate(
        "() => { const all = Array.from(document.querySelectorAll('a[href], button, mark.ev, summary'))"
        ".filter(e => e.getClientRects().length && !e.closest('details:not([open]) > :not(summary)')"
        " && !e.closest('[hidden]')); all.forEach((e, i) => { e.dataset.walk = String(i); });"
        " return all.length; }"
    )
    focused_now = """() => { const e = document.activeElement; const s = getComputedStyle(e);
      return { key: e.dataset.walk || e.tagName,
               outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 }; }"""
    page.locator("a.skip").focus()
    start = page.evaluate(focused_now)["key"]
    reached: set[str] = {start}
    without_outline: list[str] = []
    for _ in range(wanted + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(focused_now)
        if focused["key"] == start or focused["key"] == "BODY":
            break
        reached.add(focused["key"])
        if not focused["outline"]:
            without_outline.append(focused["key"])
    assert reached == {str(i) for i in range(wanted)}
    assert without_outline == []
    # Enter on a claim jumps to its words; Space on words opens their claims
    last = len(nato().claims) - 1
    at_top(page)
    page.locator(f"#claim-{last}").focus()
    page.keyboard.press("Enter")
    assert in_view(page, last)
    assert page.evaluate("() => document.activeElement.matches('mark.ev')")
    page.keyboard.press(" ")
    assert page.locator("#passage").is_visible()
    page.keyboard.press("Escape")


def test_the_page_passes_the_axe_accessibility_check(founding: Opened) -> None:
    """axe-core (packaged by axe-playwright-python): WCAG 2 A and AA rules, colour contrast included."""
    page = founding.page
    at_top(page)
    page.locator(".trace summary").click()  # the trace too
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    )
    page.locator(".trace summary").click()
    assert results.violations_count == 0, results.generate_report()


def test_a_hostile_article_and_model_answer_run_nothing_and_load_nothing(
    browser: BrowserContext, pages: Path
) -> None:
    opened = open_page(browser, pages / "hostile.html")
    page = opened.page
    try:
        for element in page.locator("button, mark.ev").all():  # hover and click everything
            if element.is_visible():
                element.hover()
                element.click()
        assert page.evaluate(f"() => typeof {PWNED}") == "undefined"
        assert (
            page.evaluate(
                '() => document.querySelectorAll(\'img, iframe, svg, a[href]:not([href^="#"]), link, object,'
                " embed, b, style ~ style').length"
            )
            == 0
        )
        assert page.evaluate("() => document.scripts.length") == 1
        assert (
            page.evaluate(
                "() => Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
                ".some(a => a.name.startsWith('on'))).length"
            )
            == 0
        )
        assert opened.requests_elsewhere() == []
        assert opened.errors == []
        assert_evidence_highlighted(opened, hostile_analysis(), HOSTILE_ARTICLE)  # CR LF kept, shown inert
        assert page.locator("body").is_visible()  # no injected style hid the page
        # bidi overrides stay in the text but are isolated (they reorder nothing) and shown
        controls = page.locator("#article .ctl")
        assert controls.count() == HOSTILE_ARTICLE.count("\u202e") + HOSTILE_ARTICLE.count("\u202c") == 2
        assert all(
            controls.nth(i).evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate" for i in range(2)
        )
        assert "U+202E" in controls.first.evaluate("e => getComputedStyle(e, '::before').content")
        # the policy is in force: a script added to the page at run time is refused
        probe = page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__probe = 1';"
            " document.body.appendChild(s); return typeof window.__probe; }"
        )
        assert probe == "undefined"
        assert any("Content Security Policy" in line for line in opened.console)
    finally:
        page.close()


def test_the_page_reads_at_phone_width(browser: BrowserContext, pages: Path) -> None:
    opened = open_page(browser, pages / f"{FOUNDING_ID}.html", width=375)
    page = opened.page
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        article = page.locator("#article").bounding_box()
        panel = page.locator("#panel").bounding_box()
        assert article is not None and panel is not None
        assert panel["y"] > article["y"] + article["height"] - 1  # one column: the claims below
        page.locator("#claim-3").click()
        assert in_view(page, 3)
    finally:
        page.close()


def test_print_keeps_highlights_and_drops_the_controls(browser: BrowserContext, pages: Path) -> None:
    opened = open_page(browser, pages / f"{FOUNDING_ID}.html")
    page = opened.page
    try:
        page.emulate_media(media="print")
        assert page.locator("#panel").evaluate("p => getComputedStyle(p).position") == "static"
        assert page.locator(".passage").evaluate("p => getComputedStyle(p).display") == "none"
        mark = first_mark(page, 0).evaluate(
            "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).printColorAdjust]"
        )
        assert mark[0] not in ("rgba(0, 0, 0, 0)", "transparent") and mark[1] == "exact"
        assert len(page.pdf(format="A4")) > 10_000
    finally:
        page.close()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_founding_articles_report_screenshot(browser: BrowserContext, tmp_path: Path) -> None:
    """The screenshot shown in the README, made here: the founding article's file read as `analyze`
    reads it, its recorded analysis, the article beside the claims, one claim selected. Set
    COUNTERCLAIM_UPDATE_SCREENSHOT=1 to write it to docs/report-nato.png."""
    article = read_article(str(FOUNDING_ARTICLE)).text
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(nato(), article), encoding="utf-8")
    opened = open_page(browser, page_file)
    page = opened.page
    try:
        page.locator("#claim-1").click()
        page.locator("#article-title").evaluate("h => h.scrollIntoView({ block: 'start' })")
        page.evaluate("() => document.activeElement.blur()")
        page.mouse.move(0, 0)
        page.wait_for_timeout(1700)  # the flash is over
        visible = [m for m in page.locator("#article mark.ev").all()[:20] if m.evaluate(IN_VIEW)]
        assert len(visible) >= 5
        shot = tmp_path / "report-nato.png"
        page.screenshot(path=str(shot))
        assert _png_size(shot.read_bytes()) == SCREENSHOT_SIZE
        if os.environ.get(UPDATE_SCREENSHOT):
            shutil.copyfile(shot, SCREENSHOT)
    finally:
        page.close()


def test_the_committed_screenshot_is_the_tests_size_and_in_the_readme() -> None:
    assert _png_size(SCREENSHOT.read_bytes()) == SCREENSHOT_SIZE
    assert "docs/report-nato.png" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_words_opening_a_quotation_are_set_in_single_marks(founding: Opened) -> None:
    """The browser's own marks around a claim's words that open with the article's “ were doubled."""
    marks = founding.page.evaluate(
        "() => Array.from(document.querySelectorAll('q'),"
        " q => [q.textContent.trim(), getComputedStyle(q).quotes])"
    )
    opening = {quotes for text, quotes in marks if text[:1] == "\u201c"}
    plain = {quotes for text, quotes in marks if text[:1].isalnum() and text[-1:] not in DOUBLE_MARKS}
    assert opening == {'"\u2018" "\u2019"'}
    assert plain == {"auto"}  # the browser's own double marks
