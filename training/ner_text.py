"""Unlabeled text for the NER's static vectors: every corpus in ``../shared/data`` that may feed weights.

The contextual view of :mod:`training.ner_vectors` averages MiniLM's outputs for each word over all the
places it occurs here, so more (and more news-like) text gives rarer words a vector. Held out on purpose:

- UNER / UD English-EWT **test** (the same sentences: the benchmark's test set) and the wikigold test
  documents (117-145);
- TempEval-3 (TimeBank, AQUAINT): no licence is stated, so nothing that ships may be derived from it.

UNER train/dev carry the same sentences as UD English-EWT train/dev, so only the UD files are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from training.ner_data import read_wikigold, read_wnut17

# Words per chunk of a long article: MiniLM reads at most 128 word pieces at a time, and 60 news words
# come to ~75-90 pieces, so a chunk is rarely cut.
CHUNK_WORDS = 60


def _conllu_texts(path: Path) -> Iterator[str]:
    """The ``# text =`` line of every sentence of a CoNLL-U file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            yield line[len("# text = ") :]


def _chunks(text: str, size: int = CHUNK_WORDS) -> Iterator[str]:
    """Paragraphs of ``text``, each cut into runs of at most ``size`` whitespace words."""
    for paragraph in text.splitlines():
        words = paragraph.split()
        for i in range(0, len(words), size):
            yield " ".join(words[i : i + size])


def unlabeled_texts(data: Path) -> list[str]:
    """Sentences and article chunks of every corpus allowed to shape the shipped vectors.

    Args:
        data: the ``../shared/data`` folder.

    Returns:
        Texts of at most :data:`CHUNK_WORDS` words (corpus sentences are kept whole).
    """
    texts: list[str] = []
    ud = data / "ud_english_ewt"
    for part in ("train", "dev"):
        texts += _conllu_texts(ud / f"en_ewt-ud-{part}.conllu")
    texts += [s.text for s in read_wikigold(data / "wikigold" / "wikigold.conll.txt", "train")]
    for name in ("wnut17train.conll", "emerging.dev.conll"):
        texts += [s.text for s in read_wnut17(data / "wnut17" / name)]
    with (data / "ecbplus_dev" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            texts += _chunks(json.loads(line).get("text") or "")
    truth = json.loads((data / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8"))
    for page in truth.values():
        texts += _chunks(page.get("articleBody") or "")
    return [t for t in texts if t.strip()]
