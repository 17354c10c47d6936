"""The brief's Copies section: each copy names its original and cites a sentence on both sides."""

from __future__ import annotations

import json

from newstrace.brief import build_brief, render_json, render_markdown
from newstrace.brief.copies import build_copies
from newstrace.model import PartialDate, Story
from tests.group.group_texts import INDEPENDENT, WIRE, article, edit_words

DAY = PartialDate(2024, 6, 3)


def _story() -> tuple[Story, list]:
    wire = article(1, WIRE, title="Landslide buries part of Velmora", outlet="Tarn Press", published=DAY)
    copy = article(
        2,
        edit_words(WIRE, 0.05),
        title="Seven dead in Velmora landslide",
        outlet="Valley Post",
        published=DAY,
    )
    other = article(3, INDEPENDENT, title="Velmora waits for news", outlet="Hill Courier", published=DAY)
    return Story((1, 2, 3), "Landslide buries part of Velmora", 5), [wire, copy, other]


def test_copies_cite_matching_sentences_in_both_articles() -> None:
    _, articles = _story()
    (edge,) = build_copies(articles)
    by_id = {a.id: a for a in articles}
    assert (edge.copy.article_id, edge.original.article_id, edge.kind) == (2, 1, "near")
    for cited in (edge.copy, edge.original):
        assert by_id[cited.article_id].text[cited.start : cited.end] == cited.text != ""


def test_markdown_and_json_name_the_original() -> None:
    story, articles = _story()
    brief = build_brief(story, articles, 0.5)
    markdown = render_markdown(brief)
    section = markdown[markdown.index("## Copies") :]
    assert "Likely original: #1" in section
    assert "#2 inbox/2.txt is a lightly edited copy of #1" in section
    assert "#3" not in section
    (copy,) = json.loads(render_json(brief))["copies"]
    assert (copy["copy_id"], copy["original_id"], copy["kind"]) == (2, 1, "near")


def test_a_story_without_copies_says_so() -> None:
    story, articles = _story()
    brief = build_brief(Story((1, 3), story.title, 5), [articles[0], articles[2]], 0.5)
    assert "No article is a copy of another." in render_markdown(brief)
