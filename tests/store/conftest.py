"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when NEWSTRACE_TEST_PG_URL is set.

NEWSTRACE_TEST_PG_URL names a database the tests may use, e.g.
``postgresql+psycopg://postgres@127.0.0.1:54329/newstrace_test``. Each test gets a fresh PostgreSQL
schema in it (dropped afterwards), so tests never see each other's tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newstrace.model import Article, Credit, PartialDate, RemovedPart, SourceRef
from newstrace.store import Store, open_store

PG_URL_ENV = "NEWSTRACE_TEST_PG_URL"

ArticleFactory = Callable[..., Article]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A ``db`` string for open_store naming an empty database: an SQLite path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL cases need {PG_URL_ENV} (a postgresql+psycopg:// URL of a test database)")
    import sqlalchemy as sa

    name = f"nt_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    scoped = sa.engine.make_url(url).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


# A fictional report, written for these tests: a dateline, a photo caption glued into the body with the
# agency's name stuck to its end, and an "inputs from" line, as cleaning finds them in real reports.
_DATELINE = "Harbourton [Veldia], September 12 : "
_BODY = (
    "The port authority of Harbourton opened a ferry terminal on Tuesday, the city's first in forty years. "
    "Mayor Ilse Brandt said the terminal would carry 3,000 passengers a day. "
)
_CAPTION = "Mayor Ilse Brandt cuts the ribbon at the new terminalNTA\n"
_TAIL = "Fares start at 4 crowns, the authority said.\n(With inputs from NTA)"


@pytest.fixture
def make_article() -> ArticleFactory:
    """Build a cleaned article; ``full=True`` fills every field, with credits and removed parts."""

    def make(
        text: str = "A quiet day in Harbourton: the ferry ran on time and the market opened at eight.",
        *,
        path: str = "inbox/report.txt",
        url: str | None = None,
        external_id: str | None = None,
        full: bool = False,
        line: int | None = None,
        published: PartialDate | None = None,
    ) -> Article:
        if not full:
            return Article(
                raw_text=text,
                text=text,
                source=SourceRef(path, "jsonl" if line is not None else "text", line),
                url=url,
                external_id=external_id,
                published=published,
            )
        raw = _DATELINE + _BODY + _CAPTION + _TAIL
        cleaned = _BODY + "Fares start at 4 crowns, the authority said."
        caption_at = raw.index(_CAPTION)
        inputs = "(With inputs from NTA)"
        inputs_at = raw.index(inputs)
        return Article(
            raw_text=raw,
            text=cleaned,
            source=SourceRef(path, "jsonl", line or 3),
            title="Harbourton opens its first ferry terminal in forty years — 🚢 ferries return",
            url=url,
            outlet="veldia-herald.example",
            outlet_source="url",
            byline="Mira Kovač",
            published=published,
            published_source="dateline",
            dateline_place="Harbourton",
            credits=[
                Credit(
                    "NTA", "caption", "NTA", caption_at + len(_CAPTION) - 4, caption_at + len(_CAPTION) - 1
                ),
                Credit("NTA", "inputs_from", inputs, inputs_at, inputs_at + len(inputs)),
                Credit("Veldia Herald", "metadata", "Veldia Herald"),
            ],
            removed=[
                RemovedPart("dateline", _DATELINE, 0, len(_DATELINE)),
                RemovedPart("caption", _CAPTION, caption_at, caption_at + len(_CAPTION)),
                RemovedPart("credit_line", inputs, inputs_at, inputs_at + len(inputs)),
            ],
            external_id=external_id,
        )

    return make
