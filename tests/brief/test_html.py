"""HTML rendering: one self-contained page whose citations highlight the cited spans."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newstrace.brief import render_html
from newstrace.brief.copies import copy_citations
from newstrace.brief.entities import entity_citations
from newstrace.brief.html import WrappedSpan, wrap_spans
from newstrace.brief.sources import source_citations
from newstrace.model import Article, Brief


class _Collector(HTMLParser):
    """Collects tags with their attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture
def page(brief: Brief, articles: list[Article]) -> str:
    return render_html(brief, articles)


@pytest.fixture
def parsed(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_no_external_assets(page: str, parsed: _Collector) -> None:
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, f"<{tag}> loads an external asset"
        assert tag not in ("link", "iframe", "img", "object", "embed")
    # The only absolute URL is the link to article 1's original page.
    assert re.findall(r"https?://[^\s\"'<>]+", page) == ["https://courier.example/orvin"]
    assert '<a href="https://courier.example/orvin"' in page
    assert "@import" not in page and "url(" not in page


def test_article_text_is_escaped(page: str, parsed: _Collector) -> None:
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "trade &amp; fewer visitors" in page
    assert "Tunnel &amp; Road &lt;Weekly&gt;" in page
    assert "Orvin &lt;b&gt;tunnel&lt;/b&gt; &amp; you" in page
    assert len(parsed.scripts) == 1, "only the page's own highlight script"


def test_every_citation_links_to_a_wrapped_span_of_its_article(
    brief: Brief, articles: list[Article], parsed: _Collector
) -> None:
    spans = {a["id"]: a for t, a in parsed.tags if t == "span" and "cited" in (a.get("class") or "")}
    cites = [a for t, a in parsed.tags if t == "a" and a.get("class") == "cite"]
    expected = len(brief.summary) + len(brief.single) + sum(len(s.citations) for s in brief.shared)
    expected += sum(len(e.citations) for e in brief.timeline)
    expected += len(entity_citations(brief.entities))
    expected += len(source_citations(brief))
    expected += len(copy_citations(brief.copies))
    for claim in brief.claims:
        # A single-source claim cites its statement once; an aligned one cites its first statement, every
        # statement in its meta line, each further statement, and both sides of each difference.
        n = len(claim.statements)
        expected += 1 if claim.label == "single" else 1 + n + (n - 1) + 2 * len(claim.differences)
    assert len(cites) == expected
    texts = {a.id: a.text for a in articles}
    for cite in cites:
        target = spans[cite["href"].removeprefix("#")]
        key = ("data-article", "data-start", "data-end")
        assert [target[k] for k in key] == [cite[k] for k in key]
    # Every sentence of every article is wrapped once, at its offsets.
    wrapped = {(int(s["data-article"]), int(s["data-start"]), int(s["data-end"])) for s in spans.values()}
    assert {(c.article_id, c.start, c.end) for c in brief.single} <= wrapped
    assert all(texts[a][s:e] for a, s, e in wrapped)


def test_highlight_script_and_no_js_fallback(page: str, parsed: _Collector) -> None:
    script = parsed.scripts[0]
    assert "mouseover" in script and "click" in script and "classList" in script
    assert ".cited:target" in page  # without JS, following a citation link still highlights the span


def test_article_panels_keep_the_whole_text(brief: Brief, articles: list[Article], page: str) -> None:
    from html import unescape

    for article in articles:
        panel = page.split(f'id="article-{article.id}"')[1].split('<div class="body">')[1].split("</div>")[0]
        assert unescape(re.sub(r"<[^>]+>", "", panel)) == article.text


def test_unsafe_url_is_not_linked(brief: Brief, articles: list[Article]) -> None:
    import dataclasses

    bad = dataclasses.replace(brief.articles[0], url="javascript:alert(1)")
    page = render_html(dataclasses.replace(brief, articles=(bad, *brief.articles[1:])), articles)
    assert "javascript:" not in page


def test_missing_article_text_is_said_not_crashed(brief: Brief, articles: list[Article]) -> None:
    page = render_html(brief, articles[:2])
    assert "was not available" in page


FIRST_TWO_WRAPPED = (
    '<span class="cited" id="s-1-0-2" data-article="1" data-start="0" data-end="2">a&lt;</span>&amp;b'
)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        (
            [WrappedSpan(1, 0, 2)],
            FIRST_TWO_WRAPPED,
        ),
        # A span crossing one already wrapped is left out; out-of-range spans are ignored.
        (
            [WrappedSpan(1, 0, 2), WrappedSpan(1, 1, 3), WrappedSpan(1, 2, 9)],
            FIRST_TWO_WRAPPED,
        ),
        ([], "a&lt;&amp;b"),
    ],
)
def test_wrap_spans(spans: list[WrappedSpan], expected: str) -> None:
    assert wrap_spans("a<&b", spans) == expected


def test_lede_is_the_same_overview_as_markdown(brief: Brief, page: str) -> None:
    from newstrace.brief.markdown import overview

    assert "claims agreed" in overview(brief) or "claim agreed" in overview(brief)
    assert f"Story {brief.story_id}: {overview(brief)}." in page
