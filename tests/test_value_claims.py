"""Age windows and slot matching of values against the corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.facts.records import Occurrence
from factcheck.facts.value_claims import _allowed, _same_thing, _Stated
from factcheck.model import Span, ValueClaim


def _claim(value: float, noun: str = "age", **fields: object) -> ValueClaim:
    base: dict[str, object] = {
        "span": Span(0, 2),
        "text": str(int(value)),
        "value": value,
        "noun": noun,
        "modifiers": (),
        "governor": "",
        "whole": "",
        "owners": (),
        "sentence": 0,
        "is_age": noun == "age",
    }
    base.update(fields)
    return ValueClaim(**base)  # type: ignore[arg-type]


def _stated(
    claim: ValueClaim, owners: frozenset[str] = frozenset(), date: dt.date | None = None
) -> _Stated:
    return _Stated(claim, owners, date, Occurrence("a.txt", 1, "A sentence."))


STATED_ON = dt.date(2020, 6, 1)


@pytest.mark.parametrize(
    ("draft_date", "allowed"),
    [
        (STATED_ON, {47.0}),  # the same day: the same age
        (dt.date(2020, 9, 1), {47.0, 48.0}),  # a birthday may have passed since
        (dt.date(2020, 3, 1), {46.0, 47.0}),  # or may not have come yet before
        (dt.date(2022, 6, 1), {49.0}),  # two years on to the day
        (dt.date(2022, 9, 1), {49.0, 50.0}),
        (None, {47.0}),  # an undated draft: as stated
    ],
)
def test_an_age_moves_with_the_calendar(draft_date: dt.date | None, allowed: set[float]) -> None:
    assert _allowed(_stated(_claim(47.0), date=STATED_ON), draft_date) == allowed


def test_a_count_does_not_move_with_the_calendar() -> None:
    count = _claim(5.0, "member", whole="panel")
    assert _allowed(_stated(count, date=STATED_ON), dt.date(2024, 1, 1)) == {5.0}


@pytest.mark.parametrize(
    ("draft", "owners", "stated", "stated_owners", "same"),
    [
        # An age is the same person's, or nobody's to compare.
        (_claim(50.0), {"Ada Lund"}, _claim(47.0), {"Ada Lund"}, True),
        (_claim(50.0), {"Ada Lund"}, _claim(47.0), {"Bo Lund"}, False),
        # A count with owners on both sides: the same owner, placed alike.
        (_claim(2.0, "year", governor="ban"), {"Ada Lund"}, _claim(4.0, "year", governor="ban"), {"Ada Lund"}, True),
        (_claim(2.0, "year", governor="ban"), {"Ada Lund"}, _claim(4.0, "year", governor="ban"), {"Bo Lund"}, False),
        (_claim(2.0, "year", governor="ban"), {"Ada Lund"}, _claim(4.0, "year", governor="live"), {"Ada Lund"}, False),
        # Modifiers on both sides and none shared: two things.
        (_claim(8.0, "tape", modifiers=("audio",), governor="hold"), {"Ada Lund"}, _claim(9.0, "tape", modifiers=("video",), governor="hold"), {"Ada Lund"}, False),
        # No owner: the size of the same whole, or a modifier and the verb shared.
        (_claim(7.0, "member", whole="panel"), set(), _claim(5.0, "member", whole="panel"), set(), True),
        (_claim(7.0, "member", whole="choir"), set(), _claim(5.0, "member", whole="panel"), set(), False),
        (_claim(3.0, "head", modifiers=("state",), governor="meet"), set(), _claim(2.0, "head", modifiers=("state",), governor="reach"), set(), False),
        (_claim(3.0, "head", modifiers=("state",), governor="meet"), set(), _claim(2.0, "head", modifiers=("state",), governor="meet"), set(), True),
        # An ordinal is only someone's: "a second half" is every match's.
        (_claim(1.0, "#half", modifiers=("goal",)), set(), _claim(2.0, "#half", modifiers=("goal",)), set(), False),
        (_claim(4.0, "#term", governor="win"), {"Ada Lund"}, _claim(3.0, "#term", governor="win"), {"Ada Lund"}, True),
    ],
)  # fmt: skip
def test_what_makes_two_values_about_the_same_thing(
    draft: ValueClaim, owners: set[str], stated: ValueClaim, stated_owners: set[str], same: bool
) -> None:
    assert _same_thing(draft, frozenset(owners), _stated(stated, frozenset(stated_owners))) is same
