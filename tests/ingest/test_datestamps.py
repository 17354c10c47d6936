"""Date stamps: a line near the top of a body that is only a date gives the publication date."""

from __future__ import annotations

import pytest

from newstrace.ingest.datestamps import find_date_stamps, parse_date_stamp
from newstrace.ingest.layout import split_lines


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("March 09, 2021", "2021-03-09"),
        ("Thursday, 4 February 2021", "2021-02-04"),
        ("Posted: Jan 12, 2022 6:40 PM", "2022-01-12"),
        ("Published on Monday, 18 October 2021", "2021-10-18"),
        ("UPDATED: SATURDAY, JUNE 5, 2021, 11:02 AM", "2021-06-05"),
        ("PUBLISHED: 08:15 GMT, 3 May 2022 | UPDATED: 19:40 GMT, 3 May 2022", "2022-05-03"),
        ("Last updated on: April 30, 2020 21:07 IST", "2020-04-30"),
        ("Oct. 2, 2019 at 7:05 a.m. ET", "2019-10-02"),
        ("Sat Aug 14 2021, 03:10 hrs", "2021-08-14"),
        ("9:30 AM PDT 11/23/2020", "2020-11-23"),  # 23 can only be the day
        ("Updated 2021-07-19 14:05:33", "2021-07-19"),
        ("November 8, 2020 | 4:12pm", "2020-11-08"),
        ("Story Created: Feb 2, 2022 at 1: 15 PM CST", "2022-02-02"),  # spaces left by markup
        ("on March 3, 2021", "2021-03-03"),  # the rest of "By Ada Pell on March 3, 2021"
    ],
)
def test_a_line_that_is_only_a_date_gives_it(line: str, iso: str) -> None:
    date = parse_date_stamp(line)
    assert date is not None and date.iso() == iso


@pytest.mark.parametrize(
    "line",
    [
        "The ferry sank on Tuesday, March 9, 2021.",  # a date in a sentence
        "March 9, 2021 was the coldest day in Tarnby.",  # a date opening a sentence
        "In 2019, the quarry closed.",
        "Closing date: May 3, 2022",  # a label that is not the page's date
        "TARNBY, March 9, 2021",  # a place first: a dateline without its dash, not a stamp
        "March 2021",  # no day: a heading as likely as a date
        "Posted 2 years, 40 days ago",
        "Updated 04/05/2021 10:00 AM",  # April 5 or 4 May: refused, never guessed
        "March 9",  # no year
        "",
    ],
)
def test_prose_and_uncertain_dates_are_not_stamps(line: str) -> None:
    assert parse_date_stamp(line) is None


def test_only_the_first_lines_are_looked_at_and_taken_lines_do_not_count() -> None:
    raw = "By Ada Pell\nMarch 9, 2021\nThe quarry reopened.\nIt had been shut.\nMore.\nMarch 10, 2021\n"
    lines = split_lines(raw)
    stamps = find_date_stamps(lines, taken={0})
    assert [(s.text, s.date.iso()) for s in stamps] == [("March 9, 2021", "2021-03-09")]
    # "March 10, 2021" is the sixth line: past the first STAMP_LINES lines, the byline not counted.
    assert raw[stamps[0].start : stamps[0].end] == "March 9, 2021"
