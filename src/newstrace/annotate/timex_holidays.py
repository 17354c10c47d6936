"""Named days: "Thanksgiving Day", "last Christmas", "Easter week", "Election Day" → their dates.

A normaliser of :mod:`newstrace.annotate.time`. The holidays are those that wire copy names without a
date (US and Christian calendar ones, as in the English-language agencies); each has a rule giving its
date in any year, and the year is chosen as for a weekday: one within a week of the reference date,
else "last" the one before it, "next" the one after, else the tense's direction, else the nearest.

Example:
    >>> from datetime import date
    >>> holiday_date("Thanksgiving Day", 1999)
    datetime.date(1999, 11, 25)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newstrace.annotate.timex_durations import Normalised, group


def easter(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian calendar; the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday_date(name: str, year: int) -> date:
    """The date of the named day in ``year``.

    Raises:
        KeyError: for a name this module does not know.
    """
    name = " ".join(name.split()).removesuffix(" week").removesuffix(" Day").removesuffix(" Sunday")
    if name == "Thanksgiving":
        return _nth_weekday(year, 11, 3, 4)  # US: the fourth Thursday of November
    if name == "Election":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # US: the Tuesday after the first Monday
    if name == "Easter":
        return easter(year)
    if name == "Good Friday":
        return easter(year) - timedelta(days=2)
    fixed = {
        "Christmas": (12, 25),
        "Christmas Eve": (12, 24),
        "New Year's": (1, 1),
        "New Year's Eve": (12, 31),
    }
    month, day = fixed[name]
    return date(year, month, day)


def holiday(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    """ "Thanksgiving Day" → ``1999-11-25`` (the one the tense points to); "Easter week" → its ISO week."""
    name = m["holiday"]
    if ref is None:
        return None  # no year to choose from: left out rather than written with a wrong one
    options = [holiday_date(name, year) for year in (ref.year - 1, ref.year, ref.year + 1)]
    rel = group(m, "rel")
    before = [day for day in options if day < ref]
    after = [day for day in options if day > ref]
    nearest = min(options, key=lambda day: abs((day - ref).days))
    if rel is None and abs((nearest - ref).days) <= 7:
        # A report within a week of a holiday means that one, whatever the tense ("Easter week" on the
        # Monday before Easter, "over Christmas" two days after it).
        chosen = nearest
    elif rel == "last" or rel != "next" and direction < 0 and before:
        chosen = max(before)
    elif rel == "next" or direction > 0 and after:
        chosen = min(after)
    else:
        chosen = nearest
    if name.endswith("week"):
        year, week, _ = chosen.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}", None
    return "DATE", chosen.isoformat(), None
