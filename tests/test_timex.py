from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from factcheck.nlp.timex import (
    RawTime,
    find_time_expressions,
    month_name,
    resolve,
    resolve_weekday,
    weekday_name,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(text: str) -> RawTime:
    found = find_time_expressions(text)
    assert len(found) == 1, found
    return found[0]


def fields(t: RawTime) -> tuple[str, int | None, int | None, int | None, int | None, bool]:
    return (t.text, t.weekday, t.year, t.month, t.day, t.relative)


# --- finding: sentences from the sample corpus -------------------------------------


def test_weekday_after_on_spans_the_weekday_only() -> None:
    text = "China's top legislator Zhao Leji on Monday called on China's National"
    found = only(text)
    assert fields(found) == ("Monday", 0, None, None, None, True)
    assert text[found.start : found.end] == "Monday"


def test_abbreviated_month_date_in_a_caption() -> None:
    text = "at the Great Hall of the People in Beijing, capital of China, Nov 22, 2023. [Photo]"
    found = only(text)
    assert fields(found) == ("Nov 22, 2023", None, 2023, 11, 22, False)
    assert text[found.start : found.end] == found.text


def test_ordinal_day_before_month_at_a_line_start() -> None:
    found = only("21st November 2023 \u2013 (Beijing) Zhao Leji, the Chairman")
    assert fields(found) == ("21st November 2023", None, 2023, 11, 21, False)
    assert found.start == 0


def test_month_and_day_without_year() -> None:
    found = only("the World Anti-Fascist War which is scheduled for September 3.")
    assert fields(found) == ("September 3", None, None, 9, 3, False)


def test_weekday_range_gives_two_expressions() -> None:
    found = find_time_expressions("an official visit to China from Tuesday to Thursday.")
    assert [fields(t) for t in found] == [
        ("Tuesday", 1, None, None, None, True),
        ("Thursday", 3, None, None, None, True),
    ]


def test_dateline_before_a_blank_line() -> None:
    found = find_time_expressions("November 23, 2023\n\nPresident Xi Jinping meets")
    assert [fields(t) for t in found] == [("November 23, 2023", None, 2023, 11, 23, False)]


def test_every_seed_document_yields_its_dates() -> None:
    texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    found = {name: [t.text for t in find_time_expressions(text)] for name, text in texts.items()}
    assert "Monday" in found["000"]
    assert "September 3" in found["001"]
    assert "21st November 2023" in found["002"]
    assert found["004"][:3] == ["November 23, 2023", "Nov 22, 2023", "Wednesday"]
    for name, text in texts.items():
        for t in find_time_expressions(text):
            assert text[t.start : t.end] == t.text, name


# --- finding: forms ---------------------------------------------------------------


def test_weekday_with_full_date_is_one_expression_reported_as_written() -> None:
    # 2025-08-26 was a Tuesday; the finder does not judge.
    found = only("The summit opens Monday, August 26, 2025, in Tianjin.")
    assert fields(found) == ("Monday, August 26, 2025", 0, 2025, 8, 26, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("August 26, 2025", (2025, 8, 26)),
        ("Aug 26, 2025", (2025, 8, 26)),
        ("Aug. 26", (None, 8, 26)),
        ("Sept. 3", (None, 9, 3)),
        ("November 21", (None, 11, 21)),
        ("November 21st", (None, 11, 21)),
        ("26 August 2025", (2025, 8, 26)),
        ("the 21st of November 2023", (2023, 11, 21)),
        ("2025-08-26", (2025, 8, 26)),
        ("at 2025-08-26T10:00Z", (2025, 8, 26)),
        ("NOVEMBER 23, 2023", (2023, 11, 23)),
        ("in November 2023", (2023, 11, None)),
        ("May 5", (None, 5, 5)),
        ("August\n26, 2025", (2025, 8, 26)),
        ("26\u00a0August", (None, 8, 26)),
    ],
)
def test_date_forms(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    found = only(text)
    assert (found.year, found.month, found.day) == expected
    assert found.weekday is None
    assert not found.relative


@pytest.mark.parametrize(
    ("text", "weekday", "date"),
    [
        ("Monday, 26 August 2025", 0, (2025, 8, 26)),
        ("Tuesday Aug. 26", 1, (None, 8, 26)),
    ],
)
def test_weekday_with_other_date_forms(
    text: str, weekday: int, date: tuple[int | None, int | None, int | None]
) -> None:
    found = only(text)
    assert found.text == text
    assert (found.weekday, found.year, found.month, found.day) == (weekday, *date)


@pytest.mark.parametrize("word", ["monday", "Monday", "MONDAY", "sunday"])
def test_weekdays_in_any_case(word: str) -> None:
    found = only(f"on {word} the delegation")
    assert found.text == word and found.relative


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again.",
        "They hope to meet in May.",
        "May the talks succeed.",
        "an august body of legislators",
        "march 3 kilometres",
        "open on Mondays",
        "2000 delegates attended",
        "in 1500 words",
        "a total of 2023 votes",
        "2025-13-01",
        "1,000 people on 12 occasions",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert find_time_expressions(text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("founded in 2005, it", [2005]),
        ("In 1949 the republic", [1949]),
        ("since 1949", [1949]),
        ("by mid-2024", [2024]),
        ("from 2019 to 2021", [2019, 2021]),
        ("between 2019 and 2021", [2019, 2021]),
        ("in 2019\u20132021", [2019, 2021]),
        ("at the end of 2023", [2023]),
    ],
)
def test_years_alone(text: str, years: list[int]) -> None:
    found = find_time_expressions(text)
    assert [t.year for t in found] == years
    assert all((t.month, t.day, t.weekday, t.relative) == (None, None, None, False) for t in found)
    assert [t.text for t in found] == [str(y) for y in years]


def test_relative_days() -> None:
    found = find_time_expressions("Yesterday's talks, today and tomorrow")
    assert [(t.text, t.relative, t.weekday) for t in found] == [
        ("Yesterday", True, None),
        ("today", True, None),
        ("tomorrow", True, None),
    ]


def test_expressions_come_in_order_without_overlap() -> None:
    text = "On Monday, Aug. 26, and on Wednesday, 28 August 2025, and in 2026."
    found = find_time_expressions(text)
    assert [t.text for t in found] == ["Monday, Aug. 26", "Wednesday, 28 August 2025", "2026"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --- resolving ----------------------------------------------------------------------

TUESDAY = dt.date(2025, 8, 26)


@pytest.mark.parametrize(
    ("weekday", "tense", "expected"),
    [
        (0, "past", dt.date(2025, 8, 25)),  # "on Monday" in a Tuesday story: yesterday
        (1, "past", TUESDAY),  # the same weekday: that day
        (2, "past", dt.date(2025, 8, 20)),  # Wednesday: last week's
        (1, "future", TUESDAY),
        (2, "future", dt.date(2025, 8, 27)),
        (0, "future", dt.date(2025, 9, 1)),
    ],
)
def test_resolve_weekday(weekday: int, tense: str, expected: dt.date) -> None:
    assert resolve_weekday(weekday, TUESDAY, tense=tense) == expected


def test_resolve_weekday_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        resolve_weekday(7, TUESDAY)
    with pytest.raises(ValueError):
        resolve_weekday(0, TUESDAY, tense="present")


def test_resolve_full_date_ignores_weekday_and_reference() -> None:
    expr = only("Monday, August 26, 2025")
    assert resolve(expr, None) == dt.date(2025, 8, 26)
    assert resolve(expr, dt.date(1999, 1, 1)) == dt.date(2025, 8, 26)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("September 3", dt.date(2025, 8, 26), dt.date(2025, 9, 3)),
        ("December 30", dt.date(2024, 1, 2), dt.date(2023, 12, 30)),  # last year
        ("January 2", dt.date(2023, 12, 30), dt.date(2024, 1, 2)),  # next year
        ("February 29", dt.date(2024, 3, 1), dt.date(2024, 2, 29)),
    ],
)
def test_resolve_day_and_month_takes_the_closest_year(
    text: str, reference: dt.date, expected: dt.date
) -> None:
    assert resolve(only(text), reference) == expected


def test_resolve_relative_expressions() -> None:
    reference = dt.date(2023, 11, 23)  # a Thursday
    monday, wednesday = find_time_expressions("on Monday and on Wednesday")
    assert resolve(monday, reference) == dt.date(2023, 11, 20)
    assert resolve(wednesday, reference) == dt.date(2023, 11, 22)
    assert resolve(monday, reference, tense="future") == dt.date(2023, 11, 27)
    yesterday, today, tomorrow = find_time_expressions("Yesterday, today, tomorrow")
    assert resolve(yesterday, reference) == dt.date(2023, 11, 22)
    assert resolve(today, reference) == reference
    assert resolve(tomorrow, reference) == dt.date(2023, 11, 24)


@pytest.mark.parametrize("text", ["on Monday", "yesterday", "September 3"])
def test_resolve_without_reference_gives_none(text: str) -> None:
    assert resolve(only(text), None) is None


@pytest.mark.parametrize("text", ["in 2005", "November 2023", "2025-02-30", "February 30, 2025"])
def test_resolve_gives_none_for_no_single_day(text: str) -> None:
    assert resolve(only(text), dt.date(2025, 8, 26)) is None


def test_names() -> None:
    assert [weekday_name(i) for i in range(7)][:2] == ["Monday", "Tuesday"]
    assert weekday_name(6) == "Sunday"
    assert month_name(1) == "January"
    assert month_name(12) == "December"
    with pytest.raises(ValueError):
        weekday_name(7)
    with pytest.raises(ValueError):
        month_name(0)


# --- hostile text: case folding and the ends of the calendar ------------------------


@pytest.mark.parametrize(("written", "weekday"), [("Tueſday", 1), ("TUEſDAY", 1), ("ſunday", 6)])
def test_a_weekday_with_a_long_s_is_read(written: str, weekday: int) -> None:
    # re.IGNORECASE matches "ſ" to "s", so the finder reports it; looking it up
    # must fold it the same way.
    text = f"the meeting on {written} ended"
    found = only(text)
    assert fields(found) == (written, weekday, None, None, None, True)
    assert text[found.start : found.end] == written


def test_a_relative_day_with_a_long_s_resolves() -> None:
    found = only("Zhao spoke yeſterday.")
    assert resolve(found, dt.date(2025, 8, 26)) == dt.date(2025, 8, 25)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("on Sunday", dt.date.min),  # 0001-01-01 is a Monday: the Sunday before it is no date
        ("yesterday", dt.date.min),
        ("tomorrow", dt.date.max),
    ],
)
def test_a_day_outside_the_calendar_resolves_to_none(text: str, reference: dt.date) -> None:
    assert resolve(only(text), reference) is None


def test_a_weekday_on_the_first_day_of_the_calendar_still_resolves() -> None:
    assert resolve(only("on Monday"), dt.date.min) == dt.date.min


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("the coach who arrived in October left", 10),
        ("a verdict is due by the end of March", 3),
        ("prices have risen since January", 1),
        ("the merger agreed last September", 9),
    ],
)
def test_a_month_alone_after_a_time_word_is_a_month(text: str, month: int) -> None:
    found = only(text)
    assert (found.month, found.day, found.year, found.weekday) == (month, None, None, None)
    assert found.text == text[found.start : found.end] and found.text.istitle()


@pytest.mark.parametrize(
    "text",
    ["a march on the capital", "in October's vote", "the October revolution", "in May"],
)
def test_a_month_without_a_time_word_or_as_a_possessive_is_not_a_date(text: str) -> None:
    assert find_time_expressions(text) == []


def test_a_month_alone_resolves_to_no_single_day() -> None:
    assert resolve(only("since October"), dt.date(2025, 8, 26)) is None


@pytest.mark.parametrize(("text", "found"), [("on 3 March.", "3 March"), ("on 3 Mar.", "3 Mar.")])
def test_the_stop_after_a_full_month_name_ends_the_sentence(text: str, found: str) -> None:
    assert only(text).text == found
