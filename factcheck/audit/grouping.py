"""Grouping facts: by a key, and into occasions on which documents differ."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from factcheck.facts import Fact

_F = TypeVar("_F", bound=Fact)
_K = TypeVar("_K")


def grouped(items: Iterable[_F], key: Callable[[_F], _K]) -> dict[_K, list[_F]]:
    groups: dict[_K, list[_F]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def occasions(
    facts: Sequence[_F],
    related: Callable[[_F, _F], bool],
    differ: Callable[[_F, _F], bool],
) -> Iterable[list[_F]]:
    """Groups of related facts in which two documents differ.

    Related facts are joined transitively, so that every document stating
    one occasion lands in the same group and the occasion is reported once.
    A group counts only when two related facts from different documents
    differ: one article giving two dates for the same people is more likely
    telling of two meetings than contradicting itself.
    """
    joined = UnionFind(len(facts))
    pairs = [(i, j) for i in range(len(facts)) for j in range(i + 1, len(facts))]
    related_pairs = [(i, j) for i, j in pairs if related(facts[i], facts[j])]
    for i, j in related_pairs:
        joined.join(i, j)
    conflicted = {
        joined.root(i)
        for i, j in related_pairs
        if differ(facts[i], facts[j]) and _sources(facts[i]).isdisjoint(_sources(facts[j]))
    }
    groups: dict[int, list[_F]] = defaultdict(list)
    for index, fact in enumerate(facts):
        if joined.root(index) in conflicted:
            groups[joined.root(index)].append(fact)
    return list(groups.values())


class UnionFind:
    """Disjoint sets of ``0..size-1``: joins related items transitively."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self._parent[self.root(a)] = self.root(b)


def _sources(fact: Fact) -> set[str]:
    return {o.source for o in fact.occurrences}
