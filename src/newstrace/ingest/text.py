"""Plain-text reports: decode, and take a title only when the first line is plainly a headline.

A text file's first line is *not* assumed to be its title: wire copy and the seed reports start with the
lead paragraph. The first line is taken as the title only when all of these hold:

- it is at most :data:`MAX_TITLE_CHARS` characters long;
- it does not end with a period (a headline never does; a lead sentence always does);
- a blank line follows it, and text follows that.

The title line and the blank line after it are then not part of ``raw_text``: the body is what follows,
as it would be for an HTML page whose headline sits in ``<h1>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.errors import InputError
from newstrace.ingest.decode import decode_text
from newstrace.model import Article, InputFormat, SourceRef

# Headlines run to about 70-110 characters; 150 leaves room for long ones and a kicker, while lead
# paragraphs (one or two sentences of 25+ words) are longer.
MAX_TITLE_CHARS = 150


@dataclass(frozen=True, slots=True)
class TitledText:
    """A plain-text report split into its headline (if it has one) and its body."""

    title: str | None
    body: str


def split_title(text: str) -> TitledText:
    """Split a leading headline off a plain-text report, by the rule in this module's docstring.

    Args:
        text: the decoded report, with ``\\n`` line ends.

    Returns:
        The headline and the body; ``title`` is ``None`` and ``body`` is ``text`` stripped when the first
        line is not a headline.
    """
    stripped = text.strip()
    first, sep, rest = stripped.partition("\n")
    title = first.strip()
    if (
        sep
        and title
        and len(title) <= MAX_TITLE_CHARS
        and not title.endswith(".")
        and rest.startswith(("\n", " \n", "\t\n"))
        and rest.strip()
    ):
        return TitledText(title, rest.strip())
    return TitledText(None, stripped)


def text_article(
    data: bytes,
    path: str,
    fmt: InputFormat = "text",
    line: int | None = None,
    charset: str | None = None,
) -> Article:
    """Read one plain-text report.

    Args:
        data: the file's bytes, in any encoding :func:`~newstrace.ingest.decode.decode_text` reads.
        path: where it was read (for :class:`SourceRef`).
        fmt: the source format (``"warc"`` for a text/plain WARC record).
        line: record number, for a text inside a container.
        charset: the encoding a container declared (HTTP ``Content-Type``), if any.

    Returns:
        An article with ``raw_text`` and, when the first line is a headline, ``title``.

    Raises:
        InputError: binary or undecodable bytes, or no text at all.
    """
    text = decode_text(data, charset)
    if not text.strip():
        raise InputError("no text (the file holds only whitespace)")
    split = split_title(text)
    return Article(raw_text=split.body, source=SourceRef(path, fmt, line), title=split.title)
