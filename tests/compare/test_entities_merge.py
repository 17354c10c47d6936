"""Cross-article alias merging: which spellings become one entity, which stay apart, what is flagged.

Mentions are written by hand here (the NER is tested in tests/annotate), so each case pins one linking
rule. The texts are fictional.
"""

from __future__ import annotations

import pytest

from newstrace.compare.entities import merge_entities
from newstrace.model import Entity, EntityMention, EntityType


def _mentions(texts: dict[int, str], names: list[tuple[int, str, EntityType]]) -> list[EntityMention]:
    """A mention at every occurrence of each name in its article; earlier names win overlaps."""
    out: list[EntityMention] = []
    for article_id, name, etype in names:
        text, pos = texts[article_id], 0
        while (start := text.find(name, pos)) >= 0:
            pos = start + len(name)
            end = start + len(name)
            if any(m.article_id == article_id and m.start < end and start < m.end for m in out):
                continue
            out.append(EntityMention(article_id, start, end, name, etype))
    return out


def _entity_of(entities: list[Entity], spelling: str) -> Entity:
    found = [e for e in entities if any(a.name == spelling for a in e.aliases)]
    assert len(found) == 1, f"{spelling!r} is in {len(found)} entities"
    return found[0]


def _names(entity: Entity) -> set[str]:
    return {a.name for a in entity.aliases}


KOREA = {
    1: "North Korean leader Kim Jong-un left Pyongyang, the Korean Central News Agency said. Kim Jong-Un "
    "waved. Kim was greeted by President Vladimir Putin. Spokesperson Jeon Ha-kyou said the DPRK "
    "would talk. Jeon added more.",
    2: "Kim Jong Un arrived, KCNA reported. Moreover, King Jong departed on Sunday. Putin waited. "
    "Jeon Ha-kyu said North Korea and the Democratic People's Republic of Korea are one country.",
}
KOREA_MENTIONS: list[tuple[int, str, EntityType]] = [
    (1, "Kim Jong-un", "PER"),
    (1, "Kim Jong-Un", "PER"),
    (1, "Kim", "PER"),
    (1, "Pyongyang", "LOC"),
    (1, "Korean Central News Agency", "ORG"),
    (1, "President Vladimir Putin", "PER"),
    (1, "Jeon Ha-kyou", "PER"),
    (1, "Jeon", "PER"),
    (1, "DPRK", "LOC"),
    (2, "Kim Jong Un", "PER"),
    (2, "KCNA", "ORG"),
    (2, "Jong", "PER"),
    (2, "Putin", "PER"),
    (2, "Jeon Ha-kyu", "PER"),
    (2, "North Korea", "LOC"),
    (2, "Democratic People's Republic of Korea", "LOC"),
]


@pytest.fixture
def korea() -> list[Entity]:
    return merge_entities(_mentions(KOREA, KOREA_MENTIONS), KOREA)


@pytest.mark.parametrize(
    ("spelling", "linked"),
    [
        # hyphen and case variants, the bare family name, and a typo'd truncation, across articles
        ("Kim Jong-un", {"Kim Jong Un", "Kim Jong-Un", "Kim", "King Jong"}),
        # acronym in one article, expansion in the other
        ("KCNA", {"Korean Central News Agency"}),
        # abbreviation, everyday name and official name
        ("DPRK", {"North Korea", "Democratic People's Republic of Korea"}),
        # spelling variant, and the surname alone
        ("Jeon Ha-kyu", {"Jeon Ha-kyou", "Jeon"}),
        # the title is stripped, the surname joins
        ("Vladimir Putin", {"Putin"}),
    ],
)
def test_aliases_are_linked_across_articles(korea: list[Entity], spelling: str, linked: set[str]) -> None:
    assert linked | {spelling} <= _names(_entity_of(korea, spelling))


def test_spelling_variant_is_flagged_with_both_forms_and_their_sources(korea: list[Entity]) -> None:
    jeon = _entity_of(korea, "Jeon Ha-kyu")
    assert len(jeon.variants) == 1
    variant = jeon.variants[0]
    assert {variant.form, variant.variant} == {"Jeon Ha-kyou", "Jeon Ha-kyu"}
    assert not variant.typo
    cited = {c.article_id for c in (*variant.form_citations, *variant.variant_citations)}
    assert cited == {1, 2}


def test_typo_is_caught_and_flagged(korea: list[Entity]) -> None:
    kim = _entity_of(korea, "Kim")
    typos = [v for v in kim.variants if v.typo]
    assert [v.variant for v in typos] == ["King Jong"]
    assert typos[0].variant_citations[0].text == "King Jong"
    assert kim.canonical in {"Kim Jong-un", "Kim Jong Un", "Kim Jong-Un"}
    assert kim.type == "PER"


def test_canonical_names_come_from_the_gazetteer(korea: list[Entity]) -> None:
    assert _entity_of(korea, "DPRK").canonical == "North Korea"
    assert _entity_of(korea, "Korean Central News Agency").canonical == "KCNA"


def test_every_citation_is_the_text_it_cites(korea: list[Entity]) -> None:
    for entity in korea:
        for citation in (*entity.mentions, *(c for a in entity.aliases for c in a.citations)):
            assert KOREA[citation.article_id][citation.start : citation.end] == citation.text
        assert "President" not in {a.name.split()[0] for a in entity.aliases}


def test_most_mentioned_entity_comes_first(korea: list[Entity]) -> None:
    assert _names(korea[0]) >= {"Kim", "Kim Jong Un"}
    assert [len(e.mentions) for e in korea] == sorted((len(e.mentions) for e in korea), reverse=True)


HARBOUR = {
    1: "Commander Ingrid Salvesen said Halvard Sound Lines (HSL) ran the ferry. Salvesen spoke at Port "
    "Halvard. Halvard Sound was calm, Tomas Brekke said. Brekke waited on Kessa Island. Kessa was dark.",
    2: "Ingrid Salveson, the commander, blamed HSL. Salveson said Halvard Sound Lines would pay. "
    "Halvard was quiet. Lee met Lew.",
    3: "Salvesen said the Kim-Putin style of talks was not hers. Kim and Putin were not there.",
}
HARBOUR_MENTIONS: list[tuple[int, str, EntityType]] = [
    (1, "Ingrid Salvesen", "PER"),
    (1, "Halvard Sound Lines", "ORG"),
    (1, "HSL", "ORG"),
    (1, "Salvesen", "PER"),
    (1, "Port Halvard", "LOC"),
    (1, "Halvard Sound", "LOC"),
    (1, "Tomas Brekke", "PER"),
    (1, "Brekke", "PER"),
    (1, "Kessa Island", "LOC"),
    (1, "Kessa", "LOC"),
    (2, "Ingrid Salveson", "PER"),
    (2, "HSL", "ORG"),
    (2, "Salveson", "PER"),
    (2, "Halvard Sound Lines", "ORG"),
    (2, "Halvard", "LOC"),
    (2, "Lee", "PER"),
    (2, "Lew", "PER"),
    (3, "Salvesen", "PER"),
    (3, "Kim-Putin", "PER"),
    (3, "Kim", "PER"),
    (3, "Putin", "PER"),
]


@pytest.fixture
def harbour() -> list[Entity]:
    return merge_entities(_mentions(HARBOUR, HARBOUR_MENTIONS), HARBOUR)


def test_unlisted_acronym_links_to_its_expansion(harbour: list[Entity]) -> None:
    hsl = _entity_of(harbour, "HSL")
    assert "Halvard Sound Lines" in _names(hsl)
    assert {c.article_id for c in hsl.mentions} == {1, 2}


def test_majority_spelling_is_the_form_and_the_odd_one_the_variant(harbour: list[Entity]) -> None:
    ingrid = _entity_of(harbour, "Salveson")
    assert {"Ingrid Salvesen", "Salvesen", "Ingrid Salveson"} <= _names(ingrid)
    assert ingrid.canonical == "Ingrid Salvesen"
    pairs = {(v.form, v.variant) for v in ingrid.variants}
    assert ("Ingrid Salvesen", "Ingrid Salveson") in pairs or ("Salvesen", "Salveson") in pairs
    assert all(not v.typo for v in ingrid.variants)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Halvard Sound", "Halvard Sound Lines"),  # a place is not short for a company of another type
        ("Halvard", "Port Halvard"),  # "Halvard" fits two names: ambiguous, left alone
        ("Halvard", "Halvard Sound"),
        ("Lee", "Lew"),  # three-letter names one letter apart are different people
        ("Kessa Island", "Halvard Sound"),
    ],
)
def test_different_things_stay_apart(harbour: list[Entity], one: str, other: str) -> None:
    assert _entity_of(harbour, one) is not _entity_of(harbour, other)


def test_short_forms_join_their_only_full_name(harbour: list[Entity]) -> None:
    assert _entity_of(harbour, "Brekke") is _entity_of(harbour, "Tomas Brekke")
    assert _entity_of(harbour, "Kessa") is _entity_of(harbour, "Kessa Island")


def test_a_hyphenated_pair_of_names_counts_for_both(harbour: list[Entity]) -> None:
    kim, putin = _entity_of(harbour, "Kim"), _entity_of(harbour, "Putin")
    assert kim is not putin
    assert len([c for c in kim.mentions if c.article_id == 3]) == 2
    assert len([c for c in putin.mentions if c.article_id == 3]) == 2


def test_mention_of_an_unknown_article_is_refused() -> None:
    with pytest.raises(ValueError, match="article 9"):
        merge_entities([EntityMention(9, 0, 3, "Kim", "PER")], {1: "Kim"})


def test_no_mentions_no_entities() -> None:
    assert merge_entities([], {1: "Nothing named here."}) == []


def test_example_corpus_spelling_variant_and_aliases() -> None:
    """examples/expected.json plants "Salvesen" / "Salveson" across the ferry story: one person, flagged."""
    import dataclasses
    import json
    from pathlib import Path

    from newstrace.annotate.entities import find_entities_batch
    from newstrace.config import Options
    from newstrace.ingest import read_inputs
    from newstrace.ingest.clean import clean_article
    from newstrace.model import Article

    examples = Path(__file__).resolve().parents[2] / "examples"
    expected = json.loads((examples / "expected.json").read_text(encoding="utf-8"))
    read = [a for a in read_inputs([str(examples / "corpus")], Options()) if isinstance(a, Article)]
    articles = [dataclasses.replace(clean_article(a), id=n) for n, a in enumerate(read, 1)]
    ferry = [a for a in articles if "Salves" in a.text or "Salveson" in a.text]
    found = find_entities_batch([a.text for a in ferry], [a.id or 0 for a in ferry])
    entities = merge_entities([m for per in found for m in per], {a.id or 0: a.text for a in ferry})

    planted = expected["spelling_variants"][0]
    person = _entity_of(entities, "Ingrid Salvesen")
    assert person.canonical == planted["entity"] and person.type == planted["type"]
    pairs = {(v.form, v.variant) for v in person.variants}
    assert ("Ingrid Salvesen", "Ingrid Salveson") in pairs or ("Salvesen", "Salveson") in pairs
    by_name = {e["name"]: e for e in expected["entities"] if e["type"] == "PER"}
    for name in ("Ingrid Salvesen", "Jonas Eklund", "Erik Dahl"):
        assert set(by_name[name]["aliases"]) - {"Ingrid Salveson", "Salveson"} <= _names(
            _entity_of(entities, name)
        )


HELLER = {
    1: "Lawyer Mark Jay Heller asked for time. Heller said the clinic was licensed.",
    2: "Mark Heller, her lawyer, was in court. Mark J. Heller spoke again later.",
}
HELLER_MENTIONS: list[tuple[int, str, EntityType]] = [
    (1, "Mark Jay Heller", "PER"),
    (1, "Heller", "PER"),
    (2, "Mark Heller", "PER"),
    (2, "Mark J. Heller", "PER"),
]


def test_a_name_with_a_middle_name_or_initial_is_the_same_person() -> None:
    entities = merge_entities(_mentions(HELLER, HELLER_MENTIONS), HELLER)
    heller = _entity_of(entities, "Heller")
    assert {"Mark Jay Heller", "Mark Heller", "Mark J. Heller", "Heller"} <= _names(heller)
    assert not heller.variants  # a fuller name, not a misspelling


def test_two_middle_names_are_two_people_and_the_name_without_one_is_left_alone() -> None:
    texts = {**HELLER, 3: "Mark Alan Heller is his brother."}
    mentions = _mentions(texts, [*HELLER_MENTIONS, (3, "Mark Alan Heller", "PER")])
    entities = merge_entities(mentions, texts)
    assert _entity_of(entities, "Mark Alan Heller") is not _entity_of(entities, "Mark Jay Heller")
    assert _entity_of(entities, "Mark Heller") is not _entity_of(entities, "Mark Jay Heller")
