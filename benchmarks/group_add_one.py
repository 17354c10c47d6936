"""How long regrouping takes after one article arrives in a store of N articles.

Usage::

    .venv/bin/python benchmarks/group_add_one.py 10000

Fills a temporary SQLite store with N generated articles (benchmarks/corpus_gen.py), groups them once,
then adds one more article and times ``newstrace.pipeline.place_new`` (what ``regroup`` runs): first a
light edit of a stored article (a copy: band-key lookup, copy tree regrown, joins its tree's story),
then a generated article from beyond the stored ones (story placement through the stored centroids).
The old full path (read the store, find copies, assign stories, write everything back) is timed on the
same store for comparison.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen  # noqa: E402

from newstrace.config import make_options  # noqa: E402
from newstrace.group import assign_stories, find_copies  # noqa: E402
from newstrace.model import Article, SourceRef  # noqa: E402
from newstrace.pipeline import place_new, regroup  # noqa: E402
from newstrace.store import open_store  # noqa: E402


def _articles(n: int) -> list[Article]:
    out = []
    for chunk in corpus_gen.corpus(1, n):
        for i, text in enumerate(chunk.texts):
            out.append(
                Article(
                    text, SourceRef(f"gen/{chunk.start + i}.txt", "text"), text=text, title=chunk.titles[i]
                )
            )
    return out


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        options = make_options(db=str(Path(tmp) / "store.db"))
        with open_store(options.db) as store:
            began = time.perf_counter()
            for _ in store.add_articles(_articles(n), 1000):
                pass
            print(f"stored {n:,} articles in {time.perf_counter() - began:.1f} s")
            began = time.perf_counter()
            regroup(store, options)
            print(f"first grouping of {n:,}: {time.perf_counter() - began:.1f} s")
            one = store.article(1)
            beyond = _articles(n + 1)[-1]
            extras = [
                (
                    "a copy",
                    Article(
                        one.text + " Updated.",
                        SourceRef("gen/extra.txt", "text"),
                        text=one.text + " Updated.",
                    ),
                ),
                (
                    "a new report",
                    Article(
                        beyond.text, SourceRef("gen/beyond.txt", "text"), text=beyond.text, title=beyond.title
                    ),
                ),
            ]
            for what, extra in extras:
                began = time.perf_counter()
                list(store.add_articles([extra]))
                stored = time.perf_counter() - began
                began = time.perf_counter()
                grown = place_new(store, options)
                took = time.perf_counter() - began
                print(
                    f"one more article ({what}): stored in {stored:.3f} s, placed in {took:.3f} s"
                    f" (story {grown[0].id} of {len(grown[0].article_ids)} articles)"
                )
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
