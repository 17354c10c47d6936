"""Vocabulary and compiled patterns of English time expressions, for :mod:`newstrace.annotate.time`.

Each rule is one compiled regex (named groups say what was matched) plus the kind of value it yields. The
extents follow TimeML (TIMEX3) conventions, checked against the TempEval-3 training data with
``benchmarks/timex.py``: a leading preposition ("on", "in") is outside the expression, a modifier
("early", "more than", "about") and a determiner ("the past three months") are inside.

No rule was learned from TempEval data (it carries no license): the rules are written by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "tonight": "NI",
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Unit → TimeML duration letter; weeks, months and years are date letters, the rest follow "T".
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "quarter": "Q", "weekend": "WE",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "couple": 2, "a couple of": 2,
    "couple of": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# Modifier words → TimeML ``mod``.
MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID", "middle": "MID",
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "approximately": "APPROX",
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?P<part>morning|afternoon|evening|night|overnight)"
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen|"
    r"a couple of|couple of|a|an|\d+(?:\.\d+)?)"
)
# A number and an optional half: "four", "one and a half", "5 1/2", "2-1/2".
_AMOUNT = rf"(?P<num>{_NUM_WORD}(?:\s+and\s+a\s+half|[- ]1/2)?)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ie)|quarter)"
_DUR_MOD = (
    r"(?:(?P<mod>more than|less than|nearly|almost|about|around|roughly|approximately|at least|up to|"
    r"at most|just over|just under|over|some)\s+)?"
)
_EDGE = r"(?:(?P<edge>early|late|mid-?|the middle of|the end of|the beginning of|the start of)\s*)?"

# Word boundary that also refuses a following digit or letter ("2023s" is not the year 2023).
_B = r"(?![\w-])"


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern and the name of the normaliser that turns its match into a TimeML value."""

    name: str
    pattern: re.Pattern[str]


def _rule(name: str, pattern: str) -> Rule:
    # Grouped, so that both boundaries hold for every alternative of the pattern.
    return Rule(name, re.compile(r"(?<![\w-])(?:" + pattern + ")" + _B, re.IGNORECASE))


# Rules, most specific first: when two matches overlap, the longer wins, then the earlier rule.
RULES: tuple[Rule, ...] = (
    # "2023-09-12", ISO dates in running text.
    _rule("iso_date", r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)"),
    # "9/12/2023", "09/12/23": US order, as in US wire copy.
    _rule("us_date", r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)"),
    # "Tuesday, Sept. 12, 2023", "September 12", "early September 12", "Sept 12th 2023".
    _rule(
        "month_day",
        _EDGE + rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        r"(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "12 September 2023", "12th of September".
    _rule(
        "day_month",
        _EDGE + rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        r"(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "September 2023", "early September", "last October", "mid-March".
    _rule(
        "month",
        r"(?:(?P<rel>last|next|this|past|coming)\s+)?"
        + _EDGE
        + _MONTH
        + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "Sunday afternoon", "early Tuesday", "last Friday", "Tuesday's", "next Monday morning".
    _rule(
        "weekday",
        r"(?:(?P<rel>last|next|this|past|coming)\s+)?" + _EDGE + _WEEKDAY + r"(?:'s)?(?:\s+" + _PART + r")?",
    ),
    # "6:40 a.m.", "10 p.m.", "0540 GMT", "noon", "midnight".
    _rule(
        "clock",
        r"(?:(?P<approx>about|around|at about)\s+)?(?:(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*"
        r"(?P<ampm>a\.?m\.?|p\.?m\.?)|(?P<hhmm>[0-2]\d[0-5]\d)\s+(?P<zone>GMT|UTC)|(?P<named>noon|midnight))"
        # "10 p.m. Wednesday", "4 a.m. EDT Thursday", "5 p.m. EST, Nov. 6": the day the clock time falls on.
        r"(?:\s+(?:[ECMP][DS]T|GMT|UTC))?(?:\s+(?P<cday>monday|tuesday|wednesday|thursday|friday|saturday|"
        r"sunday|today|yesterday|tomorrow)|,?\s+" + _MONTH + r"\s+(?P<cdate>[0-3]?\d)(?!\d))?",
    ),
    # "this morning", "tonight", "yesterday afternoon", "tomorrow night", "last night", and the part first:
    # "mid-afternoon yesterday", "late morning today".
    _rule(
        "day_part",
        r"(?:(?P<edge>early|late|mid-?)\s*)?(?:(?P<deictic>this|yesterday|tomorrow|today)\s+" + _PART + r"|"
        r"(?P<tonight>tonight)|(?P<lastnight>last night)|"
        r"(?P<part_first>morning|afternoon|evening|night)\s+(?P<deictic_after>yesterday|today|tomorrow))",
    ),
    # "today", "yesterday", "tomorrow", "now", "currently", "recently", "the future", "the past".
    _rule(
        "deictic",
        r"(?P<word>today|yesterday|tomorrow|now|currently|current|recently|nowadays|the future|the past|"
        r"these days|the day before|the previous day|the next day|the following day)",
    ),
    # "last week", "earlier this month", "later this year", "next quarter", "the past year",
    # "early next year", "the coming weeks", "this weekend".
    _rule(
        "relative_unit",
        r"(?P<edge2>early|late|earlier|later)?\s*(?P<rel>last|next|this|past|coming|previous|current|"
        r"the past|the last|the next|the coming|the previous|the current|the latest|the same)\s+"
        r"(?P<runit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|"
        r"fiscal year|period)|(?P<the>the)\s+(?P<tunit>quarter|weekend)|"
        # "the end of the month", "the beginning of next year", "the middle of this week".
        r"(?P<edge3>(?:the\s+)?(?:end|beginning|start|middle))\s+of\s+(?P<rel3>the|this|next|last)\s+"
        r"(?P<runit3>week|month|year|quarter|decade|century)",
    ),
    # "the past three months", "the last 24 hours", "the next few days": durations.
    _rule(
        "past_n",
        r"(?P<det>the\s+)?(?P<rel>past|last|next|coming|previous|first|final)\s+"
        rf"(?P<num>{_NUM_WORD}|several|a few|few|many)\s+" + _UNIT + r"s?",
    ),
    # "two years ago", "a year earlier", "three days later", "weeks ago", "nearly four years ago".
    _rule(
        "ago",
        _DUR_MOD
        + r"(?:(?P<amount>"
        + _NUM_WORD
        + r"|several|a few|many|some)\s+)?"
        + _UNIT
        + r"s?\s+(?P<dir>ago|earlier|later|from now|hence)",
    ),
    # "the 1988 quarter", "the year-ago period", "last year's quarter", "the same period last year": a
    # period of a named or the previous year (the quarter under discussion, one year back).
    _rule(
        "year_period",
        r"(?:the\s+)?(?:(?:(?P<year>(?:19|20)\d\d)|year-(?:ago|earlier|before)|last\s+year's)\s+"
        r"(?:quarter|period)|(?:same|corresponding|comparable|year-ago|year-earlier)\s+(?:quarter|period)"
        r"\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)))",
    ),
    # "more than four years", "nearly forty years", "two-week", "24 hours", "5 1/2 hours", "a minute and a
    # half", "two more weeks", "eight trading days", "an additional year".
    _rule(
        "duration",
        _DUR_MOD
        + _AMOUNT
        + r"[- ](?:(?:more|additional|further|trading|business|working)\s+)?"
        + _UNIT
        + r"s?(?P<half>\s+and\s+a\s+half)?(?P<long>[- ]long|[- ]old)?",
    ),
    # "several years", "a few days", "many months", "years", "hours", "decades", "recent years".
    _rule(
        "vague_duration",
        r"(?P<q>several|a few|few|many|some|recent|the coming|the past|the last|coming|past)?\s*"
        r"(?P<vunit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)",
    ),
    # "the third quarter", "third-quarter", "the first half", "the fourth quarter of 2023", and with the
    # year in front: "the 1988 third quarter", "the year-ago third quarter", "next year's first quarter";
    # "the last half of 1989" (not "the last quarter": that is the one before the current quarter).
    _rule(
        "quarter",
        r"(?:the\s+)?(?:(?P<qyear>(?:19|20)\d\d)\s+|(?P<qago>year-(?:ago|earlier))\s+|"
        r"(?P<qrel>this|last|next)\s+year's\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)"
        r"[- ](?P<qunit>quarter|half)(?:\s+of\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "the first two quarters of 1990", "the last two quarters": the half they make up.
    _rule(
        "two_quarters",
        r"(?:the\s+)?(?P<ord>first|last)\s+two\s+quarters(?:\s+of\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "the 1990s", "the '90s", "the 1980s".
    # "the 1990s", "the early 1980s", "the mid-1990s".
    _rule("decade", r"(?:the\s+)?(?:(?P<edge>early|late|mid-?)\s*)?(?P<decade>(?:19|20)\d0)'?s"),
    # "the 20th century", "the 11th-century church".
    _rule("century", r"(?:the\s+)?(?P<century>1?\d|2[01])(?:st|nd|rd|th)[- ]century"),
    # Named days: "Thanksgiving Day", "last Christmas", "New Year's Eve", "Easter week", "Election Day".
    _rule(
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?(?-i:(?P<holiday>Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|"
        r"New Year's (?:Day|Eve)|Easter(?: Sunday| week)?|Good Friday|Election Day))"
        # Places named after the day are not dates.
        r"(?!\s+Island)",
    ),
    # "this spring", "this past spring", "the early summer", "summer 2023", "the autumn of 2026" ("fall"
    # only after "last", "next", "this" in relative_unit: "the fall" is as often a collapse).
    _rule(
        "season",
        r"(?:(?P<rel>this past|last|next|this|past|coming)\s+|the\s+)?(?:(?P<edge>early|late|mid-?)\s*)?"
        r"(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?",
    ),
    # "every day", "each year", "daily", "weekly", "annually"; "every Thursday", "each July", "every
    # summer" (one weekday, month or season of each week or year).
    _rule(
        "set",
        r"(?:every|each)\s+(?:(?P<sunit>day|week|month|year|morning|evening|night|hour|quarter)|"
        r"(?P<sweekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
        r"(?P<smonth>january|february|march|april|may|june|july|august|september|october|november|"
        r"december)|(?P<sseason>spring|summer|autumn|fall|winter))|"
        r"(?P<adverb>daily|weekly|monthly|annually|yearly|hourly)",
    ),
    # "fiscal 2023", "the year 2023", "in 2023" (the preposition stays outside), "mid-1996", "late 2022".
    _rule(
        "year",
        r"(?:(?P<fiscal>fiscal)\s+|the year\s+|(?P<edge>early|late|mid-|mid\s)\s*)?"
        r"(?P<year>(?:1[6-9]|20)\d\d)(?!\s*(?:%|percent))",
    ),
)
