"""Which reader an input needs, decided from its first bytes; the file name only breaks ties.

Users rename files, save pages as ``.txt`` and export JSONL as ``.dat``, so the content decides:

1. ``WARC/1.`` magic (or gzip whose decompressed head starts with ``WARC/``) → ``warc``;
2. known binary signatures (images, PDF, zip, ...) or NUL bytes → refused as binary;
3. first non-blank line is a JSON object → ``jsonl``;
4. XML whose root is ``rss``, ``feed`` or ``rdf:RDF`` → ``feed``;
5. ``<!doctype html``, ``<html``, ``<body``, a leading tag, or many HTML tags → ``html``;
6. anything else → ``text``.

Other gzip files are decompressed and sniffed again (``.jsonl.gz`` dumps, saved ``.html.gz`` pages).

Example:
    >>> sniff_format(b'{"text": "..."}\\n', "dump.dat").format
    'jsonl'
    >>> sniff_format(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "page.txt").format
    'html'
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from newstrace.errors import InputError
from newstrace.ingest.decode import bom_encoding
from newstrace.model import InputFormat

# How many bytes of an input are looked at. 64 KiB holds the XML prolog and root of any feed and the
# first lines of a JSONL file; a JSONL line longer than this is recognised by its opening brace alone.
SNIFF_BYTES = 65536

GZIP_MAGIC = b"\x1f\x8b"

# Signatures of binary formats a user may point newstrace at by mistake, with the name the reason gives.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive or Office document"),
    (b"PK\x05\x06", "empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

# RIFF containers name their kind at offset 8; ISO media ("ftyp") at offset 4.
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# The XML prolog parts before the root element: declaration, comments, processing instructions,
# DOCTYPE (with an internal subset in brackets) and whitespace.
XML_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.I)

# The first element's name, with an optional namespace prefix (rdf:RDF).
ROOT_TAG = re.compile(r"<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]")

# Opening or closing tags of HTML elements that occur in article markup; five of them make a page
# HTML even without <html> or <body> (a saved fragment), while a stray "<b>" in a text file does not.
HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|h[1-6]|article|section|header|footer|main|nav|ul|ol|li|table|tr|td|img|"
    r"strong|em|b|i|blockquote|figure|figcaption|script|style|meta|link|title)\b[^>]*>",
    re.I,
)
_MIN_HTML_TAGS = 5

# A DOCTYPE that names HTML (any version).
DOCTYPE_HTML = re.compile(r"<!DOCTYPE\s+html", re.I)

_HTML_ROOTS = frozenset({"html", "head", "body"})
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
_FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})

# Non-blank lines looked at when the first JSONL line is broken: another one that parses tells a JSONL
# file with a damaged first record from prose that happens to begin with a brace.
_JSONL_PROBE_LINES = 5


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What an input holds: the reader to use, and whether its bytes are gzip-compressed first.

    ``gzip`` is never set for ``warc``: warcio reads compressed WARC files itself.
    """

    format: InputFormat
    gzip: bool = False


def sniff_format(head: bytes, name: str = "") -> Sniffed:
    """Decide an input's format from its first bytes (:data:`SNIFF_BYTES` are enough).

    Args:
        head: the first bytes of the input (the whole input when it is short).
        name: the file name; its extension only breaks ties (a page with few tags named ``.html``,
            a JSONL file whose first line is broken named ``.jsonl``).

    Returns:
        The format, and whether the input is gzip-compressed.

    Raises:
        InputError: the input is empty or binary, e.g. "binary file (looks like PNG image), not text".
    """
    if not head:
        raise InputError("empty file")
    if head.startswith((b"WARC/1.", b"WARC/0.")):
        return Sniffed("warc")
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if head.startswith(GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.lstrip().startswith(b"WARC/"):
            return Sniffed("warc")
        inner_name = name[: -len(suffixes[-1])] if suffixes and suffixes[-1] in {".gz", ".gzip"} else name
        if not inner:
            raise InputError("gzip file is damaged or empty")
        return Sniffed(sniff_format(inner, inner_name).format, gzip=True)
    _refuse_binary(head)
    text = _head_text(head)
    suffix = suffixes[-1] if suffixes else ""
    return Sniffed(_sniff_text(text, suffix))


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error as exc:
        raise InputError(f"gzip file is damaged: {exc}") from exc


def _refuse_binary(head: bytes) -> None:
    kind = next((label for magic, label in _BINARY_MAGIC if head.startswith(magic)), None)
    if kind is None and head.startswith(b"RIFF"):
        kind = _RIFF_KINDS.get(head[8:12], "RIFF media file")
    if kind is None and head[4:8] == b"ftyp":
        kind = "MP4/QuickTime media"
    if kind is not None:
        raise InputError(f"binary file (looks like {kind}), not text")
    if bom_encoding(head) is None and b"\x00" in head:
        raise InputError("binary file (contains NUL bytes), not text")


def _head_text(head: bytes) -> str:
    # Only ASCII markup is inspected, so a legacy 8-bit encoding decoded as UTF-8 with replacement
    # characters sniffs the same as its proper decoding would.
    encoding = bom_encoding(head) or "utf-8"
    # A UTF-16 head cut at an odd byte would end in half a character.
    if encoding.startswith("utf-16") and len(head) % 2:
        head = head[:-1]
    return head.decode(encoding, errors="replace").removeprefix("\ufeff")


def _sniff_text(text: str, suffix: str) -> InputFormat:
    stripped = text.lstrip()
    if stripped.startswith("{") and _looks_like_jsonl(stripped, suffix):
        return "jsonl"
    if stripped.startswith("<"):
        markup = _sniff_markup(stripped, suffix)
        if markup is not None:
            return markup
    tags = len(HTML_TAG.findall(text))
    if tags >= _MIN_HTML_TAGS or (tags and suffix in _HTML_SUFFIXES):
        return "html"
    return "text"


def _looks_like_jsonl(text: str, suffix: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    # The last line of a head cut short may be incomplete, unless the head holds the whole input.
    complete = lines[:-1] if len(lines) > 1 else lines
    if not complete:
        return True
    if _is_json_object(complete[0]):
        return True
    if len(lines) == 1:
        # One line longer than the head, or a one-line file: its brace and the name decide.
        return suffix in _JSONL_SUFFIXES or text.rstrip().endswith("}")
    if suffix in _JSONL_SUFFIXES:
        return True
    return any(_is_json_object(line) for line in complete[1 : 1 + _JSONL_PROBE_LINES])


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _sniff_markup(text: str, suffix: str) -> InputFormat | None:
    prolog = XML_PROLOG.match(text)
    prolog_text = prolog.group(0) if prolog else ""
    if DOCTYPE_HTML.search(prolog_text):
        return "html"
    root = ROOT_TAG.match(text, len(prolog_text))
    if root is None:
        return None
    name = root.group(1).lower()
    local = name.rsplit(":", 1)[-1]
    if name in _FEED_ROOTS or local == "rdf":
        return "feed"
    if local in _HTML_ROOTS:
        return "html"
    if prolog_text.lstrip().startswith("<?xml") or suffix in _FEED_SUFFIXES:
        raise InputError(f"XML document with root <{root.group(1)}> is neither an RSS/Atom feed nor HTML")
    return "html"
