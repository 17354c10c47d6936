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
2. name rules last: a name runs on through glued hyphen parts ("Kim Jong-un", "Jeon Ha-kyu": the
   tokenizer splits them and the model often stops at the hyphen); a capitalised run right after a title
   or role ("spokesperson Jeon Ha-kyu", "leader Kim", "President Putin") is a person, and a title the
   model swept into a name is cut off; nationality adjectives ("North Korean") are not entities (UNER's
   convention); a name ending in "Ministry", "Agency", "Council"…, or right after an outlet noun
   ('media outlet "Vesti Primorye"'), is an organisation; an unlisted capitalised run between a closing
   quote and a speech verb is a person (',\" Eklund said'); a sentence-initial "The" before a listed
   name is dropped.

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
from newstrace.annotate.gazetteer import (
    CALENDAR_WORDS,
    DEMONYMS,
    NAME_PARTICLES,
    ORG_HEADS,
    OUTLET_NOUNS,
    ROLE_WORDS,
    TITLES,
    canonical_org,
    canonical_place,
    guarded_org_spellings,
    ruler_patterns,
)
from newstrace.config import check_ner_mode
from newstrace.errors import NewstraceError
from newstrace.model import EntityMention, EntityType

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Where the trained pipeline lives inside the package.
MODEL_PACKAGE = "newstrace.annotate.models"
MODEL_DIR = "ner"

# A name after a title is at most this many capitalised tokens ("Kim Jong Un", "Choe Son - hui" counts
# its hyphen parts): longer runs are headlines in title case, not names.
_MAX_NAME_TOKENS = 6
# nlp.pipe batch size: articles are long, so a small batch keeps memory flat with no loss of speed.
_BATCH = 16

_RULES_COMPONENT = "newstrace_name_rules"
_GAZETTEER_COMPONENT = "newstrace_gazetteer"
# Words that may open a title run; every other token is skipped at the cost of one set lookup.
_TITLE_OR_ROLE = TITLES | ROLE_WORDS
# Speech verbs after a quote's attribution ('," Eklund said'): the capitalised run between the closing
# quote mark and one of these is the speaker. Past and present forms only: the ones news copy uses.
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "adds", "stated", "wrote", "explained"})
# Hyphens as the tokenizer leaves them between glued name parts ("Ha-kyu" → "Ha", "-", "kyu").
_HYPHENS = frozenset({"-", "‐"})
# Letters in one romanised Korean syllable of a given name ("Ha", "kyou", "Jeong"): the bound keeps
# hyphenated words out ("Hall of Fame Finger-picker" was tagged a person on wikigold without it).
_MAX_SYLLABLE = 5
# Closing quote marks as the tokenizer leaves them.
_CLOSING_QUOTES = frozenset({'"', "”", "’", "''"})


@cache
def _lower_ids(words: frozenset[str]) -> np.ndarray:
    """spaCy's LOWER attribute ids (string hashes) of ``words``, for a vectorised lookup over a doc."""
    import numpy as np
    from spacy.strings import get_string_id

    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def _token_indices(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is in ``words``.

    One numpy pass over the doc's LOWER column instead of a Python loop that builds a Token object for
    every token of the article to read its ``lower_``.
    """
    import numpy as np
    from spacy.attrs import LOWER

    return np.flatnonzero(np.isin(doc.to_array(LOWER), _lower_ids(words))).tolist()


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
        Language.component(_RULES_COMPONENT, func=_apply_rules)
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


def _is_name_token(doc: Doc, i: int) -> bool:
    """A capitalised word, or a hyphen glued between two name parts ("Ha-kyu", "Jong-un")."""
    token = doc[i]
    if token.text in ("-", "‐") and i > 0 and i + 1 < len(doc):
        return not doc[i - 1].whitespace_ and not token.whitespace_ and doc[i + 1].is_alpha
    if i > 0 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_:
        return token.is_alpha
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in TITLES


def _title_end(doc: Doc, i: int) -> int:
    """The index just past a title run starting at ``i`` ("Foreign Minister", "spokesperson"), or ``i``."""
    j = i
    while j < len(doc) and (doc[j].lower_ in ROLE_WORDS or doc[j].lower_ in TITLES):
        j += 1
    has_title = any(doc[k].lower_ in TITLES for k in range(i, j))
    return j if has_title else i


def _glued_end(doc: Doc, end: int) -> int:
    """Past any hyphen-glued parts after token ``end - 1`` ("Jong" + "-un")."""
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _is_lower_word(text: str) -> bool:
    return text.isalpha() and text.islower() and text not in NAME_PARTICLES


def _is_person_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words (hyphen parts allowed) not ending like an organisation ("General Motors")."""
    if doc[end - 1].lower_ in ORG_HEADS or doc[end - 1].lower_ in ("jr", "sr"):
        return False
    return all(_is_name_token(doc, k) or doc[k].text in ("-", "‐") for k in range(start, end))


def _after_glued_hyphen(doc: Doc, i: int) -> bool:
    """The "kyu" of "Ha-kyu": a name part glued to the one before by a hyphen."""
    return i > 0 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_


def _is_calendar(text: str) -> bool:
    return all(w.lower() in CALENDAR_WORDS for w in text.split())


def _is_demonym(text: str) -> bool:
    words = [w for w in text.replace("-", " ").replace("‐", " ").lower().split() if w]
    return bool(words) and all(w in DEMONYMS for w in words)


# "Eastern", "Far Eastern", "Middle Eastern": adjectives of direction, as nationality adjectives are.
_DIRECTION_ADJECTIVES = frozenset(
    "eastern western northern southern northeastern northwestern southeastern southwestern".split()
)
_DIRECTION_PREFIXES = frozenset("far middle near north south east west".split())


def _is_direction_adjective(text: str) -> bool:
    *first, last = text.lower().split()
    return last in _DIRECTION_ADJECTIVES and all(w in _DIRECTION_PREFIXES for w in first)


# Opening quote marks as the tokenizer leaves them, between an outlet noun and the outlet's name.
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "``"})


def _after_outlet_noun(doc: Doc, start: int) -> bool:
    """A name right after an outlet noun ("news agency Yonhap", 'media outlet "Vesti Primorye"')."""
    k = start - 1
    while k >= 0 and doc[k].text in _OPENING_QUOTES:
        k -= 1
    return k >= 0 and doc[k].lower_ in OUTLET_NOUNS


def _apply_rules(doc: Doc) -> Doc:
    """The name rules of the module docstring, applied to the model's entities."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents: list[SpacySpan] = []
    model_covered = {t for e in doc.ents for t in range(e.start, e.end)}
    for ent in doc.ents:
        start, end, label = ent.start, _glued_end(doc, ent.end), ent.label_
        # A no-break space the tagger took into a name ("\xa0North Korea") stays outside it.
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        while end > start and _inside_title_run(doc, start, end, label):
            end -= 1  # "US National" of "US National Security Adviser Jake Sullivan": "US"
        if start >= end:
            continue
        if label == "ORG":
            start = _organisation_start(doc, start, model_covered)
        lead = start
        while lead < end - 1 and doc[lead].lower_ in _TITLE_OR_ROLE:
            lead += 1
        # Only a run holding a real title is cut ("Foreign Minister Choe"); role words alone are part of
        # names ("First Union Securities", "Supreme Court").
        if any(doc[k].lower_ in TITLES for k in range(start, lead)):
            start, label = lead, "PER"
        # "US National Security Adviser Jake Sullivan" tagged whole: the person is what follows the title.
        titled = [k for k in range(start + 1, end - 1) if doc[k].lower_ in TITLES]
        if titled and _is_person_name(doc, titled[-1] + 1, end):
            start, label = titled[-1] + 1, "PER"
        if label == "PER" and end - start > 1:
            # "Redmoor goalkeeper Filip Sand", "ferry Skarholm": a person's name never holds a lower-case
            # word other than a particle, so the name is what follows the last one.
            inner = [
                k
                for k in range(start, end)
                if _is_lower_word(doc[k].text) and not _after_glued_hyphen(doc, k)
            ]
            if inner:
                start = inner[-1] + 1
        if end - start > 1 and doc[start].lower_ == "the":
            # "The Korean Central News Agency" at a sentence start: the listed name without the article.
            rest = doc[start + 1 : end].text
            if canonical_place(rest) or canonical_org(rest):
                start += 1
        # "the Far Eastern city of Ussuriysk" tagged "Far Eastern city": a name never ends in a lower-case
        # common word, and what is left of it may be an adjective of direction, no entity either. (A name
        # written all in lower case, "tampa bay" in web text, is left whole.)
        while (
            end - start > 1
            and doc[start].text[:1].isupper()
            and len(doc[end - 1].text) > 1  # "McDonald s": a possessive split off, kept as written
            and _is_lower_word(doc[end - 1].text)
            and not _after_glued_hyphen(doc, end - 1)  # "E-mail", "Ha-kyu"
        ):
            end -= 1
        if start >= end:
            continue
        # The span's own text: doc.text would build a Token object for every token of the article.
        text = doc[start:end].text
        if _is_demonym(text) or _is_calendar(text) or _is_direction_adjective(text):
            continue
        if end < len(doc) and _is_direction_adjective(f"{text} {doc[end].text}"):
            continue  # "Far" tagged alone in "the Far Eastern city": part of an adjective of direction
        place = canonical_place(text)
        if place or canonical_org(text):
            # A listed name keeps the model's span but takes the list's type ("CNN" is no place).
            label = "LOC" if place else "ORG"
        elif end - start > 1 and text.rsplit(None, 1)[-1].lower() in ORG_HEADS:
            label = "ORG"
        elif _after_outlet_noun(doc, start):
            # 'Russian media outlet "Vesti Primorye"': the accurate mode's head tagged it a person.
            label = "ORG"
        ents.append(
            ent if (start, end, label) == (ent.start, ent.end, ent.label_) else Span(doc, start, end, label)
        )
    covered = {t for e in ents for t in range(e.start, e.end)}
    # Only title and role words can open a run: visit those tokens alone (token access is the cost here).
    done = 0
    for i in _token_indices(doc, _TITLE_OR_ROLE):
        if i < done:
            continue
        end = _title_end(doc, i)
        if end == i or end >= len(doc):
            continue
        j = end
        while j < len(doc) and j - end < _MAX_NAME_TOKENS and _is_name_token(doc, j):
            j += 1
        # A run ending in a dangling hyphen is not a name.
        while j > end and doc[j - 1].text in ("-", "‐"):
            j -= 1
        if j > end:
            name = doc[end:j].text
            overlapping = [e for e in ents if e.start < j and end < e.end]
            listed = canonical_place(name) or canonical_org(name)
            if not listed and not any(t in covered for t in range(end, j)):
                ents.append(Span(doc, end, j, label="PER"))
            elif (
                # "leader Kim" tagged LOC by the model: after a title, a bare unlisted name is a person.
                not listed
                and overlapping
                and all(e.label_ != "PER" and e.start >= end for e in overlapping)
                and not any(canonical_place(e.text) or canonical_org(e.text) for e in overlapping)
            ):
                ents = [e for e in ents if e not in overlapping]
                ents.append(Span(doc, end, max(j, *(e.end for e in overlapping)), label="PER"))
        done = j
    ents = _hyphenated_given_names(doc, ents)
    ents += _government_bodies(doc, {t for e in ents for t in range(e.start, e.end)})
    ents += _speakers_after_quotes(doc, {t for e in ents for t in range(e.start, e.end)})
    doc.ents = filter_spans(ents)
    return doc


def _inside_title_run(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether a span ends inside a title before a name ("US National" of "US National Security Adviser
    Jake Sullivan"): its last word is a role word and another one follows, so that word is no name."""
    return (
        label != "PER"
        and end < len(doc)
        and doc[end - 1].lower_ in ROLE_WORDS
        and doc[end].lower_ in _TITLE_OR_ROLE
    )


def _organisation_start(doc: Doc, start: int, covered: set[int]) -> int:
    """Where an organisation tagged from its head word alone begins: "Ministry" in "South Korea's Defense
    Ministry" takes the capitalised words before it ("Defense Ministry"), up to three, never a word of
    another entity, "The" or a word of the calendar."""
    if doc[start].lower_ not in ORG_HEADS:
        return start
    k = start
    while (
        k > 0
        and start - k < 3
        and k - 1 not in covered
        and doc[k - 1].text.istitle()
        and doc[k - 1].is_alpha
        and doc[k - 1].lower_ not in ("the", "a", "an")
        and doc[k - 1].lower_ not in CALENDAR_WORDS
    ):
        k -= 1
    return k


def _hyphenated_given_names(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """Romanised Korean names ("Jeon Ha-kyou", "Choe Son-hui", "Kim Jong-un") are people, whole.

    A capitalised word, then a short capitalised part glued by a hyphen to a short lower-case part (one
    syllable each, :data:`_MAX_SYLLABLE`), is a family name and a hyphenated given name. A model may
    leave such a name untagged or tag only the part after the hyphen ("hui"); either way the three parts
    become one person, unless the words are a listed place or organisation or another type's entity
    covers them.
    """
    from spacy.tokens import Span

    out = list(ents)
    for i in _token_indices(doc, _HYPHENS):
        if i < 2 or i + 1 >= len(doc) or doc[i - 1].whitespace_ or doc[i].whitespace_:
            continue
        family, given, rest = doc[i - 2], doc[i - 1], doc[i + 1]
        if not (
            family.whitespace_
            and family.is_alpha
            and family.text[:1].isupper()
            and family.lower_ not in _TITLE_OR_ROLE
            and given.is_alpha
            and given.text[:1].isupper()
            and given.text[1:].islower()
            and len(given) <= _MAX_SYLLABLE
            and rest.is_alpha
            and rest.text.islower()
            and len(rest) <= _MAX_SYLLABLE
        ):
            continue
        start, end = i - 2, i + 2
        overlapping = [e for e in out if e.start < end and start < e.end]
        if any(e.label_ != "PER" for e in overlapping):
            continue
        name = doc[start:end].text
        if canonical_place(name) or canonical_org(name):
            continue
        start = min([start, *(e.start for e in overlapping)])
        end = max([end, *(e.end for e in overlapping)])
        out = [e for e in out if e not in overlapping]
        out.append(Span(doc, start, end, label="PER"))
    return out


# Head words of government bodies: an untagged capitalised run ending in one is an organisation. Narrower
# than ORG_HEADS, whose "Times", "Capital", "Energy" also end title-case headline words.
_BODY_HEADS = frozenset({"ministry", "department", "agency", "council", "committee", "commission"})


def _government_bodies(doc: Doc, covered: set[int]) -> list[SpacySpan]:
    """Untagged capitalised runs ending in a body's head word ("South Korean Defense Ministry"): ORGs.

    The accurate mode's head tagged "South" a place and left the rest of that name untagged; a model
    that finds the whole name keeps it (covered tokens are never taken).
    """
    from spacy.tokens import Span

    found: list[SpacySpan] = []
    for i in _token_indices(doc, _BODY_HEADS):
        if i in covered or not doc[i].text[:1].isupper():
            continue
        start = i
        while (
            start > 0
            and i - start < _MAX_NAME_TOKENS
            and start - 1 not in covered
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        while start < i and (doc[start].lower_ in _TITLE_OR_ROLE or doc[start].lower_ == "the"):
            start += 1
        if start < i:
            found.append(Span(doc, start, i + 1, label="ORG"))
    return found


def _speakers_after_quotes(doc: Doc, covered: set[int]) -> list[SpacySpan]:
    """Unlisted capitalised runs between a closing quote and a speech verb (',\" Eklund said'): people.

    The model misses a lone surname here most often (it has no context but the quote), and this is where
    news copy names its speakers.
    """
    from spacy.tokens import Span

    found: list[SpacySpan] = []
    for i in _token_indices(doc, _SPEECH_VERBS):
        start = i
        while start > 0 and i - start < 3 and _is_name_token(doc, start - 1):
            start -= 1
        if start == i or start < 2 or doc[start - 1].text not in _CLOSING_QUOTES:
            continue
        if doc[start - 2].text not in (",", "?", "!") or any(t in covered for t in range(start, i)):
            continue
        name = doc[start:i].text
        if canonical_place(name) or canonical_org(name) or doc[i - 1].lower_ in ORG_HEADS:
            continue
        found.append(Span(doc, start, i, label="PER"))
    return found


def mention_texts(mentions: Iterable[EntityMention]) -> list[tuple[str, str]]:
    """``(text, type)`` pairs of mentions, for logs and tests."""
    return [(m.text, m.type) for m in mentions]
