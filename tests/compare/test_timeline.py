"""Publication dates completed from evidence, and the story timeline merged across articles."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.compare.timeline import calendar_range, story_timeline
from newstrace.compare.timeline_dates import complete_year, infer_publication_dates
from newstrace.model import Article, PartialDate, SourceRef

# The ingest date of these tests: inferred years must not be after it.
TODAY = date(2026, 1, 15)


def _article(article_id: int, text: str, published: PartialDate | None, source: str | None) -> Article:
    return Article(
        raw_text=text,
        source=SourceRef(f"a{article_id}.txt", "text"),
        text=text,
        published=published,
        published_source=source,  # type: ignore[arg-type]
        id=article_id,
    )


WIRE = (
    "A ferry capsized in heavy seas off Port Halvard early on Friday, killing four people.\n\n"
    "A storm warning had been issued on Thursday evening. The vessel passed an inspection in October."
)
FOLLOW = "Divers recovered two bodies on Saturday. The inquiry will open on Monday, officials said."
UNDATED = "Survivors described a sudden lurch on Friday as the ferry turned into the wind."


@pytest.mark.parametrize(
    ("month", "day", "weekday", "year"),
    [(9, 12, 1, 2023), (3, 14, 4, 2025), (2, 20, 3, 2025), (2, 29, 3, 2024)],
)
def test_complete_year_is_the_latest_matching_year_not_after_today(
    month: int, day: int, weekday: int, year: int
) -> None:
    assert complete_year(month, day, weekday, TODAY) == year


def test_weekday_in_the_lead_completes_a_dateline_without_year() -> None:
    wire = _article(1, WIRE, PartialDate(None, 3, 14), "dateline")
    dates = infer_publication_dates([wire], TODAY)
    found = dates[1]
    assert found.value == PartialDate(2025, 3, 14)
    assert found.inferred_by == "weekday"
    assert [c.text for c in found.evidence] == ["Friday"]
    assert WIRE[found.evidence[0].start : found.evidence[0].end] == "Friday"


def test_weekday_with_a_part_of_day_completes_a_date() -> None:
    lead = "Storms battered the coast on Friday morning, the weather office said."
    dates = infer_publication_dates([_article(1, lead, PartialDate(None, 3, 14), "dateline")], TODAY)
    assert dates[1].value == PartialDate(2025, 3, 14)
    assert [c.text for c in dates[1].evidence] == ["Friday morning"]


def test_a_date_stamp_line_is_trusted_as_much_as_the_url() -> None:
    stamped = _article(1, FOLLOW, PartialDate(2025, 3, 15), "date_stamp")
    from_url = _article(2, FOLLOW, PartialDate(2025, 3, 15), "url")
    dates = infer_publication_dates([stamped, from_url], TODAY)
    assert dates[1].confidence == dates[2].confidence > 0.8


def test_story_dates_complete_partial_and_missing_dates() -> None:
    articles = [
        _article(
            1,
            "Officials met to discuss the ferry crossing and its timetable again.",
            PartialDate(None, 3, 14),
            "dateline",
        ),
        _article(2, FOLLOW, PartialDate(2025, 3, 15), "url"),
        _article(3, UNDATED, None, None),
    ]
    dates = infer_publication_dates(articles, TODAY)
    assert dates[1].value == PartialDate(2025, 3, 14) and dates[1].inferred_by == "story"
    assert dates[2].value == PartialDate(2025, 3, 15) and dates[2].inferred_by is None
    assert dates[3].value == PartialDate(2025, 3, 15) and dates[3].inferred_by == "story"
    assert dates[3].confidence < dates[1].confidence < dates[2].confidence


def test_story_dates_overrule_a_weekday_that_points_to_another_year() -> None:
    # The lead names the day before publication: 14 March fell on a Thursday in 2024, not in 2025.
    lead = "The ferry sank on Thursday, officials said, in a storm off the coast."
    articles = [
        _article(1, lead, PartialDate(None, 3, 14), "dateline"),
        _article(2, FOLLOW, PartialDate(2025, 3, 15), "url"),
    ]
    assert infer_publication_dates(articles, TODAY)[1].value == PartialDate(2025, 3, 14)


def test_timeline_merges_articles_and_orders_events() -> None:
    articles = [
        _article(1, WIRE, PartialDate(2025, 3, 14), "url"),
        _article(2, FOLLOW, PartialDate(2025, 3, 15), "url"),
        _article(3, UNDATED, PartialDate(2025, 3, 14), "metadata"),
    ]
    events, _ = story_timeline(articles, TODAY)
    values = [e.value for e in events]
    assert values == ["2024-10", "2025-03-13", "2025-03-14", "2025-03-15", "2025-03-17"]
    friday = events[values.index("2025-03-14")]
    assert {c.article_id for c in friday.citations} == {1, 3}
    for event in events:
        for citation in (*event.citations, *event.times):
            text = articles[citation.article_id - 1].text
            assert text[citation.start : citation.end] == citation.text


def test_durations_and_vague_references_are_not_placed() -> None:
    text = "The crossing has run for more than forty years and is now suspended."
    events, _ = story_timeline([_article(1, text, PartialDate(2025, 3, 14), "url")], TODAY)
    assert events == []


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023-09-10TAF", date(2023, 9, 10), date(2023, 9, 10)),
        ("2023-W36", date(2023, 9, 4), date(2023, 9, 10)),
        ("2023-09", date(2023, 9, 1), date(2023, 9, 30)),
        ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-WI", date(2023, 12, 1), date(2024, 2, 29)),
        ("199", date(1990, 1, 1), date(1999, 12, 31)),
    ],
)
def test_calendar_range(value: str, first: date, last: date) -> None:
    assert calendar_range(value) == (first, last)


@pytest.mark.parametrize("value", ["P4Y", "PRESENT_REF", "XXXX-09-12", "2023-02-30"])
def test_calendar_range_refuses_what_is_not_a_calendar_value(value: str) -> None:
    assert calendar_range(value) is None


def test_seed_dates_are_completed_from_weekday_and_story(seeds_dir) -> None:
    from newstrace.config import make_options
    from newstrace.ingest import read_inputs
    from newstrace.ingest.clean import clean_article

    paths = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    articles = [
        clean_article(a) for a in read_inputs(paths, make_options(db=":memory:")) if isinstance(a, Article)
    ]
    for n, article in enumerate(articles, 1):
        article.id = n
    dates = infer_publication_dates(articles, TODAY)
    ians, ani = dates[1], dates[2]
    assert ani.value == PartialDate(2023, 9, 12) and ani.inferred_by == "weekday"
    assert [c.text for c in ani.evidence] == ["Tuesday"] and "09-12" in ani.note
    assert ians.value == PartialDate(2023, 9, 12) and ians.inferred_by == "story"


def test_the_ingest_date_of_the_options_bounds_an_inferred_year(tmp_path) -> None:
    from newstrace.brief.timeline import build_timeline
    from newstrace.config import make_options
    from newstrace.errors import ConfigError

    wire = _article(1, WIRE, PartialDate(None, 3, 14), "dateline")
    config = tmp_path / "newstrace.toml"
    config.write_text("ingest_date = 2020-01-01\n", encoding="utf-8")  # an unquoted TOML date
    archive = make_options(config)
    assert archive.ingest_day() == date(2020, 1, 1)
    # Collected in 2020: the latest Friday, March 14 not after it is in 2014, not 2025.
    events, _ = story_timeline([wire], archive.ingest_day())
    assert "2014-03-14" in {e.value for e in events}
    assert "2025-03-14" in {
        e.value for e in story_timeline([wire], make_options(ingest_date="2025-06-01").ingest_day())[0]
    }
    with pytest.raises(ConfigError, match="ISO date"):
        make_options(ingest_date="14/03/2025")
    assert build_timeline([wire], [], date(2020, 1, 1))[0] == tuple(events)
