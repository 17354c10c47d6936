"""Datelines: the place, date and agency that open a news report.

Recognised at the very start of the body only, and bounded in length::

    Moscow [Russia], September 12 :          ANI style: place "Moscow", date XXXX-09-12
    Moscow [Russia], September 12 (ANI):     ANI wire dateline
    SEOUL, Sept 12 (Reuters) -               Reuters wire dateline, place "Seoul"
    NEW DELHI, Sept. 12 (IANS):              IANS wire dateline
    WASHINGTON (AP) —                        AP agency marker
    (AP) —                                   AP agency marker without a place
    LONDON, 12 September 2023 -              place and date
    SAN FRANCISCO, Calif. (AP) —             place, region, agency
    Kyiv, Ukraine —                          place and region

A place alone before a dash counts only in capitals ("WASHINGTON —"); a title-case word needs a region,
date or agency beside it, so "Moscow — the capital — said" is not a dateline, and "Moscow said …" has no
separator at all. A colon needs a date or an agency ("BREAKING:" is not a place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.ingest.agencies import canonical_agency
from newstrace.ingest.dates import DATE_PATTERN, MONTH_PATTERN, parse_partial_date
from newstrace.model import CreditKind, PartialDate

# Longest dateline accepted, in characters. The longest real ones ("RIO DE JANEIRO, Brazil,
# Wednesday, September 13, 2023 (Reuters) --") stay well under 90; a sentence rarely has a separator
# this early AND passes the other checks, but the bound keeps a wrong match from eating a paragraph.
MAX_DATELINE_CHARS = 90

# A word of a place name: starts with a letter; may hold apostrophes, dots and hyphens ("N'Djamena",
# "St.", "Port-au-Prince"). Upper-case first letters are checked in code (re has no Unicode \p{Lu}).
_WORD = r"[^\W\d_][\w'’.\-]*"
# Lower-case particles inside place names ("Rio de Janeiro", "Stratford-upon-Avon", "Dar es Salaam").
_PARTICLES = r"(?:de|da|do|dos|das|del|della|la|le|les|el|al|es|am|im|an|on|upon|of|sur|en|y)"
# One to four place words, with particles between them.
_PLACE = rf"{_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_WORD}){{0,3}}"

# The dateline itself; matched at the start of the first line of the body.
DATELINE = re.compile(
    rf"""
    (?P<place>{_PLACE})?
    (?:\s*\[(?P<bracket>[^\[\]\n]{{1,40}})\])?                 # "[Russia]"
    (?:\s*,\s*(?P<region>(?!(?i:{MONTH_PATTERN})\s*\d)(?!\d){_PLACE}))?   # ", Ukraine", ", Calif."
    (?:\s*,\s*(?P<date>(?i:{DATE_PATTERN})))?                  # ", Sept. 12", ", 12 September 2023"
    (?:\s*\((?P<agency>[^()\n]{{1,40}})\))?                    # "(Reuters)"
    \s*(?P<sep>:|--|[-–—])                                    # the separator before the story
    (?=\s|\Z)
    """,
    re.VERBOSE,
)

# First words that open sentences or labels, never places ("However, last week —", "BREAKING -").
_NOT_PLACES = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "of",
        "and",
        "but",
        "or",
        "so",
        "yet",
        "if",
        "as",
        "however",
        "meanwhile",
        "earlier",
        "later",
        "also",
        "still",
        "then",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "there",
        "here",
        "while",
        "when",
        "after",
        "before",
        "since",
        "although",
        "though",
        "despite",
        "update",
        "updated",
        "breaking",
        "exclusive",
        "watch",
        "live",
        "analysis",
        "opinion",
        "editorial",
        "comment",
        "editor's",
        "editors",
        "note",
        "photo",
        "video",
        "read",
        "file",
        "correction",
        "clarification",
        "warning",
        "notice",
        "advertisement",
        "sponsored",
    ]
)

# Words kept lower-case when title-casing an ALL-CAPS place ("RIO DE JANEIRO" → "Rio de Janeiro").
_LOWER_PARTICLES = frozenset(_PARTICLES.strip("(?:)").split("|"))


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a body.

    ``raw_text[start:end] == text``; ``text`` runs from the place to the separator, inclusive.
    ``source`` is the canonical agency (or the name as written when unknown); ``credit_kind`` says how
    it was named: ``"wire_dateline"`` with a date, ``"agency_marker"`` without.
    """

    text: str
    start: int
    end: int
    place: str | None
    region: str | None
    date: PartialDate | None
    source: str | None
    credit_kind: CreditKind | None


def parse_dateline(line: str, start: int = 0) -> Dateline | None:
    """Read a dateline at the start of ``line`` (the first line of a body).

    Args:
        line: the first line of the body, without leading whitespace.
        start: where ``line`` starts in ``raw_text``; the returned offsets include it.

    Returns:
        The dateline, or ``None`` when the line does not open with one.

    Example:
        >>> d = parse_dateline("SEOUL, Sept 12 (Reuters) - North Korea said ...")
        >>> d.place, d.date.iso(), d.source, d.credit_kind
        ('Seoul', 'XXXX-09-12', 'Reuters', 'wire_dateline')
    """
    m = DATELINE.match(line)
    if m is None or m.end() > MAX_DATELINE_CHARS:
        return None
    place, region, bracket, agency = m["place"], m["region"], m["bracket"], m["agency"]
    if place is not None and not _is_place(place):
        return None
    if region is not None and not _is_place(region):
        return None
    source = _agency(agency) if agency is not None else None
    if agency is not None and source is None:
        return None
    if place is None and (source is None or region or bracket or m["date"]):
        return None  # only "(AP) —" may go without a place
    date = parse_partial_date(m["date"]) if m["date"] else None
    evidence = bool(source or m["date"] or bracket or region)
    if not evidence and not (place and sep_is_dash(m["sep"]) and _is_all_caps(place)):
        return None
    if m["sep"] == ":" and not (source or m["date"]):
        return None
    text = m.group(0)
    return Dateline(
        text=text,
        start=start,
        end=start + len(text),
        place=title_case_place(place) if place else None,
        region=(bracket or region or None),
        date=date,
        source=source,
        credit_kind=None if source is None else ("wire_dateline" if m["date"] else "agency_marker"),
    )


def sep_is_dash(sep: str) -> bool:
    """Whether a dateline separator is a dash ("-", "--", "–", "—") rather than a colon."""
    return sep != ":"


def title_case_place(place: str) -> str:
    """Title-case an ALL-CAPS place ("NEW DELHI" → "New Delhi"); a place in mixed case is kept as written.

    Example:
        >>> title_case_place("RIO DE JANEIRO"), title_case_place("N'DJAMENA"), title_case_place("McAllen")
        ('Rio de Janeiro', "N'Djamena", 'McAllen')
    """
    if not _is_all_caps(place):
        return place
    words = place.split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and lower in _LOWER_PARTICLES:
            out.append(lower)
            continue
        out.append("-".join(_capitalise(part, first=(j == 0)) for j, part in enumerate(word.split("-"))))
    return " ".join(out)


def _capitalise(part: str, first: bool) -> str:
    lower = part.lower()
    if not first and lower in _LOWER_PARTICLES | {"au", "aux", "sur"}:
        return lower  # "Port-au-Prince"
    # After a one-letter elision the name goes on in capitals: "N'Djamena", "L'Aquila".
    if len(lower) > 2 and lower[1] in "'’":
        return lower[0].upper() + lower[1] + lower[2:].capitalize()
    return lower.capitalize()


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_place(text: str) -> bool:
    words = text.split()
    if words[0].lower().strip(".") in _NOT_PLACES or words[0].lower() in _LOWER_PARTICLES:
        return False
    return all(w[0].isupper() or w in _LOWER_PARTICLES for w in words)


def _agency(name: str) -> str | None:
    """The agency a "(…)" names: canonical when known, else the name when it looks like one."""
    name = name.strip()
    known = canonical_agency(name)
    if known is not None:
        return known
    words = name.split()
    if 1 <= len(words) <= 5 and all(w[0].isupper() or w in {"of", "for", "and", "the"} for w in words):
        return name
    return None
