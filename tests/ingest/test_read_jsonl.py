"""JSONL: one article per line; a bad line is rejected with its number and the others are read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.ingest import read_inputs
from newstrace.model import Article, PartialDate, Rejection

BODY = (
    "Storms cut power to 12,000 homes in the fictional province of Varnholm overnight, the grid "
    "operator said on Wednesday, and crews expected to restore most of it by evening."
)


def _write(tmp_path: Path, lines: list[str], name: str = "dump.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fields_become_metadata(tmp_path: Path) -> None:
    record = {
        "id": 42,
        "text": BODY,
        "title": "Storms cut power in Varnholm",
        "url": "https://www.varnholm-post.example/2023/09/13/storms",
        "outlet": "Varnholm Post",
        "published": "2023-09-12T22:10:00+01:00",
        "author": ["Ola Brekk", "Siv Lund"],
    }
    path = _write(tmp_path, [json.dumps(record)])
    [article] = list(read_inputs([str(path)], Options()))
    assert isinstance(article, Article)
    assert article.raw_text == BODY
    assert article.title == "Storms cut power in Varnholm"
    assert article.external_id == "42"
    assert article.byline == "Ola Brekk, Siv Lund"
    assert (article.outlet, article.outlet_source) == ("Varnholm Post", "metadata")
    assert (article.published, article.published_source) == (PartialDate(2023, 9, 12), "metadata")
    assert (article.source.path, article.source.format, article.source.line) == (str(path), "jsonl", 1)
    assert article.label == "42"


def test_url_fills_missing_outlet_and_date(tmp_path: Path) -> None:
    record = {"text": BODY, "url": "https://m.varnholm-post.example/news/2023/09/13/storms"}
    [article] = list(read_inputs([str(_write(tmp_path, [json.dumps(record)]))], Options()))
    assert isinstance(article, Article)
    assert (article.outlet, article.outlet_source) == ("varnholm-post.example", "url")
    assert (article.published, article.published_source) == (PartialDate(2023, 9, 13), "url")


def test_date_without_year_stays_partial(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"text": BODY, "published": "September 12"})])
    [article] = list(read_inputs([str(path)], Options()))
    assert isinstance(article, Article)
    assert article.published == PartialDate(None, 9, 12)


def test_bad_lines_are_rejected_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        '{"text": "unterminated',
        json.dumps({"id": "a", "text": BODY}),
        "",
        json.dumps({"id": "b", "title": "no body"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": BODY + " Later update."}),
        json.dumps({"id": "e", "text": 17}),
    ]
    path = _write(tmp_path, lines)
    results = list(read_inputs([str(path)], Options()))
    assert [a.external_id for a in results if isinstance(a, Article)] == ["a", "d"]
    assert [a.source.line for a in results if isinstance(a, Article)] == [2, 7]
    rejections = [(r.line, r.reason) for r in results if isinstance(r, Rejection)]
    assert rejections[0][0] == 1 and rejections[0][1].startswith("line is not valid JSON: ")
    assert rejections[1:] == [
        (4, "no 'text' field"),
        (5, "'text' is empty"),
        (6, "line is a JSON list, not an object"),
        (8, "'text' is not a string"),
    ]


def test_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x" * 5000}), json.dumps({"id": "ok", "text": BODY})]
    results = list(read_inputs([str(_write(tmp_path, lines))], Options(max_bytes=1000)))
    assert isinstance(results[0], Rejection) and results[0].line == 1 and "limit" in results[0].reason
    assert isinstance(results[1], Article) and results[1].external_id == "ok"


@pytest.mark.parametrize("name", ["dump.dat", "dump.jsonl.gz"])
def test_misnamed_and_compressed_jsonl(tmp_path: Path, name: str) -> None:
    data = (json.dumps({"id": "z", "text": BODY}) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [article] = list(read_inputs([str(path)], Options()))
    assert isinstance(article, Article) and article.external_id == "z" and article.raw_text == BODY
