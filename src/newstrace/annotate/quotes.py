"""Who said what: direct, indirect and mixed quotes with their speakers, from one article's cleaned text.

The method, in order:

1. pair quotation marks paragraph by paragraph (straight ``"`` toggles, curly ``“ ”`` open and close); a
   paragraph left open continues only when the next paragraph opens with a mark (the newswire convention
   for a quote of several paragraphs); any other imbalance refuses the paragraph's direct quotes and
   records why (:attr:`QuoteScan.refusals`) — a wrong speaker is worse than a missing quote;
2. find the cue clause of each sentence, with the quoted words masked so a verb inside a quote is never a
   cue: trailing (``…, the coast guard said.``), inverted (``…, said Jonas Eklund, a teacher``) or leading
   (``Jeon Ha-kyou, a spokesperson at …, gave an assessment that …``);
3. a quoted segment next to a cue is a *direct* quote; one inside a leading clause is *mixed* (``Sullivan
   said the negotiations are "actively advancing"``); a segment right after an attributed one in the same
   paragraph continues it (``"…," Salvesen said. "Our priority …"``); a sentence with a cue and no quote is
   *indirect*; quoted names and scare quotes without a cue are not quotes;
4. resolve speakers in text order with :class:`SpeakerResolver`: pronouns to the last person speaker,
   surnames to the full name introduced earlier, definite descriptions ("the ministry", "the
   spokesperson") to the last organisation or person they describe. Anonymous sources stay anonymous.

Single quotation marks are not read: in news they are apostrophes far more often than quotes.

Example:
    >>> scan = extract_quotes('"We will rebuild," Mayor Ana Lind said. She added that work starts soon.', 1)
    >>> [(q.kind, q.speaker_name, q.content.text) for q in scan.quotes]
    [('direct', 'Ana Lind', 'We will rebuild,'), ('indirect', 'Ana Lind', 'work starts soon')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from newstrace.annotate.cues import (
    AUDIENCES,
    BETWEEN,
    CLAUSE_WORDS,
    CUE_VERBS,
    OPENING_ADVERBS,
    REPORTING_VERBS,
    canonical_source,
    parse_mention,
)
from newstrace.annotate.sentences import split_sentences
from newstrace.annotate.speakers import SpeakerResolver
from newstrace.model import Citation, Quote, QuoteKind, Span

# Quotation marks read as such (single quotes are apostrophes too often to count).
QUOTE_MARK = re.compile(r"[\"“”]")
# Words allowed in a speaker phrase even after a comma-free name: "at", "of", "for" join affiliations.
# A leading cue: "<speaker> [adverbs] <verb>" (group "verb"); the speaker is read from what precedes.
LEAD_CUE = re.compile(rf"\s+{BETWEEN}(?P<verb>{CUE_VERBS})\b")
# A trailing cue after a comma or a closing mark: "…, the coast guard said." / "…alive," Salvesen said.
TRAIL_CUE = re.compile(
    rf"(?:,|[,.?!]?[\"”])\s+(?P<speaker>[^,;:\"“”]{{1,90}}?),?\s+{BETWEEN}(?P<verb>{CUE_VERBS})\b"
    r"(?P<rest>[^.;!?\"“”]*?)\s*(?:[.;!?]|,\s|$)"
)
# An inverted trailing cue: "…, said Jonas Eklund, a teacher from Kessa." / "…, reported CNN citing …".
INVERTED_CUE = re.compile(
    r"(?:,|[,.?!]?[\"”])\s+(?P<verb>said|says|added|adds|wrote|writes|reported|reports|told|asked)\s+"
    r"(?P<speaker>[A-Za-z\u00c0-\u017f][^;\"“”]*?)\s*[.!?]?\s*$"
)
# What follows "told": the audience or channel, then an optional "that".
TOLD_OBJECT = re.compile(
    r"^\s+(?P<object>(?:the\s+)?(?:[\w'’\-]+\s+){0,6}?[\w'’\-]+?)(?=\s+that\b|\s+when\b|\s+in\b|\s+at\b|"
    r"\s+on\b|\s+(?:he|she|they|it|we|I)\s|,|\.|:|$)"
)
# A channel inside the cue's tail: "said in an interview with ETV Nord", "as quoted by Nordwire".
CHANNEL = re.compile(
    r"\b(?:in an interview with|in remarks to|speaking to|as quoted by|quoted by|told)\s+(?:the\s+)?"
    r"(?P<channel>(?:[a-z]+\s+){0,2}[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"
)
# A trailing cue's tail is short ("told reporters at the harbour", "said by telephone from the hospital");
# longer, and the words after the verb are a clause of their own.
TRAIL_REST_WORDS = 10
# Content before a trailing cue has at least this many words ("Ten people are still missing, …"); shorter,
# and it is a sentence adverb ("Meanwhile, X said …") before a leading cue.
TRAIL_MIN_WORDS = 3
# Where a trailing cue's tail stops being part of the cue: "told Yonhap when asked to comment …".
REST_STOP = re.compile(r"\s+(?:when|as|after|while|because|before|adding|saying)\b")
# A source named at the end of a reported clause: "…, according to TASS." / "…, reported CNN."
TAIL_ATTRIBUTION = re.compile(
    r",?\s+(?:according to|reported|reports|citing|as quoted by|via)\s+[^,]*?[.!?]?\s*$"
)
# What may follow a trailing cue verb other than "told": a prepositional or adverbial tail ("said in a
# statement", "said by telephone", "said on Tuesday", "said here Friday", as wire copy writes it);
# anything else starts reported speech of its own.
TRAIL_TAIL = re.compile(
    r"\s+(?:in|at|on|by|from|during|after|before|when|while|as|late|earlier|later|today|yesterday|last|this|"
    r"via|through|with|to|shortly|afterwards|again|also|separately|privately|publicly|here|tonight|"
    r"overnight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
WORD_RUN = re.compile(r"[\w'’\-]+")
# A sentence opening with a phrase of time, place or condition rather than its subject.
ADVERBIAL_OPENING = re.compile(
    r"(?:at|by|in|on|after|before|when|while|since|during|within|until|if|once|as|for|from|over)\b",
    re.IGNORECASE,
)
# A closing mark, then an appositive before the trailing speaker: '…," the hospital's director, Dr. X'.
CLOSED_BEFORE = re.compile(r"[\"”]\s+(?P<appos>[^\"“”.!?]{0,80}),?\s*$")
# "that" opening reported speech, skipped in the content span with what stands between the verb and it
# ("said in a statement that", "said here on Friday that"), and a day before a subject without "that".
_DAY_AFTER_VERB = (
    r"(?:(?:here|late|early)\s+)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
THAT = re.compile(
    r"^\s*(?:(?:in a (?:statement|memo|letter|post|message)|on social media|in an interview(?: with [^,]*?)?"
    rf"|{_DAY_AFTER_VERB})(?:\s+to\s+[\w\s]{{1,40}}?)?\s+(?=that\b)"
    # "said Thursday the actress checked in": the day, then a subject without "that"
    rf"|{_DAY_AFTER_VERB}\s+(?=(?:the|a|an|it|he|she|they|we|there|his|her|its|their)\s))?(?:that\s+)?"
)
# A colon between a leading cue and the quotation it opens: 'At the meeting she said: "We had to choose…"'.
COLON_QUOTE = re.compile(r"\s*:\s*(?=[\"\u201c])")
# A quoted run that is a name or title, not speech: two to five capitalised words, no end punctuation.
QUOTED_NAME = re.compile(r"^(?:[A-Z][\w'’\-]*\s*){1,5}$")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A paragraph whose direct quotes were not read, and why."""

    start: int
    end: int
    reason: str


@dataclass(slots=True)
class QuoteScan:
    """The quotes found in one article, and the paragraphs refused for unbalanced quotation marks."""

    quotes: list[Quote] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue clause found in a sentence: the speaker phrase, the cue words and the reported content.

    Offsets index the article text; ``content`` is ``None`` when the clause reports nothing itself (a
    trailing "Jeon told reporters." after a direct quote).
    """

    form: str  # "lead", "trail", "inverted"
    verb: str
    speaker: Span
    cue: Span
    content: Span | None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class _Segment:
    """Quoted words between marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open: int
    close: int


def extract_quotes(text: str, article_id: int = 0) -> QuoteScan:
    """Find the direct, indirect and mixed quotes of one article and resolve their speakers.

    Args:
        text: the article's cleaned text.
        article_id: the id written into every :class:`~newstrace.model.Citation`.

    Returns:
        A :class:`QuoteScan`: the quotes in text order, and one :class:`Refusal` per paragraph whose
        quotation marks do not balance (its direct quotes are left out; indirect speech is still read).
    """
    scan = QuoteScan()
    segments = _segments(text, scan.refusals)
    masked = _mask(text, segments)
    resolver = SpeakerResolver()
    used: set[_Segment] = set()
    last_direct: tuple[Quote, int] | None = None  # the last attributed direct quote and its paragraph end
    for sent in split_sentences(text):
        if any(r.start < sent.end and sent.start < r.end for r in scan.refusals):
            continue  # a stray mark makes every cue of the paragraph a guess
        in_sentence = [s for s in segments if s.open < sent.end and s.close >= sent.start and s not in used]
        resolver.note_subject(text, sent)
        cue = find_cue(text, masked, sent)
        if cue is None:
            # A quote continuing the previous one in the same paragraph: "…," X said. "More words."
            for seg in in_sentence:
                if last_direct and seg.open < last_direct[1] and _is_speech(text, seg):
                    prev = last_direct[0]
                    scan.quotes.append(_quote(text, article_id, "direct", seg, prev.cue, prev))
                    used.add(seg)
            continue
        mention = parse_mention(text[cue.speaker.start : cue.speaker.end])
        if cue.verb in ("reported", "reports") or (cue.verb in REPORTING_VERBS and mention.kind != "person"):
            continue  # a reported fact, not speech: annotate/attribution.py reads it
        name = resolver.resolve(mention)
        affiliation = mention.affiliation or resolver.affiliations.get(name or "")
        cue_cite = _cite(text, article_id, cue.cue)
        speaker_cite = _cite(text, article_id, cue.speaker)
        attached = [s for s in in_sentence if _attached(s, cue)]
        inside = [
            s
            for s in in_sentence
            if cue.content and cue.content.start <= s.open and s.close < cue.content.end
        ]
        base = Quote(
            kind="indirect",
            content=cue_cite,
            cue=cue_cite,
            speaker=speaker_cite,
            speaker_name=name,
            anonymous=mention.kind == "anonymous",
            channel=cue.channel,
            affiliation=affiliation,
        )
        if attached:
            for seg in attached:
                quote = _quote(text, article_id, "direct", seg, cue_cite, base)
                scan.quotes.append(quote)
                used.add(seg)
            last_direct = (scan.quotes[-1], _paragraph_end(text, sent.end))
            # words after the cue in the same sentence: "…," she said, "and more."
            for seg in in_sentence:
                if seg not in used and seg.open > cue.cue.end and _is_speech(text, seg):
                    scan.quotes.append(_quote(text, article_id, "direct", seg, cue_cite, base))
                    used.add(seg)
            continue
        if cue.content is None:
            continue
        kind: QuoteKind = "mixed" if inside else "indirect"
        used.update(inside)
        content = _cite(text, article_id, cue.content)
        scan.quotes.append(_replace(base, kind=kind, content=content))
        # A quotation standing alone after a named person's reported speech goes on from it: 'Corrigan
        # said the temperature had not been her biggest problem. "The cold never bothered me."'
        named = name is not None and mention.kind in ("person", "pronoun")
        last_direct = (scan.quotes[-1], _paragraph_end(text, sent.end)) if named else None
    scan.quotes.sort(key=lambda q: (q.content.start, q.content.end))
    return scan


def find_cue(text: str, masked: str, sent: Span) -> Cue | None:
    """The cue clause of one sentence, or None.

    Args:
        text: the article text.
        masked: the same text with quoted words masked (:func:`mask_quotes`), so cues inside quotes are
            not read.
        sent: the sentence.

    Returns:
        The first trailing, inverted or leading cue whose speaker phrase reads as a speaker.
    """
    s = masked[sent.start : sent.end]
    base = sent.start
    for match in _overlapping(TRAIL_CUE, s):
        speaker = match.group("speaker")
        before = s[: match.start()]
        quoted_before = (
            before.rstrip().endswith(("x", '"', "”")) and '"' in s[: match.end()] or "”" in s[: match.end()]
        )
        rest_words = match.group("rest")
        early = REST_STOP.search(rest_words)
        rest_words = rest_words[: early.start()] if early else rest_words
        if re.match(r"\s+that\b", rest_words) or (
            match.group("verb") not in ("told", "tells")
            and rest_words.strip()
            and not TRAIL_TAIL.match(rest_words)
        ):
            continue  # "…, a spokesperson at X, gave an assessment that …": a leading cue's appositive
        if not _speakerlike(speaker) or len(rest_words.split()) > TRAIL_REST_WORDS:
            continue
        if len(before.split()) < TRAIL_MIN_WORDS and not quoted_before:
            continue  # "Meanwhile, X said …" is a leading cue, not a trailing one
        sp_start = base + match.start("speaker")
        after_mark = CLOSED_BEFORE.search(before + match.group(0)[: match.start("speaker") - match.start()])
        if after_mark:
            sp_start = base + after_mark.start("appos")
            speaker = s[after_mark.start("appos") : match.end("speaker")]
        rest = match.group("rest")
        stop = REST_STOP.search(rest)
        rest_end = base + (match.start("rest") + stop.start() if stop else match.end("rest"))
        content_end = base + match.start()
        following = s[match.end() :]
        if (
            match.group(0).rstrip().endswith(",")
            and ADVERBIAL_OPENING.match(s[_lead_skip(s[: match.start()]) :])
            and len(WORD_RUN.findall(following)) >= TRAIL_MIN_WORDS
            and not REST_STOP.match(" " + following.lstrip())
        ):
            # A cue after an opening phrase of time or condition ("At one time, Owen said, firefighters
            # were pouring …"): the clause said comes after it, so the content is the whole sentence.
            content_end = base + len(s.rstrip())
        content_start = base + _lead_skip(s[: match.start()])
        content: Span | None = None
        if content_end > content_start and not after_mark and not _closes_quote(match.group(0)):
            content = _trim(text, content_start, content_end)
        return Cue(
            "trail",
            match.group("verb"),
            Span(sp_start, sp_start + len(speaker)),
            Span(base + match.start("verb"), rest_end),
            content,
            _channel(text[base + match.start("verb") : rest_end]),
        )
    inv = INVERTED_CUE.search(s)
    if inv:
        speaker = inv.group("speaker")
        cut = re.search(r"\s+(?:citing|according to|via|as|when|who)\b", speaker)
        if cut and inv.group("verb") in ("reported", "reports"):
            speaker = speaker[: cut.start()]
        head = speaker.split(",")[0]
        if _speakerlike(head):
            sp_start = base + inv.start("speaker")
            content_end = base + inv.start()
            content_start = base + _lead_skip(s[: inv.start()])
            content = (
                _trim(text, content_start, content_end)
                if s[: inv.start()].strip() and not _closes_quote(inv.group(0))
                else None
            )
            return Cue(
                "inverted",
                inv.group("verb"),
                Span(sp_start, sp_start + len(speaker)),
                Span(base + inv.start("verb"), base + inv.end("verb")),
                content,
            )
    for match in LEAD_CUE.finditer(s):
        prefix = s[: match.start()]
        offset = _speaker_start(prefix)
        if offset is None:
            continue
        verb = match.group("verb")
        after = match.end()
        channel = None
        cue_end = after
        if verb in ("told", "tells"):
            obj = TOLD_OBJECT.match(s[after:])
            if obj:
                cue_end = after + obj.end()
                if not AUDIENCES.match(obj.group("object")):
                    channel = canonical_source(obj.group("object"))
        rest = s[cue_end:]
        # "Ana Lind said: "We will rebuild."": a colon opens the words said as "that" does.
        skip = COLON_QUOTE.match(rest) or THAT.match(rest)
        content_start = cue_end + (skip.end() if skip else 0)
        content = None
        if len(s[content_start:].strip(" .")) > 0 and re.match(r"\s*\w|\s*[\"“]", s[content_start:]):
            tail = TAIL_ATTRIBUTION.search(s, content_start)
            content_end = tail.start() if tail else len(s.rstrip())
            content = _trim(text, base + content_start, base + content_end)
        return Cue(
            "lead",
            verb,
            Span(base + offset, base + len(prefix.rstrip())),
            Span(base + match.start("verb"), base + cue_end),
            content,
            channel,
        )
    return None


def _overlapping(pattern: re.Pattern[str], s: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` at every comma or quotation mark, overlapping ones included."""
    for i, ch in enumerate(s):
        if ch in ',.?!"”':
            match = pattern.match(s, i)
            if match:
                yield match


def mask_quotes(text: str) -> str:
    """``text`` with the words inside balanced quotation marks replaced by ``x`` (same length)."""
    return _mask(text, _segments(text, []))


def _segments(text: str, refusals: list[Refusal]) -> list[_Segment]:
    """Pair quotation marks paragraph by paragraph; record paragraphs that do not balance."""
    out: list[_Segment] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carry: int | None = None  # the opening mark of a quote running on from the previous paragraph
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text, p_start, p_end)]
        if carry is not None and marks and marks[0][0] == _skip_space(text, p_start):
            marks = marks[1:]  # the continuation mark reopens the carried quote
        else:
            carry = None
        opened = carry
        para: list[_Segment] = []
        bad = None
        for pos, mark in marks:
            if mark == "“" or (mark == '"' and opened is None):
                if opened is not None:
                    bad = f"an opening quotation mark at {pos} inside a quote opened at {opened}"
                    break
                opened = pos
            else:
                if opened is None:
                    bad = f"a closing quotation mark at {pos} with no opening mark"
                    break
                para.append(_Segment(opened + 1, pos, opened, pos))
                opened = None
        carry = None
        if bad is None and opened is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt and text[_skip_space(text, nxt[0])] in '"“':
                carry = opened  # continues in the next paragraph; closed there
                continue
            bad = f"a quotation mark opened at {opened} is never closed"
        if bad is not None:
            refusals.append(Refusal(p_start, p_end, f"unbalanced quotation marks: {bad}"))
            continue
        out.extend(para)
    return out


def _mask(text: str, segments: list[_Segment]) -> str:
    chars = list(text)
    for seg in segments:
        for k in range(seg.start, seg.end):
            if chars[k] != "\n":
                chars[k] = "x"
    return "".join(chars)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) - 1 and text[pos].isspace():
        pos += 1
    return pos


def _speakerlike(phrase: str) -> bool:
    words = re.findall(r"[\w'’\-]+", phrase)
    if not words or len(words) > 12:
        return False
    if any(w.lower() in CLAUSE_WORDS for w in words) and not re.search(r"\b(?:at|of|for)\b", phrase):
        return False
    if any(w.lower() in CLAUSE_WORDS - {"in", "on", "by", "last"} for w in words):
        return False
    mention = parse_mention(phrase)
    return mention.kind != "other"


def _speaker_start(prefix: str) -> int | None:
    """Where the speaker phrase before a leading cue starts, trying the longest comma suffix first."""
    body = prefix.rstrip()
    if not body:
        return None
    starts = [0] + [m.end() for m in re.finditer(r"[,;]\s+", body)]
    for start in starts:
        phrase = body[start:]
        opened = _after_opening(phrase)
        if opened is not None:
            phrase, start = phrase[opened:], start + opened
        if phrase.strip() and _appositive_ok(phrase) and parse_mention(phrase).kind != "other":
            return start
    return None


# Words after which a speaker opens once an adverbial opening has run ("At the meeting she said",
# "On Tuesday the council said").
SUBJECT_OPENERS = frozenset({"he", "she", "they", "we", "i", "the", "a", "an"})
# A participle opening a sentence before its speaker: "Speaking on the slipway, Corrigan said".
PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\s")
# Prepositions whose phrase may open a sentence before its speaker without a comma ("At the meeting she
# said"); "as", "when", "if" and the like open a clause instead.
OPENING_PREPOSITIONS = frozenset({"at", "in", "on", "during", "within", "after", "by", "from", "over"})
# Adverbs of time, and the conjunctions, that open a sentence before its speaker ("Later Ana Lind said", "But
# Ana Lind told the Courier"), besides OPENING_ADVERBS.
LEAD_WORDS = frozenset(
    {"later", "earlier", "afterwards", "meanwhile", "today", "yesterday", "tonight", "but", "and"}
)


def _after_opening(phrase: str) -> int | None:
    """Where the speaker starts after an adverbial opening set off by no comma, or ``None`` when the phrase
    opens with none: "Later Ana Lind" → "Ana Lind"; "At the meeting she" → "she"; "On Tuesday the
    council" → "the council"; "In a statement Ana Lind" → "Ana Lind" (a capital after a lower-case word)."""
    words = list(re.finditer(r"\S+", phrase))
    if len(words) < 2 or "," in phrase:
        return None
    first = words[0].group().lower()
    if first in OPENING_ADVERBS or first in LEAD_WORDS:
        more = _after_opening(phrase[words[1].start() :])  # "Then at the meeting she"
        return words[1].start() + (more or 0)
    if first not in OPENING_PREPOSITIONS:
        return None  # "As both countries confirmed …": a clause, not a phrase, opens the sentence
    for before, word in zip(words[1:], words[2:], strict=False):
        w = word.group()
        if w.lower() in SUBJECT_OPENERS or (w[0].isupper() and before.group()[0].islower()):
            return word.start()
    return None


def _appositive_ok(phrase: str) -> bool:
    """Each comma part of a speaker phrase is short and free of clause words."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if len(parts) > 3:
        return False
    first = parts[0]
    opening = first.lower() in OPENING_ADVERBS or ADVERBIAL_OPENING.match(first) or PARTICIPLE.match(first)
    if opening and len(parts) > 1:
        # "Still, Gray's sister said …", "In a statement, the council said …": the speaker starts after
        # the comma
        return False
    if not _speakerlike(first) and parse_mention(first).kind in ("other",):
        return False
    for part in parts:
        words = re.findall(r"[\w'’\-]+", part)
        if len(words) <= 14 and part.startswith(("who ", "which ", "speaking ")) and part is not parts[0]:
            continue  # "Erik Dahl, who watched the rescue from the tower, told …"
        if len(words) > 14 or any(w.lower() in CLAUSE_WORDS - {"in", "on", "by"} for w in words):
            return False
    return True


def _closes_quote(cue_text: str) -> bool:
    """A cue match that starts at a closing quotation mark: the quote before it is direct speech."""
    return bool(re.match(r"^[,.?!]?[\"”]", cue_text))


def _lead_skip(prefix: str) -> int:
    """Skip leading whitespace of a sentence."""
    return len(prefix) - len(prefix.lstrip())


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return Span(start, end)


def _channel(tail: str) -> str | None:
    m = CHANNEL.search(tail)
    if not m or AUDIENCES.match(m.group("channel")):
        return None
    return canonical_source(m.group("channel"))


def _attached(seg: _Segment, cue: Cue) -> bool:
    """A quoted segment that the cue introduces or closes (only spaces and punctuation between)."""
    if cue.form in ("trail", "inverted") and seg.close < cue.speaker.start and cue.content is None:
        return True
    return (
        cue.form == "lead"
        and cue.content is not None
        and cue.content.start == seg.open
        and (cue.content.end >= seg.close - 1)
    )


def _is_speech(text: str, seg: _Segment) -> bool:
    inner = text[seg.start : seg.end].strip()
    return len(inner.split()) >= 3 and not QUOTED_NAME.match(inner)


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _cite(text: str, article_id: int, span: Span) -> Citation:
    return Citation(article_id, span.start, span.end, text[span.start : span.end])


def _quote(text: str, article_id: int, kind: QuoteKind, seg: _Segment, cue: Citation, base: Quote) -> Quote:
    content = _cite(text, article_id, Span(seg.start, seg.end))
    return _replace(base, kind=kind, content=content, cue=cue)


def _replace(quote: Quote, **changes: object) -> Quote:
    from dataclasses import replace

    return replace(quote, **changes)  # type: ignore[arg-type]
