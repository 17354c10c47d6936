"""Publication dates that are right: read ones kept, partial ones completed from evidence, missing ones
inferred from the story — and each says how it was known.

A dateline "September 12" gives ``XXXX-09-12``: the year is not invented. Two kinds of evidence complete it:

1. **weekday**: the lead names a weekday ("arrived in Russia on Tuesday") and the date falls on that
   weekday in exactly one recent year — the nearest such year not after the ingest date (a given month-day
   falls on a given weekday every 5-11 years, so "the nearest" is unambiguous in practice);
2. **story**: the story's other articles carry full dates; the year that puts the date nearest them wins.

An article with no date at all takes the story's most common full date, flagged ``inferred_by="story"``.

Example:
    >>> dates = infer_publication_dates(articles)  # doctest: +SKIP
    >>> dates[2].value.iso(), dates[2].inferred_by  # doctest: +SKIP
    ('2023-09-12', 'weekday')
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from datetime import date

from newstrace.annotate.time import extract_times
from newstrace.model import Article, Citation, PartialDate, PublicationDate

# How far a read date is trusted, by where it was read (model.ValueSource): page metadata and feed
# headers are written by the publisher's CMS; a URL's date is usually the first publication; a dateline
# is written by hand and often omits the year; a file path is the least reliable.
SOURCE_CONFIDENCE = {
    "metadata": 0.95,
    "feed": 0.95,
    "warc": 0.9,
    "url": 0.85,
    # A line of the page that is only a date ("Posted: May 3, 2013"): the outlet's own stamp, as sure as
    # the URL's date, short of metadata (it may be an "Updated" date when the first one is missing).
    "date_stamp": 0.85,
    "dateline": 0.8,
    "credit": 0.6,
    "path": 0.6,
}
# Confidence of a year completed from a weekday: the lead's weekday is the publication day in most wire
# copy, but a report filed the day after ("on Monday" in Tuesday's paper) would pick another year.
WEEKDAY_CONFIDENCE = 0.75
# A year completed from the story's dated articles (the same event is reported within days).
STORY_YEAR_CONFIDENCE = 0.7
# A whole date taken from the story: the article may have been published days later.
STORY_DATE_CONFIDENCE = 0.5
# The lead (where the weekday of the event is named) is the first this many characters of the text.
LEAD_CHARS = 400
# The weekday evidence looks back at most this many years from the ingest date: the month-day recurs on
# the same weekday within 11 years, so 28 (a full Gregorian weekday cycle) always finds one.
MAX_YEARS_BACK = 28


def infer_publication_dates(
    articles: Sequence[Article], today: date | None = None
) -> dict[int, PublicationDate]:
    """Publication date of each article of one story, completed where evidence allows.

    Args:
        articles: the story's articles, stored (with ids) and cleaned.
        today: the ingest date; an inferred year is never after it. Defaults to today.

    Returns:
        ``{article_id: PublicationDate}``. ``inferred_by`` is None for a date read as is, ``"weekday"`` or
        ``"story"`` for an inferred one; ``evidence`` cites the weekday of the text that fixed a year.
    """
    today = today or date.today()
    dates: dict[int, PublicationDate] = {}
    for article in articles:
        if article.id is None:
            continue
        dates[article.id] = _own_date(article, today)
    read = [
        d.value for d in dates.values() if d.value is not None and d.value.is_complete and not d.inferred_by
    ]
    for article_id, found in list(dates.items()):
        if found.inferred_by == "weekday" and read:
            # The story's read dates outrank a weekday: a lead's weekday may be the day before publication.
            by_story = _from_story(dataclasses.replace(found, value=_without_year(found.value)), read)
            if by_story.value != found.value:
                dates[article_id] = by_story
            else:
                dates[article_id] = dataclasses.replace(
                    found, confidence=SOURCE_CONFIDENCE["url"], note=found.note + "; the story's dates agree"
                )
    dated = [d.value for d in dates.values() if d.value is not None and d.value.is_complete]
    for article_id, found in list(dates.items()):
        if found.value is not None and found.value.is_complete or not dated:
            continue
        dates[article_id] = _from_story(found, [v for v in dated if v is not None])
    return dates


def complete_year(month: int, day: int, weekday: int, today: date) -> int | None:
    """The latest year not after ``today`` in which ``month``/``day`` falls on ``weekday`` (0 = Monday).

    Example:
        >>> complete_year(9, 12, 1, date(2026, 1, 1))  # 12 September on a Tuesday
        2023
    """
    for year in range(today.year, today.year - MAX_YEARS_BACK - 1, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today and candidate.weekday() == weekday:
            return year
    return None


def _own_date(article: Article, today: date) -> PublicationDate:
    assert article.id is not None
    value, source = article.published, article.published_source
    confidence = SOURCE_CONFIDENCE.get(source or "", 0.5) if value is not None else 0.0
    if value is None or value.is_complete or value.month is None or value.day is None:
        return PublicationDate(article.id, value, source, confidence)
    lead = article.text[:LEAD_CHARS]
    weekdays = [t for t in extract_times(lead, None, article.id) if t.value.startswith("XXXX-WXX-")]
    for mention in weekdays:
        # "XXXX-WXX-5" or, with a part of day, "XXXX-WXX-5TMO".
        weekday = int(mention.value[len("XXXX-WXX-")]) - 1
        year = complete_year(value.month, value.day, weekday, today)
        if year is None:
            continue
        completed = PartialDate(year, value.month, value.day)
        day_name = date(year, value.month, value.day).strftime("%A")
        return PublicationDate(
            article.id,
            completed,
            source,
            WEEKDAY_CONFIDENCE,
            inferred_by="weekday",
            evidence=(Citation(article.id, mention.start, mention.end, mention.text),),
            note=f"{value.iso()} ({source}) and {mention.text!r} in the lead: {day_name} "
            f"{completed.iso()} is the latest such day not after {today.isoformat()}",
        )
    return PublicationDate(article.id, value, source, confidence)


def _without_year(value: PartialDate | None) -> PartialDate | None:
    return PartialDate(None, value.month, value.day) if value is not None else None


def _from_story(found: PublicationDate, dated: list[PartialDate]) -> PublicationDate:
    days = sorted(date(d.year, d.month, d.day) for d in dated if d.year and d.month and d.day)
    centre = days[len(days) // 2]
    value = found.value
    if value is not None and value.month is not None:
        options = []
        for year in (centre.year - 1, centre.year, centre.year + 1):
            try:
                options.append((abs((date(year, value.month, value.day or 1) - centre).days), year))
            except ValueError:
                continue
        if options:
            year = min(options)[1]
            completed = PartialDate(year, value.month, value.day)
            return PublicationDate(
                found.article_id,
                completed,
                found.source,
                STORY_YEAR_CONFIDENCE,
                inferred_by="story",
                note=f"{value.iso()} ({found.source}); year from the story's dated articles "
                f"(median {centre.isoformat()})",
            )
    counts = Counter(days)
    common = max(counts.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]
    return PublicationDate(
        found.article_id,
        PartialDate(common.year, common.month, common.day),
        "story",
        STORY_DATE_CONFIDENCE,
        inferred_by="story",
        note=f"no date in the article; the story's most common date ({counts[common]} of {len(days)})",
    )
