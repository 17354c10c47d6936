"""Format sniffing: content decides, the file name only breaks ties."""

from __future__ import annotations

import gzip

import pytest

from newstrace.errors import InputError
from newstrace.ingest.sniff import sniff_format

LEAD = "Flood barriers on the fictional Orrin river held overnight, the town council of Lowmere said.\n"
RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>'
ATOM = b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'
RDF = b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
        (b"WARC/1.0\r\n", "x.txt", "warc"),
        (b'{"text": "A report."}\n{"text": "Another."}\n', "dump.dat", "jsonl"),
        (b'\n\n  {"text": "A report."}\n', "x", "jsonl"),
        (b'{"text": broken\n{"text": "fine"}\n{"text": "fine too"}\n', "dump.dat", "jsonl"),
        (b'{"text": broken\n', "dump.jsonl", "jsonl"),  # the extension breaks the tie
        (b'{"text": "a very long line cut by the sniff window', "dump.ndjson", "jsonl"),
        (RSS, "feed.txt", "feed"),
        (ATOM, "news", "feed"),
        (RDF, "news.rdf", "feed"),
        (b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "page.txt", "html"),
        (b"<html><head><title>x</title></head></html>", "page", "html"),
        (b"  <body><p>Hi</p></body>", "page.dat", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>', "a.xhtml", "html"),
        (b"Saved fragment\n<div><p>One</p><p>Two</p><a href='/'>x</a></div>", "frag.txt", "html"),
        (b"A report that mentions <b> once.\n", "report.txt", "text"),
        (b"A report that mentions <b> once.\n", "report.html", "html"),
        (LEAD.encode(), "report.html", "text"),
        (LEAD.encode(), "report.jsonl", "text"),
        ("\ufeff".encode() + LEAD.encode(), "r.txt", "text"),
        (LEAD.encode("utf-16"), "r.txt", "text"),
        ("“Curly” quotes in cp1252".encode("cp1252"), "r.txt", "text"),
        (b"{ this is prose that starts with a brace }\nand goes on.\n", "note.txt", "text"),
    ],
)
def test_sniff_format(head: bytes, name: str, expected: str) -> None:
    assert sniff_format(head, name).format == expected


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "warc"),
        (b'{"text": "x"}\n', "jsonl"),
        (b"<!doctype html><html><body><p>x</p></body></html>", "html"),
    ],
)
def test_gzip_is_looked_into(payload: bytes, expected: str) -> None:
    sniffed = sniff_format(gzip.compress(payload), "x.gz")
    assert sniffed.format == expected
    assert sniffed.gzip is (expected != "warc")  # warcio decompresses WARC itself


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"hello\x00\x01\x02world", "contains NUL bytes"),
    ],
)
def test_binary_is_refused_with_its_kind(head: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=r"^binary file \(.*\), not text$") as caught:
        sniff_format(head, "picture.txt")
    assert kind in caught.value.reason


@pytest.mark.parametrize(
    ("head", "reason"),
    [
        (b"", "empty file"),
        (b'<?xml version="1.0"?>\n<urlset><url/></urlset>', "neither an RSS/Atom feed nor HTML"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "gzip file is damaged"),
    ],
)
def test_unusable_inputs_are_refused(head: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        sniff_format(head, "x")
