"""Closed stories: old stories leave the blocking index, late reports and copies still find theirs."""

from __future__ import annotations

import datetime

import pytest

from newstrace.config import Options
from newstrace.group import assign_stories, stories
from newstrace.group.stories import CLOSE_DAYS, LATE_DAYS, MAX_GAP_DAYS, StoryClusterer, features_of
from newstrace.model import Article, PartialDate, SourceRef
from newstrace.pipeline import regroup
from newstrace.store import open_store
from tests.group.group_texts import INDEPENDENT, UNRELATED, WIRE

THRESHOLD = 0.2
DAY0 = datetime.date(2024, 3, 1)


def _date(day: int) -> PartialDate:
    when = DAY0 + datetime.timedelta(days=day)
    return PartialDate(when.year, when.month, when.day)


def _add(clusterer: StoryClusterer, text: str, title: str, day: int, copy_of: int | None = None) -> int:
    return clusterer.add(features_of(title, text, _date(day)), copy_of_story=copy_of)


def test_a_late_report_still_joins_its_story() -> None:
    # Newer articles moved the clock on by more than MAX_GAP_DAYS; the report of day 5 arrives late.
    clusterer = StoryClusterer(THRESHOLD)
    landslide = _add(clusterer, WIRE, "Landslide buries part of Velmora", 0)
    clock = 5 + LATE_DAYS - 2
    _add(clusterer, UNRELATED, "Ostrel central bank holds rate", clock)
    assert clock - MAX_GAP_DAYS > 0  # without the allowance for late reports the story would be closed
    assert _add(clusterer, INDEPENDENT, "Velmora waits for news after mudslide", 5) == landslide


def test_a_copy_joins_its_originals_story_after_the_story_closed() -> None:
    clusterer = StoryClusterer(THRESHOLD)
    landslide = _add(clusterer, WIRE, "Landslide buries part of Velmora", 0)
    _add(clusterer, UNRELATED, "Ostrel central bank holds rate", CLOSE_DAYS + 100)
    assert _add(clusterer, WIRE, "Velmora", CLOSE_DAYS + 100, copy_of=landslide) == landslide


@pytest.fixture
def one_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Score one candidate per article, so a closed story holding the slot would be noticed."""
    monkeypatch.setattr(stories, "MAX_CANDIDATES", 1)


def _report(number: int, text: str, title: str, day: int) -> Article:
    return Article(text, SourceRef(f"gen/{number}.txt", "text"), text=text, title=title, published=_date(day))


def test_a_closed_story_leaves_its_candidate_slot_to_an_open_one(one_candidate: None) -> None:
    # The same dispatch every CLOSE_DAYS + 10 days: each time a story of its own (too far from the last),
    # and every one blocks on the same words. The oldest, first in every posting list, would take the
    # one slot were the closed ones still indexed; the next day's report would then start a fifth story.
    clusterer = StoryClusterer(THRESHOLD)
    spacing = CLOSE_DAYS + 10
    numbers = [_add(clusterer, WIRE, "Landslide buries part of Velmora", k * spacing) for k in range(4)]
    assert len(set(numbers)) == 4
    assert _add(clusterer, WIRE, "Landslide in Velmora", 3 * spacing + 1) == numbers[-1]


def test_a_story_dated_after_it_was_swept_still_closes(one_candidate: None) -> None:
    # The dispatch arrives undated after the clock started, so its story sits in posting lists with no
    # last day when they are swept; a dated report joins it on day 1. Two months on, that story is
    # closed and must leave the one slot to the open story the same words start then.
    clusterer = StoryClusterer(THRESHOLD)
    _add(clusterer, UNRELATED, "Ostrel central bank holds rate", 0)
    first = clusterer.add(features_of("Landslide buries part of Velmora", WIRE, None))
    assert _add(clusterer, WIRE, "Landslide in Velmora", 1) == first
    later = _add(clusterer, WIRE, "Landslide buries part of Velmora", CLOSE_DAYS + 11)
    assert later != first
    assert _add(clusterer, WIRE, "Landslide in Velmora", CLOSE_DAYS + 12) == later


def test_a_reopened_store_keeps_the_clock(options: Options) -> None:
    # The clock is the newest day placed, not the last article's: a late report does not turn it back.
    for number, (text, title, day) in enumerate(
        [
            (WIRE, "Landslide buries part of Velmora", 37),
            (INDEPENDENT, "Velmora waits", 100),
            (UNRELATED, "Rate", 95),
        ]
    ):
        with open_store(options.db) as store:
            list(store.add_articles([_report(number, text, title, day)]))
            regroup(store, options)
    with open_store(options.db) as store, store.grouping() as session:
        assert session.clock() == (DAY0 + datetime.timedelta(days=100)).toordinal()


def test_an_undated_report_still_finds_its_story_in_a_corpus_spanning_years() -> None:
    # Grouped at once, the newest dated report (a year on) moves the clock past the landslide story's
    # close. Undated reports are placed before the dated ones, so the undated follow-up meets the
    # landslide reports instead of finding their story closed.
    articles = [
        _report(1, WIRE, "Landslide buries part of Velmora", 0),
        _report(2, UNRELATED, "Ostrel central bank holds rate", CLOSE_DAYS + 300),
        Article(
            INDEPENDENT, SourceRef("gen/3.txt", "text"), text=INDEPENDENT, title="Velmora waits for news"
        ),
    ]
    for number, article in enumerate(articles, start=1):
        article.id = number
    grouped = assign_stories(articles, [], [], THRESHOLD)
    assert sorted(sorted(s.article_ids) for s in grouped) == [[1, 3], [2]]


# Two stars' stays in rehab, years apart: the first story's reports are undated (a text archive), the
# second's dated. A dated follow-up weeks after the second story is closest to it in content.
QUELL = (
    "Actress Mara Quell has checked into a rehabilitation clinic in Calder for 90 days, as a judge "
    "ordered, her lawyer said. Quell, 32, had missed two court dates and left another centre in May."
)
VORN_FIRST = (
    "Singer Ilsa Vorn has entered the Pinecrest treatment centre near Orvik, her manager Tomas Berg "
    "confirmed on Tuesday. Vorn, 26, cancelled the last dates of her tour."
)
VORN_LATER = (
    "Singer Ilsa Vorn has left the Pinecrest centre near Orvik and checked into a rehabilitation clinic "
    "in Calder for 90 days, as a judge ordered, her manager Tomas Berg said. Vorn had missed two court dates."
)


def test_a_follow_up_weeks_later_joins_its_own_story_not_an_undated_one_of_its_kind() -> None:
    clusterer = StoryClusterer(THRESHOLD)
    undated = clusterer.add(features_of("Mara Quell checks into rehab", QUELL, None))
    first = _add(clusterer, VORN_FIRST, "Ilsa Vorn checks into rehab", 0)
    # Vorn's names, places and clinic again: past the month, but a follow-up (FOLLOW_UP).
    assert _add(clusterer, VORN_LATER, "Ilsa Vorn leaves rehab clinic", MAX_GAP_DAYS + 10) == first
    assert first != undated


def test_a_dated_report_parted_from_its_story_starts_one_rather_than_join_an_undated_one_of_its_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A follow-up that reads less close to its story than FOLLOW_UP asks (here: no follow-up counts as one)
    # is parted from it by time; the undated story of the same kind of event is then the best score left.
    monkeypatch.setattr(stories, "FOLLOW_UP", 100.0)
    clusterer = StoryClusterer(THRESHOLD)
    undated = clusterer.add(features_of("Mara Quell checks into rehab", QUELL, None))
    first = _add(clusterer, VORN_FIRST, "Ilsa Vorn checks into rehab", 0)
    later = _add(clusterer, VORN_LATER, "Ilsa Vorn leaves rehab clinic", MAX_GAP_DAYS + 10)
    assert first != undated
    # Time parts the follow-up from Vorn's story; it is still no report of Quell's.
    assert later not in (first, undated)
