"""Sentences that several articles of a story carry (near-)verbatim, and the ones only one carries.

Every article is split into sentences (:func:`newstrace.annotate.sentences.split_sentences`); each
sentence becomes its set of word trigrams ("shingles", Broder, "On the resemblance and containment of
documents", 1997). Two sentences of different articles match when their shingle Jaccard reaches
``min_similarity``, or when the smaller one's shingles lie at least :data:`CONTAINMENT` inside the
other's (a truncated or trimmed copy). Candidates come from an inverted index on shingles, so only
sentences that share a shingle are ever compared; identical sentences are collapsed first, so a dispatch
syndicated by 500 outlets costs one node, not 125,000 pairs. Matches are joined by union-find.

Example:
    >>> shared, single = compare_sentences(articles, min_similarity=0.5)  # doctest: +SKIP
    >>> [c.article_id for c in shared[0].citations]  # doctest: +SKIP
    [1, 3]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.annotate.sentences import split_sentences
from newstrace.errors import ConfigError
from newstrace.group.simple import chronological_key
from newstrace.model import Article, Citation, SharedSentence
from newstrace.unionfind import DisjointSets

# Words for shingling: runs of letters and digits; apostrophes and hyphens split ("Jong-un" = "Jong Un").
SHINGLE_WORD = re.compile(r"[^\W_]+")

# Word n-gram size: trigrams, the usual choice for sentence-level near-duplicates — bigrams match
# unrelated sentences on stock phrases ("said on"), 4-grams miss copies with one changed word in five.
SHINGLE_SIZE = 3

# A sentence whose shingles lie this much inside a longer one's is a truncated copy of it.
CONTAINMENT = 0.8

# Containment only counts for sentences with at least this many shingles (six words): a short sentence
# ("Police said.", "The talks will continue.") is contained in too many unrelated longer ones.
MIN_CONTAINED_SHINGLES = 4


@dataclass(frozen=True, slots=True)
class _Sentence:
    article_id: int
    rank: int  # the article's place in publication order
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Node:
    """Sentences with identical shingles (exact or trivially different copies)."""

    shingles: frozenset[str]
    members: list[_Sentence]

    @property
    def articles(self) -> set[int]:
        return {m.article_id for m in self.members}


@dataclass(frozen=True, slots=True)
class _Edge:
    left: int
    right: int
    score: float


def compare_sentences(
    articles: Sequence[Article], min_similarity: float
) -> tuple[list[SharedSentence], list[Citation]]:
    """Find the sentences found (near-)verbatim in two or more articles, and those found in only one.

    Args:
        articles: the articles of one story, stored (``id`` set) and cleaned (``text`` set).
        min_similarity: minimum word-trigram Jaccard for two sentences to match, in (0, 1]
            (``Options.sentence_similarity``).

    Returns:
        ``(shared, single)``. Each shared sentence cites every copy, sorted by article id; its
        ``similarity`` is the lowest Jaccard among the matches that joined the group (below
        ``min_similarity`` only for truncated copies, which join by containment). Shared sentences come in
        order of first appearance in the earliest article (publication date, then id). ``single`` holds
        every other sentence, article by article in that order, each in text order. Every citation's
        ``text`` equals ``article.text[start:end]``.

    Raises:
        ConfigError: ``min_similarity`` is not in (0, 1].
        ValueError: an article has no id, or two articles share one.
    """
    if not 0.0 < min_similarity <= 1.0:
        raise ConfigError(f"sentence_similarity must be in (0, 1], got {min_similarity}")
    nodes = _nodes(_sentences(articles))
    sets = DisjointSets(len(nodes))
    lowest: dict[int, float] = {}
    edges = _edges(nodes, min_similarity)
    for edge in edges:
        sets.union(edge.left, edge.right)
    for edge in edges:
        root = sets.find(edge.left)
        lowest[root] = min(lowest.get(root, 1.0), edge.score)
    components: dict[int, list[_Sentence]] = defaultdict(list)
    for index, node in enumerate(nodes):
        components[sets.find(index)].extend(node.members)
    shared: list[tuple[tuple[int, int], SharedSentence]] = []
    single: list[_Sentence] = []
    for root, members in components.items():
        if len({m.article_id for m in members}) < 2:
            single.extend(members)
            continue
        members.sort(key=lambda m: (m.article_id, m.start))
        first = min(members, key=lambda m: (m.rank, m.start))
        citations = tuple(_cite(m) for m in members)
        shared.append(((first.rank, first.start), SharedSentence(citations, round(lowest.get(root, 1.0), 4))))
    shared.sort(key=lambda item: item[0])
    single.sort(key=lambda m: (m.rank, m.start))
    return [s for _, s in shared], [_cite(m) for m in single]


def shingles(text: str) -> frozenset[str]:
    """The word trigrams of a sentence, lower-cased; a sentence under three words is one shingle.

    Example:
        >>> sorted(shingles("Kim Jong-un arrived."))
        ['jong un arrived', 'kim jong un']
    """
    words = SHINGLE_WORD.findall(text.lower())
    if not words:
        return frozenset()
    if len(words) < SHINGLE_SIZE:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1))


def match_score(a: frozenset[str], b: frozenset[str], min_similarity: float) -> float | None:
    """The Jaccard of two shingle sets if they match (Jaccard or containment rule), else ``None``."""
    if not a or not b:
        return None
    inter = len(a & b)
    return _score(inter, len(a), len(b), min_similarity)


def _score(inter: int, size_a: int, size_b: int, min_similarity: float) -> float | None:
    if inter == 0:
        return None
    jaccard = inter / (size_a + size_b - inter)
    if jaccard >= min_similarity:
        return jaccard
    smaller = min(size_a, size_b)
    if smaller >= MIN_CONTAINED_SHINGLES and inter / smaller >= CONTAINMENT:
        return jaccard
    return None


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    ordered = sorted(articles, key=chronological_key)
    seen: set[int] = set()
    out: list[_Sentence] = []
    for rank, article in enumerate(ordered):
        if article.id is None:
            raise ValueError(f"article {article.label} has no id: store articles before comparing them")
        if article.id in seen:
            raise ValueError(f"article id {article.id} appears twice")
        seen.add(article.id)
        text = article.text
        for span in split_sentences(text):
            out.append(_Sentence(article.id, rank, span.start, span.end, text[span.start : span.end]))
    return out


def _nodes(sentences: list[_Sentence]) -> list[_Node]:
    """Collapse sentences with identical shingle sets into one node each, in first-seen order."""
    by_key: dict[frozenset[str], _Node] = {}
    nodes: list[_Node] = []
    for sentence in sentences:
        key = shingles(sentence.text)
        if not key:
            # Punctuation only: nothing to match, a single sentence.
            nodes.append(_Node(key, [sentence]))
            continue
        node = by_key.get(key)
        if node is None:
            node = by_key[key] = _Node(key, [])
            nodes.append(node)
        node.members.append(sentence)
    return nodes


def _edges(nodes: list[_Node], min_similarity: float) -> list[_Edge]:
    """Matching node pairs, found through an inverted index on shingles."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, node in enumerate(nodes):
        for shingle in node.shingles:
            postings[shingle].append(index)
    overlap: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        for a, left in enumerate(ids):
            for right in ids[a + 1 :]:
                overlap[(left, right)] += 1
    articles = [node.articles for node in nodes]
    edges = []
    for (left, right), inter in sorted(overlap.items()):
        if len(articles[left] | articles[right]) < 2:
            # Both nodes hold sentences of one and the same article: a repeat inside one report is not
            # a second source.
            continue
        score = _score(inter, len(nodes[left].shingles), len(nodes[right].shingles), min_similarity)
        if score is not None:
            edges.append(_Edge(left, right, score))
    return edges


def _cite(sentence: _Sentence) -> Citation:
    return Citation(sentence.article_id, sentence.start, sentence.end, sentence.text)
