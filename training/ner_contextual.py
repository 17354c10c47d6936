"""Cache contextual MiniLM word features of the NER data sets (for training and comparing heads).

The features are those of the accurate mode (:func:`newstrace.annotate.contextual.word_features`: MiniLM
layers 3 and 6 of each word's first word-piece, over its sentence, weights frozen). They are saved under
``build/ner_ctx/`` (float16, one ``.npz`` per data set, never in the repository) so that heads can be
trained and compared without running MiniLM again (about 4 minutes for all sets on one thread)::

    OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python -m training.ner_contextual [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from training.ner_data import Sentence, read_uner, read_wikigold

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "ner_ctx"
UNER_TRAIN = "uner_english_ewt/en_ewt-ud-train.pre-release-2022-12-02.iob2"
UNER_DEV = "uner_english_ewt/en_ewt-ud-dev.iob2"
UNER_TEST = "uner_english_ewt/en_ewt-ud-test.iob2"


def splits(data: Path) -> dict[str, list[Sentence]]:
    """The data sets by name: training (UNER train, wikigold train), UNER dev (decisions), the tests."""
    wikigold = data / "wikigold" / "wikigold.conll.txt"
    return {
        "uner_dev": read_uner(data / UNER_DEV),
        "uner_test": read_uner(data / UNER_TEST),
        "wikigold_test": read_wikigold(wikigold, "test"),
        "wikigold_train": read_wikigold(wikigold, "train"),
        "uner_train": read_uner(data / UNER_TRAIN),
    }


def load_cached(path: Path) -> list[np.ndarray]:
    """Per-sentence feature arrays saved by :func:`cache_features` (float16)."""
    with np.load(path) as data:
        return np.split(data["feats"], np.cumsum(data["lengths"])[:-1])


def cache_features(name: str, sentences: list[Sentence], folder: Path = CACHE) -> list[np.ndarray]:
    """A data set's features, from ``folder`` when an earlier run saved them, else computed and saved."""
    from newstrace.annotate.contextual import word_features

    path = folder / f"{name}.npz"
    if not path.is_file():
        start = time.perf_counter()
        feats = word_features([s.words for s in sentences])
        lengths = np.array([len(f) for f in feats], dtype=np.int64)
        folder.mkdir(parents=True, exist_ok=True)
        np.savez(path, feats=np.concatenate(feats).astype(np.float16), lengths=lengths)
        words = int(lengths.sum())
        print(f"{name}: {len(sentences)} sentences, {words} words, {time.perf_counter() - start:.0f} s")
    return load_cached(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="cache MiniLM word features of the NER data sets")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    for name, sentences in splits(args.data).items():
        cache_features(name, sentences)


if __name__ == "__main__":
    main()
