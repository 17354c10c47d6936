"""Parts of the day, and when one holds a clock time or another part."""

from __future__ import annotations

import pytest

from newstrace.compare.moments import part_of_day_fits, parts_of_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pier collapsed on Thursday evening.", ["evening"]),
        ("Divers searched the lake overnight.", ["overnight"]),
        ("The market reopens this afternoon.", ["afternoon"]),
        ("Voting began late on Friday night in two wards.", ["night"]),
        ("The tram line reopened on Monday.", []),
        # "Morning" as a name or a noun alone says no part of a day.
        ("The Morning Ledger said the pier was closed.", []),
        # Which day "the afternoon" is, the sentence does not say; "by" gives a moment a state held at.
        ("Crews had cleared the road by the afternoon.", []),
        ("Nine climbers were still missing by Sunday evening.", []),
    ],
)
def test_parts_of_the_day(text: str, expected: list[str]) -> None:
    assert [m.value for m in parts_of_day(text)] == expected


@pytest.mark.parametrize(
    ("part", "other", "fits"),
    [
        ("morning", "09:40", True),
        ("morning", "12:15", True),  # loose, not wrong
        ("morning", "15:30", False),
        ("evening", "21:00", True),
        ("evening", "10:00", False),
        ("night", "02:30", True),  # a night runs past midnight
        ("night", "14:00", False),
        ("afternoon", "evening", True),  # the two overlap near six
        ("morning", "evening", False),
        ("tonight", "23:30", True),
    ],
)
def test_a_part_of_the_day_holds_a_time_or_another_part(part: str, other: str, fits: bool) -> None:
    assert part_of_day_fits(part, other) is fits
