"""Copy relations: which articles copy which, what kind of copy, and which one is the original."""

from __future__ import annotations

import pytest

from newstrace.group.copies import find_copies
from newstrace.model import PartialDate
from tests.group.group_texts import INDEPENDENT, LOCAL, UNRELATED, WIRE, article, edit_words, truncate

DAY = PartialDate(2024, 6, 3)
NEXT_DAY = PartialDate(2024, 6, 4)


@pytest.mark.parametrize(
    ("copy_text", "kind"),
    [
        (WIRE.replace("VELMORA, June 3 (Tarn Press) - ", ""), "near"),
        (WIRE, "exact"),
        (WIRE.upper(), "exact"),
        (edit_words(WIRE, 0.1), "near"),
        (truncate(WIRE, 0.5), "contained"),
        (
            " ".join((LOCAL, WIRE, edit_words(INDEPENDENT, 0.5, 5), edit_words(UNRELATED, 0.5, 6))),
            "contained",
        ),
        (edit_words(truncate(WIRE, 0.6), 0.05, seed=7), "contained"),
    ],
    ids=[
        "dateline-dropped",
        "exact",
        "case-only",
        "edited-10%",
        "truncated-half",
        "embedded",
        "cut-and-edited",
    ],
)
def test_copies_are_found_with_their_kind(copy_text: str, kind: str) -> None:
    # The wire credits itself in its dateline "(Tarn Press)", as ingest records it; the embedding article
    # is longer, so only that credit tells which one is the original.
    wire = article(1, WIRE, outlet="Tarn Press", published=DAY, credits=("Tarn Press",))
    copy = article(2, copy_text, outlet="Valley Post", published=DAY)
    (relation,) = find_copies([wire, copy, article(3, UNRELATED), article(4, INDEPENDENT)])
    assert (relation.copy_id, relation.original_id, relation.kind) == (2, 1, kind)
    assert 0.0 < relation.similarity <= relation.containment <= 1.0


@pytest.mark.parametrize(
    "other",
    [INDEPENDENT, UNRELATED, LOCAL, edit_words(WIRE, 0.5)],
    ids=["independent", "unrelated", "local", "half-rewritten"],
)
def test_reports_in_their_own_words_are_not_copies(other: str) -> None:
    assert find_copies([article(1, WIRE), article(2, other)]) == []


def test_credited_agency_is_the_original_even_when_published_later() -> None:
    # The copy credits Tarn Press; the wire itself is dated a day later (a re-dated feed).
    wire = article(5, WIRE, outlet="Tarn Press", published=NEXT_DAY)
    copy = article(3, edit_words(WIRE, 0.05), outlet="Valley Post", published=DAY, credits=("Tarn Press",))
    (relation,) = find_copies([copy, wire])
    assert (relation.copy_id, relation.original_id) == (3, 5)


@pytest.mark.parametrize(
    ("first", "second", "original"),
    [
        (article(1, WIRE, published=NEXT_DAY), article(2, edit_words(WIRE, 0.05), published=DAY), 2),
        (article(1, truncate(WIRE, 0.6), published=DAY), article(2, WIRE, published=DAY), 2),
        (article(1, WIRE), article(2, WIRE), 1),
    ],
    ids=["earliest-date", "longest-text", "smallest-id"],
)
def test_original_is_earliest_then_longest_then_first(first, second, original: int) -> None:  # noqa: ANN001
    (relation,) = find_copies([first, second])
    assert relation.original_id == original


def test_copies_form_one_tree_rooted_at_the_original() -> None:
    wire = article(1, WIRE, outlet="Tarn Press", published=DAY)
    copies = [article(i, edit_words(WIRE, 0.08, seed=i), published=DAY) for i in range(2, 7)]
    relations = find_copies([*copies, wire, article(9, UNRELATED)])
    assert sorted(r.copy_id for r in relations) == [2, 3, 4, 5, 6]
    parents = {r.copy_id: r.original_id for r in relations}
    for node in parents:  # every copy reaches the wire by following its originals
        seen = set()
        while node in parents and node not in seen:
            seen.add(node)
            node = parents[node]
        assert node == 1


def test_articles_must_be_stored() -> None:
    unstored = article(1, WIRE)
    unstored.id = None
    with pytest.raises(ValueError, match="store articles"):
        find_copies([unstored])
