"""The tense of the clause around a time expression: whether "on Friday" lies behind or ahead.

Used by :mod:`newstrace.annotate.time` to resolve weekdays, months and dates written without a year in
the direction the governing verb points: past "left on Sunday" is the Sunday before, future "will meet
on Friday" the Friday after. Word lists and a window, not a parser: the verb nearest the expression
governs it (HeidelTime's tense heuristic, Strötgen & Gertz 2013, section 4.2).

Example:
    >>> tense_direction("The envoys will meet on Friday.", 24, 30)
    1
"""

from __future__ import annotations

import re

# Where a clause ends, for the tense window: sentence punctuation, semicolons, line breaks.
CLAUSE_END = re.compile(r"[.;!?\n]\s")
# How far (characters) on each side of an expression the governing verb is looked for: a clause of news
# prose rarely puts its verb further than ~10 words from the time expression that modifies it.
TENSE_WINDOW = 70
# A closing quotation mark on the right: the verb after it ("...Thursday,'' Castro said") frames the
# quote and does not govern a time inside it.
QUOTE_END = re.compile(r"''|\"|\u201d")
# A participle used as an adjective, after a determiner and at most one adverb ("the planned merger",
# "the hastily planned trip", "a still unspecified date"): it describes a noun and carries no tense.
ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|that|these|those)\s+(?:(?:\w+ly|still|newly|long)\s+)?"
    r"(?P<participle>[a-z]\w+ed)\b",
    re.IGNORECASE,
)
# An attribution after a comma on the right ("..., an official said on Wednesday", "..., said Mr. Roe"):
# like a verb after a closing quote, the reporting verb frames the statement and does not govern a time
# inside it ("admits the three countries in March, an official said" is about the coming March).
ATTRIBUTION_AFTER = re.compile(
    r",\s*(?:[^,.;:]{0,60}?\s)?(?:said|says|told|reported|announced|added|according to)\b",
    re.IGNORECASE,
)
# A relative "when" clause right after a time expression ("on Monday, when flags will fly").
WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)

# Plans reported as over or overtaken: "had been due to expire Friday", "as previously planned
# Saturday" are past, though "due to" and "planned" alone point ahead. Checked before the future markers.
PAST_PLAN_MARKERS = re.compile(
    r"\b(?:had(?: been)? (?:due|scheduled|set|expected|planned|supposed)(?: to| for)?|"
    r"previously (?:planned|scheduled|set))\b",
    re.IGNORECASE,
)
# Words of the governing verb group that make a reference point to the future ("will meet on Friday",
# "would be ready as soon as Tuesday", "protesters were planning a march on Saturday"): modals of
# future-in-the-past ("said he would go Friday") count, since news reports the plan before the event.
FUTURE_MARKERS = re.compile(
    r"\b(?:(?:was|were|is|are) (?:planning|expected|scheduled|due|set|going)|will|'ll|shall|would|"
    r"going to|plans? to|planned|planning|expected|expects?|scheduled|due to|is to|are to|set to|"
    r"intends? to|aims? to|(?:is|are) supposed to|"
    # The present of a scheduled event ("the new tax takes effect on Wednesday", "the council meets
    # Monday"): news keeps the present for what is timetabled. Only "-s" forms, and none that is as
    # often a noun ("returns", "ends").
    r"begins|starts|opens|reopens|meets|resumes|expires|closes|takes? effect|takes? place|arrives|"
    r"leaves|convenes|kicks off|visits)\b",
    re.IGNORECASE,
)
# Words that point ahead only the time that follows them: "effective" and "payable" date a decision's or
# a dividend's coming start, "until" in news mostly sets a deadline ("has until 9 a.m. Tuesday to
# sign"). On the right of an expression they govern another one ("postponed on Thursday until Nov. 12":
# Thursday is past), so they are looked for on the left only.
LEADING_FUTURE_MARKERS = re.compile(
    r"\b(?:next|as soon as|as early as|effective|payable|until)\b",
    re.IGNORECASE,
)
# Words that mark the past: auxiliaries, "since", common irregular past forms, and regular "-ed" forms —
# except "scheduled for", capitalised names ("United"), a participle after a present or future "be"
# ("is expected", "will be named"), where the auxiliary carries the tense, and a participle before "by"
# ("markets untouched by the crisis"): a passive, whose "was" if any is the marker.
PAST_MARKERS = re.compile(
    r"\b(?:was|were|had|did|ago|last|earlier|since|"
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bam )(?<!being )(?:said|told|left|met|came|went|took|made|"
    r"began|saw|gave|held|fell|rose|won|lost|sent|spoke|wrote|found|struck|hit|killed|died|brought|"
    r"bought|caught|thought|sought|fought|paid|sold|spent|kept|became|got|ran|shot|led|fled|grew|knew|"
    r"threw|drove|flew|stood|chose|broke|stole|tore|shook|sat|felt|meant|heard|dealt|"
    r"(?-i:[a-z]\w{2,}ed)(?!\s+(?:to|for|by)\b)))\b",
    re.IGNORECASE,
)


# Marker lists and the direction each points; on a tie the earlier list wins: a reported-over plan, then
# the future, then the past.
_MARKER_SETS = (
    (PAST_PLAN_MARKERS, -1),
    (FUTURE_MARKERS, 1),
    (LEADING_FUTURE_MARKERS, 1),
    (PAST_MARKERS, -1),
)


def tense_direction(text: str, start: int, end: int) -> int:
    """-1 when the clause around ``text[start:end]`` is in the past, +1 in the future, 0 when unclear.

    Future markers win over past ones ("said he will go on Friday" is about a Friday ahead).
    """
    left_edge = max(0, start - TENSE_WINDOW)
    left = text[left_edge:start]
    cut = list(CLAUSE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    right = text[end : end + TENSE_WINDOW]
    stop = CLAUSE_END.search(right)
    if stop:
        right = right[: stop.start()]
    for frame in (QUOTE_END, ATTRIBUTION_AFTER):
        found_frame = frame.search(right)
        if found_frame:
            right = right[: found_frame.start()]
    if WHEN_CLAUSE.match(right):
        # "mourning on Monday, when flags will fly": the clause describes the time itself, so its tense
        # decides, whatever the main verb ("declared") says.
        left = ""
    # The marker nearest the expression governs it: in "said on Friday he will go", "said" is nearer.
    left, right = _without_attributives(left), _without_attributives(right)
    best: tuple[int, int] | None = None
    if any(markers.search(left) for markers, _ in _MARKER_SETS):
        # The clause's own verb is on the left: past a comma on the right starts another clause ("talks
        # that are supposed to conclude by May, invited Sinn Fein").
        comma = right.find(",")
        if comma >= 0:
            right = right[:comma]
    for markers, sign in _MARKER_SETS:
        for found in markers.finditer(left):
            distance = len(left) - found.end()
            if best is None or distance < best[0]:
                best = (distance, sign)
        if markers is LEADING_FUTURE_MARKERS:
            continue
        found_right = markers.search(right)
        if found_right is not None and (best is None or found_right.start() < best[0]):
            best = (found_right.start(), sign)
    return best[1] if best is not None else 0


def _without_attributives(text: str) -> str:
    """``text`` with adjectival participles blanked out (same length, so distances stay true)."""
    return ATTRIBUTIVE_PARTICIPLE.sub(
        lambda m: m.group()[: m.start("participle") - m.start()] + " " * len(m["participle"]), text
    )
