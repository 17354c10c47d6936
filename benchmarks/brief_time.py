"""Time to build the brief of a 10-article story, with and without claims (issue 7 target: <= 3 s).

    .venv/bin/python benchmarks/brief_time.py [--runs 5]

The story: the seven ferry reports of ``examples/corpus`` (every article that names the MV Skarholm) plus
the three written variants in ``benchmarks/data/ferry_variants``. Articles are read and cleaned as
newstrace reads them; reading is not timed. Models (MiniLM for claims, the NER pipeline for entities) are
loaded and one brief is built before timing, so the figures exclude model load.

Two briefs are timed in the same run, alternately, each the median of ``--runs`` builds:

- baseline: the same :func:`newstrace.brief.build.build_brief` with the claims step left out (sentence
  overlap only: shared and single sentences, summary, timeline, entities, sources, copies);
- full: the brief as shipped, with claims (statements, MiniLM alignment, conflicts, labels).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newstrace.config import Options
from newstrace.model import Article, Brief, RunReport, Story

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "examples" / "corpus"
VARIANTS = HERE / "data" / "ferry_variants"
# The ferry story's articles in the example corpus all name the ship; the other stories never do.
STORY_WORD = "Skarholm"


def story_articles() -> list[Article]:
    """The ten ferry articles, cleaned, with ids 1..10."""
    from newstrace.pipeline import cleaned_articles

    paths = [str(CORPUS), *sorted(str(p) for p in VARIANTS.glob("*.txt"))]
    articles = [a for a in cleaned_articles(paths, Options(), RunReport()) if STORY_WORD in a.text]
    for number, article in enumerate(articles, start=1):
        article.id = number
    return articles


def _timed(build: Callable[[], Brief], runs: int) -> tuple[float, Brief]:
    times, brief = [], None
    for _ in range(runs):
        started = time.perf_counter()
        brief = build()
        times.append(time.perf_counter() - started)
    assert brief is not None
    return statistics.median(times), brief


def main(argv: list[str] | None = None) -> int:
    import newstrace.brief.build as build_module
    from newstrace.brief.build import build_brief

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant (median reported)")
    args = parser.parse_args(argv)

    articles = story_articles()
    story = Story(tuple(a.id for a in articles if a.id is not None), "Ferry capsizes off Port Halvard", 1)
    similarity = Options().sentence_similarity
    words = sum(len(a.text.split()) for a in articles)
    print(f"story: {len(articles)} articles, {words} words")

    full_claims = build_module.build_claims

    def without_claims() -> Brief:
        build_module.build_claims = lambda members, copies: ()  # type: ignore[assignment]
        try:
            return build_brief(story, articles, similarity)
        finally:
            build_module.build_claims = full_claims

    def with_claims() -> Brief:
        return build_brief(story, articles, similarity)

    started = time.perf_counter()
    with_claims()  # loads MiniLM and the NER pipeline: not timed
    print(f"first build (model load included): {time.perf_counter() - started:.2f} s")

    base_times, full_times = [], []
    base = full = None
    for _ in range(args.runs):
        t, base = _timed(without_claims, 1)
        base_times.append(t)
        t, full = _timed(with_claims, 1)
        full_times.append(t)
    assert base is not None and full is not None
    base_s, full_s = statistics.median(base_times), statistics.median(full_times)
    labels = {
        label: sum(c.label == label for c in full.claims) for label in ("agreed", "single", "conflicting")
    }
    print(f"{'brief':34} {'median s':>9} {'min s':>7}  content")
    print(
        f"{'baseline: sentence overlap only':34} {base_s:9.2f} {min(base_times):7.2f}  "
        f"{len(base.shared)} shared, {len(base.single)} single sentences"
    )
    print(
        f"{'full: with claims':34} {full_s:9.2f} {min(full_times):7.2f}  {len(full.claims)} claims {labels}"
    )
    print(
        f"claims add {full_s - base_s:.2f} s ({full_s / base_s:.2f}x the baseline); target <= 3 s: "
        f"{'met' if full_s <= 3 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
