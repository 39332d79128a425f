"""Count disagreements: the same series or anniversary given different numbers by
different documents of the same (or an unknown) year."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.audit.grouping import grouped, occasions
from factcheck.audit.sides import Disagreement, by_support, side
from factcheck.facts import CorpusFacts, CountFact, content_words, same_series
from factcheck.model import Category

# Names two count sentences need in common when one has no "of ..." phrase.
SHARED_CONTEXT = 2


def count_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    for series in occasions(facts.counts, _same_series, _values_differ):
        by_value = grouped(series, lambda c: c.value)
        sides = (side(str(value), group) for value, group in by_value.items())
        ordered = by_support(sides)
        majority = next(c for c in series if str(c.value) == ordered[0].value)
        yield Disagreement(Category.COUNT, _count_subject(facts, majority), ordered)


def _same_series(a: CountFact, b: CountFact) -> bool:
    if a.head != b.head:
        return False
    # A count read in an article of another year may number a later meeting.
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.series and b.series:
        return same_series(a.series, b.series)
    # No "of ..." phrase on one side: the sentences' names must match instead.
    return len(a.context & b.context) >= SHARED_CONTEXT


def _values_differ(a: CountFact, b: CountFact) -> bool:
    return a.value != b.value


def _count_subject(facts: CorpusFacts, count: CountFact) -> str:
    written = _written_series(facts, count)
    if written:
        # Extraction keeps the series as spaced lower-case tokens: "the china - russia ...".
        words = written.replace(" - ", "-").split()
        return f"{count.head} of the {' '.join(words[1:] if words[0] == 'the' else words)}"
    if count.series:
        return f"{count.head} ({' '.join(sorted(count.series))})"
    return f"{count.head} ({', '.join(sorted(count.context))})"


def _written_series(facts: CorpusFacts, count: CountFact) -> str:
    """The series as an article writes it; the fact keeps only its words, unordered."""
    for occurrence in count.occurrences:
        analysis = facts.analyses.get(occurrence.source)
        if analysis is None:
            continue
        for expression in analysis.counts:
            if (
                expression.series
                and expression.head == count.head
                and expression.value == count.value
                and content_words(expression.series) == count.series
            ):
                return expression.series
    return ""
