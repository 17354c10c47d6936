"""clean_article: cleaned text, removed parts, credits and dateline metadata, on the seeds and fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.ingest.clean import clean_article
from newstrace.model import Article, Credit, PartialDate, SourceRef

STORY = [
    "The harbour board voted on Tuesday to reopen the pier after a month of repairs.",
    "Officials declined to comment.",
    '"We will rebuild," Mayor Lund told reporters, according to Reuters.',
    "Moscow said it would send a trade delegation to the reopening.",
]


def _article(raw: str, **fields: object) -> Article:
    fields.setdefault("source", SourceRef("fixture.txt", "text"))
    return Article(raw_text=raw, **fields)  # type: ignore[arg-type]


def _check_offsets(article: Article) -> None:
    for part in article.removed:
        assert article.raw_text[part.start : part.end] == part.text
    for credit in article.credits:
        if credit.start >= 0:
            assert article.raw_text[credit.start : credit.end] == credit.text


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"”])\s+", text) if s]


# --- the seeds (read from ../shared, never copied) -----------------------------------------------------


def _seed(seeds_dir: Path, prefix: str) -> Article:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return _article(path.read_text(encoding="utf-8"), source=SourceRef(str(path), "text"))


def test_seed_000_captions_and_inputs_credit(seeds_dir: Path) -> None:
    raw = _seed(seeds_dir, "000")
    cleaned = clean_article(raw)
    _check_offsets(cleaned)
    pairs = [(c.source, c.kind) for c in cleaned.credits]
    assert ("IANS", "inputs_from") in pairs
    assert ("IANS", "caption") in pairs
    captions = [p for p in cleaned.removed if p.kind == "caption"]
    assert len(captions) == 4  # two images, each an alt-text line and a caption line with "IANS" glued on
    assert sum(p.text.endswith("IANS") for p in captions) == 2
    assert "(With inputs from IANS)" in [p.text for p in cleaned.removed if p.kind == "credit_line"]
    assert "(With inputs from IANS)" not in cleaned.text
    assert not any(line.endswith("IANS") for line in cleaned.text.splitlines())
    # No real sentence lost: every line of the raw body that ends like a sentence is still in the text.
    for line in raw.raw_text.splitlines():
        if line.strip().endswith((".", '"', "”")):
            assert line.strip() in cleaned.text
    assert cleaned.outlet == "IANS" and cleaned.outlet_source == "credit"
    assert cleaned.published is None  # no dateline, no metadata: no date invented
    assert "\n\n\n" not in cleaned.text


def test_seed_001_dateline(seeds_dir: Path) -> None:
    cleaned = clean_article(_seed(seeds_dir, "001"))
    _check_offsets(cleaned)
    assert cleaned.dateline_place == "Moscow"
    assert cleaned.published == PartialDate(None, 9, 12)
    assert cleaned.published_source == "dateline"
    assert cleaned.text.startswith("North Korean leader")
    assert [p.kind for p in cleaned.removed] == ["dateline"]
    assert cleaned.outlet is None  # the dateline names no agency; nothing is guessed
    assert cleaned.text.count("\n\n") == cleaned.raw_text.strip().count("\n\n")


# --- fixtures written for these tests ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place", "published", "credit", "outlet"),
    [
        (
            "HARBOURTON, Sept 12 (Reuters) - ",
            "Harbourton",
            PartialDate(None, 9, 12),
            ("Reuters", "wire_dateline"),
            "Reuters",
        ),
        (
            "NEW DELHI, Sept. 12 (IANS): ",
            "New Delhi",
            PartialDate(None, 9, 12),
            ("IANS", "wire_dateline"),
            "IANS",
        ),
        (
            "Moscow [Russia], September 12 (ANI): ",
            "Moscow",
            PartialDate(None, 9, 12),
            ("ANI", "wire_dateline"),
            "ANI",
        ),
        ("WASHINGTON (AP) — ", "Washington", None, ("AP", "agency_marker"), "AP"),
        ("(AP) - ", None, None, ("AP", "agency_marker"), "AP"),
        ("LONDON, 12 September 2023 - ", "London", PartialDate(2023, 9, 12), None, None),
        ("Kyiv, Ukraine — ", "Kyiv", None, None, None),
    ],
)
def test_datelines_fill_metadata(
    opening: str,
    place: str | None,
    published: PartialDate | None,
    credit: tuple[str, str] | None,
    outlet: str | None,
) -> None:
    raw = opening + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw))
    _check_offsets(cleaned)
    assert cleaned.text == "\n\n".join(STORY)
    assert cleaned.removed[0].kind == "dateline" and cleaned.removed[0].text == opening.strip()
    assert cleaned.dateline_place == place
    assert cleaned.published == published
    assert cleaned.published_source == ("dateline" if published else None)
    assert [(c.source, c.kind) for c in cleaned.credits] == ([credit] if credit else [])
    assert cleaned.outlet == outlet


def test_sentence_opening_with_a_place_is_not_a_dateline() -> None:
    raw = "\n\n".join(reversed(STORY))  # opens "Moscow said it would ..."
    cleaned = clean_article(_article(raw))
    assert cleaned.text == raw
    assert cleaned.removed == [] and cleaned.credits == []
    assert cleaned.dateline_place is None and cleaned.published is None and cleaned.outlet is None


def test_according_to_is_not_a_credit_line() -> None:
    raw = "\n\n".join(STORY[:2] + ["The pier will reopen in May, according to Reuters."])
    cleaned = clean_article(_article(raw))
    assert cleaned.text == raw and cleaned.credits == []


def test_byline_caption_and_credits_together() -> None:
    raw = (
        "By Jane Doe, Reuters\n\n"
        f"HARBOURTON, Sept 12 (Reuters) - {STORY[0]}\n\n"
        "Photo: AFP\n\n"
        f"{STORY[1]}\n\n"
        "(Reporting by Jane Doe; Editing by Ann Lee)"
    )
    cleaned = clean_article(_article(raw))
    _check_offsets(cleaned)
    assert cleaned.text == f"{STORY[0]}\n\n{STORY[1]}"
    assert [(c.source, c.kind) for c in cleaned.credits] == [
        ("Reuters", "byline"),
        ("Reuters", "wire_dateline"),
        ("AFP", "caption"),
    ]
    assert [p.kind for p in cleaned.removed] == ["credit_line", "dateline", "caption", "credit_line"]
    assert cleaned.byline == "Jane Doe"
    assert cleaned.outlet == "Reuters"  # the photo agency (AFP) is not the publisher


@pytest.mark.parametrize(
    ("ending", "outlet"),
    [
        ("(With inputs from IANS)", "IANS"),
        ("(With inputs from agencies)", None),
        ("(With inputs from PTI and agencies)", None),
        ("(With inputs from PTI, IANS)", None),
    ],
)
def test_outlet_from_inputs_credit(ending: str, outlet: str | None) -> None:
    cleaned = clean_article(_article("\n\n".join([*STORY, ending])))
    assert cleaned.text == "\n\n".join(STORY)
    assert cleaned.outlet == outlet
    assert cleaned.outlet_source == ("credit" if outlet else None)
    assert all(c.kind == "inputs_from" for c in cleaned.credits) and cleaned.credits


def test_metadata_is_kept_not_overwritten() -> None:
    meta = Credit("Harbour Gazette", "metadata", "Harbour Gazette")
    article = _article(
        "SEOUL, Sept 12 (Reuters) - " + STORY[0],
        outlet="Harbour Gazette",
        outlet_source="metadata",
        published=PartialDate(2023, 9, 13),
        published_source="metadata",
        credits=[meta],
    )
    cleaned = clean_article(article)
    assert cleaned.credits[0] == meta and cleaned.credits[1].source == "Reuters"
    assert (cleaned.outlet, cleaned.outlet_source) == ("Harbour Gazette", "metadata")
    assert (cleaned.published, cleaned.published_source) == (PartialDate(2023, 9, 13), "metadata")
    assert article.text == "" and article.credits == [meta]  # the input is not changed


def test_cleaning_twice_changes_nothing() -> None:
    raw = (
        "By Jane Doe, Reuters\n\nSEOUL, Sept 12 (Reuters) - "
        + "\n\n".join(STORY)
        + "\n\n(With inputs from IANS)"
    )
    once = clean_article(_article(raw))
    assert clean_article(once) == once


def test_short_real_paragraphs_stay() -> None:
    raw = "\n\n".join(["The Pier Will Reopen In May", *STORY, "Officials declined to comment."])
    assert clean_article(_article(raw)).text == raw


def test_line_structure_is_kept() -> None:
    raw = "  First line of a wrapped\nparagraph stays as written.  \r\n\r\n\r\nSecond paragraph.\n"
    assert (
        clean_article(_article(raw)).text
        == "First line of a wrapped\nparagraph stays as written.\n\nSecond paragraph."
    )


# --- offsets and nothing lost, on generated bodies ---------------------------------------------------------

_PIECES = [
    *STORY,
    "Mayor Opens The New Pier\nMayor Opens The New PierIANS",
    "A Peek Inside The Ferry TerminalAFP",
    "Photo: Jane Doe/AFP",
    "Representative image",
    "(Photo/Reuters)",
    "By Jane Doe, Reuters",
    "(With inputs from IANS)",
    "(Reporting by Jane Doe; Editing by Ann Lee)",
    "— AP",
    "The Pier Will Reopen In May",
]
_OPENINGS = [
    "",
    "SEOUL, Sept 12 (Reuters) - ",
    "Moscow [Russia], September 12 : ",
    "(AP) — ",
    "WASHINGTON — ",
]


@given(
    st.sampled_from(_OPENINGS),
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n\n", "\n\n\n", "\n", " \n\n "]), min_size=8, max_size=8),
)
def test_offsets_and_nothing_lost(opening: str, pieces: list[str], separators: list[str]) -> None:
    raw = opening + "".join(p + s for p, s in zip(pieces, separators, strict=False))
    cleaned = clean_article(_article(raw))
    _check_offsets(cleaned)
    spans = sorted((p.start, p.end) for p in cleaned.removed)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", text)

    assert len(squash(cleaned.text)) + sum(len(squash(p.text)) for p in cleaned.removed) == len(squash(raw))
    for sentence in STORY:
        if sentence in pieces:
            assert sentence in cleaned.text


def test_example_regional_report_matches_the_answer_key() -> None:
    """The team's fictional corpus: ANI-style rewrite, captions glued to an agency outside the table."""
    examples = Path(__file__).resolve().parents[2] / "examples"
    expected = json.loads((examples / "expected.json").read_text(encoding="utf-8"))
    (entry,) = [a for a in expected["articles"] if a["role"] == "regional_rewrite"]
    cleaned = clean_article(_article((examples / entry["path"]).read_text(encoding="utf-8")))
    _check_offsets(cleaned)
    assert [{"source": c.source, "kind": c.kind, "text": c.text} for c in cleaned.credits] == entry["credits"]
    assert cleaned.removed[0].text == entry["dateline"]
    assert cleaned.dateline_place == entry["dateline_place"]
    assert not any(c["text"] in cleaned.text for c in entry["credits"])


# --- date stamps ----------------------------------------------------------------------------------------


def test_a_date_stamp_gives_the_date_and_leaves_the_text() -> None:
    raw = "Posted: Mar 9, 2021 8:20 AM ET\n\n" + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw))
    _check_offsets(cleaned)
    assert cleaned.published == PartialDate(2021, 3, 9)
    assert cleaned.published_source == "date_stamp"
    assert [(p.kind, p.text) for p in cleaned.removed] == [("date_stamp", "Posted: Mar 9, 2021 8:20 AM ET")]
    assert cleaned.text.startswith(STORY[0])


def test_the_dateline_under_a_date_stamp_is_still_read() -> None:
    raw = "March 9, 2021\n\nTARNBY, March 8 (Reuters) - " + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw))
    assert cleaned.published == PartialDate(2021, 3, 9)  # the stamp's, complete, not the dateline's
    assert cleaned.dateline_place == "Tarnby"
    assert cleaned.outlet == "Reuters"
    assert cleaned.text.startswith(STORY[0])


@pytest.mark.parametrize(
    ("stated", "source", "kept"),
    [
        (PartialDate(2021, 3, 10), "metadata", PartialDate(2021, 3, 10)),  # the publisher's own: kept
        (PartialDate(2021, 3, None), "url", PartialDate(2021, 3, 9)),  # /2021/03/ and the stamp agree
        (PartialDate(2020, 3, None), "url", PartialDate(2020, 3, None)),  # they disagree: kept
    ],
)
def test_a_date_stamp_only_completes_a_date_the_input_states(
    stated: PartialDate, source: str, kept: PartialDate
) -> None:
    raw = "March 9, 2021\n\n" + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw, published=stated, published_source=source))
    assert cleaned.published == kept
    assert cleaned.published_source == ("date_stamp" if kept != stated else source)
    assert "March 9, 2021" not in cleaned.text  # the line is page furniture either way


def test_a_date_in_the_first_sentence_is_not_a_stamp() -> None:
    raw = "The pier reopened on March 9, 2021.\n\n" + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw))
    assert cleaned.published is None
    assert cleaned.removed == []


# --- a title that is only a date ------------------------------------------------------------------------


def test_a_stamp_taken_for_the_title_gives_way_to_the_headline_and_gives_the_date() -> None:
    # An export whose title field took the page's first line; the body repeats it above the headline.
    stamp = "Updated: March 9, 2021 20: 09 GMT"
    raw = f"{stamp}\n\nHarbour board reopens Tarnby pier\n\n" + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw, title=stamp))
    assert cleaned.title == "Harbour board reopens Tarnby pier"
    assert cleaned.published == PartialDate(2021, 3, 9)
    assert cleaned.published_source == "date_stamp"
    assert clean_article(cleaned) == cleaned


@pytest.mark.parametrize("title", ["APR 28", "8: 24am:", "11 / 28 / 05"])
def test_a_title_that_is_only_a_date_or_a_time_is_no_title(title: str) -> None:
    cleaned = clean_article(_article("\n\n".join(STORY), title=title))
    assert cleaned.title is None  # the lead sentence ends with a period: no headline to take instead
    assert cleaned.published is None  # no year or no day: not a date to publish under


def test_a_headline_with_a_date_in_it_stays() -> None:
    title = "Pier reopens on March 9 after repairs"
    cleaned = clean_article(_article("\n\n".join(STORY), title=title))
    assert cleaned.title == title


# --- the headline repeated atop the body ----------------------------------------------------------------


def test_the_headline_repeated_atop_the_body_is_the_title_not_a_sentence() -> None:
    headline = "Harbour board reopens Tarnby pier"
    raw = f"{headline.upper()}\n\n" + "\n\n".join(STORY)
    cleaned = clean_article(_article(raw, title=headline))
    _check_offsets(cleaned)
    assert cleaned.title == headline
    assert cleaned.text.startswith(STORY[0])
    assert [(p.kind, p.text) for p in cleaned.removed] == [("headline", headline.upper())]
    assert clean_article(cleaned) == cleaned


def test_a_lead_sentence_given_as_the_title_stays_in_the_body() -> None:
    # Exports without a headline field sometimes fill the title with the lead sentence.
    cleaned = clean_article(_article("\n\n".join(STORY), title=STORY[0]))
    assert cleaned.text.startswith(STORY[0])
    assert cleaned.removed == []


def test_a_headline_further_down_the_body_stays() -> None:
    headline = "Harbour board reopens Tarnby pier"
    raw = "\n\n".join([STORY[0], headline, *STORY[1:]])
    cleaned = clean_article(_article(raw, title=headline))
    assert headline in cleaned.text


def test_a_date_line_too_short_of_parts_to_publish_under_is_still_furniture() -> None:
    raw = "09 / 10 / 21 08: 23 PM ET\n\n" + "\n\n".join(STORY)  # a two-digit year: which is the day?
    cleaned = clean_article(_article(raw))
    assert cleaned.text.startswith(STORY[0])
    assert [(p.kind, p.text) for p in cleaned.removed] == [("date_stamp", "09 / 10 / 21 08: 23 PM ET")]
    assert cleaned.published is None


def test_a_title_with_a_time_glued_to_pm_is_only_a_date() -> None:
    cleaned = clean_article(_article("\n\n".join(STORY), title="9 / 3 / 2021 @ 1: 19PM"))
    assert cleaned.title is None


@pytest.mark.parametrize(
    ("title", "outlet", "headline"),
    [
        ("Harbour board reopens Tarnby pier - Orvin Post", "Orvin Post", "Harbour board reopens Tarnby pier"),
        ("Harbour board reopens Tarnby pier | Orvin", "Orvin Post", "Harbour board reopens Tarnby pier"),
        ("Orvin Post | Local news: Pier reopens", "Orvin Post | Local news", "Pier reopens"),
        # What a separator sets apart that is not the outlet's name is the headline's own.
        ("Opinion | The pier should stay shut", "Orvin Post", "Opinion | The pier should stay shut"),
        ("Harbour board: pier reopens", "Orvin Post", "Harbour board: pier reopens"),
    ],
)
def test_the_outlets_name_around_a_headline_is_not_part_of_it(title: str, outlet: str, headline: str) -> None:
    cleaned = clean_article(_article("\n\n".join(STORY), title=title, outlet=outlet))
    assert cleaned.title == headline
    assert clean_article(cleaned) == cleaned


@pytest.mark.parametrize("line", ["5 min read", "Reading time: 3 minutes", "4-minute read"])
def test_a_reading_time_line_at_the_top_is_furniture(line: str) -> None:
    cleaned = clean_article(_article(f"{line}\n\n" + "\n\n".join(STORY)))
    assert cleaned.text.startswith(STORY[0])
    assert [(p.kind, p.text) for p in cleaned.removed] == [("boilerplate", line)]
