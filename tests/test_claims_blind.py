"""The blind held-out claims gold sets (benchmarks/gold/claims_heldout2, 3 and 4) are well-formed.

The sets were written blind to the conflict rules; these tests only check that each follows the gold
format and rules of benchmarks/gold/claims/README.md, so that benchmarks/claims.py scores what the labels
say.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newstrace.ingest.clean import clean_article
from newstrace.ingest.text import split_title, text_article

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "gold"
SETS = ("claims_heldout2", "claims_heldout3", "claims_heldout4")


def _load_module() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the loader from its path, under a name of
    # its own so that it does not replace the module tests/test_claims_gold.py loads.
    name = "claims_gold_blind"
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "claims_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cg = _load_module()
BY_SET = {name: cg.load_gold(GOLD / name) for name in SETS}
ROOT_OF = {id(story): GOLD / name for name, stories in BY_SET.items() for story in stories}
STORIES = [story for stories in BY_SET.values() for story in stories]
IDS = [f"{name}/{story.slug}" for name, stories in BY_SET.items() for story in stories]


def _spans(story: Any) -> list[Any]:
    spans = [m for claim in story.claims for m in claim.mentions]
    spans += [s for claim in story.claims if claim.conflict for s in claim.conflict.sides]
    spans += [s for compatible in story.compatible for s in compatible.sides]
    return spans


@pytest.mark.parametrize("name", SETS)
def test_four_stories_of_three_to_six_articles_two_with_a_wire_copy(name: str) -> None:
    stories = BY_SET[name]
    assert len(stories) == 4
    assert all(3 <= len(story.articles) <= 6 for story in stories)
    with_copy = [s.slug for s in stories if any(a.copy_of for a in s.articles.values())]
    assert len(with_copy) >= 2, with_copy


@pytest.mark.parametrize("story", STORIES, ids=IDS)
def test_body_is_what_newstrace_reads_and_every_text_resolves_once(story: Any) -> None:
    for article in story.articles.values():
        split = split_title((ROOT_OF[id(story)] / story.slug / article.file).read_text(encoding="utf-8"))
        assert (split.title, split.body) == (article.headline, article.body)
    for span in _spans(story):
        body = story.articles[span.article].body
        assert body[span.start : span.end] == span.text
        assert body.count(span.text) == 1, (story.slug, span.text)


@pytest.mark.parametrize("story", STORIES, ids=IDS)
def test_every_cited_text_is_still_findable_once_after_cleaning(story: Any) -> None:
    # The scorer re-finds gold texts in Article.text, from which cleaning drops wire datelines.
    cleaned = {}
    for key, article in story.articles.items():
        path = ROOT_OF[id(story)] / story.slug / article.file
        cleaned[key] = clean_article(text_article(path.read_bytes(), str(path))).text
    for span in _spans(story):
        assert cleaned[span.article].count(span.text) == 1, (story.slug, span.article, span.text)


@pytest.mark.parametrize("story", STORIES, ids=IDS)
def test_labels_obey_the_copy_rule_and_conflicts_have_two_values(story: Any) -> None:
    assert cg.label_errors(story) == []
    assert {claim.label for claim in story.claims} == set(cg.LABELS)
    for claim in story.claims:
        if claim.conflict:
            assert len({s.text for s in claim.conflict.sides}) >= 2, (story.slug, claim.id)


@pytest.mark.parametrize("name", SETS)
def test_a_fact_only_a_dispatch_and_its_copy_carry_is_single(name: str) -> None:
    stories = BY_SET[name]
    copied = [
        (story.slug, claim.id)
        for story in stories
        for claim in story.claims
        if len({m.article for m in claim.mentions}) >= 2 and len(story.origins(claim.mentions)) == 1
    ]
    assert copied
    labels = {story.slug: {c.id: c.label for c in story.claims} for story in stories}
    assert {labels[slug][cid] for slug, cid in copied} == {"single"}


@pytest.mark.parametrize("name", SETS)
def test_every_conflict_kind_and_every_compatible_reason_appears_at_least_twice(name: str) -> None:
    stories = BY_SET[name]
    kinds = Counter(c.conflict.kind for story in stories for c in story.claims if c.conflict)
    whys = Counter(compatible.why for story in stories for compatible in story.compatible)
    assert {kind: kinds[kind] for kind in cg.CONFLICT_KINDS if kinds[kind] < 2} == {}
    assert {why: whys[why] for why in cg.COMPATIBLE_WHYS if whys[why] < 2} == {}


@pytest.mark.parametrize("story", STORIES, ids=IDS)
def test_articles_are_full_length_news_reports_published_after_the_event(story: Any) -> None:
    # These sets' articles are longer than the development set's (300-600 words, as their READMEs say).
    for article in story.articles.values():
        words = len(f"{article.headline}\n{article.body}".split())
        assert 300 <= words <= 600, (story.slug, article.file, words)
        assert article.published >= story.event_date


def test_each_copy_is_trimmed_or_edited_yet_repeats_most_of_its_dispatch() -> None:
    # A copy identical to its dispatch would only test exact-duplicate detection; these copies drop a
    # paragraph, add a line or reword a sentence, as syndicating outlets do.
    for story in STORIES:
        for article in story.articles.values():
            if article.copy_of is None:
                continue
            original = story.articles[article.copy_of].body.split("\n\n")
            copy = article.body.split("\n\n")
            assert copy != original, (story.slug, article.file)
            shared = len(set(copy) & set(original))
            assert shared >= 0.8 * len(original), (story.slug, article.file, shared, len(original))
