"""Credit lines and bylines: who a report says the copy came from.

Only whole lines are read as credits, and credit lines only at the end of the body, so a sentence
"…, according to Reuters." is never one (attribution inside sentences is the annotate stage's job)::

    (With inputs from IANS)                    → IANS, inputs_from
    (With inputs from agencies)                → agencies, inputs_from
    (With PTI inputs)                          → PTI, inputs_from
    Source: ANI                                → ANI, inputs_from
    (Reporting by Jane Doe; Editing by Ann Lee) → removed; no credit (see below)
    — IANS   /   (IANS)                        → IANS, agency_marker
    By Jane Doe, Reuters                       → Reuters, byline (first or last paragraphs)

Syndication notices ("(This story has not been edited by … staff and is auto-generated from a syndicated
feed.)") are removed as boilerplate without a credit. Staff lines ("(Reporting by …; Editing by …)") are
removed and credit only a known agency named as an author ("Reporting by Reuters"): the staff of the
agency whose dateline opens the copy are people, not sources, and a brief listing "Karin Lund" beside
"Nordwire" among an article's credits would mislead. An unknown source in a credit line still gives a
credit, with the name as written; known agencies get their canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.ingest.agencies import AGENCIES, agency_mention, canonical_agency
from newstrace.ingest.layout import Cut, Line, credit, cut
from newstrace.model import Credit, CreditKind, RemovedKind

# Longest line read as a credit line or byline; real ones ("(Reporting by A and B in Seoul; Additional
# reporting by C in Moscow; Writing by D; Editing by E and F)") stay under 250.
MAX_CREDIT_LINE = 250
# How many paragraphs at each end of the body may hold a byline: a byline sits above the story or
# under it, with at most a caption or a dateline paragraph beside it.
BYLINE_PARAGRAPHS = 2

# Brackets and dashes around a credit line: "(…)", "[…]", "— …", "-- …".
_OPEN = r"^[(\[]?\s*(?:[-–—]+\s*)?"
_CLOSE = r"\s*\.?\s*[)\]]?\s*\.?$"
# "(With inputs from IANS)", "With additional inputs from Reuters and AFP".
INPUTS_FROM = re.compile(
    rf"{_OPEN}with\s+(?:additional\s+)?inputs?\s+(?:from|by)\s+(?P<sources>[^()\[\]\n]{{1,120}}?){_CLOSE}",
    re.IGNORECASE,
)
# "(With PTI inputs)", "(With agency inputs)".
WITH_X_INPUTS = re.compile(
    rf"{_OPEN}with\s+(?P<sources>[^()\[\]\n]{{1,60}}?)\s+inputs?{_CLOSE}", re.IGNORECASE
)
# "Source: ANI", "(Courtesy: Yonhap)".
SOURCE_LINE = re.compile(
    rf"{_OPEN}(?:sources?|courtesy)\s*:\s*(?P<sources>[^()\[\]\n]{{1,60}}?){_CLOSE}", re.IGNORECASE
)
# Reuters-style staff credits: "(Reporting by A in Seoul; Editing by B)".
STAFF_LINE = re.compile(
    rf"{_OPEN}(?P<body>(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|"
    rf"graphics?|research)\s+by\s[^()\[\]\n]+?){_CLOSE}",
    re.IGNORECASE,
)
# One "<role> by <names>" segment of a staff line.
_STAFF_SEGMENT = re.compile(r"(?P<role>[\w\s]+?)\s+by\s+(?P<names>.+)", re.IGNORECASE)
# Roles whose people wrote the copy (editors and graphic artists did not).
_AUTHOR_ROLES = frozenset({"reporting", "additional reporting", "writing", "written", "compiled"})
# A bare agency sign-off: "(IANS)", "— AP", "--Reuters".
SIGNOFF = re.compile(r"^(?P<open>[(\[]|[-–—]+)?\s*(?P<name>[^()\[\]\n]{2,40}?)\s*[)\]]?$")
# Syndication notices at the end of agency copy reprinted by a portal.
BOILERPLATE = re.compile(
    r"^\(.*(?:has not been edited by|syndicated feed|auto-generated from).*\)\.?$", re.IGNORECASE
)
# A credit inside the last paragraph, after its final sentence: "… official name. (With inputs from IANS)".
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’)])\s*(?P<credit>\((?:with\s+(?:additional\s+)?inputs?\s+from\s|with\s+[^()]{1,40}\s+inputs?\)"
    r"|reporting\s+by\s)[^()]*\))$",
    re.IGNORECASE,
)
# Separators between several sources or names: "Reuters and AFP", "PTI, ANI", "A & B".
_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*", re.IGNORECASE)
# " in Seoul" after a reporter's name.
_IN_PLACE = re.compile(r"\s+in\s+[^\W\d_].*$")
# Words of a job title after a byline: "By Jane Doe, Staff Writer".
_TITLE_WORDS = frozenset(
    [
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "our",
        "special",
        "senior",
        "chief",
        "bureau",
        "desk",
        "news",
        "team",
        "contributor",
        "contributing",
        "political",
        "diplomatic",
    ]
)
# Generic words that stand for "several agencies" in a credit line.
_GENERIC_AGENCY = frozenset({"agency", "agencies", "wire", "wires", "news agencies", "wire services"})


@dataclass(frozen=True, slots=True)
class CreditLine:
    """A whole line read as a credit: what it names and how, and what kind of text it is."""

    sources: tuple[str, ...]
    kind: CreditKind | None  # None for boilerplate and staff lines naming only editors
    removed: RemovedKind


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline paragraph: ``names`` of the writers and the organisation after them, if any."""

    names: tuple[str, ...]
    organisation: str | None


def parse_credit_line(text: str) -> CreditLine | None:
    """Read one whole line as a credit line.

    Args:
        text: a stripped line of the body.

    Returns:
        What the line credits, or ``None`` when it is not a credit line.

    Example:
        >>> parse_credit_line("(With inputs from Reuters and AFP)").sources
        ('Reuters', 'AFP')
        >>> parse_credit_line("Officials declined to comment, according to Reuters.") is None
        True
    """
    if len(text) > MAX_CREDIT_LINE:
        return None
    if BOILERPLATE.match(text):
        return CreditLine((), None, "boilerplate")
    bracketed = text.startswith(("(", "["))
    for pattern in (INPUTS_FROM, WITH_X_INPUTS, SOURCE_LINE):
        if m := pattern.match(text):
            sources = _sources(m["sources"])
            # Unbracketed, the line could be a sentence ("With inputs from the ground, the army ..."):
            # then every source must look like a name. "With X inputs" needs a known agency.
            strict = pattern is WITH_X_INPUTS or not bracketed
            if not sources or (
                strict and not all(_looks_like_source(s, pattern is WITH_X_INPUTS) for s in sources)
            ):
                return None
            return CreditLine(sources, "inputs_from", "credit_line")
    if m := STAFF_LINE.match(text):
        agencies = tuple(a for a in _staff_authors(m["body"]) if a in AGENCIES)
        return CreditLine(agencies, "byline" if agencies else None, "credit_line")
    # A lone name is a sign-off only when bracketed, dashed or in the agency's own spelling ("IANS").
    m = SIGNOFF.match(text)
    name = canonical_agency(m["name"]) if m else None
    if m and name and (m["open"] or m["name"] in _spellings(name)):
        return CreditLine((name,), "agency_marker", "credit_line")
    return None


def parse_byline(text: str) -> Byline | None:
    """Read a whole line as a byline: "By Jane Doe, Reuters", "By JANE DOE and JOHN ROE".

    Args:
        text: a stripped line of the body.

    Returns:
        The byline, or ``None`` when the line is not one (a sentence "By Tuesday, troops had left." is not).
    """
    if len(text) > 120 or not (text.startswith("By ") or text.startswith("BY ")) or text.endswith("."):
        return None
    head, *tail = re.split(r"\s*(?:\||\s[-–—]\s)\s*", text[3:].strip(), maxsplit=1)
    organisation = tail[0] if tail else None
    parts = [p for p in re.split(r"\s*,\s*", head) if p]
    if not parts:
        return None
    last = parts[-1]
    if (
        organisation is None
        and len(parts) > 1
        and (_is_title(last) or canonical_agency(last) or not _is_name(last))
    ):
        organisation = parts.pop()
    names: list[str] = []
    for part in parts:
        for name in re.split(r"\s+(?:and|&)\s+", part, flags=re.IGNORECASE):
            if not _is_name(name):
                return None
            names.append(name)
    if organisation is not None and not _is_organisation(organisation):
        return None
    if organisation and _is_title(organisation):
        organisation = None  # "Staff Writer" names no organisation
    return Byline(tuple(names), organisation)


def find_bylines(raw_text: str, lines: list[Line], taken: set[int]) -> tuple[list[Cut], Byline | None]:
    """Byline lines among the first and last paragraphs, each removed as a credit line.

    Args:
        raw_text: the body as read.
        lines: its lines (:func:`~newstrace.ingest.layout.split_lines`).
        taken: indexes of lines already removed by an earlier step; not looked at.

    Returns:
        The cuts (with byline credits) and the first byline found, if any.
    """
    if not lines:
        return [], None
    last = lines[-1].paragraph
    cuts: list[Cut] = []
    first: Byline | None = None
    for i, line in enumerate(lines):
        if i in taken or BYLINE_PARAGRAPHS <= line.paragraph <= last - BYLINE_PARAGRAPHS:
            continue
        byline = parse_byline(line.text)
        if byline is None:
            continue
        first = first or byline
        known = canonical_agency(byline.organisation) if byline.organisation else None
        sources = (known or byline.organisation,) if byline.organisation else byline.names
        credits = tuple(credit(raw_text, s, "byline", line.start, line.end) for s in sources)
        cuts.append(cut(raw_text, "credit_line", line.start, line.end, credits))
    return cuts, first


def find_trailing_credits(raw_text: str, lines: list[Line], taken: set[int]) -> list[Cut]:
    """Credit lines and syndication notices at the end of the body, and a credit glued to the last sentence.

    Lines are read from the end while each is a credit line; the first line that is not one ends the
    search, after a "(With inputs from …)" at its very end is taken off it.

    Args:
        raw_text: the body as read.
        lines: its lines (:func:`~newstrace.ingest.layout.split_lines`).
        taken: indexes of lines already removed (captions), skipped over.

    Returns:
        The cuts, last line first.
    """
    cuts: list[Cut] = []
    for i in range(len(lines) - 1, -1, -1):
        if i in taken:
            continue
        line = lines[i]
        parsed = parse_credit_line(line.text)
        if parsed is not None and _bare(line.text) and i > 0 and lines[i - 1].paragraph == line.paragraph:
            parsed = None  # a bare "AP" under a line of its paragraph is the end of a wrapped sentence
        if parsed is not None:
            cuts.append(_cut_for(raw_text, parsed, line.start, line.end))
            continue
        if m := TRAILING_CREDIT.search(line.text):
            parsed = parse_credit_line(m["credit"])
            if parsed is not None:
                start = line.start + m.start("credit")
                cuts.append(_cut_for(raw_text, parsed, start, line.end))
        break
    return cuts


def _cut_for(raw_text: str, parsed: CreditLine, start: int, end: int) -> Cut:
    credits: tuple[Credit, ...] = ()
    if parsed.kind is not None:
        credits = tuple(credit(raw_text, s, parsed.kind, start, end) for s in parsed.sources)
    return cut(raw_text, parsed.removed, start, end, credits)


def _sources(text: str) -> tuple[str, ...]:
    """Split "Reuters, AFP and agencies" into canonical names; unknown names are kept as written."""
    out: list[str] = []
    for part in _LIST_SEPARATOR.split(text.strip().rstrip(".")):
        name = part.strip().strip("\"'“”")
        if not name:
            continue
        if name.lower() in _GENERIC_AGENCY:
            name = "agencies"
        source = canonical_agency(name) or name
        if source not in out:
            out.append(source)
    return tuple(out)


def _staff_authors(body: str) -> tuple[str, ...]:
    authors: list[str] = []
    for segment in body.split(";"):
        m = _STAFF_SEGMENT.match(segment.strip())
        if m is None or m["role"].strip().lower() not in _AUTHOR_ROLES:
            continue
        for name in _LIST_SEPARATOR.split(m["names"]):
            name = _IN_PLACE.sub("", name.strip()).strip()
            if name:
                name = canonical_agency(name) or name
                if name not in authors:
                    authors.append(name)
    return tuple(authors)


def _bare(text: str) -> bool:
    """A line that is only a name, without brackets or dash: "IANS"."""
    return parse_credit_line(text) is not None and SIGNOFF.fullmatch(text) is not None and text[0].isalnum()


def _spellings(canonical: str) -> tuple[str, ...]:
    return AGENCIES[canonical]


def _looks_like_source(source: str, known_only: bool) -> bool:
    if source == "agencies" or source in AGENCIES:
        return True
    words = source.split()
    return not known_only and len(words) <= 5 and all(w[0].isupper() for w in words)


def _is_name(text: str) -> bool:
    """A person's name: two to five words, each capitalised or an initial or a particle ("van", "de")."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    particles = {"van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al", "ibn"}
    return all(w[0].isupper() or w.lower() in particles for w in words) and words[0][0].isupper()


def _is_title(text: str) -> bool:
    """A job title after a byline ("Staff Writer", "Our Correspondent")."""
    return set(text.lower().split()) <= _TITLE_WORDS


def _is_organisation(text: str) -> bool:
    if canonical_agency(text) or agency_mention().search(text):
        return True
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[0].isupper() or w in {"of", "the", "and", "for"} for w in words)
