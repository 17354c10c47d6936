"""WARC archives: HTML responses become articles; other records are skipped; damage is reported once."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.config import Options
from newstrace.ingest import read_inputs
from newstrace.model import Article, PartialDate, Rejection

PARAS = [
    "Ferry services between the fictional islands of Corra and Dunmere resumed on Saturday after a "
    "three-day strike by deckhands ended with a pay deal, the operator said.",
    "The union said its members had accepted a rise of six percent over two years. Passengers who "
    "missed sailings will be refunded, the operator added in a notice at the harbour.",
]


def _page(n: int, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>Report {n}. {p}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head><title>Ferries resume {n}</title>{meta}</head>"
        f"<body><article><h1>Ferries resume {n}</h1>{body}</article></body></html>"
    ).encode()


def _record(writer: WARCWriter, url: str, payload: bytes, content_type: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=BytesIO(payload), http_headers=http)
    )


def _crawl(gzip: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    _record(
        writer, "https://www.corra-herald.example/2023/09/16/ferries", _page(1), "text/html; charset=utf-8"
    )
    _record(writer, "https://www.corra-herald.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")
    _record(
        writer,
        "https://corra-herald.example/gone",
        b"<html><body>Not found</body></html>",
        "text/html",
        status="404 Not Found",
    )
    _record(writer, "https://dunmere-news.example/ferries", _page(2, "2023-09-17"), "text/html")
    _record(
        writer,
        "https://dunmere-news.example/menu",
        b"<html><body><a href='/'>Home</a></body></html>",
        "text/html",
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("gzip", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz"), (True, "crawl.bin")]
)
def test_html_responses_become_articles(tmp_path: Path, gzip: bool, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_crawl(gzip))
    results = list(read_inputs([str(path)], Options()))
    first, second, menu = results  # warcinfo, image and 404 are skipped silently
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.raw_text == "\n\n".join(f"Report 1. {p}" for p in PARAS)
    assert first.title == "Ferries resume 1"
    assert first.url == "https://www.corra-herald.example/2023/09/16/ferries"
    assert (first.outlet, first.outlet_source) == ("corra-herald.example", "url")
    # WARC-Date is the crawl date (today): never the publication date. The URL's date is used instead.
    assert (first.published, first.published_source) == (PartialDate(2023, 9, 16), "url")
    assert (second.published, second.published_source) == (PartialDate(2023, 9, 17), "metadata")
    assert (first.source.format, first.source.line) == ("warc", 2)
    assert second.source.line == 5
    assert menu == Rejection(str(path), "HTML page has no article text", 6)


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_warc_keeps_earlier_records(tmp_path: Path, gzip: bool) -> None:
    data = _crawl(gzip)
    # Cut the archive in the middle of the fourth record's page (the second article).
    cut = data.rfind(b"Ferries resume 2") if not gzip else _gzip_member_starts(data)[4] + 40
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    results = list(read_inputs([str(path)], Options()))
    assert isinstance(results[0], Article) and results[0].source.line == 2
    assert len(results) == 2
    assert isinstance(results[1], Rejection)
    assert results[1].reason.startswith("WARC is truncated or corrupt after record ")


def _gzip_member_starts(data: bytes) -> list[int]:
    """Offsets of the gzip members of a WARC.gz (one member per record)."""
    import zlib

    starts, offset = [], 0
    while offset < len(data):
        starts.append(offset)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflater.decompress(data[offset:])
        offset = len(data) - len(inflater.unused_data)
    return starts
