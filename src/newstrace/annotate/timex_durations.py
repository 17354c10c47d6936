"""Durations and sets: "more than four years" → ``P4Y``, "5 1/2 hours" → ``PT5H30M``, "every week" → ``P1W``.

The normalisers of :mod:`newstrace.annotate.time` whose values do not depend on the reference date, with
the number words and the TimeML duration notation they share.

Example:
    >>> duration_value(2.5, "years")
    'P2Y6M'
"""

from __future__ import annotations

import re
from datetime import date

from newstrace.annotate import timex_patterns as P
from newstrace.model import TimexType

# A modal or "to" right before "one day" ("could one day become", "hopes to one day return").
MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|to)\s+$", re.IGNORECASE)

# A normaliser's result: (type, value, mod), or None to drop the match.
Normalised = tuple[TimexType, str, str | None] | None


def group(match: re.Match[str], name: str) -> str | None:
    """A named group of ``match``, lower-cased and stripped; None when it did not take part."""
    value = match.groupdict().get(name)
    return value.lower().strip() if value else None


def amount_of(word: str | None) -> float | None:
    """ "four" → 4, "twenty-four" → 24, "2.5" → 2.5, "5 1/2" → 5.5, "a couple of" → 2; None otherwise."""
    if word is None:
        return None
    word = " ".join(word.lower().split())
    half = word.endswith((" and a half", " 1/2", "-1/2"))
    word = word.removesuffix(" and a half").removesuffix(" 1/2").removesuffix("-1/2")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word)
    elif word in P.NUMBER_WORDS:
        value = float(P.NUMBER_WORDS[word])
    else:
        parts = re.split(r"[- ]", word)
        if len(parts) == 2 and parts[0] in P.NUMBER_WORDS and parts[1] in P.NUMBER_WORDS:
            value = float(P.NUMBER_WORDS[parts[0]] + P.NUMBER_WORDS[parts[1]])
        else:
            return None
    return value + 0.5 if half else value


def duration_value(amount: float | None, unit: str) -> str:
    """The TimeML duration of ``amount`` ``unit``s: (4, "years") → ``P4Y``, (None, "hours") → ``PTXH``."""
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    unit = {"centurie": "century"}.get(unit, unit)
    if unit == "decade":
        letter, factor = "Y", 10.0
    elif unit == "century":
        letter, factor = "Y", 100.0
    elif unit == "quarter":
        letter, factor = "M", 3.0
    else:
        letter, factor = P.UNITS[unit], 1.0
    prefix = "PT" if unit in P.TIME_UNITS else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    scaled = amount * factor
    if scaled == int(scaled):
        return f"{prefix}{int(scaled)}{letter}"
    # A fraction goes to the next smaller unit, as TimeML writes it: "5 1/2 hours" is PT5H30M, "2 1/2
    # years" P2Y6M; a fraction of a week (no smaller unit in the same notation) stays decimal.
    whole, rest = int(scaled), scaled - int(scaled)
    smaller = _SMALLER_UNIT.get(letter if prefix == "P" else "T" + letter)
    if smaller is not None and (rest * smaller[0]) == int(rest * smaller[0]):
        part = f"{int(rest * smaller[0])}{smaller[1]}"
        head = f"{prefix}{whole}{letter}" if whole else prefix
        if letter == "D":
            return f"{head}T{part}"
        return head + part
    return f"{prefix}{scaled:g}{letter}"


# Unit letter (time units after "T") → (how many of the next smaller unit make one, its letter).
_SMALLER_UNIT: dict[str, tuple[int, str]] = {
    "Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "TH": (60, "M"), "TM": (60, "S"),
}  # fmt: skip


def past_n(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    """ "the past three months" → ``P3M``: a stretch ending (or starting) now."""
    amount = amount_of(m["num"])
    if amount is None and (group(m, "num") or "") not in ("several", "few", "a few", "many"):
        return None
    return "DURATION", duration_value(amount, m["unit"]), None


def duration(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    """ "more than four years" → ``P4Y`` with mod ``MORE_THAN``; None for an age or an ordinal."""
    words = group(m, "num")
    amount = amount_of(words)
    if amount is None:
        return None
    unit = m["unit"].lower()
    if unit == "second" and words in ("a", "an"):
        return None  # "a second time", "a second round": an ordinal, not a duration
    if (group(m, "long") or "").endswith("old"):
        return None  # an age ("a 34-year-old teacher"), not a stretch of time
    if words == "one" and unit == "day" and MODAL_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return "DATE", "FUTURE_REF", None  # "Islam will one day be ...": some time ahead, not 24 hours
    if m["half"]:
        amount += 0.5  # "a minute and a half"
    mod = P.MODS.get(group(m, "mod") or "")
    return "DURATION", duration_value(amount, unit), mod


def vague_duration(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    """ "several years" → ``PXY``; "recent years" → ``PAST_REF``."""
    q = group(m, "q")
    unit = m["vunit"]
    if q == "recent":
        return "DATE", "PAST_REF", None
    if q is None and unit.lower() in ("seconds", "minutes"):
        return None  # "minutes" alone is most often the record of a meeting
    return "DURATION", duration_value(None, unit), None


# Set words → TimeML period values.
_SET_VALUES = {
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "quarter": "P3M",
    "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI", "daily": "P1D",
    "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "quarterly": "P3M",
}  # fmt: skip


def period_set(m: re.Match[str], ref: date | None, direction: int) -> Normalised:
    """ "every week", "weekly" → ``P1W``, "every Thursday" → ``XXXX-WXX-4``: how often something recurs."""
    if m["sweekday"]:
        return "SET", f"XXXX-WXX-{P.WEEKDAYS[m['sweekday'].lower()] + 1}", None
    if m["smonth"]:
        return "SET", f"XXXX-{P.MONTHS[m['smonth'].lower()]:02d}", None
    if m["sseason"]:
        return "SET", f"XXXX-{P.SEASONS[m['sseason'].lower()]}", None
    word = group(m, "sunit") or group(m, "adverb") or ""
    return "SET", _SET_VALUES[word], None
