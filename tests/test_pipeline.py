"""The orchestrator: story ids users know survive regrouping."""

from __future__ import annotations

from pathlib import Path

from newstrace.config import Options
from newstrace.pipeline import ingest, regroup
from newstrace.store import open_store

from .texts import BAKERY_REPORT, FERRY_REPORT, HARBOUR_REPORT


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
