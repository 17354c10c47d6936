"""Counts of two statements: one figure told two ways, or counts of two different things."""

from __future__ import annotations

import pytest

from newstrace.compare.counts import number_differences
from newstrace.model import Citation


def _numbers(a: str, b: str) -> list[tuple[str, str, bool]]:
    found = number_differences(Citation(1, 0, len(a), a), a, Citation(2, 0, len(b), b), b)
    return [(d.sides[0].text, d.sides[1].text, d.conflict) for d in found]


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # A part, the rest and all of one herd are three true counts.
        ("Rangers tagged two of the elk near the river.", "All five elk were counted again in spring.", []),
        (
            "The herd's other three elk stayed on the ridge.",
            "Rangers led the other two elk back to the pen.",
            [],
        ),
        # A part against all of them, said of one thing that happened to it, is one count.
        (
            "Two of the hikers were treated for frostbite.",
            "All four hikers were treated for frostbite at Orrin hospital.",
            [("Two of the hikers", "four hikers", True)],
        ),
        # The whole a share is taken of is no count of the share.
        (
            "About 40,000 members voted, the union said.",
            "About a third of the union's 120,000 members voted.",
            [],
        ),
        (
            "About 40,000 members voted, the union said.",
            "The union put the number of members who voted at 52,000.",
            [("About 40,000 members", "52,000", True)],
        ),
    ],
)
def test_a_part_the_rest_and_the_whole(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert _numbers(a, b) == found


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # Two lengths of time of two different things.
        (
            "The last calf was found at dusk after a search of nearly six hours.",
            "Two of the calves were found inside the farm within about three hours.",
            False,
        ),
        # One length of time told in other words: the sentences share what it was of.
        (
            "Thirty crews brought the blaze under control after four hours.",
            "Crews needed nine hours to bring the blaze under control.",
            True,
        ),
    ],
)
def test_lengths_of_time_of_one_thing(a: str, b: str, conflict: bool) -> None:
    assert [c for *_, c in _numbers(a, b) if c] == ([True] if conflict else [])


def test_a_modifier_before_a_plural_is_not_what_is_counted() -> None:
    # "one fox" and "four fox attacks" count two things.
    assert (
        _numbers("One fox was still loose on Sunday.", "The town has had four fox attacks in 20 years.") == []
    )
