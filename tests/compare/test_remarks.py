"""Two reports that quote one speaker saying different things on one point disagree, whatever claims their
sentences tell (``newstrace.compare.remarks.remarks_across``, real MiniLM)."""

from __future__ import annotations

from newstrace.compare.claims import find_claims
from newstrace.compare.embeddings import embed
from newstrace.compare.remarks import remarks_across
from newstrace.ingest.clean import clean_article
from newstrace.model import Article, SourceRef

# A (fictional) harbour that closed its slipway after a storm; two reports quote its master differently.
FIRST = (
    "The Kessby harbour slipway was closed on Monday after storm damage.\n\n"
    'Harbour master Orla Quinn said the repairs were under way. "We will have the slipway open again '
    'before the end of the month," she said.'
)
SECOND = (
    "Boat owners in Kessby face weeks without a slipway.\n\n"
    'Orla Quinn, the harbour master, told the Courier: "I cannot promise owners a date for reopening '
    'the slipway, and it may well be spring."'
)


def _remarks(*texts: str, origins: dict[int, str] | None = None):  # type: ignore[no-untyped-def]
    by_id: dict[int | None, str] = {n: text for n, text in enumerate(texts, start=1)}
    origins = origins or {n: f"outlet {n}" for n in range(1, len(texts) + 1)}
    return remarks_across([], origins, by_id, embed)


def test_one_speaker_quoted_two_ways_on_one_point_is_a_conflict_citing_both_remarks() -> None:
    (claim,) = _remarks(FIRST, SECOND)
    assert claim.label == "conflicting"
    (d,) = claim.differences
    assert (d.kind, d.conflict, d.reason) == (
        "quote",
        True,
        "Quinn quoted saying different things on one point",
    )
    assert [s.text for s in d.sides] == [
        "We will have the slipway open again before the end of the month",
        "I cannot promise owners a date for reopening the slipway, and it may well be spring",
    ]
    for side, text in zip(d.sides, (FIRST, SECOND), strict=True):
        assert text[side.start : side.end] == side.text


def test_copies_of_one_report_and_one_quotation_cut_shorter_are_no_conflict() -> None:
    assert _remarks(FIRST, SECOND, origins={1: "wire", 2: "wire"}) == []
    shorter = FIRST.replace(" before the end of the month", "")
    assert _remarks(FIRST, shorter) == []


def test_a_speaker_quoted_several_times_in_one_report_is_quoted_in_pieces_not_contradicted() -> None:
    longer = SECOND + ' She added: "The harbour board meets on Thursday to decide what the slipway needs."'
    assert _remarks(FIRST, longer) == []


def test_a_speaker_whose_name_two_reports_spell_apart_is_one_speaker() -> None:
    (claim,) = _remarks(FIRST, SECOND.replace("Orla Quinn", "Orla Quin"))
    assert [d.kind for d in claim.differences] == ["quote"]


def test_remarks_of_two_people_or_on_two_points_are_no_conflict() -> None:
    other_speaker = SECOND.replace("Orla Quinn", "Jonas Varga")
    assert _remarks(FIRST, other_speaker) == []
    other_point = SECOND.replace(
        "I cannot promise owners a date for reopening the slipway, and it may well be spring",
        "Our lifeboat crew did a wonderful job during the storm, as they always do.",
    )
    assert _remarks(FIRST, other_point) == []


def test_the_story_shows_the_two_remarks_as_a_conflicting_claim() -> None:
    articles = []
    for n, text in enumerate((FIRST, SECOND), start=1):
        article = clean_article(
            Article(raw_text=text, source=SourceRef(f"outlet{n}.txt", "text"), outlet=f"O{n}")
        )
        article.id = n
        articles.append(article)
    conflicting = [c for c in find_claims(articles) if c.label == "conflicting"]
    assert any(d.kind == "quote" and "Quinn" in d.reason for c in conflicting for d in c.differences)
