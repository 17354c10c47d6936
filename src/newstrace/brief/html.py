"""Render a :class:`~newstrace.model.Brief` as one self-contained HTML page.

The page holds the brief on the left and every article's cleaned text on the right. Each cited span of an
article is wrapped (server-side, from the offsets) in an element carrying ``data-article``,
``data-start`` and ``data-end``; each citation in the brief links to it. A small inline script highlights
the span while a citation is hovered or focused, and pins and scrolls to it on click; without JavaScript
the link still jumps to the span, which CSS ``:target`` highlights. No external asset, CDN or web font:
the file can be mailed, archived and opened offline.

Example:
    >>> Path("story-4.html").write_text(render_html(brief, articles))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newstrace.brief.citations import shown
from newstrace.brief.claims import claim_citations
from newstrace.brief.copies import copy_citations
from newstrace.brief.entities import entity_citations
from newstrace.brief.markdown import overview
from newstrace.brief.sources import provenance_svg, quotes_by_speaker, source_citations
from newstrace.brief.timeline import timeline_svg
from newstrace.model import Article, Brief, BriefArticle, Citation

# The page template; CSS and JS live inline in it.
TEMPLATE = "brief.html.j2"

# Only these URL schemes become links to an article's original page ("javascript:" and "data:" must not).
LINK_SCHEMES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class WrappedSpan:
    """A cited span of one article, as the article panel marks it up."""

    article_id: int
    start: int
    end: int

    @property
    def anchor(self) -> str:
        """The element id the citations link to."""
        return f"s-{self.article_id}-{self.start}-{self.end}"


def render_html(brief: Brief, articles: Sequence[Article]) -> str:
    """The brief as a single self-contained HTML document.

    Args:
        brief: a built brief.
        articles: the brief's articles (their cleaned text fills the article panels); an article of the
            brief missing here gets a panel saying so, and its citations still show as text.

    Returns:
        HTML text. Every piece of article text, title and metadata is escaped.
    """
    import jinja2
    from markupsafe import Markup

    by_id = {a.id: a for a in articles if a.id is not None}
    cited: dict[int, set[WrappedSpan]] = {}
    for citation in _all_citations(brief):
        cited.setdefault(citation.article_id, set()).add(
            WrappedSpan(citation.article_id, citation.start, citation.end)
        )
    panels = []
    for meta in brief.articles:
        article = by_id.get(meta.article_id)
        body = (
            Markup(wrap_spans(article.text, cited.get(meta.article_id, set())))
            if article is not None
            else None
        )
        panels.append({"meta": meta, "body": body, "link": _safe_link(meta.url), "line": _meta_line(meta)})
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newstrace.brief", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["anchor"] = lambda c: WrappedSpan(c.article_id, c.start, c.end).anchor
    env.filters["count_articles"] = lambda cs: len({c.article_id for c in cs})
    env.filters["shown"] = shown
    labels = {a.article_id: a.label for a in brief.articles}
    single_by_article: list[dict[str, Any]] = []
    for citation in brief.single:
        if not single_by_article or single_by_article[-1]["article_id"] != citation.article_id:
            single_by_article.append(
                {"article_id": citation.article_id, "label": labels.get(citation.article_id, ""), "items": []}
            )
        single_by_article[-1]["items"].append(citation)
    return env.get_template(TEMPLATE).render(
        brief=brief,
        overview=overview(brief),
        panels=panels,
        single_by_article=single_by_article,
        timeline_svg=Markup(timeline_svg(brief.timeline)),
        provenance_svg=Markup(provenance_svg(brief.provenance)),
        quotes_by_speaker=quotes_by_speaker(brief.quotes),
    )


def wrap_spans(text: str, spans: set[WrappedSpan] | Sequence[WrappedSpan]) -> str:
    """Escape ``text`` and wrap each span in a highlightable ``<span class="cited">``.

    Args:
        text: an article's cleaned text.
        spans: spans of that text; a span inside another is wrapped inside it (a name cited within a
            cited sentence); a span crossing another's end is left out, since HTML elements cannot cross;
            spans out of range are ignored.

    Returns:
        HTML: the text, escaped, with its line breaks kept (the panel shows it with ``pre-wrap``).

    Example:
        >>> wrap_spans("A & B. C.", [WrappedSpan(1, 0, 6)])
        '<span class="cited" id="s-1-0-6" data-article="1" data-start="0" data-end="6">A &amp; B.</span> C.'
    """
    from markupsafe import escape

    out: list[str] = []
    pos = 0
    # Spans still open, innermost last: a name cited inside a cited sentence nests inside its element.
    open_spans: list[WrappedSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end > len(text) or span.start >= span.end or span.start < 0:
            continue
        while open_spans and open_spans[-1].end <= span.start:
            closing = open_spans.pop()
            out.append(f"{escape(text[pos : closing.end])}</span>")
            pos = closing.end
        if open_spans and span.end > open_spans[-1].end:
            continue  # crosses an open span's end
        out.append(str(escape(text[pos : span.start])))
        out.append(
            f'<span class="cited" id="{span.anchor}" data-article="{span.article_id}" '
            f'data-start="{span.start}" data-end="{span.end}">'
        )
        pos = span.start
        open_spans.append(span)
    while open_spans:
        closing = open_spans.pop()
        out.append(f"{escape(text[pos : closing.end])}</span>")
        pos = closing.end
    out.append(str(escape(text[pos:])))
    return "".join(out)


def _all_citations(brief: Brief) -> list[Citation]:
    shared = [c for s in brief.shared for c in s.citations]
    timeline = [c for e in brief.timeline for c in e.citations]
    return [
        *brief.summary,
        *shared,
        *brief.single,
        *timeline,
        *entity_citations(brief.entities),
        *source_citations(brief),
        *copy_citations(brief.copies),
        *claim_citations(brief.claims),
    ]


def _safe_link(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(LINK_SCHEMES):
        return url.strip()
    return None


def _meta_line(meta: BriefArticle) -> str:
    parts = [meta.outlet, meta.published, meta.dateline_place, meta.byline]
    if meta.credits:
        parts.append("credits: " + ", ".join(meta.credits))
    return " · ".join(p for p in parts if p)
