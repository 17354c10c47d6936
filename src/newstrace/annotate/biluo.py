"""Entities from per-token BILUO tags: the decoding step of the shipped NER.

The trained pipeline tags every token with ``O`` or ``B-``/``I-``/``L-``/``U-`` plus a label (a softmax
over the tok2vec output) instead of running spaCy's transition-based ``ner``. The softmax costs a
fraction of a millisecond per article where the transition parser's per-token state loop cost about
10 ms on one core (benchmarks/ner.py), which alone was half the 20 ms budget.

Tags are decoded leniently, the way a reader would: a run of non-``O`` tags with one label is one entity,
a ``U-`` stands alone, a ``B-`` starts a new entity and an ``L-`` ends one, an ``I-`` or ``L-`` right after
an entity of its label that an ``L-`` just closed goes on with it ("B L L": the tagger was unsure where the
name ends), and one with nothing open starts an entity rather than being dropped.

The step is a spaCy factory (:data:`FACTORY`) so that the trained pipeline carries it and its scorer
(spaCy's ``ents_f``) picks the training checkpoint; import this module before ``spacy.load``.

Example:
    >>> biluo_spans(["O", "B-PER", "L-PER", "O", "U-LOC"])
    [(1, 3, 'PER'), (4, 5, 'LOC')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

# The spaCy factory name of the decoding step, as the trained pipeline's config names it.
FACTORY = "newstrace_biluo_ents"


def biluo_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` of a BILUO tag sequence, decoded leniently (module docstring).

    Args:
        tags: one tag per token: ``"O"`` or ``"<B|I|L|U>-<label>"``.

    Returns:
        Spans in order, ``end`` exclusive.
    """
    return _decode([(i, tag[0], tag[2:]) for i, tag in enumerate(tags) if tag != "O" and len(tag) > 2])


def _decode(tagged: Iterable[tuple[int, str, str]]) -> list[tuple[int, int, str]]:
    """Spans from ``(token index, prefix, label)`` of the non-``O`` tokens, in token order."""
    spans: list[tuple[int, int, str]] = []
    start, end, label = -1, -1, ""
    for i, prefix, lab in tagged:
        joins = start >= 0 and i == end and lab == label and prefix in ("I", "L")
        if not joins and start < 0 and prefix in ("I", "L") and spans and spans[-1][1:] == (i, lab):
            # "B-PER L-PER L-PER" ("Kim Jong Un"): an inside or last tag right after an entity of its
            # label that an L closed goes on with it, rather than opening a one-word entity of its own.
            start, _, label = spans.pop()
            joins = True
        if not joins:
            if start >= 0:
                spans.append((start, end, label))
            start, label = i, lab
        end = i + 1
        if prefix in ("L", "U"):
            spans.append((start, end, label))
            start = -1
    if start >= 0:
        spans.append((start, end, label))
    return spans


class BiluoEnts:
    """Sets ``doc.ents`` from the tagger's BILUO tags (a pipeline step with no weights)."""

    def __init__(self, nlp: Language, name: str, scorer: Callable[..., dict[str, Any]] | None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.scorer = scorer
        # Tag hash → (prefix, label), filled lazily: the tagger's labels are known only once it is set up.
        self._parts: dict[int, tuple[str, str]] = {}

    def _tag_parts(self, tag_hash: int) -> tuple[str, str]:
        parts = self._parts.get(tag_hash)
        if parts is None:
            tag = self.vocab.strings[tag_hash] if tag_hash else "O"
            parts = (tag[0], tag[2:]) if len(tag) > 2 and tag[1] == "-" else ("O", "")
            self._parts[tag_hash] = parts
        return parts

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import TAG
        from spacy.tokens import Span

        tags = doc.to_array(TAG)
        # Only non-O tokens are visited in Python (a few dozen in a 600-word article).
        o_hash = self.vocab.strings.add("O")
        tagged = []
        for i in np.flatnonzero((tags != o_hash) & (tags != 0)).tolist():
            prefix, label = self._tag_parts(int(tags[i]))
            if prefix != "O":
                tagged.append((i, prefix, label))
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in _decode(tagged)]
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None
    ) -> None:
        """Nothing to learn (spaCy calls this during training set-up)."""

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's entity P/R/F (``ents_f``…) of the decoded spans: what picks the training checkpoint."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}

    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        """No weights to save."""

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> BiluoEnts:
        """No weights to load."""
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> BiluoEnts:
        return self


def register() -> None:
    """Register :data:`FACTORY` with spaCy (idempotent): call before loading or training the pipeline."""
    from spacy.language import Language

    if FACTORY in Language.factories:
        return
    Language.factory(
        FACTORY,
        default_config={"scorer": {"@scorers": "spacy.ner_scorer.v1"}},
        func=lambda nlp, name, scorer: BiluoEnts(nlp, name, scorer),
    )
