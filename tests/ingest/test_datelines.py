"""Datelines: the shapes agencies use, and sentences that only look like them."""

from __future__ import annotations

import pytest

from newstrace.ingest.datelines import parse_dateline, title_case_place
from newstrace.model import PartialDate

BODY = " Officials met on Tuesday to discuss the harbour tolls."


@pytest.mark.parametrize(
    ("opening", "place", "date", "source", "kind"),
    [
        ("Moscow [Russia], September 12 :", "Moscow", PartialDate(None, 9, 12), None, None),
        ("Moscow [Russia], September 12 (ANI):", "Moscow", PartialDate(None, 9, 12), "ANI", "wire_dateline"),
        ("SEOUL, Sept 12 (Reuters) -", "Seoul", PartialDate(None, 9, 12), "Reuters", "wire_dateline"),
        ("NEW DELHI, Sept. 12 (IANS):", "New Delhi", PartialDate(None, 9, 12), "IANS", "wire_dateline"),
        ("BEIJING, Sept. 12 (Xinhua) --", "Beijing", PartialDate(None, 9, 12), "Xinhua", "wire_dateline"),
        ("WASHINGTON (AP) —", "Washington", None, "AP", "agency_marker"),
        ("PARIS (Agence France-Presse) -", "Paris", None, "AFP", "agency_marker"),
        ("(AP) -", None, None, "AP", "agency_marker"),
        ("LONDON, 12 September 2023 -", "London", PartialDate(2023, 9, 12), None, None),
        ("Kyiv, Ukraine —", "Kyiv", None, None, None),
        ("WASHINGTON —", "Washington", None, None, None),
        ("SAN FRANCISCO, Calif. (AP) —", "San Francisco", None, "AP", "agency_marker"),
        (
            "RIO DE JANEIRO, Brazil, Sept 13 (Reuters) --",
            "Rio de Janeiro",
            PartialDate(None, 9, 13),
            "Reuters",
            "wire_dateline",
        ),
        (
            "HARBOURTON, Sept 12 (Coastline Wire) -",
            "Harbourton",
            PartialDate(None, 9, 12),
            "Coastline Wire",
            "wire_dateline",
        ),  # an unknown agency is kept as written
    ],
)
def test_datelines(
    opening: str, place: str | None, date: PartialDate | None, source: str | None, kind: str | None
) -> None:
    dateline = parse_dateline(opening + BODY, start=7)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.source, dateline.credit_kind) == (
        place,
        date,
        source,
        kind,
    )
    assert dateline.text == opening
    assert (dateline.start, dateline.end) == (7, 7 + len(opening))


@pytest.mark.parametrize(
    "line",
    [
        "Moscow said on Tuesday that the talks would go ahead.",
        "Moscow — the capital — was calm on Tuesday.",  # title-case place alone needs more evidence
        "However, last week — officials said — the port closed.",
        "In a rare show of strength, the mayor arrived on Tuesday.",
        "BREAKING: the harbour is closed.",
        "EXCLUSIVE - The harbour is closed.",
        "UPDATE - The harbour is closed.",
        "Kyiv-based analysts - who asked not to be named - disagreed.",
        "Mayor Lund: We will rebuild the pier.",  # a colon needs a date or an agency
        "The Harbour Board (HB) - a state body - met.",
        "North Korean leader Kim Jong Un arrived in Russia on Tuesday.",
        "Officials declined to comment.",
        "According to Reuters, the harbour closed - briefly.",
        "A very long line of capitalised words Going On And On Beyond Any Dateline Length Seen In "
        "Real Copy Anywhere, Sept 12 (Reuters) - text",
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("caps", "title"),
    [
        ("SEOUL", "Seoul"),
        ("NEW DELHI", "New Delhi"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("PORT-AU-PRINCE", "Port-au-Prince"),
        ("N'DJAMENA", "N'Djamena"),
        ("ST. LOUIS", "St. Louis"),
        ("Moscow", "Moscow"),
        ("McAllen", "McAllen"),
    ],
)
def test_title_case_place(caps: str, title: str) -> None:
    assert title_case_place(caps) == title
