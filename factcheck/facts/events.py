"""Dated events stated in one sentence: who met or spoke, and when."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from factcheck.columns import TokenColumns, sentence_column
from factcheck.facts.names.namebook import NameEntity
from factcheck.model import Analysis, Span, TimeExpression, Token
from factcheck.nlp.timex import RawTime, resolve

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


class KnownPeople(Protocol):
    """What reading events needs of the corpus: who a name is, and who is named near
    a time. :class:`~factcheck.facts.corpus.CorpusFacts` is one; events are read
    while it is built, so this module takes the two lookups, never the class."""

    def people_near(self, analysis: Analysis, sentence: int, time: Span) -> frozenset[str]: ...

    def resolve_person(self, name: str) -> NameEntity | None: ...


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
    facts: KnownPeople, analysis: Analysis, reference: dt.date | None
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
    return _starts_near(a.start, b)


def _starts_near(start: int, b: Span) -> bool:
    return b.start - _NEAR <= start <= b.end + _NEAR


# Words that make a sentence's event a plan: read as the past ("on Friday" as
# last Friday), it would be compared with the wrong occasion.
_FUTURE_MARKERS = frozenset({"will", "shall", "scheduled", "upcoming", "planned", "plans"})


def planned(analysis: Analysis, sentence: int) -> bool:
    """Is the sentence about a plan ("will meet", "scheduled for")?"""
    bounds = analysis.sentences[sentence]
    lowers = sentence_column(analysis.tokens, bounds, "lowers")
    return not _FUTURE_MARKERS.isdisjoint(lowers)


def _event_kind(analysis: Analysis, sentence: int, time: Span) -> str | None:
    bounds = analysis.sentences[sentence]
    lowers = sentence_column(analysis.tokens, bounds, "lowers")
    starts = sentence_column(analysis.tokens, bounds, "starts")
    kinds = [(_EVENT_KINDS.get(lower), start) for lower, start in zip(lowers, starts, strict=True)]
    # ``near`` reads only where a word starts.
    near_time = [kind for kind, start in kinds if kind is not None and _starts_near(start, time)]
    anywhere = [kind for kind, _ in kinds if kind is not None]
    chosen = near_time or anywhere
    return chosen[0] if chosen else None


# --- events read off the parse ---------------------------------------------------


@dataclass(frozen=True)
class When:
    """What a time expression says, resolved as far as its document's date allows."""

    day: dt.date | None
    weekday: int | None
    month: int | None
    year: int | None
    day_of_month: int | None  # "7 April" in an undated document: a day of no known year


@dataclass(frozen=True)
class DatedClaim:
    """One event of the parse (:class:`~factcheck.model.EventClaim`), keyed for comparison."""

    predicate: str
    written: str  # the predicate as written ("issued")
    noun: bool  # the predicate is an event noun ("hearing", "win"), not a verb
    nouns: frozenset[str]  # the common nouns of its phrase
    content: frozenset[str]  # for a verb of saying, the nouns and names of what is said
    object: str  # what it acts on (direct object, passive subject), "" when none
    participants: frozenset[str]
    preposition: str
    future: bool  # a plan ("will meet on Friday"): compared only with plans
    when: When
    time: TimeExpression
    source: str
    sentence: int


# A time in these dates a span, not the event: "from Tuesday to Thursday".
_RANGE_PREPOSITIONS = frozenset({"from", "to", "between", "through", "and"})
# Months further apart than this are two occasions, as days are beyond the window.
_MONTH_WINDOW = 2


def _token_at(analysis: Analysis, starts: Sequence[int], span: Span) -> Token | None:
    """The token whose span is ``span`` (the last, were two the same), found by its
    start among the tokens' ``starts``: a dictionary of every token by its span,
    for a document's few events, hashed tens of thousands of spans a check."""
    found = None
    for position in range(bisect.bisect_left(starts, span.start), len(starts)):
        if starts[position] != span.start:
            break
        if analysis.tokens[position].span == span:
            found = analysis.tokens[position]
    return found


def predicate_words(analysis: Analysis) -> tuple[tuple[str, bool], ...]:
    """Each event's predicate as written ("issued") and whether it is a noun
    ("hearing", "win"): what a dated claim reads of the token, kept with a corpus
    document so that its claims are read without making its tokens."""
    starts = TokenColumns.of(analysis.tokens).starts if analysis.events else ()
    found = []
    for event in analysis.events:
        token = _token_at(analysis, starts, event.predicate_span)
        if token is None:
            found.append((event.predicate, False))
        else:
            found.append((token.text, token.pos == "NOUN"))
    return tuple(found)


def dated_claims(
    facts: KnownPeople,
    analysis: Analysis,
    reference: dt.date | None,
    predicates: Sequence[tuple[str, bool]] | None = None,
) -> list[DatedClaim]:
    """The parse's dated events of ``analysis``, with names keyed as the corpus keys
    them; ``predicates``: its :func:`predicate_words`, when the caller keeps them."""
    by_span = {mention.span: mention for mention in analysis.mentions}
    if predicates is None:
        predicates = predicate_words(analysis)
    claims = []
    for event, (written, noun) in zip(analysis.events, predicates, strict=True):
        if event.preposition in _RANGE_PREPOSITIONS:
            continue
        time = analysis.times[event.time]
        keys = frozenset(
            key
            for span in event.participants
            if (mention := by_span.get(span)) is not None
            and (key := participant_key(facts, mention.text)) is not None
        )
        claims.append(
            DatedClaim(
                predicate=event.predicate,
                written=written,
                noun=noun,
                nouns=frozenset(event.nouns),
                content=frozenset(event.content),
                object=event.object,
                participants=keys,
                preposition=event.preposition,
                future=event.future,
                when=when(time, reference, future=event.future),
                time=time,
                source=analysis.path,
                sentence=event.sentence,
            )
        )
    return claims


def participant_key(facts: KnownPeople, name: str) -> str | None:
    """One key per participant however it is written: a person's canonical name, an
    organisation's key, else the name itself."""
    person = facts.resolve_person(name)
    if person is not None and person.kind == "PERSON":
        return f"person:{person.canonical}"
    key = " ".join(name.lower().split())
    return f"name:{key}" if key else None


def when(time: TimeExpression, reference: dt.date | None, *, future: bool = False) -> When:
    raw = RawTime(
        time.span.start, time.span.end, time.text, time.weekday,
        time.year, time.month, time.day, time.relative,
    )  # fmt: skip
    day = resolve(raw, reference, tense="future" if future else "past")
    if day is not None:
        return When(day, day.weekday(), day.month, day.year, day.day)
    year = time.year
    if year is None and time.month is not None and reference is not None:
        year = _closest_year(time.month, reference)
    return When(None, time.weekday, time.month, year, time.day)


def _closest_year(month: int, reference: dt.date) -> int:
    # "in October" in a February story is last October; "by March" is this March.
    return min(
        (reference.year - 1, reference.year, reference.year + 1),
        key=lambda y: abs((y * 12 + month) - (reference.year * 12 + reference.month)),
    )


def same_predicate(draft: DatedClaim, corpus: DatedClaim) -> bool:
    """One event: the same dated word, or one side's dated word is a noun of the
    other's phrase ("argued at the hearing on 15 May", "the hearing on 16 May")."""
    return (
        draft.predicate == corpus.predicate
        or draft.predicate in corpus.nouns
        or corpus.predicate in draft.nouns
    )


def participants_match(draft: DatedClaim, corpus: DatedClaim) -> bool:
    """The same participants, as far as both name them: two in common when both name
    two, one when either names one. An event unnamed on either side is compared only
    as an event noun ("the tsunami of 26 December"), never as a bare verb ("said on
    Tuesday"), or as a verb with what it acts on ("the ruling will be issued"). Two
    objects must be the same."""
    if not _same_content(draft, corpus):
        return False  # "said on Tuesday that ..." and "said on Thursday that ...": two statements
    if draft.object and corpus.object and draft.object != corpus.object:
        return False  # "visited constituencies", "visited Leicester South": two visits
    if not draft.participants or not corpus.participants:
        if draft.noun and corpus.noun:
            return True
        # An unnamed verb is one event only by what it acts on: "the ruling will be
        # issued", never a bare "said on Tuesday".
        unnamed = not draft.participants and not corpus.participants
        same_object = draft.object == corpus.object != ""
        return unnamed and draft.predicate == corpus.predicate and same_object
    shared = draft.participants & corpus.participants
    return bool(shared) and len(shared) >= min(2, len(draft.participants), len(corpus.participants))


def _same_content(draft: DatedClaim, corpus: DatedClaim) -> bool:
    """Is what is said the same, as far as its nouns and names tell: two in common,
    or all of the shorter? A statement and an event that says nothing are two events."""
    if not draft.content and not corpus.content:
        return True
    shared = draft.content & corpus.content
    return bool(shared) and len(shared) >= min(2, len(draft.content), len(corpus.content))


def same_when(draft: DatedClaim, corpus: DatedClaim) -> bool | None:
    """Do two dated events name one time (True), differ (False), or can they not be
    compared, as two occasions or as times of no common part (None)?"""
    if draft.future and not corpus.future:
        return None  # a plan is for an occasion still to come, not one the corpus reports
    a, b = draft.when, corpus.when
    if a.day is not None and b.day is not None:
        return True if a.day == b.day else (False if same_occasion(a.day, b.day) else None)
    if a.day_of_month is not None and b.day_of_month is not None:
        if a.year is not None and b.year is not None and a.year != b.year:
            return None
        if a.month == b.month:
            return a.day_of_month == b.day_of_month or _days_apart(a, b)
        return False if _months_apart(a, b) <= 1 and _near_days(a, b) else None
    if a.month is not None and b.month is not None:
        distance = _months_apart(a, b)
        if distance == 0:
            return True
        return False if distance <= _MONTH_WINDOW else None
    if a.month is None and b.month is None and a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    if (a.day is not None or b.day is not None) and a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday  # a date against an undated weekday
    # A year alone is one occasion's only in "the first ... since 1995": a record.
    record = draft.preposition == corpus.preposition == "since"
    if record and a.year is not None and b.year is not None and a.month is b.month is None:
        return a.year == b.year
    return None


def _months_apart(a: When, b: When) -> int:
    assert a.month is not None and b.month is not None
    if a.year is not None and b.year is not None:
        return abs((a.year * 12 + a.month) - (b.year * 12 + b.month))
    return min((a.month - b.month) % 12, (b.month - a.month) % 12)


def _days_apart(a: When, b: When) -> bool | None:
    # Same month, another day: one occasion only within the window.
    assert a.day_of_month is not None and b.day_of_month is not None
    apart = abs(a.day_of_month - b.day_of_month)
    return False if apart <= OCCASION_WINDOW.days else None


def _near_days(a: When, b: When) -> bool:
    """Days of neighbouring months within the window ("30 April", "2 May")."""
    assert a.day_of_month is not None and b.day_of_month is not None
    assert a.month is not None and b.month is not None
    first, second = sorted([(a.month, a.day_of_month), (b.month, b.day_of_month)])
    return (31 - first[1]) + second[1] <= OCCASION_WINDOW.days
