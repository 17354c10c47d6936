"""Features made in a worker process place articles into exactly the stories one process makes."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newstrace.group.bulk import FeatureSource, batch_features, features_ahead, ordered_map
from newstrace.group.copies import find_copies
from newstrace.group.incremental import place_fresh
from newstrace.group.stories import StoryClusterer
from newstrace.model import Article, PartialDate, SourceRef

REPO = Path(__file__).resolve().parents[2]
DAY0 = datetime.date(2024, 1, 1)


def _corpus_gen() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the scale benchmark's generator by path.
    spec = importlib.util.spec_from_file_location("corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_gen"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated() -> list[Article]:
    """300 generated reports (planted stories, syndicated copies, singletons) with ids and dates."""
    chunk = _corpus_gen().chunk(1, 0, 300)
    articles = []
    for i, (text, title, day) in enumerate(zip(chunk.texts, chunk.titles, chunk.days, strict=True)):
        when = DAY0 + datetime.timedelta(days=day)
        published = PartialDate(when.year, when.month, when.day)
        source = SourceRef(f"gen/{i}.txt", "text")
        articles.append(Article(text, source, text=text, title=title, published=published, id=i + 1))
    return articles


def _place(articles: list[Article], workers: int) -> list[tuple[int, int]]:
    return place_fresh(articles, {}, find_copies(articles), StoryClusterer(0.3), workers=workers)


def test_features_made_in_a_worker_give_the_same_stories(generated: list[Article]) -> None:
    alone = _place(generated, workers=0)
    assert _place(generated, workers=1) == alone
    # Not a trivial grouping: many stories, several with more than one report.
    sizes: dict[int, int] = {}
    for _, key in alone:
        sizes[key] = sizes.get(key, 0) + 1
    assert len(sizes) >= 20
    assert sum(1 for n in sizes.values() if n > 1) >= 10


def test_features_ahead_returns_each_batch_in_order(generated: list[Article]) -> None:
    sources = [FeatureSource(a.title, a.text or a.raw_text, a.published) for a in generated[:90]]
    batches = [sources[i : i + 7] for i in range(0, len(sources), 7)]
    made = list(features_ahead(batches, workers=2, ahead=1))
    assert made == [batch_features(b) for b in batches]


def test_a_workers_error_reaches_the_caller() -> None:
    results = ordered_map(int, ["1", "2", "three", "4"], workers=1)
    assert next(results) == 1 and next(results) == 2
    with pytest.raises(ValueError, match="three"):
        next(results)
