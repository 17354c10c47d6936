"""Bytes → text: byte-order marks, UTF-8, then a detected legacy encoding (Latin-1 / cp1252 and others).

Example:
    >>> decode_text("\u201cYes,\u201d she said.".encode("cp1252"))
    '\u201cYes,\u201d she said.'
"""

from __future__ import annotations

import codecs
import re

from newstrace.errors import InputError

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Line ends of every platform (Windows \r\n, old Mac \r), turned into \n.
_LINE_ENDS = re.compile(r"\r\n?")

# C0 control characters that never occur in text (tab, newline, form feed and carriage return do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Single-byte encodings charset-normalizer may name for Western text. On short inputs it often cannot
# tell them apart, and news written in one of them is overwhelmingly cp1252 (a superset of Latin-1 that
# has the curly quotes and dashes), so cp1252 wins whenever it decodes the bytes cleanly.
_WESTERN = frozenset(
    """
    ascii iso8859_1 iso8859_15 cp1252 cp1250 iso8859_2 mac_roman mac_latin2 cp850 cp437 iso8859_9 cp1254
    iso8859_3 iso8859_4 iso8859_10 iso8859_13 iso8859_14 iso8859_16 cp1257 mac_iceland mac_turkish
    hp_roman8 cp858
    """.split()
)

# Share of control characters above which decoded "text" is really binary data. Real text has none;
# a few stray ones (a pasted form feed, a vertical tab) must not reject a report.
_MAX_CONTROL_SHARE = 0.01


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, or ``None``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a text file's bytes, whatever encoding it was saved in, and unify line ends to ``\\n``.

    Order of trust: a byte-order mark; the encoding the container declares (an HTTP header, a
    ``<meta charset>``), when it decodes the bytes without error; UTF-8; then the encoding
    charset-normalizer detects, with cp1252 preferred among Western single-byte encodings.

    Args:
        data: the file's bytes.
        declared: an encoding named by the container, if any (tried, never trusted blindly).

    Returns:
        The text, without a byte-order mark, with ``\\n`` line ends.

    Raises:
        InputError: the bytes are not text in any encoding ("binary file (undecodable), not text").
    """
    text = _decode(data, declared)
    if "\x00" in text or len(_CONTROL.findall(text[:65536])) > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise InputError("binary file (control characters), not text")
    return _LINE_ENDS.sub("\n", text)


def _decode(data: bytes, declared: str | None) -> str:
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            reason = f"file starts with a {bom} byte-order mark but is not {bom}: {exc.reason}"
            raise InputError(reason) from exc
    if declared:
        try:
            return data.decode(_codec_name(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return name


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file (undecodable), not text")
    encoding = codecs.lookup(best.encoding).name.replace("-", "_")
    if encoding in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)
