"""Number-like token groups read off a sentence's tokens, with normalised values.

A value is one number with what makes it comparable: its kind (a plain number,
an ordinal, a percentage, percentage points, money in a currency, a score) and
its amount with the magnitude applied. "$30bn", "$30 billion" and "30 billion
dollars" are one value; so are "five" and "5", and "fourth" and "4th". Only
the token shapes are read, so the rule-based pipeline reads what the
statistical one does; the tagger's NUM is one more vote for a bare word.

A four-digit whole number with nothing around it is taken for a year and left
to the date checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from factcheck.model import Analysis, Span, Token
from factcheck.nlp.numbers import cardinal_value, ordinal_value

__all__ = ["NumberValue", "may_start_number", "read_values", "sentence_values"]

_CURRENCY_SYMBOLS = {"$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
_CURRENCY_WORDS = {
    "dollar": "dollar",
    "dollars": "dollar",
    "pound": "pound",
    "pounds": "pound",
    "euro": "euro",
    "euros": "euro",
    "yen": "yen",
    "rouble": "rouble",
    "roubles": "rouble",
    "ruble": "rouble",
    "rubles": "rouble",
}
_MAGNITUDES = {
    "thousand": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
# "m" and "k" are million and thousand only beside a currency: "100m" alone may be metres.
_MONEY_MAGNITUDES = {**_MAGNITUDES, "m": 10**6, "k": 10**3}
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ATTACHED = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")
_SCORE = re.compile(r"(\d{1,3})-(\d{1,3})")
_PERCENT = {"%", "percent"}
_YEARS = range(1800, 2101)
_DIGIT = re.compile(r"\d")
# How ``nlp.numbers`` splits number words ("seventy-five", "one hundred").
_WORD_SEPARATOR = re.compile(r"[-\s]+")
# Distinct token texts asked whether they may start a number; a corpus's vocabulary
# repeats, so this many covers most of it.
_STARTS_KEPT = 1 << 16


@dataclass(frozen=True)
class NumberValue:
    """One number as read: ``kind`` says what may be compared with it."""

    kind: str  # "number", "ordinal", "percent", "points", "score", "money:<currency>"
    amount: tuple[float, ...]
    span: Span
    first_token: int  # index into the tokens given to :func:`read_values`
    end_token: int

    @cached_property
    def key(self) -> tuple[str, tuple[float, ...]]:
        """What a stated value is looked up by: its kind and its amounts, rounded.
        Computed once: a corpus value kept with its document serves many builds."""
        return self.kind, tuple(round(a, 6) for a in self.amount)

    def same(self, other: NumberValue) -> bool:
        return self.kind == other.kind and all(
            abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
            for a, b in zip(self.amount, other.amount, strict=True)
        )


def _number(token: Token) -> tuple[float, str] | None:
    """The amount of one token and any magnitude written onto it ("30bn")."""
    text = token.lower
    if _NUMBER.fullmatch(text):
        return float(text.replace(",", "")), ""
    attached = _ATTACHED.fullmatch(text)
    if attached and attached.group(2) in _MONEY_MAGNITUDES:
        return float(attached.group(1)), attached.group(2)
    if token.pos == "PRON":
        return None  # "one of them"
    value = cardinal_value(text)
    if value is not None and not text[:1].isdigit():
        return float(value), ""
    return None


def read_values(tokens: Sequence[Token]) -> list[NumberValue]:
    """The number-like groups among ``tokens`` (one sentence), in order."""
    values: list[NumberValue] = []
    index = 0
    while index < len(tokens):
        # Most tokens are words that cannot start a number: the cheap test first,
        # since reading one tries every way a number can be written.
        if not may_start_number(tokens[index].lower):
            index += 1
            continue
        value = _read_at(tokens, index)
        if value is None:
            index += 1
            continue
        values.append(value)
        index = value.end_token
    return values


def sentence_values(analysis: Analysis) -> list[list[NumberValue]]:
    """The number-like groups of each sentence of ``analysis``: read once, for
    every index that needs them (token indices are into the sentence's tokens)."""
    return [
        read_values(analysis.tokens[sentence.first_token : sentence.end_token])
        for sentence in analysis.sentences
    ]


@lru_cache(maxsize=_STARTS_KEPT)
def may_start_number(lower: str) -> bool:
    """Can a token written ``lower`` start a number group? Every token
    :func:`_read_at` reads from is one of these: one with a digit, a currency
    symbol or word, a number word, or the first part of a hyphenated or spaced
    one ("seventy" of "seventy-fifth"). Any other reads as nothing there,
    whatever follows it, so it need not be tried."""
    if _DIGIT.search(lower) or lower in _CURRENCY_SYMBOLS or lower in _CURRENCY_WORDS:
        return True
    # As ``cardinal_value`` and ``ordinal_value`` read it: a number in words is
    # one only if its first word is one by itself ("hundred" and "thousand" too).
    first = next((part for part in _WORD_SEPARATOR.split(lower.strip().lower()) if part), "")
    return cardinal_value(first) is not None or ordinal_value(first) is not None


def _compound_word(tokens: Sequence[Token], start: int) -> tuple[float, str, int] | None:
    """A hyphenated number word the tokenizer split ("seventy-fifth" as three tokens):
    its value, kind and end."""
    if start + 2 >= len(tokens) or tokens[start + 1].text != "-":
        return None
    left, dash, right = tokens[start], tokens[start + 1], tokens[start + 2]
    if not (left.span.end == dash.span.start and dash.span.end == right.span.start):
        return None
    if not (left.lower.isalpha() and right.lower.isalpha()):
        return None
    joined = f"{left.lower}-{right.lower}"
    ordinal = ordinal_value(joined)
    if ordinal is not None:
        return float(ordinal), "ordinal", start + 3
    cardinal = cardinal_value(joined)
    if cardinal is not None:
        return float(cardinal), "number", start + 3
    return None


def _read_at(tokens: Sequence[Token], start: int) -> NumberValue | None:
    token = tokens[start]
    compound = _compound_word(tokens, start)
    if compound is not None:
        amount, kind, end = compound
        span = Span(token.span.start, tokens[end - 1].span.end)
        return NumberValue(kind, (amount,), span, start, end)
    ordinal = ordinal_value(token.lower)
    if ordinal is not None:
        return NumberValue("ordinal", (float(ordinal),), token.span, start, start + 1)
    score = _SCORE.fullmatch(token.lower)
    if score:
        goals = (float(score.group(1)), float(score.group(2)))
        return NumberValue("score", goals, token.span, start, start + 1)
    currency = None
    index = start
    if token.lower in _CURRENCY_SYMBOLS or (
        token.lower in _CURRENCY_WORDS and start + 1 < len(tokens) and _number(tokens[start + 1])
    ):
        currency = _CURRENCY_SYMBOLS.get(token.lower) or _CURRENCY_WORDS[token.lower]
        index += 1
    if index >= len(tokens):
        return None
    read = _number(tokens[index])
    if read is None:
        return None
    amount, magnitude = read
    index += 1
    score_end = _score_end(tokens, index)
    if currency is None and magnitude == "" and score_end:
        second = _number(tokens[index + 1])
        assert second is not None
        span = Span(tokens[start].span.start, tokens[score_end - 1].span.end)
        return NumberValue("score", (amount, second[0]), span, start, score_end)
    if not magnitude and index < len(tokens):
        word = tokens[index].lower
        table = _MONEY_MAGNITUDES if currency else _MAGNITUDES
        if word in table:
            magnitude = word
            index += 1
    if magnitude:
        amount *= _MONEY_MAGNITUDES[magnitude]
    kind = "number"
    if currency is not None:
        kind = f"money:{currency}"
    elif index < len(tokens):
        kind, index = _unit_after(tokens, index)
    if magnitude in {"m", "k"} and not kind.startswith("money:"):
        return None  # "100m" without a currency: metres as likely as millions
    if kind == "number" and not magnitude and amount in _YEARS and "." not in tokens[start].text:
        return None  # a year
    span = Span(tokens[start].span.start, tokens[index - 1].span.end)
    return NumberValue(kind, (amount,), span, start, index)


def _score_end(tokens: Sequence[Token], index: int) -> int:
    """ "24-18" split into three tokens with nothing between them: the end of the score."""
    if index + 1 >= len(tokens) or tokens[index].text not in {"-", "–"}:
        return 0
    left, dash, right = tokens[index - 1], tokens[index], tokens[index + 1]
    touching = left.span.end == dash.span.start and dash.span.end == right.span.start
    if touching and _NUMBER.fullmatch(right.lower) and _NUMBER.fullmatch(left.lower):
        return index + 2
    return 0


def _unit_after(tokens: Sequence[Token], index: int) -> tuple[str, int]:
    word = tokens[index].lower
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if word in _PERCENT:
        return "percent", index + 1
    if word == "per" and following == "cent":
        return "percent", index + 2
    if word == "percentage" and following in {"point", "points"}:
        return "points", index + 2
    if word in _CURRENCY_WORDS:
        return f"money:{_CURRENCY_WORDS[word]}", index + 1
    return "number", index
