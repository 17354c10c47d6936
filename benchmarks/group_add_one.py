"""How long regrouping takes after one article arrives in a store of N articles.

Usage::

    .venv/bin/python benchmarks/group_add_one.py 10000 [--repeat 5] [--keep store.db] [--no-baseline]

Fills a SQLite store with N generated articles (benchmarks/corpus_gen.py, with their publication days),
groups them once, then adds articles one at a time and times ``newstrace.pipeline.place_new`` (what
``regroup`` runs) after each: ``--repeat`` light edits of stored articles (a copy: band-key lookup, copy
tree regrown, joins its tree's story) and as many generated articles from beyond the stored ones, dated
on the corpus's last day (story placement through the stored centroids, with closed stories swept out of
the posting lists). It prints each time and the median per kind. The old full path (read the store, find
copies, assign stories, write everything back) is timed on the same store for comparison unless
``--no-baseline``.

``--keep PATH`` builds the grouped store at PATH once and, when PATH exists, starts from a copy of it
instead (storing and grouping 100,000 articles takes many minutes; the arrivals never touch PATH).
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen  # noqa: E402

from newstrace.config import make_options  # noqa: E402
from newstrace.group import assign_stories, find_copies  # noqa: E402
from newstrace.model import Article, PartialDate, SourceRef  # noqa: E402
from newstrace.pipeline import place_new, regroup  # noqa: E402
from newstrace.store import open_store  # noqa: E402

# Day 0 of the generated corpus (as benchmarks/group_scale.py).
EPOCH = datetime.date(2024, 1, 1)


def _date(day: int) -> PartialDate:
    when = EPOCH + datetime.timedelta(days=day)
    return PartialDate(when.year, when.month, when.day)


def _articles(n: int, start: int = 0, seed: int = 1) -> list[Article]:
    """Generated articles ``start`` … ``n - 1`` of the corpus of ``n``, dated (only their chunks are made)."""
    out = []
    for number in range(start // corpus_gen.CHUNK, (n + corpus_gen.CHUNK - 1) // corpus_gen.CHUNK):
        chunk = corpus_gen.chunk(seed, number, min(corpus_gen.CHUNK, n - number * corpus_gen.CHUNK))
        for i, text in enumerate(chunk.texts):
            if chunk.start + i < start:
                continue
            out.append(
                Article(
                    text,
                    SourceRef(f"gen/{chunk.start + i}.txt", "text"),
                    text=text,
                    title=chunk.titles[i],
                    published=_date(chunk.days[i]),
                )
            )
    return out


def _build(path: Path, n: int) -> None:
    options = make_options(db=str(path))
    with open_store(options.db) as store:
        began = time.perf_counter()
        for _ in store.add_articles(_articles(n), 1000):
            pass
        print(f"stored {n:,} articles in {time.perf_counter() - began:.1f} s", flush=True)
        began = time.perf_counter()
        regroup(store, options)
        print(f"first grouping of {n:,}: {time.perf_counter() - began:.1f} s", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="arrivals of each kind")
    parser.add_argument("--keep", type=Path, help="grouped store to build once and start from")
    parser.add_argument("--no-baseline", action="store_true", help="skip the full path")
    args = parser.parse_args(argv[1:])
    n = args.n
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        if args.keep is not None and args.keep.exists():
            shutil.copyfile(args.keep, db)
            print(f"started from {args.keep} (a grouped store of {n:,} articles)")
        else:
            _build(db, n)
            if args.keep is not None:
                shutil.copyfile(db, args.keep)
        options = make_options(db=str(db))
        with open_store(options.db) as store:
            # The stored corpus's last day: the new reports arrive on it.
            last_day = max(a.published for a in _articles(n, n - 1) if a.published is not None)
            # New texts: the corpus of another seed (a prefix of seed 1's could repeat a stored text).
            beyond = _articles(args.repeat, seed=2)
            arrivals = []
            for k in range(args.repeat):
                one = store.article(1 + k * max(1, n // args.repeat))
                text = one.text + " Updated."
                copy = Article(
                    text, SourceRef(f"gen/extra{k}.txt", "text"), text=text, published=one.published
                )
                arrivals.append(("a copy", copy))
            for k, article in enumerate(beyond):
                report = Article(
                    article.text,
                    SourceRef(f"gen/beyond{k}.txt", "text"),
                    text=article.text,
                    title=article.title,
                    published=last_day,
                )
                arrivals.append(("a new report", report))
            took_by_kind: dict[str, list[float]] = {}
            for what, extra in arrivals:
                began = time.perf_counter()
                list(store.add_articles([extra]))
                stored = time.perf_counter() - began
                began = time.perf_counter()
                grown = place_new(store, options)
                took = time.perf_counter() - began
                took_by_kind.setdefault(what, []).append(took)
                print(
                    f"one more article ({what}): stored in {stored:.3f} s, placed in {took:.3f} s"
                    f" (story {grown[0].id} of {len(grown[0].article_ids)} articles)",
                    flush=True,
                )
            for what, times in took_by_kind.items():
                print(
                    f"placing {what}: median {statistics.median(times):.3f} s over {len(times)}"
                    f" (min {min(times):.3f}, max {max(times):.3f})"
                )
            if args.no_baseline:
                return 0
            began = time.perf_counter()
            articles = store.articles()
            read = time.perf_counter() - began
            copies = find_copies(articles)
            found = time.perf_counter() - began - read
            stories = assign_stories(articles, store.stories(), copies, options.story_threshold)
            placed = time.perf_counter() - began - read - found
            store.replace_copies(copies)
            store.replace_stories(stories)
            total = time.perf_counter() - began
            print(
                f"baseline, the full path: {total:.2f} s (read store {read:.2f}, copies {found:.2f},"
                f" place {placed:.2f}, write {total - read - found - placed:.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
