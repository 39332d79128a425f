"""Number-like token groups and their normalised values, on tokens as spaCy splits them."""

from __future__ import annotations

import re

import pytest

from factcheck.facts.number_values import NumberValue, read_values
from factcheck.model import Span, Token

# Splits as the tokenizer does for these cases: a currency symbol, "%" and a
# hyphen are tokens of their own; "30bn" and "32,500" stay whole.
_TOKEN = re.compile(r"US\$|[$£€%]|\d+(?:[.,]\d+)*[a-z]*|[A-Za-z]+|[^\sA-Za-z\d]")


def tokens(text: str) -> list[Token]:
    return [
        Token(Span(m.start(), m.end()), m.group(), m.group().lower(), m.group().lower(), "")
        for m in _TOKEN.finditer(text)
    ]


def values(text: str) -> list[NumberValue]:
    return read_values(tokens(text))


def only(text: str) -> NumberValue:
    found = values(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a budget of $30bn", "a budget of $30 billion"),
        ("a budget of $30bn", "a budget of 30 billion dollars"),
        ("a budget of $30bn", "a budget of dollars 30bn"),
        ("spent £300m", "spent £ 300 m"),
        ("spent £300m", "spent 300 million pounds"),
        ("five registered bidders", "5 registered bidders"),
        ("a fourth term", "a 4th term"),
        ("rose 40%", "rose 40 per cent"),
        ("32,500 people", "32500 people"),
        # A hyphenated number word split by the tokenizer is one number.
        ("the seventy-fifth anniversary", "the 75th anniversary"),
        ("twenty-two bidders", "22 bidders"),
    ],
)
def test_one_number_however_written(a: str, b: str) -> None:
    assert only(a).same(only(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a budget of $30bn", "a budget of $30m"),  # the magnitude counts
        ("a budget of $30bn", "a budget of £30bn"),  # and the currency
        ("rose 40%", "rose 40 points"),  # a percentage is not a plain number
        ("rose two percentage points", "rose 2%"),
        ("the fourth win", "four wins"),  # an ordinal is not a cardinal
    ],
)
def test_different_numbers(a: str, b: str) -> None:
    assert not only(a).same(only(b))


def test_the_span_covers_currency_magnitude_and_unit() -> None:
    text = "It paid 4.5 billion dollars and cut 2 percentage points."
    found = [text[v.span.start : v.span.end] for v in values(text)]
    assert found == ["4.5 billion dollars", "2 percentage points"]


def test_ages_and_scores() -> None:
    assert only("Ms Okafor, 47, said").kind == "number"
    assert only("the 47-year-old").amount == (47.0,)
    score = only("won 24-18 at home")
    assert score.kind == "score" and score.amount == (24.0, 18.0)


def test_years_and_lone_metres_are_not_counts() -> None:
    assert values("The port opened in 1998.") == []
    assert values("She ran the 100m.") == []


def test_one_as_a_pronoun_is_not_a_number() -> None:
    token = Token(Span(0, 3), "one", "one", "one", "PRON")
    assert read_values([token]) == []
    assert read_values([Token(Span(0, 3), "one", "one", "one", "NUM")])[0].amount == (1.0,)
