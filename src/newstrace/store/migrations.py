"""Schema migrations: an ordered list of steps, each applied in its own transaction.

The ``schema_version`` table holds one row per step applied; the store's version is the highest.
Opening a store runs :func:`migrate`, which

- builds an empty database from version 0 up;
- upgrades an older store one step at a time (a crash between steps leaves a store at a valid older
  version, and the next open carries on);
- refuses a database that has tables but no ``schema_version`` (not a newstrace store), and a store
  written by a newer newstrace (its steps are unknown here), with :class:`SchemaError`.

Each step re-reads the version under the writer lock, so two processes opening one new store at once
do not both build it.

Adding a step: write a function that takes the :class:`~sqlalchemy.engine.Connection`, append a
:class:`Migration` with the next version, raise :data:`.schema.SCHEMA_VERSION`, and change
:mod:`.schema` to the new shape. Version 1 builds the tables from :mod:`.schema` as they are today; the
first step that changes one of them must first copy version 1's ``Table`` definitions into
:func:`_create_v1`, so that old stores are still built the way they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newstrace.errors import SchemaError
from newstrace.store import schema
from newstrace.store.engine import write_transaction

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: ``apply`` takes a store at ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_v1(conn: Connection) -> None:
    # Only version 1's tables: later steps add theirs, so a store built today passes through every step.
    schema.METADATA.create_all(conn, tables=list(schema.V1_TABLES))


def _create_v2(conn: Connection) -> None:
    schema.METADATA.create_all(conn, tables=[schema.copies])


def _create_v3(conn: Connection) -> None:
    # Empty: the first regroup after the upgrade finds no placement state, groups the way version 2 did
    # and fills these tables (newstrace.pipeline.regroup).
    schema.METADATA.create_all(conn, tables=list(schema.V3_TABLES))


def _create_v4(conn: Connection) -> None:
    # Empty: the next `newstrace brief N` or `analyze` builds and keeps each brief it writes.
    schema.METADATA.create_all(conn, tables=list(schema.V4_TABLES))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles with revisions, credits and removed parts; stories; runs", _create_v1),
    Migration(2, "copies: which article copies which (copy trees)", _create_v2),
    Migration(3, "placement state: band keys, story centroids, word frequencies", _create_v3),
    Migration(4, "stored briefs with their provenance graphs and entities", _create_v4),
)


def current_version(conn: Connection, where: str) -> int:
    """The schema version of the database behind ``conn``: 0 for an empty database.

    Raises:
        SchemaError: the database has tables but no ``schema_version`` table.
    """
    import sqlalchemy as sa

    tables = set(sa.inspect(conn).get_table_names())
    if schema.schema_version.name not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise SchemaError(
                f"{where} is not a newstrace store: it holds other tables ({shown}) and no schema_version;"
                " give another file or database"
            )
        return 0
    version = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(version or 0)


def migrate(engine: Engine, where: str, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the store up to the last of ``migrations``, one transaction per step.

    Args:
        engine: the store's engine.
        where: the store's display name, for messages.
        migrations: the steps, in version order 1, 2, … (tests pass their own).

    Returns:
        The store's version afterwards (the last step's).

    Raises:
        SchemaError: not a newstrace store, or a store from a newer version.
    """
    import sqlalchemy as sa

    latest = migrations[-1].version if migrations else 0
    while True:
        with write_transaction(engine) as conn:
            version = current_version(conn, where)
            if version > latest:
                raise SchemaError(
                    f"{where} has schema version {version}, but this newstrace knows versions up to {latest};"
                    " upgrade newstrace to open it"
                )
            if version == latest:
                return version
            step = next(m for m in migrations if m.version > version)
            step.apply(conn)
            conn.execute(
                sa.insert(schema.schema_version).values(
                    version=step.version, description=step.description, applied=datetime.now(UTC)
                )
            )
