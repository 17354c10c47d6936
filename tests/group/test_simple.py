"""Simple story grouping: reports of one event together, unrelated reports apart."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newstrace.errors import ConfigError
from newstrace.group.simple import DEFAULT_THRESHOLD, candidate_pairs, group_stories, stem
from newstrace.model import Article, PartialDate, SourceRef

THRESHOLD = DEFAULT_THRESHOLD

# Fictional reports, written for these tests.
FOOTBALL = (
    "Harbourside Rovers beat Kestrel Town 3-1 on Saturday to go top of the Northern League.",
    "Rovers striker Tomas Ebbeling scored twice in the first half at Millpond Park, and Kestrel "
    "pulled one back through Aldo Reyes before a late penalty sealed the win for the home side.",
)
RATES = (
    "Central bank of Valdoria raises interest rate to 4.75%",
    "The Bank of Valdoria raised its benchmark interest rate by a quarter point to 4.75 percent on "
    "Wednesday, its fourth increase this year, as governor Ilse Marchetti warned that inflation "
    "remained stubbornly high.",
)
WILDFIRE = (
    "Wildfire forces evacuation of Pine Hollow",
    "A wildfire driven by strong winds forced the evacuation of about 2,000 residents from Pine Hollow "
    "in Corvale County on Monday, fire officials said, as crews battled flames across 5,300 acres.",
)
WILDFIRE_REWRITE = (
    "Thousands flee Corvale County blaze",
    "Fire crews in Corvale County fought a fast-moving wildfire on Monday that had burned 5,300 acres "
    "near Pine Hollow, where about 2,000 people were ordered to evacuate as winds gusted.",
)


def article(ident: int, title: str | None, text: str, published: PartialDate | None = None) -> Article:
    return Article(
        raw_text=text,
        text=text,
        title=title,
        source=SourceRef(f"fixture-{ident}.txt", "text"),
        id=ident,
        published=published,
    )


def fictional() -> list[Article]:
    return [article(10 + n, t, b) for n, (t, b) in enumerate((FOOTBALL, RATES, WILDFIRE))]


@pytest.mark.shared_data
def test_seed_reports_form_one_story_apart_from_unrelated_ones(seeds_dir: Path) -> None:
    seeds = [
        article(n + 1, None, path.read_text(encoding="utf-8"))
        for n, path in enumerate(sorted(seeds_dir.glob("*.txt")))
    ]
    stories = group_stories(seeds + fictional(), THRESHOLD)
    assert [s.article_ids for s in stories] == [(1, 2), (10,), (11,), (12,)]
    assert "Kim" in stories[0].title and len(stories[0].title) <= 101


def test_two_rewrites_of_one_event_group_and_the_others_stay_apart() -> None:
    articles = [*fictional(), article(20, *WILDFIRE_REWRITE)]
    stories = group_stories(articles, THRESHOLD)
    assert [s.article_ids for s in stories] == [(12, 20), (10,), (11,)]


def test_unrelated_articles_are_all_singletons() -> None:
    stories = group_stories(fictional(), THRESHOLD)
    assert sorted(s.article_ids for s in stories) == [(10,), (11,), (12,)]


def test_result_does_not_depend_on_input_order() -> None:
    articles = [*fictional(), article(20, *WILDFIRE_REWRITE), article(21, *WILDFIRE)]
    expected = group_stories(articles, THRESHOLD)
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled, THRESHOLD) == expected


def test_largest_story_first_then_smallest_id() -> None:
    articles = [
        article(5, *FOOTBALL),
        article(7, *WILDFIRE),
        article(9, *WILDFIRE_REWRITE),
        article(3, *RATES),
    ]
    assert [s.article_ids for s in group_stories(articles, THRESHOLD)] == [(7, 9), (3,), (5,)]


def test_title_comes_from_the_earliest_titled_article() -> None:
    later = article(1, "Later headline on the Pine Hollow fire", WILDFIRE[1], PartialDate(2024, 8, 3))
    earlier = article(
        2, "Earliest headline on the Pine Hollow fire", WILDFIRE_REWRITE[1], PartialDate(2024, 8, 2)
    )
    untitled = article(3, None, WILDFIRE[1] + " Updated.", PartialDate(2024, 8, 1))
    (story,) = group_stories([later, earlier, untitled], THRESHOLD)
    assert story.title == "Earliest headline on the Pine Hollow fire"


def test_untitled_story_takes_its_first_sentence_cut_near_100_characters() -> None:
    (story,) = group_stories([article(1, None, WILDFIRE[1])], THRESHOLD)
    assert story.title.endswith("…")
    assert len(story.title) <= 101
    assert WILDFIRE[1].startswith(story.title[:-1])


def test_blocking_only_pairs_articles_that_share_a_word() -> None:
    bags = [{"pine": 1.0, "fire": 1.0}, {"rovers": 1.0}, {"fire": 1.0}, {"rovers": 1.0, "kestrel": 1.0}]
    assert candidate_pairs(bags) == [(0, 2), (1, 3)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("reports", "report"),
        ("Kim's", "kim"),
        ("Kim’s", "kim"),
        ("batteries", "battery"),
        ("evacuated", "evacuat"),
        ("burning", "burn"),
        ("crisis", "crisis"),
        ("bus", "bus"),
        ("press", "press"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_threshold_out_of_range_is_refused(threshold: float) -> None:
    with pytest.raises(ConfigError, match="story_threshold"):
        group_stories(fictional(), threshold)


def test_unstored_article_is_refused() -> None:
    unstored = Article(raw_text="x", text="Some text here.", source=SourceRef("a.txt", "text"))
    with pytest.raises(ValueError, match="no id"):
        group_stories([unstored], THRESHOLD)


def test_no_articles_no_stories() -> None:
    assert group_stories([], THRESHOLD) == []
