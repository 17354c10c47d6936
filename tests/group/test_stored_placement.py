"""Placement from the stored state: a store re-opened later groups new articles as one in-memory run would."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newstrace.config import Options, make_options
from newstrace.group.copies import find_copies
from newstrace.group.incremental import place_fresh
from newstrace.group.stories import StoryClusterer
from newstrace.model import Article, SourceRef
from newstrace.pipeline import place_new, regroup
from newstrace.store import open_store
from tests.group.group_texts import INDEPENDENT, UNRELATED, WIRE

# Fictional vocabulary: topic words shared by every event of a kind, and per-event names and numbers.
_COMMON = "the a of in on and to said was were after before by with officials people city report".split()
_TOPICS = {
    "flood": "flood river water rain levee evacuated homes rescue boats".split(),
    "vote": "vote council election ballot mayor candidates turnout seats".split(),
    "fire": "fire blaze firefighters smoke warehouse crews flames alarm".split(),
}


def _event_text(rng: random.Random, topic: str, names: list[str], length: int) -> str:
    words = [rng.choice(_COMMON + _TOPICS[topic] + names) for _ in range(length)]
    return f"{names[0]} {names[1]} " + " ".join(words) + "."


def _corpus(seed: int, events: int, per_event: int) -> list[tuple[str, str]]:
    """(title, text) pairs: several independent reports per event, some exact or edited copies."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for number in range(events):
        topic = sorted(_TOPICS)[number % len(_TOPICS)]
        names = [f"Zorvan{number}", f"Kelmir{number}", f"{1000 + number}", f"Ostrad{number}"]
        for _ in range(per_event):
            text = _event_text(rng, topic, names, 60)
            out.append((f"{names[0]} {topic} {names[2]}", text))
            if rng.random() < 0.3:
                edited = text.split()
                edited[rng.randrange(len(edited))] = "indeed"
                out.append((f"{names[0]} {topic}", " ".join(edited)))
    rng.shuffle(out)
    return out


def _article(number: int, title: str, text: str) -> Article:
    return Article(text, SourceRef(f"gen/{number}.txt", "text"), text=text, title=title)


def _partition(groups: list[tuple[int, ...]]) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


def _in_memory(articles: list[Article], threshold: float) -> set[frozenset[int]]:
    """Every article placed in order by one clusterer held in memory, copies found over all of them."""
    clusterer = StoryClusterer(threshold)
    story_of: dict[int, int] = {}
    placed = place_fresh(articles, story_of, find_copies(articles), clusterer)
    groups: dict[int, list[int]] = {}
    for article_id, key in placed:
        groups.setdefault(key, []).append(article_id)
    return _partition([tuple(ids) for ids in groups.values()])


@pytest.mark.parametrize("batches", [[150, 1], [100, 20, 20, 11]])
def test_a_reopened_store_places_new_articles_as_one_in_memory_run(
    tmp_path: Path, options: Options, batches: list[int]
) -> None:
    texts = _corpus(7, events=30, per_event=4)
    assert sum(batches) <= len(texts)
    done = 0
    for size in batches:
        # Closed and re-opened between batches: the second regroup onwards reads only the stored state.
        with open_store(options.db) as store:
            batch = [_article(done + i, *texts[done + i]) for i in range(size)]
            list(store.add_articles(batch))
            regroup(store, options)
        done += size
    with open_store(options.db) as store:
        stored = store.stories()
        everything = store.articles()
        copies = store.copies()
    expected = _in_memory(everything, options.story_threshold)
    assert _partition([s.article_ids for s in stored]) == expected
    # Several events, and several reports joined in most of them: the comparison is not trivial.
    assert 20 <= len(expected) < len(everything) // 2
    # Copies found one batch at a time link the same articles as copies found over the whole corpus.
    assert {frozenset((r.copy_id, r.original_id)) for r in copies} <= {
        frozenset((r.copy_id, r.original_id)) for r in find_copies(everything)
    }
    assert len(copies) == len(find_copies(everything))


def test_a_new_report_joins_the_stored_story_and_a_copy_its_original(tmp_path: Path) -> None:
    options = make_options(db=str(tmp_path / "s.db"))
    with open_store(options.db) as store:
        list(store.add_articles([_article(1, "Landslide buries part of Velmora", WIRE)]))
        list(store.add_articles([_article(2, "Ostrel central bank holds rate", UNRELATED)]))
        (wire_story, bank_story) = regroup(store, options)
    with open_store(options.db) as store:
        (report,) = store.add_articles([_article(3, "Velmora waits for news after mudslide", INDEPENDENT)])
        (grown,) = place_new(store, options)
        assert grown.id == wire_story.id and report.article_id in grown.article_ids
        # A truncated copy: the longer wire stays the original (both undated, neither credited).
        cut = " ".join(WIRE.split()[: len(WIRE.split()) * 2 // 3])
        (copy,) = store.add_articles([_article(4, "Landslide in Velmora", cut)])
        (grown,) = place_new(store, options)
        assert grown.id == wire_story.id and copy.article_id in grown.article_ids
        (relation,) = store.copies([copy.article_id])
        assert relation.original_id == wire_story.article_ids[0]
        assert place_new(store, options) == []
        assert [s.article_ids for s in store.stories() if s.id == bank_story.id] == [bank_story.article_ids]


def test_a_store_grouped_with_older_article_features_is_regrouped_whole(tmp_path: Path) -> None:
    """Centroids built from another feature set would score new articles wrongly: start over instead."""
    import sqlite3

    from newstrace.group.stories import FEATURES_VERSION

    options = make_options(db=str(tmp_path / "s.db"))
    with open_store(options.db) as store:
        list(store.add_articles([_article(1, "Landslide buries part of Velmora", WIRE)]))
        list(store.add_articles([_article(2, "Ostrel central bank holds rate", UNRELATED)]))
        first = regroup(store, options)
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute("UPDATE group_state SET value = ? WHERE name = 'features'", (FEATURES_VERSION - 1,))
    with open_store(options.db) as store:
        list(store.add_articles([_article(3, "Velmora waits for news after mudslide", INDEPENDENT)]))
        regrouped = place_new(store, options)
        # The whole store was grouped again (every story returned, not only the one that grew), the
        # report joined the wire's story, and the state now carries this version.
        assert len(regrouped) == len(first) == 2
        assert {3, *first[0].article_ids} in [set(s.article_ids) for s in regrouped]
    with sqlite3.connect(tmp_path / "s.db") as db:
        (version,) = db.execute("SELECT value FROM group_state WHERE name = 'features'").fetchone()
    assert version == FEATURES_VERSION
    with open_store(options.db) as store:
        cut = " ".join(WIRE.split()[: len(WIRE.split()) * 2 // 3])
        (copy,) = store.add_articles([_article(4, "Landslide in Velmora", cut)])
        (grown,) = place_new(store, options)  # incremental again: only the story that took the copy
        assert copy.article_id in grown.article_ids
