"""Article extraction quality of newstrace's HTML reader against trafilatura's defaults.

Data: the Zyte article-extraction-benchmark in ../shared/data (181 pages with gold body text, MIT).
Metric (re-implemented from the benchmark's description): word tokens, 4-gram shingles counted as
multisets, true/false positives and negatives summed over all pages, then precision, recall and F1.
A page an extractor returns nothing for counts all its gold shingles as false negatives.

Run::

    .venv/bin/python benchmarks/extraction.py [--limit N]

Prints a table; asserts nothing. Last run (181 pages, trafilatura 2.3.1): baseline P 0.933 / R 0.974 /
F1 0.953; newstrace body P 0.976 / R 0.969 / F1 0.973, 1.3x the baseline's time (htmldate runs twice).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"

# Word tokens as the benchmark counts them: runs of letters and digits.
TOKEN = re.compile(r"\w+", re.UNICODE)

SHINGLE = 4


@dataclass
class Score:
    """Shingle counts summed over pages, and time spent."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    empty: int = 0
    seconds: float = 0.0

    def add(self, predicted: str, gold: str) -> None:
        pred, true = _shingles(predicted), _shingles(gold)
        overlap = sum((pred & true).values())
        self.tp += overlap
        self.fp += sum(pred.values()) - overlap
        self.fn += sum(true.values()) - overlap
        self.empty += not predicted.strip()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(len(tokens) - SHINGLE + 1, 0)))


def _newstrace(html: str) -> str:
    from newstrace.errors import InputError
    from newstrace.ingest.html import extract_html

    try:
        page = extract_html(html)
    except InputError:
        return ""
    return f"{page.title}\n\n{page.text}" if page.title else page.text


def _newstrace_body(html: str) -> str:
    from newstrace.errors import InputError
    from newstrace.ingest.html import extract_html

    try:
        return extract_html(html).text
    except InputError:
        return ""


def _trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura defaults (baseline)": _trafilatura_default,
    "newstrace html reader (body)": _newstrace_body,
    "newstrace html reader (title + body)": _newstrace,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA}", file=sys.stderr)
        return 2
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every discarded page
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: args.limit or None]
    scores = {name: Score() for name in EXTRACTORS}
    for page_id in ids:
        path = DATA / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        for name, extract in EXTRACTORS.items():
            start = time.perf_counter()
            predicted = extract(html)
            scores[name].seconds += time.perf_counter() - start
            scores[name].add(predicted, gold[page_id]["articleBody"])
    baseline = scores["trafilatura defaults (baseline)"]
    print(f"{len(ids)} pages, 4-gram shingle precision / recall / F1 over all pages\n")
    print(
        f"{'extractor':<40} {'prec':>6} {'recall':>6} {'F1':>6} {'empty':>5} {'s/page':>7} {'time ratio':>10}"
    )
    for name, score in scores.items():
        ratio = score.seconds / baseline.seconds if baseline.seconds else 0.0
        print(
            f"{name:<40} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {score.empty:5d} "
            f"{score.seconds / len(ids):7.3f} {ratio:10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
