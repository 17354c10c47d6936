"""A story's timeline: each sentence that places something in time, resolved, merged across articles.

For every article: its publication date (read, or completed by
:func:`~newstrace.compare.timeline_dates.infer_publication_dates`) is the reference; each time expression
of the text that resolves to a calendar point or period (``2023-09-10TAF``, ``2023-W36``, ``2024-10``,
``2018``) makes an event of the sentence around it. Events on the same day (or the same week, month, year)
from any article are one event citing all of them; events are ordered by the first day they cover, then
the shortest first (a day before the week that contains it).

Durations, sets and vague references (``P4Y``, ``PAST_REF``) place nothing on a calendar and are left out.

Example:
    >>> events, dates = story_timeline(articles)  # doctest: +SKIP
    >>> [(e.value, len(e.citations)) for e in events]  # doctest: +SKIP
    [('2018', 1), ('2023-W36', 1), ('2023-09', 1), ('2023-09-10', 3), ...]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from newstrace.annotate.sentences import split_sentences
from newstrace.annotate.time import extract_times
from newstrace.compare.timeline_dates import infer_publication_dates
from newstrace.model import Article, Citation, PublicationDate, Span, TimelineEvent

# TimeML calendar values the timeline can place: day, week (and weekend), month, quarter, half, season,
# year, decade. Anything else (durations, *_REF, XXXX) is not a point on a calendar.
DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
MONTH = re.compile(r"^(\d{4})-(\d\d)$")
PART_OF_YEAR = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
YEAR = re.compile(r"^(\d{4})$")
DECADE = re.compile(r"^(\d{3})$")
# First and last month of a quarter, half or season (northern-hemisphere seasons, winter from December).
PART_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14),
}  # fmt: skip


@dataclass(slots=True)
class _Event:
    value: str
    first: date
    last: date
    times: list[Citation] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


def story_timeline(
    articles: Sequence[Article], today: date | None = None
) -> tuple[list[TimelineEvent], dict[int, PublicationDate]]:
    """The timeline of one story, and the publication dates it was resolved against.

    Args:
        articles: the story's articles (stored, cleaned).
        today: the ingest date, passed to :func:`infer_publication_dates`.

    Returns:
        ``(events, dates)``: events in time order, each citing the time expression(s) and the
        sentence(s) that place it, merged across articles; ``dates`` by article id.
    """
    dates = infer_publication_dates(articles, today)
    events: dict[str, _Event] = {}
    for article in articles:
        if article.id is None:
            continue
        published = dates.get(article.id)
        reference = None
        if published is not None and published.value is not None and published.value.is_complete:
            value = published.value
            assert value.year is not None and value.month is not None and value.day is not None
            reference = date(value.year, value.month, value.day)
        sentences = split_sentences(article.text)
        for timex in extract_times(article.text, reference, article.id):
            if timex.type not in ("DATE", "TIME"):
                continue
            key = timex.value.split("T")[0]
            bounds = calendar_range(key)
            if bounds is None:
                continue
            event = events.setdefault(key, _Event(key, bounds[0], bounds[1]))
            event.times.append(Citation(article.id, timex.start, timex.end, timex.text))
            sentence = _sentence_of(sentences, timex.start)
            citation = Citation(
                article.id, sentence.start, sentence.end, article.text[sentence.start : sentence.end]
            )
            if citation not in event.citations:
                event.citations.append(citation)
    ordered = sorted(events.values(), key=lambda e: (e.first, e.last, e.value))
    return [
        TimelineEvent(
            value=e.value,
            first=e.first.isoformat(),
            last=e.last.isoformat(),
            times=tuple(e.times),
            citations=tuple(e.citations),
        )
        for e in ordered
    ], dates


def calendar_range(value: str) -> tuple[date, date] | None:
    """The first and last day a TimeML calendar value covers; None for durations, sets, vague values.

    Example:
        >>> calendar_range("2023-W36")
        (datetime.date(2023, 9, 4), datetime.date(2023, 9, 10))
        >>> calendar_range("P4Y") is None
        True
    """
    try:
        if m := DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := PART_OF_YEAR.match(value):
            year = int(m[1])
            first, last = PART_MONTHS[m[2]]
            last_year, last_month = year + (last - 1) // 12, (last - 1) % 12 + 1
            return date(year, first, 1), date(
                last_year, last_month, calendar.monthrange(last_year, last_month)[1]
            )
        if m := YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := DECADE.match(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def _sentence_of(sentences: list[Span], offset: int) -> Span:
    for span in sentences:
        if span.start <= offset < span.end:
            return span
    return Span(offset, offset)
