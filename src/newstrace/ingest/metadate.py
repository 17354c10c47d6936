"""Publication dates as metadata states them (JSONL ``published``, feed ``pubDate``, HTML meta), parsed
without inventing what the value leaves out.

Dates in running text ("Tuesday", "September 12 :") are the cleaning stage's business
(``ingest/datelines.py`` and ``ingest/dates.py``); this module only reads metadata fields.

Example:
    >>> parse_published("2023-09-12T08:30:00+09:00").iso()
    '2023-09-12'
    >>> parse_published("September 12").iso()
    'XXXX-09-12'
    >>> parse_published("Tue, 12 Sep 2023 06:00:00 GMT").iso()
    '2023-09-12'
"""

from __future__ import annotations

import re
from datetime import datetime

from newstrace.model import PartialDate

# ISO 8601 calendar dates, complete or reduced ("2023-09-12", "2023-09", "2023"), optionally followed by a
# time. The time's offset is ignored on purpose: the date a publisher wrote is the date of the report in
# its own time zone; converting to UTC would move evening reports to the next day.
ISO_DATE = re.compile(r"\A(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?:[T ]\S.*)?\Z")

# A value with no letters and no digit group of 4 digits cannot carry a year ("12/09", "09-12"): such
# values are ambiguous (day-month or month-day) and are not guessed.
_HAS_YEAR_DIGITS = re.compile(r"\d{4}")
_HAS_LETTERS = re.compile(r"[A-Za-z]")

# A numeric date with the year last ("12/09/2023", "09.12.2023"): day-month in most of the world,
# month-day in the US. When both leading numbers could be a month the order is unknowable: refused.
NUMERIC_DMY = re.compile(r"\A(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\d{4}\b")

# Two reference dates that differ in every part: a part that comes out differently under the two was
# missing from the value and filled in by the parser, so it is left unknown.
_REFERENCES = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def parse_published(value: object) -> PartialDate | None:
    """Parse a metadata date value into a :class:`PartialDate`, keeping unknown parts unknown.

    Accepts ISO dates and datetimes (complete or reduced), RFC 822 feed dates, and written dates such
    as "12 September 2023" or "Sept. 12" (no year → the year stays unknown). Numeric dates without a
    year ("12/09") are ambiguous and refused.

    Args:
        value: the field's value; anything that is not a non-empty string gives ``None``.

    Returns:
        The date, or ``None`` when the value is not a date.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    iso = ISO_DATE.match(text)
    if iso:
        try:
            return PartialDate(
                int(iso["year"]),
                int(iso["month"]) if iso["month"] else None,
                int(iso["day"]) if iso["day"] else None,
            )
        except ValueError:
            return None
    if not _HAS_LETTERS.search(text) and not _HAS_YEAR_DIGITS.search(text):
        return None
    numeric = NUMERIC_DMY.match(text)
    if numeric and int(numeric["a"]) <= 12 and int(numeric["b"]) <= 12 and numeric["a"] != numeric["b"]:
        return None
    return _parse_written(text)


def _parse_written(text: str) -> PartialDate | None:
    from dateutil import parser

    parsed = []
    for reference in _REFERENCES:
        try:
            parsed.append(parser.parse(text, default=reference, fuzzy=False))
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = parsed
    year = first.year if first.year == second.year else None
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if year is None and month is None:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None
