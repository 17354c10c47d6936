"""When a thing happened is a fact of the story: two origins that give one moment two clock times disagree,
whatever the sentences around the times (``newstrace.compare.across.times_across``, real MiniLM)."""

from __future__ import annotations

import pytest

from newstrace.compare.across import times_across
from newstrace.compare.embeddings import embed
from newstrace.model import Citation, Claim

# A (fictional) council that put a new bus timetable online; each report tells the moment its own way.
PUBLISHED = "The timetable was published on the council's website at 10 a.m. on Wednesday."
READ_ONLINE = (
    "Passengers could read the new timetable online from shortly after 11:30 a.m. on Wednesday, "
    "when the council put it up."
)


def _statements(*texts: str) -> tuple[list[Citation], dict[int | None, str]]:
    """One statement per article, article ids 1, 2, …"""
    statements = [Citation(n, 0, len(text), text) for n, text in enumerate(texts, start=1)]
    return statements, {s.article_id: s.text for s in statements}


def _times(texts: tuple[str, ...], origins: dict[int, str] | None = None, claims=()):  # type: ignore[no-untyped-def]
    statements, by_id = _statements(*texts)
    origins = origins or {s.article_id: f"outlet {s.article_id}" for s in statements}  # type: ignore[misc]
    return times_across(statements, list(claims), origins, by_id, embed)


def test_one_moment_given_two_clock_times_in_different_words_is_a_conflict_of_its_own() -> None:
    (claim,) = _times((PUBLISHED, READ_ONLINE))
    assert claim.label == "conflicting"
    assert [s.text for s in claim.statements] == ["10 a.m.", "11:30 a.m."]
    assert [(d.kind, d.reason) for d in claim.differences] == [("time", "10:00 vs 11:30")]
    assert claim.origins == ("outlet 1", "outlet 2")


@pytest.mark.parametrize(
    "other",
    [
        # Another event of the story at another time.
        "Drivers were briefed on the new routes at 11:30 a.m. on Wednesday at the depot.",
        # The same moment, said more vaguely: "shortly before 10 a.m." takes in 9:48.
        "The timetable appeared on the council's website shortly before 10 a.m. on Wednesday.",
        # Another day: another publication, not a rival time.
        "The timetable was published on the council's website at 11:30 a.m. on Thursday.",
    ],
)
def test_times_of_two_events_or_said_compatibly_are_no_conflict(other: str) -> None:
    assert _times((PUBLISHED.replace("at 10 a.m.", "at 9:48 a.m."), other)) == []


def test_copies_of_one_dispatch_do_not_disagree_with_each_other() -> None:
    assert _times((PUBLISHED, READ_ONLINE), origins={1: "wire", 2: "wire"}) == []


def test_a_clash_a_claim_already_shows_is_not_repeated() -> None:
    statements, by_id = _statements(PUBLISHED, READ_ONLINE)
    (shown,) = times_across(statements, [], {1: "a", 2: "b"}, by_id, embed)
    claim = Claim("conflicting", tuple(statements), ("a", "b"), shown.differences, 0.7)
    assert times_across(statements, [claim], {1: "a", 2: "b"}, by_id, embed) == []


def test_one_moment_of_one_named_day_told_in_unlike_sentences_is_a_conflict() -> None:
    # The two sentences share little once the times are out, but both name Tuesday, the times are under
    # three hours apart, and no two different verbs lead to them.
    (claim,) = _times(
        (
            "A gas explosion tore through a flat in a nine-storey block in Orrin at 3.20 a.m. on Tuesday, "
            "the fire service said.",
            "The blast happened at about 5 a.m. on Tuesday, when most residents were asleep.",
        )
    )
    assert [(d.kind, d.reason) for d in claim.differences] == [("time", "03:20 vs 05:00")]


def test_two_statements_likely_to_tell_one_fact_compare_their_clock_times_as_one_claim_would() -> None:
    import numpy as np

    from newstrace.compare.across import conflicts_across

    told = "Staff were told of the decision at a meeting in the factory canteen at 9 a.m."
    called = "Workers arriving for the start of the 6 a.m. shift were called into the canteen and told."
    statements, by_id = _statements(told, called)
    origins = {1: "outlet 1", 2: "outlet 2"}
    score = np.array([[1.0, 0.45], [0.45, 1.0]])

    def found(likely: float) -> list[tuple[str, str]]:
        across = conflicts_across(
            statements, [[0], [1]], score, origins, by_id, 0.6, np.array([[0.0, likely], [likely, 0.0]])
        )
        return [(d.kind, d.reason) for ds in across.values() for d in ds]

    assert found(0.78) == [("time", "09:00 vs 06:00 (told as one fact)")]
    # The pair model's "no opinion" (a small story) is not enough, nor is an unlikely pair.
    assert found(0.5) == found(0.2) == []
