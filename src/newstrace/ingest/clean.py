"""The clean stage: cleaned body text and the metadata the body itself carries.

:func:`clean_article` runs these steps in order, each on the lines the earlier ones left:

1. captions (:mod:`~newstrace.ingest.captions`): photo captions and image credits glued into the body;
2. bylines (:mod:`~newstrace.ingest.credits`): "By Jane Doe, Reuters" in the first or last paragraphs;
3. credit lines at the end (:mod:`~newstrace.ingest.credits`): "(With inputs from IANS)", staff lines,
   sign-offs, syndication notices;
4. date stamps (:mod:`~newstrace.ingest.datestamps`): a line among the first that is only a date
   ("Posted: May 3, 2013 8:20 AM"), or only a date or time too short of parts to publish under
   ("09 / 10 / 10 08: 23 PM ET"), and a reading-time line ("5 min read");
5. the headline, when the first remaining line repeats the article's title (an export that gives the
   headline a field of its own and leaves it atop the body too): it is the title, not a statement;
6. the dateline (:mod:`~newstrace.ingest.datelines`) opening the first remaining line.

What is taken out is kept as :class:`~newstrace.model.RemovedPart` records and every credit found as a
:class:`~newstrace.model.Credit`, both with offsets into ``raw_text``. The rest of the body is kept as
written — lines stripped of surrounding whitespace, one ``"\\n"`` between lines of a paragraph and
``"\\n\\n"`` between paragraphs — so sentences can be cited by offsets into ``text``.
"""

from __future__ import annotations

import dataclasses
import re

from newstrace.annotate.gazetteer import lookup_key
from newstrace.ingest.agencies import AGENCIES
from newstrace.ingest.captions import find_captions
from newstrace.ingest.credits import Byline, find_bylines, find_trailing_credits
from newstrace.ingest.datelines import Dateline, parse_dateline
from newstrace.ingest.datestamps import (
    find_date_lines,
    find_date_stamps,
    first_lines,
    is_date_only,
    parse_date_stamp,
)
from newstrace.ingest.layout import Cut, Line, credit, cut, split_lines
from newstrace.ingest.text import MAX_TITLE_CHARS
from newstrace.model import Article, Credit, PartialDate, RemovedPart

# Credit kinds that name the agency whose copy this is, strongest first (see _outlet).
_PUBLISHER_KINDS = (("wire_dateline", "agency_marker"), ("byline",), ("inputs_from",))


def clean_article(article: Article) -> Article:
    """Clean an article's body and fill in the metadata its body carries.

    Returns a new :class:`Article` (the input is not changed) with:

    - ``text``: ``raw_text`` without captions, bylines, end credit lines, date stamps, a repeated
      headline and the dateline;
    - ``removed``: what was taken out, in order, ``raw_text[start:end] == text`` for each;
    - ``credits``: the article's credits from metadata (kept first), then every credit found in the body
      in order of position, ``raw_text[start:end] == text`` for each;
    - ``dateline_place``, ``byline``: from the dateline and a byline, when not already set;
    - ``title``: a title that is only a date or a time ("Updated: November 11, 2011 20:09 IST", "APR 28")
      gives way to the body's first line when that reads as a headline, else to none; a complete date in
      it counts as a date stamp (below) when the body has none;
    - ``published``: when not already set, or set without a day that the stamp's date agrees with (a
      URL's ``2013-05``), the first date stamp's date (``published_source="date_stamp"``, always
      complete), or the title's when it was one; else the dateline's date when not already set
      (``published_source="dateline"``); a date without a year stays without one (``XXXX-09-12``);
    - ``outlet``: when not already set, the agency that the copy names as its own
      (``outlet_source="credit"``): a wire dateline or agency marker first ("SEOUL, Sept 12 (Reuters) -",
      "(AP) —"), then an agency byline ("By Jane Doe, Reuters"), then a single "(With inputs from X)".
      The last is agency copy's own signature: IANS and PTI reports reprinted by portals end that way,
      and when nothing else names a publisher, the agency is it. "(With inputs from agencies)", several
      sources, or caption credits (a photo's agency is not the text's) leave ``outlet`` ``None``.

    Cleaning twice gives the same article: ``removed`` is recomputed from ``raw_text`` and credits
    already present are not repeated.

    Args:
        article: an article as a reader made it (``raw_text`` set, ``text`` usually empty).

    Returns:
        The cleaned copy.

    Example:
        >>> from newstrace.model import SourceRef
        >>> a = clean_article(Article("SEOUL, Sept 12 (Reuters) - Talks began.", SourceRef("-", "text")))
        >>> a.text, a.dateline_place, a.outlet, a.published.iso()
        ('Talks began.', 'Seoul', 'Reuters', 'XXXX-09-12')
    """
    raw = article.raw_text
    lines = split_lines(raw)

    cuts, taken = find_captions(raw, lines)
    byline_cuts, byline = find_bylines(raw, lines, taken)
    cuts += byline_cuts
    taken |= _covered(lines, byline_cuts)
    credit_cuts = find_trailing_credits(raw, lines, taken)
    cuts += credit_cuts
    taken |= _covered(lines, credit_cuts)

    stamps = find_date_stamps(lines, taken)
    cuts += [cut(raw, "date_stamp", s.start, s.end) for s in stamps]
    taken |= {i for i, line in enumerate(lines) if any(s.start == line.start for s in stamps)}
    for i in find_date_lines(lines, taken):
        cuts.append(cut(raw, "date_stamp", lines[i].start, lines[i].end))
        taken.add(i)
    for i, line in first_lines(lines, taken):
        if READING_TIME.match(line.text.strip()):
            cuts.append(cut(raw, "boilerplate", line.start, line.end))
            taken.add(i)

    title_fields: dict[str, object] = {}
    if article.title is not None and is_date_only(article.title):
        title_fields = _stamp_title_fields(article, lines, taken)
    named = _without_outlet(title_fields.get("title", article.title), article.outlet)  # type: ignore[arg-type]
    if named != title_fields.get("title", article.title):
        title_fields["title"] = named
    headline = _repeated_title(lines, taken, named)
    if headline is not None:
        cuts.append(cut(raw, "headline", lines[headline].start, lines[headline].end))
        taken.add(headline)

    dateline = _dateline(lines, taken)
    if dateline is not None:
        found: tuple[Credit, ...] = ()
        if dateline.source is not None and dateline.credit_kind is not None:
            found = (credit(raw, dateline.source, dateline.credit_kind, dateline.start, dateline.end),)
        cuts.append(cut(raw, "dateline", dateline.start, dateline.end, found))

    cuts.sort(key=lambda c: (c.removed.start, c.removed.end))
    removed = [c.removed for c in cuts]
    credits = _merge_credits(article.credits, [cr for c in cuts for cr in c.credits])
    updates: dict[str, object] = {
        "text": _assemble(raw, lines, removed),
        "removed": removed,
        "credits": credits,
    }
    if stamps and _refines(article.published, stamps[0].date):
        updates["published"] = stamps[0].date
        updates["published_source"] = "date_stamp"
        article = dataclasses.replace(article, published=stamps[0].date)
    updates.update(title_fields)
    if "published" in title_fields:
        article = dataclasses.replace(article, published=title_fields["published"])  # type: ignore[arg-type]
    updates.update(_dateline_fields(article, dateline))
    updates.update(_byline_fields(article, byline))
    if article.outlet is None and (outlet := _outlet(credits)) is not None:
        updates["outlet"] = outlet
        updates["outlet_source"] = "credit"
    return dataclasses.replace(article, **updates)  # type: ignore[arg-type]


def _covered(lines: list[Line], cuts: list[Cut]) -> set[int]:
    """Indexes of lines that a cut removes whole."""
    spans = {(c.removed.start, c.removed.end) for c in cuts}
    return {i for i, line in enumerate(lines) if (line.start, line.end) in spans}


def _dateline(lines: list[Line], taken: set[int]) -> Dateline | None:
    """The dateline opening the first line that no earlier step removed."""
    for i, line in enumerate(lines):
        if i not in taken:
            return parse_dateline(line.text, line.start)
    return None


def _assemble(raw: str, lines: list[Line], removed: list[RemovedPart]) -> str:
    """The body without the removed spans: lines stripped, "\\n" within and "\\n\\n" between paragraphs."""
    paragraphs: dict[int, list[str]] = {}
    spans = sorted((r.start, r.end) for r in removed)
    for line in lines:
        pieces = []
        pos = line.start
        for start, end in spans:
            if end <= pos or start >= line.end:
                continue
            if start > pos:
                pieces.append(raw[pos:start])
            pos = max(pos, end)
        if pos < line.end:
            pieces.append(raw[pos : line.end])
        # Cuts only ever take a line's start (dateline) or end (glued credit), so at most one piece is left.
        kept = " ".join(p.strip() for p in pieces if p.strip())
        if kept:
            paragraphs.setdefault(line.paragraph, []).append(kept)
    return "\n\n".join("\n".join(p) for p in paragraphs.values())


def _merge_credits(present: list[Credit], found: list[Credit]) -> list[Credit]:
    """Metadata credits first, then the body's in order of position, each once."""
    seen: set[tuple[str, str, int, int]] = set()
    merged: list[Credit] = []
    positional = [c for c in present if c.start >= 0] + found
    for c in [c for c in present if c.start < 0] + sorted(positional, key=lambda c: (c.start, c.end)):
        key = (c.source, c.kind, c.start, c.end)
        if key not in seen:
            seen.add(key)
            merged.append(c)
    return merged


def _dateline_fields(article: Article, dateline: Dateline | None) -> dict[str, object]:
    fields: dict[str, object] = {}
    if dateline is None:
        return fields
    if article.dateline_place is None and dateline.place is not None:
        fields["dateline_place"] = dateline.place
    if article.published is None and dateline.date is not None:
        fields["published"] = dateline.date
        fields["published_source"] = "dateline"
    return fields


def _refines(published: PartialDate | None, stamp: PartialDate) -> bool:
    """Whether a date stamp's complete date should replace ``published``: none is set, or the one set
    lacks a part and agrees with the stamp on every part it has (a URL's ``/2013/05/`` and a stamp's
    "May 3, 2013"). A complete date, or one that disagrees, is kept: metadata and URL dates are the
    publisher's own, and a stamp that disagrees may be an "Updated" date."""
    if published is None:
        return True
    if published.is_complete:
        return False
    parts = ((published.year, stamp.year), (published.month, stamp.month), (published.day, stamp.day))
    return all(mine is None or mine == theirs for mine, theirs in parts)


def _stamp_title_fields(article: Article, lines: list[Line], taken: set[int]) -> dict[str, object]:
    """A title that is only a date or a time (a feed or export took the page's stamp line for the
    headline) is no title: the body's first remaining line takes its place when it reads as a headline
    (short, no closing period, more text after it), else there is none. The stamp's date counts as a date
    stamp's when the body gave none."""
    fields: dict[str, object] = {"title": None}
    date = parse_date_stamp(str(article.title))
    if date is not None and _refines(article.published, date):
        fields["published"] = date
        fields["published_source"] = "date_stamp"
    rest = [line for i, line in enumerate(lines) if i not in taken and line.text.strip()]
    if len(rest) > 1:
        first = " ".join(rest[0].text.split())
        if len(first) <= MAX_TITLE_CHARS and not first.endswith(".") and not is_date_only(first):
            fields["title"] = first
    return fields


# A page's reading-time line near the top: "5 min read", "Reading time: 3 minutes", "4-minute read".
READING_TIME = re.compile(
    r"(?:reading time:?\s*)?(?:about\s+)?\d+(?:\s*|-)(?:min|mins|minutes?)\.?(?:\s+read(?:ing time)?)?$",
    re.IGNORECASE,
)

# What joins a page's own name to a headline in its <title>: "… - TechCrunch", "… | MoreBikes",
# "LinkNaija | Nigeria's popular news platform: …".
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|·:]{1,2}\s+|:\s+")


def _without_outlet(title: str | None, outlet: str | None) -> str | None:
    """The headline without the outlet's name that pages put before or after it ("New York State Attorney
    General reportedly investigating WeWork – TechCrunch"): a part at either end, cut at a separator, whose
    spelling is the outlet's or the start of it ("| Inexhibit" for "Inexhibit magazine"). Anything else
    after a separator is the headline's own ("Opinion | Republicans Are Following Trump to Nowhere")."""
    if not title or not outlet:
        return title
    key = lookup_key(outlet)
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    if not key or not cuts:
        return title
    for cut_at in cuts:  # the whole name, separators and all: "LinkNaija | Nigeria's popular news platform"
        head, tail = title[: cut_at.start()], title[cut_at.end() :]
        if tail.strip() and lookup_key(head) == key:
            return tail.strip()
        if head.strip() and lookup_key(tail) == key:
            return head.strip()
    head, tail = title[: cuts[-1].start()], title[cuts[-1].end() :]
    if head.strip() and _names_outlet(tail, key):
        return head.strip()
    head, tail = title[: cuts[0].start()], title[cuts[0].end() :]
    if tail.strip() and _names_outlet(head, key):
        return tail.strip()
    return title


def _names_outlet(part: str, outlet_key: str) -> bool:
    key = lookup_key(part)
    return len(key) >= 3 and (key == outlet_key or outlet_key.startswith(key) or key.startswith(outlet_key))


def _repeated_title(lines: list[Line], taken: set[int], title: str | None) -> int | None:
    """The index of the body's first remaining line when it repeats the headline (case and spacing
    aside), as exports that give the headline a field of its own often do; else None. A title that ends
    with a period is a lead sentence standing in for a headline, and stays in the body."""
    if not title or title.rstrip().endswith("."):
        return None
    for i, line in enumerate(lines):
        if i in taken:
            continue
        same = " ".join(line.text.split()).casefold() == " ".join(title.split()).casefold()
        return i if same else None
    return None


def _byline_fields(article: Article, byline: Byline | None) -> dict[str, object]:
    if article.byline is not None or byline is None:
        return {}
    return {"byline": ", ".join(byline.names)}


def _outlet(credits: list[Credit]) -> str | None:
    """The agency the copy names as its publisher (see :func:`clean_article`), or ``None``."""
    for kinds in _PUBLISHER_KINDS:
        sources = list(dict.fromkeys(c.source for c in credits if c.kind in kinds and c.start >= 0))
        if kinds == ("inputs_from",):
            # One named agency only: "(With inputs from PTI and agencies)" names no single publisher.
            return sources[0] if len(sources) == 1 and sources[0] != "agencies" else None
        if kinds == ("byline",):
            sources = [s for s in sources if s in AGENCIES]  # a person's name is no publisher
        sources = [s for s in sources if s != "agencies"]
        if sources:
            return sources[0]
    return None
