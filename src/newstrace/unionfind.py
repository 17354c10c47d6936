"""Disjoint sets (union-find) over ``0..n-1``: the connected components that grouping stages build.

Deterministic: the smaller index is always the root, so components and their order do not depend on the
order in which pairs are joined. Path halving keeps every operation near O(1) amortised.

Example:
    >>> sets = DisjointSets(4)
    >>> sets.union(3, 1); sets.union(1, 0)
    >>> sets.components()
    [[0, 1, 3], [2]]
"""

from __future__ import annotations


class DisjointSets:
    """``n`` singletons to be joined with :meth:`union`."""

    __slots__ = ("_parent",)

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The root (smallest member) of ``i``'s set."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[int]]:
        """Every set as a sorted list, sets ordered by their smallest member."""
        groups: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            groups.setdefault(self.find(i), []).append(i)
        return list(groups.values())
