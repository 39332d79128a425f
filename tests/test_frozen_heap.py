"""What a check leaves alive is frozen, and frozen cycles wait for the next thaw."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from factcheck import frozen_heap
from factcheck.frozen_heap import freeze_survivors


class Node:
    """A tracked object that can be put in a cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture(autouse=True)
def thaw_after() -> Iterator[None]:
    yield
    gc.unfreeze()


def _tracked(node: Node) -> bool:
    return any(found is node for found in gc.get_objects())


def test_what_is_alive_is_frozen_and_still_freed_when_dropped() -> None:
    node = Node()
    gone = weakref.ref(node)
    freeze_survivors()
    assert not _tracked(node), "the collector still walks it"
    del node
    assert gone() is None, "a frozen object must still be freed by reference counting"


def test_a_frozen_cycle_is_collected_at_the_next_thaw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frozen_heap, "THAW_EVERY", 3)
    monkeypatch.setattr(frozen_heap, "_freezes", 0)
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    freeze_survivors()  # the cycle is garbage, but frozen
    gc.collect()
    assert gone() is not None, "a full collection skips frozen objects"
    freeze_survivors()
    assert gone() is not None
    freeze_survivors()  # the third: thaw, collect, freeze again
    assert gone() is None, "the thaw must collect the cycles frozen since the last one"
    assert gc.get_freeze_count() > 0, "the heap is frozen again after the thaw"
