"""The store: articles with every revision, stories and ingest runs, in SQLite (default) or PostgreSQL.

Open one with :func:`open_store`; it creates or upgrades the schema (:mod:`.migrations`) and returns a
:class:`Store` (:mod:`.sql`), whose writes go through :mod:`.writer` (the identity rules below). One
SQLAlchemy Core schema (:mod:`.schema`) serves both backends; what differs between them is confined to
:mod:`.engine`.

Identity and idempotency
------------------------
:meth:`Store.add_articles` decides for each incoming (cleaned) article, in this order:

1. **Unchanged.** The content hash is :attr:`Article.content_hash` (SHA-256 of the NFC-normalised,
   whitespace-collapsed cleaned text). If a stored revision — current or older — has the same hash,
   and either the incoming article has no URL or its normalised URL equals that article's, nothing is
   written: the result is ``unchanged`` with that article's id and the matching revision's number. The
   same content ingested twice is one article, whichever file it came from.
2. **Revision by URL.** Otherwise, if the article has a URL and an article with the same normalised URL
   (:func:`newstrace.ingest.urls.normalise_url`: scheme and host lower-cased, fragment, default port
   and ``utm_*``-style tracking parameters dropped) exists, a new revision is appended and becomes the
   article's current one (``revision``).
3. **Revision by external id.** Otherwise, if the article has no URL but an external id (JSONL ``id``)
   and an article with that external id *and the same source path* exists, likewise a new revision.
4. **New.** Otherwise a new article with revision 1 (``new``).

So the same text under two different URLs (an exact syndicated copy on another site) is two articles,
and grouping, not the store, says they are copies. An article's identity (its normalised URL, external
id and source path) is fixed by its first revision.

Safety
------
Each batch of ``batch_size`` articles is one transaction, and there is one writer at a time (SQLite's
write lock, taken at ``BEGIN IMMEDIATE``; a PostgreSQL advisory lock). A process killed mid-run leaves
every batch it committed and nothing of the one it was writing: no article without its revision, no
revision without its credits and removed parts. Running the same input again finishes the job, since
what was stored comes back ``unchanged``.

Example:
    >>> from newstrace.model import Article, SourceRef
    >>> with open_store("sqlite://") as store:
    ...     a = Article("Rain fell.", SourceRef("a.txt", "text"), text="Rain fell.")
    ...     [s.status for s in store.add_articles([a, a])]
    ['new', 'unchanged']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstrace.store.sql import Store

__all__ = ["Store", "open_store"]


def open_store(db: str) -> Store:
    """Open (creating or upgrading) the store named by ``db``.

    Args:
        db: a file path (``newstrace.db``, ``/tmp/x.db``: an SQLite file, created if missing; its
            directory must exist) or an SQLAlchemy URL (``sqlite:///…``, ``postgresql+psycopg://…``).

    Returns:
        The open store; close it, or use it as a context manager.

    Raises:
        SchemaError: the database is not a newstrace store (it has other tables and no
            ``schema_version``), or was written by a newer newstrace.
        StoreError: the store cannot be opened (missing directory, server unreachable, no driver, not a
            database file); the message is one line.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from newstrace.errors import StoreError
    from newstrace.store.engine import make_engine, one_line
    from newstrace.store.migrations import migrate
    from newstrace.store.sql import Store

    engine, where = make_engine(db)
    try:
        migrate(engine, where)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {where}: {one_line(exc)}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)


def __getattr__(name: str) -> object:
    # Store is imported on first use, so that importing newstrace.store (the CLI does) stays cheap.
    if name == "Store":
        from newstrace.store.sql import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
