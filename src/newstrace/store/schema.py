"""The store's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

This module describes the *current* schema version (:data:`SCHEMA_VERSION`); :mod:`.migrations` builds
it and upgrades older stores to it. Layout::

    schema_version   one row per migration applied (version, description, applied)
    articles         one row per article: its identity (normalised URL, external id + source path)
                     and which revision is current
    revisions        every version of an article's text and metadata, append-only
    credits          the credits of one revision, in order        (revision_id → revisions)
    removed_parts    what cleaning removed from one revision       (revision_id → revisions)
    stories          one row per story
    story_articles   which articles a story holds, in order (indexed both ways, so a later incremental
                     grouping can find an article's story without reading every story)
    runs             one row per ingest run, with its counts and input paths
    rejections       one row per input a run skipped, with the reason
    copies           (version 2) which article copies which: one row per copy-tree edge, the copy's
                     original, the kind (exact / near / contained) and the shingle similarity and
                     containment; indexed by original so "copies of X" is one lookup
    band_keys        (version 3) the MinHash LSH band keys of each article's current text, written in the
                     same transaction as the text; indexed by key, so a new article's copy candidates are
                     a few indexed lookups, not a pass over the corpus
    story_state      (version 3) what story placement keeps of each story: centroid (JSON word → weight),
                     first and last publication day, size and centroid norm
    term_state       (version 3) per word: document frequency and the stories whose centroid took it in
                     (JSON list, the blocking index)
    group_state      (version 3) named counters of the placement state ("articles": articles placed)
    briefs           (version 4) each story's last built brief: the JSON as render_json writes it, and
                     the key it was built under (story members and revisions, options, brief schema), so
                     ``newstrace brief N`` reuses it while the key still matches (newstrace.store.briefs)
    provenance_nodes (version 4) the nodes of each stored brief's provenance graph, and
    provenance_edges (version 4) its edges, so "which stories rely on KCNA?" is one SQL query
    story_entities   (version 4) the merged entities of each stored brief, with their aliases (JSON list)

Column types are chosen to mean the same thing on both backends: ``Text`` for anything a user wrote
(no length limits to trip over), ``String(64)`` for hex digests, ``Integer`` for offsets and date parts.
"""

from __future__ import annotations

import sqlalchemy as sa

# The version this code writes. Raise it together with a new entry in migrations.MIGRATIONS.
SCHEMA_VERSION = 4

METADATA = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied", sa.DateTime(timezone=True), nullable=False),
)

# Ids users see (articles, stories, runs) are never reused, not even after stories are replaced: a
# brief or a bookmark that names story 7 must never show another story. SQLite reuses the largest
# rowid after a delete unless the table is AUTOINCREMENT; PostgreSQL sequences never go back.
articles = sa.Table(
    "articles",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    # normalise_url(url) of the first revision that had one; NULL for articles known only by content or
    # external id. Looked up through url_hash: a PostgreSQL btree refuses keys over ~2.7 kB, and
    # tracking-laden URLs get that long, so the index holds a fixed-size digest instead.
    sa.Column("url_key", sa.Text, nullable=True),
    sa.Column("url_hash", sa.String(64), nullable=True, unique=True),
    sa.Column("external_id", sa.Text, nullable=True, index=True),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("current_revision", sa.Integer, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

revisions = sa.Table(
    "revisions",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),  # as given; articles.url_key holds the normalised form
    sa.Column("outlet", sa.Text),
    sa.Column("outlet_source", sa.String(16)),
    sa.Column("byline", sa.Text),
    # A PartialDate: each part may be NULL ("September 12" has no year); published_iso is its iso()
    # form, NULL when there is no date at all (which keeps PartialDate() apart from None).
    sa.Column("published_year", sa.Integer),
    sa.Column("published_month", sa.Integer),
    sa.Column("published_day", sa.Integer),
    sa.Column("published_iso", sa.String(10)),
    sa.Column("published_source", sa.String(16)),
    sa.Column("dateline_place", sa.Text),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("source_format", sa.String(8), nullable=False),
    sa.Column("source_line", sa.Integer),
    sa.Column("external_id", sa.Text),
    sa.Column("ingested", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("article_id", "revision", name="uq_revisions_article_revision"),
)

credits = sa.Table(
    "credits",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "revision_id",
        sa.Integer,
        sa.ForeignKey("revisions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

removed_parts = sa.Table(
    "removed_parts",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "revision_id",
        sa.Integer,
        sa.ForeignKey("revisions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

stories = sa.Table(
    "stories",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

story_articles = sa.Table(
    "story_articles",
    METADATA,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
)

runs = sa.Table(
    "runs",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished", sa.DateTime(timezone=True), nullable=False),
    sa.Column("read", sa.Integer, nullable=False),
    sa.Column("new", sa.Integer, nullable=False),
    sa.Column("revisions", sa.Integer, nullable=False),
    sa.Column("unchanged", sa.Integer, nullable=False),
    sa.Column("paths", sa.JSON, nullable=False),
    sqlite_autoincrement=True,
)

rejections = sa.Table(
    "rejections",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("reason", sa.Text, nullable=False),
)

# Version 2. An article copies at most one original (its parent in the copy tree), so copy_id is the key.
copies = sa.Table(
    "copies",
    METADATA,
    sa.Column("copy_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "original_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("containment", sa.Float, nullable=False),
)

# Version 3: what placing one new article needs, so that regrouping reads only what the article touches
# (newstrace.store.grouping). Band keys are unsigned 64-bit values stored as their signed reinterpretation.
band_keys = sa.Table(
    "band_keys",
    METADATA,
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("key", sa.BigInteger, nullable=False, index=True),
)

story_state = sa.Table(
    "story_state",
    METADATA,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("centroid", sa.JSON, nullable=False),
    sa.Column("first_day", sa.Integer),
    sa.Column("last_day", sa.Integer),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("length", sa.Float, nullable=False),
)

term_state = sa.Table(
    "term_state",
    METADATA,
    sa.Column("term", sa.Text, primary_key=True),
    sa.Column("df", sa.Integer, nullable=False),
    sa.Column("postings", sa.JSON, nullable=False),
)

group_state = sa.Table(
    "group_state",
    METADATA,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

V3_TABLES = (band_keys, story_state, term_state, group_state)

# Version 4: stored briefs. Every row hangs off a story, so replacing or deleting stories drops them.
briefs = sa.Table(
    "briefs",
    METADATA,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("built", sa.DateTime(timezone=True), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

provenance_nodes = sa.Table(
    "provenance_nodes",
    METADATA,
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("node_id", sa.Text, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    # Indexed: "which stories rely on KCNA?" looks nodes up by label.
    sa.Column("label", sa.Text, nullable=False, index=True),
    sa.Column("article_id", sa.Integer, nullable=True),
)

provenance_edges = sa.Table(
    "provenance_edges",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
)

story_entities = sa.Table(
    "story_entities",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),  # the brief's order: most-mentioned first
    sa.Column("canonical", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
)

V4_TABLES = (briefs, provenance_nodes, provenance_edges, story_entities)

# The tables version 1 built; migrations._create_v1 builds exactly these, so old stores upgrade step by step.
V1_TABLES = (
    schema_version,
    articles,
    revisions,
    credits,
    removed_parts,
    stories,
    story_articles,
    runs,
    rejections,
)
