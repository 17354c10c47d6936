"""The checkable values of a statement: quantities, weekdays, dates and years (clock times are read by
:mod:`newstrace.compare.clocks`; names, titles and roles by :mod:`newstrace.compare.names`).

Conflict detection (:mod:`newstrace.compare.conflicts`) compares these between two statements that say the
same thing. Each value keeps its span in the article text, so a conflict can cite both sides exactly.
Pure functions over text; regex-based and fast (a few µs per sentence).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from newstrace.model import Citation

_V = TypeVar("_V")

# Number words a news sentence spells out ("four dead", "twelve missing", "dozens").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
}  # fmt: skip
# Multipliers after a number: "3.5 million", "two billion".
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Words that make a number approximate or a bound: "about 1,200", "more than four", "at least 12".
# "Nearly 4,000" is a figure a little under 4,000 (near_below), not any figure up to it: "nearly 4,000" and
# "about 2,500" disagree, where "up to 4,000" and 2,500 do not.
APPROX = {
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "nearly": "near_below", "almost": "near_below", "just under": "near_below", "just short of": "near_below",
    "just over": "near_above", "just above": "near_above", "up to": "at_most", "fewer than": "below",
    "less than": "below", "under": "below", "more than": "above", "over": "above", "at least": "at_least",
    "upwards of": "above", "dozens of": "about", "hundreds of": "about", "thousands of": "about",
}  # fmt: skip

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "thirty-one" before "thirty" and "one", so the compound is read whole.
_NUMBER_WORD = rf"(?:{_TENS})[- ](?:{_UNITS})|" + "|".join(
    sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)
)
_APPROX = "|".join(sorted(map(re.escape, APPROX), key=len, reverse=True))
# A quantity: an optional hedge, a numeral or number word, an optional scale, and the noun it counts
# ("at least 12 people", "four dead", "1,200 jobs", "3.5 million euros", "205 survivors").
QUANTITY = re.compile(
    rf"(?:(?P<hedge>\b(?:{_APPROX}))\s+)?(?P<cur>[£$€])?"
    rf"(?P<num>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d|,\d|\.\d)|\b\d+(?:\.\d+)?(?!\d|\.\d)|"
    rf"\b(?:{_NUMBER_WORD})\b)"
    # A unit or a scale written onto the figure ("250MW", "86mph", "£3.1m"): GLUED_UNITS, GLUED_SCALES.
    r"(?:(?P<glued>bn|mw|gw|kw|mph|km|kg|cm|mm|ft|m|k)\b|\s(?P<spaced>mw|gw|kw|mph|km|kg|cm|mm|ft)\b|\b)"
    rf"(?:[\s-](?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?"
    r"(?:\s+(?:more|other|additional|of\s+the|of\s+them)\b)?"
    r"(?:\s+(?P<people>people|persons)\b)?"
    # A number word after a figure opens the next figure ("3,100 five years earlier"): no noun of it. A
    # word hyphened to the figure is its unit ("a 198-metre chimney", "a four-hour battery").
    rf"(?:(?P<sep>\s+|-)(?!(?:{_NUMBER_WORD})\b)(?P<noun>[a-z][a-z-]{{2,}}))?"
    rf"(?:\s+(?!(?:{_NUMBER_WORD})\b)(?P<head>[a-z][a-z-]{{2,}}))?",
    re.IGNORECASE,
)
# Units and scales written onto a figure, as the unit words they abbreviate; "m", "bn" and "k" after a
# currency sign are scales ("£3.1m" is 3.1 million pounds), "m" after a bare figure is metres.
GLUED_UNITS = {
    "mw": "megawatts", "gw": "gigawatts", "kw": "kilowatts", "mph": "mph", "km": "kilometres",
    "kg": "kilograms", "cm": "centimetres", "mm": "millimetres", "ft": "feet", "m": "metres",
}  # fmt: skip
GLUED_SCALES = {"bn": 1e9, "m": 1e6, "k": 1e3}
# A currency sign before an amount says what it counts: "£412,000", "$3.5 million", "€40,000".
CURRENCY = {"£": "pounds", "$": "dollars", "€": "euros"}
# The noun a percentage is "of", right before it: "an offer of 3.5 per cent", "a rise of about 4 percent".
PERCENT_OF = re.compile(r"\b(?P<noun>[a-z]{3,})\s+of\s+(?:about\s+|around\s+|nearly\s+|some\s+|just\s+)?$")
# Words right after a number that are not what it counts ("14 people were missing": the count is people).
NOT_NOUNS = frozenset(
    "and or but were was are is had has have who which that than to of in on at by for from with as "
    "after before since while when where the a an this these those its their his her our".split()
)
# A verb just before a number that says what it counts: "killing four", "injuring 12".
COUNT_VERB = re.compile(
    r"\b(?P<verb>killing|killed|kills|injuring|injured|wounding|wounded)\s+(?:at\s+least\s+|about\s+|some\s+)?$",
    re.IGNORECASE,
)
# Animals a verb of killing or injuring may count: "began killing 43,000 hens" counts hens, not the dead
# of a disaster, and is compared with "culling 38,000 laying hens".
ANIMALS = frozenset(
    "animal bird hen chicken poultry turkey duck goose cattle cow calf sheep lamb pig deer fish badger fox "
    "dog cat horse bee seal dolphin whale".split()
)
# What a count of people turns out to be, a few words on: "14 people were still missing".
STATE_AFTER = re.compile(
    r"(?:\s+(?:were|was|are|is|have|had|been|being|still|now|remain|remained|reported|confirmed|feared)){0,3}"
    r"\s+(?P<state>missing|dead|killed|injured|wounded|hurt|unaccounted)\b",
    re.IGNORECASE,
)
# Nouns of people whose count turns out, a few words on, to be of the hurt, the dead or the missing
# (:data:`STATE_AFTER`): "Three workers were injured" counts the injured, as "injuring two men" does.
PERSONS = frozenset(
    "worker man men woman women child children pupil student passenger resident visitor tourist climber "
    "hiker rider driver player spectator firefighter officer soldier patient villager crew".split()
)
# A count of all of some things, named after it: "withdrawn all 22 of its fuel-cell buses" counts buses.
ALL_BEFORE = re.compile(r"\ball\s+$", re.IGNORECASE)
ALL_OF_AFTER = re.compile(
    r"\s+of\s+(?:its|their|the|his|her|our)\s+(?:[\w'-]+\s+){0,3}?(?P<noun>[a-z]{3,}s)\b(?![\w'-])"
)
# What a figure with no noun after it counts, named before it: "put the number of customers affected at
# 2.1 million", "the total of votes cast was 8,412".
NUMBER_OF = re.compile(
    r"\b(?:number|total|count)\s+of\s+(?P<noun>[a-z]{3,})\b[^,;.]{0,30}?\s(?:at|to|was|is)\s+$"
)
# What a figure with no noun after it counts, when a noun stands just before it with "of": "A crowd of
# about 41,000", "an attendance of 38,500", "a workforce of 2,300" (30 characters before the figure
# reach past a hedge: "A crowd of approximately").
NOUN_OF = re.compile(rf"\b(?:a|an|the)\s+(?P<noun>[a-z]{{3,}})\s+of\s+(?:(?:{_APPROX})\s+)?$", re.IGNORECASE)
# A figure per one of something, after it: "64 crowns a share", "900 crowns per sample", "30 million
# crowns a year". A rate and a total in one unit are two facts ("30 million crowns a year for four years"
# / "120 million crowns over four years"; "about 900 crowns a sample, against 300 crowns for the stool
# kit"), so a rate is compared only with a rate of the same thing. "Two people a week ago" is no rate.
RATE_AFTER = re.compile(r"\s+(?:a|an|per|each)\s+(?P<unit>[a-z]{3,})\b(?!\s+(?:ago|earlier|later)\b)")
# The same, told before the figure: "values each Lisle share at 68 crowns", "costs per sample of 900".
RATE_BEFORE = re.compile(
    rf"\b(?:each|every|per)\s+(?:[A-Z][\w-]*\s+)?(?P<unit>[a-z]{{3,}})\s+(?:at|for|of|costs?|is|was)\s+"
    rf"(?:(?:{_APPROX})\s+)?[£$€]?$"
)
# A figure that is how many something can hold, just before it: "its north stand holds about 6,000 fans",
# "a ferry licensed to carry 300 passengers", "a capacity of 18,000". A capacity and a count of those
# there are two facts ("The crowd of about 18,400" at the same ground), so it is compared only with a
# capacity.
CAPACITY = re.compile(
    rf"\b(?:holds?|seats?|seating|accommodates?|carry|carries|capacity\s+of|room\s+for)\s+"
    rf"(?:(?:{_APPROX})\s+)?$",
    re.IGNORECASE,
)
# A vote's tally: "passed by 48 votes to 39", "voted 48 to 41", "a 48-39 vote". The second figure counts
# the votes against, whatever noun follows it ("39, with four abstentions", "41 for the bill").
TALLY = re.compile(r"\b(?P<yes>\d{1,4})(?:\s+votes?\s+to\s+|\s+to\s+|-)(?P<no>\d{1,4})\b")
# A word of voting that makes "48 to 41" a tally: in it, up to :data:`TALLY_BEFORE` characters before it
# ("Members voted 48 to 41"; "the assembly divided, and by 48 votes to 39") or as the word
# just after it ("a 48-39 vote"). A score ("won 3-2") has none.
VOTING = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballot|division|divided)\b", re.IGNORECASE)
TALLY_BEFORE = 40
TALLY_AFTER = len(" votes")
# A number followed by a time zone is a clock time: "0540 GMT".
TIME_ZONE = re.compile(r"\s*(?:GMT|UTC|CET|EST|PST|hrs|hours local)\b")
# Years and clock times are not counts: "in 2019", "6:40".
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Weekdays, with an optional part of day ("Sunday afternoon", "early Tuesday").
WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
_MONTH_NUMBER |= {name[:3]: number for name, number in _MONTH_NUMBER.items()} | {"Sept": 9}
# Months as wire style shortens them before a day: "Sept. 4", "Jan. 12".
_SHORT_MONTHS = r"(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\."
# Calendar days: "1 September", "September 12", "Sept. 12" (a year after them is ignored).
MONTH_DAY = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})"
    rf"|(?P<m2>{_MONTHS}|{_SHORT_MONTHS})\s+(?P<d2>\d{{1,2}})(?!\d|:))\b"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted or measured amount: ``value`` of ``noun`` (stemmed), maybe hedged."""

    value: float
    noun: str
    hedge: str | None  # about | near_below | near_above | at_most | below | above | at_least | None
    percent: bool
    start: int
    end: int
    # The noun a measure hyphened to its figure describes ("a 40-minute crossing": the crossing), or "".
    of: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A weekday, clock time, name, role or quotation, with its span (offsets into the article text)."""

    value: str
    start: int
    end: int


def quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Counted amounts in ``text`` ("12 missing", "about 1,200 jobs"); years and clock times excluded.

    Args:
        text: a statement.
        offset: added to every span (the statement's start in its article).
    """
    found = []
    for m in QUANTITY.finditer(text):
        raw = m.group("num")
        tail = text[m.end("num") : m.end("num") + 6]
        if YEAR.match(raw) or re.match(r":\d\d|\s*[ap]\.?m\b", tail, re.IGNORECASE) or TIME_ZONE.match(tail):
            continue
        if any(y.start("year") == m.start("num") for y in YEAR_ALONE.finditer(text, max(0, m.start() - 20))):
            continue  # an older year after a preposition of time ("sank in 1781"), no count
        value = _number(raw)
        if value is None or _is_calendar_day(text, m):
            continue
        if MODEL_PREFIX.search(text, max(0, m.start("num") - 8), m.start("num")):
            continue  # "AK-47", "COVID-19": the figure is part of a name, no count
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        glued = (m.group("glued") or m.group("spaced") or "").lower()
        if glued in GLUED_SCALES and (m.group("cur") or glued != "m"):
            value *= GLUED_SCALES[glued]
            glued = ""
        hedge = APPROX.get(m.group("hedge").lower()) if m.group("hedge") else None
        if hedge is None and raw.lower() in {"dozens", "hundreds"}:
            hedge = "about"
        noun = m.group("noun") or ""
        head = (m.group("head") or "").lower()
        model = MODEL_AFTER.match(text, m.end("noun")) if noun.endswith("-") else None
        if model:
            # "seven AK-47 rifles": seven of the model, not of "AK-"; its number is no count of its own.
            noun, head = noun + model.group(1), ""
        measured = ""
        if m.group("sep") == "-":
            # "a 198-metre chimney": metres, of a chimney, as "the chimney, at 198 metres"; an age says
            # nothing of the word after it ("The 27-year-old agreed").
            measured, head = ("" if noun.lower().endswith("-old") else head), ""
        currency = CURRENCY.get(m.group("cur") or "")
        if currency:
            noun, head = currency, ""  # "£412,000 from the charity": pounds, whatever word follows
        elif glued in GLUED_UNITS:
            noun, head = GLUED_UNITS[glued], ""  # "a 250MW battery": megawatts, whatever word follows
        # "60 square metres", "800 cubic metres": an area or a volume, not a length.
        area = noun.lower() in ("square", "cubic") and head and noun.lower()
        if noun.lower() in NOT_NOUNS:
            noun = ""
        elif area:
            noun = head
        elif (
            head
            and head not in NOT_NOUNS
            and (_stem(head) in _COUNTED_HEADS or _participle(noun) or _modifier(value, noun, head))
        ):
            # "148 league games": games are counted, league is a modifier; "143 planned operations":
            # operations, "planned" describes them; "four wolf escapes": escapes.
            noun = head
        # The cited span ends with the word that says what is counted.
        end = max(m.end(g) for g in ("num", "spaced", "scale", "pct", "people") if m.group(g))
        unit = "glued" if m.group("glued") else "spaced" if m.group("spaced") else None
        if unit and (glued in GLUED_UNITS or currency or not noun):
            # "86mph", "26 km", "£3.1m": the unit or scale written onto the figure ends the cited words.
            end = max(end, m.end(unit))
        elif noun and not currency:
            end = m.end("head") if noun == head else m.end("noun")
        verb = COUNT_VERB.search(text, max(0, m.start() - 40), m.start())
        state = STATE_AFTER.match(text, m.end("people") if m.group("people") else m.end("num"))
        if not state and noun and not m.group("people") and _stem(noun) in PERSONS:
            state = STATE_AFTER.match(text, m.end("noun"))  # "Three workers were injured"
        if verb and _stem(noun) not in ANIMALS:
            noun = "dead" if verb.group("verb").lower().startswith("kill") else "injured"
        elif state and (m.group("people") or not noun or _stem(noun) in PERSONS):
            noun, end = state.group("state"), state.end()
        elif m.group("people") and _stem(noun) not in _NOUN_GROUPS.values():
            noun, end = m.group("people"), m.end("people")
        named = NUMBER_OF.search(text, max(0, m.start() - 60), m.start())
        gathering = NOUN_OF.search(text, max(0, m.start() - 30), m.start())
        if named and not noun and not m.group("pct"):
            noun = named.group("noun")  # "put the number of customers affected at 2.1 million"
        elif gathering and not noun and not m.group("pct"):
            noun = gathering.group("noun")  # "A crowd of about 41,000"
        elif not noun and not m.group("pct") and ALL_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            things = ALL_OF_AFTER.match(text, m.end("num"))
            if things:  # "all 22 of its fuel-cell buses"
                noun, end = things.group("noun"), things.end("noun")
        if m.group("pct") and not noun:
            # "a pay offer of 3.5 per cent": what the share measures stands before "of".
            of = PERCENT_OF.search(text, max(0, m.start() - 30), m.start())
            noun = of.group("noun") if of and of.group("noun").lower() not in NOT_NOUNS else ""
        noun = _stem(noun or m.group("people") or "")
        if area:
            noun = f"{area} {noun}"
        elif noun.startswith(("square-", "cubic-")):
            noun = noun.replace("-", " ", 1)  # "a 120-square-metre hole" is one area too
        rate = RATE_AFTER.match(text, end) or RATE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if noun and rate:
            noun = f"{noun} per {_stem(rate.group('unit'))}"
        if noun and not m.group("pct") and CAPACITY.search(text, max(0, m.start() - 30), m.start()):
            noun = f"capacity of {noun}"
        percent = bool(m.group("pct"))
        if model:
            end = model.end()
        if noun == "time" and MULTIPLE.match(text, end):
            noun = ""  # "three times the national average": a ratio, no count of occasions
        found.append(Quantity(value, noun, hedge, percent, offset + m.start(), offset + end, measured))
    for m in REPEATED.finditer(text):
        if not MULTIPLE.match(text, m.end()):
            value = 2.0 if m.group().lower() == "twice" else 3.0
            found.append(Quantity(value, "time", None, False, offset + m.start(), offset + m.end(), ""))
    found.sort(key=lambda q: q.start)
    return _tallies(text, offset, _hours_and_minutes(text, offset, found))


# How many times a thing happened, in one word: "twice it swam back" is two times, as "three times" is.
REPEATED = re.compile(r"\b(?:twice|thrice)\b", re.IGNORECASE)
# After "N times" or "twice", a comparison: the figure multiplies something, it counts no occasions.
MULTIPLE = re.compile(
    r"\s+(?:the|as|more|less|higher|lower|larger|bigger|greater|faster|slower|over|that|its|their|his|her)\b",
    re.IGNORECASE,
)


# A figure written onto a name with a hyphen, or after its capitals and a space, is part of the name:
# "AK-47", "COVID-19", "F-16", "AK 47".
MODEL_PREFIX = re.compile(r"[A-Za-z]-$|\b[A-Z]{2,3} $")
# The number that ends a model's name after its hyphened letters ("AK-" + "47s").
MODEL_AFTER = re.compile(r"(\d+)s?\b")


# What may stand between the hours and the minutes of one length of time: "8 hours 41 minutes", "two hours
# and 5 minutes", "9 hours, 12 minutes".
HOURS_MINUTES = re.compile(r",?\s+(?:and\s+)?$")


def _hours_and_minutes(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """``found`` with each count of hours followed by one of minutes made one length in minutes: "in 8 hours
    41 minutes" and "in 8 hours 14 minutes" differ by 27 minutes, not in their hours (read apart, "9 hours
    12 minutes" and "8 hours 14 minutes" made two false conflicts)."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.noun == "hour"
            and q.noun == "minute"
            and HOURS_MINUTES.match(text[last.end - offset : q.start - offset])
        ):
            minutes = last.value * 60 + q.value
            out[-1] = Quantity(minutes, "minute", last.hedge, False, last.start, q.end, last.of)
        else:
            out.append(q)
    return out


def _tallies(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """``found`` with the two figures of each vote's tally (:data:`TALLY`) counting votes for and votes
    against: "by 48 votes to 39" and "voted 48 to 41" disagree on the votes against, and the noun after
    the second figure ("39, with four abstentions") says nothing of what it counts."""
    out = list(found)
    for m in TALLY.finditer(text):
        if not VOTING.search(text, max(0, m.start() - TALLY_BEFORE), m.end() + TALLY_AFTER):
            continue
        for group, noun in (("yes", "vote"), ("no", "vote against")):
            at = offset + m.start(group)
            for i, q in enumerate(out):
                if q.start == at or (q.start < at < q.end and group == "yes"):
                    out[i] = Quantity(q.value, noun, q.hedge, q.percent, q.start, q.end, q.of)
    return out


def weekdays(text: str, offset: int = 0) -> list[Mention]:
    return [
        Mention(m.group("day").capitalize(), offset + m.start(), offset + m.end())
        for m in WEEKDAY.finditer(text)
    ]


def calendar_days(text: str, offset: int = 0) -> list[Mention]:
    """Month-day dates normalised to ``--MM-DD`` (TimeML's yearless form)."""
    found = []
    for m in MONTH_DAY.finditer(text):
        month = _MONTH_NUMBER[(m.group("m1") or m.group("m2")).rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            found.append(Mention(f"--{month:02d}-{day:02d}", offset + m.start(), offset + m.end()))
    return found


# A month named alone after a preposition of time: "tested in August", "since early March", "by the end of
# August" (not "August 9", "August 2025" nor "November of 2013", a calendar day and months of a year).
MONTH_ALONE = re.compile(
    rf"\b(?:in|since|until|by|during|before|after)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    rf"(?:early\s+|late\s+|mid-)?(?P<month>{_MONTHS})\b"
    r"(?!\s*\d|,?\s+of\s+\d)"
)


# A year named alone after a preposition of time: "opened in 1972", "held there since 2019", "the first
# since 1998", "the brig sank in 1781" (not "March 2023", "1 March 2023" nor a season, "2019-20" or
# "2019/20"). From 1500: a wreck, a charter or a building is dated centuries back.
YEAR_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|during|before|after|from)\s+(?:early\s+|late\s+|mid-)?"
    r"(?P<year>(?:1[5-9]|20)\d\d)\b(?![-/\u2013]\d|s\b|'s\b)"
)


def years(text: str, offset: int = 0) -> list[Mention]:
    """Years named alone (:data:`YEAR_ALONE`), as ``YYYY``."""
    return [
        Mention(m.group("year"), offset + m.start("year"), offset + m.end("year"))
        for m in YEAR_ALONE.finditer(text)
    ]


def months(text: str, offset: int = 0) -> list[Mention]:
    """Months named alone (:data:`MONTH_ALONE`), normalised to ``--MM``."""
    return [
        Mention(
            f"--{_MONTH_NUMBER[m.group('month')]:02d}", offset + m.start("month"), offset + m.end("month")
        )
        for m in MONTH_ALONE.finditer(text)
    ]


# A month and a year, not after a day number ("March 2023", not "1 March 2023", a calendar day).
_MONTH_YEAR = rf"\b(?:{_MONTHS})\s+(?:19|20)\d\d\b"
MONTH_YEAR = re.compile(rf"(?<!\d\s){_MONTH_YEAR}")
# A period between two months: "between March 2023 and January 2026", "from May 2023 to June 2024".
MONTH_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?P<start>{_MONTH_YEAR})\s+(?:and|to|until|till|through)\s+(?P<end>{_MONTH_YEAR})"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A period from one month to another, each end a ``YYYY-MM`` mention."""

    start: Mention
    end: Mention


def month_years(text: str, offset: int = 0) -> list[Mention]:
    """Months of a year outside a period (:func:`periods` reads those), normalised to ``YYYY-MM``."""
    inside = [(m.start(), m.end()) for m in MONTH_RANGE.finditer(text)]
    return [
        _month_year(m.group(), offset + m.start())
        for m in MONTH_YEAR.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
    ]


def periods(text: str, offset: int = 0) -> list[Period]:
    """Periods between two months ("between March 2023 and January 2026"), each end as ``YYYY-MM``."""
    return [
        Period(
            _month_year(m.group("start"), offset + m.start("start")),
            _month_year(m.group("end"), offset + m.start("end")),
        )
        for m in MONTH_RANGE.finditer(text)
    ]


def _month_year(words: str, start: int) -> Mention:
    month, year = words.split()
    number = _MONTH_NUMBER[month]
    return Mention(f"{year}-{number:02d}", start, start + len(words))


def _is_calendar_day(text: str, m: re.Match[str]) -> bool:
    """ "1 October" and "September 12" are dates, not counts."""
    before = text[max(0, m.start("num") - 10) : m.start("num")]
    return bool(re.fullmatch(rf"(?:{_MONTHS})\.?", (m.group("noun") or "").capitalize())) or bool(
        re.search(rf"\b(?:{_MONTHS})\.?\s+$", before)
    )


def _number(raw: str) -> float | None:
    word = raw.lower()
    compound = re.fullmatch(rf"({_TENS})[- ]({_UNITS})", word)
    if compound:
        return float(NUMBER_WORDS[compound.group(1)] + NUMBER_WORDS[compound.group(2)])
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _participle(word: str) -> bool:
    """A past participle describing what is counted ("planned", "confirmed"), not itself a count noun
    ("injured", "killed")."""
    word = word.lower()
    return word.endswith("ed") and not any(word in group for group in _NOUN_GROUPS)


# Endings of singular nouns that end in s: "bus", "glass", "crisis", "gas".
SINGULAR_S = ("us", "ss", "is", "as")


def _modifier(value: float, noun: str, head: str) -> bool:
    """Whether ``noun`` modifies the plural ``head`` it stands before: a word in the singular after a
    number other than one ("four wolf escapes", "12 fire engines", "230 bus drivers": a word in -us, -ss,
    -is or -as is no plural) is not what the number counts."""
    singular = noun.isalpha() and noun.islower() and (not noun.endswith("s") or noun.endswith(SINGULAR_S))
    return value != 1 and singular and head.endswith("s") and not head.endswith("ss")


def _stem(word: str) -> str:
    """A crude stem so "people"/"person", "deaths"/"dead", "injured"/"injuries" compare equal."""
    word = word.lower()
    for group, stem in _NOUN_GROUPS.items():
        if word in group:
            return stem
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Heads that a modifier may stand before ("league games", "coastal boats", "billion crowns").
_COUNTED_HEADS = frozenset(
    "game goal match vote seat job worker employee pupil student teacher boat vessel house home building "
    "car vehicle passenger people resident survivor victim soldier officer member case patient bed year "
    "day week month hour minute point dollar euro crown pound franc yen share".split()
)
# Nouns that count the same thing in different words.
_NOUN_GROUPS = {
    frozenset({"dead", "deaths", "death", "killed", "died", "fatalities", "bodies", "victims"}): "dead",
    frozenset({"injured", "injuries", "wounded", "hurt"}): "injured",
    frozenset({"missing", "unaccounted"}): "missing",
    frozenset({"people", "persons", "person"}): "people",
    # The people watching an event: "in front of 41,212 spectators", "A crowd of about 41,000", "More than
    # 45,000 fans packed the ground".
    frozenset({"spectators", "spectator", "crowd", "crowds", "fans", "attendance", "audience"}): "spectator",
    # Dwellings a supply or a service reaches: "About 14,000 households" / "covering 11,500 properties".
    frozenset("households household homes home houses house properties property".split()): "home",
    # A workforce and the jobs it holds: "The 52 staff" / "Forty-six jobs are affected", "with the loss of
    # 640 jobs" / "Some 460 workers will lose their jobs".
    frozenset("jobs job staff workers worker employees employee posts".split()): "worker",
    # Children at school: "carrying 23 pupils" / "There were 27 children on board".
    frozenset("pupils pupil children child students student schoolchildren".split()): "pupil",
    # The places of an elected body: "seven of the new council's 19 councillors" / "seven of the 21 seats".
    frozenset("seats seat councillors councillor".split()): "seat",
}


@functools.lru_cache(maxsize=8192)
def found(extract: Callable[[str, int], list[_V]], text: str, offset: int) -> tuple[_V, ...]:
    """``extract(text, offset)``, kept: a statement meets many others (2,708 pairs of 140 statements on the
    ten-article ferry story of benchmarks/brief_time.py), and reading its values again for each pair was
    most of the time spent comparing."""
    return tuple(extract(text, offset))


def cite(statement: Citation, text: str, value: Quantity | Mention) -> Citation:
    """A value of ``statement`` (whose article text is ``text``) as a citation of its own span."""
    return Citation(statement.article_id, value.start, value.end, text[value.start : value.end])
