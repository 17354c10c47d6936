"""Markdown rendering: the shared sentence once with both citations, every statement cited."""

from __future__ import annotations

import dataclasses
import re

import pytest

from newstrace.brief import render_markdown
from newstrace.model import Brief

CITATION = re.compile(r"\[#\d+ \d+–\d+\]")


def test_shared_sentence_is_quoted_once_with_both_citations(brief: Brief, shared_sentence: str) -> None:
    md = render_markdown(brief)
    section = md.split("## Reported by several articles")[1].split("## Found in only one article")[0]
    quoted = [line for line in section.splitlines() if line.startswith("> ") and "—" not in line]
    assert quoted == [f"> {shared_sentence}"]
    (shared,) = brief.shared
    a, b = shared.citations
    assert f"[#1 {a.start}–{a.end}] [#2 {b.start}–{b.end}]" in section


def test_sections_and_article_table(brief: Brief) -> None:
    md = render_markdown(brief)
    assert md.startswith("# Orvin Tunnel to close for six weeks\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    claims = ["## What the sources agree on", "## Where they disagree", "## What only one source says"]
    assert headings[: len(claims) + 2] == ["## Summary", *claims, "## Reported by several articles"]
    assert "| id | label | outlet | date | dateline | credits |" in md
    assert "| #2 | fixtures/report-2.txt | Brask Post | 2024-05-03 | Brask |  |" in md
    # Single-source statements are listed under their origin (outlet and article), not repeated by article.
    assert "### Tunnel & Road \\<Weekly\\> (article 3)" in md
    assert "## Found in only one article" not in md


def test_every_statement_line_carries_a_citation(brief: Brief) -> None:
    md = render_markdown(brief)
    body = md.split("## Summary")[1]
    for line in body.splitlines():
        if line.startswith("- ") or line.startswith("> —"):
            assert CITATION.search(line), line


def test_article_text_cannot_inject_markup(brief: Brief) -> None:
    md = render_markdown(brief)
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "Tunnel & Road \\<Weekly\\>" in md


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Plain title", "# Plain title"),
        ("file_name_2024.txt stays readable", "# file_name_2024.txt stays readable"),
        ("*Breaking* _news_ [link](x) <b>", "# \\*Breaking\\* \\_news\\_ \\[link\\](x) \\<b\\>"),
        ("#1 in the\nleague", "# \\#1 in the league"),
        ("", "# Untitled story"),
    ],
)
def test_title_is_escaped_on_one_line(brief: Brief, title: str, heading: str) -> None:
    assert render_markdown(dataclasses.replace(brief, title=title)).splitlines()[0] == heading


def test_lede_counts_claims_by_label_as_the_sections_list_them(brief: Brief) -> None:
    """The first line a reader sees agrees with the sections below it."""
    md = render_markdown(brief)
    lede = md.splitlines()[2]
    labels = [claim.label for claim in brief.claims]
    agreed_items = md.split("## What the sources agree on")[1].split("## Where they disagree")[0]
    listed = [line for line in agreed_items.splitlines() if line.startswith("- ")]
    assert labels.count("agreed") == len(listed) > 0
    assert lede == (
        f"Story {brief.story_id}: 3 articles; {len(listed)} claim{'s' if len(listed) > 1 else ''} agreed, "
        f"{labels.count('conflicting')} in conflict, {labels.count('single')} from one source only; "
        "1 sentence repeated word for word."
    )


def test_one_speaker_written_in_two_cases_is_one_heading() -> None:
    from newstrace.annotate.quotes import extract_quotes
    from newstrace.brief.sources import quotes_by_speaker

    text = "Police said the road was closed. The road reopens on Monday, police said."
    quotes = extract_quotes(text, 1).quotes
    assert [(speaker, len(found)) for speaker, found in quotes_by_speaker(quotes)] == [("Police", 2)]
    # Resolved names that differ only in case ("Harbour Board" / "harbour board") are one heading too.
    cased = [dataclasses.replace(quotes[0], speaker_name="harbour board")]
    cased.append(dataclasses.replace(quotes[1], speaker_name="Harbour Board"))
    assert [(speaker, len(found)) for speaker, found in quotes_by_speaker(cased)] == [("Harbour Board", 2)]
