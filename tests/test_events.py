"""Comparing dated events (factcheck/facts/events.py): one predicate, its participants, its time."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.documents import document_from_text
from factcheck.facts.events import (
    DatedClaim,
    KnownPeople,
    participant_key,
    participants_match,
    same_occasion,
    same_predicate,
    same_when,
    sentence_events,
    when,
)
from factcheck.facts.names.namebook import NameEntity
from factcheck.model import Analysis, Span, TimeExpression
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import load_pipeline
from factcheck.nlp.timex import find_time_expressions


def _time(text: str) -> TimeExpression:
    (raw,) = find_time_expressions(text)
    return TimeExpression(
        Span(raw.start, raw.end), raw.text, raw.weekday, raw.year, raw.month, raw.day, 0,
        relative=raw.relative,
    )  # fmt: skip


def _claim(
    text: str,
    reference: dt.date | None,
    *,
    predicate: str = "hearing",
    noun: bool = True,
    people: frozenset[str] = frozenset({"name:dallas"}),
    nouns: frozenset[str] = frozenset(),
    obj: str = "",
    content: frozenset[str] = frozenset(),
    preposition: str = "on",
    future: bool = False,
) -> DatedClaim:
    time = _time(text)
    return DatedClaim(
        predicate=predicate,
        written=predicate,
        noun=noun,
        nouns=nouns,
        content=content,
        object=obj,
        participants=people,
        preposition=preposition,
        future=future,
        when=when(time, reference, future=future),
        time=time,
        source="a.md",
        sentence=0,
    )


FEB_21 = dt.date(2025, 2, 21)  # a Friday


@pytest.mark.parametrize(
    ("draft", "corpus", "expected"),
    [
        # Days, both dated: the same, another of the same occasion, another occasion.
        (("on 16 February", FEB_21), ("on 16 February", FEB_21), True),
        (("on 15 February", FEB_21), ("on 16 February", FEB_21), False),
        (("on 15 June", dt.date(2025, 6, 20)), ("on 16 February", FEB_21), None),
        # An undated corpus day of month: compared by the day, within the window.
        (("on 15 February", FEB_21), ("on 16 February", None), False),
        (("on 15 February", FEB_21), ("on 15 February", None), True),
        (("on 30 April", FEB_21), ("on 2 May", None), False),
        (("on 2 February", FEB_21), ("on 28 February", None), None),
        # A weekday read against the draft's date, against an undated corpus weekday.
        (("on Thursday", FEB_21), ("on Tuesday", None), False),
        (("on Thursday", FEB_21), ("on Thursday", None), True),
        # Months alone, their year the nearest to each document's date.
        (("in October", dt.date(2025, 2, 28)), ("in September", dt.date(2025, 2, 27)), False),
        (("in October", dt.date(2025, 2, 28)), ("on 3 October", dt.date(2024, 10, 5)), True),
        (("in June", dt.date(2025, 2, 28)), ("in September", dt.date(2025, 2, 27)), None),
    ],
)
def test_same_when(
    draft: tuple[str, dt.date | None], corpus: tuple[str, dt.date | None], expected: bool | None
) -> None:
    assert same_when(_claim(*draft), _claim(*corpus)) is expected


def test_a_year_alone_is_compared_only_as_a_record() -> None:
    since = [_claim(f"since {y}", FEB_21, preposition="since") for y in (1995, 1993)]
    assert same_when(since[0], since[1]) is False
    within = [_claim(f"in {y}", FEB_21, preposition="in") for y in (1995, 1993)]
    assert same_when(within[0], within[1]) is None


def test_a_plan_is_compared_only_with_plans() -> None:
    plan = _claim("on Friday", FEB_21, future=True)
    assert same_when(plan, _claim("on Monday", FEB_21)) is None
    assert same_when(plan, _claim("on Monday", FEB_21, future=True)) is False


def test_a_plan_reads_its_weekday_forward() -> None:
    # "will visit on Monday" in a Friday story is next Monday, not last.
    assert when(_time("on Monday"), FEB_21, future=True).day == dt.date(2025, 2, 24)
    assert when(_time("on Monday"), FEB_21).day == dt.date(2025, 2, 17)


def test_participants_match() -> None:
    ab, ac, a = frozenset({"x:a", "x:b"}), frozenset({"x:a", "x:c"}), frozenset({"x:a"})
    none: frozenset[str] = frozenset()
    day = ("on 16 February", FEB_21)
    assert participants_match(_claim(*day, people=ab), _claim(*day, people=ab))
    assert not participants_match(_claim(*day, people=ab), _claim(*day, people=ac))
    assert participants_match(_claim(*day, people=a), _claim(*day, people=ab))
    # Unnamed: only event nouns, never bare verbs ("said on Tuesday").
    assert participants_match(_claim(*day, people=none), _claim(*day, people=none))
    said = _claim(*day, noun=False, predicate="say", people=none)
    assert not participants_match(said, said)
    assert participants_match(_claim(*day, people=none), _claim(*day, people=a))
    # Two direct objects that differ: two events, whoever takes part.
    visits = [_claim(*day, people=a, noun=False, obj=o) for o in ("constituency", "south")]
    assert not participants_match(visits[0], visits[1])
    assert participants_match(visits[1], visits[1])


def test_an_unnamed_verb_is_one_event_only_by_what_it_acts_on() -> None:
    day = ("by the end of March", FEB_21)
    none: frozenset[str] = frozenset()
    issued = _claim(*day, predicate="issue", noun=False, people=none, obj="verdict")
    assert participants_match(issued, issued)
    other = _claim(*day, predicate="issue", noun=False, people=none, obj="licence")
    assert not participants_match(issued, other)
    bare = _claim(*day, predicate="issue", noun=False, people=none)
    assert not participants_match(bare, bare)


def test_a_statement_is_one_event_only_by_what_is_said() -> None:
    day, people = ("on Tuesday", FEB_21), frozenset({"person:X"})

    def said(*words: str) -> DatedClaim:
        return _claim(*day, predicate="say", noun=False, people=people, content=frozenset(words))

    assert participants_match(
        said("evidence", "iaaf", "weak"), said("evidence", "iaaf", "tribunal")
    )
    assert not participants_match(said("evidence", "iaaf"), said("budget", "tax"))
    assert not participants_match(said("evidence", "iaaf"), said())


def test_same_predicate_through_the_nouns_of_a_phrase() -> None:
    day = ("on 16 February", FEB_21)
    argued = _claim(*day, predicate="argue", noun=False, nouns=frozenset({"hearing"}))
    assert same_predicate(argued, _claim(*day))
    assert not same_predicate(argued, _claim(*day, predicate="vote"))


def test_same_occasion_is_the_shared_window() -> None:
    assert same_occasion(dt.date(2025, 2, 1), dt.date(2025, 2, 15))
    assert not same_occasion(dt.date(2025, 2, 1), dt.date(2025, 2, 16))


class _TwoPeople:
    """The two look-ups events need (``KnownPeople``), with no corpus behind them."""

    def people_near(self, analysis: Analysis, sentence: int, time: Span) -> frozenset[str]:
        return frozenset({"Karl Berg", "Ana Lopes"})

    def resolve_person(self, name: str) -> NameEntity | None:
        return NameEntity(canonical=name, kind="PERSON") if name == "Karl Berg" else None


def test_events_are_read_through_known_people_without_a_corpus() -> None:
    pipeline = load_pipeline(rules_only=True)
    text = "Karl Berg met Ana Lopes in Vienna on Friday."
    analysis = analyse(pipeline.nlp, document_from_text("x.md", text), pipeline.key)
    people: KnownPeople = _TwoPeople()
    (event,) = sentence_events(people, analysis, dt.date(2025, 3, 10))
    assert (event.people, event.kind, event.date) == (
        frozenset({"Karl Berg", "Ana Lopes"}),
        "meeting",
        dt.date(2025, 3, 7),
    )
    assert participant_key(people, "Karl Berg") == "person:Karl Berg"
    assert participant_key(people, "Vienna") == "name:vienna"
