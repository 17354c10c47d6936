"""The newstrace command as a user runs it: exit codes, run reports, stores that keep what they had."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newstrace.cli import cli
from newstrace.store import open_store

from .texts import BAKERY_REPORT, FERRY_REPORT, HARBOUR_REPORT


def _run(args: list[str], db: Path, stdin: bytes | None = None):
    runner = CliRunner()
    return runner.invoke(cli, ["--db", str(db), *args], input=stdin, catch_exceptions=False)


def _article_count(db: Path) -> int:
    with open_store(str(db)) as store:
        return store.count_articles()


def _bad_corpus(root: Path) -> dict[str, str]:
    """Write one file per bad-input case; returns file name → a word its rejection reason must contain."""
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "huge.txt").write_bytes(b"word " * (300 * 1024 // 5))
    (root / "dump.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": FERRY_REPORT, "title": "Ferry aground"}) + "\n{not json at all\n",
        encoding="utf-8",
    )
    (root / "broken.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken', encoding="utf-8"
    )
    bomb_entities = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' if i else '<!ENTITY l0 "lol">' for i in range(10)
    )
    (root / "bomb.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{bomb_entities}]>'
        '<rss version="2.0"><channel><title>&l9;</title><item><title>x</title>'
        "<description>&l9;</description></item></channel></rss>",
        encoding="utf-8",
    )
    (root / "nav.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/a'>News</a> <a href='/b'>Sport</a>"
        "</nav><footer>© Example Media</footer></body></html>",
        encoding="utf-8",
    )
    (root / "crawl.warc.gz").write_bytes(_truncated_warc())
    return {
        "empty.txt": "empty",
        "picture.txt": "binary",
        "huge.txt": "limit",
        "dump.jsonl": "JSON",
        "broken.rss": "feed",
        "bomb.xml": "entit",
        "nav.html": "article",
        "crawl.warc.gz": "truncated",
    }


def _truncated_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    first_end = 0
    for n, body in enumerate([HARBOUR_REPORT, BAKERY_REPORT]):
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        html = f"<html><head><title>Report {n}</title></head><body><article>{paras}</article></body></html>"
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://news{n}.example/2024/05/0{n + 1}/story",
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
        first_end = first_end or buf.tell()
    data = buf.getvalue()
    # Cut the second record's gzip member in half: the first record stays readable.
    return data[: first_end + (len(data) - first_end) // 2]


def test_bad_inputs_give_one_reason_each_and_keep_the_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    good = tmp_path / "good.txt"
    good.write_text(BAKERY_REPORT, encoding="utf-8")
    assert _run(["ingest", str(good)], db).exit_code == 0
    assert _article_count(db) == 1

    expected = _bad_corpus(tmp_path / "bad")
    result = _run(["ingest", "--max-bytes", str(200 * 1024), str(tmp_path / "bad")], db)

    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    reasons = [line for line in result.stderr.splitlines() if "/bad/" in line]
    for name, word in expected.items():
        lines = [r for r in reasons if Path(r.split(":")[0]).name == name]
        assert len(lines) == 1, f"{name}: {lines}"
        assert word.lower() in lines[0].lower(), lines[0]
    # The malformed JSONL line names its line number.
    assert any(Path(r.split(":")[0]).name == "dump.jsonl" and r.split(":")[1] == "2" for r in reasons)
    # The good JSONL line and the readable WARC record were kept, and the bakery story is still there.
    assert _article_count(db) == 3

    strict = _run(["ingest", "--strict", "--max-bytes", str(200 * 1024), str(tmp_path / "bad")], db)
    assert strict.exit_code == 1
    assert _article_count(db) == 3


@pytest.mark.parametrize(
    ("name", "encoded"),
    [
        ("latin1.txt", ("Ærø harbour café reopened. " + HARBOUR_REPORT).encode("latin-1")),
        ("cp1252.txt", ("“Quoted” café news. " + HARBOUR_REPORT).encode("cp1252")),
        ("utf16.txt", ("Ærø “quoted” news. " + HARBOUR_REPORT).encode("utf-16")),
    ],
)
def test_legacy_encodings_are_read_not_rejected(tmp_path: Path, name: str, encoded: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(encoded)
    db = tmp_path / "store.db"
    result = _run(["ingest", str(path)], db)
    assert result.exit_code == 0, result.output
    with open_store(str(db)) as store:
        (article,) = store.articles()
    assert "café" in article.text or "Ærø" in article.text
    assert "\ufffd" not in article.text


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run(["ingest", str(empty)], tmp_path / "store.db")
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run(["brief", "not-a-number"], tmp_path / "s.db").exit_code == 2
    assert _run(["ingest"], tmp_path / "s.db").exit_code == 2
    assert _run(["brief", "1", "--format", "pdf"], tmp_path / "s.db").exit_code == 2


def test_missing_story_is_one_line_error(tmp_path: Path) -> None:
    result = _run(["brief", "99"], tmp_path / "s.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1


def test_ingesting_twice_keeps_the_count_and_new_text_at_a_url_is_a_revision(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    dump = tmp_path / "dump.jsonl"
    rows = [
        {
            "id": "h1",
            "url": "https://harbour.example/2024/05/06/strike",
            "title": "Strike",
            "text": HARBOUR_REPORT,
        },
        {"id": "b1", "url": "https://bakery.example/loaf", "title": "Loaf", "text": BAKERY_REPORT},
    ]
    dump.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert _run(["ingest", str(dump)], db).exit_code == 0
    assert _run(["ingest", str(dump)], db).exit_code == 0
    assert _article_count(db) == 2

    changed = dict(rows[0], url="https://HARBOUR.example/2024/05/06/strike?utm_source=feed")
    changed["text"] = HARBOUR_REPORT.replace("About 1,200", "About 1,500")
    update = tmp_path / "update.jsonl"
    update.write_text(json.dumps(changed), encoding="utf-8")
    result = _run(["ingest", str(update)], db)
    assert result.exit_code == 0
    assert "1 revised" in result.stderr
    assert _article_count(db) == 2
    with open_store(str(db)) as store:
        (harbour,) = [a for a in store.articles() if a.external_id == "h1"]
        revisions = store.revisions(harbour.id)
    assert [r.revision for r in revisions] == [1, 2]
    assert "1,500" in revisions[-1].text and "1,200" in revisions[0].text


def test_stdin_is_read(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    result = _run(["ingest", "-"], db, stdin=HARBOUR_REPORT.encode())
    assert result.exit_code == 0, result.output
    assert _article_count(db) == 1


def test_stories_json_lists_articles_with_their_ids(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "ext-7", "outlet": "Harbour Times", "text": HARBOUR_REPORT}), encoding="utf-8"
    )
    _run(["ingest", str(dump)], db)
    result = _run(["stories", "--json"], db)
    assert result.exit_code == 0
    (story,) = json.loads(result.stdout)
    (article,) = story["articles"]
    assert article["external_id"] == "ext-7" and article["outlet"] == "Harbour Times"
    assert isinstance(article["id"], int)


@pytest.mark.shared_data
def test_seeds_form_one_story_with_their_credits_and_dateline(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "store.db"
    out = tmp_path / "out"
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = _run(["analyze", *paths, "--out", str(out)], db)
    assert result.exit_code == 0, result.output

    (md,) = out.glob("story-*.md")
    assert {p.suffix for p in out.iterdir()} == {".md", ".html", ".json"}
    brief = json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))
    articles = {Path(a["label"]).name[:3]: a for a in brief["articles"]}
    assert set(articles) == {"000", "001"}
    assert "IANS" in articles["000"]["credits"]
    assert articles["001"]["dateline_place"] == "Moscow"
    assert articles["001"]["published"] == "XXXX-09-12"
    # The spokesman spelt two ways is one speaker, and both spellings are flagged among the entities.
    speakers = {q["speaker"] for q in brief["quotes"]}
    assert "Jeon Ha-kyu" in speakers and "Jeon Ha-kyou" not in speakers


def test_analyze_writes_self_contained_html(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HARBOUR_REPORT, encoding="utf-8")
    (corpus / "b.txt").write_text(
        HARBOUR_REPORT.replace("on Monday", "early on Monday") + "\n\nTalks resume on Friday.",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = _run(["analyze", str(corpus), "--out", str(out)], tmp_path / "s.db")
    assert result.exit_code == 0, result.output
    (html,) = out.glob("*.html")
    page = html.read_text(encoding="utf-8")
    assert "<script src" not in page and "stylesheet" not in page
    assert "Maren Holt" in page
    # Written to a pipe, the summary table keeps each story's title on its own row, not a word per line.
    (brief_json,) = out.glob("*.json")
    title = json.loads(brief_json.read_text(encoding="utf-8"))["story"]["title"]
    (row,) = [line for line in result.output.splitlines() if title[:40] in line]
    assert row.split()[:7] == ["1", "2", "0", "1", "0", "0", "3"]  # story, articles, outlets, copies, ...


def test_gzip_text_is_not_mistaken_for_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.gz"
    path.write_bytes(gzip.compress(b"\x00\x01\x02 binary payload"))
    result = _run(["ingest", str(path)], tmp_path / "s.db")
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_brief_is_kept_in_the_store_and_reused_without_loading_a_model(tmp_path: Path) -> None:
    from newstrace.compare import embeddings

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HARBOUR_REPORT, encoding="utf-8")
    (corpus / "b.txt").write_text(HARBOUR_REPORT.replace("on Monday", "early on Monday"), encoding="utf-8")
    db, out = tmp_path / "s.db", tmp_path / "out"
    assert _run(["analyze", str(corpus), "--out", str(out)], db).exit_code == 0
    (written,) = out.glob("story-*.html")
    story_id = written.stem.removeprefix("story-")

    embeddings._model.cache_clear()
    outputs = {}
    for fmt in ("html", "json", "md"):
        first = _run(["brief", story_id, "--format", fmt], db)
        second = _run(["brief", story_id, "--format", fmt], db)
        assert first.exit_code == second.exit_code == 0
        assert first.stdout == second.stdout
        assert first.stdout == written.with_suffix(f".{fmt}").read_text(encoding="utf-8")
        outputs[fmt] = first.stdout
    assert embeddings._model.cache_info().misses == 0, "a stored brief must not load the embedding model"

    rebuilt = _run(["brief", story_id, "--format", "html", "--rebuild"], db)
    assert rebuilt.exit_code == 0
    assert embeddings._model.cache_info().misses == 1, "--rebuild builds the brief again"
    assert rebuilt.stdout == outputs["html"]
