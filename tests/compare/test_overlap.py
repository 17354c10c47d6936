"""Sentence comparison: what several articles carry (near-)verbatim, and what only one says."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.compare.overlap import compare_sentences, match_score, shingles
from newstrace.errors import ConfigError
from newstrace.model import Article, PartialDate, SourceRef

# A fictional wire sentence, copied by several of the articles below.
WIRE = "The Tarrow River burst its banks early on Friday, flooding 300 homes in the town of Ellisford."


def article(ident: int, text: str, published: PartialDate | None = None) -> Article:
    return Article(
        raw_text=text, text=text, source=SourceRef(f"f{ident}.txt", "text"), id=ident, published=published
    )


def texts(citations) -> list[str]:
    return [c.text for c in citations]


def test_verbatim_sentence_is_shared_with_both_citations() -> None:
    a = article(1, f"{WIRE} Rescue boats were sent from Dunmore.")
    b = article(2, f"Residents were told to leave.\n\n{WIRE}")
    shared, single = compare_sentences([b, a], 0.5)
    assert len(shared) == 1
    assert [(c.article_id, c.text) for c in shared[0].citations] == [(1, WIRE), (2, WIRE)]
    assert shared[0].similarity == 1.0
    assert texts(single) == ["Rescue boats were sent from Dunmore.", "Residents were told to leave."]


@pytest.mark.parametrize(
    ("variant", "is_shared"),
    [
        # One word changed: a light edit of the same sentence.
        (
            "The Tarrow River burst its banks early on Friday, flooding 300 houses in the town of Ellisford.",
            True,
        ),
        # Truncated copy: contained in the original.
        ("The Tarrow River burst its banks early on Friday, flooding 300 homes.", True),
        # Different punctuation and case only.
        (
            "the Tarrow river burst its banks early on Friday - flooding 300 homes in the town of Ellisford",
            True,
        ),
        # A paraphrase of the same fact is not a copy.
        ("Hundreds of houses in Ellisford were flooded when the Tarrow overflowed on Friday morning.", False),
        # A short sentence is not "contained" in a long one.
        ("The Tarrow River burst.", False),
    ],
)
def test_near_verbatim_variants(variant: str, is_shared: bool) -> None:
    shared, single = compare_sentences([article(1, WIRE), article(2, variant)], 0.5)
    assert bool(shared) is is_shared
    assert len(single) == (0 if is_shared else 2)


def test_every_citation_is_an_exact_slice_of_its_article() -> None:
    articles = [
        article(1, f"Ellisford flooded.\n\n{WIRE} “We lost everything,” said Mr. Pell."),
        article(2, f"{WIRE}\n\nThe U.S. Weather Service expects more rain. Roads are shut."),
        article(3, "Roads are shut. Schools closed on Friday."),
    ]
    by_id = {a.id: a for a in articles}
    shared, single = compare_sentences(articles, 0.5)
    citations = [c for s in shared for c in s.citations] + single
    assert citations
    for c in citations:
        assert by_id[c.article_id].text[c.start : c.end] == c.text
    # Every sentence appears exactly once overall.
    assert len(citations) == len({(c.article_id, c.start) for c in citations}) == 8


def test_group_spans_several_articles_and_orders_by_earliest_article() -> None:
    second = "Power was cut to the whole of the valley overnight by the storm."
    articles = [
        article(7, f"{second} {WIRE}", PartialDate(2024, 3, 2)),
        article(3, f"{WIRE} {second}", PartialDate(2024, 3, 1)),
        article(5, f"Intro line of the third report here. {WIRE}", PartialDate(2024, 3, 3)),
    ]
    shared, single = compare_sentences(articles, 0.5)
    # Article 3 was published first, and carries WIRE first.
    assert [s.citations[0].text for s in shared] == [WIRE, second]
    assert [c.article_id for c in shared[0].citations] == [3, 5, 7]
    assert [c.article_id for c in shared[1].citations] == [3, 7]
    assert texts(single) == ["Intro line of the third report here."]


def test_repeat_inside_one_article_is_not_a_second_source() -> None:
    text = f"{WIRE}\n\nMore below.\n\n{WIRE}"
    shared, single = compare_sentences([article(1, text), article(2, "Nothing in common at all.")], 0.5)
    assert shared == []
    assert texts(single) == [WIRE, "More below.", WIRE, "Nothing in common at all."]


def test_repeats_join_a_group_when_both_match_another_article() -> None:
    text = f"{WIRE}\n\nMore below.\n\n{WIRE}"
    shared, _ = compare_sentences([article(1, text), article(2, WIRE)], 0.5)
    assert [(c.article_id, c.start) for c in shared[0].citations] == [(1, 0), (1, len(WIRE) + 15), (2, 0)]


def test_similarity_is_the_lowest_score_in_the_group() -> None:
    edited = WIRE.replace("homes", "houses")
    shared, _ = compare_sentences([article(1, WIRE), article(2, WIRE), article(3, edited)], 0.5)
    (group,) = shared
    assert len(group.citations) == 3
    assert 0.5 <= group.similarity < 1.0
    assert group.similarity == pytest.approx(match_score(shingles(WIRE), shingles(edited), 0.5), abs=1e-4)


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Kim Jong-un arrived.") == shingles("kim jong un ARRIVED")
    assert shingles("Hi.") == frozenset({"hi"})
    assert shingles("...") == frozenset()


@pytest.mark.parametrize("value", [0.0, 1.01, -1.0])
def test_min_similarity_out_of_range_is_refused(value: float) -> None:
    with pytest.raises(ConfigError, match="sentence_similarity"):
        compare_sentences([article(1, WIRE)], value)


@pytest.mark.shared_data
def test_seed_reports_citations_are_exact(seeds_dir: Path) -> None:
    articles = [
        article(n + 1, p.read_text(encoding="utf-8")) for n, p in enumerate(sorted(seeds_dir.glob("*.txt")))
    ]
    shared, single = compare_sentences(articles, 0.5)
    by_id = {a.id: a for a in articles}
    for c in [c for s in shared for c in s.citations] + single:
        assert by_id[c.article_id].text[c.start : c.end] == c.text
    # The two reports were written independently: they share facts, not sentences.
    assert len(single) > 30
