"""Number-like token groups and their normalised values, on tokens as spaCy splits them."""

from __future__ import annotations

import re

import pytest

from factcheck.documents import document_from_text
from factcheck.facts import number_values
from factcheck.facts.number_values import (
    NumberValue,
    may_start_number,
    read_values,
    sentence_values,
)
from factcheck.model import Span, Token
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import SEEDS

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


# Sentences with every way a number is written, and words that only look like one.
VARIED = [
    "The seventy-fifth anniversary fell on the twenty-second of May, a Thursday.",
    "The fund raised $30bn, then US$ 4.5 billion, and later 300 million pounds in 2019.",
    "They won 24-18 at home and lost 3 – 1 away, one of them said.",
    "Sales rose 40 per cent, or two percentage points, to 32,500 units in the 1990s.",
    "One hundred and five delegates, a thousand observers and twenty-two bidders came.",
    "She ran the 100m in 10.5 seconds; the 47-year-old is fourth, not 4th or first.",
    "Roubles 200 and dollars 30bn: a hundredth of the euros 5 million budget, ¥ 900.",
    "Fifty-odd ministers, forty-something aides and the Twenty-First Century Fund met.",
    "No numbers here at all, only words like someone, anyone and none.",
]


def plain_values(tokens: list[Token]) -> list[NumberValue]:
    """The reading without the pre-filter: every token tried as a number's start."""
    found: list[NumberValue] = []
    index = 0
    while index < len(tokens):
        value = number_values._read_at(tokens, index)
        if value is None:
            index += 1
            continue
        found.append(value)
        index = value.end_token
    return found


def seed_sentences() -> list[str]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("text", VARIED)
def test_the_pre_filter_reads_what_every_token_tried_reads(text: str) -> None:
    split = tokens(text)
    assert read_values(split) == plain_values(split)
    # Exact, not only the same result: no token it skips could start a number.
    for index, token in enumerate(split):
        if not may_start_number(token.lower):
            assert number_values._read_at(split, index) is None, token


def test_the_pre_filter_on_both_pipelines_over_the_seeds(pipeline: LoadedPipeline) -> None:
    text = "\n\n".join([*VARIED, *seed_sentences()])
    analysis = analyse(pipeline.nlp, document_from_text("x.txt", text), pipeline.key)
    fast = sentence_values(analysis)
    for sentence, found in zip(analysis.sentences, fast, strict=True):
        split = list(analysis.tokens[sentence.first_token : sentence.end_token])
        assert found == plain_values(split)
    assert sum(len(found) for found in fast) > 50  # the text has numbers to read


@pytest.mark.parametrize(
    ("word", "starts"),
    [
        ("seventy", True),  # of "seventy-fifth", split by the tokenizer
        ("seventy-fifth", True),
        ("hundred", True),
        ("thousand", True),
        ("fourth", True),
        ("$", True),
        ("dollars", True),
        ("30bn", True),
        ("24-18", True),
        ("per", False),
        ("cent", False),
        ("someone", False),
        ("and", False),
        ("-", False),
    ],
)
def test_which_words_may_start_a_number(word: str, starts: bool) -> None:
    assert may_start_number(word) is starts
