"""Decoding the NER tagger's BILUO tags into entities: well-formed runs, and the slips a tagger makes."""

from __future__ import annotations

import pytest

from newstrace.annotate.biluo import biluo_spans


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "O"], []),
        (["U-LOC"], [(0, 1, "LOC")]),
        (["B-PER", "I-PER", "L-PER", "O", "U-ORG"], [(0, 3, "PER"), (4, 5, "ORG")]),
        # Two names side by side stay two names.
        (["U-PER", "U-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
        (["B-PER", "L-PER", "B-PER", "L-PER"], [(0, 2, "PER"), (2, 4, "PER")]),
        # A name whose last tag the tagger missed still ends where the tags stop.
        (["B-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),
        (["B-ORG", "I-ORG"], [(0, 2, "ORG")]),
        # An I- or L- with nothing open starts a name instead of being dropped.
        (["O", "I-LOC", "L-LOC"], [(1, 3, "LOC")]),
        (["O", "L-PER"], [(1, 2, "PER")]),
        # An inside or last tag right after a name of its type that a last tag closed goes on with it
        # ("Kim Jong Un" tagged B L L), but not across a change of type.
        (["O", "B-PER", "L-PER", "L-PER", "O"], [(1, 4, "PER")]),
        (["U-PER", "I-PER", "L-PER"], [(0, 3, "PER")]),
        (["B-PER", "L-PER", "L-ORG"], [(0, 2, "PER"), (2, 3, "ORG")]),
        # A label change inside a run splits it: one entity has one type.
        (["B-ORG", "I-LOC", "L-LOC"], [(0, 1, "ORG"), (1, 3, "LOC")]),
        # A gap closes a name.
        (["B-PER", "O", "L-PER"], [(0, 1, "PER"), (2, 3, "PER")]),
    ],
)
def test_tags_decode_to_the_names_a_reader_sees(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert biluo_spans(tags) == spans
