"""Conflicts between two statements that report the same claim, and differences judged compatible.

Checked, in this order: counted numbers (in :mod:`newstrace.compare.counts`, with hedges: "more than four"
is compatible with 5; "about 1,200" with 1,187), weekdays, clock times, places, then (in
:mod:`newstrace.compare.wording`) name spellings (two forms a letter or two apart), roles given to the same
person, and quotation wording. Each finding cites the two values' spans; a compatible difference says why
it is not a conflict (rounding, a bound, an update).
"""

from __future__ import annotations

import re

from newstrace.compare import clocks, places
from newstrace.compare import values as v
from newstrace.compare.anchors import YEAR_ANCHOR_WORDS, anchor_of
from newstrace.compare.counts import UPDATE, number_differences
from newstrace.compare.moments import (
    SENTENCE_END,
    different_acts,
    hedged_time,
    one_night,
    opposite_ends,
    other_clocks,
    part_of_day_fits,
    parts_of_day,
    zone,
)
from newstrace.compare.quotations import quote_differences
from newstrace.compare.values import cite, found
from newstrace.compare.wording import name_differences, role_differences
from newstrace.model import Citation, Difference

# Words that tell of a change of venue.
MOVED = re.compile(r"\b(?:instead|now|moved|switched|relocated)\b")


def compare_statements(
    a: Citation,
    text_a: str,
    b: Citation,
    text_b: str,
    anchored: bool = False,
    moments_only: bool = False,
    places_anchored: bool | None = None,
    years_alone: bool = False,
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
        places_anchored, years_alone: whether two places need a shared word before them (default: as
            ``anchored``); whether one year on each side needs none (see ``claims.YEAR_ALIGNED``).

    Returns:
        Conflicts and compatible differences, each citing the two values.
    """
    findings = [] if moments_only else number_differences(a, text_a, b, text_b, aligned=not anchored)
    findings += _exclusive("date", v.weekdays, a, text_a, b, text_b)
    # A calendar day is rarely background: inside one claim, two statements that each give one compare
    # them without a shared anchor ("will come into being on August 1, 2027" / "is due to open its doors
    # on September 1, 2027"). Weekdays are not read so: which day a report was written or a thing was said
    # ("a Texas prison statement Monday") made seven false conflicts on ECB+.
    findings += _exclusive("date", v.calendar_days, a, text_a, b, text_b, lone=not anchored)
    findings += _exclusive("date", v.month_years, a, text_a, b, text_b)
    if not anchored:
        findings += _years(a, text_a, b, text_b, lone=years_alone)
    findings += _periods(a, text_a, b, text_b)
    findings += _months(a, text_a, b, text_b)
    # Inside one claim, one clock time on each side is one moment told twice when the two are close
    # (:data:`LONE_TIMES_APART`), with or without a shared anchor word.
    findings += _exclusive("time", clocks.clock_times, a, text_a, b, text_b, lone=not anchored)
    findings += _day_parts(a, text_a, b, text_b)
    places_anchored = anchored if places_anchored is None else places_anchored
    findings += _exclusive("place", places.places, a, text_a, b, text_b, places_anchored, anchored)
    findings += _exclusive("place", places.land_features, a, text_a, b, text_b, places_anchored, anchored)
    # Where someone or something was taken or sent: the verb of sending is the anchor, so inside any claim
    # two destinations are compared ("were diverted to Brekkavik" / "were sent to Stornes").
    findings += _exclusive("place", places.destinations, a, text_a, b, text_b, anchored, anchored)
    if not any(d.kind == "place" for d in findings):
        findings += _settlements(a, text_a, b, text_b, places_anchored)
    if not any(d.kind == "place" for d in findings):
        findings += _site_parts(a, text_a, b, text_b, places_anchored)
    if not (
        anchored or any(d.kind == "place" for d in findings) or MOVED.search(a.text) or MOVED.search(b.text)
    ):
        # Two named buildings or grounds of two statements of one claim, each with a word before it that the
        # other's shares: a story names several halls and centres, even inside one claim ("Campers spent the
        # night in the sports hall at Lumsey Academy" / "Police set up their control room at Lumsey Leisure
        # Centre"). A move ("will instead be held at the Kelverton Grand Hotel") is no conflict with where
        # the thing was first planned. Across claims two victims "pronounced dead at Jamaica Hospital" / "at
        # Mount Sinai Hospital" were a false conflict on ECB+.
        findings += _exclusive("place", places.venues, a, text_a, b, text_b, True, anchored)
    if not moments_only:
        findings += name_differences(a, text_a, b, text_b)
        findings += role_differences(a, text_a, b, text_b)
        findings += quote_differences(a, text_a, b, text_b, aligned=not anchored)
    return findings


def _exclusive(  # type: ignore[no-untyped-def]
    kind: str,
    extract,
    a: Citation,
    text_a: str,
    b: Citation,
    text_b: str,
    anchored: bool = False,
    across: bool = False,
    lone: bool = False,
) -> list[Difference]:
    """Days, clock times, places: a conflict when each side names values the other lacks, and the words
    just before two such values share a content word ("a recount on Monday" / "a request for a recount on
    Tuesday"): two sentences of one story often give two moments of two different things, and only a
    shared anchor says the values answer the same question. Every pair of such values is tried, so a
    second day in one sentence ("who lost Sunday's election, filed … on Tuesday") does not hide the one
    that answers the question; the day something was *said* ("the office said on Wednesday") is when it
    was reported, not a value of the claim, and is left out."""
    va, vb = list(found(extract, a.text, a.start)), list(found(extract, b.text, b.start))
    if kind == "place" and across:
        # Two statements of different claims: a place that says where some other thing is (a clinic, a
        # medical) answers no question the other statement's place answers.
        va = [m for m in va if not places.background(text_a, m.start)]
        vb = [m for m in vb if not places.background(text_b, m.start)]
    if kind == "date":
        va = [m for m in va if not _reported_on(text_a, m.start)]
        vb = [m for m in vb if not _reported_on(text_b, m.start)]
    if kind == "time":
        va, vb = clocks.event_times(text_a, va, text_b, vb)
    return _exclusive_values(kind, va, vb, a, text_a, b, text_b, anchored, lone)


# Two clock times that share no anchor word are read as one moment told twice only this close (minutes):
# two reports of one moment are an hour or two apart ("shortly before 3:40 a.m." / "at about 2:15 a.m."),
# while a start and a finish told in one claim ("walked into the water at 5:12 a.m." / "touched the rocks
# at 2:46 p.m.") are mostly further apart.
LONE_TIMES_APART = 180


def near_moments(kind: str, x: v.Mention, y: v.Mention) -> bool:
    """Whether two lone values may be one moment: any two days, or clock times within
    :data:`LONE_TIMES_APART` minutes of each other."""
    if kind != "time":
        return True
    minutes = [int(m.value[:2]) * 60 + int(m.value[3:5]) for m in (x, y)]
    apart = abs(minutes[0] - minutes[1])
    return min(apart, 24 * 60 - apart) <= LONE_TIMES_APART


def _exclusive_values(
    kind: str,
    va: list[v.Mention],
    vb: list[v.Mention],
    a: Citation,
    text_a: str,
    b: Citation,
    text_b: str,
    anchored: bool,
    lone: bool = False,
) -> list[Difference]:
    """:func:`_exclusive` on the values ``va`` of ``a`` and ``vb`` of ``b``, read already; ``lone``: one
    value on each side is compared even when no anchor word is shared."""
    both = {m.value for m in va} & {m.value for m in vb}
    if kind == "place" and both:
        # "at the Grand Marine Hotel in Saltport" / "… in Kingsmere": a place both give, and where it is.
        va, vb = places.where_shared(text_a, va, both), places.where_shared(text_b, vb, both)
        both = set()
    if not va or not vb or both:
        return []
    if kind == "place":
        va, vb = places.without_wider(va, vb), places.without_wider(vb, va)
        if not va or not vb:
            return []  # "in Greece" / "in Athens": one place at two scales
    if kind == "place":
        # A place the other statement names too, without a preposition, is no rival of its places: "in
        # Sallow" / "its Sallow factory"; "is back at Betty Ford" / "checked into Betty Ford Center in Rancho
        # Mirage". The statements' other places still count ("at the Oddby creamery … to its plant in
        # Tarrow" / "the Oddby butter line … to its plant in Merrick").
        va = [m for m in va if not _mentions_place(m.value, b.text)]
        vb = [m for m in vb if not _mentions_place(m.value, a.text)]
        if not va or not vb:
            return []
    if kind == "place" and any(_nested(x.value, y.value) for x in va for y in vb):
        return []  # "at Corrow Secondary School" / "in Corrow": one place, the school more precise
    if kind == "place" and any(
        _written_within(x.value, y.value, t) for x in va for y in vb for t in (text_a, text_b)
    ):
        return []  # "in Banstead" / "in Surrey", a report writing "Banstead, Surrey": one place in the other
    if kind in ("date", "time") and (UPDATE.search(a.text) is None) != (UPDATE.search(b.text) is None):
        # One side tells of a change ("The championships will now be held from January 15"): an update. Both
        # telling of it ("… would now take place from January 22") give the new day two ways: compared.
        x, y = va[0], vb[0]
        return [Difference(kind, (cite(a, text_a, x), cite(b, text_b, y)), False, "a later update")]
    moment = kind in ("date", "time")
    pairs = [
        (x, y)
        for x in va
        for y in vb
        if (kind != "time" or not other_clocks(text_a, x, text_b, y))
        and not (moment and opposite_ends(text_a, x.start, text_b, y.start))
    ]
    if not pairs:
        return []  # "struck at 13:36" / "at 0440 GMT": one moment may have both times
    shared = [
        (
            len(anchor_of(text_a, x.start, moment) & anchor_of(text_b, y.start, moment))
            + (kind == "place" and places.same_premises(text_a, x, text_b, y))
            + (kind == "time" and _services(text_a, x, text_b, y)),
            n,
            x,
            y,
        )
        for n, (x, y) in enumerate(pairs)
    ]
    best = max(shared, key=lambda t: (t[0], -t[1]))
    if best[0] or (lone and len(va) == 1 and len(vb) == 1 and near_moments(kind, va[0], vb[0])):
        # The pair whose anchors share most words answers one question: "asked for new talks on Monday" /
        # "which struck on Friday, asked for new talks on Wednesday" pairs Monday with Wednesday.
        x, y = best[2], best[3]
        sides = (cite(a, text_a, x), cite(b, text_b, y))
        within = hedged_time(text_a, x, text_b, y) if kind == "time" else one_night(text_a, x, text_b, y)
        if moment and (_lasting(text_a, x.start) or _lasting(text_b, y.start)):
            within = "a state that lasts: it held at both moments"
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
        sides = (cite(a, text_a, x), cite(b, text_b, y))
        return [Difference(kind, sides, True, f"{_show(x.value)} vs {_show(y.value)}")]
    return []


def _services(text_a: str, x: v.Mention, text_b: str, y: v.Mention) -> bool:
    """Whether both clock times name the service they are the times of ("of the 22:47 service from Calder
    to Brennock" / "was on the 23:15 train from Calder to Brennock"): the words before them ("of the" / "on
    the") say nothing, the vehicle after them says which question they answer."""
    return bool(clocks.SERVICE.match(text_a, x.end) and clocks.SERVICE.match(text_b, y.end))


def _years(a: Citation, text_a: str, b: Citation, text_b: str, lone: bool = False) -> list[Difference]:
    """Two years named alone (:func:`newstrace.compare.values.years`) for one thing: after the same
    preposition, with one of the :data:`YEAR_ANCHOR_WORDS` words before them shared ("Brackwater opened
    in 1972" / "The station opened in 1974"). A year alone is often background ("told Playboy in 1998" /
    "told the Los Angeles Times in 2006"; "its first trophy since 2011" / "a first since it was promoted in
    2019"), so this is asked of two statements of one claim only, and a year both give is no conflict."""
    ya, yb = found(v.years, a.text, a.start), found(v.years, b.text, b.start)
    if not ya or not yb or {m.value for m in ya} & {m.value for m in yb}:
        return []
    for x in ya:
        for y in yb:
            if _year_preposition(text_a, x) != _year_preposition(text_b, y):
                continue
            if anchor_of(text_a, x.start, False, YEAR_ANCHOR_WORDS) & anchor_of(
                text_b, y.start, False, YEAR_ANCHOR_WORDS
            ) or (lone and len(ya) == len(yb) == 1 and not different_acts(text_a, x.start, text_b, y.start)):
                sides = (cite(a, text_a, x), cite(b, text_b, y))
                if UPDATE.search(a.text) or UPDATE.search(b.text):
                    return [Difference("date", sides, False, "a later update")]
                return [Difference("date", sides, True, f"{x.value} vs {y.value}")]
    return []


def _year_preposition(text: str, year: v.Mention) -> str:
    """The preposition a year named alone follows ("in", "since", …)."""
    m = re.search(r"(\w+)\s+(?:(?:early|late)\s+|mid-)?$", text[max(0, year.start - 30) : year.start])
    return m.group(1).lower() if m else ""


def _day_parts(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """A part of the day against a clock time or another part ("on Tuesday evening" / "at 9.40 a.m.";
    "Saturday afternoon" / "overnight"): a conflict when the time cannot lie in the part
    (:func:`newstrace.compare.moments.part_of_day_fits`), else a compatible difference, one side vaguer.
    Each statement's moment is its clock times when it gives any (two clock times are compared by
    :func:`_exclusive`), else its parts of the day; as there, the words before the two values must share
    one (the pair sharing most is taken), two statements that name different days are left to the day
    check, and an update is no conflict."""
    moments = []
    for s, text in ((a, text_a), (b, text_b)):
        # A clock time in a named zone ("2045 GMT") is no hour of the local day a part of the day names.
        times = [
            c for c in found(clocks.clock_times, s.text, s.start) if zone(text, c) in (None, "local time")
        ]
        moments.append((times, False) if times else (found(parts_of_day, s.text, s.start), True))
    (va, part_a), (vb, part_b) = moments
    if not va or not vb or not (part_a or part_b) or UPDATE.search(a.text) or UPDATE.search(b.text):
        return []
    days = [{m.value for m in found(v.weekdays, s.text, s.start)} for s in (a, b)]
    if all(days) and not days[0] & days[1]:
        return []
    shared = [
        (len(anchor_of(text_a, x.start, True) & anchor_of(text_b, y.start, True)), -n, x, y)
        for n, (x, y) in enumerate((x, y) for x in va for y in vb)
    ]
    count, _, x, y = max(shared, key=lambda t: t[:2])
    if not count:
        return []
    part, other = (x.value, y.value) if part_a else (y.value, x.value)
    if part == other:
        return []
    sides = (cite(a, text_a, x), cite(b, text_b, y))
    if part_of_day_fits(part, other):
        return [Difference("time", sides, False, f"one side vaguer: {part} includes {other}")]
    return [Difference("time", sides, True, f"{x.value} vs {y.value}")]


def _settlements(
    a: Citation, text_a: str, b: Citation, text_b: str, anchored: bool = True
) -> list[Difference]:
    """Two villages, towns or cities, compared as places are (:func:`_exclusive`): one named by its kind
    ("in the neighbouring town of Lindby", :func:`newstrace.compare.places.settlements`) against another,
    or against a place its own article calls a settlement ("in Ferrow", the article saying "Ferrow, a
    village on higher ground"). A settlement is never set against a place of unknown kind: "at the border
    city of Khasan" is no alternative to "in Russia". Even inside one claim the words before the two
    must share :data:`SETTLEMENT_ANCHOR` words: a story's background names other towns. In a claim aligned
    so closely that places need no shared words (``anchored`` false), one settlement on each side is one
    place told two ways ("… in a sheep pasture at Brackenlow Farm, outside the village of Aldersey Cross" /
    "… on his land near the village of Kelby Moor")."""
    va, vb = (_settlements_of(s, text) for s, text in ((a, text_a), (b, text_b)))
    compared = _exclusive_values("place", va, vb, a, text_a, b, text_b, True, lone=not anchored)
    lone = not anchored and len(va) == len(vb) == 1
    return [
        d
        for d in compared
        if not d.conflict or lone or _settlement_anchor(text_a, d.sides[0], text_b, d.sides[1])
    ]


# Words two settlements' anchors must share, the kind words left out ("reception centre" before "in Ferrow"
# and "in the neighbouring town of Lindby"). One was too few on ECB+ news text, where the background
# sentences of one earthquake story name the towns of three earlier ones ("struck … near the port city of
# Bandar Abbas" / "The tremor struck an area around the town of Dargahan").
SETTLEMENT_ANCHOR = 2
_SETTLEMENT_WORDS = frozenset({"village", "town", "city", "hamlet", "suburb", "port", "market"})


def _settlement_anchor(text_a: str, x: Citation, text_b: str, y: Citation) -> bool:
    shared = anchor_of(text_a, x.start) & anchor_of(text_b, y.start)
    return len(shared - _SETTLEMENT_WORDS) >= SETTLEMENT_ANCHOR


def _site_parts(a: Citation, text_a: str, b: Citation, text_b: str, anchored: bool) -> list[Difference]:
    """Two parts of a site named by common nouns ("from a valve on a storage tank inside the dosing
    building" / "from a split hose in the delivery bay"; :func:`newstrace.compare.places.site_parts`),
    compared only with each other. They conflict when the words before them, read as far back as
    :data:`SITE_ANCHOR_WORDS` content words (the verb of such a sentence stands further back than a day's:
    "The gas escaped from a valve on a storage tank inside the"), share one; in a claim aligned closely
    enough that places need no shared words (``anchored`` false), when each statement names one part.
    Two parts on one side of the site ("the north end" / "the north stand") or one inside the other's
    words are one place told more or less precisely."""
    va, vb = (list(found(places.site_parts, s.text, s.start)) for s in (a, b))
    if not va or not vb or {x.value for x in va} & {y.value for y in vb}:
        return []
    if any(places.same_side(x.value, y.value) or _nested(x.value, y.value) for x in va for y in vb):
        return []
    for x in va:
        for y in vb:
            shared = anchor_of(text_a, x.start, size=SITE_ANCHOR_WORDS) & anchor_of(
                text_b, y.start, size=SITE_ANCHOR_WORDS
            )
            if shared or (not anchored and len(va) == len(vb) == 1):
                sides = (cite(a, text_a, x), cite(b, text_b, y))
                return [Difference("place", sides, True, f"the {x.value} vs the {y.value}")]
    return []


# Content words before a part of a site read as its anchor: twice a day's (:data:`ANCHOR_WORDS`), within
# the same 60 characters.
SITE_ANCHOR_WORDS = 12


def _settlements_of(statement: Citation, text: str) -> list[v.Mention]:
    """The settlements of a statement: named by their kind, or places that its article ``text`` calls
    settlements elsewhere."""
    named = list(found(places.settlements, statement.text, statement.start))
    known = places.settlement_names(text)
    named += [m for m in found(places.places, statement.text, statement.start) if m.value in known]
    return sorted(set(named), key=lambda m: m.start)


def _nested(x: str, y: str) -> bool:
    """Whether one place name's words all stand in the other ("Corrow" / "Corrow Secondary"), or the two
    differ in one word that one shortens ("Northeast Philly" / "Northeast Philadelphia": the word's first
    four letters, as a short or familiar form keeps them)."""
    wx, wy = set(x.lower().split()), set(y.lower().split())
    if wx <= wy or wy <= wx:
        return True
    (p, *more), (q, *others) = sorted(wx - wy), sorted(wy - wx)
    return not more and not others and len(wx) == len(wy) > 1 and p[:4] == q[:4]


def _months(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """A month named alone ("last tested in August") against another month, alone or that of a calendar
    day ("last tested on September 9"), as :func:`_exclusive` compares days: a calendar day is no conflict
    with its own month ("in September" / "September 9"), and two calendar days are compared whole."""
    alone_a, alone_b = found(v.months, a.text, a.start), found(v.months, b.text, b.start)
    if not alone_a and not alone_b:
        return []
    va = [*alone_a, *(_month_of(m) for m in found(v.calendar_days, a.text, a.start))]
    vb = [*alone_b, *(_month_of(m) for m in found(v.calendar_days, b.text, b.start))]
    va = [m for m in va if not _reported_on(text_a, m.start)]
    vb = [m for m in vb if not _reported_on(text_b, m.start)]
    return _exclusive_values("date", va, vb, a, text_a, b, text_b, False)


def _month_of(day: v.Mention) -> v.Mention:
    """A calendar day (``--MM-DD``) as its month (``--MM``), cited whole."""
    return v.Mention(day.value[:4], day.start, day.end)


def _periods(a: Citation, text_a: str, b: Citation, text_b: str) -> list[Difference]:
    """Two periods that share one end and differ at the other ("between March 2023 and January 2026" /
    "between May 2023 and January 2026"): the same period, begun or ended in two different months. Each
    end is compared with the same end of the other period; a shared month is no agreement on the other."""
    findings = []
    for x in found(v.periods, a.text, a.start):
        for y in found(v.periods, b.text, b.start):
            ends = ((x.start, y.start), (x.end, y.end))
            differing = [(p, q) for p, q in ends if p.value != q.value]
            if len(differing) == 1:
                p, q = differing[0]
                sides = (cite(a, text_a, p), cite(b, text_b, q))
                findings.append(Difference("date", sides, True, f"{_show(p.value)} vs {_show(q.value)}"))
    return findings


# A reporting verb right before a day: "the regional health office said on Wednesday"; a calendar day
# after its weekday too ("Fresh riots were reported in Greece on Saturday December 13").
REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|stated|added)\s+"
    r"(?:(?:\w+\s+){0,2}?(?:on|late on|early on)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?)?$",
    re.I,
)


# A figure then "by" right before a day: the day a running total was read ("had raised more than £5,000
# by Tuesday evening" / "had received more than £19,000 … by Thursday morning"), no day of the event. So
# is "by" a day whose clause goes on to a total that had been reached ("By Tuesday evening, 460 flights had
# been cancelled"; "by Saturday lunchtime it had been shared more than 40,000 times").
TOTAL_BY = re.compile(r"\d[\d,.]*(?:\s+[a-z]+){0,6}\s+by\s+$")
BY = re.compile(r"\b[Bb]y\s+$")
TOTAL_AFTER = re.compile(r"[^.!?;]{0,40}?(?:\bhad\b[^.!?;]{0,40}?\d|\d[^.!?;]{0,40}?\bhad\b)")


def _reported_on(text: str, start: int) -> bool:
    before = text[max(0, start - 50) : start]
    if BY.search(before) and TOTAL_AFTER.match(text, start):
        return True
    return REPORTED_ON.search(before) is not None or TOTAL_BY.search(before) is not None


# A verb of lasting a few words before a day or time that something held on: "would stay closed on
# Sunday", "remained in intensive care on Thursday". A state holds at many moments, so the day it is said
# to hold on contradicts no other day of the story ("will stay shut on Monday", "the blast happened …
# on Tuesday"); the day a state ends ("closed until Friday") is a deadline, not this. So is a day said to
# be one of several of it: "faced a second day of cancelled surgery on Wednesday". Not a thing done "again
# on Wednesday": the day of the repeat may still be told two ways.
LASTING = re.compile(
    r"(?:\b(?:stay|stays|stayed|remain|remains|remained|still|kept)\b(?:\s+[a-z]+){0,3}"
    r"|\b(?:second|third|fourth|fifth|another)\s+(?:straight\s+|successive\s+)?day\b(?:\s+[a-z]+){0,4})"
    r"\s+(?:on|at|in)\s+(?:about\s+|around\s+)?$"
)


def _lasting(text: str, start: int) -> bool:
    """Whether a verb of lasting (:data:`LASTING`) leads to the value at ``start``, inside its sentence."""
    return LASTING.search(SENTENCE_END.split(text[max(0, start - 60) : start])[-1]) is not None


def _written_within(x: str, y: str, text: str) -> bool:
    """Whether ``text`` writes one place as lying in the other: "Banstead, Surrey", "Mannheim, Germany",
    "a Kraft plant in Philadelphia", "Zarand in Iran's Kerman province" (either order)."""
    x, y = (p.split(": ", 1)[-1] for p in (x, y))
    for inner, outer in ((x, y), (y, x)):
        between = r"(?:,\s+|\s+in\s+(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,2})"
        pattern = rf"\b{re.escape(inner)}\b{between}{re.escape(outer)}\b"
        possessive = rf"\b{re.escape(outer)}['’]s\s+{re.escape(inner)}\b"
        if re.search(pattern, text, re.IGNORECASE) or re.search(possessive, text, re.IGNORECASE):
            return True
    return False


def _mentions_place(place: str, text: str) -> bool:
    place = place.split(": ", 1)[-1]  # a land feature's name ("ridge: Skarvet")
    return re.search(rf"\b{re.escape(place)}\b", text) is not None


def _show(value: str) -> str:
    """``--09-01`` (a yearless calendar day) as "1 September", ``--09`` as "September", ``2023-03`` as "March
    2023", ``ridge: Skarvet`` as "the Skarvet ridge", ``taken to: Ostry Hospital`` (or ``from:``, ``based
    in:``) as "Ostry Hospital"; other values as they are."""
    if value.startswith(("taken to: ", "from: ", "based in: ", "venue: ")):  # taken to, from, based, a venue
        return value.split(": ", 1)[1]
    if ": " in value:  # a land feature, "ridge: Skarvet"
        kind, name = value.split(": ", 1)
        return f"the {name} {kind}"
    month = "January February March April May June July August September October November December".split()
    m = re.fullmatch(r"--(\d\d)-(\d\d)", value)
    if m:
        return f"{int(m.group(2))} {month[int(m.group(1)) - 1]}"
    if re.fullmatch(r"--\d\d", value):
        return month[int(value[2:]) - 1]
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    return f"{month[int(m.group(2)) - 1]} {m.group(1)}" if m else value
