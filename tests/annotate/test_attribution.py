"""Attributions: according to, reported (both orders), citing chains, via, confirmed, told, credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.annotate.attribution import extract_attributions
from newstrace.model import Article, Credit, SourceRef


def _article(text: str, credits: list[Credit] | None = None, outlet: str | None = None) -> Article:
    return Article("", SourceRef("t.txt", "text"), text=text, id=3, credits=credits or [], outlet=outlet)


CASES = [
    # (text, [(kind, source, chain)])
    (
        "According to the Orvin Port Authority, the pier is closed.",
        [("according_to", "Orvin Port Authority", ())],
    ),
    ("The pier is closed, according to TASS.", [("according_to", "TASS", ())]),
    (
        "The pier is closed, reported Nordwire citing the Orvin Coast Guard.",
        [("reported", "Nordwire", ("Orvin Coast Guard",))],
    ),
    (
        "The pier is closed, CNN reported citing North Korean news agency KCNA.",
        [("reported", "CNN", ("KCNA",))],
    ),
    ("The pier is closed, reports Yonhap News Agency.", [("reported", "Yonhap", ())]),
    (
        "The Orvin Daily also reported that the pier was closed, citing a harbour source.",
        [("reported", "Orvin Daily", ("a harbour source",))],
    ),
    (
        "The Korean Central News Agency (KCNA) confirmed that the train left, reports Yonhap News Agency.",
        [("reported", "Yonhap", ("KCNA",))],
    ),
    ("Photos released by the North's state media showed the train.", [("via", "North's state media", ())]),
    ("The pier is closed, the coast guard said.", [("said", "coast guard", ())]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attribution_patterns(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    found = extract_attributions(_article(text))
    assert [(a.kind, a.source, a.chain) for a in found] == expected
    for a in found:
        assert text[a.content.start : a.content.end] == a.content.text
        assert a.cue is not None and text[a.cue.start : a.cue.end] == a.cue.text


def test_quote_through_a_channel_chains_channel_to_speaker() -> None:
    text = '"We warned them," Ana Lind told Nordwire.'
    (att,) = extract_attributions(_article(text))
    assert (att.kind, att.source, att.chain) == ("told", "Nordwire", ("Ana Lind",))


def test_told_the_own_outlet_is_own_reporting() -> None:
    text = '"We warned them," Ana Lind told the Courier.'
    (att,) = extract_attributions(_article(text, outlet="The Halvard Courier"))
    assert (att.source, att.chain) == ("Ana Lind", ())


def test_quote_inside_a_reported_sentence_joins_its_chain() -> None:
    text = "Meanwhile, Orvin spokesperson Ana Lind said the talks would go on, according to TASS."
    (att,) = extract_attributions(_article(text))
    assert att.source == "TASS" and att.chain[0] == "Ana Lind"


def test_credit_attributes_the_whole_article() -> None:
    text = "The pier is closed. Ferries are cancelled."
    credit = Credit("IANS", "inputs_from", "(With inputs from IANS)", 40, 63)
    (att,) = extract_attributions(_article(text, [credit]))
    assert (att.kind, att.source, att.cue, att.credit) == ("credit", "IANS", None, "(With inputs from IANS)")
    assert att.content.start == 0 and att.content.end == len(text)


def test_caption_credits_do_not_attribute_the_text() -> None:
    credit = Credit("IANS", "caption", "PhotoIANS", 0, 9)
    assert extract_attributions(_article("The pier is closed today.", [credit])) == []


def test_seed_chains(seeds_dir: Path) -> None:
    from newstrace.config import make_options
    from newstrace.ingest.clean import clean_article
    from newstrace.ingest.read import read_file

    path = str(sorted(seeds_dir.glob("001_*.txt"))[0])
    (ani,) = [clean_article(a) for a in read_file(path, make_options())]
    chains = {(a.source, *a.chain) for a in extract_attributions(ani)}
    assert ("CNN", "RIA Novosti") in chains
    assert ("CNN", "KCNA") in chains
    assert ("TASS", "Dmitry Peskov") in chains
