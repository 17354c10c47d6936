"""The same quote across the articles of a story: verbatim, truncated, reworded, or turned into indirect
speech — linked, with the wording differences shown.

Two quotes match when their words overlap enough (Jaccard, or containment of the shorter one, over
lowercased word tokens) and their speakers do not disagree. The kind is read from the token sequences:
identical → verbatim; one a contiguous run of the other → truncated; otherwise reworded, or "indirect"
when one of them is indirect speech.

Example:
    >>> matches = match_quotes(brief_quotes)  # doctest: +SKIP
    >>> matches[0].kind, matches[0].differences  # doctest: +SKIP
    ('reworded', ('#4: "a bang from below," → "a loud bang below us"',))
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from newstrace.model import Quote, QuoteMatch, QuoteMatchKind
from newstrace.unionfind import DisjointSets

# Word tokens compared (punctuation and case aside).
WORD = re.compile(r"[\w'’\-]+")
# Minimum overlap for two quotes to be one: 0.6 links "There was a bang from below, and then everything
# slid to one side" with "There was a loud bang below us and then everything slid to one side" (0.86
# containment) and keeps apart two quotes of one speaker on different points (under 0.3 in examples/).
MIN_OVERLAP = 0.6
# A quote shorter than this (in words) is matched only with quotes of the same speaker: "very quickly"
# alone is too common to link on its own.
MIN_WORDS_ALONE = 4


def match_quotes(quotes: Sequence[Quote]) -> list[QuoteMatch]:
    """Group quotes of different articles that report the same words.

    Args:
        quotes: the quotes of a story's articles.

    Returns:
        One :class:`QuoteMatch` per group of two or more quotes from at least two articles, in order of
        first appearance; each group's ``differences`` compares every quote with the group's first.
    """
    tokens = [[w.lower() for w in WORD.findall(q.content.text)] for q in quotes]
    sets = DisjointSets(len(quotes))
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if quotes[i].content.article_id == quotes[j].content.article_id:
                continue
            if _match(quotes[i], quotes[j], tokens[i], tokens[j]):
                sets.union(i, j)
    out: list[QuoteMatch] = []
    for members in sets.components():
        if len({quotes[i].content.article_id for i in members}) < 2:
            continue
        first = members[0]
        kinds = [_kind(quotes[first], quotes[i], tokens[first], tokens[i]) for i in members[1:]]
        rank = ("indirect", "reworded", "truncated", "verbatim")
        kind = min(kinds, key=rank.index)
        diffs = tuple(
            f"#{quotes[i].content.article_id}: {_diff(tokens[first], tokens[i])}"
            for i in members[1:]
            if tokens[i] != tokens[first]
        )
        speaker = next((quotes[i].speaker_name for i in members if quotes[i].speaker_name), None)
        out.append(QuoteMatch(speaker, kind, tuple(quotes[i] for i in members), diffs))
    return out


def _match(a: Quote, b: Quote, ta: list[str], tb: list[str]) -> bool:
    if not ta or not tb:
        return False
    same_speaker = _same_speaker(a.speaker_name, b.speaker_name)
    if same_speaker is False:
        return False
    if (a.kind == "indirect" or b.kind == "indirect") and not same_speaker:
        return False  # paraphrased facts of unnamed sources are claims, not quotes: compare/ aligns those
    if min(len(ta), len(tb)) < MIN_WORDS_ALONE and not same_speaker:
        return False
    sa, sb = set(ta), set(tb)
    inter = len(sa & sb)
    return max(inter / len(sa | sb), inter / min(len(sa), len(sb))) >= MIN_OVERLAP


def _same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both speakers are known (surname spellings within 0.8 similarity agree)."""
    if not a or not b:
        return None
    la, lb = a.split()[-1].lower(), b.split()[-1].lower()
    return difflib.SequenceMatcher(None, la, lb).ratio() >= 0.8


def _kind(a: Quote, b: Quote, ta: list[str], tb: list[str]) -> QuoteMatchKind:
    if a.kind == "indirect" or b.kind == "indirect":
        return "indirect"
    if ta == tb:
        return "verbatim"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    n = len(short)
    if any(long_[k : k + n] == short for k in range(len(long_) - n + 1)):
        return "truncated"
    return "reworded"


def _diff(a: list[str], b: list[str]) -> str:
    """Word changes from ``a`` to ``b``: '"from below" → "loud … below us"', 'adds "people were …"'."""
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            parts.append(f'"{" ".join(a[i1:i2])}" → "{" ".join(b[j1:j2])}"')
        elif op == "delete":
            parts.append(f'drops "{" ".join(a[i1:i2])}"')
        elif op == "insert":
            parts.append(f'adds "{" ".join(b[j1:j2])}"')
    return "; ".join(parts) or "same words"
