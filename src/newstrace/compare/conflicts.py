"""Conflicts between two statements that report the same claim, and differences judged compatible.

Checked, in this order: counted numbers (with hedges: "more than four" is compatible with 5; "about 1,200"
with 1,187), weekdays, clock times, name spellings (two forms a letter or two apart), roles given to the
same person, and quotation wording. Each finding cites the two values' spans; a compatible difference says
why it is not a conflict (rounding, a bound, an update).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from newstrace.compare import values as v
from newstrace.compare.moments import hedged_time
from newstrace.model import Citation, Difference

_V = TypeVar("_V")

# Two hedged amounts within this fraction of each other are the same figure rounded ("about 1,200" vs
# 1,187 is 1.1% apart); 10% is the widest rounding a news report does on counts in the hundreds.
ROUNDING = 0.10
# Two names this similar (rapidfuzz ratio, 0-100) but not equal are spellings of one name: "Ha-kyou" /
# "Ha-kyu" is 92, "Salvesen" / "Salveson" 88, "King Jong" / "Kim Jong" 82; distinct surnames such as
# "Holt" / "Hall" score 50.
NAME_VARIANT = 80
# Quotations this similar (token-set ratio) are the same quote; below 100 their wording differs.
SAME_QUOTE = 60
# Words that mark a figure as a later update of an earlier one, not a contradiction of it.
UPDATE = re.compile(
    r"\b(?:rose to|risen to|climbed to|increased to|fell to|dropped to|up from|down from|now|updated|"
    r"revised|later)\b",
    re.I,
)


# A count of additional things: "two more bodies", "three additional cases". Read only after the number
# (see :func:`_increment`): before it, "more than 2,000" is a hedge, not an increment.
MORE = re.compile(r"\b(?:more|additional|further|other)\b", re.I)
# The hedge that may open a quantity's span ("More than", "about"), longest first.
HEDGE_LEAD = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, v.APPROX), key=len, reverse=True)) + r")\s+", re.I
)


def compare_statements(
    a: Citation,
    text_a: str,
    b: Citation,
    text_b: str,
    anchored: bool = False,
    moments_only: bool = False,
    places_anchored: bool | None = None,
) -> list[Difference]:
    """Differences between statement ``a`` (of article text ``text_a``) and ``b``.

    Args:
        a, b: the two statements (spans of their articles' texts).
        text_a, text_b: the full texts of their articles, so value spans can be cited.
        anchored: report two places only when the words before them share a word; otherwise a place
            that each statement alone names is a conflict too, which only holds when the two statements
            are known to say the same thing (aligned in one claim).
        moments_only: compare days, clock times and places only (numbers, names, roles and quotes left
            out).

    Returns:
        Conflicts and compatible differences, each citing the two values.
    """
    findings = [] if moments_only else _numbers(a, text_a, b, text_b)
    findings += _exclusive("date", v.weekdays, a, text_a, b, text_b)
    findings += _exclusive("date", v.calendar_days, a, text_a, b, text_b)
    findings += _exclusive("date", v.month_years, a, text_a, b, text_b)
    findings += _periods(a, text_a, b, text_b)
    findings += _exclusive("time", v.clock_times, a, text_a, b, text_b)
    places_anchored = anchored if places_anchored is None else places_anchored
    findings += _exclusive("place", v.places, a, text_a, b, text_b, places_anchored)
    findings += _exclusive("place", v.land_features, a, text_a, b, text_b, places_anchored)
    if not moments_only:
        findings += _names(a, text_a, b, text_b)
        findings += _roles(a, text_a, b, text_b)
        findings += _quotes(a, text_a, b, text_b, aligned=not anchored)
    return findings


@functools.lru_cache(maxsize=8192)
def _found(extract: Callable[[str, int], list[_V]], text: str, offset: int) -> tuple[_V, ...]:
    """``extract(text, offset)``, kept: a statement meets many others (2,708 pairs of 140 statements on the
    ten-article ferry story of benchmarks/brief_time.py), and reading its values again for each pair was
    most of the time spent comparing."""
    return tuple(extract(text, offset))


def _cite(statement: Citation, text: str, value: v.Quantity | v.Mention) -> Citation:
    return Citation(statement.article_id, value.start, value.end, text[value.start : value.end])


def _numbers(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    qa = _found(v.quantities, a.text, a.start)
    qb = _found(v.quantities, b.text, b.start)
    findings = []
    for x in qa:
        same_noun = [y for y in qb if y.noun == x.noun and x.noun and y.percent == x.percent]
        # The same figure anywhere in the other statement ("three in a critical condition" / "three of
        # whom were critical") means the two do not disagree on it, whatever noun the parser gave it.
        if not same_noun or any(y.value == x.value for y in qb):
            continue
        y = same_noun[0]
        measures = {_measure(a, x), _measure(b, y)}
        if len(measures) == 2 and None not in measures:
            continue  # "valued at 2 million crowns" / "bought for 40,000 crowns": two different amounts
        if x.noun == "people" and not _context(a, x) & _context(b, y):
            continue  # "a community of about 6,000 people" / "which had 221 people on board"
        if x.percent and not _context(a, x) & _context(b, y):
            continue  # "a 31 per cent fall in profit" / "shares closed at a fall of 6.8 per cent"
        sides = (_cite(a, text_a, x), _cite(b, text_b, y))
        reason = _compatible_amounts(x, y)
        if reason is None and (UPDATE.search(a.text) or UPDATE.search(b.text)):
            reason = "a later update of the figure"
        if reason is None and any(
            _increment(text[q.start : q.end]) for q, text in ((x, text_a), (y, text_b))
        ):
            reason = "an increment: a count of more, not of all"
        if reason is None:
            findings.append(Difference("number", sides, True, f"{_fmt(x.value)} vs {_fmt(y.value)} {x.noun}"))
        else:
            findings.append(Difference("number", sides, False, reason))
    return findings


def _increment(span: str) -> bool:
    """Whether a quantity's cited words count additional things ("two more bodies"): "more" after the
    number, never the hedge before it ("More than 2,000 residents" counts all of them)."""
    hedge = HEDGE_LEAD.match(span)
    return MORE.search(span, hedge.end() if hedge else 0) is not None


# Words either side of a count of people, inside its own clause, whose content words say what the count
# is of ("evacuated", "board", "community"): five each way, so that a verb after two auxiliaries is read
# ("people have been told to leave": "told", "leave"); three missed it, and counted "about 2,500 people
# were ordered to leave" and "nearly 4,000 people have been told to leave" as counts of two things.
CONTEXT_WORDS = 5


# Where the clause of a quantity ends: punctuation, or a word that opens another clause ("recovering part of
# an early fall of 6.8 per cent after the company reported …": "reported" is no part of what fell).
CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:after|before|when|while|because|as|although|which|who|whom|whose|but)\b")


def _context(statement: Citation, q: v.Quantity) -> set[str]:
    """Lower-case content words around a quantity in its statement and clause (:data:`CONTEXT_WORDS` each
    side, no further than a comma, a semicolon or a word that opens another clause), the quantity's own
    words left out. People are counted for
    many things in one story (on board, rescued, living on the island); two counts of people disagree only
    when they count one thing, and the words around a bare "people" count are all that says which."""
    at, end = q.start - statement.start, q.end - statement.start
    before = CLAUSE_BREAK.split(statement.text[:at])[-1]
    after = CLAUSE_BREAK.split(statement.text[end:])[0]
    words = ANCHOR_TOKEN.findall(before)[-CONTEXT_WORDS:] + ANCHOR_TOKEN.findall(after)[:CONTEXT_WORDS]
    return {w.rstrip("s") for w in words if re.fullmatch(r"[a-z]{3,}", w) and w not in _FUNCTION}


# What an amount of money measures, read from the words just before it: what something is worth, or
# what was paid for it. A painting "valued at about 2 million crowns" and "bought in 1987 for 40,000
# crowns" are two facts, not two figures for one.
VALUATION = re.compile(r"\b(?:valued?|values|valuing|worth|estimated|appraised|insured)\b", re.I)
PRICE = re.compile(r"\b(?:bought|sold|paid|pays|purchased|acquired|fee|price|cost|costs)\b", re.I)
# How far before an amount (in characters, inside its statement) its measure word may stand: "bought by
# the town in 1987 for 40,000 crowns" has it 31 characters before.
MEASURE_WINDOW = 40


def _measure(statement: Citation, q: v.Quantity) -> str | None:
    """ "value" or "price" for an amount of money with such a word just before it, else ``None``."""
    at = q.start - statement.start
    before = statement.text[max(0, at - MEASURE_WINDOW) : at]
    found = [(m.start(), "value") for m in VALUATION.finditer(before)]
    found += [(m.start(), "price") for m in PRICE.finditer(before)]
    return max(found)[1] if found else None


def _compatible_amounts(x: v.Quantity, y: v.Quantity) -> str | None:
    """Why two different amounts of one thing do not contradict, or ``None`` when they do."""
    for p, q in ((x, y), (y, x)):
        if p.hedge == "about" and abs(p.value - q.value) <= ROUNDING * max(p.value, q.value):
            return f"rounding: about {_fmt(p.value)} and {_fmt(q.value)}"
        if p.hedge in ("above",) and q.value > p.value:
            return f"a bound: more than {_fmt(p.value)} includes {_fmt(q.value)}"
        if p.hedge == "at_least" and q.value >= p.value and q.hedge != "at_least":
            return f"a bound: at least {_fmt(p.value)} includes {_fmt(q.value)}"
        if p.hedge == "at_least" and q.hedge == "at_least":
            return f"two lower bounds: at least {_fmt(p.value)} and at least {_fmt(q.value)}"
        if p.hedge == "near_below" and (1 - ROUNDING) * p.value <= q.value <= p.value:
            return f"a bound: nearly {_fmt(p.value)} includes {_fmt(q.value)}"
        if p.hedge == "near_above" and p.value <= q.value <= (1 + ROUNDING) * p.value:
            return f"a bound: just over {_fmt(p.value)} includes {_fmt(q.value)}"
        if p.hedge in ("at_most", "below") and q.value <= p.value:
            return f"a bound: up to {_fmt(p.value)} includes {_fmt(q.value)}"
    return None


def _exclusive(  # type: ignore[no-untyped-def]
    kind: str, extract, a: Citation, text_a: str, b: Citation, text_b: str, anchored: bool = False
) -> list[Difference]:
    """Days, clock times, places: a conflict when each side names values the other lacks, and the words
    just before two such values share a content word ("a recount on Monday" / "a request for a recount on
    Tuesday"): two sentences of one story often give two moments of two different things, and only a
    shared anchor says the values answer the same question. Every pair of such values is tried, so a
    second day in one sentence ("who lost Sunday's election, filed … on Tuesday") does not hide the one
    that answers the question; the day something was *said* ("the office said on Wednesday") is when it
    was reported, not a value of the claim, and is left out."""
    va, vb = list(_found(extract, a.text, a.start)), list(_found(extract, b.text, b.start))
    if kind == "date":
        va = [m for m in va if not _reported_on(text_a, m.start)]
        vb = [m for m in vb if not _reported_on(text_b, m.start)]
    if not va or not vb or {m.value for m in va} & {m.value for m in vb}:
        return []
    if kind == "place" and any(_mentions_place(m.value, b.text) for m in va):
        return []  # "in Sallow" / "its Sallow factory": the same place, named without a preposition
    if kind == "place" and any(_nested(x.value, y.value) for x in va for y in vb):
        return []  # "at Corrow Secondary School" / "in Corrow": one place, the school more precise
    if kind in ("date", "time") and (UPDATE.search(a.text) or UPDATE.search(b.text)):
        x, y = va[0], vb[0]
        return [Difference(kind, (_cite(a, text_a, x), _cite(b, text_b, y)), False, "a later update")]
    moment = kind in ("date", "time")
    shared = [
        (len(_anchor(text_a, x.start, moment) & _anchor(text_b, y.start, moment)), n, x, y)
        for n, (x, y) in enumerate((x, y) for x in va for y in vb)
    ]
    best = max(shared, key=lambda t: (t[0], -t[1]))
    if best[0]:
        # The pair whose anchors share most words answers one question: "asked for new talks on Monday" /
        # "which struck on Friday, asked for new talks on Wednesday" pairs Monday with Wednesday.
        x, y = best[2], best[3]
        sides = (_cite(a, text_a, x), _cite(b, text_b, y))
        within = hedged_time(text_a, x, text_b, y) if kind == "time" else None
        if within:
            return [Difference(kind, sides, False, within)]
        return [Difference(kind, sides, True, f"{_show(x.value)} vs {_show(y.value)}")]
    x, y = va[0], vb[0]
    if (
        kind == "place"
        and not anchored
        and _mentions_place(y.value, text_b)
        and not _mentions_place(y.value, a.text)
        and not _mentions_place(x.value, b.text)
    ):
        return [Difference(kind, (_cite(a, text_a, x), _cite(b, text_b, y)), True, f"{x.value} vs {y.value}")]
    return []


def _nested(x: str, y: str) -> bool:
    """Whether one place name's words all stand in the other ("Corrow" / "Corrow Secondary")."""
    wx, wy = set(x.lower().split()), set(y.lower().split())
    return wx <= wy or wy <= wx


def _periods(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """Two periods that share one end and differ at the other ("between March 2023 and January 2026" /
    "between May 2023 and January 2026"): the same period, begun or ended in two different months. Each
    end is compared with the same end of the other period; a shared month is no agreement on the other."""
    findings = []
    for x in _found(v.periods, a.text, a.start):
        for y in _found(v.periods, b.text, b.start):
            ends = ((x.start, y.start), (x.end, y.end))
            differing = [(p, q) for p, q in ends if p.value != q.value]
            if len(differing) == 1:
                p, q = differing[0]
                sides = (_cite(a, text_a, p), _cite(b, text_b, q))
                findings.append(Difference("date", sides, True, f"{_show(p.value)} vs {_show(q.value)}"))
    return findings


# A reporting verb right before a day: "the regional health office said on Wednesday".
REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|stated|added)\s+(?:\w+\s+){0,2}?"
    r"(?:on|late on|early on)\s+$",
    re.I,
)


def _reported_on(text: str, start: int) -> bool:
    return REPORTED_ON.search(text[max(0, start - 50) : start]) is not None


# How many words before a value are read as its anchor.
ANCHOR_WORDS = 6


def shared_anchor(text_a: str, start_a: int, text_b: str, start_b: int) -> set[str]:
    """The anchor words (see :func:`_anchor`) two days or times, at ``start_a`` and ``start_b``, have in
    common."""
    return _anchor(text_a, start_a, True) & _anchor(text_b, start_b, True)


# Words right before a value that must be the same, in order, for :func:`same_lead_in`: the preposition
# and two words before it ("court sitting in").
LEAD_IN_WORDS = 3


def same_lead_in(text_a: str, start_a: int, text_b: str, start_b: int) -> bool:
    """Whether the same words introduce two values: the last :data:`LEAD_IN_WORDS` words before each,
    within its sentence, are equal and two of them are lower-case content words ("The court, sitting in
    Kessel" / "The court, sitting in Dunmore"): the two reports answer one question."""
    leads = []
    for text, start in ((text_a, start_a), (text_b, start_b)):
        before = re.split(r"[.!?]\s", text[max(0, start - 80) : start])[-1]
        leads.append(ANCHOR_TOKEN.findall(before)[-LEAD_IN_WORDS:])
    # Names do not count as content here, as in :func:`_anchor`: "Port Halvard on" says where, not what.
    content = [w for w in leads[0] if re.fullmatch(r"[a-z]{3,}", w) and w not in _FUNCTION]
    same = [w.lower() for w in leads[0]] == [w.lower() for w in leads[1]]
    return len(leads[0]) == LEAD_IN_WORDS and same and len(content) >= 2


def _anchor(text: str, start: int, moment: bool = False) -> set[str]:
    """Content words just before a value, lower-cased and crudely stemmed; a deadline preposition right
    before it ("until 1 September" / "by 1 October") counts as the shared word "deadline". Before a day or
    a time (``moment``), a common word that opens the sentence counts too (:func:`_common_opening`): it is
    what happened then ("Sentencing is set for December 17"). Before a place it is not: one shared word is
    enough there, and the opening word is the sentence's topic ("Recounts are rare in Brenshire" / "The
    recount was held … in Brenmouth"), not what the place answers."""
    # Lower-case words only: names shared by the two sentences ("Lindgate Primary School in Vessby") say
    # they are about one thing, not that the two days answer one question.
    # Parts of a hyphenated modifier ("the 27-year-old", "a five-year contract") say nothing about what the
    # value answers: "year" would tie "a medical at Kestrel" to "four years at Riverside".
    window = max(0, start - 60)
    before = text[window:start]
    words = [
        w.lower() if moment and _common_opening(text, window + m.start(), w) else w
        for m in ANCHOR_TOKEN.finditer(before)
        for w in (m.group(),)
    ]
    words = [w for w in words if re.fullmatch(r"[a-z]{3,}", w)][-ANCHOR_WORDS:]
    # A participle after a determiner describes a thing, not when something happened to it: "recovered two
    # more bodies from the capsized ferry on Sunday" does not say when the ferry capsized.
    described = {m.group(1) for m in DESCRIBED.finditer(before)}
    anchor = {_crude_stem(w) for w in words if w not in _FUNCTION and w not in described}
    if DEADLINE.search(before):
        anchor.add("deadline")
    return anchor


# What may stand right before a sentence's first word: the text's start, a sentence end, an opening quote.
SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"\u201d]?\s+|[\"\u201c]\s*)$")


def _common_opening(text: str, at: int, word: str) -> bool:
    """Whether ``word``, at ``at`` in ``text``, is a common word capitalised only because it opens a
    sentence ("Sentencing is set for December 17" against "He will be sentenced on December 10"): it opens
    one, and the article never writes it capitalised after a lower-case word or a comma, as it would a
    name ("… said Pellmark", "Pellmark released …")."""
    if not word[:1].isupper() or not word[1:].islower() or not SENTENCE_OPENING.search(text[max(0, at - 3) : at]):
        return False
    return re.search(rf"[a-z,]\s+{re.escape(word)}\b", text) is None


def _crude_stem(word: str) -> str:
    """A word without its inflection, so "sentenced" meets "sentencing" and "opens" meets "opened": the
    first of -ing, -ed, -es, -s, -e that leaves four letters or more."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# A word with its hyphenated parts and apostrophes, so a capitalised or compound word is judged whole.
ANCHOR_TOKEN = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
# A past participle used as an adjective after a determiner: "the capsized ferry", "a stolen car".
DESCRIBED = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+([a-z]+(?:ed|en))\b")
# A preposition that makes the value after it a deadline: "until 1 September", "by 1 October".
DEADLINE = re.compile(r"\b(?:until|by|before|no later than)\s+$", re.I)


_FUNCTION = frozenset(
    "the and for from with that this was were are has have had been said says about after before "
    "shortly early late around into over under its their his her through across already".split()
)


def _mentions_place(place: str, text: str) -> bool:
    place = place.split(": ", 1)[-1]  # a land feature's name ("ridge: Skarvet")
    return re.search(rf"\b{re.escape(place)}\b", text) is not None


def _show(value: str) -> str:
    """``--09-01`` (a yearless calendar day) as "1 September", ``2023-03`` as "March 2023", ``ridge: Skarvet``
    as "the Skarvet ridge"; other values as they are."""
    if ": " in value:  # a land feature, "ridge: Skarvet"
        kind, name = value.split(": ", 1)
        return f"the {name} {kind}"
    month = "January February March April May June July August September October November December".split()
    m = re.fullmatch(r"--(\d\d)-(\d\d)", value)
    if m:
        return f"{int(m.group(2))} {month[int(m.group(1)) - 1]}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    return f"{month[int(m.group(2)) - 1]} {m.group(1)}" if m else value


def _roles(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """One person given two roles: "district governor" / "deputy district governor" Tomas Ekdal; or
    "Arvelo, Riverside's captain," / "Arvelo … where he served as vice-captain" when the other statement
    names the same person and gives "he" or "she" a role (:func:`values.pronoun_roles`)."""
    titled_a, titled_b = _found(v.titled_names, a.text, a.start), _found(v.titled_names, b.text, b.start)
    roles_b = {t.name.split()[-1]: t for t in titled_b}
    findings = []
    for x in titled_a:
        y = roles_b.get(x.name.split()[-1])
        if y is None or x.role == y.role or _same_role(x.role, y.role):
            continue
        sides = (
            Citation(a.article_id, x.start, x.end, text_a[x.start : x.end]),
            Citation(b.article_id, y.start, y.end, text_b[y.start : y.end]),
        )
        findings.append(Difference("role", sides, True, f"{x.name}: {x.role} vs {y.role}"))
    for named, other, titled, other_text in ((a, b, titled_a, text_b), (b, a, titled_b, text_a)):
        found = _pronoun_role(named, other, titled, other_text)
        if found is not None:
            name, named_side, other_side = found
            sides = (named_side, other_side) if named is a else (other_side, named_side)
            findings.append(
                Difference("role", sides, True, f"{name}: {sides[0].text.lower()} vs {sides[1].text.lower()}")
            )
    return findings


def _pronoun_role(
    named: Citation, other: Citation, titled: Sequence[v.TitledName], other_text: str
) -> tuple[str, Citation, Citation] | None:
    """A titled name in ``named`` against the role ``other`` gives "he"/"she" while naming that person
    without a role: the name and the two role spans, or ``None``. Only a statement with one pronoun role and
    no titled name of its own is read this way, so "he" cannot stand for someone else it names."""
    pronoun = _found(v.pronoun_roles, other.text, other.start)
    if len(pronoun) != 1 or _found(v.titled_names, other.text, 0):
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
_ROLE_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ceo": "chief executive",
    "chairman": "chair",
    "chairwoman": "chair",
    "defense": "defence",
}


def _same_role(x: str, y: str) -> bool:
    """One role in two spellings, or one said more fully: words that are no title word (a modifier such as
    "police" in "police spokesman", "returning" in "returning officer") may be left out by either side;
    title words ("deputy", "chief") and a department after "of" may not."""
    norm = [[_ROLE_SYNONYMS.get(w, w) for w in r.split() if w not in {"the", "a"}] for r in (x, y)]
    if norm[0] == norm[1]:
        return True
    if any("of" in words for words in norm):
        return False
    titles = [[w for w in words if v.is_title_word(w)] for words in norm]
    return titles[0] == titles[1]


def _names(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    from rapidfuzz import fuzz

    na = _found(v.names, a.text, a.start) + _opening_surname(a, text_a)
    nb = _found(v.names, b.text, b.start) + _opening_surname(b, text_b)
    forms_b = {m.value for m in nb}
    findings = []
    reported: set[str] = set()  # spellings of b already shown: "Teodor Brannigan" and "Brannigan" are one
    for x in na:
        if x.value in forms_b:
            continue
        for y in nb:
            if y.value in {m.value for m in na} or _same_ignoring_case_and_hyphens(x.value, y.value):
                continue
            if y.value in reported:
                break
            if (
                _one_word_misspelt(x.value, y.value) and fuzz.ratio(x.value, y.value) >= NAME_VARIANT
            ) or _surname_misspelt(x.value, text_a, y.value, text_b):
                sides = (_cite(a, text_a, x), _cite(b, text_b, y))
                findings.append(Difference("name", sides, True, f"spelling: {x.value} / {y.value}"))
                reported.add(y.value)
                break
    return findings


# The capitalised word that opens a statement: "Tolland said crews had saved every house".
OPENING_WORD = re.compile(r"[A-Z][a-z]+(?=[\s,])")


def _opening_surname(statement: Citation, text: str) -> tuple[v.Mention, ...]:
    """The word opening a statement when its article gives it elsewhere as the last word of a full name
    ("Tolland said …" after "said Miriam Tolland"): :func:`newstrace.compare.values.names` leaves a lone
    opening word out, since most are common nouns ("Rescuers said …")."""
    m = OPENING_WORD.match(statement.text)
    if m is None or m.group() in v.NOT_NAMES:
        return ()
    word = m.group()
    if not any(len(n.value.split()) > 1 and n.value.split()[-1] == word for n in _found(v.names, text, 0)):
        return ()
    return (v.Mention(word, statement.start, statement.start + len(word)),)


def _one_word_misspelt(x: str, y: str) -> bool:
    """Same number of words, exactly one differing, and not as a word and its derivation ("Korea" /
    "Korean", "Nordwire" / "Nordwire's"): the shape of a misspelt name, not of two different names."""
    from rapidfuzz import fuzz

    wx, wy = x.split(), y.split()
    if len(wx) != len(wy):
        return False
    differing = [(p, q) for p, q in zip(wx, wy, strict=True) if p != q]
    if len(differing) != 1:
        return False
    p, q = differing[0]
    longer, shorter = (p, q) if len(p) >= len(q) else (q, p)
    derived = longer.startswith(shorter) and longer[len(shorter) :] in _DERIVATIONS
    # The differing word itself must be a near-spelling ("Halvorsen" / "Halvorson" 89): "North Korea" /
    # "South Korea" score 82 as wholes, but "North" / "South" only 60.
    return min(len(p), len(q)) >= 3 and not derived and fuzz.ratio(p, q) >= NAME_VARIANT


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
    return any(m.value.split()[-1] == alone and len(m.value.split()) > 1 for m in _found(v.names, text, 0))


# Endings that make a word of a name ("Korea" → "Korean", "Nordwire" → "Nordwire's"), not a misspelling.
_DERIVATIONS = frozenset({"n", "an", "ian", "ese", "i", "ish", "ern", "'s", "\u2019s"})


def _same_ignoring_case_and_hyphens(x: str, y: str) -> bool:
    """'Kim Jong-un' and 'Kim Jong Un' are one spelling for a reader; not worth a conflict."""
    return re.sub(r"[\s-]", "", x.lower()) == re.sub(r"[\s-]", "", y.lower())


def _quotes(a: Citation, text_a: str, b: Citation, text_b: str, aligned: bool = False) -> list[Difference]:
    """One quotation in different words: close wording that differs ("we will accept the result" / "we
    will not accept this result"), or, in two statements of one claim, two different quotations given
    to one named speaker ("Sarro said: 'We respect the court's decision and will present a new law'" /
    "Sarro said the government 'will study the ruling and decide whether a new law is needed'")."""
    from rapidfuzz import fuzz

    qa, qb = _found(v.quotations, a.text, a.start), _found(v.quotations, b.text, b.start)
    findings = []
    for x in qa:
        for y in qb:
            if _words(x.value) == _words(y.value):
                continue
            if _words(x.value) <= _words(y.value) or _words(y.value) <= _words(x.value):
                continue  # one quotes a part of the other: a truncation, not a rewording
            sides = (_cite(a, text_a, x), _cite(b, text_b, y))
            if fuzz.token_set_ratio(x.value.lower(), y.value.lower()) >= SAME_QUOTE:
                findings.append(Difference("quote", sides, True, "the same quotation in different words"))
                continue
            speaker = _one_speaker(a, qa, b, qb) if aligned else None
            if speaker:
                findings.append(Difference("quote", sides, True, f"{speaker} quoted in different words"))
    return findings


# A verb that introduces speech, next to the speaker's name: "Sarro said", "told reporters", "said Sarro".
SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|added|stated|declared|wrote|writes)\b")
# A speaker's apposition between the name and the verb: "Jonas Berge, one of the three, said".
APPOSITION = re.compile(r"^,[^,\"\u201c\u201d]{1,50},")
# Quotations shorter than this (in words) are phrases ("full-blown", "an unequal burden") that two
# reports may pick from one longer statement; only longer ones are read as what the speaker said.
SPEAKER_QUOTE_WORDS = 4


def _one_speaker(a: Citation, qa: Sequence[v.Mention], b: Citation, qb: Sequence[v.Mention]) -> str | None:
    """The surname both statements give the speaker of their one quotation, or ``None``: each statement
    quotes once, at least :data:`SPEAKER_QUOTE_WORDS` words, and names the speaker next to a speech verb,
    outside the quotation."""
    if len(qa) != 1 or len(qb) != 1:
        return None
    if min(len(q.value.split()) for q in (*qa, *qb)) < SPEAKER_QUOTE_WORDS:
        return None
    speakers = [_speakers(s, q[0]) for s, q in ((a, qa), (b, qb))]
    shared = speakers[0] & speakers[1]
    return min(shared) if shared else None


def _speakers(statement: Citation, quote: v.Mention) -> set[str]:
    """Surnames named next to a speech verb, outside ``quote``."""
    out = set()
    for name in _found(v.names, statement.text, statement.start):
        if quote.start - 1 <= name.start < quote.end + 1:
            continue
        after = statement.text[name.end - statement.start : name.end - statement.start + 64]
        before = statement.text[max(0, name.start - statement.start - 12) : name.start - statement.start]
        if SPEECH_VERB.match(APPOSITION.sub("", after, count=1).lstrip()) or SPEECH_VERB.search(before):
            out.add(name.value.split()[-1])
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9']+", text.lower()))


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
