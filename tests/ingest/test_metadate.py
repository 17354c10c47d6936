"""Publication dates from metadata fields: parsed, never invented."""

from __future__ import annotations

import pytest

from newstrace.ingest.metadate import parse_published


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-09-12", "2023-09-12"),
        ("2023-09-12T23:30:00-05:00", "2023-09-12"),  # the publisher's own day, not UTC's
        ("2023-09-12 08:00", "2023-09-12"),
        ("2023-09", "2023-09"),
        ("2023", "2023"),
        ("Tue, 12 Sep 2023 06:00:00 GMT", "2023-09-12"),
        ("12 September 2023", "2023-09-12"),
        ("September 12", "XXXX-09-12"),  # no year: it stays unknown
        ("Sept. 12", "XXXX-09-12"),
        ("Sep 2023", "2023-09"),
        ("25/09/2023", "2023-09-25"),
        ("12/09/2023", None),  # day-month or month-day: not guessed
        ("12/09", None),
        ("Tuesday", None),
        ("yesterday", None),
        ("2023-13-45", None),
        ("", None),
        (20230912, None),
        (None, None),
    ],
)
def test_parse_published(value: object, iso: str | None) -> None:
    found = parse_published(value)
    assert (found.iso() if found else None) == iso
