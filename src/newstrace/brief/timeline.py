"""The brief's "timeline" section: build it, and render it as Markdown, JSON and an inline SVG.

Every event cites the time expression(s) and sentence(s) that place it; the SVG is drawn here (no JS
library, no CDN): one dot per day, a bar per longer period, on an axis from the first to the last day.

Example:
    >>> lines = timeline_markdown(brief.timeline)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from newstrace.brief.citations import citation_json
from newstrace.model import Article, BriefArticle, PublicationDate, TimelineEvent

# SVG geometry, in px: wide enough for a dozen labelled events on a brief's column (46rem ~ 740 px).
SVG_WIDTH = 720
ROW_HEIGHT = 22
MARGIN = 12
LABEL_WIDTH = 150


def build_timeline(
    members: Sequence[Article], articles: Sequence[BriefArticle], ingest_date: date | None = None
) -> tuple[tuple[TimelineEvent, ...], tuple[BriefArticle, ...]]:
    """The story's timeline, and its brief articles with inferred publication dates filled in.

    ``ingest_date`` (``Options.ingest_day()``) bounds an inferred publication year; None: today.
    """
    from newstrace.compare.timeline import story_timeline

    events, dates = story_timeline(members, ingest_date)
    return tuple(events), tuple(_with_date(a, dates.get(a.article_id)) for a in articles)


def _with_date(article: BriefArticle, found: PublicationDate | None) -> BriefArticle:
    if found is None or not found.inferred_by or found.value is None:
        return article
    return dataclasses.replace(
        article,
        published_inferred=found.value.iso(),
        published_inferred_by=found.inferred_by,
        published_confidence=found.confidence,
        published_evidence=found.evidence,
    )


def timeline_markdown(events: Sequence[TimelineEvent], escape: Any, cite: Any) -> list[str]:
    """Markdown lines of the section: one item per event, its sentences cited beneath it."""
    out = ["", "## Timeline"]
    if not events:
        return [*out, "", "No sentence places the story on a calendar."]
    out.append("")
    for event in events:
        times = ", ".join(f"“{escape(t.text)}” {cite(t)}" for t in event.times[:4])
        more = f" (+{len(event.times) - 4})" if len(event.times) > 4 else ""
        out.append(f"- **{event.value}** — {times}{more}")
        out += [f"  - {escape(c.text)} {cite(c)}" for c in event.citations]
    return out


def timeline_json(events: Sequence[TimelineEvent]) -> list[dict[str, Any]]:
    """The section as JSON-ready data (``docs/brief.schema.json``: ``timeline``)."""
    return [
        {
            "value": e.value,
            "first": e.first,
            "last": e.last,
            "times": [citation_json(c) for c in e.times],
            "citations": [citation_json(c) for c in e.citations],
        }
        for e in events
    ]


def publication_json(article: BriefArticle) -> dict[str, Any]:
    """The inference fields of one article for the JSON ``articles`` entries."""
    return {
        "published_inferred": article.published_inferred,
        "published_inferred_by": article.published_inferred_by,
        "published_confidence": article.published_confidence,
        "published_evidence": [citation_json(c) for c in article.published_evidence],
    }


def timeline_svg(events: Sequence[TimelineEvent]) -> str:
    """An inline SVG: one row per event, a dot (a day) or a bar (a longer period) on a shared axis.

    Returns:
        SVG markup (escaped); an empty string when there is no event.
    """
    from markupsafe import escape

    if not events:
        return ""
    firsts = [date.fromisoformat(e.first) for e in events]
    lasts = [date.fromisoformat(e.last) for e in events]
    low, high = min(firsts), max(lasts)
    span = max((high - low).days, 1)
    plot = SVG_WIDTH - LABEL_WIDTH - 2 * MARGIN
    height = ROW_HEIGHT * len(events) + 2 * MARGIN + 14

    def x(day: date) -> float:
        return LABEL_WIDTH + MARGIN + plot * (day - low).days / span

    parts = [
        f'<svg class="timeline" role="img" viewBox="0 0 {SVG_WIDTH} {height}" width="100%" '
        f'aria-label="Timeline from {low} to {high}">',
        f'<line x1="{x(low):.1f}" y1="{height - MARGIN - 10}" x2="{x(high):.1f}" y2="{height - MARGIN - 10}" '
        'stroke="#999"/>',
        f'<text x="{x(low):.1f}" y="{height - MARGIN + 2}" font-size="10" fill="#5f6368">{low}</text>',
        f'<text x="{x(high):.1f}" y="{height - MARGIN + 2}" font-size="10" fill="#5f6368" '
        f'text-anchor="end">{high}</text>',
    ]
    for row, (event, first, last) in enumerate(zip(events, firsts, lasts, strict=True)):
        y = MARGIN + row * ROW_HEIGHT + ROW_HEIGHT / 2
        articles = len({c.article_id for c in event.citations})
        title = escape(f"{event.value}: {articles} article{'s' if articles != 1 else ''}")
        parts.append(f'<a href="#tl-{escape(event.value)}"><g><title>{title}</title>')
        parts.append(f'<text x="0" y="{y + 4:.1f}" font-size="11">{escape(event.value)}</text>')
        if first == last:
            parts.append(f'<circle cx="{x(first):.1f}" cy="{y:.1f}" r="5" fill="#0b57a4"/>')
        else:
            width = max(x(last) - x(first), 3.0)
            parts.append(
                f'<rect x="{x(first):.1f}" y="{y - 4:.1f}" width="{width:.1f}" height="8" rx="3" '
                'fill="#0b57a4" fill-opacity="0.45"/>'
            )
        parts.append("</g></a>")
    parts.append("</svg>")
    return "".join(parts)
