"""Train the statement-pair model of claim alignment and install it into the package.

Run from the repository root (``make train-align``; about two minutes, most of it MiniLM)::

    OMP_NUM_THREADS=1 .venv/bin/python -m training.train_align [--install] [--cv-labels]

Data: the claims gold sets the rules are tuned on (``benchmarks/gold/claims*``, the sets named in
``TUNED`` of ``benchmarks/claims.py``): stories the project wrote itself, MIT. Never the blind sets, so
that their scores stay held out. Every pair of statements of two different articles of a story (as
:func:`newstrace.compare.claims.story_statements` cuts them) is one example: positive when both statements
overlap the mentions of one gold claim. Features: :func:`newstrace.compare.pairs.pair_features`.

Model: L2-regularised logistic regression (penalty 1, scikit-learn's default ``C = 1``; not tuned) on
standardised features, fitted by Newton steps in NumPy. Printed, and written to the model card by hand:

- leave-one-set-out pair scores: for each tuned set, a model fitted on the others scores that set's pairs
  (average precision, and F1 where the probability is 0.5 or more) beside the old alignment score
  (cosine + 0.2 × Jaccard ≥ 0.6, no one-to-one matching);
- ``--cv-labels``: the same models run inside :func:`newstrace.compare.claims.find_claims`, and each set
  scored as ``benchmarks/claims.py`` scores it (claim label macro F1, conflicts found) against the shipped
  code without the model (a model of probability 0.5 everywhere: no veto, no addition).

``--install`` writes the model fitted on all tuned sets to ``src/newstrace/compare/models/align.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.compare.claims import story_statements
from newstrace.compare.pairs import FEATURES, MODEL_PATH, pair_features

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
# The penalty of the logistic regression: scikit-learn's default (C = 1), not tuned.
L2 = 1.0


def _benchmark(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def set_examples(claims: Any, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and the old alignment score of every cross-article statement pair of one set."""
    from newstrace.compare.claims import OVERLAP_BONUS
    from newstrace.compare.embeddings import embed

    root = claims.HERE / "gold" / name
    xs, ys, old = [], [], []
    for story in claims._gold_module().load_gold(root):
        articles, ids = claims._articles(story, root)
        by_id = {a.id: a for a in articles}
        statements = story_statements(articles)
        texts = list(dict.fromkeys(s.text for s in statements))
        row = {t: n for n, t in enumerate(texts)}
        vectors = np.asarray(embed(texts), dtype=np.float32)[[row[s.text] for s in statements]]
        located = [(g.id, [claims._locate(m, by_id, ids) for m in g.mentions]) for g in story.claims]
        member = [
            {gid for gid, where in located if any(claims._overlaps(s, w) for w in where)} for s in statements
        ]
        features = pair_features(statements, vectors)
        articles_of = np.array([s.article_id for s in statements])
        i, j = np.triu_indices(len(statements), k=1)
        keep = articles_of[i] != articles_of[j]
        i, j = i[keep], j[keep]
        xs.append(features[i, j])
        ys.append(np.array([bool(member[a] & member[b]) for a, b in zip(i, j, strict=True)], dtype=float))
        old.append(
            features[i, j, FEATURES.index("cosine")]
            + OVERLAP_BONUS * features[i, j, FEATURES.index("jaccard")]
        )
    return np.vstack(xs), np.concatenate(ys), np.concatenate(old)


def fit(features: np.ndarray, labels: np.ndarray, names: list[str]) -> dict[str, Any]:
    """The model record: standardisation, weights and bias, and what it was fitted on."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-9
    weights, bias = logistic_fit((features - mean) / scale, labels, L2)
    return {
        "features": list(FEATURES),
        "mean": mean.round(8).tolist(),
        "scale": scale.round(8).tolist(),
        "weights": weights.round(8).tolist(),
        "bias": round(bias, 8),
        "trained_on": names,
        "pairs": int(len(labels)),
        "positive_pairs": int(labels.sum()),
    }


def logistic_fit(
    features: np.ndarray, labels: np.ndarray, l2: float, steps: int = 50
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression, by Newton steps (IRLS); the penalty
    ``l2 / 2 * |w|^2`` spares the bias."""
    x = np.hstack([features, np.ones((len(features), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return w[:-1], float(w[-1])


def predict(model: dict[str, Any], features: np.ndarray) -> np.ndarray:
    scaled = (features - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return 1.0 / (1.0 + np.exp(-(scaled @ np.asarray(model["weights"]) + model["bias"])))


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    order = np.argsort(-scores, kind="stable")
    hits = labels[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / max(1.0, hits.sum()))


def f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    tp = float((predicted & (labels == 1)).sum())
    return 2 * tp / max(1.0, float(predicted.sum() + labels.sum()))


def label_scores(claims: Any, name: str, model: dict[str, Any] | None) -> tuple[float, str]:
    """Macro F1 and the conflicts line of ``benchmarks/claims.py`` for one set, with ``model`` as the
    pair model (``None``: the model switched off)."""
    import newstrace.compare.claims as aligning

    if model is None:  # probability 0.5 for every pair: above the veto, below the bar of "sure"
        k = len(FEATURES)
        model = {
            "features": list(FEATURES),
            "mean": [0.0] * k,
            "scale": [1.0] * k,
            "weights": [0.0] * k,
            "bias": 0.0,
        }
    original = aligning.find_claims

    def with_model(articles: Any, *args: Any, **kwargs: Any) -> Any:
        return original(articles, *args, pair_model=model, **kwargs)

    aligning.find_claims = with_model  # type: ignore[assignment]
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            macro = claims.score_set(name, claims.HERE / "gold" / name, False)
    finally:
        aligning.find_claims = original
    line = next(x for x in out.getvalue().splitlines() if x.startswith("conflicts:"))
    return macro, line.removeprefix("conflicts: ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help=f"write the model to {MODEL_PATH}")
    parser.add_argument("--cv-labels", action="store_true", help="leave-one-set-out claim label scores")
    args = parser.parse_args(argv)
    claims = _benchmark("claims")
    names = sorted(claims.TUNED)
    data = {name: set_examples(claims, name) for name in names}
    print(f"{'held-out set':18} {'pairs':>6} {'same':>5}   AP old  AP model   F1 old  F1 model")
    for name in names:
        x, y, old = data[name]
        rest = [m for m in names if m != name]
        model = fit(np.vstack([data[m][0] for m in rest]), np.concatenate([data[m][1] for m in rest]), rest)
        p = predict(model, x)
        print(
            f"{name:18} {len(y):6d} {int(y.sum()):5d}   {average_precision(y, old):6.3f}  {average_precision(y, p):8.3f}"
            f"   {f1(y, old >= 0.6):6.3f}  {f1(y, p >= 0.5):8.3f}"
        )
    if args.cv_labels:
        print(f"\n{'held-out set':18} {'macro old':>9} {'macro model':>11}   conflicts old | model")
        totals = [0.0, 0.0]
        for name in names:
            rest = [m for m in names if m != name]
            model = fit(
                np.vstack([data[m][0] for m in rest]), np.concatenate([data[m][1] for m in rest]), rest
            )
            old_macro, old_line = label_scores(claims, name, None)
            new_macro, new_line = label_scores(claims, name, model)
            totals = [totals[0] + old_macro, totals[1] + new_macro]
            print(f"{name:18} {old_macro:9.3f} {new_macro:11.3f}   {old_line} | {new_line}")
        print(f"{'mean':18} {totals[0] / len(names):9.3f} {totals[1] / len(names):11.3f}")
    model = fit(np.vstack([data[m][0] for m in names]), np.concatenate([data[m][1] for m in names]), names)
    print("\nweights (standardised features), all tuned sets:")
    for feature, weight in sorted(zip(FEATURES, model["weights"], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {feature:18} {weight:+.3f}")
    if args.install:
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
