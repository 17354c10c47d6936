"""Places of two statements: named buildings and grounds, lists of places, counties, longer names."""

from __future__ import annotations

import pytest

from newstrace.compare.conflicts import compare_statements
from newstrace.compare.places import places, scale, venues
from newstrace.model import Citation


def _places(a: str, b: str, anchored: bool = False) -> list[tuple[str, str, bool]]:
    found = compare_statements(Citation(1, 0, len(a), a), a, Citation(2, 0, len(b), b), b, anchored=anchored)
    return [(d.sides[0].text, d.sides[1].text, d.conflict) for d in found if d.kind == "place"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("About 150 students protested outside Pellington town hall on Thursday.", ["Pellington town hall"]),
        ("They gathered outside the college's Quarry Road campus.", ["Quarry Road campus"]),
        ("Families were taken by minibus to St Bede's Primary School.", ["St Bede's Primary School"]),
        ("The rider was flown to Kestrel Bay General Hospital.", ["Kestrel Bay General Hospital"]),
        # Where someone works is no venue of the story's event.
        ("Makepeace, a physiotherapist at Corrin General Hospital, won.", []),
        ("The union will ballot drivers at the Fenwick depot.", []),
        # A town alone is a place, read elsewhere, not a venue.
        ("The count was held in Brackwell on Friday.", []),
    ],
)
def test_venues_are_named_buildings_and_grounds(text: str, names: list[str]) -> None:
    assert [m.value.removeprefix("venue: ") for m in venues(text)] == names


def test_two_venues_of_one_protest_conflict() -> None:
    assert _places(
        "About 150 students protested outside Pellington town hall on Thursday evening.",
        "About 150 students gathered outside the college's Quarry Road campus on Thursday evening.",
    ) == [("Pellington town hall", "Quarry Road campus", True)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A venue that moved: where it was planned and where it will be are both true.
        (
            "The lecture was to be given in the Gatehouse Lecture Theatre on Thursday.",
            "The lecture will instead be given at the Kelverton Grand Hotel on Thursday.",
        ),
        # Nothing shared before the two venues: two things of one story that happened in two buildings.
        (
            "Campers spent the night in the sports hall at Lumsey Academy.",
            "Police set up their control room at Lumsey Leisure Centre.",
        ),
        # One venue told more or less fully.
        (
            "The count was held at Brackwell Leisure Centre.",
            "The count was held at the Brackwell Leisure Centre on Mill Road.",
        ),
    ],
)
def test_venues_that_do_not_conflict(a: str, b: str) -> None:
    assert [conflict for *_, conflict in _places(a, b, anchored=True)] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A place first in a list is one of several things' places.
        (
            "Lumino said staff would be offered jobs at its cinemas in Harlow Cross and Denby.",
            "Lumino said staff at the cinema in Brackenford would be offered jobs.",
        ),
        # A county and a town in it are one place at two scales.
        (
            "Thirty-four vehicles crashed in thick fog on the M71 near Hessleford on Wednesday.",
            "Forty-one vehicles crashed in dense fog on the M71 in Midshire on Wednesday.",
        ),
        # A body's name read only in part is no town.
        (
            "The real fossil is kept at the National Geological Collection.",
            "The real fossil is kept at Ravensworth.",
        ),
    ],
)
def test_places_that_are_no_rivals(a: str, b: str) -> None:
    assert _places(a, b) == []


def test_what_the_place_rules_read() -> None:
    assert [m.value for m in places("its cinemas in Harlow Cross and Denby")] == []
    assert [m.value for m in places("kept at the National Geological Collection")] == []
    assert [m.value for m in places("the shop at Tresham St Mary")] == ["Tresham St"]
    assert scale("Midshire") == scale("Surrey") == 1
