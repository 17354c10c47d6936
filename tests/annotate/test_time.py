"""Time expressions: extents, TimeML values, and resolution by publication date and tense."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.annotate.time import extract_times, iso_week, tense_direction

# A Tuesday, the publication date of the fictional reports below.
REF = date(2023, 9, 12)


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        (
            "The envoy left the capital on Sunday afternoon by train.",
            "Sunday afternoon",
            "2023-09-10TAF",
            None,
        ),
        ("The convoy crossed the border early Tuesday.", "early Tuesday", "2023-09-12", "START"),
        ("A video posted on Monday showed the convoy.", "Monday", "2023-09-11", None),
        ("However, last week, the minister said talks were advancing.", "last week", "2023-W36", None),
        ("Earlier this month, a newspaper reported the plan.", "Earlier this month", "2023-09", None),
        ("It is the first such visit in more than four years.", "more than four years", "P4Y", "MORE_THAN"),
        ("The ministers will meet on Friday in the port city.", "Friday", "2023-09-15", None),
        ("The ministers met on Friday in the port city.", "Friday", "2023-09-08", None),
        ("The ferry passed its last inspection in October.", "October", "2022-10", None),
        ("The summit is planned for October.", "October", "2023-10", None),
        ("Talks began on Sept. 4, 2021, in Geneva.", "Sept. 4, 2021", "2021-09-04", None),
        ("The order was signed on 3 March 2020.", "3 March 2020", "2020-03-03", None),
        (
            "The ship sank at around 6:40 a.m. near the breakwater.",
            "around 6:40 a.m.",
            "2023-09-12T06:40",
            "APPROX",
        ),
        ("Officials said yesterday that the count was final.", "yesterday", "2023-09-11", None),
        ("The council meets every week.", "every week", "P1W", None),
        ("Prices rose in the third quarter.", "the third quarter", "2023-Q3", None),
        ("The bridge was built in 1998.", "1998", "1998", None),
        ("Two years ago the plant closed.", "Two years ago", "2021", None),
        ("Rescuers searched for 36 hours.", "36 hours", "PT36H", None),
        ("The dispute goes back to the 1990s.", "the 1990s", "199", None),
        ("Exports fell last month.", "last month", "2023-08", None),
        ("The strike is now in its second week.", "now", "PRESENT_REF", None),
    ],
)
def test_expressions_are_found_and_resolved(text: str, expression: str, value: str, mod: str | None) -> None:
    found = {t.text: t for t in extract_times(text, REF, article_id=7)}
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    timex = found[expression]
    assert (timex.value, timex.mod) == (value, mod)
    assert text[timex.start : timex.end] == expression
    assert timex.article_id == 7


@pytest.mark.parametrize(
    "text",
    [
        "Officials may decide later.",  # the modal, not the month
        "Protesters march through the city.",  # the verb
        "A 34-year-old teacher was rescued.",  # an age
        "He tried a second time.",  # an ordinal
        "The report was aired by Russia Today.",  # a broadcaster's name
        "Tourists flew to Easter Island.",  # a place named after the day
    ],
)
def test_words_that_are_not_time_expressions(text: str) -> None:
    assert [(t.text, t.value) for t in extract_times(text, REF)] == []


def test_without_a_reference_relative_values_stay_unresolved() -> None:
    found = extract_times("He left on Tuesday; the talks end on September 12.", None)
    assert [t.value for t in found] == ["XXXX-WXX-2", "XXXX-09-12"]
    assert all(t.anchor is None for t in found)


def test_resolved_expressions_record_their_anchor() -> None:
    (timex,) = extract_times("He arrived on Monday.", REF)
    assert timex.anchor == "2023-09-12"


def test_expressions_do_not_overlap_and_come_in_text_order() -> None:
    text = "Early Tuesday morning, hours after the report, the train reached the border on Sept. 12, 2023."
    found = extract_times(text, REF)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert found[0].text == "Early Tuesday morning" and found[0].value == "2023-09-12TMO"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Kim left here on Sunday", -1),
        ("The leaders will meet on Friday", 1),
        ("He said the delegation is expected to arrive on Friday", 1),
        ("On Friday", 0),
    ],
)
def test_tense_direction(text: str, direction: int) -> None:
    start = text.rindex("day") - 3
    assert tense_direction(text, start, len(text)) == direction


def test_iso_week_of_a_day() -> None:
    assert iso_week(date(2023, 9, 5)) == "2023-W36"


def test_seed_reports_resolve_as_the_issue_asks(seeds_dir) -> None:
    expected = {
        "000": {
            "Sunday afternoon": "2023-09-10TAF",
            "early Tuesday": "2023-09-12",
            "Earlier this month": "2023-09",
        },
        "001": {"Monday": "2023-09-11", "last week": "2023-W36", "Sunday afternoon": "2023-09-10TAF"},
    }
    for path in sorted(seeds_dir.glob("*.txt")):
        wanted = expected[path.name[:3]]
        found = {t.text: t.value for t in extract_times(path.read_text(encoding="utf-8"), REF)}
        for text, value in wanted.items():
            assert found.get(text) == value, (path.name, text)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # Planned events reported in the past tense still lie ahead (issue 6: examples/corpus).
        ("Prime Minister Vind was expected to visit the port on Saturday.", "Saturday", "2023-09-16"),
        (
            "The government declared a day of mourning on Monday, when flags will fly at half mast.",
            "Monday",
            "2023-09-18",
        ),
        ("Protesters planned a march on Saturday and were planning a vigil.", "Saturday", "2023-09-16"),
        ("The group could come to the capital as soon as Thursday.", "Thursday", "2023-09-14"),
        ("A shuttle commander will be named for a mission in December.", "December", "2023-12"),
        # A plan that was overtaken, and "since", point back.
        ("The offer had been due to expire Friday evening.", "Friday evening", "2023-09-08TEV"),
        ("The carrier has been on patrol since March.", "March", "2023-03"),
    ],
)
def test_tense_of_plans_and_clauses(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in extract_times(text, REF)}
    assert found.get(expression) == value, found


def test_year_back_comparisons_take_the_quarter_under_discussion() -> None:
    text = (
        "Third-quarter profit rose 19% to $5 million from $4.2 million a year earlier. "
        "Sales in the latest quarter rose 9% from a year ago, and the year-ago period had a charge."
    )
    found = [(t.text, t.value) for t in extract_times(text, date(1989, 10, 26))]
    assert found == [
        ("Third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the latest quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
        ("the year-ago period", "1988-Q3"),
    ]


def test_year_back_without_a_quarter_is_the_calendar_year() -> None:
    found = [(t.text, t.value) for t in extract_times("A year ago the plant closed.", REF)]
    assert found == [("A year ago", "2022")]


def test_an_outlook_quarter_is_not_the_one_compared() -> None:
    text = "The company expects growth in the fourth quarter. Sales rose 5% from a year earlier."
    found = {t.text: t.value for t in extract_times(text, date(1989, 8, 1))}
    assert found["the fourth quarter"] == "1989-Q4"
    assert found["a year earlier"] == "1988"


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        (date(2023, 9, 11), "Talks went on over the weekend.", "2023-W36-WE"),  # Monday: the one just gone
        (date(2023, 9, 14), "Rallies are planned for the weekend.", "2023-W37-WE"),  # Thursday, future
        (date(2023, 9, 16), "Crowds gathered this weekend.", "2023-W37-WE"),  # on the weekend itself
    ],
)
def test_the_weekend_follows_tense_and_weekday(published: date, text: str, value: str) -> None:
    (timex,) = extract_times(text, published)
    assert timex.value == value


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("The regime fell nearly four years ago.", "nearly four years ago", "2019", "LESS_THAN"),
        ("A decade ago the port was empty.", "A decade ago", "2013", None),
        ("The festival returns this September.", "this September", "2023-09", None),
        ("The cut dividend is payable Jan. 2 to holders.", "Jan. 2", "2024-01-02", None),
        ("The family has until 9 a.m. Thursday to sign.", "9 a.m. Thursday", "2023-09-14T09:00", None),
        # The verb after a closing quotation mark frames the quote; it does not govern a time inside it.
        (
            "'He will leave at dawn (4 a.m. Thursday),'' Castro said.",
            "4 a.m. Thursday",
            "2023-09-14T04:00",
            None,
        ),
        ("Just over an hour later the ship sank.", "Just over an hour", "PT1H", "MORE_THAN"),
        # After a modal, "one day" is some time ahead; alone it is a day long.
        ("Officials say the port could one day handle cruise ships.", "one day", "FUTURE_REF", None),
        ("The strike lasted one day.", "one day", "P1D", None),
    ],
)
def test_relative_dates_with_modifiers_and_deadlines(
    text: str, expression: str, value: str, mod: str | None
) -> None:
    found = {t.text: t for t in extract_times(text, REF)}
    assert expression in found, sorted(found)
    assert (found[expression].value, found[expression].mod) == (value, mod)


@pytest.mark.parametrize(
    ("published", "text", "expression", "value"),
    [
        # The year written before the quarter, or as "this/next year's", belongs to the quarter.
        (
            date(2023, 10, 26),
            "In the 2022 third quarter the mill lost $3 million.",
            "the 2022 third quarter",
            "2022-Q3",
        ),
        (
            date(2023, 10, 26),
            "Orders in the year-ago third quarter were weak.",
            "the year-ago third quarter",
            "2022-Q3",
        ),
        (
            date(2023, 10, 26),
            "Margins should recover in next year's first quarter.",
            "next year's first quarter",
            "2024-Q1",
        ),
        (
            date(2023, 10, 26),
            "Sales for this year's second quarter were restated.",
            "this year's second quarter",
            "2023-Q2",
        ),
        (
            date(2023, 10, 26),
            "Prices will stay low through the first two quarters of 2024.",
            "the first two quarters of 2024",
            "2024-H1",
        ),
        (
            date(2023, 10, 26),
            "Earnings will be lower for the last half of 2023.",
            "the last half of 2023",
            "2023-H2",
        ),
        # A comparison period one year back takes the quarter under discussion.
        (
            date(2023, 10, 26),
            "Third-quarter net fell to $2 million from $3 million in the corresponding period last year.",
            "the corresponding period last year",
            "2022-Q3",
        ),
        (
            date(2023, 10, 26),
            "Third-quarter sales rose 4% from last year's quarter.",
            "last year's quarter",
            "2022-Q3",
        ),
    ],
)
def test_quarters_with_their_year_are_one_expression(
    published: date, text: str, expression: str, value: str
) -> None:
    found = {t.text: t.value for t in extract_times(text, published)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The crew was trapped for 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The applause went on for a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The talks ran for one and a half days.", "one and a half days", "P1DT12H"),
        ("The strike will last two more weeks.", "two more weeks", "P2W"),
        ("The index fell for eight trading days.", "eight trading days", "P8D"),
        ("The lease was extended by an additional year.", "an additional year", "P1Y"),
        ("Rates will stay high over the next couple of years.", "the next couple of years", "P2Y"),
    ],
)
def test_durations_keep_their_fractions_and_counted_units(text: str, expression: str, value: str) -> None:
    found = {t.text: t for t in extract_times(text, REF)}
    assert expression in found, sorted(found)
    assert (found[expression].type, found[expression].value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # "until" points ahead only the time it introduces.
        ("The vote was postponed on Thursday until Nov. 12.", "Thursday", "2023-09-07"),
        ("The vote was postponed on Thursday until Nov. 12.", "Nov. 12", "2023-11-12"),
        # A reporting verb after a comma frames the statement; it does not set the tense of its times.
        (
            "The alliance has decided to admit the two states in early October, an envoy said on Monday.",
            "early October",
            "2023-10",
        ),
        # A participle used as an adjective carries no tense: the verb does.
        ("The committee cancelled the hastily planned hearing on Friday.", "Friday", "2023-09-08"),
        ("The bonus will be paid on a still unspecified date in January.", "January", "2024-01"),
        # A participle before "by" is a passive without its auxiliary: no tense of its own.
        (
            "The airline will add flights by December to markets untouched by the strike.",
            "December",
            "2023-12",
        ),
        # A possessive weekday names an event the story refers to: past, unless looked forward to.
        ("Relatives said they would look for ways around Wednesday's ruling.", "Wednesday", "2023-09-06"),
        ("Crowds gathered ahead of Sunday's vote.", "Sunday", "2023-09-17"),
        # The present of a timetabled event points ahead.
        ("The new levy takes effect on Wednesday.", "Wednesday", "2023-09-13"),
        ("The council meets Monday to vote on the budget.", "Monday", "2023-09-18"),
        # A verb past a comma on the right belongs to another clause when this one has its own.
        (
            "The talks, which are supposed to end by November, brought envoys from ten states.",
            "November",
            "2023-11",
        ),
    ],
)
def test_the_verb_that_governs_a_time_sets_its_direction(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in extract_times(text, REF)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    ("published", "text", "expression", "kind", "value"),
    [
        # Counted from the event just told, not from the publication date: an offset, not a date.
        (
            REF,
            "The ferry sank on Sept. 4. Three days later, divers found the wreck.",
            "Three days",
            "DURATION",
            "P3D",
        ),
        (REF, "A week earlier, the harbour master had warned of the storm.", "A week", "DURATION", "P1W"),
        # Recurring days, months and seasons.
        (REF, "The market opens each Thursday in the square.", "each Thursday", "SET", "XXXX-WXX-4"),
        (REF, "Pilgrims arrive every July.", "every July", "SET", "XXXX-07"),
        (REF, "The fair is held every summer.", "every summer", "SET", "XXXX-SU"),
        # "Last spring" is the most recent spring over; "the spring" goes with the tense.
        (date(2023, 10, 20), "The strike began last spring.", "last spring", "DATE", "2023-SP"),
        (date(2023, 4, 20), "The strike began last spring.", "last spring", "DATE", "2022-SP"),
        (date(2023, 10, 20), "Output fell this past spring.", "this past spring", "DATE", "2023-SP"),
        (
            date(2023, 12, 20),
            "The ship will return to service in the spring.",
            "the spring",
            "DATE",
            "2024-SP",
        ),
        (REF, "The terminal is due to open in the autumn of 2026.", "the autumn of 2026", "DATE", "2026-FA"),
        # Parts of days before or after the day.
        (REF, "Shots were heard last night near the port.", "last night", "TIME", "2023-09-11TNI"),
        (REF, "The index fell mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2023-09-11TAF"),
        # A clock time with the date it falls on.
        (
            REF,
            "Bids are due by 5 p.m. EST, Oct. 6, the agency said.",
            "5 p.m. EST, Oct. 6",
            "TIME",
            "2023-10-06T17:00",
        ),
    ],
)
def test_offsets_sets_seasons_and_parts_of_days(
    published: date, text: str, expression: str, kind: str, value: str
) -> None:
    found = {t.text: t for t in extract_times(text, published)}
    assert expression in found, sorted(found)
    assert (found[expression].type, found[expression].value) == (kind, value)


@pytest.mark.parametrize(
    ("published", "text", "expression", "value", "mod"),
    [
        (date(2024, 1, 8), "Stores were busy on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23", None),
        (date(2024, 1, 8), "The family last met last Christmas.", "last Christmas", "2023-12-25", None),
        (date(2023, 10, 2), "Turnout will be high on Election Day.", "Election Day", "2023-11-07", None),
        (date(2024, 3, 25), "Pilgrims filled the old town in Easter week.", "Easter week", "2024-W13", None),
        (REF, "The chapel dates from the 11th century.", "the 11th century", "10", None),
        (REF, "The mill closed in the mid-1990s.", "the mid-1990s", "199", "MID"),
        (REF, "The border reopened in mid-2021.", "mid-2021", "2021", "MID"),
        (REF, "The ban was lifted in late 2022.", "late 2022", "2022", "END"),
        (REF, "The museum stays shut until the end of the month.", "the end of the month", "2023-09", "END"),
        (
            REF,
            "Rates will fall by the beginning of next year.",
            "the beginning of next year",
            "2024",
            "START",
        ),
    ],
)
def test_named_days_centuries_and_edges_of_periods(
    published: date, text: str, expression: str, value: str, mod: str | None
) -> None:
    found = {t.text: t for t in extract_times(text, published)}
    assert expression in found, sorted(found)
    assert (found[expression].value, found[expression].mod) == (value, mod)


def test_a_year_to_date_period_ends_the_quarter_under_discussion() -> None:
    text = (
        "Third-quarter profit rose to $5 million from $4 million a year earlier. "
        "For the nine months, profit was $14 million, up from $11 million a year earlier."
    )
    found = [(t.text, t.value) for t in extract_times(text, date(2023, 10, 26))]
    # The second comparison is with the first nine months of last year, not with its third quarter.
    assert found == [
        ("Third-quarter", "2023-Q3"),
        ("a year earlier", "2022-Q3"),
        ("nine months", "P9M"),
        ("a year earlier", "2022"),
    ]


@pytest.mark.parametrize(
    "middle",
    [
        "After a flat second quarter, orders picked up.",  # an earlier quarter, named as a contrast
        "Weakness will continue into the fourth quarter.",  # the current quarter, an outlook
    ],
)
def test_a_contrast_or_an_outlook_does_not_take_over_the_quarter_under_discussion(middle: str) -> None:
    text = f"Third-quarter profit rose 20% to $6 million. {middle} Costs were lower than a year ago."
    found = {t.text: t.value for t in extract_times(text, date(2023, 10, 26))}
    assert found["a year ago"] == "2022-Q3"


def test_a_monthly_figure_is_compared_with_the_same_month_a_year_earlier() -> None:
    found = extract_times("Exports rose 12% in June from a year earlier.", date(2023, 7, 30))
    assert [(t.text, t.value) for t in found] == [("June", "2023-06"), ("a year earlier", "2022-06")]
