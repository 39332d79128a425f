from __future__ import annotations

import re

import pytest

from factcheck.nlp.casing import fold_case


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Tueſday", "tuesday"), ("İstanbul", "istanbul"), ("\u212aelvin", "kelvin"), ("ıi", "ii")],
)
def test_fold_case_maps_what_ignorecase_matches_to_ascii(text: str, folded: str) -> None:
    assert fold_case(text) == folded


def test_fold_case_keeps_the_length_of_every_character() -> None:
    for code in range(0x110000):
        if not 0xD800 <= code <= 0xDFFF:
            assert len(fold_case(chr(code))) == 1, hex(code)


def test_every_letter_ignorecase_equates_with_an_ascii_one_folds_to_it() -> None:
    for code in range(0x80, 0x3000):
        char = chr(code)
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, char, re.IGNORECASE):
                assert fold_case(char) == letter, hex(code)
