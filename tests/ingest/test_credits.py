"""Credit lines and bylines: what they credit, and sentences that are not credits."""

from __future__ import annotations

import pytest

from newstrace.ingest.credits import Byline, find_trailing_credits, parse_byline, parse_credit_line
from newstrace.ingest.layout import split_lines


@pytest.mark.parametrize(
    ("line", "sources", "kind", "removed"),
    [
        ("(With inputs from IANS)", ("IANS",), "inputs_from", "credit_line"),
        ("(With inputs from agencies)", ("agencies",), "inputs_from", "credit_line"),
        ("(With Inputs From Reuters and AFP)", ("Reuters", "AFP"), "inputs_from", "credit_line"),
        ("With additional inputs from PTI, ANI.", ("PTI", "ANI"), "inputs_from", "credit_line"),
        ("(With PTI inputs)", ("PTI",), "inputs_from", "credit_line"),
        ("(With agency inputs)", ("agencies",), "inputs_from", "credit_line"),
        ("(With inputs from Harbour Gazette)", ("Harbour Gazette",), "inputs_from", "credit_line"),
        ("Source: ANI", ("ANI",), "inputs_from", "credit_line"),
        ("(Reporting by Jane Doe in Harbourton; Editing by Ann Lee)", (), None, "credit_line"),
        ("(Reporting by Reuters; Editing by Ann Lee)", ("Reuters",), "byline", "credit_line"),
        (
            "(Reporting by Jane Doe and Tom Roe; Additional reporting by The Associated Press; "
            "Writing by Al Dee; Editing by Ann Lee)",
            ("AP",),  # people are not credited; an agency among the authors is
            "byline",
            "credit_line",
        ),
        ("(Editing by Ann Lee)", (), None, "credit_line"),
        ("(IANS)", ("IANS",), "agency_marker", "credit_line"),
        ("— AP", ("AP",), "agency_marker", "credit_line"),
        ("--IANS", ("IANS",), "agency_marker", "credit_line"),
        ("IANS", ("IANS",), "agency_marker", "credit_line"),
        ("Reuters", ("Reuters",), "agency_marker", "credit_line"),
        (
            "(This story has not been edited by Harbour Gazette staff and is auto-generated from a "
            "syndicated feed.)",
            (),
            None,
            "boilerplate",
        ),
    ],
)
def test_credit_lines(line: str, sources: tuple[str, ...], kind: str | None, removed: str) -> None:
    parsed = parse_credit_line(line)
    assert parsed is not None
    assert (parsed.sources, parsed.kind, parsed.removed) == (sources, kind, removed)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour was closed, according to Reuters.",
        "Officials declined to comment.",
        "With inputs from the ground, the army advanced.",
        "With Russian inputs the plan changed.",
        "associated press",  # a bare name is a sign-off only in the agency's own spelling
        "AP officials said the port was closed.",
        "Sources: the harbour master and two pilots said the pier was unsafe and would close for a month.",
    ],
)
def test_not_credit_lines(line: str) -> None:
    assert parse_credit_line(line) is None


def test_credit_lines_only_at_the_end() -> None:
    raw = (
        "(With inputs from IANS)\n\nThe pier reopened on Tuesday.\n\nMayor Lund said repairs cost little.\n\n"
        "(With inputs from PTI)\n\n(This story has not been edited by Gazette staff and is published from a "
        "syndicated feed.)"
    )
    cuts = find_trailing_credits(raw, split_lines(raw), set())
    assert [c.removed.kind for c in cuts] == ["boilerplate", "credit_line"]
    assert [cr.source for c in cuts for cr in c.credits] == ["PTI"]
    for c in cuts:
        assert raw[c.removed.start : c.removed.end] == c.removed.text
        for cr in c.credits:
            assert raw[cr.start : cr.end] == cr.text


def test_credit_glued_to_the_last_sentence() -> None:
    raw = "The pier reopened on Tuesday.\n\nRepairs cost little, the mayor said. (With inputs from IANS)"
    (c,) = find_trailing_credits(raw, split_lines(raw), set())
    assert c.removed.text == "(With inputs from IANS)"
    assert [cr.source for cr in c.credits] == ["IANS"]
    assert raw[c.removed.start : c.removed.end] == c.removed.text


@pytest.mark.parametrize(
    ("line", "names", "organisation"),
    [
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("By Jane Doe, Associated Press", ("Jane Doe",), "Associated Press"),
        ("By JANE DOE and TOM ROE", ("JANE DOE", "TOM ROE"), None),
        ("By Jane Doe | Harbour Gazette", ("Jane Doe",), "Harbour Gazette"),
        ("By Jane Doe, Staff Writer", ("Jane Doe",), None),
        ("By Ana de la Cruz", ("Ana de la Cruz",), None),
    ],
)
def test_bylines(line: str, names: tuple[str, ...], organisation: str | None) -> None:
    assert parse_byline(line) == Byline(names, organisation)


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the troops had left.", "By the end of the week the pier was open", "Bystanders cheered"],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_bare_sign_off_must_be_its_own_paragraph() -> None:
    wrapped = "The pier reopened, said a spokesman for the\nIANS"
    assert find_trailing_credits(wrapped, split_lines(wrapped), set()) == []
    own = "The pier reopened, a spokesman said.\n\nIANS"
    (c,) = find_trailing_credits(own, split_lines(own), set())
    assert [cr.source for cr in c.credits] == ["IANS"]
