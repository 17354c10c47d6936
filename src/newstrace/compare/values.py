"""The checkable values of a statement: quantities, weekdays, clock times, names, roles and quotations.

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
    rf"(?P<num>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b|\b(?:{_NUMBER_WORD})\b)"
    rf"(?:[\s-](?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?"
    r"(?:\s+(?:more|other|additional|of\s+the|of\s+them)\b)?"
    r"(?:\s+(?P<people>people|persons)\b)?"
    r"(?:\s+(?P<noun>[a-z][a-z-]{2,}))?"
    r"(?:\s+(?P<head>[a-z][a-z-]{2,}))?",
    re.IGNORECASE,
)
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
# What a count of people turns out to be, a few words on: "14 people were still missing".
STATE_AFTER = re.compile(
    r"(?:\s+(?:were|was|are|is|have|had|been|being|still|now|remain|remained|reported|confirmed|feared)){0,3}"
    r"\s+(?P<state>missing|dead|killed|injured|wounded|unaccounted)\b",
    re.IGNORECASE,
)
# A number followed by a time zone is a clock time: "0540 GMT".
TIME_ZONE = re.compile(r"\s*(?:GMT|UTC|CET|EST|PST|hrs|hours local)\b")
# Years and clock times are not counts: "in 2019", "6:40".
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Weekdays, with an optional part of day ("Sunday afternoon", "early Tuesday").
WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
# Calendar days: "1 September", "September 12", "Sept. 12" (a year after them is ignored).
MONTH_DAY = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}})(?!\d|:))\b"
)
# Clock times: "6:40 a.m.", "9 a.m.", "11pm", "0540 GMT", "14:30".
CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)\b",
    re.IGNORECASE,
)
# "11 o'clock this morning", "2 o'clock in the afternoon": an hour whose part of the day is written after
# it (a bare "at 11 o'clock" could be either half of the day and is left out).
OCLOCK = re.compile(
    r"\b(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o['\u2019]clock\s+"
    r"(?:this|in the|on \w+|\w+day)\s+(?P<part>morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)
# An hour told in words, with the part of the day after it: "at about half past five on Tuesday
# morning", "a quarter to ten that evening". Without a part of the day it could be either half of the day
# and is left out, as a bare "at 11 o'clock" is. Only the clock words are cited.
SAID_HOUR = re.compile(
    r"\b(?P<frac>half|(?:a\s+)?quarter)\s+(?P<rel>past|to)\s+(?P<h>\d{1,2}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve)\b(?=[^.;:!?]{0,25}?\b(?P<part>morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)
# A time given from another: "about 40 minutes before the 3 p.m. kick-off", "two hours after the 9 a.m.
# start". The moment meant is the clock time moved by the interval; the clock time itself is the other
# event's and is not read as this one's.
RELATIVE_TIME = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|forty-five|fifty)\s+"
    r"(?P<unit>minutes?|hours?)\s+(?P<rel>before|after)\s+(?:the\s+|a\s+)?(?=\d)",
    re.IGNORECASE,
)
# Hours that have a name: "at noon", "by midday", "shortly after midnight".
NAMED_HOUR = re.compile(r"\b(?P<hour>noon|midday|midnight)\b", re.IGNORECASE)
NAMED_HOURS = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}
# Four digits and a time zone, as wire copy gives a time: "0540 GMT", "1415 UTC".
ZONED = re.compile(r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:GMT|UTC|CET|EST|PST)\b")
# A run of capitalised words, hyphenated parts included: "Jeon Ha-kyou", "Ingrid Salvesen", "Port Halvard".
NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)*")
# Text in quotation marks (straight or curly), at least two words.
QUOTE = re.compile(r"[\"\u201c](?P<q>[^\"\u201c\u201d]{3,}?\s[^\"\u201c\u201d]*?)[\"\u201d]")
# Text in single curly quotation marks, as British outlets quote: "‘We will not stop,’ she said". The
# closing mark is also the apostrophe ("won’t"), so it ends a quotation only before a non-letter.
SINGLE_QUOTE = re.compile(
    r"(?<![A-Za-z])\u2018(?P<q>[^\u2018\"\u201c\u201d]{3,}?\s[^\u2018\"\u201c\u201d]*?)\u2019(?![A-Za-z])"
)
# Roles that precede or follow a name: "deputy minister", "spokesperson", "coach", "chief executive".
ROLE = re.compile(
    r"\b(?P<role>(?:deputy |vice |acting |former |interim |assistant |chief |senior |head )?"
    r"(?:prime minister|minister|president|chairman|chairwoman|chair|chief executive|ceo|director|"
    r"spokesperson|spokesman|spokeswoman|governor|mayor|commander|coach|captain|manager|secretary|"
    r"ambassador|general|colonel|judge|prosecutor|inspector|superintendent|chief|editor|leader))\b",
    re.IGNORECASE,
)
# Sentence-initial and function words that are capitalised without being names.
NOT_NAMES = frozenset(
    "The A An In On At By For From With And But Or If As Of To It Its He She They We I This That These "
    "Those There Their His Her Our Your After Before During Since While When Where Meanwhile However "
    "Moreover Also Earlier Later Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December".split()
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
        value = _number(raw)
        if value is None or _is_calendar_day(text, m):
            continue
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        hedge = APPROX.get(m.group("hedge").lower()) if m.group("hedge") else None
        if hedge is None and raw.lower() in {"dozens", "hundreds"}:
            hedge = "about"
        noun = m.group("noun") or ""
        head = (m.group("head") or "").lower()
        currency = CURRENCY.get(m.group("cur") or "")
        if currency:
            noun, head = currency, ""  # "£412,000 from the charity": pounds, whatever word follows
        if noun.lower() in NOT_NOUNS:
            noun = ""
        elif head and head not in NOT_NOUNS and (_stem(head) in _COUNTED_HEADS or _participle(noun)):
            # "148 league games": games are counted, league is a modifier; "143 planned operations":
            # operations, "planned" describes them.
            noun = head
        # The cited span ends with the word that says what is counted.
        end = max(m.end(g) for g in ("num", "scale", "pct", "people") if m.group(g))
        if noun and not currency:
            end = m.end("head") if noun == head else m.end("noun")
        verb = COUNT_VERB.search(text, max(0, m.start() - 40), m.start())
        state = STATE_AFTER.match(text, m.end("people") if m.group("people") else m.end("num"))
        if verb:
            noun = "dead" if verb.group("verb").lower().startswith("kill") else "injured"
        elif state and (m.group("people") or not noun):
            noun, end = state.group("state"), state.end()
        elif m.group("people") and _stem(noun) not in _NOUN_GROUPS.values():
            noun, end = m.group("people"), m.end("people")
        if m.group("pct") and not noun:
            # "a pay offer of 3.5 per cent": what the share measures stands before "of".
            of = PERCENT_OF.search(text, max(0, m.start() - 30), m.start())
            noun = of.group("noun") if of and of.group("noun").lower() not in NOT_NOUNS else ""
        noun = _stem(noun or m.group("people") or "")
        found.append(Quantity(value, noun, hedge, bool(m.group("pct")), offset + m.start(), offset + end))
    return found


def weekdays(text: str, offset: int = 0) -> list[Mention]:
    return [
        Mention(m.group("day").capitalize(), offset + m.start(), offset + m.end())
        for m in WEEKDAY.finditer(text)
    ]


def calendar_days(text: str, offset: int = 0) -> list[Mention]:
    """Month-day dates normalised to ``--MM-DD`` (TimeML's yearless form)."""
    found = []
    for m in MONTH_DAY.finditer(text):
        month = _MONTH_NUMBER[m.group("m1") or m.group("m2")]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            found.append(Mention(f"--{month:02d}-{day:02d}", offset + m.start(), offset + m.end()))
    return found


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


def clock_times(text: str, offset: int = 0) -> list[Mention]:
    """Clock times normalised to ``HH:MM`` (24-hour)."""
    found = []
    for m in CLOCK.finditer(text):
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if hour > 12:
                continue
            if m.group("ampm").lower().startswith("p") and hour != 12:
                hour += 12
            elif m.group("ampm").lower().startswith("a") and hour == 12:
                hour = 0
        found.append(Mention(f"{hour:02d}:{minute:02d}", offset + m.start(), offset + m.end()))
    for m in OCLOCK.finditer(text):
        hour = int(_number(m.group("h")) or 0)
        if not 1 <= hour <= 12:
            continue
        afternoon = m.group("part").lower() != "morning"
        hour = hour % 12 + (12 if afternoon else 0)
        found.append(Mention(f"{hour:02d}:00", offset + m.start(), offset + m.end()))
    for m in SAID_HOUR.finditer(text):
        hour = int(_number(m.group("h")) or 0)
        if not 1 <= hour <= 12:
            continue
        part = m.group("part").lower()
        later = part in ("afternoon", "evening") or (part == "night" and 7 <= hour <= 11)
        minute = hour % 12 * 60 + (12 * 60 if later else 0)
        step = 30 if m.group("frac").lower() == "half" else 15
        minute = (minute + (step if m.group("rel").lower() == "past" else -step)) % (24 * 60)
        found.append(Mention(_hhmm(minute), offset + m.start(), offset + m.end("h")))
    for m in NAMED_HOUR.finditer(text):
        found.append(Mention(NAMED_HOURS[m.group("hour").lower()], offset + m.start(), offset + m.end()))
    for m in ZONED.finditer(text):
        found.append(Mention(f"{m.group('h')}:{m.group('m')}", offset + m.start(), offset + m.end()))
    return sorted(_relative(text, offset, found), key=lambda mention: mention.start)


def _relative(text: str, offset: int, clocks: list[Mention]) -> list[Mention]:
    """``clocks`` with each clock time that an interval leads to (:data:`RELATIVE_TIME`: "40 minutes before
    the 3 p.m. kick-off") replaced by the moment the interval gives (14:20), cited from the interval's
    first word to the clock time's last."""
    out = list(clocks)
    for m in RELATIVE_TIME.finditer(text):
        clock = next((c for c in clocks if c.start == offset + m.end()), None)
        amount = 1 if m.group("n").lower() in ("a", "an") else _number(m.group("n"))
        if clock is None or amount is None:
            continue
        minutes = int(amount) * (60 if m.group("unit").lower().startswith("hour") else 1)
        hours, mins = clock.value.split(":")
        moment = int(hours) * 60 + int(mins) + (minutes if m.group("rel").lower() == "after" else -minutes)
        out[out.index(clock)] = Mention(_hhmm(moment % (24 * 60)), offset + m.start(), clock.end)
    return out


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def names(text: str, offset: int = 0) -> list[Mention]:
    """Runs of capitalised words that look like names (sentence-initial function words and leading titles
    such as "Deputy Chief Justice" dropped: they are roles, see :func:`titled_names`)."""
    found = []
    for m in NAME.finditer(text):
        words = m.group().split()
        lead = 0
        while lead < len(words) and (words[lead] in NOT_NAMES or words[lead].lower() in TITLE_WORDS):
            lead += 1
        if lead == len(words):
            continue
        if m.start() == 0 and len(words) - lead == 1 and lead == 0:
            continue  # one capitalised word opening the sentence ("Rescuers", "Officials"): not a name
        start = m.start() + len(" ".join(words[:lead])) + (1 if lead else 0)
        found.append(Mention(" ".join(words[lead:]), offset + start, offset + m.end()))
    return found


@dataclass(frozen=True, slots=True)
class TitledName:
    """A name with the role written next to it: "deputy district governor Tomas Ekdal"."""

    name: str
    role: str
    start: int  # span of the role words
    end: int


# Words of a role or title written before a name, capitalised or not. Police and military ranks and
# elected offices are here too: without "detective" and "sergeant", "Detective Inspector Lars Bekk" and
# "Detective Sergeant Lars Bekk" were one role.
TITLE_WORDS = frozenset(
    "deputy vice acting former interim assistant chief senior head district regional national foreign "
    "defence defense prime minister president chairman chairwoman chair justice judge governor mayor "
    "commander coach captain manager secretary general director spokesperson spokesman spokeswoman "
    "executive officer superintendent inspector ambassador colonel dr mr mrs ms professor detective "
    "sergeant constable lieutenant commissioner admiral brigadier corporal marshal sheriff councillor "
    "councilor senator treasurer chancellor "
    # Heads of a school, a site or a newsroom and the professions a report names people by: without them
    # "Ines Varo, the headteacher," and "Ines Varo, the deputy head" gave no role to compare.
    "principal headteacher headmaster headmistress dean curator warden ranger editor leader prosecutor "
    "attorney lawyer solicitor barrister surgeon doctor nurse consultant engineer pilot skipper owner "
    "founder administrator supervisor coordinator organiser organizer trustee analyst economist "
    "teacher".split()
)
# Role words (hyphenated ones whole: "vice-captain") then a capitalised name: "deputy district governor
# Tomas Ekdal", "Chief Justice Mara Oyelaran".
TITLED = re.compile(
    r"(?P<role>(?:\b[A-Za-z]+(?:-[A-Za-z]+)*\s+){1,4}?)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)+)"
)
# A name then its role in apposition: "Tomi Arvelo, Riverside's captain," / "Jonas Brevik, the chief
# executive," / "Marit Solberg, Kestrun's head of product safety," (an owner of one to three words, "Harrow
# Foods' ") / "Tomas Brandt, the mayor of Coldwater Mills," (the place after "of", group ``of``, says where
# the office is, not which office) / "Dana Reyes-Holt, head of cyber security at the hospital," (where
# the person works, group ``at``, is left out of the role as the place of an office is).
APPOSED = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*),\s+"
    r"(?:(?:the\s+)?[a-z]+(?:['\u2019]s|s['\u2019])\s+|the\s+|a\s+|(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:['\u2019]s|s['\u2019])\s+)?"
    r"(?P<role>(?:[a-z]+\s+){0,3}?[a-z]+)(?P<of>\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*)?"
    r"(?P<at>\s+(?:at|for|with)\s+(?:the\s+|a\s+)?[A-Za-z]+(?:\s+[A-Za-z]+){0,2}?)?(?=[,.])"
)
# Words that stand before a role without qualifying it: verbs of saying and naming.
NOT_MODIFIERS = frozenset("said says told added named appointed elected became become replaced new".split())
# Words before a role's modifier that show the modifier belongs to the role ("the returning officer",
# "deputy returning officer"); after any other word ("said returning officer …") it is left out.
MODIFIER_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def titled_names(text: str, offset: int = 0) -> list[TitledName]:
    """Names with the role words written right before them or in apposition after them."""
    found = []
    for m in TITLED.finditer(text):
        keep = _title_run(m.group("role").split(), text[: m.start()])
        name_words = m.group("name").split()
        while len(name_words) > 1 and name_words[0].lower() in TITLE_WORDS:
            keep.append(name_words.pop(0).lower())  # "Chief Justice" inside the capitalised run
        if keep:
            role = " ".join(keep)
            role_end = m.end("name") - len(" ".join(name_words)) - 1
            found.append(
                TitledName(" ".join(name_words), role, offset + role_end - len(role), offset + role_end)
            )
    for m in APPOSED.finditer(text):
        role_words = m.group("role").split()
        # "head of product safety": a title word, then the department it heads.
        headed = len(role_words) >= 3 and is_title_word(role_words[0]) and role_words[1] == "of"
        if role_words and (is_title_word(role_words[-1]) or headed):
            found.append(
                TitledName(m.group("name"), m.group("role"), offset + m.start("role"), offset + m.end("role"))
            )
    return found


def _title_run(words: list[str], before: str) -> list[str]:
    """The role in the words before a name, lower-cased: the run of title words that ends them, with one
    modifier before the run's head when what precedes the modifier shows it is part of the role ("Deputy
    returning officer", "The returning officer", or the sentence's first words "Returning officer"): the
    deputy and the returning officer are two different offices, and both would read "officer" without it.
    """
    keep: list[str] = []
    modifier = False
    for n in range(len(words) - 1, -1, -1):
        word = words[n]
        if is_title_word(word):
            keep.insert(0, word.lower())
            continue
        sentence_start = not n and not before.strip()
        if modifier or not keep or not word.isalpha() or not (word.islower() or sentence_start):
            break
        if word.lower() in NOT_NOUNS or word.lower() in NOT_MODIFIERS:
            break  # "after vice-captain Tomi Okonjo", "said chief executive …": no part of the role
        previous = words[n - 1] if n else (re.findall(r"[\w'\u2019]+$", before.rstrip()) or [""])[0]
        if not (sentence_start or previous.lower() in MODIFIER_BEFORE or is_title_word(previous)):
            break
        keep.insert(0, word.lower())
        modifier = True
    return keep


# A role given to "he" or "she" rather than to a name: "where he served as vice-captain", "she was named
# chief executive". The role words themselves are checked against TITLE_WORDS.
PRONOUN_ROLE = re.compile(
    r"\b(?:he|she)\s+(?:had\s+|has\s+|was\s+|is\s+|been\s+){0,2}"
    r"(?:served|serves|serving|worked|works|acted|acts|named|appointed|made|was|is)\s+(?:as\s+)?"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|[A-Z][a-z]+'s\s+)?"
    r"(?P<role>[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*){0,3})",
)


def pronoun_roles(text: str, offset: int = 0) -> list[Mention]:
    """Roles given to "he"/"she" ("where he served as vice-captain"): the longest run of title words right
    after the verb, lower-cased, with its span; a run that does not end on a title word is no role."""
    found = []
    for m in PRONOUN_ROLE.finditer(text):
        words = m.group("role").split()
        run = 0
        while run < len(words) and is_title_word(words[run]):
            run += 1
        while run and words[run - 1].lower() in ROLE_MODIFIERS:
            run -= 1  # "he was senior to her", "she was general in her praise": no role noun
        if run:
            role = " ".join(words[:run])
            start = offset + m.start("role")
            found.append(Mention(role, start, start + len(role)))
    return found


# Title words that qualify a role without being one: a role given to "he"/"she" must end on another.
ROLE_MODIFIERS = frozenset(
    "deputy vice acting former interim assistant senior chief head district regional national foreign "
    "defence defense prime general".split()
)


def is_title_word(word: str) -> bool:
    """A word of a role: in TITLE_WORDS, or hyphenated from them ("vice-captain", "co-chair" is not)."""
    return all(part in TITLE_WORDS for part in word.lower().split("-"))


def roles(text: str, offset: int = 0) -> list[Mention]:
    return [
        Mention(m.group("role").lower(), offset + m.start(), offset + m.end()) for m in ROLE.finditer(text)
    ]


def quotations(text: str, offset: int = 0) -> list[Mention]:
    """Quoted passages of two words or more, in double or single curly marks (the marks excluded from the
    span)."""
    found = [*QUOTE.finditer(text), *SINGLE_QUOTE.finditer(text)]
    return [
        Mention(m.group("q"), offset + m.start("q"), offset + m.end("q"))
        for m in sorted(found, key=lambda m: m.start())
    ]


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
