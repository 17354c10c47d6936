"""Connections to the store's database: which backend a ``db`` string names, and how transactions run.

SQLite (the default) and PostgreSQL are reached through one SQLAlchemy Core engine; the few things
that differ between them live here and nowhere else:

- **SQLite** runs in WAL mode (readers never block the writer nor it them), with foreign keys on and a
  busy timeout. Python's ``sqlite3`` module opens transactions lazily and lets DDL autocommit, which
  would break "one batch, one transaction"; so it is told to stay out of the way
  (``isolation_level = None``) and we emit ``BEGIN`` ourselves: ``BEGIN IMMEDIATE`` for writes, so a
  writer takes the write lock before it reads what it is about to decide on, plain ``BEGIN`` for reads.
- **PostgreSQL** writers take a transaction-scoped advisory lock, so there is one writer at a time just
  as on SQLite (two concurrent ingests cannot both decide that a URL is new); readers use REPEATABLE READ
  so a multi-statement read sees one snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstrace.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, CursorResult, Engine

# An SQLAlchemy URL: a scheme (dialect, optionally "+driver") followed by "://". Anything else is a path.
# Windows drive paths ("C:\\x.db") do not match: their colon is not followed by "//".
DB_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")

# How long an SQLite connection waits for the write lock before failing with "database is locked".
# A writer holds it for one batch (200 articles commit in well under a second on a laptop disk), so
# 30 s rides out a slow batch or a WAL checkpoint without letting a stuck process hang a run forever.
SQLITE_BUSY_TIMEOUT_MS = 30_000

# Key of the PostgreSQL advisory lock that serialises writers ("news" in ASCII); any constant works as
# long as every newstrace process uses the same one.
PG_WRITER_LOCK = 0x6E657773

# Most values bound in one IN (...) list. SQLite before 3.32 allowed 999 host parameters per
# statement; 500 stays under that with room for the statement's own parameters, and is large enough
# that loading 100k articles takes a few hundred round trips, not 100k.
IN_CHUNK = 500


# Execution option that marks a connection as a writer (the "begin" hook reads it).
_WRITE_OPTION = "newstrace_write"


def make_engine(db: str) -> tuple[Engine, str]:
    """An engine for the store named by ``db``, and a name for it that is safe to show (no password).

    Args:
        db: a file path (an SQLite file, created if missing; its directory must exist) or an
            SQLAlchemy URL (``sqlite:///…``, ``postgresql+psycopg://user@host/db``).

    Returns:
        The engine (nothing is connected yet) and its display name.

    Raises:
        StoreError: the directory is missing, the path is a directory, the URL is malformed or names
            a backend whose driver is not installed.
    """
    import sqlalchemy as sa

    if DB_URL.match(db):
        try:
            url = sa.engine.make_url(db)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"cannot open store: {db!r} is not a valid database URL") from exc
        shown = url.render_as_string(hide_password=True)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            _check_sqlite_path(Path(url.database), shown)
    else:
        path = Path(db).expanduser()
        shown = str(path)
        _check_sqlite_path(path, shown)
        url = sa.engine.URL.create("sqlite+pysqlite", database=str(path))
    try:
        engine = sa.create_engine(url)
    except (sa.exc.NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(f"cannot open store {shown}: {_driver_hint(url.drivername, exc)}") from exc
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"cannot open store {shown}: {one_line(exc)}") from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, on_disk=url.database not in (None, "", ":memory:"))
    return engine, shown


def _check_sqlite_path(path: Path, shown: str) -> None:
    if path.is_dir():
        raise StoreError(
            f"cannot open store {shown}: it is a directory; give a file name such as {path}/newstrace.db"
        )
    if not path.parent.is_dir():
        raise StoreError(f"cannot open store {shown}: directory {path.parent} does not exist")


def _driver_hint(drivername: str, exc: BaseException) -> str:
    if drivername.startswith("postgresql"):
        return (
            f"no driver for {drivername} ({one_line(exc)}); install psycopg with"
            " pip install 'psycopg[binary]' and use a postgresql+psycopg:// URL"
        )
    return f"unsupported database {drivername} ({one_line(exc)}); use a file path, sqlite:/// or postgresql+psycopg://"


def _configure_sqlite(engine: Engine, *, on_disk: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see the module docstring)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if on_disk:
            cursor.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL loses no committed transaction when a process dies; only a power cut
            # can drop the last few, and it never corrupts the file.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside one write transaction: committed when the block ends, rolled back on error.

    Only one write transaction runs at a time across processes (SQLite's write lock, PostgreSQL's
    advisory lock), so what a writer reads before it writes is still true when it commits.
    """
    import sqlalchemy as sa

    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_WRITER_LOCK)))
            yield conn


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside one read-only snapshot (several statements see the same data)."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


@contextmanager
def translate_errors(action: str, where: str) -> Iterator[None]:
    """Turn a database error inside the block into a one-line :class:`StoreError`.

    Args:
        action: what was being done, as a verb phrase ("store articles").
        where: the store's display name.
    """
    import sqlalchemy as sa

    try:
        yield
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot {action} in {where}: {one_line(exc)}") from exc


def one_line(exc: BaseException) -> str:
    """The first line of a (database) error's message, without SQLAlchemy's SQL echo and links."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def in_chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in slices of at most :data:`IN_CHUNK`, one ``IN (...)`` list each."""
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def utc_now() -> datetime:
    """The time stamps the store writes: timezone-aware, in UTC."""
    return datetime.now(UTC)


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an ``INSERT`` of one row created."""
    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise StoreError("the database did not report the id of a new row")
    return int(key[0])
