"""URL helpers: outlet from host, date from path, normalisation for "the same URL"."""

from __future__ import annotations

import pytest

from newstrace.ingest.urls import date_from_url, fill_from_url, normalise_url, outlet_from_url
from newstrace.model import Article, PartialDate, SourceRef


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example-times.com/a", "example-times.com"),
        ("https://m.example-times.com/a", "example-times.com"),
        ("https://amp.example-times.com/a", "example-times.com"),
        ("HTTPS://WWW.Example-Times.COM/a", "example-times.com"),
        ("https://news.example.co.uk/world/1", "news.example.co.uk"),
        ("https://m.com/a", "m.com"),  # a two-label host is the outlet itself
        ("/relative/path.html", None),
        ("file:///tmp/page.html", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://example.com/2023/09/12/kim-arrives", "2023-09-12"),
        ("https://example.com/world/2023-09-12-kim-arrives", "2023-09-12"),
        ("https://example.com/news/20230912/kim-arrives", "2023-09-12"),
        ("https://example.com/2023/09/kim-arrives", "2023-09"),
        ("https://example.com/2023/9/2/kim.html", "2023-09-02"),
        ("https://example.com/story/kim-arrives-12345678", None),
        ("https://example.com/2023/13/01/x", None),
        ("https://example.com/2023/section", None),  # a lone year is a section as often as a date
        ("https://example.com/a?date=2023-09-12", None),  # query strings are filters, not dates
        ("https://example.com/article/20231345/x", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, iso: str | None) -> None:
    found = date_from_url(url)
    assert (found.iso() if found else None) == iso


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTPS://Example.COM/World/Story?id=7#comments", "https://example.com/World/Story?id=7"),
        ("https://example.com/a?utm_source=x&utm_medium=y&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?fbclid=abc", "https://example.com/a"),
        ("https://example.com/a?b=2&gclid=zz&a=1", "https://example.com/a?b=2&a=1"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("  not a url  ", "not a url"),
    ],
)
def test_normalise_url(url: str, normal: str) -> None:
    assert normalise_url(url) == normal


def test_normalise_url_makes_variants_of_one_page_equal() -> None:
    variants = [
        "https://www.example.com/news/kim?utm_campaign=feed",
        "https://WWW.EXAMPLE.COM/news/kim#top",
        "https://www.example.com/news/kim?fbclid=1&utm_source=tw",
    ]
    assert len({normalise_url(v) for v in variants}) == 1


def test_fill_from_url_keeps_stated_values_and_marks_url_ones() -> None:
    stated = Article(
        raw_text="x",
        source=SourceRef("a.jsonl", "jsonl", 1),
        url="https://www.daily-example.com/2023/09/12/x",
        outlet="Daily Example",
        outlet_source="metadata",
    )
    fill_from_url(stated)
    assert (stated.outlet, stated.outlet_source) == ("Daily Example", "metadata")
    assert (stated.published, stated.published_source) == (PartialDate(2023, 9, 12), "url")
