"""Date stamps: the line near the top of a page's text that says when the page was published.

Pages print the publication date on a line of its own, above or below the headline and byline, and
text extraction keeps it as the body's first lines::

    May 03, 2013
    Tuesday, 14 October 2008
    Posted: Nov 10, 2008 12:31 PM
    Published on Friday, 27 September 2013
    UPDATED: WEDNESDAY, MARCH 13, 2013, 2:30 AM ET
    PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013

Unlike a dateline (:mod:`~newstrace.ingest.datelines`: "SEOUL, Sept 12 (Reuters) -", which opens the
story's first sentence and names a place), a date stamp is a whole line and nothing else: an optional
label ("Posted:", "Last updated on"), an optional clock time, one date with its year, month and day, and
after it only clock times, time zones, separators and a second labelled date. A date inside a sentence
("Reid checked herself in on Tuesday, December 9, 2008.") is never one, and neither is a line that names
something else first ("End of Watch: Friday, June 24, 2005", "WASHINGTON, DC, April 28, 2009").

Only the first :data:`STAMP_LINES` lines that no earlier cleaning step removed are looked at: further
down, a date alone on a line is more often a heading of a timeline than the page's own date.

Example:
    >>> stamp = parse_date_stamp("Posted: Nov 10, 2008 12:31 PM")
    >>> stamp.iso()
    '2008-11-10'
    >>> parse_date_stamp("Reid checked herself in on Tuesday, December 9, 2008.") is None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.ingest.dates import MONTHS, parse_partial_date
from newstrace.ingest.layout import Line
from newstrace.model import PartialDate

# Lines looked at: the first few left after captions, bylines and credit lines are taken out. Pages put
# the date above the headline's deck, beside the byline or right under it; four lines cover a deck, an
# author line the byline step did not read, and a "Published" line followed by an "Updated" one.
STAMP_LINES = 4
# A stamp with weekday, two labelled dates, clock times and zones stays under this many characters;
# anything longer is a sentence.
MAX_STAMP_CHARS = 100
# Text extraction puts spaces where markup split a value ("2: 30 PM", "05 / 03 / 2013", "22. 34"): a
# separator inside a number is closed up before reading.
_SPACED_SEPARATOR = re.compile(r"(?<=\d) ?([:/.]) ?(?=\d)")
# A label before the date: "Posted:", "Published on", "Last updated:", "First published", "Story
# created:", "Published time:", and a bare "on" (left when the byline step took "By Jane Doe" before it).
LABEL = re.compile(
    r"""\A(?:
        (?:(?:last|first|originally)\s+)?(?:story\s+)?
        (?:updated|published|posted|modified|created|edited)
        (?:\s+(?:on|at|time))?\s*:?
      | on
    )\s+""",
    re.IGNORECASE | re.VERBOSE,
)
# A clock time with its zone before the date, as some stamps write it ("02:31 GMT, 12 March 2013",
# "1052 GMT (1852 HKT), April 10, 2007", "12:17 am, Monday, …").
LEADING_TIME = re.compile(
    r"""\A(?:\d{1,2}(?::\d{2}){1,2}|\d{4}(?=\s+(?-i:[A-Z])))
        (?:\s*[ap]\.?\s?m\.?)?(?:\s+(?-i:[A-Z]{2,5}))?(?:\s*\([^()]{1,20}\))?\s*,?\s+""",
    re.IGNORECASE | re.VERBOSE,
)
# Words a stamp may hold after its date: clock times ("11:41am", "9.03", "01:19"), am/pm, time zones in
# capitals ("EDT", "GMT+01:00", "AEST"), labels of a second date, "at", "hrs", month and weekday names,
# numbers (the second date's day and year). Anything else, a lower-case word above all, is prose.
_TRAILING_WORD = re.compile(
    r"""\A(?:
        \d{1,4}(?:[:.]\d{1,2}){0,2}(?:[ap]\.?m\.?|[ap]|h|hrs)?
      | [ap]\.?m\.?
      | [A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{1,2})?)?
      | (?i:at|on|hrs|time|last|first|updated|published|posted|modified|edited)
      | (?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|urday)?\.?
    )\Z""",
    re.VERBOSE,
)
# Punctuation between the words of a stamp: separators, brackets, the colon of a label.
_PUNCTUATION = "|,;:()[]@-–—•/"


@dataclass(frozen=True, slots=True)
class DateStamp:
    """A date stamp found among a body's first lines: the line (``raw_text[start:end] == text``) and its
    date, always complete."""

    text: str
    start: int
    end: int
    date: PartialDate


def find_date_stamps(lines: list[Line], taken: set[int]) -> list[DateStamp]:
    """The date stamps among the first :data:`STAMP_LINES` lines not in ``taken``, top first.

    Args:
        lines: the body's lines (:func:`~newstrace.ingest.layout.split_lines`).
        taken: indexes of lines an earlier cleaning step removed; not looked at or counted.

    Returns:
        One stamp per line that is one; the first is the page's publication date, a later one is most
        often its "Updated" line.
    """
    stamps = []
    for _, line in first_lines(lines, taken):
        date = parse_date_stamp(line.text)
        if date is not None:
            stamps.append(DateStamp(line.text, line.start, line.end, date))
    return stamps


def find_date_lines(lines: list[Line], taken: set[int]) -> list[int]:
    """Indexes of the lines among the first :data:`STAMP_LINES` not in ``taken`` that say only a date or a
    time without being a full stamp ("09 / 10 / 10 08: 23 PM ET": a two-digit year; "8: 24am"): page
    furniture all the same, but no publication date to take from them."""
    return [i for i, line in first_lines(lines, taken) if is_date_only(line.text)]


def first_lines(lines: list[Line], taken: set[int]) -> list[tuple[int, Line]]:
    """The first :data:`STAMP_LINES` lines not in ``taken``, with their indexes: where page furniture
    above the story stands."""
    return [(i, line) for i, line in enumerate(lines) if i not in taken][:STAMP_LINES]


def parse_date_stamp(line: str) -> PartialDate | None:
    """The date a line states when the line is a date stamp and nothing else, or ``None``.

    Args:
        line: one line of text.

    Returns:
        The first date of the line, complete (year, month and day): a stamp without a year or a day is
        not taken, since "May 2013" alone on a line may as well be a section heading.
    """
    text = " ".join(line.split())
    if not text or len(text) > MAX_STAMP_CHARS:
        return None
    text = _SPACED_SEPARATOR.sub(r"\1", text)
    text = LABEL.sub("", text, count=1)
    text = LEADING_TIME.sub("", text, count=1)
    words = text.split(" ")
    # The date is the longest run of words from the start that reads as one; the rest must be furniture.
    for end in range(min(len(words), 8), 0, -1):
        head = " ".join(words[:end]).rstrip(_PUNCTUATION + ".").strip()
        if not head or not _starts_like_date(head):
            continue
        date = parse_partial_date(head)
        if date is None:
            continue
        if not date.is_complete or not all(_is_furniture(w) for w in words[end:]):
            return None
        return date
    return None


# What makes a line of furniture words a date or a time rather than a short headline in capitals ("IRAN AT
# 30"): a clock time, a numeric date, or a number beside a month name.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_SIGNAL = re.compile(
    rf"\d\s?:\s?\d\d|\d\s?[ap]\.?m\b|\d{{1,4}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}}"
    rf"|\b(?:{_MONTH_NAMES})\.?\s+\d|\d\s+(?:{_MONTH_NAMES})\b",
    re.IGNORECASE,
)

# "28th" and a spaced "p. m." as text extraction leaves them.
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_SPACED_MERIDIEM = re.compile(r"\b([ap])\.\s+m\.", re.IGNORECASE)
# "1:19PM": a clock time glued to its capitals.
_GLUED_MERIDIEM = re.compile(r"(?<=\d)[AP]M\b")


def is_date_only(line: str) -> bool:
    """Whether a line says nothing but a date or a time: a stamp (:func:`parse_date_stamp`) or one
    without a year or a day ("APR 28", "8: 24am:", "11 / 28 / 05").

    A feed or a JSONL export whose headline field took the page's first line holds such a line where the
    headline should be.

    Example:
        >>> is_date_only("Updated: November 11, 2011 20: 09 IST"), is_date_only("APR 28")
        (True, True)
        >>> is_date_only("IRAN AT 30"), is_date_only("Quake hits Iran on Nov 27")
        (False, False)
    """
    text = " ".join(line.split())
    if not text or len(text) > MAX_STAMP_CHARS or not _DATE_SIGNAL.search(text):
        return False
    text = _SPACED_MERIDIEM.sub(r"\1.m.", _ORDINAL.sub(r"\1", LABEL.sub("", text, count=1)))
    text = _GLUED_MERIDIEM.sub(lambda m: m.group().lower(), text)
    return all(_is_furniture(word) for word in text.split(" "))


def _starts_like_date(head: str) -> bool:
    """A cheap check before parsing: a date starts with a digit, a month or a weekday name."""
    first = head.split(" ", 1)[0].strip(_PUNCTUATION + ".").lower()
    return bool(first) and (first[0].isdigit() or first in MONTHS or _TRAILING_WORD.match(first) is not None)


def _is_furniture(word: str) -> bool:
    """Whether a word after the date belongs to a stamp (a time, a zone, a label, a date's part)."""
    core = word.strip(_PUNCTUATION)
    if not core or core == ".":
        return True
    core = core.rstrip(".") or core
    return core.lower() in MONTHS or _TRAILING_WORD.match(core) is not None
