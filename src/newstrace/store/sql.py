"""The store: articles (with every revision), stories and runs, in SQLAlchemy Core over one schema.

Open it with :func:`newstrace.store.open_store`. The identity rules of :meth:`Store.add_articles` are
written down in :mod:`newstrace.store` and applied by :mod:`.writer`; reads here load credits and
removed parts with a few ``IN (...)`` queries per 500 articles.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.model import (
    Article,
    Brief,
    CopyRelation,
    Credit,
    PartialDate,
    Rejection,
    RemovedPart,
    RunReport,
    SourceRef,
    Stored,
    Story,
)
from newstrace.store.engine import (
    in_chunks,
    new_id,
    read_transaction,
    translate_errors,
    utc_now,
    write_transaction,
)
from newstrace.store.grouping import copy_rows
from newstrace.store.schema import (
    articles,
    copies,
    credits,
    rejections,
    removed_parts,
    revisions,
    runs,
    stories,
    story_articles,
)
from newstrace.store.writer import BatchWriter

if TYPE_CHECKING:
    from types import TracebackType

    from sqlalchemy.engine import Connection, Engine, Row

    from newstrace.store.grouping import GroupingSession


class Store:
    """Articles, stories and runs kept in one SQLite or PostgreSQL database.

    Every write is one transaction; reads see one snapshot. Use as a context manager or call
    :meth:`close`. Create with :func:`newstrace.store.open_store`, which builds and migrates the schema.
    """

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self.where = where
        self._run_started = utc_now()

    def __repr__(self) -> str:
        return f"Store({self.where!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections. The store cannot be used afterwards."""
        self._engine.dispose()

    # ----------------------------------------------------------------------------------------- articles

    def add_articles(self, articles: Iterable[Article], batch_size: int = 200) -> Iterator[Stored]:
        """Keep cleaned articles, one transaction per ``batch_size`` of them; yield what became of each.

        Lazy: nothing is read from ``articles`` or written until the caller iterates. Results of a
        batch are yielded after it commits, in input order, and each input article gets its ``id`` and
        ``revision`` set. If ``articles`` raises, or the process dies, the batches already yielded stay
        and the current one is not written at all; running the same input again completes it.

        Args:
            articles: cleaned articles (``text``, ``credits`` and ``removed`` filled in).
            batch_size: articles per transaction (``Options.batch_size``).

        Yields:
            One :class:`Stored` per article: ``new``, ``revision`` or ``unchanged``.

        Raises:
            StoreError: the database refused the write (locked past the busy timeout, disk full, …).
            ValueError: ``batch_size`` is not positive.
        """
        if batch_size <= 0:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._add_batch(batch)
                batch = []
        if batch:
            yield from self._add_batch(batch)

    def _add_batch(self, batch: list[Article]) -> list[Stored]:
        with translate_errors("store articles", self.where), write_transaction(self._engine) as conn:
            results = BatchWriter(conn, batch).write()
        for article, stored in zip(batch, results, strict=True):
            article.id = stored.article_id
            article.revision = stored.revision
        return results

    def article(self, article_id: int) -> Article:
        """The current revision of one article.

        Raises:
            StoreError: there is no article with this id.
        """
        return self.articles([article_id])[0]

    def articles(self, ids: Iterable[int] | None = None) -> list[Article]:
        """Current revisions of the articles with ``ids`` (in that order), or of all articles by id.

        Credits and removed parts are loaded with a few ``IN (...)`` queries per 500 articles, not
        one query per article.

        Raises:
            StoreError: an id is not in the store (the message names every missing id).
        """
        current = sa.and_(
            revisions.c.article_id == articles.c.id, revisions.c.revision == articles.c.current_revision
        )
        base = sa.select(revisions).join(articles, current)
        with translate_errors("read articles", self.where), read_transaction(self._engine) as conn:
            if ids is None:
                rows = list(conn.execute(base.order_by(articles.c.id)))
                return _load(conn, rows)
            wanted = list(dict.fromkeys(ids))
            found: dict[int, Row[Any]] = {}
            for chunk in in_chunks(wanted):
                for row in conn.execute(base.where(articles.c.id.in_(chunk))):
                    found[row.article_id] = row
            missing = [i for i in wanted if i not in found]
            if missing:
                raise StoreError(f"no article {', '.join(map(str, missing))} in {self.where}")
            loaded = {a.id: a for a in _load(conn, [found[i] for i in wanted])}
        return [loaded[i] for i in wanted]

    def revisions(self, article_id: int) -> list[Article]:
        """Every revision of one article, oldest first (``revision`` 1, 2, …).

        Raises:
            StoreError: there is no article with this id.
        """
        query = (
            sa.select(revisions).where(revisions.c.article_id == article_id).order_by(revisions.c.revision)
        )
        with translate_errors("read revisions", self.where), read_transaction(self._engine) as conn:
            rows = list(conn.execute(query))
            if not rows:
                raise StoreError(f"no article {article_id} in {self.where}")
            return _load(conn, rows)

    def count_articles(self) -> int:
        """How many articles the store holds (revisions of one article count once)."""
        with translate_errors("count articles", self.where), read_transaction(self._engine) as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    # ------------------------------------------------------------------------------------------ stories

    def replace_stories(self, new: Sequence[Story]) -> list[Story]:
        """Replace every story with ``new``, in one transaction; return them with their ids.

        A story's ``article_ids`` keep their order (a repeated id is kept once). A story whose ``id`` is set
        keeps that id (so a regrouping can keep the ids users already know); the others get new ids. Only
        ids the store itself handed out before may be given: both backends then never hand them out again.

        Raises:
            StoreError: a story names an article the store does not hold (nothing is changed).
        """
        with translate_errors("replace stories", self.where), write_transaction(self._engine) as conn:
            named = list(dict.fromkeys(i for s in new for i in s.article_ids))
            known: set[int] = set()
            for chunk in in_chunks(named):
                known.update(conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
            for story in new:
                unknown = [i for i in story.article_ids if i not in known]
                if unknown:
                    raise StoreError(
                        f"cannot replace stories: story {story.title!r} names article"
                        f" {', '.join(map(str, unknown))}, which {self.where} does not hold"
                    )
            conn.execute(sa.delete(story_articles))
            conn.execute(sa.delete(stories))
            created = utc_now()
            kept: list[Story] = []
            links: list[dict[str, int]] = []
            for story in new:
                values = {"title": story.title, "created": created}
                if story.id is not None:
                    values["id"] = story.id
                story_id = new_id(conn.execute(sa.insert(stories).values(**values)))
                ids = tuple(dict.fromkeys(story.article_ids))
                links += [{"story_id": story_id, "article_id": a, "position": p} for p, a in enumerate(ids)]
                kept.append(dataclasses.replace(story, id=story_id, article_ids=ids))
            if links:
                conn.execute(sa.insert(story_articles), links)
        return kept

    def stories(self) -> list[Story]:
        """Every story, by id, with its articles in the order they were given."""
        return self._stories(None)

    def story(self, story_id: int) -> Story:
        """One story.

        Raises:
            StoreError: there is no story with this id.
        """
        found = self._stories(story_id)
        if not found:
            raise StoreError(f"no story {story_id} in {self.where}")
        return found[0]

    def _stories(self, story_id: int | None) -> list[Story]:
        heads = sa.select(stories).order_by(stories.c.id)
        links = sa.select(story_articles).order_by(story_articles.c.story_id, story_articles.c.position)
        if story_id is not None:
            heads = heads.where(stories.c.id == story_id)
            links = links.where(story_articles.c.story_id == story_id)
        with translate_errors("read stories", self.where), read_transaction(self._engine) as conn:
            members: dict[int, list[int]] = defaultdict(list)
            for link in conn.execute(links):
                members[link.story_id].append(link.article_id)
            return [Story(tuple(members[row.id]), row.title, row.id) for row in conn.execute(heads)]

    # ----------------------------------------------------------------------------------------- grouping

    @contextmanager
    def grouping(self) -> Iterator[GroupingSession]:
        """One regrouping's reads and writes (:mod:`.grouping`), in one write transaction."""
        from newstrace.store.grouping import GroupingSession

        with translate_errors("regroup", self.where), write_transaction(self._engine) as conn:
            yield GroupingSession(conn)

    # ------------------------------------------------------------------------------------------- copies

    def replace_copies(self, relations: Sequence[CopyRelation]) -> None:
        """Replace every copy relation with ``relations`` (one copy-tree edge each), in one transaction.

        Raises:
            StoreError: a relation names an article the store does not hold, or one article is given
                two originals (nothing is changed).
        """
        with translate_errors("replace copies", self.where), write_transaction(self._engine) as conn:
            named = list(dict.fromkeys(i for r in relations for i in (r.copy_id, r.original_id)))
            known: set[int] = set()
            for chunk in in_chunks(named):
                known.update(conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
            seen: set[int] = set()
            for relation in relations:
                unknown = [i for i in (relation.copy_id, relation.original_id) if i not in known]
                if unknown:
                    raise StoreError(f"cannot replace copies: article {unknown[0]} is not in {self.where}")
                if relation.copy_id in seen:
                    raise StoreError(f"cannot replace copies: article {relation.copy_id} has two originals")
                seen.add(relation.copy_id)
            conn.execute(sa.delete(copies))
            if relations:
                conn.execute(sa.insert(copies), copy_rows(relations))

    def copies(self, article_ids: Iterable[int] | None = None) -> list[CopyRelation]:
        """Copy relations touching ``article_ids`` (as copy or original), or all of them; by copy id."""
        query = sa.select(copies).order_by(copies.c.copy_id)
        with translate_errors("read copies", self.where), read_transaction(self._engine) as conn:
            if article_ids is None:
                rows = list(conn.execute(query))
            else:
                wanted = list(dict.fromkeys(article_ids))
                found: dict[int, Row[Any]] = {}
                for chunk in in_chunks(wanted):
                    touching = sa.or_(copies.c.copy_id.in_(chunk), copies.c.original_id.in_(chunk))
                    found.update((row.copy_id, row) for row in conn.execute(query.where(touching)))
                rows = [found[k] for k in sorted(found)]
        return [CopyRelation(r.copy_id, r.original_id, r.kind, r.similarity, r.containment) for r in rows]

    def copy_tree(self, article_id: int) -> list[CopyRelation]:
        """Every edge of the copy tree that holds ``article_id`` (empty when it is nobody's copy or original).

        Walks up to the root, then down, one indexed query per level.
        """
        root = article_id
        seen = {root}
        while True:
            up = self.copies([root])
            parent = next((r.original_id for r in up if r.copy_id == root), None)
            if parent is None or parent in seen:
                break
            seen.add(parent)
            root = parent
        edges: list[CopyRelation] = []
        level = [root]
        visited = {root}
        while level:
            below = [r for r in self.copies(level) if r.original_id in level and r.copy_id not in visited]
            edges += below
            level = [r.copy_id for r in below]
            visited.update(level)
        return edges

    # ------------------------------------------------------------------------------------------- briefs

    def save_brief(self, story_id: int, key: str, brief: Brief) -> None:
        """Keep the story's brief under ``key`` (:func:`.briefs.brief_key`), with its provenance graph and
        entities as rows; one transaction replaces what was stored for the story before.

        Raises:
            StoreError: there is no story with this id (nothing is changed).
        """
        from newstrace.brief.jsonout import render_json
        from newstrace.store.briefs import write_brief

        body = render_json(brief)
        with translate_errors("store the brief", self.where), write_transaction(self._engine) as conn:
            if conn.execute(sa.select(stories.c.id).where(stories.c.id == story_id)).first() is None:
                raise StoreError(f"cannot store the brief: no story {story_id} in {self.where}")
            write_brief(conn, story_id, key, brief, body)

    def stored_brief(self, story_id: int, key: str) -> dict[str, Any] | None:
        """The story's stored brief (its JSON as a dict) when it was built under ``key``, else None."""
        from newstrace.store.briefs import read_brief

        with translate_errors("read the brief", self.where), read_transaction(self._engine) as conn:
            return read_brief(conn, story_id, key)

    def stories_relying_on(self, origin: str) -> list[int]:
        """Ids of the stories whose stored brief's provenance graph has an article relying on ``origin``
        (a source or agency label, any case): "which stories rely on KCNA?".
        """
        from newstrace.store.briefs import stories_relying_on

        with translate_errors("read provenance", self.where), read_transaction(self._engine) as conn:
            return stories_relying_on(conn, origin)

    # --------------------------------------------------------------------------------------------- runs

    def record_run(self, report: RunReport, paths: Sequence[str], started: datetime | None = None) -> int:
        """Keep one ingest run: its counts, the paths it was given, and why each rejected input was skipped.

        Args:
            report: the run's counts and rejections.
            paths: the inputs as the user named them.
            started: when the run began; by default when the store was opened or the last run recorded.

        Returns:
            The run's id (see :meth:`rejections`).
        """
        finished = utc_now()
        with translate_errors("record the run", self.where), write_transaction(self._engine) as conn:
            result = conn.execute(
                sa.insert(runs).values(
                    started=started or self._run_started,
                    finished=finished,
                    read=report.read,
                    new=report.new,
                    revisions=report.revisions,
                    unchanged=report.unchanged,
                    paths=[str(p) for p in paths],
                )
            )
            run_id = new_id(result)
            rows = [
                {"run_id": run_id, "path": r.path, "line": r.line, "reason": r.reason}
                for r in report.rejections
            ]
            if rows:
                conn.execute(sa.insert(rejections), rows)
        self._run_started = finished
        return run_id

    def rejections(self, run_id: int) -> list[Rejection]:
        """The inputs one run skipped, with the reason for each, in the order they were reported.

        Raises:
            StoreError: there is no run with this id.
        """
        query = sa.select(rejections).where(rejections.c.run_id == run_id).order_by(rejections.c.id)
        with translate_errors("read rejections", self.where), read_transaction(self._engine) as conn:
            if conn.execute(sa.select(runs.c.id).where(runs.c.id == run_id)).first() is None:
                raise StoreError(f"no run {run_id} in {self.where}")
            return [Rejection(row.path, row.reason, row.line) for row in conn.execute(query)]


def _load(conn: Connection, rows: Sequence[Row[Any]]) -> list[Article]:
    """Articles from ``revisions`` rows, with their credits and removed parts (batched IN queries)."""
    ids = [row.id for row in rows]
    found_credits: dict[int, list[Credit]] = defaultdict(list)
    found_removed: dict[int, list[RemovedPart]] = defaultdict(list)
    for chunk in in_chunks(ids):
        query = (
            sa.select(credits)
            .where(credits.c.revision_id.in_(chunk))
            .order_by(credits.c.revision_id, credits.c.position)
        )
        for c in conn.execute(query):
            found_credits[c.revision_id].append(Credit(c.source, c.kind, c.text, c.start, c.end))
        query = (
            sa.select(removed_parts)
            .where(removed_parts.c.revision_id.in_(chunk))
            .order_by(removed_parts.c.revision_id, removed_parts.c.position)
        )
        for r in conn.execute(query):
            found_removed[r.revision_id].append(RemovedPart(r.kind, r.text, r.start, r.end))
    return [_article(row, found_credits[row.id], found_removed[row.id]) for row in rows]


def _article(row: Row[Any], found_credits: list[Credit], found_removed: list[RemovedPart]) -> Article:
    published = None
    if row.published_iso is not None:
        published = PartialDate(row.published_year, row.published_month, row.published_day)
    return Article(
        raw_text=row.raw_text,
        source=SourceRef(row.source_path, row.source_format, row.source_line),
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        outlet_source=row.outlet_source,
        byline=row.byline,
        published=published,
        published_source=row.published_source,
        dateline_place=row.dateline_place,
        credits=found_credits,
        removed=found_removed,
        external_id=row.external_id,
        id=row.article_id,
        revision=row.revision,
    )
