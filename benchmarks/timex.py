"""Time expressions on the TempEval-3 training data (TimeBank + AQUAINT, TimeML): newstrace beside
dateparser and ctparse.

    .venv/bin/python benchmarks/timex.py [../shared/data/tempeval3_train] [--errors N]

Two tables: the TempEval-3 training data (in-sample: the rules were checked against it while written),
then the project's own held-out gold, one table per file: ``benchmarks/gold/timex_heldout.jsonl``
(sentences about invented events, each with its reference date and every expected extent, type and
value; written before the value-accuracy rule changes, though some later fixes were made while its
errors were on screen) and ``timex_heldout_b.jsonl`` (written after those, before any further change, and
not looked at until the end).

For every ``.tml`` file: the text inside ``<TEXT>`` with its TIMEX3 tags taken out (their offsets kept
as gold), the document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) as the
reference date. Each system tags the same text against the same reference date.

Scores (TempEval-3 style): extraction precision / recall / F1, strict (same extent) and relaxed (extents
overlap); value accuracy = correct values among relaxed matches (exact strings); "value ≡" counts values
that differ only in notation as correct too (TimeBank writes one value several ways: ``1949-XX`` and
``1949``, ``2000-W2`` and ``2000-W02``, ``199X`` and ``199``); type accuracy likewise.

dateparser (``search_dates``) and ctparse (one parse per sentence) are baselines only: install them into
the virtualenv for this script (``pip install dateparser ctparse``); they are not runtime dependencies.
Their values are written in the TimeML forms they can express (a day, a time, a month). The gold data
has no license: it is read, never copied or learned from.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3_train"
HELDOUT = (
    Path(__file__).resolve().parent / "gold" / "timex_heldout.jsonl",
    Path(__file__).resolve().parent / "gold" / "timex_heldout_b.jsonl",
)
# One TIMEX3 element (never nested in TimeML) and any other tag.
TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
# Unspecified trailing parts of a calendar value: "1949-XX", "1998-XX-XX", and the decade "199X".
UNSPECIFIED_TAIL = re.compile(r"^(\d{3,4})(?:X|(?:-XX)+)$")
# A one-digit ISO week: "2000-W2".
SHORT_WEEK = re.compile(r"-W(\d)(?=$|-)")
# Sentence ends for ctparse, which resolves one expression per input string.
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: extent in the document's plain text, TimeML type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    text: str
    dct: date
    gold: tuple[Timex, ...]


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    value_eq: int = 0
    type: int = 0
    seconds: float = 0.0

    def row(self, name: str) -> str:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.found if self.found else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = f1(self.strict)
        rp, rr, rf = f1(self.relaxed)
        va = self.value / self.relaxed if self.relaxed else 0.0
        ve = self.value_eq / self.relaxed if self.relaxed else 0.0
        ta = self.type / self.relaxed if self.relaxed else 0.0
        return (
            f"| {name} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {rp:.3f} | {rr:.3f} | {rf:.3f} | {va:.3f} | "
            f"{ve:.3f} | {ta:.3f} | {self.seconds:.1f} |"
        )


def read_docs(root: Path) -> list[Doc]:
    docs = []
    for path in sorted(root.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_value = next(
            dict(ATTR.findall(m.group(1)))["value"]
            for m in TIMEX.finditer(raw)
            if 'functionInDocument="CREATION_TIME"' in m.group(1)
        )
        block = TEXT_BLOCK.search(raw)
        if block is None:
            continue
        body = block.group(1)
        text: list[str] = []
        gold: list[Timex] = []
        pos = 0
        length = 0
        for m in TIMEX.finditer(body):
            before = _unescape(TAG.sub("", body[pos : m.start()]))
            text.append(before)
            length += len(before)
            inner = _unescape(TAG.sub("", m.group(2)))
            attrs = dict(ATTR.findall(m.group(1)))
            gold.append(Timex(length, length + len(inner), attrs.get("type", ""), attrs.get("value", "")))
            text.append(inner)
            length += len(inner)
            pos = m.end()
        text.append(_unescape(TAG.sub("", body[pos:])))
        docs.append(Doc(path.stem, "".join(text), date.fromisoformat(dct_value[:10]), tuple(gold)))
    return docs


def read_heldout(path: Path) -> list[Doc]:
    """One document per JSONL line: ``reference`` (ISO date), ``text``, ``timexes`` (text, type, value).

    Each expected expression is located by its first occurrence in the text after the previous one, so
    the gold names extents by their words, not by offsets that an edit of the sentence would break.
    """
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        gold: list[Timex] = []
        pos = 0
        for item in row["timexes"]:
            start = row["text"].find(item["text"], pos)
            if start < 0:
                raise ValueError(f"{path.name} line {number}: {item['text']!r} is not in the text")
            gold.append(Timex(start, start + len(item["text"]), item["type"], item["value"]))
            pos = start + len(item["text"])
        gold.sort(key=lambda t: t.start)
        docs.append(
            Doc(f"{path.stem}-{number}", row["text"], date.fromisoformat(row["reference"]), tuple(gold))
        )
    return docs


def same_notation(value: str) -> str:
    """One spelling per TimeML value.

    ``1949-XX`` → ``1949``, ``199X`` → ``199``, ``2000-W2`` → ``2000-W02``; anything else unchanged.
    """
    value = SHORT_WEEK.sub(lambda m: f"-W0{m[1]}", value)
    tail = UNSPECIFIED_TAIL.match(value)
    return tail[1] if tail else value


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def newstrace_tagger(doc: Doc) -> list[Timex]:
    from newstrace.annotate.time import extract_times

    return [Timex(t.start, t.end, t.type, t.value) for t in extract_times(doc.text, doc.dct)]


def _value_of(moment: datetime, text: str) -> tuple[str, str]:
    """A TimeML value for a baseline's datetime: a time when the text names one, else the day."""
    if re.search(r"\d:\d\d|a\.m\.|p\.m\.|noon|midnight", text, re.IGNORECASE):
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if re.fullmatch(r"(?:19|20)\d\d", text.strip()):
        return "DATE", f"{moment.year:04d}"
    return "DATE", moment.date().isoformat()


def dateparser_tagger(doc: Doc) -> list[Timex]:
    from dateparser.search import search_dates

    base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[Timex] = []
    pos = 0
    for surface, moment in found:
        start = doc.text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        kind, value = _value_of(moment, surface)
        out.append(Timex(start, start + len(surface), kind, value))
    return out


def ctparse_tagger(doc: Doc) -> list[Timex]:
    from ctparse import ctparse
    from ctparse.types import Interval, Time

    base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    out: list[Timex] = []
    for sentence in SENTENCE.finditer(doc.text):
        if not sentence.group().strip():
            continue
        parse = ctparse(sentence.group(), ts=base, timeout=0.5)
        if parse is None or parse.resolution is None:
            continue
        res = parse.resolution
        start, end = sentence.start() + res.mstart, sentence.start() + res.mend
        moment = res.t_from if isinstance(res, Interval) else res
        if not isinstance(moment, Time) or moment is None:
            continue
        if moment.year and moment.month and moment.day:
            value = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
            if moment.hour is not None:
                value += f"T{moment.hour:02d}:{moment.minute or 0:02d}"
        elif moment.year and moment.month:
            value = f"{moment.year:04d}-{moment.month:02d}"
        elif moment.year:
            value = f"{moment.year:04d}"
        else:
            value = "X"
        out.append(Timex(start, end, "TIME" if "T" in value else "DATE", value))
    return out


def score(docs: list[Doc], tagger: Callable[[Doc], list[Timex]], errors: list[str] | None = None) -> Score:
    total = Score()
    began = time.perf_counter()
    for doc in docs:
        found = tagger(doc)
        total.gold += len(doc.gold)
        total.found += len(found)
        used: set[int] = set()
        for g in doc.gold:
            match = next(
                (k for k, t in enumerate(found) if k not in used and t.start < g.end and g.start < t.end),
                None,
            )
            if match is None:
                if errors is not None:
                    errors.append(f"MISS {doc.name}: {doc.text[g.start : g.end]!r} {g.type} {g.value}")
                continue
            used.add(match)
            t = found[match]
            total.relaxed += 1
            total.strict += (t.start, t.end) == (g.start, g.end)
            total.value += t.value == g.value
            total.value_eq += same_notation(t.value) == same_notation(g.value)
            total.type += t.type == g.type
            if errors is not None and t.value != g.value:
                errors.append(
                    f"VALUE {doc.name} ({doc.dct}): {doc.text[t.start : t.end]!r} {t.value} "
                    f"gold {doc.text[g.start : g.end]!r} {g.value}"
                )
        if errors is not None:
            for k, t in enumerate(found):
                if k not in used:
                    errors.append(f"EXTRA {doc.name}: {doc.text[t.start : t.end]!r} {t.value}")
    total.seconds = time.perf_counter() - began
    return total


def table(title: str, docs: list[Doc], with_baselines: bool, errors: list[str]) -> None:
    """Print one table: newstrace, then (unless skipped) dateparser and ctparse on the same documents."""
    print(f"{title}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold time expressions\n")
    print(
        "| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc "
        "| value ≡ | type acc | s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(score(docs, newstrace_tagger, errors).row("newstrace"))
    if with_baselines:
        for name, tagger in (("dateparser", dateparser_tagger), ("ctparse", ctparse_tagger)):
            try:
                print(score(docs, tagger).row(name))
            except ImportError as exc:
                print(f"| {name} | not installed: {exc} |")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--heldout", type=Path, nargs="*", default=list(HELDOUT), help="the project's own held-out gold files"
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many of newstrace's errors")
    parser.add_argument(
        "--heldout-errors", action="store_true", help="print newstrace's errors on the held-out gold"
    )
    parser.add_argument("--only-newstrace", action="store_true", help="skip the baselines")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no TimeML data at {args.data}", file=sys.stderr)
        return 1
    errors: list[str] = []
    # DCT excluded: the creation time is the reference date, not an expression to find.
    table("TempEval-3 training data (in-sample)", read_docs(args.data), not args.only_newstrace, errors)
    heldout_errors: list[str] = []
    for path in args.heldout:
        table(
            f"Held-out gold {path.name} (own sentences)",
            read_heldout(path),
            not args.only_newstrace,
            heldout_errors,
        )
    if args.errors:
        print("\n".join(errors[: args.errors]))
    if args.heldout_errors:
        print("\n".join(heldout_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
