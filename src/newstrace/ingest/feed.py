"""RSS and Atom feeds: each entry with full text becomes an article (feedparser).

An entry's text comes from, in order:

1. the local HTML file its link points to (a path relative to the feed's folder, or a ``file://`` URL),
   read with the HTML reader — only files inside the feed's folder are read, so that a feed from
   elsewhere cannot pull ``~/.ssh`` or ``/etc`` into the store;
2. its full content (``content:encoded``, Atom ``<content>``);
3. its summary, when it is long enough to be the article rather than a teaser
   (:data:`MIN_FULL_SUMMARY_CHARS`).

newstrace never fetches remote pages, so an entry with only a teaser is rejected with that reason.
Metadata: entry title, link, published date and author, and the feed's title as outlet, all with
``*_source="feed"``; a linked page's own metadata wins over the feed's (``"metadata"`` ranks higher).

Feeds that declare XML entities are refused before parsing: entity expansion is how XML bombs
("billion laughs") and external-entity reads work, and news feeds have no use for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newstrace.errors import InputError
from newstrace.ingest.html import html_article
from newstrace.ingest.metadate import parse_published
from newstrace.ingest.sniff import sniff_format
from newstrace.ingest.text import text_article
from newstrace.ingest.urls import fill_from_url, outlet_from_url
from newstrace.model import Article, Rejection, SourceRef

# Summaries that are teasers run one to three sentences (about 150-350 characters in the feeds of
# wire services and newspapers); a summary of 500 characters or more is the article itself, as
# feeds that put the full text in <description> do.
MIN_FULL_SUMMARY_CHARS = 500

# An entity declaration, in UTF-8/ASCII or UTF-16 (either byte order) encodings of the feed.
_ENTITY_MARKERS = tuple("<!ENTITY".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be"))

# Elements after which a fragment of feed HTML starts a new paragraph.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "tr",
        "table",
        "ul",
        "ol",
        "section",
        "article",
        "figure",
        "figcaption",
        "hr",
        "dd",
        "dt",
    }
)

# Blank lines that separate the paragraphs of extracted fragment text.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Text that is HTML markup rather than plain text (an opening or closing tag, or a character entity).
_MARKUP = re.compile(r"</?[A-Za-z][^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")

ENTITY_REASON = "feed declares XML entities (possible XML bomb); refused"


def read_feed(data: bytes, path: str, base_dir: Path, max_bytes: int) -> Iterator[Article | Rejection]:
    """Read an RSS/Atom feed's entries as articles.

    Args:
        data: the feed's bytes.
        path: its name, for :class:`SourceRef` (``line`` is the 1-based entry number).
        base_dir: the folder against which relative entry links are resolved (and the only tree
            linked files are read from).
        max_bytes: the largest linked file read.

    Yields:
        One article or rejection per entry; a single rejection for a feed that cannot be parsed or
        that declares XML entities.
    """
    import feedparser

    if any(marker in data for marker in _ENTITY_MARKERS):
        yield Rejection(path, ENTITY_REASON)
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            reason = " ".join(str(parsed.get("bozo_exception", "unknown error")).split())
            yield Rejection(path, f"feed cannot be parsed: {reason}")
        else:
            yield Rejection(path, "feed has no entries")
        return
    outlet = feed_outlet(_clean(parsed.feed.get("title")), parsed.feed.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            article = _entry_article(entry, path, number, base_dir, max_bytes)
        except InputError as exc:
            yield Rejection(path, exc.reason, number)
            continue
        _add_feed_metadata(article, entry, outlet)
        yield article


# Separators between an outlet's name and a section in feed titles: "The Post - World", "World | The Post".
TITLE_PARTS = re.compile(r"\s+[-|\u2013\u2014:\u00b7]\s+")


def feed_outlet(title: str | None, link: str | None) -> str | None:
    """The outlet named by a feed title, without the section that feeds often add to it.

    "The Meridian Post - World and Business" with link ``https://www.meridianpost.example/world`` gives
    "The Meridian Post": the part whose letters contain the site's name. When no part matches the host
    (or there is no link) the title is kept whole, since a guess could cut a real name in two.
    """
    if not title:
        return None
    parts = TITLE_PARTS.split(title)
    host = outlet_from_url(link) if link else None
    if len(parts) < 2 or not host:
        return title
    site = re.sub(r"[^a-z0-9]", "", host.split(".")[0])
    matching = [p for p in parts if site and site in re.sub(r"[^a-z0-9]", "", p.lower())]
    return matching[0] if len(matching) == 1 else title


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (feed content), one paragraph per block, blank lines between.

    Args:
        html: markup such as ``<p>One.</p><p>Two.</p>``, or plain text.

    Returns:
        The text, paragraphs separated by ``"\\n\\n"``, whitespace inside paragraphs collapsed.
    """
    if not _MARKUP.search(html):
        return _join_paragraphs(html)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _join_paragraphs(html)
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    return _join_paragraphs(root.text_content())


def _join_paragraphs(text: str) -> str:
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text.replace("\r", "")))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_article(entry: Any, path: str, number: int, base_dir: Path, max_bytes: int) -> Article:
    link = entry.get("link") or ""
    local = _local_file(link, base_dir)
    if local is not None:
        return _linked_article(local, path, number, max_bytes)
    contents = [c for c in entry.get("content", []) if c.get("value")]
    bodies = [fragment_text(c["value"]) for c in contents]
    body = max(bodies, key=len, default="")
    if not body:
        summary = fragment_text(entry.get("summary") or "")
        if len(summary) < MIN_FULL_SUMMARY_CHARS:
            where = f"its link {link!r} is not a local file" if link else "it has no link"
            size = f"only a {len(summary)}-character summary" if summary else "no text"
            raise InputError(f"entry has {size}, and {where} (newstrace does not fetch pages)")
        body = summary
    return Article(raw_text=body, source=SourceRef(path, "feed", number))


def _local_file(link: str, base_dir: Path) -> Path | None:
    """The local file an entry links to, or ``None`` for a web link.

    Raises:
        InputError: the link names a local file outside the feed's folder, or one that does not exist.
    """
    if not link:
        return None
    parts = urlsplit(link)
    if parts.scheme == "file":
        target = Path(unquote(parts.path))
    elif not parts.scheme and not parts.netloc:
        target = base_dir / unquote(parts.path)
    else:
        return None
    resolved = target.resolve()
    if not resolved.is_relative_to(base_dir.resolve()):
        raise InputError(f"entry links to {link!r}, outside the feed's folder; refused")
    if not resolved.is_file():
        raise InputError(f"entry links to local file {link!r}, which does not exist")
    return resolved


def _linked_article(file: Path, path: str, number: int, max_bytes: int) -> Article:
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(f"linked file {file.name} is over the {max_bytes / 1048576:.1f} MB limit")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read linked file {file.name}: {exc.strerror or exc}") from exc
    if not data:
        raise InputError(f"linked file {file.name} is empty")
    if sniff_format(data, file.name).format == "html":
        return html_article(data, path, fmt="feed", line=number)
    return text_article(data, path, fmt="feed", line=number)


def _add_feed_metadata(article: Article, entry: Any, outlet: str | None) -> None:
    article.title = article.title or _clean(entry.get("title"))
    link = entry.get("link") or ""
    if not article.url and urlsplit(link).scheme in {"http", "https"}:
        article.url = link
    article.byline = article.byline or _clean(entry.get("author"))
    if article.published is None:
        # An Atom entry's <updated> is taken only when it has no <published>: for most news feeds it
        # is the publication time, and a later correction moves it by hours, not days.
        published = parse_published(entry.get("published")) or parse_published(entry.get("updated"))
        if published is None:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            if stamp:
                published = parse_published(f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}")
        if published is not None:
            article.published, article.published_source = published, "feed"
    if not article.outlet and outlet:
        article.outlet, article.outlet_source = outlet, "feed"
    fill_from_url(article)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
