"""Time expressions found by regular expressions, and resolving them to dates.

The finder reports what is written: "Monday, August 26, 2025" gives weekday 0
and the date 2025-08-26 even though that day was a Tuesday. Judging whether
the two agree, or whether a weekday matches the document's date, is the date
checkers' work.

A span covers the date phrase itself, never the preposition in front of it:
"on Monday" gives "Monday". Month names count only when capitalised and
followed or preceded by a day or a year, or written in full after a word that
introduces a time ("in October", "by the end of March"), so "may" and a bare
"May" are never dates, and "august" in "an august body" is not a month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.nlp.casing import fold_case

__all__ = [
    "RawTime",
    "find_time_expressions",
    "month_name",
    "resolve",
    "resolve_weekday",
    "weekday_name",
]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Abbreviations as news style writes them (with or without a full stop).
_MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_MONTH_NUMBERS = {
    **{name: i for i, name in enumerate(_MONTHS, start=1)},
    **_MONTH_ABBREVIATIONS,
}
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}

# Lower-cased month names and abbreviations with their numbers: the one month
# table, shared with the dateline reader (factcheck.pubdate).
MONTH_NUMBERS: dict[str, int] = {name.lower(): number for name, number in _MONTH_NUMBERS.items()}
_WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(_WEEKDAYS)}


@dataclass(frozen=True)
class RawTime:
    """A time expression as written, at ``[start, end)`` of the searched text."""

    start: int
    end: int
    text: str
    weekday: int | None  # 0 = Monday
    year: int | None
    month: int | None
    day: int | None
    relative: bool  # a bare weekday, "yesterday", "today", "tomorrow"


# --- patterns -------------------------------------------------------------------

# Between the words of a date: spaces (a no-break space too) or one line break,
# since prose is often hard-wrapped; never a blank line.
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"


def _alternatives(words: list[str]) -> str:
    # Longest first, so "Sept" is tried before "Sep".
    return "|".join(sorted(words, key=len, reverse=True))


# Capitalised or all capitals (datelines), never lower case.
_MONTH = (
    r"(?P<month>"
    + _alternatives([*_MONTH_NUMBERS, *(name.upper() for name in _MONTH_NUMBERS)])
    + r")\b\.?"
)
_WEEKDAY = r"\b(?P<weekday>(?i:" + _alternatives(list(_WEEKDAYS)) + r"))\b"
_DAY = r"\b(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
# Not part of a longer number: "2023" but not "20231" nor "2,023" nor "2023.5".
_YEAR = r"\b(?P<year>[12][0-9]{3})(?![0-9]|[.,][0-9])"

_MONTH_DAY_YEAR = rf"\b{_MONTH}{_GAP}{_DAY}(?:,?{_GAP}{_YEAR})?"  # Aug. 26, 2025
_DAY_MONTH_YEAR = rf"{_DAY}{_GAP}(?:of{_GAP})?\b{_MONTH}(?:,?{_GAP}{_YEAR})?"  # 26 August 2025
_MONTH_YEAR = rf"\b{_MONTH}(?:{_GAP}of)?,?{_GAP}{_YEAR}"  # November 2023
_WEEKDAY_SEPARATOR = rf"(?:,{_GAP}?|{_GAP})"

_ISO_DATE = re.compile(
    r"(?<![\w-])(?P<year>[12][0-9]{3})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])"
    r"(?![0-9]|-[0-9])"
)
_DATE_PATTERNS = (
    re.compile(_WEEKDAY + _WEEKDAY_SEPARATOR + _MONTH_DAY_YEAR),
    re.compile(_WEEKDAY + _WEEKDAY_SEPARATOR + _DAY_MONTH_YEAR),
    re.compile(_MONTH_DAY_YEAR),
    re.compile(_DAY_MONTH_YEAR),
    re.compile(_MONTH_YEAR),
    _ISO_DATE,
)
_BARE_WEEKDAY = re.compile(_WEEKDAY)
_RELATIVE_DAY = re.compile(r"\b(?i:" + _alternatives(list(_RELATIVE_DAYS)) + r")\b")

# A year alone is a date only after words that introduce one ("in 2005", "since
# 1949", "mid-2024"); otherwise "2000 delegates" would be a year. A second year
# may follow in a range ("from 2019 to 2021", "between 2019 and 2021").
_YEAR_INTRODUCER = (
    r"\b(?i:in|since|by|before|after|until|till|through|throughout|during|from|between"
    rf"|around|circa|early|late|mid|(?:the{_GAP})?(?:end|beginning|start|middle|spring"
    rf"|summer|autumn|fall|winter){_GAP}of)"
)
_SECOND_YEAR = r"(?P<year2>[12][0-9]{3})(?![0-9]|[.,][0-9])"
_YEAR_ALONE = re.compile(
    _YEAR_INTRODUCER
    + r"(?:"
    + _GAP
    + r"|-)"
    + _YEAR
    + r"(?:(?:[ \t\u00a0]*[-\u2013\u2014][ \t\u00a0]*|"
    + _GAP
    + r"(?i:to|and|until|through)"
    + _GAP
    + r")\b"
    + _SECOND_YEAR
    + r")?"
)
_YEAR_RANGE = (1800, 2199)  # what "in 1500" would rather be a count than

# A month alone is a date only after words that introduce a time ("in October",
# "by the end of March", "since January", "last September"), written out in full
# and capitalised. "May" is left out: "in May" is as often a person's name.
_MONTH_INTRODUCER = (
    r"\b(?i:in|since|by|before|after|until|till|through|throughout|during|from|last|next"
    rf"|early|late|mid|(?:the{_GAP})?(?:end|beginning|start|middle){_GAP}of)"
)
_MONTH_ALONE = re.compile(
    _MONTH_INTRODUCER
    + r"(?:"
    + _GAP
    + r"|-)(?P<month>"
    + _alternatives([name for name in _MONTHS if name != "May"])
    + r")\b(?![\u2019']s)"
)


# --- finding ----------------------------------------------------------------------


def find_time_expressions(text: str) -> list[RawTime]:
    """Every time expression in ``text``, in order, none overlapping.

    Where candidates overlap the one starting first wins, and of those the
    longest, so "Monday, August 26, 2025" is one expression, not three.
    """
    candidates = sorted(_candidates(text), key=lambda t: (t.start, -(t.end - t.start)))
    chosen: list[RawTime] = []
    for candidate in candidates:
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    return chosen


def _candidates(text: str) -> Iterator[RawTime]:
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            yield _date_from_match(match)
    for match in _BARE_WEEKDAY.finditer(text):
        yield RawTime(
            match.start(),
            match.end(),
            match.group(),
            weekday=_weekday_number(match.group("weekday")),
            year=None,
            month=None,
            day=None,
            relative=True,
        )
    for match in _RELATIVE_DAY.finditer(text):
        yield RawTime(
            match.start(), match.end(), match.group(), None, None, None, None, relative=True
        )
    for match in _MONTH_ALONE.finditer(text):
        start, end = match.span("month")
        month = MONTH_NUMBERS[match.group("month").lower()]
        yield RawTime(start, end, match.group("month"), None, None, month, None, False)
    for match in _YEAR_ALONE.finditer(text):
        for group in ("year", "year2"):
            if match.group(group) is None:
                continue
            year = int(match.group(group))
            if _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
                start, end = match.span(group)
                yield RawTime(start, end, match.group(group), None, year, None, None, False)


def _date_from_match(match: re.Match[str]) -> RawTime:
    groups = match.groupdict()
    weekday = groups.get("weekday")
    month = groups["month"]
    day = groups.get("day")
    year = groups.get("year")
    end = match.end()
    if end == match.end("month") + 1 and fold_case(month).title() in _MONTHS:
        end -= 1  # "on 3 March.": the stop ends the sentence; only "Mar." is abbreviated
    return RawTime(
        match.start(),
        end,
        match.string[match.start() : end],
        weekday=_weekday_number(weekday) if weekday else None,
        year=int(year) if year else None,
        month=int(month) if month.isdigit() else MONTH_NUMBERS[fold_case(month)],
        day=int(day) if day else None,
        relative=False,
    )


def _weekday_number(word: str) -> int:
    # Folded as the pattern matched it: "(?i:tuesday)" matches "Tueſday".
    return _WEEKDAY_NUMBERS[fold_case(word)]


# --- resolving --------------------------------------------------------------------


def resolve_weekday(weekday: int, reference: dt.date, *, tense: str = "past") -> dt.date:
    """The date a weekday names in a story published on ``reference``.

    News writing means the latest such day: "on Monday" in a Tuesday story is
    yesterday, and in a Monday story is that day. With ``tense="future"`` the
    next one, on or after the reference ("will meet on Friday").
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0..6, not {weekday}")
    if tense == "past":
        return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)
    if tense == "future":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")


def resolve(expr: RawTime, reference: dt.date | None, *, tense: str = "past") -> dt.date | None:
    """The date an expression names, or None when it names no single day.

    A full date is itself (the weekday written beside it is not consulted); a
    day and month take the year that puts them closest to ``reference``; a
    bare weekday or "yesterday" is read against ``reference``. Years alone,
    months alone and impossible dates ("February 30") give None, as does
    anything needing a reference when there is none.
    """
    if expr.day is not None and expr.month is not None:
        if expr.year is not None:
            return _date_or_none(expr.year, expr.month, expr.day)
        if reference is None:
            return None
        return closest_date(expr.month, expr.day, reference)
    if not expr.relative or reference is None:
        return None
    try:
        offset = _RELATIVE_DAYS.get(fold_case(expr.text))
        if offset is not None:
            return reference + dt.timedelta(days=offset)
        if expr.weekday is not None:
            return resolve_weekday(expr.weekday, reference, tense=tense)
    except OverflowError:  # "on Sunday" in a story dated 0001-01-01: no such day
        return None
    return None


def closest_date(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The day and month in the year that puts them nearest ``reference``."""
    # A December date in a January story is last year's; a January date in a
    # December story is next year's.
    candidates = [
        date
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (date := _date_or_none(year, month, day)) is not None
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda date: abs((date - reference).days))


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- names ----------------------------------------------------------------------


def weekday_name(i: int) -> str:
    """The English name of weekday ``i`` (0 = Monday), independent of the locale."""
    if not 0 <= i <= 6:
        raise ValueError(f"weekday must be 0..6, not {i}")
    return _WEEKDAYS[i]


def month_name(i: int) -> str:
    """The English name of month ``i`` (1 = January), independent of the locale."""
    if not 1 <= i <= 12:
        raise ValueError(f"month must be 1..12, not {i}")
    return _MONTHS[i - 1]
