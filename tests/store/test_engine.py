"""Opening a store: what a ``db`` string names, and a clear one-line reason when it cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.model import Article, SourceRef
from newstrace.store import open_store


def _article(text: str) -> Article:
    return Article(text, SourceRef("note.txt", "text"), text=text)


@pytest.mark.parametrize(
    ("make_db", "expected"),
    [
        (lambda tmp: str(tmp / "missing" / "store.db"), r"directory .*missing does not exist"),
        (lambda tmp: f"sqlite:///{tmp}/missing/store.db", r"directory .*missing does not exist"),
        (lambda tmp: str(tmp), r"it is a directory; give a file name"),
        (lambda tmp: "nosuchdb://host/x", r"unsupported database nosuchdb"),
        (lambda tmp: "postgresql+psycopg2://me@127.0.0.1/x", r"pip install 'psycopg\[binary\]'"),
        (
            lambda tmp: "postgresql+psycopg://me:s3cret@127.0.0.1:1/x",
            r"cannot open store .*127\.0\.0\.1:1",
        ),
    ],
    ids=["missing-dir", "missing-dir-url", "a-directory", "unknown-backend", "missing-driver", "server-down"],
)
def test_store_that_cannot_be_opened_says_why_in_one_line(tmp_path: Path, make_db, expected: str) -> None:
    with pytest.raises(StoreError, match=expected) as raised:
        open_store(make_db(tmp_path))
    message = str(raised.value)
    assert "\n" not in message
    assert "s3cret" not in message  # passwords never reach a message or a log


def test_missing_directory_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "typo" / "store.db"))
    assert not (tmp_path / "typo").exists()


def test_path_and_sqlite_url_name_the_same_store(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with open_store(str(path)) as store:
        list(store.add_articles([_article("Written through the path.")]))
    with open_store(f"sqlite:///{path}") as store:
        assert [a.text for a in store.articles()] == ["Written through the path."]


def test_in_memory_store_works_for_one_session() -> None:
    with open_store("sqlite://") as store:
        assert [s.status for s in store.add_articles([_article("x" * 90), _article("x" * 90)])] == [
            "new",
            "unchanged",
        ]
        assert store.count_articles() == 1


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "store.db")) as store, store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(sa.exc.IntegrityError):  # a credit must belong to a revision
            conn.exec_driver_sql(
                'INSERT INTO credits (revision_id, position, kind, source, text, start, "end")'
                " VALUES (999, 0, 'caption', 'X', 'X', 0, 1)"
            )
