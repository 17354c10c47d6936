"""Sentence splitting: boundaries a reader would draw, with exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstrace.annotate.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


# Each case is the text with "|" where a sentence must end; the sentences are the stripped pieces.
@pytest.mark.parametrize(
    "case",
    [
        "The mayor spoke.| The council voted.",
        "Mr. Okafor met Dr. Lin.| They agreed.",
        "Gen. Arden and Sen. Moss left.",
        "The U.S. Navy replied.| It was brief.",
        "Talks stalled in the U.S.| The team flew home.",
        "It began at 9 a.m.| The crowd grew.",
        "It began at 9 a.m. Monday in Brill.",
        "Signed on Sept. 12 in St. Ives.",
        "J. R. R. Tolkien wrote it.| Fans came.",
        "Prices rose 3.5 percent.| Bread cost $2.40 more.",
        "He wore No. 5 for years.| Then he quit.",
        'She said "we won."| Then she left.',
        "She said “we won.”| Then she left.",
        "“Why now?” he asked.| Nobody knew.",
        "“Why now?”| Nobody knew.",
        "Wait!| Stop?| Go.",
        "He paused... and went on.| Silence…| Then applause.",
        "A line without a stop|\n\nNext paragraph here",
        "Ends with Mr.|\n\nNew paragraph.",
        "Headline Of The Day|\nBody starts here.| It goes on.",
        "(The vote was close.)| Both sides claimed it.",
        "1. Open the gate.| 2. Close it.",
        "   \n\n  ",
        "",
    ],
)
def test_boundaries(case: str) -> None:
    expected = [piece.strip() for piece in case.split("|") if piece.strip()]
    assert sentences(case.replace("|", "")) == expected


def test_hard_wrapped_paragraph_is_not_split_at_line_ends() -> None:
    text = (
        "The harbour board voted on Thursday to close the north pier for repairs after\n"
        "divers found cracks in three of its pilings. Work starts in March and should\n"
        "last until the summer, a spokeswoman said."
    )
    assert sentences(text) == [
        "The harbour board voted on Thursday to close the north pier for repairs after\n"
        "divers found cracks in three of its pilings.",
        "Work starts in March and should\nlast until the summer, a spokeswoman said.",
    ]


def test_offsets_index_the_original_text() -> None:
    text = "  First one.  Second one!\n\n\n   Third?  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 12), (14, 25), (31, 37)]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"”'Mr.U.S3")), max_size=80))
def test_spans_are_ordered_stripped_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    pos = 0
    for span in spans:
        assert pos <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert not text[pos : span.start].strip(), "no text may fall between sentences"
        pos = span.end
    assert not text[pos:].strip()


@pytest.mark.shared_data
def test_seed_sentences_never_cross_a_paragraph_break(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        assert len(spans) >= len(paragraphs)
        for span in spans:
            assert "\n\n" not in text[span.start : span.end]
