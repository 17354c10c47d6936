"""HTML pages → article text and metadata, with trafilatura.

Trafilatura runs in precision mode without comments: a brief built from a page's navigation, teasers or
reader comments would cite text the outlet never reported. Its text keeps one line per block; we make
every block a paragraph (blank line between), as plain-text reports have them.

The publication date is taken only when the page states it (meta tags, JSON-LD, ``<time>``), through
htmldate with ``extensive_search=False``: the extensive search guesses from free text and copyright
lines (a "© 2024" footer becomes 2024-01-01). htmldate is called without the page URL, so that a date in
the URL is recorded as coming from the URL (``published_source="url"``), not as page metadata; it never
falls back to today's date (checked in tests/ingest/test_read_html.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.errors import InputError
from newstrace.ingest.decode import decode_text
from newstrace.ingest.metadate import parse_published
from newstrace.ingest.urls import outlet_from_url
from newstrace.model import Article, InputFormat, PartialDate, SourceRef

# A charset declared in the page: <meta charset="x"> or <meta http-equiv ... content="text/html; charset=x">.
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# Browsers honour a <meta charset> only within the first 1024 bytes; we look a little further for pages
# with long comments before <head>.
_CHARSET_SCAN_BYTES = 4096

NO_TEXT = "HTML page has no article text"

# On a page without an article trafilatura still returns link text ("Home", "Contact us"). A body counts
# as article text only if one of its paragraphs has this many words: menus and link lists have 1-4,
# the shortest wire briefs have 20 or more in their first sentence. Scripts written without spaces
# (Chinese, Japanese) count by characters instead: 30 is about one sentence.
MIN_PARAGRAPH_WORDS = 10
MIN_UNSPACED_PARAGRAPH_CHARS = 30


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What a page says about itself: body text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None


def extract_html(html: str, url: str | None = None) -> HtmlDocument:
    """Extract the article body and metadata from an HTML page.

    Args:
        html: the page's markup, decoded.
        url: where the page was fetched from (a WARC record's target URI), used when the page names no
            canonical URL of its own.

    Returns:
        The body text and whatever metadata the page states.

    Raises:
        InputError: the page has no article text ("HTML page has no article text").
    """
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"HTML page cannot be parsed: {exc}") from exc
    text = _paragraphs(getattr(document, "text", None) or "") if document is not None else ""
    if not text or document is None or isinstance(document, dict):
        raise InputError(NO_TEXT)
    title = _clean(document.title)
    text = _without_headline(text, title)
    if not any(_is_prose(block) for block in text.split("\n\n")):
        raise InputError(NO_TEXT)
    page_url = _clean(document.url) or url
    return HtmlDocument(
        text=text,
        title=title,
        byline=_clean(document.author),
        outlet=_stated_outlet(_clean(document.sitename), page_url),
        url=page_url,
        published=_stated_date(html),
    )


def html_article(
    data: bytes,
    path: str,
    *,
    fmt: InputFormat = "html",
    line: int | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """Read one HTML page into an article (``raw_text`` is the extracted body).

    Args:
        data: the page's bytes.
        path: where it was read (for :class:`SourceRef`).
        fmt: the source format (``"warc"`` or ``"feed"`` for pages inside those).
        line: record or entry number inside a container.
        url: the URL the page was fetched from, if known.
        charset: the encoding a container declared (HTTP ``Content-Type``), if any.

    Returns:
        The article, with title, byline, outlet (``outlet_source="metadata"``), url and published
        (``published_source="metadata"``) when the page states them.

    Raises:
        InputError: undecodable bytes, or no article text.
    """
    html = decode_text(data, charset or declared_charset(data))
    page = extract_html(html, url)
    return Article(
        raw_text=page.text,
        source=SourceRef(path, fmt, line),
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        outlet_source="metadata" if page.outlet else None,
        byline=page.byline,
        published=page.published,
        published_source="metadata" if page.published else None,
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, or ``None``."""
    match = META_CHARSET.search(data[:_CHARSET_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def _stated_date(html: str) -> PartialDate | None:
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, url=None)
    except (ValueError, TypeError):
        return None
    return parse_published(found) if found else None


def _paragraphs(text: str) -> str:
    blocks = (line.strip() for line in text.split("\n"))
    return "\n\n".join(block for block in blocks if block)


def _is_prose(paragraph: str) -> bool:
    words = len(paragraph.split())
    return words >= MIN_PARAGRAPH_WORDS or (words <= 2 and len(paragraph) >= MIN_UNSPACED_PARAGRAPH_CHARS)


def _stated_outlet(sitename: str | None, url: str | None) -> str | None:
    # Trafilatura falls back to the URL's host when a page names no site; that is the URL's evidence,
    # not the page's, and fill_from_url records it as such.
    if sitename and url:
        host = outlet_from_url(url)
        if host and sitename.lower().removeprefix("www.") == host:
            return None
    return sitename


def _without_headline(text: str, title: str | None) -> str:
    # Trafilatura keeps the page's <h1> as the body's first block; it is the title, not body copy (the
    # text reader drops a headline line the same way).
    first, _, rest = text.partition("\n\n")
    if title and first.casefold() == title.casefold():
        return rest
    return text


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None
