"""The vocabulary of the NER's static vectors (training/ner_vectors.py), without loading MiniLM."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from training.ner_vectors import reduce, vocabulary


def test_vocabulary_keeps_frequent_listed_and_minilm_words_and_drops_rare_ones(tmp_path: Path) -> None:
    minilm = tmp_path / "vocab.txt"
    minilm.write_text("[PAD]\n[unused0]\nthe\n##ing\nseoul\n,\nnon-stop\n", encoding="utf-8")
    text = ["Jeon", "JEON", "jeon", "Ha-kyu", "Ha-kyu", "SEOUL", ",", ",", ",", "...", "O'Neill", "_x"]
    words = vocabulary(text, minilm, min_count=3, always=["Ussuriysk", "-"])
    # "jeon" counts three times in any casing; "ha-kyu" (twice) and "o'neill" (once) are left to the
    # zero vector that unseen names get at run time.
    assert words == sorted({"jeon", "ussuriysk", "seoul", "the", "non-stop"})


def test_reduce_keeps_the_requested_columns_and_the_variance_it_can() -> None:
    rng = np.random.default_rng(0)
    # Rank-3 data in 10 columns: three components keep all of it.
    data = rng.normal(size=(200, 3)) @ rng.normal(size=(3, 10))
    reduced, kept = reduce(data, 3)
    assert reduced.shape == (200, 3)
    assert kept > 0.999
    assert abs(float(np.linalg.norm(reduced, axis=1).mean()) - 1.0) < 1e-5
