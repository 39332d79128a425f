"""FC4xx: ordinals and counts of a meeting series or an anniversary, founding
years, and numbers that parallel corpus sentences give otherwise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck import hookimpl
from factcheck.context import CheckContext
from factcheck.facts import (
    ContradictedValue,
    CountFact,
    FoundingClaim,
    best_year,
    content_words,
    founding_claims,
    founding_years,
    planned,
    same_series,
    value_index,
)
from factcheck.language import MAX_VALUE, cardinal_words, format_ordinal_like, plural
from factcheck.model import Category, CodeInfo, CountExpression, Finding, Severity

WRONG_ORDINAL = CodeInfo(
    code="FC401",
    name="ordinal-contradicts-corpus",
    category=Category.COUNT,
    severity=Severity.ERROR,
    summary="The number of a meeting in a series, or of an anniversary, differs from the corpus.",
)
FOUNDING_YEAR = CodeInfo(
    code="FC402",
    name="founding-year-contradicts-anniversary",
    category=Category.COUNT,
    severity=Severity.WARNING,
    summary="A founding year, or years since founding, that the corpus's anniversaries contradict.",
)

WRONG_NUMBER = CodeInfo(
    code="FC403",
    name="number-contradicts-parallel-sentence",
    category=Category.COUNT,
    severity=Severity.WARNING,
    summary="A number where corpus sentences saying the same give another number.",
)

# Anniversaries advance with the calendar; a meeting series need not.
_YEARLY = {"anniversary"}


@hookimpl
def factcheck_codes() -> Sequence[CodeInfo]:
    return (WRONG_ORDINAL, FOUNDING_YEAR, WRONG_NUMBER)


@hookimpl
def factcheck_check(context: CheckContext) -> Iterable[Finding]:
    reported = []
    for count in context.analysis.counts:
        finding = _check_count(context, count)
        if finding is not None:
            reported.append(finding.span)
            yield finding
    for claim in founding_claims(context.document.prose, context.analysis, context.date):
        finding = _check_founding(context, claim)
        if finding is not None:
            reported.append(finding.span)
            yield finding
    for value in context.corpus.contradicted_values(context.analysis, context.date):
        # A count or year already reported, with the series' own reasoning, is not repeated.
        if not any(value.span.overlaps(span) for span in reported):
            reported.append(value.span)
            yield _wrong_number(context, value)
    # Values in their slot (what they count, whose they are) where no parallel
    # sentence said the same in the same words.
    for value in value_index(context.corpus).contradicted(context.analysis, context.date):
        if not any(value.span.overlaps(span) for span in reported):
            reported.append(value.span)
            yield _wrong_number(context, value, slot=True)


def _wrong_number(
    context: CheckContext, value: ContradictedValue, *, slot: bool = False
) -> Finding:
    found = context.text(value.span)
    documents = plural(value.support, "document")
    said = "the corpus says of the same thing" if slot else "parallel corpus sentences give"
    if value.split:
        message = (
            f"{said} other numbers than {found}, most often "
            f"{value.expected} ({documents}): the corpus is split"
        )
    else:
        message = f"{said} {value.expected}, not {found} ({documents})"
    # No fix: which number is right, and what else in the sentence changes with
    # it, is for an editor.
    return context.finding(
        WRONG_NUMBER.code,
        value.span,
        message,
        expected=value.expected,
        evidence=value.evidence,
        severity=Severity.INFO if value.split else None,
    )


def _same_series(
    count: CountExpression, series: frozenset[str], names: frozenset[str], fact: CountFact
) -> bool:
    if fact.head != count.head:
        return False
    if series and fact.series:
        return same_series(series, fact.series)
    # No "of ..." phrase on one side: the sentence's names must match instead.
    return len(names & fact.context) >= 2


def _expected_value(context: CheckContext, fact: CountFact) -> int | None:
    draft_year = context.date.year if context.date else None
    if fact.year is None or draft_year is None or draft_year == fact.year:
        return fact.value
    if fact.head in _YEARLY:
        shifted = fact.value + (draft_year - fact.year)
        # A draft dated before the first anniversary: there is no count to expect.
        return shifted if shifted >= 1 else None
    return None  # a later meeting may well carry a higher number


def _check_count(context: CheckContext, count: CountExpression) -> Finding | None:
    if count.head not in _YEARLY and planned(context.analysis, count.sentence):
        return None  # "will host the 11th meeting": a later meeting may well be the 11th
    series = content_words(count.series)
    names = context.corpus.context_in(context.analysis, count.sentence)
    expected: dict[int, list[CountFact]] = {}
    for fact in context.corpus.counts:
        if _same_series(count, series, names, fact):
            value = _expected_value(context, fact)
            if value is not None:
                expected.setdefault(value, []).append(fact)
    if not expected or count.value in expected:
        return None
    value, facts = max(expected.items(), key=lambda item: sum(f.support for f in item[1]))
    fix = format_ordinal_like(value, count.text)
    support = len({o.source for f in facts for o in f.occurrences})
    evidence = tuple(e for f in facts for e in f.evidence(limit=1))[:3]
    return context.finding(
        WRONG_ORDINAL.code,
        count.span,
        f"the corpus gives the {count.head} as the {fix}, not the {count.text} "
        f"({plural(support, 'document')})",
        expected=fix,
        fix=fix,
        evidence=tuple(e.__class__(e.source, e.line, e.quote, support) for e in evidence),
    )


def _check_founding(context: CheckContext, claim: FoundingClaim) -> Finding | None:
    years = founding_years(claim, context.corpus.counts)
    if not years or claim.year in years:
        return None
    year, facts = best_year(years)
    fact = max(facts, key=lambda f: f.support)
    assert fact.year is not None  # founding_years skips undated anniversaries
    anniversary = format_ordinal_like(fact.value, "1st")
    reason = (
        f"the corpus's {anniversary} anniversary in {fact.year + fact.year_shift} "
        f"puts the founding in {year}"
    )
    fix: str | None
    if claim.ago is None:
        message, fix = f"{reason}, not {claim.year}", str(year)
    else:
        assert context.date is not None  # "years ago" is only read against a date
        ago = context.date.year - year
        written = context.text(claim.span)
        if ago < 0:  # founded after the draft's date: no "years ago" is right
            message, fix = (
                f"{reason}, after {context.date.year}, not {claim.ago} years before",
                None,
            )
        else:
            in_words = not written[:1].isdigit() and ago <= MAX_VALUE
            number = cardinal_words(ago) if in_words else str(ago)
            message = f"{reason}: {ago} years before {context.date.year}, not {claim.ago}"
            fix = f"{number} years ago"
    evidence = tuple(e for f in facts for e in f.evidence(limit=1))[:3]
    return context.finding(
        FOUNDING_YEAR.code, claim.span, message, expected=str(year), fix=fix, evidence=evidence
    )
