"""The read stage: paths (files, folders, ``-`` for stdin) → articles, one rejection per unreadable input.

For each input, in order:

1. expand folders recursively, sorted by name, skipping hidden files and folders and the notes that
   describe a folder rather than report news (``README``, ``LICENSE``, ``NOTICE``, ``CHANGELOG``, any
   extension; such a file named on its own is read);
2. open it (missing → "no such file", unreadable → "cannot read: permission denied");
3. sniff its format from its first bytes (:mod:`newstrace.ingest.sniff`);
4. hand it to the format's reader: :mod:`~newstrace.ingest.text`, :mod:`~newstrace.ingest.html`,
   :mod:`~newstrace.ingest.jsonl`, :mod:`~newstrace.ingest.feed`, :mod:`~newstrace.ingest.warc`;
5. fill outlet and date from the URL where the input stated none (:mod:`~newstrace.ingest.urls`).

Size limit: a file holding one document (text, HTML, feed) larger than ``options.max_bytes`` is refused
unread. JSONL and WARC files are streamed record by record, so their size is not limited — a crawl or
a dump of many gigabytes is normal — but each line or page is held to ``max_bytes``.

Nothing here raises for a user's input: every problem becomes a :class:`Rejection` and reading goes on.
"""

from __future__ import annotations

import errno
import gzip
import os
import re
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from newstrace.config import Options
from newstrace.errors import InputError
from newstrace.ingest.feed import read_feed
from newstrace.ingest.html import html_article
from newstrace.ingest.jsonl import read_jsonl
from newstrace.ingest.sniff import SNIFF_BYTES, Sniffed, sniff_format
from newstrace.ingest.text import text_article
from newstrace.ingest.urls import fill_from_url
from newstrace.ingest.warc import read_warc
from newstrace.model import Article, Rejection

# The name stdin goes by in source references and rejections.
STDIN_LABEL = "<stdin>"

# Stdin is spooled to memory up to this size, then to a temporary file, so that a piped crawl can be
# streamed like a file without holding it all in memory.
_SPOOL_BYTES = 8 * 1024 * 1024

_MB = 1024 * 1024


def read_inputs(
    paths: Iterable[str], options: Options, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read every input named by ``paths`` into articles; reject, with a reason, what cannot be read.

    Args:
        paths: files, folders (read recursively in sorted order, hidden entries skipped) and ``"-"``
            for standard input.
        options: ``max_bytes`` limits the size of a document (see the module docstring).
        stdin: the stream ``"-"`` reads; ``sys.stdin.buffer`` when not given.

    Yields:
        :class:`Article` records (``text``, ``credits``, ``removed`` and ``dateline_place`` are left
        for the cleaning stage) and one :class:`Rejection` per input, JSONL line, feed entry or WARC
        record that cannot be read. Never raises for a problem with an input.
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
            continue
        for item in _expand(name):
            if isinstance(item, Rejection):
                yield item
            else:
                yield from read_file(item, options)


def read_file(path: str, options: Options) -> Iterator[Article | Rejection]:
    """Read one file (any supported format) into articles and rejections.

    Args:
        path: the file.
        options: run options (``max_bytes``).

    Yields:
        As :func:`read_inputs`, for this file.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield Rejection(path, _os_reason(exc))
        return
    with handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device has no size to check; read it as stdin is read.
            yield from _read_stdin(handle, options, label=path)
            return
        yield from _read_stream(handle, path, info.st_size, options, Path(path).resolve().parent)


def _read_stdin(
    stream: IO[bytes], options: Options, label: str = STDIN_LABEL
) -> Iterator[Article | Rejection]:
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
        try:
            shutil.copyfileobj(stream, spool)
        except OSError as exc:
            yield Rejection(label, _os_reason(exc))
            return
        size = spool.tell()
        spool.seek(0)
        yield from _read_stream(spool, label, size, options, Path.cwd())


def _expand(name: str) -> Iterator[str | Rejection]:
    """Files named by one path argument, or a rejection for a path that cannot be listed."""
    path = Path(name)
    if not os.path.lexists(path):
        yield Rejection(name, "no such file")
        return
    if not path.is_dir():
        yield name
        return
    yield from _walk(path, seen=set())


# Files that describe a folder of reports (the seeds folder has a README.md): not reports themselves.
FOLDER_NOTE = re.compile(r"^(?:README|LICEN[CS]E|NOTICE|CHANGELOG|COPYING)(?:\.[A-Za-z]+)?$", re.IGNORECASE)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[str | Rejection]:
    try:
        info = folder.stat()
        # A symbolic link back up the tree would otherwise make the walk endless.
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejection(str(folder), _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith(".") or FOLDER_NOTE.match(entry.name):
            continue
        child = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, seen)
        else:
            yield str(child)


def _read_stream(
    stream: IO[bytes], label: str, size: int, options: Options, base_dir: Path
) -> Iterator[Article | Rejection]:
    if size == 0:
        yield Rejection(label, "empty file")
        return
    max_bytes = options.max_bytes
    limit = max_bytes / _MB
    too_big = Rejection(label, f"file is {size / _MB:.1f} MB, over the {limit:.1f} MB limit (set max_bytes)")
    try:
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
        sniffed = sniff_format(head, Path(label).name)
    except InputError as exc:
        yield too_big if size > max_bytes else Rejection(label, exc.reason)
        return
    except OSError as exc:
        yield Rejection(label, _os_reason(exc))
        return
    if sniffed.format == "warc":
        yield from _guarded(read_warc(stream, label, max_bytes), label, sniffed)
        return
    body: IO[bytes] = (
        gzip.GzipFile(fileobj=stream, mode="rb") if sniffed.gzip else stream  # type: ignore[assignment]
    )
    if sniffed.format == "jsonl":
        yield from _guarded(read_jsonl(body, label, max_bytes), label, sniffed)
        return
    if size > max_bytes and not sniffed.gzip:
        yield too_big
        return
    try:
        data = body.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(label, f"cannot read: {_short(exc)}")
        return
    if len(data) > max_bytes:
        yield Rejection(label, f"file is over the {limit:.1f} MB limit once decompressed (set max_bytes)")
        return
    yield from _guarded(_read_document(data, label, sniffed, base_dir, max_bytes), label, sniffed)


def _read_document(
    data: bytes, label: str, sniffed: Sniffed, base_dir: Path, max_bytes: int
) -> Iterator[Article | Rejection]:
    if sniffed.format == "feed":
        yield from read_feed(data, label, base_dir, max_bytes)
        return
    if sniffed.format == "html":
        article = html_article(data, label)
        fill_from_url(article)
        yield article
        return
    yield text_article(data, label)


def _guarded(
    results: Iterator[Article | Rejection], label: str, sniffed: Sniffed
) -> Iterator[Article | Rejection]:
    """Pass a reader's results on; turn what it raises into one rejection, so the run goes on."""
    try:
        yield from results
    except InputError as exc:
        yield Rejection(label, exc.reason, exc.line)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(label, f"cannot read: {_short(exc)}")
    except Exception as exc:  # a third-party parser failing on odd input must not end a batch run
        yield Rejection(label, f"cannot read as {sniffed.format}: {type(exc).__name__}: {_short(exc)}")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    if exc.errno == errno.EISDIR:
        return "cannot read: is a folder"
    return f"cannot read: {(exc.strerror or str(exc)).lower()}"


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
