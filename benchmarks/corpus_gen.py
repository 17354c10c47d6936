"""Generates N synthetic news articles with planted stories and syndicated copies (the scale benchmark).

Usage (prints a sample)::

    .venv/bin/python benchmarks/corpus_gen.py 20

What it plants, chosen to look like a media-monitoring feed:

- lengths like real news: log-normal word counts, median ~420 words, 5th-95th percentile ~150-1,200;
- words from a Zipf-distributed vocabulary of 60,000 pseudo-words (exponent 1.1, as news text), so
  unrelated articles share common words and stock 3-word phrases, never whole passages;
- stories: 30% of the articles are written about a planted event (its own names, places and figures,
  a publication day, several independent reports in their own words); the rest are singletons;
- syndication: 25% of the story reports are wire dispatches that other outlets copy: exact copies,
  copies with 10% of the words replaced, copies truncated to half, copies embedding the wire between
  local paragraphs, and copies truncated to 70% *and* 5% edited; each copy names its original.

Everything is derived from ``(seed, chunk number)``, so a chunk can be rebuilt instead of kept in memory.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

VOCABULARY = 60_000
ZIPF = 1.1
CHUNK = 10_000
STORY_SHARE = 0.30
WIRE_SHARE = 0.25
COPY_KINDS = ("exact", "edited", "truncated", "embedded", "cut_edited")
COPIES_PER_WIRE = (1, 6)  # uniform in [1, 6)
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vo",
    "dra",
    "el",
    "sun",
    "bri",
    "or",
    "ta",
    "ne",
    "gul",
    "pha",
    "ix",
)


@dataclass(slots=True)
class Chunk:
    """One chunk of the corpus: texts and what was planted in them (indices are corpus-wide)."""

    start: int
    texts: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)  # day number since the corpus began
    story: list[int] = field(default_factory=list)  # planted story label (singletons get their own)
    copy_of: dict[int, int] = field(default_factory=dict)  # copy index → original index
    copy_kind: dict[int, str] = field(default_factory=dict)


def _words(rng: np.random.Generator) -> np.ndarray:
    """Pseudo-words made of syllables, the same for every seed (the vocabulary is part of the language)."""
    fixed = np.random.default_rng(7)
    parts = fixed.integers(0, len(_SYLLABLES), size=(VOCABULARY, 4))
    lengths = fixed.integers(1, 5, size=VOCABULARY)
    words = [
        "".join(_SYLLABLES[p] for p in parts[i, : lengths[i]]) + str(i % 97) * (i > 5000)
        for i in range(VOCABULARY)
    ]
    return np.array(words, dtype=object)


_VOCAB: np.ndarray | None = None
_CDF: np.ndarray | None = None


def _vocab() -> tuple[np.ndarray, np.ndarray]:
    global _VOCAB, _CDF
    if _VOCAB is None:
        _VOCAB = _words(np.random.default_rng(0))
        weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF
        _CDF = np.cumsum(weights / weights.sum())
    return _VOCAB, _CDF  # type: ignore[return-value]


def _draw(rng: np.random.Generator, n: int) -> list[str]:
    vocab, cdf = _vocab()
    return vocab[np.searchsorted(cdf, rng.random(n))].tolist()


def _length(rng: np.random.Generator) -> int:
    return int(np.clip(rng.lognormal(np.log(420), 0.6), 60, 3000))


def _event(rng: np.random.Generator) -> list[str]:
    """An event's own words: names and places (capitalised) and figures."""
    # Names are rare words (the vocabulary's long tail), as people's and places' names are in news text.
    vocab, _ = _vocab()
    rare = [str(vocab[i]) for i in rng.integers(VOCABULARY // 3, VOCABULARY, size=8)]
    names = [w.capitalize() for w in rare[:6]] + [f"{w.capitalize()}ville" for w in rare[6:]]
    return names + [str(int(x)) for x in rng.integers(2, 5000, size=4)]


def _report(rng: np.random.Generator, event: list[str] | None) -> tuple[str, str]:
    words = _draw(rng, _length(rng))
    if event is not None:
        # Event words sprinkled through the report, densest in the lead: a position, then a word, for each.
        # One vectorised draw takes the same numbers from the generator as the scalar draws in turn did.
        count = min(len(words) // 8, 40)
        if count:
            highs = np.full(2 * count, len(event), dtype=np.int64)
            highs[0::2] = [min(len(words), 40 if k < 10 else len(words)) for k in range(count)]
            draws = rng.integers(0, highs).tolist()
            for pos, pick in zip(draws[0::2], draws[1::2], strict=True):
                words[pos] = event[pick]
    title_words = (event[:3] if event else []) + _draw(rng, 5)
    rng.shuffle(title_words)
    return " ".join(words), " ".join(title_words).capitalize()


def _edit(rng: np.random.Generator, text: str, share: float) -> str:
    words = text.split()
    picks = rng.choice(len(words), size=int(len(words) * share), replace=False)
    replacement = _draw(rng, len(picks))
    for p, w in zip(picks, replacement, strict=True):
        words[p] = w
    return " ".join(words)


def _copy(rng: np.random.Generator, text: str, kind: str) -> str:
    words = text.split()
    if kind == "exact":
        return text
    if kind == "edited":
        return _edit(rng, text, 0.10)
    if kind == "truncated":
        return " ".join(words[: len(words) // 2])
    if kind == "embedded":
        local = _draw(rng, max(40, len(words) // 2))
        half = len(local) // 2
        return " ".join(local[:half] + words + local[half:])
    return _edit(rng, " ".join(words[: int(len(words) * 0.7)]), 0.05)


def chunk(seed: int, number: int, size: int) -> Chunk:
    """Articles ``number * CHUNK`` … of the corpus (at most ``size`` of them): deterministic per chunk.

    Stories and copy groups live inside one chunk; article order inside the chunk is shuffled so copies
    do not sit next to their originals.
    """
    rng = np.random.default_rng([seed, number])
    start = number * CHUNK
    docs: list[tuple[str, str, int, int, int | None, str | None]] = []  # text, title, day, story, orig, kind
    story_base = start * 10
    day0 = number * 20
    n_story, label = 0, 0
    while len(docs) < size:
        if rng.random() < STORY_SHARE:
            event = _event(rng)
            day = day0 + int(rng.integers(0, 20))
            reports = int(rng.integers(2, 9))
            for _ in range(reports):
                if len(docs) >= size:
                    break
                text, title = _report(rng, event)
                docs.append((text, title, day + int(rng.integers(0, 3)), story_base + label, None, None))
                if rng.random() < WIRE_SHARE:
                    original = len(docs) - 1
                    for _ in range(int(rng.integers(*COPIES_PER_WIRE))):
                        if len(docs) >= size:
                            break
                        kind = COPY_KINDS[int(rng.integers(0, len(COPY_KINDS)))]
                        docs.append(
                            (
                                _copy(rng, text, kind),
                                title,
                                day + int(rng.integers(0, 2)),
                                story_base + label,
                                original,
                                kind,
                            )
                        )
            n_story += 1
        else:
            text, title = _report(rng, None)
            docs.append((text, title, day0 + int(rng.integers(0, 20)), story_base + label, None, None))
        label += 1
    order = rng.permutation(len(docs))
    where = {int(old): new for new, old in enumerate(order)}
    out = Chunk(start)
    for new, old in enumerate(order):
        text, title, day, story, original, kind = docs[int(old)]
        out.texts.append(text)
        out.titles.append(title)
        out.days.append(day)
        out.story.append(story)
        if original is not None:
            out.copy_of[start + new] = start + where[original]
            out.copy_kind[start + new] = kind  # type: ignore[assignment]
    return out


def corpus(seed: int, n: int, cache: Path | None = None) -> Iterator[Chunk]:
    """The corpus of ``n`` articles, chunk by chunk.

    Args:
        cache: a folder keeping each chunk made (a pickle per seed, chunk number and size), read back
            instead of made again: making a 10,000-article chunk takes seconds, so the two passes of a
            1M-article benchmark would spend more time generating than measuring.
    """
    for number in range((n + CHUNK - 1) // CHUNK):
        size = min(CHUNK, n - number * CHUNK)
        if cache is None:
            yield chunk(seed, number, size)
            continue
        path = cache / f"chunk-{seed}-{number}-{size}.pickle"
        if path.exists():
            # The fields, not the Chunk: a pickled class is named by the module that made it, which is
            # __main__ when this file runs as a script.
            with path.open("rb") as f:
                yield Chunk(*pickle.load(f))
            continue
        made = chunk(seed, number, size)
        partial = path.with_suffix(".partial")
        with partial.open("wb") as f:
            fields = (made.start, made.texts, made.titles, made.days, made.story, made.copy_of)
            fields += (made.copy_kind,)
            pickle.dump(fields, f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        yield made


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fill"]:
        # corpus_gen.py --fill N DIR: make the chunks of N articles (seed 1) into the cache DIR ahead.
        folder = Path(sys.argv[3])
        folder.mkdir(parents=True, exist_ok=True)
        for made in corpus(1, int(sys.argv[2]), folder):
            print(f"chunk from {made.start:,} in {folder}", flush=True)
        sys.exit(0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for c in corpus(1, n):
        for i, text in enumerate(c.texts):
            mark = (
                f" copy of {c.copy_of[c.start + i]} ({c.copy_kind[c.start + i]})"
                if c.start + i in c.copy_of
                else ""
            )
            print(f"#{c.start + i} day {c.days[i]} story {c.story[i]}{mark}: {c.titles[i]} | {text[:100]}…")
