"""Training the pair model: the fit finds a separation that is there, and its record loads as shipped."""

from __future__ import annotations

import numpy as np
from training.train_align import average_precision, fit, logistic_fit

from newstrace.compare.pairs import FEATURES, same_fact_probability
from newstrace.model import Citation


def test_logistic_fit_recovers_the_direction_that_separates_the_labels() -> None:
    rng = np.random.default_rng(7)
    features = rng.normal(size=(2000, 3))
    labels = (features[:, 0] - 0.5 * features[:, 2] + 0.3 * rng.normal(size=2000) > 0).astype(float)
    weights, bias = logistic_fit(features, labels, l2=1.0)
    assert weights[0] > 2 and weights[2] < -1 and abs(weights[1]) < 0.5
    assert abs(bias) < 0.5


def test_a_fitted_record_is_what_the_package_reads() -> None:
    rng = np.random.default_rng(3)
    features = rng.normal(size=(500, len(FEATURES)))
    labels = (features[:, 0] > 0).astype(float)
    model = fit(features, labels, ["a set"])
    assert model["features"] == list(FEATURES)
    statements = [
        Citation(a, 0, 10, text) for a, text in ((1, "one fact"), (1, "two facts"), (2, "one fact"))
    ]
    vectors = np.eye(3)[[0, 1, 0]]
    probability = same_fact_probability(statements, vectors, model)  # too small a story: no opinion
    assert probability.shape == (3, 3) and probability[0, 2] == 0.5


def test_average_precision_of_a_perfect_and_a_reversed_ranking() -> None:
    labels = np.array([1.0, 1.0, 0.0, 0.0])
    assert average_precision(labels, np.array([0.9, 0.8, 0.2, 0.1])) == 1.0
    assert average_precision(labels, np.array([0.1, 0.2, 0.8, 0.9])) < 0.5
