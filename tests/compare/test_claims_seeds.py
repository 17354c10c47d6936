"""The claims of the two seed reports: the seven facts both report are agreed, and nothing conflicts but
the spokesman's name, spelt two ways.

The seeds (``seeds_dir``) are read from the shared folder, never copied here; each agreement is found by a
few words of each report's statement.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from newstrace.compare.claims import find_claims
from newstrace.ingest.clean import clean_article
from newstrace.ingest.text import text_article
from newstrace.model import Claim

# Each agreement: words in the first report's statement, words in the second's.
AGREEMENTS = {
    "departure on Sunday afternoon": ("left Pyongyang", "Sunday afternoon"),
    "entry into Russia early Tuesday": ("crossed into", "entered Russia early Tuesday"),
    "South Korea watching for an arms deal": ("closely monitoring", "closely monitoring"),
    "no known time or place for the meeting": ("when and where", "when or where"),
    "delegation talks planned": ("delegations are planned", "Peskov"),
    "first trip abroad since Covid-19": ("Covid-19", "Covid-19"),
    "US warnings": ("Watson", "Sullivan"),
}


@functools.cache
def _claims(folder: Path) -> list[Claim]:
    """The seeds' claims, found once per test run (the tests below only read them)."""
    articles = []
    for number, path in enumerate(sorted(folder.glob("*.txt")), start=1):
        article = clean_article(text_article(path.read_bytes(), str(path)))
        article.id = number
        articles.append(article)
    return find_claims(articles)


@pytest.fixture
def seed_claims(seeds_dir: Path) -> list[Claim]:
    return _claims(seeds_dir)


@pytest.mark.shared_data
@pytest.mark.parametrize("fact", list(AGREEMENTS))
def test_each_fact_both_seeds_report_is_agreed(seed_claims: list[Claim], fact: str) -> None:
    first, second = AGREEMENTS[fact]
    found = [
        c
        for c in seed_claims
        if any(s.article_id == 1 and first in s.text for s in c.statements)
        and any(s.article_id == 2 and second in s.text for s in c.statements)
    ]
    assert [c.label for c in found] == ["agreed"], fact


@pytest.mark.shared_data
def test_no_false_conflict_between_the_seeds(seed_claims: list[Claim]) -> None:
    # The one conflict is a spelling, a claim of its own citing the two forms: the sentences that give
    # them stay agreed (the arms-deal watch above).
    (spelling,) = [c for c in seed_claims if c.label == "conflicting"]
    assert [d.reason for c in seed_claims for d in c.differences if d.conflict] == [
        "spelling: Jeon Ha-kyou / Jeon Ha-kyu"
    ]
    assert sorted(s.article_id for s in spelling.statements) == [1, 2]
    assert {s.text for s in spelling.statements} == {"Jeon Ha-kyou", "Jeon Ha-kyu"}
