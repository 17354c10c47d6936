"""Incremental story clustering: same event together, same kind of event apart, time-aware, deterministic."""

from __future__ import annotations

import pytest

from newstrace.config import Options
from newstrace.group.incremental import assign_stories
from newstrace.group.stories import MAX_GAP_DAYS, NAME_KEY, StoryClusterer, body_names, features_of
from newstrace.model import CopyRelation, PartialDate, Story
from tests.group.group_texts import INDEPENDENT, UNRELATED, WIRE, article

THRESHOLD = 0.2

# Another landslide, another town and year: the same kind of event, a different story.
OTHER_SLIDE = (
    "A landslide struck the fishing village of Brekkan on Saturday after a week of storms, burying the "
    "harbour road and three boat sheds. Two fishermen, Tor Allan and his son, were rescued from a shed by "
    "neighbours. The coast guard closed the bay to traffic, and the county sent a ferry to carry children "
    "to school in Sannvik while the road is cleared."
)


# Two (fictional) title fights of one champion, months apart: each report opens with the same stock
# lead, and only the body says who the challenger was, where, and the records.
LEAD = (
    "Heavyweight champion Arvo Lindqvist kept his world title on Saturday night with another stoppage "
    "win before a sold-out crowd. "
)
FIGHT_A1 = LEAD + (
    "Lindqvist floored Bram Okonkwo twice in the sixth round with left hooks, and referee Tomas Weyl "
    "ended the bout in the seventh when Okonkwo sagged against the ropes in Maltby. Okonkwo, 36, had "
    "stepped in as a late replacement. Lindqvist, now 52-3, said Okonkwo had hit him harder than anyone. "
    "Okonkwo's trainer, Mirela Dunst, said Okonkwo would fight on, and Dunst asked for a rematch in Maltby."
)
FIGHT_A2 = (
    "Bram Okonkwo lasted into the seventh round in Maltby but could not take the title from Arvo "
    "Lindqvist. Okonkwo, a late replacement, went down twice in the sixth, and referee Tomas Weyl "
    "stopped it 44 seconds into the seventh. Okonkwo fell to 45-7; Lindqvist moved to 52-3 and said "
    "Okonkwo deserved a rematch."
)
FIGHT_B = LEAD + (
    "Lindqvist dropped Caleb Moreau with a right hand late in the fifth round in Berne, and referee Sam "
    "Ibarra stopped the fight when Moreau rose unsteadily in the sixth. Moreau, 40, the mandatory "
    "challenger, had lost to Lindqvist once before. Lindqvist, now 58-3, said Moreau was tougher than "
    "in their first fight. Moreau's promoter, Henrik Vasse, said Moreau would not retire, and Vasse "
    "wants a third fight in Berne."
)


def _features(text: str, title: str | None = None, date: PartialDate | None = None):  # noqa: ANN202
    return features_of(title, text, date)


def test_reports_of_one_event_join_and_other_events_stay_apart() -> None:
    clusterer = StoryClusterer(THRESHOLD)
    first = clusterer.add(_features(WIRE, "Landslide buries part of Velmora, seven dead"))
    second = clusterer.add(_features(INDEPENDENT, "Velmora waits for news after mudslide"))
    third = clusterer.add(_features(UNRELATED, "Ostrel central bank holds rate"))
    fourth = clusterer.add(_features(OTHER_SLIDE, "Landslide hits Brekkan harbour"))
    assert first == second
    assert len({first, third, fourth}) == 3


# A later report from the same valley that shares the town and the mud with the landslide dispatch, but
# not its dead, its mayor or its rescue: the same kind of news, read at well under FOLLOW_UP times the bar.
ROAD_CLOSED = (
    "A landslide closed the valley road below Velmora on Friday night. Nobody was hurt, the road "
    "authority said; excavators cleared the mud in two days, and buses ran over the pass meanwhile."
)


@pytest.mark.parametrize(
    ("text", "title", "gap_days", "same_story"),
    [
        # Retold (a follow-up in the same words): one story while the first is open, whatever the gap.
        (WIRE, "Landslide in Velmora", 1, True),
        (WIRE, "Landslide in Velmora", MAX_GAP_DAYS + 1, True),
        (WIRE, "Landslide in Velmora", 400, False),
        # The same kind of news: time parts it after a month.
        (ROAD_CLOSED, "Velmora valley road closed by mud", 1, True),
        (ROAD_CLOSED, "Velmora valley road closed by mud", MAX_GAP_DAYS + 1, False),
    ],
)
def test_a_month_parts_reports_of_one_kind_but_not_a_follow_up(
    text: str, title: str, gap_days: int, same_story: bool
) -> None:
    import datetime

    day = datetime.date(2024, 6, 3)
    later = day + datetime.timedelta(days=gap_days)
    clusterer = StoryClusterer(THRESHOLD)
    first = clusterer.add(_features(WIRE, "Landslide in Velmora", PartialDate(day.year, day.month, day.day)))
    second = clusterer.add(_features(text, title, PartialDate(later.year, later.month, later.day)))
    assert (first == second) is same_story


def test_undated_articles_are_not_kept_apart_by_time() -> None:
    clusterer = StoryClusterer(THRESHOLD)
    assert clusterer.add(_features(WIRE, None, PartialDate(2024, 6, 3))) == clusterer.add(_features(WIRE))


def test_same_input_same_stories() -> None:
    texts = [WIRE, UNRELATED, INDEPENDENT, OTHER_SLIDE, WIRE[:400]]

    def run() -> list[int]:
        clusterer = StoryClusterer(THRESHOLD)
        return [clusterer.add(_features(t)) for t in texts]

    assert run() == run()


@pytest.mark.parametrize("threshold", [0.0, -0.1, 1.5])
def test_threshold_outside_0_1_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        StoryClusterer(threshold)


def test_stored_stories_keep_their_ids_and_new_articles_join_or_start_one() -> None:
    wire = article(1, WIRE, title="Landslide buries part of Velmora")
    bank = article(2, UNRELATED, title="Ostrel central bank holds rate")
    old = [
        Story((1,), "Landslide buries part of Velmora", 7),
        Story((2,), "Ostrel central bank holds rate", 9),
    ]
    report = article(3, INDEPENDENT, title="Velmora waits for news after mudslide")
    brekkan = article(4, OTHER_SLIDE, title="Landslide hits Brekkan harbour")
    stories = assign_stories([wire, bank, report, brekkan], old, [], THRESHOLD)
    by_id = {s.id: s.article_ids for s in stories}
    assert by_id[7] == (1, 3)
    assert by_id[9] == (2,)
    assert by_id[None] == (4,)


def test_a_copy_joins_its_originals_story_whatever_its_words() -> None:
    # A copy relation links article 3 to the wire even though its text alone would start a story.
    wire = article(1, WIRE, title="Landslide buries part of Velmora")
    odd = article(3, OTHER_SLIDE, title="Landslide hits Brekkan harbour")
    old = [Story((1,), "Landslide buries part of Velmora", 4)]
    relation = CopyRelation(3, 1, "contained", 0.4, 0.9)
    (story,) = assign_stories([wire, odd], old, [relation], THRESHOLD)
    assert story.article_ids == (1, 3) and story.id == 4


def test_articles_that_left_the_store_leave_their_story() -> None:
    old = [Story((1, 2), "Landslide buries part of Velmora", 4)]
    (story,) = assign_stories([article(1, WIRE)], old, [], THRESHOLD)
    assert story.article_ids == (1,)


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (0, 2, 1), (2, 1, 0)])
def test_two_fights_with_one_stock_lead_are_told_apart_by_the_names_in_the_body(
    order: tuple[int, ...],
) -> None:
    # The lead words alone put the second fight with the first (cosine 0.34 before names were read) and
    # the other report of the first fight below it: who the challenger was only shows further down.
    texts = [FIGHT_A1, FIGHT_B, FIGHT_A2]
    clusterer = StoryClusterer(Options().story_threshold)
    clusterer.add(_features(WIRE))
    clusterer.add(_features(UNRELATED))
    story = {i: clusterer.add(_features(texts[i])) for i in order}
    assert story[0] == story[2]
    assert story[1] != story[0]


def test_body_names_count_names_and_numbers_of_the_whole_text_not_sentence_openers() -> None:
    names = body_names("Okonkwo falls in Maltby", FIGHT_A1)
    assert names[NAME_KEY + "okonkwo"] > names[NAME_KEY + "weyl"] > 0  # said six times, and once
    assert NAME_KEY + "dunst" in names  # past the lead
    assert NAME_KEY + "52" in names
    assert NAME_KEY + "heavyweight" not in names  # a sentence's first word, not a name
    assert NAME_KEY + "replacement" not in names
