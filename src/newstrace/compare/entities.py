"""Merge the entity mentions of one story's articles into entities with every alias linked.

Links are made in this order, each on top of the previous groups (union-find over spellings):

1. same spelling once case, hyphens, dots, apostrophes, possessives and titles are ignored
   ("Kim Jong-un" = "Kim Jong Un" = "Kim Jong-Un");
2. gazetteer canonical names: countries with their official names and abbreviations ("DPRK" = "North
   Korea" = "Democratic People's Republic of Korea"), agencies, outlets, institutions;
3. acronyms and their expansions, also when they appear in different articles ("KCNA" = "Korean Central
   News Agency"): the acronym is the initials of the expansion's capitalised words;
4. near-matches of multi-letter names that differ by a letter or two (Levenshtein distance 1, or 2 for
   names of 10+ letters), same type: linked *and* flagged as spelling variants ("Jeon Ha-kyou" /
   "Jeon Ha-kyu", "Salvesen" / "Salveson");
5. truncated typos: a two-word person name whose words match the start of a longer person name except for
   one near-miss word ("King Jong" for "Kim Jong Un"): linked and flagged as a typo;
6. middle names: a person's name with a middle name or initial and the same name without it or with the
   initial ("Mark Jay Heller" = "Mark J. Heller" = "Mark Heller"), before spelling variants;
7. short forms: a name that is the first or last word(s) of exactly one longer name of the story ("Kim",
   "Peskov", "Kessa"); a short form that fits two different long names is left alone (ambiguous).

Example:
    >>> [e.canonical for e in merge_entities(mentions, texts)]  # doctest: +SKIP
    ['Kim Jong Un', 'Russia', 'North Korea', 'KCNA', ...]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newstrace.annotate.gazetteer import ORG_HEADS, TITLES, canonical_org, canonical_place
from newstrace.model import (
    AliasKind,
    Citation,
    Entity,
    EntityAlias,
    EntityMention,
    EntityType,
    SpellingVariant,
)

# Possessive endings the NER may leave on a name ("Kim's", "Kim Jong Un’s").
POSSESSIVE = re.compile(r"['’]s?$")
# Separators inside a name that outlets write differently: hyphens, dots, spaces, apostrophes.
NAME_NOISE = re.compile(r"[\s\-‐–.'’]+")
# Words of a name, for initials and token comparisons.
NAME_WORD = re.compile(r"[^\s\-‐–]+")
# An acronym as written: 2-6 capitals, optionally dotted ("KCNA", "U.N.", "DPRK").
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")

# The capitalised word right before a mention, separated by one space ("King" in "King Jong").
PREVIOUS_WORD = re.compile(r"\b([A-Z][a-z]+) $")

# The capitalised word right after a mention, separated by one space (" Un" after "Kim Jong").
NEXT_WORD = re.compile(r" ([A-Z][\w]*(?:[-‐][\w]+)*)\b")
# Two capitalised single words joined by a hyphen: "Kim-Putin".
PAIR = re.compile(r"^([A-Z][a-z]+)[-‐–]([A-Z][a-z]+)$")

# Function words an acronym skips ("Democratic People's Republic of Korea" → DPRK).
_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "de", "du", "la", "le", "del", "der", "und"])
# A name must have this many letters before a one-letter difference counts as a spelling variant:
# shorter names ("Kim" / "Kin", "Lee" / "Lew") are different names far too often.
_VARIANT_MIN_LETTERS = 5
# From this many letters up, two edits still make a variant ("jeonhakyou" / "jeonhakyu" is one, but
# transliterations like "Choe Son-hui" / "Choe Son-hee" need two).
_VARIANT_TWO_EDITS = 10


@dataclass(slots=True)
class _Form:
    """All mentions of one normalised spelling."""

    key: str
    words: tuple[str, ...]
    mentions: list[EntityMention] = field(default_factory=list)
    canonical: str | None = None  # gazetteer name, when listed

    @property
    def type(self) -> EntityType:
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]


class _Groups:
    """Union-find over form keys; remembers which unions were spelling variants."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {k: k for k in keys}
        self.variants: list[tuple[str, str, bool]] = []

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def merge_entities(mentions: Sequence[EntityMention], texts: Mapping[int, str]) -> list[Entity]:
    """Group a story's mentions into entities, linking aliases across articles.

    Args:
        mentions: entity mentions of all the story's articles
            (:func:`newstrace.annotate.entities.find_entities_batch`).
        texts: article id → cleaned text, to cite each mention.

    Returns:
        Entities, most-mentioned first (then first appearance). Each has a canonical name (the gazetteer
        name, else the most-mentioned full spelling), its type (majority of its mentions), every alias
        with its citations, and the spelling variants it links.

    Raises:
        ValueError: a mention's article is missing from ``texts``.
    """
    trimmed_mentions: list[EntityMention] = []
    for mention in mentions:
        if mention.article_id not in texts:
            raise ValueError(f"mention {mention.text!r}: article {mention.article_id} has no text")
        trimmed = _trim(mention, texts[mention.article_id])
        if trimmed is not None:
            trimmed_mentions.append(trimmed)
    forms: dict[str, _Form] = {}
    order: list[str] = []
    repaired = _repair_truncations(_complete_names(_split_pairs(trimmed_mentions), texts), texts)
    for trimmed in repaired:
        key = _key(trimmed.text)
        if key not in forms:
            forms[key] = _Form(key, _words(trimmed.text))
            order.append(key)
        forms[key].mentions.append(trimmed)
    for form in forms.values():
        text = form.mentions[0].text
        form.canonical = canonical_place(text) if form.type == "LOC" else canonical_org(text)
        form.canonical = form.canonical or canonical_place(text) or canonical_org(text)

    groups = _Groups(order)
    _link_listed(forms, groups)
    _link_acronyms(forms, groups)
    _link_middle_names(forms, groups)
    _link_variants(forms, groups)
    _link_typos(forms, groups)
    _link_short_forms(forms, groups)

    members: dict[str, list[str]] = defaultdict(list)
    for key in order:
        members[groups.find(key)].append(key)
    entities = [_entity([forms[k] for k in keys], groups, texts) for keys in members.values()]
    first = {e.canonical: n for n, e in enumerate(entities)}
    return sorted(entities, key=lambda e: (-len(e.mentions), first[e.canonical]))


def _trim(mention: EntityMention, text: str) -> EntityMention | None:
    """Drop titles before and possessives after a name; None when nothing of a name is left."""
    start, end = mention.start, mention.end
    span = text[start:end]
    match = POSSESSIVE.search(span)
    if match and match.start() > 0:
        end = start + match.start()
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[0].group().lower() in TITLES:
        words.pop(0)
    if words:
        start += words[0].start()
    if mention.type != "PER" and text[start:end].lower().startswith("the "):
        start += 4
    span = text[start:end].strip()
    if len(NAME_NOISE.sub("", span)) < 2:
        return None
    return EntityMention(mention.article_id, start, start + len(span), span, mention.type)


def _repair_truncations(mentions: list[EntityMention], texts: Mapping[int, str]) -> list[EntityMention]:
    """Give back a typo'd first word the NER left out: in "King Jong departed", "Jong" alone is tagged,
    and "Jong" is the second word of "Kim Jong Un"; the word before it ("King") is a near-miss of "Kim",
    so the mention becomes "King Jong" (which the typo link then flags)."""
    names = {_words(m.text) for m in mentions if m.type == "PER" and len(_words(m.text)) > 1}
    # word → the words that precede it in some full name
    before: dict[str, set[str]] = defaultdict(set)
    for words in names:
        for prev, word in zip(words, words[1:], strict=False):
            before[word.casefold()].add(prev.casefold())
    out: list[EntityMention] = []
    for mention in mentions:
        previous = PREVIOUS_WORD.search(texts[mention.article_id], 0, mention.start)
        words = _words(mention.text)
        if mention.type == "PER" and len(words) == 1 and previous and words[0].casefold() in before:
            candidate = previous.group(1)
            misses = [
                w
                for w in before[words[0].casefold()]
                if w != candidate.casefold()
                and w[:1] == candidate[:1].casefold()
                and _edit_distance(w, candidate.casefold(), 2) <= 2
            ]
            if misses:
                start = previous.start(1)
                text = texts[mention.article_id][start : mention.end]
                mention = EntityMention(mention.article_id, start, mention.end, text, "PER")
        out.append(mention)
    return out


def _complete_names(mentions: list[EntityMention], texts: Mapping[int, str]) -> list[EntityMention]:
    """Extend a name cut one word short ("Kim Jong" before "Un") when another mention of the story
    spells the longer name in full ("Kim Jong-un"): the next word is then part of the name."""
    full = {_key(m.text) for m in mentions if m.type == "PER" and len(_words(m.text)) > 1}
    out: list[EntityMention] = []
    for mention in mentions:
        text = texts[mention.article_id]
        following = NEXT_WORD.match(text, mention.end)
        if mention.type == "PER" and following and _key(mention.text + " " + following.group(1)) in full:
            end = following.end(1)
            mention = EntityMention(mention.article_id, mention.start, end, text[mention.start : end], "PER")
        out.append(mention)
    return out


def _split_pairs(mentions: list[EntityMention]) -> list[EntityMention]:
    """ "Kim-Putin" (a meeting of two people) is two mentions when each half is a name of the story."""
    singles = {m.text.casefold() for m in mentions if len(_words(m.text)) == 1}
    out: list[EntityMention] = []
    for mention in mentions:
        halves = PAIR.match(mention.text)
        if halves and halves.group(1).casefold() in singles and halves.group(2).casefold() in singles:
            left_end = mention.start + len(halves.group(1))
            right_start = mention.end - len(halves.group(2))
            out.append(
                EntityMention(mention.article_id, mention.start, left_end, halves.group(1), mention.type)
            )
            out.append(
                EntityMention(mention.article_id, right_start, mention.end, halves.group(2), mention.type)
            )
        else:
            out.append(mention)
    return out


def _key(name: str) -> str:
    words = [w.casefold() for w in _words(name)]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.strip(".'’") for w in NAME_WORD.findall(name) if w.strip(".'’"))


def _letters(key: str) -> str:
    return NAME_NOISE.sub("", key)


def _link_listed(forms: Mapping[str, _Form], groups: _Groups) -> None:
    by_canonical: dict[str, str] = {}
    for key, form in forms.items():
        if form.canonical is None:
            continue
        if form.canonical in by_canonical:
            groups.union(by_canonical[form.canonical], key)
        else:
            by_canonical[form.canonical] = key
            # The canonical spelling itself may be written elsewhere in the story under another key.
            other = _key(form.canonical)
            if other in forms and other != key:
                groups.union(other, key)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.casefold() not in _ACRONYM_SKIP and w[:1].isupper())


def _link_acronyms(forms: Mapping[str, _Form], groups: _Groups) -> None:
    acronyms = {
        NAME_NOISE.sub("", f.mentions[0].text).upper(): k
        for k, f in forms.items()
        if ACRONYM.match(f.mentions[0].text) and f.type != "PER"
    }
    if not acronyms:
        return
    for key, form in forms.items():
        if len(form.words) < 2:
            continue
        initials = _initials(form.words).upper()
        if initials in acronyms and acronyms[initials] != key:
            groups.union(key, acronyms[initials])


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b, score_cutoff=limit))


def _variant_limit(letters: str) -> int:
    if len(letters) < _VARIANT_MIN_LETTERS:
        return 0
    return 2 if len(letters) >= _VARIANT_TWO_EDITS else 1


def _link_variants(forms: Mapping[str, _Form], groups: _Groups) -> None:
    """Near-identical spellings of unlisted names of one type, same word count, same first letter."""
    keys = [k for k, f in forms.items() if f.canonical is None]
    for n, a in enumerate(keys):
        for b in keys[n + 1 :]:
            fa, fb = forms[a], forms[b]
            if len(fa.words) != len(fb.words) or groups.find(a) == groups.find(b):
                continue
            # The model may type one spelling of a full name wrongly ("Ingrid Salveson" as a place); two
            # words or more agreeing that closely are the same name whatever the types.
            if fa.type != fb.type and len(fa.words) < 2:
                continue
            la, lb = _letters(a), _letters(b)
            if la[:1] != lb[:1] or la == lb:
                continue
            limit = _variant_limit(min(la, lb, key=len))
            if limit and _edit_distance(la, lb, limit) <= limit:
                groups.union(a, b)
                groups.variants.append((a, b, False))


def _link_typos(forms: Mapping[str, _Form], groups: _Groups) -> None:
    """ "King Jong" for "Kim Jong Un": a person's name matching the start of a longer person's name with
    exactly one word a near-miss (two edits at most, same first letter) and the others exact."""
    people = [k for k, f in forms.items() if f.type == "PER" and len(f.words) >= 2]
    for short in people:
        ws = [w.casefold() for w in forms[short].words]
        candidates = set()
        for long in people:
            wl = [w.casefold() for w in forms[long].words]
            if len(wl) <= len(ws) or groups.find(long) == groups.find(short):
                continue
            head = wl[: len(ws)]
            misses = [(x, y) for x, y in zip(ws, head, strict=True) if x != y]
            if (
                len(misses) == 1
                and misses[0][0][:1] == misses[0][1][:1]
                and _edit_distance(misses[0][0], misses[0][1], 2) <= 2
            ):
                candidates.add(groups.find(long))
        if len(candidates) == 1:
            target = candidates.pop()
            groups.union(target, short)
            groups.variants.append((target, short, True))


def _link_middle_names(forms: Mapping[str, _Form], groups: _Groups) -> None:
    """A person's name with a middle name or initial joins the same name without it or with the initial
    for it ("Mark Jay Heller" = "Mark J. Heller" = "Mark Heller"): same first and last word, and at most
    one middle name written out among them ("Mark Jay Heller" and "Mark Jon Heller" are two men, and
    then "Mark Heller" could be either: none of them is linked). A fuller name, not a misspelling: no
    variant is flagged. Run before spelling variants ("Jay" / "J." is two letters apart) and short forms
    (so that "Heller" then fits one person, not two)."""
    by_ends: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key, form in forms.items():
        words = [w.casefold().rstrip(".") for w in form.words]
        if form.type == "PER" and len(words) >= 2:
            by_ends[(words[0], words[-1])].append((key, tuple(words[1:-1])))
    for names in by_ends.values():
        spelt = {middle for _, middle in names if any(len(w) > 1 for w in middle)}
        if len(names) < 2 or len(spelt) > 1 or not any(middle for _, middle in names):
            continue
        anchor, full = max(names, key=lambda name: len(name[1]))
        for key, middle in names:
            if _stands_for(middle, full):
                groups.union(anchor, key)


def _stands_for(fewer: Sequence[str], more: Sequence[str]) -> bool:
    """Whether each of ``fewer`` matches a later word of ``more`` in order, whole or as its initial."""
    rest = iter(more)
    return all(any(w == m or (len(w) == 1 and m.startswith(w)) for m in rest) for w in fewer)


def _link_short_forms(forms: Mapping[str, _Form], groups: _Groups) -> None:
    """A name that is the first or last word(s) of exactly one longer name (by entity) joins it."""
    for key, form in forms.items():
        if form.canonical is not None:
            continue
        words = [w.casefold() for w in form.words]
        targets: set[str] = set()
        for other_key, other in forms.items():
            ow = [w.casefold() for w in other.words]
            if len(ow) <= len(words) or groups.find(other_key) == groups.find(key):
                continue
            if ow[: len(words)] != words and ow[-len(words) :] != words:
                continue
            # A one-word short form may be typed wrongly by the model ("Kessa" as a person, for "Kessa
            # Island"); longer short forms must keep their type ("Halvard Sound" the place is not short
            # for "Halvard Sound Lines" the company).
            if other.type == form.type or other.type == "PER" or len(words) == 1:
                targets.add(groups.find(other_key))
        if len(targets) == 1:
            groups.union(targets.pop(), key)


def _citation(mention: EntityMention) -> Citation:
    return Citation(mention.article_id, mention.start, mention.end, mention.text)


def _entity(members: list[_Form], groups: _Groups, texts: Mapping[int, str]) -> Entity:
    mentions = sorted((m for f in members for m in f.mentions), key=lambda m: (m.article_id, m.start))
    counts = Counter(m.type for m in mentions)
    # Majority of mentions; a tie goes to the type the model mistags least (it over-tags places).
    etype = max(counts, key=lambda t: (counts[t], {"PER": 2, "ORG": 1, "LOC": 0}[t]))
    if any(f.type == "PER" and len(f.words) > 1 for f in members):
        etype = "PER"
    variants = _variants(members, groups)
    variant_keys = {_key(v.variant) for v in variants}
    canonical = _canonical_name(members, variant_keys)
    canonical_key = _key(canonical)
    if len(_words(canonical)) > 1 and _words(canonical)[-1].casefold() in ORG_HEADS:
        etype = "ORG"  # "Lumora Systems": the full name says company, whatever its short form was tagged
    aliases: list[EntityAlias] = []
    spellings: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        spellings[mention.text].append(mention)
    for spelling, written in spellings.items():
        aliases.append(
            EntityAlias(
                spelling,
                _alias_kind(spelling, canonical, canonical_key, members, variant_keys),
                tuple(_citation(m) for m in written),
            )
        )
    aliases.sort(key=lambda a: (a.kind != "canonical", -len(a.citations), a.name))
    return Entity(canonical, etype, tuple(aliases), tuple(_citation(m) for m in mentions), tuple(variants))


def _canonical_name(members: list[_Form], variant_keys: set[str]) -> str:
    listed = [f.canonical for f in members if f.canonical]
    if listed:
        return Counter(listed).most_common(1)[0][0]
    candidates = [f for f in members if f.key not in variant_keys] or members
    longest = max(len(f.words) for f in candidates)
    full = [f for f in candidates if len(f.words) == longest]
    best = max(full, key=lambda f: (len(f.mentions), -members.index(f)))
    return Counter(m.text for m in best.mentions).most_common(1)[0][0]


def _alias_kind(
    spelling: str, canonical: str, canonical_key: str, members: list[_Form], variant_keys: set[str]
) -> AliasKind:
    key = _key(spelling)
    if spelling == canonical:
        return "canonical"
    if key in variant_keys:
        return "variant"
    if key == canonical_key:
        return "form"
    if ACRONYM.match(spelling) and not ACRONYM.match(canonical):
        return "acronym"
    if ACRONYM.match(canonical) and len(_words(spelling)) > 1:
        return "expansion"
    if any(f.canonical for f in members) and len(_words(spelling)) > len(_words(canonical)):
        return "official" if members[0].type == "LOC" else "expansion"
    return "short" if len(_words(spelling)) < len(_words(canonical)) else "form"


def _variants(members: list[_Form], groups: _Groups) -> list[SpellingVariant]:
    keys = {f.key for f in members}
    by_key = {f.key: f for f in members}
    out: list[SpellingVariant] = []
    for a, b, typo in groups.variants:
        if typo:
            # ``a`` is the root of the long name's group: cite its longest member spelling.
            group = [f for f in members if groups.find(f.key) == groups.find(a) and f.key != b]
            if b not in keys or not group:
                continue
            form = max(group, key=lambda f: (len(f.words), len(f.mentions)))
            variant = by_key[b]
        else:
            if a not in keys:
                continue
            form, variant = by_key[a], by_key[b]
            if len(variant.mentions) > len(form.mentions):
                form, variant = variant, form
        out.append(
            SpellingVariant(
                form.mentions[0].text,
                variant.mentions[0].text,
                tuple(_citation(m) for m in form.mentions),
                tuple(_citation(m) for m in variant.mentions),
                typo,
            )
        )
    return out
