"""Discourse anchoring of time expressions: "a year earlier" in a quarterly report means that quarter.

A results story sets its time of discussion once ("third-quarter profit rose ...") and then compares
against "a year earlier", "a year ago", "last year" or "the year-ago period": a reader understands the
same quarter one year before, not the whole calendar year. This pass runs after every expression of an
article has been normalised against the publication date and re-anchors those comparisons to the
quarter under discussion (the focus), in the manner of HeidelTime's reference-time tracking for
narratives (Strötgen & Gertz 2013, section 4.3). The focus stays on the quarter the story reports: an
earlier quarter named as a contrast or the current (unclosed) one does not take it over, and a
year-to-date period ("for the nine months") ends it. A monthly figure compared "from a year earlier" in
its own sentence is compared with the same month a year back.

Example:
    >>> from datetime import date
    >>> from newstrace.annotate.time import extract_times
    >>> text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    >>> [t.value for t in extract_times(text, date(1989, 11, 2))]
    ['1989-Q3', '1988-Q3']
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from newstrace.model import TimeExpression

# A calendar quarter value: "1989-Q3".
QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-Q(?P<q>[1-4])$")
# Comparisons with the same period one year back: "a year earlier", "a year ago", "one year before".
# Not "last year": in results stories it names the calendar year about as often as the year-ago quarter
# (TempEval-3 training data: 9 against 5), and the calendar year is the safer reading for a timeline.
YEAR_BACK = re.compile(r"^(?:a|one) year (?:ago|earlier|before)$", re.IGNORECASE)
# A period named by its year or as one year back: "the 1988 quarter", "the year-earlier period", "last
# year's quarter", "the corresponding period last year".
YEAR_PERIOD = re.compile(
    r"^(?:the\s+)?(?:(?P<year>(?:19|20)\d\d)\s+(?:quarter|period)|(?:year-(?:ago|earlier|before)|"
    r"last\s+year's)\s+(?:quarter|period)|(?:same|corresponding|comparable|year-ago|year-earlier)\s+"
    r"(?:quarter|period)\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)))$",
    re.IGNORECASE,
)
# A year-to-date period of a results story: "the nine months", "the first six months" (durations), "the
# first half". A comparison after it ("compared with a loss a year earlier") is with that period one year
# back, which is not the quarter under discussion: it ends the quarter's focus.
YEAR_TO_DATE = re.compile(r"^(?:P(?:6|9)M|\d{4}-H[12])$")
# A calendar month value: "2021-06".
MONTH_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)$")
# How far back (characters) a month stays the one compared: a monthly figure is compared in its own
# sentence ("rose 12% in June from a year earlier"), so about one sentence.
MONTH_WINDOW = 200
# How far back (characters) a quarter stays the time under discussion: a results story names its
# quarter in the lead and compares for the next few paragraphs; 1,500 characters is about five short
# wire paragraphs. Beyond that a "last year" is more likely the calendar year.
FOCUS_WINDOW = 1500


def anchor_to_focus(found: list[TimeExpression], reference: date | None) -> list[TimeExpression]:
    """Re-anchor year-back comparisons to the quarter under discussion.

    Args:
        found: one article's expressions in text order, each already normalised.
        reference: the publication date; a quarter after it (an outlook, "the coming quarter") is not
            what a year-back comparison is measured from. None: no quarter is taken as the focus.

    Returns:
        The same expressions; those comparing with "a year earlier" (or "the 1988 quarter") while a
        quarter is under discussion get that quarter's value one year back.
    """
    out: list[TimeExpression] = []
    focus: tuple[int, int, int] | None = None  # (year, quarter, end offset of the naming expression)
    month: tuple[int, int, int] | None = None  # (year, month, end offset): a month's figures compared
    for timex in found:
        if focus is not None and timex.start - focus[2] > FOCUS_WINDOW:
            focus = None
        if month is not None and timex.start - month[2] > MONTH_WINDOW:
            month = None
        named_month = MONTH_VALUE.match(timex.value)
        if named_month is not None and reference is not None and timex.type == "DATE":
            if (int(named_month["year"]), int(named_month["month"])) <= (reference.year, reference.month):
                month = (int(named_month["year"]), int(named_month["month"]), timex.end)
            out.append(timex)
            continue
        if focus is None and month is not None and YEAR_BACK.match(" ".join(timex.text.split())):
            # "Exports rose 12% in June from a year earlier": June of the year before.
            value = f"{month[0] - 1:04d}-{month[1]:02d}"
            out.append(dataclasses.replace(timex, value=value))
            continue
        named = QUARTER_VALUE.match(timex.value)
        if named is not None and reference is not None:
            if (int(named["year"]), int(named["q"])) > (reference.year, (reference.month - 1) // 3 + 1):
                out.append(timex)
                continue
            quarter = (int(named["year"]), int(named["q"]))
            current = (reference.year, (reference.month - 1) // 3 + 1)
            # An earlier quarter named while one is under discussion ("after a flat second quarter") is
            # a contrast, and the current one ("into the fourth quarter") an outlook: the story still
            # reports the quarter it began with. The current quarter can begin a discussion (a fiscal
            # quarter just closed), not take one over.
            if focus is None or focus[:2] <= quarter < current:
                focus = (*quarter, timex.end)
            out.append(timex)
            continue
        if YEAR_TO_DATE.match(timex.value) and not _after(timex.value, reference):
            focus = None
            out.append(timex)
            continue
        value = _anchored(timex, focus)
        out.append(dataclasses.replace(timex, value=value) if value != timex.value else timex)
    return out


def _anchored(timex: TimeExpression, focus: tuple[int, int, int] | None) -> str:
    text = " ".join(timex.text.split())
    if focus is not None and YEAR_BACK.match(text):
        return f"{focus[0] - 1:04d}-Q{focus[1]}"
    period = YEAR_PERIOD.match(text)
    if period is not None:
        if period["year"]:
            year = int(period["year"])
        elif focus is not None:
            year = focus[0] - 1
        else:
            return timex.value
        return f"{year:04d}-Q{focus[1]}" if focus is not None else f"{year:04d}"
    return timex.value


def _after(value: str, reference: date | None) -> bool:
    """Whether a half-year value (``1990-H1``) has not begun by ``reference``: an outlook."""
    if reference is None or "-H" not in value:
        return False
    year, half = int(value[:4]), int(value[-1])
    return (year, half) > (reference.year, (reference.month - 1) // 6 + 1)
