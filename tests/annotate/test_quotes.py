"""Quotes: kinds, speakers (names, pronouns, surnames, roles, organisations), channels, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.annotate.quotes import extract_quotes

CASES = [
    # (text, expected [(kind, speaker, content)])
    (
        '"The bridge will reopen in May," Mayor Ana Lind said.',
        [("direct", "Ana Lind", "The bridge will reopen in May,")],
    ),
    (
        "Harbour chief Ola Berg said that the pier was closed.",
        [("indirect", "Ola Berg", "the pier was closed")],
    ),
    (
        'Finance Minister Lea Holt said growth was "slower than hoped" this year.',
        [("mixed", "Lea Holt", 'growth was "slower than hoped" this year')],
    ),
    (
        "Lea Holt, spokesperson for the Orvin Transport Ministry, said the line would close. "
        '"We have no choice," she added.',
        [
            ("indirect", "Lea Holt", "the line would close"),
            ("direct", "Lea Holt", "We have no choice,"),
        ],
    ),
    (
        'Tove Rask, a nurse, said the ward was full. "We need more beds," Rask told reporters.',
        [("indirect", "Tove Rask", "the ward was full"), ("direct", "Tove Rask", "We need more beds,")],
    ),
    (
        "The Orvin Port Authority said the ferry was late. The authority said it had warned the crew.",
        [
            ("indirect", "Orvin Port Authority", "the ferry was late"),
            ("indirect", "Orvin Port Authority", "it had warned the crew"),
        ],
    ),
    (
        # A possessive names whose lawyer spoke, not who spoke: the lawyer is the one introduced as such.
        "Lawyer Mark Heller was in court on Monday. Ana Lind's lawyer said she was in treatment.",
        [("indirect", "Mark Heller", "she was in treatment")],
    ),
    (
        # The same further down an article: the last person named as a subject, not the last speaker.
        "The pier is closed, Commander Ingrid Salvesen said. Prime Minister Aurelia Vind arrived by "
        "helicopter. She announced a day of mourning.",
        [
            ("indirect", "Ingrid Salvesen", "The pier is closed"),
            ("indirect", "Aurelia Vind", "a day of mourning"),
        ],
    ),
    (
        # A titled name opening a sentence is who "she" refers to next.
        "Prime Minister Aurelia Vind arrived on Monday. She said the talks would go on.",
        [("indirect", "Aurelia Vind", "the talks would go on")],
    ),
    (
        # A cue after an opening phrase of time: the clause said comes after the cue.
        "At one time, Ola Berg said, crews were pouring 5,000 litres a minute onto the blaze.",
        [
            (
                "indirect",
                "Ola Berg",
                "At one time, Ola Berg said, crews were pouring 5,000 litres a minute onto the blaze",
            )
        ],
    ),
    (
        # A phrase of how it was said before the comma is no speaker either.
        "In a statement, the Orvin Port Authority said the pier would reopen.",
        [("indirect", "Orvin Port Authority", "the pier would reopen")],
    ),
    (
        # A sentence adverb before the comma is no speaker.
        "Still, Lind's sister Maja Lind said that a neighbour had seen nothing.",
        [("indirect", "Maja Lind", "a neighbour had seen nothing")],
    ),
    (
        "The pier will reopen in May, the harbour board's spokesman said.",
        [("indirect", None, "The pier will reopen in May")],
    ),
    (
        "Three boats were lost in the storm, said Jon Vale, a fisherman from Kessby.",
        [("indirect", "Jon Vale", "Three boats were lost in the storm")],
    ),
    (
        '"Water came in fast. We ran," Jon Vale said. "Then the lights went out."',
        [
            ("direct", "Jon Vale", "Water came in fast. We ran,"),
            ("direct", "Jon Vale", "Then the lights went out."),
        ],
    ),
    (
        # A colon between the cue and the quotation it opens, as British outlets write it.
        'Mayor Ana Lind said: "We will rebuild the pier by May."',
        [("direct", "Ana Lind", "We will rebuild the pier by May.")],
    ),
    (
        # A phrase of place or time before the speaker, with no comma: the speaker is after it.
        'Ana Lind arrived late. At the meeting she said: "We had to choose between a view and the bills."',
        [("direct", "Ana Lind", "We had to choose between a view and the bills.")],
    ),
    ("Later Ola Berg said that the road was closed.", [("indirect", "Ola Berg", "the road was closed")]),
    ("But Ola Berg said the road was open.", [("indirect", "Ola Berg", "the road was open")]),
    (
        # The audience told ends before the pronoun that opens what was said.
        "Kari Moen told Coastline FM she had swum there twice.",
        [("indirect", "Kari Moen", "she had swum there twice")],
    ),
    (
        # A sentence inside a quotation ("If I'd …") names no person for a later "she said".
        'Kari Moen spoke first. "My crossing took nine hours. If I\'d stopped, I would have frozen," she '
        'said.\n\nLater she said: "I would swim it again tomorrow."',
        [
            ("direct", "Kari Moen", "My crossing took nine hours. If I'd stopped, I would have frozen,"),
            ("direct", "Kari Moen", "I would swim it again tomorrow."),
        ],
    ),
    (
        # A hospital, a trust or a street opening a sentence is no person for a later "she said".
        "Kari Moen spoke first.\n\nHarwick Royal Infirmary will take the patients. "
        'She said: "We are ready for them all."',
        [("direct", "Kari Moen", "We are ready for them all.")],
    ),
    (
        # A participle phrase before the comma is no speaker.
        "Speaking on the slipway, Kari Moen said the water had been cold.",
        [("indirect", "Kari Moen", "the water had been cold")],
    ),
    (
        # A quotation standing alone after a named person's reported speech is that person's.
        'Kari Moen said the water had been cold. "The jellyfish were the worst part."',
        [
            ("indirect", "Kari Moen", "the water had been cold"),
            ("direct", "Kari Moen", "The jellyfish were the worst part."),
        ],
    ),
]


def test_a_clause_opening_the_sentence_gives_no_speaker() -> None:
    """ "As both … confirmed" opens a clause, not a phrase of place or time: its names do not speak."""
    text = "As both Harlow and Kessby confirmed the merger the mayor said the vote was fair."
    assert not [q for q in extract_quotes(text, 1).quotes if q.speaker_name and "Kessby" in q.speaker_name]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_kinds_and_speakers(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    scan = extract_quotes(text, 7)
    got = [(q.kind, q.speaker_name, q.content.text) for q in scan.quotes]
    assert got == expected
    for q in scan.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
        assert q.content.article_id == 7


def test_anonymous_source_is_kept_anonymous() -> None:
    scan = extract_quotes("The dam was cracked, a ministry source said.")
    (quote,) = scan.quotes
    assert quote.anonymous and quote.speaker_name is None
    assert quote.speaker is not None and quote.speaker.text == "a ministry source"


@pytest.mark.parametrize(
    "text",
    [
        "Two skiffs got away from the patrol boat, a coast guard officer said here Friday.",
        "Two skiffs got away from the patrol boat, a coast guard officer said Friday night.",
        "Two skiffs got away from the patrol boat, a coast guard officer said here on Friday.",
    ],
)
def test_a_trailing_cue_with_a_place_or_day_after_the_verb_keeps_the_clause_before_it(text: str) -> None:
    # Wire style: the day and "here" (the dateline's city) follow the verb; they are not what was said.
    (quote,) = extract_quotes(text).quotes
    assert quote.content.text == "Two skiffs got away from the patrol boat"
    assert quote.speaker is not None and quote.speaker.text == "a coast guard officer"


@pytest.mark.parametrize(
    "verb", ["said Friday that", "said late on Friday that", "said here today that", "said Friday"]
)
def test_the_day_between_a_leading_cue_and_that_is_not_part_of_what_was_said(verb: str) -> None:
    (quote,) = extract_quotes(f"Harbour officials {verb} the pier would reopen.").quotes
    assert quote.content.text == "the pier would reopen"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ('"It is over," Ana Lind told Nordwire.', "Nordwire"),
        ('"It is over," Ana Lind told reporters.', None),
        ('"It is over," Ana Lind said in an interview with ETV Nord.', "ETV Nord"),
    ],
)
def test_told_a_channel_records_it_and_told_reporters_does_not(text: str, channel: str | None) -> None:
    (quote,) = extract_quotes(text).quotes
    assert quote.speaker_name == "Ana Lind"
    assert quote.channel == channel


def test_quote_over_several_paragraphs_is_one_quote() -> None:
    text = '"The first part runs on.\n\n"And the second closes it," Ana Lind said.'
    (quote,) = extract_quotes(text).quotes
    assert quote.kind == "direct" and quote.speaker_name == "Ana Lind"
    assert quote.content.text.startswith("The first part") and quote.content.text.endswith("closes it,")


def test_unbalanced_marks_are_refused_with_a_reason() -> None:
    text = '"We will not stop, Ana Lind said.\n\nLater, the council said the road was closed.'
    scan = extract_quotes(text)
    # only the next paragraph's indirect speech is read; nothing of the refused paragraph
    assert [q.content.text for q in scan.quotes] == ["the road was closed"]
    (refusal,) = scan.refusals
    assert "unbalanced quotation marks" in refusal.reason and refusal.start == 0


def test_quoted_names_are_not_quotes() -> None:
    assert extract_quotes('The newspaper "Orvin Daily" ran a photo of the harbour.').quotes == []


def test_seed_speakers(seeds_dir: Path) -> None:
    from newstrace.config import make_options
    from newstrace.ingest.clean import clean_article
    from newstrace.ingest.read import read_file

    (ians,) = [
        clean_article(a) for a in read_file(str(sorted(seeds_dir.glob("000_*.txt"))[0]), make_options())
    ]
    quotes = extract_quotes(ians.text).quotes
    by_cue = {(q.cue.text, q.speaker_name) for q in quotes}
    assert ("added", "Adrienne Watson") in by_cue  # "she added"
    assert ("told reporters", "Jeon Ha-kyou") in by_cue
    assert any(q.speaker_name == "KCNA" and q.kind == "mixed" for q in quotes)
    assert any(q.speaker_name == "Kremlin" for q in quotes)
    assert any(q.channel == "Yonhap" and q.speaker_name == "Adrienne Watson" for q in quotes)
