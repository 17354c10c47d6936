"""How old a person is, as two origins tell it in sentences of different claims.

A person's age is a fact of the story, as the spelling of their name and their office are
(:mod:`newstrace.compare.across`): "Elspeth Rowntree, 27, was found on Monday" and "The 29-year-old had set
out on Friday" disagree whatever else the two sentences tell. Ages are read in three shapes: after a name
in apposition ("Elspeth Rowntree, 27,"), before a name ("27-year-old Elspeth Rowntree") and alone ("The
29-year-old was found"), which stands for the person of the story given an age by name whom its article
named last before it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newstrace.compare import names
from newstrace.compare.across import _clash, _clash_claim, _statements_of
from newstrace.model import Citation, Claim, Difference, PartialDate

_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)+"
# "Elspeth Rowntree, 27," / "Elspeth Rowntree, aged 27," / "Elspeth Rowntree, who is 27,".
AFTER_NAME = re.compile(rf"(?P<name>{_NAME}),\s+(?:aged\s+|who\s+is\s+)?(?P<age>\d{{1,3}})(?=[,.;]|\s+and\b)")
# "27-year-old Elspeth Rowntree", "the 27-year-old teacher Elspeth Rowntree".
BEFORE_NAME = re.compile(rf"\b(?P<age>\d{{1,3}})-year-old\s+(?:[a-z]+\s+){{0,2}}?(?P<name>{_NAME})")
# "The 29-year-old" with no name after it: the person named last before it.
# Only when what follows is no noun ("The 30-year-old sergeant" is someone named by a role, not the last
# person named): punctuation, a verb of a few common shapes, or "who".
ALONE = re.compile(
    r"\b[Tt]he\s+(?P<age>\d{1,3})-year-old(?=\s*[,;.]|\s+(?:was|is|had|has|who|said|says|told|will|would|"
    r"could|remains|remained|[a-z]+ed)\b)"
)
# How far back "The 29-year-old" looks for the person it stands for (characters).
ALONE_BACK = 600


@dataclass(frozen=True, slots=True)
class Age:
    """A person's age as a statement gives it: the person (first and last word of the name), the age, the
    age's span."""

    person: tuple[str, str]
    age: int
    start: int
    end: int


def ages(
    statement: Citation, text: str, people: Mapping[str, set[tuple[str, str]]] | None = None
) -> list[Age]:
    """The ages ``statement`` (a span of article ``text``) gives, each with the person it is of; "The
    29-year-old" is read only for ``people`` (surname -> the people of that surname the story gives an age
    by name), and only when one person has that surname."""
    out = []
    for pattern in (AFTER_NAME, BEFORE_NAME):
        for m in pattern.finditer(statement.text):
            person = _person(m.group("name"))
            if person:
                start = statement.start + m.start("age")
                out.append(Age(person, int(m.group("age")), start, start + len(m.group("age"))))
    known = people or {}
    for m in ALONE.finditer(statement.text) if known else ():
        start = statement.start + m.start("age")
        surname = _named_last(text, start, known)
        if surname and len(known[surname]) == 1:
            (person,) = known[surname]
            out.append(Age(person, int(m.group("age")), start, start + len(m.group("age"))))
    return out


def _person(name: str) -> tuple[str, str] | None:
    """The first and last word of a person's name, leading titles and sentence openers dropped (a middle
    name or initial may be left out by one report); ``None`` when no two words are left ("The Saltings")."""
    words = name.split()
    # Leading titles go while two words are left: "Dean Morrow" is a first name, not a college's dean.
    while len(words) > 2 and (words[0] in names.NOT_NAMES or words[0].lower() in names.TITLE_WORDS):
        words = words[1:]
    if len(words) < 2 or words[0] in names.NOT_NAMES or words[0].lower() in names.HONORIFICS:
        return None
    return words[0], words[-1]


def _named_last(text: str, at: int, people: Mapping[str, set[tuple[str, str]]]) -> str | None:
    """The surname of the last of ``people`` named (by full name or surname) within :data:`ALONE_BACK`
    characters before ``at``. Other names between are passed over: most are places ("found alive on Ben
    Varrick"), and a person the story gives no age by name is not who an age stands for."""
    named = [m.value for m in names.names(text[max(0, at - ALONE_BACK) : at])]
    return next((v.split()[-1] for v in reversed(named) if v.split()[-1] in people), None)


def ages_across(
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    published: Mapping[int | None, PartialDate],
    whole: Sequence[Citation] = (),
) -> list[Claim]:
    """A conflicting claim of its own for each person two origins give two ages.

    An origin that gives both ages (an age then and an age now) is no side of it; nor are two ages a few
    years apart (:data:`BIRTHDAYS`) unless both reports are dated within :data:`SAME_YEAR_DAYS` days of
    each other: a story may hold an arrest and a trial years later ("Jose Orozco, 27, a parolee" / "found
    Jose Orozco, 29, guilty"). A pair a claim already shows is not shown again. ``whole``: the story's
    statements as split, before any was peeled into parts, as for offices
    (:func:`newstrace.compare.offices.roles_across`): a core cut around an aside keeps its longest segment,
    and "Dean Morrow, 34, who is serving nine years …, was found hiding" lost "Dean Morrow, 34,".
    """
    statements = _statements_of(claims, whole)
    people: dict[str, set[tuple[str, str]]] = {}
    for s in statements:
        for age in ages(s, texts[s.article_id]):
            people.setdefault(age.person[1], set()).add(age.person)
    told: dict[tuple[str | None, tuple[str, str]], set[int]] = {}  # (origin, person) -> ages it gives
    given = []
    one_person = _spellings([p for ps in people.values() for p in ps])
    for s in statements:
        origin = origins.get(s.article_id)
        for age in ages(s, texts[s.article_id], people):
            age = Age(one_person.get(age.person, age.person), age.age, age.start, age.end)
            told.setdefault((origin, age.person), set()).add(age.age)
            given.append((s, age, origin))
    seen = {_clash(d) for c in claims for d in c.differences}
    out = []
    for x, (a, one, oa) in enumerate(given):
        for b, other, ob in given[x + 1 :]:
            if oa == ob or one.person != other.person or one.age == other.age:
                continue
            if other.age in told[(oa, one.person)] or one.age in told[(ob, one.person)]:
                continue
            if abs(one.age - other.age) <= BIRTHDAYS and not _same_year(
                published, a.article_id, b.article_id
            ):
                continue
            sides = (
                Citation(a.article_id, one.start, one.end, texts[a.article_id][one.start : one.end]),
                Citation(b.article_id, other.start, other.end, texts[b.article_id][other.start : other.end]),
            )
            d = Difference("number", sides, True, f"{' '.join(one.person)}: aged {one.age} vs {other.age}")
            if _clash(d) not in seen:
                seen.add(_clash(d))
                out.append(_clash_claim(d, oa, ob))
    return out


def _spellings(people: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each person → the first of ``people`` whose name is the same one spelt otherwise ("Margaret Ellory" →
    "Margaret Ellery", :func:`newstrace.compare.wording.name_differences`'s test): the age of a misspelt
    name is still that person's age."""
    from newstrace.compare.wording import _one_word_misspelt

    ordered = sorted(set(people))
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for x, one in enumerate(ordered):
        for other in ordered[x + 1 :]:
            if other not in out and one[0] == other[0] and _one_word_misspelt(" ".join(one), " ".join(other)):
                out[other] = out.get(one, one)
    return out


# Two ages this many years apart may be one person's at two times of a long story.
BIRTHDAYS = 3
# Reports dated this close tell one time of a person's life.
SAME_YEAR_DAYS = 180


def _same_year(published: Mapping[int | None, PartialDate], one: int | None, other: int | None) -> bool:
    """Whether both articles have complete publication dates within :data:`SAME_YEAR_DAYS` days."""
    import datetime

    days = []
    for article_id in (one, other):
        p = published.get(article_id)
        if p is None or p.year is None or p.month is None or p.day is None:
            return False
        days.append(datetime.date(p.year, p.month, p.day))
    return abs((days[0] - days[1]).days) <= SAME_YEAR_DAYS
