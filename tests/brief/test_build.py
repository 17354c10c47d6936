"""Brief building: articles, shared and single sentences, and the extractive summary."""

from __future__ import annotations

import pytest

from newstrace.brief import build_brief
from newstrace.model import Article, Brief, Credit, SourceRef, Story


def test_brief_lists_articles_in_publication_order_with_their_metadata(brief: Brief) -> None:
    assert brief.story_id == 4
    assert brief.title == "Orvin Tunnel to close for six weeks"
    assert [a.article_id for a in brief.articles] == [1, 2, 3]  # the undated one last
    first = brief.articles[0]
    assert (first.outlet, first.published, first.credits, first.revision) == (
        "Valley Courier",
        "2024-05-02",
        ("Valley News Agency",),
        1,
    )
    assert brief.articles[2].published is None


def test_shared_sentence_cites_both_articles(brief: Brief, shared_sentence: str) -> None:
    (shared,) = brief.shared
    assert [(c.article_id, c.text) for c in shared.citations] == [(1, shared_sentence), (2, shared_sentence)]
    assert shared_sentence not in [c.text for c in brief.single]


def test_every_citation_is_an_exact_slice(brief: Brief, articles: list[Article]) -> None:
    by_id = {a.id: a.text for a in articles}
    for c in [*brief.summary, *brief.single, *(c for s in brief.shared for c in s.citations)]:
        assert by_id[c.article_id][c.start : c.end] == c.text


def test_summary_prefers_the_shared_sentence_then_leads_without_repeats(
    brief: Brief, shared_sentence: str
) -> None:
    summary = [c.text for c in brief.summary]
    assert 3 <= len(summary) <= 5
    assert summary[0] == shared_sentence
    assert summary.count(shared_sentence) == 1
    # Article 1's lead is the shared sentence, already taken; then the leads of articles 2 and 3.
    assert summary[1] == "Drivers face long detours this summer."
    assert summary[2].startswith("A reader wrote")


def test_credits_are_deduplicated_in_order(articles: list[Article]) -> None:
    articles[0].credits = [
        Credit("IANS", "caption", "IANS"),
        Credit("Yonhap", "byline", "Yonhap"),
        Credit("IANS", "inputs_from", "(With inputs from IANS)"),
    ]
    brief = build_brief(Story((1,), "t", 1), articles, 0.5)
    assert brief.articles[0].credits == ("IANS", "Yonhap")


def test_missing_article_is_refused(articles: list[Article]) -> None:
    with pytest.raises(ValueError, match=r"\[9\]"):
        build_brief(Story((1, 9), "t", 1), articles, 0.5)


def test_unstored_story_gets_id_zero() -> None:
    art = Article(
        raw_text="One short report about a bridge opening in Tarn today.",
        source=SourceRef("a", "text"),
        text="One short report about a bridge opening in Tarn today.",
        id=1,
        revision=1,
    )
    brief = build_brief(Story((1,), "Bridge"), [art], 0.5)
    assert brief.story_id == 0
    assert [c.text for c in brief.summary] == [art.text]


def test_background_several_reports_copied_waits_until_the_leads() -> None:
    background = "The tunnel opened in 1987 and was last refitted in 2009 at a cost of 14 million crowns."
    texts = {
        1: "The Orvin Tunnel closed on Monday for six weeks of repairs to its ventilation fans.\n\n"
        "Drivers were sent over the Kessby pass, adding about 20 minutes to most journeys.\n\n"
        f"{background}",
        2: "Lorries queued for an hour at Brask on the first day of the Orvin Tunnel closure.\n\n"
        "Hauliers said the detour would cost them fuel and drivers' hours all summer.\n\n"
        f"{background}",
    }
    articles = [
        Article(raw_text=t, text=t, source=SourceRef(f"r{i}.txt", "text"), id=i, revision=1)
        for i, t in texts.items()
    ]
    brief = build_brief(Story((1, 2), "Tunnel", 5), articles, 0.5)
    summary = [c.text for c in brief.summary]
    assert summary[:2] == [texts[1].split("\n\n")[0], texts[2].split("\n\n")[0]]
    assert background in summary  # still there, after the leads, in a story this short


def test_a_subheading_inside_the_body_is_no_summary_line() -> None:
    text = (
        "Orvin Tunnel Closure Leaves Hauliers Counting the Cost of Summer\n\n"
        "Lorries queued for an hour at Brask on the first day of the Orvin Tunnel closure.\n\n"
        "Hauliers said the detour would cost them fuel and drivers' hours all summer."
    )
    art = Article(raw_text=text, text=text, source=SourceRef("r.txt", "text"), id=1, revision=1)
    summary = [c.text for c in build_brief(Story((1,), "Tunnel", 6), [art], 0.5).summary]
    assert summary == [text.split("\n\n")[1], text.split("\n\n")[2]]
