"""WARC and WARC.gz web archives: each archived HTML (or plain-text) page becomes an article (warcio).

Only ``response`` and ``resource`` records with a 2xx status and an HTML or text payload are read;
requests, metadata, revisits, redirects, error pages, images and scripts are skipped silently (they
are not articles, and no one asked for them to be).

The URL is the record's ``WARC-Target-URI`` unless the page names a canonical one. ``WARC-Date`` is
the crawl time, not the publication time, and the HTTP ``Last-Modified`` header is the server's file
time: neither is used as ``published``. The date comes from the page's own metadata, or else from a
date in its URL (``published_source="url"``).

A damaged archive yields the articles read before the damage, then one rejection saying after which
record it broke.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from newstrace.errors import InputError
from newstrace.ingest.html import html_article
from newstrace.ingest.text import text_article
from newstrace.ingest.urls import fill_from_url
from newstrace.model import Article, Rejection

_READ_TYPES = frozenset({"response", "resource"})

# Media types whose payload is a page: HTML and XHTML are extracted, plain text is read as is.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})

# The charset parameter of a Content-Type header.
CONTENT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)

# Error messages from warcio and zlib can run to several lines; the reason keeps the first 120 chars.
_MAX_ERROR_CHARS = 120


def read_warc(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """Read the HTML and text pages of a WARC (plain or gzip-compressed) as articles.

    Args:
        stream: the archive, opened in binary mode (warcio detects gzip itself).
        path: its name, for :class:`SourceRef` (``line`` is the 1-based record number).
        max_bytes: the largest page payload read; a larger one is rejected and skipped.

    Yields:
        An article per readable page; a rejection per page that is not an article (for instance
        "HTML page has no article text"), and one rejection if the archive breaks off.
    """
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            leftover = _unread_tail(stream, getattr(archive, "offset", None))
            if leftover:
                # A gzip member cut short ends warcio's iteration as if the archive ended there.
                yield _broken(path, number, f"{leftover} bytes after it could not be read")
            return
        except Exception as exc:  # warcio and zlib raise many types for a damaged archive
            yield _broken(path, number, exc)
            return
        number += 1
        result: Article | Rejection | None
        try:
            result = _record_article(record, path, number, max_bytes)
        except InputError as exc:
            result = Rejection(path, exc.reason, number)
        except Exception as exc:  # the payload broke off in the middle of this record
            yield _broken(path, number - 1, exc)
            return
        try:
            missing = _missing_bytes(record)
        except Exception as exc:
            yield _broken(path, number - 1, exc)
            return
        if missing:
            # warcio hands out a cut-off last record as if it were whole; its page would be a fragment.
            yield _broken(path, number - 1, f"record {number} lacks {missing} of its {record.length} bytes")
            return
        if result is not None:
            yield result


def _unread_tail(stream: IO[bytes], offset: int | None) -> int:
    """Bytes of the archive after the end of the last record warcio read (0 when unknown)."""
    if offset is None:
        return 0
    try:
        size = stream.seek(0, 2)
    except (OSError, ValueError):
        return 0
    return max(size - offset, 0)


def _missing_bytes(record: Any) -> int:
    """Read what is left of a record; the number of bytes its Content-Length promised but the file lacks."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return max(getattr(stream, "limit", 0), 0)


def _broken(path: str, number: int, problem: BaseException | str) -> Rejection:
    message = " ".join(str(problem).split())[:_MAX_ERROR_CHARS] or type(problem).__name__
    return Rejection(path, f"WARC is truncated or corrupt after record {number}: {message}")


def _record_article(record: Any, path: str, number: int, max_bytes: int) -> Article | None:
    if record.rec_type not in _READ_TYPES:
        return None
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in _HTML_TYPES and media_type not in _TEXT_TYPES:
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise InputError(f"page is over the {max_bytes / 1048576:.1f} MB limit (set max_bytes)")
    if not payload.strip():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    charset_match = CONTENT_CHARSET.search(content_type)
    charset = charset_match.group(1) if charset_match else None
    if media_type in _HTML_TYPES:
        article = html_article(payload, path, fmt="warc", line=number, url=url, charset=charset)
    else:
        article = text_article(payload, path, fmt="warc", line=number, charset=charset)
        article.url = url
    if not article.url:
        article.url = url
    fill_from_url(article)
    return article
