"""Lines and paragraphs of a raw body, with their offsets: the shared ground of the cleaning steps.

Readers hand over ``raw_text`` with paragraphs separated by blank lines; a paragraph may hold several
lines (a caption under a caption, a hard-wrapped text file). Every cleaning step looks at
:class:`Line` objects and reports what it takes out as a :class:`Cut`, with offsets into ``raw_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstrace.model import Credit, CreditKind, RemovedKind, RemovedPart


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the raw body, without its surrounding whitespace.

    ``raw_text[start:end] == text``; ``paragraph`` numbers the paragraphs from 0.
    """

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Cut:
    """What one cleaning step takes out of the body, and the credits it found there."""

    removed: RemovedPart
    credits: tuple[Credit, ...] = field(default_factory=tuple)


def split_lines(raw_text: str) -> list[Line]:
    """The non-blank lines of ``raw_text``, stripped, with offsets and paragraph numbers.

    A paragraph ends at a blank (or whitespace-only) line. ``\\r\\n`` line ends are handled like ``\\n``.

    Args:
        raw_text: the body as read.

    Returns:
        Lines in order; ``raw_text[line.start:line.end] == line.text`` for each.
    """
    lines: list[Line] = []
    paragraph = 0
    blank_before = False
    pos = 0
    for chunk in raw_text.split("\n"):
        stripped = chunk.strip()
        if stripped:
            if blank_before and lines:
                paragraph += 1
            start = pos + (len(chunk) - len(chunk.lstrip()))
            lines.append(Line(stripped, start, start + len(stripped), paragraph))
            blank_before = False
        else:
            blank_before = True
        pos += len(chunk) + 1
    return lines


def cut(raw_text: str, kind: RemovedKind, start: int, end: int, credits: tuple[Credit, ...] = ()) -> Cut:
    """A :class:`Cut` of ``raw_text[start:end]``."""
    return Cut(RemovedPart(kind, raw_text[start:end], start, end), credits)


def credit(raw_text: str, source: str, kind: CreditKind, start: int, end: int) -> Credit:
    """A :class:`Credit` naming ``source``, pointing at ``raw_text[start:end]``."""
    return Credit(source, kind, raw_text[start:end], start, end)
