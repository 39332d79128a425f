"""Founding years: the year shift of an anniversary, and claims read from text."""

from __future__ import annotations

from factcheck.facts.founding import year_shift
from factcheck.model import CountExpression, Span


def _shift(text: str, ordinal: str) -> int:
    start = text.index(ordinal)
    count = CountExpression(Span(start, start + len(ordinal)), ordinal, 0, "anniversary", "", 0)
    return year_shift(text, Span(0, len(text)), count)


def test_the_year_an_anniversary_falls_in() -> None:
    assert _shift("As next year will mark the 75th anniversary of ties, Xi said.", "75th") == 1
    assert _shift("Last year marked the 19th anniversary of the forum.", "19th") == -1
    assert _shift("This year marks the 20th anniversary of the forum.", "20th") == 0
    assert _shift("The forum marks its 20th anniversary.", "20th") == 0
    # The nearest "... year" decides.
    text = "Last year he left; this year marks the 20th anniversary of the forum."
    assert _shift(text, "20th") == 0
