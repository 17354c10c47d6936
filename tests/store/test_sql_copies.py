"""The store keeps copy relations (schema version 2) and walks copy trees; version-1 stores upgrade."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.model import Article, CopyRelation
from newstrace.store import Store, open_store
from newstrace.store.migrations import MIGRATIONS, migrate

ArticleFactory = Callable[..., Article]


def _three(store: Store, make_article: ArticleFactory) -> list[int]:
    texts = ["Wire text about the harbour fire.", "A copy of the wire.", "A copy of the copy."]
    return [
        s.article_id
        for s in store.add_articles(make_article(t, path=f"{i}.txt") for i, t in enumerate(texts))
    ]


def test_copies_round_trip_and_trees_are_walked_from_any_member(
    store: Store, make_article: ArticleFactory
) -> None:
    wire, copy, copy_of_copy = _three(store, make_article)
    relations = [
        CopyRelation(copy, wire, "near", 0.9, 0.95),
        CopyRelation(copy_of_copy, copy, "contained", 0.45, 1.0),
    ]
    store.replace_copies(relations)
    assert store.copies() == relations
    assert store.copies([wire]) == relations[:1]
    for member in (wire, copy, copy_of_copy):
        assert store.copy_tree(member) == relations


def test_replacing_copies_drops_the_old_ones(store: Store, make_article: ArticleFactory) -> None:
    wire, copy, other = _three(store, make_article)
    store.replace_copies([CopyRelation(copy, wire, "exact", 1.0, 1.0)])
    store.replace_copies([CopyRelation(other, wire, "near", 0.7, 0.8)])
    assert store.copies() == [CopyRelation(other, wire, "near", 0.7, 0.8)]
    assert store.copy_tree(copy) == []


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        ([CopyRelation(1, 999, "near", 0.9, 0.9)], "article 999 is not in"),
        ([CopyRelation(2, 1, "near", 0.9, 0.9), CopyRelation(2, 3, "near", 0.8, 0.8)], "two originals"),
    ],
)
def test_bad_copy_relations_change_nothing(
    store: Store, make_article: ArticleFactory, relations: list[CopyRelation], message: str
) -> None:
    wire, copy, _ = _three(store, make_article)
    kept = [CopyRelation(copy, wire, "near", 0.9, 0.9)]
    store.replace_copies(kept)
    with pytest.raises(StoreError, match=message):
        store.replace_copies(relations)
    assert store.copies() == kept


def test_version_1_store_upgrades_to_hold_copies(db: str, make_article: ArticleFactory) -> None:
    from newstrace.store.engine import make_engine

    engine, where = make_engine(db)
    try:
        assert migrate(engine, where, MIGRATIONS[:1]) == 1
        assert "copies" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
    with open_store(db) as store:
        wire, copy, _ = _three(store, make_article)
        store.replace_copies([CopyRelation(copy, wire, "near", 0.9, 0.9)])
        assert store.copy_tree(wire)[0].original_id == wire
