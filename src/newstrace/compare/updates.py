"""Later reports that update a figure: a number conflict between reports of different days that is an
update, not a contradiction, when the later report ties its figure to a later moment or a new event.

Split from :mod:`newstrace.compare.claims`, which labels a claim after these readings.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import date, timedelta

from newstrace.compare import values
from newstrace.compare.clauses import SENTENCE_BREAK, sentence_at
from newstrace.model import Citation, Difference, PartialDate


def later_update(
    d: Difference, published: Mapping[int | None, PartialDate], texts: Mapping[int | None, str]
) -> Difference:
    """A number conflict between reports published on different days becomes a compatible difference that
    says which report is later, when the later report ties its figure to a later moment or event: a day
    after the earlier report's publication day ("Ten people were still missing on Saturday" against
    Friday's "12 missing") or a new event that the earlier report does not know (:func:`_new_event`: "this
    time by 11 votes" after a recount). A later publication day alone never makes an update: "Five people
    died when a mudslide swept through Marren … on Tuesday", published on Wednesday, contradicts Tuesday's
    "Three people were killed"."""
    if not d.conflict or d.kind != "number":
        return d
    days = [published.get(side.article_id) for side in d.sides]
    if days[0] is None or days[1] is None or days[0] == days[1]:
        return d
    first, last = sorted(d.sides, key=lambda side: published[side.article_id].iso())
    text = texts[last.article_id]
    later_day = _days_named(_figure_clause(text, last), published[last.article_id])
    before = published[first.article_id]
    if (
        not any(day > before.iso() for day in later_day)
        and not _new_event(last, first, texts)
        and not _state_now(text, last)
    ):
        return d
    earlier, later = before.iso(), published[last.article_id].iso()
    return Difference(d.kind, d.sides, False, f"a later report ({later}) updates the figure of {earlier}")


def _figure_clause(text: str, side: Citation) -> str:
    """The sentence of the figure ``side`` up to the first comma, semicolon or dash after the figure: the
    days that date the figure, not those of a later clause ("Four people were taken to hospital after the
    crane fell on Thursday morning, including the crane operator, who was still being treated on Friday")."""
    sentence = sentence_at(text, side.start)
    start = text.find(sentence, max(0, side.start - len(sentence)))
    cut = CLAUSE_END.search(text, side.end, start + len(sentence)) if start >= 0 else None
    return text[start : cut.start()] if cut else sentence


CLAUSE_END = re.compile(r"[,;]\s|\s[\u2013\u2014-]\s")


# A word saying that the later report's figure is how things stand as it is written: "Ten people are still
# missing", "three remain in hospital". A count of a state changes from one day's report to the next.
STATE_NOW = re.compile(r"\b(?:still|remain|remains|remained|remaining)\b", re.I)


def _state_now(text: str, side: Citation) -> bool:
    """Whether a word of a state that holds now (:data:`STATE_NOW`) stands right by the figure ``side``
    (the figure's own words and the 20 characters after it, inside its sentence): "Ten people are still
    missing"."""
    after = re.split(r"[.!?](?:\s|$)", text[side.end : side.end + 20])[0]
    return STATE_NOW.search(side.text + " " + after) is not None


def _days_named(sentence: str, published: PartialDate) -> list[str]:
    """The days a sentence names (weekdays and calendar days), as ISO dates, read from the day its report
    was published: a weekday is the latest such day on or before it (news tells of what has happened); a
    calendar day after it is left out, as the day of something planned ("the 46-stall event, due to open
    on November 20"), not the day a figure was counted."""
    if not published.is_complete:
        return []
    assert published.year is not None and published.month is not None and published.day is not None
    today = date(published.year, published.month, published.day)
    names = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    out = []
    for m in values.weekdays(sentence):
        back = (today.weekday() - names.index(m.value)) % 7
        out.append((today - timedelta(days=back)).isoformat())
    for m in values.calendar_days(sentence):
        month, day = int(m.value[2:4]), int(m.value[5:7])
        with contextlib.suppress(ValueError):
            named = date(today.year, month, day)
            if named <= today:  # a day still to come dates a plan ("due to open on November 20"), no count
                out.append(named.isoformat())
    return out


# Words that tie a figure to an event after the first report of it: a second count, a revision.
NEW_EVENT = re.compile(
    r"\b(?:this time|recount(?:s|ed)?|re-count(?:s|ed)?|revised|revision|updated|again|second count|"
    r"re-run|rerun)\b",
    re.I,
)


def _new_event(later: Citation, earlier: Citation, texts: Mapping[int | None, str]) -> bool:
    """Whether the later value's sentence, or the lead of its article, names a new event (:data:`NEW_EVENT`:
    "this time", "after a recount") that neither the earlier value's sentence nor its article's lead
    names. Two reports of the same recount that give 11 and 9 votes still disagree."""

    def marked(side: Citation) -> bool:
        text = texts[side.article_id]
        return any(NEW_EVENT.search(s) for s in (sentence_at(text, side.start), _lead(text)))

    return marked(later) and not marked(earlier)


def _lead(text: str) -> str:
    """The article's first sentence: where a report says what event it tells of."""
    end = SENTENCE_BREAK.search(text)
    return text[: end.start() + 1 if end else len(text)]
