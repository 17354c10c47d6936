"""The orchestrator: story ids users know survive regrouping."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.model import Story
from newstrace.pipeline import ingest, keep_story_ids, regroup
from newstrace.store import open_store

from .texts import BAKERY_REPORT, FERRY_REPORT, HARBOUR_REPORT


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # The grown story keeps its id; the newcomer gets a fresh one.
        ([Story((1, 2), "a", id=5)], [Story((1, 2, 3), "a"), Story((4,), "b")], [5, None]),
        # A split story: the larger part keeps the id.
        ([Story((1, 2, 3), "a", id=7)], [Story((1,), "x"), Story((2, 3), "y")], [None, 7]),
        # Two old stories merged: the one with more articles in the merge gives its id.
        ([Story((1,), "a", id=2), Story((2, 3), "b", id=3)], [Story((1, 2, 3), "m")], [3]),
        # Equal overlaps: the smaller old id wins, deterministically.
        ([Story((1,), "a", id=4), Story((2,), "b", id=9)], [Story((1, 2), "m")], [4]),
    ],
)
def test_keep_story_ids(old: list[Story], new: list[Story], expected: list[int | None]) -> None:
    assert [s.id for s in keep_story_ids(old, new)] == expected


def test_story_id_survives_new_articles(tmp_path: Path, options: Options) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR_REPORT, encoding="utf-8")
    (corpus / "harbour2.txt").write_text(
        HARBOUR_REPORT.replace("on Monday", "on Monday morning") + "\n\nTalks resume on Friday.",
        encoding="utf-8",
    )
    with open_store(options.db) as store:
        ingest([str(corpus)], options, store)
        (first,) = regroup(store, options)
        (corpus / "bakery.txt").write_text(BAKERY_REPORT, encoding="utf-8")
        (corpus / "ferry.txt").write_text(FERRY_REPORT, encoding="utf-8")
        ingest([str(corpus)], options, store)
        stories = regroup(store, options)
    assert len(stories) == 3
    harbour = [s for s in stories if set(s.article_ids) == set(first.article_ids)]
    assert [s.id for s in harbour] == [first.id]
    assert len({s.id for s in stories}) == 3
