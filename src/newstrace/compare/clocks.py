"""Clock times of a statement, normalised to ``HH:MM``: "6:40 a.m.", "0540 GMT", "half past five on Tuesday
morning", "noon", "40 minutes before the 3 p.m. kick-off".

Split from :mod:`newstrace.compare.values`, whose other readers (counts, days, dates) share nothing with
these but :class:`~newstrace.compare.values.Mention`. Pure functions over text, regex-based.
"""

from __future__ import annotations

import re

from newstrace.compare.values import Mention, _number

# Clock times: "6:40 a.m.", "9 a.m.", "11pm", "0540 GMT", "14:30"; "6: 00 p.m." too (some feeds space
# the colon).
CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})(?:(?::\s?|\.)(?P<m>\d\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)\b",
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


def clock_times(text: str, offset: int = 0) -> list[Mention]:
    """Clock times normalised to ``HH:MM`` (24-hour)."""
    found = []
    for m in CLOCK.finditer(text):
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if not 1 <= hour <= 12:
                continue  # "00 p.m." is a stray fragment, not an hour
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


# A clock time of a timetable: the time a service runs at ("the 05:52 from Brackenford", "the 22:47
# service") or set out ("which had left Brackenford at 05:52", "departed at 7.10 p.m.").
# The vehicle named right after a clock time: "the 22:47 service", "the 7.15 ferry".
SERVICE = re.compile(r"\s+(?:service|train|flight|bus|coach|ferry|sailing|tram|departure)\b", re.IGNORECASE)
TIMETABLE_AFTER = re.compile(rf"\s+(?:from|to)\s+(?=[A-Z])|(?i:{SERVICE.pattern})")
DEPARTED_BEFORE = re.compile(
    r"\b(?:left|departed|leaving|departing)(?:\s+(?:from\s+)?[A-Z][\w'\u2019-]*){0,3}\s+at\s+"
    r"(?:about\s+|around\s+)?$"
)


def timetabled(text: str, clock: Mention) -> bool:
    """Whether ``clock`` (read from ``text``) is a time of a timetable (:data:`TIMETABLE_AFTER`,
    :data:`DEPARTED_BEFORE`)."""
    before = text[max(0, clock.start - 60) : clock.start]
    return bool(TIMETABLE_AFTER.match(text, clock.end) or DEPARTED_BEFORE.search(before))


def event_times(
    text_a: str, va: list[Mention], text_b: str, vb: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """The clock times of two statements that may tell one moment: a time of a timetable says when a
    train or a ferry set out, not when the story's event happened, so it is compared only with another
    ("the 22:47 service" / "the 23:15 train"); with none on the other side it is left out ("which had left
    Brackenford at 05:52" / "spotted the landslip shortly before 7 a.m.")."""
    ta = [m for m in va if timetabled(text_a, m)]
    tb = [m for m in vb if timetabled(text_b, m)]
    if ta and tb:
        return ta, tb
    return [m for m in va if m not in ta], [m for m in vb if m not in tb]
