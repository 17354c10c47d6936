"""The gold set for the cross-source brief (issue 7): load it, resolve every cited text, check its rules.

Usage::

    .venv/bin/python benchmarks/claims_gold.py [path/to/benchmarks/gold/claims]

Prints one row per story (articles, claims by label, conflicts by kind, compatible differences) and the
totals; exits 1 with a one-line reason naming the story and claim when the gold is malformed.

Each story is a folder holding plain-text articles and a ``gold.json`` (the format is described in
``benchmarks/gold/claims/README.md``). Every ``text`` in ``gold.json`` is resolved to ``(file, start,
end)`` offsets into the article *body*: the file's text with the headline line and the blank line after it
dropped, then stripped — the body :func:`newstrace.ingest.text.split_title` gives ``Article.raw_text``.
A text must occur exactly once in its article's body; one that is missing or found twice is an error,
never a guess.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

DEFAULT_ROOT = Path(__file__).resolve().parent / "gold" / "claims"

Label = Literal["agreed", "single", "conflicting"]
LABELS: tuple[Label, ...] = ("agreed", "single", "conflicting")
CONFLICT_KINDS = ("number", "date", "time", "name", "place", "role", "quote")
# Why two differing statements are still compatible; "equivalent" covers the same value said two ways
# ("a five-year contract" / "a contract until 2028").
COMPATIBLE_WHYS = ("rounding", "vaguer", "update", "equivalent")
# The same limit newstrace.ingest.text applies before it takes a first line as a headline.
MAX_HEADLINE_CHARS = 150
MIN_ARTICLES, MAX_ARTICLES = 3, 8


class GoldError(ValueError):
    """The gold set is malformed; the message names the story (and claim) and says what to fix."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One cited text: ``GoldArticle.body[start:end] == text``."""

    article: str
    file: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a story, as newstrace reads it (headline apart, body as ``raw_text``)."""

    key: str
    file: str
    outlet: str
    published: date
    copy_of: str | None
    headline: str
    body: str


@dataclass(frozen=True, slots=True)
class GoldConflict:
    """Incompatible values of one claim, one side per article that states a value."""

    kind: str
    sides: tuple[GoldSpan, ...]


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One claim: every article's statement of it, its label, and its conflict when it has one."""

    id: str
    label: Label
    mentions: tuple[GoldSpan, ...]
    conflict: GoldConflict | None


@dataclass(frozen=True, slots=True)
class GoldCompatible:
    """Two or more differing statements that are *not* a conflict, and why."""

    kind: str
    why: str
    sides: tuple[GoldSpan, ...]


@dataclass(frozen=True, slots=True)
class GoldStory:
    """One story of the gold set, every cited text resolved to offsets."""

    slug: str
    title: str
    event_date: date
    articles: dict[str, GoldArticle]
    claims: tuple[GoldClaim, ...]
    compatible: tuple[GoldCompatible, ...]

    def origin(self, key: str) -> str:
        """The article a copy ultimately repeats (the article itself when it is no copy).

        Args:
            key: an article key of this story.

        Returns:
            The key of the original dispatch; an article and all its copies share one origin.
        """
        seen = {key}
        while (parent := self.articles[key].copy_of) is not None:
            key = parent
            if key in seen:
                raise GoldError(f"{self.slug}: copy_of forms a cycle through article {key!r}")
            seen.add(key)
        return key

    def origins(self, spans: tuple[GoldSpan, ...]) -> set[str]:
        """The independent origins behind some cited texts."""
        return {self.origin(span.article) for span in spans}


def read_body(path: Path) -> tuple[str, str]:
    """Split an article file into its headline and its body.

    Args:
        path: a ``.txt`` article: headline line, blank line, body.

    Returns:
        The headline and the body (stripped), the body being what offsets index.

    Raises:
        GoldError: the file does not start with a headline line and a blank line.
    """
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    blank, _, body = rest.partition("\n")
    headline = first.strip()
    if not headline or len(headline) > MAX_HEADLINE_CHARS or headline.endswith("."):
        raise GoldError(
            f"{path}: the first line must be a headline (non-empty, at most {MAX_HEADLINE_CHARS} "
            "characters, no final period)"
        )
    if blank.strip() or not body.strip():
        raise GoldError(f"{path}: the headline must be followed by a blank line and then the body")
    return headline, body.strip()


def load_story(folder: Path) -> GoldStory:
    """Load one story folder and check it against the gold rules.

    Args:
        folder: a folder holding ``gold.json`` and the article files it names.

    Returns:
        The story with every mention, conflict side and compatible side resolved to offsets.

    Raises:
        GoldError: malformed JSON, an unknown key, label or kind, a text not found or found twice, or a
            label that breaks the copy rule; the message names the story and the claim.
    """
    slug = folder.name
    try:
        raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{slug}: cannot read gold.json: {exc}") from exc
    if raw.get("story") != slug:
        raise GoldError(f"{slug}: gold.json says story {raw.get('story')!r}, not the folder's name")
    articles = _articles(folder, raw.get("articles") or {})
    story = GoldStory(
        slug=slug,
        title=_required(raw, "title", slug),
        event_date=_date(raw.get("event_date"), f"{slug}: event_date"),
        articles=articles,
        claims=(),
        compatible=(),
    )
    for key in articles:
        story.origin(key)  # refuses copy_of cycles before anything counts origins
    claims = tuple(_claim(story, item) for item in raw.get("claims") or [])
    ids = Counter(claim.id for claim in claims)
    if twice := [cid for cid, n in ids.items() if n > 1]:
        raise GoldError(f"{slug}: claim ids used more than once: {', '.join(twice)}")
    compatible = tuple(
        _compatible(story, item, number) for number, item in enumerate(raw.get("compatible") or [], 1)
    )
    story = GoldStory(story.slug, story.title, story.event_date, articles, claims, compatible)
    if errors := label_errors(story):
        raise GoldError(errors[0])
    return story


def load_gold(root: Path = DEFAULT_ROOT) -> list[GoldStory]:
    """Load every story under ``root`` (one folder per story), in folder-name order.

    Args:
        root: the gold folder, ``benchmarks/gold/claims`` by default.

    Returns:
        The stories, every cited text resolved to ``(file, start, end)`` in its article's body.

    Raises:
        GoldError: ``root`` holds no story, or a story is malformed (see :func:`load_story`).
    """
    folders = sorted(p for p in Path(root).iterdir() if p.is_dir() and (p / "gold.json").is_file())
    if not folders:
        raise GoldError(f"{root}: no story folders with a gold.json")
    return [load_story(folder) for folder in folders]


def label_errors(story: GoldStory) -> list[str]:
    """Claims whose label breaks the copy rule, one reason each.

    An article and its copies are one origin: ``agreed`` needs mentions from at least two origins,
    ``single`` from exactly one; ``conflicting`` needs a conflict whose sides come from at least two
    origins and are all among the claim's mentions.

    Args:
        story: a loaded story.

    Returns:
        One message per broken claim, empty when every label holds.
    """
    errors = []
    for claim in story.claims:
        where = f"{story.slug} claim {claim.id}"
        origins = story.origins(claim.mentions)
        if claim.label == "agreed" and len(origins) < 2:
            errors.append(f"{where}: labelled agreed but all mentions come from one origin {origins}")
        elif claim.label == "single" and len(origins) != 1:
            errors.append(f"{where}: labelled single but mentions come from {len(origins)} origins")
        elif claim.label == "conflicting":
            if claim.conflict is None:
                errors.append(f"{where}: labelled conflicting but has no conflict")
                continue
            if len(story.origins(claim.conflict.sides)) < 2:
                errors.append(f"{where}: conflict sides come from fewer than two origins")
            if {s.article for s in claim.conflict.sides} - {m.article for m in claim.mentions}:
                errors.append(f"{where}: a conflict side's article is not among the claim's mentions")
        if claim.label != "conflicting" and claim.conflict is not None:
            errors.append(f"{where}: has a conflict but is labelled {claim.label}")
    return errors


def _articles(folder: Path, raw: dict[str, Any]) -> dict[str, GoldArticle]:
    slug = folder.name
    if not MIN_ARTICLES <= len(raw) <= MAX_ARTICLES:
        raise GoldError(f"{slug}: {len(raw)} articles; a story needs {MIN_ARTICLES}-{MAX_ARTICLES}")
    articles = {}
    for key, item in raw.items():
        where = f"{slug} article {key}"
        name = _required(item, "file", where)
        if not (folder / name).is_file():
            raise GoldError(f"{where}: file {name} not found in {folder}")
        copy_of = item.get("copy_of")
        if copy_of is not None and (copy_of not in raw or copy_of == key):
            raise GoldError(f"{where}: copy_of {copy_of!r} is not another article of the story")
        headline, body = read_body(folder / name)
        articles[key] = GoldArticle(
            key=key,
            file=name,
            outlet=_required(item, "outlet", where),
            published=_date(item.get("published"), f"{where}: published"),
            copy_of=copy_of,
            headline=headline,
            body=body,
        )
    listed = {a.file for a in articles.values()}
    if unlisted := sorted(p.name for p in folder.glob("*.txt") if p.name not in listed):
        raise GoldError(f"{slug}: article files not listed in gold.json: {', '.join(unlisted)}")
    return articles


def _claim(story: GoldStory, item: dict[str, Any]) -> GoldClaim:
    cid = _required(item, "id", f"{story.slug} claim")
    where = f"{story.slug} claim {cid}"
    label = item.get("label")
    if label not in LABELS:
        raise GoldError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    mentions = _spans(story, item.get("mentions"), f"{where} mention")
    if len({m.article for m in mentions}) != len(mentions):
        raise GoldError(f"{where}: an article is mentioned twice; cite one statement per article")
    conflict = None
    if (raw := item.get("conflict")) is not None:
        kind = raw.get("kind")
        if kind not in CONFLICT_KINDS:
            raise GoldError(f"{where}: conflict kind {kind!r} is not one of {', '.join(CONFLICT_KINDS)}")
        sides = _spans(story, raw.get("sides"), f"{where} conflict side")
        if len(sides) < 2:
            raise GoldError(f"{where}: a conflict needs at least two sides")
        conflict = GoldConflict(kind, sides)
    return GoldClaim(cid, label, mentions, conflict)


def _compatible(story: GoldStory, item: dict[str, Any], number: int) -> GoldCompatible:
    where = f"{story.slug} compatible #{number}"
    kind, why = item.get("kind"), item.get("why")
    if kind not in CONFLICT_KINDS:
        raise GoldError(f"{where}: kind {kind!r} is not one of {', '.join(CONFLICT_KINDS)}")
    if why not in COMPATIBLE_WHYS:
        raise GoldError(f"{where}: why {why!r} is not one of {', '.join(COMPATIBLE_WHYS)}")
    sides = _spans(story, item.get("sides"), f"{where} side")
    if len(sides) < 2:
        raise GoldError(f"{where}: a compatible difference needs at least two sides")
    return GoldCompatible(kind, why, sides)


def _spans(story: GoldStory, raw: Any, where: str) -> tuple[GoldSpan, ...]:
    if not raw:
        raise GoldError(f"{where}: none given")
    spans = []
    for item in raw:
        key, text = item.get("article"), item.get("text")
        if key not in story.articles:
            raise GoldError(f"{where}: unknown article {key!r}")
        if not text:
            raise GoldError(f"{where} in article {key}: empty text")
        body = story.articles[key].body
        start = body.find(text)
        if start < 0:
            raise GoldError(f"{where} in article {key}: text not found in the body: {text!r}")
        if body.find(text, start + 1) >= 0:
            raise GoldError(f"{where} in article {key}: text found more than once, cite more of it: {text!r}")
        spans.append(GoldSpan(key, story.articles[key].file, start, start + len(text), text))
    return tuple(spans)


def _required(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise GoldError(f"{where}: {key!r} is missing or empty")
    return value


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise GoldError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


def main(argv: list[str] | None = None) -> int:
    """Print per-story counts of the gold set; return 1 with a reason when it is malformed."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else DEFAULT_ROOT
    try:
        stories = load_gold(root)
    except GoldError as exc:
        print(f"gold is malformed: {exc}", file=sys.stderr)
        return 1
    header = ("story", "art", "copies", *LABELS, *CONFLICT_KINDS, "compat")
    rows = []
    for story in stories:
        labels = Counter(c.label for c in story.claims)
        kinds = Counter(c.conflict.kind for c in story.claims if c.conflict)
        copies = sum(a.copy_of is not None for a in story.articles.values())
        rows.append(
            (
                story.slug,
                len(story.articles),
                copies,
                *(labels[x] for x in LABELS),
                *(kinds[k] for k in CONFLICT_KINDS),
                len(story.compatible),
            )
        )
    totals = ("total", *(sum(r[i] for r in rows) for i in range(1, len(header))))
    width = max(len(header[0]), *(len(r[0]) for r in rows))
    for row in (header, *rows, totals):
        cells = (f"{v!s:>{max(len(h), 3)}}" for v, h in zip(row[1:], header[1:], strict=True))
        print(f"{row[0]:<{width}} " + " ".join(cells))
    whys = Counter(c.why for story in stories for c in story.compatible)
    print("compatible by why: " + ", ".join(f"{w} {whys[w]}" for w in COMPATIBLE_WHYS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
