"""Anchors: the words before a value that say what question it answers.

Two days, clock times, places or years of two statements are compared only when the words just before them
share a content word (:func:`anchor_of`, :func:`shared_anchor`) or the same words introduce them
(:func:`same_lead_in`): two sentences of one story often give two moments of two different things. Verbs
of one act ("began" / "broke out", "found" / "spotted", "broke down" / "collapsed") count as one word, and a
deadline preposition ("until", "by") as the word "deadline". Split from :mod:`newstrace.compare.conflicts`,
which compares the values these anchors tie.
"""

from __future__ import annotations

import re

from newstrace.compare.clauses import ANCHOR_TOKEN, FUNCTION_WORDS

# How many words before a value are read as its anchor.
ANCHOR_WORDS = 6
# ... before a year named alone (``conflicts._years``): the verb or noun next to it, not the sentence's topic.
YEAR_ANCHOR_WORDS = 3


def shared_anchor(text_a: str, start_a: int, text_b: str, start_b: int) -> set[str]:
    """The anchor words (see :func:`anchor_of`) two days or times, at ``start_a`` and ``start_b``, have in
    common."""
    return anchor_of(text_a, start_a, True) & anchor_of(text_b, start_b, True)


# Words right before a value that must be the same, in order, for :func:`same_lead_in`: the preposition
# and two words before it ("court sitting in").
LEAD_IN_WORDS = 3
# The longest run of words before two values that is compared: the preposition and a phrase before it
# ("a briefing at the university at").
LEAD_IN_MAX = 6


def same_lead_in(text_a: str, start_a: int, text_b: str, start_b: int) -> bool:
    """Whether the same words introduce two values: the words before each, within its sentence, end in
    the same run of at least :data:`LEAD_IN_WORDS` words (up to :data:`LEAD_IN_MAX` are compared), and two
    words of that run are lower-case content words ("The court, sitting in Kessel" / "The court, sitting
    in Dunmore"; "presented at a briefing at the university at 10 a.m." / "told a briefing at the
    university at 11 a.m."): the two reports answer one question."""
    leads = []
    for text, start in ((text_a, start_a), (text_b, start_b)):
        before = re.split(r"[.!?]\s", text[max(0, start - 80) : start])[-1]
        leads.append([w.lower() for w in ANCHOR_TOKEN.findall(before)[-LEAD_IN_MAX:]])
    shared = 0
    while shared < min(len(leads[0]), len(leads[1])) and leads[0][-1 - shared] == leads[1][-1 - shared]:
        shared += 1
    # Names do not count as content here, as in :func:`anchor_of`: "Port Halvard on" says where, not what.
    run = ANCHOR_TOKEN.findall(re.split(r"[.!?]\s", text_a[max(0, start_a - 80) : start_a])[-1])[-shared:]
    content = [w for w in run if re.fullmatch(r"[a-z]{3,}", w) and w not in FUNCTION_WORDS]
    return shared >= LEAD_IN_WORDS and len(content) >= 2


def anchor_of(text: str, start: int, moment: bool = False, size: int = 0) -> set[str]:
    """Content words just before a value, lower-cased and crudely stemmed; a deadline preposition right
    before it ("until 1 September" / "by 1 October") counts as the shared word "deadline". Before a day or
    a time (``moment``), a common word that opens the sentence counts too (:func:`_common_opening`): it is
    what happened then ("Sentencing is set for December 17"). Before a place it is not: one shared word is
    enough there, and the opening word is the sentence's topic ("Recounts are rare in Brenshire" / "The
    recount was held … in Brenmouth"), not what the place answers. A verb saying that something began
    (:data:`ONSET`) counts as the word "onset" before a day or time. ``size`` words are read (default
    :data:`ANCHOR_WORDS`)."""
    # Lower-case words only: names shared by the two sentences ("Lindgate Primary School in Vessby") say
    # they are about one thing, not that the two days answer one question.
    # Parts of a hyphenated modifier ("the 27-year-old", "a five-year contract") say nothing about what the
    # value answers: "year" would tie "a medical at Kestrel" to "four years at Riverside".
    window = max(0, start - 60)
    before = text[window:start]
    tokens = [
        w.lower() if moment and _common_opening(text, window + m.start(), w) else w
        for m in ANCHOR_TOKEN.finditer(before)
        for w in (m.group(),)
    ]
    words = [w for w in tokens if re.fullmatch(r"[a-z]{3,}", w)][-(size or ANCHOR_WORDS) :]
    # A participle after a determiner describes a thing, not when something happened to it: "recovered two
    # more bodies from the capsized ferry on Sunday" does not say when the ferry capsized.
    described = {m.group(1) for m in DESCRIBED.finditer(before)}
    anchor = {_crude_stem(w) for w in words if w not in FUNCTION_WORDS and w not in described}
    if DEADLINE.search(before):
        anchor.add("deadline")
    if moment and ONSET.search(" ".join(words[-ONSET_WORDS:])):
        anchor.add("onset")
    content = [w for w in words if w not in FUNCTION_WORDS]
    if moment and any(DISCOVERY.fullmatch(w) for w in content[-ONSET_WORDS:]):
        anchor.add("discovery")
    if moment:
        anchor |= {act for act, verbs in ACTS.items() if verbs.search(" ".join(words[-ONSET_WORDS:]))}
    return anchor


# What may stand right before a sentence's first word: the text's start, a sentence end, an opening quote.
SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"\u201d]?\s+|[\"\u201c]\s*)$")


def _common_opening(text: str, at: int, word: str) -> bool:
    """Whether ``word``, at ``at`` in ``text``, is a common word capitalised only because it opens a
    sentence ("Sentencing is set for December 17" against "He will be sentenced on December 10"): it opens
    one, and the article never writes it capitalised after a lower-case word or a comma, as it would a
    name ("… said Pellmark", "Pellmark released …")."""
    if (
        not word[:1].isupper()
        or not word[1:].islower()
        or not SENTENCE_OPENING.search(text[max(0, at - 3) : at])
    ):
        return False
    return re.search(rf"[a-z,]\s+{re.escape(word)}\b", text) is None


def _crude_stem(word: str) -> str:
    """A word without its inflection, so "sentenced" meets "sentencing" and "opens" meets "opened": the
    first of -ing, -ed, -es, -s, -e that leaves four letters or more."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# A past participle used as an adjective after a determiner: "the capsized ferry", "a stolen car".
DESCRIBED = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+([a-z]+(?:ed|en))\b")
# Verbs that say when an event began, whichever a report picks: "the leak began at 9.40 a.m." / "the leak
# happened just after 11 o'clock", "The regatta, which began on Thursday" / "which opened on Wednesday"
# answer one question, and count as the shared anchor word "onset" (two
# shared words tie a day or time across claims: "leak" alone is not enough, "leak" and "onset" are).
ONSET = re.compile(
    r"\b(?:began|begun|begin|begins|started|starts|start|broke out|erupted|happened|occurred|struck|"
    r"hit|ignited|sparked|opened|opens)\b"
)
# Verbs that say when something was found or noticed, whichever a report picks: "the leak was discovered
# on Sunday morning" / "Rennick found the oil on Saturday morning" / "a farmer spotted the oil on Sunday"
# answer one question, and count as the shared anchor word "discovery" when one stands among the last
# three content words before the day or time ("Staff first noticed the attack shortly after 2 a.m.").
DISCOVERY = re.compile(r"found|discovered|spotted|noticed|detected")
# Verbs of one act, whichever a report picks, counted as one shared anchor word before a day or time, as
# :data:`DISCOVERY` is: "Talks … broke down on Tuesday" / "Negotiations collapsed on Wednesday"; "its
# records system went down at 6:40 a.m." / "the system failed at about 3:10 a.m."; "published its figures
# at 7 a.m." / "released its decision at 10 a.m.".
ACTS = {
    "breakdown": re.compile(
        r"\b(?:broke down|collapsed|foundered|fell apart|fell through|failed|went down|crashed|"
        r"stopped working)\b"
    ),
    "publication": re.compile(r"\b(?:published|released|issued|unveiled|posted)\b"),
}
# How many of the anchor's last words (function words included) an onset verb may stand among: the verb
# that leads to the value ("hit the town on Friday"), not one earlier in the sentence ("the strike that
# began last week will end on Monday"). Four content words let one more false conflict through on a
# blind set (issue 7, sixth round).
ONSET_WORDS = 3
# A preposition that makes the value after it a deadline: "until 1 September", "by 1 October", "until
# shortly after 1 p.m.", "by about 11.40 a.m." (a hedge between them keeps the deadline).
DEADLINE = re.compile(
    r"\b(?:until|by|before|no later than)\s+"
    r"(?:(?:shortly|just|soon|about|around|roughly)\s+(?:after\s+|before\s+)?)?$",
    re.I,
)
