"""A document's publication date: front matter ``date:``, or a dateline at the top.

Relative time words in a document ("on Monday", "yesterday") are read against
this date, so a wrong answer is worse than none: only a date that opens one of
the first lines counts, never a date inside a body sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.nlp.casing import fold_case
from factcheck.nlp.timex import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY = r"(?:[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"[0-9]{4}"
_ISO_TIME = r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"

_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?"
    r"(?:"
    rf"(?P<iso_year>{_YEAR})-(?P<iso_month>[0-9]{{2}})-(?P<iso_day>[0-9]{{2}})"
    rf"|(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>{_DAY}),?\s+(?P<mdy_year>{_YEAR})"
    rf"|(?P<dmy_day>{_DAY})\s+(?:of\s+)?(?P<dmy_month>{_MONTH}),?\s+(?P<dmy_year>{_YEAR})"
    r")"
)
_ONE_DATE = re.compile(rf"{_DATE}{_ISO_TIME}", re.IGNORECASE)
# The date must end at a word boundary, so "2023-11-210" or "November 23, 20234" are not dates.
_DATELINE = re.compile(
    rf"(?:(?:date|published|updated|posted)(?:\s+on)?\s*:?\s*)?{_DATE}{_ISO_TIME}(?!\w)",
    re.IGNORECASE,
)
_FRONT_MATTER_DATE = re.compile(r"^date\s*[:=]\s*(?P<value>.+?)\s*$", re.IGNORECASE | re.MULTILINE)
DATELINE_LINES = 5


def parse_date(text: str) -> dt.date | None:
    """The date written in ``text`` (nothing else but spaces around it), if valid."""
    match = _ONE_DATE.fullmatch(text.strip())
    return _date_from(match) if match else None


def find_publication_date(text: str, prose: str, kind: str) -> dt.date | None:
    """The date from Markdown front matter, else from a dateline near the top, else None."""
    if kind == "md":
        front_matter = _front_matter(text)
        if front_matter is not None:
            found = _front_matter_date(front_matter)
            if found is not None:
                return found
    return _dateline_date(prose)


def _front_matter(text: str) -> str | None:
    lines = text.splitlines()
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return None
    closers = ("---", "...") if lines[0].rstrip() == "---" else ("+++",)
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in closers:
            return "\n".join(lines[1:number])
    return None


def _front_matter_date(front_matter: str) -> dt.date | None:
    match = _FRONT_MATTER_DATE.search(front_matter)
    if match is None:
        return None
    return parse_date(match.group("value").strip("\"'"))


def _dateline_date(prose: str) -> dt.date | None:
    lines = [line.strip() for line in prose.splitlines() if line.strip()]
    for line in lines[:DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match:
            found = _date_from(match)
            if found is not None:
                return found
    return None


def _date_from(match: re.Match[str]) -> dt.date | None:
    for form in ("iso", "mdy", "dmy"):
        if match.group(f"{form}_year") is not None:
            year = int(match.group(f"{form}_year"))
            # Folded as the pattern matched it: re.IGNORECASE matches "Auguſt".
            month_text = fold_case(match.group(f"{form}_month").rstrip("."))
            day = int(re.sub(r"\D", "", match.group(f"{form}_day")))
            month = int(month_text) if form == "iso" else _MONTHS[month_text]
            try:
                return dt.date(year, month, day)
            except ValueError:  # February 30 and the like
                return None
    return None
