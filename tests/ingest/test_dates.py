"""parse_partial_date: every shape the readers and datelines meet, and no invented parts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.ingest.dates import month_number, parse_partial_date
from newstrace.model import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 12", PartialDate(None, 9, 12)),
        ("Sept. 12", PartialDate(None, 9, 12)),
        ("Sept 12", PartialDate(None, 9, 12)),
        ("SEPT. 12", PartialDate(None, 9, 12)),
        ("12 September 2023", PartialDate(2023, 9, 12)),
        ("12th of September", PartialDate(None, 9, 12)),
        ("Sep 12, 2023", PartialDate(2023, 9, 12)),
        ("September 12 2023", PartialDate(2023, 9, 12)),
        ("Tuesday, September 12, 2023", PartialDate(2023, 9, 12)),
        ("Tue, 12 Sep 2023 10:00:00 +0000", PartialDate(2023, 9, 12)),
        ("Tue, 12 Sep 2023 10:00:00 GMT", PartialDate(2023, 9, 12)),
        ("Updated: Sep 12, 2023 10:30 AM IST", PartialDate(2023, 9, 12)),
        ("September 2023", PartialDate(2023, 9, None)),
        ("2023-09-12", PartialDate(2023, 9, 12)),
        ("2023-09-12T10:00:00Z", PartialDate(2023, 9, 12)),
        ("2023-09-12T10:00:00.123+05:30", PartialDate(2023, 9, 12)),
        ("2023-09-12 10:00", PartialDate(2023, 9, 12)),
        ("2023-09", PartialDate(2023, 9, None)),
        ("2023", PartialDate(2023, None, None)),
        ("XXXX-09-12", PartialDate(None, 9, 12)),
        ("2023/09/12", PartialDate(2023, 9, 12)),
        ("2023.9.12", PartialDate(2023, 9, 12)),
        ("13/09/2023", PartialDate(2023, 9, 13)),  # day first: 13 cannot be a month
        ("09/13/2023", PartialDate(2023, 9, 13)),  # month first: 13 cannot be a month
        ("05.05.2023", PartialDate(2023, 5, 5)),  # same either way
        ("  September\u00a012  ", PartialDate(None, 9, 12)),
        ("February 29", PartialDate(None, 2, 29)),  # may be right in a leap year
        ("29 February 2024", PartialDate(2024, 2, 29)),
    ],
)
def test_parses(text: str, expected: PartialDate) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12/09/2023",  # day and month could be swapped: refused rather than guessed
        "09/12/2023",
        "12/09/23",  # two-digit year
        "September",  # a month alone is no date
        "Moscow said on September 12 that",  # dates are not searched inside sentences
        "February 30",
        "29 February 2023",  # not a leap year
        "2023-13-01",
        "32 May",
        "yesterday",
        "",
        "XXXX",
        "0000-01-01",
    ],
)
def test_refuses(text: str) -> None:
    assert parse_partial_date(text) is None


def test_never_takes_the_year_from_today() -> None:
    parsed = parse_partial_date("September 12")
    assert parsed is not None
    assert parsed.year is None
    assert parsed.iso() == "XXXX-09-12"
    assert str(dt.date.today().year) not in parsed.iso()


@pytest.mark.parametrize(("name", "number"), [("Sept.", 9), ("sep", 9), ("MAY", 5), ("Juni", None)])
def test_month_number(name: str, number: int | None) -> None:
    assert month_number(name) == number


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Valid partial dates with at least one known part."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1)))
    year = draw(st.sampled_from([day.year, None]))
    month = draw(st.sampled_from([day.month, None]))
    dom = draw(st.sampled_from([day.day, None]))
    if year is None and month is None and dom is None:
        month = day.month
    return PartialDate(year, month, dom)


@given(partial_dates())
def test_iso_round_trip(date: PartialDate) -> None:
    assert parse_partial_date(date.iso()) == date


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "{a} {d}"]))
def test_written_dates_round_trip(day: dt.date, shape: str) -> None:
    name = _MONTH_NAMES[day.month - 1]
    text = shape.format(m=name, d=day.day, y=day.year, a=name[:3])
    expected = PartialDate(None if "{y}" not in shape else day.year, day.month, day.day)
    assert parse_partial_date(text) == expected
