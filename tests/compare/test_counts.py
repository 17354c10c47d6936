"""Counts of two statements: one figure told two ways, or counts of two different things."""

from __future__ import annotations

import pytest

from newstrace.compare.counts import number_differences
from newstrace.compare.values import quantities
from newstrace.model import Citation


def _numbers(a: str, b: str) -> list[tuple[str, str, bool]]:
    found = number_differences(Citation(1, 0, len(a), a), a, Citation(2, 0, len(b), b), b)
    return [(d.sides[0].text, d.sides[1].text, d.conflict) for d in found]


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # A part, the rest and all of one herd are three true counts.
        ("Rangers tagged two of the elk near the river.", "All five elk were counted again in spring.", []),
        (
            "The herd's other three elk stayed on the ridge.",
            "Rangers led the other two elk back to the pen.",
            [],
        ),
        # A part against all of them, said of one thing that happened to it, is one count.
        (
            "Two of the hikers were treated for frostbite.",
            "All four hikers were treated for frostbite at Orrin hospital.",
            [("Two of the hikers", "four hikers", True)],
        ),
        # The earlier value of a change is no rival of a figure of now; two earlier values are.
        (
            "Drivers will pay 3.10 pounds each way from April 1, up from 2.40 pounds, after the vote.",
            "Hauliers will pay 9.60 pounds to cross the bridge from April 6.",
            [],
        ),
        (
            "Cars will pay 3.10 pounds each way, up from 2.40 pounds.",
            "The car toll goes up from 2.50 pounds.",
            [("2.40 pounds", "2.50 pounds", True)],
        ),
        # The whole a share is taken of is no count of the share.
        (
            "About 40,000 members voted, the union said.",
            "About a third of the union's 120,000 members voted.",
            [],
        ),
        (
            "About 40,000 members voted, the union said.",
            "The union put the number of members who voted at 52,000.",
            [("About 40,000 members", "52,000", True)],
        ),
    ],
)
def test_a_part_the_rest_and_the_whole(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert _numbers(a, b) == found


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # Two lengths of time of two different things.
        (
            "The last calf was found at dusk after a search of nearly six hours.",
            "Two of the calves were found inside the farm within about three hours.",
            False,
        ),
        # One length of time told in other words: the sentences share what it was of.
        (
            "Thirty crews brought the blaze under control after four hours.",
            "Crews needed nine hours to bring the blaze under control.",
            True,
        ),
    ],
)
def test_lengths_of_time_of_one_thing(a: str, b: str, conflict: bool) -> None:
    assert [c for *_, c in _numbers(a, b) if c] == ([True] if conflict else [])


def test_a_modifier_before_a_plural_is_not_what_is_counted() -> None:
    # "one fox" and "four fox attacks" count two things.
    assert (
        _numbers("One fox was still loose on Sunday.", "The town has had four fox attacks in 20 years.") == []
    )
    # A singular noun in -s modifies too: "230 bus drivers" count drivers, "two bus routes" routes.
    assert [(q.value, q.noun) for q in quantities("About 230 bus drivers walked out.")] == [(230, "driver")]
    assert (
        _numbers("Tickets are valid on two bus routes.", "Tickets are valid on the 31 and 32 bus services.")
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # A rate and a total in one currency are two facts.
        (
            "The council will spend 12 million marks a year on the new ferries.",
            "The council will spend 48 million marks on the new ferries over four years.",
            [],
        ),
        ("A scan costs about 400 marks a patient.", "The old scan cost 150 marks for the whole ward.", []),
        # Two rates of one thing disagree, the rate told before the figure or after it.
        (
            "Brannwick will pay 22 marks a share for the brewery.",
            "The offer values each Osk share at 25 marks.",
            [("22 marks", "25 marks", True)],
        ),
    ],
)
def test_a_rate_is_compared_only_with_a_rate(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert _numbers(a, b) == found


def test_a_vote_tally_is_compared_on_both_figures() -> None:
    # The votes for agree; the votes against, whatever word follows them, do not.
    assert _numbers(
        "The harbour bill passed by 31 votes to 22, with two abstentions.",
        "Councillors voted 31 to 25 for the harbour bill.",
    ) == [("22", "25", True)]


def test_the_people_watching_are_one_count_but_not_what_the_ground_holds() -> None:
    assert _numbers(
        "Ostry won in front of 12,480 spectators.", "More than 15,000 fans saw Ostry win the final."
    ) == [("12,480 spectators", "More than 15,000 fans", True)]
    crowd = "A crowd of about 12,500 at Vell Park saw it."
    assert _numbers(crowd, "Ostry won in front of 12,480 spectators.") == [
        ("about 12,500", "12,480 spectators", False)
    ]
    assert _numbers("The east stand holds about 4,000 fans.", crowd) == []


def test_a_number_word_after_a_figure_is_not_what_it_counts() -> None:
    # "2,400 … five years earlier": the 2,400 are not "years" (a length of time), and the five years are
    # read on their own.
    found = quantities("There were 5,100 boats on the lake in May, against 2,400 five years earlier.")
    assert [(q.value, q.noun) for q in found] == [(5100, "boat"), (2400, ""), (5, "year")]


def test_a_figure_both_statements_give_is_no_rival_of_another() -> None:
    # The first statement's "six years" is another offer's; its "four years" agrees with the second.
    assert (
        _numbers(
            "Vell bid 90 million marks over six years, Ostry 60 million marks over four years.",
            "Ostry has made an offer of 60 million marks over four years, the paper said.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # One group of people counted in other words, for the same thing.
        (
            "Nine passengers were treated for smoke inhalation at the quay.",
            "Fourteen people were treated for smoke inhalation, the harbour master said.",
            [("Nine passengers", "Fourteen people", True)],
        ),
        # Two groups of people, counted for two different things.
        (
            "About 800 residents live on the island year round.",
            "The ferry had 312 passengers on board when it struck the rocks.",
            [],
        ),
        # A sentence that counts the same people by their parts ("a man and two women") already gives
        # the other report's figure.
        (
            "The three guards, a man and two women, were treated for burns.",
            "Three people were treated for burns at the depot.",
            [],
        ),
    ],
)
def test_people_counted_in_other_words(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert _numbers(a, b) == found


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # The one percentage of each statement, of nothing named: the change both report.
        (
            "Tarrow Ferries will raise fares on the Skel crossing by 14 percent from May.",
            "From May, fares on the Skel crossing will go up by 12 per cent, the operator said.",
            [("14 percent", "12 per cent", True)],
        ),
        ("Water bills in Orrin will rise by 6%.", "Orrin's water bills are to rise by about 6 percent.", []),
        # Two percentages in one statement: which one the other report's answers is a guess.
        (
            "Fares will rise by 14 percent, after a 3% rise last year.",
            "Fares will go up by 12 per cent.",
            [],
        ),
    ],
)
def test_the_only_percentage_of_two_statements(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert [n for n in _numbers(a, b) if n[2]] == found


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # One chimney measured in two ways of writing the unit.
        (
            "The station's 198-metre chimney will be demolished in the spring.",
            "The 189-metre chimney will come down in the spring.",
            [("198-metre", "189-metre", True)],
        ),
        (
            "The chimney, at 198 metres, is the county's tallest.",
            "The 189-metre chimney is the county's tallest.",
            [("198 metres", "189-metre", True)],
        ),
        # One thing named in two words.
        (
            "Traffic is being sent on a 58-mile diversion through Orrby.",
            "Drivers face a 62-mile detour through Orrby and the Tarn valley.",
            [("58-mile", "62-mile", True)],
        ),
        # A measure of a thing the other statement does not name is no rival.
        (
            "The ferry sank twenty minutes after leaving the harbour.",
            "The ferry was making the 40-minute trip to Kessa.",
            [],
        ),
        # When, counted from something, against how long something lasted.
        (
            "The ferry sank some twenty minutes after leaving on its morning crossing.",
            "The ferry was making the 40-minute crossing to Kessa.",
            [],
        ),
    ],
)
def test_measures_written_onto_their_figures(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert [n for n in _numbers(a, b) if n[2]] == found


def test_a_verb_of_killing_counts_the_dead_but_not_a_culled_flock() -> None:
    # "killing 43,000 hens" counts hens, to be compared with another report's hens; "killing four" counts
    # the dead.
    assert _numbers("Workers began culling 38,000 laying hens.", "Vets began killing 43,000 hens.") == [
        ("38,000 laying hens", "43,000 hens", True)
    ]
    assert [(q.value, q.noun) for q in quantities("The blast tore through the hall, killing four.")] == [
        (4, "dead")
    ]


def test_households_homes_and_properties_are_one_count() -> None:
    assert _numbers(
        "About 14,000 households were told to boil their water.",
        "The notice covers 11,500 properties in and around Kelderby.",
    ) == [("About 14,000 households", "11,500 properties", True)]
    assert _numbers("about 410,000 households", "some 400,000 homes") == [
        ("about 410,000 households", "some 400,000 homes", False)
    ]


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        # A workforce and the jobs it holds are one count.
        (
            "The mill will shut in the spring with the loss of 310 jobs.",
            "Some 240 workers will lose their jobs when the mill shuts.",
            [("310 jobs", "Some 240 workers", True)],
        ),
        (
            "The 64 staff were told on Monday.",
            "About 60 jobs are affected.",
            [("64 staff", "About 60 jobs", False)],
        ),
        # Children at school, counted as pupils or as children.
        (
            "The coach was carrying 31 pupils to Ferrow High School.",
            "There were 34 children on board the coach.",
            [("31 pupils", "34 children", True)],
        ),
        # People hurt are people injured.
        (
            "Seven people were injured when the mast fell.",
            "Nine people were hurt.",
            [("Seven people were injured", "Nine people were hurt", True)],
        ),
        # A length with its dimension against one without: one length.
        (
            "The whale measured 4.8 metres.",
            "The whale was about 5.6 metres long.",
            [("4.8 metres", "about 5.6 metres", True)],
        ),
        # A measure of a thing named by the word after the first: one fence, measured two ways. Two offers
        # are two things, however long each runs.
        (
            "The men climbed a five-metre perimeter fence with a ladder.",
            "The men scaled a six-metre fence behind the workshops.",
            [("five-metre", "six-metre", True)],
        ),
        (
            "The club offered a seven-year deal worth $140 million.",
            "Rivals have an eight-year offer worth more.",
            [],
        ),
        # The places of an elected body, as seats or as the councillors who fill them.
        (
            "Elsby will elect five of the new council's 17 councillors.",
            "Elsby will have five of the 23 seats on the new council.",
            [("17 councillors", "23 seats", True)],
        ),
    ],
)
def test_one_count_in_two_words(a: str, b: str, found: list[tuple[str, str, bool]]) -> None:
    assert _numbers(a, b) == found


def test_an_estimated_cost_is_a_price_not_a_valuation() -> None:
    # "estimated" says a figure is an estimate; the cost it estimates is the other report's cost.
    assert _numbers(
        "The university put the cost of security for the lecture at about £14,000.",
        "It said the cost of policing and stewarding, estimated at £40,000, was out of proportion.",
    ) == [("about £14,000", "£40,000", True)]


def test_of_several_figures_the_one_after_the_same_word_answers() -> None:
    # "up from" marks the figure before it as the new one, not the figure after the old one; of the other
    # report's two fares, the one after "vans" answers the vans' fare.
    found = _numbers(
        "Lorries will pay 9.60 pounds, up from 7.80 pounds, and vans 5.20 pounds.",
        "Cars will pay 3.10 pounds and vans 5.40 pounds under the new charges.",
    )
    assert [n for n in found if n[2]] == [("5.20 pounds", "5.40 pounds", True)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The share money one report rounds answers the other's precise figure, not the price beside it.
        (
            "The society raised about £160,000 by selling shares at £25 each.",
            "The society paid £285,000 for the freehold and stock, raising £162,000 from 421 members.",
        ),
        (
            "The society paid £285,000 for the freehold and stock, raising £162,000 from 421 members.",
            "The society raised about £160,000 by selling shares at £25 each.",
        ),
    ],
)
def test_a_figure_the_other_rounds_answers_it_before_the_others(a: str, b: str) -> None:
    assert [n for n in _numbers(a, b) if n[2]] == []


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # A running count taken at two moments: the later one updates the earlier.
        (
            "The helpline had taken about 1,100 calls by Tuesday afternoon.",
            "By Tuesday evening the helpline had taken about 2,300 calls.",
            False,
        ),
        # Counted by one moment, the two figures still clash.
        (
            "The helpline had taken about 1,100 calls by Tuesday evening.",
            "By Tuesday evening the helpline had taken about 2,300 calls.",
            True,
        ),
    ],
)
def test_a_running_count_at_two_moments_is_an_update(a: str, b: str, conflict: bool) -> None:
    assert [found for *_, found in _numbers(a, b)] == [conflict]


def test_of_several_figures_the_one_told_in_the_same_words_answers() -> None:
    found = _numbers(
        "A hot-air balloon carrying a pilot and 12 passengers crash-landed near Ormsby on Saturday.",
        "Three passengers were taken to hospital after a hot-air balloon carrying 14 people and its pilot "
        "crash-landed on farmland on Saturday.",
    )
    assert found == [("12 passengers", "14 people", True)]


def test_what_an_appeal_raised_and_one_donation_to_it_are_two_amounts() -> None:
    a = "The appeal had raised £1.1 million by the end of last year, the cathedral said."
    b = "The appeal reached its target after a final donation of £40,000 from a local building firm."
    assert _numbers(a, b) == []
    # Two reports of what it raised still disagree.
    c = "The appeal raised £1.3 million, the cathedral said."
    assert _numbers(a, c) == [("£1.1 million", "£1.3 million", True)]


def test_counts_over_two_spans_of_time_are_two_counts() -> None:
    a = "The closures take the number of branches the bank has shut since 2020 to 211."
    assert _numbers(a, "It is one of 38 branches the bank is closing this year.") == []
    # Over one span, or with none named, two figures still clash.
    found = _numbers(a, "The bank has shut 198 branches since 2020.")
    assert [conflict for *_, conflict in found] == [True]


def test_an_amount_paid_for_something_is_no_rival_of_a_sum_raised() -> None:
    paid = "The sale of the shop to the society was completed on Friday, for £285,000."
    assert _numbers(paid, "The society raised £162,000 through a share offer.") == []
    # What a painting was insured for is its worth, still set against another report's worth.
    found = _numbers("The painting was insured for £1.5 million.", "The painting was worth £2.4 million.")
    assert [conflict for *_, conflict in found] == [True]
