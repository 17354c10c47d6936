"""The store's behaviour as the pipeline and a user see it: round trips, identity, stories, runs."""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.errors import StoreError
from newstrace.model import Article, PartialDate, Rejection, RunReport, Story
from newstrace.store import Store, open_store

ArticleFactory = Callable[..., Article]

URL = "https://veldia-herald.example/news/2023/09/12/ferry-terminal"


def _add(store: Store, articles: list[Article], batch_size: int = 200) -> list[str]:
    return [s.status for s in store.add_articles(articles, batch_size)]


# ------------------------------------------------------------------------------------------ round trip


@pytest.mark.parametrize(
    "published",
    [
        PartialDate(None, 9, 12),
        PartialDate(2023, 9, 12),
        PartialDate(2023, 9),
        PartialDate(2023),
        PartialDate(),
        None,
    ],
    ids=["XXXX-09-12", "complete", "year-month", "year", "nothing-known", "none"],
)
def test_full_article_round_trips(
    store: Store, make_article: ArticleFactory, published: PartialDate | None
) -> None:
    original = make_article(full=True, url=URL, external_id="vh-0042", published=published)
    [stored] = store.add_articles([dataclasses.replace(original)])

    back = store.article(stored.article_id)

    assert back == dataclasses.replace(original, id=stored.article_id, revision=1)
    assert back.published == published
    if published is not None:
        assert back.published.iso() == published.iso()  # XXXX-09-12 stays partial: no year is invented
    assert [back.raw_text[c.start : c.end] for c in back.credits[:2]] == ["NTA", "(With inputs from NTA)"]
    assert all(back.raw_text[r.start : r.end] == r.text for r in back.removed)


def test_minimal_article_round_trips_with_empty_fields(store: Store, make_article: ArticleFactory) -> None:
    original = make_article("Short note.\n\nSecond paragraph, with\ttabs and  double spaces.")
    [stored] = store.add_articles([dataclasses.replace(original)])
    assert store.article(stored.article_id) == dataclasses.replace(original, id=stored.article_id, revision=1)


def test_add_sets_id_and_revision_on_the_input(store: Store, make_article: ArticleFactory) -> None:
    article = make_article()
    [stored] = store.add_articles([article])
    assert (article.id, article.revision) == (stored.article_id, 1)


# -------------------------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({}, {}),  # the same file read twice
        ({"path": "a/one.txt"}, {"path": "b/two.txt"}),  # same text, no URL, two paths
        ({"url": URL}, {"url": URL}),
        ({"url": URL}, {"url": URL + "?utm_source=feed&utm_medium=rss"}),
        ({"url": URL}, {}),  # a copy without URL of a stored article
        (
            {"path": "d.jsonl", "line": 1, "external_id": "x"},
            {"path": "d.jsonl", "line": 1, "external_id": "x"},
        ),
    ],
    ids=["same-file", "two-paths-no-url", "same-url", "utm-param", "url-then-none", "same-jsonl-line"],
)
def test_same_content_twice_is_one_article(
    store: Store, make_article: ArticleFactory, first: dict, second: dict
) -> None:
    assert _add(store, [make_article(**first)]) == ["new"]
    [again] = store.add_articles([make_article(**second)])
    assert (again.status, again.revision) == ("unchanged", 1)
    assert store.count_articles() == 1
    assert len(store.revisions(again.article_id)) == 1


@pytest.mark.parametrize(
    "same_page",
    [
        URL,
        URL + "?utm_campaign=morning",
        "https://VELDIA-HERALD.example/news/2023/09/12/ferry-terminal",
        "HTTPS://veldia-herald.example:443/news/2023/09/12/ferry-terminal#comments",
    ],
    ids=["exact", "utm-param", "host-case", "scheme-port-fragment"],
)
def test_changed_text_at_the_same_url_is_a_revision(
    store: Store, make_article: ArticleFactory, same_page: str
) -> None:
    first = make_article("The terminal opens on Tuesday, the port authority said.", url=URL)
    second = make_article(
        "The terminal opened on Tuesday; 3,000 passengers a day are expected.", url=same_page
    )
    [a] = store.add_articles([first])
    [b] = store.add_articles([second])

    assert (b.status, b.article_id, b.revision) == ("revision", a.article_id, 2)
    assert store.count_articles() == 1
    assert [(r.revision, r.text) for r in store.revisions(a.article_id)] == [
        (1, first.text),
        (2, second.text),
    ]
    assert store.article(a.article_id).text == second.text
    assert store.revisions(a.article_id)[1].url == same_page  # the URL as given is kept


def test_an_older_text_coming_back_does_not_make_a_revision(
    store: Store, make_article: ArticleFactory
) -> None:
    old, new = make_article("Draft: ferry opens.", url=URL), make_article("Final: the ferry opened.", url=URL)
    assert _add(store, [old, new]) == ["new", "revision"]
    [again] = store.add_articles([make_article("Draft: ferry opens.", url=URL)])
    assert (again.status, again.revision) == ("unchanged", 1)
    assert store.article(again.article_id).text == new.text  # the current revision stays the newest


def test_same_text_at_two_urls_is_two_articles(store: Store, make_article: ArticleFactory) -> None:
    text = "The terminal opened on Tuesday, the port authority said."
    results = list(store.add_articles([make_article(text, url=URL), make_article(text, url=URL + "-copy")]))
    assert [s.status for s in results] == ["new", "new"]
    assert results[0].article_id != results[1].article_id
    assert store.count_articles() == 2


@pytest.mark.parametrize(
    ("second_path", "expected"),
    [("feeds/dump.jsonl", ("revision", 2, 1)), ("feeds/other.jsonl", ("new", 1, 2))],
    ids=["same-path", "other-path"],
)
def test_external_id_makes_a_revision_only_within_one_source(
    store: Store, make_article: ArticleFactory, second_path: str, expected: tuple[str, int, int]
) -> None:
    store_first = make_article(
        "Ferry fares announced.", path="feeds/dump.jsonl", line=4, external_id="item-7"
    )
    list(store.add_articles([store_first]))
    [s] = store.add_articles(
        [make_article("Ferry fares cut.", path=second_path, line=4, external_id="item-7")]
    )
    assert (s.status, s.revision, store.count_articles()) == expected


def test_one_batch_recognises_its_own_articles(store: Store, make_article: ArticleFactory) -> None:
    batch = [
        make_article("First text.", url=URL),
        make_article("Second text.", url=URL + "?utm_source=x"),
        make_article("First text.", url=URL),
        make_article("Text at a page whose path differs in case.", url=URL.replace("ferry", "Ferry")),
        make_article("No URL here.", path="x.txt"),
        make_article("No URL here.", path="y.txt"),
    ]
    assert _add(store, batch) == ["new", "revision", "unchanged", "new", "new", "unchanged"]
    assert store.count_articles() == 3  # paths are case-sensitive: /Ferry-terminal is another page


# -------------------------------------------------------------------------------------------- reading


def test_articles_come_back_in_the_order_asked(store: Store, make_article: ArticleFactory) -> None:
    ids = [
        s.article_id
        for s in store.add_articles(make_article(f"Report {i}.", path=f"{i}.txt") for i in range(5))
    ]
    asked = [ids[3], ids[0], ids[4]]
    assert [a.id for a in store.articles(asked)] == asked
    assert [a.id for a in store.articles()] == sorted(ids)
    assert [a.text for a in store.articles([ids[2]])] == ["Report 2."]


@pytest.mark.parametrize("call", ["article", "articles", "revisions"])
def test_missing_article_is_a_store_error_naming_it(
    store: Store, make_article: ArticleFactory, call: str
) -> None:
    list(store.add_articles([make_article()]))
    with pytest.raises(StoreError, match=r"no article 77\b"):
        if call == "articles":
            store.articles([1, 77])
        else:
            getattr(store, call)(77)


def test_reading_many_articles_takes_few_queries(store: Store, make_article: ArticleFactory) -> None:
    list(
        store.add_articles(
            (make_article(f"Report {i}.", full=True, url=f"{URL}/{i}") for i in range(1200)), 400
        )
    )
    statements: list[str] = []
    sa.event.listen(store._engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    loaded = store.articles()

    assert len(loaded) == 1200 and all(len(a.credits) == 3 and len(a.removed) == 3 for a in loaded)
    # One query for the revisions, then credits and removed parts per 500 articles (3 chunks): not 1200.
    assert len(statements) < 20, statements[:5]


# ------------------------------------------------------------------------------ transactions and crashes


def _with_failure(articles: list[Article], fail_at: int) -> Iterator[Article]:
    for i, article in enumerate(articles):
        if i == fail_at:
            raise RuntimeError("reader crashed")
        yield article


def test_failure_mid_batch_keeps_committed_batches_and_rerun_completes(
    store: Store, make_article: ArticleFactory
) -> None:
    batch = [make_article(f"Report number {i}.", full=True, url=f"{URL}/{i}") for i in range(25)]
    seen: list[str] = []
    with pytest.raises(RuntimeError, match="reader crashed"):
        for stored in store.add_articles(_with_failure(batch, fail_at=17), batch_size=5):
            seen.append(stored.status)

    assert seen == ["new"] * 15  # three whole batches; the fourth never committed
    assert store.count_articles() == 15

    rerun = _add(store, [dataclasses.replace(a, id=None, revision=None) for a in batch], batch_size=5)
    assert rerun == ["unchanged"] * 15 + ["new"] * 10
    assert store.count_articles() == 25
    assert all(len(a.credits) == 3 for a in store.articles())


def test_database_error_mid_batch_writes_nothing_of_that_batch(
    store: Store, make_article: ArticleFactory
) -> None:
    # The last article of the batch breaks a NOT NULL column: the whole batch must roll back.
    good = [make_article(f"Fine report {i}.", path=f"{i}.txt") for i in range(3)]
    bad = make_article("Broken report.")
    bad.source = dataclasses.replace(bad.source, format=None)  # type: ignore[arg-type]  # NOT NULL column
    with pytest.raises(StoreError, match="cannot store articles"):
        list(store.add_articles([*good, bad], batch_size=10))
    assert store.count_articles() == 0


def test_two_writers_at_once_store_each_article_once(db: str, make_article: ArticleFactory) -> None:
    articles = [make_article(f"Concurrent report {i}.", url=f"{URL}/{i}") for i in range(60)]
    with open_store(db):  # build the schema once, before the race
        pass
    statuses: list[list[str]] = [[], []]
    errors: list[BaseException] = []

    def ingest(slot: int) -> None:
        try:
            with open_store(db) as own:
                copies = [dataclasses.replace(a) for a in articles]
                statuses[slot] = _add(own, copies, batch_size=7)
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    with open_store(db) as check:
        assert check.count_articles() == 60
    assert sorted(statuses[0] + statuses[1]).count("new") == 60


# -------------------------------------------------------------------------------------------- stories


def test_stories_are_replaced_as_a_whole(store: Store, make_article: ArticleFactory) -> None:
    ids = [
        s.article_id
        for s in store.add_articles(make_article(f"Report {i}.", path=f"{i}.txt") for i in range(4))
    ]
    first = store.replace_stories(
        [Story((ids[2], ids[0]), "Ferry terminal opens"), Story((ids[1],), "Fares")]
    )

    assert [s.article_ids for s in first] == [(ids[2], ids[0]), (ids[1],)]
    assert store.stories() == first
    assert store.story(first[0].id) == first[0]

    second = store.replace_stories([Story((ids[3], ids[3], ids[1]), "Everything")])
    assert store.stories() == second
    assert second[0].article_ids == (ids[3], ids[1])  # a repeated id is kept once
    with pytest.raises(StoreError, match=f"no story {first[0].id}"):
        store.story(first[0].id)


def test_story_naming_an_unknown_article_changes_nothing(store: Store, make_article: ArticleFactory) -> None:
    [s] = store.add_articles([make_article()])
    kept = store.replace_stories([Story((s.article_id,), "Kept")])
    with pytest.raises(StoreError, match=r"'Broken' names article 404\b"):
        store.replace_stories([Story((s.article_id,), "New"), Story((s.article_id, 404), "Broken")])
    assert store.stories() == kept


# ----------------------------------------------------------------------------------------------- runs


def test_a_run_keeps_why_inputs_were_skipped(store: Store) -> None:
    report = RunReport(read=5, new=3, revisions=1, unchanged=1)
    report.rejections += [
        Rejection("in/a.html", "no article text found"),
        Rejection("in/b.jsonl", "bad JSON", 7),
    ]
    run_id = store.record_run(report, ["in/", "extra.txt"])

    assert store.rejections(run_id) == report.rejections
    with store._engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM runs WHERE id = :i"), {"i": run_id}).mappings().one()
    assert (row["read"], row["new"], row["revisions"], row["unchanged"]) == (5, 3, 1, 1)
    assert store.record_run(RunReport(), []) != run_id
    with pytest.raises(StoreError, match="no run 999"):
        store.rejections(999)


# Ingests pickled articles in batches of 5 and SIGKILLs itself just before the 4th batch's credits are
# written: that batch's articles and revisions are inserted but not committed, the worst moment to die.
_KILLED_INGEST = textwrap.dedent(
    """
    import os, pickle, signal, sys
    import sqlalchemy as sa
    from newstrace.store import open_store

    db, pickled, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(pickled, "rb") as fh:
        articles = pickle.load(fh)
    store = open_store(db)
    seen = 0

    def before(conn, cursor, statement, *rest):
        global seen
        if statement.lstrip().lower().startswith("insert into credits"):
            seen += 1
            if seen == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    sa.event.listen(store._engine, "before_cursor_execute", before)
    for stored in store.add_articles(articles, batch_size=5):
        print(stored.status, flush=True)
    """
)

# Consistency of the store after a crash: each must count zero rows.
_ORPHANS = {
    "article without its current revision": "SELECT count(*) FROM articles a WHERE NOT EXISTS "
    "(SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.revision = a.current_revision)",
    "revision without credits": "SELECT count(*) FROM revisions r WHERE NOT EXISTS "
    "(SELECT 1 FROM credits c WHERE c.revision_id = r.id)",
    "revision without removed parts": "SELECT count(*) FROM revisions r WHERE NOT EXISTS "
    "(SELECT 1 FROM removed_parts p WHERE p.revision_id = r.id)",
}


def test_killed_mid_batch_leaves_a_consistent_store(
    db: str, tmp_path: Path, make_article: ArticleFactory
) -> None:
    articles = [make_article(f"Report number {i}.", full=True, url=f"{URL}/{i}") for i in range(25)]
    pickled = tmp_path / "articles.pickle"
    pickled.write_bytes(pickle.dumps(articles))

    done = subprocess.run(
        [sys.executable, "-c", _KILLED_INGEST, db, str(pickled), "4"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )

    assert done.returncode == -signal.SIGKILL, done.stderr
    assert done.stdout.split() == ["new"] * 15
    with open_store(db) as store:
        assert store.count_articles() == 15
        with store._engine.connect() as conn:
            assert {name: conn.execute(sa.text(q)).scalar() for name, q in _ORPHANS.items()} == dict.fromkeys(
                _ORPHANS, 0
            )
        assert _add(store, articles, batch_size=5) == ["unchanged"] * 15 + ["new"] * 10
        assert store.count_articles() == 25


def test_very_long_url_is_an_identity_like_any_other(store: Store, make_article: ArticleFactory) -> None:
    # Longer than a PostgreSQL btree entry may be (~2.7 kB): the store indexes a digest of the URL.
    long_url = URL + "?" + "&".join(f"section{i}=world-news-and-analysis" for i in range(200))
    assert _add(store, [make_article("Before.", url=long_url), make_article("After.", url=long_url)]) == [
        "new",
        "revision",
    ]
    [article] = store.articles()
    assert (article.url, article.revision, article.text) == (long_url, 2, "After.")


@pytest.mark.parametrize("batch_size", [0, -3])
def test_batch_size_must_be_positive(store: Store, make_article: ArticleFactory, batch_size: int) -> None:
    with pytest.raises(ValueError, match="batch_size must be positive"):
        list(store.add_articles([make_article()], batch_size))
