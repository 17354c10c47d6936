"""Vectorised MinHash over word shingles, and LSH banding by sorting (no per-document Python loops).

A document becomes the set of its word 3-shingles (lower-cased words, hashed to 64 bits); its MinHash
signature (Broder, "On the resemblance and containment of documents", 1997) is, for each of
:data:`NUM_PERM` hash functions, the smallest hash over the set. The fraction of equal positions of two
signatures estimates the Jaccard similarity of their shingle sets.

The hash functions are multiply-shift (Dietzfelbinger et al. 1997): ``(a * x + b) mod 2**64 >> 32`` with
odd random ``a``; numpy computes a whole batch of documents × all functions in one array operation and
``np.minimum.reduceat`` takes the per-document minima, which is why this beats datasketch's per-document
``MinHash.update`` by far (benchmarks/group_scale.py prints the ratio).

LSH banding (Leskovec, Rajaraman, Ullman, *Mining of Massive Datasets*, ch. 3.4): :data:`BANDS` bands of
:data:`ROWS` rows; two documents are candidates when one band is equal. With 3 rows and 42 bands the
probability of becoming candidates is ``1 - (1 - J**3)**42``: 0.996 at J = 0.5 (a copy truncated to half),
0.94 at J = 0.4, 4e-5 at J = 0.01 (two reports of one topic sharing stock phrases).

Example:
    >>> sigs, sizes = signatures(["a b c d e f", "a b c d e g"])
    >>> float((sigs[0] == sigs[1]).mean()) > 0.3
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# A word for shingling: a run of letters or digits (punctuation and case do not make two copies differ).
TOKEN = re.compile(r"\w+")

# Words per shingle. Three, not five: a copy with 10% of its words edited keeps ~0.9**3 = 73% of its
# 3-shingles (Jaccard ~0.57) but only 59% of its 5-shingles (Jaccard ~0.42), and unrelated news reports
# still share almost no 3-shingles beyond stock phrases.
SHINGLE = 3

# Hash functions per signature: 42 bands × 3 rows use 126 of them; the last two only sharpen estimates.
NUM_PERM = 128
BANDS = 42
ROWS = 3

# Fixed, so signatures stored today compare with signatures computed tomorrow.
SEED = 20250314

# Shingles hashed per numpy block: 64k shingles × 128 functions × 8 bytes = 64 MB of scratch.
_BLOCK = 1 << 16

# Multipliers combining the word hashes of a shingle (odd 64-bit constants from splitmix64).
_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)

_EMPTY = 0xFFFFFFFF


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` as shingling sees them."""
    return TOKEN.findall(text.lower())


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of the word 3-shingles of ``text`` (its words alone when shorter).

    Returns:
        A sorted ``uint64`` array; empty for a text without words.
    """
    import numpy as np

    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    if len(tokens) < SHINGLE:
        return np.unique(h)
    n = len(tokens) - SHINGLE + 1
    mixed = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            mixed = mixed * np.uint64(_MIX[k]) + h[k : k + n]
    return np.unique(mixed)


@lru_cache(maxsize=1)
def _perms() -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    rng = np.random.default_rng(SEED)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


def signatures_of_shingles(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures of shingle-hash sets, computed in blocks of many documents at once.

    Args:
        sets: one ``uint64`` array of shingle hashes per document (as :func:`shingle_hashes` returns).

    Returns:
        A ``(len(sets), NUM_PERM)`` ``uint32`` array; an empty set's row is all ``0xFFFFFFFF``.
    """
    import numpy as np

    a, b = _perms()
    out = np.full((len(sets), NUM_PERM), _EMPTY, dtype=np.uint32)
    start = 0
    while start < len(sets):
        stop, total = start, 0
        while stop < len(sets) and (total == 0 or total + len(sets[stop]) <= _BLOCK):
            total += len(sets[stop])
            stop += 1
        block = [s for s in sets[start:stop]]
        lengths = np.fromiter((len(s) for s in block), dtype=np.int64, count=len(block))
        nonempty = np.flatnonzero(lengths)
        if len(nonempty):
            flat = np.concatenate([block[i] for i in nonempty])
            with np.errstate(over="ignore"):
                hashed = ((flat[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).astype(np.uint32)
            offsets = np.concatenate(([0], np.cumsum(lengths[nonempty])[:-1]))
            out[start + nonempty] = np.minimum.reduceat(hashed, offsets, axis=0)
        start = stop
    return out


def signatures(texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures and shingle-set sizes of ``texts``.

    Returns:
        ``(signatures, sizes)``: a ``(n, NUM_PERM)`` ``uint32`` array and a ``(n,)`` ``int64`` array.
    """
    import numpy as np

    sets = [shingle_hashes(t) for t in texts]
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    return signatures_of_shingles(sets), sizes


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band: the band's :data:`ROWS` values hashed together, and the band number.

    Returns:
        A ``(n, BANDS)`` ``uint64`` array; equal keys in one column mean an equal band.
    """
    import numpy as np

    n = sigs.shape[0]
    rows = sigs[:, : BANDS * ROWS].astype(np.uint64).reshape(n, BANDS, ROWS)
    key = np.zeros((n, BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(ROWS):
            key = (key ^ rows[:, :, r]) * np.uint64(_MIX[r % len(_MIX)])
        key ^= np.arange(BANDS, dtype=np.uint64)[None, :] * np.uint64(_MIX[1])
    return key


def jaccard_estimate(left: np.ndarray, right: np.ndarray) -> float:
    """Share of equal signature positions: an unbiased estimate of the shingle sets' Jaccard similarity."""
    return float((left == right).mean())
