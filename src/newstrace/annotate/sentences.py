"""Sentence splitting over an article's cleaned text, with exact character offsets.

A rule-based splitter in the spirit of Punkt (Kiss & Strunk, "Unsupervised Multilingual Sentence Boundary
Detection", Computational Linguistics 32(4), 2006), with the abbreviation list written out instead of
learned: news copy uses a small, stable set (titles, months, "U.S.", "a.m.", "No. 5").

The rules, in order:

1. a blank line (paragraph break) always ends a sentence;
2. a single line break ends one when the line is not part of a hard-wrapped paragraph (headlines and
   one-sentence-per-line inputs), or when the line ends in terminal punctuation;
3. ``.``, ``!``, ``?``, ``…`` (and runs of them) followed by closing quotes or brackets, then whitespace,
   end a sentence — the closing quote belongs to the sentence — unless the next word starts lower-case,
   or the period belongs to an abbreviation or an initial and the next word is not a typical sentence
   opener.

Example:
    >>> text = 'Mr. Lee met Dr. Kim at 9 a.m. They spoke. "It went well," he said.'
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Mr. Lee met Dr. Kim at 9 a.m.', 'They spoke.', '"It went well," he said.']
"""

from __future__ import annotations

import re

from newstrace.model import Span

# A paragraph break: a line break, optional spaces, and another line break.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# A candidate boundary: terminal punctuation (an ellipsis of dots or "…" included), any closing quotes or
# brackets, then the whitespace that separates it from the next sentence.
BOUNDARY = re.compile(r"(?:[.!?]+|…+)(?:[\"'”’»)\]]+)?(?=\s)")

# The word just before a period: letters, with inner periods for "U.S" / "a.m", or digits.
WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z]*|(?:\.[A-Za-z])+)|\d+)$")

# The first word after a boundary, past any opening quotes or brackets.
NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]*([^\s\"'“‘«(\[]*)")

# Lines ending with terminal punctuation (and optional closing quotes): a single line break after one is
# a boundary even inside a wrapped paragraph.
LINE_END_TERMINAL = re.compile(r"(?:[.!?]+|…+)[\"'”’»)\]]*\s*$")

# An enumerator at the start of a sentence ("1." or "a)"), never a sentence on its own.
ENUMERATOR = re.compile(r"^\(?[0-9A-Za-z]{1,3}[.)]$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations that are never the end of a sentence: titles before a name.
_TITLES = _words(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres supt insp "
    "rev fr hon amb messrs mmes mme mlle"
)
# Abbreviations that usually sit inside a sentence but may end one ("at 9 a.m. The talks …"); after
# them, a boundary needs the next word to be a typical sentence opener.
_ABBREVIATIONS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "inc ltd co corp plc bros dept univ assn est approx vs etc al cf fig figs vol vols art arts "
    "no nos pp p ch sec st mt ft sr jr ave blvd rd hwy km kg mph min max "
    "a.m p.m e.g i.e u.s u.k u.n u.s.a d.c n.y l.a b.c a.d"
)
# Abbreviations followed by a number ("No. 5", "Art. 3", "p. 12"): never a boundary there.
_BEFORE_NUMBER = _words("no nos art arts vol vols p pp ch sec fig figs")
# Words that commonly open a sentence. After an abbreviation or initial, a capitalised word from this list
# means a new sentence ("… in the U.S. The …"); a name or other capitalised word does not ("U.S. Navy").
_SENTENCE_OPENERS = _words(
    "a an the this that these those there here it its he she they we i you his her their our my "
    "but and or so yet if when while after before as at in on by for from with of to since although "
    "though however meanwhile moreover still then now also later earlier no not neither nor both "
    "all some many most several police officials authorities what who why how where which"
)
# Hard-wrapped paragraphs have every line but the last this long (characters) and within this band of
# each other: plain-text wire copy wraps at 65-80 columns, while headline lines are short and uneven.
_WRAP_MIN = 50
_WRAP_BAND = 25


def split_sentences(text: str) -> list[Span]:
    """Split cleaned article text into sentence spans.

    Args:
        text: an article's cleaned body (paragraphs separated by blank lines).

    Returns:
        Spans in text order, non-overlapping; ``text[span.start:span.end]`` is one sentence with no
        surrounding whitespace. Text that is only whitespace yields no span.

    Example:
        >>> [(s.start, s.end) for s in split_sentences("It rose 3.5%. No. 5 fell.")]
        [(0, 13), (14, 25)]
    """
    spans: list[Span] = []
    pos = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        _split_paragraph(text, pos, brk.start(), spans)
        pos = brk.end()
    _split_paragraph(text, pos, len(text), spans)
    return spans


def _split_paragraph(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append the sentences of ``text[start:end]`` (one paragraph) to ``out``."""
    lines = _line_ranges(text, start, end)
    wrapped = _is_hard_wrapped(text, lines)
    chunk_start = start
    for line_start, line_end in lines[:-1]:
        line = text[line_start:line_end]
        if not line.strip():
            continue
        if not wrapped or LINE_END_TERMINAL.search(line):
            _split_run(text, chunk_start, line_end, out)
            chunk_start = line_end
    _split_run(text, chunk_start, end, out)


def _line_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[start:end]``, line breaks excluded."""
    ranges = []
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            ranges.append((pos, end))
            return ranges
        ranges.append((pos, nl))
        pos = nl + 1


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a paragraph's single line breaks are wrapping (not sentence or headline ends)."""
    if len(lines) < 2:
        return False
    widths = [len(text[s:e].rstrip()) for s, e in lines[:-1]]
    if min(widths) < _WRAP_MIN:
        return False
    if len(lines) == 2:
        # One long line and a continuation: wrapped only if the second line goes on mid-sentence
        # (a headline followed by its repeat, or by the body, starts upper-case).
        second = text[lines[1][0] : lines[1][1]].lstrip()
        return bool(second) and second[0].islower()
    return max(widths) - min(widths) <= _WRAP_BAND


def _split_run(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append the sentences of ``text[start:end]``, a run with no forced break inside."""
    sent_start = _skip_space(text, start, end)
    for match in BOUNDARY.finditer(text, sent_start, end):
        cut = match.end()
        if cut <= sent_start or not _is_boundary(text, sent_start, match, end):
            continue
        out.append(Span(sent_start, cut))
        sent_start = _skip_space(text, cut, end)
    stop = _strip_end(text, sent_start, end)
    if stop > sent_start:
        out.append(Span(sent_start, stop))


def _is_boundary(text: str, sent_start: int, match: re.Match[str], end: int) -> bool:
    """Whether the punctuation ``match`` ends the sentence begun at ``sent_start``."""
    nxt = NEXT_WORD.match(text, match.end(), end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True
    if next_word[0].islower():
        # "…?" he asked / "e.g. the" / ellipsis inside a sentence: lower case continues the sentence.
        return False
    if ENUMERATOR.match(text[sent_start : match.end()]):
        return False
    punct = match.group(0)
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    before = WORD_BEFORE.search(text, sent_start, match.start())
    if not before:
        return True
    word = before.group(1)
    lower = word.lower()
    opener = next_word.strip(".,;:!?\"'”’").lower() in _SENTENCE_OPENERS
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER and next_word[0].isdigit():
        return False
    if lower in _ABBREVIATIONS or "." in word:
        return opener
    if len(word) == 1 and word.isupper():
        # An initial ("J. R. R. Tolkien", "George W. Bush"), unless a plain sentence opener follows;
        # "A." / "I." after an initial is another initial, not the pronoun.
        if len(next_word) == 2 and next_word[1] == "." and next_word[0].isupper():
            return False
        return opener
    return True


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
