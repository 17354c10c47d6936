"""The agency table: spellings resolve to one canonical name."""

from __future__ import annotations

import pytest

from newstrace.ingest.agencies import AGENCIES, canonical_agency, glued_agency


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("AP", "AP"),
        ("The Associated Press", "AP"),
        ("A.P.", "AP"),
        ("Agence France-Presse", "AFP"),
        ("REUTERS", "Reuters"),
        ("Yonhap News Agency", "Yonhap"),
        ("ITAR-TASS", "TASS"),
        ("RIA-Novosti", "RIA Novosti"),
        ("Indo-Asian News Service", "IANS"),
        ("Press Trust of India", "PTI"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("Korean Central News Agency", "KCNA"),
        ("Anadolu Agency", "Anadolu"),
        ("agencies", "agencies"),
        ("Harbour Gazette", None),
        ("", None),
    ],
)
def test_canonical_agency(spelling: str, canonical: str | None) -> None:
    assert canonical_agency(spelling) == canonical


def test_every_canonical_name_resolves_to_itself() -> None:
    for canonical, spellings in AGENCIES.items():
        assert canonical_agency(canonical) == canonical
        assert all(canonical_agency(s) == canonical for s in spellings)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Mayor Opens The New Pier In HarbourtonIANS", "IANS"),
        ("Mayor Opens The New Pier In HarbourtonAFP", "AFP"),
        ("Mayor Opens The New Pier In HarbourtonAP", "AP"),
        ("Mayor Opens The New Pier In Harbourton IANS", None),  # a space is no glue
        ("Mayor Opens The New Pier In HarbourtonAA", None),  # two letters are too common to count
        ("Mayor Opens The New Pier In Harbourton", None),
    ],
)
def test_glued_agency(line: str, agency: str | None) -> None:
    m = glued_agency().search(line)
    assert (m["agency"] if m else None) == agency
