"""The claims gold sets (benchmarks/gold/claims*) are well-formed, and the loader refuses malformed gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newstrace.ingest.clean import clean_article
from newstrace.ingest.text import split_title, text_article

REPO = Path(__file__).resolve().parents[1]
GOLD_ROOT = REPO / "benchmarks" / "gold" / "claims"


def _load_module() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the loader from its path.
    spec = importlib.util.spec_from_file_location("claims_gold", REPO / "benchmarks" / "claims_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


cg = _load_module()
STORIES = cg.load_gold(GOLD_ROOT)
STORY_IDS = [story.slug for story in STORIES]
# The held-out sets follow the same format and rules; the per-story checks run on them too, the set-wide
# counts only on the development set (tests/test_claims_blind.py has the blind sets' own).
HELDOUT_SETS = tuple(sorted(p.name for p in GOLD_ROOT.parent.glob("claims_heldout*") if p.is_dir()))
HELDOUT = {name: cg.load_gold(GOLD_ROOT.parent / name) for name in HELDOUT_SETS}
EVERY_STORY = STORIES + [story for stories in HELDOUT.values() for story in stories]
EVERY_ID = STORY_IDS + [f"{name}/{story.slug}" for name, stories in HELDOUT.items() for story in stories]
# The development and first held-out sets are short reports; the blind sets' articles run 300-600 words
# and every statement of them is a claim (tests/test_claims_blind.py checks their lengths).
SHORT_STORIES = STORIES + HELDOUT["claims_heldout"]
SHORT_IDS = EVERY_ID[: len(SHORT_STORIES)]
FOLDER = {id(story): GOLD_ROOT / story.slug for story in STORIES} | {
    id(story): GOLD_ROOT.parent / name / story.slug for name, stories in HELDOUT.items() for story in stories
}


def _spans(story: Any) -> list[Any]:
    spans = [m for claim in story.claims for m in claim.mentions]
    spans += [s for claim in story.claims if claim.conflict for s in claim.conflict.sides]
    spans += [s for compatible in story.compatible for s in compatible.sides]
    return spans


def test_at_least_five_stories_with_three_to_eight_articles() -> None:
    assert len(STORIES) >= 5
    for story in STORIES:
        assert 3 <= len(story.articles) <= 8, story.slug


@pytest.mark.parametrize("story", EVERY_STORY, ids=EVERY_ID)
def test_every_cited_text_resolves_once_in_the_body(story: Any) -> None:
    for span in _spans(story):
        body = story.articles[span.article].body
        assert body[span.start : span.end] == span.text
        assert body.count(span.text) == 1, (story.slug, span.text)


@pytest.mark.parametrize("story", EVERY_STORY, ids=EVERY_ID)
def test_body_is_what_newstrace_reads_as_raw_text(story: Any) -> None:
    for article in story.articles.values():
        split = split_title((FOLDER[id(story)] / article.file).read_text(encoding="utf-8"))
        assert split.title == article.headline
        assert split.body == article.body


@pytest.mark.parametrize("story", EVERY_STORY, ids=EVERY_ID)
def test_every_cited_text_is_still_findable_once_after_cleaning(story: Any) -> None:
    # Gold offsets index raw_text; cleaning may drop a dateline, so a scorer re-finds texts in Article.text.
    cleaned = {}
    for key, article in story.articles.items():
        path = FOLDER[id(story)] / article.file
        cleaned[key] = clean_article(text_article(path.read_bytes(), str(path))).text
    for span in _spans(story):
        assert cleaned[span.article].count(span.text) == 1, (story.slug, span.article, span.text)


@pytest.mark.parametrize("story", EVERY_STORY, ids=EVERY_ID)
def test_labels_obey_the_copy_rule(story: Any) -> None:
    assert cg.label_errors(story) == []
    for claim in story.claims:
        origins = {story.origin(m.article) for m in claim.mentions}
        if claim.label == "agreed":
            assert len(origins) >= 2, claim.id
        elif claim.label == "single":
            assert len(origins) == 1, claim.id
        else:
            assert claim.conflict is not None, claim.id
            assert len({story.origin(s.article) for s in claim.conflict.sides}) >= 2, claim.id
            assert len({s.text for s in claim.conflict.sides}) >= 2, f"{claim.id}: every side says the same"


def test_a_fact_carried_only_by_a_dispatch_and_its_copy_is_single() -> None:
    copied_singles = [
        (story.slug, claim.id)
        for story in STORIES
        for claim in story.claims
        if claim.label == "single" and len({m.article for m in claim.mentions}) >= 2
    ]
    assert copied_singles


def test_every_conflict_kind_appears_at_least_twice() -> None:
    kinds = Counter(claim.conflict.kind for story in STORIES for claim in story.claims if claim.conflict)
    assert {kind: kinds[kind] for kind in cg.CONFLICT_KINDS if kinds[kind] < 2} == {}


def test_compatible_differences_of_each_kind_appear_at_least_twice() -> None:
    whys = Counter(compatible.why for story in STORIES for compatible in story.compatible)
    assert {why: whys[why] for why in ("rounding", "vaguer", "update") if whys[why] < 2} == {}


@pytest.mark.parametrize("story", EVERY_STORY, ids=EVERY_ID)
def test_stories_have_all_three_labels(story: Any) -> None:
    assert {claim.label for claim in story.claims} == set(cg.LABELS)


@pytest.mark.parametrize("story", SHORT_STORIES, ids=SHORT_IDS)
def test_short_sets_have_a_realistic_claim_count(story: Any) -> None:
    assert 8 <= len(story.claims) <= 25


@pytest.mark.parametrize("story", SHORT_STORIES, ids=SHORT_IDS)
def test_articles_are_short_news_reports(story: Any) -> None:
    for article in story.articles.values():
        words = len(f"{article.headline}\n{article.body}".split())
        assert 120 <= words <= 350, (story.slug, article.file, words)
        assert article.published >= story.event_date


# A tiny story written for these tests: b is a copy of a; c is independent.
BRIDGE_DISPATCH = "The old bridge in Fenby closed on Monday.\n\nRepairs will take a month."
TINY_ARTICLES = {
    "01_alpha.txt": "Bridge closes in Fenby\n\n" + BRIDGE_DISPATCH,
    "02_beta.txt": "Fenby bridge shut\n\n" + BRIDGE_DISPATCH,
    "03_gamma.txt": "Fenby bridge shut for repairs\n\n"
    "Fenby's old bridge was shut on Monday.\n\nTraffic is diverted.",
}


def _tiny_gold(claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "story": "tiny",
        "title": "Fenby bridge",
        "event_date": "2024-01-01",
        "articles": {
            "a": {"file": "01_alpha.txt", "outlet": "Alpha", "published": "2024-01-01", "copy_of": None},
            "b": {"file": "02_beta.txt", "outlet": "Beta", "published": "2024-01-01", "copy_of": "a"},
            "c": {"file": "03_gamma.txt", "outlet": "Gamma", "published": "2024-01-02", "copy_of": None},
        },
        "claims": claims,
        "compatible": [],
    }


def _write_tiny(root: Path, gold: dict[str, Any], articles: dict[str, str] | None = None) -> Path:
    folder = root / "tiny"
    folder.mkdir()
    for name, text in (articles or TINY_ARTICLES).items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def _claim(cid: str, label: str, *mentions: tuple[str, str], conflict: Any = None) -> dict[str, Any]:
    return {
        "id": cid,
        "label": label,
        "mentions": [{"article": a, "text": t} for a, t in mentions],
        "conflict": conflict,
    }


def test_offsets_index_the_body_without_the_headline(tmp_path: Path) -> None:
    gold = _tiny_gold(
        [_claim("c1", "single", ("a", "Repairs will take a month."), ("b", "Repairs will take a month."))]
    )
    story = cg.load_story(_write_tiny(tmp_path, gold))
    span = story.claims[0].mentions[0]
    assert (span.file, span.start, span.end) == ("01_alpha.txt", 43, 69)
    assert story.articles["a"].body[span.start : span.end] == "Repairs will take a month."


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        (
            [_claim("c7", "single", ("c", "The bridge fell down."))],
            "tiny claim c7 mention in article c: text not found",
        ),
        (
            [_claim("c2", "single", ("a", "e"))],
            "tiny claim c2 mention in article a: text found more than once",
        ),
        (
            [
                _claim(
                    "c3", "agreed", ("a", "Repairs will take a month."), ("b", "Repairs will take a month.")
                )
            ],
            "tiny claim c3: labelled agreed but all mentions come from one origin",
        ),
        (
            [_claim("c4", "single", ("a", "closed on Monday"), ("c", "was shut on Monday"))],
            "tiny claim c4: labelled single but mentions come from 2 origins",
        ),
        (
            [_claim("c5", "conflicting", ("a", "closed on Monday"), ("c", "was shut"))],
            "tiny claim c5: labelled conflicting",
        ),
        ([_claim("c6", "disputed", ("a", "closed on Monday"))], "tiny claim c6: label 'disputed'"),
        (
            [
                _claim(
                    "c8",
                    "conflicting",
                    ("a", "closed on Monday"),
                    ("c", "was shut on Monday"),
                    conflict={"kind": "colour", "sides": [{"article": "a", "text": "Monday"}]},
                )
            ],
            "tiny claim c8: conflict kind 'colour'",
        ),
        ([_claim("c9", "single", ("z", "closed"))], "tiny claim c9 mention: unknown article 'z'"),
    ],
)
def test_malformed_gold_is_refused_naming_story_and_claim(
    tmp_path: Path, claims: list[dict[str, Any]], reason: str
) -> None:
    folder = _write_tiny(tmp_path, _tiny_gold(claims))
    with pytest.raises(cg.GoldError) as excinfo:
        cg.load_story(folder)
    assert str(excinfo.value).startswith(reason)


def test_a_file_without_a_headline_line_is_refused(tmp_path: Path) -> None:
    articles = dict(
        TINY_ARTICLES, **{"03_gamma.txt": "Fenby's old bridge was shut on Monday.\nTraffic is diverted."}
    )
    folder = _write_tiny(tmp_path, _tiny_gold([]), articles)
    with pytest.raises(cg.GoldError, match="03_gamma.txt: the first line must be a headline"):
        cg.load_story(folder)


def test_main_prints_a_row_per_story_and_fails_on_bad_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cg.main([str(GOLD_ROOT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    for slug in STORY_IDS:
        assert any(line.startswith(slug + " ") for line in lines), slug
    _write_tiny(tmp_path, _tiny_gold([_claim("c1", "agreed", ("a", "nowhere"))]))
    assert cg.main([str(tmp_path)]) == 1
    assert "tiny claim c1" in capsys.readouterr().err
