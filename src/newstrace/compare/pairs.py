"""How likely two statements of different articles tell the same fact: a small learned pair model.

The alignment score of :mod:`newstrace.compare.claims` (MiniLM cosine plus a bonus for shared content
words) sees the topic as much as the fact: inside one story every sentence about the escaped wolf or the
fraud trial resembles every other, and a fixed bar both joins different facts and parts paraphrases. This
module scores a pair with what tells a fact from its topic, all measured inside the story:

- the cosine, its square, and the cosine less the story's mean cosine across articles;
- the margin of the cosine over the next best statement of the other article, the lower and the higher of
  the two ways, and whether each is the other's best (a statement has one counterpart in another report,
  not five);
- shared content words weighted by their rarity among the story's statements (the story's own words —
  "wolf", "park" — count little, a shared "tranquillisers" much), and their plain Jaccard;
- shared numbers, numbers on both sides with none shared (the same fact with two values is still one
  fact), shared capitalised words;
- the length ratio and the distance between the two statements' places in their articles (leads align
  with leads).

A logistic regression over these (:data:`FEATURES`) gives the probability that the two statements share a
claim. Its weights ship in ``models/align.json``, trained by ``make train-align``
(:mod:`training.train_align`) from the project's own claims gold; ``models/ALIGN_MODEL_CARD.md`` gives its
data and scores. Everything is computed on whole matrices: one story of 300 statements is 45,000 pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newstrace.compare.clauses import STOPWORDS, WORD
from newstrace.model import Citation

MODEL_PATH = Path(__file__).resolve().parent / "models" / "align.json"
# The model's inputs, in the order of its weights.
FEATURES = (
    "cosine",
    "jaccard",
    "rare_overlap",
    "margin_low",
    "margin_high",
    "best_both",
    "best_one",
    "cosine_less_mean",
    "shared_numbers",
    "numbers_apart",
    "shared_names",
    "names_jaccard",
    "length_ratio",
    "place_distance",
    "cosine_squared",
    "cosine_percentile",
    "z_low",
    "z_high",
)
# The stories the model learnt from hold 21-70 statements, their articles 7 or more each; its features
# are measured against the story (rarity, percentiles, the next best statement), and in a story of two
# one-sentence reports they mean nothing (every word is shared by half the story, no statement has a
# runner-up): a pair of a smaller story, or of an article with fewer statements, gets no opinion (0.5).
MIN_STORY_STATEMENTS = 20
MIN_ARTICLE_STATEMENTS = 5
# Letters a content word is cut to, the stem clauses.py compares asides by.
STEM = 5
# Digits of a figure, separators inside: "2,500", "4.9", "7".
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def pair_features(statements: Sequence[Citation], vectors: Any) -> Any:
    """Features of every pair of statements: an array of shape (n, n, len(FEATURES)).

    Args:
        statements: the story's statements, each article's in text order (their order within an article
            gives their places).
        vectors: unit-length embedding rows, one per statement.

    Returns:
        The feature array, symmetric in its first two axes; entries of two statements of one article are
        computed but meaningless.
    """
    import numpy as np

    n = len(statements)
    rows = np.asarray(vectors, dtype=np.float64)
    cosine = rows @ rows.T
    cosine = (cosine + cosine.T) / 2  # a product of blocks may differ in the last bit across the diagonal
    articles = np.array([s.article_id for s in statements])
    across = articles[:, None] != articles[None, :]

    has_word = _incidence([_content(s.text) for s in statements])
    # Rarity among the story's statements: log((n + 1) / (df + 0.5)), as in BM25's idf, never negative.
    rarity = np.log((n + 1) / (has_word.sum(axis=0) + 0.5))
    _, rare_overlap = _overlap(has_word, rarity)
    _, jaccard = _overlap(has_word)
    numbers = _incidence([_numbers(s.text) for s in statements])
    shared_numbers, _ = _overlap(numbers)
    with_numbers = numbers.sum(axis=1) > 0
    numbers_apart = (with_numbers[:, None] & with_numbers[None, :] & (shared_numbers == 0)).astype(float)
    shared_names, names_jaccard = _overlap(_incidence([_names(s.text) for s in statements]))

    margin = np.zeros((n, n))  # margin[i, j]: cosine(i, j) less i's next best in j's article
    best = np.zeros((n, n))
    place = np.zeros(n)
    for article in dict.fromkeys(articles.tolist()):
        columns = np.flatnonzero(articles == article)
        place[columns] = np.arange(len(columns)) / max(1, len(columns) - 1)
        block = cosine[:, columns]
        ordered = np.sort(block, axis=1)
        first = ordered[:, -1:]
        second = ordered[:, -2:-1] if len(columns) > 1 else ordered[:, -1:]
        is_best = block >= first - 1e-6
        margin[:, columns] = block - np.where(is_best, second, first)
        best[:, columns] = is_best
    mean = float(cosine[across].mean()) if across.any() else 0.0
    # Where the pair's cosine stands among the story's cross-article pairs, and among each statement's own.
    ranked = np.sort(cosine[across]) if across.any() else np.zeros(1)
    percentile = np.searchsorted(ranked, cosine, side="right") / len(ranked)
    masked = np.where(across, cosine, np.nan)
    with np.errstate(invalid="ignore"):
        row_mean = np.nan_to_num(np.nanmean(masked, axis=1)) if across.any() else np.zeros(n)
        row_std = np.nan_to_num(np.nanstd(masked, axis=1)) + 1e-3 if across.any() else np.ones(n)
    z = (cosine - row_mean[:, None]) / row_std[:, None]
    lengths = np.array([len(s.text.split()) for s in statements], dtype=float)
    length_ratio = np.minimum.outer(lengths, lengths) / np.maximum.outer(lengths, lengths)
    return np.stack(
        [
            cosine,
            jaccard,
            rare_overlap,
            np.minimum(margin, margin.T),
            np.maximum(margin, margin.T),
            best * best.T,
            np.maximum(best, best.T),
            cosine - mean,
            shared_numbers,
            numbers_apart,
            shared_names,
            names_jaccard,
            length_ratio,
            np.abs(place[:, None] - place[None, :]),
            cosine**2,
            percentile,
            np.minimum(z, z.T),
            np.maximum(z, z.T),
        ],
        axis=-1,
    )


def same_fact_probability(
    statements: Sequence[Citation], vectors: Any, model: dict[str, Any] | None = None
) -> Any:
    """The shipped model's probability that each pair of statements tells one fact: an (n, n) array,
    symmetric, 0 between two statements of one article, 0.5 (no opinion) where the story or an article
    is smaller than those the model learnt from (:data:`MIN_STORY_STATEMENTS`)."""
    import numpy as np

    model = model if model is not None else load_model()
    features = pair_features(statements, vectors)
    scaled = (features - np.asarray(model["mean"])) / np.asarray(model["scale"])
    logit = scaled @ np.asarray(model["weights"]) + float(model["bias"])
    probability = 1.0 / (1.0 + np.exp(-logit))
    articles = np.array([s.article_id for s in statements])
    if len(statements) < MIN_STORY_STATEMENTS:
        probability[:] = 0.5
    else:
        ids, sizes = np.unique(articles, return_counts=True)
        small = np.isin(articles, ids[sizes < MIN_ARTICLE_STATEMENTS])
        probability[small, :] = 0.5
        probability[:, small] = 0.5
    probability[articles[:, None] == articles[None, :]] = 0.0
    return probability


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The shipped pair model: feature names, standardisation, weights and bias (``models/align.json``)."""
    model: dict[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise ValueError(f"{MODEL_PATH} was trained on other features; retrain it with `make train-align`")
    return model


def _content(text: str) -> set[str]:
    """Content words cut to their first five letters: "sentenced" and "sentencing" are one word."""
    return {w.lower()[:STEM] for w in WORD.findall(text) if w.lower() not in STOPWORDS}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in NUMBER.findall(text)}


def _names(text: str) -> set[str]:
    """Capitalised words past the first: names, mostly (the first word is capitalised anyway)."""
    return {w.lower() for w in WORD.findall(text)[1:] if w[0].isupper()}


def _overlap(incidence: Any, weights: Any = None) -> tuple[Any, Any]:
    """For every pair of rows of a 0/1 incidence matrix: the (weighted) count of what both hold, and that
    over the (weighted) count of what either holds (a weighted Jaccard; 0 where neither holds anything)."""
    import numpy as np

    weighted = incidence if weights is None else incidence * weights
    shared = weighted @ incidence.T
    own = weighted.sum(axis=1)
    union = own[:, None] + own[None, :] - shared
    return shared, np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _incidence(sets: Sequence[set[str]]) -> Any:
    import numpy as np

    vocabulary = {w: k for k, w in enumerate(sorted(set().union(*sets)))} if sets else {}
    out = np.zeros((len(sets), max(1, len(vocabulary))))
    for row, items in enumerate(sets):
        out[row, [vocabulary[w] for w in items]] = 1.0
    return out
