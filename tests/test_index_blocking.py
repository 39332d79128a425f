"""Blocking keys for fuzzy name look-up (factcheck/index/blocking.py)."""

from __future__ import annotations

import pytest

from factcheck.index.blocking import closeness, word_blocks


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("yacheslav", "vyacheslav"),  # a letter dropped
        ("volodim", "volodin"),  # one replaced
        ("voldoin", "volodin"),  # two swapped
        ("viacheslav", "vyacheslav"),  # another romanisation
    ],
)
def test_a_misspelling_shares_a_block_with_its_word(written: str, known: str) -> None:
    assert word_blocks(written) & word_blocks(known)
    assert 0.8 < closeness(written, known, 85.0) < 1.0


def test_unrelated_words_share_no_block_and_are_not_close() -> None:
    assert not word_blocks("volodin") & word_blocks("petrov")
    assert closeness("volodin", "petrov", 85.0) == 0.0


def test_short_words_one_letter_apart_are_close_only_as_the_name_book_allows() -> None:
    # Two letters: never one word spelt two ways, even with context.
    assert closeness("xi", "xu", 85.0) == 0.0
    assert closeness("Volodin", "volodin", 85.0) == 1.0
