"""What regrouping reads and writes in the store (schema version 3), a few rows per new article.

:meth:`newstrace.store.Store.grouping` opens a :class:`GroupingSession`: one write transaction in which
:func:`newstrace.pipeline.regroup` finds the articles no story holds yet, looks up their copy candidates
by LSH band key (``band_keys``, written with each text by :func:`write_band_keys`), reads the copy trees
and stories those candidates belong to, places the articles with the stored clustering state
(``term_state``, ``story_state``, ``group_state``; the session is the clusterer's
:class:`~newstrace.group.stories.StateSource`) and writes back only what changed. Nothing here reads the
whole corpus, except the one-off :meth:`GroupingSession.fill_band_keys` for stores upgraded from version 2.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from newstrace.group.stories import FEATURES_VERSION, StateChanges, StoryState, TermState
from newstrace.model import Article, CopyRelation, Story
from newstrace.store.engine import in_chunks, new_id, utc_now
from newstrace.store.schema import (
    articles,
    band_keys,
    copies,
    credits,
    group_state,
    revisions,
    stories,
    story_articles,
    story_state,
    term_state,
)

if TYPE_CHECKING:
    import numpy as np
    from sqlalchemy.engine import Connection

# group_state row holding how many articles the stored clustering state was built from; its absence
# means the store has never been grouped under version 3.
_ARTICLES = "articles"
# group_state row holding the clusterer's clock (the newest publication day placed, a date ordinal);
# absent while no placed article had a date.
_CLOCK = "clock"
# group_state row holding the :data:`~newstrace.group.stories.FEATURES_VERSION` the state was built under.
_FEATURES = "features"

# Texts hashed per batch when band keys are filled in (as minhash.shingle_stream's batches).
_FILL_BATCH = 1000


def text_band_keys(texts: Sequence[str]) -> list[np.ndarray]:
    """The LSH band keys of each text as signed 64-bit values (empty for a text without words)."""
    import numpy as np

    from newstrace.group.minhash import band_keys as make_keys
    from newstrace.group.minhash import signatures

    if not texts:
        return []
    sigs, sizes = signatures(texts)
    keys = make_keys(sigs).view(np.int64)
    return [keys[i] if sizes[i] > 0 else keys[i][:0] for i in range(len(texts))]


def write_band_keys(conn: Connection, ids: Sequence[int], texts: Sequence[str]) -> None:
    """Replace the band keys of articles ``ids`` with those of ``texts`` (their current texts)."""
    if not ids:
        return
    for chunk in in_chunks(list(ids)):
        conn.execute(sa.delete(band_keys).where(band_keys.c.article_id.in_(chunk)))
    rows = [
        {"article_id": article_id, "key": int(key)}
        for article_id, keys in zip(ids, text_band_keys(texts), strict=True)
        for key in keys.tolist()
    ]
    if rows:
        conn.execute(sa.insert(band_keys), rows)


class GroupingSession:
    """Reads and writes of one regrouping, inside the caller's write transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # --------------------------------------------------------------------- StateSource (stories.py)

    def article_count(self) -> int:
        """How many articles the stored clustering state was built from (0 when there is none)."""
        value = self._conn.execute(
            sa.select(group_state.c.value).where(group_state.c.name == _ARTICLES)
        ).scalar()
        return int(value or 0)

    def next_story_key(self) -> int:
        """One above the largest story id in use."""
        return int(self._conn.execute(sa.select(sa.func.max(stories.c.id))).scalar() or 0) + 1

    def terms(self, words: list[str]) -> dict[str, TermState]:
        """Stored document frequency and posting list of each of ``words`` that has them."""
        found: dict[str, TermState] = {}
        for chunk in in_chunks(words):
            for row in self._conn.execute(sa.select(term_state).where(term_state.c.term.in_(chunk))):
                found[row.term] = TermState(row.df, list(row.postings))
        return found

    def stories(self, keys: list[int]) -> dict[int, StoryState]:
        """Stored placement state of each of the stories ``keys`` that has one."""
        found: dict[int, StoryState] = {}
        for chunk in in_chunks(keys):
            query = sa.select(story_state).where(story_state.c.story_id.in_(chunk))
            for row in self._conn.execute(query):
                found[row.story_id] = StoryState(
                    dict(row.centroid), row.first_day, row.last_day, row.size, row.length
                )
        return found

    def last_days(self, keys: list[int]) -> dict[int, int | None]:
        """Stored last publication day of each of the stories ``keys`` that has a state (two columns,
        no centroid read: the clusterer asks this of every story in a posting list it sweeps)."""
        found: dict[int, int | None] = {}
        for chunk in in_chunks(keys):
            query = sa.select(story_state.c.story_id, story_state.c.last_day).where(
                story_state.c.story_id.in_(chunk)
            )
            found.update((story_id, last) for story_id, last in self._conn.execute(query))
        return found

    def clock(self) -> int | None:
        """The newest publication day placed so far, as stored (None: none was dated)."""
        query = sa.select(group_state.c.value).where(group_state.c.name == _CLOCK)
        value = self._conn.execute(query).scalar()
        return None if value is None else int(value)

    # ---------------------------------------------------------------------------------------- reads

    def has_state(self) -> bool:
        """Whether the store holds placement state new articles can be placed against: grouped under
        schema version 3 or later, with the article features of this newstrace (a store grouped by an
        older feature set is regrouped whole)."""
        query = sa.select(group_state.c.name, group_state.c.value).where(
            group_state.c.name.in_((_ARTICLES, _FEATURES))
        )
        found = dict(self._conn.execute(query).all())
        return _ARTICLES in found and found.get(_FEATURES) == FEATURES_VERSION

    def ungrouped_ids(self) -> list[int]:
        """Ids of the articles no story holds, ascending (an anti-join on story_articles' index)."""
        query = (
            sa.select(articles.c.id)
            .where(~sa.exists().where(story_articles.c.article_id == articles.c.id))
            .order_by(articles.c.id)
        )
        return list(self._conn.execute(query).scalars())

    def band_neighbours(self, keys: Iterable[int], exclude: set[int], per_key: int) -> list[int]:
        """Articles sharing a band key with ``keys``: per key the ``per_key`` newest, never ``exclude``.

        A dispatch copied a thousand times fills its buckets; its newest copies are enough to reach its
        copy tree (as :mod:`newstrace.group.lsh` pairs each document with a few bucket neighbours).
        """
        bucket: dict[int, list[int]] = defaultdict(list)
        for chunk in in_chunks(sorted(set(keys))):
            query = sa.select(band_keys.c.key, band_keys.c.article_id).where(band_keys.c.key.in_(chunk))
            for key, article_id in self._conn.execute(query):
                if article_id not in exclude:
                    bucket[key].append(article_id)
        found: set[int] = set()
        for ids in bucket.values():
            found.update(sorted(ids)[-per_key:])
        return sorted(found)

    def articles(self, ids: Sequence[int]) -> list[Article]:
        """Current revisions of articles ``ids`` (all present), in that order."""
        from newstrace.store.sql import _load

        current = sa.and_(
            revisions.c.article_id == articles.c.id, revisions.c.revision == articles.c.current_revision
        )
        rows: dict[int, Any] = {}
        for chunk in in_chunks(list(dict.fromkeys(ids))):
            query = sa.select(revisions).join(articles, current).where(articles.c.id.in_(chunk))
            rows.update((row.article_id, row) for row in self._conn.execute(query))
        loaded = {a.id: a for a in _load(self._conn, [rows[i] for i in dict.fromkeys(ids)])}
        return [loaded[i] for i in ids]

    def copy_trees(self, ids: Iterable[int]) -> list[CopyRelation]:
        """Every stored copy edge of the trees that hold any of ``ids`` (walked level by level)."""
        seen = set(ids)
        level = sorted(seen)
        edges: dict[int, CopyRelation] = {}
        while level:
            nxt: set[int] = set()
            for chunk in in_chunks(level):
                touching = sa.or_(copies.c.copy_id.in_(chunk), copies.c.original_id.in_(chunk))
                for r in self._conn.execute(sa.select(copies).where(touching)):
                    edges[r.copy_id] = CopyRelation(
                        r.copy_id, r.original_id, r.kind, r.similarity, r.containment
                    )
                    nxt.update(i for i in (r.copy_id, r.original_id) if i not in seen)
            seen |= nxt
            level = sorted(nxt)
        return [edges[k] for k in sorted(edges)]

    def credited_sources(self) -> set[str]:
        """Casefolded sources credited by any current revision (a credited outlet ranks as the original)."""
        current = sa.and_(
            revisions.c.article_id == articles.c.id, revisions.c.revision == articles.c.current_revision
        )
        query = (
            sa.select(credits.c.source)
            .distinct()
            .join(revisions, revisions.c.id == credits.c.revision_id)
            .join(articles, current)
            .where(credits.c.kind != "metadata")
        )
        return {source.casefold() for source in self._conn.execute(query).scalars()}

    def story_ids_of(self, article_ids: Iterable[int]) -> dict[int, int]:
        """The story of each of ``article_ids`` that is in one."""
        found: dict[int, int] = {}
        for chunk in in_chunks(sorted(set(article_ids))):
            query = sa.select(story_articles).where(story_articles.c.article_id.in_(chunk))
            found.update((row.article_id, row.story_id) for row in self._conn.execute(query))
        return found

    # --------------------------------------------------------------------------------------- writes

    def fill_band_keys(self) -> None:
        """Write band keys for articles that have none (stores upgraded from schema version 2)."""
        query = (
            sa.select(articles.c.id)
            .where(~sa.exists().where(band_keys.c.article_id == articles.c.id))
            .order_by(articles.c.id)
        )
        missing = list(self._conn.execute(query).scalars())
        for start in range(0, len(missing), _FILL_BATCH):
            chunk = self.articles(missing[start : start + _FILL_BATCH])
            write_band_keys(self._conn, [a.id for a in chunk], [a.text or a.raw_text for a in chunk])  # type: ignore[misc]

    def replace_copy_trees(self, members: Iterable[int], relations: Sequence[CopyRelation]) -> None:
        """Replace the copy edges whose copy is one of ``members`` with ``relations``."""
        for chunk in in_chunks(sorted(set(members))):
            self._conn.execute(sa.delete(copies).where(copies.c.copy_id.in_(chunk)))
        if relations:
            self._conn.execute(sa.insert(copies), copy_rows(relations))

    def add_to_story(self, story_id: int, article_ids: Sequence[int]) -> None:
        """Append articles to a stored story, after its current members."""
        last = self._conn.execute(
            sa.select(sa.func.max(story_articles.c.position)).where(story_articles.c.story_id == story_id)
        ).scalar()
        start = -1 if last is None else int(last)
        rows = [
            {"story_id": story_id, "article_id": a, "position": start + 1 + p}
            for p, a in enumerate(article_ids)
        ]
        if rows:
            self._conn.execute(sa.insert(story_articles), rows)

    def create_story(self, story: Story) -> int:
        """Keep a new story; returns its id."""
        story_id = new_id(self._conn.execute(sa.insert(stories).values(title=story.title, created=utc_now())))
        rows = [
            {"story_id": story_id, "article_id": a, "position": p} for p, a in enumerate(story.article_ids)
        ]
        if rows:
            self._conn.execute(sa.insert(story_articles), rows)
        return story_id

    def save_state(self, changes: StateChanges, story_ids: dict[int, int], replace: bool = False) -> None:
        """Write the clusterer's changed words and stories, their story keys mapped to story ids.

        Args:
            changes: :meth:`~newstrace.group.stories.StoryClusterer.changes`.
            story_ids: clusterer key → story id, for keys that are not story ids already; a key with no
                stored story (an emptied one) is dropped from posting lists.
            replace: drop every stored word and story state first (a full regrouping).
        """
        if replace:
            for table in (term_state, story_state, group_state):
                self._conn.execute(sa.delete(table))

        def mapped(key: int) -> int | None:
            return story_ids.get(key, None if key in story_ids or replace else key)

        words = list(changes.terms)
        if not replace:
            for chunk in in_chunks(words):
                self._conn.execute(sa.delete(term_state).where(term_state.c.term.in_(chunk)))
        term_rows = [
            {
                "term": word,
                "df": state.df,
                "postings": [k for k in map(mapped, state.postings) if k is not None],
            }
            for word, state in changes.terms.items()
        ]
        if term_rows:
            self._conn.execute(sa.insert(term_state), term_rows)
        story_rows = []
        for key, state in changes.stories.items():
            story_id = mapped(key)
            if story_id is None or state.size == 0:
                continue
            story_rows.append(
                {
                    "story_id": story_id,
                    "centroid": state.centroid,
                    "first_day": state.first,
                    "last_day": state.last,
                    "size": state.size,
                    "length": state.length,
                }
            )
        if not replace:
            for chunk in in_chunks([r["story_id"] for r in story_rows]):
                self._conn.execute(sa.delete(story_state).where(story_state.c.story_id.in_(chunk)))
        if story_rows:
            self._conn.execute(sa.insert(story_state), story_rows)
        names = (_ARTICLES, _CLOCK, _FEATURES)
        self._conn.execute(sa.delete(group_state).where(group_state.c.name.in_(names)))
        self._conn.execute(sa.insert(group_state).values(name=_ARTICLES, value=changes.article_count))
        self._conn.execute(sa.insert(group_state).values(name=_FEATURES, value=FEATURES_VERSION))
        if changes.clock is not None:
            self._conn.execute(sa.insert(group_state).values(name=_CLOCK, value=changes.clock))


def copy_rows(relations: Sequence[CopyRelation]) -> list[dict[str, Any]]:
    """Rows of the ``copies`` table for ``relations``."""
    return [
        {
            "copy_id": r.copy_id,
            "original_id": r.original_id,
            "kind": r.kind,
            "similarity": r.similarity,
            "containment": r.containment,
        }
        for r in relations
    ]
