"""Regroup a corpus without re-clustering it: copies first, then each new article joins or starts a story.

:func:`assign_stories` takes the stories already known (their articles stay where they are; they only feed
the clusterer's state) and places every article not in one of them, in the order of
:func:`placement_key` (undated articles first, then the dated ones in publication order):

- a copy (a member of a copy tree, :mod:`.copies`) whose tree already has a member in a story joins that
  story, so an original and its copies are never split;
- any other article goes through :class:`~newstrace.group.stories.StoryClusterer`.

Existing stories keep their ``id``; new ones have ``id=None`` until the store keeps them.

:func:`place_fresh` is the loop both share with :func:`newstrace.pipeline.regroup`'s incremental path,
where the clusterer reads its state from the store instead of replaying every stored story. Given many
articles (:data:`BULK_ARTICLES`), it makes their features in a worker process while it places
(:mod:`.bulk`): the same stories, in less time on two cores.

Example:
    >>> stories = assign_stories(articles, store.stories(), find_copies(articles), 0.25)  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from newstrace.group.bulk import FeatureSource, features_ahead
from newstrace.group.simple import make_story
from newstrace.group.stories import StateChanges, StoryClusterer, features_of
from newstrace.model import Article, CopyRelation, Story

# From this many articles to place, a worker process makes their features (when the machine has a second
# core): starting it costs ~0.3 s, features ~0.4 ms per article, so below a few thousand articles it would
# not pay.
BULK_ARTICLES = 10_000
# Articles per job sent to the worker: big enough that passing a job costs little beside its ~0.8 s of
# work, small enough that the first features come back soon.
FEATURE_BATCH = 2_000


@dataclass(frozen=True, slots=True)
class Grouping:
    """:func:`group_with_state`'s result: the stories, the clusterer key of each, the clusterer's state."""

    stories: list[Story]
    keys: list[int]
    state: StateChanges


def placement_key(article: Article) -> tuple[int, int, int, int, int]:
    """Sort key of the order :func:`place_fresh` places articles in: those without a complete publication
    date first (by id), then the dated ones in publication order (ties by id).

    The clusterer closes a story two months after its last article (``stories.CLOSE_DAYS``, counted from
    the newest article placed), and an article without a complete date takes no part in time decay. Placed
    last, as publication order would put them, undated articles would meet only the stories of the
    corpus's last two months: on ECB+ dev read with the dates newstrace finds (URLs, date stamps), the
    undated three-fifths, reports of 2005-2013, could not join the dated reports of their own stories.
    Placed first, they group among themselves (every story of undated articles stays open), and each dated
    article meets them and the dated stories of its own weeks.
    """
    date = article.published
    number = article.id if article.id is not None else 0
    if date is None or date.year is None or date.month is None or date.day is None:
        return (0, 0, 0, 0, number)
    return (1, date.year, date.month, date.day, number)


def place_fresh(
    fresh: Sequence[Article],
    story_of: dict[int, int],
    copies: Sequence[CopyRelation],
    clusterer: StoryClusterer,
    workers: int | None = None,
) -> list[tuple[int, int]]:
    """Place articles in :func:`placement_key` order: a copy joins its tree's story, the rest go to
    ``clusterer``.

    Args:
        fresh: articles in no story yet (``id`` set).
        story_of: article id → story key, for articles already placed; updated as articles are placed.
        copies: copy relations covering the trees of ``fresh``.
        clusterer: the clusterer holding (or reading) every earlier placement.
        workers: processes making the articles' features ahead of placement (0: this one does);
            default 1 from :data:`BULK_ARTICLES` articles on a machine with two cores or more, else 0.
            The stories are the same either way.

    Returns:
        ``(article id, story key)`` in the order the articles were placed.
    """
    tree_of = _copy_trees(copies)
    ordered = sorted(fresh, key=placement_key)
    if workers is None:
        workers = 1 if len(ordered) >= BULK_ARTICLES and (os.cpu_count() or 1) > 1 else 0
    sources = (FeatureSource(a.title, a.text or a.raw_text, a.published) for a in ordered)
    made = chain.from_iterable(features_ahead(_batches(sources, FEATURE_BATCH), workers))
    placed = []
    for article, features in zip(ordered, made, strict=True):
        joined: int | None = None
        for other in tree_of.get(article.id, ()):  # type: ignore[arg-type]
            if other in story_of:
                joined = story_of[other]
                break
        key = clusterer.add(features, copy_of_story=joined)
        story_of[article.id] = key  # type: ignore[index]
        placed.append((article.id, key))
    return placed  # type: ignore[return-value]


def assign_stories(
    articles: Sequence[Article], old: Sequence[Story], copies: Sequence[CopyRelation], threshold: float
) -> list[Story]:
    """Place every article of ``articles`` that no story of ``old`` holds; keep the old stories as they are.

    Args:
        articles: every stored article (``id`` set); articles of ``old`` stories missing here are dropped
            from their stories.
        old: the stories known so far (with ids).
        copies: copy relations among ``articles``.
        threshold: the clusterer's threshold (``Options.story_threshold``).

    Returns:
        The old stories (same ids, titles recomputed, new members appended), then the new stories in order
        of creation. Every article is in exactly one story.

    Raises:
        ValueError: ``threshold`` is not in (0, 1], or an article has no id.
    """
    return group_with_state(articles, old, copies, threshold).stories


def group_with_state(
    articles: Sequence[Article], old: Sequence[Story], copies: Sequence[CopyRelation], threshold: float
) -> Grouping:
    """:func:`assign_stories`, also returning the clusterer's state for the store to keep."""
    by_id: dict[int, Article] = {}
    for article in articles:
        if article.id is None:
            raise ValueError(f"article {article.label} has no id: store articles before grouping them")
        by_id[article.id] = article
    clusterer = StoryClusterer(threshold)
    number: dict[int, int] = {}  # article id → story number (the index in `members`)
    members: list[list[int]] = []
    for story in old:
        kept = [i for i in story.article_ids if i in by_id and i not in number]
        members.append(kept)
        for article_id in kept:
            number[article_id] = len(members) - 1
            a = by_id[article_id]
            clusterer.place(features_of(a.title, a.text or a.raw_text, a.published), len(members) - 1)
    fresh = [a for a in articles if a.id not in number]
    for article_id, placed in place_fresh(fresh, number, copies, clusterer):
        while len(members) <= placed:
            members.append([])
        members[placed].append(article_id)
    result, keys = [], []
    for index, ids in enumerate(members):
        if not ids:
            continue
        made = make_story([by_id[i] for i in ids])
        result.append(Story(made.article_ids, made.title, old[index].id if index < len(old) else None))
        keys.append(index)
    return Grouping(result, keys, clusterer.changes())


def _batches(items: Iterator[FeatureSource], size: int) -> Iterator[list[FeatureSource]]:
    """``items`` in lists of ``size`` (the last shorter), read lazily."""
    while batch := list(islice(items, size)):
        yield batch


def _copy_trees(copies: Sequence[CopyRelation]) -> dict[int, list[int]]:
    """Each article of a copy tree → the other members of its tree, ascending."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for relation in copies:
        a, b = find(relation.copy_id), find(relation.original_id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for relation in copies:
        for node in (relation.copy_id, relation.original_id):
            group = groups.setdefault(find(node), [])
            if node not in group:
                group.append(node)
    return {node: sorted(n for n in group if n != node) for group in groups.values() for node in group}
