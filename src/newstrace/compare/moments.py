"""When two days or clock times of two statements are one moment told two ways, and when they are two.

:mod:`newstrace.compare.conflicts` compares days and times whose anchors (the words before them) share a
word; these checks say when such a pair is still no conflict: a hedged time that includes the other
("shortly before 11 p.m." / "10:48 p.m."), or two different acts on one object ("opened the gates on
Monday" / "close the gates on Wednesday").
"""

from __future__ import annotations

import re

from newstrace.compare import values as v

# A hedge right before a clock time: "shortly before 11 p.m.", "just after 4 a.m.", "at about 6 a.m.".
TIME_HEDGE = re.compile(
    r"\b(?:(?P<near>shortly|just|soon|a little)\s+(?P<side>before|after)|(?P<about>about|around|"
    r"approximately|roughly|some time around))\s+(?:at\s+)?$",
    re.I,
)
# How far "shortly before 11 p.m." may lie from 11 p.m., in minutes: a report that says "shortly" when it
# knows the minute rounds to the next hour or half hour ("shortly before 11 p.m." for 10:48 p.m.); more
# than half an hour away it would say "about" or give the minute. "About" a time takes the same margin
# either side.
TIME_MARGIN = 30


def hedged_time(text_a: str, x: v.Mention, text_b: str, y: v.Mention) -> str | None:
    """Why two clock times do not contradict, or ``None``: one is hedged (:data:`TIME_HEDGE`) and the other
    lies within :data:`TIME_MARGIN` minutes on the hedge's side ("shortly before 11 p.m." / "10:48 p.m."),
    or one is on the hour or half hour and the other within :data:`ROUNDED_MINUTES` of it ("midnight" /
    "12.01 a.m.")."""
    for (text_p, p), q in (((text_a, x), y), ((text_b, y), x)):
        m = TIME_HEDGE.search(text_p[max(0, p.start - 30) : p.start])
        if m is None:
            continue
        gap = _minutes(q.value) - _minutes(p.value)
        side = (m.group("side") or "").lower()
        if (side == "before" and -TIME_MARGIN <= gap <= 0) or (side == "after" and 0 <= gap <= TIME_MARGIN):
            return f"a hedged time: {m.group().strip()} {p.value} includes {q.value}"
        if m.group("about") and abs(gap) <= _about_margin(p.value):
            return f"a hedged time: about {p.value} includes {q.value}"
    for p, q in ((x, y), (y, x)):
        if _minutes(p.value) % 30 == 0 and abs(_minutes(p.value) - _minutes(q.value)) <= ROUNDED_MINUTES:
            return f"rounding: {p.value} for {q.value}"
    return None


def _about_margin(value: str) -> int:
    """How far "about" a clock time reaches, in minutes, read from how round the time is: a report rounds
    to the precision it gives. "About 6 a.m." or "about 6.30" reaches :data:`TIME_MARGIN` either side,
    "about 2.15" a quarter of an hour, "about 2.20" ten minutes, "about 2.25" five: "about 2.20 p.m." and
    "shortly after 2.45 p.m." are two accounts of when a crush began, 25 minutes apart, not one."""
    minute = _minutes(value) % 60
    for step, margin in ((30, TIME_MARGIN), (15, 15), (10, 10)):
        if minute % step == 0:
            return margin
    return 5


# How far a time on the hour or half hour may lie from a precise one and still be that time rounded:
# "from midnight" for a strike that began at 12.01 a.m., "at 9 a.m." for 9:03.
ROUNDED_MINUTES = 5


# A part of the day, said of a day ("Tuesday morning", "on Saturday evening", "this afternoon", "late on
# Friday night") or alone ("overnight"): what a report gives when it does not know, or does not say, the
# hour. "The afternoon" or "that evening" alone is not read: which day it is, the sentence does not say.
# Nor is a part after "by" or "until": "14 people were still missing by the afternoon" / "… on Friday
# night" give two moments a count held at, not two accounts of one moment (a false conflict on the ferry
# story of benchmarks/brief_time.py).
PART_OF_DAY = re.compile(
    r"(?<!\bby )(?<!\buntil )(?<!\bby late )(?<!\bby early )"
    r"\b(?P<span>(?:this|tonight's|[A-Z][a-z]+day|(?:early|late)(?: on [A-Z][a-z]+day)?)"
    r"\s+(?P<part>morning|afternoon|evening|night|lunchtime)|(?P<alone>overnight|tonight))\b",
)
# The hours (minutes from midnight, start and end) each part of the day covers, drawn wide: a report that
# says "morning" for 12:15 or "evening" for 16:45 is loose, not wrong, and a false conflict costs more
# than a missed one. A range whose end is before its start runs past midnight.
PART_MINUTES = {
    "morning": (4 * 60, 12 * 60 + 30),
    "lunchtime": (11 * 60, 15 * 60),
    "afternoon": (12 * 60, 18 * 60 + 30),
    "evening": (16 * 60 + 30, 24 * 60),
    # "Sunday night" may be the evening ("at 6:50 p.m." / "on Sunday night"); "overnight" is the small hours
    # and late night only, no afternoon's neighbour.
    "night": (18 * 60, 6 * 60),
    "overnight": (19 * 60, 6 * 60),
    "tonight": (16 * 60 + 30, 6 * 60),
}
PARTS_ALONE = {"overnight": "overnight", "tonight": "tonight"}


def parts_of_day(text: str, offset: int = 0) -> list[v.Mention]:
    """Parts of the day ("Tuesday morning", "overnight"), each as its :data:`PART_MINUTES` key."""
    found = []
    for m in PART_OF_DAY.finditer(text):
        part = m.group("part") or PARTS_ALONE[m.group("alone").lower()]
        found.append(v.Mention(part.lower(), offset + m.start("span"), offset + m.end("span")))
    return found


def part_of_day_fits(part: str, other: str) -> bool:
    """Whether a part of the day (a :data:`PART_MINUTES` key) and ``other``, a clock time ``HH:MM`` or
    another part, can be one moment: the time lies in the part, or the two parts overlap."""
    ranges = [_spans(PART_MINUTES[part])]
    if other in PART_MINUTES:
        ranges.append(_spans(PART_MINUTES[other]))
    else:
        minute = _minutes(other)
        ranges.append([(minute, minute)])
    return any(s1 <= e2 and s2 <= e1 for s1, e1 in ranges[0] for s2, e2 in ranges[1])


def _spans(minutes: tuple[int, int]) -> list[tuple[int, int]]:
    """A range of minutes as one or two spans inside a day (a range past midnight split in two)."""
    start, end = minutes
    return [(start, end)] if start <= end else [(start, 24 * 60), (0, end)]


_WEEK = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# The night before and after a weekday: "Saturday night", "overnight on Saturday", "late on Saturday"; and
# the small hours after it: "in the early hours of Sunday", "early on Sunday", "before dawn on Sunday".
NIGHT_OF = re.compile(r"(?:\bovernight\s+(?:on\s+|from\s+)?|\blate\s+(?:on\s+)?)$", re.I)
NIGHT_AFTER = re.compile(r"^\s+night\b", re.I)
SMALL_HOURS = re.compile(r"\b(?:early\s+hours\s+of|early\s+(?:on\s+)?|before\s+dawn\s+on)\s*$", re.I)


def one_night(text_a: str, x: v.Mention, text_b: str, y: v.Mention) -> str | None:
    """Why two weekdays a day apart are one moment, or ``None``: one gives the night of the earlier day
    ("overnight on Saturday", "Saturday night", "late on Saturday"), the other the small hours of the next
    ("in the early hours of Sunday", "early on Sunday"), the same night told from either side."""
    for (text_p, p), (text_q, q) in (((text_a, x), (text_b, y)), ((text_b, y), (text_a, x))):
        if p.value not in _WEEK or q.value not in _WEEK:
            return None
        if (_WEEK.index(p.value) + 1) % 7 != _WEEK.index(q.value):
            continue
        night = NIGHT_OF.search(text_p[max(0, p.start - 20) : p.start]) or NIGHT_AFTER.match(
            text_p[p.end : p.end + 10]
        )
        if night and SMALL_HOURS.search(text_q[max(0, q.start - 25) : q.start]):
            return f"one night: the night of {p.value} is the early hours of {q.value}"
    return None


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


# A verb with its object: a lower-case word followed by a determiner ("opened its spillway gates", "close
# the gates"), or a participle after an auxiliary, the passive ("the gates were opened"). Crude, but only
# its absence or a match is trusted, see :func:`different_acts`.
ACT = re.compile(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?P<passive>[a-z]{3,}(?:ed|en))\b"
    r"|(?P<verb>[a-z]{3,})\s+(?:the|its|their|his|her|a|an)\s)"
)
# A verb right before the preposition that leads to a value: "opens at ", "was closed on ", "began shortly
# after ". Only a past form (-ed, -en), a present one after "that"/"which"/"who" ("a hotline that opens
# at"), or a bare verb after "to"/"will" counts: "the spillway gates on Monday" has no verb before "on".
NEAR_ACT = re.compile(
    r"\b(?P<verb>[a-z]{3,}(?:ed|en)|(?:(?<=that )|(?<=which )|(?<=who ))[a-z]{3,}s|(?<=to )[a-z]{3,}"
    r"|(?<=will )[a-z]{3,})"
    r"\s+(?:(?:shortly|just|soon)\s+)?(?:at|on|in|by|from|until|before|after)\s+(?:about\s+|around\s+)?$"
)
# The end of the sentence before a value: a full stop before a capital ("p.m. on Monday" goes on).
SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"\u201c])")


def different_acts(text_a: str, start_a: int, text_b: str, start_b: int) -> bool:
    """Whether the words before two values do different things to one object: "the dam opened its spillway
    gates on Monday" / "plans to close the spillway gates on Wednesday" share "spillway gates", yet the two
    days are two events. True only when both have a verb before an object (:data:`ACT`) in the 60
    characters before the value (the window :func:`newstrace.compare.anchors.shared_anchor` reads) and
    their crude stems differ."""
    near = [
        NEAR_ACT.search(SENTENCE_END.split(t[max(0, p - 60) : p])[-1])
        for t, p in ((text_a, start_a), (text_b, start_b))
    ]
    if all(m is not None and m.group("verb") not in _NOT_ACTS for m in near):
        # The verb right before the value says what happened at that moment ("a hotline that opens at 8
        # a.m." / "the hotline, which opened at 9 a.m."), whatever verbs frame the sentence before it.
        return _act_stem(near[0].group("verb")) != _act_stem(near[1].group("verb"))  # type: ignore[union-attr]
    acts = []
    for text, start in ((text_a, start_a), (text_b, start_b)):
        before = SENTENCE_END.split(text[max(0, start - 60) : start])[-1]
        found = [
            m.group("passive") or m.group("verb")
            for m in ACT.finditer(before)
            if (m.group("passive") or m.group("verb")) not in _NOT_ACTS
        ]
        if not found:
            return False
        acts.append(_act_stem(found[-1]))
    return acts[0] != acts[1]


# Words that ACT takes for verbs but that are not: function words, prepositions and conjunctions before a
# determiner, and auxiliaries ("had the", "said the").
_NOT_ACTS = frozenset(
    "the and but for from with that this was were are has have had been said says about after before "
    "shortly early late around into onto upon over under near off out than then since during until against "
    "through across already "
    "within without towards toward behind beyond along among below above between like".split()
)


# Verbs that tell one act in different words, each class as one stem: when something was found ("a
# farmer spotted the oil on Sunday" / "Rennick found the oil on Saturday morning") or when it began.
SAME_ACT = {
    **dict.fromkeys("found discovered spotted noticed detected".split(), "discover"),
    **dict.fromkeys("began begun started broke erupted happened occurred struck".split(), "begin"),
    # An event that opened began: "The regatta, which began on Thursday" / "Kellbridge Regatta, which
    # opened on Wednesday".
    **dict.fromkeys("open opens opened".split(), "begin"),
}


def _act_stem(word: str) -> str:
    """ "opened" / "opens" / "open" → "open"; "closed" / "close" → "clos"; "spotted" / "found" → "discover"
    (:data:`SAME_ACT`)."""
    if word in SAME_ACT:
        return SAME_ACT[word]
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# A clock time's zone, written in its span or right after it: "2215 GMT", "6:41pm PST", "13:36 local time".
ZONE = re.compile(
    r"\b(GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|AEST|AEDT)\b|\blocal time\b"
)


def zone(text: str, mention: v.Mention) -> str | None:
    """The zone a clock time is given in ("GMT", "local time"), or ``None`` when the text names none."""
    m = ZONE.search(text, mention.start, min(len(text), mention.end + 12))
    return (m.group(1) or "local time") if m else None


def other_clocks(text_a: str, x: v.Mention, text_b: str, y: v.Mention) -> bool:
    """Whether two clock times are read on different clocks: one in a named zone and the other in none or
    another ("struck at 13:36" / "at 0440 GMT"; "this morning" / "2045 GMT"). The same moment has two such
    times, so they are not compared."""
    return zone(text_a, x) != zone(text_b, y)


# The two ends of one journey or spell, told by the verb right before a moment: a balloon that "had taken
# off from Harnley Park at about 6:10 a.m." and one that "touched down at 7.20am" give two moments of one
# flight, not two values of one; so do a release that "began at 11 p.m." and one "halted at 2 a.m.".
ENDS = {
    "departure": re.compile(
        r"\b(?:took off|taken off|takes off|left|departed|set off|set out|set sail|sailed|launched|"
        r"lifted off)\b"
    ),
    "arrival": re.compile(
        r"\b(?:landed|touched down|came down|come down|crash-landed|arrived|docked|came ashore|"
        r"struck the ground|hit the ground|came to rest|reached)\b"
    ),
    "start": re.compile(r"\b(?:began|begun|started|opened|got under way)\b"),
    "finish": re.compile(r"\b(?:ended|finished|stopped|halted|closed|was lifted|were lifted|reopened)\b"),
}
OPPOSITE_ENDS = ({"departure", "arrival"}, {"start", "finish"})
# How many characters before a moment the verb of its end may stand ("had taken off from Harnley Park at
# about"): the clause that leads to it.
ENDS_WINDOW = 45


def opposite_ends(text_a: str, start_a: int, text_b: str, start_b: int) -> bool:
    """Whether the verbs just before two moments name the two ends of one thing (:data:`ENDS`): a take-off
    and a landing, a start and a finish are two moments, and no conflict."""
    ends = []
    for text, start in ((text_a, start_a), (text_b, start_b)):
        before = SENTENCE_END.split(text[max(0, start - ENDS_WINDOW) : start])[-1].lower()
        last = max(
            ((m.end(), name) for name, verbs in ENDS.items() for m in verbs.finditer(before)),
            default=None,
        )
        ends.append(last[1] if last else None)
    return {ends[0], ends[1]} in OPPOSITE_ENDS


# A moment a running count was taken at: "had taken about 1,100 calls by Tuesday afternoon", "By Tuesday
# evening the helpline had taken about 2,300 calls", "by 9 a.m.", "by the end of the week".
TALLY_BY = re.compile(
    r"\b[Bb]y\s+(?P<moment>(?:the end of (?:the )?\w+|(?:early |late |mid-?)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|this|last|noon|"
    r"midday|midnight|lunchtime|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)(?:\s+(?:morning|afternoon|evening|night|"
    r"week|weekend))?))"
)


def tally_moments(sentence_a: str, sentence_b: str) -> bool:
    """Whether two sentences give a running count at two moments ("… about 1,100 calls by Tuesday
    afternoon" / "By Tuesday evening … about 2,300 calls"): each names one moment it was counted "by", and
    the two differ, so the later figure updates the earlier."""
    moments = [{m.group("moment").lower() for m in TALLY_BY.finditer(s)} for s in (sentence_a, sentence_b)]
    return len(moments[0]) == len(moments[1]) == 1 and moments[0] != moments[1]


# The span of time a count covers, told in its clause: "the branches the bank has shut since 2020" (211),
# "one of 38 branches the bank is closing this year", "in 2025".
SPAN = re.compile(
    r"\b(?:since (?:(?:early|late|mid-?)\s*)?(?P<since>(?:19|20)\d\d)|(?P<which>this|last|next) "
    r"(?P<unit>year|month|week|season|summer|winter|spring|autumn)|in (?P<year>(?:19|20)\d\d))\b",
    re.I,
)


def count_span(clause: str) -> str | None:
    """The one span of time a count's clause names (:data:`SPAN`), written plainly ("since 2020", "this
    year", "in 2025"), or ``None`` when it names none or several."""
    spans = {
        f"since {m['since']}"
        if m["since"]
        else f"in {m['year']}"
        if m["year"]
        else f"{m['which']} {m['unit']}"
        for m in SPAN.finditer(clause)
    }
    return spans.pop().lower() if len(spans) == 1 else None
