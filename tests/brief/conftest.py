"""A small fictional story for the brief tests: three reports, two sharing a verbatim sentence."""

from __future__ import annotations

import pytest

from newstrace.brief import build_brief
from newstrace.model import Article, Brief, Credit, PartialDate, SourceRef, Story

# Written for these tests; the event is fictional.
SHARED = "The Orvin Tunnel will close for six weeks from Monday while engineers replace its ventilation fans."

TEXTS = {
    1: (
        f"{SHARED} The regional transport office said diversions would add 20 minutes to most journeys.\n\n"
        "Freight operators asked for night access."
    ),
    2: (
        "Drivers face long detours this summer.\n\n"
        f"{SHARED} Shopkeepers in Brask fear a drop in trade & fewer visitors."
    ),
    3: (
        'A reader wrote <script>alert("x")</script> in a comment & the editor kept it. '
        "The tunnel opened in 1987 and carries about 30,000 vehicles a day."
    ),
}


def make_articles() -> list[Article]:
    meta = {
        1: dict(
            outlet="Valley Courier", published=PartialDate(2024, 5, 2), url="https://courier.example/orvin"
        ),
        2: dict(outlet="Brask Post", published=PartialDate(2024, 5, 3), dateline_place="Brask"),
        3: dict(outlet="Tunnel & Road <Weekly>", published=None, title="Orvin <b>tunnel</b> & you"),
    }
    articles = []
    for ident, text in TEXTS.items():
        articles.append(
            Article(
                raw_text=text,
                text=text,
                source=SourceRef(f"fixtures/report-{ident}.txt", "text"),
                id=ident,
                revision=1,
                credits=[Credit("Valley News Agency", "inputs_from", "(With inputs from VNA)")]
                * (ident == 1),
                **meta[ident],
            )
        )
    return articles


@pytest.fixture
def articles() -> list[Article]:
    return make_articles()


@pytest.fixture
def brief(articles: list[Article]) -> Brief:
    story = Story(article_ids=(1, 2, 3), title="Orvin Tunnel to close for six weeks", id=4)
    return build_brief(story, articles, 0.5)


@pytest.fixture
def shared_sentence() -> str:
    """The sentence reports 1 and 2 carry verbatim."""
    return SHARED
