"""Asides: the parts of a statement that add a second fact to the one it shares with other reports.

News sentences fold facts together: "Lind, a former schoolteacher, has led the city since 2015." aligns
with another report's "Lind has been mayor for eight years.", yet only one report says he taught school.
:func:`asides` finds such parts by their punctuation and joining words, without a parser:

- a relative clause set off by a comma ("…the supplier, which also makes cells for other brands");
- an appositive between a sentence's subject and its verb ("The climbers, two men and a woman from
  Aslo, had been stranded…");
- a trailing addition after a comma: a comparison ("…, up from about 6,000 on Wednesday"), a summing-up
  noun phrase ("…, the largest recall in the company's history"), a participle ("…, filling Lake Tessary
  close to the top of its wall");
- a second clause joined by "and" or "but" ("…, and none of them had life-threatening injuries";
  "…teaches at the village primary school and has lived in Saltmarsh all her life");
- when none of these cuts a sentence, each part after a comma ("Skellan's accounts for last year, filed
  in December, show an operating loss of £3.1m"), unless it ends a list.

:mod:`newstrace.compare.claims` asks whether the other reports of a claim say the aside too, and makes an
aside that no other origin supports a statement of its own. Nothing inside a quotation is cut: a speaker's
words stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from newstrace.model import Citation, Claim


class Aside(NamedTuple):
    """A part of a statement (offsets into the statement's text) that may carry a fact of its own."""

    start: int
    end: int
    kind: str  # relative | appositive | addition | coordinate | segment


# A relative clause after a comma: ", which …", ", who …", ", whose …", ", where …".
RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\s")
# The subject of a sentence and an appositive after it, up to the comma before the verb: "Lind, a former
# schoolteacher, has…", "The party, all experienced winter climbers, were…", "Tarnby Cycle Centre, the
# only Kestrun dealer in the town, said…". The subject is at most six words; the appositive starts with a
# determiner, a number or a possessive and holds no comma; the verb after it is lower-case.
APPOSITIVE = re.compile(
    r"^(?!(?:On|In|At|By|After|Before|During|Since|For|From|When|While|As|Although|But|And|If|Once|Until|"
    r"Under|Over|With|Without|Despite|Earlier|Later|Last|Next|This|That|Yesterday|Today)\s)"
    r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?,\s+"
    r"(?P<aside>(?:a|an|the|all|both|one|two|three|four|five|six|his|her|its|their|[0-9][\w-]*)\s[^,;\"“”]{3,90}?)"
    r",\s+(?=[a-z])"
)
# A trailing addition after a comma: comparisons ("up from", "up by a fifth"), a summing-up noun phrase
# (also after "and": "the last working mine in the district and its biggest private employer"), a
# participle clause, a part of what was just named ("…30,000 geese, most of which arrive in late
# October", "…, some of them clinging to the roofs"), a concession or an instance ("…, despite fierce
# opposition", "…, including…", "…, in line with industry guidance"), a later event ("…, when a falling
# tree flattened the fence"), a share or a comparison ("…, roughly a quarter of its funded posts", "…, more
# than double the average for the month", "…, against a profit of 2.1 million pounds a year earlier"), a
# reason given ("…, blaming fuel prices"). On the twenty-three tuned gold sets the first of these lifted
# claim macro F1 0.7325 → 0.7359, the shares, comparisons and reasons 0.7413 → 0.7421, no conflict lost;
# ", as …" was tried too and lost 0.013 on one set (it opens reasons and moments of the same fact as often
# as new facts), and so was any participle ("…, leaving …"): 0.7359 → 0.7347.
_SUPERLATIVE = (
    r"(?:the|its|their|his|her) (?:largest|biggest|highest|lowest|worst|best|first|longest|deepest|"
    r"heaviest|most|fewest|smallest|second|third)\b"
)
ADDITION = re.compile(
    r",\s+(?=(?:up|down) (?:from|by)\s|(?:well |far |just )?(?:above|below) (?:the|its|their)\s|"
    rf"compared with\s|{_SUPERLATIVE}|"
    r"(?:bringing|making|leaving|filling|forcing|raising|taking|pushing|adding to)\s|with\s|"
    r"(?:most|some|many|all|one|two|three|four|several|none|each|both) of (?:which|whom|them|those)\s|"
    r"including\s|although\s|though\s|despite\s|in line with\s|most recently\s|when\s|noting\s|beating\s|"
    r"among them\s|more than (?:double|twice|three times)\s|out of\s|roughly\s|against a\s|blaming\s|"
    r"citing\s|as well as\s|one of the\s|in what\s|mostly\s)"
    rf"|\s(?=while\s\w+ing\s)|\s+and\s+(?={_SUPERLATIVE})"
)
# A second clause: ", and" or ", but" before a new subject, or "and"/"but" (comma or not) before a
# finite verb that continues the same subject ("…and has lived in Saltmarsh all her life").
COORDINATE = re.compile(
    r",\s+(?:and|but)\s+|"
    r"\s(?:and|but)\s+(?=(?:is|was|are|were|has|had|have|will|would|could|can|expected|said|says|"
    r"became|becomes|remains|remained)\s)"
)
# ... or before a second predicate in the past tense, in "-ed" or a common irregular one ("…opened the
# bidding at £1.2m and brought the hammer down at 7:42 p.m."), or in a present tense news uses of its
# subjects ("…can process up to 2,500 bags an hour and sends each one through a screening machine"),
# when the words before it hold a verb too: "two ambulances and armed police were sent" is one clause.
# On the twenty-five tuned gold sets this lifted claim macro F1 0.7411 → 0.7421 (0.7172 → 0.7199 read
# strictly), no conflict found or lost.
_PAST = (
    r"(?!(?:hundred|indeed|need|speed|seed|breed|bleed|feed|armed|injured|wounded|unnamed|retired|beloved|"
    r"sacred|naked|wicked|rugged|aged)\s)[a-z]{3,}ed|brought|sent|took|made|gave|told|left|found|kept|held|"
    r"went|came|got|began|rose|fell|won|lost|paid|spent|sold|bought|built|ran|saw|met|led|struck|broke|"
    r"spoke|wrote|drove|flew|threw|did"
)
_PRESENT = r"does|sends|says|wants|plans|hopes|expects"
VERB_COORDINATE = re.compile(rf"\s(?:and|but)\s+(?=(?:then\s|later\s|also\s|not\s)?(?:{_PAST}|{_PRESENT})\s)")
FINITE = re.compile(
    rf"\b(?:is|was|are|were|has|had|have|will|would|could|can|may|must|should|{_PAST}|{_PRESENT})\b"
)
# The last items of a list after its comma ("closed roads in Brae, Tull and Ostervik"): no part of its own.
LIST_END = re.compile(r"[\w'’-]+(?:\s[\w'’-]+){0,2}\s(?:and|or)\s")
# What closes a relative clause or an appositive: the next comma (not one inside a number, "1,200").
CLOSE = re.compile(r",\s")
# A tail that only says who said it (", the hospital said.", ", Kestrun said", ", according to police"):
# it belongs to the part before it, and never stands alone.
ATTRIBUTION = re.compile(
    r"^,?\s*(?:(?:the\s+)?[\w'’ -]{1,40}?\s(?:said|says|told [\w ]+|reported|added)|"
    r"(?:said|says)\s[\w'’ .-]{1,40}|according to [\w'’ .-]{1,60})[.!?]?[\"”]?$"
)
# An aside needs this many words to carry a fact ("a former schoolteacher" has three).
MIN_ASIDE_WORDS = 3
# The part left when the asides are taken out needs this many words to stay a statement.
MIN_CORE_WORDS = 4


def asides(text: str) -> list[Aside]:
    """The asides of one statement, in order and not overlapping; none when the statement is one fact.

    Args:
        text: the statement's text (a sentence or a clause of one).

    Returns:
        Offsets into ``text``. A trailing aside ends where the sentence does, without its full stop.
    """
    end = len(text.rstrip().rstrip('.!?"”'))
    found: list[Aside] = []
    m = APPOSITIVE.match(text)
    if m and not inside_quotation(text, m.start("aside")):
        found.append(Aside(m.start("aside"), m.end("aside"), "appositive"))
    for m in RELATIVE.finditer(text):
        # The clause ends at the next comma outside a quotation: "which will be a “full-blown visit, with
        # talks between the two delegations,” according to TASS" keeps the quoted words whole.
        closes = (c for c in CLOSE.finditer(text, m.end()) if not inside_quotation(text, c.start()))
        close = next(closes, None)
        stop = close.start() if close and close.start() < end else end
        if _attribution(text[stop:end]):
            stop = end
        found.append(Aside(m.start() + 2, stop, "relative"))
    for kind, pattern in (("addition", ADDITION), ("coordinate", COORDINATE)):
        for m in pattern.finditer(text):
            found.append(Aside(m.end(), end, kind))
    for m in VERB_COORDINATE.finditer(text):
        if FINITE.search(text, 0, m.start()):
            found.append(Aside(m.end(), end, "coordinate"))
    if not found:
        found = _segments(text, end)
    out: list[Aside] = []
    for aside in sorted(found):
        if inside_quotation(text, aside.start) or aside.start >= end:
            continue
        piece = text[aside.start : aside.end]
        if len(piece.split()) < MIN_ASIDE_WORDS or _attribution(piece):
            continue
        if out and aside.start < out[-1].end:
            # A trailing addition inside an earlier aside's reach: the earlier one ends where it starts.
            last = out[-1]
            if len(text[last.start : aside.start].split()) <= MIN_ASIDE_WORDS:
                continue  # the earlier aside would be too short to stand: the later one goes
            out[-1] = Aside(last.start, _trim(text, last.start, aside.start), last.kind)
        out.append(aside)
    core = len(text.split()) - sum(len(text[a.start : a.end].split()) for a in out)
    return out if core >= MIN_CORE_WORDS else []


def _segments(text: str, end: int) -> list[Aside]:
    """Each part of a sentence after a comma outside a quotation, up to the next such comma: the asides
    of a sentence none of the patterns above cuts.

    News folds a second fact into a sentence in more shapes than the patterns name: "Skellan's accounts
    for last year, filed in December, show an operating loss of £3.1m", "Tarnbeck produced 86,400 tonnes
    of zinc, about a fifth of the group's metal output". Such a part is peeled only when no other origin
    of its claim says it (:func:`peel_asides`); one another report says in its own words stays. On the
    twenty-five tuned gold sets this lifted claim macro F1 0.7421 → 0.7432 (0.7199 → 0.7230 read
    strictly); a lower bar for a part's support (0.35, 0.45) or a higher one (0.6, 0.65), or parts of four
    or five words at least, scored 0.7415-0.7431; the parts taken when other asides are found too, 0.7401.
    """
    cuts = [c for c in CLOSE.finditer(text, 0, end) if not inside_quotation(text, c.start())]
    stops = [c.start() for c in cuts[1:]] + [end] if cuts else []
    return [
        Aside(cut.end(), stop, "segment")
        for cut, stop in zip(cuts, stops, strict=True)
        if not LIST_END.match(text, cut.end(), stop)
    ]


def _trim(text: str, start: int, stop: int) -> int:
    """``stop`` moved back over the comma, joining word and spaces before it."""
    piece = text[start:stop].rstrip()
    piece = re.sub(r"(?:,|\s(?:and|but))$", "", piece).rstrip(", ")
    return start + len(piece)


def _attribution(piece: str) -> bool:
    return bool(ATTRIBUTION.match(piece.strip()))


def inside_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` of ``text`` lies inside a quotation: an odd number of straight quotation marks, or
    more opening than closing curly ones, before it."""
    before = text[:offset]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


class Piece(NamedTuple):
    """The core of a statement or one of its asides, with the article spans it covers."""

    kind: str  # core | relative | appositive | addition | coordinate | segment
    text: str  # what is embedded: the core's segments joined, or the aside
    spans: tuple[tuple[int, int], ...]  # article offsets: the core's segments, or the aside's one span


def pieces(statement: Citation) -> list[Piece]:
    """The statement's core and its asides; empty when it has no aside.

    The core is what is left when the asides are taken out ("Lind, a former schoolteacher, has led the
    city since 2015." → "Lind has led the city since 2015."); its text joins its segments with spaces.
    """
    text = statement.text
    found = asides(text)
    if not found:
        return []
    segments, position = [], 0
    for aside in found:
        segments.append((position, aside.start))
        position = aside.end
    segments.append((position, len(text)))
    kept = [(s, e) for s, e in segments if text[s:e].strip(" ,;")]
    core = " ".join(re.sub(r"\s(?:and|but)$", "", text[s:e].strip(" ,;")) for s, e in kept)
    out = [Piece("core", core, tuple((statement.start + s, statement.start + e) for s, e in kept))]
    for aside in found:
        span = ((statement.start + aside.start, statement.start + aside.end),)
        out.append(Piece(aside.kind, text[aside.start : aside.end], span))
    return out


# A part of a statement is said by another origin when its embedding scores this much against that
# origin's statement or one of its parts, or when this share of its content words (their first five
# letters, so "closed" meets "closure") stand in that origin's statements. On the tuned gold sets (issue
# 7) the asides that no other report carries scored 0.02-0.54 with few words shared, those another origin
# repeats 0.47-0.93 or shared half their words; 0.5, 0.55 and 0.6 were tried (macro F1 over the four
# tuned sets 0.852 / 0.860 / 0.859), and 0.55 kept.
SUPPORTED = 0.55
SUPPORTED_WORDS = 0.5
# ... and at least this many of them: two shared words are a name and a noun ("the only Kestrun dealer in
# the town" shares "Kestrun" and "dealer" with "Kestrun will pay dealers 45 euros for each pack").
SUPPORTED_SHARED = 3
# Content words: letters and digits, hyphens inside.
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")
# Function words carry no fact.
STOPWORDS = frozenset(
    "a an the and or but of to in on at by for from with as is was were are be been being has have had "
    "that this these those it its he she they them his her their we our you i not no said says say told "
    "will would could should may might can also than then there here which who whom whose what when where "
    "while after before over under into about more most some such any all each other one".split()
)

# A word with its hyphenated parts and apostrophes, so a capitalised or compound word is judged whole.
ANCHOR_TOKEN = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
# Words around a value that say nothing about what it answers (the anchors of days, times and places in
# :mod:`newstrace.compare.conflicts`, the context of counts in :mod:`newstrace.compare.counts`).
FUNCTION_WORDS = frozenset(
    "the and for from with that this was were are has have had been said says about after before "
    "shortly early late around into over under its their his her through across already during".split()
)

Embed = Callable[[Sequence[str]], "object"]


def peel_asides(claims: Sequence[Claim], origins: Mapping[int, str], embed: Embed) -> list[Claim]:
    """The claims, with every aside that no other origin of its claim says made a claim of its own.

    A statement of a claim backed by two or more origins is cut into its core and its asides
    (:func:`pieces`). A part is supported when another origin's statement of the claim says it
    (:data:`SUPPORTED`, :data:`SUPPORTED_WORDS`) or when one of the claim's differences cites a value in
    it (the part is what the reports dispute). When a part is not, the claim keeps the longest run of
    supported parts as its statement, and each unsupported aside (or an unsupported core: the aside was
    the shared fact) becomes a single-source claim, placed right after its claim. A statement none of
    whose parts is supported stays whole: its alignment said it tells the claim's fact.

    Args:
        claims: the story's claims as aligned.
        origins: article id → independent-origin label.
        embed: texts → unit-length embedding rows (one batch for the whole story).
    """
    import numpy as np

    plans = {
        (n, k): pieces(statement)
        for n, claim in enumerate(claims)
        if len(claim.origins) >= 2
        for k, statement in enumerate(claim.statements)
    }
    if not any(plans.values()):
        return list(claims)
    texts = list(
        dict.fromkeys(
            [claims[n].statements[k].text for n, k in plans] + [p.text for ps in plans.values() for p in ps]
        )
    )
    row = {text: i for i, text in enumerate(texts)}
    vectors = np.asarray(embed(texts), dtype=np.float32)
    out: list[Claim] = []
    for n, claim in enumerate(claims):
        kept, peeled = list(claim.statements), []
        for k, statement in enumerate(claim.statements):
            parts = plans.get((n, k)) or []
            if not parts:
                continue
            origin = origins.get(statement.article_id)
            others = [
                (o, plans.get((n, j)) or [])
                for j, o in enumerate(claim.statements)
                if origins.get(o.article_id) != origin
            ]
            against = [row[o.text] for o, _ in others] + [row[p.text] for _, ps in others for p in ps]
            said = set().union(*(_stems(o.text) for o, _ in others))
            sides = [side for d in claim.differences for side in d.sides]
            supported = [
                _supported(p, vectors[row[p.text]] @ vectors[against].T, said, sides, statement.article_id)
                for p in parts
            ]
            if all(supported) or not any(supported):
                continue
            kept[k] = _longest_run(statement, parts, supported, want=True)
            for part, ok in zip(parts, supported, strict=True):
                if not ok:
                    peeled.append(part_citation(statement, part))
        out.append(Claim(claim.label, tuple(kept), claim.origins, claim.differences, claim.similarity))
        by_text: dict[tuple[str | None, str], list[Citation]] = {}
        for citation in peeled:
            by_text.setdefault((origins.get(citation.article_id), citation.text), []).append(citation)
        for (origin, _), citations in by_text.items():
            out.append(Claim("single", tuple(citations), (origin or str(citations[0].article_id),)))
    return out


def _supported(part: Piece, scores, said: set[str], sides: list[Citation], article_id: int) -> bool:  # type: ignore[no-untyped-def]
    if len(scores) and float(scores.max()) >= SUPPORTED:
        return True
    stems = _stems(part.text)
    shared = len(stems & said)
    if stems and shared >= SUPPORTED_SHARED and shared / len(stems) >= SUPPORTED_WORDS:
        return True
    return any(
        side.article_id == article_id and side.start < end and start < side.end
        for side in sides
        for start, end in part.spans
    )


def _longest_run(statement: Citation, parts: list[Piece], supported: list[bool], want: bool) -> Citation:
    """The statement cut to its longest run of consecutive parts (in text order) that are ``want``."""
    ordered = sorted(
        ((start, end, ok) for part, ok in zip(parts, supported, strict=True) for start, end in part.spans),
    )
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end, ok in ordered:
        if ok == want:
            runs[-1].append((start, end))
        elif runs[-1]:
            runs.append([])
    best = max((r for r in runs if r), key=lambda r: r[-1][1] - r[0][0])
    return _trimmed(statement, best[0][0], best[-1][1])


def part_citation(statement: Citation, part: Piece) -> Citation:
    """A part as a citation of its own: an aside's span, or the core's longest segment."""
    start, end = max(part.spans, key=lambda span: span[1] - span[0])
    return _trimmed(statement, start, end)


def _trimmed(statement: Citation, start: int, end: int) -> Citation:
    """A citation of ``statement``'s article from ``start`` to ``end``, without the commas, joining words
    and spaces at its edges (a full stop at the end stays)."""
    text = statement.text[start - statement.start : end - statement.start]
    lead = re.match(r"^(?:[\s,;]|(?:and|but)\s)*", text)
    start += lead.end() if lead else 0
    text = text[lead.end() if lead else 0 :]
    stripped = re.sub(r"(?:[\s,;]|\s(?:and|but))*$", "", text)
    end = start + len(stripped)
    return Citation(statement.article_id, start, end, stripped)


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in WORD.findall(text) if w.lower() not in STOPWORDS}


# Where a sentence ends: a full stop, question or exclamation mark before a capital or a quotation mark
# ("at 10 p.m. on Monday" goes on).
SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d]?\s+(?=[A-Z\"\u201c])")


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds ``offset``."""
    # The search runs one character past ``offset`` so that its look-ahead sees the capital that opens the
    # sentence at ``offset``: stopping at ``offset`` joined a value at a sentence's start to the sentence
    # before ("… by Sunday morning, the service said. About 2,500 people were ordered to leave … on
    # Saturday evening" read "Sunday" as the day of the 2,500).
    starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text, 0, offset + 1) if m.end() <= offset]
    end = SENTENCE_BREAK.search(text, offset)
    return text[starts[-1] : end.start() + 1 if end else len(text)]
