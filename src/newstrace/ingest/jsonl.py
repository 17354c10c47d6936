"""JSON Lines: one article per line, read as a stream (a dump of millions of lines never sits in memory).

Fields of a line's object (only ``text`` is required):

===============  ==========================================================================
``text``         the body, a non-empty string (``body``, ``content``, ``maintext`` are accepted
                 when ``text`` is absent: news-please and common crawls' dumps use them)
``title``        headline
``url``          where it was published; gives outlet and date when the line has none
``outlet``       publisher name (``source``, ``publisher``, ``sitename`` also accepted)
``published``    ISO date/datetime or a written date; one without a year stays partial
                 (``date``, ``published_at``, ``date_publish`` also accepted)
``id``           the user's own identifier, kept as a string in ``external_id``
``byline``       author(s) (``author``, ``authors``: a string or a list of names)
===============  ==========================================================================

A broken line gives one :class:`Rejection` with its 1-based line number; the lines after it are read.
Blank lines are skipped (and still counted, so line numbers match an editor's).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from newstrace.ingest.metadate import parse_published
from newstrace.ingest.urls import fill_from_url
from newstrace.model import Article, Rejection, SourceRef

_TEXT_KEYS = ("text", "body", "content", "maintext")
_OUTLET_KEYS = ("outlet", "source", "publisher", "sitename")
_PUBLISHED_KEYS = ("published", "date", "published_at", "date_publish", "pubdate")
_BYLINE_KEYS = ("byline", "author", "authors")

# json.JSONDecodeError messages carry the position; the reason keeps it short enough for one line.
_MAX_REASON_CHARS = 80


def read_jsonl(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """Read a JSONL stream, one article (or one rejection) per non-blank line.

    Args:
        stream: the file's bytes (already decompressed), UTF-8 (a UTF-8 BOM is skipped).
        path: the file's name, for :class:`SourceRef` and :class:`Rejection`.
        max_bytes: the longest line read; a longer one is rejected and skipped unread.

    Yields:
        An :class:`Article` per good line (``source.line`` is the 1-based line number), a
        :class:`Rejection` per bad one.
    """
    for number, raw in enumerate(_lines(stream, max_bytes), start=1):
        if raw is None:
            limit = max_bytes / 1048576
            yield Rejection(path, f"line is over the {limit:.1f} MB limit (set max_bytes)", number)
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Rejection(path, "line is not UTF-8 text", number)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(path, f"line is not valid JSON: {exc.msg[:_MAX_REASON_CHARS]}", number)
            continue
        result = record_article(record, path, number)
        yield result


def record_article(record: Any, path: str, line: int | None = None) -> Article | Rejection:
    """Turn one decoded JSON record into an article, or say why it cannot be one.

    Args:
        record: the parsed value of one line.
        path: the file's name.
        line: its 1-based line number.

    Returns:
        The article (``format="jsonl"``), or a rejection naming the missing or wrong field.
    """
    if not isinstance(record, dict):
        return Rejection(path, f"line is a JSON {type(record).__name__}, not an object", line)
    key = next((k for k in _TEXT_KEYS if k in record), None)
    if key is None:
        return Rejection(path, "no 'text' field", line)
    text = record[key]
    if not isinstance(text, str):
        return Rejection(path, f"'{key}' is not a string", line)
    if not text.strip():
        return Rejection(path, f"'{key}' is empty", line)
    article = Article(
        raw_text=text.replace("\r\n", "\n").strip(),
        source=SourceRef(path, "jsonl", line),
        title=_string(record.get("title")),
        url=_string(record.get("url")),
        byline=_byline(record),
        external_id=_identifier(record.get("id")),
    )
    outlet = _first_string(record, _OUTLET_KEYS)
    if outlet:
        article.outlet, article.outlet_source = outlet, "metadata"
    for date_key in _PUBLISHED_KEYS:
        published = parse_published(record.get(date_key))
        if published is not None:
            article.published, article.published_source = published, "metadata"
            break
    fill_from_url(article)
    return article


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of the stream; ``None`` for a line over ``max_bytes`` (its rest is skipped unread)."""
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield raw


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _string(record.get(key))
        if value:
            return value
    return None


def _byline(record: dict[str, Any]) -> str | None:
    for key in _BYLINE_KEYS:
        value = record.get(key)
        if isinstance(value, list):
            names = [_string(v) for v in value]
            joined = ", ".join(n for n in names if n)
            if joined:
                return joined
        elif _string(value):
            return _string(value)
    return None


def _identifier(value: Any) -> str | None:
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = str(value).strip()
    return text or None
