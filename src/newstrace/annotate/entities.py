"""Named entities (PER, ORG, LOC) in an article's cleaned text, with exact character offsets.

The pipeline that ships in ``annotate/models/ner/`` is a spaCy CNN (tok2vec + a softmax tagger over
BILUO tags, decoded by :mod:`newstrace.annotate.biluo`) over static word vectors derived from MiniLM,
trained by ``make train-ner`` on UNER English-EWT and wikigold plus news tagged by the accurate mode
(see its MODEL_CARD.md). At load time two
rule components are added around it:

1. a gazetteer step *after* the ner with the lists of :mod:`newstrace.annotate.gazetteer` (countries
   with their official names, capitals and dateline cities, agencies, outlets, institutions): it adds
   the listed names the model left untagged, which web text rarely shows it ("KCNA", "Ussuriysk",
   "Primorsky Krai"), lets a listed name replace a shorter model span inside it ("Russia Today" over
   "Russia"), and never cuts a longer model span; a span that is exactly a listed name takes the
   list's type;
2. the name rules last (:mod:`newstrace.annotate.name_rules`): hyphenated names kept whole, titles cut
   off, a name after a title is a person, nationality adjectives dropped, organisations completed to
   their head word, speakers after quotes.

GPE is folded into LOC. Nothing is downloaded: the pipeline loads from the package with
:mod:`importlib.resources`. ``ner="accurate"`` puts a BiLSTM head over contextual MiniLM features
(:mod:`newstrace.annotate.contextual`) in place of the CNN, with the same two rule steps on top.

Example:
    >>> [(m.text, m.type) for m in find_entities("Spokesperson Jeon Ha-kyu spoke in Seoul.")]
    [('Jeon Ha-kyu', 'PER'), ('Seoul', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, cast

from newstrace.annotate.biluo import register as register_biluo
from newstrace.annotate.gazetteer import OUTLET_NOUNS, guarded_org_spellings, ruler_patterns
from newstrace.annotate.name_rules import apply_rules
from newstrace.config import check_ner_mode
from newstrace.errors import NewstraceError
from newstrace.model import EntityMention, EntityType

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where the trained pipeline lives inside the package.
MODEL_PACKAGE = "newstrace.annotate.models"
MODEL_DIR = "ner"

# nlp.pipe batch size: articles are long, so a small batch keeps memory flat with no loss of speed.
_BATCH = 16

_RULES_COMPONENT = "newstrace_name_rules"
_GAZETTEER_COMPONENT = "newstrace_gazetteer"


class ModelMissingError(NewstraceError):
    """The shipped NER pipeline is not in the installed package (run ``make train-ner``)."""


@cache
def load_pipeline(ner: str = "fast") -> Language:
    """Load the shipped NER pipeline with the gazetteer ruler and the title rule (once per process).

    Args:
        ner: ``"fast"`` (the CNN) or ``"accurate"`` (the MiniLM head of
            :mod:`newstrace.annotate.contextual`); see :data:`newstrace.config.NER_MODES`.

    Returns:
        A spaCy ``Language`` whose ``doc.ents`` are PER / ORG / LOC spans.

    Raises:
        ConfigError: ``ner`` is not a mode.
        ModelMissingError: the trained pipeline (or the accurate mode's head) is not in the package.
    """
    from importlib.resources import as_file, files

    import spacy

    check_ner_mode(ner)
    resource = files(MODEL_PACKAGE).joinpath(MODEL_DIR)
    if not resource.joinpath("meta.json").is_file():
        raise ModelMissingError(f"the NER pipeline is missing from {resource}; run `make train-ner`")
    register_biluo()  # the trained pipeline's last step decodes its tags into entities
    if ner == "accurate":
        from newstrace.annotate.contextual import HEAD_DIR, HEAD_WEIGHTS, make_accurate_pipeline

        head = files(MODEL_PACKAGE).joinpath(HEAD_DIR)
        if not head.joinpath(HEAD_WEIGHTS).is_file():
            raise ModelMissingError(
                f"the accurate NER head is missing from {head}; run `make train-ner-accurate`"
            )
        with as_file(resource) as path, as_file(head) as head_path:
            return add_rule_steps(make_accurate_pipeline(path, head_path))
    with as_file(resource) as path:
        return add_rule_steps(spacy.load(path))


def add_rule_steps(nlp: Language) -> Language:
    """Append the gazetteer step and the name rules to a trained pipeline (in place).

    Args:
        nlp: a pipeline whose ``doc.ents`` come from a trained model.

    Returns:
        ``nlp``, for chaining.
    """
    from spacy.language import Language

    if _RULES_COMPONENT not in Language.factories:
        Language.component(_RULES_COMPONENT, func=apply_rules)
    if _GAZETTEER_COMPONENT not in Language.factories:
        Language.factory(_GAZETTEER_COMPONENT, func=lambda nlp, name: _Gazetteer(nlp))
    # After the model: placed before it, a listed name preset inside a longer one ("New York" in "New
    # York Times") cost 1.7 F1 points on wikigold (benchmarks/ner.py).
    nlp.add_pipe(_GAZETTEER_COMPONENT, last=True)
    nlp.add_pipe(_RULES_COMPONENT, last=True)
    return nlp


class _Gazetteer:
    """The gazetteer step: listed names (longest first) are added where the model found nothing, and
    replace model spans they strictly contain ("Russia Today" over "Russia"); a listed name inside or
    across a longer model span ("New York" in "New York Times") is left out."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label in ("LOC", "ORG"):
            spellings = [str(p["pattern"]) for p in ruler_patterns() if p["label"] == label]
            self.matcher.add(label, [nlp.make_doc(spelling) for spelling in spellings])
        # "RIA", "RT": listed, but only taken where an outlet noun introduces them ("news agency RIA").
        self.guarded = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.guarded.add("ORG", [nlp.make_doc(spelling) for spelling in guarded_org_spellings()])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        ents = list(doc.ents)
        introduced = [m for m in self.guarded(doc) if m[1] > 0 and doc[m[1] - 1].lower_ in OUTLET_NOUNS]
        found = sorted([*self.matcher(doc), *introduced], key=lambda m: (m[1] - m[2], m[1]))
        for match_id, start, end in found:
            inside = [e for e in ents if e.start < end and start < e.end]
            if inside and not all(
                start <= e.start and e.end <= end and e.end - e.start < end - start for e in inside
            ):
                continue
            ents = [e for e in ents if e not in inside]
            ents.append(Span(doc, start, end, label=match_id))
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


def find_entities(text: str, article_id: int = 0, ner: str = "fast") -> list[EntityMention]:
    """Find the people, organisations and places named in ``text``.

    Args:
        text: an article's cleaned text.
        article_id: the id to stamp on each mention.
        ner: the NER mode, ``"fast"`` or ``"accurate"`` (:func:`load_pipeline`).

    Returns:
        Mentions in text order; ``text[m.start:m.end] == m.text``.

    Raises:
        ModelMissingError: the trained pipeline is not in the package.
    """
    return find_entities_batch([text], [article_id], ner)[0]


def find_entities_batch(
    texts: Sequence[str], article_ids: Sequence[int] | None = None, ner: str = "fast"
) -> list[list[EntityMention]]:
    """:func:`find_entities` over many texts at once (spaCy batches them: use this for a story).

    Args:
        texts: cleaned article texts.
        article_ids: one id per text (default: the index).
        ner: the NER mode, ``"fast"`` or ``"accurate"`` (:func:`load_pipeline`).

    Returns:
        One list of mentions per text, in the order given.

    Raises:
        ValueError: ``article_ids`` and ``texts`` differ in length.
        ConfigError: ``ner`` is not a mode.
        ModelMissingError: the trained pipeline is not in the package.
    """
    ids = list(article_ids) if article_ids is not None else list(range(len(texts)))
    if len(ids) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(ids)} article ids")
    nlp = load_pipeline(ner)
    return [_mentions(doc, i) for doc, i in zip(nlp.pipe(texts, batch_size=_BATCH), ids, strict=True)]


def _mentions(doc: Doc, article_id: int) -> list[EntityMention]:
    out: list[EntityMention] = []
    for ent in doc.ents:
        label = ent.label_ if ent.label_ in ("PER", "ORG", "LOC") else None
        text = ent.text.strip()  # a token may carry a no-break space ("Pyongyang\xa0")
        if label is None or not text:
            continue
        start = ent.start_char + ent.text.index(text)
        out.append(EntityMention(article_id, start, start + len(text), text, cast(EntityType, label)))
    return out


def mention_texts(mentions: Iterable[EntityMention]) -> list[tuple[str, str]]:
    """``(text, type)`` pairs of mentions, for logs and tests."""
    return [(m.text, m.type) for m in mentions]
