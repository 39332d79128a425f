"""Date disagreements: the same occasion (same kind of event, same people, days
apart) dated differently by different documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from factcheck.audit.grouping import grouped, occasions
from factcheck.audit.sides import Disagreement, by_support, side
from factcheck.facts import CorpusFacts, EventFact
from factcheck.facts.events import OCCASION_WINDOW, same_occasion
from factcheck.model import Category
from factcheck.nlp.timex import weekday_name

# Dates this many days apart or fewer, for the same kind of event and the same
# people, are read as one occasion dated differently; further apart, as two
# occasions (the one rule, shared with the dates checker: factcheck.facts.events).
OCCASION_DAYS = OCCASION_WINDOW.days
# Shared people two events need to be one occasion (fewer when one names fewer).
SHARED_PEOPLE = 2


def date_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    events = [e for e in facts.events if e.date is not None]
    for occasion in occasions(events, _same_occasion, _dates_differ):
        by_date = grouped(occasion, _event_date)
        sides = (side(_date_value(date), group) for date, group in by_date.items())
        yield Disagreement(Category.DATE, _occasion_subject(occasion), by_support(sides))


def _event_date(event: EventFact) -> dt.date:
    assert event.date is not None  # undated events are left out before grouping
    return event.date


def _same_occasion(a: EventFact, b: EventFact) -> bool:
    if a.kind != b.kind or a.date is None or b.date is None:
        return False
    needed = min(SHARED_PEOPLE, len(a.people), len(b.people))
    return len(a.people & b.people) >= needed and same_occasion(a.date, b.date)


def _dates_differ(a: EventFact, b: EventFact) -> bool:
    return a.date != b.date


def _date_value(date: dt.date) -> str:
    return f"{date.isoformat()} ({weekday_name(date.weekday())})"


def _occasion_subject(events: Sequence[EventFact]) -> str:
    shared = frozenset.intersection(*(e.people for e in events))
    people = sorted(shared or frozenset.union(*(e.people for e in events)))
    return f"{events[0].kind} of {' and '.join(people)}"
