"""Plain-text reports: encodings read right, a title only when the first line is plainly a headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.config import Options
from newstrace.ingest import read_inputs
from newstrace.ingest.text import split_title
from newstrace.model import Article

LEAD = (
    "The council of the fictional harbour town of Saltreach voted on Thursday to close the old ferry "
    "pier after divers found its pilings rotten, a council spokesman said."
)
SECOND = "“We had no choice,” said the harbour master, Ida Marrow. “The pier is not safe.”"


def _read_one(path: Path) -> Article:
    results = list(read_inputs([str(path)], Options()))
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        (f"Saltreach closes its ferry pier\n\n{LEAD}\n\n{SECOND}\n", "Saltreach closes its ferry pier", LEAD),
        (f"{LEAD}\n\n{SECOND}\n", None, LEAD),  # a lead paragraph is not a title
        (f"Saltreach closes its ferry pier.\n\n{LEAD}\n", None, "Saltreach"),  # final period: a sentence
        (f"Saltreach closes its ferry pier\n{LEAD}\n", None, "Saltreach"),  # no blank line after it
        (f"{'Long ' * 40}headline\n\n{LEAD}\n", None, "Long"),  # over 150 characters
        ("Just one line, no title\n", None, "Just one line"),
    ],
)
def test_title_only_from_a_plain_headline(text: str, title: str | None, body_start: str) -> None:
    split = split_title(text)
    assert split.title == title
    assert split.body.startswith(body_start)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1252"])
def test_text_file_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    text = f"Saltreach closes its ferry pier\r\n\r\n{LEAD}\r\n\r\n{SECOND}\r\n"
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    article = _read_one(path)
    assert article.title == "Saltreach closes its ferry pier"
    assert article.raw_text == f"{LEAD}\n\n{SECOND}"
    assert article.source.format == "text" and article.source.path == str(path)
    # Left for the cleaning stage.
    assert (article.text, article.credits, article.removed, article.dateline_place) == ("", [], [], None)


def test_latin1_file(tmp_path: Path) -> None:
    body = "Le maire de Salinère a déclaré jeudi que la jetée fermerait. « C'est dangereux », a-t-il dit."
    path = tmp_path / "rapport.txt"
    path.write_bytes(body.encode("latin-1"))
    assert _read_one(path).raw_text == body
