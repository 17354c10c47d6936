"""Two different remarks of one speaker on one point, in two origins' reports.

One report has a chief executive say "We will reopen the unit in March, and we are recruiting right now";
another has her say "I can't stand here and promise you it will reopen." Each sentence tells a fact of its
own, so alignment puts them in two claims, and inside a claim the wording check
(:func:`newstrace.compare.quotations.quote_differences`) needs the speaker named in both sentences. Yet a
reader checking what she said wants to see the two remarks side by side: which report quotes her how is a
disagreement between sources, whoever is right. :func:`remarks_across` finds such pairs from the quotes of
each article (:func:`newstrace.annotate.quotes.extract_quotes`, which resolves "she said" to the person
named before), and makes each a conflicting claim of its own, as a name spelt two ways is
(:func:`newstrace.compare.across.spellings_across`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newstrace.compare.across import _clash_claim
from newstrace.compare.quotations import SPEAKER_QUOTE_WORDS, _said_words, _words
from newstrace.compare.wording import _letters_apart
from newstrace.model import Citation, Claim, Difference, Quote

# How alike (cosine of the two quotations' embeddings) two remarks of one speaker must be to be on one
# point. On the twenty-three tuned gold sets the rule at 0.53 adds 15 conflicts, 14 of them gold quote
# conflicts (the false one: two remarks of one ferry chief on fuel costs, 0.62); at 0.50 it added three
# more false pairs of remarks on different points (0.50-0.52) for two more found. On real news
# (benchmarks/conflicts_realtext.py) the pairs it found at 0.50 before the one-remark-each rule, 0.52-0.59,
# were all excerpts of one long statement.
REMARKS_ALIKE = 0.53
# The reason a remark pair is given.
REMARKS = "quoted saying different things on one point"


def remarks_across(
    claims: Sequence[Claim],
    origins: Mapping[int, str],
    texts: Mapping[int | None, str],
    embed,  # type: ignore[no-untyped-def]
) -> list[Claim]:
    """A conflicting claim of its own for each pair of different direct quotations that two origins give
    one named speaker on one point.

    A remark is a direct quotation, with the ones that go on from it after its cue, of
    :data:`~newstrace.compare.quotations.SPEAKER_QUOTE_WORDS` words or more, whose speaker the article names
    (:func:`_remarks`); one speaker is one surname, read from the names the quotes resolve to. Two remarks
    are compared only when each of the two articles gives that speaker one remark: a report that quotes
    a speaker several times is quoting pieces of a longer statement, and another report's other pieces
    do not contradict it. Two quotations of the same words, one a part of the other, or two that share a
    sentence are one statement quoted twice (:func:`_two_remarks`); the others :data:`REMARKS_ALIKE` or
    closer are a conflict. A clash a claim already shows (the same two quotations) is not repeated, and
    copies of one quotation in copies of one report count once.

    Args:
        claims: the story's claims so far.
        origins: article id → independent-origin label.
        texts: article id → article text.
        embed: texts → unit-length embedding rows.
    """
    import numpy as np

    from newstrace.annotate.quotes import extract_quotes

    remarks: list[tuple[str, Citation, str]] = []  # (speaker, the remark's span, the words said)
    for article_id, text in texts.items():
        if article_id is not None:
            remarks += _remarks(extract_quotes(text, article_id).quotes, text)
    said = [words for _, _, words in remarks]
    per_article = Counter((span.article_id, speaker.split()[-1]) for speaker, span, _ in remarks)
    # The pairs to weigh: one speaker, two origins, one remark each, two different remarks. Only their
    # remarks are embedded (a story quotes many people, most of them in one report).
    pairs = []
    for i, (speaker_a, a, _) in enumerate(remarks):
        for j in range(i + 1, len(remarks)):
            speaker_b, b, _ = remarks[j]
            if origins.get(a.article_id) == origins.get(b.article_id) or not _one_speaker(
                speaker_a, speaker_b
            ):
                continue
            if per_article[a.article_id, speaker_a.split()[-1]] > 1:
                continue
            if per_article[b.article_id, speaker_b.split()[-1]] > 1:
                continue
            if _two_remarks(said[i], said[j]):
                pairs.append((i, j))
    if not pairs:
        return []
    weighed = sorted({k for pair in pairs for k in pair})
    row = {k: n for n, k in enumerate(weighed)}
    vectors = np.asarray(embed([said[k] for k in weighed]), dtype=np.float32)
    seen = {_said(d) for c in claims for d in c.differences if d.kind == "quote"}
    out = []
    for i, j in pairs:
        if float(vectors[row[i]] @ vectors[row[j]]) < REMARKS_ALIKE:
            continue
        (speaker, a, _), (_, b, _) = remarks[i], remarks[j]
        d = Difference("quote", (a, b), True, f"{speaker.split()[-1]} {REMARKS}")
        if _said(d) not in seen:
            seen.add(_said(d))
            out.append(_clash_claim(d, origins.get(a.article_id), origins.get(b.article_id)))
    return out


def _said(d: Difference) -> frozenset[frozenset[str]]:
    """The two quotations a difference cites, as the words said: the same pair whatever punctuation a
    citation ends on."""
    return frozenset(_words(side.text) for side in d.sides)


def _remarks(quotes: Sequence[Quote], text: str) -> list[tuple[str, Citation, str]]:
    """The remarks of named speakers in one article's quotes: a direct quotation with the ones that go on
    from it after its cue ('"We will rebuild," Lind said. "Work starts in May."' is one remark), cited from
    its first word to its last, of :data:`~newstrace.compare.quotations.SPEAKER_QUOTE_WORDS` words or more;
    each with its speaker and the words inside its quotation marks."""
    parts: dict[tuple[int, int], list[Quote]] = {}
    for q in quotes:
        if q.kind == "direct" and q.speaker_name and not q.anonymous:
            parts.setdefault((q.cue.start, q.cue.end), []).append(q)
    out = []
    for pieces in parts.values():
        first, last = pieces[0].content, pieces[-1].content
        end = first.start + len(text[first.start : last.end].rstrip(" ,.;:"))
        span = Citation(first.article_id, first.start, end, text[first.start : end])
        said = " ".join(p.content.text for p in pieces).rstrip(" ,.;:")
        # A speaker who names himself is not the one speaking: 'Obama stated he opposed the changes with a
        # spokesman stating: "As president, Senator Obama will fight …"'.
        surname = str(pieces[0].speaker_name).split()[-1]
        if len(said.split()) >= SPEAKER_QUOTE_WORDS and not re.search(rf"\b{re.escape(surname)}\b", said):
            out.append((str(pieces[0].speaker_name), span, said))
    return out


# Where a quotation's sentences part.
SENTENCE = re.compile(r"(?<=[.!?,])[\"\u201d]?\s+[\"\u201c]?(?=[A-Z])")


def _one_speaker(a: str, b: str) -> bool:
    """Whether two quotes' resolved speakers are one person: one surname, and no two different first names
    ("Ana Lind" / "Lind" are one; "Ana Lind" / "Per Lind" are two). A name two reports spell a letter or two
    apart is one person's ("Harriet Colwell" / "Harriet Colwill"): how it is spelt is a conflict of its own
    (:func:`newstrace.compare.across.spellings_across`)."""
    x, y = a.split(), b.split()
    if not _one_name(x[-1], y[-1]):
        return False
    return len(x) < 2 or len(y) < 2 or _one_name(x[0], y[0])


def _one_name(p: str, q: str) -> bool:
    """One word of a name, spelt alike or a letter or two apart."""
    return p == q or _letters_apart(p, q)


def _two_remarks(x: str, y: str) -> bool:
    """Whether two quotations are two remarks, not one quoted twice (the same words, or one cut shorter)."""
    wx, wy = _words(x), _words(y)
    if wx <= wy or wy <= wx or _said_words(x) == _said_words(y):
        return False
    # One statement quoted at two lengths, going on differently: '"It is a sad day, but not a surprising
    # one. Everyone here …"' / '"It is a sad day, but not a surprising one. We planned …"'.
    return not {_words(t) for t in SENTENCE.split(x) if len(t.split()) >= SPEAKER_QUOTE_WORDS} & {
        _words(t) for t in SENTENCE.split(y) if len(t.split()) >= SPEAKER_QUOTE_WORDS
    }
