"""JSON output: validates against docs/brief.schema.json, and every citation checks out."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newstrace.brief import brief_to_dict, render_json
from newstrace.model import Article, Brief

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_output_validates_against_the_schema(
    brief: Brief, validator: jsonschema.Draft202012Validator
) -> None:
    data = json.loads(render_json(brief))
    assert list(validator.iter_errors(data)) == []
    assert data["schema_version"] == "1"
    assert data["story"] == {"id": 4, "title": "Orvin Tunnel to close for six weeks"}


def test_every_citation_text_equals_the_article_slice(brief: Brief, articles: list[Article]) -> None:
    data = json.loads(render_json(brief))
    texts = {a.id: a.text for a in articles}
    citations = data["summary"] + data["single"] + [c for s in data["shared"] for c in s["citations"]]
    assert len(citations) == len(brief.summary) + len(brief.single) + 2
    for c in citations:
        assert texts[c["article_id"]][c["start"] : c["end"]] == c["text"]


def test_non_ascii_is_kept_and_output_is_indented(brief: Brief) -> None:
    text = render_json(brief)
    assert '\n  "story": {' in text
    assert "\\u" not in text


def test_later_sections_can_be_added_without_breaking_the_schema(
    brief: Brief, validator: jsonschema.Draft202012Validator
) -> None:
    data = brief_to_dict(brief)
    data["sentiment"] = [{"name": "Orvin Tunnel", "mentions": []}]  # a section a later version may add
    data["shared"][0]["conflicts"] = []
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["single"][0].pop("text"),
        lambda d: d["shared"][0]["citations"].pop(),  # a shared sentence needs two citations
        lambda d: d.update(schema_version="2"),
        lambda d: d.pop("summary"),
        lambda d: d["articles"][0].update(published="May 2nd"),
    ],
)
def test_schema_rejects_malformed_briefs(
    brief: Brief, validator: jsonschema.Draft202012Validator, breakage
) -> None:
    data = brief_to_dict(brief)
    breakage(data)
    assert list(validator.iter_errors(data))
