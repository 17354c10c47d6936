"""Asides: a clause only one report gives is not shown as agreed with the sentence around it."""

from __future__ import annotations

import pytest

from newstrace.compare.claims import find_claims
from newstrace.compare.clauses import asides
from newstrace.ingest.clean import clean_article
from newstrace.model import Article, SourceRef


def _parts(text: str) -> list[tuple[str, str]]:
    return [(a.kind, text[a.start : a.end]) for a in asides(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Dalgren, a former ferry captain, has run the harbour since 2016.",
            [("appositive", "a former ferry captain")],
        ),
        (
            "The inspectors blamed the supplier, which also makes valves for other plants.",
            [("relative", "which also makes valves for other plants")],
        ),
        (
            "By Friday 9,000 households had asked for a refund, up from about 3,000 on Tuesday.",
            [("addition", "up from about 3,000 on Tuesday")],
        ),
        (
            "Traffic has grown to 37,600 vehicles a weekday, up by a fifth in a decade.",
            [("addition", "up by a fifth in a decade")],
        ),
        (
            "Tarnmoor is the last working mine in the district and its biggest private employer.",
            [("addition", "its biggest private employer")],
        ),
        (
            "Two of the hikers were treated for frostbite, and none of them was badly hurt, the clinic said.",
            [("coordinate", "none of them was badly hurt, the clinic said")],
        ),
        (
            "The marsh holds up to 12,000 wintering geese, most of which arrive in early November.",
            [("addition", "most of which arrive in early November")],
        ),
        (
            "Orla Brenn has won the regatta four times, most recently in 2022.",
            [("addition", "most recently in 2022")],
        ),
        (
            "Rescuers pulled three people from the water, some of them clinging to an upturned dinghy.",
            [("addition", "some of them clinging to an upturned dinghy")],
        ),
        (
            "The lifts were approved by the council, despite objections from walkers in the valley.",
            [("addition", "despite objections from walkers in the valley")],
        ),
        (
            "The trust will pay 80,000 pounds a year into the fund, in line with guidance for such schemes.",
            [("addition", "in line with guidance for such schemes")],
        ),
        (
            "The hospital has 19 nursing posts it cannot fill, roughly a quarter of its funded posts.",
            [("addition", "roughly a quarter of its funded posts")],
        ),
        (
            "The airline lost 9 million pounds last year, blaming fuel prices and leasing costs.",
            [("addition", "blaming fuel prices and leasing costs")],
        ),
        (
            "Vesna Oll teaches at the village school and has lived in Brae all her life.",
            [("coordinate", "has lived in Brae all her life")],
        ),
        (  # a second predicate in the past tense, regular or not
            "The auctioneer opened the bidding at 40,000 pounds and brought the hammer down at 7:42 p.m.",
            [("coordinate", "brought the hammer down at 7:42 p.m")],
        ),
        (
            "Police said the arrests were a breakthrough but urged people not to name the suspects online.",
            [("coordinate", "urged people not to name the suspects online")],
        ),
        (  # ... or in the present
            "The new sorter can handle up to 2,500 bags an hour and sends each one through a scanner.",
            [("coordinate", "sends each one through a scanner")],
        ),
        (  # no pattern cuts the sentence: each part after a comma
            "The club's accounts for last year, filed in March, show a loss of 2.1 million pounds.",
            [("segment", "filed in March"), ("segment", "show a loss of 2.1 million pounds")],
        ),
        (  # a comma inside a quotation does not close the clause
            'The mayor said the harbour will reopen soon, which will be "a full reopening, with ferries '
            'and trawlers," according to the port.',
            [
                (
                    "relative",
                    'which will be "a full reopening, with ferries and trawlers," according to the port',
                )
            ],
        ),
    ],
)
def test_asides_are_found(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _parts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # One fact: a list, a speaker's own clauses, an attribution are not asides.
        "The storm closed roads in Brae, Tull and Ostervik on Monday.",
        '"The water rose fast, and we had no time to move the boats," said harbour master Ivo Dalgren.',
        "The harbour will reopen on Thursday, the port authority said.",
        "On Monday, the council said it would pay for the repairs.",
        # "and" before a word in "-ed" in a list, with no verb before it
        "Three fire engines, two ambulances and armoured police vans were sent to the estate.",
    ],
)
def test_one_fact_has_no_aside(sentence: str) -> None:
    assert asides(sentence) == []


def _article(number: int, text: str, outlet: str) -> Article:
    article = clean_article(Article(raw_text=text, source=SourceRef(f"{outlet}.txt", "text"), outlet=outlet))
    article.id = number
    return article


# Two independent reports of one (fictional) harbour flood: they share the closure and the mayor's
# long tenure; only the first says the mayor was a ferry captain, only the second why the wall failed.
FIRST = (
    "The harbour at Brae was closed on Monday after a storm surge flooded the quay.\n\n"
    "Mayor Ivo Dalgren, a former ferry captain, has run the town since 2016."
)
SECOND = (
    "Brae's harbour was shut on Monday when a storm surge swept over the quay.\n\n"
    "Ivo Dalgren has been mayor of Brae since 2016, and the sea wall was built in 1931."
)


@pytest.fixture(scope="module")
def flood():
    return find_claims([_article(1, FIRST, "Brae Post"), _article(2, SECOND, "Coast Wire")])


def test_aside_only_one_report_gives_is_single_source(flood) -> None:
    captain = [c for c in flood if any("ferry captain" in s.text for s in c.statements)]
    assert [c.label for c in captain] == ["single"]
    assert captain[0].statements[0].text == "a former ferry captain"


def test_clause_only_one_report_gives_is_single_source(flood) -> None:
    wall = [c for c in flood if any("1931" in s.text for s in c.statements)]
    assert [c.label for c in wall] == ["single"]
    assert wall[0].statements[0].text == "the sea wall was built in 1931"


def test_shared_fact_stays_agreed_without_the_asides(flood) -> None:
    tenure = [c for c in flood if any("2016" in s.text for s in c.statements)]
    assert [c.label for c in tenure] == ["agreed"]
    cited = [s.text for s in tenure[0].statements]
    assert not any("captain" in t or "1931" in t for t in cited), cited
