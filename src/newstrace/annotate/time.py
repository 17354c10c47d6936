"""Time expressions: find them in an article's text and normalise them to TimeML (TIMEX3) values.

Rule-based (patterns in :mod:`~newstrace.annotate.timex_patterns`, tense in :mod:`~.timex_tense`,
durations and sets in :mod:`~.timex_durations`, named days in :mod:`~.timex_holidays`, the period under
discussion in :mod:`~.timex_focus`), in the manner of HeidelTime
(Strötgen & Gertz, "Multilingual and cross-domain temporal tagging", LRE 2013): match, keep the longest
non-overlapping expressions, then resolve each against a reference date — the article's publication date
(or the inferred one) — in the direction the governing verb's tense points: past "left on Sunday" is the
Sunday before, future "will meet on Friday" the Friday after.

Example:
    >>> from datetime import date
    >>> [(t.text, t.value) for t in extract_times("Kim left on Sunday afternoon.", date(2023, 9, 12))]
    [('Sunday afternoon', '2023-09-10TAF')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newstrace.annotate import timex_patterns as P
from newstrace.annotate.timex_durations import (
    Normalised,
    amount_of,
    duration,
    group,
    past_n,
    period_set,
    vague_duration,
)
from newstrace.annotate.timex_focus import anchor_to_focus
from newstrace.annotate.timex_holidays import holiday
from newstrace.annotate.timex_tense import tense_direction
from newstrace.model import TimeExpression

__all__ = ["extract_times", "iso_week", "tense_direction"]


def extract_times(text: str, reference: date | None, article_id: int = 0) -> list[TimeExpression]:
    """Find and normalise every time expression of ``text``.

    Args:
        text: an article's cleaned text.
        reference: the date relative expressions are resolved against (the publication date); None
            leaves them unresolved (``XXXX-09-12``, ``XXXX-WXX-1``).
        article_id: written into each expression.

    Returns:
        Non-overlapping expressions in text order; ``text[e.start:e.end] == e.text``.
    """
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for index, rule in enumerate(P.RULES):
        for match in rule.pattern.finditer(text):
            start, end = _strip(text, match.start(), match.end())
            if end > start:
                candidates.append((start, end, index, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for start, end, index, match in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        direction = tense_direction(text, start, end)
        normalised = _NORMALISERS[P.RULES[index].name](match, reference, direction)
        if normalised is None:
            continue
        kind, value, mod = normalised
        taken.append((start, end))
        found.append(
            TimeExpression(
                article_id=article_id,
                start=start,
                end=end,
                text=text[start:end],
                type=kind,
                value=value,
                mod=mod,
                anchor=reference.isoformat() if reference is not None and _is_relative(value) else None,
            )
        )
    found.sort(key=lambda t: t.start)
    return anchor_to_focus(found, reference)


def iso_week(day: date) -> str:
    """``2023-W36`` for any day of that ISO week."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if text[start:end].endswith("'s"):
        end -= 2
    return start, end


def _is_relative(value: str) -> bool:
    return not value.startswith("P") and not value.endswith("_REF")


def _edge_mod(edge: str | None) -> str | None:
    if not edge:
        return None
    edge = edge.rstrip("-").strip()
    if edge in ("the end of",):
        return "END"
    if edge in ("the beginning of", "the start of"):
        return "START"
    if edge == "the middle of":
        return "MID"
    return P.MODS.get(edge)


def _month_of(word: str) -> int:
    return P.MONTHS[word.rstrip(".").lower()]


def _capitalised(match: re.Match[str], group: str) -> bool:
    span = match.group(group)
    return bool(span) and span[0].isupper()


def _shift_month(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def _pick_year(month: int, day: int | None, ref: date, direction: int) -> int:
    """The year of a month (and day) written without one: the nearest such date in the tense's direction."""
    best = ref.year
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        gap = (candidate - ref).days
        if day is None:
            # A whole month: the reference month itself is "this" month whatever the tense.
            gap = (year * 12 + month) - (ref.year * 12 + ref.month)
            if direction < 0 and gap > 0 or direction > 0 and gap < 0:
                continue
            options.append((abs(gap), year))
            continue
        # Tense moves a date to another year only when it is far on the wrong side of the reference: a
        # past-tense "Dec. 15" in a late-October report is more often a plan reported than last year's.
        if direction < 0 and gap > 60 or direction > 0 and gap < -60:
            continue
        options.append((abs(gap), year))
    if options:
        best = min(options)[1]
    return best


# --- normalisers: (match, reference, direction) -> (type, value, mod) | None ----------------------------


def _iso_date(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    try:
        day = date(int(m["year"]), int(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), None


def _us_date(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    try:
        day = date(year, int(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    return "DATE", day.isoformat(), None


def _month_day(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    if not _capitalised(m, "month"):
        return None
    month, day = _month_of(m["month"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = int(m["year"]) if m["year"] else (_pick_year(month, day, ref, direction) if ref else None)
    try:
        if year is not None:
            date(year, month, day)
    except ValueError:
        return None
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return "DATE", f"{prefix}-{month:02d}-{day:02d}", _edge_mod(group(m, "edge"))


def _month(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    # "may" the modal, "march" the verb: only a capitalised month name is a date, and a bare "May" opening
    # a sentence is the modal ("May I ...").
    if not _capitalised(m, "month"):
        return None
    opening = m.string[max(0, m.start() - 2) : m.start()].strip() in ("", ".", "?", "!", '"')
    if m["month"] == "May" and opening and not (m["year"] or m["rel"] or m["edge"]):
        return None
    month = _month_of(m["month"])
    rel = group(m, "rel")
    if m["year"]:
        year: int | None = int(m["year"])
    elif ref is None:
        year = None
    elif rel in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year  # "this September": the one of the current year, before or after the report
    else:
        year = _pick_year(month, None, ref, direction)
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return "DATE", f"{prefix}-{month:02d}", _edge_mod(group(m, "edge"))


# Words before a possessive weekday that look forward to its event: "ahead of Sunday's vote", "in time
# for Monday's summit". Not "before": "its share before Friday's purchases" compares with a past event.
FORWARD_BEFORE = re.compile(
    r"\b(?:ahead of|in advance of|in time for|awaiting|awaits?|preparing for|until)\s+$",
    re.IGNORECASE,
)


def _resolve_weekday(weekday: int, rel: str | None, ref: date, direction: int) -> date:
    ahead = (weekday - ref.weekday()) % 7
    behind = (ref.weekday() - weekday) % 7
    if rel == "last":
        return ref - timedelta(days=behind or 7)
    if rel in ("next", "coming"):
        return ref + timedelta(days=ahead or 7)
    if direction > 0:
        return ref + timedelta(days=ahead)
    # Past or unclear: news reports mostly what happened; the same weekday is the publication day.
    return ref - timedelta(days=behind)


def _weekday(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    weekday = P.WEEKDAYS[m["weekday"].lower()]
    part = group(m, "part")
    mod = _edge_mod(group(m, "edge"))
    text = m.string
    if text.startswith(("'s", "\u2019s"), m.end("weekday")) or text.startswith(("'s", "\u2019s"), m.end()):
        # "Wednesday's ruling": the day of an event the story refers to, whatever the tense of the verb
        # around it ("would look for ways around Wednesday's ruling"); ahead only when the words before
        # look forward to it ("ahead of Sunday's vote").
        direction = 1 if FORWARD_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) else -1
    if ref is None:
        value = f"XXXX-WXX-{weekday + 1}"
    else:
        value = _resolve_weekday(weekday, group(m, "rel"), ref, direction).isoformat()
    if part:
        return "TIME", f"{value}T{P.PARTS_OF_DAY[part]}", mod
    return "DATE", value, mod


def _clock(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    if m["named"]:
        hour, minute = (12, 0) if m["named"].lower() == "noon" else (0, 0)
    elif m["hhmm"]:
        hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
        if hour > 23:
            return None
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 12 or hour == 0:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    cday = group(m, "cday")
    if m["cdate"] and _capitalised(m, "month"):
        month, number = _month_of(m["month"]), int(m["cdate"])
        day = f"XXXX-{month:02d}-{number:02d}"
        if ref is not None:
            try:
                day = date(_pick_year(month, number, ref, direction), month, number).isoformat()
            except ValueError:
                return None
    elif m["cdate"]:
        return None  # "5 p.m. may 6": not a month name
    elif ref is None:
        day = "XXXX-XX-XX"
    elif cday in P.WEEKDAYS:
        day = _resolve_weekday(P.WEEKDAYS[cday], None, ref, direction).isoformat()
    else:
        day = (ref + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(cday or "", 0))).isoformat()
    return "TIME", f"{day}T{hour:02d}:{minute:02d}", "APPROX" if m["approx"] else None


def _day_part(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    if m["tonight"]:
        word, part = "today", "NI"
    elif m["lastnight"]:
        word, part = "yesterday", "NI"  # the night before the day of the report
    elif m["part_first"]:
        word, part = m["deictic_after"].lower(), P.PARTS_OF_DAY[m["part_first"].lower()]
    else:
        word, part = m["deictic"].lower(), P.PARTS_OF_DAY[m["part"].lower()]
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    day = (ref + timedelta(days=offset)).isoformat() if ref is not None else "XXXX-XX-XX"
    return "TIME", f"{day}T{part}", _edge_mod(group(m, "edge"))


# Deictic words whose value does not depend on the reference date.
_DEICTIC_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "previously": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
}  # fmt: skip
_DEICTIC_DAYS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "the day before": -1, "the previous day": -1,
    "the next day": 1, "the following day": 1,
}  # fmt: skip


def _deictic(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    word = group(m, "word") or ""
    before = m.string[max(0, m.start() - 2) : m.start()]
    if m["word"][0].isupper() and before[:1].isalpha():
        return None  # capitalised mid-sentence: a name ("Russia Today", "USA Today"), not a date
    if word in _DEICTIC_REFS:
        return "DATE", _DEICTIC_REFS[word], None
    if word in _DEICTIC_DAYS:
        if ref is None:
            return "DATE", "XXXX-XX-XX", None
        return "DATE", (ref + timedelta(days=_DEICTIC_DAYS[word])).isoformat(), None
    return None


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _weekend(ref: date, direction: int) -> str:
    """The weekend "the weekend" or "this weekend" means: the one just past in a past-tense clause or
    early in the week, the coming one in a future clause or late in the week."""
    if ref.weekday() >= 5:
        return iso_week(ref) + "-WE"
    # Monday to Wednesday a weekend with no tense is the one just gone ("talks over the weekend").
    past = direction < 0 or direction == 0 and ref.weekday() <= 2
    return iso_week(ref - timedelta(weeks=1) if past else ref) + "-WE"


def _relative_unit(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    if m["the"]:
        if ref is None:
            return "DATE", "XXXX", None
        if group(m, "tunit") == "weekend":
            return "DATE", _weekend(ref, direction), None
        # "the quarter" in a results report is the latest quarter closed at the reference date.
        index = ref.year * 4 + _quarter_of(ref) - 2
        return "DATE", f"{index // 4:04d}-Q{index % 4 + 1}", None
    if m["edge3"]:
        # "the end of the month": the month this report is in, its end.
        rel = {"the": "this"}.get(group(m, "rel3") or "", group(m, "rel3") or "")
        unit = group(m, "runit3") or ""
        mod = _edge_mod("the " + (group(m, "edge3") or "").removeprefix("the ") + " of")
        has_the = False
    else:
        rel = (group(m, "rel") or "").removeprefix("the ").strip()
        unit = group(m, "runit") or ""
        mod = {"early": "START", "late": "END"}.get(group(m, "edge2") or "")
        has_the = (group(m, "rel") or "").startswith("the ")
    if has_the and rel in ("past", "last", "next", "coming") and unit in ("week", "month", "year", "decade"):
        # "the past week" is a stretch of time ending now, not the calendar week before.
        return "DURATION", {"week": "P1W", "month": "P1M", "year": "P1Y", "decade": "P10Y"}[unit], None
    # "the latest quarter" in a results report is the last one closed, as "last quarter" is.
    step = {"last": -1, "past": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1}.get(rel, 0)
    if ref is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX"), mod
    if unit == "week":
        return "DATE", iso_week(ref + timedelta(weeks=step)), mod
    if unit == "weekend":
        if step == 0:
            return "DATE", _weekend(ref, direction), mod
        return "DATE", iso_week(ref + timedelta(weeks=step)) + "-WE", mod
    if unit == "month":
        year, month = _shift_month(ref, step)
        return "DATE", f"{year:04d}-{month:02d}", mod
    if unit in ("year", "fiscal year"):
        return "DATE", f"{ref.year + step:04d}", mod
    if unit in ("quarter", "period"):
        index = ref.year * 4 + _quarter_of(ref) - 1 + step
        return "DATE", f"{index // 4:04d}-Q{index % 4 + 1}", mod
    if unit == "decade":
        return "DATE", f"{(ref.year // 10) + step:03d}", mod
    if unit == "century":
        return "DATE", f"{(ref.year // 100) + step:02d}", mod
    season = P.SEASONS[unit]
    if rel == "this":
        return "DATE", f"{ref.year:04d}-{season}", mod
    return "DATE", f"{_season_year(season, step, ref, direction):04d}-{season}", mod


# Units of "N <unit> later/earlier" that count from a narrated event rather than from the publication date.
_NARRATIVE_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month"})


def _ago(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    amount_word = group(m, "amount")
    amount = amount_of(amount_word) if amount_word not in (None, "several", "a few", "many", "some") else None
    unit = m["unit"].lower()
    sign = -1 if group(m, "dir") in ("ago", "earlier", "before") else 1
    if group(m, "dir") in ("earlier", "later") and (amount is None or unit in _NARRATIVE_UNITS):
        # "hours later", "three days later", "a week earlier": counted from the event the story just
        # told, not from the publication date, so a duration and a signal (the duration rule takes it).
        # "a year earlier" stays a date: in news it mostly compares with the period under discussion.
        return None
    if amount is None or ref is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    n = int(amount) * sign
    mod = P.MODS.get(group(m, "mod") or "")
    if unit in ("day",):
        return "DATE", (ref + timedelta(days=n)).isoformat(), mod
    if unit == "week":
        return "DATE", iso_week(ref + timedelta(weeks=n)), mod
    if unit == "month":
        year, month = _shift_month(ref, n)
        return "DATE", f"{year:04d}-{month:02d}", mod
    if unit == "year":
        return "DATE", f"{ref.year + n:04d}", mod
    if unit == "decade":
        # "a decade ago" in 1999 is about 1989, a year, not the decade of the 1980s.
        return "DATE", f"{ref.year + 10 * n:04d}", mod
    if unit in ("hour", "minute", "second"):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    return None


def _quarter(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    word = group(m, "ord") or ""
    half = group(m, "qunit") == "half"
    year_named = m["year"] or m["qyear"]
    if word == "last":
        if not year_named:
            # "the last quarter" is the one before the current (a relative_unit); "the last half" alone
            # is as often of a decade or a match as of a year.
            return None
        index = 2 if half else 4
    else:
        index = {"f": 1, "1": 1, "s": 2, "2": 2, "t": 3, "3": 3}.get(word[:1], 4)
        if word in ("fourth", "4th"):
            index = 4
    if half and index > 2:
        return None
    rel = group(m, "qrel")
    if year_named:
        year: int | None = int(year_named)
    elif ref is None:
        year = None
    elif rel is not None:
        year = ref.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        current = (ref.month - 1) // 6 + 1 if half else _quarter_of(ref)
        # A quarter not begun yet at the reference date is last year's (reported in arrears).
        year = ref.year if index <= current or direction > 0 else ref.year - 1
        if m["qago"]:
            year -= 1  # "the year-ago third quarter": the same quarter one year back
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return "DATE", f"{prefix}-{'H' if half else 'Q'}{index}", None


def _two_quarters(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    index = 1 if group(m, "ord") == "first" else 2
    if m["year"]:
        year: int | None = int(m["year"])
    elif ref is None:
        year = None
    else:
        year = ref.year if index <= (ref.month - 1) // 6 + 1 or direction > 0 else ref.year - 1
    prefix = f"{year:04d}" if year is not None else "XXXX"
    return "DATE", f"{prefix}-H{index}", None


def _year_period(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    # The year alone; :mod:`newstrace.annotate.timex_focus` narrows it to the quarter under discussion.
    if m["year"]:
        return "DATE", m["year"], None
    return "DATE", f"{ref.year - 1:04d}" if ref is not None else "XXXX", None


def _decade(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    return "DATE", m["decade"][:3], _edge_mod(group(m, "edge"))


def _century(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    # TimeML writes a century by its first two digits: the 20th century (1900-1999) is "19".
    return "DATE", f"{int(m['century']) - 1:02d}", None


def _season(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    season = P.SEASONS[m["season"].lower()]
    mod = _edge_mod(group(m, "edge"))
    if m["year"]:
        return "DATE", f"{m['year']}-{season}", mod
    if ref is None:
        return "DATE", f"XXXX-{season}", mod
    step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1}.get(group(m, "rel") or "", 0)
    return "DATE", f"{_season_year(season, step, ref, direction):04d}-{season}", mod


# First and last month of each season (northern hemisphere), for "last spring" and "next summer".
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _season_year(season: str, step: int, ref: date, direction: int) -> int:
    """The year of a season named relative to ``ref``: "last spring" in October is this year's spring (the
    most recent one over), in April last year's; "next summer" in July is next year's; "the spring" with
    no such word goes with the tense. Winter spans two years, so it moves by calendar year only."""
    if season not in _SEASON_MONTHS:
        return ref.year + step
    first, last = _SEASON_MONTHS[season]
    if step < 0:
        return ref.year if ref.month > last else ref.year - 1
    if step > 0:
        return ref.year if ref.month < first else ref.year + 1
    if direction > 0 and ref.month > last:
        return ref.year + 1
    if direction < 0 and ref.month < first:
        return ref.year - 1
    return ref.year


def _year(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    text = m.string
    before = text[max(0, m.start() - 1) : m.start()]
    after = text[m.end() : m.end() + 2]
    if before in ("$", "#", "/", ".", ",", ":") or after[:1] in (",", ".", ":") and after[1:2].isdigit():
        return None
    year = int(m["year"])
    if not 1700 <= year <= 2099:
        return None
    return "DATE", f"{year:04d}", _edge_mod(group(m, "edge"))


_NORMALISERS: dict[str, Callable[[re.Match[str], date | None, int], Normalised]] = {
    "iso_date": _iso_date,
    "us_date": _us_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month": _month,
    "weekday": _weekday,
    "clock": _clock,
    "day_part": _day_part,
    "deictic": _deictic,
    "relative_unit": _relative_unit,
    "past_n": past_n,
    "ago": _ago,
    "duration": duration,
    "vague_duration": vague_duration,
    "quarter": _quarter,
    "two_quarters": _two_quarters,
    "year_period": _year_period,
    "decade": _decade,
    "century": _century,
    "holiday": holiday,
    "season": _season,
    "set": period_set,
    "year": _year,
}
