"""The statement-pair model: what it scores high and low, and how claim alignment uses it."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.compare.claims import find_claims, story_statements
from newstrace.compare.pairs import FEATURES, load_model, pair_features, same_fact_probability
from newstrace.ingest.clean import clean_article
from newstrace.model import Article, Claim, SourceRef

# Three invented reports of one invented event, long enough for the model (20 statements or more, five
# or more each): one fact told in the first two (the escape), the others apart.
FARM = (
    "Two goats escaped from the petting farm at Norby on Saturday morning after a gate was left open.\n\n"
    "One goat was still missing on Saturday evening, the farm's manager said.\n\n"
    "The farm, which opened in 1988, keeps about 120 animals on twelve hectares.\n\n"
    "Staff searched the fields behind the farm until dark with torches and a drone.\n\n"
    "Neighbours were asked to keep their dogs on a lead until both goats were back.\n\n"
    "The farm's owners said no visitor had been hurt and that the goats were tame.\n\n"
    "The farm will stay open on Sunday as planned, its website said."
)
RADIO = (
    "Two goats got out of Norby's petting farm on Saturday when a gate was left unlatched.\n\n"
    "The cafe at the farm stayed open all weekend for families who had booked.\n\n"
    "A keeper found the second goat in a garden on Mill Lane on Sunday.\n\n"
    "The farm said it would fit new locks to every gate before the summer holidays.\n\n"
    "A council inspector is due to visit the farm next week to check its fences.\n\n"
    "Last year the farm won a county prize for its school visits programme.\n\n"
    "Its manager, Ellen Strand, thanked the people of Norby for their help."
)
PAPER = (
    "Norby's petting farm has promised new locks after two of its goats wandered off at the weekend.\n\n"
    "The farm's insurer said the gate's latch had been reported broken in March.\n\n"
    "Children at Norby Primary School named the goats Pepper and Salt in a competition in 2021.\n\n"
    "Mill Lane residents said the goat had eaten most of a hedge before it was caught.\n\n"
    "The district council licenses eleven animal attractions in the valley.\n\n"
    "Ticket sales at the farm rose by a fifth last year, its accounts show.\n\n"
    "A petition for a footpath past the farm has gathered 300 names."
)
# The same two reports cut short: too small a story for the model, which then has no opinion.
SHORT = (FARM.split("\n\n")[0], RADIO.split("\n\n")[0])


def _articles(texts: tuple[str, ...] = (FARM, RADIO, PAPER)) -> list[Article]:
    out = []
    outlets = ("Norby News", "County Radio", "Valley Gazette")[: len(texts)]
    for number, (text, outlet) in enumerate(zip(texts, outlets, strict=True), start=1):
        article = clean_article(
            Article(raw_text=text, source=SourceRef(f"{outlet}.txt", "text"), outlet=outlet)
        )
        article.id = number
        out.append(article)
    return out


@pytest.fixture(scope="module")
def story():  # type: ignore[no-untyped-def]
    from newstrace.compare.embeddings import embed

    statements = story_statements(_articles())
    return statements, np.asarray(embed([s.text for s in statements]), dtype=np.float32)


def _index(statements, article_id: int, words: str) -> int:  # type: ignore[no-untyped-def]
    (k,) = [k for k, s in enumerate(statements) if s.article_id == article_id and words in s.text]
    return k


def test_the_same_fact_in_two_reports_scores_high_and_a_neighbour_of_one_topic_low(story) -> None:
    statements, vectors = story
    probability = same_fact_probability(statements, vectors)
    escape = probability[
        _index(statements, 1, "Two goats escaped"), _index(statements, 2, "Two goats got out")
    ]
    neighbour = probability[
        _index(statements, 1, "Two goats escaped"), _index(statements, 2, "A keeper found")
    ]
    assert escape > 0.9
    assert neighbour < 0.1


def test_probabilities_are_symmetric_and_nil_inside_one_article(story) -> None:
    statements, vectors = story
    probability = same_fact_probability(statements, vectors)
    assert np.allclose(probability, probability.T)
    same_article = np.array([[a.article_id == b.article_id for b in statements] for a in statements])
    assert (probability[same_article] == 0).all()
    assert pair_features(statements, vectors).shape == (len(statements), len(statements), len(FEATURES))


def test_the_shipped_model_is_trained_on_these_features() -> None:
    model = load_model()
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(FEATURES)
    assert "claims_heldout6" not in model["trained_on"]  # the blind sets stay held out


def _constant(probability: float) -> dict[str, object]:
    """A pair model that gives every pair ``probability``."""
    k = len(FEATURES)
    bias = float(np.log(probability / (1 - probability)))
    return {
        "features": list(FEATURES),
        "mean": [0.0] * k,
        "scale": [1.0] * k,
        "weights": [0.0] * k,
        "bias": bias,
    }


def _agreed(claims: list[Claim]) -> list[tuple[str, ...]]:
    return [tuple(s.text for s in c.statements) for c in claims if c.label == "agreed"]


def test_a_pair_the_model_vetoes_never_aligns_however_alike() -> None:
    articles = _articles()
    assert any("Two goats escaped" in texts[0] for texts in _agreed(find_claims(articles)))
    assert _agreed(find_claims(articles, pair_model=_constant(0.01))) == []


def test_a_story_smaller_than_those_it_learnt_from_gets_no_opinion() -> None:
    from newstrace.compare.embeddings import embed

    statements = story_statements(_articles(SHORT))
    probability = same_fact_probability(statements, np.asarray(embed([s.text for s in statements])))
    assert probability[0, 1] == 0.5
    # So a veto cannot part the one fact the two short reports share.
    assert _agreed(find_claims(_articles(SHORT), pair_model=_constant(0.01)))


def test_a_likely_pair_just_under_the_bar_aligns_when_each_is_the_others_best() -> None:
    # A paraphrase in other words (0.56, under the bar of 0.6) of the one search the first report tells.
    paper = PAPER + "\n\nWorkers combed nearby meadows into the night using lamps and a flying camera."
    articles = _articles((FARM, RADIO, paper))
    search = (
        "Staff searched the fields behind the farm until dark with torches and a drone.",
        "Workers combed nearby meadows into the night using lamps and a flying camera.",
    )
    assert search in _agreed(find_claims(articles, pair_model=_constant(0.75)))
    # Without the model's opinion the score alone decides, and it is under the bar.
    assert search not in _agreed(find_claims(articles, pair_model=_constant(0.5)))


def test_mutual_best_pairs_each_statement_with_one_counterpart_per_article() -> None:
    from newstrace.compare.matching import mutual_best
    from newstrace.model import Citation

    statements = [
        Citation(1, 0, 1, "a"),
        Citation(1, 2, 3, "b"),
        Citation(2, 0, 1, "c"),
        Citation(2, 2, 3, "d"),
    ]
    score = np.array(
        [
            [1.0, 0.0, 0.9, 0.5],
            [0.0, 1.0, 0.8, 0.4],
            [0.9, 0.8, 1.0, 0.0],
            [0.5, 0.4, 0.0, 1.0],
        ]
    )
    best = mutual_best(statements, score)
    # a and c choose each other; b's best (c) prefers a, and d's best (a) prefers c.
    assert best[0, 2] and best[2, 0]
    assert not best[1, 2] and not best[3, 0] and not best[0, 1]
