"""Disjoint sets: components do not depend on the order pairs are joined in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.unionfind import DisjointSets

PAIRS = st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=40)


@given(PAIRS)
def test_components_are_independent_of_join_order(pairs: list[tuple[int, int]]) -> None:
    forward, backward = DisjointSets(20), DisjointSets(20)
    for a, b in pairs:
        forward.union(a, b)
    for a, b in reversed(pairs):
        backward.union(b, a)
    assert forward.components() == backward.components()
    assert sorted(i for c in forward.components() for i in c) == list(range(20))


def test_roots_are_smallest_members() -> None:
    sets = DisjointSets(5)
    sets.union(4, 2)
    sets.union(2, 3)
    assert sets.find(3) == 2 and sets.components() == [[0], [1], [2, 3, 4]]
