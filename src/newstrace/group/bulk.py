"""Grouping work beside placement: per-article steps run in worker processes, in order, a few batches ahead.

Placing articles into stories is sequential: each placement changes the document frequencies, posting
lists and centroids the next article is scored against (:class:`~newstrace.group.stories.StoryClusterer`).
What placement needs of each article, though, depends on that article alone: its story features
(:func:`~newstrace.group.stories.features_of` scans the whole text for names and numbers, about 40% of the
time per article on the generated corpus of ``benchmarks/group_scale.py``), and its MinHash signature
before that. So those run in worker processes a few batches ahead of the process that places, and on two
cores placement no longer waits for them. :func:`ordered_map` hands results back in the order of the
jobs, so what is placed, and in what order, is exactly what one process would place: the same stories.

Example:
    >>> batches = [[FeatureSource("Ferry capsizes", "A ferry capsized off Port Halvard ...", None)]]
    >>> for features in features_ahead(batches, workers=1):  # doctest: +SKIP
    ...     story = clusterer.add(features[0])
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, NamedTuple, TypeVar

from newstrace.group.stories import StoryFeatures, features_of
from newstrace.model import PartialDate

Result = TypeVar("Result")

# Workers start from a fork server (a clean process that imports what a job needs), not by forking the
# caller: a caller that has loaded torch or opened a store holds threads and handles a forked child
# would inherit half-copied. Starting costs ~0.3 s once, against minutes of work where workers pay.
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
# Jobs in flight per worker: one computing, one waiting, so a worker never idles while this process
# takes a result; more only holds more finished results in memory.
AHEAD = 2


class FeatureSource(NamedTuple):
    """What :func:`~newstrace.group.stories.features_of` reads of one article."""

    title: str | None
    text: str
    published: PartialDate | None


class OrderedMap(Iterator[Result]):
    """``function(job)`` for each job, in job order, computed by worker processes (:func:`ordered_map`)."""

    def __init__(
        self, function: Callable[[Any], Result], jobs: Iterable[Any], workers: int, ahead: int
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1 (0 runs in this process: use map), got {workers}")
        self._function = function
        self._jobs = iter(jobs)
        self._window = workers * max(1, ahead)
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context(START_METHOD)
        )
        self._pending: deque[Future[Result]] = deque()
        self._fill()

    def _fill(self) -> None:
        while self._pool is not None and len(self._pending) < self._window:
            job = next(self._jobs, _END)
            if job is _END:
                return
            self._pending.append(self._pool.submit(self._function, job))

    def __next__(self) -> Result:
        if not self._pending:
            self.close()
            raise StopIteration
        try:
            result = self._pending.popleft().result()
        except BaseException:
            self.close()
            raise
        self._fill()
        return result

    def close(self) -> None:
        """Stop the workers (jobs not started are dropped); the results taken so far stay valid."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()

    def __del__(self) -> None:
        # Dropped before its end (the caller stopped reading): let the workers go without waiting.
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


_END = object()


def ordered_map(
    function: Callable[[Any], Result], jobs: Iterable[Any], workers: int, ahead: int = AHEAD
) -> Iterator[Result]:
    """``function(job)`` for each of ``jobs``, in order, in this process (``workers`` 0) or in workers.

    With workers, the first ``workers × ahead`` jobs are handed out at once (before the first result is
    asked for: the caller can do other work meanwhile) and one more each time a result is taken, so at
    most that many results wait in memory. ``function`` and the jobs must pickle (``function`` defined at
    a module's top level).

    Args:
        function: what to compute per job; the same results in either mode.
        jobs: read lazily, a window ahead of the results taken.
        workers: worker processes; 0 computes each job when its result is asked for, here.
        ahead: jobs in flight per worker.

    Raises:
        Exception: whatever ``function`` raised, when that job's result is taken (the workers stop).
    """
    if workers <= 0:
        return map(function, jobs)
    return OrderedMap(function, jobs, workers, ahead)


def batch_features(batch: Sequence[FeatureSource]) -> list[StoryFeatures]:
    """:func:`~newstrace.group.stories.features_of` of each article of ``batch`` (a job for a worker)."""
    return [features_of(title, text, published) for title, text, published in batch]


def features_ahead(
    batches: Iterable[Sequence[FeatureSource]], workers: int = 1, ahead: int = AHEAD
) -> Iterator[list[StoryFeatures]]:
    """The story features of each batch of articles, in order, made by ``workers`` processes ahead of use."""
    return ordered_map(batch_features, batches, workers, ahead)
