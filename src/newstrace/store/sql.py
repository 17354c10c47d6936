"""The store: articles (with every revision), stories and runs, in SQLAlchemy Core over one schema.

Open it with :func:`newstrace.store.open_store`; the identity rules of :meth:`Store.add_articles` are
written down in :mod:`newstrace.store`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self

import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.ingest.urls import normalise_url
from newstrace.model import (
    Article,
    Credit,
    PartialDate,
    Rejection,
    RemovedPart,
    RunReport,
    SourceRef,
    Stored,
    Story,
)
from newstrace.store.engine import read_transaction, translate_errors, write_transaction
from newstrace.store.schema import (
    articles,
    credits,
    rejections,
    removed_parts,
    revisions,
    runs,
    stories,
    story_articles,
)

if TYPE_CHECKING:
    from types import TracebackType

    from sqlalchemy.engine import Connection, Engine, Row

# Most values bound in one IN (...) list. SQLite before 3.32 allowed 999 host parameters per
# statement; 500 stays under that with room for the statement's own parameters, and is large enough
# that loading 100k articles takes a few hundred round trips, not 100k.
_IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class _Keys:
    """What identifies one incoming article (see the rules in :mod:`newstrace.store`)."""

    content_hash: str
    url_key: str | None  # normalise_url(article.url)
    url_hash: str | None  # sha256 of url_key: the indexed form
    external_id: str | None
    source_path: str


@dataclass(frozen=True, slots=True)
class _HashHit:
    """A stored revision with a given content hash, and the normalised URL of its article."""

    article_id: int
    revision: int
    url_hash: str | None


@dataclass(slots=True)
class _Head:
    """An article's current revision number, updated as a batch appends revisions."""

    article_id: int
    revision: int


def _keys(article: Article) -> _Keys:
    url_key = normalise_url(article.url) if article.url and article.url.strip() else None
    url_hash = hashlib.sha256(url_key.encode("utf-8")).hexdigest() if url_key else None
    return _Keys(article.content_hash, url_key, url_hash, article.external_id or None, article.source.path)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Articles, stories and runs kept in one SQLite or PostgreSQL database.

    Every write is one transaction; reads see one snapshot. Use as a context manager or call
    :meth:`close`. Create with :func:`newstrace.store.open_store`, which builds and migrates the schema.
    """

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self.where = where
        self._run_started = _now()

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
            results = _BatchWriter(conn, [_keys(a) for a in batch]).write(batch)
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
            for chunk in _chunks(wanted):
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

        A story's ``article_ids`` keep their order (a repeated id is kept once).

        Raises:
            StoreError: a story names an article the store does not hold (nothing is changed).
        """
        with translate_errors("replace stories", self.where), write_transaction(self._engine) as conn:
            named = list(dict.fromkeys(i for s in new for i in s.article_ids))
            known: set[int] = set()
            for chunk in _chunks(named):
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
            created = _now()
            kept: list[Story] = []
            links: list[dict[str, int]] = []
            for story in new:
                result = conn.execute(sa.insert(stories).values(title=story.title, created=created))
                story_id = int(result.inserted_primary_key[0])
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
        finished = _now()
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
            run_id = int(result.inserted_primary_key[0])
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


class _BatchWriter:
    """Decides and writes one batch inside its transaction.

    What the batch needs to decide is fetched up front with ``IN (...)`` queries (stored revisions with
    the batch's content hashes, articles with its URLs and external ids) and kept up to date in memory
    as the batch writes, so two inputs of one batch with the same URL or text are recognised too.
    """

    def __init__(self, conn: Connection, keys: list[_Keys]) -> None:
        self._conn = conn
        self._keys = keys
        self._heads: dict[int, _Head] = {}
        self._by_hash: dict[str, list[_HashHit]] = defaultdict(list)
        self._by_url: dict[str, int] = {}
        self._by_external: dict[tuple[str, str], int] = {}
        self._credit_rows: list[dict[str, Any]] = []
        self._removed_rows: list[dict[str, Any]] = []
        self._prefetch()

    def _prefetch(self) -> None:
        hashes = list({k.content_hash for k in self._keys})
        for chunk in _chunks(hashes):
            query = (
                sa.select(
                    revisions.c.article_id,
                    revisions.c.revision,
                    revisions.c.content_hash,
                    articles.c.url_hash,
                )
                .join(articles, articles.c.id == revisions.c.article_id)
                .where(revisions.c.content_hash.in_(chunk))
                .order_by(revisions.c.article_id, revisions.c.revision)
            )
            for row in self._conn.execute(query):
                self._by_hash[row.content_hash].append(_HashHit(row.article_id, row.revision, row.url_hash))
        head_cols = (
            articles.c.id,
            articles.c.current_revision,
            articles.c.url_hash,
            articles.c.external_id,
            articles.c.source_path,
        )
        url_hashes = list({k.url_hash for k in self._keys if k.url_hash})
        for chunk in _chunks(url_hashes):
            for row in self._conn.execute(sa.select(*head_cols).where(articles.c.url_hash.in_(chunk))):
                self._remember(row)
        external = list({k.external_id for k in self._keys if k.external_id and not k.url_hash})
        for chunk in _chunks(external):
            query = sa.select(*head_cols).where(articles.c.external_id.in_(chunk)).order_by(articles.c.id)
            for row in self._conn.execute(query):
                self._remember(row)

    def _remember(self, row: Row[Any]) -> None:
        self._heads.setdefault(row.id, _Head(row.id, row.current_revision))
        if row.url_hash:
            self._by_url[row.url_hash] = row.id
        if row.external_id:
            # Lowest id wins when several articles share an external id and path (ordered query).
            self._by_external.setdefault((row.external_id, row.source_path), row.id)

    def write(self, batch: list[Article]) -> list[Stored]:
        results = [self._store(article, keys) for article, keys in zip(batch, self._keys, strict=True)]
        if self._credit_rows:
            self._conn.execute(sa.insert(credits), self._credit_rows)
        if self._removed_rows:
            self._conn.execute(sa.insert(removed_parts), self._removed_rows)
        return results

    def _store(self, article: Article, keys: _Keys) -> Stored:
        hits = self._by_hash.get(keys.content_hash, [])
        if keys.url_hash is not None:
            hits = [h for h in hits if h.url_hash == keys.url_hash]
        if hits:
            return Stored(hits[0].article_id, hits[0].revision, "unchanged")
        if keys.url_hash is not None:
            existing = self._by_url.get(keys.url_hash)
        elif keys.external_id is not None:
            existing = self._by_external.get((keys.external_id, keys.source_path))
        else:
            existing = None
        if existing is not None:
            head = self._heads[existing]
            head.revision += 1
            self._insert_revision(article, keys, head.article_id, head.revision)
            self._conn.execute(
                sa.update(articles)
                .where(articles.c.id == head.article_id)
                .values(current_revision=head.revision)
            )
            return Stored(head.article_id, head.revision, "revision")
        result = self._conn.execute(
            sa.insert(articles).values(
                url_key=keys.url_key,
                url_hash=keys.url_hash,
                external_id=keys.external_id,
                source_path=keys.source_path,
                current_revision=1,
                created=_now(),
            )
        )
        article_id = int(result.inserted_primary_key[0])
        self._heads[article_id] = _Head(article_id, 1)
        if keys.url_hash:
            self._by_url[keys.url_hash] = article_id
        if keys.external_id:
            self._by_external.setdefault((keys.external_id, keys.source_path), article_id)
        self._insert_revision(article, keys, article_id, 1)
        return Stored(article_id, 1, "new")

    def _insert_revision(self, article: Article, keys: _Keys, article_id: int, revision: int) -> None:
        published = article.published
        result = self._conn.execute(
            sa.insert(revisions).values(
                article_id=article_id,
                revision=revision,
                content_hash=keys.content_hash,
                raw_text=article.raw_text,
                text=article.text,
                title=article.title,
                url=article.url,
                outlet=article.outlet,
                outlet_source=article.outlet_source,
                byline=article.byline,
                published_year=published.year if published else None,
                published_month=published.month if published else None,
                published_day=published.day if published else None,
                published_iso=published.iso() if published else None,
                published_source=article.published_source,
                dateline_place=article.dateline_place,
                source_path=article.source.path,
                source_format=article.source.format,
                source_line=article.source.line,
                external_id=article.external_id,
                ingested=_now(),
            )
        )
        revision_id = int(result.inserted_primary_key[0])
        self._by_hash[keys.content_hash].append(_HashHit(article_id, revision, keys.url_hash))
        self._credit_rows += [
            {
                "revision_id": revision_id,
                "position": p,
                "kind": c.kind,
                "source": c.source,
                "text": c.text,
                "start": c.start,
                "end": c.end,
            }
            for p, c in enumerate(article.credits)
        ]
        self._removed_rows += [
            {
                "revision_id": revision_id,
                "position": p,
                "kind": r.kind,
                "text": r.text,
                "start": r.start,
                "end": r.end,
            }
            for p, r in enumerate(article.removed)
        ]


def _load(conn: Connection, rows: Sequence[Row[Any]]) -> list[Article]:
    """Articles from ``revisions`` rows, with their credits and removed parts (batched IN queries)."""
    ids = [row.id for row in rows]
    found_credits: dict[int, list[Credit]] = defaultdict(list)
    found_removed: dict[int, list[RemovedPart]] = defaultdict(list)
    for chunk in _chunks(ids):
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
