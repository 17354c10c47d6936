"""Schema migrations: building a store, upgrading an old one, refusing a newer or a foreign database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.errors import SchemaError, StoreError
from newstrace.model import Article, SourceRef
from newstrace.store import open_store
from newstrace.store.engine import make_engine
from newstrace.store.migrations import MIGRATIONS, Migration, current_version, migrate
from newstrace.store.schema import SCHEMA_VERSION


@pytest.fixture
def engine(db: str) -> Iterator[sa.Engine]:
    made, _ = make_engine(db)
    yield made
    made.dispose()


def _version(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return current_version(conn, "test")


def _tables(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def _add_lookup_table(conn: sa.Connection) -> None:
    conn.execute(sa.text("CREATE TABLE outlet_aliases (alias TEXT PRIMARY KEY, outlet TEXT NOT NULL)"))


def _fail_half_way(conn: sa.Connection) -> None:
    conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
    raise RuntimeError("migration step failed")


def test_empty_database_is_built_to_the_current_version(db: str, engine: sa.Engine) -> None:
    with open_store(db) as store:
        assert store.count_articles() == 0
    assert _version(engine) == SCHEMA_VERSION == MIGRATIONS[-1].version
    assert {
        "articles",
        "revisions",
        "credits",
        "removed_parts",
        "stories",
        "story_articles",
        "runs",
    } <= _tables(engine)
    with open_store(db):  # opening again changes nothing
        pass
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM schema_version")).scalar() == len(MIGRATIONS)


def test_old_store_is_upgraded_and_keeps_its_articles(db: str, engine: sa.Engine) -> None:
    with open_store(db) as store:
        [stored] = store.add_articles([Article("Kept across upgrades.", SourceRef("a.txt", "text"))])
    newer = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "outlet aliases", _add_lookup_table))

    assert migrate(engine, "test", newer) == SCHEMA_VERSION + 1

    assert "outlet_aliases" in _tables(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT raw_text FROM revisions")).scalar() == "Kept across upgrades."
    assert stored.status == "new"


def test_failed_step_leaves_the_store_at_its_old_version(engine: sa.Engine) -> None:
    migrate(engine, "test")
    broken = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", _fail_half_way))

    with pytest.raises(RuntimeError, match="migration step failed"):
        migrate(engine, "test", broken)

    assert _version(engine) == SCHEMA_VERSION
    assert "half_done" not in _tables(engine)  # the step's DDL was rolled back with it


def test_store_from_a_newer_version_is_refused_naming_both_versions(db: str, engine: sa.Engine) -> None:
    migrate(
        engine, "test", (*MIGRATIONS, Migration(SCHEMA_VERSION + 5, "from the future", _add_lookup_table))
    )

    with pytest.raises(SchemaError) as raised:
        open_store(db)

    message = str(raised.value)
    assert f"schema version {SCHEMA_VERSION + 5}" in message
    assert f"up to {SCHEMA_VERSION}" in message
    assert "upgrade newstrace" in message and "\n" not in message


def test_database_of_another_application_is_refused_untouched(db: str, engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
        conn.execute(sa.text("INSERT INTO customers VALUES (1, 'Ada')"))

    with pytest.raises(SchemaError, match=r"not a newstrace store: it holds other tables \(customers\)"):
        open_store(db)

    assert _tables(engine) == {"customers"}


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE ledger (amount INTEGER)")
    with pytest.raises(SchemaError, match="not a newstrace store"):
        open_store(str(path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 200)
    with pytest.raises(StoreError, match="file is not a database"):
        open_store(str(path))
    assert path.read_text().startswith("These are my notes")
