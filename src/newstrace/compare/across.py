"""Conflicts between statements that alignment put in two different claims.

A report that folds two facts into one sentence aligns with neither of another report's two sentences, yet
may contradict both; a closer clause may take a sentence's place in one-to-one matching. So statements of
different claims that are related enough are compared too, under stricter rules than inside a claim
(:func:`conflicts_across`): a clash found this way is reported once, on the claim of the earlier statement.
How a person's name is spelt, what office they hold, at what time a thing happened and in what year it was
founded or elected are facts of the story, not of one claim: two origins that disagree on them make a
conflicting claim of its own, however unrelated their sentences (:func:`spellings_across`,
:func:`newstrace.compare.offices.roles_across`, :func:`times_across`, :func:`years_across`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from newstrace.compare import names
from newstrace.compare.anchors import same_lead_in, shared_anchor
from newstrace.compare.clauses import STOPWORDS, WORD, sentence_at
from newstrace.compare.conflicts import compare_statements, near_moments
from newstrace.compare.counts import DURATION_SHARED, MONEY, context_words, told
from newstrace.compare.moments import different_acts
from newstrace.compare.quotations import SAME_OPENING
from newstrace.compare.values import (
    TALLY,
    TALLY_AFTER,
    TALLY_BEFORE,
    VOTING,
    Mention,
    found,
    quantities,
    weekdays,
)
from newstrace.model import Citation, Claim, Difference

# Two statements of different claims this related are checked for a day, time or place introduced by
# the same words in both (:func:`newstrace.compare.anchors.same_lead_in`). On the development and
# first held-out gold the one such pair is a real conflict at 0.37; the unrelated pairs of the ferry
# story (benchmarks/brief_time.py) that share a lead-in score under 0.3.
LEAD_IN_RELATED = 0.3
# Two statements of different claims this related (same score) are still checked for a conflict: a report
# that folds two facts into one sentence ("Five people died when a mudslide swept through Marren at about
# 6 a.m.") aligns with neither of the other report's two sentences, yet contradicts both. On the
# development gold the contradicting pairs left unaligned score 0.42-0.56 and unrelated pairs with a
# clashing value 0.34-0.40 (benchmarks/claims.py --misses).
RELATED = 0.42


def conflicts_across(
    statements: Sequence[Citation],
    groups: list[list[int]],
    score,  # type: ignore[no-untyped-def]
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    align: float,
    likely=None,  # type: ignore[no-untyped-def]
) -> dict[int, list[Difference]]:
    """Conflicts between statements of two different claims: group number → conflicts it gets.

    Pairs of different origins scoring :data:`RELATED` or more are compared, strongest first (down to
    :data:`LEAD_IN_RELATED` for values that the same words introduce, see :func:`_checked_across`), and
    each clash of two values is reported once in the story (on the claim of the earlier statement), not
    once per pair of sentences that repeat it. A pair that the pair model (``likely``: the probability
    that two statements tell one fact) rates likely enough has its clock times compared as inside one
    claim (:func:`_likely_times`).
    """
    group_of = {k: n for n, g in enumerate(groups) for k in g}
    inside = set()
    for g in groups:
        members = [statements[k] for k in g]
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                for d in compare_statements(a, texts[a.article_id], b, texts[b.article_id]):
                    inside.add(_clash(d))
    pairs = sorted(
        (-float(score[i, j]), i, j)
        for i in range(len(statements))
        for j in range(i + 1, len(statements))
        if group_of[i] != group_of[j]
        and origins.get(statements[i].article_id) != origins.get(statements[j].article_id)
    )
    seen = set(inside)
    out: dict[int, list[Difference]] = {}
    for negative, i, j in pairs:
        a, b = statements[i], statements[j]
        if -negative < LEAD_IN_RELATED:
            break
        moments_only = -negative < RELATED  # only days, times and places count below RELATED
        found = compare_statements(
            a, texts[a.article_id], b, texts[b.article_id], anchored=True, moments_only=moments_only
        )
        p_same = float(likely[i, j]) if likely is not None else 0.5
        if likely is not None:
            found += _likely_times(a, b, texts, -negative, p_same)
        for d in found:
            checked = _checked_across(d, texts, -negative, align) or _lone_counts(d, a, b, -negative, p_same)
            checked = checked or d.reason.endswith(LIKELY_MARK)
            if d.conflict and checked and _clash(d) not in seen:
                seen.add(_clash(d))
                out.setdefault(group_of[i], []).append(d)
    return out


# How likely (the pair model's probability, more than) two statements of different claims must be to tell
# one fact, and how related (alignment score, at least), for their clock times to be compared as inside
# one claim, without shared words before them: "The results were published at 7 a.m." / "Pellmark released
# its figures at 9 a.m."; "Staff were told of the decision at a meeting in the factory canteen at 9 a.m." /
# "Workers arriving for the 6 a.m. shift were called into the canteen and told". One-to-one matching gave
# each of them to a closer statement. Days are not read so: a birthday ("who turns 29 on April 11") and
# the day of a deal ("acquired in a July 29 deal"), rated 0.9 or more, were a false conflict on ECB+.
LIKELY_RELATED = 0.4
LIKELY_TIME = 0.5
LIKELY_MARK = " (told as one fact)"


def _likely_times(
    a: Citation, b: Citation, texts: Mapping[int | None, str], related: float, likely: float
) -> list[Difference]:
    """Clock times of two statements that the pair model finds likely to tell one fact, compared as inside
    one claim (see :data:`LIKELY_TIME`)."""
    if related < LIKELY_RELATED or likely <= LIKELY_TIME:
        return []  # 0.5 itself is the model's "no opinion" (a small story or article)
    return [
        dataclasses.replace(d, reason=d.reason + LIKELY_MARK)
        for d in compare_statements(
            a, texts[a.article_id], b, texts[b.article_id], anchored=False, moments_only=True
        )
        if d.kind == "time" and d.conflict
    ]


# Nouns whose counts two sentences of one story rarely give for two different things: a toll is a toll.
# Counts of people, passengers or crowns are given for many things at once ("221 people aboard", "about
# 6,000 people on the island"), and only aligned statements may compare them, or two lone counts told in
# shared words (:func:`_lone_counts`); so are days and clock times (the day of the crash, of the visit, of
# the funeral) unless their anchors agree more (see :func:`_checked_across`). On the ten-article ferry
# story (benchmarks/brief_time.py) counts of people, passengers and survivors made 15 false conflicts
# across claims against none right.
ACROSS_NOUNS = frozenset({"dead", "injured", "missing"})


def _lone_counts(d: Difference, a: Citation, b: Citation, related: float, p_same: float = 0.5) -> bool:
    """Whether a number conflict between statements ``a`` and ``b`` of two claims counts one thing though
    its noun is not in :data:`ACROSS_NOUNS`: each sentence gives that one figure and no other, both of the
    same noun, the words of the figures' own clauses share a word and the sentences two ("The company has
    received reports of 12 fires linked to the battery packs" / "… after 21 fires were traced to the
    packs"; "found guilty of defrauding the charity of £421,000" / "found guilty on Thursday of stealing
    £412,000 from the charity"). A sentence of several figures (offers of several teams, a list of arms
    seized) is left to alignment: which of its figures another sentence's answers is a guess, and on real
    news such guesses were nearly all wrong (benchmarks/conflicts_realtext.py). Lone amounts of money or
    of a measure need no shared words when the pair model rates the two sentences one fact (``p_same``
    over :data:`LIKELY_COUNT`), unless they are distances from two named places (:data:`REFERENCE`)."""
    if d.kind != "number" or related < RELATED:
        return False
    qa, qb = found(quantities, a.text, a.start), found(quantities, b.text, b.start)
    if len(qa) != 1 or len(qb) != 1 or qa[0].noun != qb[0].noun or not qa[0].noun:
        return False
    x, y = qa[0], qb[0]
    if p_same > LIKELY_COUNT and x.noun in MEASURES:
        return _reference(a, x) == _reference(b, y)
    return bool(context_words(a, x) & context_words(b, y)) and len(told(a, x) & told(b, y)) >= LONE_SHARED


# Two lone amounts of money or of a measure (:data:`MEASURES`) in two sentences that the pair model finds
# more likely than this to tell one fact are two figures for it, whatever words stand around them: "valued
# at about 1.5 million pounds" / "a violin worth an estimated 2.3 million pounds"; "roughly 500 metres from
# the finish" / "about 300 metres from the line". 0.5 itself is the model's "no opinion" (a small story).
LIKELY_COUNT = 0.5
# What the pair model may vouch for (:data:`LIKELY_COUNT`): money and measures of length, weight, area,
# volume and power. Counts of people, of rounds or seasons, of observers, were false conflicts on real
# news (benchmarks/conflicts_realtext.py): a story counts people and spans of time for many things at
# once ("19 seasons with the 76ers" / "four seasons as the Sixers Director"; "About 40 observers from the
# United Nations, the OSCE …" / "the OSCE … sent only three observers").
MEASURES = MONEY | frozenset(
    "metre kilometre centimetre millimetre mile feet foot yard kilogram tonne ton hectare acre litre gallon "
    "mph kilowatt megawatt gigawatt".split()
)


# The named place a distance is measured from: "150 nautical miles west of Aden", "13 nautical miles from
# the Mysore" (two distances of one story on ECB+ news, not two values of one).
REFERENCE = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:[a-z]+\s+){0,2}?(?:from|of|off)\s+(?:the\s+)?(?P<name>[A-Z][\w'-]*)"
)


def _reference(statement: Citation, q) -> str:  # type: ignore[no-untyped-def]
    """The capitalised name right after a measure that it is measured from (:data:`REFERENCE`), or ""."""
    m = REFERENCE.match(statement.text, q.end - statement.start)
    return m.group("name") if m else ""


# Content words two sentences of different claims must share for their lone counts of one noun to be of
# one thing (:func:`_lone_counts`), as for two lengths of time inside a claim.
LONE_SHARED = DURATION_SHARED


def _checked_across(d: Difference, texts: Mapping[int | None, str], related: float, align: float) -> bool:
    """Whether a conflict between two statements of different claims, scoring ``related``, is trusted.

    A name spelt two ways is a dispute of a claim only when the two statements would align by themselves
    (score ``align`` or more; one-to-one matching gave the other report's sentence to a closer clause:
    "his challenger Ingrid Halvorsen … finished second with 47.1 per cent" / "Lind won 48.9 per cent
    … against 47.1 per cent for Ingrid Halvorson"). Otherwise the spelling is a fact about the name, not a
    dispute of either claim ("Jeon Ha-kyu said the ministry is monitoring…", 0.50 against the sentence
    spelling him "Ha-kyou", stays agreed; the entities section shows such variants). Places need words
    before them in common (``anchored``); days and clock times two such words, or both a deadline ("an
    inspection team will visit the site on Friday" / "an inspection team is due at the site on Thursday";
    "until 1 September" / "by 1 October"). Below :data:`RELATED`, only days, times and places that the
    same words introduce count ("The court, sitting in Kessel, gave parliament…" / "The court, sitting in
    Dunmore, ruled…", 0.37). Days and times that different verbs lead to are two events, whatever their
    anchors share (:func:`newstrace.compare.moments.different_acts`).
    """
    a, b = d.sides
    if related < RELATED:
        return d.kind in ("date", "time", "place") and same_lead_in(
            texts[a.article_id], a.start, texts[b.article_id], b.start
        )
    if d.kind == "name":
        return related >= align
    if d.kind == "quote":
        return d.reason.endswith(SAME_OPENING)  # one utterance, quoted two ways
    if d.kind == "place":
        return True
    if d.kind in ("date", "time"):
        text_a, text_b = texts[a.article_id], texts[b.article_id]
        if different_acts(text_a, a.start, text_b, b.start):
            return False  # "opened the gates on Monday" / "close the gates on Wednesday": two events
        shared = shared_anchor(text_a, a.start, text_b, b.start)
        if len(shared) >= ACROSS_ANCHOR or "deadline" in shared:
            return True
        # One verb of beginning or finding on both sides ("The leak was discovered on Sunday morning" /
        # "Rennick found the oil on Saturday morning"): the same event when the two sentences also share a
        # word of what it is ("… by a farmer who saw oil on the water"), wherever it stands.
        return bool(shared & ACTS) and bool(_event_words(text_a, a.start) & _event_words(text_b, b.start))
    if d.kind == "number" and d.reason.endswith((" vote", " vote against")):
        return all(_in_tally(texts[side.article_id], side) for side in d.sides)
    return d.kind == "number" and d.reason.rsplit(" ", 1)[-1] in ACROSS_NOUNS


def _in_tally(text: str, side: Citation) -> bool:
    """Whether a count of votes is a figure of a vote's tally ("by 19 votes to 4", "voted 18 to 5"): one
    division of one story, unlike votes cast for a candidate ("2,214 votes") or a margin ("nine votes")."""
    return any(
        m.start() <= side.start < m.end()
        and VOTING.search(text, max(0, m.start() - TALLY_BEFORE), m.end() + TALLY_AFTER)
        for m in TALLY.finditer(text, max(0, side.start - 40), side.end + 40)
    )


# Words the anchors of two days or times in different claims must share (one is enough inside a claim).
ACROSS_ANCHOR = 2
# The anchor words that stand for a class of verbs (:func:`newstrace.compare.anchors.shared_anchor`).
ACTS = frozenset({"onset", "discovery"})
# Words of a sentence that say when, not what: no sign that two sentences tell one event.
WHEN_WORDS = frozenset(
    "morning afternoon evening night overnight tonight today yesterday hours early late shortly about "
    "around before after since until just first week weekend".split()
)


def _event_words(text: str, offset: int) -> frozenset[str]:
    """The lower-case content words of the sentence of ``text`` at ``offset``, of three letters or more,
    without words of time (:data:`WHEN_WORDS`): what the sentence tells of."""
    return frozenset(
        w
        for w in WORD.findall(sentence_at(text, offset))
        if w.islower() and w.isalpha() and len(w) >= 3 and w not in STOPWORDS and w not in WHEN_WORDS
    )


def _in_one_claim(claims: Sequence[Claim], a: Citation, b: Citation) -> bool:
    """Whether one of ``claims`` holds both statements (so they were compared inside it already)."""
    key_a, key_b = (a.article_id, a.start, a.end), (b.article_id, b.start, b.end)
    return any(
        {key_a, key_b} <= {(s.article_id, s.start, s.end) for s in claim.statements} for claim in claims
    )


def _clash(d: Difference) -> tuple[str, frozenset[str]]:
    """What two values clash, whatever sentences show them: the kind and the two values' words."""
    return d.kind, frozenset(" ".join(side.text.lower().split()) for side in d.sides)


def spellings_across(
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    whole: Sequence[Citation] = (),
) -> list[Claim]:
    """A claim of its own for each name that two origins spell two ways in statements of different claims.

    How a name is spelt is a fact of the story, not of the claim a sentence tells: "Committee chair Glenys
    Harrop said members had weighed the view" and "Committee chair Glenys Harrap told Fellside FM …" tell
    two things but disagree on her name. Inside a claim the spelling is a difference of that claim
    (:func:`newstrace.compare.wording.name_differences`); across claims it was left to the entities
    section. Now each such pair (a name of two words or more, one word spelt otherwise, as
    :func:`newstrace.compare.wording.name_differences` decides) is a conflicting claim citing the two
    spellings, unless either origin also writes the other's spelling, or a claim already shows the pair.
    The claims the sentences tell keep their labels: the seeds' "Jeon Ha-kyu said …", agreed with the
    report that spells him "Ha-kyou", stays agreed. The ``whole`` sentences are read too: a name stays
    read when its sentence's core was cut to a longer segment without it ("Alan Pritchard, the trust's
    chief executive, said …").
    """
    from newstrace.compare.wording import name_differences

    seen = {_spelling(d) for c in claims for d in c.differences if d.kind == "name"}
    statements = _statements_of(claims, whole)
    written = _written(origins, texts)
    # Names of two words or more, indexed by each form with one word left out: two names under one key
    # differ in that word alone, the only shape of a misspelt name.
    index: dict[tuple[int, tuple[str, ...]], list[tuple[int, str]]] = {}
    for k, statement in enumerate(statements):
        for value in {m.value for m in found(names.names, statement.text, statement.start)}:
            words = value.split()
            if len(words) < 2:
                continue
            for n in range(len(words)):
                index.setdefault((n, tuple(words[:n] + ["*"] + words[n + 1 :])), []).append((k, value))
    out = []
    for members in index.values():
        for x, (i, one) in enumerate(members):
            for j, other in members[x + 1 :]:
                a, b = statements[i], statements[j]
                oa, ob = origins.get(a.article_id), origins.get(b.article_id)
                if one == other or oa == ob or _writes(written[oa], other) or _writes(written[ob], one):
                    continue
                for d in name_differences(a, texts[a.article_id], b, texts[b.article_id]):
                    values = {d.sides[0].text, d.sides[1].text}
                    if d.conflict and values == {one, other} and _spelling(d) not in seen:
                        seen.add(_spelling(d))
                        out.append(_clash_claim(d, oa, ob))
    return _one_per_name(out)


def _one_per_name(claims: list[Claim]) -> list[Claim]:
    """Spelling claims that share a spelling made one: "Gurbanguly" / "Gurbanguli" / "Kurbanguly" is one
    name written three ways, a claim citing its three forms with the three differences, not three claims."""
    groups: list[tuple[set[str], list[Claim]]] = []
    for claim in claims:
        words = set().union(*(_spelling(d) for d in claim.differences))
        joined = [g for g in groups if g[0] & words]
        groups = [g for g in groups if not g[0] & words]
        groups.append((words.union(*(g[0] for g in joined)), [c for g in joined for c in g[1]] + [claim]))
    out = []
    for _, members in groups:
        statements = {(s.article_id, s.start, s.end): s for c in members for s in c.statements}
        out.append(
            Claim(
                "conflicting",
                tuple(sorted(statements.values(), key=lambda s: (s.article_id, s.start))),
                tuple(dict.fromkeys(o for c in members for o in c.origins)),
                tuple(d for c in members for d in c.differences),
                0.0,
            )
        )
    return out


def _statements_of(claims: Sequence[Claim], whole: Sequence[Citation] = ()) -> list[Citation]:
    """Every statement of the claims once (a statement peeled into parts is cited by each part), and the
    ``whole`` sentences too, as split before any was peeled (a peeled core keeps only its longest segment)."""
    cited = [s for c in claims for s in c.statements]
    return list({(s.article_id, s.start, s.end): s for s in [*cited, *whole]}.values())


def _clash_claim(d: Difference, origin_a: str | None, origin_b: str | None) -> Claim:
    """A conflicting claim of its own for a clash of two origins: the two values, earliest article first;
    its similarity 0.0, as no alignment made it."""
    return Claim(
        "conflicting",
        tuple(sorted(d.sides, key=lambda s: s.article_id)),
        (str(origin_a), str(origin_b)),
        (d,),
        0.0,
    )


def _written(origins: Mapping[int, str], texts: Mapping[int | None, str]) -> dict[str | None, str]:
    """The text of each origin: its articles' texts, one after another."""
    written: dict[str | None, str] = {}
    for article_id, text in texts.items():
        origin = origins.get(article_id) if article_id is not None else None
        written[origin] = written.get(origin, "") + "\n" + text
    return written


def spellings_once(claims: list[Claim]) -> list[Claim]:
    """``claims`` with each misspelling (:func:`_spelling`) shown by one claim only: the one citing the
    fullest forms of the name (the most words on its shorter side), the closest aligned first. "Carl
    Baxley, 27, was arrested" / "Carl Bexley, 27, was arrested" shows it; "Baxley was serving four years" /
    "Bexley was serving four years" then agrees on what it tells. A claim left with no conflict is agreed
    or single again, by its origins."""
    shown: dict[frozenset[str], tuple[tuple[int, float], int]] = {}  # misspelling -> (rank, claim number)
    for n, claim in enumerate(claims):
        for d in claim.differences:
            if d.kind == "name" and d.conflict:
                rank = (min(len(side.text.split()) for side in d.sides), claim.similarity)
                if _spelling(d) not in shown or rank > shown[_spelling(d)][0]:
                    shown[_spelling(d)] = (rank, n)
    out = []
    for n, claim in enumerate(claims):
        kept = tuple(
            d
            for d in claim.differences
            if not (d.kind == "name" and d.conflict and shown[_spelling(d)][1] != n)
        )
        label: Literal["agreed", "single", "conflicting"] = "conflicting"
        if not any(d.conflict for d in kept):
            label = "agreed" if len(claim.origins) > 1 else "single"
        out.append(
            claim if kept == claim.differences else dataclasses.replace(claim, label=label, differences=kept)
        )
    return out


def _spelling(d: Difference) -> frozenset[str]:
    """The two spellings a name difference is about, whatever forms of the name show them: the last pair of
    words that differ, counted from the surname ("Lundqvist said" / "Edda Lunqvist" and "Edda Lundqvist" /
    "Edda Lunqvist" are one misspelling; "Anya Morrow" / "Anja Morrow" gives "Anya" / "Anja")."""
    x, y = (side.text.split() for side in d.sides)
    for p, q in zip(reversed(x), reversed(y), strict=False):
        if p != q:
            return frozenset((p, q))
    return frozenset((" ".join(x), " ".join(y)))


def _writes(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` as a whole name (not inside a longer word)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


# Two clock times of different origins are times of one event when their sentences, each with its time
# taken out, embed at least this close: "The decision was taken at N" / "The vote was confirmed shortly
# after N, according to the council's online record". On the tuned gold sets 9 of the 28 time conflicts
# have a pair of sentences this close (0.6-0.84), and two events of one story mostly fall under it (the
# ground team reaching the climbers / the climbers calling for help, 0.56); 0.6 added no false conflict
# there, on the blind sets or on ECB+ (benchmarks/conflicts_realtext.py). Dates were measured the same
# way and not read so: at 0.75 their sentences still paired 21 different days for 3 conflicts.
TIMES_ALIKE = 0.6
# Less alike (down to this) they are still one event when both name the same one day and the two times are
# within LONE_TIMES_APART of each other: "An explosion tore through a flat … at 3.20 a.m. on Tuesday, the
# fire service said" / "The blast happened at about 5 a.m. on Tuesday, when most residents were asleep"
# (0.3-0.6). On the tuned sets 0.3 found two such conflicts and no false one; any likeness at all made a
# morning's two events one ("midday" / "9.30 a.m."); ECB+ was unchanged.
TIMES_SAME_DAY = 0.3


def times_across(
    statements: Sequence[Citation],
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    embed,  # type: ignore[no-untyped-def]
) -> list[Claim]:
    """A conflicting claim of its own for each clock time two origins give differently for one event.

    When something happened is a fact of the story, as a name's spelling is: "Skellan published the new
    fares on its website at 10 a.m." and "The new prices appeared on the operator's website shortly after
    11:30 a.m." tell the same moment in sentences that share too little to align. Statements that give one
    clock time each are compared when they stand in no claim together and their sentences, the times taken
    out, embed :data:`TIMES_ALIKE` or closer (one batch for the story), or :data:`TIMES_SAME_DAY` when both
    name the same one day and the times are close; the times are compared as inside a
    claim (:func:`newstrace.compare.conflicts.compare_statements`: "shortly before 11 p.m." / "at 10:48
    p.m." agree), and two that fall on two different days are two events. A clash a claim already shows is
    not repeated.

    Args:
        statements: the story's statements, whole, as aligned.
        claims: the story's claims (their differences and their statements' grouping).
        origins: article id → independent-origin label.
        texts: article id → article text.
        embed: texts → unit-length embedding rows.
    """
    import numpy as np

    from newstrace.compare.clocks import clock_times

    seen = {_clash(d) for c in claims for d in c.differences}
    lone = []  # (statement, its one clock time, the statement with the time taken out)
    for s in statements:
        times = found(clock_times, s.text, s.start)
        if len(times) == 1:
            start, end = times[0].start - s.start, times[0].end - s.start
            lone.append((s, times[0], s.text[:start] + "N" + s.text[end:]))
    if len(lone) < 2:
        return []
    vectors = np.asarray(embed([masked for _, _, masked in lone]), dtype=np.float32)
    alike = vectors @ vectors.T
    out = []
    for i, (a, time_a, _) in enumerate(lone):
        for j in range(i + 1, len(lone)):
            b, time_b, _ = lone[j]
            origin_a, origin_b = origins.get(a.article_id), origins.get(b.article_id)
            if origin_a == origin_b or time_a.value == time_b.value or alike[i, j] < TIMES_SAME_DAY:
                continue
            if alike[i, j] < TIMES_ALIKE and not _same_day_close(a, time_a, b, time_b, texts):
                continue
            if _in_one_claim(claims, a, b):
                continue  # compared inside their claim already
            found_ = compare_statements(a, texts[a.article_id], b, texts[b.article_id], moments_only=True)
            if any(d.kind == "date" and d.conflict for d in found_):
                continue  # two days: two events
            for d in found_:
                if d.kind == "time" and d.conflict and _clash(d) not in seen:
                    seen.add(_clash(d))
                    out.append(_clash_claim(d, origin_a, origin_b))
    return out


# The lower-case word right before a year's preposition: "founded in 2009", "elected in 2022" (not "told
# Playboy in 1998": a name between says whom, not what happened).
YEAR_VERB = re.compile(r"\b(?P<verb>[a-z]{3,})\s+[a-z]+\s+(?:(?:early|late)\s+|mid-)?$")
# Verbs of one act before a year, whichever a report picks: "The station opened in 1972" / "The station was
# commissioned in 1974"; "an earth dam built in 1891" / "The dam, completed in 1889"; "seized in 1899" /
# "stolen in 1897".
YEAR_ACTS = {
    **dict.fromkeys("built constructed completed opened commissioned inaugurated".split(), "building"),
    **dict.fromkeys("taken seized stolen looted removed".split(), "taking"),
}


def years_across(
    statements: Sequence[Citation],
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
) -> list[Claim]:
    """A conflicting claim of its own for each year two origins give one event in different claims.

    When a thing was founded, built or elected is a fact of the story: "Orrin Air was founded in 2009" and
    "The carrier, which was founded in 2011 by a former controller" disagree whatever else their sentences
    tell. A year named alone is compared across claims only when the same word, or a verb of the same act
    (:data:`YEAR_ACTS`: "opened" / "commissioned"), stands right before its preposition in both ("founded
    in", "elected in"); a year is often background, and a shared verb is what says the two years answer
    one question. A year the other statement gives too is no rival, nor is one the other origin gives
    after the same words elsewhere (then its other year is of another thing), nor are the years of an
    origin that gives two for one act ("The station opened in 1972", "its visitor centre, which opened in
    2012": which of the two things another year answers is a guess), nor a clash a claim already shows.
    """
    from newstrace.compare.clauses import FUNCTION_WORDS
    from newstrace.compare.conflicts import UPDATE, _year_preposition
    from newstrace.compare.values import cite, years

    seen = {_clash(d) for c in claims for d in c.differences}
    dated = []  # (statement, year, its preposition and the act of the word before it)
    given: dict[str | None, set[tuple[tuple[str, str], str]]] = {}  # origin -> (preposition, word), year
    for s in statements:
        text = texts[s.article_id]
        for y in found(years, s.text, s.start):
            preposition = _year_preposition(text, y)
            verb = YEAR_VERB.search(text, max(0, y.start - 40), y.start)
            if verb and verb.group("verb") not in FUNCTION_WORDS:
                act = YEAR_ACTS.get(verb.group("verb"), verb.group("verb"))
                dated.append((s, y, (preposition, act)))
                given.setdefault(origins.get(s.article_id), set()).add(((preposition, act), y.value))
    out = []
    for i, (a, x, key_a) in enumerate(dated):
        for b, y, key_b in dated[i + 1 :]:
            origin_a, origin_b = origins.get(a.article_id), origins.get(b.article_id)
            if origin_a == origin_b or key_a != key_b or x.value == y.value:
                continue
            if any(
                len({year for key, year in given[origin] if key == key_a}) > 1
                for origin in (origin_a, origin_b)
            ):
                continue  # "The station opened in 1972", "its visitor centre … opened in 2012": two things
            if x.value in b.text or y.value in a.text:
                continue  # "elected in 2019 and re-elected in 2023": the other year is told too
            if (key_a, x.value) in given[origin_b] or (key_b, y.value) in given[origin_a]:
                continue  # "The station opened in 1972" / "The visitor centre … opened in 2012": two things
            if _in_one_claim(claims, a, b):
                continue  # compared inside their claim already
            if UPDATE.search(a.text) or UPDATE.search(b.text):
                continue  # a later update, no rival year
            sides = (cite(a, texts[a.article_id], x), cite(b, texts[b.article_id], y))
            d = Difference("date", sides, True, f"{x.value} vs {y.value}")
            if _clash(d) not in seen:
                seen.add(_clash(d))
                out.append(_clash_claim(d, origin_a, origin_b))
    return out


def _same_day_close(
    a: Citation, x: Mention, b: Citation, y: Mention, texts: Mapping[int | None, str]
) -> bool:
    """Whether statements ``a`` and ``b`` each name one weekday, the same, their clock times ``x`` and
    ``y`` lie within :data:`newstrace.compare.conflicts.LONE_TIMES_APART` of each other, and no two
    different verbs lead to them ("The timetable was published … at 9:48 a.m. on Wednesday" / "Drivers
    were briefed on the new routes at 11:30 a.m. on Wednesday": two events of one morning)."""
    days = [{m.value for m in found(weekdays, s.text, s.start)} for s in (a, b)]
    if len(days[0]) != 1 or days[0] != days[1] or not near_moments("time", x, y):
        return False
    return not different_acts(texts[a.article_id], x.start, texts[b.article_id], y.start)
