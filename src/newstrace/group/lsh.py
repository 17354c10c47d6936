"""LSH candidate pairs from MinHash band keys: one sort per band, never all pairs.

:func:`candidate_pairs` takes the ``(n, BANDS)`` key array of :func:`newstrace.group.minhash.band_keys`,
sorts each band column, and pairs documents whose key is equal. A bucket can be huge (a thousand exact
copies of one dispatch share every band), so inside a bucket each document is paired only with the
:data:`MAX_NEIGHBOURS` documents before it: the copy graph stays connected, the pair count linear.

Example:
    >>> import numpy as np
    >>> keys = np.array([[1, 5], [2, 5], [1, 7]], dtype=np.uint64)
    >>> candidate_pairs(keys).tolist()
    [[0, 1], [0, 2]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Pairs made per document inside one bucket. Eight: copies of one dispatch are each paired with the
# eight before them in every band they share, which links them all; bigger buckets are stock phrases.
MAX_NEIGHBOURS = 8


def candidate_pairs(keys: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    """Document pairs that share at least one band key.

    Args:
        keys: ``(n, bands)`` ``uint64`` band keys.
        valid: optional ``(n,)`` boolean mask; documents outside it (empty texts) are never paired.

    Returns:
        A sorted ``(m, 2)`` ``int64`` array of distinct pairs ``(i, j)`` with ``i < j``.
    """
    import numpy as np

    n = keys.shape[0]
    index = np.arange(n, dtype=np.int64) if valid is None else np.flatnonzero(valid).astype(np.int64)
    found: list[np.ndarray] = []
    for band in range(keys.shape[1]):
        column = keys[index, band]
        order = np.lexsort((index, column))
        sorted_keys, sorted_ids = column[order], index[order]
        for back in range(1, MAX_NEIGHBOURS + 1):
            if back >= len(sorted_keys):
                break
            same = sorted_keys[back:] == sorted_keys[:-back]
            if not same.any():
                break
            found.append(sorted_ids[:-back][same] * n + sorted_ids[back:][same])
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.unique(np.concatenate(found))
    return np.stack((codes // n, codes % n), axis=1)
