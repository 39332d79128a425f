"""A document's mentions or times grouped by the sentence they stand in.

The fact base and the checkers ask about one sentence at a time (its names, its
times); each document's items are grouped once, here, rather than scanned for
every question.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

__all__ = ["by_sentence"]


class _InSentence(Protocol):
    @property
    def sentence(self) -> int: ...


_Item = TypeVar("_Item", bound=_InSentence)


def by_sentence(items: Iterable[_Item]) -> Mapping[int, tuple[_Item, ...]]:
    """``items`` by the index of their sentence, in their order; a sentence with
    none is not a key."""
    found: dict[int, list[_Item]] = {}
    for item in items:
        found.setdefault(item.sentence, []).append(item)
    return types.MappingProxyType({index: tuple(group) for index, group in found.items()})
