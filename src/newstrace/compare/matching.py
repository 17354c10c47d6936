"""Statements of a story matched across its articles and grouped into claims, from a score matrix.

Split from :mod:`newstrace.compare.claims`, which builds the score (embedding cosine, shared words, the pair
model) and labels the groups: here two articles' statements are paired one to one, greedily from the
strongest pair, and the pairs merged into groups by complete linkage, at most one statement per article.
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.model import Citation

# Complete linkage: every pair inside a claim scores at least ALIGN minus this. A little slack lets a
# third outlet's looser paraphrase join two close ones.
GROUP_SLACK = 0.1


def align_groups(statements: Sequence[Citation], score, align: float) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Groups of statement indexes, at most one per article.

    Candidate links pair the statements of two articles one to one, greedily from the strongest pair
    scoring ``align`` or more. They are
    merged strongest first, and two groups join only when every cross pair still scores ``align`` minus
    :data:`GROUP_SLACK` (complete linkage): chaining A~B~C must not put A and C, two different facts, into
    one claim.
    """
    by_article: dict[int, list[int]] = {}
    for k, s in enumerate(statements):
        by_article.setdefault(s.article_id, []).append(k)
    links: list[tuple[float, int, int]] = []
    article_ids = list(by_article)
    for x, a in enumerate(article_ids):
        for b in article_ids[x + 1 :]:
            rows, cols = by_article[a], by_article[b]
            block = score[rows][:, cols]
            # Greedy one-to-one matching, strongest pairs first: a lead that two sentences of the other
            # article resemble takes the closer one, and the other is free to match its own counterpart.
            used_rows: set[int] = set()
            used_cols: set[int] = set()
            candidates = sorted(
                ((-float(block[r, c]), r, c) for r, c in zip(*(block >= align).nonzero(), strict=True))
            )
            for negative, r, c in candidates:
                if r not in used_rows and c not in used_cols:
                    used_rows.add(r)
                    used_cols.add(c)
                    links.append((negative, rows[r], cols[c]))
    group_of = {k: [k] for k in range(len(statements))}
    for _, i, j in sorted(links):
        gi, gj = group_of[i], group_of[j]
        if gi is gj:
            continue
        if {statements[k].article_id for k in gi} & {statements[k].article_id for k in gj}:
            continue
        if min(score[p, q] for p in gi for q in gj) < align - GROUP_SLACK:
            continue
        gi.extend(gj)
        for k in gj:
            group_of[k] = gi
    groups = {id(g): sorted(g) for g in group_of.values()}
    return sorted(groups.values(), key=lambda g: g[0])


def mutual_best(statements: Sequence[Citation], score):  # type: ignore[no-untyped-def]
    """Whether each pair of statements of two articles is each other's best match in the other's article
    (by ``score``): a boolean matrix, False within an article."""
    import numpy as np

    articles = np.array([s.article_id for s in statements])
    out = np.zeros(score.shape, dtype=bool)
    for a in np.unique(articles):
        rows = np.flatnonzero(articles == a)
        for b in np.unique(articles):
            if a == b:
                continue
            cols = np.flatnonzero(articles == b)
            block = score[np.ix_(rows, cols)]
            best_col = block.argmax(axis=1)
            mutual = block.argmax(axis=0)[best_col] == np.arange(len(rows))
            out[rows[mutual], cols[best_col[mutual]]] = True
    return out


def lowest(score, indexes: list[int]) -> float:  # type: ignore[no-untyped-def]
    """The lowest alignment score between two statements of a group (1.0 for a group of one)."""
    pairs = [score[i, j] for x, i in enumerate(indexes) for j in indexes[x + 1 :]]
    return float(min(pairs)) if pairs else 1.0
