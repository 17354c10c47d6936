"""`newstrace copies` and the copy trees of `newstrace stories`, on the example corpus and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newstrace.cli import cli
from newstrace.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(args: list[str], db: Path):  # noqa: ANN202
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _ids_by_outlet(db: Path) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    with open_store(str(db)) as store:
        for article in store.articles():
            found.setdefault(article.outlet or article.label, []).append(article.id or 0)
    return found


def _ferry_wire(db: Path) -> int:
    with open_store(str(db)) as store:
        return next(
            a.id for a in store.articles() if a.source.path.endswith("nordwire_20250314_ferry_capsizes.txt")
        )


def test_both_syndicated_copies_point_at_the_wire(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert _run(["ingest", "-q", str(EXAMPLES / "corpus")], db).exit_code == 0
    wire = _ferry_wire(db)
    outlets = _ids_by_outlet(db)

    result = _run(["copies", str(outlets["Baltic Ledger"][0]), "--json"], db)
    payload = json.loads(result.output)
    assert payload["original_id"] == wire
    copies = {c["copy_id"]: c for c in payload["copies"]}
    assert set(copies) == {
        outlets["Baltic Ledger"][0],
        next(i for i in outlets["Estmark Daily"] if i in copies),
    }
    assert all(c["original_id"] == wire and c["kind"] == "near" for c in copies.values())

    text = _run(["copies", str(wire)], db).output
    assert text.splitlines()[0].startswith(f"#{wire} original · Nordwire")
    assert "Baltic Ledger" in text and "Estmark Daily" in text


def test_independent_reports_and_the_rewrite_are_nobodys_copies(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _run(["ingest", "-q", str(EXAMPLES / "corpus")], db)
    outlets = _ids_by_outlet(db)
    for outlet in ("The Halvard Courier", "The Meridian Post"):
        for article_id in outlets[outlet]:
            assert "copies no article" in _run(["copies", str(article_id)], db).output
    rewrite = next(i for name, ids in outlets.items() if "sundline" in name for i in ids)
    assert "copies no article" in _run(["copies", str(rewrite)], db).output


def test_stories_show_the_copy_tree_with_the_original(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _run(["ingest", "-q", str(EXAMPLES / "corpus")], db)
    wire = _ferry_wire(db)
    rows = json.loads(_run(["stories", "--json"], db).output)
    ferry = next(r for r in rows if wire in {a["id"] for a in r["articles"]})
    assert ferry["originals"] == [wire]
    assert len(ferry["copies"]) == 2
    assert all(r["copies"] == [] for r in rows if r is not ferry)
    assert "original" in _run(["stories"], db).output


def test_missing_article_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _run(["ingest", "-q", str(EXAMPLES / "corpus")], db)
    result = _run(["copies", "999"], db)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["error: no article 999 in " + str(db)]


def test_the_seeds_are_one_story_and_not_copies(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "store.db"
    _run(["ingest", "-q", *sorted(str(p) for p in seeds_dir.glob("*.txt"))], db)
    (story,) = json.loads(_run(["stories", "--json"], db).output)
    assert len(story["articles"]) == 2
    assert story["copies"] == []
