"""What the helpers that read a finished fact base build from it, once per fact base.

The counts checker's value index, the participants' sentences by person and
the people's company are each built from a whole :class:`CorpusFacts` on
first use and kept for the next drafts checked against it. They are kept in a
table keyed by weak reference, so the table never keeps a fact base alive; and
what is kept must not refer to the fact base either, since a weak-keyed value
that holds its key keeps it for good. (Before 9f6e37b the value index held
its fact base, and no fact base the engine dropped was ever freed.)
``tests/test_engine.py`` drops a fact base that every checker has read and
fails if anything still holds it.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

__all__ = ["built_once_per_fact_base"]

_FactBase = TypeVar("_FactBase")
_Built = TypeVar("_Built")


def built_once_per_fact_base(
    build: Callable[[_FactBase], _Built],
) -> Callable[[_FactBase], _Built]:
    """``build`` called once for each fact base, its result kept while that fact base
    lives; what it returns must hold no reference to the fact base."""
    kept: weakref.WeakKeyDictionary[_FactBase, _Built] = weakref.WeakKeyDictionary()

    @functools.wraps(build)
    def built(fact_base: _FactBase) -> _Built:
        found = kept.get(fact_base)
        if found is None:
            found = kept[fact_base] = build(fact_base)
        return found

    return built
