"""Captions: the shapes page extraction glues into bodies, and real lines that must stay."""

from __future__ import annotations

import pytest

from newstrace.ingest.captions import find_captions, is_title_case
from newstrace.ingest.layout import split_lines

SENTENCE = "The harbour board voted on Tuesday to reopen the pier."


def _captions(raw: str) -> list[tuple[str, list[str]]]:
    cuts, _ = find_captions(raw, split_lines(raw))
    for c in cuts:
        assert raw[c.removed.start : c.removed.end] == c.removed.text
        assert all(raw[cr.start : cr.end] == cr.text and cr.kind == "caption" for cr in c.credits)
    return [(c.removed.text, [cr.source for cr in c.credits]) for c in cuts]


def test_repeated_headline_with_glued_agency() -> None:
    caption = "Mayor Opens The New Pier In Harbourton"
    raw = f"{SENTENCE}\n\n{caption}\n{caption}IANS\n\nMore."
    assert _captions(raw) == [
        ("Mayor Opens The New Pier In Harbourton", []),
        ("Mayor Opens The New Pier In HarbourtonIANS", ["IANS"]),
    ]


def test_repeat_across_paragraphs() -> None:
    raw = f"{SENTENCE}\n\nGulls, Ferries, Fog - Life On The Pier\n\nGulls, Ferries, Fog - Life On The PierAFP"
    assert [sources for _, sources in _captions(raw)] == [[], ["AFP"]]


@pytest.mark.parametrize(
    ("body", "sources"),
    [
        # An agency outside the table counts once the body names it on its own...
        ("Gulls Return To The New PierCoastwire\n\nThe gulls came back, Coastwire reported.", ["Coastwire"]),
        # ...or glues it to a second caption.
        (
            "Gulls Return To The New PierCoastwire\n\nFerries Resume Their Morning RunsCoastwire",
            ["Coastwire"] * 2,
        ),
    ],
)
def test_glued_unknown_agency_with_evidence(body: str, sources: list[str]) -> None:
    assert [s for _, found in _captions(f"{SENTENCE}\n\n{body}") for s in found] == sources


@pytest.mark.parametrize(
    "line",
    [
        "Gulls Return To The New PierCoastwire",  # a glued name nothing else in the body backs up
        "Governor Meets Ron DeSantis",  # internal capitals are no glue
        "Lunch At McDonald",
    ],
)
def test_internal_capitals_without_evidence_stay(line: str) -> None:
    assert _captions(f"{SENTENCE}\n\n{line}\n\nDonald and Santis were there.") == []


def test_glued_agency_without_repeat() -> None:
    raw = f"{SENTENCE}\n\nA Peek Inside The Mayor's New Ferry TerminalReuters\n\n{SENTENCE}"
    assert _captions(raw) == [("A Peek Inside The Mayor's New Ferry TerminalReuters", ["Reuters"])]


@pytest.mark.parametrize(
    ("line", "sources"),
    [
        ("Photo: AFP", ["AFP"]),
        ("(Photo: Reuters)", ["Reuters"]),
        ("(Photo/Reuters)", ["Reuters"]),
        ("File photo/AP", ["AP"]),
        ("File photo: The old pier in 2019", []),
        ("Photo: Jane Doe/AFP", ["AFP"]),
        ("Photo: Jane Doe", ["Jane Doe"]),
        ("Image credit: Harbour Gazette", ["Harbour Gazette"]),
        ("Image credit: Twitter/@harbourton", ["Twitter/@harbourton"]),
        ("Photo by Jane Doe", ["Jane Doe"]),
        ("Image: The mayor cuts the ribbon at the pier (Reuters)", ["Reuters"]),
        ("Image: The mayor cuts the ribbon at the pier", []),
        ("Representative image", []),
        ("(Representational image)", []),
        ("AP Photo/Jane Doe", ["AP"]),
        ("REUTERS/Jane Doe", ["Reuters"]),
        ("The mayor cuts the ribbon. (Photo: Harbour Gazette)", ["Harbour Gazette"]),
        ("The upturned hull outside the harbour on Friday. Photo: Harbour Gazette", ["Harbour Gazette"]),
        ("Rescuers at the pier | Image: Jane Doe/AFP", ["AFP"]),
    ],
)
def test_labelled_captions(line: str, sources: list[str]) -> None:
    assert _captions(f"{SENTENCE}\n\n{line}\n\n{SENTENCE}") == [(line, sources)]


@pytest.mark.parametrize(
    "line",
    [
        "Officials declined to comment.",
        "The Pier Will Reopen In May",  # a subheading: title case, but neither repeated nor credited
        "Photos released by the port authority showed the damage.",
        "Pictures by the dozen circulated on social media after the storm.",
        "Credit: Moody's cut the harbour board's rating by two notches on Tuesday, citing debts.",
        "Reuters/Ipsos polling found most residents wanted the pier rebuilt quickly and at public cost.",
        "Mayor Lund met Governor Vik on Tuesday.",
        "He said: “We will rebuild.”",
    ],
)
def test_real_lines_stay(line: str) -> None:
    assert _captions(f"{SENTENCE}\n\n{line}\n\n{SENTENCE}") == []


def test_repeated_sentences_are_not_captions() -> None:
    raw = f"{SENTENCE}\n{SENTENCE}"
    assert _captions(raw) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Meets Mayor In Harbourton", True),
        ("Gulls, Ferries, Fog - A Peek Inside The Pier", True),
        ("Life on the Pier", True),
        ("Officials declined to comment.", False),
        ("Mayor Lund met the governor on Tuesday", False),
        ("Pier", False),
    ],
)
def test_is_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected
