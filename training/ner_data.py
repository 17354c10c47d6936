"""Readers for the NER corpora in ``../shared/data``, mapped to our labels PER / ORG / LOC.

Every reader returns :class:`Sentence` records (words, BIO tags, and the text they came from) so that
training and the benchmark see the same data. Mapping decisions:

- UNER English-EWT: PER/ORG/LOC kept; the pre-release train file's ``OTH`` and stray ``B-O`` become ``O``.
- wikigold (CoNLL-2003 IOB1): PER/ORG/LOC kept, MISC dropped (our schema has no MISC type).
- WNUT17: person → PER, location → LOC, corporation/group → ORG; product and creative-work dropped.

GPE is folded into LOC throughout (UNER does the same).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")

_WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: tokens, BIO tags over our labels, and its text (tokens joined as written)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    spaces: tuple[bool, ...]

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))


def _spaces_from_text(words: list[str], text: str | None) -> list[bool]:
    """Whether each word is followed by a space in ``text``; a single space each when it does not align."""
    if text is None:
        return [True] * len(words)
    spaces, pos = [], 0
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            return [True] * len(words)
        pos = found + len(word)
        spaces.append(pos < len(text) and text[pos].isspace())
    return spaces


def _bio(tags: list[str]) -> list[str]:
    """IOB1 or BIO with dropped labels → clean BIO: an ``I-`` after a different label opens an entity."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and prev == label:
            out.append(f"I-{label}")
        else:
            out.append(f"B-{label}")
        prev = label
    return out


def _keep(tag: str, mapping: dict[str, str] | None) -> str:
    if tag in ("O", "B-O", "I-O") or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    label = mapping.get(label, "") if mapping is not None else label
    return f"{prefix}-{label}" if label in LABELS else "O"


def read_uner(path: Path) -> list[Sentence]:
    """Read a UNER ``.iob2`` file (``# text`` comments, then ``index token tag - annotator`` rows)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    text: str | None = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                spaces = _spaces_from_text(words, text)
                sentences.append(Sentence(tuple(words), tuple(_bio(tags)), tuple(spaces)))
            words, tags, text = [], [], None
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(_keep(cols[2], None))
    return sentences


def _read_columns(path: Path, sep: str | None, mapping: dict[str, str] | None) -> Iterator[list[Sentence]]:
    """Yield documents (lists of sentences) of a two-column CoNLL file; ``-DOCSTART-`` splits documents."""
    doc: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-"):
            if doc:
                yield doc
            doc = []
            continue
        if not line.strip():
            if words:
                doc.append(Sentence(tuple(words), tuple(_bio(tags)), tuple([True] * len(words))))
            words, tags = [], []
            continue
        cols = line.split(sep)
        if len(cols) < 2:
            continue
        words.append(cols[0])
        tags.append(_keep(cols[-1], mapping))
    if doc:
        yield doc


def read_wikigold(path: Path, part: str) -> list[Sentence]:
    """Read wikigold with our fixed split: the first 116 of its 145 documents train, the last 29 test.

    Splitting by document (not sentence) keeps one article's repeated names out of both halves; 116/29 is
    the 80/20 cut.

    Args:
        path: ``wikigold.conll.txt``.
        part: ``"train"`` or ``"test"``.
    """
    docs = list(_read_columns(path, " ", {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}))
    chosen = docs[:116] if part == "train" else docs[116:]
    return [s for doc in chosen for s in doc]


def read_wnut17(path: Path) -> list[Sentence]:
    """Read a WNUT17 file (token TAB tag), mapped to our labels."""
    return [s for doc in _read_columns(path, "\t", _WNUT_MAP) for s in doc]


def entity_spans(sentence: Sentence) -> set[tuple[int, int, str]]:
    """Gold entities as ``(start_char, end_char, label)`` over :attr:`Sentence.text`."""
    spans: set[tuple[int, int, str]] = set()
    pos, start, label = 0, -1, ""
    ends: list[int] = []
    for word, space in zip(sentence.words, sentence.spaces, strict=True):
        ends.append(pos + len(word))
        pos += len(word) + (1 if space else 0)
    starts = [e - len(w) for e, w in zip(ends, sentence.words, strict=True)]
    for i, tag in enumerate([*sentence.tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((starts[start], ends[i - 1], label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans
