"""Stored briefs (schema version 4): a brief is kept with its provenance graph and entities, reused while
its story and options are unchanged, and stale after a new revision or a regrouping."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.brief.jsonin import brief_from_dict
from newstrace.brief.jsonout import SCHEMA_VERSION, brief_to_dict, render_json
from newstrace.config import Options, make_options
from newstrace.errors import StoreError
from newstrace.model import Article, Brief, Story
from newstrace.pipeline import brief_story, ingest, regroup
from newstrace.store import Store, open_store
from newstrace.store.briefs import brief_key
from newstrace.store.engine import make_engine

from ..texts import HARBOUR_REPORT

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

ArticleFactory = Callable[..., Article]


@pytest.fixture(scope="module")
def corpus_brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    """The real brief of the example corpus's ferry story (its largest), built once for this module."""
    options = make_options(db=str(tmp_path_factory.mktemp("corpus") / "store.db"))
    with open_store(options.db) as store:
        ingest([str(CORPUS)], options, store)
        story = max(regroup(store, options), key=lambda s: len(s.article_ids))
        brief, _ = brief_story(store, story, options)
    return brief


def _ferry_story(store: Store, options: Options) -> Story:
    ingest([str(CORPUS)], options, store)
    return max(regroup(store, options), key=lambda s: len(s.article_ids))


def test_brief_json_round_trips_exactly_with_every_section_filled(corpus_brief: Brief) -> None:
    sections = [f.name for f in dataclasses.fields(Brief) if f.name not in ("story_id", "title")]
    empty = [name for name in sections if not getattr(corpus_brief, name)]
    assert not empty, f"the corpus brief should fill every section; empty: {empty}"
    assert corpus_brief.provenance is not None and corpus_brief.provenance.statements
    assert any(e.variants for e in corpus_brief.entities)
    assert any(c.differences for c in corpus_brief.claims)

    read_back = brief_from_dict(brief_to_dict(corpus_brief))
    assert read_back == corpus_brief
    assert render_json(read_back) == render_json(corpus_brief)


def test_saved_brief_is_returned_under_its_key_only(
    store: Store, options: Options, corpus_brief: Brief
) -> None:
    story = _ferry_story(store, options)
    assert story.id is not None
    assert store.stored_brief(story.id, "k1") is None
    store.save_brief(story.id, "k1", corpus_brief)
    assert store.stored_brief(story.id, "k1") == brief_to_dict(corpus_brief)
    assert store.stored_brief(story.id, "k2") is None
    store.save_brief(story.id, "k2", corpus_brief)  # replaces the row: the old key no longer matches
    assert store.stored_brief(story.id, "k1") is None
    assert store.stored_brief(story.id, "k2") == brief_to_dict(corpus_brief)
    with pytest.raises(StoreError, match="no story 999"):
        store.save_brief(999, "k", corpus_brief)


def test_provenance_rows_answer_which_stories_rely_on_an_origin(
    db: str, store: Store, options: Options, corpus_brief: Brief
) -> None:
    story = _ferry_story(store, options)
    assert story.id is not None
    store.save_brief(story.id, "k", corpus_brief)
    # Estmark Daily carries the Nordwire copy "(With inputs from Nordwire)".
    assert store.stories_relying_on("Nordwire") == [story.id]
    assert store.stories_relying_on("nordwire") == [story.id]
    assert store.stories_relying_on("Reuters") == []
    assert store.stories_relying_on("Estmark Daily") == [], "an outlet publishes; nothing relies on it"

    engine, _ = make_engine(db)
    try:
        with engine.connect() as conn:
            relying = conn.execute(
                sa.text(
                    "SELECT DISTINCT a.label FROM provenance_edges e"
                    " JOIN provenance_nodes s ON s.story_id = e.story_id AND s.node_id = e.target"
                    " JOIN provenance_nodes a ON a.story_id = e.story_id AND a.node_id = e.source"
                    " WHERE s.label = 'Nordwire' AND a.kind = 'article'"
                )
            ).scalars()
            assert "Four dead, 12 missing as ferry capsizes off Port Halvard" in set(relying)
            entities = conn.execute(
                sa.text("SELECT canonical, type, aliases FROM story_entities WHERE story_id = :s"),
                {"s": story.id},
            ).all()
    finally:
        engine.dispose()
    assert {(e.canonical, e.type) for e in corpus_brief.entities} == {(r.canonical, r.type) for r in entities}


def test_replacing_stories_drops_their_stored_briefs(
    db: str, store: Store, options: Options, corpus_brief: Brief
) -> None:
    story = _ferry_story(store, options)
    assert story.id is not None
    store.save_brief(story.id, "k", corpus_brief)
    store.replace_stories([])
    assert store.stored_brief(story.id, "k") is None
    assert store.stories_relying_on("Nordwire") == []
    engine, _ = make_engine(db)
    try:
        with engine.connect() as conn:
            for table in ("briefs", "provenance_nodes", "provenance_edges", "story_entities"):
                assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one() == 0, table
    finally:
        engine.dispose()


class _CountingBuilder:
    """Stands in for build_brief (seconds per call): returns the corpus brief retitled, counts calls."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.calls: list[tuple[int, ...]] = []

    def __call__(self, story: Story, articles: list[Article], *_: object) -> Brief:
        self.calls.append(story.article_ids)
        return dataclasses.replace(self.brief, story_id=story.id or 0, title=story.title)


@pytest.fixture
def builder(monkeypatch: pytest.MonkeyPatch, corpus_brief: Brief) -> _CountingBuilder:
    counting = _CountingBuilder(corpus_brief)
    monkeypatch.setattr("newstrace.brief.build_brief", counting)
    return counting


def _harbour(make_article: ArticleFactory, n: int, text: str = HARBOUR_REPORT) -> Article:
    return make_article(text, path=f"in/{n}.txt", url=f"https://harbour.example/{n}")


def test_brief_is_reused_until_a_member_gets_a_new_revision(
    store: Store, make_article: ArticleFactory, builder: _CountingBuilder
) -> None:
    options = make_options(db=":memory:", ingest_date="2025-03-20")
    list(store.add_articles([_harbour(make_article, 1), _harbour(make_article, 2)]))
    (story,) = regroup(store, options)

    first, articles = brief_story(store, story, options)
    again, _ = brief_story(store, story, options)
    assert len(builder.calls) == 1
    assert again == first
    assert [a.id for a in articles] == list(story.article_ids)

    edited = HARBOUR_REPORT.replace("on Monday", "early on Monday")
    (stored,) = store.add_articles([_harbour(make_article, 1, edited)])
    assert stored.status == "revision"
    brief_story(store, story, options)
    assert len(builder.calls) == 2, "a new revision of a member must make the stored brief stale"
    brief_story(store, story, options)
    assert len(builder.calls) == 2

    brief_story(store, story, options, rebuild=True)
    assert len(builder.calls) == 3
    brief_story(store, story, dataclasses.replace(options, sentence_similarity=0.7))
    assert len(builder.calls) == 4, "another sentence_similarity builds another brief"


def test_regrouping_that_adds_a_member_makes_the_stored_brief_stale(
    store: Store, make_article: ArticleFactory, builder: _CountingBuilder
) -> None:
    options = make_options(db=":memory:", ingest_date="2025-03-20")
    list(store.add_articles([_harbour(make_article, 1), _harbour(make_article, 2)]))
    (story,) = regroup(store, options)
    brief_story(store, story, options)

    copy = HARBOUR_REPORT + "\n\nTalks resume on Friday."
    list(store.add_articles([_harbour(make_article, 3, copy)]))
    (grown,) = regroup(store, options)
    assert grown.id == story.id and len(grown.article_ids) == 3
    brief_story(store, grown, options)
    assert builder.calls == [story.article_ids, grown.article_ids]


def test_key_covers_members_revisions_and_options() -> None:
    from datetime import date

    day = date(2025, 3, 20)
    base = brief_key("Ferry", [(1, 1), (2, 1)], 0.5, day, SCHEMA_VERSION)
    assert base == brief_key("Ferry", [(2, 1), (1, 1)], 0.5, day, SCHEMA_VERSION)  # order is irrelevant
    others = [
        brief_key("Ferry", [(1, 2), (2, 1)], 0.5, day, SCHEMA_VERSION),
        brief_key("Ferry", [(1, 1), (2, 1), (3, 1)], 0.5, day, SCHEMA_VERSION),
        brief_key("Ferry", [(1, 1), (2, 1)], 0.6, day, SCHEMA_VERSION),
        brief_key("Ferry", [(1, 1), (2, 1)], 0.5, date(2025, 3, 21), SCHEMA_VERSION),
        brief_key("Ferry", [(1, 1), (2, 1)], 0.5, day, "2"),
        brief_key("Ferry capsizes", [(1, 1), (2, 1)], 0.5, day, SCHEMA_VERSION),
        brief_key("Ferry", [(1, 1), (2, 1)], 0.5, day, SCHEMA_VERSION, "accurate"),  # another NER mode
    ]
    assert base not in others and len(set(others)) == len(others)


def test_changed_code_or_model_file_gives_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A retrained model or an edited rule between releases must not keep serving the old brief."""
    from datetime import date

    from newstrace.store import briefs as stored

    package = tmp_path / "pkg"
    (package / "models").mkdir(parents=True)
    (package / "rules.py").write_text("THRESHOLD = 0.5\n")
    (package / "models" / "weights.bin").write_bytes(b"\x00\x01")
    before = stored.tree_digest(package)
    (package / "models" / "weights.bin").write_bytes(b"\x00\x02")
    after_model = stored.tree_digest(package)
    (package / "rules.py").write_text("THRESHOLD = 0.6\n")
    assert len({before, after_model, stored.tree_digest(package)}) == 3

    day = date(2025, 3, 20)
    key = stored.brief_key("Ferry", [(1, 1)], 0.5, day, SCHEMA_VERSION)
    monkeypatch.setattr(stored, "code_fingerprint", lambda: "another build")
    assert stored.brief_key("Ferry", [(1, 1)], 0.5, day, SCHEMA_VERSION) != key


def test_version_3_store_with_stories_upgrades_to_keep_briefs(db: str, corpus_brief: Brief) -> None:
    from newstrace.store.migrations import MIGRATIONS, migrate

    engine, where = make_engine(db)
    try:
        assert migrate(engine, where, MIGRATIONS[:3]) == 3
        assert "briefs" not in sa.inspect(engine).get_table_names()
        with engine.begin() as conn:  # a version-3 store holding one story, written as version 3 did
            conn.execute(
                sa.text("INSERT INTO stories (title, created) VALUES ('Harbour', CURRENT_TIMESTAMP)")
            )
    finally:
        engine.dispose()
    with open_store(db) as store:
        (story,) = store.stories()
        assert story.id is not None
        assert store.stored_brief(story.id, "k") is None  # nothing stored yet: the first brief builds
        store.save_brief(story.id, "k", corpus_brief)
        assert store.stored_brief(story.id, "k") == brief_to_dict(corpus_brief)
