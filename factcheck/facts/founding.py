"""Founding years against anniversaries: a 20th anniversary in 2025 means founded in 2005.

The corpus's anniversaries of a series (:mod:`factcheck.facts.series`) give the year
it was founded: the year the anniversary falls in, minus its number. A draft
sentence about the same series that says it was founded, established or set
up in another year, or so many years ago (read against the draft's date),
contradicts them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.facts.records import CountFact
from factcheck.facts.series import content_words, same_series
from factcheck.model import Analysis, CountExpression, Span
from factcheck.nlp.casing import fold_case
from factcheck.nlp.numbers import cardinal_value

_FOUNDED = re.compile(
    r"\b(?:founded|established|set[ \t]+up|created|formed|inaugurated)\b", re.IGNORECASE
)
# What was founded may stand between the verb and its year ("established
# diplomatic ties in 1949"); it must then be the series itself, see ``founding_years``.
_OBJECT = r"(?P<object>(?:[ \t]+[\w'’-]+){0,8}?)"
# Between the verb (and its object) and the year: "founded in 2003", "back in early 2003".
_BEFORE_YEAR = re.compile(
    _OBJECT + r"[ \t]+(?:back[ \t]+)?(?:in|on)"
    r"(?:[ \t]+(?:early|late|mid|the|spring|summer|autumn|fall|winter|of|end|start))*[ \t-]+",
    re.IGNORECASE,
)
# "set up 22 years ago", "founded twenty years ago"; hedged numbers ("some 20")
# are not numbers and are left alone.
_YEARS_AGO = re.compile(_OBJECT + r"[ \t]+(?P<number>[\w-]+)[ \t]+years?[ \t]+ago\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(next|last|this)[ \t]+year\b", re.IGNORECASE)
_SHIFT = {"next": 1, "last": -1, "this": 0}


@dataclass(frozen=True)
class FoundingClaim:
    """A draft's "founded in <year>" or "set up <n> years ago"."""

    span: Span  # the year, or "<n> years ago"
    year: int  # the founding year it states
    ago: int | None  # <n>, when written as years ago
    words: frozenset[str]  # the sentence's content words, for the series
    founded: frozenset[str]  # the content words between the verb and the year


def year_shift(text: str, sentence: Span, count: CountExpression) -> int:
    """+1 for "next year will mark the 75th anniversary", -1 for "last year": the
    "... year" nearest the ordinal in its sentence, else 0 (this year)."""
    found = [
        (abs(match.start() + sentence.start - count.span.start), _SHIFT[fold_case(match.group(1))])
        for match in _RELATIVE_YEAR.finditer(text[sentence.start : sentence.end])
    ]
    return min(found)[1] if found else 0


def founding_claims(prose: str, analysis: Analysis, date: dt.date | None) -> list[FoundingClaim]:
    claims: list[FoundingClaim] = []
    for sentence in analysis.sentences:
        text = prose[sentence.span.start : sentence.span.end]
        words = content_words(_FOUNDED.sub(" ", text))
        for verb in _FOUNDED.finditer(text):
            end = sentence.span.start + verb.end()
            claim = _year_after(prose, analysis, end, words) or _years_ago(prose, end, date, words)
            if claim is not None:
                claims.append(claim)
    return claims


def _year_after(
    prose: str, analysis: Analysis, end: int, words: frozenset[str]
) -> FoundingClaim | None:
    for time in analysis.times:
        if time.year is not None and time.span.start >= end:
            gap = _BEFORE_YEAR.fullmatch(prose[end : time.span.start])
            if gap is not None:
                year_at = prose.find(str(time.year), time.span.start, time.span.end)
                span = Span(year_at, year_at + 4) if year_at >= 0 else time.span
                founded = content_words(gap.group("object"))
                return FoundingClaim(span, time.year, None, words, founded)
    return None


def _years_ago(
    prose: str, end: int, date: dt.date | None, words: frozenset[str]
) -> FoundingClaim | None:
    match = _YEARS_AGO.match(prose, end)
    if match is None or date is None:
        return None
    number = cardinal_value(match.group("number"))
    if number is None:
        return None
    span = Span(match.start("number"), match.end())
    founded = content_words(match.group("object"))
    return FoundingClaim(span, date.year - number, number, words, founded)


def founding_years(claim: FoundingClaim, counts: Iterable[CountFact]) -> dict[int, list[CountFact]]:
    """The founding years the corpus's anniversaries of the claim's series give."""
    years: dict[int, list[CountFact]] = {}
    for fact in counts:
        if fact.head != "anniversary" or fact.year is None:
            continue
        # "established a working group in 2003" is about something else.
        if same_series(claim.words, fact.series) and claim.founded <= fact.series:
            years.setdefault(fact.year + fact.year_shift - fact.value, []).append(fact)
    return years


def best_year(years: dict[int, list[CountFact]]) -> tuple[int, Sequence[CountFact]]:
    return max(years.items(), key=lambda item: sum(f.support for f in item[1]))
