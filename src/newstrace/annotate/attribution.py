"""Where a reported fact came from: "according to X", "X reported", "reports X", "citing X", "via X",
"X confirmed", "told X", "state media", and credits of the whole article ("(With inputs from IANS)").

Each :class:`~newstrace.model.Attribution` links a content span to a source and, for chains, to the
source's own sources: "reported CNN citing Russian state news agency RIA" gives source CNN, chain (RIA
Novosti,). Speech is attributed too: every quote from :func:`newstrace.annotate.quotes.extract_quotes`
becomes a "said"/"told" attribution to its speaker — or, when it reached the article through a channel
("Watson told Yonhap News Agency"), to the channel with the speaker as its source.

Example:
    >>> from newstrace.model import Article, SourceRef
    >>> body = "The train reached Khasan, reported CNN citing Russian state news agency RIA."
    >>> a = Article("", SourceRef("x.txt", "text"), text=body, id=1)
    >>> [(x.source, x.chain) for x in extract_attributions(a)]
    [('CNN', ('RIA Novosti',))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.annotate.cues import canonical_source, origin_key, parse_mention
from newstrace.annotate.quotes import extract_quotes, mask_quotes
from newstrace.annotate.sentences import split_sentences
from newstrace.model import Article, Attribution, AttributionKind, Citation, Quote, Span

# A source name after "according to", "citing", "via", "by": up to the next comma or sentence end.
_SRC = r"(?P<src>(?:the\s+)?[^,.;:()]{2,80}?)"
# "According to X, content." (leading) — group "src", content after the comma.
ACCORDING_LEAD = re.compile(rf"^\s*According to {_SRC},\s+")
# "…, according to X." (trailing).
ACCORDING_TRAIL = re.compile(rf",?\s+according to {_SRC}\s*[.!?]?\s*$")
# "…, reported CNN citing state media." / "…, reports Yonhap News Agency." (inverted trailing).
REPORTED_INVERTED = re.compile(
    r",\s+(?P<verb>reported|reports|writes|wrote)\s+(?P<src>[A-Z][^,.;]{0,60}?)"
    r"(?:\s+citing\s+(?P<up>[^,.;]{2,80}?))?\s*[.!?]?\s*$"
)
# "…, CNN reported." / "…, CNN reported citing North Korean news agency KCNA."
REPORTED_TRAIL = re.compile(
    r",\s+(?P<src>[A-Z][^,.;]{0,60}?)\s+(?P<verb>reported|reports)"
    r"(?:\s*,?\s+citing\s+(?P<up>[^,.;]{2,80}?))?\s*[.!?]?\s*$"
)
# "X (also) reported that …" / "X confirmed early Tuesday that …" (leading; the source is the subject).
REPORTED_LEAD = re.compile(
    r"^(?P<pre>(?:[^,]{0,60},\s+)?)(?P<src>(?:[A-Z\"“][^,;]{0,80}?|the\s[^,;]{0,80}?))\s+"
    r"(?:also\s+|had\s+|has\s+)*(?P<verb>reported|reports|confirmed|confirms|announced)\b"
    r"(?:\s+[\w-]+){0,3}?\s+that\s+"
)
# "…, citing a railway source." anywhere after the content.
CITING = re.compile(r",?\s+citing\s+(?P<src>[^,.;]{2,80}?)(?=\s*[,.;!?]|\s*$)")
# "released by the North's state media", "as quoted by Nordwire", "via X".
VIA = re.compile(
    r"\b(?:released|published|carried|broadcast|shared|quoted|distributed)\s+by\s+(?P<src>(?:the\s+)?"
    r"(?:(?:[A-Z][\w'’\-]*\s+)*(?:state media|state television|state TV)"
    r"|[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*))"
    r"|\bvia\s+"
    r"(?P<src2>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)"
)
# Credit kinds that say where the whole copy came from (captions credit photos only).
CREDIT_KINDS = frozenset({"inputs_from", "agency_marker", "wire_dateline", "byline"})


def extract_attributions(article: Article, quotes: Sequence[Quote] | None = None) -> list[Attribution]:
    """Every attribution of one article: reported facts, speech, and credits.

    Args:
        article: a cleaned article (``text`` set); its ``id`` goes into every citation (0 if unset).
        quotes: its quotes, if already extracted (else :func:`extract_quotes` is run).

    Returns:
        Attributions in text order; credits of the whole article last.
    """
    text = article.text
    aid = article.id if article.id is not None else 0
    if quotes is None:
        quotes = extract_quotes(text, aid).quotes
    masked = mask_quotes(text)
    found: list[Attribution] = []
    for sent in split_sentences(text):
        found.extend(_sentence(text, masked, sent, aid))
    found = _merge_speech(found, quotes, article.outlet)
    for credit in article.credits:
        if credit.kind in CREDIT_KINDS and text.strip():
            body = Citation(aid, 0, len(text.rstrip()), text.rstrip())
            found.append(Attribution("credit", body, None, credit.source, credit=credit.text))
    return found


def _sentence(text: str, masked: str, sent: Span, aid: int) -> list[Attribution]:
    s = masked[sent.start : sent.end]
    b = sent.start
    out: list[Attribution] = []
    content = Span(sent.start, sent.end)
    upstream: list[tuple[str, Span]] = []
    cite = CITING.search(s)
    if cite:
        upstream.append(
            (text[b + cite.start("src") : b + cite.end("src")], Span(b + cite.start(), b + cite.end()))
        )
    m = ACCORDING_LEAD.match(s)
    if m:
        out.append(_make("according_to", text, aid, Span(b + m.end(), sent.end), Span(b, b + m.end()), m, b))
    m = ACCORDING_TRAIL.search(s)
    if m and not out:
        out.append(
            _make("according_to", text, aid, Span(b, b + m.start()), Span(b + m.start(), sent.end), m, b)
        )
    for pattern in (REPORTED_INVERTED, REPORTED_TRAIL):
        m = pattern.search(s)
        if m and _is_source(m.group("src")):
            chain = [m.group("up")] if m.group("up") else []
            att = _make(
                "reported", text, aid, Span(b, b + m.start()), Span(b + m.start(), sent.end), m, b, chain
            )
            out.append(att)
            upstream = [u for u in upstream if u[0] != m.group("up")]
            break
    m = REPORTED_LEAD.match(s)
    if m and _is_source(m.group("src")):
        kind: AttributionKind = "confirmed" if m.group("verb").startswith("confirm") else "reported"
        att = _make(kind, text, aid, Span(b + m.end(), sent.end), Span(b + m.start("src"), b + m.end()), m, b)
        if out and out[-1].kind == "reported":
            # "KCNA confirmed that …, reports Yonhap": Yonhap is the source, KCNA its source
            outer = out.pop()
            att = _chain(outer, att.source)
        out.append(att)
    for v in VIA.finditer(s):
        group = "src" if v.group("src") else "src2"
        span = Span(b + v.start(), b + v.end())
        out.append(_make("via", text, aid, content, span, v, b, group=group))
    if upstream:
        if out:
            out[-1] = _chain(out[-1], *[canonical_source(u[0]) for u in upstream])
        else:
            src, span = upstream[0]
            out.append(
                Attribution(
                    "citing",
                    _cite(text, aid, content),
                    _cite(text, aid, span),
                    canonical_source(src),
                    anonymous=parse_mention(src).kind == "anonymous",
                )
            )
    return [a for a in out if a.content.text.strip()]


def _merge_speech(found: list[Attribution], quotes: Sequence[Quote], outlet: str | None) -> list[Attribution]:
    """Speech becomes attribution; a quote inside a reported sentence joins that attribution's chain."""
    out = list(found)
    for quote in quotes:
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "unnamed source")
        speaker = canonical_source(speaker) if quote.speaker_name else speaker
        host = next(
            (
                i
                for i, a in enumerate(out)
                if a.kind in ("according_to", "reported", "via")
                and a.cue is not None
                and _overlaps(a.content, quote.content)
                and not a.chain
            ),
            None,
        )
        if host is not None and out[host].source != speaker:
            out[host] = _chain(out[host], speaker)
            continue
        kind: AttributionKind = "told" if quote.channel else "said"
        own = outlet and quote.channel and origin_key(quote.channel) in origin_key(outlet)
        if quote.channel and not own:
            att = Attribution(kind, quote.content, quote.cue, quote.channel, (speaker,))
        else:
            att = Attribution(kind, quote.content, quote.cue, speaker, anonymous=quote.anonymous)
        if quote.affiliation and quote.affiliation[:1].isupper():
            # a spokesperson or an anonymous official speaks for their organisation: it is the origin
            att = _chain(att, canonical_source(quote.affiliation))
        out.append(att)
    out.sort(key=lambda a: (a.content.start, a.cue.start if a.cue else 0))
    return out


def _make(
    kind: AttributionKind,
    text: str,
    aid: int,
    content: Span,
    cue: Span,
    m: re.Match[str],
    base: int,
    chain: Sequence[str] = (),
    group: str = "src",
) -> Attribution:
    src = text[base + m.start(group) : base + m.end(group)]
    mention = parse_mention(src)
    content = _strip(text, content)
    name = mention.name if mention.kind == "person" and mention.name else src
    return Attribution(
        kind,
        _cite(text, aid, content),
        _cite(text, aid, _strip(text, cue)),
        canonical_source(name),
        tuple(canonical_source(c) for c in chain),
        anonymous=mention.kind == "anonymous",
    )


def _chain(att: Attribution, *more: str) -> Attribution:
    from dataclasses import replace

    chain = tuple(att.chain) + tuple(m for m in more if m and m != att.source and m not in att.chain)
    return replace(att, chain=chain)


def _is_source(phrase: str) -> bool:
    words = phrase.split()
    return 0 < len(words) <= 10 and parse_mention(phrase).kind != "other"


def _overlaps(a: Citation, b: Citation) -> bool:
    return a.start < b.end and b.start < a.end


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " ,;:\n":
        start += 1
    while end > start and text[end - 1] in " ,;:.\n":
        end -= 1
    return Span(start, end)


def _cite(text: str, aid: int, span: Span) -> Citation:
    return Citation(aid, span.start, span.end, text[span.start : span.end])
