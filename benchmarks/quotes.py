"""Benchmark quotes and attributions on benchmarks/gold/quotes.jsonl; textacy side by side on direct quotes.

    .venv/bin/python benchmarks/quotes.py

The gold set is hand-labelled: the example corpus, two short fictional articles written for it (their
text is in the gold file), and the two seed reports — those as offsets and labels only, read from
../shared (skipped when absent; a changed cleaning that moves the offsets is reported, not scored).

Scores: precision, recall and F1 of quote content spans (exact, and >= 50% overlap: the shared characters
are at least half of the longer span), speaker accuracy over overlap-matched quotes (names compared after
:func:`origin_key`; an anonymous gold speaker needs an anonymous prediction), the same for attributions of
reported facts (source accuracy), and milliseconds per article for quotes + attributions on one core.
textacy's ``direct_quotations`` runs on a blank English spaCy pipeline with a sentencizer: no trained
parser ships here, and it needs one for speakers, so its speaker column says what it can do without.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newstrace.annotate.attribution import extract_attributions
from newstrace.annotate.cues import origin_key
from newstrace.annotate.quotes import extract_quotes
from newstrace.config import make_options
from newstrace.ingest.clean import clean_article
from newstrace.ingest.read import read_file
from newstrace.model import Article, SourceRef

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "quotes.jsonl"
# Two spans match "by overlap" when their shared characters are at least this share of the longer one.
OVERLAP = 0.5
# Timing repeats: the median of five runs over all articles.
REPEATS = 5


@dataclass(frozen=True, slots=True)
class Item:
    """A gold or predicted span with its label (speaker or source)."""

    doc: str
    start: int
    end: int
    label: str
    kind: str


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall, F1 and label accuracy over matched items."""

    precision: float
    recall: float
    f1: float
    label_accuracy: float
    matched: int


def main() -> int:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = {r["doc"]: r["text"] for r in rows if "text" in r}
    gold_rows = [r for r in rows if "type" in r]
    articles: dict[str, Article] = {}
    skipped: list[str] = []
    for doc in dict.fromkeys(r["doc"] for r in gold_rows):
        article = _load(doc, extra)
        if article is None:
            skipped.append(f"{doc}: not found")
            continue
        sha = next((r.get("text_sha256") for r in gold_rows if r["doc"] == doc), None)
        if sha and hashlib.sha256(article.text.encode()).hexdigest() != sha:
            skipped.append(f"{doc}: cleaned text changed since the gold was labelled")
            continue
        articles[doc] = article
    gold_q = [_gold(r) for r in gold_rows if r["type"] == "quote" and r["doc"] in articles]
    gold_a = [_gold(r) for r in gold_rows if r["type"] == "attribution" and r["doc"] in articles]
    pred_q: list[Item] = []
    pred_a: list[Item] = []
    for doc, article in articles.items():
        quotes = extract_quotes(article.text, 1).quotes
        for q in quotes:
            label = "ANON" if q.anonymous else (q.speaker_name or "")
            pred_q.append(Item(doc, q.content.start, q.content.end, label, q.kind))
        for a in extract_attributions(article, quotes):
            if a.kind == "said" or (a.kind == "told" and not a.chain):
                continue  # speech: scored as quotes
            pred_a.append(Item(doc, a.content.start, a.content.end, a.source, a.kind))

    print(
        f"gold: {len(gold_q)} quotes, {len(gold_a)} attributions of reported facts, {len(articles)} articles"
    )
    for reason in skipped:
        print(f"  skipped {reason}")
    print()
    print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6} {'speaker/source acc':>19}")
    for name, gold, pred in (
        ("quotes", gold_q, pred_q),
        ("  direct", [g for g in gold_q if g.kind == "direct"], [p for p in pred_q if p.kind == "direct"]),
        (
            "  indirect",
            [g for g in gold_q if g.kind == "indirect"],
            [p for p in pred_q if p.kind == "indirect"],
        ),
        ("  mixed", [g for g in gold_q if g.kind == "mixed"], [p for p in pred_q if p.kind == "mixed"]),
        ("attributions", gold_a, pred_a),
    ):
        for mode, exact in (("exact", True), (">=50%", False)):
            print(_row(f"{name} {mode}", _score(gold, pred, exact)))
    textacy = _textacy(articles, [g for g in gold_q if g.kind == "direct"])
    if textacy is not None:
        for mode, score in textacy:
            print(_row(f"textacy direct {mode}", score))
    ms = _timing(list(articles.values()))
    print(f"\n{ms:.2f} ms per article (quotes + attributions, median of {REPEATS} runs, one core)")
    return 0


def _row(name: str, s: Score) -> str:
    return f"{name:28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.label_accuracy:19.3f}"


def _load(doc: str, extra: dict[str, str]) -> Article | None:
    if doc in extra:
        return clean_article(Article(extra[doc], SourceRef(doc, "text")))
    path, _, line = doc.partition("#")
    full = (ROOT / path).resolve()
    if not full.exists():
        return None
    found = [clean_article(a) for a in read_file(str(full), make_options()) if isinstance(a, Article)]
    return found[int(line) - 1 if line else 0]


def _gold(row: dict[str, object]) -> Item:
    label = str(row.get("speaker") or row.get("source") or "")
    return Item(str(row["doc"]), int(row["start"]), int(row["end"]), label, str(row["kind"]))  # type: ignore[call-overload]


def _score(gold: Sequence[Item], pred: Sequence[Item], exact: bool) -> Score:
    used: set[int] = set()
    matched = correct = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k in used or p.doc != g.doc or not _same(g, p, exact):
                continue
            used.add(k)
            matched += 1
            correct += _label_ok(g.label, p.label)
            break
    precision = matched / len(pred) if pred else 0.0
    recall = matched / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, correct / matched if matched else 0.0, matched)


def _same(g: Item, p: Item, exact: bool) -> bool:
    if exact:
        return (g.start, g.end) == (p.start, p.end)
    shared = min(g.end, p.end) - max(g.start, p.start)
    return shared > 0 and shared >= OVERLAP * max(g.end - g.start, p.end - p.start)


def _label_ok(gold: str, pred: str) -> bool:
    if gold == "ANON":
        return pred == "ANON"
    return bool(pred) and origin_key(gold) == origin_key(pred)


def _textacy(articles: dict[str, Article], gold: Sequence[Item]) -> list[tuple[str, Score]] | None:
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy not installed: pip install textacy")
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    pred: list[Item] = []
    refused = 0
    for doc_id, article in articles.items():
        doc = nlp(article.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy refuses a document with an odd number of quotation marks
            refused += 1
            continue
        for triple in triples:
            content = triple.content
            start, end = content[0].idx, content[-1].idx + len(content[-1].text)
            text = article.text
            while start < end and text[start] in '"“”':
                start += 1
            while end > start and text[end - 1] in '"“”':
                end -= 1
            speaker = " ".join(t.text for t in triple.speaker)
            pred.append(Item(doc_id, start, end, speaker, "direct"))
    print(f"textacy: blank English pipeline + sentencizer; refused {refused} of {len(articles)} articles")
    return [(mode, _score(gold, pred, exact)) for mode, exact in (("exact", True), (">=50%", False))]


def _timing(articles: Sequence[Article]) -> float:
    runs = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for article in articles:
            extract_attributions(article, extract_quotes(article.text, 1).quotes)
        runs.append((time.perf_counter() - t0) * 1000 / max(len(articles), 1))
    return sorted(runs)[len(runs) // 2]


if __name__ == "__main__":
    sys.exit(main())
