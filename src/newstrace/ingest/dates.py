"""Parse the dates news inputs carry into :class:`~newstrace.model.PartialDate`, never inventing a part.

Used by cleaning (the date of a dateline: "September 12" → ``XXXX-09-12``) and by the readers (JSONL
``published`` values, feed and WARC dates, HTML metadata). Accepted shapes, whole string only:

- ISO 8601 and what :meth:`PartialDate.iso` writes: ``2023-09-12``, ``2023-09-12T10:00:00Z``,
  ``2023-09``, ``2023``, ``XXXX-09-12``;
- month names: ``September 12``, ``Sept. 12``, ``Sep 12, 2023``, ``Tuesday, September 12, 2023``,
  ``12 September 2023``, ``12th of September``, ``September 2023``, RFC 2822
  ``Tue, 12 Sep 2023 10:00:00 +0000``; a trailing time and time zone are allowed and ignored;
- numbers: ``2023/09/12`` (year first is always year-month-day) and ``13/09/2023`` or ``09/13/2023``.
  Day-first and month-first are both common, so ``12/09/2023`` is refused (``None``) unless one part is
  over 12 or both parts are equal: a wrong month is worse than no date. Two-digit years are refused.

A string that is not one of these, or names an impossible day (``February 30``), gives ``None``.
"""

from __future__ import annotations

import re

from newstrace.model import PartialDate

# Month names and their common abbreviations ("Sept" is AP and Reuters style), keyed lower-case.
MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

# Longest day of each month when the year is unknown (February 29 may be right in a leap year).
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Regex fragments (strings, so datelines.py can embed them). All are meant for case-insensitive use.
# A month name or abbreviation, optionally with a dot ("Sept.").
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# A weekday name or abbreviation ("Tue", "Tues.", "Tuesday").
WEEKDAY_PATTERN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?"
)
# A day of the month with an optional English ordinal suffix ("12", "12th").
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"\d{4}\b"
# Month-day or day-month, with an optional year and weekday: the date part of a dateline.
DATE_PATTERN = (
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:the\s+)?"
    rf"(?:{MONTH_PATTERN}\s*{_DAY}(?:\s*,\s*{_YEAR}|\s+{_YEAR})?"
    rf"|{_DAY}\s+(?:of\s+)?{MONTH_PATTERN}(?:\s*,?\s*{_YEAR})?)"
)

# A clock time with optional seconds, am/pm and zone: "10:00", "10:00:00.123+05:30", "10.30 a.m. IST",
# "14:35 (GMT)". Only ever allowed after the date, and ignored.
_TIME = (
    r"(?:\d{1,2}(?:[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
    r"\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}|\(?[a-z]{2,5}\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?)"
)
# What may follow a date: a time, after a comma, "at", "|" or "T".
_TIME_SUFFIX = rf"(?:(?:\s*(?:,|\||\bat\b|-)\s*|\s+|t){_TIME})?"
# Labels pages put before a date: "Updated: ", "Published on ".
_LABEL = r"(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*)?"

# ISO 8601 and PartialDate.iso(): "2023-09-12", "2023-09-12T10:00:00Z", "XXXX-09-12", "2023-09".
ISO_DATE = re.compile(
    rf"(?P<year>\d{{4}}|XXXX)(?:-(?P<month>\d{{2}}|XX)(?:-(?P<day>\d{{2}}|XX))?)?{_TIME_SUFFIX}",
    re.IGNORECASE,
)
# Year first with slashes, dots or unpadded parts: "2023/09/12", "2023.9.12", "2023-9-12".
YEAR_FIRST_DATE = re.compile(
    rf"(?P<year>\d{{4}})(?P<sep>[/.-])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}}){_TIME_SUFFIX}",
    re.IGNORECASE,
)
# Day and month first in unknown order: "12/09/2023", "12.09.2023", "9-13-2023".
NUMERIC_DATE = re.compile(
    rf"(?P<first>\d{{1,2}})(?P<sep>[/.-])(?P<second>\d{{1,2}})(?P=sep)(?P<year>\d{{4}}){_TIME_SUFFIX}",
    re.IGNORECASE,
)
# Month names, with weekday, label and time around: "Tuesday, September 12, 2023 10:00 AM IST".
TEXT_DATE = re.compile(
    rf"{_LABEL}(?:{WEEKDAY_PATTERN},?\s+)?(?:the\s+)?(?:"
    rf"(?P<md_month>{MONTH_PATTERN})\s*(?P<md_day>{_DAY})(?:\s*,\s*(?P<md_year>{_YEAR})|\s+(?P<md_year2>{_YEAR}))?"
    rf"|(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{MONTH_PATTERN})(?:\s*,?\s*(?P<dm_year>{_YEAR}))?"
    rf"|(?P<my_month>{MONTH_PATTERN}),?\s+(?P<my_year>{_YEAR})"
    rf"){_TIME_SUFFIX}",
    re.IGNORECASE,
)
# Whitespace runs, including no-break spaces, collapsed before matching.
_SPACES = re.compile(r"\s+")


def parse_partial_date(text: str) -> PartialDate | None:
    """Parse a date string into a :class:`PartialDate`, leaving unknown parts unknown.

    The whole string must be a date (an optional label, weekday and trailing time are allowed); a date
    inside a sentence is not searched for. Nothing is guessed: no year is taken from today, and a
    numeric date whose day and month could be swapped is refused.

    Args:
        text: the date as written, e.g. ``"Sept. 12"``, ``"2023-09-12T10:00:00Z"``, ``"13/09/2023"``.

    Returns:
        The date, or ``None`` when the string is not a date, is ambiguous, or names an impossible day.

    Example:
        >>> parse_partial_date("September 12")
        PartialDate(year=None, month=9, day=12)
        >>> parse_partial_date("Tue, 12 Sep 2023 10:00:00 +0000").iso()
        '2023-09-12'
        >>> parse_partial_date("12/09/2023") is None
        True
    """
    value = _SPACES.sub(" ", text).strip()
    if not value or len(value) > 80:  # a date with weekday, time and zone fits well within 80
        return None
    if m := ISO_DATE.fullmatch(value):
        return _iso(m)
    if m := YEAR_FIRST_DATE.fullmatch(value):
        return _checked(int(m["year"]), int(m["month"]), int(m["day"]))
    if m := NUMERIC_DATE.fullmatch(value):
        return _numeric(int(m["first"]), int(m["second"]), int(m["year"]))
    if m := TEXT_DATE.fullmatch(value):
        return _text(m)
    return None


def month_number(name: str) -> int | None:
    """The month (1–12) a name or abbreviation stands for ("Sept." → 9), or ``None``."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def _iso(m: re.Match[str]) -> PartialDate | None:
    year, month, day = (None if g is None or g.upper().startswith("X") else int(g) for g in m.groups()[:3])
    if year is None and month is None and day is None:
        return None
    if year == 0:
        return None
    return _checked(year, month, day)


def _numeric(first: int, second: int, year: int) -> PartialDate | None:
    if first == second:
        return _checked(year, first, second)
    if first > 12 >= second:
        return _checked(year, second, first)
    if second > 12 >= first:
        return _checked(year, first, second)
    return None  # both ≤ 12 (ambiguous) or both > 12 (not a date)


def _text(m: re.Match[str]) -> PartialDate | None:
    if m["md_month"]:
        year = m["md_year"] or m["md_year2"]
        return _checked(_int(year), month_number(m["md_month"]), _day(m["md_day"]))
    if m["dm_month"]:
        return _checked(_int(m["dm_year"]), month_number(m["dm_month"]), _day(m["dm_day"]))
    return _checked(_int(m["my_year"]), month_number(m["my_month"]), None)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _day(value: str) -> int:
    return int(value.rstrip("stndrhSTNDRH"))


def _checked(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    """Build the date if the day exists in that month (and year, when known)."""
    if year is not None and not 1 <= year <= 9999:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        limit = _DAYS_IN_MONTH[month - 1] if month is not None else 31
        if month == 2 and year is not None and not _is_leap(year):
            limit = 28
        if not 1 <= day <= limit:
            return None
    return PartialDate(year, month, day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
