"""First story grouping: weighted vocabulary overlap of title and lead, blocked, then connected components.

A baseline now: the pipeline places articles with :mod:`.stories` (incremental).
Each article becomes a set of stemmed content words from
its title and the first :data:`LEAD_WORDS` content words of its body; each word is weighted by its inverse
document frequency over the articles given, times a boost for name-like words and numbers (what tells two
events of the same kind apart: places, people, figures). Two articles score their weighted Jaccard
overlap, ``sum(min(w_a, w_b)) / sum(max(w_a, w_b))`` (Ioffe, "Improved Consistent Sampling, Weighted
Minhash and L1 Sketching", ICDM 2010, for the measure). Only pairs that share a rare-ish word are scored
(an inverted index; never all pairs), and pairs scoring at least the threshold are joined by union-find.

Example:
    >>> stories = group_stories(articles, threshold=0.22)  # doctest: +SKIP
    >>> stories[0].article_ids  # doctest: +SKIP
    (3, 7, 12)
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from newstrace.errors import ConfigError
from newstrace.model import Article, Story
from newstrace.unionfind import DisjointSets

# A word: letters with an optional apostrophe part ("Kim's", "o'clock"), or a number ("3.5", "1,200").
# Hyphens split words so "Jong-un" and "Jong Un" give the same words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*")

# Characters after which a capitalised word is a sentence opener, not a name.
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“‘(\[—–-]\s*|\n)\s*$")

# How many content words of the body make the lead: a wire lead paragraph runs 25-40 words, so 60 covers
# the first one or two paragraphs, which name the event; later paragraphs drift into background.
LEAD_WORDS = 60

# Weight multipliers, chosen on ECB+ dev (benchmarks/group_simple.py): names and numbers are what separate
# two events of one kind (two earthquakes, two rehab stays); 2.0 / 1.5 beat 1.0 / 1.0 there.
NAME_BOOST = 2.0
NUMBER_BOOST = 1.5

# The threshold this method was calibrated at with benchmarks/group_simple.py on ECB+ dev: B-cubed F1 is
# flat (0.84) from 0.15 to 0.17 and falls either side; 0.17 is the most precise end of that plateau. The
# incremental clusterer (stories.py) replaced this method in the pipeline; it stays as a baseline.
DEFAULT_THRESHOLD = 0.17

# A word is a blocking key when at most this many articles hold it (or sqrt(N) on large corpora): such a
# posting list yields at most ~1,200 pairs, and two reports of one story nearly always share a name or a
# place that rare.
MIN_BLOCK_DF = 50

# Common English function words and reporting verbs: they say nothing about which event a report is about.
STOPWORDS = frozenset(
    str.split(
        """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours said says
    say told tell according reported report reports news new one two year years day days week weeks month
    months last first including since around may might must shall us per via amid among
    upon yet however meanwhile moreover still another many much several time times"""
    )
)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two articles (indices into the input) and their weighted overlap."""

    left: int
    right: int
    score: float


def group_stories(articles: Sequence[Article], threshold: float) -> list[Story]:
    """Group articles that report the same event into stories.

    Args:
        articles: stored articles (``id`` set), cleaned (``text`` set).
        threshold: minimum weighted overlap (0..1] for two articles to be joined
            (:data:`DEFAULT_THRESHOLD` is where it was calibrated).

    Returns:
        Every article in exactly one story (singletons included), sorted by size (largest first), then by
        smallest article id. ``article_ids`` are ascending; ``title`` is the title of the earliest article
        that has one, else that article's first sentence cut to about 100 characters.

    Raises:
        ConfigError: ``threshold`` is not in (0, 1].
        ValueError: an article has no id, or two articles share one.
    """
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"story_threshold must be in (0, 1], got {threshold}")
    items = list(articles)
    _check_ids(items)
    if not items:
        return []
    bags = [_weighted_words(a) for a in items]
    idf = _idf(bags)
    weights = [{w: boost * idf[w] for w, boost in bag.items()} for bag in bags]
    sets = DisjointSets(len(items))
    for pair in scored_pairs(weights, candidate_pairs(bags)):
        if pair.score >= threshold:
            sets.union(pair.left, pair.right)
    stories = [make_story([items[i] for i in group]) for group in sets.components()]
    stories.sort(key=lambda s: (-len(s.article_ids), s.article_ids[0]))
    return stories


def chronological_key(article: Article) -> tuple[int, int, int, int, int]:
    """Sort key putting articles in publication order, undated ones last, ties broken by id.

    Unknown parts of a partial date sort after known ones ("XXXX-09-12" after any dated year).
    """
    date = article.published
    if date is None:
        return (1, 0, 0, 0, article.id if article.id is not None else 0)
    return (
        0,
        date.year if date.year is not None else 9999,
        date.month if date.month is not None else 13,
        date.day if date.day is not None else 32,
        article.id if article.id is not None else 0,
    )


def candidate_pairs(bags: Sequence[dict[str, float]]) -> list[tuple[int, int]]:
    """Pairs of bag indices that share at least one rare-ish word (the blocking step).

    Args:
        bags: one word set (or word → weight map) per article.

    Returns:
        Sorted ``(i, j)`` pairs with ``i < j``; words held by more than
        ``max(MIN_BLOCK_DF, sqrt(len(bags)))`` bags are not used as keys.
    """
    max_df = max(MIN_BLOCK_DF, int(math.sqrt(len(bags))))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for word in bag:
            postings[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if 2 <= len(ids) <= max_df:
            for a, left in enumerate(ids):
                for right in ids[a + 1 :]:
                    pairs.add((left, right))
    return sorted(pairs)


def scored_pairs(
    weights: Sequence[dict[str, float]], pairs: Iterable[tuple[int, int]]
) -> Iterable[ScoredPair]:
    """Weighted Jaccard overlap of each pair of word-weight maps."""
    for left, right in pairs:
        yield ScoredPair(left, right, weighted_jaccard(weights[left], weights[right]))


def weighted_jaccard(a: dict[str, float], b: dict[str, float]) -> float:
    """``sum(min) / sum(max)`` over the union of keys; 0.0 when both are empty."""
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(w, b[k]) for k, w in a.items() if k in b)
    total = sum(a.values()) + sum(b.values()) - shared
    return shared / total if total > 0 else 0.0


# Stems of recent words, kept: a news vocabulary repeats, and story placement stems every title and lead
# word of every article (a tenth of its time under cProfile on 30,000 generated articles). 128k entries
# cap the memory at ~20 MB whatever the corpus.
@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light suffix stripper: plurals, possessives, -ing, -ed ("reports" → "report", "Kim's" → "kim").

    Deliberately weaker than Porter's: over-stemming names ("Hastings" → "hast") would merge stories.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _weighted_words(article: Article) -> dict[str, float]:
    """Stemmed content words of title + lead, each with its boost (the largest over its occurrences)."""
    bag: dict[str, float] = {}
    if article.title:
        _add_words(article.title, bag, limit=None)
    _add_words(article.text or article.raw_text, bag, limit=LEAD_WORDS)
    return bag


def weighted_words(text: str, limit: int | None = None) -> Iterator[tuple[str, float]]:
    """The content words of ``text`` as (stem, weight): numbers and names weigh more than other words.

    Stopwords and one-letter words are skipped; ``limit`` stops after that many words (the lead).
    """
    taken = 0
    for match in WORD.finditer(text):
        token = match.group(0)
        low = token.lower()
        if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
            continue
        key = stem(low)
        if key in STOPWORDS:
            continue
        if token[0].isdigit():
            weight = NUMBER_BOOST
        elif token[0].isupper() and (
            token.isupper() or not SENTENCE_START.search(text, max(0, match.start() - 3), match.start())
        ):
            weight = NAME_BOOST
        else:
            weight = 1.0
        yield key, weight
        taken += 1
        if limit is not None and taken >= limit:
            return


def _add_words(text: str, bag: dict[str, float], limit: int | None) -> None:
    for key, weight in weighted_words(text, limit):
        bag[key] = max(bag.get(key, 0.0), weight)


def _idf(bags: Sequence[dict[str, float]]) -> dict[str, float]:
    """Smoothed inverse document frequency, ``ln((N + 1) / (df + 1)) + 1``, as scikit-learn computes it."""
    df: dict[str, int] = defaultdict(int)
    for bag in bags:
        for word in bag:
            df[word] += 1
    n = len(bags)
    return {word: math.log((n + 1) / (count + 1)) + 1.0 for word, count in df.items()}


def _check_ids(items: Sequence[Article]) -> None:
    seen: set[int] = set()
    for article in items:
        if article.id is None:
            raise ValueError(f"article {article.label} has no id: store articles before grouping them")
        if article.id in seen:
            raise ValueError(f"article id {article.id} appears twice")
        seen.add(article.id)


def make_story(members: Sequence[Article]) -> Story:
    """A story of ``members``: ids ascending, titled after the earliest article with a title (else the first
    sentence of the earliest article, cut near 100 characters)."""
    ids = tuple(sorted(a.id for a in members if a.id is not None))
    ordered = sorted(members, key=chronological_key)
    titled = [a for a in ordered if a.title and a.title.strip()]
    title = " ".join(str(titled[0].title).split()) if titled else _first_sentence_title(ordered[0])
    return Story(article_ids=ids, title=title)


# Story titles made from a first sentence are cut near this many characters, at a word boundary.
_TITLE_CHARS = 100


def _first_sentence_title(article: Article) -> str:
    from newstrace.annotate.sentences import split_sentences

    text = article.text or article.raw_text
    spans = split_sentences(text)
    sentence = " ".join(text[spans[0].start : spans[0].end].split()) if spans else ""
    if len(sentence) <= _TITLE_CHARS:
        return sentence or article.label
    cut = sentence.rfind(" ", 0, _TITLE_CHARS)
    return sentence[: cut if cut > _TITLE_CHARS // 2 else _TITLE_CHARS].rstrip(",;:- ") + "…"
