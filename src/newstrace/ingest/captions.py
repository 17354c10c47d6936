"""Photo captions and image credits that page extraction glued into the body.

A caption is a whole line. Three kinds are recognised:

1. a short title-case line without final punctuation that is repeated on the next line, the copy
   often with the agency glued on (an image's alt text above its caption)::

       Kim Jong-Un Arrives In Russia For Rare Summit With Putin
       Kim Jong-Un Arrives In Russia For Rare Summit With PutinIANS      → caption credit IANS

2. such a title-case line, not repeated, ending in a known agency glued to the last word
   ("…Bulletproof TrainIANS"), or in a name outside the agency table glued the same way when that name
   also stands on its own elsewhere in the body or ends another caption ("…Port HalvardNordwire" in a
   report quoting Nordwire);
3. labelled captions: "Photo: AFP", "(Photo/Reuters)", "File photo/AP", "Image credit: Twitter/@x",
   "Representative image", "Image: Kim at the station (Reuters)", "AP Photo/Jane Doe",
   "REUTERS/Jane Doe", or a line ending "(Photo: Reuters)" or ". Photo: Nordwire".

Sentences stay: a line with final punctuation is never a title-case caption, and a short title-case
line that is neither repeated nor credited (a subheading) is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.ingest.agencies import agency_mention, canonical_agency, glued_agency
from newstrace.ingest.layout import Cut, Line, credit, cut

# Longest caption line: alt texts and captions run to ~30 words; a longer line is body text.
MAX_CAPTION_CHARS = 250
# Longest title-case line taken for a caption (headline-length: the longest headlines run ~20 words).
MAX_TITLE_WORDS = 25
# Share of significant words that must be capitalised for "title case": real headlines reach 1.0, a
# sentence opening with two names ("Kim Jong Un met Putin on Tuesday") stays below 0.6.
MIN_TITLE_SHARE = 0.8

# Words headline style may leave lower-case.
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over",
    "per", "the", "to", "up", "upon", "via", "vs", "with",
})  # fmt: skip
# A caption label and what follows it: "Photo: AFP", "(File photo/AP)", "Image credit - Twitter".
LABELLED = re.compile(
    r"^[(\[]?\s*(?P<label>(?:file\s+)?(?:photo(?:graph)?s?|pictures?|pics?|images?|videos?|graphics?)"
    r"(?:\s+(?:credits?|courtesy|source))?|(?:photo\s+)?courtesy|credits?)"
    r"\s*(?P<sep>[:/|]|\s[-–—]\s|\bby\b)\s*(?P<rest>[^\n]{1,200}?)\s*[)\]]?$",
    re.IGNORECASE,
)
# A caption that is only a label: "Representative image", "(File photo)", "Image for representation".
BARE_LABEL = re.compile(
    r"^[(\[]?\s*(?:(?:representative|representational|file|archive|stock)\s+(?:image|photo|picture|pic)s?"
    r"|(?:image|photo)s?\s+(?:used\s+)?for\s+(?:representation|representational\s+purposes?))"
    r"\s*[)\]]?\.?$",
    re.IGNORECASE,
)
# A photographer's credit led by the agency: "AP Photo/Jae C. Hong", "REUTERS/Kim Hong-Ji".
AGENCY_PHOTO = re.compile(
    r"^(?P<agency>[^\W\d_][\w. -]{1,40}?)(?:\s+(?i:photos?|images?|pictures?))?\s*/\s*(?P<who>[^/\n]{2,60})$"
)
# A description with its credit at the end: "Kim waves from his train. (Photo: Reuters)".
TRAILING_PHOTO_CREDIT = re.compile(
    r"[(\[]\s*(?:file\s+)?(?:photo|image|picture|pic)s?(?:\s+credits?)?\s*(?::|/|\bby\b)\s*"
    r"(?P<rest>[^()\[\]\n]{1,60}?)\s*[)\]]$",
    re.IGNORECASE,
)
# A description ending in an unbracketed credit: "The hull off the harbour on Friday. Photo: Nordwire",
# "Rescuers at the pier | Image: Jane Doe/AFP".
TRAILING_PHOTO_LABEL = re.compile(
    r"(?:(?<=[.!?\"”’])\s+|\s+[|–—-]\s+)(?:file\s+)?(?:photo|image|picture|pic)s?(?:\s+credits?)?\s*(?::|/|\bby\b)"
    r"\s*(?P<rest>[^.!?\n]{1,60})$",
    re.IGNORECASE,
)
# Most words a credit ("Photo by …", "Credit: …") may hold; more is a sentence ("Pictures by the dozen …").
MAX_CREDIT_WORDS = 8
# A name not in the agency table glued to the last word of a line: "…Port HalvardNordwire",
# "…With PutinVNA". Unlike a known agency it counts only with more evidence (see find_captions); the
# stem before it must have three letters or more, so "McDonald" and "DeSantis" never split.
UNKNOWN_GLUE = re.compile(r"(?<![^\W\d_])(?P<stem>[^\W\d_]*[a-z])(?P<agency>[A-Z][a-z]{2,20}|[A-Z]{2,6})$")
# The end of a sentence: a caption in title case never ends this way.
_FINAL_PUNCTUATION = re.compile(r"[.,;:]['\"”’)]?$")


def find_captions(raw_text: str, lines: list[Line]) -> tuple[list[Cut], set[int]]:
    """Caption lines of a body, each removed whole, with the credits they carry.

    Args:
        raw_text: the body as read.
        lines: its lines (:func:`~newstrace.ingest.layout.split_lines`).

    Returns:
        The cuts in order, and the indexes (into ``lines``) of the lines they remove.
    """
    cuts: list[Cut] = []
    taken: set[int] = set()
    glues = [_title_glue(line.text) for line in lines]
    glue_counts: dict[str, int] = {}
    for glue in glues:
        if glue is not None and glue.name is not None:
            glue_counts[glue.name] = glue_counts.get(glue.name, 0) + 1
    for i, line in enumerate(lines):
        if i in taken:
            continue
        glue = glues[i]
        following = glues[i + 1] if i + 1 < len(lines) else None
        if glue is not None and following is not None and following.core == glue.core:
            # A repeated title-case line: the alt text and the caption of one image. Where the copies
            # differ, the extra tail is the glued credit, known agency or not.
            for j, g in ((i, glue), (i + 1, following)):
                source = g.source if lines[i].text != lines[i + 1].text else None
                cuts.append(_caption_cut(raw_text, lines[j], source))
                taken.add(j)
            continue
        if (
            glue is not None
            and glue.source is not None
            and (
                glue.known
                or glue_counts[glue.name or ""] > 1
                or _named_elsewhere(raw_text, line, glue.source)
            )
        ):
            cuts.append(_caption_cut(raw_text, line, glue.source))
            taken.add(i)
            continue
        labelled = _labelled_caption(line.text)
        if labelled is not None:
            cuts.append(_caption_cut(raw_text, line, labelled or None))
            taken.add(i)
    return cuts, taken


def caption_source(text: str) -> str | None:
    """The source a labelled caption line credits ("Photo: Jane Doe/AFP" → "AFP"), or ``None``.

    Returns ``None`` both for lines that are not captions and for captions naming no source; use
    :func:`find_captions` to tell them apart.
    """
    return _labelled_caption(text) or None


def is_title_case(text: str) -> bool:
    """Whether a line reads as a headline: short, capitalised words, no final sentence punctuation.

    Example:
        >>> is_title_case("Kim Jong-Un Arrives In Russia For Rare Summit With Putin")
        True
        >>> is_title_case("Officials declined to comment.")
        False
    """
    if len(text) > MAX_CAPTION_CHARS or _FINAL_PUNCTUATION.search(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text)]
    if not 2 <= len(words) <= MAX_TITLE_WORDS:
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised / len(significant) >= MIN_TITLE_SHARE and words[0][0].isupper()


@dataclass(frozen=True, slots=True)
class _Glue:
    """A title-case line split into its text and a name glued to its end ("…HarbourtonIANS")."""

    core: str
    name: str | None  # the glued name as written
    source: str | None  # canonical when known
    known: bool


def _title_glue(text: str) -> _Glue | None:
    """Split a glued name off a title-case line; ``None`` when the line (without it) is not title case."""
    if len(text) > MAX_CAPTION_CHARS:
        return None
    core, name, source, known = text, None, None, False
    if m := glued_agency().search(text):
        name = m["agency"]
        source, known = canonical_agency(name), True
    elif (m := UNKNOWN_GLUE.search(text)) and len(m["stem"]) >= 3:
        name = source = m["agency"]
    if m is not None and name is not None:
        core = text[: m.start("agency")].rstrip()
    if not is_title_case(core):
        return None
    return _Glue(core, name, source, known)


def _named_elsewhere(raw_text: str, line: Line, name: str) -> bool:
    """Whether ``name`` stands as a word of its own somewhere in the body outside ``line``."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(m.start() < line.start or m.start() >= line.end for m in pattern.finditer(raw_text))


def _labelled_caption(text: str) -> str | None:
    """``None`` if the line is no labelled caption; else the credited source, or ``""`` for none."""
    if len(text) > MAX_CAPTION_CHARS:
        return None
    if BARE_LABEL.match(text):
        return ""
    if m := LABELLED.match(text):
        label = m["label"].lower()
        credit_label = "credit" in label or "courtesy" in label or m["sep"].strip().lower() == "by"
        if credit_label and (len(m["rest"].split()) > MAX_CREDIT_WORDS or m["rest"].endswith(".")):
            return None
        return _source_in(m["rest"], credit_label)
    m = AGENCY_PHOTO.match(text)
    agency = canonical_agency(m["agency"]) if m else None
    if m and agency and len(m["who"].split()) <= 5 and not m["who"].endswith("."):
        return agency
    if len(text.split()) <= 40:  # a caption's description runs to a sentence or two
        if m := TRAILING_PHOTO_CREDIT.search(text):
            return _source_in(m["rest"], credit_label=True)
        if (m := TRAILING_PHOTO_LABEL.search(text)) and len(m["rest"].split()) <= 5:
            return _source_in(m["rest"], credit_label=True)
    return None


def _source_in(rest: str, credit_label: bool) -> str:
    """The source named after a caption label: a known agency, a credit, a name; ``""`` for a description."""
    rest = rest.strip().rstrip(".")
    if known := canonical_agency(rest):
        return known
    for part in reversed(re.split(r"\s*[/|]\s*", rest)):
        if known := canonical_agency(part):
            return known  # "Jane Doe/AFP"
    if m := agency_mention().search(rest):
        return canonical_agency(m.group(0)) or m.group(0)  # "Kim at the station (Reuters)"
    words = rest.split()
    if credit_label or (len(words) <= 4 and all(w[0].isupper() for w in words)):
        return rest  # "Image credit: Twitter/@x", "Photo: Jane Doe"
    return ""


def _caption_cut(raw_text: str, line: Line, source: str | None) -> Cut:
    credits = (credit(raw_text, source, "caption", line.start, line.end),) if source else ()
    return cut(raw_text, "caption", line.start, line.end, credits)
