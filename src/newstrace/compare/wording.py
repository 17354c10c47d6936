"""Differences of wording between two statements of one claim: a name spelt two ways, one person given two
roles (one quotation in different words: :mod:`newstrace.compare.quotations`).

:func:`newstrace.compare.conflicts.compare_statements` calls these after the numbers, days, times and
places; each finding cites the two spans that differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.compare import names
from newstrace.compare import values as v
from newstrace.compare.values import cite, found
from newstrace.model import Citation, Difference

# Two names this similar (rapidfuzz ratio, 0-100) but not equal are spellings of one name: "Ha-kyou" /
# "Ha-kyu" is 92, "Salvesen" / "Salveson" 88, "King Jong" / "Kim Jong" 82; distinct surnames such as
# "Holt" / "Hall" score 50.
NAME_VARIANT = 80


def role_differences(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """One person given two roles: "district governor" / "deputy district governor" Tomas Ekdal; or
    "Arvelo, Riverside's captain," / "Arvelo … where he served as vice-captain" when the other statement
    names the same person and gives "he" or "she" a role (:func:`names.pronoun_roles`)."""
    titled_a, titled_b = (
        _posts(found(names.titled_names, a.text, a.start)),
        _posts(found(names.titled_names, b.text, b.start)),
    )
    roles_b: dict[str, list[names.TitledName]] = {}
    for t in titled_b:
        roles_b.setdefault(t.name.split()[-1], []).append(t)
    findings = []
    for x in titled_a:
        # A person both statements give two roles ("Councillor Ola Brandt, chair of …"): each role the
        # other statement gives too is no side of a clash.
        ys = roles_b.get(x.name.split()[-1], [])
        if any(_same_role(x.role, y.role) for y in ys):
            continue
        own = [t for t in titled_a if t.name.split()[-1] == x.name.split()[-1]]
        y = next((y for y in reversed(ys) if not any(_same_role(t.role, y.role) for t in own)), None)
        if y is None:
            continue
        sides = (
            Citation(a.article_id, x.start, x.end, text_a[x.start : x.end]),
            Citation(b.article_id, y.start, y.end, text_b[y.start : y.end]),
        )
        findings.append(Difference("role", sides, True, f"{x.name}: {x.role} vs {y.role}"))
    for named, other, titled, other_text in ((a, b, titled_a, text_b), (b, a, titled_b, text_a)):
        given = _pronoun_role(named, other, titled, other_text)
        if given is not None:
            name, named_side, other_side = given
            sides = (named_side, other_side) if named is a else (other_side, named_side)
            findings.append(
                Difference("role", sides, True, f"{name}: {sides[0].text.lower()} vs {sides[1].text.lower()}")
            )
    return findings


def is_calling(role: str) -> bool:
    """Whether a role says what a person is rather than the post they hold: told with "a" or "an" ("an
    emergency medicine consultant")."""
    return role.startswith(("a ", "an "))


def _posts(titled: Sequence[names.TitledName]) -> list[names.TitledName]:
    """The titled names less a calling given beside a post of the same person ("The race's medical
    director, Dr Priya Anand, an emergency medicine consultant,"): what she is, next to what she holds, is
    no rival of another report's post for her."""
    return [
        t
        for t in titled
        if not (
            is_calling(t.role)
            and any(o is not t and o.name.split()[-1] == t.name.split()[-1] for o in titled)
        )
    ]


def _pronoun_role(
    named: Citation, other: Citation, titled: Sequence[names.TitledName], other_text: str
) -> tuple[str, Citation, Citation] | None:
    """A titled name in ``named`` against the role ``other`` gives "he"/"she" while naming that person
    without a role: the name and the two role spans, or ``None``. Only a statement with one pronoun role and
    no titled name of its own is read this way, so "he" cannot stand for someone else it names."""
    pronoun = found(names.pronoun_roles, other.text, other.start)
    if len(pronoun) != 1 or found(names.titled_names, other.text, 0):
        return None
    (role,) = pronoun
    for t in titled:
        surname = t.name.split()[-1]
        if not re.search(rf"\b{re.escape(surname)}\b", other.text) or _same_role(t.role, role.value):
            continue
        named_side = Citation(named.article_id, t.start, t.end, _span_text(named, t.start, t.end))
        other_side = Citation(other.article_id, role.start, role.end, other_text[role.start : role.end])
        return t.name, named_side, other_side
    return None


def _span_text(statement: Citation, start: int, end: int) -> str:
    """The text of an article span that lies inside ``statement``."""
    return statement.text[start - statement.start : end - statement.start]


# Spellings of one role that are not a difference.
ROLE_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ceo": "chief executive",
    "chairman": "chair",
    "chairwoman": "chair",
    "defense": "defence",
    "lawyer": "attorney",
}


def _same_role(x: str, y: str) -> bool:
    """One role in two spellings, or one said more fully: words that are no title word (a modifier such as
    "police" in "police spokesman", "returning" in "returning officer") may be left out by either side;
    title words ("deputy", "chief") and a department after "of" may not, and two different modifiers of
    one title are two roles ("station commander" / "group commander", "chief operating officer" / "chief
    technology officer")."""
    norm = [[ROLE_SYNONYMS.get(w, w) for w in r.split() if w not in {"the", "a"}] for r in (x, y)]
    if norm[0] == norm[1]:
        return True
    if any("of" in words for words in norm):
        return False
    titles = [[w for w in words if names.is_title_word(w)] for words in norm]
    modifiers = [{w for w in words if not names.is_title_word(w)} for words in norm]
    return titles[0] == titles[1] and (modifiers[0] <= modifiers[1] or modifiers[1] <= modifiers[0])


def name_differences(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    from rapidfuzz import fuzz

    na = _with_opening_noun_off(found(names.names, a.text, a.start) + _opening_surname(a, text_a), a)
    nb = _with_opening_noun_off(found(names.names, b.text, b.start) + _opening_surname(b, text_b), b)
    forms_b = {m.value for m in nb}
    findings = []
    reported: set[str] = set()  # spellings of b already shown: "Teodor Brannigan" and "Brannigan" are one
    for x in na:
        if x.value in forms_b:
            continue
        for y in nb:
            if y.value in {m.value for m in na} or _same_ignoring_case_and_hyphens(x.value, y.value):
                continue
            if _forms_of_one_word(x.value, y.value) or _plural_form(x.value, y.value, text_a, text_b):
                continue
            if y.value in reported:
                break
            if (
                _one_word_misspelt(x.value, y.value) and fuzz.ratio(x.value, y.value) >= NAME_VARIANT
            ) or _surname_misspelt(x.value, text_a, y.value, text_b):
                sides = (cite(a, text_a, x), cite(b, text_b, y))
                findings.append(Difference("name", sides, True, f"spelling: {x.value} / {y.value}"))
                reported.add(y.value)
                break
    return findings


def _forms_of_one_word(x: str, y: str) -> bool:
    """Two forms of one word, not two spellings of a name: a nationality, its plural and its country
    ("Greek" / "Greeks", "Somali" / "Somalia", "Iranian" / "Iran"). A name's plural-looking spelling is
    still a spelling ("Varga" / "Vargas")."""
    from newstrace.annotate.gazetteer import DEMONYMS, canonical_place

    low = [w[:-1] if w.endswith("s") and w[:-1] in DEMONYMS else w for w in (x.lower(), y.lower())]
    return any(a in DEMONYMS and (b == a or canonical_place(b) is not None) for a, b in (low, low[::-1]))


def _plural_form(x: str, y: str, text_a: str, text_b: str) -> bool:
    """A name and its plural, not two spellings: one word of it with and without a final "s" ("Oscar" /
    "Oscars", "Tony Award" / "Tony Awards", "Central Election Commission" / "Central Elections
    Commission"), where the name is that one word, the word stands inside a name of three words or more
    ("Marine Mammal(s) Protection Act"), or the word is a common noun the reports also write in lower
    case ("award", "election"). A surname in a full name stays a spelling ("Anneli Varga" / "Anneli
    Vargas"): neither report writes "varga" in lower case."""
    pair = _one_differing_word(x, y)
    if pair is None:
        return False
    shorter, longer = sorted(pair, key=len)
    if longer not in (shorter + "s", shorter + "es"):
        return False
    wx = x.split()
    if len(wx) == 1 or (len(wx) >= 3 and wx.index(pair[0]) < len(wx) - 1):
        return True  # one word, or a word inside a longer name: "Motion Picture(s) Arts and Sciences"
    common = re.compile(rf"\b{re.escape(shorter.lower())}(?:e?s)?\b")
    return bool(common.search(text_a) or common.search(text_b))


# The capitalised word that opens a statement: "Tolland said crews had saved every house".
OPENING_WORD = re.compile(r"[A-Z][a-z]+(?=[\s,])")


def _opening_surname(statement: Citation, text: str) -> tuple[v.Mention, ...]:
    """The word opening a statement when its article gives it elsewhere as the last word of a full name
    ("Tolland said …" after "said Miriam Tolland"): :func:`newstrace.compare.names.names` leaves a lone
    opening word out, since most are common nouns ("Rescuers said …")."""
    m = OPENING_WORD.match(statement.text)
    if m is None or m.group() in names.NOT_NAMES:
        return ()
    word = m.group()
    if not any(len(n.value.split()) > 1 and n.value.split()[-1] == word for n in found(names.names, text, 0)):
        return ()
    return (v.Mention(word, statement.start, statement.start + len(word)),)


def _with_opening_noun_off(mentions: tuple[v.Mention, ...], statement: Citation) -> tuple[v.Mention, ...]:
    """``mentions``, and for a run of three capitalised words or more that opens the statement, the run
    without its first word: a profession opening a sentence is capitalised and runs into the name after
    it ("Goalkeeper Matthias Rohl", "Gastroenterologist Samir Hadad"), so the name had a word more than the
    same person's name elsewhere and its misspelling went unseen."""
    out = list(mentions)
    for m in mentions:
        words = m.value.split()
        if m.start == statement.start and len(words) >= 3:
            out.append(v.Mention(" ".join(words[1:]), m.start + len(words[0]) + 1, m.end))
    return tuple(out)


def _one_differing_word(x: str, y: str) -> tuple[str, str] | None:
    """The one word two names of as many words differ in (``x``'s, then ``y``'s), or ``None``."""
    wx, wy = x.split(), y.split()
    if len(wx) != len(wy):
        return None
    differing = [(p, q) for p, q in zip(wx, wy, strict=True) if p != q]
    return differing[0] if len(differing) == 1 else None


def _one_word_misspelt(x: str, y: str) -> bool:
    """Same number of words, exactly one differing, and not as a word and its derivation ("Korea" /
    "Korean", "Nordwire" / "Nordwire's"): the shape of a misspelt name, not of two different names."""
    from rapidfuzz import fuzz

    pair = _one_differing_word(x, y)
    if pair is None:
        return False
    p, q = pair
    longer, shorter = (p, q) if len(p) >= len(q) else (q, p)
    # Two letters or more run on, lower-case, are a word glued on or an inflection ("Johnsonwas" where the
    # source lost a space, "Taser" / "Tasered"), not a misspelling; one is ("Varga" / "Vargas").
    rest = longer[len(shorter) :]
    glued = len(rest) >= 2 and rest.isalpha() and rest.islower()
    derived = longer.startswith(shorter) and (rest in _DERIVATIONS or glued)
    # The differing word itself must be a near-spelling ("Halvorsen" / "Halvorson" 89): "North Korea" /
    # "South Korea" score 82 as wholes, but "North" / "South" only 60.
    near = fuzz.ratio(p, q) >= NAME_VARIANT or _sound_alike(p, q) or _letters_apart(p, q)
    words = x.split()
    if not near and len(words) >= 2 and p in (words[-1], y.split()[-1]):
        near = _same_stem(p, q)
    return min(len(p), len(q)) >= 3 and not derived and near and not _one_word_two_conventions(p, q)


# How many first letters two spellings of a surname share at least, the rest of them written otherwise:
# "Kettering" / "Kettridge", "Penhale" / "Penhallow", "Pelling" / "Pellow".
SURNAME_STEM = 4


def _same_stem(p: str, q: str) -> bool:
    """Whether two surnames share their first :data:`SURNAME_STEM` letters and differ after them: a
    surname half heard and spelt from the sound (a full name's likeness, :data:`NAME_VARIANT`, is still
    needed: "Rhona Tait" / "Rhona Tate" 90, "Colin Marsh" / "Colin Marsden" 83)."""
    stem = SURNAME_STEM
    whole = p.isalpha() and q.isalpha()  # "Wildlife Society" / "Wildlife Society-sent" (ECB+) is no surname
    return whole and min(len(p), len(q)) > stem and p[:stem].lower() == q[:stem].lower()


# A short word is a near-spelling of another a letter or two apart that begins with the same letter: the
# ratio of :data:`NAME_VARIANT` is too strict for short first names ("Anya" / "Anja" 75, "Maren" / "Marion"
# 73). Words of this many letters may differ in one letter, of the second many in two.
ONE_LETTER_FROM = 4
TWO_LETTERS_FROM = 5


def _letters_apart(p: str, q: str) -> bool:
    """Whether two words that begin alike are one edit apart (four letters or more) or two (five or
    more); "North" / "South" are two apart but begin differently."""
    from rapidfuzz.distance import Levenshtein

    if p[:1].lower() != q[:1].lower():
        return False
    shortest = min(len(p), len(q))
    limit = 2 if shortest >= TWO_LETTERS_FROM else 1 if shortest >= ONE_LETTER_FROM else 0
    return Levenshtein.distance(p.lower(), q.lower()) <= limit


# British and American spellings of one word: "Centre" / "Center", "Theatre" / "Theater", "Organisation" /
# "Organization", "Harbour" / "Harbor", "Defence" / "Defense". A name written by each convention ("Betty
# Ford Centre" / "Betty Ford Center") is the house style of each report, not a misspelling (five such false
# conflicts on ECB+ news).
_CONVENTIONS = (
    (re.compile(r"re$"), "er"),
    (re.compile(r"(?<=\w{4})is(?=(?:e|ed|es|ing|ation|ations)$)"), "iz"),  # not "Louise" / "Louize"
    (re.compile(r"our"), "or"),
    (re.compile(r"(?<=[eo])nce$"), "nse"),  # "Defence" / "Defense", "Licence" / "License"
)


def _one_word_two_conventions(p: str, q: str) -> bool:
    """Whether two words differ only as British and American spellings do (:data:`_CONVENTIONS`)."""

    def american(word: str) -> str:
        word = word.lower()
        for pattern, spelling in _CONVENTIONS:
            word = pattern.sub(spelling, word)
        return word

    return p.lower() != q.lower() and american(p) == american(q)


# Spellings of one sound that names are written both ways with: a doubled letter, a final -ie, -ey or -y,
# "ph" or "f", "ck" or "k" ("Quarrie" / "Quarry" scores 77, under :data:`NAME_VARIANT`, as do "Mackie" /
# "Macky" and "Philips" / "Filips"); an umlaut written out or dropped ("Roell" / "Roll", "Mueller" /
# "Muller") and a silent "h" after a vowel ("Rohl" / "Roll"): "Roell" / "Rohl" scores 67; "ai" and a silent
# final "e" ("Tait" / "Tate", 75).
_SOUND_SPELLINGS = (
    (re.compile(r"(?:ie|ey)$"), "y"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"(?<=[aou])e"), ""),
    (re.compile(r"(?<=[aeiou])h(?![aeiouy])"), ""),
    # A long "a" written "ai" or with a silent final "e": "Tait" / "Tate".
    (re.compile(r"ai"), "a"),
    (re.compile(r"(?<=[^aeiou])e$"), ""),
)


def _sound_alike(p: str, q: str) -> bool:
    """Whether two words of four letters or more differ only in :data:`_SOUND_SPELLINGS` and doubled
    letters."""

    def key(word: str) -> str:
        word = re.sub(r"(.)\1", r"\1", word.lower())
        for pattern, spelling in _SOUND_SPELLINGS:
            word = pattern.sub(spelling, word)
        return word

    return min(len(p), len(q)) >= 4 and p.lower() != q.lower() and key(p) == key(q)


def _surname_misspelt(x: str, text_x: str, y: str, text_y: str) -> bool:
    """A surname alone against a full name whose last word is a near-spelling of it: "Lundqvist said" /
    "Edda Lunqvist said" (the short form is how a report names someone a second time). The same word test
    as :func:`_one_word_misspelt`, on the surname only; the word alone counts as a surname only when its
    own article (``text_x`` for ``x``, ``text_y`` for ``y``) also gives it after a first name, so a place
    ("officials in Kessel") is never read as a misspelt "Anna Kessler"."""
    wx, wy = x.split(), y.split()
    if len(wx) == len(wy) or min(len(wx), len(wy)) != 1:
        return False
    alone, full, text = (wx[0], wy, text_x) if len(wx) == 1 else (wy[0], wx, text_y)
    if alone == full[-1] or not _one_word_misspelt(alone, full[-1]):
        return False
    return any(m.value.split()[-1] == alone and len(m.value.split()) > 1 for m in found(names.names, text, 0))


# Endings that make a word of a name ("Korea" → "Korean", "Nordwire" → "Nordwire's"), not a misspelling.
_DERIVATIONS = frozenset({"n", "an", "ian", "ese", "i", "ish", "ern", "'s", "\u2019s"})


def _same_ignoring_case_and_hyphens(x: str, y: str) -> bool:
    """'Kim Jong-un' and 'Kim Jong Un' are one spelling for a reader; not worth a conflict."""
    return re.sub(r"[\s-]", "", x.lower()) == re.sub(r"[\s-]", "", y.lower())
