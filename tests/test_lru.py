"""The bounded map of factcheck/lru.py."""

from __future__ import annotations

import pytest

from factcheck.lru import Lru


def test_the_least_recently_used_entry_goes_first() -> None:
    kept: Lru[str, int] = Lru(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # "a" is now newer than "b"
    kept.put("c", 3)
    assert "b" not in kept and kept.get("a") == 1 and kept.get("c") == 3
    assert len(kept) == 2


def test_storing_an_existing_key_replaces_and_refreshes_it() -> None:
    kept: Lru[str, int] = Lru(2)
    kept.put("a", 1)
    kept.put("b", 2)
    kept.put("a", 10)
    kept.put("c", 3)
    assert kept.get("a") == 10 and "b" not in kept


def test_clear_empties_and_a_size_below_one_is_refused() -> None:
    kept: Lru[str, int] = Lru(1)
    kept.put("a", 1)
    kept.clear()
    assert len(kept) == 0 and kept.get("a") is None
    with pytest.raises(ValueError, match="at least one"):
        Lru(0)
