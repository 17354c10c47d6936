"""Where the simple story grouping stands on ECB+ (dev half): B-cubed and pairwise F1 against gold stories.

Usage::

    .venv/bin/python benchmarks/group_simple.py [path/to/articles.jsonl]

Reads ``../shared/data/ecbplus_dev/articles.jsonl`` by default (462 articles, 40 gold stories, 22 topics
with two events of one kind each). Prints one row per threshold, the default marked, next to two
baselines run in the same process: every article alone, and one story per ECB+ topic (what a grouping
that cannot tell two earthquakes apart would reach).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from newstrace.group.simple import DEFAULT_THRESHOLD, group_stories
from newstrace.ingest.clean import clean_article
from newstrace.ingest.jsonl import record_article
from newstrace.model import Article, Rejection

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus_dev" / "articles.jsonl"
THRESHOLDS = (0.10, 0.14, 0.15, 0.16, 0.17, 0.18, 0.20, 0.22, 0.26, 0.30)


def load(path: Path) -> tuple[list[Article], dict[int, str], dict[int, str]]:
    """Articles as newstrace's own reader and cleaning make them, gold story and topic by id.

    Each line goes through :func:`~newstrace.ingest.jsonl.record_article` (which takes a date from the
    URL when the line states none) and :func:`~newstrace.ingest.clean.clean_article` (date stamps,
    datelines, bylines), as ``newstrace analyze`` reads it. One difference, kept from the first version
    of this loader: the body's first line, which repeats the title in every ECB+ row, is left out (a
    row with nothing else keeps it as its text).
    """
    articles, gold, topic = [], {}, {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            row = json.loads(line)
            body = "\n\n".join(row["text"].split("\n")[1:])
            read = record_article({**row, "text": body if body.strip() else row["text"]}, str(path), number)
            if isinstance(read, Rejection):
                raise ValueError(f"{path}:{number}: {read.reason}")
            article = clean_article(read)
            article.id = number
            articles.append(article)
            gold[number] = row["story"]
            topic[number] = str(row["topic"])
    return articles, gold, topic


def bcubed(pred: dict[int, str], gold: dict[int, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, label in pred.items():
        by_pred[label].add(item)
    for item, label in gold.items():
        by_gold[label].add(item)
    p = r = 0.0
    for item in gold:
        cluster, truth = by_pred[pred[item]], by_gold[gold[item]]
        both = len(cluster & truth)
        p += both / len(cluster)
        r += both / len(truth)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise_f1(pred: dict[int, str], gold: dict[int, str]) -> float:
    items = sorted(gold)
    tp = fp = fn = 0
    for a, left in enumerate(items):
        for right in items[a + 1 :]:
            same_pred, same_gold = pred[left] == pred[right], gold[left] == gold[right]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not path.exists():
        print(f"ECB+ data not found at {path}", file=sys.stderr)
        return 2
    articles, gold, topic = load(path)
    n_gold, n_topics = len(set(gold.values())), len(set(topic.values()))
    print(f"{len(articles)} articles, {n_gold} gold stories, {n_topics} topics")
    header = ("method", "stories", "B3 P", "B3 R", "B3 F1", "pair F1", "vs base", "secs")
    print(
        f"{header[0]:<28}"
        + "".join(f"{h:>{9 if h in ('pair F1', 'vs base') else 8}}" for h in header[1:-1])
        + f"{header[-1]:>7}"
    )
    rows = [
        ("baseline: all singletons", {i: str(i) for i in gold}, 0.0),
        ("reference: one per topic", topic, 0.0),
    ]
    default = DEFAULT_THRESHOLD
    for threshold in sorted({*THRESHOLDS, default}):
        began = time.perf_counter()
        stories = group_stories(articles, threshold)
        secs = time.perf_counter() - began
        pred = {i: str(n) for n, s in enumerate(stories) for i in s.article_ids}
        mark = " (default)" if threshold == default else ""
        rows.append((f"simple t={threshold:.2f}{mark}", pred, secs))
    base_f1 = bcubed(rows[0][1], gold)[2]
    for name, pred, secs in rows:
        p, r, f1 = bcubed(pred, gold)
        print(
            f"{name:<28}{len(set(pred.values())):>8}{p:>8.3f}{r:>8.3f}{f1:>8.3f}"
            f"{pairwise_f1(pred, gold):>9.3f}{f1 / base_f1:>8.2f}x{secs:>7.2f}"
        )
    print("vs base: B-cubed F1 over the all-singletons baseline's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
