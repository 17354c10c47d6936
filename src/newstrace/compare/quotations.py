"""One quotation in different words, between two statements of one claim or of two.

Split from :mod:`newstrace.compare.wording` (names and roles): the quotations a statement holds or that its
sentence splitter cut (:func:`_quoting`), who says them (:func:`_one_speaker`), and when two of them are
one utterance told two ways (:func:`quote_differences`). The conflict check
(:func:`newstrace.compare.conflicts.compare_statements`) calls it after the names and roles; each finding
cites the two quotations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.compare import names
from newstrace.compare import values as v
from newstrace.compare.values import cite, found
from newstrace.compare.wording import ROLE_SYNONYMS
from newstrace.model import Citation, Difference

# Quotations this similar (token-set ratio) are the same quote; below 100 their wording differs.
SAME_QUOTE = 60


def quote_differences(
    a: Citation, text_a: str, b: Citation, text_b: str, aligned: bool = False
) -> list[Difference]:
    """One quotation in different words: close wording that differs ("we will accept the result" / "we
    will not accept this result"), or, in two statements of one claim, two different quotations given
    to one named speaker ("Sarro said: 'We respect the court's decision and will present a new law'" /
    "Sarro said the government 'will study the ruling and decide whether a new law is needed'")."""
    from rapidfuzz import fuzz

    end_a, end_b = a.end, b.end  # where the statements end, before a cut quotation is read past them
    (a, qa, cut_a), (b, qb, cut_b) = _quoting(a, text_a), _quoting(b, text_b)
    findings = []
    for x in qa:
        for y in qb:
            if _words(x.value) == _words(y.value):
                continue
            if _words(x.value) <= _words(y.value) or _words(y.value) <= _words(x.value):
                continue  # one quotes a part of the other: a truncation, not a rewording
            if _said_words(x.value) == _said_words(y.value):
                continue  # "the regulation" / "this regulation", "[The police] have" / "They have"
            sides = (cite(a, text_a, x), cite(b, text_b, y))
            speaker = _one_speaker(a, qa, b, qb) if _same_opening(x.value, y.value) else None
            if speaker:
                findings.append(Difference("quote", sides, True, f"{speaker} {SAME_OPENING}"))
                continue
            if (
                not (cut_a or cut_b)
                and min(len(x.value.split()), len(y.value.split())) >= SPEAKER_QUOTE_WORDS
                and fuzz.token_set_ratio(x.value.lower(), y.value.lower()) >= SAME_QUOTE
            ):
                findings.append(Difference("quote", sides, True, "the same quotation in different words"))
                continue
            if _reworded_cut(x, cut_a, end_a, y, cut_b, end_b, text_a, text_b):
                findings.append(Difference("quote", sides, True, "the same quotation in different words"))
                continue
            # Two statements aligned as one claim that quote one speaker: one utterance, also when the
            # sentence splitter cut one of them ('Ashby said last night: "These are shy animals.').
            speaker = _one_speaker(a, qa, b, qb) if aligned else None
            if speaker:
                findings.append(Difference("quote", sides, True, f"{speaker} quoted in different words"))
    return findings


def _reworded_cut(
    x: v.Mention, cut_x: bool, end_x: int, y: v.Mention, cut_y: bool, end_y: int, text_x: str, text_y: str
) -> bool:
    """Whether a quotation the sentence splitter cut says, in its statement's own part, what the other
    quotation says in other words: '"We will not challenge this law in court.' (the quotation runs on into
    the next sentence) / '"We will challenge this law in the constitutional court," he told reporters'.
    Only the cut quotation's part inside its statement is compared, and only with
    :data:`CUT_QUOTE` (token-sort): the whole cut quotation holds more than the statement says, and its
    token-set likeness to any quotation it shares a few words with was how cut quotations gave false
    conflicts on ECB+ text (seventh round)."""
    from rapidfuzz import fuzz

    if not (cut_x or cut_y):
        return False
    own_x = text_x[x.start : min(x.end, end_x)] if cut_x else x.value
    own_y = text_y[y.start : min(y.end, end_y)] if cut_y else y.value
    if min(len(own_x.split()), len(own_y.split())) < SPEAKER_QUOTE_WORDS:
        return False
    if _words(own_x) <= _words(own_y) or _words(own_y) <= _words(own_x):
        return False  # the same words, one quotation cut shorter
    return fuzz.token_sort_ratio(own_x.lower(), own_y.lower()) >= CUT_QUOTE


# How like each other (token-sort ratio) a cut quotation's own part and another quotation must be to be
# one quotation reworded: "we will not challenge this law in court" / "we will challenge this law in the
# constitutional court" score 78; set a little under it, from that one pair, and checked on ECB+ text.
CUT_QUOTE = 75


# How far past a quotation's end its sentence may run to name the speaker: '…in an ambulance," Ashby told a
# news conference on Saturday evening.'
SPEAKER_TAIL = 200


# Text in quotation marks (straight or curly), at least two words.
QUOTE = re.compile(r"[\"\u201c](?P<q>[^\"\u201c\u201d]{3,}?\s[^\"\u201c\u201d]*?)[\"\u201d]")
# Text in single curly quotation marks, as British outlets quote: "‘We will not stop,’ she said". The
# closing mark is also the apostrophe ("won’t"), so it ends a quotation only before a non-letter.
SINGLE_QUOTE = re.compile(
    r"(?<![A-Za-z])\u2018(?P<q>[^\u2018\"\u201c\u201d]{3,}?\s[^\u2018\"\u201c\u201d]*?)\u2019(?![A-Za-z])"
)


def quotations(text: str, offset: int = 0) -> list[v.Mention]:
    """Quoted passages of two words or more, in double or single curly marks (the marks excluded from the
    span)."""
    found = [*QUOTE.finditer(text), *SINGLE_QUOTE.finditer(text)]
    return [
        v.Mention(m.group("q"), offset + m.start("q"), offset + m.end("q"))
        for m in sorted(found, key=lambda m: m.start())
    ]


def _quoting(statement: Citation, text: str) -> tuple[Citation, tuple[v.Mention, ...], bool]:
    """The statement, its quotations, and whether they were read past it. A statement that holds no whole
    quotation but opens one that its sentence splitter cut ('"We are devastated that supporters were
    hurt."' / '"Nobody should leave a game in an ambulance," Ashby told …') is read as that quotation, from
    the opening mark to the end of the sentence that closes it, where the speaker is named; only a mark that
    opens (after a space, a colon or the start of a line, inside the paragraph) counts, so that a closing
    mark ('"Twilight" director …') never opens one. One that closes a quotation opened a sentence or more
    before, in its paragraph, is read from the opening mark."""
    own = found(quotations, statement.text, statement.start)
    if own:
        return statement, own, False
    every = found(quotations, text, 0)
    cut = [
        q
        for q in every
        if statement.start <= q.start - 1 < statement.end < q.end
        and (q.start < 2 or text[q.start - 2] in " \n:(")
        and "\n" not in q.value
    ]
    if not cut:
        # The statement closes a quotation opened in an earlier sentence of its paragraph ('"It is a sad
        # day. Everyone here knew this day would come," Tully told reporters'): read from the opening mark.
        opened = [
            q for q in every if q.start - 1 < statement.start < q.end < statement.end and "\n" not in q.value
        ]
        if len(opened) == 1:
            start = opened[0].start - 1
            whole = Citation(statement.article_id, start, statement.end, text[start : statement.end])
            return whole, found(quotations, whole.text, whole.start), True
    if len(cut) != 1:
        return statement, (), False
    close = cut[0].end + 1
    line = text[close : close + SPEAKER_TAIL].split("\n", 1)[0]  # the sentence ends with its paragraph
    tail = re.search(r"[.!?](?=\s|$)", line)
    whole = Citation(statement.article_id, statement.start, close + (tail.end() if tail else len(line)), "")
    whole = Citation(whole.article_id, whole.start, whole.end, text[whole.start : whole.end])
    return whole, found(quotations, whole.text, whole.start), True


# The reason given to two quotations of one speaker that open alike and then part: one utterance quoted
# two ways, whatever claims the two sentences fall in (:func:`newstrace.compare.claims` trusts it there).
SAME_OPENING = "quoted in different words after the same opening"
# Words two quotations must open with, in order, to be one utterance: "We are devastated that supporters
# were hurt …" / "We are devastated. Anyone who comes …". Three, one of them no function word ("We are
# the" is how many utterances open).
OPENING_WORDS = 3


def _same_opening(x: str, y: str) -> bool:
    """Whether two different quotations open with the same :data:`OPENING_WORDS` words, one of them a word of
    five letters or more."""
    wx, wy = (re.findall(r"[a-z0-9']+", q.lower())[:OPENING_WORDS] for q in (x, y))
    return len(wx) == OPENING_WORDS and wx == wy and any(len(w) >= 5 for w in wx)


# A verb that introduces speech, next to the speaker's name: "Sarro said", "told reporters", "said Sarro".
SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|added|stated|declared|wrote|writes)\b")
# A speaker's apposition between the name and the verb: "Jonas Berge, one of the three, said".
APPOSITION = re.compile(r"^,[^,\"\u201c\u201d]{1,50},")
# Quotations shorter than this (in words) are phrases ("full-blown", "an unequal burden") that two
# reports may pick from one longer statement; only longer ones are read as what the speaker said.
SPEAKER_QUOTE_WORDS = 4


def _one_speaker(a: Citation, qa: Sequence[v.Mention], b: Citation, qb: Sequence[v.Mention]) -> str | None:
    """The surname both statements give the speaker of their one quotation, or ``None``: each statement
    quotes once, at least :data:`SPEAKER_QUOTE_WORDS` words, and names the speaker next to a speech verb,
    outside the quotation."""
    if len(qa) != 1 or len(qb) != 1:
        return None
    if min(len(q.value.split()) for q in (*qa, *qb)) < SPEAKER_QUOTE_WORDS:
        return None
    speakers = [_speakers(s, q[0]) for s, q in ((a, qa), (b, qb))]
    shared = speakers[0] & speakers[1]
    return min(shared) if shared else None


def _speakers(statement: Citation, quote: v.Mention) -> set[str]:
    """Who speaks next to a speech verb, outside ``quote``: surnames, and the office of the speaker as
    "the <role>" ("the judge told him", "a council spokeswoman said"; the office of a titled speaker too,
    "Judge Alison Farrant told"), so that a report naming the speaker and one giving the office alone
    meet."""
    out = set()
    titled = {t.name: t.role for t in found(names.titled_names, statement.text, statement.start)}
    for name in found(names.names, statement.text, statement.start):
        if quote.start - 1 <= name.start < quote.end + 1:
            continue
        after = statement.text[name.end - statement.start : name.end - statement.start + 64]
        before = statement.text[max(0, name.start - statement.start - 12) : name.start - statement.start]
        # "Colm Ashby, said": the comma that closes an apposition before the name ("Its chairman, Colm
        # Ashby,") stands between the name and its verb.
        if SPEECH_VERB.match(APPOSITION.sub("", after, count=1).lstrip(" ,")) or SPEECH_VERB.search(before):
            out.add(name.value.split()[-1])
            if name.value in titled:
                out.add(_office(titled[name.value]))
    at = quote.start - statement.start
    outside = (
        statement.text[: max(0, at - 1)]
        + " " * (quote.end - quote.start + 2)
        + statement.text[at + len(quote.value) + 1 :]
    )
    for m in OFFICE_SPEAKER.finditer(outside):
        role = m.group("r1") or m.group("r2")
        if names.is_title_word(role) and role not in names.ROLE_MODIFIERS:
            out.add(_office(role))
    out.discard("the ")
    return out


# An office speaking: "the judge told him", "a council spokeswoman said", "said the mayor".
OFFICE_SPEAKER = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){0,2}?(?P<r1>[a-z-]+),?\s+(?:said|says|told|tells|added|stated|declared)\b"
    r"|\b(?:said|says|told|added)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?P<r2>[a-z-]+)\b(?!\s+[A-Z])"
)


def _office(role: str) -> str:
    """A speaker's office as a key beside surnames: "the" and the role's last word, one spelling for
    synonyms ("spokeswoman" and "spokesman" are both "the spokesperson")."""
    head = role.lower().split()[-1] if role.split() else ""
    return "the " + ROLE_SYNONYMS.get(head, head)


def _said_words(text: str) -> frozenset[str]:
    """The content words of a quotation, without the words an editor put in brackets: what a speaker said,
    whatever articles, pronouns and such each report wrote around it."""
    from newstrace.compare.clauses import STOPWORDS

    return frozenset(w for w in _words(re.sub(r"\[[^\]]*\]", " ", text)) if w not in STOPWORDS)


def _words(text: str) -> frozenset[str]:
    """The words of a quotation, split at apostrophes, so that a curly one, a straight one and one set
    apart by spaces read alike ("year’s", "year ’ s" and "year's" are "year" and "s")."""
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))
