"""Arbitrary bytes in: only a clean InputError or a usable article ever comes out."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from counterclaim.errors import InputError
from counterclaim.io.article_input import ArticleInput, article_from_text, read_article
from counterclaim.io.html_text import html_to_text
from counterclaim.io.sanitize import sanitize

MAX_CHARS = 2_000

_HTML_PIECES = [
    "<p>",
    "</p>",
    "<div hidden>",
    "</div>",
    "<script>",
    "</script>",
    "<![weird]>",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "<br>",
    "<article>",
    "</article>",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    '<span style="display:none">',
    "<pre>",
    "<a href='",
    "<",
    ">",
]

# Mostly valid UTF-8 text with a little damage: stray continuation bytes, cut multi-byte
# sequences, overlong encodings, encoded surrogates, byte order marks, CR/LF mixes, markup.
_DAMAGE = [
    b"\x80",
    b"\xbf",
    b"\xc0\xaf",
    b"\xe0\x80\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x98",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\x1b[31m",
    b"\x7f",
    "\u200b".encode(),
    "\U000e0041".encode(),
]
near_utf8 = st.lists(
    st.one_of(
        st.text(max_size=12).map(str.encode),
        st.sampled_from(_DAMAGE),
        st.sampled_from(_HTML_PIECES).map(str.encode),
    ),
    max_size=30,
).map(b"".join)

any_input = st.one_of(st.binary(max_size=400), near_utf8)


def _assert_usable(article: ArticleInput) -> None:
    assert article.text.strip()
    assert "\x00" not in article.text
    assert "\r" not in article.text.replace("\r\n", "")  # CRLF is kept (offsets), a lone CR is not
    assert "\r" not in sanitize(article.text).clean  # what the model reads has no carriage return
    assert not article.text.startswith("\ufeff")
    assert len(article.text) <= MAX_CHARS


def _read_or_reject(path: str, stdin: io.BytesIO | None = None, encoding: str | None = None) -> None:
    try:
        article = read_article(path, stdin=stdin, encoding=encoding, max_chars=MAX_CHARS)
    except InputError as error:
        assert error.one_line()
        assert "\n" not in error.message
        return
    _assert_usable(article)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(any_input)
@example(b"")
@example(b"\x00")
@example(b"<![foo]>")
@example(b"<p>a</p><p>b</p><div>c</div>")
@example(b"\xef\xbb\xbf\r\n")
@example(b"\xef\xbb\xbf\xef\xbb\xbf!")
def test_file_input_gives_an_article_or_an_input_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "article"
        path.write_bytes(data)
        _read_or_reject(str(path))


@settings(max_examples=150)
@given(any_input)
@example(b"<!DOCTYPE\thtml>\xef\xbb\xbf!")  # found by hypothesis: a BOM left leading after the markup
def test_stdin_input_gives_an_article_or_an_input_error(data: bytes) -> None:
    _read_or_reject("-", stdin=io.BytesIO(data))


@settings(max_examples=100)
@given(any_input, st.sampled_from(["latin-1", "utf-16", "cp1252", "utf-8"]))
def test_explicit_encodings_give_an_article_or_an_input_error(data: bytes, encoding: str) -> None:
    _read_or_reject("-", stdin=io.BytesIO(data), encoding=encoding)


@settings(max_examples=150)
@given(
    st.one_of(st.text(max_size=300), st.lists(st.sampled_from([*_HTML_PIECES, "x", " ", "\n"])).map("".join))
)
def test_text_input_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        article = article_from_text(text, max_chars=MAX_CHARS)
    except InputError:
        return
    _assert_usable(article)


html_soup = st.lists(st.one_of(st.sampled_from(_HTML_PIECES), st.text(max_size=10))).map("".join)


@settings(max_examples=150)
@given(html_soup, st.sampled_from(["<script>SECRET</script>", "<div hidden>SECRET</div>", "<style>SECRET"]))
def test_html_conversion_never_crashes_and_never_shows_earlier_hidden_text(html: str, hidden: str) -> None:
    try:
        text = html_to_text(hidden + html)
    except InputError:
        return
    assert "SECRET" not in text


@settings(max_examples=150)
@given(html_soup)
def test_unclosed_trailing_comment_stays_hidden(html: str) -> None:
    try:
        text = html_to_text(html + "<!--SECRET")
    except InputError:
        return
    assert "SECRET" not in text
