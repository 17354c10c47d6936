"""Conflicts a reader must see, and compatible differences that must not be called conflicts."""

from __future__ import annotations

import pytest

from newstrace.compare.conflicts import compare_statements
from newstrace.model import Citation


def _compare(a: str, b: str):
    return compare_statements(Citation(1, 0, len(a), a), a, Citation(2, 0, len(b), b), b)


@pytest.mark.parametrize(
    ("a", "b", "kind", "sides"),
    [
        (
            "The ferry capsized, leaving 12 missing.",
            "At least 14 people were still missing after the ferry capsized.",
            "number",
            ("12 missing", "At least 14 people were still missing"),
        ),
        (
            "Dr Anneli Varga said tests pointed to norovirus.",
            "Dr Anneli Vargas said norovirus was the likely cause.",
            "name",
            ("Anneli Varga", "Anneli Vargas"),
        ),
        (
            "Jeon Ha-kyou, a spokesperson, said the train crossed.",
            "Spokesperson Jeon Ha-kyu said the train crossed.",
            "name",
            ("Jeon Ha-kyou", "Jeon Ha-kyu"),
        ),
        (
            '"We are hoping," district governor Tomas Ekdal said.',
            '"We are hoping," deputy district governor Tomas Ekdal said.',
            "role",
            ("district governor", "deputy district governor"),
        ),
        (
            "The campaign asked for a recount on Monday.",
            "The campaign filed a request for a recount on Tuesday.",
            "date",
            ("Monday", "Tuesday"),
        ),
        (
            "Parents were told by text message at 7 a.m.",
            "Parents received a message at 6 a.m.",
            "time",
            ("7 a.m.", "6 a.m."),
        ),
        (
            "The court gave parliament until 1 September.",
            "Parliament has until 1 October to act, the court said.",
            "date",
            ("1 September", "1 October"),
        ),
        (
            "The regulator gave the airline until 3 March to file a plan.",
            "The airline must submit a plan by 10 March, the regulator said.",
            "date",
            ("3 March", "10 March"),
        ),
        (
            "The union asked for new talks on Monday.",
            "The union, which struck on Friday, asked for new talks on Wednesday.",
            "date",
            ("Monday", "Wednesday"),
        ),
        (
            "It will close its plant in Sallow.",
            "It will close its factory in Harnby.",
            "place",
            ("Sallow", "Harnby"),
        ),
        (
            'He said "we will accept the result of the count".',
            'He said "we will not accept this result".',
            "quote",
            ("we will accept the result of the count", "we will not accept this result"),
        ),
    ],
)
def test_conflicts(a: str, b: str, kind: str, sides: tuple[str, str]) -> None:
    conflicts = [d for d in _compare(a, b) if d.conflict]
    assert [(d.kind, tuple(s.text for s in d.sides)) for d in conflicts] == [(kind, sides)]
    for d in conflicts:
        assert a[d.sides[0].start : d.sides[0].end] == d.sides[0].text
        assert b[d.sides[1].start : d.sides[1].end] == d.sides[1].text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("About 1,200 people were evacuated.", "Officials evacuated 1,187 people."),  # rounding
        ("More than 200 people had been rescued.", "205 people had been rescued."),  # a bound
        ("The number missing rose to 15 on Wednesday.", "12 people were missing on Tuesday."),  # an update
        ("North Korea has not said when.", "North Korean officials have not said when."),  # a demonym
        ("Kim Jong-un arrived.", "Kim Jong Un arrived."),  # hyphenation
        ("The video was shared on Monday.", "The train arrived at Khasan on Tuesday."),  # two moments
        (
            "Three of the survivors were critical.",
            "Thirty-one survivors, three of them critical, were admitted.",
        ),
    ],
)
def test_compatible_differences_are_not_conflicts(a: str, b: str) -> None:
    assert not [d for d in _compare(a, b) if d.conflict]


def test_a_capitalised_first_word_is_not_a_name() -> None:
    a = "Rescuers pulled 205 survivors from the water, commander Ingrid Salvesen said."
    b = "Rescue crews pulled 205 survivors from the water, commander Ingrid Salvesen said."
    assert not [d for d in _compare(a, b) if d.conflict]


def test_the_day_a_fact_was_reported_is_not_a_date_of_the_fact() -> None:
    a = "Health officials closed the school on Tuesday after pupils fell ill."
    b = "Tests confirmed norovirus at the school, the health office said on Wednesday."
    assert [d for d in _compare(a, b) if d.conflict] == []


def test_two_different_places_that_share_a_word_are_not_a_spelling() -> None:
    a = "The talks with North Korea will resume in spring."
    b = "The talks with South Korea will resume in spring."
    assert [d for d in _compare(a, b) if d.kind == "name"] == []
