"""Values read out of statements: what a conflict check compares."""

from __future__ import annotations

import pytest

from newstrace.compare import clocks, names, places, quotations
from newstrace.compare import values as v


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "killing at least four people and leaving 12 missing",
            [(4, "dead", "at_least"), (12, "missing", None)],
        ),
        ("At least 14 people were still missing", [(14, "missing", "at_least")]),
        ("Thirty-one of them were taken to hospital", [(31, "", None)]),
        ("about 1,200 workers walked out", [(1200, "worker", "about")]),
        ("61 goals in 148 league games", [(61, "goal", None), (148, "game", None)]),
        # A participle before the noun describes what is counted; a count noun stays one.
        ("it had to postpone 143 planned operations", [(143, "operation", None)]),
        ("Nine injured were flown out.", [(9, "injured", None)]),
        ("revenue of 4.2 billion crowns", [(4.2e9, "crown", None)]),
        # A currency sign says what is counted, whatever word follows.
        ("more than £400,000 from the charity", [(400000, "pound", "above")]),
        ("a $3.5 million loan", [(3.5e6, "dollar", None)]),
        # A word in the singular after a number other than one modifies the plural noun it stands before.
        ("It counts five fox attacks and 12 fire engines.", [(5, "attack", None), (12, "engine", None)]),
        # People who turn out, a few words on, to be hurt, dead or missing are counted as such.
        (
            "Three workers were injured and two men were still missing; 40 riders set off.",
            [(3, "injured", None), (2, "missing", None), (40, "rider", None)],
        ),
        # All of some things, named after "of its".
        ("It withdrew all 22 of its Orvane fuel-cell buses.", [(22, "buse", None)]),
        # What a figure with no noun after it counts may be named before it.
        ("The council put the number of homes flooded at 3,100, it said.", [(3100, "home", None)]),
        # Years, clock times and calendar days are not counts.
        ("in 2019 at 6:40 a.m. (0540 GMT) by 1 October and September 12", []),
        # A unit hyphened to its figure is what it counts, not the noun after it.
        ("The works' 198-metre chimney", [(198, "metre", None)]),
        ("a 200-megawatt scheme with a four-hour battery", [(200, "megawatt", None), (4, "hour", None)]),
        # A unit written onto the figure, as its word; a scale onto an amount of money.
        ("a 250MW battery, gusts of up to 86mph", [(250, "megawatt", None), (86, "mph", "at_most")]),
        ("It will cost £3.1m, and the rest $2bn.", [(3.1e6, "pound", None), (2e9, "dollar", None)]),
        ("a 5m wall", [(5, "metre", None)]),
        ("from 9am, in the 2nd round", []),
        # A figure hyphened onto a name is part of it: the count is of the model.
        ("They seized seven AK-47 rifles and 12 magazines.", [(7, "ak-47", None), (12, "magazine", None)]),
        ("COVID-19 cases rose to 12 on Monday.", [(12, "", None)]),
        ("Six AK 47 rifles and 12 magazines were found.", [(6, "", None), (12, "magazine", None)]),
        # A unit abbreviated after a space is the unit too.
        ("The crossing, 26 km from beach to point", [(26, "kilometre", None)]),
        # Hours and minutes of one length of time are one length, in minutes.
        (
            "in 8 hours 41 minutes, beating 9 hours and 12 minutes",
            [(521, "minute", None), (552, "minute", None)],
        ),
        ("for 3 hours, then 20 minutes later", [(3, "hour", None), (20, "minute", None)]),
    ],
)
def test_quantities(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert [(q.value, q.noun, q.hedge) for q in v.quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # The unit or scale written onto a figure ends its cited words, at the text's end too.
        ("gusts of up to 86mph.", "up to 86mph"),
        ("It will cost £3.1m", "£3.1m"),
        ("The crossing, 26 km from beach to point", "26 km"),
        ("about 5k runners", "about 5k runners"),
    ],
)
def test_a_unit_written_onto_a_figure_is_cited_with_it(text: str, cited: str) -> None:
    (q,) = v.quantities(text)
    assert text[q.start : q.end] == cited


def test_spans_are_offsets_into_the_article() -> None:
    text = "Intro. At least 14 people were missing."
    (q,) = v.quantities(text[7:], offset=7)
    assert text[q.start : q.end].startswith("At least 14")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deputy district governor Tomas Ekdal said", [("Tomas Ekdal", "deputy district governor")]),
        ("Deputy Chief Justice Mara Oyelaran read it", [("Mara Oyelaran", "deputy chief justice")]),
        ("Arvelo, Riverside's captain, scored", [("Arvelo", "captain")]),
        ("Jonas Brevik, the chief executive, said", [("Jonas Brevik", "chief executive")]),
        ("Tomas Ekdal said", []),
        ("after vice-captain Tomi Okonjo was sold", [("Tomi Okonjo", "vice-captain")]),
        ("Detective Sergeant Mira Castell said", [("Mira Castell", "detective sergeant")]),
        ("Returning officer Hanna Lisk said", [("Hanna Lisk", "returning officer")]),
        ("said returning officer Hanna Lisk", [("Hanna Lisk", "officer")]),  # "said" is no modifier
        ("Piet Aalders, the mayor of Ostbrook, said", [("Piet Aalders", "mayor")]),
        ("Lena Vogt, Harrow's head of quality control, said", [("Lena Vogt", "head of quality control")]),
        # A role in apposition before the name, after its owner.
        ("Osk's chairman, Bertil Haag, said", [("Bertil Haag", "chairman")]),
        ("The brewery's chief executive, Ilse Moen, said", [("Ilse Moen", "chief executive")]),
        ("Osk's biggest customer, Bertil Haag, said", []),  # no title word: no role
        # An academic rank is part of the title.
        ("said Associate Professor Nora Falk", [("Nora Falk", "associate professor")]),
        # A hyphenated title in apposition; a role before a name at the sentence's end, or after "whose".
        ("Ines Varo, Orrin's vice-principal, said", [("Ines Varo", "vice-principal")]),
        ('"A betrayal," said its chairman, Olaf Ness.', [("Olaf Ness", "chairman")]),
        ("It was led by Save Ostbrook, whose secretary, Olaf Ness, spoke", [("Olaf Ness", "secretary")]),
        # Officials of a game.
        ("Chief arbiter Pavel Denk ruled", [("Pavel Denk", "chief arbiter")]),
        ("Chief steward Moira Flett said", [("Moira Flett", "chief steward")]),
        # Professions a report names people by.
        ("Pharmacist Colin Marsden said", [("Colin Marsden", "pharmacist")]),
        ("Farmer Gareth Pennock said", [("Gareth Pennock", "farmer")]),
        ("His assistant trainer Declan Rourke said", [("Declan Rourke", "assistant trainer")]),
        # The body an office serves, named in capitals then common words, is no part of the role.
        ("Ada Rusk, leader of the Orrin Fell mountain rescue team, said", [("Ada Rusk", "leader")]),
        # ... or joined by "of" and "and"; a regulator is an office.
        (
            "Ada Rusk, regional organiser of the Federation of Mine and Quarry Workers, said",
            [("Ada Rusk", "regional organiser")],
        ),
        (
            "Ada Rusk, deputy chief regulator at the Orrin Exams Authority, said",
            [("Ada Rusk", "deputy chief regulator")],
        ),
        # A title word with the department it heads, after a modifier.
        (
            "Ada Rusk, assistant curator of mosses at the Orrin Museum of Natural History, said",
            [("Ada Rusk", "assistant curator of mosses")],
        ),
        # A role opening the sentence, with the body it serves, then the name in apposition.
        ("Vice-chair of the health board, Piet Aalders, said", [("Piet Aalders", "vice-chair")]),
        ("However, Piet Aalders said", []),
        # A post of a named body, its title word first; a modifier alone names no post.
        (
            "Ada Rusk, principal second violin of the Orrin Symphony Orchestra, said",
            [("Ada Rusk", "principal second violin")],
        ),
        ("Ada Rusk, a senior member of the Orrin Party, said", []),
        # A post of a body named in common words, by the body's head noun or as the members' own.
        ("Piet Aalders, the deputy leader of the borough council, said", [("Piet Aalders", "deputy leader")]),
        ("Ada Rusk, chairwoman of the growers' association, said", [("Ada Rusk", "chairwoman")]),
        ("Ada Rusk, the mother of the boy, said", []),
        # A role told by its verb; what one leads for a while is no office, nor a ranked officer's task.
        ("Ada Rusk, who chairs the society, said", [("Ada Rusk", "chair")]),
        ("Ada Rusk, who leads the inquiry, said", []),
        ("Detective Sergeant Lars Bekk, who heads the unit, said", [("Lars Bekk", "detective sergeant")]),
        # A form of address is no office, and does not stay in the name a role is given to.
        ("Dr Ada Rusk said", []),
        ("Dr Ada Rusk, the charity's lead vet, said", [("Ada Rusk", "lead vet")]),
    ],
)
def test_titled_names(text: str, expected: list[tuple[str, str]]) -> None:
    found = names.titled_names(text)
    assert [(t.name, t.role) for t in found] == expected
    for t in found:
        assert names.VERB_OFFICES.get(text[t.start : t.end], text[t.start : t.end].lower()) == t.role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okonjo scored for Brindle, where he served as vice-captain.", ["vice-captain"]),
        ("In May she was named chief executive of the group.", ["chief executive"]),
        ("He was the club's top scorer.", []),  # not a role
        ("He was injured in March.", []),
        ("She was senior to him.", []),  # a title word that is no role on its own
    ],
)
def test_roles_given_to_a_pronoun(text: str, expected: list[str]) -> None:
    found = names.pronoun_roles(text)
    assert [m.value for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.value


def test_times_days_and_places() -> None:
    text = "At 9 a.m. on Tuesday the plant in Sallow closed until 1 September; at 14:30 it reopened."
    assert [m.value for m in clocks.clock_times(text)] == ["09:00", "14:30"]
    assert [m.value for m in v.weekdays(text)] == ["Tuesday"]
    assert [m.value for m in v.calendar_days(text)] == ["--09-01"]
    assert [m.value for m in places.places(text)] == ["Sallow"]


def test_months_of_a_year_and_periods() -> None:
    text = "Sales began in March 2022, on 1 May 2022 they paused, and ran between June 2022 and July 2023."
    assert [m.value for m in v.month_years(text)] == ["2022-03"]  # "1 May 2022" is a calendar day
    (period,) = v.periods(text)
    assert (period.start.value, period.end.value) == ("2022-06", "2023-07")
    assert text[period.end.start : period.end.end] == "July 2023"


def test_land_features_carry_their_kind() -> None:
    text = "They were on the Garth ridge, near the Tarn Valley road, not on the Morning Star."
    assert [m.value for m in places.land_features(text)] == ["ridge: Garth"]  # a ship's name is no place


def test_an_employer_after_its_staff_is_not_a_place() -> None:
    assert [m.value for m in places.places("Analysts at Fjordvik Bank said shares fell in Lorvik.")] == [
        "Lorvik"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was a centrefold in Ansel Marr's new magazine.", []),  # an owner
        ("The bell was stolen at St Aldric's Church in Tarnwick.", ["St Aldric", "Tarnwick"]),
        ("He was knocked down at Stade de Lorvik in Bern.", ["Bern"]),  # a longer name
        ("Students were angry at the Dec. 6 killing in Lorvik.", ["Lorvik"]),  # a month, shortened
        ("Ada Rusk, a physiotherapist at Corrin General Hospital, spoke at City Hall.", ["City Hall"]),
    ],
)
def test_an_owner_a_month_an_employer_or_the_start_of_a_longer_name_is_no_place(
    text: str, expected: list[str]
) -> None:
    assert [m.value for m in places.places(text)] == expected


def test_a_publication_is_not_a_place() -> None:
    text = "The beetle, found in Mawbrey Pot, is described in the Journal of Cave Biology."
    assert [m.value for m in places.places(text)] == ["Mawbrey Pot"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry left Orla at noon and docked shortly after midnight.", ["12:00", "00:00"]),
        ("The vote closed at midday on Friday.", ["12:00"]),
        ("The tremor struck at 2215 GMT on Sunday.", ["22:15"]),
        ("By seven o'clock this evening the square was empty.", ["19:00"]),
        ("The shop opens at nine o'clock in the morning.", ["09:00"]),
        # A bare o'clock could be either half of the day; an afternoon is no clock time.
        ("They met at four o'clock and talked all afternoon.", []),
        ("Trading volumes in 1530 shares fell.", []),
        # Hours said in words, with the part of the day after them.
        ("The alarm was raised at about half past five on Monday morning.", ["05:30"]),
        ("The last tram left at a quarter to ten that evening.", ["21:45"]),
        ("They met at half past four and talked all afternoon.", ["16:30"]),
        ("The band played until half past two.", []),  # either half of the day
        # A time given from another: the moment meant, not the other event's clock time.
        ("The queue formed about 40 minutes before the 3 p.m. kick-off.", ["14:20"]),
        ("Doors opened two hours after the 9 a.m. start.", ["11:00"]),
        # A feed that spaces the colon: the hour is six, not a stray "00 p.m." read as noon.
        ("He gave himself up to police just after 6: 00 p.m. on Friday.", ["18:00"]),
    ],
)
def test_clock_times_said_in_words_or_as_wire_copy_gives_them(text: str, expected: list[str]) -> None:
    assert [m.value for m in clocks.clock_times(text)] == expected


def test_settlements_named_by_their_kind_or_called_so_by_their_article() -> None:
    text = (
        "Buses left for the neighbouring town of Lindby. Others went to Orsk, a small fishing village "
        "up the coast, and to the City of Lenz."
    )
    assert [m.value for m in places.settlements(text)] == ["Lindby"]
    assert places.settlement_names(text) == {"Lindby", "Orsk"}


def test_a_town_a_distance_or_bearing_is_measured_from_is_a_landmark() -> None:
    text = "It fell near the village of Kelmoor, some 40 miles west of the county town of Harl."
    assert [m.value for m in places.settlements(text)] == ["Kelmoor"]
    assert [m.value for m in places.settlements("Buses went on to the town of Harl.")] == ["Harl"]


def test_quotations_in_single_curly_marks() -> None:
    text = (
        "\u2018We won\u2019t stop,\u2019 said Ada Lin. "
        "The council\u2019s \u2018five-year plan\u2019 was cited."
    )
    assert [m.value for m in quotations.quotations(text)] == ["We won\u2019t stop,", "five-year plan"]


def test_streets_without_the_and_no_place_after_a_region_word_or_a_compass_point() -> None:
    text = "Power failed in northern Vessly and on Quarry Lane, and 200 acres south of Orm burned."
    assert [m.value for m in places.places(text)] == []
    assert [m.value for m in places.land_features(text)] == ["lane: Quarry"]


def test_a_place_in_a_quoted_title_is_no_place_of_the_story() -> None:
    text = 'Her painting "Dawn at Carrick Bay" sold in Polrew. "We met the buyers at Kelso," the dealer said.'
    assert [m.value for m in places.places(text)] == ["Polrew", "Kelso"]


def test_a_named_spot_on_a_road_is_a_feature_not_a_place() -> None:
    text = "The van left the road at the Harrow Bend near Elsby and stopped on the Mill corner of Tarn Hill."
    assert [m.value for m in places.places(text)] == ["Elsby"]
    assert [m.value for m in places.land_features(text)] == ["bend: Harrow", "corner: Mill"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pumps were last serviced in June and again since early March.", ["--06", "--03"]),
        # A deadline at the end of a month.
        ("The home will close by the end of August, not before the start of July.", ["--08", "--07"]),
        # A calendar day and months of a year are not months alone.
        ("It opened on June 4, in June 2021 and in November of 2013.", []),
    ],
)
def test_months_named_alone(text: str, expected: list[str]) -> None:
    assert [m.value for m in v.months(text)] == expected
