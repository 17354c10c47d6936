"""Copy detection + story clustering at scale on a generated corpus, against plain datasketch in the same run.

Usage::

    .venv/bin/python benchmarks/group_scale.py 10000 100000 [--baseline 20000] [--cache DIR] [--workers 1]

With ``--cache DIR`` each generated chunk is kept in DIR and read back by the second pass and later runs
(for 1M articles, fill it ahead: ``benchmarks/corpus_gen.py --fill 1000000 DIR``, ~3.3 GB).

For each N: generates the corpus (benchmarks/corpus_gen.py; generation is not timed, reading a chunk
back from ``--cache`` is), then times

1. shingling + vectorised MinHash (newstrace.group.minhash), chunk by chunk (texts are not kept);
2. LSH candidates by sorting band keys, verification by signature estimate, copy trees
   (newstrace.group.lsh, newstrace.group.copies);
3. incremental story clustering, copies joining their original's story (newstrace.group.stories),
   over the same corpus read again chunk by chunk;

With ``--workers W`` (default 1) the per-article work runs in W worker processes
(newstrace.group.bulk.ordered_map): step 1 in W + 1 of them (this process only hands out texts), and in
step 3 the story features of the next batches in W while this process places; the features worker
starts before step 2, so it works while the copies are found. ``--workers 0`` runs everything here, one
step after another. The stories are the same either way (the "stories digest" line tells).

Prints docs/s per step and the wall-clock total, peak RSS, copy precision/recall on the planted copies (a
predicted copy edge is right when both ends belong to one planted copy group; a planted copy is found
when it lands in its original's predicted copy tree) per copy kind, and story B-cubed F1 against the
planted stories. The baseline, plain datasketch ``MinHash(num_perm=128)`` + ``MinHashLSH(threshold=0.3)``
over the same shingles, runs on the first ``--baseline`` articles of the same corpus (it is too slow for
more), immediately followed by newstrace's copy step on the same texts; that ratio is the fair one on a
shared machine (both in one process). The per-N "vs datasketch" line divides the N run's copy-step
rate (signatures and copies, wall clock, with the run's workers) by the baseline's.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import resource
import sys
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen  # noqa: E402
from group_simple import bcubed  # noqa: E402

from newstrace.config import Options  # noqa: E402
from newstrace.group.bulk import FeatureSource, features_ahead, ordered_map  # noqa: E402
from newstrace.group.copies import COPY_JACCARD, copy_pairs, copy_trees  # noqa: E402
from newstrace.group.minhash import NUM_PERM, shingle_hashes, signatures  # noqa: E402
from newstrace.group.stories import StoryClusterer  # noqa: E402
from newstrace.model import PartialDate  # noqa: E402

# Day 0 of the generated corpus.
EPOCH = datetime.date(2024, 1, 1)

# Texts per signature batch: ~1,000 texts × ~500 shingles keep the batch's arrays near 10 MB.
BATCH = 1000
# Articles per story-feature job (newstrace.group.incremental's FEATURE_BATCH), and jobs handed to the
# features worker ahead: finding the copies of 1M articles takes ~40 s, in which the worker makes the
# features of 40 × 2,000 articles (~0.4 ms each), ready when placement starts; they hold ~400 MB (the
# run's peak RSS is 3.6 GB without them).
FEATURE_BATCH = 2000
FEATURES_AHEAD = 40


def peak_rss_mb() -> float:
    """Peak RSS of this process plus the largest peak of a finished worker (an upper bound of the two
    together: the workers of a step end before its results are used)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def signature_job(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Signatures, shingle counts and word counts of a batch of texts (a job for a worker)."""
    sigs, sizes = signatures(texts)
    return sigs, sizes, np.array([len(t.split()) for t in texts], dtype=np.int64)


def run(n: int, seed: int, threshold: float, cache: Path | None = None, workers: int = 1) -> dict[str, float]:
    sigs = np.zeros((n, NUM_PERM), dtype=np.uint32)
    sizes = np.zeros(n, dtype=np.int64)
    lengths = np.zeros(n, dtype=np.int64)
    days = np.zeros(n, dtype=np.int64)
    copy_of: dict[int, int] = {}
    copy_kind: dict[int, str] = {}
    story: dict[int, int] = {}
    starts: deque[int] = deque()

    def text_batches() -> Iterator[list[str]]:
        for chunk in corpus_gen.corpus(seed, n, cache):
            days[chunk.start : chunk.start + len(chunk.texts)] = chunk.days
            copy_of.update(chunk.copy_of)
            copy_kind.update(chunk.copy_kind)
            story.update({chunk.start + i: s for i, s in enumerate(chunk.story)})
            for at in range(0, len(chunk.texts), BATCH):
                starts.append(chunk.start + at)
                yield chunk.texts[at : at + BATCH]

    began = time.perf_counter()
    for batch_sigs, batch_sizes, batch_lengths in ordered_map(
        signature_job, text_batches(), workers + 1 if workers else 0
    ):
        at = starts.popleft()
        sigs[at : at + len(batch_sigs)] = batch_sigs
        sizes[at : at + len(batch_sigs)] = batch_sizes
        lengths[at : at + len(batch_sigs)] = batch_lengths
        done = at + len(batch_sigs)
        rate = done / (time.perf_counter() - began)
        print(f"\r  N={n:,}: signatures {done:,}/{n:,} ({rate:,.0f} docs/s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    t_sig = time.perf_counter() - began

    # Story features, in placement order (a chunk's articles by day, then index), from here on made
    # ahead by the workers; `orders` holds the article indices of the batches handed out.
    orders: deque[list[int]] = deque()

    def feature_batches() -> Iterator[list[FeatureSource]]:
        for chunk in corpus_gen.corpus(seed, n, cache):
            order = sorted(range(len(chunk.texts)), key=lambda i: (chunk.days[i], chunk.start + i))
            for at in range(0, len(order), FEATURE_BATCH):
                part = order[at : at + FEATURE_BATCH]
                orders.append([chunk.start + i for i in part])
                batch = []
                for i in part:
                    when = EPOCH + datetime.timedelta(days=chunk.days[i])
                    published = PartialDate(when.year, when.month, when.day)
                    batch.append(FeatureSource(chunk.titles[i], chunk.texts[i], published))
                yield batch

    began_features = time.perf_counter()
    features = features_ahead(feature_batches(), workers, FEATURES_AHEAD)
    began = time.perf_counter()
    pairs = copy_pairs(sigs, sizes)
    rank_keys = list(zip(days.tolist(), (-lengths).tolist(), range(n), strict=True))
    edges = copy_trees(n, pairs, rank_keys.__getitem__)
    t_copy = time.perf_counter() - began

    # Stories: a copy joins the story of its tree's root, placed first (roots precede copies in time).
    parent = {e.copy: e.original for e in edges}
    clusterer = StoryClusterer(threshold)
    number: dict[int, int] = {}
    began = time.perf_counter()
    for batch in features:
        for index, feats in zip(orders.popleft(), batch, strict=True):
            root = index
            while root in parent:
                root = parent[root]
            joined = number.get(root) if root != index else None
            number[index] = clusterer.add(feats, copy_of_story=joined)
        print(f"\r  N={n:,}: stories {len(number):,}/{n:,}", end="", file=sys.stderr)
    print(file=sys.stderr)
    t_story = time.perf_counter() - began
    t_features = time.perf_counter() - began_features
    # Copy quality, against planted copy groups (an original and its copies).
    group = {i: copy_of.get(i, i) for i in range(n)}
    right = sum(group[e.copy] == group[e.original] for e in edges)
    precision = right / len(edges) if edges else 1.0
    root_of = {}
    for i in range(n):
        r = i
        while r in parent:
            r = parent[r]
        root_of[i] = r
    found_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for copy, original in copy_of.items():
        hit = root_of[copy] == root_of[original]
        found_by_kind[copy_kind[copy]][0] += hit
        found_by_kind[copy_kind[copy]][1] += 1
    found = sum(v[0] for v in found_by_kind.values())
    recall = found / len(copy_of) if copy_of else 1.0
    pred = {i: str(number[i]) for i in range(n)}
    gold = {i: str(story[i]) for i in range(n)}
    _, _, f1 = bcubed(pred, gold)
    total = t_sig + t_features
    print(
        f"N={n:>9,}  minhash {n / t_sig:>8,.0f} docs/s  copies {t_copy:>6.1f} s"
        f"  stories {n / t_story:>7,.0f} docs/s"
        f"  total {total:>7.1f} s = {n / total:>7,.0f} docs/s  peak RSS {peak_rss_mb():>6,.0f} MB"
        f"  (workers {workers}; minhash {t_sig:.1f} s, stories {t_story:.1f} s)"
    )
    digest = hashlib.sha1(str([number[i] for i in range(n)]).encode()).hexdigest()[:12]
    print(f"           stories digest {digest} ({len(set(number.values())):,} stories)")
    print(
        f"           planted copies {len(copy_of):,}: precision {precision:.4f}  recall {recall:.4f}  ("
        + ", ".join(f"{k} {v[0] / v[1]:.3f}" for k, v in sorted(found_by_kind.items()))
        + f")  story B3 F1 {f1:.3f}"
    )
    return {"copy_docs_per_s": n / (t_sig + t_copy), "total_s": total}


def baseline(n: int, seed: int) -> float:
    """Plain datasketch on the first n articles: docs/s of MinHash + MinHashLSH insert + query."""
    from datasketch import MinHash, MinHashLSH

    texts: list[str] = []
    for chunk in corpus_gen.corpus(seed, n):
        texts += chunk.texts
    began = time.perf_counter()
    lsh = MinHashLSH(threshold=COPY_JACCARD, num_perm=NUM_PERM)
    hashes = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([s.tobytes() for s in shingle_hashes(text)])
        lsh.insert(i, m)
        hashes.append(m)
    pairs = 0
    for i, m in enumerate(hashes):
        pairs += sum(1 for j in lsh.query(m) if j > i and m.jaccard(hashes[j]) >= COPY_JACCARD)
    secs = time.perf_counter() - began
    # Ours on the very same texts right after, so both see the same machine load (this machine is shared).
    began = time.perf_counter()
    sigs, sizes = signatures(texts)
    ours_pairs = len(copy_pairs(sigs, sizes))
    ours = time.perf_counter() - began
    print(
        f"datasketch baseline N={n:,}: {n / secs:,.0f} docs/s ({secs:.1f} s, {pairs:,} pairs);"
        f" newstrace on the same texts: {n / ours:,.0f} docs/s ({ours:.1f} s, {ours_pairs:,} pairs):"
        f" {secs / ours:.1f}x"
    )
    return n / secs


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--baseline", type=int, default=20_000, help="articles for the datasketch run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, help="folder keeping generated chunks (corpus_gen.py --fill makes them ahead)"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes beside this one (0: all steps here)"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=Options().story_threshold,
        help="story threshold (default: the option's)",
    )
    args = parser.parse_args(argv[1:])
    base = baseline(args.baseline, args.seed) if args.baseline else 0.0
    for n in args.sizes:
        result = run(n, args.seed, args.threshold, args.cache, args.workers)
        if base:
            print(f"           copy step vs datasketch: {result['copy_docs_per_s'] / base:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
