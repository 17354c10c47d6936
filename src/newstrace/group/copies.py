"""Copies: exact duplicates, near-duplicates and partial containment, with the likely original of each group.

Steps, each a public function:

1. :func:`copy_pairs` — MinHash signatures of word 3-shingles (:mod:`.minhash`), LSH candidates
   (:mod:`.lsh`), then each candidate verified: with the exact shingle sets when the caller has them
   (the store's articles), else with the signature estimate (the bulk benchmark). A pair is a copy when
   its Jaccard similarity reaches :data:`COPY_JACCARD` or the smaller article's containment in the other
   reaches :data:`COPY_CONTAINMENT` (a truncated copy, or a wire story embedded among local paragraphs).
2. :func:`copy_trees` — per connected group of copies, the likely original is the root (an article whose
   outlet the others credit, then the earliest date, then the longest text, then the smallest id), and
   every other member hangs under the verified neighbour it resembles most (a maximum spanning tree grown
   from the root), so each edge is a checked copy relation.
3. :func:`find_copies` — both, for stored articles: returns :class:`~newstrace.model.CopyRelation` edges.

Example:
    >>> relations = find_copies(store.articles())  # doctest: +SKIP
    >>> relations[0].kind, relations[0].original_id  # doctest: +SKIP
    ('near', 1)
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstrace.group.minhash import band_keys, shingle_stream, signatures_of_shingles, words
from newstrace.model import Article, CopyKind, CopyRelation

if TYPE_CHECKING:
    import numpy as np

# Calibrated on benchmarks/group_scale.py's planted copies and examples/corpus. A copy with 10% of its
# words edited keeps Jaccard ~0.55; two independent reports of one event that quote the same people (the
# seeds; the example corpus's regional rewrite) stay below 0.06 and contain < 0.15 of each other.
COPY_JACCARD = 0.3
# A copy truncated to half has Jaccard ~0.5 but containment ~1.0; embedded in as many local paragraphs,
# the wire's containment is still ~1.0. 0.6 leaves room for a truncated copy that was edited as well.
COPY_CONTAINMENT = 0.6
# A copy is "near" (a light edit) at or above this Jaccard when both texts are about as long (the shorter
# has at least NEAR_LENGTH of the longer's shingles: an edit keeps the length, a cut or an embedding does
# not); any other copy is "contained" (a part of the other).
NEAR_JACCARD = 0.5
NEAR_LENGTH = 0.8


# Texts shingled per batch (minhash.shingle_stream): ~1,000 texts keep the batch's arrays near 10 MB.
_BATCH = 1000


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two documents (indices into the input) verified as copies of one another."""

    left: int
    right: int
    similarity: float  # Jaccard of the shingle sets
    containment: float  # share of the smaller set found in the other


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """One edge of a copy tree: ``copy`` (an index) hangs under ``original``."""

    copy: int
    original: int
    pair: CopyPair


def is_copy(similarity: float, containment: float) -> bool:
    """Whether a pair with this Jaccard similarity and containment counts as a copy."""
    return similarity >= COPY_JACCARD or containment >= COPY_CONTAINMENT


def copy_pairs(
    sigs: np.ndarray, sizes: np.ndarray, shingle_sets: Sequence[np.ndarray] | None = None
) -> list[CopyPair]:
    """LSH candidates among the signatures, verified.

    Args:
        sigs: ``(n, NUM_PERM)`` MinHash signatures.
        sizes: ``(n,)`` shingle-set sizes.
        shingle_sets: the sets themselves, when at hand: then similarity and containment are exact;
            otherwise they are estimated from the signatures (standard error ~0.04).

    Returns:
        The pairs that are copies, ``left < right``, in index order.
    """
    import numpy as np

    from newstrace.group.lsh import candidate_pairs

    candidates = candidate_pairs(band_keys(sigs), valid=sizes > 0)
    if len(candidates) == 0:
        return []
    left, right = candidates[:, 0], candidates[:, 1]
    if shingle_sets is None:
        jac = (sigs[left] == sigs[right]).mean(axis=1)
        both = jac * (sizes[left] + sizes[right]) / (1.0 + jac)
    else:
        both = np.array(
            [
                len(np.intersect1d(shingle_sets[i], shingle_sets[j], assume_unique=True))
                for i, j in candidates
            ],
            dtype=np.float64,
        )
        jac = both / (sizes[left] + sizes[right] - both)
    cont = np.minimum(1.0, both / np.minimum(sizes[left], sizes[right]))
    keep = (jac >= COPY_JACCARD) | (cont >= COPY_CONTAINMENT)
    return [
        CopyPair(int(i), int(j), round(float(s), 4), round(float(c), 4))
        for i, j, s, c in zip(left[keep], right[keep], jac[keep], cont[keep], strict=True)
    ]


def copy_trees(n: int, pairs: Sequence[CopyPair], rank: Callable[[int], tuple]) -> list[CopyEdge]:
    """Arrange verified copy pairs into one tree per connected group, rooted at the likely original.

    Args:
        n: number of documents.
        pairs: verified copy pairs (indices below ``n``).
        rank: sort key of a document; the smallest of a group is its original.

    Returns:
        One edge per document that has an original, grouped by tree, each tree in the order it grows.
    """
    neighbours: dict[int, list[CopyPair]] = defaultdict(list)
    for pair in pairs:
        neighbours[pair.left].append(pair)
        neighbours[pair.right].append(pair)
    placed: set[int] = set()
    edges: list[CopyEdge] = []
    for start in sorted(neighbours):
        if start in placed:
            continue
        group = _component(start, neighbours)
        placed.update(group)
        root = min(group, key=rank)
        edges += _spanning_tree(root, neighbours, rank)
    return edges


def find_copies(articles: Sequence[Article]) -> list[CopyRelation]:
    """Copy relations among stored articles, each copy pointing at the member it copies.

    Args:
        articles: cleaned, stored articles (``id`` set).

    Returns:
        Copy-tree edges (see :func:`copy_trees`), trees in order of their smallest member.

    Raises:
        ValueError: an article has no id.
    """
    import numpy as np

    for article in articles:
        if article.id is None:
            raise ValueError(f"article {article.label} has no id: store articles before finding copies")
    sets: list[np.ndarray] = []
    for start in range(0, len(articles), _BATCH):
        hashes, lengths = shingle_stream([a.text or a.raw_text for a in articles[start : start + _BATCH]])
        sets += np.split(hashes, np.cumsum(lengths)[:-1])
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    pairs = copy_pairs(signatures_of_shingles(sets), sizes, sets)
    credited = {c.source.casefold() for a in articles for c in a.credits if c.kind != "metadata"}
    word_counts = [len((a.text or a.raw_text).split()) for a in articles]
    rank = _make_rank(articles, word_counts, credited)
    return _relations(articles, sizes, copy_trees(len(articles), pairs, rank))


def new_copy_pairs(new: Sequence[Article], neighbours: Sequence[Article]) -> list[CopyPair]:
    """Verified copy pairs that involve at least one of ``new``, among ``new`` and their ``neighbours``.

    The incremental half of :func:`find_copies`: ``neighbours`` are the stored articles that share an
    LSH band key with a new article (:meth:`newstrace.store.grouping.GroupingSession.band_neighbours`);
    pairs between two neighbours are known already and left out.

    Returns:
        Pairs named by article id (``left < right``), in id order.
    """
    import numpy as np

    everyone = list(new) + list(neighbours)
    hashes, lengths = shingle_stream([a.text or a.raw_text for a in everyone])
    sets = np.split(hashes, np.cumsum(lengths)[:-1]) if everyone else []
    fresh = len(new)
    found = []
    for pair in copy_pairs(signatures_of_shingles(sets), lengths, sets):
        if pair.left >= fresh and pair.right >= fresh:
            continue
        a, b = sorted((int(everyone[pair.left].id), int(everyone[pair.right].id)))  # type: ignore[arg-type]
        found.append(CopyPair(a, b, pair.similarity, pair.containment))
    return sorted(found, key=lambda p: (p.left, p.right))


def copy_forest(
    members: Sequence[Article], old: Sequence[CopyRelation], pairs: Sequence[CopyPair], credited: set[str]
) -> list[CopyRelation]:
    """The copy trees over ``members`` regrown from their stored edges ``old`` and new ``pairs``.

    Every stored edge is a verified pair, so the regrown trees are spanning trees of the old trees joined
    by the new pairs, rooted again at the likely original (a newer article that the others credit, or an
    earlier dated one, becomes the root); :func:`find_copies` on the whole corpus would also see the
    verified pairs that the old trees did not keep, so the two can differ in which edges they keep.

    Args:
        members: every article of the old trees and of ``pairs``.
        old: the stored edges of those trees.
        pairs: new verified pairs by article id (:func:`new_copy_pairs`).
        credited: casefolded outlets credited anywhere in the store.
    """
    index = {a.id: i for i, a in enumerate(members)}
    by_index = [CopyPair(index[r.original_id], index[r.copy_id], r.similarity, r.containment) for r in old]
    by_index += [CopyPair(index[p.left], index[p.right], p.similarity, p.containment) for p in pairs]
    _, sizes = shingle_stream([a.text or a.raw_text for a in members])
    word_counts = [len((a.text or a.raw_text).split()) for a in members]
    rank = _make_rank(members, word_counts, credited)
    return _relations(members, sizes, copy_trees(len(members), by_index, rank))


def _relations(
    articles: Sequence[Article], sizes: np.ndarray, edges: Sequence[CopyEdge]
) -> list[CopyRelation]:
    relations = []
    for edge in edges:
        copy, original = articles[edge.copy], articles[edge.original]
        small, large = sorted((int(sizes[edge.copy]), int(sizes[edge.original])))
        kind: CopyKind = (
            "exact"
            if words(copy.text or copy.raw_text) == words(original.text or original.raw_text)
            else "near"
            if edge.pair.similarity >= NEAR_JACCARD and small >= NEAR_LENGTH * large
            else "contained"
        )
        relations.append(
            CopyRelation(
                copy_id=int(copy.id),  # type: ignore[arg-type]
                original_id=int(original.id),  # type: ignore[arg-type]
                kind=kind,
                similarity=edge.pair.similarity,
                containment=edge.pair.containment,
            )
        )
    return relations


def original_rank(article: Article, length: int, credited: set[str]) -> tuple:
    """Sort key of the likely original: credited agency first, then earliest date, most words, id.

    An article is a credited source when its outlet is named by a credit line or marker anywhere in the
    corpus ("(With inputs from Nordwire)" makes Nordwire's own dispatch the original). Dates compare only
    by their known parts; undated articles rank after dated ones.
    """
    outlet = (article.outlet or "").casefold()
    date = article.published
    when = (
        (1, 0, 0, 0)
        if date is None or date.year is None
        else (0, date.year, date.month or 13, date.day or 32)
    )
    return (0 if outlet and outlet in credited else 1, when, -length, article.id or 0)


def _make_rank(
    articles: Sequence[Article], lengths: Sequence[int], credited: set[str]
) -> Callable[[int], tuple]:
    keys = [original_rank(a, lengths[i], credited) for i, a in enumerate(articles)]
    return keys.__getitem__


def _component(start: int, neighbours: dict[int, list[CopyPair]]) -> set[int]:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for pair in neighbours[node]:
            other = pair.right if pair.left == node else pair.left
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _spanning_tree(
    root: int, neighbours: dict[int, list[CopyPair]], rank: Callable[[int], tuple]
) -> list[CopyEdge]:
    """Prim's algorithm on similarity, from the root: each member joins under its most similar placed one.

    Ties go to the better-ranked original, then the smaller index, so the tree is deterministic.
    """
    inside = {root}
    heap: list[tuple[float, tuple, int, int, CopyPair]] = []

    def push(node: int) -> None:
        for pair in neighbours[node]:
            other = pair.right if pair.left == node else pair.left
            if other not in inside:
                heapq.heappush(heap, (-pair.similarity, rank(node), other, node, pair))

    push(root)
    edges = []
    while heap:
        _, _, node, parent, pair = heapq.heappop(heap)
        if node in inside:
            continue
        inside.add(node)
        edges.append(CopyEdge(node, parent, pair))
        push(node)
    return edges
