"""Counted amounts that differ between two statements of a claim: a conflict, or compatible and why.

:func:`newstrace.compare.conflicts.compare_statements` calls :func:`number_differences` first; the counts
themselves are read by :func:`newstrace.compare.values.quantities`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from newstrace.compare import values as v
from newstrace.compare.clauses import ANCHOR_TOKEN, FUNCTION_WORDS, STOPWORDS
from newstrace.compare.measures import measure
from newstrace.compare.moments import count_span, tally_moments
from newstrace.compare.values import cite, found
from newstrace.model import Citation, Difference

# Two hedged amounts within this fraction of each other are the same figure rounded ("about 1,200" vs
# 1,187 is 1.1% apart); 10% is the widest rounding a news report does on counts in the hundreds.
ROUNDING = 0.10
# Words that mark a figure as a later update of an earlier one, not a contradiction of it.
# "up from" and "down from" only before a figure: "brought 1,200 tonnes of rock down from Raven Crag" is
# no update.
UPDATE = re.compile(
    r"\b(?:rose to|risen to|grew to|grown to|climbed to|increased to|fell to|dropped to|now|updated|revised|"
    # "later", but not a length of time after something ("reaching Calder Park 31 minutes later")
    r"(?<!seconds )(?<!minutes )(?<!minute )(?<!hours )(?<!hour )(?<!days )(?<!day )(?<!weeks )(?<!week )"
    r"(?<!months )(?<!month )(?<!years )(?<!year )later)\b|"
    r"\b(?:up|down) from\s+(?:about |around |nearly |some |just |more than |fewer than |less than )?"
    r"(?:[£$€]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|a few|several)",
    re.I,
)


# A count of additional things: "two more bodies", "three additional cases". Read only after the number
# (see :func:`_increment`): before it, "more than 2,000" is a hedge, not an increment.
MORE = re.compile(r"\b(?:more|additional|further|other)\b", re.I)
# The hedge that may open a quantity's span ("More than", "about"), longest first.
HEDGE_LEAD = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, v.APPROX), key=len, reverse=True)) + r")\s+", re.I
)

# Nouns of a length of time (stemmed): a count of hours or years measures how long something lasted, and one
# story measures many things ("after a search of nearly nine hours" / "within about two hours").
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
# Content words two sentences must share, besides the words next to them, for two lengths of time to be
# of one thing: "Forty firefighters brought the blaze under control after five hours" / "Firefighters
# needed seven hours to bring the blaze under control" share three; "The last of them was darted and
# caught … after a search of nearly nine hours" / "Two of the three were darted … within about two hours"
# one.
DURATION_SHARED = 2
# A count that is a part of its things: "two of the wolves", "three of them" (the words after the number
# are in the quantity's span).
PART = re.compile(r"\bof\s+(?:the|them)\b", re.I)
# A count of the rest of its things, just before the number: "the pack's other four wolves".
REST_BEFORE = re.compile(r"\b(?:other|remaining)\s+$", re.I)
# A count that is the whole a share is taken of, just before the number: "a third of the bank's 3.4 million
# customers", "out of the 3.4 million who hold", "two-thirds of its 3.4 million current-account holders".
WHOLE_BEFORE = re.compile(
    r"\b(?:out\s+of|(?:half|thirds?|quarters?|fifths?|tenths?|most|many|some|none|majority|minority|"
    r"share|proportion|cent|percent)\s+of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?"
    r"(?:[A-Za-z-]+['\u2019]s\s+)?$",
    re.I,
)


def number_differences(
    a: Citation, text_a: str, b: Citation, text_b: str, aligned: bool = False
) -> list[Difference]:
    """Counts of one noun that differ between statement ``a`` (of article text ``text_a``) and ``b`` (two
    statements one claim holds when ``aligned``): a
    conflict, or compatible with the reason why (rounding, a bound, an update, an increment). Counts of
    two different things are left out: two measures of money; people, shares, parts of some things
    (:func:`_share`) or lengths of time told in different words; and the whole a share is taken of
    against any other count. A percentage of nothing named counts the change its statement reports only
    when it is the statement's one percentage and the other's too (:func:`_lone_percentages`)."""
    qa = [q for q in found(v.quantities, a.text, a.start) if not _restated_or_named(text_a, q)]
    qb = [q for q in found(v.quantities, b.text, b.start) if not _restated_or_named(text_b, q)]
    qa, qb = _lone_percentages(qa, qb)
    findings = _lengths(a, text_a, qa, b, text_b, qb)
    for x in qa:
        # The whole a share is taken of ("a third of its 3.4 million customers") is no count of the share.
        whole = _share(text_a, x) == "whole"
        same_noun = [
            y
            for y in qb
            if (_one_kind(x.noun, y.noun) or _one_group(text_a, x, text_b, y))
            and x.noun
            and y.percent == x.percent
            and (_share(text_b, y) == "whole") == whole
            # A figure this statement gives too (or another of its figures rounds) agrees, and is not the
            # other figure's rival: "$160 million over eight years, the Orioles … over seven years" / "an
            # offer … over seven years". For people counted in other words, a figure of any noun: "The
            # three bank workers, a man and two women, died" / "Three people have died".
            and not any(
                (z.value == y.value or (z is not x and _rounded(z, y)))
                and (_one_kind(z.noun, y.noun) or y.noun != x.noun)
                for z in qa
            )
            and _one_aspect(_aspect(text_a, x), _aspect(text_b, y))
            and _one_span(a, x, b, y)
        ]
        # The same figure anywhere in the other statement ("three in a critical condition" / "three of
        # whom were critical") means the two do not disagree on it, whatever noun the parser gave it.
        if not same_noun or any(y.value == x.value for y in qb):
            continue
        # Of several, a figure this one rounds or is rounded from answers it ("raised about £160,000" / "paid
        # £285,000 …, raising £162,000"), else the figure after the same word ("and vans 5.20 pounds" /
        # "Cars will pay 3.10 pounds and vans 5.40 pounds"), else the one whose words around it share most
        # ("a balloon carrying a pilot and 12 passengers" answers "a balloon carrying 14 people", not
        # "Three passengers were taken to hospital").
        around = context_words(a, x)
        y = next(
            (z for z in same_noun if _rounded(x, z)),
            next(
                (z for z in same_noun if _word_before(text_b, z) == _word_before(text_a, x) != ""),
                max(same_noun, key=lambda z: len(around & context_words(b, z))),
            ),
        )
        if max(x.value, y.value) > MAGNITUDE * min(x.value, y.value):
            continue  # "fined 3.4 million pounds" / "an average bill of 498 pounds": two things
        if _previous(text_a, x) != _previous(text_b, y):
            continue  # "…, up from 2.40 pounds" is the old toll, no rival to "Lorries will pay 9.60 pounds"
        measures = {measure(a, x), measure(b, y)}
        if len(measures) == 2 and None not in measures:
            continue  # "valued at 2 million crowns" / "bought for 40,000 crowns": two different amounts
        shared = context_words(a, x) & context_words(b, y)
        if (_several(a, qa, x) or _several(b, qb, y)) and not shared:
            continue  # which of a sentence's figures the other report's one answers is a guess
        # Two aligned statements that each count one thing, of one noun, with neither a bound nor the size of
        # a group, count it twice: "About 240 people worked at Brackwater" / "310 people had been employed".
        lone = (
            aligned
            and len(qa) == len(qb) == 1
            and x.noun == y.noun
            and not {x.hedge, y.hedge} & BOUNDS
            and not _of_a_group(text_a, x)
            and not _of_a_group(text_b, y)
        )
        if (x.noun == "people" or y.noun != x.noun) and not shared and not lone:
            continue  # "a community of about 6,000 people" / "which had 221 people on board"
        if x.percent and not shared and x.noun != LONE_PERCENT:
            continue  # "a 31 per cent fall in profit" / "shares closed at a fall of 6.8 per cent"
        if (_share(text_a, x) or _share(text_b, y)) and not shared:
            # A part or the rest of some things is one count of them only when the same words say what
            # happened to it: "Two of the climbers were treated for hypothermia" / "All three climbers were
            # treated for hypothermia", but "Keepers darted two of the wolves" / "the pack's other four
            # wolves had stayed in the far corner" / "all three wolves had eaten normally".
            continue
        if _measure_of_another_thing(x, a, b, y) or _measure_of_another_thing(y, b, a, x):
            continue  # "the 40-minute crossing" / "some twenty minutes after leaving": two lengths of time
        if x.noun in DURATIONS and _offset(a, x) != _offset(b, y):
            continue  # "some twenty minutes after leaving" is when, "the 40-minute crossing" how long
        if x.noun in DURATIONS and not shared and len(told(a, x) & told(b, y)) < DURATION_SHARED:
            continue  # "after a search of nearly nine hours" / "were darted … within about two hours"
        sides = (cite(a, text_a, x), cite(b, text_b, y))
        reason = _compatible_amounts(x, y)
        if reason is None and (_updated(text_a, x) or _updated(text_b, y)):
            reason = "a later update of the figure"
        if reason is None and tally_moments(a.text, b.text):
            reason = "a running count at two moments"
        if reason is None and any(
            _increment(text[q.start : q.end]) for q, text in ((x, text_a), (y, text_b))
        ):
            reason = "an increment: a count of more, not of all"
        if reason is None:
            findings.append(Difference("number", sides, True, f"{_fmt(x.value)} vs {_fmt(y.value)} {x.noun}"))
        else:
            findings.append(Difference("number", sides, False, reason))
    return _other_spans(findings, qa, qb)


# Units of length, in metres: one length given in two of them is compared after converting.
METRES = {
    "metre": 1.0, "meter": 1.0, "kilometre": 1000.0, "kilometer": 1000.0, "mile": 1609.344,
    "foot": 0.3048, "feet": 0.3048, "yard": 0.9144,
}  # fmt: skip
# Two lengths in two units this close once converted are one length ("about 14 miles" / "the 22-kilometre
# crossing": 22.5 km); a hedged one ("about") may be off by ROUNDING.
CONVERTED = 0.05


# This many counts of two statements in conflict, and none they share agreeing, are figures of two
# different spans, not so many conflicts: "13 homers and 43 RBIs in 54 games with the Angels" / "33 homers
# and 121 RBIs in a combined 157 games" (a season's part and its whole, on ECB+).
OTHER_SPAN_NOUNS = 3


def _other_spans(
    findings: list[Difference], qa: Sequence[v.Quantity], qb: Sequence[v.Quantity]
) -> list[Difference]:
    """``findings``, with its number conflicts made compatible when they are a whole line of figures that
    all differ (:data:`OTHER_SPAN_NOUNS` conflicts or more) and no noun both statements count agrees: one
    report's figures then cover another span or another event. One differing figure among agreeing ones
    ("5 dead and 12 injured" / "5 dead and 14 injured") stays a conflict."""
    conflicting = [d for d in findings if d.kind == "number" and d.conflict]
    if len(conflicting) < OTHER_SPAN_NOUNS:  # one conflict per figure of the first statement
        return findings
    agreeing = {x.noun for x in qa for y in qb if x.noun and x.noun == y.noun and x.value == y.value}
    if agreeing:
        return findings
    reason = "figures of another span: every count of the two statements differs"
    return [Difference(d.kind, d.sides, False, reason) if d in conflicting else d for d in findings]


def _lengths(
    a: Citation, text_a: str, qa: Sequence[v.Quantity], b: Citation, text_b: str, qb: Sequence[v.Quantity]
) -> list[Difference]:
    """One length in two units ("about 14 miles" / "a 26 km crossing"), compared once converted: the same
    length told in miles and kilometres, or a conflict. Only the one length of each statement is read (a
    sentence of two lengths may answer with either), and only lengths of one thing: the same word hyphened
    to both ("the 22-kilometre crossing" / "a 14-mile crossing") or shared by their clauses ("The crossing of
    about 14 miles"), not "three kilometres upstream of Brannoch" / "a few hundred metres from the farm"."""
    la = [q for q in qa if q.noun in METRES and not q.percent]
    lb = [q for q in qb if q.noun in METRES and not q.percent]
    if len(la) != 1 or len(lb) != 1:
        return []
    x, y = la[0], lb[0]
    if METRES[x.noun] == METRES[y.noun] or (x.of and y.of and x.of != y.of):
        return []  # one unit: compared as any two counts of one noun
    if not (x.of and x.of == y.of) and not context_words(a, x) & context_words(b, y):
        return []  # "three kilometres upstream of Brannoch" / "a few hundred metres from the farmhouse"
    converted = x.value * METRES[x.noun] / METRES[y.noun]  # x in y's unit
    in_units = f"{_fmt(x.value)} {_plural(x.noun)} is {round(converted, 1):g} {_plural(y.noun)}"
    sides = (cite(a, text_a, x), cite(b, text_b, y))
    slack = ROUNDING if "about" in (x.hedge, y.hedge) else CONVERTED
    bound = _compatible_amounts(dataclasses.replace(x, value=converted), y)
    if abs(converted - y.value) <= slack * max(converted, y.value) or (bound and "rounding" not in bound):
        return [Difference("number", sides, False, f"one length in two units: {in_units}")]
    return [Difference("number", sides, True, f"{in_units}, not {_fmt(y.value)}")]


def _plural(unit: str) -> str:
    return "feet" if unit in ("foot", "feet") else f"{unit}s"


# A length of time that says when, counted from something: "twenty minutes after leaving", "two days
# later", "three weeks ago".
OFFSET = re.compile(r"\s+(?:after|before|later|earlier|ago|into)\b", re.IGNORECASE)


def _offset(statement: Citation, q: v.Quantity) -> bool:
    """Whether the length of time ``q`` is an offset (:data:`OFFSET` right after it), not a duration."""
    return OFFSET.match(statement.text, q.end - statement.start) is not None


def _measure_of_another_thing(q: v.Quantity, own: Citation, other: Citation, rival: v.Quantity) -> bool:
    """Whether ``q`` (of statement ``own``) measures a thing (its unit hyphened to it: "a 198-metre
    chimney") that the ``other`` statement, whose figure is ``rival``, does not name: "the 40-minute
    crossing" is no rival of "twenty minutes after leaving". A length of time is read so always, another
    measure only against one that measures a thing too: "a 120-square-metre hole" / "a section of roughly
    60 square metres" in one claim tell one area. The rival's thing may be named by the word after the
    first ("a five-metre perimeter fence" / "a six-metre fence"; not "a seven-year deal worth …" / "an
    eight-year offer … worth": two things)."""
    if not q.of or (q.noun not in DURATIONS and not rival.of):
        return False
    after = re.match(rf"\s*{re.escape(q.of)}\s+([a-z]{{3,}})\b", own.text[q.end - own.start :])
    if after and after.group(1) == rival.of:
        return False
    names = next((group for group in SAME_THINGS if q.of.lower() in group), {q.of})
    return not any(re.search(rf"\b{re.escape(name)}", other.text, re.IGNORECASE) for name in names)


# Things two reports name in two words, whatever is measured of them: "a 58-mile diversion" / "a 62-mile
# detour".
SAME_THINGS = (
    frozenset({"diversion", "detour"}),
    frozenset({"hole", "crater", "sinkhole"}),
    frozenset({"ship", "vessel", "boat"}),
    frozenset({"journey", "trip"}),
)


# What a percentage with no noun of its own counts when it is the only one in each of two statements: the
# change the statements report ("will raise fares … by 14 percent" / "fares … will go up by 12 per cent").
LONE_PERCENT = "per cent"


def _lone_percentages(
    qa: list[v.Quantity], qb: list[v.Quantity]
) -> tuple[list[v.Quantity], list[v.Quantity]]:
    """``qa`` and ``qb`` with a percentage that has no noun named :data:`LONE_PERCENT`, when it is the
    only percentage of its statement and the other statement's only one has no noun either."""
    pa, pb = [q for q in qa if q.percent], [q for q in qb if q.percent]
    if len(pa) != 1 or len(pb) != 1 or pa[0].noun or pb[0].noun:
        return qa, qb

    def named(qs: list[v.Quantity]) -> list[v.Quantity]:
        return [dataclasses.replace(q, noun=LONE_PERCENT) if q.percent else q for q in qs]

    return named(qa), named(qb)


# A figure in brackets right after another figure restates it in other units ("58km (36 miles)",
# "$US1 million ($1.52 million)", "200 million euros ($265.3 million)"); a number hyphened to a capital
# letter or two names a model ("AK-47", "F-16"). Neither is a count of its own to compare.
RESTATED = re.compile(r"\d[^\s(]*(?:\s+[a-z]+){0,2}\s*\(\s*[^\s\d]{0,4}$")
MODEL_NAME = re.compile(r"\b[A-Z]{1,3}-$")


# Nouns of people (stemmed, as :attr:`newstrace.compare.values.Quantity.noun`): two reports may count one
# group of people in different words ("Seventeen people were taken to hospital" / "Twelve supporters were
# taken to hospital"), so counts of any two of them are compared, but only where the words around them say
# they count one thing (as counts of "people" always were: :func:`context_words`). The dead, the injured, the
# missing and the crowd at an event are groups of their own (``values._NOUN_GROUPS``).
PEOPLE = frozenset(
    "people passenger resident supporter worker employee pupil student patient survivor soldier officer "
    "firefighter rescuer protester demonstrator villager tourist visitor migrant refugee children adult men "
    "women member staff volunteer climber hiker swimmer driver crew".split()
)


def _one_kind(noun: str, other: str) -> bool:
    """Whether counts of the two (stemmed) nouns may count one thing: the same noun, or two of
    :data:`PEOPLE`."""
    return noun == other or (noun in PEOPLE and other in PEOPLE)


# Hedges that make a figure a bound: "at least a dozen people inside" is no count of "one person" shot.
BOUNDS = frozenset({"above", "below", "at_least", "at_most"})
# Amounts of money (values.CURRENCY's nouns, stemmed).
MONEY = frozenset({"pound", "dollar", "euro"})
# The group a count is of, right before it: "its fleet of 14 aircraft", "a crew of about 30 volunteers".
GROUP_OF = re.compile(
    r"\b(?P<group>[a-z]{3,})\s+of\s+(?:(?:about|around|nearly|some|almost|just)\s+)?$", re.IGNORECASE
)
# Words before "of" that name no group of things: how much of a count is meant, or no noun at all.
NOT_GROUPS = frozenset(
    "total number maximum minimum average sum range series couple handful lot lots majority minority "
    "part share rest most some many all none each both one age height length depth weight cost value "
    "price rate speed instead because out".split()
)


def _of_a_group(text: str, q: v.Quantity) -> bool:
    """Whether ``q`` is the size of a group named before it ("a community of about 6,000 people", "a town
    of 9,000 people"): a description, not a count of what happened."""
    return GROUP_OF.search(text, max(0, q.start - 30), q.start) is not None


def _one_group(text_a: str, x: v.Quantity, text_b: str, y: v.Quantity) -> bool:
    """Whether two counts of different nouns are both counts of one group named before them: "grounding its
    fleet of 14 aircraft" / "grounded its fleet of 12 twin-engined turboprops". Measures are no members
    of a group ("the crossing of about 14 miles" / "of 26 kilometres" are compared as lengths)."""
    if any(q.noun in METRES or q.noun in DURATIONS or q.noun in MONEY or q.percent for q in (x, y)):
        return False
    groups = []
    for text, q in ((text_a, x), (text_b, y)):
        m = GROUP_OF.search(text, max(0, q.start - 30), q.start)
        groups.append(m.group("group").lower() if m else None)
    return groups[0] is not None and groups[0] == groups[1] and groups[0] not in NOT_GROUPS | NOT_CONTEXT


# What the words right after a figure make of it: a dimension of a thing ("about 12 metres across" / "15
# metres deep"), a price of each of them ("around £575,000 each" / "at a cost of £11.5 million"), or the
# gap between two amounts ("£85 million more than first planned" / "a budget of £410 million"). A figure
# of one aspect is compared only with a figure of the same.
ASPECT = re.compile(
    r"\s+(?:(?P<dimension>across|wide|deep|long|high|tall|in diameter)|(?P<each>each|apiece)|"
    r"(?P<gap>more|less|fewer|higher|lower)\s+than)\b"
)


def _aspect(text: str, q: v.Quantity) -> str | None:
    """The aspect :data:`ASPECT` reads after a figure: its dimension word, "each" or "gap"; ``None`` else."""
    m = ASPECT.match(text, q.end)
    if m is None:
        return None
    return m.group("dimension") or ("each" if m.group("each") else "gap")


def _one_aspect(x: str | None, y: str | None) -> bool:
    """Whether two figures' aspects may be one: the same, or a dimension against a figure that names none
    ("which measured 4.8 metres" / "about 5.6 metres long")."""
    return x == y or (None in (x, y) and not {x, y} & {"each", "gap"})


def _one_span(a: Citation, x: v.Quantity, b: Citation, y: v.Quantity) -> bool:
    """Whether two counts may cover one span of time: their clauses name none, or the same
    (:func:`newstrace.compare.moments.count_span`): "the branches shut since 2020" (211) and "the 38
    branches it is closing this year" are two counts."""
    spans = [count_span(_clause(s, q)) for s, q in ((a, x), (b, y))]
    return None in spans or spans[0] == spans[1]


def _clause(statement: Citation, q: v.Quantity) -> str:
    """The clause of ``statement`` a quantity stands in, as :func:`context_words` reads it."""
    at, end = q.start - statement.start, q.end - statement.start
    return (
        CLAUSE_BREAK.split(statement.text[:at])[-1]
        + statement.text[at:end]
        + CLAUSE_BREAK.split(statement.text[end:])[0]
    )


def _restated_or_named(text: str, q: v.Quantity) -> bool:
    before = text[max(0, q.start - 30) : q.start]
    return RESTATED.search(before) is not None or MODEL_NAME.search(before) is not None


def _several(statement: Citation, quantities: Sequence[v.Quantity], like: v.Quantity) -> bool:
    """Whether the statement gives two or more different figures of ``like``'s noun that are not the two
    ends of one range ("between 40 and 50 homes"): several offers ("the Orioles between $140 million and
    $150 million, the Nationals $160 million"), a season's and a career's statistics, a toll of this
    earthquake beside one of an earlier one. A single figure of another report may answer any of them."""
    same = sorted(
        {(q.start, q.end, q.value) for q in quantities if q.noun == like.noun and q.percent == like.percent}
    )
    if len({value for _, _, value in same}) < 2:
        return False
    if len(same) == 2:
        between = statement.text[same[0][1] - statement.start : same[1][0] - statement.start]
        return RANGE_JOINT.fullmatch(between) is None
    return True


# What joins the two ends of a range: "40 and 50", "$140 million to $150 million", "40-50".
RANGE_JOINT = re.compile(r"\s*(?:and|to|or|-|–)\s*\$?")


def _share(text: str, q: v.Quantity) -> str | None:
    """What share of its things a count counts: "part" ("two of the wolves"), "rest" ("the other four
    wolves"), "whole" ("a third of its 3.4 million customers"), or ``None`` for a count of them all: the two
    wolves darted, the four that stayed in the enclosure and the three that escaped are three true counts
    of one pack."""
    before = text[max(0, q.start - 40) : q.start]
    if PART.search(text, q.start, q.end):
        return "part"
    if REST_BEFORE.search(before):
        return "rest"
    return "whole" if WHOLE_BEFORE.search(before) else None


def told(statement: Citation, q: v.Quantity) -> set[str]:
    """The statement's lower-case content words, crudely stemmed, but for the quantity's own words: what
    its sentence tells of."""
    at, end = q.start - statement.start, q.end - statement.start
    rest = statement.text[:at] + " " + statement.text[end:]
    return {
        w.rstrip("s")
        for w in ANCHOR_TOKEN.findall(rest)
        if re.fullmatch(r"[a-z]{3,}", w) and w not in STOPWORDS
    }


# Characters before and after a figure in which a word of update (:data:`UPDATE`) marks that figure as
# the update: "the toll rose to 15", "now stands at 12" (before), "15, up from 12" (after). Anywhere in the
# sentence was too far: "Nearly 4,000 people have been told to leave …, and more may follow later" is no
# update of its 4,000.
UPDATE_BEFORE = 40
UPDATE_AFTER = 20


def _updated(text: str, q: v.Quantity) -> bool:
    """Whether a word of update stands next to the figure ``q`` (a span of ``text``), inside its sentence."""
    before = re.split(r"[.!?]\s", text[max(0, q.start - UPDATE_BEFORE) : q.start])[-1]
    after = re.split(r"[.!?](?:\s|$)", text[q.end : q.end + UPDATE_AFTER])[0]
    # "up from" names the old figure after it, and marks the one before it: "9.60 pounds, up from 7.80
    # pounds, and vans 5.20 pounds" updates the 9.60 alone.
    ahead = any(not m.group().lower().startswith(("up", "down")) for m in UPDATE.finditer(before))
    return ahead or UPDATE.search(text[q.start : q.end] + after) is not None


def _word_before(text: str, q: v.Quantity) -> str:
    """The lower-case word right before a figure, when it is a noun it may be the figure of ("vans 5.20
    pounds"), or ""."""
    m = re.search(r"\b([a-z]{3,})\s+[£$€]?$", text[max(0, q.start - 30) : q.start])
    return m.group(1) if m and m.group(1) not in NOT_CONTEXT else ""


# What stands right before the earlier value of a change: "up from 2.40 pounds", "down from about 300".
PREVIOUS = re.compile(r"\b(?:up|down|rising|falling|risen|fallen|rose|fell) from\s*$", re.I)


def _previous(text: str, q: v.Quantity) -> bool:
    """Whether the figure ``q`` is the earlier value of a change ("…, up from 2.40 pounds"): a value that
    held before, compared only with another such value, never with a figure of now."""
    return PREVIOUS.search(text[max(0, q.start - 20) : q.start]) is not None


def _increment(span: str) -> bool:
    """Whether a quantity's cited words count additional things ("two more bodies"): "more" after the
    number, never the hedge before it ("More than 2,000 residents" counts all of them)."""
    hedge = HEDGE_LEAD.match(span)
    return MORE.search(span, hedge.end() if hedge else 0) is not None


# Words either side of a count of people, inside its own clause, whose content words say what the count
# is of ("evacuated", "board", "community"): three before, five after, so that a verb after two
# auxiliaries is read ("people have been told to leave": "told", "leave"; three missed it, and counted
# "about 2,500 people were ordered to leave" and "nearly 4,000 people have been told to leave" as counts of
# two things). Five before reached the subject: "a man suspected of shooting three people" / "a man shot
# to death one person" shared "man" (a false conflict on ECB+ news text).
CONTEXT_BEFORE = 3
CONTEXT_AFTER = 5


# Where the clause of a quantity ends: punctuation, or a word that opens another clause ("recovering part of
# an early fall of 6.8 per cent after the company reported …": "reported" is no part of what fell).
CLAUSE_BREAK = re.compile(
    r"[,;:()]|\b(?:after|before|when|while|because|as|although|which|who|whom|whose|but)\b"
)


def context_words(statement: Citation, q: v.Quantity) -> set[str]:
    """Lower-case content words around a quantity in its statement and clause (:data:`CONTEXT_BEFORE` and
    :data:`CONTEXT_AFTER` words, no further than a comma, a semicolon or a word that opens another clause),
    the quantity's own words left out. People are counted for many things in one story (on board, rescued,
    living on the island); two counts of people disagree only when they count one thing, and the words
    around a bare "people" count are all that says which."""
    at, end = q.start - statement.start, q.end - statement.start
    before = CLAUSE_BREAK.split(statement.text[:at])[-1]
    after = CLAUSE_BREAK.split(statement.text[end:])[0]
    words = ANCHOR_TOKEN.findall(before)[-CONTEXT_BEFORE:] + ANCHOR_TOKEN.findall(after)[:CONTEXT_AFTER]
    return {w.rstrip("s") for w in words if re.fullmatch(r"[a-z]{3,}", w) and w not in NOT_CONTEXT}


# Words around a count that do not say what it counts: function words, the words of a share ("other",
# "all") and "within": "Keepers caught the other two wolves inside the grounds within a few hours" /
# "all three wolves had eaten normally within a day" / "the pack's other four wolves".
NOT_CONTEXT = FUNCTION_WORDS | STOPWORDS | {"within"}


def _rounded(x: v.Quantity, y: v.Quantity) -> bool:
    """Whether one of two amounts is the other rounded ("about £160,000" / "£162,000")."""
    reason = _compatible_amounts(x, y)
    return reason is not None and reason.startswith("rounding")


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
        if p.hedge is None and q.hedge in (None, "about") and _rounds_to(q.value, p.value):
            return f"rounding: {_fmt(q.value)} is {_fmt(p.value)} rounded"
    return None


# Two figures of one noun this many times apart count two things ("fined 3.4 million pounds in 2023" / "an
# average bill of 498 pounds"), not one thing misreported.
MAGNITUDE = 50


# A round figure without "about" rounds a precise one only this close to it ("£100,000" / "£98,500";
# "1.2 million customers" / "1.18 million").
PLAIN_ROUNDING = 0.05


def _rounds_to(precise: float, rounded: float) -> bool:
    """Whether ``rounded``, a whole number, is ``precise`` rounded at its last non-zero digit, within
    :data:`PLAIN_ROUNDING`. Below a thousand only a fraction rounds so ("38 per cent" / "38.4 per cent"):
    "20 dead" and "21 dead" are two tolls, not one rounded."""
    if rounded != int(rounded) or rounded <= 0 or precise == rounded:
        return False
    if rounded < 1000 and precise == int(precise):
        return False
    step = 1
    while int(rounded) % (step * 10) == 0:
        step *= 10
    return round(precise / step) * step == rounded and abs(precise - rounded) <= PLAIN_ROUNDING * rounded


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
