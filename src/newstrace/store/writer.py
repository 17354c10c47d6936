"""How one batch of incoming articles is matched against the store and written (the identity rules).

The rules, in order (also in :mod:`newstrace.store`): a stored revision with the same content hash, and
the same normalised URL unless the article has none → ``unchanged``; else an article with the same
normalised URL → ``revision``; else, for an article without URL, one with the same external id and
source path → ``revision``; else ``new``.

A batch fetches what it needs to decide up front with ``IN (...)`` queries (stored revisions with its
content hashes, articles with its URLs or external ids) instead of a query per article, and keeps that
in memory as it writes, so two inputs of one batch with the same URL or text are recognised too.
Credits and removed parts are written with one ``executemany`` each at the end of the batch.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from newstrace.ingest.urls import normalise_url
from newstrace.model import Article, Stored
from newstrace.store.engine import in_chunks, new_id, utc_now
from newstrace.store.schema import articles, credits, removed_parts, revisions

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


@dataclass(frozen=True, slots=True)
class IdentityKeys:
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


def identity_keys(article: Article) -> IdentityKeys:
    """What identifies ``article`` for the store: content hash, normalised URL, external id, path."""
    url_key = normalise_url(article.url) if article.url and article.url.strip() else None
    url_hash = hashlib.sha256(url_key.encode("utf-8")).hexdigest() if url_key else None
    return IdentityKeys(
        article.content_hash, url_key, url_hash, article.external_id or None, article.source.path
    )


class BatchWriter:
    """Decides and writes one batch inside the caller's write transaction (see the module docstring)."""

    def __init__(self, conn: Connection, batch: list[Article]) -> None:
        self._conn = conn
        self._keys = [identity_keys(a) for a in batch]
        self._batch = batch
        self._heads: dict[int, _Head] = {}
        self._by_hash: dict[str, list[_HashHit]] = defaultdict(list)
        self._by_url: dict[str, int] = {}
        self._by_external: dict[tuple[str, str], int] = {}
        self._credit_rows: list[dict[str, Any]] = []
        self._removed_rows: list[dict[str, Any]] = []
        self._texts: dict[int, str] = {}  # article id → its new current text, for its band keys
        self._prefetch()

    def _prefetch(self) -> None:
        hashes = list({k.content_hash for k in self._keys})
        for chunk in in_chunks(hashes):
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
            for hit in self._conn.execute(query):
                self._by_hash[hit.content_hash].append(_HashHit(hit.article_id, hit.revision, hit.url_hash))
        head_cols = (
            articles.c.id,
            articles.c.current_revision,
            articles.c.url_hash,
            articles.c.external_id,
            articles.c.source_path,
        )
        url_hashes = list({k.url_hash for k in self._keys if k.url_hash})
        for chunk in in_chunks(url_hashes):
            for head in self._conn.execute(sa.select(*head_cols).where(articles.c.url_hash.in_(chunk))):
                self._remember(head)
        external = list({k.external_id for k in self._keys if k.external_id and not k.url_hash})
        for chunk in in_chunks(external):
            known = sa.select(*head_cols).where(articles.c.external_id.in_(chunk)).order_by(articles.c.id)
            for head in self._conn.execute(known):
                self._remember(head)

    def _remember(self, row: Any) -> None:
        self._heads.setdefault(row.id, _Head(row.id, row.current_revision))
        if row.url_hash:
            self._by_url[row.url_hash] = row.id
        if row.external_id:
            # Lowest id wins when several articles share an external id and path (ordered query).
            self._by_external.setdefault((row.external_id, row.source_path), row.id)

    def write(self) -> list[Stored]:
        """Decide and write every article of the batch; one result each, in order."""
        results = [self._store(article, keys) for article, keys in zip(self._batch, self._keys, strict=True)]
        if self._credit_rows:
            self._conn.execute(sa.insert(credits), self._credit_rows)
        if self._removed_rows:
            self._conn.execute(sa.insert(removed_parts), self._removed_rows)
        if self._texts:
            # Band keys go in with the text, so placing a new article later never rehashes the corpus.
            from newstrace.store.grouping import write_band_keys

            write_band_keys(self._conn, list(self._texts), list(self._texts.values()))
        return results

    def _store(self, article: Article, keys: IdentityKeys) -> Stored:
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
                created=utc_now(),
            )
        )
        article_id = new_id(result)
        self._heads[article_id] = _Head(article_id, 1)
        if keys.url_hash:
            self._by_url[keys.url_hash] = article_id
        if keys.external_id:
            self._by_external.setdefault((keys.external_id, keys.source_path), article_id)
        self._insert_revision(article, keys, article_id, 1)
        return Stored(article_id, 1, "new")

    def _insert_revision(self, article: Article, keys: IdentityKeys, article_id: int, revision: int) -> None:
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
                ingested=utc_now(),
            )
        )
        revision_id = new_id(result)
        self._texts[article_id] = article.text or article.raw_text
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
