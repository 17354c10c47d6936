"""Incremental story clustering: each new article joins the story it fits best, or starts one.

A story is one event, not a topic: two ferry disasters a year apart are two stories. What tells them
apart is who, where and how many, and when. So an article becomes a sparse vector of the stemmed content
words of its title and lead (:data:`LEAD_WORDS`), each weighted by term frequency × inverse document
frequency (over the articles seen so far) × a boost for names and numbers, joined by the names and
numbers of the whole article (:func:`body_names`: the lead of two reports of one kind of event can read
alike, the challenger's name further down does not); a story keeps the sum of its members' term counts
(its centroid) and the span of its members' publication days.

:meth:`StoryClusterer.add` places one article, never revisiting earlier ones (no global re-clustering):

1. a copy joins the story of its original (copies are found first, :mod:`.copies`);
2. otherwise candidate stories come from an inverted index of the article's rarest words (blocking:
   never all stories), at most :data:`MAX_CANDIDATES` of them;
3. each candidate scores the cosine of the article's vector with the story's centroid, both under the
   current IDF, times a decay of ``exp(-gap / DECAY_DAYS)`` in the days between the article and the
   story's span; a story more than :data:`MAX_GAP_DAYS` away scores 0, unless the article retells it
   (its cosine, time left out, is :data:`FOLLOW_UP` times the threshold or more: then no decay), and a
   story whose last article is more than :data:`CLOSE_DAYS` older than the newest article placed so far
   (the clock) is closed: it leaves the blocking index, so the work per article follows the stories
   still open, not the corpus;
4. the best candidate at or above ``threshold`` takes the article (ties: the older story), else it
   starts a new story. A dated article that an undated story wins is an exception: when another
   candidate is closer in content (time left out), time has parted or weakened the article's own story
   (a follow-up weeks later), and the undated winner, a story of the same kind of event say, is only the
   next best match; the article joins that closer story if it still clears the bar, else starts its own.

The same articles added in the same order give the same stories. The clusterer's state (document
frequencies, posting lists, story centroids) can live outside it: given a :class:`StateSource` (the
store, :mod:`newstrace.store.grouping`), it fetches only the words and stories an article touches, and
:meth:`StoryClusterer.changes` says what to write back, so placing one article into a stored corpus of any
size reads and writes a few hundred rows and places it exactly as an in-memory clusterer fed the same
articles in the same order would.

Example:
    >>> clusterer = StoryClusterer(threshold=0.3)
    >>> a = clusterer.add(features_of("Ferry capsizes off Port Halvard", "A ferry capsized ...", None))
    >>> b = clusterer.add(features_of("Port Halvard ferry disaster", "The ferry that capsized ...", None))
    >>> a == b
    True
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter, mul
from typing import Protocol

from newstrace.group.simple import SENTENCE_START, STOPWORDS, stem, weighted_words
from newstrace.model import PartialDate

# Content words of the body read after the title. Calibrated on ECB+ dev (benchmarks/group_stories.py):
# B-cubed F1 falls as the lead grows (0.86 at 30 words, 0.85 at 40, 0.82 at 80, 0.70 on the whole body):
# the lead names the event, later paragraphs drift into background shared by the whole topic.
LEAD_WORDS = 30
# Version of an article's features and of what a story's stored centroid holds. Raise it whenever either
# changes (another lead length, names of the body added, another weighting): a store grouped under another
# version regroups from scratch, since new articles scored against old centroids would never join them.
FEATURES_VERSION = 2
# Names and numbers weigh more than other words (group/simple.py's NAME_BOOST, NUMBER_BOOST: they separate
# two events of one kind, two earthquakes, two rehab stays).
# Title words weigh as much as lead words: on ECB+ dev a double weight (2.0) lost 0.01-0.03 B-cubed F1,
# since headlines of one topic share its stock words ("rehab", "quake").
TITLE_BOOST = 1.0
# Besides the lead, the names and numbers of the whole article (title and body), counted, as features
# of their own (keys prefixed with NAME_KEY, which no word starts with, so they have their own document
# frequencies): who, where and how many tell two events of one kind apart (Klitschko against Rahman,
# Klitschko against Thompson), and a report names them all through its body, the later names included.
# Each weighs NAME_WEIGHT × sqrt(count): a name repeated through the body is what the report is about, a
# name mentioned once is background (in a simplified model of this clusterer on ECB+ dev, names counted
# once scored B-cubed F1 0.91/0.90 in file order/reversed, sqrt counts 0.91/0.92, raw counts 0.85/0.89).
# NAME_WEIGHT calibrated with benchmarks/group_stories.py on ECB+ dev (in-sample), each at its best
# threshold: 1.5 gave 0.88/0.91, 2.0 0.89/0.91, 3.0 0.89/0.90 (reversed lower); 2.5 scored 0.90/0.90
# but lost on the held-out halves group_stories.py prints. The lead keeps its say for articles with few
# names.
NAME_KEY = "="
NAME_WEIGHT = 2.0
# The article's most repeated names and numbers kept (first seen first among equals): a long report names
# a hundred, and scoring reads every feature of the article once per candidate story. On ECB+ dev at the
# default threshold: 24 gave B-cubed F1 0.85/0.89, 32 0.86/0.90, 48 0.89/0.91, 64 0.88/0.92.
BODY_NAMES = 48
# A letter run (with an apostrophe part, as group/simple.py's WORD) from a letter that is not ASCII
# lowercase. Where the letter before it is part of the same word ("iPhone"), WORD saw no word start
# there and _names drops the match (checked in Python: a lookbehind here doubled the scan's time).
CAPITALISED = re.compile(r"[^\W\d_a-z][^\W\d_]*(?:['’][^\W\d_]+)?")
# WORD's numbers ("3.5", "1,200"); a match takes a whole run of digits, so none starts inside one.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Blocking: the article's words with the highest IDF among those seen before, at most this many, look up
# candidate stories...
BLOCK_WORDS = 24
# ... in posting lists capped at this many open stories (the most recent kept): a word in more stories
# than that is a topic word, not an event word, and blocking on it would make the step grow with the
# corpus. 50, not 200: on 40,000 generated articles (benchmarks/group_scale.py's corpus, in-sample)
# placement ran 1.4x faster and planted-story B-cubed F1 rose 0.746 -> 0.767 (100: 0.761); ECB+ dev
# (462 articles) never fills a list, so it is unchanged.
MAX_POSTINGS = 50
# Stories scored per article, the ones sharing the most blocking words. 10, not 30, since articles carry
# their body's names (scoring ~2x the features): on ECB+ dev the best story is always among the first 5
# (B-cubed F1 unchanged at 5, 10 and 30), on 10,000 generated articles planted-story F1 stayed 0.868 and
# placement took 1.0 instead of 1.4-2.0 ms per article (load average 5-7 on 2 cores).
MAX_CANDIDATES = 10
# A story stays open for articles up to this many days after its last (or before its first) article;
# follow-ups of one event arrive within weeks, the same kind of event months later is another story.
MAX_GAP_DAYS = 30
DECAY_DAYS = 14.0
# ... but an article that reads this many times the threshold close to a story still open, time left out,
# is its follow-up whatever the gap (the trial of a shooter weeks on, a star's move to another clinic):
# the same names, places and figures, not just the same kind of event. On ECB+ dev
# (benchmarks/group_stories.py, pipeline orders, t = 0.30) the follow-ups of five stories rejoined them:
# B3 F1 0.850 / 0.845 -> 0.862 / 0.854; held out per half 0.871 / 0.851 -> 0.894 / 0.865 and 0.850 /
# 0.830 -> 0.853 / 0.832. 1.33 scored the same, 2.0 less (0.850 / 0.847). A story closed (CLOSE_DAYS)
# is never met, so the same kind of event months later is still another story.
FOLLOW_UP = 1.5
# A story closes when its last article is this many days older than the newest article placed so far:
# MAX_GAP_DAYS, plus a month for reports that arrive after newer ones (a feed backfilled late), so an
# article up to LATE_DAYS older than the newest still meets every story it could score against. Closed
# stories take no candidate slots; undated stories never close, and an undated article meets open
# stories only.
LATE_DAYS = 30
CLOSE_DAYS = MAX_GAP_DAYS + LATE_DAYS
# The centroid keeps this many of its heaviest words, bounding memory and scoring time per story.
CENTROID_WORDS = 300


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What clustering needs of one article: weighted word counts and the publication day, if known."""

    terms: dict[str, float]
    day: int | None  # proleptic Gregorian ordinal of a complete publication date


@dataclass(slots=True)
class StoryState:
    """What placement keeps of one story: summed term weights (the centroid, at most
    :data:`CENTROID_WORDS` × 2 words), the first and last publication day, size and centroid norm."""

    centroid: dict[str, float] = field(default_factory=dict)
    first: int | None = None
    last: int | None = None
    size: int = 0
    length: float = 0.0


@dataclass(frozen=True, slots=True)
class TermState:
    """What placement keeps of one word: in how many articles it occurs, and the stories (at most
    :data:`MAX_POSTINGS`, oldest first) whose centroid took it in."""

    df: int
    postings: list[int]


class StateSource(Protocol):
    """Where a clusterer's earlier state lives (a store); it is read a word and a story at a time."""

    def article_count(self) -> int:
        """How many articles the stored stories were built from."""
        ...

    def next_story_key(self) -> int:
        """A key above every stored story's key (new stories are numbered from here)."""
        ...

    def terms(self, words: list[str]) -> dict[str, TermState]:
        """The stored state of those ``words`` that have one."""
        ...

    def stories(self, keys: list[int]) -> dict[int, StoryState]:
        """The stored state of those stories ``keys`` that have one."""
        ...

    def last_days(self, keys: list[int]) -> dict[int, int | None]:
        """The last publication day (None: undated) of those stories ``keys`` that have a state."""
        ...

    def clock(self) -> int | None:
        """The newest publication day placed so far (None: no dated article yet)."""
        ...


@dataclass(frozen=True, slots=True)
class StateChanges:
    """What :meth:`StoryClusterer.changes` says to write back: changed words and stories, the count."""

    terms: dict[str, TermState]
    stories: dict[int, StoryState]
    article_count: int
    new_keys: list[int]  # keys of the stories created since the clusterer was made, in creation order
    clock: int | None = None  # the newest publication day placed so far


def features_of(title: str | None, text: str, published: PartialDate | None) -> StoryFeatures:
    """Clustering features of one article: boosted counts of stemmed title and lead words, the names and
    numbers of the whole article (:func:`body_names`), and its day.

    Args:
        title: the headline, if any.
        text: the cleaned body.
        published: the publication date; only a complete date takes part in time decay.
    """
    terms: dict[str, float] = defaultdict(float)
    if title:
        _add_words(title, terms, None, TITLE_BOOST)
    _add_words(text, terms, LEAD_WORDS, 1.0)
    terms.update(body_names(title, text))
    day = None
    if published is not None and published.is_complete:
        import datetime

        try:
            day = datetime.date(published.year, published.month, published.day).toordinal()  # type: ignore[arg-type]
        except ValueError:
            day = None
    return StoryFeatures(dict(terms), day)


class StoryClusterer:
    """Places articles into stories one at a time; stories are numbered 0, 1, … in order of creation.

    Args:
        threshold: minimum decayed cosine similarity (0..1] between an article and a story.

    Raises:
        ValueError: ``threshold`` is not in (0, 1].
    """

    def __init__(self, threshold: float, source: StateSource | None = None) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"story threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._source = source
        self._stories: dict[int, StoryState] = {}
        self._postings: dict[str, list[int]] = {}
        self._df: dict[str, int] = {}
        self._n = source.article_count() if source is not None else 0
        self._first_new = source.next_story_key() if source is not None else 0
        self._next = self._first_new
        self._dirty_terms: set[str] = set()
        self._dirty_stories: set[int] = set()
        self._clock = source.clock() if source is not None else None
        # Per word, the horizon its posting list was last cleared of closed stories at: a list is swept
        # once per day at most, not on every read.
        self._swept: dict[str, int] = {}
        # Per word (in memory only), a day before which no story of its posting list ended: while the
        # horizon has not passed it, a sweep would clear nothing and is skipped (on 100,000 generated
        # articles 83% of the daily sweeps cleared nothing). Stories' last days only grow, so the day
        # stays a lower bound; the list's next sweep makes it exact again. A list holding an undated
        # story has none (the story may be dated later, and then close).
        self._ends: dict[str, int] = {}
        # Last days of stored stories read only to tell whether they are closed (a source's).
        self._last_days: dict[int, int | None] = {}

    def __len__(self) -> int:
        """Stories created by this clusterer (with a source: since it was made)."""
        return self._next - self._first_new

    def add(self, features: StoryFeatures, copy_of_story: int | None = None) -> int:
        """Place one article and return its story number.

        Args:
            features: the article's :func:`features_of`.
            copy_of_story: the story of the article's original, when it is a copy: it joins that story.
        """
        features = _interned(features)
        self._fetch_terms(features.terms)
        self._n += 1
        for word in features.terms:
            self._df[word] += 1
        self._tick(features.day)
        idf = self._idfs(features.terms)
        story = copy_of_story if copy_of_story is not None else self._best_story(features, idf)
        if story is None:
            story = self._next
            self._next += 1
            self._stories[story] = StoryState()
        self._join(story, features, idf, live=True)
        return story

    def place(self, features: StoryFeatures, story: int) -> None:
        """Record an article already in ``story`` (replaying a stored grouping); creates missing numbers."""
        features = _interned(features)
        self._fetch_terms(features.terms)
        self._n += 1
        for word in features.terms:
            self._df[word] += 1
        self._tick(features.day)
        while self._next <= story:
            self._stories[self._next] = StoryState()
            self._next += 1
        self._fetch_stories([story])
        self._join(story, features, self._idfs(features.terms), live=False)

    def changes(self) -> StateChanges:
        """The words and stories changed since the clusterer was made (all of them without a source)."""
        return StateChanges(
            {w: TermState(self._df[w], list(self._postings[w])) for w in sorted(self._dirty_terms)},
            {k: self._stories[k] for k in sorted(self._dirty_stories)},
            self._n,
            list(range(self._first_new, self._next)),
            self._clock,
        )

    def _fetch_terms(self, words: Iterable[str]) -> None:
        missing = [w for w in words if w not in self._df]
        if not missing:
            return
        stored = self._source.terms(missing) if self._source is not None else {}
        for word in missing:
            state = stored.get(word)
            self._df[word] = state.df if state else 0
            self._postings[word] = list(state.postings) if state else []

    def _fetch_stories(self, keys: Iterable[int]) -> None:
        missing = [k for k in keys if k not in self._stories]
        if not missing:
            return
        stored = self._source.stories(missing) if self._source is not None else {}
        for key in missing:
            story = stored.get(key, StoryState())
            self._stories[key] = story
            # The norm's recomputation reads the IDF of every centroid word.
            self._fetch_terms(story.centroid)

    def _idf(self, word: str) -> float:
        return math.log((self._n + 1) / (self._df.get(word, 0) + 1)) + 1.0

    def _idfs(self, words: Iterable[str]) -> dict[str, float]:
        """:meth:`_idf` of each of ``words`` (all fetched), in one pass with the lookups bound once."""
        log, df, total = math.log, self._df, self._n + 1
        return {w: log(total / (df[w] + 1)) + 1.0 for w in words}

    def _tick(self, day: int | None) -> None:
        if day is not None and (self._clock is None or day > self._clock):
            self._clock = day

    def _horizon(self) -> int | None:
        """Stories whose last day is before this are closed (None: nothing is dated, nothing closes)."""
        return None if self._clock is None else self._clock - CLOSE_DAYS

    def _open(self, keys: list[int], horizon: int) -> list[int]:
        """``keys`` without the closed stories, in their order (undated and unknown stories are open)."""
        stories, lasts = self._stories, self._last_days
        if self._source is None:
            # In memory every key has a state: one comprehension, no per-key branches (the sweep reads
            # every posting list an article blocks on once a day).
            return [k for k in keys if (last := stories[k].last) is None or last >= horizon]
        missing = [k for k in keys if k not in stories and k not in lasts]
        if missing:
            lasts.update(self._source.last_days(missing))
        kept = []
        for key in keys:
            story = stories.get(key)
            last = story.last if story is not None else lasts.get(key)
            if last is None or last >= horizon:
                kept.append(key)
        return kept

    def _open_postings(self, word: str) -> list[int]:
        """The posting list of ``word``, cleared of closed stories when the horizon moved since."""
        postings = self._postings[word]
        horizon = self._horizon()
        if horizon is None or self._swept.get(word) == horizon:
            return postings
        if self._ends.get(word, horizon - 1) < horizon:
            postings[:] = self._open(postings, horizon)
            if self._source is None:
                stories = self._stories
                dated = [last for key in postings if (last := stories[key].last) is not None]
                if len(dated) < len(postings):
                    self._ends.pop(word, None)
                else:
                    self._ends[word] = min(dated, default=sys.maxsize)
        self._swept[word] = horizon
        return postings

    def _best_story(self, features: StoryFeatures, idf: dict[str, float]) -> int | None:
        if not features.terms:
            return None
        # The rarest words seen before (a word new to the corpus has no posting list to look up): highest
        # IDF first, then alphabetical. IDF falls as the document frequency rises, so two sorts in C, by
        # word and then (stable) by frequency, give that order without a Python key per word.
        df = self._df
        keys = [w for w in features.terms if df[w] > 1]
        keys.sort()
        keys.sort(key=df.__getitem__)
        del keys[BLOCK_WORDS:]
        hits: Counter[int] = Counter(chain.from_iterable(map(self._open_postings, keys)))
        # Most hits first and first-seen order among ties (a stable sort: what Counter.most_common
        # returns, without its per-item Python key), so the same input gives the same candidates.
        ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)
        candidates = [story for story, _ in ranked[:MAX_CANDIDATES]]
        self._fetch_stories(candidates)
        vector = {w: c * idf[w] for w, c in features.terms.items()}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        # Each word's weight in the article times its IDF, the centroid's other factor: scoring a
        # candidate is then one product per shared word.
        words = list(vector)
        weighted = [v * idf[w] for w, v in vector.items()]
        best, best_score, best_raw = None, 0.0, 0.0
        closest, closest_score, closest_raw = None, 0.0, 0.0  # by content alone, time left out
        for story in sorted(candidates):
            score, raw = self._score(words, weighted, norm, self._stories[story], features.day)
            if score > best_score:
                best, best_score, best_raw = story, score, raw
            if raw > closest_raw:
                closest, closest_score, closest_raw = story, score, raw
        if best is None or best_score < self.threshold:
            return None
        if (
            features.day is not None
            and self._stories[best].first is None
            and closest != best
            and closest_raw > best_raw
            and closest_raw >= self.threshold
        ):
            # An undated story, which time never parts from anything, won over the story closest in
            # content, which time does part or weaken (a follow-up weeks later): the article joins that
            # closest story if it still clears the bar, else it starts its own. Undated reports of one
            # kind of event would otherwise soak up every dated report that time sends away from its own.
            return closest if closest_score >= self.threshold else None
        return best

    def _score(
        self, words: list[str], weighted: list[float], norm: float, story: StoryState, day: int | None
    ) -> tuple[float, float]:
        """Decayed cosine of an article (its ``words`` and their ``weighted`` values) with ``story``, and
        the cosine without the decay (no decay at all for a follow-up, :data:`FOLLOW_UP`)."""
        decay = 1.0
        if day is not None and story.first is not None and story.last is not None:
            gap = max(0, story.first - day, day - story.last)
            decay = 0.0 if gap > MAX_GAP_DAYS else math.exp(-gap / DECAY_DAYS)
        # Every article word's product with the centroid's weight, 0.0 where the centroid lacks it, summed
        # in the article's word order: the same sum every run, with no Python bytecode per word (22 µs
        # per candidate against 25 for a comprehension over the shared words, on 30,000 generated
        # articles: the dictionary lookups themselves are most of it). Adding 0.0 changes no float sum,
        # so this is the sum over the shared words to the last bit.
        dot = sum(map(mul, weighted, map(story.centroid.get, words, repeat(0.0))))
        if dot == 0.0 or norm == 0.0 or story.length == 0.0:
            return 0.0, 0.0
        raw = min(1.0, dot / (norm * story.length))
        if raw >= FOLLOW_UP * self.threshold:
            return raw, raw
        return decay * raw, raw

    def _join(self, number: int, features: StoryFeatures, idf: dict[str, float], live: bool) -> None:
        """Add an article to story ``number``.

        ``live`` (:meth:`add`, in publication order): a closed story takes the article (a late copy of
        one of its members) but stays closed, its days unchanged, and a story that is closed after the
        join is kept out of the posting lists, so a story never reopens and a list swept of closed
        stories stays clean. Replayed articles (:meth:`place`, in any order) move the days and enter the
        posting lists as they did before closing existed; closed stories are swept out on reading.
        """
        self._fetch_stories([number])
        story = self._stories[number]
        self._dirty_stories.add(number)
        self._dirty_terms.update(features.terms)
        story.size += 1
        horizon = self._horizon() if live else None
        closed = horizon is not None and story.last is not None and story.last < horizon
        if features.day is not None and not closed:
            story.first = features.day if story.first is None else min(story.first, features.day)
            story.last = features.day if story.last is None else max(story.last, features.day)
        indexed = horizon is None or story.last is None or story.last >= horizon
        centroid = story.centroid
        square = story.length * story.length
        for word, count in features.terms.items():
            old = centroid.get(word)
            if old is None:
                old = 0.0
                if indexed:
                    self._index(word, number, horizon)
            centroid[word] = old + count
            square += ((old + count) ** 2 - old * old) * idf[word] ** 2
        if len(centroid) > CENTROID_WORDS * 2:
            story.centroid = dict(sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_WORDS])
        # The norm is kept up to date word by word; IDF drifts as the corpus grows, so it is recomputed
        # in full when the story doubles in size (amortised O(1) per word, and scoring reads only the
        # article's words, never the centroid's hundreds).
        if story.size & (story.size - 1) == 0 or len(story.centroid) < len(centroid):
            # :meth:`_idf` inlined (the same arithmetic): this sum reads up to 600 words.
            log, df, total = math.log, self._df, self._n + 1
            square = sum(
                (c * (log(total / (df.get(w, 0) + 1)) + 1.0)) ** 2 for w, c in story.centroid.items()
            )
        story.length = math.sqrt(max(square, 0.0))

    def _index(self, word: str, number: int, horizon: int | None) -> None:
        """Append story ``number`` to ``word``'s posting list, capped at :data:`MAX_POSTINGS` open stories.

        Closed stories are dropped before the oldest open one is (``horizon`` set); without a horizon
        (a replay) the list is marked unswept, since what it took may be closed.
        """
        postings = self._postings[word]
        postings.append(number)
        self._dirty_terms.add(word)
        if horizon is None:
            self._swept.pop(word, None)
            self._ends.pop(word, None)
        elif (end := self._ends.get(word)) is not None:
            last = self._stories[number].last
            if last is None:
                self._ends.pop(word)
            elif last < end:
                self._ends[word] = last
        if len(postings) > MAX_POSTINGS:
            # A list swept at this horizon took only open stories since: nothing to clear.
            if horizon is not None and self._swept.get(word) != horizon:
                postings[:] = self._open(postings, horizon)
                self._swept[word] = horizon
                self._ends.pop(word, None)
            # (More than one over only in a list stored under a larger cap.)
            del postings[: max(0, len(postings) - MAX_POSTINGS)]


def _interned(features: StoryFeatures) -> StoryFeatures:
    """``features`` with every word the one interned string object of its spelling.

    Placement looks each word up a few dozen times (frequencies, posting lists, every candidate's
    centroid); a key that is the very object stored in a dictionary matches without comparing
    characters, and the stored key's memory is never read. Features made in another process
    (:mod:`.bulk`) or built by concatenation (:data:`NAME_KEY`) arrive as fresh objects: interned,
    placing 30,000 generated articles took 10-15% less time (same stories).
    """
    intern = sys.intern
    return StoryFeatures({intern(w): c for w, c in features.terms.items()}, features.day)


def body_names(title: str | None, text: str) -> dict[str, float]:
    """The names and numbers of the whole article as features: :data:`NAME_KEY` + stem →
    :data:`NAME_WEIGHT` × sqrt(count), the :data:`BODY_NAMES` most frequent (first seen first among equals).

    Example:
        >>> body_names("Klitschko stops Thompson", "Klitschko floored Thompson. Thompson rose.")["=thompson"]
        2.8284271247461903
    """
    counts: Counter[str] = Counter()
    for part in (title, text):
        if part:
            counts.update(_names(part))
    for part in (title, text):
        if part:
            # A number is its own stem, and never a stopword.
            counts.update(NUMBER.findall(part))
    # most_common keeps first-seen order among equal counts: the same text gives the same features.
    return {NAME_KEY + key: NAME_WEIGHT * math.sqrt(n) for key, n in counts.most_common(BODY_NAMES)}


def _names(text: str) -> Iterator[str]:
    """The stems of the words :func:`~newstrace.group.simple.weighted_words` boosts as names.

    The same tests, on the words :data:`CAPITALISED` finds: the lowercase words, most of a body, never
    reach Python.
    """
    for match in CAPITALISED.finditer(text):
        token = match.group(0)
        start = match.start()
        if not token[0].isupper() or (start and text[start - 1].isalpha()):
            continue  # a non-ASCII lowercase letter, or inside a word
        if not token.isupper() and SENTENCE_START.search(text, max(0, start - 3), start):
            continue
        low = token.lower()
        if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
            continue
        key = stem(low)
        if key not in STOPWORDS:
            yield key


def _add_words(text: str, terms: dict[str, float], limit: int | None, boost: float) -> None:
    for key, weight in weighted_words(text, limit):
        terms[key] += weight * boost


def cluster(features: Iterable[StoryFeatures], threshold: float) -> list[int]:
    """Story numbers of articles added in order to a fresh :class:`StoryClusterer` (for benchmarks)."""
    clusterer = StoryClusterer(threshold)
    return [clusterer.add(f) for f in features]
