"""Records passed between the pipeline stages.

Data flows one way::

    read ─► clean ─► annotate ─► group ─► compare ─► brief ─► store / render

Every record here is plain data (dataclasses with ``__slots__``); stages take and return these, never
bare tuples. Offsets are always Python string indices (code points), half-open ``[start, end)``:

- :class:`Credit` and :class:`RemovedPart` point into :attr:`Article.raw_text` (the body as read,
  before cleaning), so what cleaning removed is kept and can still be shown in place;
- everything downstream (:class:`Citation`, sentences, briefs) points into :attr:`Article.text`, the
  cleaned body.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

# Kinds of credit: where a line or marker says the copy came from.
CreditKind = Literal[
    "inputs_from",  # "(With inputs from IANS)"
    "agency_marker",  # "(AP) —", "WASHINGTON (AP) —"
    "wire_dateline",  # "SEOUL, Sept 12 (Reuters) -"
    "caption",  # an image caption or photo credit glued into the body: "...PutinIANS", "Photo: AFP"
    "byline",  # "By Jane Doe, Reuters"
    "metadata",  # a publisher / source field of the input (JSONL outlet, feed source, HTML meta)
]

# Kinds of text that cleaning takes out of the body (kept, never lost).
RemovedKind = Literal["caption", "credit_line", "dateline", "date_stamp", "headline", "boilerplate"]

# Where a metadata value came from, most trusted first.
# "date_stamp": a line of its own near the top of the body that is only a date ("Posted: May 3, 2013").
ValueSource = Literal["metadata", "feed", "warc", "url", "date_stamp", "dateline", "credit", "path"]

InputFormat = Literal["text", "html", "jsonl", "feed", "warc"]

# Runs of whitespace, collapsed when hashing content.
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date of which any part may be unknown.

    A dateline "September 12" gives ``PartialDate(None, 9, 12)``: the year is not invented.

    Example:
        >>> PartialDate(None, 9, 12).iso()
        'XXXX-09-12'
        >>> PartialDate.from_iso('2023-09').month
        9
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not in 1..12")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day {self.day} is not in 1..31")

    @property
    def is_complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def iso(self) -> str:
        """TimeML-style value: unknown parts are ``X``; trailing unknown parts are dropped."""
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.month is None and self.day is None:
            return year
        month = f"{self.month:02d}" if self.month is not None else "XX"
        if self.day is None:
            return f"{year}-{month}"
        return f"{year}-{month}-{self.day:02d}"

    @classmethod
    def from_iso(cls, value: str) -> PartialDate:
        """Parse what :meth:`iso` writes (``2023-09-12``, ``XXXX-09-12``, ``2023-09``, ``2023``)."""
        parts = value.split("-")
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"not a partial ISO date: {value!r}")
        nums = [None if set(p) == {"X"} else int(p) for p in parts]
        nums += [None] * (3 - len(nums))
        return cls(nums[0], nums[1], nums[2])

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Credit:
    """A line or marker naming where the copy came from ("(With inputs from IANS)" → IANS).

    ``start``/``end`` index :attr:`Article.raw_text`; both are -1 for a credit taken from metadata.
    """

    source: str
    kind: CreditKind
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class RemovedPart:
    """Text that cleaning took out of the body, with its place in :attr:`Article.raw_text`."""

    kind: RemovedKind
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an article was read: a file (and line, for JSONL), a feed entry, a WARC record, or stdin."""

    path: str
    format: InputFormat
    line: int | None = None  # 1-based line for JSONL, entry number for feeds, record number for WARC

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(slots=True)
class Article:
    """One news report, as read and (after :func:`newstrace.ingest.clean.clean_article`) cleaned.

    ``text`` is empty until cleaning; all annotation offsets index it. ``id`` and ``revision`` are set
    once the store has kept the article.
    """

    raw_text: str
    source: SourceRef
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: ValueSource | None = None
    byline: str | None = None
    published: PartialDate | None = None
    published_source: ValueSource | None = None
    dateline_place: str | None = None
    credits: list[Credit] = field(default_factory=list)
    removed: list[RemovedPart] = field(default_factory=list)
    external_id: str | None = None
    id: int | None = None
    revision: int | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the cleaned text (raw text before cleaning), whitespace-collapsed and NFC-normalised.

        Two inputs with this hash carry the same report; the store keeps one article for them.
        """
        body = self.text or self.raw_text
        norm = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", body)).strip()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()

    @property
    def label(self) -> str:
        """The name a user gave this article: the JSONL ``id`` if any, else where it was read."""
        return self.external_id or str(self.source)


@dataclass(frozen=True, slots=True)
class Rejection:
    """One input that could not be read, and why, in the run report's ``path[:line]: reason`` form."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


StoreStatus = Literal["new", "revision", "unchanged"]


@dataclass(frozen=True, slots=True)
class Stored:
    """What the store did with one article."""

    article_id: int
    revision: int
    status: StoreStatus


@dataclass(slots=True)
class RunReport:
    """Counts and one reason per rejected input, for one ingest run."""

    read: int = 0
    new: int = 0
    revisions: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def count(self, stored: Stored) -> None:
        self.read += 1
        if stored.status == "new":
            self.new += 1
        elif stored.status == "revision":
            self.revisions += 1
        else:
            self.unchanged += 1


@dataclass(frozen=True, slots=True)
class Story:
    """Articles reporting the same event. ``id`` is set by the store."""

    article_ids: tuple[int, ...]
    title: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` range of an article's cleaned text (a sentence, a token run)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Citation:
    """A span of one article's cleaned text: ``Article.text[start:end] == text``."""

    article_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class BriefArticle:
    """An article as the brief lists it."""

    article_id: int
    label: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None  # PartialDate.iso()
    published_source: str | None
    dateline_place: str | None
    byline: str | None
    credits: tuple[str, ...]  # credited sources, deduplicated, in order of appearance
    revision: int
    # How the publication date was completed when it was inferred ("weekday" or "story"), how sure, and
    # the text that completed it; None / () for a date read as is.
    published_inferred_by: str | None = None
    # The completed date (PartialDate.iso()); ``published`` stays as read.
    published_inferred: str | None = None
    published_confidence: float | None = None
    published_evidence: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class SharedSentence:
    """A sentence found (near-)verbatim in several articles; ``similarity`` is the lowest pairwise score."""

    citations: tuple[Citation, ...]
    similarity: float


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: one direct, indirect or mixed quote in one article (``annotate/quotes.py``).

    ``speaker`` is the mention as written ("she", "the ministry", "Watson"); ``speaker_name`` the name it
    resolves to in the article ("Adrienne Watson"), or None when the text gives none. Anonymous sources
    ("a railway source", "officials") are kept with ``anonymous`` set.
    """

    kind: QuoteKind
    content: Citation  # direct: the words inside the marks (all paragraphs of a long quote); else the clause
    cue: Citation  # "said", "told reporters", "added", "according to"
    speaker: Citation | None
    speaker_name: str | None
    anonymous: bool = False
    channel: str | None = None  # "told Yonhap News Agency" → "Yonhap News Agency"
    affiliation: str | None = None  # "a spokesperson at the South Korean Defence Ministry" → the ministry


# How a fact is attributed: "according to X", "X reported", "citing X", "told X", "via X", "X confirmed",
# "X said", "state media", and credits of the whole article ("(With inputs from IANS)", "(AP)").
AttributionKind = Literal["according_to", "reported", "citing", "told", "via", "confirmed", "said", "credit"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reported fact linked to its source and, for chains, the source's own sources.

    "reported CNN citing Russian state news agency RIA" → ``source="CNN"``, ``chain=("RIA",)``. A credit
    of the whole article has ``cue=None`` (cleaning removed the credit line) and ``credit`` set to it.
    """

    kind: AttributionKind
    content: Citation  # the attributed statement
    cue: Citation | None
    source: str
    chain: tuple[str, ...] = ()  # the source's own sources, nearest first; the last is the origin
    anonymous: bool = False
    credit: str | None = None  # the removed credit text, for kind "credit"


QuoteMatchKind = Literal["verbatim", "truncated", "reworded", "indirect"]


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """The same quote in several articles: verbatim, truncated, reworded, or turned into indirect speech.

    ``differences`` says, per quote after the first, which words changed (empty for verbatim copies).
    """

    speaker: str | None
    kind: QuoteMatchKind
    quotes: tuple[Quote, ...]
    differences: tuple[str, ...] = ()


ProvenanceNodeKind = Literal["article", "outlet", "agency", "source"]
ProvenanceEdgeKind = Literal["published_by", "copy_of", "cites", "quotes"]


@dataclass(frozen=True, slots=True)
class ProvenanceNode:
    """An article, an outlet, an agency, or an original source (a person, a ministry, state media)."""

    id: str  # "article:3", "outlet:cnn", "source:kcna": stable within one graph
    kind: ProvenanceNodeKind
    label: str
    article_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProvenanceEdge:
    """``source`` relies on ``target``: an article published by an outlet, a copy of, cites, quotes."""

    source: str
    target: str
    kind: ProvenanceEdgeKind
    evidence: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementOrigins:
    """One statement of a story (a sentence, or a group of matched sentences) and its independent origins."""

    citations: tuple[Citation, ...]
    origins: tuple[str, ...]  # node ids; two articles relying on KCNA give one origin, KCNA


@dataclass(frozen=True, slots=True)
class ProvenanceGraph:
    """Where a story's claims came from: nodes, edges, and the independent origins of each statement."""

    nodes: tuple[ProvenanceNode, ...]
    edges: tuple[ProvenanceEdge, ...]
    statements: tuple[StatementOrigins, ...] = ()
    shared_origins: tuple[str, ...] = ()  # origin node ids two or more independent articles rely on


# TimeML (TIMEX3) types of a time expression.
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression of an article's cleaned text, normalised to a TimeML (TIMEX3) value.

    ``value`` is e.g. ``2023-09-10TAF``, ``2023-W36``, ``P4Y``, ``PRESENT_REF``, ``XXXX-09-12``; ``mod`` a
    TimeML modifier (``START``, ``MORE_THAN``, ...); ``anchor`` the reference date it was resolved
    against (ISO), or None when it needed none or had none.
    """

    article_id: int
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """An article's publication date, how it was known, and the text that completed it when inferred.

    ``inferred_by`` is None for a date read as is (``source`` says from where), ``"weekday"`` when a
    weekday and a month-day in the text fixed the year, ``"story"`` when the story's other articles did.
    """

    article_id: int
    value: PartialDate | None
    source: str | None
    confidence: float
    inferred_by: str | None = None
    evidence: tuple[Citation, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One point or period of a story's timeline and the sentences (clauses) that place something there.

    ``value`` is the TimeML value; ``first``/``last`` the ISO days it covers (for ordering and drawing);
    ``times`` cites each time expression, ``citations`` the sentence around it, one or more per article.
    """

    value: str
    first: str
    last: str
    times: tuple[Citation, ...]
    citations: tuple[Citation, ...]


# How a copy relates to its original: the same words, a light edit, or a part of it (truncated or
# embedded among other paragraphs).
CopyKind = Literal["exact", "near", "contained"]


@dataclass(frozen=True, slots=True)
class CopyRelation:
    """``copy_id`` is a copy of ``original_id`` (edges of a copy tree whose root is the likely original).

    ``similarity`` is the Jaccard similarity of the two articles' word 3-shingle sets; ``containment`` the
    share of the smaller article's shingles found in the other.
    """

    copy_id: int
    original_id: int
    kind: CopyKind
    similarity: float
    containment: float


@dataclass(frozen=True, slots=True)
class BriefCopy:
    """A copy relation as the brief shows it: each side cites its first sentence shared with the other."""

    copy: Citation
    original: Citation
    kind: CopyKind
    similarity: float
    containment: float


EntityType = Literal["PER", "ORG", "LOC"]  # GPE folded into LOC, as in UNER


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One name found in one article by :func:`newstrace.annotate.entities.find_entities`.

    ``Article.text[start:end] == text``; titles ("President") are outside the span.
    """

    article_id: int
    start: int
    end: int
    text: str
    type: EntityType


# How an alias relates to its entity's canonical name.
AliasKind = Literal["canonical", "form", "short", "acronym", "expansion", "official", "variant"]


@dataclass(frozen=True, slots=True)
class EntityAlias:
    """One spelling of an entity, with every place it is written (its sources)."""

    name: str
    kind: AliasKind
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SpellingVariant:
    """Two spellings of one name that differ by a letter or two: linked, and shown as a discrepancy.

    ``form`` is the majority (or longer-attested) spelling, ``variant`` the odd one; ``typo`` is set when
    the variant is also a truncated name ("King Jong" for "Kim Jong Un").
    """

    form: str
    variant: str
    form_citations: tuple[Citation, ...]
    variant_citations: tuple[Citation, ...]
    typo: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place of a story with all its aliases linked across articles."""

    canonical: str
    type: EntityType
    aliases: tuple[EntityAlias, ...]
    mentions: tuple[Citation, ...]  # by article, in text order
    variants: tuple[SpellingVariant, ...] = ()


ClaimLabel = Literal["agreed", "single", "conflicting"]


@dataclass(frozen=True, slots=True)
class Difference:
    """Two values of one claim that differ: a conflict, or compatible with the reason why not."""

    kind: str  # number | date | time | name | role | quote
    sides: tuple[Citation, Citation]  # the two values, each cited
    conflict: bool
    reason: str  # "12 vs 14 missing", "rounding: about 1,200 and 1,187", "spelling: Ha-kyou / Ha-kyu"


@dataclass(frozen=True, slots=True)
class Claim:
    """Statements of several (or one) articles that say the same thing, and what that adds up to.

    ``origins`` counts independent origins: copies of one dispatch are one origin.
    """

    label: ClaimLabel
    statements: tuple[Citation, ...]  # one per article, earliest article first
    origins: tuple[str, ...]  # a label per independent origin (the origin's outlet or article label)
    differences: tuple[Difference, ...] = ()
    similarity: float = 1.0  # lowest alignment score between two statements of the claim


@dataclass(frozen=True, slots=True)
class Brief:
    """A cross-source brief of one story: extractive, every line cites article id and span."""

    story_id: int
    title: str
    articles: tuple[BriefArticle, ...]
    shared: tuple[SharedSentence, ...]
    single: tuple[Citation, ...]  # sentences found in only one article
    summary: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()  # by article, in text order
    quote_matches: tuple[QuoteMatch, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    provenance: ProvenanceGraph | None = None
    timeline: tuple[TimelineEvent, ...] = ()  # ordered by time, merged across articles
    copies: tuple[BriefCopy, ...] = ()  # copy-tree edges, originals first
    entities: tuple[Entity, ...] = ()  # most-mentioned first
    claims: tuple[Claim, ...] = ()  # agreed, then conflicting, then single-source
