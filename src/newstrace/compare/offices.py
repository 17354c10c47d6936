"""What office a person holds, as two origins tell it in sentences of different claims.

What a person is called is a fact of the story, as the spelling of their name is
(:func:`newstrace.compare.across.spellings_across`): "Maud Ferrier, Pellington's principal," and "Maud
Ferrier, Pellington's vice-principal," disagree on her post whatever else their sentences tell. Two roles
are two offices when each has a title word the other lacks, when one is a deputy's (vice, assistant,
associate), or when one title is over two departments ("Housing minister" / "Environment minister").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newstrace.compare import names
from newstrace.compare.across import _clash_claim, _statements_of, _written
from newstrace.compare.values import found
from newstrace.compare.wording import ROLE_SYNONYMS, _one_word_misspelt, is_calling, role_differences
from newstrace.model import Citation, Claim, Difference


def roles_across(
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    whole: Sequence[Citation] = (),
) -> list[Claim]:
    """A claim of its own for each person two origins give two roles in sentences of different claims.

    Like a name's spelling (:func:`newstrace.compare.across.spellings_across`), what a person is called is
    a fact of the story: "Maud Ferrier, Pellington's principal, will become deputy vice-chancellor" and
    "Maud Ferrier, Pellington's vice-principal, is to become …" disagree on her post whatever else they
    tell. The two roles must be written next to one person's name (a first name spelt otherwise too) and be
    two roles, not one said two ways
    (:func:`newstrace.compare.wording.role_differences`); an origin that gives the person both roles
    (a coach who is also general manager) is no side of it, and a pair a claim already shows is not
    shown again. ``whole``: the story's statements as split, before any was peeled into parts.
    """
    seen = {_role_pair(d) for c in claims for d in c.differences if d.kind == "role"}
    # Whole sentences too: a sentence peeled into parts ("who drafted the bill", "told councils …") may
    # leave its opening "Environment minister Annika Solberg," in no claim.
    statements = _statements_of(claims, whole)
    written = _written(origins, texts)
    given: dict[tuple[str | None, str], set[str]] = {}  # (origin, surname) -> roles it gives
    by_surname: dict[str, list[tuple[int, str, str]]] = {}
    for k, statement in enumerate(statements):
        origin = origins.get(statement.article_id)
        for t in found(names.titled_names, statement.text, statement.start):
            if len(t.name.split()) < 2:
                continue
            given.setdefault((origin, t.name.split()[-1]), set()).add(t.role)
            by_surname.setdefault(t.name.split()[-1], []).append((k, t.role, t.name))
    out = []
    for surname, members in by_surname.items():
        for x, (i, one, name_a) in enumerate(members):
            for j, other, name_b in members[x + 1 :]:
                a, b = statements[i], statements[j]
                oa, ob = origins.get(a.article_id), origins.get(b.article_id)
                if one == other or oa == ob or other in given[(oa, surname)] or one in given[(ob, surname)]:
                    continue
                if _described(one, given[(oa, surname)]) or _described(other, given[(ob, surname)]):
                    continue
                if not _one_person(name_a, name_b) or not _two_offices(one, other):
                    continue
                if _gives(written[ob], name_b, one) or _gives(written[oa], name_a, other):
                    continue
                for d in role_differences(a, texts[a.article_id], b, texts[b.article_id]):
                    if d.reason.startswith((f"{name_a}: ", f"{name_b}: ")) and _role_pair(d) not in seen:
                        seen.add(_role_pair(d))
                        out.append(_clash_claim(d, oa, ob))
    return out


def _described(role: str, roles: set[str]) -> bool:
    """Whether ``role`` is a calling (:func:`newstrace.compare.wording.is_calling`) the same origin gives
    beside a post: no rival of another origin's post (see ``wording._posts``)."""
    return is_calling(role) and len(roles) > 1


def _one_person(x: str, y: str) -> bool:
    """Whether two full names of one surname name one person: the same name, or the first name spelt two
    ways ("Tamsin Anson" / "Tamsyn Anson": the spelling is a conflict of its own, the office another)."""
    return x == y or _one_word_misspelt(x, y)


def _role_pair(d: Difference) -> tuple[str, frozenset[str]]:
    """The person and the two roles of a role difference, in either order."""
    name, roles = d.reason.split(": ", 1)
    return name, frozenset(roles.split(" vs "))


def _two_offices(x: str, y: str) -> bool:
    """Whether two roles name two offices by their title words, each with one the other lacks ("principal"
    / "vice-principal", "chairman" / "secretary"). Across claims, a role said with fewer title words
    ("coach" / "head coach", "spokesperson" / "spokesman Constable") or told by other modifiers ("race
    leader" / "overall leader") is no clash, unless the extra word makes it a second rank (deputy, vice,
    assistant, associate)."""
    if "former" in x.split() or "former" in y.split():
        return False  # "former president" / "general manager": two offices at two times
    titles = [{ROLE_SYNONYMS.get(w, w) for w in r.split() if names.is_title_word(w)} for r in (x, y)]
    if titles[0] & SECOND_RANKS != titles[1] & SECOND_RANKS:
        return True  # "council leader" / "deputy council leader": the deputy holds another office
    if any(titles[0] & titles[1] & heads and titles[0] & mods != titles[1] & mods for mods, heads in RANKS):
        return True  # "Chief Inspector" / "Inspector": two ranks of the police
    if titles[0] == titles[1] and _two_portfolios(x, y):
        return True  # "Housing minister" / "Environment minister": one title over two departments
    if _rank_and_portfolio(x, titles[0], y, titles[1]):
        return True  # "regional managing director" / "operations director": a rank, and a department
    return bool(titles[0] - titles[1]) and bool(titles[1] - titles[0])


# Titles whose modifier names a department: a housing minister and an environment minister hold two
# offices, where a "race leader" and an "overall leader" are one said two ways.
PORTFOLIO_HEADS = frozenset({"minister", "secretary", "director", "commissioner", "editor"})


def _two_portfolios(x: str, y: str) -> bool:
    """Whether two roles of one portfolio title (:data:`PORTFOLIO_HEADS`) name two departments: each has
    a modifier word the other lacks, before the title ("finance director" / "operations director")."""
    words = [r.lower().split() for r in (x, y)]
    if not all(w and w[-1] in PORTFOLIO_HEADS for w in words) or words[0][-1] != words[1][-1]:
        return False
    mods = [{m for m in w[:-1] if not names.is_title_word(m) and m not in ("the", "a")} for w in words]
    return bool(mods[0] - mods[1]) and bool(mods[1] - mods[0])


def _rank_and_portfolio(x: str, titles_x: set[str], y: str, titles_y: set[str]) -> bool:
    """Whether two roles of one portfolio title (:data:`PORTFOLIO_HEADS`) differ as a rank and a department:
    one has a title word the other lacks ("regional"), the other a department the first lacks
    ("operations"). A title said with fewer words and no department ("director") is no such pair."""
    words = [r.lower().split() for r in (x, y)]
    if not all(w and w[-1] in PORTFOLIO_HEADS for w in words) or words[0][-1] != words[1][-1]:
        return False
    mods = [{m for m in w[:-1] if not names.is_title_word(m) and m not in ("the", "a")} for w in words]
    return bool(titles_x - titles_y and mods[1] - mods[0]) or bool(titles_y - titles_x and mods[0] - mods[1])


# Words that make an office the second of its kind: fewer title words is no clash ("coach" / "head
# coach"), but "team leader" / "deputy team leader" are two people's posts.
SECOND_RANKS = frozenset({"deputy", "vice", "assistant", "associate"})


# Ranks that a word before them raises to another rank: "Chief Inspector" is above "Inspector" (where a
# "Detective Inspector" is an inspector), "Lieutenant Colonel" below "Colonel".
RANKS = (
    (frozenset({"chief"}), frozenset({"inspector", "superintendent", "constable"})),
    (frozenset({"lieutenant"}), frozenset({"colonel", "general", "commander"})),
)


def _gives(text: str, name: str, role: str) -> bool:
    """Whether ``text`` (an origin's articles) writes every title word of ``role`` just before ``name``
    somewhere (:data:`GIVES_BEFORE` characters): "Sixers president and general manager Ed Stefanski" gives
    him both offices, so a report of either is no rival of the other."""
    words = [w for w in role.split() if names.is_title_word(w)]
    if role.split() and role.split()[-1] in PORTFOLIO_HEADS:
        words = [w for w in role.lower().split() if w not in ("the", "a")]  # its department too
    for m in re.finditer(re.escape(name), text):
        before = {
            w.lower().strip(",.;:'\u2019") for w in text[max(0, m.start() - GIVES_BEFORE) : m.start()].split()
        }
        raising = SECOND_RANKS.union(*(mods for mods, heads in RANKS if heads & set(words)))
        if all(w in before for w in words) and before & raising <= set(words):
            return True  # "deputy council leader Gareth Pym" gives him no office of "leader"
    return False


# How far before a name the roles an origin gives that person are read.
GIVES_BEFORE = 60
