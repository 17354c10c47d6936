"""RSS/Atom feeds: full-text entries become articles; teasers, broken feeds and XML bombs are refused."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.ingest import read_inputs
from newstrace.ingest.feed import ENTITY_REASON, feed_outlet, fragment_text
from newstrace.model import Article, PartialDate, Rejection

P1 = (
    "The fictional republic of Oskaria held its first televised budget debate on Friday, with the "
    "finance minister, Pell Arden, defending a rise in fuel duty that the opposition called reckless."
)
P2 = "\u201cThe roads do not pay for themselves,\u201d Arden told the chamber. The vote is due next week."


def rss(items: str, title: str = "Oskaria Ledger \u2013 Politics") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>{title}</title><link>https://oskaria-ledger.example/</link>{items}</channel></rss>"""


FULL_ITEM = f"""<item><title>Budget debate on television</title>
<link>https://www.oskaria-ledger.example/politics/budget-debate</link>
<pubDate>Fri, 15 Sep 2023 18:20:00 +0200</pubDate><dc:creator>Mira Holt</dc:creator>
<description>A short teaser.</description>
<content:encoded><![CDATA[<p>{P1}</p><p>{P2}</p>]]></content:encoded></item>"""


def _read(tmp_path: Path, xml: str, name: str = "feed.xml") -> list[Article | Rejection]:
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    return list(read_inputs([str(path)], Options()))


def test_entry_with_full_content(tmp_path: Path) -> None:
    [article] = _read(tmp_path, rss(FULL_ITEM))
    assert isinstance(article, Article)
    assert article.raw_text == f"{P1}\n\n{P2}"
    assert article.title == "Budget debate on television"
    assert article.url == "https://www.oskaria-ledger.example/politics/budget-debate"
    assert article.byline == "Mira Holt"
    assert (article.published, article.published_source) == (PartialDate(2023, 9, 15), "feed")
    assert (article.outlet, article.outlet_source) == ("Oskaria Ledger", "feed")  # the section is dropped
    assert (article.source.format, article.source.line) == ("feed", 1)


def test_atom_feed(tmp_path: Path) -> None:
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Oskaria Wire</title><id>urn:x</id>
<updated>2023-09-16T00:00:00Z</updated>
<entry><title>Fuel duty vote delayed</title><id>urn:1</id>
<link href="https://oskaria-wire.example/2023/09/16/fuel"/>
<published>2023-09-16T09:00:00+02:00</published><updated>2023-09-17T09:00:00+02:00</updated>
<author><name>Jon Tarr</name></author>
<content type="html">&lt;p&gt;{P1}&lt;/p&gt;&lt;p&gt;{P2}&lt;/p&gt;</content></entry></feed>"""
    [article] = _read(tmp_path, xml, name="wire.atom")
    assert isinstance(article, Article)
    assert article.raw_text == f"{P1}\n\n{P2}"
    assert article.published == PartialDate(2023, 9, 16)  # published, not updated
    assert article.byline == "Jon Tarr"
    assert article.outlet == "Oskaria Wire"


def test_teaser_only_entry_is_rejected_and_others_read(tmp_path: Path) -> None:
    teaser = (
        "<item><title>Teaser</title><link>https://example.com/t</link>"
        "<description>Short.</description></item>"
    )
    long_summary = (
        "<item><title>Long</title><description><![CDATA["
        f"<p>{P1}</p><p>{P2}</p><p>{P1}</p><p>{P2}</p>]]></description></item>"
    )
    results = _read(tmp_path, rss(teaser + FULL_ITEM + long_summary))
    assert isinstance(results[0], Rejection) and results[0].line == 1
    assert "summary" in results[0].reason and "does not fetch" in results[0].reason
    assert [type(r) for r in results[1:]] == [Article, Article]
    assert results[2].source.line == 3 and results[2].raw_text.startswith(P1)


def test_entry_linking_a_local_page(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "debate.html").write_text(
        f"<html><head><title>Debate</title><meta name='author' content='Page Author'></head>"
        f"<body><article><p>{P1}</p><p>{P2}</p></article></body></html>",
        encoding="utf-8",
    )
    item = (
        "<item><title>Feed title</title><link>pages/debate.html</link>"
        "<dc:creator>Feed Author</dc:creator></item>"
    )
    [article] = _read(tmp_path, rss(item))
    assert isinstance(article, Article)
    assert article.raw_text == f"{P1}\n\n{P2}"
    assert article.byline == "Page Author"  # the page's own metadata wins over the feed's
    assert article.source.format == "feed"


def test_local_link_outside_the_feed_folder_is_refused(tmp_path: Path) -> None:
    feed_dir = tmp_path / "feeds"
    feed_dir.mkdir()
    (tmp_path / "secret.html").write_text(f"<html><body><p>{P1}</p></body></html>", encoding="utf-8")
    item = "<item><title>x</title><link>../secret.html</link></item>"
    [rejection] = _read(feed_dir, rss(item))
    assert isinstance(rejection, Rejection) and "outside the feed's folder" in rejection.reason


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title><lastBuildDate>Fri, 1',
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Empty</title></channel></rss>',
    ],
)
def test_broken_or_empty_feed_gives_one_rejection(tmp_path: Path, xml: str) -> None:
    [rejection] = _read(tmp_path, xml)
    assert isinstance(rejection, Rejection) and rejection.line is None
    assert rejection.reason.startswith(("feed cannot be parsed: ", "feed has no entries"))


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(entities) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
        "<description>&lol9;</description></item></channel></rss>"
    )


XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>"""


@pytest.mark.parametrize("xml", [_billion_laughs(), XXE], ids=["billion-laughs", "external-entity"])
def test_xml_bombs_are_refused_before_parsing(tmp_path: Path, xml: str) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = _read(tmp_path, xml)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert results == [Rejection(str(tmp_path / "feed.xml"), ENTITY_REASON)]
    # Expanded, &lol9; alone is 3 GB of text; refused unparsed, memory does not move (ru_maxrss is KiB).
    assert after - before < 50_000


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("One.<br><br>Two.", "One.\n\nTwo."),
        (
            "<div>A <b>bold</b>\n move.</div><script>x()</script><ul><li>i</li><li>ii</li></ul>",
            "A bold move.\n\ni\n\nii",
        ),
        ("Plain text,\nwrapped.\n\nSecond paragraph.", "Plain text, wrapped.\n\nSecond paragraph."),
        ("Caf&eacute; &amp; bar", "Caf\u00e9 & bar"),
    ],
)
def test_fragment_text(html: str, text: str) -> None:
    assert fragment_text(html) == text


@pytest.mark.parametrize(
    ("title", "link", "expected"),
    [
        (
            "The Meridian Post - World and Business",
            "https://www.meridianpost.example/world",
            "The Meridian Post",
        ),
        ("World news | Harbour Times", "https://harbourtimes.example/", "Harbour Times"),
        # No part names the site: kept whole rather than cut.
        ("Notes - From The Field", "https://blog.example/", "Notes - From The Field"),
        ("The Meridian Post - World", None, "The Meridian Post - World"),
        ("Harbour Times", "https://harbourtimes.example/", "Harbour Times"),
    ],
)
def test_feed_outlet_drops_the_section(title: str, link: str | None, expected: str) -> None:
    assert feed_outlet(title, link) == expected
