from __future__ import annotations

import pytest

from factcheck.nlp.numbers import (
    MAX_VALUE,
    cardinal_value,
    cardinal_words,
    format_ordinal_like,
    ordinal_suffix,
    ordinal_value,
    ordinal_words,
)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("10th", 10),
        ("1st", 1),
        ("22nd", 22),
        ("3rd", 3),
        ("75th", 75),
        ("1,000th", 1000),
        ("10TH", 10),
        ("tenth", 10),
        ("Tenth", 10),
        ("first", 1),
        ("second", 2),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("seventy-fifth", 75),
        ("Seventy-Fifth", 75),
        ("ninety-ninth", 99),
        ("hundredth", 100),
        ("one hundredth", 100),
        ("one-hundred-and-first", 101),
        ("nine hundred ninety-ninth", 999),
        ("thousandth", 1000),
    ],
)
def test_ordinal_value_reads_digits_and_words(word: str, value: int) -> None:
    assert ordinal_value(word) == value


@pytest.mark.parametrize(
    "word",
    ["10", "ten", "twenty", "zeroth", "twenty-twenty", "first-second", "tenths", "10thh", "", "x"],
)
def test_ordinal_value_rejects_non_ordinals(word: str) -> None:
    assert ordinal_value(word) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("10", 10),
        ("0", 0),
        ("1,000", 1000),
        ("12,500,000", 12_500_000),
        ("ten", 10),
        ("Ten", 10),
        ("nineteen", 19),
        ("twenty-five", 25),
        ("forty", 40),
        ("two hundred", 200),
        ("two thousand and five", 2005),
    ],
)
def test_cardinal_value_reads_digits_and_words(word: str, value: int) -> None:
    assert cardinal_value(word) == value


@pytest.mark.parametrize(
    "word", ["tenth", "10th", "1,00", "1,0000", "twenty-ten", "five-twenty", "and", "dozen", ""]
)
def test_cardinal_value_rejects_non_cardinals(word: str) -> None:
    assert cardinal_value(word) is None


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0th"),
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinal_suffix(n: int, text: str) -> None:
    assert ordinal_suffix(n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "first"),
        (5, "fifth"),
        (9, "ninth"),
        (10, "tenth"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty-first"),
        (75, "seventy-fifth"),
        (100, "one hundredth"),
        (101, "one hundred first"),
    ],
)
def test_ordinal_words(n: int, text: str) -> None:
    assert ordinal_words(n) == text


def test_words_read_back_for_every_value_up_to_two_thousand() -> None:
    for n in range(1, 2000):
        assert ordinal_value(ordinal_words(n)) == n
        assert ordinal_value(ordinal_suffix(n)) == n
        assert cardinal_value(cardinal_words(n)) == n


@pytest.mark.parametrize("n", [-1, 0])
def test_ordinal_words_rejects_values_without_an_ordinal(n: int) -> None:
    with pytest.raises(ValueError):
        ordinal_words(n)


@pytest.mark.parametrize(
    ("n", "example", "text"),
    [
        (11, "10th", "11th"),
        (22, "1st", "22nd"),
        (11, "tenth", "eleventh"),
        (11, "Tenth", "Eleventh"),
        (21, "TENTH", "TWENTY-FIRST"),
        (21, "Seventy-Fifth", "Twenty-First"),
        (21, "Seventy-fifth", "Twenty-first"),
        (3, "2ND", "3RD"),
        (1001, "1,000th", "1,001st"),
    ],
)
def test_format_ordinal_like_follows_the_example(n: int, example: str, text: str) -> None:
    assert format_ordinal_like(n, example) == text


# --- large numbers: words past a million, digits past what int() converts ----------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1_000_000, "one million"),
        (1_200_000, "one million two hundred thousand"),
        (2_000_000_017, "two billion seventeen"),
        (MAX_VALUE, "nine hundred ninety-nine trillion nine hundred ninety-nine billion "
         "nine hundred ninety-nine million nine hundred ninety-nine thousand "
         "nine hundred ninety-nine"),
    ],
)  # fmt: skip
def test_cardinal_words_past_a_million(n: int, words: str) -> None:
    assert cardinal_words(n) == words
    assert cardinal_value(words) == n


def test_words_read_back_across_every_scale() -> None:
    for scale in range(6, 15):
        for n in (10**scale, 10**scale + 1, 7 * 10**scale - 1, 123_456 * 10 ** (scale - 5) + 9):
            assert cardinal_value(cardinal_words(n)) == n
            assert ordinal_value(ordinal_words(n)) == n


def test_a_corpus_count_past_a_million_is_written_like_a_word_example() -> None:
    assert format_ordinal_like(1_200_000, "fifth") == "one million two hundred thousandth"


def test_a_count_with_no_words_is_written_in_digits() -> None:
    assert format_ordinal_like(MAX_VALUE + 1, "fifth") == f"{MAX_VALUE + 1}th"


@pytest.mark.parametrize(
    "words",
    ["one thousand two thousand", "one million one million", "thousand million", "million and"],
)
def test_scales_out_of_order_are_not_a_number(words: str) -> None:
    assert cardinal_value(words) is None


def test_a_number_longer_than_int_converts_is_not_read() -> None:
    # Python refuses int() of more than 4,300 digits; such a number is no count.
    assert ordinal_value("1" * 4301 + "th") is None
    assert cardinal_value("1" * 4301) is None
    assert cardinal_value("9" * (len(str(MAX_VALUE)) + 1)) is None
    assert cardinal_value(str(MAX_VALUE)) == MAX_VALUE
