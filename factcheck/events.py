"""Dated events stated in one sentence: who met or spoke, and when."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Analysis, Span, TimeExpression
from factcheck.nlp.timex import RawTime, resolve

if TYPE_CHECKING:
    from factcheck.facts import CorpusFacts

_EVENT_KINDS = {
    "meet": "meeting", "meets": "meeting", "met": "meeting", "meeting": "meeting",
    "talk": "meeting", "talks": "meeting", "hold": "meeting", "held": "meeting",
    "host": "meeting", "hosted": "meeting", "hosting": "meeting", "session": "meeting",
    "summit": "meeting", "conference": "meeting",
    "visit": "visit", "visited": "visit", "visiting": "visit", "visits": "visit",
    "call": "statement", "called": "statement",
}  # fmt: skip


# Dated events further apart than this are two occasions (a later meeting of
# the same people), never one occasion dated two ways: they are not compared.
OCCASION_WINDOW = dt.timedelta(days=14)


def same_occasion(a: dt.date, b: dt.date) -> bool:
    """Can two dates be one occasion? The one rule the dates checker and the
    corpus audit use before comparing them."""
    return abs(a - b) <= OCCASION_WINDOW


@dataclass(frozen=True)
class SentenceEvent:
    """An event stated in one sentence: who, what kind, when."""

    people: frozenset[str]
    kind: str
    date: dt.date | None
    weekday: int | None
    sentence: int
    span: Span  # the time expression


def sentence_events(
    facts: CorpusFacts, analysis: Analysis, reference: dt.date | None
) -> Iterable[SentenceEvent]:
    """Sentences with one time expression, known people and an event word."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, time in enumerate(analysis.times):
        by_sentence[time.sentence].append(index)
    for sentence, indexes in by_sentence.items():
        if len(indexes) != 1:
            continue  # "from Tuesday to Thursday": a range is not one event date
        time = analysis.times[indexes[0]]
        if time.weekday is None and time.day is None:
            continue
        if planned(analysis, sentence):
            continue  # "will meet on Friday": a plan, not a dated fact to compare
        people = facts.people_near(analysis, sentence, time.span)
        kind = _event_kind(analysis, sentence, time.span)
        if not people or kind is None:
            continue
        date = resolve_time(time, reference)
        weekday = date.weekday() if date is not None else time.weekday
        yield SentenceEvent(people, kind, date, weekday, sentence, time.span)


def resolve_time(time: TimeExpression, reference: dt.date | None) -> dt.date | None:
    """The day a time expression names, read against its document's date."""
    raw = RawTime(
        time.span.start, time.span.end, time.text, time.weekday,
        time.year, time.month, time.day, time.relative,
    )  # fmt: skip
    return resolve(raw, reference)


# A time expression belongs to an event word or a name this near (in
# characters), else it dates something else in the sentence ("the gathering
# ... scheduled for September 3").
_NEAR = 60


def near(a: Span, b: Span) -> bool:
    return b.start - _NEAR <= a.start <= b.end + _NEAR


# Words that make a sentence's event a plan: read as the past ("on Friday" as
# last Friday), it would be compared with the wrong occasion.
_FUTURE_MARKERS = frozenset({"will", "shall", "scheduled", "upcoming", "planned", "plans"})


def planned(analysis: Analysis, sentence: int) -> bool:
    """Is the sentence about a plan ("will meet", "scheduled for")?"""
    bounds = analysis.sentences[sentence]
    tokens = analysis.tokens[bounds.first_token : bounds.end_token]
    return any(t.lower in _FUTURE_MARKERS for t in tokens)


def _event_kind(analysis: Analysis, sentence: int, time: Span) -> str | None:
    bounds = analysis.sentences[sentence]
    tokens = analysis.tokens[bounds.first_token : bounds.end_token]
    kinds = [(_EVENT_KINDS.get(t.lower), t.span) for t in tokens]
    near_time = [kind for kind, span in kinds if kind is not None and near(span, time)]
    anywhere = [kind for kind, _ in kinds if kind is not None]
    chosen = near_time or anywhere
    return chosen[0] if chosen else None
