"""Reading the article: from a file, standard input or a Python string, checked and decoded.

Every problem ends in an InputError with a one-line message that says what is wrong and,
where there is one, what to do about it. Bytes are decoded strictly: without ``encoding``
they must be UTF-8, and nothing is ever guessed or decoded as Latin-1 behind the user's back.

The returned text is what all offsets refer to: a UTF-8 byte order mark is removed and HTML is
converted to its visible text. Markdown and plain text keep their Windows line endings (``\\r\\n``),
so offsets index the user's text and slicing the decoded file at a span gives its evidence; the
sanitizer removes the carriage returns from what the model sees, as for any invisible character.
A lone ``\\r`` (old Mac line ending) becomes ``\\n``, one character for one, so offsets do not move.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

from counterclaim.errors import InputError
from counterclaim.io.html_text import html_to_text, looks_like_html
from counterclaim.io.regular_files import read_regular_file, read_standard_input
from counterclaim.io.sanitize import sanitize

DEFAULT_MAX_CHARS = 200_000
STDIN_SOURCE = "<stdin>"
TEXT_SOURCE = "<text>"

# HTML pages carry far more markup than text; raw input may be this many times max_chars.
_HTML_MARKUP_ALLOWANCE = 20
# The widest encodings (UTF-32) take four bytes per character.
_MAX_BYTES_PER_CHAR = 4
# Share of control characters above which input is taken for binary data.
_MAX_CONTROL_SHARE = 0.10
# How much of the input the byte-level binary check looks at.
_BINARY_SAMPLE_BYTES = 65_536

_BYTE_ORDER_MARK = "\ufeff"
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes / characters that do not occur in text (tab, newline, carriage return and
# form feed do; C1 controls only count once decoded). ESC counts: a few colour codes are
# fine, a high share is not text.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")


@dataclass(frozen=True)
class ArticleInput:
    """The article text every later offset refers to, where it came from, and what was done to it."""

    text: str
    source: str  # a path, "<stdin>" or "<text>"
    notices: tuple[str, ...]


def read_article(
    path: str,
    *,
    encoding: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
) -> ArticleInput:
    """Read and check the article at ``path``; ``"-"`` reads standard input (or ``stdin``).

    ``encoding`` is a Python codec name; without it the bytes must be UTF-8 (a BOM is fine).
    Raises InputError for a missing, unreadable, empty, binary, wrongly encoded or too long article.
    """
    _check_max_chars(max_chars)
    max_bytes = max_chars * _MAX_BYTES_PER_CHAR * _HTML_MARKUP_ALLOWANCE
    if path == "-":
        source = STDIN_SOURCE
        raw = read_standard_input(stdin, max_bytes, what="article")
    else:
        source = path
        raw = _read_file(path, max_bytes)
    if len(raw) > max_bytes:
        raise InputError(
            f"{source}: article input is larger than {max_bytes:,} bytes; the limit is {max_chars:,} "
            "characters (set --max-chars or COUNTERCLAIM_MAX_CHARS)"
        )
    text = _decode(raw, encoding, source)
    return _checked_article(text, source=source, max_chars=max_chars)


def article_from_text(
    text: str, *, max_chars: int = DEFAULT_MAX_CHARS, source: str = TEXT_SOURCE
) -> ArticleInput:
    """Check article text given as a string, with the same rules as ``read_article``.

    Raises InputError for empty, binary-looking, not valid Unicode or too long text, TypeError for
    anything but a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"article text must be a str, not {type(text).__name__}")
    _check_max_chars(max_chars)
    if len(text) > max_chars * _HTML_MARKUP_ALLOWANCE:
        raise _too_long(source, len(text), max_chars)
    return _checked_article(text, source=source, max_chars=max_chars)


def _check_max_chars(max_chars: int) -> None:
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")


def _read_file(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the regular file at ``path`` (`read_regular_file`): a
    directory, a named pipe or a device is refused before a byte is read; the last two can be read
    through standard input instead."""
    hint = f"; to read from it, use - and redirect: counterclaim analyze - < {path}"
    return read_regular_file(path, max_bytes, what="article file", pipe_hint=hint)


def _decode(raw: bytes, encoding: str | None, source: str) -> str:
    if encoding is None:
        _reject_binary_bytes(raw, source)
        return _decode_strictly(raw, "utf-8", "UTF-8", source, hint=_UTF8_HINT)
    codec = _lookup_text_codec(encoding, source)
    return _decode_strictly(raw, codec.name, encoding, source, hint="check --encoding")


_UTF8_HINT = "pass --encoding latin-1 (or the right one) if the file uses another encoding"
_ENCODING_EXAMPLES = "try utf-8, latin-1, cp1252 ..."


def check_encoding(encoding: str) -> None:
    """Raise InputError unless `encoding` names a text codec (checked once before a corpus is read,
    so a typo fails the command, not each article in turn)."""
    _lookup_text_codec(encoding, "--encoding")


def _lookup_text_codec(encoding: str, source: str) -> codecs.CodecInfo:
    try:
        codec = codecs.lookup(encoding)
    except LookupError as error:
        raise InputError(f"{source}: unknown encoding {encoding!r} ({_ENCODING_EXAMPLES})") from error
    if not getattr(codec, "_is_text_encoding", True):
        raise InputError(f"{source}: {encoding!r} is not a text encoding ({_ENCODING_EXAMPLES})")
    return codec


def _decode_strictly(raw: bytes, encoding: str, label: str, source: str, *, hint: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        where = f"at byte {error.start} (line {_line_number(raw[: error.start], encoding)})"
        raise InputError(f"{source}: not valid {label} {where}; {hint}") from error
    except (UnicodeError, ValueError, TypeError) as error:  # odd codecs fail in odd ways
        raise InputError(f"{source}: cannot decode the article as {label}: {error}") from error


def _line_number(valid_prefix: bytes, encoding: str) -> int:
    """The 1-based line an error is on, counting \\n, \\r\\n and lone \\r as line breaks."""
    try:
        text = valid_prefix.decode(encoding, errors="replace")
    except (UnicodeError, ValueError, TypeError):
        text = valid_prefix.decode("ascii", errors="replace")
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _reject_binary_bytes(raw: bytes, source: str) -> None:
    """Before UTF-8 decoding: a NUL byte or many control bytes mean this is not a text file."""
    for bom, name in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise InputError(f"{source}: looks like {name.upper()} text; pass --encoding {name}")
    if b"\x00" in raw:
        if _looks_like_utf16_without_bom(raw):
            raise InputError(f"{source}: looks like UTF-16 text; pass --encoding utf-16-le or utf-16-be")
        raise InputError(f"{source}: looks like binary data, not text (it contains NUL bytes)")
    sample = raw[:_BINARY_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{source}: looks like binary data, not text")


def _looks_like_utf16_without_bom(raw: bytes) -> bool:
    """Mostly ASCII in UTF-16: every other byte is NUL, always at the same parity."""
    sample = raw[:_BINARY_SAMPLE_BYTES]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) >= 0.7 * half and min(even_nuls, odd_nuls) == 0


def _checked_article(text: str, *, source: str, max_chars: int) -> ArticleInput:
    text = text.lstrip(_BYTE_ORDER_MARK)  # files glued together can start with several
    text = _LONE_CARRIAGE_RETURN.sub("\n", text)  # same length: offsets stay those of the user's text
    _reject_binary_text(text, source)
    notices: list[str] = []
    if looks_like_html(text):  # offsets index the converted text anyway
        converted = html_to_text(text.replace("\r\n", "\n"))
        text = converted.lstrip(_BYTE_ORDER_MARK)  # a BOM right after "<!DOCTYPE html>"
        if not has_visible_text(text):
            raise InputError(f"{source}: input looked like HTML but contains no article text")
        notices.append(f"input looked like HTML; converted to text ({len(text):,} characters)")
    if not has_visible_text(text):
        raise InputError(f"{source}: article is empty (only whitespace or invisible characters)")
    if len(text) > max_chars:
        raise _too_long(source, len(text), max_chars)
    return ArticleInput(text=text, source=source, notices=tuple(notices))


def _reject_binary_text(text: str, source: str) -> None:
    problem = unicode_problem(text)
    if problem is not None:  # no UTF-8 can carry a lone surrogate: the request could never be sent
        raise InputError(f"{source}: {problem}")
    if "\x00" in text:
        raise InputError(f"{source}: looks like binary data, not text (it contains NUL characters)")
    controls = len(text) - len(_CONTROL_CHARACTERS.sub("", text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{source}: looks like binary data, not text")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_problem_in(value: object, where: str = "") -> str | None:
    """`unicode_problem` of the first string in `value` (a JSON value: nested lists and objects, keys
    included, in document order) that has one, named by its place ("claims[2].evidence: not valid
    ..."), or None."""
    if isinstance(value, str):
        problem = unicode_problem(value)
        return None if problem is None else f"{where or 'the value'}: {problem}"
    if isinstance(value, dict):
        for key, item in value.items():
            place = f"{where}.{key}" if where else str(key)
            found = unicode_problem_in(key, f"{place} (the key)") or unicode_problem_in(item, place)
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = unicode_problem_in(item, f"{where}[{index}]")
            if found is not None:
                return found
    return None


def unicode_problem(text: str) -> str | None:
    """Why `text` is no valid Unicode text (a lone surrogate, which no UTF-8 can carry), or None."""
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is None:
        return None
    code = ord(surrogate.group())
    return f"not valid Unicode text (a lone surrogate, U+{code:04X}, at character {surrogate.start():,})"


def has_visible_text(text: str) -> bool:
    """Whether the text holds something to read once invisible characters are stripped (`sanitize`)."""
    return bool(sanitize(text).clean.strip())


def _too_long(source: str, length: int, max_chars: int) -> InputError:
    return InputError(
        f"{source}: article is {length:,} characters; the limit is {max_chars:,} "
        "(set --max-chars or COUNTERCLAIM_MAX_CHARS)"
    )
