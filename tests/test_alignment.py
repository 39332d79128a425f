"""Word-by-word sentence alignment: what counts as a word of a sentence."""

from __future__ import annotations

import sys

from factcheck.facts.alignment import ALNUM


def test_a_letter_or_digit_is_what_isalnum_says() -> None:
    # Every code point: the search stands in for ``any(c.isalnum() for c in text)``.
    differ = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if bool(ALNUM.search(chr(point))) != chr(point).isalnum()
    ]
    assert differ == []
