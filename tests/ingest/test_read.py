"""read_inputs: folders, stdin, misnamed files, and one rejection per bad input while the run goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.ingest import read_inputs
from newstrace.model import Article, Rejection

LEAD = (
    "A fictional lighthouse keeper on the island of Skarra rescued two kayakers on Sunday evening after "
    "their boat overturned in a squall, the island's coastguard said on Monday."
)
HTML = (
    "<!DOCTYPE html><html><head><title>Rescue at Skarra</title></head>"
    f"<body><article><p>{LEAD}</p></article></body></html>"
)


def _articles(results: list[Article | Rejection]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _rejections(results: list[Article | Rejection]) -> list[Rejection]:
    return [r for r in results if isinstance(r, Rejection)]


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(LEAD + " Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(LEAD + " One.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(LEAD + " Three.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(LEAD + " Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(LEAD + " In .git.", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)], Options()))
    assert [r.raw_text.rsplit(" ", 1)[1] for r in _articles(results)] == ["One.", "Two.", "Three."]
    assert [Path(r.source.path).name for r in _articles(results)] == ["a.txt", "2.txt", "c.txt"]
    assert _rejections(results) == []


def test_notes_describing_a_folder_are_not_read_as_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(LEAD + " One.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# The reports in this folder\n\nTwo wire stories.", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Copyright the outlets.", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)], Options()))
    assert [Path(r.source.path).name for r in _articles(results)] == ["a.txt"]
    # Named on its own, a README is read like any file.
    named = list(read_inputs([str(tmp_path / "README.md")], Options()))
    assert len(_articles(named)) == 1


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("page.txt", HTML.encode(), "html"),
        ("dump.dat", (json.dumps({"text": LEAD}) + "\n").encode(), "jsonl"),
        ("report.html", LEAD.encode(), "text"),
        ("page.html.gz", gzip.compress(HTML.encode()), "html"),
    ],
)
def test_misnamed_files_are_read_by_content(tmp_path: Path, name: str, data: bytes, fmt: str) -> None:
    (tmp_path / name).write_bytes(data)
    [article] = list(read_inputs([str(tmp_path / name)], Options()))
    assert isinstance(article, Article)
    assert article.source.format == fmt
    assert article.raw_text == LEAD


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (LEAD.encode("utf-16"), "text"),
        (HTML.encode(), "html"),
        ((json.dumps({"text": LEAD}) + "\n").encode(), "jsonl"),
    ],
)
def test_stdin(data: bytes, fmt: str) -> None:
    [article] = list(read_inputs(["-"], Options(), stdin=io.BytesIO(data)))
    assert isinstance(article, Article)
    assert article.raw_text == LEAD
    assert (article.source.path, article.source.format) == ("<stdin>", fmt)


def test_empty_stdin_is_rejected() -> None:
    assert list(read_inputs(["-"], Options(), stdin=io.BytesIO(b""))) == [Rejection("<stdin>", "empty file")]


BAD_INPUTS: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t\n", "no text"),
    (
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "binary file (looks like PNG image), not text",
    ),
    ("doc.txt", b"%PDF-1.4\n" + bytes(range(256)), "binary file (looks like PDF document), not text"),
    ("data.txt", b"abc\x00\x00\x01\x02" * 50, "binary file (contains NUL bytes), not text"),
    ("big.txt", b"x" * 3000, "file is 0.0 MB, over the 0.0 MB limit (set max_bytes)"),
    (
        "nav.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "HTML page has no article text",
    ),
    (
        "broken.xml",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit',
        "feed cannot be parsed",
    ),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset><url/></urlset>', "neither an RSS/Atom feed nor HTML"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_rejection_and_the_run_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    good_before, good_after = tmp_path / "0-good.txt", tmp_path / "z-good.txt"
    for good in (good_before, good_after):
        good.write_text(LEAD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    results = list(read_inputs([str(good_before), str(bad), str(good_after)], Options(max_bytes=2048)))
    assert [type(r) for r in results] == [Article, Rejection, Article]
    assert results[1].path == str(bad)
    assert reason in results[1].reason


def test_size_limit_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(25 * 1024 * 1024)  # sparse: no 25 MB written; refused before it is read
        fh.seek(0)
        fh.write(LEAD.encode())
    [rejection] = list(read_inputs([str(path)], Options()))
    assert rejection == Rejection(str(path), "file is 25.0 MB, over the 20.0 MB limit (set max_bytes)")


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(LEAD, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        results = list(read_inputs([str(tmp_path / "nope.txt"), str(locked)], Options()))
    finally:
        locked.chmod(0o644)
    assert results == [
        Rejection(str(tmp_path / "nope.txt"), "no such file"),
        Rejection(str(locked), "cannot read: permission denied"),
    ]


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(read_inputs([missing], Options())) == [Rejection(missing, "no such file")]


@pytest.mark.shared_data
def test_seeds_read_as_one_full_text_article_each(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("0*.txt"))
    assert len(seeds) == 2
    results = list(read_inputs([str(p) for p in seeds], Options()))
    assert [type(r) for r in results] == [Article, Article]
    for seed, article in zip(seeds, results, strict=True):
        assert isinstance(article, Article)
        assert article.source.format == "text"
        assert article.title is None  # both open with the lead paragraph
        assert article.raw_text == seed.read_text(encoding="utf-8").strip()
    assert results[0].raw_text.endswith("(With inputs from IANS)")
    assert results[1].raw_text.startswith("Moscow [Russia], September 12 : ")


def test_permission_denied_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file, so the refusal the operating system gives a normal user is simulated.
    path = tmp_path / "locked.txt"
    path.write_text(LEAD, encoding="utf-8")

    def refuse(name: str, mode: str = "r") -> None:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr("newstrace.ingest.read.open", refuse, raising=False)
    other = tmp_path / "missing.txt"
    assert list(read_inputs([str(path), str(other)], Options())) == [
        Rejection(str(path), "cannot read: permission denied"),
        Rejection(str(other), "no such file"),
    ]
