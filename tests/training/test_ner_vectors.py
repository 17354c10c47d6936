"""The vocabulary of the NER's static vectors (training/ner_vectors.py), without loading MiniLM."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from training.ner_vectors import reduce, vocabulary


def test_vocabulary_lowercases_merges_minilm_words_and_drops_punctuation(tmp_path: Path) -> None:
    minilm = tmp_path / "vocab.txt"
    minilm.write_text("[PAD]\n[unused0]\nthe\n##ing\nseoul\n,\nnon-stop\n", encoding="utf-8")
    words = vocabulary(["Jeon", "Ha-kyu", "SEOUL", ",", "...", "O'Neill", "_x"], minilm)
    assert words == sorted({"jeon", "ha-kyu", "seoul", "o'neill", "the", "non-stop"})


def test_reduce_keeps_the_requested_columns_and_the_variance_it_can() -> None:
    rng = np.random.default_rng(0)
    # Rank-3 data in 10 columns: three components keep all of it.
    data = rng.normal(size=(200, 3)) @ rng.normal(size=(3, 10))
    reduced, kept = reduce(data, 3)
    assert reduced.shape == (200, 3)
    assert kept > 0.999
    assert abs(float(np.linalg.norm(reduced, axis=1).mean()) - 1.0) < 1e-5
